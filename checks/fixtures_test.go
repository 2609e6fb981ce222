package checks_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/checks/glossary"
	"github.com/aligncheck/aligncheck/internal/driver/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFixtures runs each check on its fixtures under testdata/checks/<check>/<case>/
// (a "/" in the check's name is "--" in the directory's).
// A case holds zh.txt and en.txt (two-file shape), doc.txt (interleaved) or
// another doc.* file read as its extension says (doc.tsv, doc.tmx: a
// pre-aligned file), and want.txt: one line per expected finding, "file:line: check: regexp",
// where file is zh.txt, en.txt or doc.* and the line is that of the
// finding's location in that file. A finding not listed fails the test, and
// so does a listed one not found (analysistest's rule). Lines starting with
// # are comments; an empty want.txt is a negative case. A glossary.* file
// in the case is loaded as the glossary, and a .aligncheck.yaml gives its
// furniture phrases (a case of a site's own page furniture).
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "checks")
	dirs, err := filepath.Glob(filepath.Join(root, "*", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs, "no fixtures found under %s", root)
	for _, dir := range dirs {
		rel, _ := filepath.Rel(root, dir)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) { runFixture(t, dir) })
	}
}

// fixtureDir is the directory of a check's fixtures.
func fixtureDir(c *checks.Check) string {
	return filepath.Join("..", "testdata", "checks", strings.ReplaceAll(c.Name, "/", "--"))
}

// TestEveryCheckHasFixtures: every registered check has a fixture
// directory with a case that expects a finding of it and a case that
// expects none (analysistest's habit: a check is shown firing and shown
// quiet), and every fixture directory names a registered check.
func TestEveryCheckHasFixtures(t *testing.T) {
	for _, c := range checks.Registry() {
		cases, _ := filepath.Glob(filepath.Join(fixtureDir(c), "*", "want.txt"))
		if !assert.NotEmpty(t, cases, "check %s has no fixture: add %s/<case>/{zh.txt,en.txt,want.txt}", c.Name, fixtureDir(c)) {
			continue
		}
		positive, negative := false, false
		for _, w := range cases {
			n := 0
			for _, ws := range readWant(t, w) {
				if ws.check == c.Name {
					n++
				}
			}
			positive = positive || n > 0
			negative = negative || n == 0
		}
		assert.True(t, positive, "check %s: no fixture case expects a finding of it", c.Name)
		assert.True(t, negative, "check %s: no fixture case expects none (a clean case)", c.Name)
	}
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "checks", "*"))
	require.NoError(t, err)
	for _, d := range dirs {
		assert.NotNil(t, checks.Lookup(strings.ReplaceAll(filepath.Base(d), "--", "/")), "%s names no check", d)
	}
}

type want struct {
	file  string
	line  int
	check string
	re    *regexp.Regexp
}

func readWant(t *testing.T, path string) []want {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var ws []want
	for n, ln := range strings.Split(string(data), "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		parts := strings.SplitN(ln, ": ", 3)
		require.Len(t, parts, 3, "%s:%d: want 'file:line: check: regexp'", path, n+1)
		fl := strings.SplitN(parts[0], ":", 2)
		require.Len(t, fl, 2, "%s:%d", path, n+1)
		line, err := strconv.Atoi(fl[1])
		require.NoError(t, err, "%s:%d", path, n+1)
		re, err := regexp.Compile(parts[2])
		require.NoError(t, err, "%s:%d", path, n+1)
		ws = append(ws, want{fl[0], line, parts[1], re})
	}
	return ws
}

func loadFixture(t *testing.T, dir string) *align.Document {
	doc := readFixture(t, dir)
	if p := filepath.Join(dir, ".aligncheck.yaml"); fileExists(p) {
		cfg, err := config.Load(p, nil)
		require.NoError(t, err)
		doc.Classify(align.NewFurniture(cfg.Furniture))
	}
	return doc
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func readFixture(t *testing.T, dir string) *align.Document {
	if ds, _ := filepath.Glob(filepath.Join(dir, "doc.*")); len(ds) == 1 && filepath.Ext(ds[0]) != ".txt" {
		docs, err := input.Open(ds[0], nil, input.Options{})
		require.NoError(t, err)
		require.Len(t, docs, 1, ds[0])
		return docs[0]
	}
	if _, err := os.Stat(filepath.Join(dir, "doc.txt")); err == nil {
		p := filepath.Join(dir, "doc.txt")
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		d, err := input.Interleaved(p, string(data))
		require.NoError(t, err)
		return d
	}
	zp, ep := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	zt, err := os.ReadFile(zp)
	require.NoError(t, err)
	et, err := os.ReadFile(ep)
	require.NoError(t, err)
	d, err := input.TwoFiles(zp, string(zt), ep, string(et))
	require.NoError(t, err)
	return d
}

func runFixture(t *testing.T, dir string) {
	check := filepath.Base(filepath.Dir(dir))
	c := checks.Lookup(strings.ReplaceAll(check, "--", "/"))
	require.NotNil(t, c, "no check named %q", check)
	doc := loadFixture(t, dir)
	set := checks.DefaultSettings()
	if g, err := filepath.Glob(filepath.Join(dir, "glossary.*")); err == nil && len(g) > 0 {
		// a case may bring a glossary (terminology)
		set.Glossary, err = glossary.Load(g...)
		require.NoError(t, err)
	}
	findings := runChecks(t, doc, set, c)
	ws := readWant(t, filepath.Join(dir, "want.txt"))
	matched := make([]bool, len(ws))
	var unexpected []string
	for _, f := range findings {
		ok := false
		for _, sp := range []*align.Span{f.Zh, f.En} {
			if sp == nil {
				continue
			}
			for i, w := range ws {
				if !matched[i] && filepath.Base(sp.Path) == w.file && sp.Line == w.line && f.Check == w.check && w.re.MatchString(f.Message) {
					matched[i], ok = true, true
					break
				}
			}
			if ok {
				break
			}
		}
		if !ok {
			loc := checks.Primary(&f, align.Zh)
			unexpected = append(unexpected, filepath.Base(loc.Path)+":"+strconv.Itoa(loc.Line)+": "+f.Check+": "+f.Message)
		}
	}
	var missing []string
	for i, w := range ws {
		if !matched[i] {
			missing = append(missing, w.file+":"+strconv.Itoa(w.line)+": "+w.check+": "+w.re.String())
		}
	}
	sort.Strings(unexpected)
	if len(unexpected) > 0 || len(missing) > 0 {
		t.Errorf("fixture %s:\nunexpected findings:\n  %s\nmissing findings:\n  %s", dir,
			strings.Join(unexpected, "\n  "), strings.Join(missing, "\n  "))
	}
}
