package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testCatalog = []CheckInfo{
	{Name: "length", Severity: "warning", Options: []Option{{"z", 3.5, false, false}, {"min-deviation", 0.35, false, false}, {"min-zh", 30, true, false}}},
	{Name: "numbering", Severity: "error"},
	{Name: "numbering/missing", Severity: "warning"},
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

func TestParseAll(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "terms.tsv", "安全\tsecurity\n")
	p := write(t, dir, ".aligncheck.yaml", `version: 1
source: en
fail-on: warning
checks:
  length:
    severity: info
    z: 4
    min-deviation: 0.5
  numbering/missing: off
  numbering: warning
glossary: [terms.tsv]
include: ["**/*.md"]
exclude: drafts/
pairing:
  zh-tags: [zh, zh-Hans]
  en-dirs: [english]
  interleaved: false
furniture:
  - Cite This Page
  - 返回列表
`)
	c, err := Load(p, testCatalog)
	require.NoError(t, err)
	assert.Equal(t, "en", c.Source)
	assert.Equal(t, "warning", c.FailOn)
	assert.Equal(t, Check{Name: "length", Enabled: true, Severity: "info", Options: []Option{{"z", 4, false, false}, {"min-deviation", 0.5, false, false}, {"min-zh", 30, true, false}}}, *c.Lookup("length"))
	assert.False(t, c.Lookup("numbering/missing").Enabled)
	assert.Equal(t, "warning", c.Lookup("numbering").Severity)
	assert.Equal(t, []string{filepath.Join(dir, "terms.tsv")}, c.Glossary)
	assert.Equal(t, []string{"**/*.md"}, c.Include)
	assert.Equal(t, []string{"drafts/"}, c.Exclude)
	assert.Equal(t, []string{"zh", "zh-Hans"}, c.Pairing.ZhTags)
	assert.Equal(t, []string{"english"}, c.Pairing.EnDirs)
	assert.Equal(t, DefaultPairing().EnTags, c.Pairing.EnTags)
	assert.False(t, c.Pairing.Interleaved)
	assert.Equal(t, []string{"Cite This Page", "返回列表"}, c.Furniture)
	assert.Equal(t, map[string]float64{"length.z": 4, "length.min-deviation": 0.5, "length.min-zh": 30}, c.Options())

	// the printed configuration reads back to the same
	out, err := c.YAML(dir)
	require.NoError(t, err)
	c2, err := Parse(filepath.Join(dir, "printed.yaml"), out, testCatalog)
	require.NoError(t, err, string(out))
	c2.File = c.File
	assert.Equal(t, c, c2, string(out))
}

func TestEmptyFileIsDefaults(t *testing.T) {
	dir := t.TempDir()
	for _, text := range []string{"", "# nothing\n", "---\n"} {
		c, err := Parse(filepath.Join(dir, ".aligncheck.yaml"), []byte(text), testCatalog)
		require.NoError(t, err)
		d := Default(testCatalog, dir)
		d.File = c.File
		assert.Equal(t, d, c)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ name, text, want string }{
		{"unknown key", "source: zh\nfail_on: error\n",
			`:2: unknown key "fail_on" (want one of: version, source, fail-on, show, sort, checks, glossary, include, exclude, pairing, furniture)`},
		{"wrong type", "fail-on: [error]\n", `:1: fail-on: want a string, got a list`},
		{"bad severity", "fail-on: fatal\n", `:1: fail-on: want error, warning, info or none, not "fatal"`},
		{"bad source", "source: fr\n", `:1: source: want zh or en, not "fr"`},
		{"unknown check", "checks:\n  lenght: off\n", `:2: checks: unknown check "lenght" (see 'aligncheck checks')`},
		{"unknown threshold", "checks:\n  length:\n    zz: 3\n", `:3: checks: length: unknown key "zz" (want one of: enabled, severity, z, min-deviation, min-zh)`},
		{"whole option", "checks:\n  length:\n    min-zh: 30.5\n", `:3: checks: length: min-zh: want a whole number, got 30.5`},
		{"threshold type", "checks:\n  length:\n    z: high\n", `:3: checks: length: z: want a number, got "high"`},
		{"check value", "checks:\n  length: 3\n", `:2: checks: length: want on, off or a severity (error, warning, info), not a number`},
		{"missing glossary", "glossary:\n  - missing.tsv\n", `:2: glossary "missing.tsv": no such file or directory`},
		{"bad glob", "exclude: ['[']\n", `:1: exclude: bad pattern "[": syntax error in pattern`},
		{"pairing path", "pairing:\n  zh-dirs: [a/zh]\n", `:2: pairing: zh-dirs: "a/zh": a tag or directory name, not a path`},
		{"duplicate", "source: zh\nsource: en\n", `:2: key "source" repeated (first at line 1)`},
		{"not a mapping", "- source\n", `:1: want a mapping of settings (source, fail-on, checks, …), got a list`},
		{"yaml syntax", "source: [zh\n", `:1: did not find expected ',' or ']'`},
		{"version", "version: 2\n", `:1: version: only version 1 exists, not 2`},
		{"furniture number", "furniture:\n  - Cite This Page\n  - 42\n", `:3: furniture: want a string, got a number`},
		{"furniture empty", "furniture:\n  - Cite This Page\n  - \"\"\n", `:3: furniture: "": want a phrase with letters (a label the site repeats on its pages, such as "Back to list")`},
		{"furniture blank", "furniture: ['  ']\n", `:1: furniture: "  ": want a phrase with letters (a label the site repeats on its pages, such as "Back to list")`},
		{"furniture no letters", "furniture:\n  - '>>'\n", `:2: furniture: ">>": want a phrase with letters (a label the site repeats on its pages, such as "Back to list")`},
		{"furniture mapping", "furniture:\n  cite: page\n", `:2: furniture: want a list of strings, got a mapping`},
		{"furniture null item", "furniture:\n  -\n", `:2: furniture: want a string, got nothing`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, dir, ".aligncheck.yaml", c.text)
			_, err := Load(p, testCatalog)
			require.Error(t, err)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, p+c.want, err.Error())
		})
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "a", "b", "c")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	p, err := Find(deep)
	require.NoError(t, err)
	if p != "" { // a configuration above the temporary directory
		rel, _ := filepath.Rel(dir, p)
		assert.False(t, filepath.IsLocal(rel), "found %s", p)
	}
	want := write(t, dir, "a/.aligncheck.yaml", "")
	p, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, want, p)
	want = write(t, dir, "a/b/.aligncheck.yml", "")
	p, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, want, p)
}
