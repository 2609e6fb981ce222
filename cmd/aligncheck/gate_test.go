package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/driver/baseline"
	"github.com/aligncheck/aligncheck/reports"
)

// refTexts returns the reference document's paragraph pairs.
func refTexts(tb testing.TB) (zh, en []string) {
	tb.Helper()
	data, err := os.ReadFile(refDoc)
	require.NoError(tb, err)
	lines := strings.Split(string(data), "\n")
	for _, p := range refPairs() {
		en = append(en, strings.TrimSpace(lines[p[0]-1]))
		zh = append(zh, strings.TrimSpace(lines[p[1]-1]))
	}
	return zh, en
}

func gateWrite(tb testing.TB, dir, name, text string) string {
	tb.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(tb, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(tb, os.WriteFile(p, []byte(text), 0o644))
	return p
}

// genTree writes n documents made from the reference into dir, each a
// window of size paragraph pairs (0: all of them) with a small variation of
// its own, in the three shapes a directory can hold: interleaved files,
// name.zh.txt + name.en.txt pairs, and mirrored zh/ + en/ trees.
func genTree(tb testing.TB, dir string, n, size int) {
	tb.Helper()
	genTreeOf(tb, dir, n, size, false)
}

// genDistinctTree is genTree with a last paragraph pair naming the
// document's number, so that no two documents have the same content.
func genDistinctTree(tb testing.TB, dir string, n, size int) {
	tb.Helper()
	genTreeOf(tb, dir, n, size, true)
}

func genTreeOf(tb testing.TB, dir string, n, size int, distinct bool) {
	tb.Helper()
	zh0, en0 := refTexts(tb)
	if size <= 0 || size > len(zh0) {
		size = len(zh0)
	}
	for i := 0; i < n; i++ {
		start := 0
		if len(zh0) > size {
			start = (i * 7) % (len(zh0) - size + 1)
		}
		zh := append([]string(nil), zh0[start:start+size]...)
		en := append([]string(nil), en0[start:start+size]...)
		k := size / 2
		switch i % 5 {
		case 1: // a word changed
			en[k] = strings.Replace(en[k], " the ", " this ", 1)
		case 2: // Chinese left in the English
			en[k] += " 国家安全是民族复兴的根基。"
		case 3: // an English paragraph dropped
			en = append(en[:k:k], en[k+1:]...)
		case 4: // white space reflowed
			en[k] = strings.ReplaceAll(en[k], ". ", ".\n")
		}
		if distinct {
			zh = append(zh, fmt.Sprintf("本文编号：%d。", 1000+i))
			en = append(en, fmt.Sprintf("Document number: %d.", 1000+i))
		}
		name := fmt.Sprintf("doc%03d", i)
		switch i % 3 {
		case 0:
			var b strings.Builder
			for j := range zh {
				if j < len(en) {
					b.WriteString(en[j] + "\n\n")
				}
				b.WriteString(zh[j] + "\n\n")
			}
			gateWrite(tb, dir, "interleaved/"+name+".txt", b.String())
		case 1:
			gateWrite(tb, dir, "pairs/"+name+".zh.txt", strings.Join(zh, "\n\n")+"\n")
			gateWrite(tb, dir, "pairs/"+name+".en.txt", strings.Join(en, "\n\n")+"\n")
		default:
			gateWrite(tb, dir, "tree/zh/"+name+".md", strings.Join(zh, "\n\n")+"\n")
			gateWrite(tb, dir, "tree/en/"+name+".md", strings.Join(en, "\n\n")+"\n")
		}
	}
}

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestManyDocumentsDeterministic(t *testing.T) {
	dir := t.TempDir()
	const n = 200
	genTree(t, dir, n, 6)
	gateWrite(t, dir, "pairs/lonely.zh.txt", "这一段没有译文。\n")
	code, out, errs := runCmd(t, "check", "--format", "json", "--fail-on", "none", dir)
	require.Equal(t, exitOK, code, errs)
	_, again, _ := runCmd(t, "check", "--format", "json", "--fail-on", "none", dir)
	assert.True(t, out == again, "two runs print the same report, byte for byte")
	var r jsonReport
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, n+1, r.Summary.Documents, "every document, and the unpaired file")
	var paths []string
	for _, d := range r.Documents {
		paths = append(paths, d.Zh.Path)
	}
	assert.IsIncreasing(t, paths, "documents sorted by path")
	assert.Equal(t, fmt.Sprintf("%d document(s): %d error(s), %d warning(s), %d info\n", n+1, r.Summary.Error, r.Summary.Warning, r.Summary.Info), errs)
	assert.Positive(t, r.Summary.Error, "the variations are found")
}

// TestCopiesCheckedOnce: a tree holding each document twice (a release
// directory beside the working one) reports each copy as checking the copy
// alone does, in the formats that list every finding; only the first copy of
// each content is aligned and checked (driver.CopyCache).
func TestCopiesCheckedOnce(t *testing.T) {
	dir := t.TempDir()
	genTree(t, filepath.Join(dir, "a"), 15, 0)
	require.NoError(t, os.CopyFS(filepath.Join(dir, "release"), os.DirFS(filepath.Join(dir, "a"))))
	release := filepath.Join(dir, "release")
	releaseLines := func(out string) []string {
		var ls []string
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, release) {
				ls = append(ls, l)
			}
		}
		return ls
	}
	for _, format := range []string{"json", "text", "sarif", "jsonl", "junit"} {
		_, both, _ := runCmd(t, "check", "--format", format, "--fail-on", "none", "--quiet", dir)
		_, alone, _ := runCmd(t, "check", "--format", format, "--fail-on", "none", "--quiet", release)
		if format == "json" {
			var rb, ra struct {
				Documents []json.RawMessage `json:"documents"`
			}
			require.NoError(t, json.Unmarshal([]byte(both), &rb))
			require.NoError(t, json.Unmarshal([]byte(alone), &ra))
			require.Len(t, rb.Documents, 2*len(ra.Documents))
			for i, d := range ra.Documents {
				// release/ sorts after a/
				assert.JSONEq(t, string(d), string(rb.Documents[len(ra.Documents)+i]), "document %d", i)
			}
			continue
		}
		want := releaseLines(alone)
		require.NotEmpty(t, want, format)
		assert.Equal(t, want, releaseLines(both), format)
	}
}

func TestUnpairedFile(t *testing.T) {
	dir := t.TempDir()
	zh, en := refTexts(t)
	gateWrite(t, dir, "a.zh.txt", strings.Join(zh[:6], "\n\n")+"\n")
	gateWrite(t, dir, "a.en.txt", strings.Join(en[:6], "\n\n")+"\n")
	gateWrite(t, dir, "b.zh-CN.txt", strings.Join(zh[:6], "\n\n")+"\n")
	gateWrite(t, dir, "zh/c.md", strings.Join(zh[:6], "\n\n")+"\n")
	gateWrite(t, dir, "en/d.md", strings.Join(en[:6], "\n\n")+"\n")
	gateWrite(t, dir, "README.md", "These are the translations of the institute.\n")
	t.Chdir(dir)
	code, out, errs := runCmd(t, "check", "--fail-on", "warning", "--show", "info", "--enable", "omission,numbering", ".")
	assert.Equal(t, exitOK, code, errs)
	assert.Equal(t, `README.md:1:1: info: not checked: no Chinese paragraph found (an interleaved file needs both languages) [unpaired]
b.zh-CN.txt:1:1: info: Chinese file has no English translation (looked for b.en.txt) [unpaired]
en/d.md:1:1: info: English file has no Chinese original (looked for zh/d.md) [unpaired]
zh/c.md:1:1: info: Chinese file has no English translation (looked for en/c.md) [unpaired]
`, out)
	assert.Equal(t, "5 document(s): 0 error(s), 0 warning(s), 4 info\n", errs)
	code, out, _ = runCmd(t, "check", "--format", "json", "--fail-on", "info", ".")
	assert.Equal(t, exitFindings, code, "info findings fail with --fail-on info")
	var r struct {
		Documents []struct {
			Zh, En   struct{ Path string }
			Shape    string
			Findings []struct{ Check, Category, Severity, Message string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Documents, 5)
	d := r.Documents[2]
	assert.Equal(t, "unpaired", d.Shape)
	assert.Equal(t, "b.zh-CN.txt", d.Zh.Path)
	assert.Equal(t, "", d.En.Path)
	require.Len(t, d.Findings, 1)
	assert.Equal(t, "omission", d.Findings[0].Category)
	// every writer takes the pseudo-document
	for _, f := range reports.Formats() {
		code, _, errs := runCmd(t, "check", "--format", f, "--fail-on", "none", ".")
		assert.Equal(t, exitOK, code, "%s: %s", f, errs)
	}
	// the finding can be turned off or up like any check's
	gateWrite(t, dir, ".aligncheck.yaml", "checks:\n  unpaired: error\n")
	code, _, _ = runCmd(t, "check", ".")
	assert.Equal(t, exitFindings, code)
	gateWrite(t, dir, ".aligncheck.yaml", "checks:\n  unpaired: off\n")
	code, out, _ = runCmd(t, "check", "--enable", "omission,numbering", ".")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, out)
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	doc := gateWrite(t, dir, "doc.txt", "安全是发展的前提。\n\nSecurity is the precondition of development.\n")
	t.Chdir(dir)
	cases := []struct{ name, text, want string }{
		{"unknown key", "source: zh\nfail_on: warning\n",
			`.aligncheck.yaml:2: unknown key "fail_on" (want one of: version, source, fail-on, show, sort, checks, glossary, include, exclude, pairing, furniture)`},
		{"wrong type", "checks:\n  length:\n    z: [3]\n",
			`.aligncheck.yaml:3: checks: length: z: want a number, got a list`},
		{"missing glossary", "glossary:\n  - terms/missing.tsv\n",
			`.aligncheck.yaml:2: glossary "terms/missing.tsv": no such file or directory`},
		{"empty furniture phrase", "furniture:\n  - Cite This Page\n  - ''\n",
			`.aligncheck.yaml:3: furniture: "": want a phrase with letters (a label the site repeats on its pages, such as "Back to list")`},
		{"furniture not a string", "furniture:\n  - [Cite, This, Page]\n",
			`.aligncheck.yaml:2: furniture: want a string, got a list`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gateWrite(t, dir, ".aligncheck.yaml", c.text)
			// found by walking up, and named with --config
			for _, args := range [][]string{{"check", doc}, {"check", "--config", ".aligncheck.yaml", doc}, {"config"}} {
				code, out, errs := runCmd(t, args...)
				assert.Equal(t, exitError, code, args)
				want := filepath.Join(dir, c.want)
				if len(args) > 2 && args[1] == "--config" {
					want = c.want
				}
				assert.Equal(t, "aligncheck: "+want+"\n", errs, args)
				assert.Empty(t, out)
			}
		})
	}
}

func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	gateWrite(t, dir, "terms.tsv", "安全\tsecurity\n")
	gateWrite(t, dir, ".aligncheck.yaml", `fail-on: warning
checks:
  length:
    severity: info
    z: 4
  numbering/sequence: off
glossary: terms.tsv
exclude: [drafts/]
`)
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	t.Chdir(sub)
	code, out, errs := runCmd(t, "config", "--source", "en")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "# aligncheck effective configuration (from "+filepath.Join(dir, ".aligncheck.yaml")+")\n")
	assert.Contains(t, out, "source: en\n", "a flag overrides the file")
	assert.Contains(t, out, "fail-on: warning\n")
	assert.Contains(t, out, "  length:\n    enabled: true\n    severity: info\n    z: 4\n    min-deviation: 0.35\n")
	assert.Contains(t, out, "  numbering/sequence:\n    enabled: false\n")
	assert.Contains(t, out, "  unpaired:\n    enabled: true\n    severity: info\n")
	assert.Contains(t, out, "glossary: ["+filepath.Join(dir, "terms.tsv")+"]\n", "outside the working directory: absolute")
	assert.Contains(t, out, "exclude: [drafts/]\n")
	// what it prints is a configuration file
	p := gateWrite(t, t.TempDir(), "printed.yaml", out)
	code, out2, errs := runCmd(t, "config", "--config", p)
	require.Equal(t, exitOK, code, errs)
	strip := func(s string) string { _, body, _ := strings.Cut(s, "\n"); return body }
	assert.Equal(t, strip(out), strip(out2))

	code, _, errs = runCmd(t, "config", "--fail-on", "fatal")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errs, "--fail-on: unknown severity")
}

// TestConfigApplies checks that the file's settings reach the run and
// that flags win over them.
func TestConfigApplies(t *testing.T) {
	zh, en := refTexts(t)
	dir := t.TempDir()
	en[7] = "(4)" + en[7][3:] // numbering error
	gateWrite(t, dir, "doc.zh.txt", strings.Join(zh, "\n\n")+"\n")
	gateWrite(t, dir, "doc.en.txt", strings.Join(en, "\n\n")+"\n")
	t.Chdir(dir)
	code, out, _ := runCmd(t, "check", ".")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, out, "error:")
	gateWrite(t, dir, ".aligncheck.yaml", "checks:\n  numbering: warning\n  numbering/sequence: off\n")
	code, out, _ = runCmd(t, "check", ".")
	assert.Equal(t, exitOK, code, out)
	assert.Regexp(t, `warning: .*\[numbering\]`, out)
	assert.NotContains(t, out, "[numbering/sequence]")
	// fail-on from the file: the same numbering warning now fails the run
	gateWrite(t, dir, ".aligncheck.yaml", "fail-on: warning\nchecks:\n  numbering: warning\n  numbering/sequence: off\n")
	code, out, _ = runCmd(t, "check", ".")
	assert.Equal(t, exitFindings, code, "fail-on: warning in the file fails on a warning: %s", out)
	assert.Regexp(t, `warning: .*\[numbering\]`, out)
	gateWrite(t, dir, ".aligncheck.yaml", "fail-on: warning\nchecks:\n  numbering: off\n")
	code, out, _ = runCmd(t, "check", ".")
	assert.NotContains(t, out, "[numbering]")
	// what is left decides the exit code: 1 exactly when a warning or an
	// error is listed (show follows fail-on)
	want := exitOK
	if strings.Contains(out, ": warning: ") || strings.Contains(out, ": error: ") {
		want = exitFindings
	}
	assert.Equal(t, want, code, out)
	code, out, _ = runCmd(t, "check", "--enable", "numbering", "--fail-on", "error", ".")
	assert.Equal(t, exitFindings, code, "--enable and --fail-on override the file")
	assert.Contains(t, out, "[numbering]")
	// include/exclude from the file
	gateWrite(t, dir, "drafts/x.zh.txt", "草稿。\n")
	gateWrite(t, dir, ".aligncheck.yaml", "exclude: [drafts/]\nchecks:\n  numbering: off\n")
	_, out, _ = runCmd(t, "check", ".")
	assert.NotContains(t, out, "drafts")
	gateWrite(t, dir, ".aligncheck.yaml", "show: info\nchecks:\n  numbering: off\n")
	_, out, _ = runCmd(t, "check", ".")
	assert.Contains(t, out, "drafts/x.zh.txt:1:1: info: Chinese file has no English translation")
}

func TestBaselineRoundTrip(t *testing.T) {
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	dir := t.TempDir()
	doc := gateWrite(t, dir, "doc.txt", string(data))
	base := filepath.Join(dir, "baseline.json")

	code, out0, errs := runCmd(t, "check", "--fail-on", "info", "--write-baseline", base, doc)
	require.Equal(t, exitOK, code, "writing the baseline accepts every finding: %s", errs)
	assert.Contains(t, errs, "; baseline written to "+base)
	bl, err := baseline.Read(base)
	require.NoError(t, err)
	n := 0
	for _, e := range bl.Findings {
		n += e.Count
		assert.Equal(t, doc, e.Path)
		assert.NotEmpty(t, e.Message)
	}
	assert.Equal(t, strings.Count(out0, "\n"), n, "one entry per finding")
	require.Positive(t, n)

	// unrelated edits: a sentence reworded in one paragraph, lines shifted
	// above everything, another paragraph reflowed
	text := string(data)
	old := "At present, the world’s great changes unseen in a century are accelerating"
	require.Contains(t, text, old)
	text = strings.Replace(text, old, "At present, the great changes unseen in a century in the world are accelerating", 1)
	text = "\n\n" + text
	reflow := "The 20th Party Congress report clarified the overall requirements"
	require.Contains(t, text, reflow)
	text = strings.Replace(text, reflow, "The 20th Party Congress report\nclarified the overall\nrequirements", 1)
	gateWrite(t, dir, "doc.txt", text)
	code, out, errs := runCmd(t, "check", "--fail-on", "info", "--baseline", base, doc)
	assert.Equal(t, exitOK, code, "no new finding: %s%s", out, errs)
	assert.Empty(t, out)
	assert.Contains(t, errs, fmt.Sprintf("; %d in the baseline not shown", n))

	// a new defect is new, and only it
	check, edit := "numbers", "the 20th National Congress of the Chinese Communist Party"
	if checks.Lookup("numbers") == nil {
		check, edit = "numbering", "(3) Modernizing"
	}
	require.Contains(t, text, edit)
	var repl string
	if check == "numbers" {
		repl = strings.Replace(edit, "20th", "21st", 1)
	} else {
		repl = "(4) Modernizing"
	}
	text = strings.Replace(text, edit, repl, 1)
	gateWrite(t, dir, "doc.txt", text)
	code, out, errs = runCmd(t, "check", "--fail-on", "info", "--baseline", base, doc)
	assert.Equal(t, exitFindings, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 1, "exactly the new finding: %s", out)
	assert.Regexp(t, `^`+regexp.QuoteMeta(doc)+`:\d+:\d+: error: .* \[`+regexp.QuoteMeta(check)+`\]( \(Chinese at \d+:\d+\))?$`, lines[0])
}

func gitCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %s: %s", strings.Join(args, " "), out)
}

func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	gitCmd(t, dir, "init", "-q")
	zh, en := refTexts(t)
	en[7] = "(4)" + en[7][3:] // a defect already committed
	gateWrite(t, dir, "doc.zh.txt", strings.Join(zh, "\n\n")+"\n")
	gateWrite(t, dir, "doc.en.txt", strings.Join(en, "\n\n")+"\n")
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	gateWrite(t, dir, "page.txt", string(data))
	gitCmd(t, dir, "add", ".")
	gitCmd(t, dir, "commit", "-q", "-m", "translations")
	t.Chdir(dir)

	code, out, errs := runCmd(t, "check", "--new-from-rev", "HEAD", ".")
	assert.Equal(t, exitOK, code, errs)
	assert.Empty(t, out, "nothing changed, nothing reported")
	assert.Contains(t, errs, "; only pairs changed since HEAD")

	// a commit that touches only paragraph 5: a defect there
	const k = 5
	en[k] += " 国家安全是民族复兴的根基。"
	gateWrite(t, dir, "doc.en.txt", strings.Join(en, "\n\n")+"\n")
	page := strings.Split(string(data), "\n")
	pageLine := refPairs()[k][0] // English line of pair k in the interleaved page
	page[pageLine-1] += " 国家安全是民族复兴的根基。"
	gateWrite(t, dir, "page.txt", strings.Join(page, "\n"))
	gitCmd(t, dir, "commit", "-q", "-am", "paragraph 5")

	code, out, _ = runCmd(t, "check", "--fail-on", "info", ".")
	assert.Contains(t, out, "[numbering]", "the old defect is there without --new-from-rev")
	assert.Equal(t, exitFindings, code)

	code, out, errs = runCmd(t, "check", "--format", "json", "--fail-on", "info", "--new-from-rev", "HEAD~1", ".")
	assert.Equal(t, exitFindings, code, errs)
	var r jsonReport
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Documents, 2)
	for i, want := range [][2]int{{para(k), para(k)}, {refPairs()[k][1], pageLine}} {
		d := r.Documents[i]
		require.NotEmpty(t, d.Findings, d.Zh.Path)
		for _, f := range d.Findings {
			if f.Zh != nil {
				assert.Equal(t, want[0], f.Zh.Line, "%s: %s %s", d.Zh.Path, f.Check, f.Message)
			}
			if f.En != nil {
				assert.Equal(t, want[1], f.En.Line, "%s: %s %s", d.En.Path, f.Check, f.Message)
			}
		}
		assert.True(t, has(findingsOf(d.Findings), func(f finding) bool { return f.check == "untranslated" }), d.Zh.Path)
	}

	code, _, errs = runCmd(t, "check", "--new-from-rev", "nosuch", ".")
	assert.Equal(t, exitError, code)
	assert.Equal(t, "aligncheck: --new-from-rev: unknown revision \"nosuch\" in the repository of .\n", errs)
}

func findingsOf(fs []struct {
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
}) []finding {
	var out []finding
	for _, f := range fs {
		out = append(out, finding{check: f.Check, severity: f.Severity})
	}
	return out
}

func TestSuppressions(t *testing.T) {
	zh0, en0 := refTexts(t)
	const k = 7 // "(3) Modernizing …" ↔ "(三)…"
	en0[k] = "(4)" + en0[k][3:]
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(zhTop string, directives map[int]string) {
		en := append([]string(nil), en0...)
		for i, d := range directives {
			en[i] = d + "\n" + en[i]
		}
		gateWrite(t, dir, "doc.zh.txt", zhTop+strings.Join(zh0, "\n\n")+"\n")
		gateWrite(t, dir, "doc.en.txt", strings.Join(en, "\n\n")+"\n")
	}
	check := func(args ...string) (int, []string) {
		// only checks this test is about: others may find more in the reference
		code, out, _ := runCmd(t, append(append([]string{"check", "--enable", "omission,length,numbering,numbering/missing,numbering/sequence"}, args...), ".")...)
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
		return code, lines
	}
	write("", nil)
	code, lines := check()
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, lines, "doc.en.txt:15:1: error: numbering \"(4)\" in English does not match \"(三)\" (3) in Chinese [numbering] (Chinese at doc.zh.txt:15:1)")

	// a reason: suppressed, the sub-checks too
	write("", map[int]string{k: "<!-- aligncheck-ignore numbering: the source skips a number -->"})
	code, lines = check()
	assert.Equal(t, exitOK, code, lines)
	for _, l := range lines {
		assert.NotContains(t, l, "[numbering")
	}
	// the plain-text form
	write("", map[int]string{k: "# aligncheck-ignore numbering: the source skips a number"})
	code, _ = check()
	assert.Equal(t, exitOK, code)
	// a whole file, from the other language's file
	write("# aligncheck-ignore-file numbering: numbered by an older edition\n\n", nil)
	code, _ = check()
	assert.Equal(t, exitOK, code)

	// no reason: reported, and not applied
	write("", map[int]string{k: "<!-- aligncheck-ignore numbering -->"})
	code, lines = check()
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, lines, `doc.en.txt:15:1: warning: aligncheck-ignore numbering has no reason and is not applied: write "aligncheck-ignore numbering: <why>" [suppression]`)
	assert.Contains(t, lines, "doc.en.txt:16:1: error: numbering \"(4)\" in English does not match \"(三)\" (3) in Chinese [numbering] (Chinese at doc.zh.txt:15:1)")

	// an unknown check
	write("", map[int]string{k: "<!-- aligncheck-ignore numbring: typo -->"})
	code, lines = check()
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, lines, `doc.en.txt:15:1: warning: aligncheck-ignore names unknown check "numbring" (see 'aligncheck checks') [suppression]`)

	// unused, only when asked
	write("", map[int]string{3: "<!-- aligncheck-ignore length: long quotation -->", k: "<!-- aligncheck-ignore numbering: the source skips a number -->"})
	code, lines = check()
	assert.Equal(t, exitOK, code, lines)
	assert.Empty(t, lines)
	code, lines = check("--report-unused-ignores", "--fail-on", "warning")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, []string{`doc.en.txt:7:1: warning: unused suppression: no "length" finding on the next paragraph [suppression/unused]`}, lines)
}

func TestDriverChecksExplained(t *testing.T) {
	code, out, _ := runCmd(t, "checks")
	require.Equal(t, exitOK, code)
	for _, c := range driver.DriverChecks {
		assert.Contains(t, out, c.Name)
		code, doc, errs := runCmd(t, "explain", c.Name)
		assert.Equal(t, exitOK, code, errs)
		assert.Contains(t, doc, c.Title())
		assert.Contains(t, c.Doc, "\n\n")
		assert.NotNil(t, c.Run)
		assert.Nil(t, checks.Lookup(c.Name), "%s: reported by the command, not in the registry", c.Name)
	}
}
