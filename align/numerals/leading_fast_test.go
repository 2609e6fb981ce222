package numerals

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// leadingFolded is Leading as it was before it looked at the opening
// character first: the paragraph always folded.
func leadingFolded(paragraph string) (Enumerator, bool) {
	i := 0
	for i < len(paragraph) {
		r, size := utf8.DecodeRuneInString(paragraph[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	f := fold(paragraph)
	e, ok := matchAt(f, i, pos{line: true})
	if !ok || isHeading(e.Style) && (crossReference(f, e) || dottedNumber(e.Text)) || e.Style == StyleDecimal {
		return Enumerator{}, false
	}
	e.Text = paragraph[e.Start:e.End]
	return e, true
}

// TestLeadingUnfolded: Leading, which lets go of a paragraph whose
// opening character starts no marker before folding it, finds what
// folding every paragraph finds: every rune opening a paragraph (after
// spaces, before a marker's usual tails, with a traditional character
// that makes the paragraph folded), and random paragraphs of markers,
// traditional characters and broken UTF-8.
func TestLeadingUnfolded(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, gok := Leading(s)
		want, wok := leadingFolded(s)
		if got != want || gok != wok {
			t.Fatalf("Leading(%q) = %+v %v, always folded %+v %v", s, got, gok, want, wok)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == 0xd800 {
			r = 0xe000 // no surrogates in UTF-8
		}
		c := string(r)
		for _, s := range []string{" " + c + "、萬條", c + "條 規定"} {
			check(s)
		}
	}
	pieces := []string{" ", "\u3000", "\t", "(", ")", "（", "）", "1", "2", ".", "、", "a", "A", "I", "Article ", "第", "三", "條", "条",
		"萬", "壹", "拾", "一", "十", "①", "⑴", "Ⅱ", "其", "首", "先", "中", "文", "。", "規定", "\xe4", "\xb8", "\xe8\x90", "\xff"}
	rng := rand.New(rand.NewSource(18))
	for range 100000 {
		var b strings.Builder
		for m := rng.Intn(8); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}
