package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/reports"
)

// runArgs runs the command in-process.
func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCompareTo(t *testing.T) {
	dir := t.TempDir()
	ref, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	// The older revision said "homeland security" where the current one
	// says "national security".
	old := strings.Replace(string(ref), "national security", "homeland security", 1)
	require.NotEqual(t, old, string(ref))
	oldPath := filepath.Join(dir, "old.txt")
	require.NoError(t, os.WriteFile(oldPath, []byte(old), 0o644))
	html := filepath.Join(dir, "report.html")
	code, _, stderr := runArgs("check", refDoc, "--compare-to", oldPath, "--html", html, "-o", filepath.Join(dir, "report.txt"), "--quiet")
	require.NotEqual(t, exitError, code, stderr)
	page, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(page), "<del>homeland</del><ins>national</ins>"), "word diff of the changed paragraph")
	assert.True(t, strings.Contains(string(page), "1 paragraph changed, 0 new, 0 removed"), "comparison summary")

	// Two files: the older English file alone.
	zh, en := splitReference(t, func(zh, en []string) ([]string, []string) { return zh, en })
	enText, err := os.ReadFile(en)
	require.NoError(t, err)
	oldEn := filepath.Join(dir, "old.en.txt")
	require.NoError(t, os.WriteFile(oldEn, []byte(strings.Replace(string(enText), "national security", "homeland security", 1)), 0o644))
	code, _, stderr = runArgs("check", "--zh", zh, "--en", en, "--compare-to", oldEn, "--html", html, "-o", filepath.Join(dir, "report.txt"), "--quiet")
	require.NotEqual(t, exitError, code, stderr)
	page, err = os.ReadFile(html)
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(page), "<del>homeland</del><ins>national</ins>"), "word diff, two files")

	code, _, stderr = runArgs("check", refDoc, "--compare-to", filepath.Join(dir, "missing.txt"), "--quiet")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "--compare-to")
}

// Every format is registered, and the extra-file flags write them.
func TestReportFormats(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"html", "sarif", "junit", "github", "markdown"} {
		_, ok := reports.Lookup(format)
		require.True(t, ok, format)
		code, out, stderr := runArgs("check", refDoc, "--format", format, "--quiet")
		require.NotEqual(t, exitError, code, stderr)
		assert.NotEmpty(t, out, format)
	}
	var args []string
	for _, name := range reports.ExtraFormats {
		args = append(args, "--"+name, filepath.Join(dir, "report."+name))
	}
	code, _, stderr := runArgs(append([]string{"check", refDoc, "--quiet", "-o", filepath.Join(dir, "report.txt")}, args...)...)
	require.NotEqual(t, exitError, code, stderr)
	for _, name := range reports.ExtraFormats {
		b, err := os.ReadFile(filepath.Join(dir, "report."+name))
		require.NoError(t, err)
		assert.NotEmpty(t, b, name)
	}
}
