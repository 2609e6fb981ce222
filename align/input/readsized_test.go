package input

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadSizedSameAsReadAll checks that readSized returns what
// io.ReadAll of the same limited reader returns, whatever the size hint
// says: exact, short (the input grew after the stat), long (it shrank),
// absent, negative or beyond the limit; and for readers that return their
// bytes one or a few at a time.
func TestReadSizedSameAsReadAll(t *testing.T) {
	const limit = 3000
	rng := rand.New(rand.NewSource(18))
	for _, n := range []int{0, 1, 2, 511, 512, 513, 1024, 2999, 3000, 3001, 3002, 5000} {
		data := make([]byte, n)
		rng.Read(data)
		want, err := io.ReadAll(io.LimitReader(bytes.NewReader(data), limit+1))
		if err != nil {
			t.Fatal(err)
		}
		for _, hint := range []int64{int64(n), int64(n) - 1, int64(n) / 2, int64(n) + 1, 2*int64(n) + 7, 0, -1, limit, limit + 1, 1 << 40} {
			for name, wrap := range map[string]func(io.Reader) io.Reader{
				"whole":   func(r io.Reader) io.Reader { return r },
				"onebyte": iotest.OneByteReader,
				"half":    iotest.HalfReader,
				"dataerr": iotest.DataErrReader,
			} {
				got, err := readSized(wrap(bytes.NewReader(data)), hint, limit)
				if err != nil {
					t.Fatalf("n=%d hint=%d %s: %v", n, hint, name, err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("n=%d hint=%d %s: read %d bytes, want %d", n, hint, name, len(got), len(want))
				}
			}
		}
		// With the exact size the first buffer is the only one.
		if n <= limit {
			got, _ := readSized(bytes.NewReader(data), int64(n), limit)
			if cap(got) != n+1 {
				t.Errorf("n=%d: capacity %d, want %d (the buffer grew)", n, cap(got), n+1)
			}
		}
	}
}

// TestReadSizedError checks that a read error is returned, as io.ReadAll
// returns it.
func TestReadSizedError(t *testing.T) {
	r := iotest.TimeoutReader(iotest.OneByteReader(strings.NewReader("abc")))
	got, err := readSized(r, 3, 100)
	if err != iotest.ErrTimeout || string(got) != "a" {
		t.Fatalf("got %q, %v; want %q, %v", got, err, "a", iotest.ErrTimeout)
	}
}

// TestReadRawFile checks readRaw on regular files against the bytes
// written. (The limit is checked above with a small one: reading a file
// beyond 256 MiB takes seconds.)
func TestReadRawFile(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 512, 70000} {
		p := filepath.Join(dir, "f.txt")
		data := bytes.Repeat([]byte("中文 text\n"), n)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, shown, err := readRaw(p, nil)
		if err != nil || shown != p || !bytes.Equal(got, data) {
			t.Fatalf("n=%d: %d bytes, %q, %v", n, len(got), shown, err)
		}
	}
}

// TestDecodeOwnedSameText checks that decoding bytes the caller gives up
// (readText's) gives the text DecodeAs gives, in every encoding path.
func TestDecodeOwnedSameText(t *testing.T) {
	texts := [][]byte{
		[]byte("中文 text\n"),
		[]byte("\xef\xbb\xbf中文 BOM\r\nline\r"),
		[]byte("\xff\xfeA\x00B\x00"),
		[]byte("a\xffb"),
		[]byte("  \n"),
		[]byte("nul\x00"),
		{0xd6, 0xd0, 0xce, 0xc4}, // 中文 in GB18030
	}
	for _, data := range texts {
		for _, enc := range []string{"", "utf-8", "gb18030"} {
			want, wantErr := DecodeAs("f", data, enc)
			got, gotErr := decodeAs("f", bytes.Clone(data), enc, true)
			if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("%q %q: got %q, %v; want %q, %v", data, enc, got, gotErr, want, wantErr)
			}
		}
	}
}
