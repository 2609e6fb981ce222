package checks

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// The numbers matched across a pair are the numbers fact's own (numOcc
// points at them, a long document has hundreds of thousands), so matching
// must leave them as read: the other checks read the same numbers after.

// TestMatchRangesLeavesNumbers: matching a range with its two ends
// (matchRanges works on copies of the range's ends) changes no number.
func TestMatchRangesLeavesNumbers(t *testing.T) {
	zh := chineseNumbers("人数为127万到250万。")
	en := numerals.English("There were 1.27 million people at first and 2.5 million later.")
	require.Len(t, zh, 1)
	require.True(t, zh[0].IsRange())
	require.Len(t, en, 2)
	wantZh, wantEn := append([]numerals.Number(nil), zh...), append([]numerals.Number(nil), en...)
	np := &numPair{zh: []*numOcc{{n: &zh[0]}}, en: []*numOcc{{n: &en[0]}, {n: &en[1]}}}
	np.matchRanges(func(*numOcc) bool { return true })
	require.True(t, np.zh[0].matched, "the range and its ends not matched: the test no longer covers matchRanges")
	require.Equal(t, wantZh, zh)
	require.Equal(t, wantEn, en)
}

// TestCompareNumbersLeavesFact: the same for every matching step over a
// document: the numbers fact reads afterwards what a fresh reading gives.
func TestCompareNumbersLeavesFact(t *testing.T) {
	require.NoError(t, lexicon.Load())
	doc, err := input.TwoFiles("zh.txt",
		"产量从5吨增加到8吨。\n\n2022年12月8日，32个国家出席，增长3.5%。\n\n人数为127万到250万。\n",
		"en.txt",
		"Output rose: 5 tonnes before, 8 tonnes now.\n\nOn December 8, 2022, 31 countries attended; growth was 3.5%.\n\nThere were 1.27 million people at first and 2.5 million later.\n")
	require.NoError(t, err)
	al := align.Align(doc, align.Options{Lex: lexicon.Default()})
	p := &Pass{Check: Numbers, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}}
	require.NotEmpty(t, Get(p, numberPairsFact))
	for _, l := range []align.Lang{align.Zh, align.En} {
		for i, blk := range doc.Blocks(l) {
			want := numerals.English(blk.Text)
			if l == align.Zh {
				want = chineseNumbers(blk.Text)
			}
			require.Equal(t, want, p.Numbers(l, i), "%s block %d", l, i)
		}
	}
}
