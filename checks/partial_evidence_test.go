package checks

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

// clauseFacts is what strongClause weighs for one Chinese clause.
type clauseFacts struct {
	content, backed int
	free, repeated  int
	covered, han    int
	// strong: strongClause with each rule alone (the others off), and
	// with all of them
	freeOnly, repeatedOnly, subOnly, all bool
}

// clauseEvidence word-aligns the fixture in dir and returns the facts of
// the Chinese clause with text clause in the pair with index k.
func clauseEvidence(t *testing.T, dir string, k int, clause string) clauseFacts {
	t.Helper()
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	zt, err := os.ReadFile(filepath.Join(dir, "zh.txt"))
	require.NoError(t, err)
	et, err := os.ReadFile(filepath.Join(dir, "en.txt"))
	require.NoError(t, err)
	doc, err := input.TwoFiles("zh.txt", string(zt), "en.txt", string(et))
	require.NoError(t, err)
	wd := words.Of(align.Align(doc, align.Options{Lex: lexicon.Default()}))
	require.Less(t, k, len(wd.Pairs))
	pr := &wd.Pairs[k]
	off := clauseRules{freeWords: 1 << 20, freeShare: 2, repeatedShare: 2, subGlossShare: 2}
	for _, c := range pr.Clauses(align.Zh) {
		if wd.Text(align.Zh, pr.Zh[c.Lo:c.Hi]) != clause {
			continue
		}
		f := clauseFacts{free: freeRendering(pr, align.Zh, c), repeated: repeatedNearby(wd, k, align.Zh, c)}
		f.backed, f.content = pr.Backing(align.Zh, c)
		f.covered, f.han = subwordGlossed(wd.Bead(pr.Bead), pr, c)
		only := func(set func(r *clauseRules)) bool {
			r := off
			set(&r)
			return strongClause(wd, k, align.Zh, c, f.content, r)
		}
		f.freeOnly = only(func(r *clauseRules) { r.freeWords, r.freeShare = strongRules.freeWords, strongRules.freeShare })
		f.repeatedOnly = only(func(r *clauseRules) { r.repeatedShare = strongRules.repeatedShare })
		f.subOnly = only(func(r *clauseRules) { r.subGlossShare = strongRules.subGlossShare })
		f.all = strongClause(wd, k, align.Zh, c, f.content, strongRules)
		return f
	}
	t.Fatalf("%s: no clause %q in pair %d", dir, clause, k)
	return clauseFacts{}
}

const partialFixtures = "../testdata/checks/omission--partial/"

// TestFreeRendering: the idiom's four words ("walk", "park", "festive",
// "parade") stand between the English of what precedes and follows the
// clause, and no word outside the clause explains them; deleted, none
// is left. That rule alone keeps the finding at info.
func TestFreeRendering(t *testing.T) {
	const clause = "这绝不是敲锣打鼓、轻轻松松就能实现的"
	f := clauseEvidence(t, partialFixtures+"idiom", 0, clause)
	assert.Equal(t, 0, f.backed)
	assert.Equal(t, 4, f.free)
	assert.Zero(t, f.repeated)
	assert.Zero(t, f.covered)
	assert.False(t, f.freeOnly, "free words alone keep it at info")
	assert.True(t, f.repeatedOnly)
	assert.True(t, f.subOnly)
	assert.False(t, f.all)

	cut := clauseEvidence(t, partialFixtures+"idiom-cut", 0, clause)
	assert.Less(t, cut.free, strongRules.freeWords)
	assert.True(t, cut.all)
}

// TestRepeatedNearby: the clause of the second paragraph is said again,
// word for word, at the start of the third, where the English renders it
// (six of its eight content words with a backed link there); that rule
// alone keeps it at info. The third paragraph's own clause is rendered.
func TestRepeatedNearby(t *testing.T) {
	const clause = "各级领导干部必须把人民群众的冷暖放在心上"
	f := clauseEvidence(t, partialFixtures+"repeated", 1, clause)
	assert.Equal(t, 0, f.backed)
	assert.Equal(t, 8, f.content)
	assert.GreaterOrEqual(t, float64(f.repeated), strongRules.repeatedShare*float64(f.content))
	assert.Less(t, f.free, strongRules.freeWords)
	assert.False(t, f.repeatedOnly, "the repetition alone keeps it at info")
	assert.True(t, f.freeOnly)
	assert.True(t, f.subOnly)

	next := clauseEvidence(t, partialFixtures+"repeated", 2, clause)
	assert.Positive(t, next.backed, "rendered where it is said again")
}

// TestSubwordGlossed: 行政院 inside 并须经行政院审查核定 (cut 须/经行/政/院)
// has its gloss "Executive Yuan" among the English words no backed link
// takes: 3 of its 10 characters; that rule alone keeps it at info.
func TestSubwordGlossed(t *testing.T) {
	f := clauseEvidence(t, partialFixtures+"resegmented", 1, "并须经行政院审查核定")
	assert.Equal(t, 0, f.backed)
	assert.Equal(t, 3, f.covered)
	assert.Equal(t, 10, f.han)
	assert.Zero(t, f.free)
	assert.False(t, f.subOnly, "the dictionary word alone keeps it at info")
	assert.True(t, f.freeOnly)
	assert.True(t, f.repeatedOnly)
}

// TestFourWords: four content words are a warning only with nothing of
// the translation where they would stand and another clause in the
// sentence.
func TestFourWords(t *testing.T) {
	f := clauseEvidence(t, partialFixtures+"four-words", 0, "牢牢守住安全底线")
	assert.Equal(t, 4, f.content)
	assert.Zero(t, f.free)
	assert.True(t, f.all)
	alone := clauseEvidence(t, partialFixtures+"four-words-alone", 1, "牢牢守住安全底线")
	assert.Equal(t, 4, alone.content)
	assert.False(t, alone.all, "a clause alone in its sentence")
}
