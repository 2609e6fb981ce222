package words

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/aligncheck/aligncheck/align"
)

// phrasePair is 外交部 重申 立场 : "the Foreign Ministry reiterated its
// position": 外交部 renders as Foreign Ministry, 重申 as reiterated, 立场 as
// position; "the" and "its" are unlinked.
func phrasePair() *Pair {
	p := &Pair{
		Zh: make([]Token, 3),
		En: make([]Token, 6),
	}
	p.setLinks([]Link{{0, 1}, {0, 2}, {1, 3}, {2, 5}}, []Link{{0, 1}, {0, 2}, {1, 3}, {2, 5}}, nil)
	return p
}

// unlinked gives p's tokens no links: strength Unlinked, not backed.
func unlinked(p *Pair) {
	clear(p.states(align.Zh))
	clear(p.states(align.En))
}

// withLinks gives p the links inter, in GDF as well, and keeps the
// states its tokens have.
func withLinks(p *Pair, inter []Link) {
	st := p.state
	p.setLinks(inter, inter, nil)
	copy(p.state, st)
}

func TestCounterpart(t *testing.T) {
	p := phrasePair()
	for _, tc := range []struct {
		name string
		l    align.Lang
		r    Range
		want Range
		ok   bool
	}{
		{"one word to two", align.Zh, Range{0, 1}, Range{1, 3}, true},
		{"a whole span", align.Zh, Range{0, 2}, Range{1, 4}, true},
		{"unlinked edges left out", align.Zh, Range{2, 3}, Range{5, 6}, true},
		{"English side", align.En, Range{1, 2}, Range{}, false}, // Foreign alone: Ministry is 外交部's too
		{"English side, whole unit", align.En, Range{1, 3}, Range{0, 1}, true},
		{"no link", align.En, Range{0, 1}, Range{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := p.Counterpart(p.GDF, tc.l, tc.r)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestCounterpartReordered: a rendering that crosses another word's
// rendering is not consistent.
func TestCounterpartReordered(t *testing.T) {
	p := &Pair{Zh: make([]Token, 3), En: make([]Token, 3)}
	links := []Link{{0, 0}, {1, 2}, {2, 1}} // 0 and 1 render as 0 … 2, around 2's
	_, ok := p.Counterpart(links, align.Zh, Range{0, 2})
	assert.False(t, ok)
	got, ok := p.Counterpart(links, align.Zh, Range{0, 3})
	assert.True(t, ok)
	assert.Equal(t, Range{0, 3}, got)
}

func TestPhrases(t *testing.T) {
	p := phrasePair()
	got := p.Phrases(p.GDF, 3)
	want := []Phrase{
		{Range{0, 1}, Range{1, 3}}, {Range{0, 1}, Range{0, 3}}, // widened over "the"
		{Range{0, 2}, Range{1, 4}},                             // widened over "the", it would be 4 long
		{Range{1, 2}, Range{3, 4}}, {Range{1, 2}, Range{3, 5}}, // over "its"
		{Range{1, 3}, Range{3, 6}},
		{Range{2, 3}, Range{5, 6}}, {Range{2, 3}, Range{4, 6}},
	}
	assert.ElementsMatch(t, want, got)
	for _, ph := range got {
		assert.LessOrEqual(t, ph.Zh.Len(), 3)
		assert.LessOrEqual(t, ph.En.Len(), 3)
	}
}

func TestClausesAndCoverage(t *testing.T) {
	p := tokenized(t, "我们坚持动态清零、精准防控，经济稳定增长；人民安全。", "We kept to dynamic zero-COVID, and the economy grew.")
	zh := p.Zh
	unlinked(p)
	var clauses []string
	for _, r := range p.Clauses(align.Zh) {
		s := ""
		for _, tk := range zh[r.Lo:r.Hi] {
			s += p.Text(tk)
		}
		clauses = append(clauses, s)
	}
	assert.Equal(t, []string{"我们坚持动态清零、精准防控", "经济稳定增长", "人民安全"}, clauses)
	enClauses := p.Clauses(align.En)
	assert.Len(t, enClauses, 2)

	// 坚持 sure, 动态清零 grown, the rest unlinked; 我们 is a function word
	first := p.Clauses(align.Zh)[0]
	for k, tk := range zh {
		switch p.Text(tk) {
		case "坚持":
			p.states(align.Zh)[k] = linkState(Sure)
		case "动态清零":
			p.states(align.Zh)[k] = linkState(Grown)
		}
	}
	linked, content := p.Coverage(align.Zh, first, Sure)
	assert.Equal(t, 1, linked)
	assert.Equal(t, 4, content) // 坚持 动态清零 精准 防控
	linked, _ = p.Coverage(align.Zh, first, Grown)
	assert.Equal(t, 2, linked)
}

// TestBackingAndGlossed: Backing counts the clause's content words with a
// backed link; Glossed those without one whose translation the lexicon
// finds among the English words no backed link takes.
func TestBackingAndGlossed(t *testing.T) {
	p := tokenized(t, "经济稳定增长，人民生活改善。", "The economy grew steadily and people lived better.")
	zh, en := p.Zh, p.En
	unlinked(p)
	idx := func(toks []Token, w string) int {
		for k, tk := range toks {
			if p.Text(tk) == w {
				return k
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	second := p.Clauses(align.Zh)[1] // 人民 生活 改善
	backed, content := p.Backing(align.Zh, second)
	assert.Equal(t, [2]int{0, 3}, [2]int{backed, content})
	// nothing backed: the lexicon finds 人民 (people), 生活 (live) and
	// 改善 (better) in the English
	assert.Equal(t, 3, p.Glossed(align.Zh, second, nil))

	p.states(align.Zh)[idx(zh, "人民")] |= backedBit
	p.states(align.En)[idx(en, "people")] |= backedBit
	backed, _ = p.Backing(align.Zh, second)
	assert.Equal(t, 1, backed)
	assert.Equal(t, 2, p.Glossed(align.Zh, second, nil), "人民 is backed now")

	// "lived" taken by a backed link of another word: no longer free
	p.states(align.En)[idx(en, "lived")] |= backedBit
	assert.Equal(t, 1, p.Glossed(align.Zh, second, nil))
	// the first clause: 经济 finds "economy"; 稳定 and 增长 nothing
	// (steadily, grew: other stems)
	assert.Equal(t, 1, p.Glossed(align.Zh, p.Clauses(align.Zh)[0], nil))
}

// TestGlossedByDocumentAndParagraph: a translation the document's backed
// links attest elsewhere counts like a gloss, and so does one in another
// sentence of the paragraph when Glossed is given the paragraph's pairs.
func TestGlossedByDocumentAndParagraph(t *testing.T) {
	backed := linkState(Sure) | backedBit
	v := &vocab{other: map[uint64]uint32{}}
	types := map[string]int32{} // one type a key, as tokenizing gives
	tok := func(key string) Token {
		id, ok := types[key]
		if !ok {
			id = v.add(tokType{key: key})
			types[key] = id
		}
		return v.token(id, Content, 0, 0)
	}
	pairs := []Pair{
		// 本法 linked to "act", backed (say, the document links them often)
		{Zh: []Token{tok("本法")}, En: []Token{tok("act")}, state: []linkState{backed, backed}},
		// 本法 unlinked here; "act" is free in the English
		{Zh: []Token{tok("本法"), tok("规定")}, En: []Token{tok("the"), tok("act"), tok("say")},
			state: make([]linkState, 2+3)},
		// 规定 unlinked; its sentence has no "provid", the next one has
		{Zh: []Token{tok("规定")}, En: []Token{tok("rule")}, state: make([]linkState, 1+1)},
		{Zh: []Token{tok("其他")}, En: []Token{tok("provid")}, state: make([]linkState, 1+1)},
	}
	withLinks(&pairs[0], []Link{{0, 0}})
	dl := &shared{vocab: v, pairs: pairs}
	for k := range pairs {
		pairs[k].doc = dl
	}
	p := &pairs[1]
	assert.Equal(t, 1, p.Glossed(align.Zh, Range{0, 1}, nil), "本法–act attested by the first pair")
	assert.Equal(t, 0, p.Glossed(align.Zh, Range{1, 2}, nil))
	p.states(align.En)[1] |= backedBit // "act" taken by a backed link here
	assert.Equal(t, 0, p.Glossed(align.Zh, Range{0, 1}, nil))

	// "provid" attested for 规定 nowhere yet: add a backed link elsewhere
	pairs = append(pairs, Pair{Zh: []Token{tok("规定")}, En: []Token{tok("provid")}, state: []linkState{backed, backed}})
	withLinks(&pairs[len(pairs)-1], []Link{{0, 0}})
	dl = &shared{vocab: v, pairs: pairs}
	for k := range pairs {
		pairs[k].doc = dl
	}
	q := &pairs[2]
	assert.Equal(t, 0, q.Glossed(align.Zh, Range{0, 1}, nil), "not in its own sentence")
	assert.Equal(t, 1, q.Glossed(align.Zh, Range{0, 1}, pairs[2:4]), "in the next sentence of the paragraph")
}
