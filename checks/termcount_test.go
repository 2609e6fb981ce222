package checks

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTermCounterAsCount: termCounter gives strings.Count's count of each
// term, on random texts and terms of an alphabet small enough for terms
// to overlap one another and themselves (aa in aaa), with terms of one
// byte, terms sharing their first bytes, and invalid UTF-8.
func TestTermCounterAsCount(t *testing.T) {
	alphabet := []string{"a", "b", "国", "国家", "安", "\xe5", "\xe5\x9b", " ", "“", "”"}
	rng := rand.New(rand.NewPCG(11, 12))
	word := func(max int) string {
		var b strings.Builder
		for n := rng.IntN(max + 1); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := 0; round < 3000; round++ {
		seen := map[string]bool{}
		var terms []string
		for n := 1 + rng.IntN(12); n > 0; n-- {
			if w := word(4); w != "" && !seen[w] {
				seen[w] = true
				terms = append(terms, w)
			}
		}
		if len(terms) == 0 {
			continue
		}
		c := newTermCounter(terms)
		got := make([]int, len(terms))
		want := make([]int, len(terms))
		// several texts in turn, added up, as quotations are
		for n := 1 + rng.IntN(4); n > 0; n-- {
			text := word(30)
			c.add(text, got)
			for i, term := range terms {
				want[i] += strings.Count(text, term)
			}
		}
		require.Equal(t, want, got, "%q", terms)
	}
}
