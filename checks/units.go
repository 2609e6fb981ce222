package checks

import (
	"github.com/aligncheck/aligncheck/align"
)

// This file holds what the checks that compare content across a pair share
// (numbers, terminology, consistency, punctuation, names): the aligned
// units, and where a piece of text falls in them.

// textPos is a byte range inside one block.
type textPos struct {
	Lang       align.Lang
	Block      int
	Start, End int // byte offsets in the block's Text
}

// pairView is a paragraph bead with both sides.
type pairView struct {
	p     *Pass
	Index int // the bead's index in the alignment
	Bead  *align.Bead
	// sent maps (lang, block, sentence) to the sentence bead holding it,
	// made the first time it is asked for a bead of many sentence beads
	// (a map for every bead took 30 MB at 50,000 pairs; most beads hold a
	// few sentence beads, looked through instead).
	sent map[[3]int]int
}

// manySents is the number of sentence beads above which a view maps its
// sentences rather than looking through them.
const manySents = 16

// pairViews returns the beads that pair text on both sides, leaving out
// beads whose blocks are all page furniture.
//
// The beads are counted first, and the views made in one array: the
// checks ask for the views several times a run, and a view allocated
// for each bead, its pointer appended to a slice grown from empty, was
// 1.2 MB and 20,000 allocations at 5,000 pairs.
func pairViews(p *Pass) []*pairView {
	paired := func(b *align.Bead) bool { return len(b.Zh) > 0 && len(b.En) > 0 && !allFurniture(p, b) }
	n := 0
	for bi := range p.Align.Beads {
		if paired(&p.Align.Beads[bi]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	views := make([]pairView, 0, n)
	out := make([]*pairView, 0, n)
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if !paired(b) {
			continue
		}
		views = append(views, pairView{p: p, Index: bi, Bead: b})
		out = append(out, &views[len(views)-1])
	}
	return out
}

// viewsByBead returns the views indexed by the index of their bead: nil
// for a bead without one.
func viewsByBead(p *Pass, views []*pairView) []*pairView {
	out := make([]*pairView, len(p.Align.Beads))
	for _, v := range views {
		out[v.Index] = v
	}
	return out
}

func allFurniture(p *Pass, b *align.Bead) bool {
	for _, i := range b.Zh {
		if p.Doc.Zh[i].Kind != align.KindFurniture {
			return false
		}
	}
	for _, j := range b.En {
		if p.Doc.En[j].Kind != align.KindFurniture {
			return false
		}
	}
	return true
}

// blocks returns the blocks of one side of the pair.
func (v *pairView) blocks(l align.Lang) []*align.Block {
	idx := v.Bead.Zh
	if l == align.En {
		idx = v.Bead.En
	}
	out := make([]*align.Block, len(idx))
	for k, i := range idx {
		out[k] = v.p.Doc.Blocks(l)[i]
	}
	return out
}

// sentBead returns the sentence bead that holds the text at pos, or -1
// when there is none (the sentence aligner left it out).
func (v *pairView) sentBead(pos textPos) int {
	blk := v.p.Doc.Blocks(pos.Lang)[pos.Block]
	si := sentenceAt(blk, pos.Start)
	if si < 0 {
		return -1
	}
	if len(v.Bead.Sents) > manySents {
		if v.sent == nil {
			v.sent = map[[3]int]int{}
			for sb, s := range v.Bead.Sents {
				for _, r := range s.Zh {
					v.sent[[3]int{int(align.Zh), r.Block, r.Sent}] = sb
				}
				for _, r := range s.En {
					v.sent[[3]int{int(align.En), r.Block, r.Sent}] = sb
				}
			}
		}
		if sb, ok := v.sent[[3]int{int(pos.Lang), pos.Block, si}]; ok {
			return sb
		}
		return -1
	}
	// the last sentence bead holding it, as the map has it
	for sb := len(v.Bead.Sents) - 1; sb >= 0; sb-- {
		refs := v.Bead.Sents[sb].Zh
		if pos.Lang == align.En {
			refs = v.Bead.Sents[sb].En
		}
		for _, r := range refs {
			if r.Block == pos.Block && r.Sent == si {
				return sb
			}
		}
	}
	return -1
}

// zhSents finds the sentence pair (words.Doc.Pairs) of a place in the
// Chinese of the views it was made for, with one look-up in a table of
// every sentence of their blocks: term learning asks it of every place of
// every candidate name (4 bytes a sentence). Going from the place to its
// view, the view's bead, the sentence bead's sides and then the pair
// would be five reads far apart a place; the table reads them once, in
// reading order, when it is made.
type zhSents struct {
	blocks []*align.Block
	// base[b] is where block b's sentences begin in pair; pair holds the
	// index in wd.Pairs of the pair of the last sentence bead holding each
	// sentence when that bead has sentences on both sides, or -1
	base []int32
	pair []int32
}

// newZhSents makes the table of the views of p, in the order of their
// beads (as pairViews gives them). The pairs of a word alignment
// (words.Doc.Pairs) are the sentence beads of every bead of the alignment,
// one bead after another: wd.Pair(b, sb) is wd.Pairs[sb + the sentence
// beads of the beads before b].
func newZhSents(p *Pass, views []*pairView) *zhSents {
	z := &zhSents{blocks: p.Doc.Zh, base: make([]int32, len(p.Doc.Zh)+1)}
	for b, blk := range p.Doc.Zh {
		z.base[b+1] = z.base[b] + int32(len(blk.Sents))
	}
	z.pair = make([]int32, z.base[len(p.Doc.Zh)])
	for i := range z.pair {
		z.pair[i] = -1
	}
	// first is the index in wd.Pairs of the first pair of bead bi
	first, bi := 0, 0
	for _, v := range views {
		for ; bi < v.Index; bi++ {
			first += len(p.Align.Beads[bi].Sents)
		}
		for sb, s := range v.Bead.Sents {
			pi := int32(-1)
			if v.both(sb) {
				pi = int32(first + sb)
			}
			for _, r := range s.Zh {
				z.pair[int(z.base[r.Block])+r.Sent] = pi
			}
		}
	}
	return z
}

// pairAt returns the index in wd.Pairs of the pair of the sentence bead,
// in the view holding Chinese block b, that holds the text at byte
// offset off of the block, when that bead has sentences on both sides;
// -1 when it has not, or there is none: wd.Pair(v.Index, sb) where sb is
// what the view's sentBead returns and v.both(sb) (TestZhSentsAsSentBead).
func (z *zhSents) pairAt(b, off int) int {
	si := sentenceAt(z.blocks[b], off)
	if si < 0 {
		return -1
	}
	return int(z.pair[int(z.base[b])+si])
}

// sentenceAt returns the index of the sentence of blk that holds byte
// offset off (or the nearest one before it), -1 if the block has none.
func sentenceAt(blk *align.Block, off int) int {
	// sort.Search written out: the first sentence ending after off
	// (this runs for every place of every candidate term)
	i, j := 0, len(blk.Sents)
	for i < j {
		h := int(uint(i+j) >> 1)
		if blk.Sents[h].End > off {
			j = h
		} else {
			i = h + 1
		}
	}
	if i == len(blk.Sents) {
		i--
	}
	if i > 0 && blk.Sents[i].Start > off {
		// between two sentences: count it with the one before
		i--
	}
	return i
}

// both reports whether sentence bead sb has sentences on both sides.
func (v *pairView) both(sb int) bool {
	return sb >= 0 && sb < len(v.Bead.Sents) && len(v.Bead.Sents[sb].Zh) > 0 && len(v.Bead.Sents[sb].En) > 0
}

// segments returns the byte ranges of one side of sentence bead sb, or of
// the whole side of the pair when sb < 0.
func (v *pairView) segments(l align.Lang, sb int) []textPos {
	var out []textPos
	if sb < 0 {
		for _, blk := range v.blocks(l) {
			out = append(out, textPos{Lang: l, Block: blk.Index, Start: 0, End: len(blk.Text)})
		}
		return out
	}
	refs := v.Bead.Sents[sb].Zh
	if l == align.En {
		refs = v.Bead.Sents[sb].En
	}
	for _, r := range refs {
		blk := v.p.Doc.Blocks(l)[r.Block]
		s := blk.Sents[r.Sent]
		// merge with the previous range when the sentences follow each other
		if n := len(out); n > 0 && out[n-1].Block == r.Block && out[n-1].End <= s.Start {
			out[n-1].End = s.End
			continue
		}
		out = append(out, textPos{Lang: l, Block: r.Block, Start: s.Start, End: s.End})
	}
	return out
}

// span locates a range of a block.
func (v *pairView) span(pos textPos) *align.Span {
	blk := v.p.Doc.Blocks(pos.Lang)[pos.Block]
	s := blk.SubSpan(pos.Start, pos.End)
	return &s
}

// unitSpan locates one side of sentence bead sb (the whole side of the
// pair when sb < 0 or the sentence bead has nothing on that side).
func (v *pairView) unitSpan(l align.Lang, sb int) *align.Span {
	segs := v.segments(l, sb)
	if len(segs) == 0 {
		return v.p.SideSpan(v.Bead, l)
	}
	first, last := segs[0], segs[len(segs)-1]
	fb, lb := v.p.Doc.Blocks(l)[first.Block], v.p.Doc.Blocks(l)[last.Block]
	s := fb.Src.Span(fb.Start+first.Start, lb.Start+last.End)
	return &s
}

// text returns the text at pos.
func (v *pairView) text(pos textPos) string {
	return v.p.Doc.Blocks(pos.Lang)[pos.Block].Text[pos.Start:pos.End]
}
