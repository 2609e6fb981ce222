package lang

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestNextFieldAsFields: reading a text's fields one at a time with
// NextField gives what strings.Fields gives, over random text of every
// kind of white space, other characters and broken bytes.
func TestNextFieldAsFields(t *testing.T) {
	pieces := []string{"a", "中文", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u3000", "\u2009", "\u200b", "\xff", "\xe4\xb8", "x y"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var got []string
		for f, rest := NextField(s); f != ""; f, rest = NextField(rest) {
			got = append(got, f)
		}
		if want := strings.Fields(s); !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("fields of %q: %q, want %q", s, got, want)
		}
	}
}
