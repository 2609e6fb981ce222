package reports_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/reports")

const goldenDir = "../testdata/reports"

// goldenWriters names every writer's golden file: with the default view
// (warnings and errors listed, errors first), and for the formats the view
// changes, with every finding by place and colour on.
var goldenWriters = []struct {
	file string
	w    reports.Writer
	view reports.View
}{
	{"report.golden.txt", reports.Text{}, reports.View{}},
	{"report.golden.json", reports.JSON{}, reports.View{}},
	{"report.golden.jsonl", reports.JSONL{}, reports.View{}},
	{"report.golden.html", reports.HTML{}, reports.View{}},
	{"report.golden.sarif", reports.SARIF{}, reports.View{}},
	{"report.golden.junit.xml", reports.JUnit{}, reports.View{}},
	{"report.golden.github.txt", reports.GitHub{}, reports.View{}},
	{"report.golden.md", reports.Markdown{}, reports.View{}},
	{"report.golden.all.txt", reports.Text{}, allByFile},
	{"report.golden.all.github.txt", reports.GitHub{}, allByFile},
	{"report.golden.all.md", reports.Markdown{}, allByFile},
	{"report.golden.all.html", reports.HTML{}, allByFile},
}

var allByFile = reports.View{Show: checks.Info, ByFile: true, Color: true}

func write(t testing.TB, w reports.Writer, r *reports.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, w.Write(&buf, r))
	return buf.Bytes()
}

// TestGolden compares every writer's output on the fixture with its golden
// file, byte for byte; `go test ./reports -update` rewrites them.
func TestGolden(t *testing.T) {
	for _, g := range goldenWriters {
		t.Run(g.file, func(t *testing.T) {
			r := fixtureReport()
			r.View = g.view
			got := write(t, g.w, r)
			// Same input, same bytes: a second report built afresh.
			r2 := fixtureReport()
			r2.View = g.view
			if d := firstDiff(string(got), string(write(t, g.w, r2))); d != "" {
				t.Errorf("output is not deterministic: %s", d)
			}
			path := filepath.Join(goldenDir, g.file)
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run `go test ./reports -update` to create the golden files")
			if d := firstDiff(string(want), string(got)); d != "" {
				t.Errorf("%s differs from its golden file (%s); if the change is meant, run `go test ./reports -update` and review the diff", g.file, d)
			}
			for _, bad := range []string{"/work/", "/home/", "/tmp/", "0.1.0-dev"} {
				assert.NotContains(t, string(got), bad, "goldens hold no absolute path or real version")
			}
		})
	}
}

// firstDiff describes the first line where two texts differ, "" if equal.
func firstDiff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d: want %q, got %q", i+1, shorten(a), shorten(b))
		}
	}
	return "same lines, different bytes"
}

func shorten(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
