package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runWithin runs the command and fails the test if it does not finish in d:
// no input may hang the tool.
func runWithin(t *testing.T, d time.Duration, args []string, stdin []byte) (int, string, string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(args, bytes.NewReader(stdin), &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(d):
		t.Fatalf("aligncheck %s did not finish within %v", strings.Join(args, " "), d)
		return 0, "", ""
	}
}

func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile inputs are large; skipped with -short")
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	zh := write("ok.zh.txt", []byte("国家安全是民族复兴的根基。\n\n社会稳定是国家强盛的前提。\n"))
	en := write("ok.en.txt", []byte("National security is the foundation of national rejuvenation.\n\nSocial stability is the prerequisite for a strong country.\n"))
	empty := write("empty.txt", nil)
	zh2 := write("other.zh.txt", []byte("我们必须坚持人民至上。\n"))
	en2 := write("other.en.txt", []byte("We must put the people first.\n"))

	var big strings.Builder
	for big.Len() < 10<<20 {
		big.WriteString("National security is the foundation of national rejuvenation and social stability is the prerequisite ")
	}
	bigLine := write("bigline.en.txt", []byte(big.String()+"\n"))

	var many bytes.Buffer
	for i := 0; i < 500_000; i++ {
		many.WriteString("中\n\na\n\n")
	}
	manyParas := write("many.txt", many.Bytes())

	noPunct := write("nopunct.zh.txt", []byte(strings.Repeat("国家安全体系和能力现代化", 100_000/12)+"\n"))

	nested := write("nested.txt", []byte(
		"“"+strings.Repeat("（「『《【", 2000)+"国家安全"+strings.Repeat("】》』」）", 2000)+"”\n\n"+
			strings.Repeat("(\"[{", 2000)+"national security"+strings.Repeat("}]\")", 2000)+"\n"))
	nul := write("nul.txt", []byte("安全\n\nsecu\x00rity\n"))
	invalid := write("invalid.txt", []byte("安全\n\nsecurity \xc3\x28\n"))
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))

	cases := []struct {
		name     string
		args     []string
		code     int
		errPart  string // substring of stderr
		outCheck func(t *testing.T, out string)
	}{
		{"empty file", []string{empty}, exitError, "empty.txt: file is empty", nil},
		{"one side empty", []string{"--zh", zh, "--en", empty}, exitError, "empty.txt: file is empty", nil},
		{"both sides Chinese", []string{"--zh", zh, "--en", zh2}, exitError, "other.zh.txt: no English text found", nil},
		{"both sides English", []string{"--zh", en2, "--en", en}, exitError, "other.en.txt: no Chinese text found", nil},
		{"same file as both sides", []string{"--zh", zh, "--en", zh}, exitError, "--zh and --en name the same file", nil},
		{"10 MB single line, English only", []string{bigLine}, exitError, "no Chinese paragraph found", nil},
		{"10 MB single line against a Chinese file", []string{"--zh", zh, "--en", bigLine, "--format", "json", "--fail-on", "none"}, exitOK, "", func(t *testing.T, out string) {
			assert.Contains(t, out, `"version": 1`)
		}},
		{"1,000,000 one-character paragraphs", []string{manyParas}, exitError, "paragraphs; the limit is", nil},
		{"100,000-character paragraph without punctuation", []string{"--zh", noPunct, "--en", en, "--fail-on", "none"}, exitOK, "", nil},
		{"deeply nested quotes and brackets", []string{nested, "--fail-on", "none"}, exitOK, "", nil},
		{"NUL bytes", []string{nul}, exitError, "nul.txt: byte 12: binary data", nil},
		{"invalid UTF-8", []string{invalid}, exitError, "invalid.txt: byte 17: invalid UTF-8", nil},
		{"FIFO", []string{fifo}, exitError, "not a regular file", nil},
		{"device", []string{"/dev/zero"}, exitError, "not a regular file", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runWithin(t, 60*time.Second, append([]string{"check"}, c.args...), nil)
			assert.Equal(t, c.code, code, "stderr: %s", errs)
			if c.errPart != "" {
				assert.Contains(t, errs, c.errPart)
			}
			if c.outCheck != nil {
				c.outCheck(t, out)
			}
		})
	}
}
