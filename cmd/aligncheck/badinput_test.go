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

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	good := write("good.en.txt", []byte("Security is the foundation.\n"))
	goodZh := write("good.zh.txt", []byte("安全是发展的前提。\n"))
	good2 := write("good2.en.txt", []byte("Development needs security.\n"))
	goodZh2 := write("good2.zh.txt", []byte("发展需要安全。\n"))
	empty := write("empty.txt", nil)
	blank := write("blank.txt", []byte("\n \n\t\n"))
	badUTF8 := write("bad.txt", []byte("安全\nabc \xff\xfe def\n"))
	binary := write("bin.txt", []byte("PK\x03\x04\x00\x00garbage"))
	noZh := write("nozh.txt", []byte("Only English here.\n\nAnd more English.\n"))
	noEn := write("noen.txt", []byte("只有中文。\n\n还是中文。\n"))
	unreadable := write("noperm.txt", []byte("安全\n\nsecurity\n"))
	require.NoError(t, os.Chmod(unreadable, 0))
	cases := []struct {
		name string
		args []string
		want string // substring of stderr
	}{
		{"nonexistent", []string{filepath.Join(dir, "missing.txt")}, "missing.txt: no such file or directory"},
		{"directory", []string{"--zh", dir, "--en", good}, "is a directory"},
		{"empty", []string{empty}, "empty.txt: file is empty"},
		{"blank", []string{blank}, "blank.txt: file is empty"},
		{"invalid utf-8", []string{badUTF8}, "bad.txt: byte 11: invalid UTF-8"},
		{"binary", []string{binary}, "bin.txt: byte 4: binary data"},
		{"no chinese interleaved", []string{noZh}, "nozh.txt: no Chinese paragraph found"},
		{"no english interleaved", []string{noEn}, "noen.txt: no English paragraph found"},
		{"no chinese in zh file", []string{"--zh", good, "--en", good2}, "good.en.txt: no Chinese text found"},
		{"no english in en file", []string{"--zh", goodZh, "--en", goodZh2}, "good2.zh.txt: no English text found"},
		{"zh without en", []string{"--zh", goodZh}, "--zh and --en go together"},
		{"no input", nil, "no input"},
		{"bad format", []string{"--format", "xml", good}, "unknown format"},
		{"bad fail-on", []string{"--fail-on", "fatal", good}, "unknown severity"},
		{"unknown check", []string{"--disable", "nosuch", good}, "unknown check"},
		{"unknown flag", []string{"--frobnicate", good}, "flag provided but not defined"},
		{"both stdin", []string{"--zh", "-", "--en", "-"}, "only one of --zh and --en"},
	}
	if os.Geteuid() != 0 { // root reads anything
		cases = append(cases, struct {
			name string
			args []string
			want string
		}{"unreadable", []string{unreadable}, "permission denied"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"check"}, c.args...), strings.NewReader(""), &out, &errb)
			assert.Equal(t, exitError, code)
			assert.Contains(t, errb.String(), c.want)
			assert.Empty(t, out.String(), "nothing on stdout")
			assert.LessOrEqual(t, strings.Count(strings.TrimSpace(errb.String()), "\n"), 1, "a short error: %s", errb.String())
		})
	}
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	var out, errb bytes.Buffer
	code := run([]string{"check", "--show", "info", "-"}, bytes.NewReader(data), &out, &errb)
	assert.Equal(t, exitOK, code, errb.String())
	for _, ln := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if ln != "" {
			assert.True(t, strings.HasPrefix(ln, "<stdin>:"), ln)
		}
	}
}

func TestTextOutputFormat(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"check", "--fail-on", "info", refDoc}, nil, &out, &errb)
	assert.Equal(t, exitFindings, code, "the furniture is info, so --fail-on info fails")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.NotEmpty(t, lines)
	for _, ln := range lines {
		assert.Regexp(t, `^[^:]+:\d+:\d+: (error|warning|info): .+ \[[a-z/]+\]( \((Chinese|English) at [^)]+\))?$`, ln)
	}
	var out2 bytes.Buffer
	run([]string{"check", "--fail-on", "info", refDoc}, nil, &out2, &errb)
	assert.Equal(t, out.String(), out2.String(), "deterministic")
	var out3 bytes.Buffer
	assert.Equal(t, exitOK, run([]string{"check", "--fail-on", "none", refDoc}, nil, &out3, &errb))
}

func TestChecksAndExplain(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"checks"}, nil, &out, &errb))
	assert.Contains(t, out.String(), "numbering")
	out.Reset()
	require.Equal(t, exitOK, run([]string{"explain", "numbering"}, nil, &out, &errb))
	assert.Contains(t, out.String(), "(三)")
	assert.Equal(t, exitError, run([]string{"explain", "nosuch"}, nil, &out, &errb))
	assert.Equal(t, exitError, run([]string{"frob"}, nil, &out, &errb))
}
