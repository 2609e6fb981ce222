package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// damagedRef writes a copy of the reference document with three planted
// errors, as an editor would make them: one English paragraph deleted (the
// second of section II, "(2) Treating people's security …"), 2035 changed
// to 2053 in the English, and the first English "(3)" changed to "(4)".
func damagedRef(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	text := string(data)
	var kept []string
	deleted := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "(2) Treating people’s security") {
			deleted++
			continue
		}
		kept = append(kept, l)
	}
	require.Equal(t, 1, deleted, "the English paragraph to delete")
	text = strings.Join(kept, "\n")
	require.Contains(t, text, "by 2035 our society")
	text = strings.Replace(text, "by 2035 our society", "by 2053 our society", 1)
	require.Contains(t, text, "(3) Modernizing the national")
	text = strings.Replace(text, "(3) Modernizing the national", "(4) Modernizing the national", 1)
	return gateWrite(t, dir, "damaged.txt", text)
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestQuietByDefault pins issue 16's acceptance: on the damaged copy the
// three errors are the first three lines of the text output, every
// warning follows, and the info findings are one counting line; the clean
// reference document prints its one real finding (the unclosed quotation),
// the count and the summary — at most three lines.
func TestQuietByDefault(t *testing.T) {
	dir := t.TempDir()
	damaged := damagedRef(t, dir)

	// what the checks find, all of it
	code, js, errs := runCmd(t, "check", "--format", "json", "--fail-on", "none", damaged)
	require.Equal(t, exitOK, code, errs)
	var rep struct {
		Summary struct{ Error, Warning, Info int }
	}
	require.NoError(t, json.Unmarshal([]byte(js), &rep))
	require.Equal(t, 3, rep.Summary.Error, "the three planted errors are found")
	require.Positive(t, rep.Summary.Info, "the copy has info findings to hide")

	code, out, errs := runCmd(t, "check", damaged)
	assert.Equal(t, exitFindings, code, errs)
	lines := nonEmptyLines(out)
	require.Len(t, lines, rep.Summary.Error+rep.Summary.Warning+1, out)
	for i, l := range lines[:3] {
		assert.Contains(t, l, ": error: ", "line %d", i+1)
	}
	for _, l := range lines[3 : len(lines)-1] {
		assert.Contains(t, l, ": warning: ")
	}
	assert.Equal(t, strconv.Itoa(rep.Summary.Info)+" info hidden: --show info", lines[len(lines)-1])
	for _, planted := range []string{`"(4)" in English`, `English has "2053"`, "Chinese paragraph has no English counterpart"} {
		assert.Contains(t, strings.Join(lines[:3], "\n"), planted)
	}

	// the clean reference document, as the README's first command runs it
	code, out, errs = runCmd(t, "check", refDoc)
	assert.Equal(t, exitOK, code, errs)
	all := nonEmptyLines(out + errs)
	assert.LessOrEqual(t, len(all), 3, "the reference document by default:\n%s", out+errs)
	require.NotEmpty(t, lines)
	assert.Regexp(t, `:\d+:\d+: (warning|error): opening “ is never closed in the English paragraph \[punctuation\]$`, nonEmptyLines(out)[0])
	assert.Regexp(t, `^\d+ info hidden: --show info$`, nonEmptyLines(out)[1])
	assert.Regexp(t, `^1 document\(s\): \d+ error\(s\), \d+ warning\(s\), \d+ info$`, strings.TrimSpace(errs))
}

// TestGitHubQuietByDefault: GitHub annotations of the damaged copy carry
// no notice about white space or page furniture; the info findings are
// counted in one last notice.
func TestGitHubQuietByDefault(t *testing.T) {
	damaged := damagedRef(t, t.TempDir())
	_, out, _ := runCmd(t, "check", "--config", refConfig, "--format", "github", damaged)
	lines := nonEmptyLines(out)
	require.NotEmpty(t, lines)
	notices := 0
	for _, l := range lines {
		assert.NotContains(t, l, "format/whitespace")
		assert.NotContains(t, l, "white space")
		assert.NotContains(t, l, "furniture")
		if strings.HasPrefix(l, "::notice") {
			notices++
		}
	}
	assert.Equal(t, 1, notices, "one notice, the count of what is hidden")
	assert.Regexp(t, `^::notice title=aligncheck::\d+ info hidden: --show info$`, lines[len(lines)-1])
	assert.True(t, strings.HasPrefix(lines[0], "::error "), lines[0])

	// --show info brings the info notices back, furniture as one
	_, out, _ = runCmd(t, "check", "--config", refConfig, "--format", "github", "--show", "info", damaged)
	assert.Equal(t, 1, strings.Count(out, "page furniture"), out)
	assert.NotContains(t, out, "white space", "the ends of a saved page's lines are not checked by default")
}

// TestShowSortColor: the flags and the configuration keys that choose
// what text output lists, in which order, in colour or not.
func TestShowSortColor(t *testing.T) {
	dir := t.TempDir()
	damaged := damagedRef(t, dir)
	sevOf := func(l string) string {
		m := regexp.MustCompile(`^\S+: (error|warning|info): `).FindStringSubmatch(l)
		if m == nil {
			return ""
		}
		return m[1]
	}

	_, out, _ := runCmd(t, "check", "--show", "info", damaged)
	lines := nonEmptyLines(out)
	assert.Equal(t, "error", sevOf(lines[0]))
	assert.Equal(t, "info", sevOf(lines[len(lines)-1]), "everything listed, nothing counted")
	assert.NotContains(t, out, "hidden")

	_, out, _ = runCmd(t, "check", "--show", "error", damaged)
	lines = nonEmptyLines(out)
	require.Len(t, lines, 4, out)
	assert.Regexp(t, `^3 warnings and \d+ info hidden: --show info$`, lines[3])

	// by file: by line, whatever the severity
	_, out, _ = runCmd(t, "check", "--sort", "file", "--show", "info", damaged)
	prev := 0
	for _, l := range nonEmptyLines(out) {
		m := regexp.MustCompile(`^[^:]+:(\d+):`).FindStringSubmatch(l)
		require.NotNil(t, m, l)
		n, _ := strconv.Atoi(m[1])
		assert.GreaterOrEqual(t, n, prev, "by file: %s", l)
		prev = n
	}

	// --fail-on info lists what it fails on
	code, out, _ := runCmd(t, "check", "--fail-on", "info", refDoc)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, out, ": info: ")
	assert.NotContains(t, out, "hidden")

	// colour: never on a pipe unless asked; NO_COLOR does not stop --color always
	_, out, _ = runCmd(t, "check", damaged)
	assert.NotContains(t, out, "\x1b[")
	t.Setenv("NO_COLOR", "1")
	_, out, _ = runCmd(t, "check", "--color", "always", damaged)
	assert.Contains(t, out, "\x1b[1;31merror\x1b[0m")
	_, out, _ = runCmd(t, "check", "--color", "never", damaged)
	assert.NotContains(t, out, "\x1b[")

	// the programs' formats keep every finding whatever the view
	_, full, _ := runCmd(t, "check", "--format", "json", damaged)
	_, shown, _ := runCmd(t, "check", "--format", "json", "--show", "error", "--sort", "file", damaged)
	assert.Equal(t, full, shown)

	// configuration, and flags over it
	gateWrite(t, dir, ".aligncheck.yaml", "show: error\nsort: file\n")
	t.Chdir(dir)
	_, out, _ = runCmd(t, "check", "damaged.txt")
	assert.Len(t, nonEmptyLines(out), 4, out)
	_, out, _ = runCmd(t, "check", "--show", "warning", "damaged.txt")
	assert.Len(t, nonEmptyLines(out), 7, out)
	_, out, _ = runCmd(t, "config")
	assert.Contains(t, out, "show: error\n")
	assert.Contains(t, out, "sort: file\n")

	for _, bad := range [][]string{{"--show", "all"}, {"--show", "none"}, {"--sort", "line"}, {"--color", "yes"}} {
		code, _, errs := runCmd(t, append([]string{"check"}, append(bad, "damaged.txt")...)...)
		assert.Equal(t, exitError, code, bad)
		assert.Contains(t, errs, bad[0]+": want", bad)
	}
}

// TestBothSidesNamed: in two-file mode a finding about the Chinese points
// at the Chinese file, and names the English location after its message.
func TestBothSidesNamed(t *testing.T) {
	dir := t.TempDir()
	zh := gateWrite(t, dir, "zh.txt", "2022年全国粮食产量达到13731亿斤，比上年增加74亿斤。\n")
	en := gateWrite(t, dir, "en.txt", "In 2022 national grain output reached 1,373.1 billion jin.\n")
	_, out, errs := runCmd(t, "check", "--enable", "numbers/missing", "--zh", zh, "--en", en)
	lines := nonEmptyLines(out)
	require.NotEmpty(t, lines, errs)
	assert.Regexp(t, `^`+regexp.QuoteMeta(zh)+`:1:\d+: (warning|error): number "74亿" .* in Chinese has no counterpart in the English \[numbers/missing\] \(English at `+regexp.QuoteMeta(en)+`:1:1\)$`, lines[0])
}
