package lexicon

import (
	"math"
	"math/bits"
	"slices"

	"github.com/aligncheck/aligncheck/align/lang"
)

// Blocks compares runs of consecutive Chinese blocks with runs of
// consecutive English blocks, as a paragraph aligner does for each of its
// many candidate beads. Each block is segmented and looked up once; a
// comparison then only walks the words of the blocks involved.
//
// Similarity(i, a, j, b) equals, to the bit, the Similarity of the Chinese
// blocks i..i+a-1 and of the English blocks j..j+b-1, each run joined with
// "\n": no token spans a line break, so the prepared sides of a run are the
// concatenation of those of its blocks, and the sums are taken in the same
// order.
//
// The work is done per pair of blocks, once: which units of the Chinese
// block meet a feature of the English block and which words of the English
// block meet one of the Chinese block, as bitsets. A run is then the OR of
// its pairs' bitsets, and its sums add the weights of the set bits in
// order.
//
// A Blocks is not safe for concurrent use.
type Blocks struct {
	zh, en []blockSide
	// feats holds the lists of match features of the units, and of the
	// distinct features each block offers the other side, each list once;
	// spans index it.
	feats []int32
	// enIndex lists, for each feature an English block of more than 64
	// words offers, the words of the block that have it; enMask holds
	// them as bits for a block of at most 64 (see indexEn).
	enIndex []int32
	enMask  []uint64
	// marks hold the features of the two Chinese blocks marked last
	// (markZh), marks[recent] the latest.
	marks  [2]zhMarking
	recent int
	// sorts keep the units by feature of the Chinese blocks marked
	// last (zhSort), used a clock of markZh's.
	sorts [sortSlots]zhSort
	clock uint64
	// rows[k] holds the pairs of Chinese block k computed so far (see
	// pairRow). A short document's rows may cover every English block; a
	// long one's (its DP runs in a band) at most maxRowWindow of them, a
	// pair beyond that being computed afresh each time into scratch, and
	// rows the aligner has left behind can be let go (Forget).
	rows    []pairRow
	long    bool
	window  int // the widest window of a long document's row
	live    int // rows below live hold nothing
	held    int // bytes the rows hold
	budget  int // what they may hold before Forget lets rows go
	scratch []uint64
	zeros   []uint64 // all 0 (zeroSet)
	acc     []uint64 // metWalk's bits of a block (accWords)
	// cols gathers the English blocks' sums of a SimilarityBound.
	cols []float64
	// splits keeps the sums of SimilarityBound's 1-n beads, by their
	// English start (splitSlot).
	splits [splitSlots]splitSums
	// merges keeps the sums of its n-1 beads, by their start (mergeSlot).
	merges [mergeSlots]splitSums
	// exceeds is set when some weight is negative or NaN. Else a pair's
	// sum of a block's items met is at most the block's sum of all its
	// items: both add the weights in the items' order from 0, the pair's
	// a subset of them, and rounding to nearest is monotone, so at each
	// item the pair's running sum stays at most the block's (x ≤ y gives
	// x+w ≤ y+w rounded, and y ≤ y+w rounded for w ≥ 0). SimilarityBound
	// then takes a pair's sum for itself capped at its block's without
	// reading the block's (some 2.5 M caps on a 5k-pair document).
	exceeds bool
}

// mergeSlots is how many starts of n-1 beads SimilarityBound keeps the
// sums of: a DP asks the 2-1 bead from a start a row before the 3-1 bead
// from it, the beads of a whole row asked in between.
const mergeSlots = 1024

// mergeSlot is the slot of the n-1 beads from (i, j).
func mergeSlot(i, j int) uint { return (uint(j)*4 + uint(i)%4) % mergeSlots }

// splitSlots is how many starts of 1-n beads SimilarityBound keeps the
// sums of: a DP asks the 1-2 bead from a start two cells before the 1-3
// bead from it, with the beads of the starts between asked in between.
const splitSlots = 8

// splitSums are the sums SimilarityBound adds up over the English blocks
// of a 1-n bead from (i, j), kept for the first n blocks: the Chinese
// block's met weights (m) and the English blocks' met weights each capped
// at the block's (en). The sums of a longer bead from the same start go
// on from them, adding the same terms in the same order.
type splitSums struct {
	i, j, n int // n == 0: none kept
	m, en   float64
	// all is the sums of all the items of the first blocks of them (n
	// at most, asked by a bead of more than three) added up in order
	// from 0: the bead's sum of all weights on that side (boundSum), which
	// a longer bead goes on from instead of adding up its blocks again.
	all    float64
	blocks int
}

// allOn is boundSum of blocks i..i+n-1 of a side for a bead of more than
// three, going on from c.all, and keeps it in c.
func (c *splitSums) allOn(side []blockSide, i, n int) float64 {
	all := c.all
	for k := i + c.blocks; k < i+n; k++ {
		all += side[k].all[0]
	}
	c.all, c.blocks = all, n
	return all
}

// pairRow is the computed pairs of one Chinese block with a window of
// consecutive English blocks: offs[l-lo] is the offset in bits of the end
// of the pair with English block l, 0 while not computed, -1 when the
// blocks share no feature (the pair's bits and sums are all 0). A pair holds
// first the Chinese block's units met, then the English block's words
// met, then the sums of the weights of each (pairWords of them, which end
// the pair). A DP asks for pairs near its path, so a window over the band replaces a
// table over the whole matrix or a map (a map lookup per candidate bead
// cost a sixth of a long document's check).
type pairRow struct {
	lo   int
	offs []int32
	bits []uint64
}

const (
	// maxDensePairs: a document of up to this many block pairs is short:
	// its rows may grow to cover every English block (16 MB at most).
	maxDensePairs = 1 << 22
	// maxRowWindow bounds a long document's row window: 16 KB a row,
	// far wider than any band the aligner runs in.
	maxRowWindow = 4096
	// maxHeldPairs is what the rows of a long document may hold before
	// Forget lets go of those behind the aligner: a document of 5,000
	// paragraphs a side keeps every pair through the aligner's passes
	// (about 20 MB); one of 50,000 computes again what a later pass asks
	// for rather than keeping 200 MB.
	maxHeldPairs = 32 << 20
)

// blockSide is one prepared block. Its items are Chinese units or
// English content words (a long document has millions). An item is met
// when the other side offers one of its features.
type blockSide struct {
	weights []float64 // the items' weights, in order
	// feats holds a Chinese unit's features, spans of Blocks.feats. An
	// English block's words' features are not kept: the block's lists in
	// Blocks.enIndex (from index on) give the words that have each feature
	// it offers, which is what a pair of blocks asks.
	feats  []span32
	offers span32 // distinct features that items of the other side can meet
	words  int32  // len(weights) in 64-bit words
	index  int32  // an English block's lists in enIndex, or masks in enMask
	// all[n-1] is the sum of the weights of this block's items and of
	// those of the next n-1 blocks, added in order (n ≤ 3).
	all [3]float64
}

// wordFeats is the features of an English word, held in place: one or two
// (its key's, and its lexicon word's when it has one), which list holds,
// the second -1 when there is one.
func wordFeats(list []int32) span32 {
	switch len(list) {
	case 1:
		return span32{list[0], -1}
	case 2:
		return span32{list[0], list[1]}
	}
	panic("lexicon: an English word with no feature or more than two")
}

// zhMarking is the features one Chinese block, block marked-1, offers,
// marked. A block of at most 64 units (one 64-bit word of bits, nine in
// ten) is marked by mask alone: mask[f] holds the units that have f as
// bits, 0 for a feature the block does not offer. A longer one by mark:
// mark[f] == marked marks the features it offers; slot[f] is then f's
// place in the block's offers, and items[at[n]:at[n+1]] lists the units
// of the block that have the feature in place n (a zhSort's).
type zhMarking struct {
	mask   []uint64
	mark   []uint32
	slot   []uint32
	marked uint32
	at     []int32
	items  []int32
}

// sortSlots is how many Chinese blocks' units by feature markZh keeps
// for the blocks of more than 64 units: a DP marks a block again after the
// pairs of a few others (the merges of the rows above), and a 5k-pair
// document's 5,000 blocks were marked 18.7 k times, 13.5 k with eight
// kept. At least three: the sort of the other marking's block is never the
// one sorted again.
const sortSlots = 8

// zhSort is the units of Chinese block k-1 by the place of their features
// in its offers: items[at[n]:at[n+1]] are the units that have the
// feature in place n, in order. used is the clock when it was last asked.
type zhSort struct {
	k         int
	used      uint64
	at, items []int32
}

// span32 is a span of Blocks.feats.
type span32 struct{ start, end int32 }

// A feature is a lexicon word id or a literal key that occurs on both
// sides of the document somewhere; features that only one side has can
// never meet and are left out.

// NewBlocks prepares the blocks of a document. Each block is segmented
// and looked up in turn and kept only in its compact form, weights and
// interned lists of feature numbers: the words and units of the whole
// document with their keys as strings, and a list per unit, were most of
// what preparing a long document held (a 50,000-pair document's took
// 320 MB; its lists, most of them repeated, 60 MB).
func (l *Lexicon) NewBlocks(zh, en []string) *Blocks { return l.newBlocks(zh, en, true, nil) }

// newBlocks is NewBlocks, leaving the English side's dead features in
// place unless prune (pruneEn; its test compares the two), and handing
// the English words' features, a slice a block, to *words if words is not
// nil (for tests: Blocks keeps them only as indexEn's lists).
func (l *Lexicon) newBlocks(zh, en []string, prune bool, words *[][]span32) *Blocks {
	s := &Blocks{zh: make([]blockSide, len(zh)), en: make([]blockSide, len(en))}
	pool := featPool{index: map[uint64]span32{}}
	// Number the features of the English side, block by block: the ids of
	// its known words (met by Chinese glosses) and its keys (met by
	// Chinese literals). The English side is done first, so that a Chinese
	// unit keeps only features some English word has.
	idFeat := idFeats{dense: make([]int32, len(l.idf))}
	strFeat := map[string]int32{}
	var seen []bool // seen[f]: f is offered by the block being prepared
	newFeat := func() int32 {
		seen = append(seen, false)
		return int32(len(seen) - 1)
	}
	// a block's lists are gathered in feats (its items', then its offers),
	// then interned
	var feats []int32
	var ends []int
	offer := func(f int32) {
		if !seen[f] {
			seen[f] = true
			feats = append(feats, f)
		}
	}
	// wfeats[j] holds the features of English block j's words until they
	// are indexed (a slice a block, as the weights: one slice grown to a
	// long document's millions of words would leave copies behind)
	wfeats := make([][]span32, len(en))
	finish := func(b *blockSide, words []span32) {
		start := 0
		for k, end := range ends {
			if words != nil {
				words[k] = wordFeats(feats[start:end])
			} else {
				b.feats[k] = pool.intern(feats[start:end])
			}
			start = end
		}
		for _, f := range feats[start:] {
			seen[f] = false
		}
		b.offers = pool.intern(feats[start:])
	}
	var toks []lang.Token
	var enWords []enWord
	var lits []int32 // the features of the block's words' literals
	for j, t := range en {
		words := l.appendEnWords(enWords[:0], t, &toks)
		enWords = words
		b := &s.en[j]
		b.weights = make([]float64, len(words))
		wfeats[j] = make([]span32, len(words))
		feats, ends, lits = feats[:0], ends[:0], lits[:0]
		for k, w := range words {
			if w.known {
				f, ok := idFeat.get(w.id)
				if !ok {
					f = newFeat()
					idFeat.set(w.id, f)
				}
				feats = append(feats, f)
			}
			f, ok := strFeat[w.key]
			if !ok {
				f = newFeat()
				strFeat[w.key] = f
			}
			feats = append(feats, f)
			// (a word whose stem is its literal, many short ones, has
			// that feature for both)
			lit := f
			if w.lit != w.key {
				if lit, ok = strFeat[w.lit]; !ok {
					lit = newFeat()
					strFeat[w.lit] = lit
				}
			}
			lits = append(lits, lit)
			b.weights[k] = w.weight
			ends = append(ends, len(feats))
		}
		// what the block offers, word by word: its id's and key's features
		// (the word's list) and its literal's, as numbered above rather
		// than looked up by the strings again (offer appends to feats past
		// the lists)
		start := 0
		for k, end := range ends {
			for x := start; x < end; x++ {
				offer(feats[x])
			}
			offer(lits[k])
			start = end
		}
		finish(b, wfeats[j])
	}
	clear(enWords)

	var scratch zhScratch
	live := make([]bool, len(seen)) // live[f]: some Chinese unit has f
	for i, t := range zh {
		units := l.zhUnitsScratch(t, &scratch)
		b := &s.zh[i]
		b.weights, b.feats = make([]float64, len(units)), make([]span32, len(units))
		feats, ends = feats[:0], ends[:0]
		for k, u := range units {
			if u.literal != "" {
				if f, ok := strFeat[u.literal]; ok {
					feats = append(feats, f)
				}
			} else {
				for _, id := range u.glosses {
					if f, ok := idFeat.get(id); ok {
						feats = append(feats, f)
					}
				}
			}
			b.weights[k] = u.weight
			ends = append(ends, len(feats))
		}
		// What the block offers English words: its glosses and literals
		// (offer appends to feats past n).
		n := len(feats)
		for k := range n {
			offer(feats[k])
			live[feats[k]] = true
		}
		finish(b, nil)
	}
	s.feats = pool.feats
	nf := len(seen)
	if prune {
		s.pruneEn(live)
	}
	s.indexEn(wfeats, nf)
	if words != nil {
		*words = wfeats
	}
	for x := range s.marks {
		m := &s.marks[x]
		m.mask, m.mark, m.slot = make([]uint64, nf), make([]uint32, nf), make([]uint32, nf)
	}
	s.rows = make([]pairRow, len(zh))
	s.long = int64(len(zh))*int64(len(en)) > maxDensePairs
	s.window, s.live, s.budget = maxRowWindow, len(zh), maxHeldPairs
	zhNonNeg, enNonNeg := sumRuns(s.zh), sumRuns(s.en)
	s.exceeds = !zhNonNeg || !enNonNeg
	return s
}

// pruneEn drops from what the English blocks offer the features no
// Chinese unit has: most English words' keys and literals (a Chinese text
// holds few Latin words), some 60 % of what an English block offers and
// half of its words' features on a 5k-pair document. No Chinese block ever
// marks them, so a pair (fill) meets the same items, in the same order,
// without looking them up; indexEn lists a word under the features its
// block offers only.
func (s *Blocks) pruneEn(live []bool) {
	// offers lists are interned, and a list two blocks share is pruned
	// once, in place: its start gives its pruned end
	pruned := map[int32]int32{}
	for j := range s.en {
		b := &s.en[j]
		o := b.offers
		if o.start == o.end {
			continue
		}
		if end, ok := pruned[o.start]; ok {
			b.offers.end = end
			continue
		}
		w := o.start
		for r := o.start; r < o.end; r++ {
			if f := s.feats[r]; live[f] {
				s.feats[w] = f
				w++
			}
		}
		pruned[o.start] = w
		b.offers.end = w
	}
}

// indexEn lists, for each feature an English block offers, the words of
// the block that have it, from the words' features (wfeats, a slice a
// block): a pair of blocks then sets the bits of the words that meet the
// Chinese block from the features both offer (fill), instead of walking
// every word's features against the Chinese block's (a 5k-pair
// document's pairs walked 13 M words so). A block of at most 64 words
// (one 64-bit word of bits, nine in ten) has its lists as bits, the words
// of offer p in enMask[b.index+p], which a pair ORs in one step. A longer
// block's lists are enIndex[b.index:]: at[0..n], n the length of
// b.offers, then the words, those of offer p at[p]:at[p+1] past at, in
// order.
func (s *Blocks) indexEn(wfeats [][]span32, nf int) {
	// place[f] is 1 + f's place in the offers of the block being indexed,
	// 0 when it does not offer f
	place := make([]int32, nf)
	each := func(visit func(b *blockSide, offers []int32, words []span32)) {
		for j := range s.en {
			b := &s.en[j]
			offers := s.feats[b.offers.start:b.offers.end]
			for p, f := range offers {
				place[f] = int32(p + 1)
			}
			visit(b, offers, wfeats[j])
			for _, f := range offers {
				place[f] = 0
			}
		}
	}
	// the index's size first, so that it is made once
	size, masks := 0, 0
	each(func(b *blockSide, offers []int32, words []span32) {
		if len(words) <= 64 {
			masks += len(offers)
			return
		}
		size += len(offers) + 1
		for _, wf := range words {
			if place[wf.start] != 0 {
				size++
			}
			if wf.end >= 0 && place[wf.end] != 0 {
				size++
			}
		}
	})
	if size > math.MaxInt32 || masks > math.MaxInt32 {
		panic("lexicon: more than 2^31 English features in one document")
	}
	s.enIndex = make([]int32, 0, size)
	s.enMask = make([]uint64, 0, masks)
	each(func(b *blockSide, offers []int32, words []span32) {
		if len(words) <= 64 {
			x := len(s.enMask)
			b.index = int32(x)
			s.enMask = append(s.enMask, make([]uint64, len(offers))...)
			mask := s.enMask[x:]
			for n, wf := range words {
				if p := place[wf.start]; p != 0 {
					mask[p-1] |= 1 << n
				}
				if wf.end >= 0 {
					if p := place[wf.end]; p != 0 {
						mask[p-1] |= 1 << n
					}
				}
			}
			return
		}
		// a counting sort: at[p] counts, then ends, then (filled from the
		// last word back) starts the words of place p
		x := len(s.enIndex)
		b.index = int32(x)
		s.enIndex = append(s.enIndex, make([]int32, len(offers)+1)...)
		at := s.enIndex[x:]
		for _, wf := range words {
			if p := place[wf.start]; p != 0 {
				at[p-1]++
			}
			if wf.end >= 0 {
				if p := place[wf.end]; p != 0 {
					at[p-1]++
				}
			}
		}
		for p := 1; p < len(at); p++ {
			at[p] += at[p-1]
		}
		s.enIndex = append(s.enIndex, make([]int32, at[len(offers)])...)
		at = s.enIndex[x : x+len(offers)+1]
		items := s.enIndex[x+len(offers)+1:]
		for n := len(words) - 1; n >= 0; n-- {
			wf := words[n]
			if p := place[wf.start]; p != 0 {
				at[p-1]--
				items[at[p-1]] = int32(n)
			}
			if wf.end >= 0 {
				if p := place[wf.end]; p != 0 {
					at[p-1]--
					items[at[p-1]] = int32(n)
				}
			}
		}
	})
}

// idFeats numbers the lexicon words that are features. It is asked for
// every gloss of every Chinese unit, so the words of the lexicon have a
// slot each (some 140 kB) rather than a map entry; an id past
// them, which valid data does not have, goes to the map.
type idFeats struct {
	dense []int32 // 1 + the feature of word id, or 0 for none
	more  map[uint32]int32
}

func (m *idFeats) get(id uint32) (int32, bool) {
	if int(id) < len(m.dense) {
		f := m.dense[id]
		return f - 1, f != 0
	}
	f, ok := m.more[id]
	return f, ok
}

func (m *idFeats) set(id uint32, f int32) {
	if int(id) < len(m.dense) {
		m.dense[id] = f + 1
		return
	}
	if m.more == nil {
		m.more = map[uint32]int32{}
	}
	m.more[id] = f
}

// featPool keeps lists of features once each: a word recurs through a
// document, and with it its list.
type featPool struct {
	feats []int32
	// index holds the span of a list by its hash (the first list of a
	// hash: another with the same hash is kept again, not shared).
	index map[uint64]span32
}

// intern returns the span of feats that holds list.
func (p *featPool) intern(list []int32) span32 {
	if len(list) == 0 {
		return span32{}
	}
	h := listHash(list)
	sp, ok := p.index[h]
	if ok && slices.Equal(p.feats[sp.start:sp.end], list) {
		return sp
	}
	if len(p.feats)+len(list) > math.MaxInt32 {
		panic("lexicon: more than 2^31 features in one document")
	}
	sp = span32{int32(len(p.feats)), int32(len(p.feats) + len(list))}
	p.feats = append(p.feats, list...)
	if !ok {
		p.index[h] = sp
	}
	return sp
}

// listHash is the hash featPool keys a list by: each feature mixed in by
// one 64-bit multiplication (wyhash's), in place of maphash over the
// list written out as bytes, which cost twice as much (some 19 M
// instructions on a 5k-pair document). Lists of the same hash are told
// apart by their features: a collision only keeps a list twice.
func listHash(list []int32) uint64 {
	h := uint64(len(list)) * 0x8ebc6af09c88c6e3
	for _, f := range list {
		hi, lo := bits.Mul64(h^uint64(uint32(f))^0xa0761d6478bd642f, 0xe7037ed1a0b428db)
		h = hi ^ lo
	}
	return h
}

// sumRuns fills the weight sums of the runs of one to three blocks, and
// reports whether no weight is negative or NaN (see Blocks.exceeds).
func sumRuns(side []blockSide) bool {
	nonNeg := true
	for i := range side {
		side[i].words = int32((len(side[i].weights) + 63) / 64)
		// the run of n+1 blocks adds up the items of the run of n, in
		// order from 0, and then those of the next block: it goes on
		// from the run of n's sum (walking every block of each run again
		// was six blocks for three runs)
		sum := 0.0
		for n := 1; n <= 3 && i+n <= len(side); n++ {
			for _, w := range side[i+n-1].weights {
				sum += w
			}
			side[i].all[n-1] = sum
		}
		for _, w := range side[i].weights {
			if !(w >= 0) {
				nonNeg = false
			}
		}
	}
	return nonNeg
}

// Similarity compares the Chinese blocks i..i+a-1 with the English blocks
// j..j+b-1 (see Blocks).
func (s *Blocks) Similarity(i, a, j, b int) float64 {
	zhMet, zhAll, enMet, enAll := s.met(i, a, j, b)
	return similarity(zhMet, zhAll, enMet, enAll)
}

func similarity(zhMet, zhAll, enMet, enAll float64) float64 {
	switch {
	case zhAll == 0 && enAll == 0:
		return 0
	case zhAll == 0:
		return enMet / enAll
	case enAll == 0:
		return zhMet / zhAll
	}
	return (zhMet/zhAll + enMet/enAll) / 2
}

// atMostOne is min(1, x) to the bit, NaN and -0 included (1 is neither,
// so x is kept unless it is above 1), in a compare and a branch: Go's min
// of floats also orders the signs of zeros and passes NaN on, which the
// 1.9 M asks of SimilarityBound on a 5k-pair document do not need.
func atMostOne(x float64) float64 {
	if x > 1 {
		return 1
	}
	return x
}

// boundMargin is added to SimilarityBound: its sums are taken in another
// order than Similarity's, which may round differently, by far less.
const boundMargin = 1e-9

// SimilarityBound is at least Similarity(i, a, j, b), at the cost of
// adding up the weights each pair of blocks meets (kept with the pair)
// instead of walking the words of the run: a unit met by several blocks
// of the other side counts once in Similarity and here at most once per
// block. A paragraph aligner tries it first on a candidate bead of
// several blocks, which it rarely keeps.
func (s *Blocks) SimilarityBound(i, a, j, b int) float64 {
	if a == 1 && b == 1 {
		// a third of the DP's asks: the sums below of one pair, whose
		// block's sums bound them, are the pair's sums each (0 + x is x,
		// and none is -0)
		zm, em, ok := rowSums(&s.rows[i], j)
		if !ok {
			zm, em = s.pairSumsAfresh(i, j)
		}
		if math.Float64bits(zm)|math.Float64bits(em) == 0 && !s.exceeds {
			// Nearly half of these pairs share no feature (311 k of
			// 662 k on a 5k-pair document): with both sums +0 and no
			// weight negative or NaN, each side's share is 0 (0/x is
			// +0 for any x > 0, and a side whose sum of all is 0 adds
			// nothing), so the bound is min(1, +0) + boundMargin
			// without the blocks' sums or a division.
			return boundMargin
		}
		zhAll, enAll := s.zh[i].all[0], s.en[j].all[0]
		if s.exceeds {
			zm, em = min(zm, zhAll), min(em, enAll)
		}
		return atMostOne(similarity(zm, zhAll, em, enAll)) + boundMargin
	}
	var zhMet, enMet float64
	if a == 1 {
		// (the sums of the general case below for one Chinese block: m
		// adds the Chinese sides of the pairs in order, zhMet is 0 plus
		// its capped value, which is that value, and each of cols is 0
		// plus one English side, that side)
		// (the sums go on in locals, kept in c once added up)
		c := &s.splits[uint(j)%splitSlots]
		if c.i != i || c.j != j || c.n > b {
			*c = splitSums{i: i, j: j}
		}
		m, en, exceeds := c.m, c.en, s.exceeds
		r := &s.rows[i]
		for n := c.n; n < b; n++ {
			zm, em, ok := rowSums(r, j+n)
			if !ok {
				zm, em = s.pairSumsAfresh(i, j+n)
			}
			m += zm
			if exceeds {
				em = min(em, s.en[j+n].all[0])
			}
			en += em
		}
		c.n, c.m, c.en = b, m, en
		zhAll, enAll := s.zh[i].all[0], 0.0
		if b <= 3 {
			enAll = s.en[j].all[b-1]
		} else {
			enAll = c.allOn(s.en, j, b)
		}
		// (zhMet is capped here, once: boundOf's cap would repeat it)
		if enAll > 0 {
			en = min(en, enAll)
		}
		return atMostOne(similarity(min(m, zhAll), zhAll, en, enAll)) + boundMargin
	}
	// each pair looked up once: the English blocks' sums gather in cols,
	// each over the Chinese blocks in order, as the Chinese blocks' own do
	// over the English ones
	if b == 1 {
		// (the sums below for one English block, the roles swapped: m
		// is 0 plus one Chinese side and cols[0] adds the English sides
		// in order)
		c := &s.merges[mergeSlot(i, j)]
		if c.i != i || c.j != j || c.n > a {
			*c = splitSums{i: i, j: j}
		}
		m, en, exceeds := c.m, c.en, s.exceeds
		for n := c.n; n < a; n++ {
			zm, em, ok := rowSums(&s.rows[i+n], j)
			if !ok {
				zm, em = s.pairSumsAfresh(i+n, j)
			}
			if exceeds {
				zm = min(zm, s.zh[i+n].all[0])
			}
			m += zm
			en += em
		}
		c.n, c.m, c.en = a, m, en
		zhAll, enAll := 0.0, s.en[j].all[0]
		if a <= 3 {
			zhAll = s.zh[i].all[a-1]
		} else {
			zhAll = c.allOn(s.zh, i, a)
		}
		// (enMet is capped here, once: boundOf's cap would repeat it)
		if zhAll > 0 {
			m = min(m, zhAll)
		}
		return atMostOne(similarity(m, zhAll, min(en, enAll), enAll)) + boundMargin
	}
	zhAll, enAll := boundSum(s.zh, i, a), boundSum(s.en, j, b)
	if cap(s.cols) < b {
		s.cols = make([]float64, b)
	}
	cols := s.cols[:b]
	clear(cols)
	for k := i; k < i+a; k++ {
		m := 0.0
		r := &s.rows[k]
		for x := range cols {
			zm, em, ok := rowSums(r, j+x)
			if !ok {
				zm, em = s.pairSumsAfresh(k, j+x)
			}
			m += zm
			cols[x] += em
		}
		zhMet += min(m, s.zh[k].all[0])
	}
	for x, m := range cols {
		enMet += min(m, s.en[j+x].all[0])
	}
	return boundOf(zhMet, zhAll, enMet, enAll)
}

// boundOf is SimilarityBound from the sums of met weights and the
// bead's sums of all weights: each met sum capped at its whole (when
// there is one), the similarity capped at 1 and raised by boundMargin.
func boundOf(zhMet, zhAll, enMet, enAll float64) float64 {
	if zhAll > 0 {
		zhMet = min(zhMet, zhAll)
	}
	if enAll > 0 {
		enMet = min(enMet, enAll)
	}
	return atMostOne(similarity(zhMet, zhAll, enMet, enAll)) + boundMargin
}

// SharesBound is at least Shares(k, 1, l, 1), each side: the shares of
// one pair of blocks from the sums kept with the pair.
func (s *Blocks) SharesBound(k, l int) (zh, en float64) {
	zm, em, ok := rowSums(&s.rows[k], l)
	if !ok {
		zm, em = s.pairSumsAfresh(k, l)
	}
	if all := s.zh[k].all[0]; all > 0 {
		zh = zm/all + boundMargin
	}
	if all := s.en[l].all[0]; all > 0 {
		en = em/all + boundMargin
	}
	return zh, en
}

// Shares compares as Similarity does but keeps the two sides apart: the
// weighted share of the Chinese run that the English run meets, and of the
// English run that the Chinese run meets (0 for a side with no content).
// A paragraph aligner asks it of each piece of a split paragraph: a piece
// its source does not meet is no piece of it.
func (s *Blocks) Shares(i, a, j, b int) (zh, en float64) {
	zhMet, zhAll, enMet, enAll := s.met(i, a, j, b)
	if zhAll > 0 {
		zh = zhMet / zhAll
	}
	if enAll > 0 {
		en = enMet / enAll
	}
	return zh, en
}

// ZhItems and EnItems count the content items of a block: the Chinese
// units and English content words Similarity weighs.
func (s *Blocks) ZhItems(k int) int { return len(s.zh[k].weights) }

// EnItems: see ZhItems.
func (s *Blocks) EnItems(k int) int { return len(s.en[k].weights) }

// met sums the weights of the items of each run met by the other, and of
// all items of each run.
func (s *Blocks) met(i, a, j, b int) (zhMet, zhAll, enMet, enAll float64) {
	if a == 1 && b == 1 {
		// the sums kept with the pair: those the walk below adds up
		// (from 0, the weights of the items met in their order)
		zm, em, ok := rowSums(&s.rows[i], j)
		if !ok {
			zm, em = s.pairSumsAfresh(i, j)
		}
		return zm, s.zh[i].all[0], em, s.en[j].all[0]
	}
	return s.metWalk(i, a, j, b)
}

// metWalk is met walking the bits of the pairs of the runs: each block's
// bits met by the blocks of the other run are ORed together in acc, each
// pair looked up once for both its halves (not once a 64-bit word of a
// block's bits, nor once a side), and the weights of the bits set added
// in order, the Chinese blocks' and then the English blocks'.
func (s *Blocks) metWalk(i, a, j, b int) (zhMet, zhAll, enMet, enAll float64) {
	zhAll, enAll = runSum(s.zh, i, a), runSum(s.en, j, b)
	// acc holds the Chinese blocks' bits one after the other, then the
	// English blocks'
	nz, ne := 0, 0
	for k := i; k < i+a; k++ {
		nz += int(s.zh[k].words)
	}
	for l := j; l < j+b; l++ {
		ne += int(s.en[l].words)
	}
	acc := s.accWords(nz + ne)
	zo := 0
	for k := i; k < i+a; k++ {
		zw := int(s.zh[k].words)
		za := acc[zo : zo+zw]
		eo := nz
		for l := j; l < j+b; l++ {
			ew := int(s.en[l].words)
			set, ok := s.keptSet(k, l, zw+ew+pairWords)
			if !ok {
				set = s.pairAfresh(k, l)
			}
			for w := range za {
				za[w] |= set[w]
			}
			ea := acc[eo : eo+ew]
			for w := range ea {
				ea[w] |= set[zw+w]
			}
			eo += ew
		}
		zo += zw
	}
	zo = 0
	for k := i; k < i+a; k++ {
		weights := s.zh[k].weights
		for w, m := range acc[zo : zo+int(s.zh[k].words)] {
			for ; m != 0; m &= m - 1 {
				zhMet += weights[w*64+bits.TrailingZeros64(m)]
			}
		}
		zo += int(s.zh[k].words)
	}
	for l := j; l < j+b; l++ {
		weights := s.en[l].weights
		for w, m := range acc[zo : zo+int(s.en[l].words)] {
			for ; m != 0; m &= m - 1 {
				enMet += weights[w*64+bits.TrailingZeros64(m)]
			}
		}
		zo += int(s.en[l].words)
	}
	return zhMet, zhAll, enMet, enAll
}

// accWords returns n words of 0 for metWalk to OR bits into.
func (s *Blocks) accWords(n int) []uint64 {
	if cap(s.acc) < n {
		s.acc = make([]uint64, n)
	}
	acc := s.acc[:n]
	clear(acc)
	return acc
}

// runSum is the sum of the weights of the items of blocks i..i+n-1, added
// in order from 0. A run of more than three blocks goes on from
// the sum of its first three kept with block i, which is that same sum's
// first part to the bit: metWalk asks some 40 k such runs on a 5k-pair
// document, and walking their first three blocks again was some 15 M
// instructions.
func runSum(side []blockSide, i, n int) float64 {
	if n <= 3 {
		return side[i].all[n-1]
	}
	sum := side[i].all[2]
	for _, b := range side[i+3 : i+n] {
		for _, w := range b.weights {
			sum += w
		}
	}
	return sum
}

// boundSum is runSum for SimilarityBound: a run of more than three
// blocks adds up its blocks' sums rather than walking their items again
// (a split of eight pieces walked some 400 items for each candidate
// bead). The sum differs from runSum's by rounding alone, which
// boundMargin covers.
func boundSum(side []blockSide, i, n int) float64 {
	if n <= 3 {
		return side[i].all[n-1]
	}
	sum := 0.0
	for k := i; k < i+n; k++ {
		sum += side[k].all[0]
	}
	return sum
}

// pairWords is how many words of a pair hold its sums: the weights of the
// items of the Chinese block met and of those of the English block, each
// added up in the order of the items, to the bit as met adds them up for
// the pair alone. met reads them instead of walking the pair's bits for a
// bead of one block a side, which the paragraph aligner's cost and its
// weakness ask for some 350 k times on a 5k-pair document. (They were
// kept in one word, each rounded up to single precision, which
// SimilarityBound's margin does not need.)
const pairWords = 2

// A pair's sums are the sums of the weights of the items of Chinese block
// k that English block l meets and of those of l that k meets: rowSums
// reads them, and pairSumsAfresh works them out where rowSums cannot.
// Every caller asks the two in turn, written out where it asks: a
// function of both would be over the compiler's inlining budget.

// rowSums is the sums of the pair (k, l) kept, from row k, r, and whether
// the pair is (one that shares no feature has sums 0). It reads the sums
// where the pair's row's offsets point, without the blocks' sizes that
// place its bitsets (SimilarityBound asks some 4 M sums on a 5k-pair
// document, and the blocks' entries were a cache miss each), and it is
// small enough to be inlined where the sums are asked most, which call
// pairSumsAfresh when it says no. It takes the row, not k: SimilarityBound's
// runs of pairs in one row take it once, not once a pair (some 1.2 M of
// its 3 M pairs on a 5k-pair document), and the row stays where it is
// while pairSumsAfresh keeps pairs in it (s.rows is made once). The row's
// bits are read once for both words (the compiler loaded them again for
// the second).
func rowSums(r *pairRow, l int) (zh, en float64, ok bool) {
	if x := uint(l - r.lo); x < uint(len(r.offs)) && r.offs[x] != 0 {
		if off := int(r.offs[x]); off > 0 {
			// (the slice read once for both words)
			bits := r.bits
			return math.Float64frombits(bits[off-pairWords]), math.Float64frombits(bits[off-pairWords+1]), true
		}
		return 0, 0, true
	}
	return 0, 0, false
}

// pairSumsAfresh is the sums of a pair not kept (rowSums says no).
func (s *Blocks) pairSumsAfresh(k, l int) (zh, en float64) {
	set := s.pairAfresh(k, l)
	sums := set[len(set)-pairWords:]
	return math.Float64frombits(sums[0]), math.Float64frombits(sums[1])
}

// keptSet returns the bitsets of the pair (zh k, en l), followed by the
// pairWords words of its sums (n words in all: the blocks' words and
// pairWords), and whether the pair is kept: small enough to be inlined
// where metWalk and met ask for pairs (some 1.4 M on a 5k-pair document,
// most of them kept), which call pairAfresh when it says no. The slice
// is valid until the next call, and not to be written.
func (s *Blocks) keptSet(k, l, n int) ([]uint64, bool) {
	r := &s.rows[k]
	if x := uint(l - r.lo); x < uint(len(r.offs)) && r.offs[x] != 0 {
		if end := int(r.offs[x]); end > 0 {
			return r.bits[end-n : end], true
		}
		return s.zeroSet(n), true
	}
	return nil, false
}

// pairAfresh is keptSet's slice for a pair not kept, computed and, within
// the row's window, kept (keptSet or rowSums has just said it is not
// kept, which is where the aligner's asks come from: some 950 k on a
// 5k-pair document, which tested the row again).
func (s *Blocks) pairAfresh(k, l int) []uint64 {
	r := &s.rows[k]
	z, e := &s.zh[k], &s.en[l]
	n := int(z.words + e.words + pairWords)
	// (cover's first test, without the call: most pairs asked lie in
	// their row's window already, where cover does nothing)
	if uint(l-r.lo) >= uint(len(r.offs)) && !s.cover(k, l) {
		if cap(s.scratch) < n {
			s.scratch = make([]uint64, n)
		}
		set := s.scratch[:n]
		clear(set)
		s.fill(set, k, z, e)
		return set
	}
	s.live = min(s.live, k)
	// held counts the room of the rows' bits, however it came
	room := cap(r.bits)
	if len(r.bits) == 0 && k > 0 && cap(r.bits) == 0 {
		// A row comes to hold about as many pairs as the ones before,
		// whose are mostly computed by the time this one's start:
		// growing from nothing copied each row's pairs some eight
		// times. Rows vary, and one a little longer than its room grows
		// to twice it: room for the longer of the two rows before and
		// an eighth more (on a 5k-pair document, 18.3 MB allocated for
		// the rows' 10.1 MB, 2.8 MB copied, against 21.3 MB and 5.8 MB
		// with the room of the row before alone; the rows' room in the
		// end alike, 15.4 MB).
		prev := len(s.rows[k-1].bits)
		if k > 1 {
			prev = max(prev, len(s.rows[k-2].bits))
		}
		r.bits = make([]uint64, 0, prev+prev/8)
	}
	off := len(r.bits)
	// The bits past a row's length are all 0, as fill wants them: those
	// of a new array are, and the row is cut back only over a pair that
	// shares no feature, whose set fill leaves all 0. So a pair needs no
	// clearing, only room (the same growth as appending n words of 0,
	// which cleared them again each time).
	if cap(r.bits)-off < n {
		r.bits = slices.Grow(r.bits, n)
	}
	r.bits = r.bits[:off+n]
	s.held += 8 * (cap(r.bits) - room)
	set := r.bits[off:]
	// (fill written out: a call fewer for each of the pairs kept)
	m := &s.marks[s.recent]
	if m.marked != uint32(k+1) {
		m = s.markZh(k)
	}
	var shared bool
	if z.words == 1 && e.words == 1 {
		shared = s.fillWords(set, m.mask, z, e)
	} else {
		shared = s.fillLong(set, m, z, e)
	}
	if !shared {
		// Nearly half the pairs a DP asks for off its path share no
		// feature: all their bits and sums are 0, which offs says
		// without holding them (set is all 0, and stays past the
		// row's length for the next pair).
		r.bits = r.bits[:off]
		r.offs[l-r.lo] = -1
		return s.zeroSet(n)
	}
	r.offs[l-r.lo] = int32(off + n)
	return set
}

// zeroSet returns n words of 0: the bits and sums of a pair whose blocks
// share no feature.
func (s *Blocks) zeroSet(n int) []uint64 {
	if len(s.zeros) < n {
		s.zeros = make([]uint64, n)
	}
	return s.zeros[:n]
}

// fill computes a pair into a zeroed set (z is Chinese block k) and
// reports whether the blocks share a feature. It walks e's offers and, for
// each that k offers too, sets the bits of the units of k that have it
// (markZh) and of the words of e that have it (indexEn): a pair of blocks
// shares few features, and neither the units' own lists, longer than e's
// offers, nor e's words are walked for each pair again. The sums add the
// weights of the items met in their order. When the blocks share no
// feature, set is left all 0, the bits and the sums (0.0 is all 0).
func (s *Blocks) fill(set []uint64, k int, z, e *blockSide) bool {
	// (markZh's first test, without the call: a row's pairs find their
	// block marked)
	m := &s.marks[s.recent]
	if m.marked != uint32(k+1) {
		m = s.markZh(k)
	}
	if z.words == 1 && e.words == 1 {
		// eight pairs in ten: both blocks' lists are bits
		return s.fillWords(set, m.mask, z, e)
	}
	return s.fillLong(set, m, z, e)
}

// fillLong is fill for the pairs of which a block has more than 64 items
// or none, m the Chinese block's marking.
func (s *Blocks) fillLong(set []uint64, m *zhMarking, z, e *blockSide) bool {
	offers := s.feats[e.offers.start:e.offers.end]
	zs, es := set[:z.words], set[z.words:z.words+e.words]
	var at, words []int32
	var masks []uint64
	enBits := e.words <= 1
	if enBits {
		masks = s.enMask[e.index : int(e.index)+len(offers)]
	} else {
		at = s.enIndex[e.index : int(e.index)+len(offers)+1]
		words = s.enIndex[int(e.index)+len(offers)+1:]
	}
	if z.words <= 1 {
		// a Chinese block of one word of bits (or none) with a long
		// English one: the Chinese units' bits from the mask
		mask := m.mask
		var zm uint64
		for p, f := range offers {
			x := mask[f]
			if x == 0 {
				continue
			}
			zm |= x
			if enBits {
				es[0] |= masks[p]
				continue
			}
			for _, u := range words[at[p]:at[p+1]] {
				es[u/64] |= 1 << (u % 64)
			}
		}
		if zm == 0 {
			return false
		}
		zs[0] = zm
	} else {
		shared := false
		for p, f := range offers {
			if m.mark[f] != m.marked {
				continue
			}
			shared = true
			n := m.slot[f]
			for _, u := range m.items[m.at[n]:m.at[n+1]] {
				zs[u/64] |= 1 << (u % 64)
			}
			if enBits {
				es[0] |= masks[p]
				continue
			}
			for _, u := range words[at[p]:at[p+1]] {
				es[u/64] |= 1 << (u % 64)
			}
		}
		if !shared {
			return false
		}
	}
	sums := set[z.words+e.words:]
	sums[0], sums[1] = math.Float64bits(bitsSum(zs, z.weights)), math.Float64bits(bitsSum(es, e.weights))
	return true
}

// fillWords is fill for blocks of at most 64 items a side, one 64-bit
// word of bits each: mask holds the Chinese block's units by feature and
// masks the English block's words by offer, so that a feature both offer
// costs two ORs. The bits and sums are fill's: the same items met, their
// weights added in the same order.
func (s *Blocks) fillWords(set, mask []uint64, z, e *blockSide) bool {
	offers := s.feats[e.offers.start:e.offers.end]
	masks := s.enMask[e.index:]
	masks = masks[:len(offers)] // (as long as offers: masks[p] is not tested)
	var zm, em uint64
	for p, f := range offers {
		if x := mask[f]; x != 0 {
			zm |= x
			em |= masks[p]
		}
	}
	if zm == 0 {
		return false
	}
	set = set[:2+pairWords]
	set[0], set[1] = zm, em
	set[2], set[3] = math.Float64bits(wordSum(zm, z.weights)), math.Float64bits(wordSum(em, e.weights))
	return true
}

// wordSum is bitsSum of one word of bits.
func wordSum(m uint64, weights []float64) float64 {
	sum := 0.0
	for ; m != 0; m &= m - 1 {
		sum += weights[bits.TrailingZeros64(m)]
	}
	return sum
}

// bitsSum adds up the weights of the items whose bits are set, in order.
func bitsSum(set []uint64, weights []float64) float64 {
	sum := 0.0
	for w, m := range set {
		for ; m != 0; m &= m - 1 {
			sum += weights[w*64+bits.TrailingZeros64(m)]
		}
	}
	return sum
}

// cover widens the window of row k to hold English block l, unless that
// would make a long document's row wider than maxRowWindow. The window
// grows by half again at least, so that a band's pairs, asked for in
// order, cost few copies.
func (s *Blocks) cover(k, l int) bool {
	r := &s.rows[k]
	if len(r.offs) == 0 {
		// A row's first window reaches from l to the end of the row
		// before's, when that holds l: the DP's band moves on little
		// from row to row, and asks a row's pairs from the left. A
		// window of l alone grew some eight times a row (10.9 MB
		// allocated on a 5k-pair document for windows of 3.8 MB in the
		// end; 4.5 MB for 3.6 MB so).
		hi := l + 1
		if k > 0 {
			if p := &s.rows[k-1]; l >= p.lo && l < p.lo+len(p.offs) {
				hi = p.lo + len(p.offs)
			}
		}
		r.lo, r.offs = l, make([]int32, hi-l)
		s.held += 4 * len(r.offs)
		return true
	}
	lo, hi := r.lo, r.lo+len(r.offs)
	grow := max(8, len(r.offs)/2)
	if l < lo {
		lo = max(0, min(l, lo-grow))
	} else {
		hi = min(len(s.en), max(l+1, hi+grow))
	}
	if s.long && hi-lo > s.window {
		return false
	}
	offs := make([]int32, hi-lo)
	copy(offs[r.lo-lo:], r.offs)
	s.held += 4 * (len(offs) - len(r.offs))
	r.lo, r.offs = lo, offs
	return true
}

// Forget lets go of the pairs of the Chinese blocks before k once the
// rows hold more than their budget: an aligner whose DP has gone past
// them calls it so that a long document's pairs kept are those of a
// stretch of the band, not of the whole document. Pairs asked for again
// are computed again, alike.
func (s *Blocks) Forget(k int) {
	if s.held <= s.budget {
		return
	}
	for ; s.live < min(k, len(s.rows)); s.live++ {
		r := &s.rows[s.live]
		s.held -= 8*cap(r.bits) + 4*len(r.offs)
		*r = pairRow{}
	}
}

// markZh returns the marking of the features Chinese block k offers,
// with k+1, which only the features of block k ever receive, and the
// units that have each. The DP asks for the pairs of a Chinese block with
// many English blocks in a row, so they stay marked until two other
// Chinese blocks' are: a row's pairs are now and then interrupted by
// one of a block a few rows up (the DP's merges). A block of at most 64
// units is marked with its units' bits by feature, from their lists; a
// longer one's units sorted by feature walk each of its units' features
// twice, so the sorts of a few more blocks are kept (sortZh).
func (s *Blocks) markZh(k int) *zhMarking {
	mark := uint32(k + 1)
	if m := &s.marks[s.recent]; m.marked == mark {
		return m
	}
	s.recent = 1 - s.recent
	m := &s.marks[s.recent]
	if m.marked == mark {
		return m
	}
	if m.marked != 0 {
		if old := &s.zh[m.marked-1]; old.words <= 1 {
			for _, f := range s.feats[old.offers.start:old.offers.end] {
				m.mask[f] = 0
			}
		}
	}
	m.marked = mark
	z := &s.zh[k]
	if z.words <= 1 {
		// the units' bits by feature, from the units' own lists: no
		// sort to keep
		for u, fs := range z.feats {
			for _, f := range s.feats[fs.start:fs.end] {
				m.mask[f] |= 1 << u
			}
		}
		m.at, m.items = nil, nil
		return m
	}
	offers := s.feats[z.offers.start:z.offers.end]
	for n, f := range offers {
		m.mark[f], m.slot[f] = mark, uint32(n)
	}
	srt := s.sortZh(k, m.slot)
	m.at, m.items = srt.at, srt.items
	return m
}

// sortZh returns the units of Chinese block k by feature, kept or sorted
// again into the slot used least recently but that of the other marking's
// block, which the marking still reads (a block marked again while
// marked is not asked for its sort again); slot places k's features.
func (s *Blocks) sortZh(k int, slot []uint32) *zhSort {
	s.clock++
	other := int(s.marks[1-s.recent].marked)
	var old *zhSort
	for x := range s.sorts {
		srt := &s.sorts[x]
		if srt.k == k+1 {
			srt.used = s.clock
			return srt
		}
		if (srt.k != other || other == 0) && (old == nil || srt.used < old.used) {
			old = srt
		}
	}
	z := &s.zh[k]
	// the units by feature, a counting sort: at[n] counts, then ends,
	// then (filled from the last unit back) starts the units of place n
	nOffers := int(z.offers.end - z.offers.start)
	at := append(old.at[:0], make([]int32, nOffers+1)...)
	for _, fs := range z.feats {
		for _, f := range s.feats[fs.start:fs.end] {
			at[slot[f]]++
		}
	}
	for n := 1; n < len(at); n++ {
		at[n] += at[n-1]
	}
	items := append(old.items[:0], make([]int32, at[nOffers])...)
	for n := len(z.feats) - 1; n >= 0; n-- {
		fs := z.feats[n]
		for _, f := range s.feats[fs.start:fs.end] {
			at[slot[f]]--
			items[at[slot[f]]] = int32(n)
		}
	}
	*old = zhSort{k: k + 1, used: s.clock, at: at, items: items}
	return old
}
