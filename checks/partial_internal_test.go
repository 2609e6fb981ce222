package checks

import (
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
	"github.com/aligncheck/aligncheck/internal/testref"
)

// TestSpelledAnchors: a number written in words in the clause counts as
// an anchor when the other side of the bead has its value (四百 and 400),
// not when it has another value or when the number is in digits (those
// match by their tokens).
func TestSpelledAnchors(t *testing.T) {
	require.NoError(t, lexicon.Load())
	doc, err := input.TwoFiles("zh.txt", "二、輸入業之許可，每件新臺幣四百元。\n\n三、許可，每件新臺幣五百元。\n\n四、許可，每件新臺幣600元。\n",
		"en.txt", "2. NTD 400 for importers.\n\n3. NTD 400 for a license.\n\n4. NTD 600 for a license.\n")
	require.NoError(t, err)
	al := align.Align(doc, align.Options{Lex: lexicon.Default()})
	p := &Pass{Check: OmissionPartial, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}}
	wd := words.Of(al)
	anchors := map[string]int{}
	for bi := range al.Beads {
		for k := range wd.Bead(bi) {
			pr := &wd.Bead(bi)[k]
			for _, c := range pr.Clauses(align.Zh) {
				ct := pr.Zh[c.Lo:c.Hi]
				anchors[wd.Text(align.Zh, ct)] = spelledAnchors(p, pr, &al.Beads[bi], align.Zh, ct)
			}
		}
	}
	for _, c := range []string{"每件新臺幣四百元", "每件新臺幣五百元", "每件新臺幣600元", "二、輸入業之許可"} {
		require.Contains(t, anchors, c)
	}
	assert.Equal(t, 1, anchors["每件新臺幣四百元"], "四百 = 400")
	assert.Equal(t, 0, anchors["每件新臺幣五百元"], "五百 is not 400")
	assert.Equal(t, 0, anchors["每件新臺幣600元"], "digits match by their tokens")
	assert.Equal(t, 0, anchors["二、輸入業之許可"])
}

// TestPairUnitsFact: the units the fact keeps are sideUnits of each pair's
// tokens, and the document's ratio from them is the one read from the
// tokens, on the reference document.
func TestPairUnitsFact(t *testing.T) {
	require.NoError(t, lexicon.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	p := pairsPass(t, pairs)
	wd := words.Of(p.Align)
	units := Get(p, pairUnitsFact)
	require.Len(t, units, len(wd.Pairs))
	for _, l := range []align.Lang{align.Zh, align.En} {
		var rs []float64
		for k := range wd.Pairs {
			pr := &wd.Pairs[k]
			a, b := sideUnits(pr, l, pr.Tokens(l)), sideUnits(pr, l.Other(), pr.Tokens(l.Other()))
			require.Equal(t, a, int(units[k][l]))
			if a > 0 && b > 0 {
				rs = append(rs, float64(a)/float64(b))
			}
		}
		sort.Float64s(rs)
		require.NotEmpty(t, rs)
		require.Equal(t, rs[len(rs)/2], partialRatio(units, l))
	}
}

// TestSideUnitsAsByRunes: sideUnits counts the Chinese characters of the
// tokens as it did by decoding every rune and asking lang.IsHan of it, on
// every sentence pair of the reference document and of the parallel
// documents of ../shared/data, and on pairs of Han outside U+4E00 to
// U+9FFF (々, 〇, 𠀀, 㐀), letters and digits (the input refuses broken
// UTF-8).
func TestSideUnitsAsByRunes(t *testing.T) {
	byRunes := func(pr *words.Pair, l align.Lang, toks []words.Token) int {
		n := 0
		for _, t := range toks {
			if t.Kind() == words.Punct {
				continue
			}
			if l == align.En {
				n += pr.Len(t)
				continue
			}
			for _, r := range pr.Text(t) {
				if lang.IsHan(r) {
					n++
				}
			}
		}
		return n
	}
	passes := append(termDocs(t), pairsPass(t, [][2]string{
		{"人人々々，〇〇七号和𠀀𠀁，㐀㐁字。COVID-19病毒ｃｏｖｉｄ，３５天中国。", "People, number 007 and two rare characters. COVID-19, 35 days, China."},
		{"国家安全是民族复兴的根基。", "National security is the foundation of national rejuvenation."},
	}))
	pairs := 0
	for _, p := range passes {
		wd := words.Of(p.Align)
		for k := range wd.Pairs {
			pr := &wd.Pairs[k]
			for _, l := range []align.Lang{align.Zh, align.En} {
				toks := pr.Tokens(l)
				require.Equal(t, byRunes(pr, l, toks), sideUnits(pr, l, toks), "%s pair %d", p.Doc.Name, k)
			}
			pairs++
		}
	}
	require.Greater(t, pairs, 100)
}

// TestAtLeastAsCounted: unitsAtLeast and wordsAtLeast, which stop reading
// the tokens once their count reaches the bound, answer as comparing
// sideUnits and wordCount with it, on every clause and every whole side
// of every sentence pair of the reference document and of the parallel
// documents of ../shared/data, for bounds from below zero to past the
// count.
func TestAtLeastAsCounted(t *testing.T) {
	compared, stopped := 0, 0
	for _, p := range termDocs(t) {
		wd := words.Of(p.Align)
		for k := range wd.Pairs {
			pr := &wd.Pairs[k]
			for _, l := range []align.Lang{align.Zh, align.En} {
				this := pr.Tokens(l)
				runs := [][]words.Token{this}
				for _, c := range pr.Clauses(l) {
					runs = append(runs, this[c.Lo:c.Hi])
				}
				for _, ct := range runs {
					units, count := sideUnits(pr, l, ct), wordCount(pr, ct)
					for least := -1; least <= max(units, count)+2; least++ {
						require.Equal(t, units >= least, unitsAtLeast(pr, l, ct, least), "%s pair %d units %d, at least %d", p.Doc.Name, k, units, least)
						require.Equal(t, count >= least, wordsAtLeast(pr, ct, least), "%s pair %d words %d, at least %d", p.Doc.Name, k, count, least)
						compared++
						if least > 0 && least < units {
							stopped++
						}
					}
				}
			}
		}
	}
	require.Greater(t, stopped, 1000)
	t.Logf("%d bounds compared, %d where the units go past the bound", compared, stopped)
}

// wordCount counts the tokens (of pr) that are words: the count
// wordsAtLeast compares with its least, read to the end (the reference
// TestAtLeastAsCounted holds it to).
func wordCount(pr *words.Pair, toks []words.Token) int {
	n := 0
	for _, t := range toks {
		if isWordToken(pr, t) {
			n++
		}
	}
	return n
}
