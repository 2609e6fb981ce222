package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	spotZh = "(三)加强国家安全体系建设。"
	spotEn = "(4) Strengthen the national security system."
)

func TestTextFlags(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"check", "--zh-text", spotZh, "--en-text", spotEn}, nil, &out, &errb)
	assert.Equal(t, exitFindings, code, errb.String())
	assert.Contains(t, out.String(), `<en-text>:1:1: error: numbering "(4)"`)
}

func TestTextFlagsJSON(t *testing.T) {
	r, code, stderr := runJSON(t, "--zh-text", spotZh, "--en-text", spotEn)
	require.Equal(t, exitFindings, code, stderr)
	d := r.Documents[0]
	assert.Equal(t, "<zh-text>", d.Zh.Path)
	assert.Equal(t, "<en-text>", d.En.Path)
	require.Len(t, d.Pairs, 1)
}

func TestTextFlagsSeveralParagraphs(t *testing.T) {
	zh := "国家安全是民族复兴的根基。\n\n" + spotZh
	en := "National security is the foundation of national rejuvenation.\n\n" + spotEn
	r, code, stderr := runJSON(t, "--zh-text", zh, "--en-text", en)
	require.Equal(t, exitFindings, code, stderr)
	require.Len(t, r.Documents[0].Pairs, 2)
	assert.True(t, has(findings(r), func(f finding) bool {
		return f.check == "numbering" && f.enLine == 3
	}), "positions count lines of the given text: %+v", findings(r))
}

func TestTextFlagsStdin(t *testing.T) {
	for _, c := range []struct {
		args  []string
		stdin string
	}{
		{[]string{"--zh-text", "-", "--en-text", spotEn}, spotZh + "\n"},
		{[]string{"--zh-text", spotZh, "--en-text", "-"}, spotEn + "\n"},
	} {
		var out, errb bytes.Buffer
		code := run(append([]string{"check"}, c.args...), strings.NewReader(c.stdin), &out, &errb)
		assert.Equal(t, exitFindings, code, errb.String())
		assert.Contains(t, out.String(), `<en-text>:1:1: error: numbering`)
	}
}

// The texts give the same findings as the same texts in files.
func TestTextFlagsSameAsFiles(t *testing.T) {
	zh := "2022年全国粮食产量达到13731亿斤，比上年增加74亿斤。\n\n" + spotZh
	en := "In 2022 national grain output reached 1,373.1 billion jin, 84 billion jin more than the previous year.\n\n" + spotEn
	dir := t.TempDir()
	zp, ep := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	require.NoError(t, os.WriteFile(zp, []byte(zh), 0o644))
	require.NoError(t, os.WriteFile(ep, []byte(en), 0o644))
	var fromText, fromFiles, errb bytes.Buffer
	c1 := run([]string{"check", "--zh-text", zh, "--en-text", en}, nil, &fromText, &errb)
	c2 := run([]string{"check", "--zh", zp, "--en", ep}, nil, &fromFiles, &errb)
	assert.Equal(t, c2, c1)
	want := strings.NewReplacer(zp, "<zh-text>", ep, "<en-text>").Replace(fromFiles.String())
	assert.Equal(t, want, fromText.String())
	assert.NotEmpty(t, fromText.String())
}

func TestTextFlagsErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "zh.txt")
	require.NoError(t, os.WriteFile(file, []byte(spotZh), 0o644))
	cases := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"zh only", []string{"--zh-text", spotZh}, "", "--zh-text and --en-text go together"},
		{"en only", []string{"--en-text", spotEn}, "", "--zh-text and --en-text go together"},
		{"both stdin", []string{"--zh-text", "-", "--en-text", "-"}, spotZh, "only one of --zh-text and --en-text"},
		{"with files", []string{"--zh-text", spotZh, "--en-text", spotEn, "--zh", file, "--en", file}, "", "not both"},
		{"with a file", []string{"--zh-text", spotZh, "--en-text", spotEn, file}, "", "not both"},
		{"blank", []string{"--zh-text", " \n ", "--en-text", spotEn}, "", "<zh-text>: the text is empty"},
		{"blank stdin", []string{"--zh-text", spotZh, "--en-text", "-"}, "\n", "<en-text> (stdin): file is empty"},
		{"no chinese", []string{"--zh-text", spotEn, "--en-text", spotEn}, "", "<zh-text>: no Chinese text"},
		{"no english", []string{"--zh-text", spotZh, "--en-text", spotZh}, "", "<en-text>: no English text"},
		{"binary", []string{"--zh-text", spotZh + "\x00", "--en-text", spotEn}, "", "<zh-text>: byte"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"check"}, c.args...), strings.NewReader(c.stdin), &out, &errb)
			assert.Equal(t, exitError, code)
			assert.Contains(t, errb.String(), c.want)
			assert.Empty(t, out.String())
		})
	}
}
