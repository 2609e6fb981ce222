package align

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// sentLengthByRunes is the length of sentLengthFlags as it was written before its byte
// paths: every character decoded.
func sentLengthByRunes(s string) int {
	n, digits := 0, 0
	for _, r := range s {
		switch {
		case lang.IsSpace(r):
		case unicode.IsDigit(r):
			digits++
			n++
		default:
			n++
		}
	}
	if digits*2 >= n {
		return n - digits
	}
	return n
}

// sentFlagsByRunes is the flags of sentLengthFlags as they were
// written before its byte paths.
func sentFlagsByRunes(s string) uint8 {
	var f uint8
	prev := ' '
	for k, r := range s {
		switch r {
		case '?', '？':
			f |= flagQuestion
		case '!', '！':
			f |= flagExclaim
		case '"', '“', '”', '「', '」', '『', '』':
			f |= flagQuote
		case '\'', '‘', '’':
			next, _ := utf8.DecodeRuneInString(s[k+utf8.RuneLen(r):])
			if !unicode.IsLetter(prev) || (r == '‘' && unicode.IsLetter(next)) {
				f |= flagQuote
			}
		}
		prev = r
	}
	return f
}

// sentFeatTexts are texts to compare the byte paths with the rune ones
// on: every rune alone, between letters, digits and the quote marks, and
// random strings of pieces that include broken UTF-8 (a lead byte
// without its continuation, a stray continuation, a truncated
// character at the end).
func sentFeatTexts(yield func(string) bool) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == 0xd800 {
			r = 0xe000 // no surrogates in UTF-8
		}
		c := string(r)
		for _, s := range []string{c, "a" + c + "’s", "x'" + c + "‘b", "1" + c + "2"} {
			if !yield(s) {
				return
			}
		}
	}
	pieces := []string{"a", "Z", "1", "0", "9", " ", "\t", "\n", "\u3000", "\u00a0", "?", "!", "\"", "'", "？", "！",
		"“", "”", "‘", "’", "「", "」", "『", "』", "中", "文", "。", "，", "、", "〇", "０", "９", "٣", "é", "ß",
		"\xe4", "\xe4\xb8", "\xb8", "\x80", "\xe3\x80", "\xe3", "\xe9\xbf", "\xed\xa0\x80", "\xef\xbc", "\xf0\x9f\x98\x80", "\xf0\x9f"}
	rng := rand.New(rand.NewSource(18))
	for range 50000 {
		var b strings.Builder
		for m := rng.Intn(12); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		if !yield(b.String()) {
			return
		}
	}
}

// TestSentLengthFlagsIsByRunes: sentLengthFlags, which passes over
// ASCII and Han without decoding, counts and flags what decoding every
// rune counts and flags.
func TestSentLengthFlagsIsByRunes(t *testing.T) {
	for s := range sentFeatTexts {
		n, f := sentLengthFlags(s)
		if want := sentLengthByRunes(s); n != want {
			t.Fatalf("sentLengthFlags(%q) length %d, by runes %d", s, n, want)
		}
		if want := sentFlagsByRunes(s); f != want {
			t.Fatalf("sentLengthFlags(%q) flags %b, by runes %b", s, f, want)
		}
	}
}

// TestSentLengthFlags8 compares sentLengthFlags with the rune by rune
// count and flags on long random texts of mostly ASCII, for its scan of
// eight bytes at once: letters, digits (a majority of them too), white
// space of every ASCII kind, the marks of the flags, other punctuation
// and the odd character beyond ASCII.
func TestSentLengthFlags8(t *testing.T) {
	pieces := []string{"a", "word", "Z", "0", "9", "2024", " ", " ", "\t", "\n", "\v", "\f", "\r", "\x1c", "\x7f",
		"/", ":", "@", "`", ",", ".", "?", "!", "\"", "'", "’", "中", "\u00a0"}
	rng := rand.New(rand.NewSource(88))
	for range 100000 {
		k := len(pieces)
		if rng.Intn(2) == 0 {
			k = 6 // letters and digits only
		}
		var b strings.Builder
		for m := rng.Intn(30); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(k)])
		}
		s := b.String()
		n, f := sentLengthFlags(s)
		if want := sentLengthByRunes(s); n != want {
			t.Fatalf("sentLengthFlags(%q) length %d, by runes %d", s, n, want)
		}
		if want := sentFlagsByRunes(s); f != want {
			t.Fatalf("sentLengthFlags(%q) flags %b, by runes %b", s, f, want)
		}
	}
}

// TestFlagCosts: the cost anchors takes from flagCosts for the flags of
// a bead is the sum flagCost adds up, for every pair of flag sets, ORed
// from the sentences of beads of one and two sentences a side.
func TestFlagCosts(t *testing.T) {
	for zf := range flagsAll + 1 {
		for ef := range flagsAll + 1 {
			for _, split := range []uint8{0, flagQuestion, flagQuote, flagsAll} {
				zh := []sentFeat{{flags: zf &^ split}, {flags: zf & split}}
				en := []sentFeat{{flags: ef & split}, {flags: ef &^ split}}
				s := &sentAligner{zh: zh, en: en}
				want := flagCost(zf, ef)
				if got := s.anchors(0, 2, 0, 2); got != want {
					t.Fatalf("flags %03b %03b split by %03b: %v, want %v", zf, ef, split, got, want)
				}
				if got, want := s.anchors(0, 1, 1, 1), flagCost(zf&^split, ef&^split); got != want {
					t.Fatalf("flags %03b %03b: %v, want %v", zf&^split, ef&^split, got, want)
				}
			}
		}
	}
}
