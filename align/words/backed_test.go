package words_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

// zhToken returns the index of the first Chinese token of p written w.
func zhToken(t *testing.T, p *words.Pair, w string) int {
	t.Helper()
	for i, tk := range p.Zh {
		if p.Text(tk) == w {
			return i
		}
	}
	require.Failf(t, "no token", "%q", w)
	return -1
}

// TestBacked: a sure link is backed by the lexicon or by the same two
// words linked again in the document; the words of a clause with no
// English are not backed, whatever the model guesses for them.
func TestBacked(t *testing.T) {
	pairs := [][2]string{
		{"会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。",
			"The meeting stressed that the new development philosophy must be applied fully, accurately and comprehensively, and that a new development pattern must be built faster."},
		{"阮孟雄部长出席论坛。", "Minister Nguyen Manh Hung attended the forum."},
		{"阮孟雄表示，数字化转型很重要。", "Nguyen Manh Hung said digital transformation is important."},
	}
	lex := lexicon.Default()
	ps := words.AlignTexts(lex, pairs, words.Options{})
	for k := range ps {
		p := &ps[k]
		for _, l := range []align.Lang{align.Zh, align.En} {
			for i, tk := range p.Tokens(l) {
				if p.Backed(l, i) {
					assert.Equal(t, words.Sure, p.Strength(l, i), "backed, so sure: %q", p.Text(tk))
				}
			}
		}
	}
	first := &ps[0]
	assert.True(t, first.Backed(align.Zh, zhToken(t, first, "会议")), "会议 = meeting in the lexicon")
	assert.True(t, first.Backed(align.Zh, zhToken(t, first, "发展")))
	clause := first.Clauses(align.Zh)[1]
	backed, content := first.Backing(align.Zh, clause)
	assert.Equal(t, 0, backed, "the clause has no English")
	assert.Equal(t, 6, content) // 要 坚持 稳中求进 工作 总 基调

	// 表示 is linked to "said", which its glosses do not hold: a guess
	// in one sentence, backed once the document links them again.
	third := &ps[2]
	i := zhToken(t, third, "表示")
	require.Equal(t, words.Sure, third.Strength(align.Zh, i))
	said := ""
	for _, l := range third.Inter() {
		if int(l.Zh) == i {
			said = third.Text(third.En[l.En])
		}
	}
	require.Equal(t, "said", said)
	assert.False(t, third.Backed(align.Zh, i))
	ps = words.AlignTexts(lex, append(pairs, [2]string{"部长表示，论坛很重要。", "The minister said the forum is important."}), words.Options{})
	third = &ps[2]
	require.Equal(t, words.Sure, third.Strength(align.Zh, i))
	assert.True(t, third.Backed(align.Zh, i), "表示–said linked again in the fourth pair")
}
