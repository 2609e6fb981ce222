package words_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/eval"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

// goldDir is DeNero and Macherey's hand-aligned zh–en sentences (MIT,
// LICENSE beside them), copied from ../shared/data/zh-en-word-alignment.
const goldDir = "../../testdata/zh-en-word-alignment"

// TestGoldAER aligns the gold set's 150 sentence pairs as one document,
// with the tool's own tokens, and requires an alignment error rate of at
// most 0.30 for the intersection and for grow-diag-final. The defaults
// were chosen on this set (see the package documentation): it measures
// the aligner as tuned, not on unseen text.
func TestGoldAER(t *testing.T) {
	set, err := eval.ReadWordSet(goldDir)
	require.NoError(t, err)
	require.Len(t, set.Sents, 150)
	sc := scoreGold(t, set, words.Options{})
	for k, name := range []string{"intersection", "grow-diag-final"} {
		t.Logf("%s: AER %.3f P %.3f R %.3f", name, sc[k].AER(), sc[k].Precision(), sc[k].Recall())
		assert.LessOrEqual(t, sc[k].AER(), 0.30, name)
	}
}

func scoreGold(t testing.TB, set *eval.WordSet, opt words.Options) []eval.WordScore {
	pairs := make([][2]string, len(set.Sents))
	for k, s := range set.Sents {
		pairs[k] = [2]string{s.ZhText, s.EnText}
	}
	out := words.AlignTexts(lexicon.Default(), pairs, opt)
	sc, err := set.Score(eval.FromPairs(out))
	require.NoError(t, err)
	return sc
}
