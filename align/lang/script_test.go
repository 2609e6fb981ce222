package lang

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestIsHanTable: IsHan, with its shortcut for the block of CJK Unified
// Ideographs, answers as Unicode's Han table does on every code point
// (〇 and 々 are in the table).
func TestIsHanTable(t *testing.T) {
	n := 0
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		want := unicode.Is(unicode.Han, r)
		if IsHan(r) != want {
			t.Fatalf("IsHan(%U) = %v, the table says %v", r, IsHan(r), want)
		}
		if want {
			n++
		}
	}
	require.Greater(t, n, 90000)
	require.True(t, IsHan('〇') && IsHan('々'))
}

// TestUnifiedHanAt: the byte test answers yes exactly for the three-byte
// sequences that decode to a character of U+4E00–U+9FFF, on every sequence
// of three bytes, and no for one cut short.
func TestUnifiedHanAt(t *testing.T) {
	var b [3]byte
	for x := range 1 << 24 {
		b[0], b[1], b[2] = byte(x>>16), byte(x>>8), byte(x)
		r, n := utf8.DecodeRune(b[:])
		want := n == 3 && 0x4e00 <= r && r <= 0x9fff
		if got := unifiedHanAt(string(b[:]), 0); got != want {
			t.Fatalf("unifiedHanAt(%q) = %v, want %v", b, got, want)
		}
	}
	require.False(t, unifiedHanAt("国", 1))
	require.False(t, unifiedHanAt("\xe5\x9b", 0))
	require.True(t, unifiedHanAt("a国", 1))
}

// TestIsSpace: IsSpace is unicode.IsSpace for every rune and for the
// out-of-range values a conversion may give.
func TestIsSpace(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if IsSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("IsSpace(%U) = %v", r, IsSpace(r))
		}
	}
}
