package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/internal/testref"
)

const refDoc = "../../testdata/csis-modernizing-national-security.interleaved.txt"

// refPairs are the English/Chinese paragraph pairs of the reference document,
// by line: the title, then every body paragraph and heading.
func refPairs() [][2]int { return refLines() }

type jsonReport struct {
	Version   int `json:"version"`
	Documents []struct {
		Zh    struct{ Path string }
		En    struct{ Path string }
		Ratio float64
		Pairs []struct {
			Zh *struct {
				Line    int `json:"line"`
				EndLine int `json:"endLine"`
			} `json:"zh"`
			En *struct {
				Line    int `json:"line"`
				EndLine int `json:"endLine"`
			} `json:"en"`
			Type      string            `json:"type"`
			Score     float64           `json:"score"`
			Sentences []json.RawMessage `json:"sentences"`
		} `json:"pairs"`
		Findings []struct {
			Check    string `json:"check"`
			Category string `json:"category"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
			Zh       *struct {
				Path string `json:"path"`
				Line int    `json:"line"`
				Text string `json:"text"`
			} `json:"zh"`
			En *struct {
				Path string `json:"path"`
				Line int    `json:"line"`
				Text string `json:"text"`
			} `json:"en"`
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
		Summary struct{ Error, Warning, Info int }
	} `json:"documents"`
	Summary struct{ Documents, Error, Warning, Info int }
}

func runJSON(t *testing.T, args ...string) (jsonReport, int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"check", "--format", "json"}, args...), nil, &out, &errb)
	var r jsonReport
	if code != exitError {
		require.NoError(t, json.Unmarshal(out.Bytes(), &r), "stdout: %s\nstderr: %s", out.String(), errb.String())
	}
	return r, code, errb.String()
}

func pairsOf(r jsonReport) map[[2]int]string {
	m := map[[2]int]string{}
	for _, p := range r.Documents[0].Pairs {
		if p.Zh != nil && p.En != nil {
			m[[2]int{p.En.Line, p.Zh.Line}] = p.Type
		}
	}
	return m
}

func TestReferenceDocument(t *testing.T) {
	r, code, stderr := runJSON(t, "--config", refConfig, refDoc)
	require.Equal(t, exitOK, code, stderr)
	require.Len(t, r.Documents, 1)
	got := pairsOf(r)
	for _, p := range refPairs() {
		assert.Equal(t, "1-1", got[p], "English line %d should pair 1-1 with Chinese line %d", p[0], p[1])
	}
	assert.Len(t, got, len(refPairs()), "no other pairs")
	for _, f := range r.Documents[0].Findings {
		assert.NotEqual(t, "error", f.Severity, "unexpected error: %s %s", f.Check, f.Message)
		if f.Check == "extra" || f.Check == "omission" {
			assert.Equal(t, "info", f.Severity, "furniture above info: %s", f.Message)
		}
	}
	d := r.Documents[0]
	assert.InDelta(t, 4.2, d.Ratio, 0.7, "document ratio: English characters (without spaces) per Chinese character")
	for _, p := range d.Pairs {
		if p.Zh != nil && p.En != nil {
			assert.NotEmpty(t, p.Sentences, "sentence beads inside each pair")
		}
	}
}

// TestReferenceDocumentWithoutSiteConfig: without the furniture phrases
// of the page's site (what a user who has not configured a site sees), the
// site's labels are not furniture; they join the title and the first body
// paragraph as paragraphs of their translation, at info, and nothing else
// changes: the same warnings, no error, every other pair 1-1.
func TestReferenceDocumentWithoutSiteConfig(t *testing.T) {
	with, code, stderr := runJSON(t, "--config", refConfig, refDoc)
	require.Equal(t, exitOK, code, stderr)
	r, code, stderr := runJSON(t, refDoc)
	require.Equal(t, exitOK, code, stderr)
	got := pairsOf(r)
	pairs := refPairs()
	for i, p := range pairs {
		if i < 2 {
			continue // the title and the first body paragraph
		}
		assert.Equal(t, "1-1", got[p], "English line %d should pair 1-1 with Chinese line %d", p[0], p[1])
	}
	merged := 0
	for _, p := range r.Documents[0].Pairs {
		if p.Zh != nil && p.En != nil && p.Type != "1-1" {
			merged++
			assert.Equal(t, "1-2", p.Type)
			assert.Contains(t, []int{pairs[0][1], pairs[1][1]}, p.Zh.Line, "a site label joins the title or the first paragraph")
		}
	}
	assert.Equal(t, 2, merged)
	warnings := func(r jsonReport) []string {
		var out []string
		for _, f := range r.Documents[0].Findings {
			assert.NotEqual(t, "error", f.Severity, "unexpected error: %s %s", f.Check, f.Message)
			if f.Severity == "warning" {
				out = append(out, f.Check+": "+f.Message)
			}
		}
		return out
	}
	assert.Equal(t, warnings(with), warnings(r))
	assert.NotEmpty(t, warnings(r), "the page's unclosed quotation")
}

// splitReference writes the reference document's pairs as two files, as a
// translator's two-file project would have them.
func splitReference(t *testing.T, edit func(zh, en []string) ([]string, []string)) (string, string) {
	t.Helper()
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	var zh, en []string
	for _, p := range refPairs() {
		en = append(en, strings.TrimSpace(lines[p[0]-1]))
		zh = append(zh, strings.TrimSpace(lines[p[1]-1]))
	}
	if edit != nil {
		zh, en = edit(zh, en)
	}
	dir := t.TempDir()
	zp, ep := filepath.Join(dir, "doc.zh.txt"), filepath.Join(dir, "doc.en.txt")
	require.NoError(t, os.WriteFile(zp, []byte(strings.Join(zh, "\n\n")+"\n"), 0o644))
	require.NoError(t, os.WriteFile(ep, []byte(strings.Join(en, "\n\n")+"\n"), 0o644))
	return zp, ep
}

// line of paragraph i in a file written by splitReference
func para(i int) int { return 2*i + 1 }

func TestReferenceTwoFilesSamePairs(t *testing.T) {
	zp, ep := splitReference(t, nil)
	r, code, stderr := runJSON(t, "--zh", zp, "--en", ep)
	require.Equal(t, exitOK, code, stderr)
	d := r.Documents[0]
	require.Len(t, d.Pairs, len(refPairs()))
	for i, p := range d.Pairs {
		require.NotNil(t, p.Zh)
		require.NotNil(t, p.En)
		assert.Equal(t, para(i), p.Zh.Line)
		assert.Equal(t, para(i), p.En.Line)
		assert.Equal(t, "1-1", p.Type)
	}
	for _, f := range d.Findings {
		assert.NotEqual(t, "error", f.Severity, "unexpected error: %s %s", f.Check, f.Message)
	}
}

type finding struct {
	check, severity string
	zhLine, enLine  int
}

func findings(r jsonReport) []finding {
	var fs []finding
	for _, f := range r.Documents[0].Findings {
		x := finding{check: f.Check, severity: f.Severity}
		if f.Zh != nil {
			x.zhLine = f.Zh.Line
		}
		if f.En != nil {
			x.enLine = f.En.Line
		}
		fs = append(fs, x)
	}
	return fs
}

func has(fs []finding, pred func(finding) bool) bool {
	for _, f := range fs {
		if pred(f) {
			return true
		}
	}
	return false
}

func TestInjectedDropEnglishParagraph(t *testing.T) {
	const k = 12 // a body paragraph in the middle
	zp, ep := splitReference(t, func(zh, en []string) ([]string, []string) {
		return zh, append(append([]string{}, en[:k]...), en[k+1:]...)
	})
	r, code, _ := runJSON(t, "--zh", zp, "--en", ep)
	assert.Equal(t, exitFindings, code)
	fs := findings(r)
	assert.True(t, has(fs, func(f finding) bool {
		return f.check == "omission" && f.severity == "error" && f.zhLine == para(k)
	}), "omission at Chinese paragraph %d: %+v", k, fs)
	// the other pairs are still right
	d := r.Documents[0]
	for _, p := range d.Pairs {
		if p.Zh == nil || p.En == nil {
			continue
		}
		zi := (p.Zh.Line - 1) / 2
		ei := (p.En.Line - 1) / 2
		if zi < k {
			assert.Equal(t, zi, ei)
		} else {
			assert.Equal(t, zi, ei+1)
		}
	}
}

func TestInjectedSwap(t *testing.T) {
	// paragraphs 5 and 6 differ in length by a factor of about 1.6
	const a, b = 12, 13
	zp, ep := splitReference(t, func(zh, en []string) ([]string, []string) {
		en[a], en[b] = en[b], en[a]
		return zh, en
	})
	r, _, _ := runJSON(t, "--zh", zp, "--en", ep)
	fs := findings(r)
	for _, k := range []int{a, b} {
		assert.True(t, has(fs, func(f finding) bool {
			return (f.check == "alignment" || f.check == "length" || f.check == "omission") && (f.zhLine == para(k) || f.enLine == para(k))
		}), "a finding on swapped paragraph %d: %+v", k, fs)
	}
}

func TestInjectedNumbering(t *testing.T) {
	const k = 7 // "(3) Modernizing …" ↔ "(三)…"
	zp, ep := splitReference(t, func(zh, en []string) ([]string, []string) {
		require.True(t, strings.HasPrefix(en[k], "(3)"), en[k][:10])
		en[k] = "(4)" + en[k][3:]
		return zh, en
	})
	r, code, _ := runJSON(t, "--zh", zp, "--en", ep)
	assert.Equal(t, exitFindings, code)
	assert.True(t, has(findings(r), func(f finding) bool {
		return f.check == "numbering" && f.severity == "error" && f.enLine == para(k)
	}), "%+v", findings(r))
}

func TestInjectedUntranslated(t *testing.T) {
	const k = 10
	zp, ep := splitReference(t, func(zh, en []string) ([]string, []string) {
		en[k] = en[k] + " 国家安全是民族复兴的根基,社会稳定是国家强盛的前提。"
		return zh, en
	})
	r, code, _ := runJSON(t, "--zh", zp, "--en", ep)
	assert.Equal(t, exitFindings, code)
	assert.True(t, has(findings(r), func(f finding) bool {
		return f.check == "untranslated" && f.enLine == para(k)
	}), "%+v", findings(r))
}

func TestInjectedCutParagraph(t *testing.T) {
	const k = 14
	zp, ep := splitReference(t, func(zh, en []string) ([]string, []string) {
		en[k] = en[k][:len(en[k])/2]
		return zh, en
	})
	r, _, _ := runJSON(t, "--zh", zp, "--en", ep)
	assert.True(t, has(findings(r), func(f finding) bool {
		return f.check == "length" && f.enLine == para(k)
	}), "%+v", findings(r))
}

func TestInjectedInterleavedDropChinese(t *testing.T) {
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	// delete the Chinese paragraph of the pair at English line 63 (and its blank line)
	const enLine, zhLine = 63, 65
	out := append(append([]string{}, lines[:zhLine-1]...), lines[zhLine+1:]...)
	p := filepath.Join(t.TempDir(), "doc.txt")
	require.NoError(t, os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644))
	r, code, _ := runJSON(t, "--config", refConfig, p)
	assert.Equal(t, exitFindings, code)
	assert.True(t, has(findings(r), func(f finding) bool {
		return f.check == "omission" && f.severity == "error" && f.enLine == enLine
	}), "%+v", findings(r))
	got := pairsOf(r)
	for _, pr := range refPairs() {
		switch {
		case pr[0] == enLine:
			continue
		case pr[1] > zhLine:
			assert.Equal(t, "1-1", got[[2]int{pr[0] - 2, pr[1] - 2}], "pair after the deletion: %v", pr)
		default:
			assert.Equal(t, "1-1", got[pr], "pair before the deletion: %v", pr)
		}
	}
}

// TestFurnitureFlag: --furniture adds the phrases .aligncheck.yaml's
// "furniture:" gives, with the same report; a phrase without letters is a
// usage error; config prints the phrases of the file and the flags.
func TestFurnitureFlag(t *testing.T) {
	args := []string{"check", "--format", "json", "--fail-on", "none"}
	for _, p := range testref.Furniture() {
		args = append(args, "--furniture", p)
	}
	code, byFlags, errs := runCmd(t, append(args, refDoc)...)
	require.Equal(t, exitOK, code, errs)
	code, byFile, errs := runCmd(t, "check", "--config", refConfig, "--format", "json", "--fail-on", "none", refDoc)
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, byFile, byFlags)
	code, plain, _ := runCmd(t, "check", "--format", "json", "--fail-on", "none", refDoc)
	require.Equal(t, exitOK, code)
	assert.NotEqual(t, plain, byFlags, "the site's phrases change the report")

	code, _, errs = runCmd(t, "check", "--furniture", ">>", refDoc)
	assert.Equal(t, exitError, code)
	assert.Contains(t, errs, `">>": want a phrase with letters`)

	code, out, errs := runCmd(t, "config", "--config", refConfig, "--furniture", "Print this page")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, `furniture: [Return to the Library, Cite This Page, Original text, English text, Chinese text, See an error, Drop us a line, View the translated and original text side-by-side, Print this page]`)
}

// TestFurnitureEveryInput: the phrases reach every way of giving a
// document: texts on the command line, a pair of files, an interleaved file.
func TestFurnitureEveryInput(t *testing.T) {
	dir := t.TempDir()
	zh := "（一）加强统筹协调。各地区各部门要把安全工作摆在突出位置。\n"
	en := "Cite This Page\n\n(1) Strengthen overall coordination. All regions and departments must give security work a prominent place.\n"
	zp := gateWrite(t, dir, "doc.zh.txt", zh)
	ep := gateWrite(t, dir, "doc.en.txt", en)
	ip := gateWrite(t, dir, "page.txt", en+"\n"+zh)
	for _, in := range [][]string{{"--zh-text", zh, "--en-text", en}, {"--zh", zp, "--en", ep}, {ip}} {
		args := append([]string{"check", "--show", "info", "--fail-on", "none"}, in...)
		_, plain, errs := runCmd(t, args...)
		assert.NotContains(t, plain, "page furniture", "%v: %s", in, errs)
		_, site, errs := runCmd(t, append(args, "--furniture", "cite this page")...)
		assert.Contains(t, site, `page furniture: "Cite This Page"`, "%v: %s", in, errs)
	}
}
