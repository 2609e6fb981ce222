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

// TestAllFoldedUntil: allFoldedUntil, which dropEnumerators asks to read
// a text only up to the end of its last number, finds a prefix of what
// allFolded finds, and all that it leaves out starts at the limit or
// later (so it overlaps no number), at every limit of random texts of
// markers, headings with lists, numbers and broken UTF-8, and of a few
// texts of headings with lists.
func TestAllFoldedUntil(t *testing.T) {
	check := func(s string) {
		t.Helper()
		f := fold(s)
		all := allFolded(s, f)
		for limit := 0; limit <= len(s)+1; limit++ {
			got := allFoldedUntil(s, f, limit)
			ok := len(got) <= len(all)
			for k := 0; ok && k < len(all); k++ {
				if k < len(got) {
					ok = got[k] == all[k]
				} else {
					ok = all[k].Start >= limit
				}
			}
			if !ok {
				t.Fatalf("allFoldedUntil(%q, %d) = %+v, allFolded %+v", s, limit, got, all)
			}
		}
	}
	rng := rand.New(rand.NewSource(18))
	for range 5000 {
		check(randomText(rng, enumPieces, 24))
	}
	for _, s := range []string{"第五條、第六條及第 7、8 及第 10 條規定", "Articles 5 and 6 apply. (1) first; (2) second",
		"根据第三条、第四条和第五条的规定，（一）1200万元", "一、总则 二、分则 ① ② ⒈ Ⅱ."} {
		check(s)
	}
}

// TestAllUntil: AllUntil is the enumerators of All that start before the
// limit, in order, at every limit of random texts of markers, headings
// with lists and traditional characters (folded by both), and of a few
// texts of headings with lists.
func TestAllUntil(t *testing.T) {
	check := func(s string) {
		t.Helper()
		all := All(s)
		for limit := 0; limit <= len(s)+1; limit++ {
			var want []Enumerator
			for _, e := range all {
				if e.Start < limit {
					want = append(want, e)
				}
			}
			got := AllUntil(s, limit)
			if len(got) != len(want) {
				t.Fatalf("AllUntil(%q, %d) = %+v, All before it %+v", s, limit, got, want)
			}
			for k := range got {
				if got[k] != want[k] {
					t.Fatalf("AllUntil(%q, %d) = %+v, All before it %+v", s, limit, got, want)
				}
			}
		}
	}
	pieces := append([]string{"第三條", "（二）", "第一章", "Articles 5 and 6", "(1)", "一、"}, enumPieces...)
	rng := rand.New(rand.NewSource(19))
	for range 5000 {
		check(randomText(rng, pieces, 24))
	}
	for _, s := range []string{"第五條、第六條及第 7、8 及第 10 條規定", "Articles 5 and 6 apply. (1) first; (2) second",
		"根据第三条、第四条和第五条的规定，（一）1200万元", "一、总则 二、分则 ① ② ⒈ Ⅱ."} {
		check(s)
	}
}
