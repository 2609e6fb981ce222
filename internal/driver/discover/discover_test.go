package discover

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rules(base string) Rules {
	return Rules{
		ZhTags: []string{"zh", "zh-*", "cn"}, EnTags: []string{"en", "en-*"},
		ZhDirs: []string{"zh", "zh-*", "cn"}, EnDirs: []string{"en", "en-*"},
		Interleaved: true, Include: []string{"*.md", "*.markdown", "*.txt"}, Base: base,
	}
}

func tree(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("x\n"), 0o644))
	}
	return dir
}

// show renders documents relative to dir for comparison.
func show(t *testing.T, dir string, docs []Doc) []string {
	rel := func(p string) string {
		r, err := filepath.Rel(dir, p)
		require.NoError(t, err)
		return filepath.ToSlash(r)
	}
	var out []string
	for _, d := range docs {
		switch d.Kind {
		case Pair:
			out = append(out, "pair "+rel(d.Zh)+" + "+rel(d.En))
		case Unpaired:
			out = append(out, "unpaired "+d.Lang+" "+rel(d.Path)+" (want "+rel(d.Want)+")")
		default:
			out = append(out, "single "+rel(d.Path))
		}
	}
	return out
}

func TestExpandConventions(t *testing.T) {
	dir := tree(t,
		"a.zh.md", "a.en.md",
		"b.zh-CN.txt", "b.en-US.txt",
		"c.zh_TW.md",
		"d.en.md",
		"inter.md",
		"notes.json",
		".hidden/h.md",
		"drafts/z.md",
		"tree/zh/x.md", "tree/en/x.md", "tree/zh/sub/y.md", "tree/en/sub/y.md", "tree/zh/only.md",
		"site/en/article.md",
		"multi.zh-Hans.md", "multi.zh-Hant.md", "multi.en.md",
	)
	r := rules(dir)
	r.Exclude = []string{"drafts/"}
	docs, err := Expand([]string{dir}, r)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"pair a.zh.md + a.en.md",
		"pair b.zh-CN.txt + b.en-US.txt",
		"unpaired zh c.zh_TW.md (want c.en.md)",
		"unpaired en d.en.md (want d.zh.md)",
		"single inter.md",
		"pair multi.zh-Hans.md + multi.en.md",
		"pair multi.zh-Hant.md + multi.en.md",
		"single site/en/article.md",
		"unpaired zh tree/zh/only.md (want tree/en/only.md)",
		"pair tree/zh/sub/y.md + tree/en/sub/y.md",
		"pair tree/zh/x.md + tree/en/x.md",
	}, show(t, dir, docs))
}

func TestExpandFindsPartnerOutsideArgs(t *testing.T) {
	dir := tree(t, "a.zh.md", "a.en.md", "docs/zh/p.md", "docs/en/p.md", "lone.zh.txt")
	docs, err := Expand([]string{
		filepath.Join(dir, "a.zh.md"),
		filepath.Join(dir, "docs", "zh"),
		filepath.Join(dir, "lone.zh.txt"),
		filepath.Join(dir, "missing.txt"),
	}, rules(dir))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"pair a.zh.md + a.en.md",
		"pair docs/zh/p.md + docs/en/p.md",
		"single lone.zh.txt",
		"single missing.txt",
	}, show(t, dir, docs))
	assert.True(t, docs[0].Named)
	assert.False(t, docs[1].Named)
}

func TestExpandNoDuplicates(t *testing.T) {
	dir := tree(t, "a.zh.md", "a.en.md", "i.txt")
	docs, err := Expand([]string{dir, filepath.Join(dir, "a.en.md"), filepath.Join(dir, "i.txt"), dir}, rules(dir))
	require.NoError(t, err)
	assert.Equal(t, []string{"pair a.zh.md + a.en.md", "single i.txt"}, show(t, dir, docs))
}

func TestInterleavedOff(t *testing.T) {
	dir := tree(t, "a.zh.md", "a.en.md", "i.txt")
	r := rules(dir)
	r.Interleaved = false
	docs, err := Expand([]string{dir}, r)
	require.NoError(t, err)
	assert.Equal(t, []string{"pair a.zh.md + a.en.md"}, show(t, dir, docs))
	// a file named on the command line is always read
	docs, err = Expand([]string{filepath.Join(dir, "i.txt")}, r)
	require.NoError(t, err)
	assert.Equal(t, []string{"single i.txt"}, show(t, dir, docs))
}

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, path string
		want          bool
	}{
		{"*.md", "a.md", true},
		{"*.md", "x/y/a.md", true},
		{"*.md", "a.txt", false},
		{"docs/*.md", "docs/a.md", true},
		{"docs/*.md", "docs/x/a.md", false},
		{"docs/**/*.md", "docs/a.md", true},
		{"docs/**/*.md", "docs/x/y/a.md", true},
		{"**/drafts/**", "a/drafts/b.md", true},
		{"drafts/", "drafts/b/c.md", true},
		{"drafts/", "x/drafts/c.md", false},
		{"./docs/a.md", "docs/a.md", true},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Match(c.pattern, c.path), "%s ~ %s", c.pattern, c.path)
	}
	assert.Error(t, ValidGlob("["))
	assert.Error(t, ValidGlob(""))
	assert.NoError(t, ValidGlob("**/x/*.md"))
}
