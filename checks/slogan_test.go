package checks

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// numberedSlogan is the expression hasNumberedSlogan reads by hand, as
// explicitSlogans asked it before.
var numberedSlogan = regexp.MustCompile(`[“"「‘][^”"」’]{0,6}[一二两三四五六七八九十百千][^”"」’]{0,6}[”"」’]`)

// TestHasNumberedSloganAsRegexp: the hand-read scan answers as the
// expression on random texts of quotation marks, numerals, other Han,
// ASCII, line breaks and broken UTF-8 (a lone or cut lead byte of a mark),
// around the limits of six characters either side of the numeral.
func TestHasNumberedSloganAsRegexp(t *testing.T) {
	parts := []string{"“", "”", "\"", "「", "」", "‘", "’", "一", "两", "十", "千", "学", "做", "a", " ", "\n",
		"\xe2", "\xe2\x80", "\xe3\x80", "\xff", "，", "《"}
	rng := rand.New(rand.NewSource(18))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	matches := 0
	for range n {
		var b strings.Builder
		for k := rng.Intn(24); k > 0; k-- {
			p := parts[rng.Intn(len(parts))]
			if rng.Intn(3) > 0 {
				p = parts[7+rng.Intn(7)] // mostly the inside of a slogan
			}
			b.WriteString(p)
		}
		s := b.String()
		want := numberedSlogan.MatchString(s)
		if got := hasNumberedSlogan(s); got != want {
			t.Fatalf("hasNumberedSlogan(%q) = %v, the expression says %v", s, got, want)
		}
		if want {
			matches++
		}
	}
	if matches < n/20 || matches > n-n/20 {
		t.Errorf("%d of %d texts match: the test does not reach both answers", matches, n)
	}
	for _, s := range []string{"“两学一做”", "“三严三实”", "「四风」", "‘约法三章’", "\"十三五\"", "“一二三四五六七八九十百千两一”",
		"“abcdef一abcdef”", "“abcdefg一abcdef”", "“abcdef一abcdefg”", "“一”", "“”"} {
		if got, want := hasNumberedSlogan(s), numberedSlogan.MatchString(s); got != want {
			t.Errorf("hasNumberedSlogan(%q) = %v, the expression says %v", s, got, want)
		}
	}
}
