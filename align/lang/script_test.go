package lang

import (
	"testing"
	"unicode"

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
