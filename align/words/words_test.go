package words_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

const (
	smallZh = "中国外交部发言人表示，中国坚持和平发展道路。中国愿同各国加强合作。\n\n" +
		"经济保持稳定增长，人民生活水平不断提高。\n\n" +
		"政府将继续推进改革开放。\n"
	smallEn = "A spokesperson for the Chinese Foreign Ministry said that China adheres to the path of peaceful development. China is willing to strengthen cooperation with all countries.\n\n" +
		"The economy maintained stable growth, and people's living standards kept rising.\n\n" +
		"The government will continue to advance reform and opening up.\n\n" +
		"This paragraph has no Chinese counterpart at all, and says so at length to be sure.\n"
)

func alignSmall(t testing.TB, zh, en string) *align.Alignment {
	t.Helper()
	doc, err := input.TwoFiles("zh.txt", zh, "en.txt", en)
	require.NoError(t, err)
	return align.Align(doc, align.Options{Lex: lexicon.Default()})
}

// TestAlignDocument: one pair per sentence bead, in bead order; tokens
// point into their blocks; the links are the model's.
func TestAlignDocument(t *testing.T) {
	a := alignSmall(t, smallZh, smallEn)
	d := words.Align(a, lexicon.Default(), words.Options{})
	n := 0
	for bi, b := range a.Beads {
		require.Len(t, d.Bead(bi), len(b.Sents))
		for si := range b.Sents {
			p := d.Pair(bi, si)
			assert.Equal(t, [2]int{bi, si}, [2]int{p.Bead, p.Sent})
			assert.Same(t, &d.Pairs[n], p)
			n++
		}
	}
	require.Len(t, d.Pairs, n)

	var sawNull bool
	for _, p := range d.Pairs {
		for _, l := range []align.Lang{align.Zh, align.En} {
			for k, tk := range p.Tokens(l) {
				b, start, end := p.Place(tk)
				blk := a.Doc.Blocks(l)[b]
				assert.Equal(t, p.Text(tk), blk.Text[start:end])
				assert.Equal(t, p.Len(tk), end-start)
				sp := d.Span(l, tk)
				assert.Equal(t, p.Text(tk), sp.Text)
				if len(p.Zh) == 0 || len(p.En) == 0 {
					assert.Equal(t, words.Unlinked, p.Strength(l, k))
				}
			}
		}
		if len(p.Zh) == 0 || len(p.En) == 0 {
			sawNull = true
			assert.Empty(t, p.Inter())
			assert.Empty(t, p.GDF)
		}
		checkLinks(t, &p)
	}
	assert.True(t, sawNull, "the English paragraph without Chinese is a bead with one side")

	// 外交部 renders as Foreign Ministry in the first sentence
	first := d.Pair(0, 0)
	var ministry []string
	for _, l := range first.GDF {
		if first.Text(first.Zh[l.Zh]) == "外交部" {
			ministry = append(ministry, first.Text(first.En[l.En]))
		}
	}
	assert.Subset(t, ministry, []string{"Ministry"}, "links of 外交部: %v", ministry)
}

// checkLinks checks what the links of a pair promise: in range, sorted,
// Inter within GDF, strengths as the links say.
func checkLinks(t *testing.T, p *words.Pair) {
	t.Helper()
	gdf := map[words.Link]bool{}
	for k, l := range p.GDF {
		require.True(t, l.Zh >= 0 && int(l.Zh) < len(p.Zh) && l.En >= 0 && int(l.En) < len(p.En), "link %v", l)
		if k > 0 {
			prev := p.GDF[k-1]
			assert.True(t, prev.Zh < l.Zh || prev.Zh == l.Zh && prev.En < l.En, "GDF sorted")
		}
		gdf[l] = true
		assert.GreaterOrEqual(t, p.Strength(align.Zh, int(l.Zh)), words.Grown)
		assert.GreaterOrEqual(t, p.Strength(align.En, int(l.En)), words.Grown)
	}
	zhSure, enSure := map[int32]int{}, map[int32]int{}
	for _, l := range p.Inter() {
		assert.True(t, gdf[l], "intersection link %v in GDF", l)
		assert.Equal(t, words.Sure, p.Strength(align.Zh, int(l.Zh)))
		assert.Equal(t, words.Sure, p.Strength(align.En, int(l.En)))
		zhSure[l.Zh]++
		enSure[l.En]++
	}
	// both directions agree on a sure link: one a word
	for _, n := range zhSure {
		assert.Equal(t, 1, n)
	}
	for _, n := range enSure {
		assert.Equal(t, 1, n)
	}
	// a word no link of the union takes is unlinked, and one of a sure
	// link is sure
	for _, l := range []align.Lang{align.Zh, align.En} {
		for i := range p.Tokens(l) {
			inGDF := false
			for _, k := range p.GDF {
				if l == align.Zh && int(k.Zh) == i || l == align.En && int(k.En) == i {
					inGDF = true
				}
			}
			s := p.Strength(l, i)
			assert.Equal(t, inGDF, s >= words.Grown, "token %d: %v", i, s)
			if p.Backed(l, i) {
				assert.Equal(t, words.Sure, s)
			}
		}
	}
}

// TestDocText: Text and SpanOf quote a run of tokens as written.
func TestDocText(t *testing.T) {
	a := alignSmall(t, smallZh, smallEn)
	d := words.Of(a)
	p := d.Pair(0, 0)
	assert.Equal(t, "中国外交部", d.Text(align.Zh, p.Zh[:2]))
	assert.Equal(t, "A spokesperson for", d.Text(align.En, p.En[:3]))
	sp := d.SpanOf(align.En, p.En[:3])
	assert.Equal(t, "A spokesperson for", sp.Text)
	assert.Equal(t, 1, sp.Line)
}

// TestOfOnce: Of computes the alignment once per Alignment.
func TestOfOnce(t *testing.T) {
	a := alignSmall(t, smallZh, smallEn)
	assert.Same(t, words.Of(a), words.Of(a))
}

// TestDeterministic: the same document gives the same links, run after run
// and whatever runs beside it.
func TestDeterministic(t *testing.T) {
	docs := []struct{ zh, en string }{
		{smallZh, smallEn},
		{strings.Repeat(smallZh+"\n", 3), strings.Repeat(smallEn+"\n", 3)},
		{"政府将继续推进改革开放。\n", "The government will continue to advance reform and opening up.\n"},
	}
	want := make([]string, len(docs))
	for k, doc := range docs {
		want[k] = dump(words.Align(alignSmall(t, doc.zh, doc.en), lexicon.Default(), words.Options{}))
		assert.Equal(t, want[k], dump(words.Align(alignSmall(t, doc.zh, doc.en), lexicon.Default(), words.Options{})))
	}
	// concurrently, several times over (go test -race checks the sharing)
	var wg sync.WaitGroup
	got := make([]string, 3*len(docs))
	for k := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := docs[k%len(docs)]
			got[k] = dump(words.Of(alignSmall(t, doc.zh, doc.en)))
		}()
	}
	wg.Wait()
	for k := range got {
		assert.Equal(t, want[k%len(docs)], got[k])
	}
}

func dump(d *words.Doc) string {
	var sb strings.Builder
	for _, p := range d.Pairs {
		fmt.Fprintf(&sb, "%d/%d %v %v", p.Bead, p.Sent, p.Inter(), p.GDF)
		for _, l := range []align.Lang{align.Zh, align.En} {
			for k := range p.Tokens(l) {
				fmt.Fprintf(&sb, " %v/%v", p.Strength(l, k), p.Backed(l, k))
			}
		}
		sb.WriteByte('\n')
		for _, tk := range p.Zh {
			b, start, _ := p.Place(tk)
			fmt.Fprintf(&sb, "%q@%d:%d ", p.Text(tk), b, start)
		}
		for _, tk := range p.En {
			b, start, _ := p.Place(tk)
			fmt.Fprintf(&sb, "%q@%d:%d ", p.Text(tk), b, start)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// TestLongBead: a bead past MaxCells is scored in a band around its
// diagonal; its links stay in the band.
func TestLongBead(t *testing.T) {
	zh := strings.Repeat("政府推进改革，经济保持增长，", 20)
	en := strings.Repeat("The government advances reform, the economy keeps growing, ", 20)
	const maxCells = 400
	pairs := words.AlignTexts(lexicon.Default(), [][2]string{{zh, en}}, words.Options{MaxCells: maxCells})
	p := pairs[0]
	m, n := len(p.Zh), len(p.En)
	require.Greater(t, m*n, maxCells)
	width := maxCells / m
	require.NotEmpty(t, p.Inter())
	for _, l := range p.GDF {
		diag := (2*int(l.Zh) + 1) * n / (2 * m)
		assert.LessOrEqual(t, abs(int(l.En)-diag), width/2+1, "link %v outside the band", l)
	}
	// The repeated clause is linked alike everywhere: 改革 to reform.
	var reform int
	for _, l := range p.Inter() {
		if p.Text(p.Zh[l.Zh]) == "改革" && p.Text(p.En[l.En]) == "reform" {
			reform++
		}
	}
	assert.Greater(t, reform, 10)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestEmpty: pairs with an empty side, or nothing at all, give no links
// and no trouble.
func TestEmpty(t *testing.T) {
	pairs := words.AlignTexts(lexicon.Default(), [][2]string{{"", ""}, {"中国", ""}, {"", "China"}, {"。", "."}}, words.Options{})
	require.Len(t, pairs, 4)
	for _, p := range pairs[:3] {
		assert.Empty(t, p.Inter())
		assert.Empty(t, p.GDF)
	}
	assert.Equal(t, []words.Link{{0, 0}}, pairs[3].Inter())
	assert.Empty(t, words.AlignTexts(lexicon.Default(), nil, words.Options{}))
}
