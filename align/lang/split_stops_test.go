package lang

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// splitZhDecoding is SplitZh as it was before its loop stepped over bytes
// that are no stop (zhStops): every character decoded in turn.
func splitZhDecoding(text string) []Span {
	var spans []Span
	start := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if j, ok := blankLine(text, i); ok {
				spans = appendTrimmed(spans, text, start, i)
				start, i = j, j
				continue
			}
		case isZhTerminator(text, i):
			end := skipZhTerminators(text, i)
			closed := skipClosers(text, end, zhClosers)
			if closed < len(text) {
				next, _ := utf8.DecodeRuneInString(text[closed:])
				if closed > end && strings.ContainsRune(zhContinuers, next) {
					i = closed
					continue
				}
			}
			spans = appendTrimmed(spans, text, start, closed)
			start, i = closed, closed
			continue
		}
		i += n
	}
	return appendTrimmed(spans, text, start, len(text))
}

// splitEnDecoding is SplitEn as it was before its loop stepped over bytes
// that are no stop (enStops).
func splitEnDecoding(text string) []Span {
	var spans []Span
	quotes := quoteCounter{text: text}
	start := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if j, ok := blankLine(text, i); ok {
				spans = appendTrimmed(spans, text, start, i)
				start, i = j, j
				continue
			}
		case r == '.' || r == '!' || r == '?' || r == '…':
			end := i
			for end < len(text) {
				c, m := utf8.DecodeRuneInString(text[end:])
				if c != '.' && c != '!' && c != '?' && c != '…' {
					break
				}
				end += m
			}
			for end < len(text) {
				c, m := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune(enClosers, c) {
					break
				}
				end += m
			}
			if j := skipSpaces(text, end); j < len(text) && text[j] == '"' && j > end && quotes.odd(end) {
				end = j + 1
			}
			if enBoundary(text, start, i, end) {
				spans = appendTrimmed(spans, text, start, end)
				start = end
			}
			i = end
			continue
		}
		i += n
	}
	return appendTrimmed(spans, text, start, len(text))
}

func sameSplits(t *testing.T, s string) {
	t.Helper()
	if got, want := SplitZh(s), splitZhDecoding(s); !slices.Equal(got, want) {
		t.Fatalf("SplitZh(%q) = %v, decoding every character %v", s, got, want)
	}
	if got, want := SplitEn(s), splitEnDecoding(s); !slices.Equal(got, want) {
		t.Fatalf("SplitEn(%q) = %v, decoding every character %v", s, got, want)
	}
}

// TestSplitStops: SplitZh and SplitEn split as when they decoded every
// character, on the reference document, the texts of ../shared/data (when
// it is there), and every string of up to four pieces among the stops,
// characters that share a stop's first byte, closers, spaces, letters and
// broken UTF-8.
func TestSplitStops(t *testing.T) {
	for _, r := range "\n。！？；!?｡…⋯." {
		require.True(t, zhStops[string(r)[0]] || !strings.ContainsRune("\n。！？；!?｡…⋯", r))
		require.True(t, enStops[string(r)[0]] || !strings.ContainsRune("\n.!?…", r))
	}
	for c := 0x80; c < 0xc0; c++ {
		require.False(t, zhStops[c] || enStops[c], "continuation byte %#x", c)
	}
	sameSplits(t, referenceText(t))
	root := filepath.Join("..", "..", "..", "shared", "data")
	files := 0
	for _, glob := range []string{"mac-dev/*/*", "aligner-eval-nonlit/*/*/*", "parallel/*/*.txt"} {
		paths, _ := filepath.Glob(filepath.Join(root, glob))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				continue // a directory
			}
			sameSplits(t, string(data))
			files++
		}
	}
	t.Logf("%d files of ../shared/data", files)
	pieces := []string{"。", "…", "⋯", "、", "—", "”", "」", ".", "!", "?", "\n", " ", "\u3000", "a", "A", "我", "，", "\"", "\xe2", "\xe3\x80", "\xef"}
	var grow func(s string, n int)
	grow = func(s string, n int) {
		sameSplits(t, s)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			grow(s+p, n-1)
		}
	}
	grow("", 4)
}

func FuzzSplitStops(f *testing.F) {
	for _, s := range []string{"我们走吧。”然后", "Mr. A. B. c... D", "好……\n\n甲", "a\xe2\x80. B"} {
		f.Add(s)
	}
	f.Fuzz(sameSplits)
}
