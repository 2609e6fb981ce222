package checks

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/aligncheck/aligncheck/align"
)

// TestMayHaveURL: the pre-test that lets nameItems skip the URL expression
// must accept every text the expression could match.
func TestMayHaveURL(t *testing.T) {
	for s, want := range map[string]bool{
		"see www.csis.org": true, "见WWW.GOV.CN。": true, "Www.x": true, "www.": true,
		"www": false, "http://x": true, "ww.x": false, "a.b.c": false, "": false, "w.ww.x": false,
	} {
		if got := align.MayHaveURL(s); got != want {
			t.Errorf("MayHaveURL(%q) = %v, want %v", s, got, want)
		}
		if urlRe.MatchString(s) && !align.MayHaveURL(s) {
			t.Errorf("%q: the URL expression matches but the pre-test says no", s)
		}
	}
}

// footnoteRe is the expression withoutFootnote reads by hand.
var footnoteRe = regexp.MustCompile(`^(?:([a-z]{3,})|(.*[A-Za-z0-9])\.)[0-9]{1,3}[A-Z]?$`)

// footnoteByRe is withoutFootnote as the expression gives it.
func footnoteByRe(t string) (string, bool) {
	m := footnoteRe.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	if m[1] != "" {
		return m[1], true
	}
	if !hasLetter(m[2]) {
		return "", false
	}
	return m[2], true
}

// TestWithoutFootnoteAsExpression: the hand-written scanner gives what the
// expression gives, on the documented cases and on random strings of the
// characters that matter to it.
func TestWithoutFootnoteAsExpression(t *testing.T) {
	for _, s := range []string{"chain70", "sanctions96", "COVID-19.79", "falling.188A", "G20", "C919", "H7N9",
		"2.3", "1.85", "ab12", "abc1234", "abc123", "abc123AB", "x.1", ".12", "a\n.1", "é.12", "abé12", ""} {
		got, ok := withoutFootnote(s)
		want, wok := footnoteByRe(s)
		require.Equal(t, wok, ok, "%q", s)
		require.Equal(t, want, got, "%q", s)
	}
	alphabet := []string{"a", "b", "z", "A", "Q", "Z", "0", "1", "9", ".", "-", "\n", "é", "\xff", "中"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b strings.Builder
		for n := rng.IntN(9); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		got, ok := withoutFootnote(s)
		want, wok := footnoteByRe(s)
		if ok != wok || got != want {
			t.Fatalf("%q: scanner (%q, %v), expression (%q, %v)", s, got, ok, want, wok)
		}
	}
}

func FuzzWithoutFootnote(f *testing.F) {
	for _, s := range []string{"chain70", "COVID-19.79", "falling.188A", "2.3", "G20"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := withoutFootnote(s)
		want, wok := footnoteByRe(s)
		if ok != wok || got != want {
			t.Fatalf("%q: scanner (%q, %v), expression (%q, %v)", s, got, ok, want, wok)
		}
	})
}

// nameKeyGeneral is nameKey without its shortcut for ASCII.
func nameKeyGeneral(s string) string {
	s = norm.NFD.String(foldWidth(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TestNameKeyASCII: nameKey's shortcut for ASCII gives what the general
// fold gives, on random strings of ASCII and of the characters it folds.
func TestNameKeyASCII(t *testing.T) {
	alphabet := []string{"a", "z", "A", "Z", "0", "9", "-", ".", "'", " ", "_", "\x7f", "é", "Ａ", "１", "ß", "\xff"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := nameKey(s), nameKeyGeneral(s); got != want {
			t.Fatalf("nameKey(%q) = %q, the general fold gives %q", s, got, want)
		}
	}
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"COVID-19", "U.S.", "Ján", "ＣＰＣ", "g20"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nameKey(s), nameKeyGeneral(s); got != want {
			t.Fatalf("nameKey(%q) = %q, the general fold gives %q", s, got, want)
		}
	})
}
