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
)

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

const (
	zhSents = "今天的天气非常好。\n我们一起去公园散步吧！\n他在书店买了三本新书。\n"
	enSents = "The weather is very good today.\nLet's go for a walk in the park together!\nHe bought three new books at the bookshop.\n"
)

func TestAlignPresplitBeads(t *testing.T) {
	dir := t.TempDir()
	zh, en := writeFile(t, dir, "zh.txt", zhSents), writeFile(t, dir, "en.txt", enSents)
	var out, errb bytes.Buffer
	code := runAlign([]string{"--zh", zh, "--en", en, "--presplit"}, nil, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	assert.Equal(t, "[0]:[0]\n[1]:[1]\n[2]:[2]\n", out.String())
}

func TestAlignFormats(t *testing.T) {
	dir := t.TempDir()
	zh, en := writeFile(t, dir, "zh.txt", zhSents), writeFile(t, dir, "en.txt", enSents)

	var out, errb bytes.Buffer
	require.Equal(t, exitOK, runAlign([]string{"--zh", zh, "--en", en, "--presplit", "--format", "tsv"}, nil, &out, &errb), errb.String())
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, 3)
	f := strings.Split(lines[1], "\t")
	require.Len(t, f, 5)
	assert.Equal(t, []string{"[1]", "[1]"}, f[:2])
	assert.Equal(t, "我们一起去公园散步吧！", f[3])

	out.Reset()
	require.Equal(t, exitOK, runAlign([]string{"--zh", zh, "--en", en, "--presplit", "--format", "json"}, nil, &out, &errb), errb.String())
	var beads []alignedSentence
	require.NoError(t, json.Unmarshal(out.Bytes(), &beads))
	require.Len(t, beads, 3)
	assert.Equal(t, []int{2}, beads[2].Zh)
	assert.Equal(t, "He bought three new books at the bookshop.", beads[2].EnText)
	assert.Greater(t, beads[2].Score, 0.0)
}

// TestAlignParagraphs: without --presplit the files are paragraphs, split
// into sentences by aligncheck, and ids count sentences over each file.
func TestAlignParagraphs(t *testing.T) {
	dir := t.TempDir()
	zh := writeFile(t, dir, "zh.txt", "今天的天气非常好。我们一起去公园散步吧！\n\n他在书店买了三本新书。\n")
	en := writeFile(t, dir, "en.txt", "The weather is very good today. Let's go for a walk in the park together!\n\nHe bought three new books at the bookshop.\n")
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, runAlign([]string{"--zh", zh, "--en", en}, nil, &out, &errb), errb.String())
	assert.Equal(t, "[0]:[0]\n[1]:[1]\n[2]:[2]\n", out.String())
}

func TestAlignErrors(t *testing.T) {
	dir := t.TempDir()
	zh, en := writeFile(t, dir, "zh.txt", zhSents), writeFile(t, dir, "en.txt", enSents)
	missing := filepath.Join(dir, "nope.txt")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no files", []string{}, "--zh"},
		{"no en", []string{"--zh", zh}, "--en"},
		{"bad format", []string{"--zh", zh, "--en", en, "--format", "xml"}, "xml"},
		{"missing file", []string{"--zh", missing, "--en", en}, "nope.txt"},
		{"bad flag", []string{"--zh", zh, "--en", en, "--bogus"}, "bogus"},
		{"argument", []string{"--zh", zh, "--en", en, "extra"}, "extra"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, exitError, runAlign(tc.args, nil, &out, &errb))
			assert.Contains(t, errb.String(), tc.want)
			assert.Empty(t, out.String())
		})
	}
}

// TestEvalSet scores the aligner on a tiny set laid out like the gold sets.
func TestEvalSet(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "zh/001", zhSents)
	writeFile(t, dir, "en/001", enSents)
	writeFile(t, dir, "gold/001.align", "[0]:[0]\n[1]:[1]\n[2]:[2]\n")
	// the same pair the other way round, English on the left, in a src/tgt set
	en := filepath.Join(dir, "enfirst")
	writeFile(t, en, "src/001", enSents)
	writeFile(t, en, "tgt/001", zhSents)
	writeFile(t, en, "gold/001.align", "[0]:[0]\n[1]:[1]\n[2]:[2]\n")

	var out, errb bytes.Buffer
	code := runEval([]string{"--set", dir, "--set", en, "-v"}, nil, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	text := out.String()
	assert.Contains(t, text, "en-zh")
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "pooled") {
			f := strings.Fields(l)
			assert.Equal(t, []string{"1.000", "1.000", "1.000"}, f[3:6], l)
			return
		}
	}
	t.Fatalf("no pooled line in\n%s", text)
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "zh/001", zhSents)
	writeFile(t, dir, "en/001", enSents)
	writeFile(t, dir, "gold/001.align", "[0]:[0]\n[1]:[1]\n[7]:[2]\n")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no set", []string{}, "--set"},
		{"not a set", []string{"--set", filepath.Join(dir, "zh")}, "gold"},
		{"bad gold", []string{"--set", dir}, "001.align"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, exitError, runEval(tc.args, nil, &out, &errb))
			assert.Contains(t, errb.String(), tc.want)
		})
	}
}
