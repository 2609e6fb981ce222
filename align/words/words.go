package words

import (
	"slices"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

// Pair is one sentence bead with its tokens and links.
type Pair struct {
	// Bead and Sent name the sentence bead:
	// Alignment.Beads[Bead].Sents[Sent]. For AlignTexts, Bead is the index
	// of the text pair and Sent is 0.
	Bead, Sent int
	// Zh and En are the tokens of each side in reading order (a side of
	// several sentences has the tokens of each in turn). Either is empty
	// for a bead with one side only; such a pair has no links.
	Zh, En []Token
	// GDF holds the grow-diag-final links, sorted by Zh, then En; Inter
	// gives those both directions of the model agree on.
	GDF []Link

	// state holds each token's Strength and whether it is Backed, one
	// byte a token: the Chinese tokens' (state[i]), then the English
	// (state[len(Zh)+j]); then which links of GDF are Inter's, a bit a
	// link (bit k%8 of state[len(Zh)+len(En)+k/8]). One slice rather than
	// one a side, for the 24 bytes a pair (1.5 MB in a 50,000-pair
	// document); the intersection links a bit each rather than a copy of
	// 8 bytes a link (some 10 MB). (Each direction's own links, read off
	// the model, are let go once the strengths are set: no check reads
	// them, and they took 8 bytes a token.)
	state []linkState

	doc *shared // shared by the pairs aligned together
}

// linkState is a token's Strength (the low two bits) and whether it is
// Backed (backedBit).
type linkState uint8

const backedBit linkState = 4

// Key returns the Key of token t of p, or of any pair aligned together
// with p: the type the model learns on. A Chinese word in simplified
// characters; an English content word as lang.Keyword gives it (stemmed,
// or an acronym's letters); a function word "_" and its lower-case form;
// punctuation its class ("," for ，、 and ,; `"` for every quotation
// mark). Two tokens of one side with the same Key are the same word to
// the model.
func (p *Pair) Key(t Token) string { return p.doc.vocab.key(t) }

// Glosses returns the lexicon word ids (lexicon.Lexicon.Word) of token t
// of p, or of any pair aligned together with p: for a Chinese word the
// stemmed English content words of its CC-CEDICT glosses and, for a word
// of three or more characters, of the headwords inside it (动态清零: zero,
// covid, dynamic, clear …); for an English word the id of its Key, if a
// gloss uses it. Sorted, without repeats; nil when none. A Chinese and an
// English token share an id when the lexicon says one may translate the
// other. Must not be modified.
func (p *Pair) Glosses(t Token) []uint32 { return p.doc.vocab.glosses(t) }

// Gloss returns the only gloss of token t of p, or of any pair aligned
// together with p, and true when Glosses(t) holds one id; false when it
// holds none or several. It reads less than Glosses: the checks ask it
// of every English content word.
func (p *Pair) Gloss(t Token) (uint32, bool) { return p.doc.vocab.gloss(t) }

// Text returns token t of p, or of any pair aligned together with p, as
// written.
func (p *Pair) Text(t Token) string { return p.doc.vocab.text(t) }

// Tokens returns the tokens of one side.
func (p *Pair) Tokens(l align.Lang) []Token {
	if l == align.Zh {
		return p.Zh
	}
	return p.En
}

// states returns the link states of one side's tokens.
func (p *Pair) states(l align.Lang) []linkState {
	if l == align.Zh {
		return p.state[:len(p.Zh):len(p.Zh)]
	}
	n := len(p.Zh) + len(p.En)
	return p.state[len(p.Zh):n:n]
}

// Inter returns the links both directions of the model agree on: those
// of GDF (a superset) that Inter marks, sorted as GDF. A new slice; nil
// when there are none.
func (p *Pair) Inter() []Link {
	var out []Link
	for k, l := range p.GDF {
		if p.IsInter(k) {
			out = append(out, l)
		}
	}
	return out
}

// IsInter reports whether link k of GDF is one of Inter: what Inter gives,
// without making a slice.
func (p *Pair) IsInter(k int) bool {
	return p.state[len(p.Zh)+len(p.En)+k/8]&(1<<(k%8)) != 0
}

// setLinks sets the pair's links: gdf, and of them those of inter, a
// subset sorted as gdf is; and makes its states, all Unlinked, from mem
// (nil: allocated alone).
func (p *Pair) setLinks(inter, gdf []Link, mem *linkSlabs) {
	n := len(p.Zh) + len(p.En) + (len(gdf)+7)/8
	if mem != nil {
		p.GDF, p.state = mem.links.copy(gdf), mem.state.make(n)
	} else {
		p.GDF, p.state = slices.Clip(slices.Clone(gdf)), make([]linkState, n)
	}
	k := 0
	for _, l := range inter {
		for k < len(gdf) && gdf[k] != l {
			k++
		}
		if k == len(gdf) {
			panic("words: an intersection link not among the grow-diag-final ones")
		}
		p.state[len(p.Zh)+len(p.En)+k/8] |= 1 << (k % 8)
	}
}

// back marks the two tokens of link l Backed.
func (p *Pair) back(l Link) {
	p.state[l.Zh] |= backedBit
	p.state[len(p.Zh)+int(l.En)] |= backedBit
}

// Backed reports whether token i of one side has a sure link backed by
// more than this sentence pair: the lexicon glosses one word by the other
// (or they are the same number or Latin-script word), or the document's
// sure links join the same two words once more. A sure link without
// backing is the model's guess from position and from the words left
// over: where a clause has no translation, its words still take such
// links to whatever English is near (a tenth of the sure links of content
// words in the WMT documents, three in four of those of clauses whose
// English was deleted).
func (p *Pair) Backed(l align.Lang, i int) bool {
	return p.states(l)[i]&backedBit != 0
}

// Strength returns how firmly token i of one side is linked: the
// strongest of its links.
func (p *Pair) Strength(l align.Lang, i int) Strength {
	return Strength(p.states(l)[i] &^ backedBit)
}

// Doc is the word alignment of a document: a Pair per sentence bead, in
// the order of the beads and of their sentence beads.
type Doc struct {
	Alignment *align.Alignment
	Pairs     []Pair
	first     []int // index in Pairs of each bead's first sentence bead
	shared    *shared
}

// Pair returns the pair of sentence bead s of paragraph bead b.
func (d *Doc) Pair(b, s int) *Pair { return &d.Pairs[d.first[b]+s] }

// Bead returns the pairs of the sentence beads of paragraph bead b.
func (d *Doc) Bead(b int) []Pair { return d.Pairs[d.first[b]:d.first[b+1]] }

// Spellings returns the number of spellings of d's tokens (see
// Token.Spelling).
func (d *Doc) Spellings() int { return len(d.shared.vocab.spells) }

// SpellingGloss returns what Pair.Gloss returns of the tokens of
// spelling sp of d (0 <= sp < d.Spellings()).
func (d *Doc) SpellingGloss(sp int) (uint32, bool) {
	g := d.shared.vocab.spells[sp].gloss
	return g - 1, g != 0
}

// Len returns the length in bytes of token t of p, or of any pair
// aligned together with p.
func (p *Pair) Len(t Token) int { return p.doc.vocab.len(t) }

// Place returns the block (index among the blocks of its language) that
// holds token t of p, or of any pair aligned together with p, and the
// token's byte offsets in the block's text.
func (p *Pair) Place(t Token) (block, start, end int) {
	_, block, start, end = p.doc.vocab.place(t)
	return block, start, end
}

// Span locates a token in its file (path, line, column, excerpt).
func (d *Doc) Span(l align.Lang, t Token) align.Span {
	_, b, start, end := d.shared.vocab.place(t)
	return d.Alignment.Doc.Blocks(l)[b].SubSpan(start, end)
}

// SpanOf locates a run of tokens of one side of a pair (toks not empty),
// from the start of the first to the end of the last; if they lie in two
// blocks, the span ends with the first block.
func (d *Doc) SpanOf(l align.Lang, toks []Token) align.Span {
	v := d.shared.vocab
	_, first, start, _ := v.place(toks[0])
	_, last, _, end := v.place(toks[len(toks)-1])
	b := d.Alignment.Doc.Blocks(l)[first]
	if last != first {
		return b.SubSpan(start, len(b.Text))
	}
	return b.SubSpan(start, end)
}

// Text returns the text that tokens cover as written, spaces and
// punctuation between them included; tokens of different blocks are
// joined by a space.
func (d *Doc) Text(l align.Lang, toks []Token) string {
	return textOf(d.shared.vocab, toks)
}

// textOf is Doc.Text of tokens of v.
func textOf(v *vocab, toks []Token) string {
	var sb strings.Builder
	for k := 0; k < len(toks); {
		l, b, start, end := v.place(toks[k])
		for k++; k < len(toks); k++ {
			_, b2, _, e := v.place(toks[k])
			if b2 != b {
				break
			}
			end = e
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(v.block(l, b)[start:end])
	}
	return sb.String()
}

// Of returns the word alignment of a, computing it the first time it is
// asked for (with the embedded lexicon and the default options) and
// remembering it on a: the checks that need word links share one. Other
// callers of a.Memo wait while it is computed.
func Of(a *align.Alignment) *Doc {
	return a.Memo("align/words", func() any { return Align(a, lexicon.Default(), Options{}) }).(*Doc)
}

// Align word-aligns every sentence bead of a, learning the model on a's
// document alone. It is safe to call concurrently on different alignments.
func Align(a *align.Alignment, lex *lexicon.Lexicon, opt Options) *Doc {
	d := tokenize(a, lex)
	link(d.shared, d.Pairs, opt)
	return d
}

// tokenize makes a's pairs, with their tokens and no links.
func tokenize(a *align.Alignment, lex *lexicon.Lexicon) *Doc {
	doc := a.Doc
	sh := &shared{vocab: newVocab(lex, len(doc.Zh), len(doc.En), func(l align.Lang, b int) string { return doc.Blocks(l)[b].Text })}
	d := &Doc{Alignment: a, first: make([]int, len(a.Beads)+1), shared: sh}
	n := 0
	for _, b := range a.Beads {
		n += len(b.Sents)
	}
	d.Pairs = make([]Pair, 0, n)
	var zs, es []Token
	var toks slab[Token]
	for bi, b := range a.Beads {
		d.first[bi] = len(d.Pairs)
		for si, sb := range b.Sents {
			p := Pair{Bead: bi, Sent: si, doc: sh}
			// The tokens are cut into scratch slices and copied out
			// at their length: the whole document's tokens stay live.
			zs, es = zs[:0], es[:0]
			for _, r := range sb.Zh {
				blk := doc.Zh[r.Block]
				s := blk.Sents[r.Sent]
				zs = zhTokens(sh.vocab, blk.Text[s.Start:s.End], sh.vocab.offset(align.Zh, r.Block)+s.Start, zs)
			}
			for _, r := range sb.En {
				blk := doc.En[r.Block]
				s := blk.Sents[r.Sent]
				es = enTokens(sh.vocab, blk.Text[s.Start:s.End], sh.vocab.offset(align.En, r.Block)+s.Start, es)
			}
			p.Zh, p.En = toks.copy(zs), toks.copy(es)
			d.Pairs = append(d.Pairs, p)
		}
	}
	d.first[len(a.Beads)] = len(d.Pairs)
	sh.vocab.done()
	return d
}

// AlignTexts word-aligns pairs of Chinese and English texts (each a
// sentence or a few), learning the model on these pairs alone. Token
// offsets (Pair.Place) are into the pair's texts; the block and Pair.Bead
// are the index of the pair.
func AlignTexts(lex *lexicon.Lexicon, pairs [][2]string, opt Options) []Pair {
	out := make([]Pair, len(pairs))
	v := newVocab(lex, len(pairs), len(pairs), func(l align.Lang, b int) string { return pairs[b][l] })
	sh := &shared{vocab: v}
	for k, tp := range pairs {
		out[k] = Pair{Bead: k, Zh: zhTokens(v, tp[0], v.offset(align.Zh, k), nil), En: enTokens(v, tp[1], v.offset(align.En, k), nil), doc: sh}
	}
	sh.vocab.done()
	link(sh, out, opt)
	return out
}

// windowBeads is the most sentence beads the model is learnt on at once:
// a longer document is cut into windows of near-equal size, at most
// windowBeads each, and each window's model (its cells, type tables and
// type ids) is learnt, read off and released before the next. The real
// documents the checks are measured on are far within one window (the
// reference document has 140 sentence beads; the longest document
// of ../shared/data/parallel and ../shared/data/realdocs 876; the
// 5,000-pair generated document 6,313), so their links are the
// document's; 8,192 beads is more than a hundred thousand words a side,
// ample for EM on a vocabulary the lexicon prior already seeds. What a
// window holds is bounded: in the generated documents a sentence bead
// has about 1,400 cells, so a window's cells take about 22 MB before the
// second E-step prunes them, and 41 MB once it has (it keeps about half,
// and from then on stores their words and weights: 8 bytes a cell).
const windowBeads = 8192

// link gives the pairs' tokens their types' kinds and glosses, trains the
// model on them, window by window (see windowBeads), and fills in the
// links. The pairs' tokens are of sh's vocabulary.
func link(sh *shared, pairs []Pair, opt Options) {
	linkWindows(sh, pairs, opt, windowBeads)
}

// linkWindows is link with windows of at most window sentence beads.
func linkWindows(sh *shared, pairs []Pair, opt Options, window int) {
	n := max(1, (len(pairs)+window-1)/window) // windows
	var mem linkSlabs
	for w := range n {
		linkWindow(sh.vocab, pairs[w*len(pairs)/n:(w+1)*len(pairs)/n], opt, &mem)
	}
	// Backing by the document: the pairs of words the sure links join
	// more than once, in any window. (A type is one per key and language
	// among the pairs aligned together.)
	seen := map[uint64]int32{}
	for k := range pairs {
		p := &pairs[k]
		for i, l := range p.GDF {
			if p.IsInter(i) {
				seen[sh.vocab.typePair(p.Zh[l.Zh], p.En[l.En])]++
			}
		}
	}
	sh.pairs = pairs
	for k := range pairs {
		p := &pairs[k]
		for i, l := range p.GDF {
			if p.IsInter(i) && seen[sh.vocab.typePair(p.Zh[l.Zh], p.En[l.En])] > 1 {
				p.back(l)
			}
		}
	}
}

// typePair is the pair of the types of a Chinese and an English token, as
// one number.
func (v *vocab) typePair(zh, en Token) uint64 { return uint64(v.ty(zh))<<32 | uint64(v.ty(en)) }

// linkSlabs are where the links of a document's pairs are cut from.
type linkSlabs struct {
	links slab[Link]
	state slab[linkState]
}

// linkWindow learns the model on pairs alone and fills in their links,
// strengths and the lexicon's backing. The model numbers the types of
// the window in the order they are met.
func linkWindow(v *vocab, pairs []Pair, opt Options, mem *linkSlabs) {
	md := &model{opt: opt.withDefaults()}
	// local[ty] is the window's id of vocabulary type ty, plus one; 0
	// for a type not met yet.
	local := make([]int32, len(v.types))
	var nZh, nEn int32
	enByKey := map[string]int32{}
	var zhGloss, enGloss [][]uint32 // per type
	var zhKind, enKind []Kind
	var zhKey, enKey []string
	intern := func(toks []Token, l align.Lang) ([]int32, []bool) {
		ids := make([]int32, len(toks))
		punct := make([]bool, len(toks))
		for k, t := range toks {
			punct[k] = t.Kind() == Punct
			tid := v.ty(t)
			ty := &v.types[tid]
			id := local[tid] - 1
			if id < 0 {
				if l == align.Zh {
					id = nZh
					nZh++
					zhGloss = append(zhGloss, ty.glosses)
					zhKind = append(zhKind, t.Kind())
					zhKey = append(zhKey, ty.key)
				} else {
					id = nEn
					nEn++
					enByKey[ty.key] = id
					enGloss = append(enGloss, ty.glosses)
					enKind = append(enKind, t.Kind())
					enKey = append(enKey, ty.key)
				}
				local[tid] = id + 1
			}
			ids[k] = id
		}
		return ids, punct
	}
	zh := make([][]int32, len(pairs))
	en := make([][]int32, len(pairs))
	zhPunct := make([][]bool, len(pairs))
	enPunct := make([][]bool, len(pairs))
	for k := range pairs {
		zh[k], zhPunct[k] = intern(pairs[k].Zh, align.Zh)
		en[k], enPunct[k] = intern(pairs[k].En, align.En)
	}
	local = nil
	// The English types of each gloss id.
	byGloss := map[uint32][]int32{}
	for e, gl := range enGloss {
		if len(gl) > 0 {
			byGloss[gl[0]] = append(byGloss[gl[0]], int32(e))
		}
	}
	// The prior favours the English words of a Chinese word's glosses; and
	// the same punctuation class, number or Latin-script word on both sides.
	favoured := func(z int32, mark func(e int32)) {
		for _, g := range zhGloss[z] {
			for _, e := range byGloss[g] {
				mark(e)
			}
		}
		if zhKind[z] == Punct || zhKind[z] == Content {
			if e, ok := enByKey[zhKey[z]]; ok && (enKind[e] == Punct) == (zhKind[z] == Punct) {
				mark(e)
			}
		}
	}
	md.nZh, md.nEn = int(nZh), int(nEn)
	md.build(zh, en, zhPunct, enPunct, favoured)
	md.train()
	var sym symmetriser
	var ez, ze []int32 // each direction's links, pair by pair
	for k := range pairs {
		p := &pairs[k]
		ez, ze = grow(ez, len(p.En)), grow(ze, len(p.Zh)) // viterbi sets every one
		md.viterbi(k, ez, ze)
		inter, gdf := sym.symmetrise(ez, ze)
		p.setLinks(inter, gdf, mem)
		zs, es := p.states(align.Zh), p.states(align.En)
		for i, j := range ze {
			if j >= 0 {
				zs[i] = linkState(OneWay)
				es[j] = linkState(OneWay)
			}
		}
		for j, i := range ez {
			if i >= 0 {
				zs[i] = linkState(OneWay)
				es[j] = linkState(OneWay)
			}
		}
		for _, l := range p.GDF {
			zs[l.Zh] = linkState(Grown)
			es[l.En] = linkState(Grown)
		}
		for i, l := range p.GDF {
			if p.IsInter(i) {
				zs[l.Zh] = linkState(Sure)
				es[l.En] = linkState(Sure)
			}
		}
	}
	// Backing by the lexicon: its word pairs, and the same number or
	// Latin-script word.
	glossed := func(z, e int32) bool {
		if len(enGloss[e]) > 0 {
			if _, ok := slices.BinarySearch(zhGloss[z], enGloss[e][0]); ok {
				return true
			}
		}
		return zhKind[z] == Content && enKind[e] != Punct && zhKey[z] == enKey[e]
	}
	for k := range pairs {
		p := &pairs[k]
		for i, l := range p.GDF {
			if p.IsInter(i) && glossed(zh[k][l.Zh], en[k][l.En]) {
				p.back(l)
			}
		}
	}
}
