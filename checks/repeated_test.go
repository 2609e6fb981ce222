package checks

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
)

// TestSameTextAsKeys: sameText, which reads two texts in step and stops at
// the first difference, agrees with comparing their whole normal forms
// (letters and digits in lower case; English words joined by one space),
// and gives the form's length in words (English) or characters (Chinese).
// The texts are random runs of letters of both cases, digits, Chinese
// characters, spaces and punctuation, and half the pairs are one text
// with its case, spacing and punctuation changed.
func TestSameTextAsKeys(t *testing.T) {
	parts := []string{"a", "B", "c", "7", "国", "家", " ", "  ", ",", ".", "-", "“", "”", "É", "é"}
	rng := rand.New(rand.NewPCG(3, 14))
	random := func() string {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	// varied changes case and what stands between words, not the words
	varied := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case unicode.IsLetter(r) && rng.IntN(2) == 0:
				b.WriteRune(unicode.ToUpper(r))
			case !unicode.IsLetter(r) && !unicode.IsDigit(r):
				b.WriteString([]string{" ", ",", " - ", "."}[rng.IntN(4)])
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	form := func(s string, l align.Lang) (string, int) {
		notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
		if l == align.En {
			words := strings.FieldsFunc(strings.ToLower(s), notWord)
			return strings.Join(words, " "), len(words)
		}
		key := strings.Map(func(r rune) rune {
			if notWord(r) {
				return -1
			}
			return unicode.ToLower(r)
		}, s)
		return key, len([]rune(key))
	}
	for round := 0; round < 5000; round++ {
		a := random()
		b := random()
		if round%2 == 0 {
			b = varied(a)
		}
		for _, l := range []align.Lang{align.Zh, align.En} {
			ka, n := form(a, l)
			kb, _ := form(b, l)
			same, got := sameText(a, b, l)
			require.Equal(t, ka == kb, same, "%q %q (%v)", a, b, l)
			if same {
				require.Equal(t, n, got, "%q %q (%v)", a, b, l)
			}
		}
	}
}
