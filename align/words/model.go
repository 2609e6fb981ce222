package words

import (
	"math"
	"slices"
)

// The model: IBM Model 1 with fast_align's diagonal-favouring distortion
// (Dyer, Chahuneau & Smith, "A Simple, Fast, and Effective
// Reparameterization of IBM Model 2", NAACL 2013), one for each direction,
// trained together by EM on the sentence pairs of one document, with the
// lexicon as a prior: pseudo-counts on the word pairs that CC-CEDICT (or
// an equal number, Latin-script word or punctuation class) says translate
// each other.
//
// For English word j of n (1-based) and Chinese word i of m, fast_align's
// distortion is
//
//	δ(i | j) = p0                                    for the null word
//	δ(i | j) = (1−p0) · exp(−λ·|i/m − j/n|) / Z_j    otherwise
//
// with Z_j the sum of the exponentials over the i that j may link to
// (punctuation only to punctuation); the other direction swaps the roles.
// λ is fixed (fast_align also learns it): a document of a few hundred
// sentences gives too little to learn it from.
//
// The two directions are trained by agreement (after Liang, Taskar & Klein,
// "Alignment by Agreement", NAACL 2006): each E-step computes both
// directions' link posteriors and gives both models, as the expected count
// of a link, the geometric mean of the two — a link one direction wants and
// the other does not counts for little. Liang et al. use the product; its
// square root keeps a count that both directions give fully at 1 and
// measured better here. What is left of a word's unit of count goes to
// the null word. Links are then read off each direction (the best link of
// each word, if it holds at least MinPosterior of the word's posterior)
// and symmetrised.
//
// Measured on the DeNero–Macherey gold set (150 sentence pairs; it is the
// set these choices and the defaults were tuned on): fast_align with the
// prior alone gave intersection AER about 0.30 and grow-diag-final
// 0.33–0.36; the minimum posterior 0.291 and 0.336; agreement too 0.282 and
// 0.283, as now with the first E-step on distortion alone and pruning.
// Around the defaults the figures move little: over iterations 3–5, prior
// 1–4 and λ 1–2 both stay at or below 0.30 in all 27 settings, the worst
// 0.298 (scripts/words-grid.sh).

// Options are the model's parameters. The zero value means the defaults.
type Options struct {
	// Iterations of EM (default 4). Each lets the document's own counts
	// weigh more against the lexicon prior; 3 to 5 measure alike.
	Iterations int
	// Prior is the pseudo-count added to each word pair the lexicon links,
	// once per pair of types in the document (default 2).
	Prior float64
	// Lambda is the diagonal tension λ (default 1.5).
	Lambda float64
	// Null is p0, the probability of aligning a word to nothing (default
	// 0.25; fast_align's is 0.08, which left too many function words
	// linked to a guess).
	Null float64
	// MinPosterior is the share of a word's posterior its best link must
	// hold to be kept (default 0.25); a word whose posterior is spread
	// over many words (a function word, an untranslated word) stays
	// unlinked instead of taking a guess.
	MinPosterior float64
	// MaxCells bounds the word pairs scored in one sentence bead (default
	// 16384, a 128×128 bead): a bigger bead is scored only in a band of
	// that many cells around its diagonal, so that a document without
	// sentence breaks still costs time linear in its length.
	MaxCells int
}

func (o Options) withDefaults() Options {
	if o.Iterations <= 0 {
		o.Iterations = 4
	}
	if o.Prior <= 0 {
		o.Prior = 2
	}
	if o.Lambda <= 0 {
		o.Lambda = 1.5
	}
	if o.Null <= 0 || o.Null >= 1 {
		o.Null = 0.25
	}
	if o.MinPosterior <= 0 {
		o.MinPosterior = 0.25
	}
	if o.MaxCells <= 0 {
		o.MaxCells = 16384
	}
	return o
}

// seg is one sentence bead in the model: the type ids of its words and
// where its cells are. A cell is a pair of words that may link (not
// punctuation with a word); cells are stored row by row, one row per
// Chinese word, and in a bead too big for MaxCells only the cells of a
// band around the diagonal are kept.
type seg struct {
	zh, en           []int32 // type ids by position
	zhPunct, enPunct []bool  // whether the words are punctuation
	// The seg's cells, row by row: each cell's type pair; its English
	// word, as an offset from its row's lo (a band is at most maxWidth
	// wide); and its distortion weight exp(−λ·|i/m − j/n|). The words
	// and weights are nil until the model stores them (model.weighed);
	// until then they are worked out seg by seg (segNorms, weigh). The type
	// pair is kept in pairOff, as an offset from the first pair of the
	// row's Chinese type (zFirst), in a window of at most 65,536 English
	// types (model.narrow): two bytes a cell rather than four, a fifth
	// of what the model holds once pruned. In a wider window, pair holds
	// it.
	pair    []int32
	pairOff []uint16
	j       []uint16
	w       []float32
	rowEnd  []int32 // index in the cells after the last cell of each row; nil: no cells
	rowLo   []int32 // the first English word a row's band may hold; nil: 0
	// zNull[j] and eNull[i] are the distortion normalisers Z of column j
	// and row i times p0/(1−p0): the weight of the null word beside a
	// cell's weight exp(−λ·|i/m − j/n|).
	zNull, eNull []float64
}

// lo returns the first English word row i's band may hold.
func (s *seg) lo(i int) int {
	if s.rowLo == nil {
		return 0
	}
	return int(s.rowLo[i])
}

// model holds the document's sentence beads and the parameters learnt.
type model struct {
	opt  Options
	segs []seg
	// weighed says whether the segs' cells hold their English words and
	// weights. They are stored only from the pruning on: the two E-steps
	// before it work them out seg by seg (weigh, segNorms), so that the
	// model's largest arrays, at the start, take 2 bytes a cell (its
	// type pair, in a narrow window) rather than 8 (in a window of
	// 8,000 beads of the generated documents, 22 MB rather than 88 MB;
	// 41 MB once pruned).
	weighed bool
	// narrow says whether the cells' type pairs are kept as offsets
	// (seg.pairOff): a Chinese type has at most one pair per English
	// type.
	narrow bool
	// The cells of the segs are cut from slabs, a seg's own arrays from
	// a few of a few tens of kilobytes, rather than from one array of
	// the window's cells: the second E-step, which prunes them, gives
	// each seg new arrays of the cells it keeps, and the arrays of the
	// segs behind it are let go as it goes. (With one array, pruned in
	// place, the window's unpruned cells were held to the end of
	// training, and the kept weights in an array grown beside them: in
	// a window of 8,000 beads of the generated documents, 66 MB and up
	// to 37 MB more at once, where the kept cells take 51 MB.)
	pairs   slab[int32]
	js      slab[uint16]
	weights slab[float32]
	// The cells' type pairs as build lays them out (seg.pairOff,
	// seg.pair) are cut from slabs of their own, a seg's for the seg
	// (makeFor): as the second E-step prunes the segs in turn, the
	// arrays of those behind it go on to js and pairs (handOn), which
	// cut the cells kept from them rather than from new arrays.
	unprunedOff  slab[uint16]
	unprunedPair slab[int32]

	nZh, nEn int // types
	// per type pair, its English type, those of Chinese type z adjacent:
	// zFirst[z] … zFirst[z+1]−1
	pairEn []int32
	zFirst []int32
	prior  []bool
	t      []params
	tNullE []float64 // t(e|null) per English type
	tNullZ []float64 // t(f|null) per Chinese type

	vcols []viterbiCol // viterbi's scratch
	// maxEn is the most English words of a seg with cells: the E-steps'
	// and viterbi's scratch is made that long (and maxWidth more) at
	// once, rather than made again each time a seg longer than those
	// before comes (1.5 MB each time for viterbi's, 0.5 MB for each of
	// the E-steps' two, some 12 MB in all at 5k).
	maxEn int
	// the E-steps' scratch: their columns' sums and links, maxWidth
	// columns longer than a seg's (rowArgs), kept from one E-step to the
	// next rather than made (and cleared, 1 MB) by each
	colBuf, linkBuf []float64
	// maxCells is the most cells of a seg; cellJs and cellWs, the
	// E-steps' scratch for a seg's cells' words and weights until the
	// model stores them (weigh, segNorms), are made that long at once
	// and kept from one E-step to the next, rather than made again each
	// time a seg has more cells than those before (on the reference
	// document, 356 kB where 84 kB do).
	maxCells int
	cellJs   []uint16
	cellWs   []float32

	// starts holds, for each shape of bead (its words on each side), the
	// weights each of its rows' sweeps start from (rowStarts).
	starts map[[2]int][]float64
}

// params are what the model learns of a type pair, kept together because
// each cell reads them together. float32 halves the memory the E-step
// reads; the sums are kept in float64.
type params struct {
	ez, ze float32 // t(e|f) and t(f|e)
	agree  float32 // √(t(e|f)·t(f|e))
	count  float32 // expected count in the current E-step
}

// narrowTypes is the most English types a window may have for its cells'
// type pairs to be kept as 16-bit offsets (seg.pairOff); never more than
// maxWidth, which numberTypesNarrow's 16-bit types assume. A variable
// only so that a test can send a small document down the other way.
var narrowTypes = 1 << 16

// maxWidth bounds the width of a band: its offsets are stored in 16 bits.
const maxWidth = 1 << 16

// width returns how many English words a row of a bead of m Chinese and n
// English words holds: all of them, unless the bead has more than
// MaxCells cells (or a row more than maxWidth).
func (md *model) width(m, n int) int {
	w := n
	if m*n > md.opt.MaxCells {
		w = max(1, md.opt.MaxCells/m)
	}
	return min(w, n, maxWidth)
}

// build lays out the cells of every sentence bead (zh[k], en[k]: type ids;
// zhPunct[k], enPunct[k]: which are punctuation) and numbers the type pairs
// they hold; favoured(z, mark) calls mark for each English type that the
// prior favours for Chinese type z (it may call it for types the document
// does not pair with z, and more than once).
//
// The pairs are numbered Chinese type by Chinese type, visiting the rows of
// each type in turn: a small table over the English types then finds a
// pair already numbered, where a table over all pairs of types (or a hash
// of them) would be read at random, and the pairs of one Chinese type end
// up adjacent, as the E-step reads them, row by row.
func (md *model) build(zh, en [][]int32, zhPunct, enPunct [][]bool, favoured func(z int32, mark func(e int32))) {
	md.segs = make([]seg, len(zh))
	md.weighed = !md.prunes()
	md.narrow = md.nEn <= narrowTypes
	var punctBefore []int32
	for k := range zh {
		m, n := len(zh[k]), len(en[k])
		s := seg{zh: zh[k], en: en[k], zhPunct: zhPunct[k], enPunct: enPunct[k]}
		if m > 0 && n > 0 {
			cells := 0
			width := md.width(m, n)
			if width < n {
				s.rowLo = make([]int32, m)
			}
			// punctBefore[j]: English punctuation marks before word j
			punctBefore = append(punctBefore[:0], 0)
			for _, p := range enPunct[k] {
				c := punctBefore[len(punctBefore)-1]
				if p {
					c++
				}
				punctBefore = append(punctBefore, c)
			}
			s.rowEnd = make([]int32, m)
			md.maxEn = max(md.maxEn, n)
			for i := range m {
				lo := 0
				if s.rowLo != nil {
					c := (2*i+1)*n/(2*m) - width/2 // the diagonal's column, centred
					lo = max(0, min(n-width, c))
					s.rowLo[i] = int32(lo)
				}
				punct := int(punctBefore[lo+width] - punctBefore[lo])
				if zhPunct[k][i] {
					cells += punct
				} else {
					cells += width - punct
				}
				s.rowEnd[i] = int32(cells)
			}
			md.maxCells = max(md.maxCells, cells)
			if md.narrow {
				s.pairOff = md.unprunedOff.makeFor(cells, k)
			} else {
				s.pair = md.unprunedPair.makeFor(cells, k)
			}
			if md.weighed {
				s.j, s.w = md.js.make(cells), md.weights.make(cells)
			}
		}
		md.segs[k] = s
	}
	if md.weighed {
		var js []uint16
		var ws []float32
		for k := range md.segs {
			js, ws = md.weigh(&md.segs[k], js, ws)
		}
	}

	// The rows of each Chinese type, as (seg, row), type by type.
	first := make([]int32, md.nZh+1)
	for _, s := range md.segs {
		if s.rowEnd != nil {
			for _, z := range s.zh {
				first[z+1]++
			}
		}
	}
	for z := range md.nZh {
		first[z+1] += first[z]
	}
	rows := make([][2]int32, first[md.nZh])
	next := slices.Clone(first[:md.nZh])
	for k, s := range md.segs {
		if s.rowEnd != nil {
			for i, z := range s.zh {
				rows[next[z]] = [2]int32{int32(k), int32(i)}
				next[z]++
			}
		}
	}
	// The English types of each seg whose rows hold all its words (no
	// band), its words' and then its punctuation's, from start[k] and
	// from split[k] on in byClass: a row's cells are the one or the
	// other, in order, so that it numbers them without a test of each
	// column's punctuation nor a step over the columns of the other
	// class (a fifth of the columns in the generated documents).
	start, split := make([]int32, len(md.segs)+1), make([]int32, len(md.segs))
	for k, s := range md.segs {
		start[k+1] = start[k]
		if s.rowEnd != nil && s.rowLo == nil {
			start[k+1] += int32(len(s.en))
		}
	}
	byClass := make([]int32, start[len(md.segs)])
	for k, s := range md.segs {
		if start[k+1] == start[k] {
			continue
		}
		out := byClass[start[k]:start[k+1]]
		c := 0
		for j, e := range s.en {
			if !s.enPunct[j] {
				out[c] = e
				c++
			}
		}
		split[k] = start[k] + int32(c)
		for j, e := range s.en {
			if s.enPunct[j] {
				out[c] = e
				c++
			}
		}
	}
	nb := numbering{prior: make([]int32, md.nEn)}
	if md.narrow {
		// (at most 512 kB, of which the pages past nEn's are not
		// written)
		nb.of = make([]numbered, max(md.nEn, maxWidth))
		nb.ofNarrow = (*[maxWidth]numbered)(nb.of)
	} else {
		nb.of = make([]numbered, md.nEn)
	}
	// Far fewer pairs than cells (two in five in the reference document,
	// one in forty in a window of 8,000 beads of the generated
	// documents): the tables are made for the pairs, counted first
	// (countPairs), rather than for a share of the cells that a long
	// document leaves mostly unused (26 MB of 27 in such a window), or
	// grown as pairs are met (five times their size allocated, most of
	// it fresh pages, a fault each: 3.5 ms of the reference document's
	// 7.3 ms numbering, against 0.5 ms to count).
	pairs := countPairs(md, &nb, rows, first, byClass, start, split)
	if pairs > 0 {
		nb.pairEn, nb.favoured = make([]int32, 0, pairs), make([]bool, 0, pairs)
	}
	md.zFirst = make([]int32, md.nZh+1)
	for z := range int32(md.nZh) {
		md.zFirst[z] = int32(len(nb.pairEn))
		favoured(z, func(e int32) { nb.prior[e] = z + 1 })
		// The row numbered before, when it is of the same seg: a row
		// of the same type, band and punctuation in it holds the same
		// pairs in the same columns, and takes a copy of its cells'
		// (a sixth of the rows and a seventh of the cells in the
		// generated documents: a word said twice in a sentence).
		prevSeg, prevLo, prevC, prevEnd := int32(-1), 0, 0, 0
		var prevPunct bool
		for _, r := range rows[first[z]:first[z+1]] {
			s := &md.segs[r[0]]
			i := int(r[1])
			lo := s.lo(i)
			c := 0
			if i > 0 {
				c = int(s.rowEnd[i-1])
			}
			end := int(s.rowEnd[i])
			// the row's cells: the words of its band of its class
			punct := s.zhPunct[i]
			if r[0] == prevSeg && lo == prevLo && punct == prevPunct {
				if md.narrow {
					copy(s.pairOff[c:end], s.pairOff[prevC:prevEnd])
				} else {
					copy(s.pair[c:end], s.pair[prevC:prevEnd])
				}
				continue
			}
			prevSeg, prevLo, prevC, prevEnd, prevPunct = r[0], lo, c, end, punct
			if s.rowLo == nil {
				ens := byClass[start[r[0]]:split[r[0]]]
				if punct {
					ens = byClass[split[r[0]]:start[r[0]+1]]
				}
				if md.narrow {
					numberCellsNarrow(&nb, z, md.zFirst[z], ens, s.pairOff[c:end])
				} else {
					numberCells(&nb, z, 0, ens, s.pair[c:end])
				}
				continue
			}
			width := md.width(len(s.zh), len(s.en))
			en, enPunct := s.en[lo:lo+width], s.enPunct[lo:lo+width]
			if md.narrow {
				numberRow(&nb, z, md.zFirst[z], en, enPunct, punct, s.pairOff[c:end])
			} else {
				numberRow(&nb, z, 0, en, enPunct, punct, s.pair[c:end])
			}
		}
	}
	md.pairEn, md.prior = nb.pairEn, nb.favoured
	md.zFirst[md.nZh] = int32(len(md.pairEn))
}

// countPairs returns how many type pairs build numbers: it visits the
// rows as build does, Chinese type by Chinese type, skipping those that
// build copies, and counts the English types new to each Chinese type,
// marking nb.of[e].z with −(z+1), which build's numbering (z+1) does not
// take for a mark of its own. It reads each cell's English type once, a
// nanosecond a cell (9 ms of the generated 5,000-pair document's 8.8 M
// cells, where growing the tables took some 25 ms).
func countPairs(md *model, nb *numbering, rows [][2]int32, first, byClass, start, split []int32) int {
	n := 0
	for z := range int32(md.nZh) {
		tag := -(z + 1)
		prevSeg, prevLo := int32(-1), 0
		var prevPunct bool
		for _, r := range rows[first[z]:first[z+1]] {
			s := &md.segs[r[0]]
			i := int(r[1])
			lo := s.lo(i)
			punct := s.zhPunct[i]
			if r[0] == prevSeg && lo == prevLo && punct == prevPunct {
				continue // a copy of the row before: no pair new
			}
			prevSeg, prevLo, prevPunct = r[0], lo, punct
			if s.rowLo == nil {
				ens := byClass[start[r[0]]:split[r[0]]]
				if punct {
					ens = byClass[split[r[0]]:start[r[0]+1]]
				}
				if md.narrow {
					n += countTypesNarrow(nb.ofNarrow, tag, ens)
				} else {
					n += countTypes(nb.of, tag, ens)
				}
				continue
			}
			width := md.width(len(s.zh), len(s.en))
			n += countRun(nb.of, tag, s.en[lo:lo+width], s.enPunct[lo:lo+width], punct)
		}
	}
	return n
}

// countTypes counts the English types of ens not marked tag in of, and
// marks them. (Not inlined, for numberRun's reason.)
//
//go:noinline
func countTypes(of []numbered, tag int32, ens []int32) int {
	n := 0
	for _, e := range ens {
		at := &of[e]
		if at.z != tag {
			n++
		}
		at.z = tag
	}
	return n
}

// countTypesNarrow is countTypes in a narrow window, indexing of as
// numberTypesNarrow does.
//
//go:noinline
func countTypesNarrow(of *[maxWidth]numbered, tag int32, ens []int32) int {
	_ = of[0] // of's nil check, once rather than at every cell
	n := 0
	for _, e := range ens {
		at := &of[uint16(e)]
		if at.z != tag {
			n++
		}
		at.z = tag
	}
	return n
}

// countRun is countTypes over the columns en of a row's band whose
// punctuation (enPunct) is punct.
//
//go:noinline
func countRun(of []numbered, tag int32, en []int32, enPunct []bool, punct bool) int {
	en = en[:len(enPunct)]
	n := 0
	for k, e := range en {
		if enPunct[k] != punct {
			continue
		}
		at := &of[e]
		if at.z != tag {
			n++
		}
		at.z = tag
	}
	return n
}

// numbering is what build numbers the type pairs of the cells with,
// Chinese type by Chinese type.
type numbering struct {
	// of[e] is {z+1, p} when the type pair (z, e) is numbered p (the two
	// side by side: each cell reads both, at an English type of its
	// own); prior[e] is z+1 when the prior favours it.
	of    []numbered
	prior []int32
	// ofNarrow is of in a narrow window, where it holds maxWidth types
	// at least (at least the window's): numberTypesNarrow indexes it
	// with a type's 16 bits, which need no bounds check.
	ofNarrow *[maxWidth]numbered
	// pairEn and favoured are, per pair, its English type and whether the
	// prior favours it (model.pairEn, model.prior).
	pairEn   []int32
	favoured []bool
}

type numbered struct{ z, p int32 }

// numberRow numbers the type pairs of the cells of a row of Chinese type
// z, the columns of its band (en, their types; enPunct, whether they are
// punctuation) whose punctuation is punct, and writes each cell's pair,
// less base, to out, cell by cell. numberRun does the work up to each
// pair not yet numbered, which add then numbers, out of the loop: with
// the call to add in it, the loop's variables were kept in memory and
// reloaded at every column (one cell in forty calls it in the generated
// documents).
func numberRow[P uint16 | int32](nb *numbering, z, base int32, en []int32, enPunct []bool, punct bool, out []P) {
	c, j := 0, 0
	for {
		c, j = numberRun(nb.of, z, base, en, enPunct, punct, out, c, j)
		if j == len(enPunct) {
			return
		}
		nb.add(z, en[j])
	}
}

// numberCells is numberRow for a row whose cells' English types are ens,
// in order (a row of a seg without a band: the seg's words or its
// punctuation, byClass in build), with numberTypes for numberRun.
func numberCells[P uint16 | int32](nb *numbering, z, base int32, ens []int32, out []P) {
	c := 0
	for {
		c = numberTypes(nb.of, z, base, ens, out, c)
		if c == len(ens) {
			return
		}
		nb.add(z, ens[c])
	}
}

// numberCellsNarrow is numberCells in a narrow window, with
// numberTypesNarrow.
func numberCellsNarrow(nb *numbering, z, base int32, ens []int32, out []uint16) {
	c := 0
	for {
		c = numberTypesNarrow(nb.ofNarrow, z, base, ens, out, c)
		if c == len(ens) {
			return
		}
		nb.add(z, ens[c])
	}
}

// numberTypesNarrow is numberTypes in a narrow window, whose types are
// at most maxWidth: a type's low 16 bits are the type, and index of
// without a bounds check (two instructions a cell fewer, in some 7 M
// cells at 5k).
//
//go:noinline
func numberTypesNarrow(of *[maxWidth]numbered, z, base int32, ens []int32, out []uint16, c int) int {
	out = out[:len(ens)]
	_ = of[0] // of's nil check, once rather than at every cell
	z1 := z + 1
	k := uint(c) // unsigned, so that the loop's test bounds it
	for ; k < uint(len(ens)); k++ {
		at := &of[uint16(ens[k])]
		if at.z != z1 {
			return int(k)
		}
		out[k] = uint16(at.p - base)
	}
	return int(k)
}

// numberTypes is numberRun over the cells' English types ens, from cell
// c: it writes the cells' pairs until a cell whose pair is not numbered,
// and returns that cell (len(ens) when there is none). Not inlined, for
// numberRun's reason.
//
//go:noinline
func numberTypes[P uint16 | int32](of []numbered, z, base int32, ens []int32, out []P, c int) int {
	out = out[:len(ens)]
	z1 := z + 1
	k := uint(c) // unsigned, so that the loop's test bounds it
	for ; k < uint(len(ens)); k++ {
		at := &of[ens[k]]
		if at.z != z1 {
			return int(k)
		}
		out[k] = P(at.p - base)
	}
	return int(k)
}

// numberRun is numberRow's loop from column j, the row's cell c: it
// writes the cells' pairs until a cell whose pair is not numbered, and
// returns that cell's c and column (j is len(enPunct) when there is
// none). A function of its own, and not inlined, so that its loop's
// variables stay in registers (in build's loop they were kept in
// memory).
//
//go:noinline
func numberRun[P uint16 | int32](of []numbered, z, base int32, en []int32, enPunct []bool, punct bool, out []P, c, j int) (int, int) {
	en = en[:len(enPunct)]
	z1 := z + 1
	k := uint(j) // unsigned, so that the loop's test bounds it
	for ; k < uint(len(enPunct)); k++ {
		if enPunct[k] != punct {
			continue
		}
		at := &of[en[k]]
		if at.z != z1 {
			return c, int(k)
		}
		out[c] = P(at.p - base)
		c++
	}
	return c, int(k)
}

// add numbers the pair of Chinese type z and English type e, the next
// number. It is not inlined: numberRow's loop calls it for one cell in
// forty in the generated documents, and its appends, inlined, took
// registers from the loop.
//
//go:noinline
func (nb *numbering) add(z, e int32) {
	nb.of[e] = numbered{z + 1, int32(len(nb.pairEn))}
	nb.pairEn = append(nb.pairEn, e)
	nb.favoured = append(nb.favoured, nb.prior[e] == z+1)
}

// prunes reports whether training prunes the cells (in its second
// E-step, when a third follows).
func (md *model) prunes() bool { return md.opt.Iterations > 2 }

// band steps along the rows of the band of a bead of m Chinese and n
// English words: exp(−λ|(i+1)/m − (j+1)/n|) along a row is geometric
// either side of the diagonal, two exponentials a row, not one a cell.
// (weigh and segNorms step the same way, so that the weights the null
// word's are set against and those of the E-steps are the same, bit for
// bit.)
type band struct {
	lam, step, back float64
	m, n            int
}

func (md *model) band(m, n int) band {
	step := math.Exp(-md.opt.Lambda / float64(n))
	return band{lam: md.opt.Lambda, step: step, back: 1 / step, m: m, n: n}
}

// row returns the weight of column lo of row i, the row's position x and
// cross: the columns before cross lie at or left of the diagonal,
// (j+1)/n ≤ (i+1)/m.
func (b band) row(i, lo int) (w, x float64, cross int) {
	x = float64(i+1) / float64(b.m)
	return math.Exp(-b.lam * math.Abs(x-float64(lo+1)/float64(b.n))), x, (i + 1) * b.n / b.m
}

// at returns the weight of column j of the row at x, worked out afresh:
// the rows step (by back before cross, by step from it) but for column
// cross, where stepping on from the other side of the diagonal would
// multiply by the wrong factor. (The steps are written out in the loops,
// which a call a column made slower.)
func (b band) at(j int, x float64) float64 {
	return math.Exp(-b.lam * (float64(j+1)/float64(b.n) - x))
}

// rowStarts returns, for each row i of seg s, the weight its sweep
// starts from, that of column lo (at 2i), and the weight of column cross
// (at 2i+1; 0 when the row's band does not hold cross past lo), as
// band.row and band.at give them. They depend only on the bead's shape
// (its rows' bands too): the generated documents' 6,313 sentence beads
// have 394 shapes, and working out two exponentials a row in each sweep,
// twice a bead, took a twentieth of training.
func (md *model) rowStarts(s *seg) []float64 {
	m, n := len(s.zh), len(s.en)
	shape := [2]int{m, n}
	if starts, ok := md.starts[shape]; ok {
		return starts
	}
	width := md.width(m, n)
	b := md.band(m, n)
	starts := make([]float64, 2*m)
	for i := range m {
		lo := s.lo(i)
		w, x, cross := b.row(i, lo)
		starts[2*i] = w
		if cross > lo && cross < lo+width {
			starts[2*i+1] = b.at(cross, x)
		}
	}
	if md.starts == nil {
		md.starts = map[[2]int][]float64{}
	}
	md.starts[shape] = starts
	return starts
}

// sweepSum lays out the columns of a run of a row's band on one side of
// the diagonal, the columns off to end of the band (a.bandPunct, cut at
// the row's lo by sweepArgs.at): the weights step along the columns (w,
// then w·f, w·f², …), and each cell, a column whose punctuation is punct, has its offset
// from lo and its weight written at a.js[c] and a.ws[c], c moving on;
// it adds each cell's weight to its column's in a.col and to row. It
// returns c, the weight of the column after the run and row. (One index
// for the columns, their offsets and colZ: off+k took an instruction a
// column.) A cell's offset and weight are written in the branch that
// adds up its sums, as sweepNorm writes them: written at every column,
// they took five instructions more at each column of the other class
// (2.5 M of 11.4 M columns at 5k). A function of
// its own (weigh calls it twice a row) rather than a loop in weigh,
// whose variables outnumbered the registers and were kept in memory in
// the loop. The seg's arrays come in a (sweepArgs, a.pairs unread), by
// pointer, as sweepNorm's do.
//
//go:noinline
func sweepSum(a *sweepArgs[uint16], punct bool, off, end, c int, w, f, row float64) (int, float64, float64) {
	enPunct, colZ := a.bandPunct[:end], a.bandCol[:end]
	js := a.js
	ws := a.ws[:len(js)] // one bounds check a column, not two
	for j := uint(off); j < uint(len(enPunct)); j++ {
		if enPunct[j] == punct {
			js[c], ws[c] = uint16(j), float32(w)
			c++
			colZ[j] += w
			row += w
		}
		w *= f
	}
	return c, w, row
}

// segNorms returns the English word (as an offset from its row's lo) and
// the distortion weight, as stored (float32), of every cell of seg s, row
// by row, worked out into js and ws, grown as needed, for eStep before
// the cells' words and weights are stored; and as it lays out a row's
// cells it adds them to the normalisers, the cells' w·t(e|f) to their
// columns' (colSum, from the null word's) and their w·t(f|e) to the
// row's (rowSum[i], set here from the null word's), in the order normRow
// adds them, cell by cell, with the seg's cells' type pairs (seg.pairOff
// or seg.pair). One pass over the cells rather than the
// sweep and then normRow's (−90 M instructions at 5k). Working out only
// the cells' weights, in one sweep, costs less than all the band's
// weights and then a pick of the cells' (which took a seventh of the
// word alignment's time on the reference document eight times over).
//
// Each row is swept in two loops, the columns before cross and those
// from it, rather than one that asks at each column which side it is on.
// A cell's word and weight are written in the branch on its column's
// punctuation that adds up its sums (sweepNorm), so js and ws are made
// as long as the cells, no longer.
//
// In a narrow window the rows are swept by sweepNormNarrow, which reads
// a Chinese type's pairs as an array of maxWidth, in the pad newParams
// leaves: a cell's 16-bit offset indexes them without a bounds check
// (two instructions a cell fewer, in the 8.8 M cells of the generated
// document of 5,000 pairs).
func segNorms(md *model, s *seg, js []uint16, ws []float32, colSum, rowSum []float64) ([]uint16, []float32) {
	m, n := len(s.zh), len(s.en)
	cells := int(s.rowEnd[m-1])
	js, ws = grow(js, cells), grow(ws, cells)
	width := md.width(m, n)
	b := md.band(m, n)
	back, step := b.back, b.step
	starts := md.rowStarts(s)
	tt, zFirst, tNullZ, narrow := md.t, md.zFirst, md.tNullZ, md.narrow
	ttPad := tt[:cap(tt)]
	na := sweepArgs[uint16]{enPunct: s.enPunct, js: js, ws: ws, pairs: s.pairOff, col: colSum}
	wa := sweepArgs[int32]{enPunct: s.enPunct, js: js, ws: ws, pairs: s.pair, col: colSum}
	c := 0
	for i, punct := range s.zhPunct {
		lo := s.lo(i)
		w, cross := starts[2*i], (i+1)*n/m
		end := lo + width
		mid := min(max(cross, lo), end)
		z := s.zh[i]
		row := s.eNull[i] * tNullZ[z]
		if narrow {
			tz := (*[maxWidth]params)(ttPad[zFirst[z]:])
			na.at(lo)
			c, w, row = sweepNormNarrow(&na, punct, 0, mid-lo, c, w, back, tz, row)
			if mid < end && mid > lo {
				// mid is cross
				w = starts[2*i+1]
			}
			c, _, row = sweepNormNarrow(&na, punct, mid-lo, width, c, w, step, tz, row)
		} else {
			wa.at(lo)
			c, w, row = sweepNorm(&wa, punct, 0, mid-lo, c, w, back, tt, row)
			if mid < end && mid > lo {
				w = starts[2*i+1]
			}
			c, _, row = sweepNorm(&wa, punct, mid-lo, width, c, w, step, tt, row)
		}
		rowSum[i] = row
	}
	return js[:cells], ws[:cells]
}

// sweepArgs are what sweepNorm and sweepSum read of a seg, handed over
// by pointer as the E-steps' rows' are (rowArgs): its English words'
// punctuation, the arrays its cells' words and weights are laid out in,
// its cells' type pairs (sweepNorm's only) and its columns' sums. As
// slices, the band's cut by the caller, they took a dozen words of
// arguments, most on the stack, at two calls a row (404 k calls at 5k
// for each of the two).
//
// The sweeps read the band's columns from its lo on (bandPunct and
// bandCol, cut by at when a row's lo changes, once a seg in a seg
// without a band), so that each call cuts them only at the run's end:
// cut from lo to the end in every call, they took some fifteen
// instructions a call more (1.6 M calls at 5k). (The order of the
// fields is not indifferent: with Go 1.26 it leaves the sweeps' loops
// without the padding the assembler puts before a branch that would
// cross 32 bytes, one instruction a column: other orders left it there,
// and took more than the shorter cuts saved.)
type sweepArgs[P uint16 | int32] struct {
	// lo is the band's lo the two below are cut at, +1 (0: not cut yet).
	lo        int
	bandPunct []bool
	bandCol   []float64
	enPunct   []bool
	js        []uint16
	ws        []float32
	pairs     []P
	col       []float64
}

// at cuts a's enPunct and col at lo, the lo of the band of the row
// about to be swept, unless they are cut there already; their capacity
// is cut to their length, so that a sweep's cut at a run's end checks
// it against that.
func (a *sweepArgs[P]) at(lo int) {
	if a.lo != lo+1 {
		a.lo = lo + 1
		a.bandPunct = a.enPunct[lo:len(a.enPunct):len(a.enPunct)]
		a.bandCol = a.col[lo:len(a.col):len(a.col)]
	}
}

// sweepNorm is sweepSum for segNorms, over the columns off to end of
// the band (a.bandPunct): it adds each cell's weight times its
// pair's t(e|f) (tz[pairs[c]]) to its column's sum in col and times its
// t(f|e) to row. The weight is the one stored, float32, as
// normRow reads it. The columns are counted from the band's lo rather
// than the run's start: one index for the columns, the cells' words and
// col, where two (the run's and the band's) took a register more than
// the loop had, and three were reloaded at every column. As sweepSum
// does, it branches on a column's punctuation for the cell's sums and
// writes a cell's word and weight in that branch (no branch more to
// mispredict), so that the words, weights and pairs are checked against
// one length, that of pairs (the seg's cells). (Written at every column,
// and so one past the last cell, the words needed a length of their
// own, a register more than the loop had: enPunct was reloaded at every
// column.)
//
//go:noinline
func sweepNorm[P uint16 | int32](a *sweepArgs[P], punct bool, off, end, c int, w, f float64, tz []params, row float64) (int, float64, float64) {
	enPunct := a.bandPunct[:end]
	col := a.bandCol[:len(enPunct)]
	pairs := a.pairs
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	for j := uint(off); j < uint(len(enPunct)); j++ {
		if enPunct[j] == punct {
			w32 := float32(w)
			js[c], ws[c] = uint16(j), w32
			x := float64(w32)
			t := &tz[pairs[c]]
			col[j] += x * float64(t.ez)
			row += x * float64(t.ze)
			c++
		}
		w *= f
	}
	return c, w, row
}

// sweepNormNarrow is sweepNorm for type pairs kept as offsets
// (seg.pairOff), read as countRowNarrow reads them: tz holds maxWidth
// pairs from the row's type's first (newParams), which a cell's offset
// indexes without a bounds check.
//
//go:noinline
func sweepNormNarrow(a *sweepArgs[uint16], punct bool, off, end, c int, w, f float64, tz *[maxWidth]params, row float64) (int, float64, float64) {
	pairs := a.pairs
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	_ = tz[0] // tz's nil check, once rather than at every cell
	enPunct := a.bandPunct[:end]
	col := a.bandCol[:len(enPunct)]
	for j := uint(off); j < uint(len(enPunct)); j++ {
		if enPunct[j] == punct {
			w32 := float32(w)
			js[c], ws[c] = uint16(j), w32
			x := float64(w32)
			t := &tz[pairs[c]]
			col[j] += x * float64(t.ez)
			row += x * float64(t.ze)
			c++
		}
		w *= f
	}
	return c, w, row
}

// weigh sets the null word's weights of a seg (s.zNull, s.eNull), from a
// sweep of its cells like segNorms', and returns the cells' words and
// weights: in js and ws, grown as needed, or, when the model stores them,
// in s.j and s.w. It is called once a seg, where the cells are first
// read: in build when they are stored, else in the first E-step, which
// then reads the cells of this sweep rather than sweep them again.
func (md *model) weigh(s *seg, js []uint16, ws []float32) ([]uint16, []float32) {
	if s.rowEnd == nil {
		return js, ws
	}
	m, n := len(s.zh), len(s.en)
	cells := int(s.rowEnd[m-1])
	js, ws = grow(js, cells), grow(ws, cells)
	width := md.width(m, n)
	b := md.band(m, n)
	back, step := b.back, b.step
	colZ := make([]float64, n)
	rowZ := make([]float64, m)
	starts := md.rowStarts(s)
	a := sweepArgs[uint16]{enPunct: s.enPunct, js: js, ws: ws, col: colZ}
	c := 0
	for i, punct := range s.zhPunct {
		lo := s.lo(i)
		w, cross := starts[2*i], (i+1)*n/m
		end := lo + width
		mid := min(max(cross, lo), end)
		// The distortion is a distribution over the words a word may
		// link to: its normalisers sum the cells' weights.
		var row float64
		a.at(lo)
		c, w, row = sweepSum(&a, punct, 0, mid-lo, c, w, back, row)
		if mid < end && mid > lo {
			// mid is cross
			w = starts[2*i+1]
		}
		c, _, row = sweepSum(&a, punct, mid-lo, width, c, w, step, row)
		rowZ[i] = row
	}
	odds := md.opt.Null / (1 - md.opt.Null)
	for j := range colZ {
		colZ[j] *= odds
	}
	for i := range rowZ {
		rowZ[i] *= odds
	}
	s.zNull, s.eNull = colZ, rowZ
	js, ws = js[:cells], ws[:cells]
	if s.w != nil {
		copy(s.j, js)
		copy(s.w, ws)
		return s.j, s.w
	}
	return js, ws
}

// train runs EM. The first E-step sees the distortion alone (as if every
// translation probability were equal: IBM Model 1's uniform start), which
// needs one pass over the cells and no parameters; the prior enters at the
// M-steps. The second E-step is the first to weigh translations; after it
// the cells to which neither direction gives a real share are pruned
// (pruneBelow), and the E-steps left and the decoding read what remains.
func (md *model) train() {
	// The tables are read from locals: the loops below store to the
	// counts and to the parameters, after which the fields of md would
	// be read again at every pair.
	zFirst, pairEn, prior := md.zFirst, md.pairEn, md.prior
	// per type: how many of its pairs the prior favours
	priorZh := make([]float64, md.nZh)
	priorEn := make([]float64, md.nEn)
	priorCounts(zFirst, pairEn, prior, priorZh, priorEn)
	alpha := md.opt.Prior
	md.t = newParams(md.zFirst, md.narrow)
	md.tNullE = make([]float64, md.nEn)
	md.tNullZ = make([]float64, md.nZh)
	cNullE := make([]float64, md.nEn)
	cNullZ := make([]float64, md.nZh)
	totZ := make([]float64, md.nZh)
	totE := make([]float64, md.nEn)
	tt := md.t
	md.colBuf, md.linkBuf = grow(md.colBuf, md.maxEn+maxWidth), grow(md.linkBuf, md.maxEn+maxWidth)
	for it := range md.opt.Iterations {
		if it > 0 { // (newParams has set them to zero for the first)
			for p := range tt {
				tt[p].count = 0
			}
		}
		clear(cNullE)
		clear(cNullZ)
		switch {
		case it == 0:
			md.eStepDistortion(cNullE, cNullZ)
		case it == 1 && md.prunes():
			md.eStep(cNullE, cNullZ, true)
		default:
			md.eStep(cNullE, cNullZ, false)
		}
		mStep(tt, zFirst, pairEn, prior, priorZh, priorEn, totZ, totE, alpha)
		normalise(md.tNullE, cNullE)
		normalise(md.tNullZ, cNullZ)
	}
}

// priorCounts adds up, per Chinese type in favZh and per English type in
// favEn, how many of its pairs the prior favours. (A function of its own,
// with one index for all the pairs bounded type after type, as in mStep:
// inside train, the loop's index and slices were spilled.)
//
//go:noinline
func priorCounts(zFirst, pairEn []int32, prior []bool, favZh, favEn []float64) {
	ends := zFirst[1:]
	favZh = favZh[:len(ends)]
	p := int(zFirst[0])
	for z, hi := range ends {
		for ; p < int(hi); p++ {
			if prior[p] {
				favZh[z]++
				favEn[pairEn[p]]++
			}
		}
	}
}

// mStep sets the parameters from the counts of an E-step: the counts plus
// the prior's pseudo-counts, normalised per Chinese type for t(e|f) and
// per English type for t(f|e). totZ and totE are its scratch. (A function
// of its own, called once an iteration: inside train, whose loops keep
// many values live, the pair loop's index and slices lived on the stack,
// read and written again at every pair.)
//
// The sum over a Chinese type's pairs is kept in a register: its pairs
// are adjacent, and adding to totZ[z] in memory pair after pair made each
// addition wait for the one before. The pairs no cell holds any more once
// the cells are pruned are never read again, but are set all the same:
// finding them, a pass over the cells kept, cost four times what setting
// them does.
func mStep(tt []params, zFirst, pairEn []int32, prior []bool, priorZh, priorEn, totZ, totE []float64, alpha float64) {
	// Each loop over the pairs has one index for all of them, bounded
	// type after type, rather than a slice of each type's: the inner
	// loop keeps few values live, all in registers, and what the outer
	// loop keeps is read once a type. (The types are ranged over by their
	// ends, to which totZ is cut, so that no register holds z+1 or the
	// length of zFirst: with them, the pair loops spilled their index.)
	es, pr := pairEn[:len(tt)], prior[:len(tt)]
	clear(totE)
	ends := zFirst[1:]
	totZ, priorZh = totZ[:len(ends)], priorZh[:len(ends)]
	p := int(zFirst[0])
	for z, hi := range ends {
		sum := 0.0
		for ; p < int(hi); p++ {
			x := float64(tt[p].count)
			sum += x
			totE[es[p]] += x
		}
		totZ[z] = 1 / (sum + alpha*priorZh[z])
	}
	priorEn = priorEn[:len(totE)]
	for e := range totE {
		totE[e] = 1 / (totE[e] + alpha*priorEn[e])
	}
	p = int(zFirst[0])
	for z, hi := range ends {
		inv := totZ[z]
		for ; p < int(hi); p++ {
			t := &tt[p]
			x := float64(t.count)
			if pr[p] {
				x += alpha
			}
			t.set(x*inv, x*totE[es[p]])
		}
	}
}

// eStepDistortion is the first E-step: each direction's posterior of a
// link is its distortion weight over the word's sum of them, w/Z, and the
// agreed count √(w/Z_j · w/Z_i); what a word's links leave of its unit
// goes to the null word.
func (md *model) eStepDistortion(cNullE, cNullZ []float64) {
	odds := md.opt.Null / (1 - md.opt.Null)
	colBuf, linkBuf := md.colBuf, md.linkBuf
	cols, weights := md.cellScratch()
	var na rowArgs[uint16]
	var wa rowArgs[int32]
	for k := range md.segs {
		s := &md.segs[k]
		if s.rowEnd == nil {
			continue
		}
		n := len(s.en)
		if md.weighed {
			cols, weights = s.j, s.w
		} else {
			cols, weights = md.weigh(s, cols, weights)
		}
		// (maxWidth columns more, for rowArgs)
		colBuf, linkBuf = grow(colBuf, n+maxWidth), grow(linkBuf, n+maxWidth)
		invCol, linkE := colBuf[:n], linkBuf[:n]
		clear(linkE)
		for j := range invCol {
			invCol[j] = math.Sqrt(odds / s.zNull[j]) // zNull is Z·odds
		}
		if md.narrow {
			// (distortionRowNarrow reads the pad of newParams)
			na = rowArgs[uint16]{md.t[:cap(md.t)], s.pairOff, cols, weights, colBuf, linkBuf}
		} else {
			wa = rowArgs[int32]{md.t, s.pair, cols, weights, colBuf, linkBuf}
		}
		start := 0
		var band bandCols
		for i, end := range s.rowEnd {
			inv := math.Sqrt(odds / s.eNull[i])
			var row float64
			z := s.zh[i]
			if md.narrow {
				col, link := band.at(colBuf, linkBuf, s.lo(i))
				row = distortionRowNarrow(&na, start, int(end), int(md.zFirst[z]), col, link, inv)
			} else {
				row = distortionRow(&wa, start, int(end), s.lo(i), 0, len(md.t), inv)
			}
			addNull(&cNullZ[z], row)
			start = int(end)
		}
		for j, e := range s.en {
			addNull(&cNullE[e], linkE[j])
		}
	}
	md.colBuf, md.linkBuf = colBuf, linkBuf
}

// cellScratch returns the E-steps' scratch for a seg's cells' words and
// weights (model.cellJs, model.cellWs), made when the model does not
// store them yet; nil when it does.
func (md *model) cellScratch() ([]uint16, []float32) {
	if !md.weighed && md.cellJs == nil {
		md.cellJs, md.cellWs = make([]uint16, md.maxCells), make([]float32, md.maxCells)
	}
	return md.cellJs, md.cellWs
}

// eStep is an E-step with the translation probabilities: two passes over
// each bead's cells, the first for the normalisers of each direction's
// posteriors, the second for the agreed counts. With prune it drops the
// cells under pruneBelow in both directions as it goes, and stores the
// weights of the cells kept.
func (md *model) eStep(cNullE, cNullZ []float64, prune bool) {
	colBuf, linkBuf := md.colBuf, md.linkBuf
	var rowSum []float64
	cols, weights := md.cellScratch()
	var na rowArgs[uint16]
	var wa rowArgs[int32]
	// The tables are read from locals: the row functions called in the
	// loops below would have md's fields read again after each call.
	tt, zFirst, tNullE, tNullZ, narrow := md.t, md.zFirst, md.tNullE, md.tNullZ, md.narrow
	// In a narrow window, the row functions (normRowNarrow, …) read the
	// parameters past the last pair, in the pad newParams leaves.
	ttPad := tt[:cap(tt)]
	for k := range md.segs {
		s := &md.segs[k]
		if s.rowEnd == nil {
			continue
		}
		m, n := len(s.zh), len(s.en)
		// (maxWidth columns more, for rowArgs)
		colBuf, rowSum, linkBuf = grow(colBuf, n+maxWidth), grow(rowSum, m), grow(linkBuf, n+maxWidth)
		colSum, linkE := colBuf[:n], linkBuf[:n]
		clear(linkE)
		zNull := s.zNull[:len(colSum)]
		for j, e := range s.en {
			colSum[j] = zNull[j] * tNullE[e]
		}
		// The normalisers: the sum over a word's possible links (the
		// null word's included) of distortion weight × translation.
		// Before the cells' words and weights are stored, the sweep
		// that lays them out adds them up as well (segNorms).
		//
		// When pruning, the words and weights are laid out straight
		// into the slabs' current arrays if these have room for all
		// the cells: the cells kept are moved down in place, and the
		// arrays are then cut at the last kept, rather than copied
		// there from the scratch (direct).
		js, ws := s.j, s.w
		direct := false
		if !md.weighed {
			js, ws = cols, weights
			if prune {
				cells := int(s.rowEnd[m-1])
				if sj, sw := md.js.spare(cells), md.weights.spare(cells); sj != nil && sw != nil {
					js, ws, direct = sj, sw, true
				}
			}
			js, ws = segNorms(md, s, js, ws, colSum, rowSum)
			if !direct {
				cols, weights = js, ws // the scratch, grown
			}
		}
		if narrow {
			na = rowArgs[uint16]{ttPad, s.pairOff, js, ws, colBuf, linkBuf}
		} else {
			wa = rowArgs[int32]{tt, s.pair, js, ws, colBuf, linkBuf}
		}
		start := 0
		var band bandCols
		for i, end := range s.rowEnd {
			if !md.weighed {
				break // segNorms has added them up
			}
			z := s.zh[i]
			row := s.eNull[i] * tNullZ[z]
			if narrow {
				col, _ := band.at(colBuf, linkBuf, s.lo(i))
				row = normRowNarrow(&na, start, int(end), int(zFirst[z]), col, row)
			} else {
				row = normRow(&wa, start, int(end), s.lo(i), 0, len(tt), row)
			}
			rowSum[i] = row
			start = int(end)
		}
		// The agreed count of a link, the geometric mean of its two
		// posteriors: w·√(t(e|f)·t(f|e)) / √(colSum·rowSum).
		for j := range colSum {
			colSum[j] = 1 / math.Sqrt(colSum[j])
		}
		start = 0
		out := 0 // where the next kept cell goes when pruning
		for i, end := range s.rowEnd {
			lo := s.lo(i)
			inv := 1 / math.Sqrt(rowSum[i])
			var row float64
			z := s.zh[i]
			switch {
			case narrow && prune:
				col, link := band.at(colBuf, linkBuf, lo)
				row, out = pruneRowNarrow(&na, start, int(end), int(zFirst[z]), out, col, link, inv, pruneBelow)
			case prune:
				row, out = pruneRow(&wa, start, int(end), lo, 0, len(tt), out, inv)
			case narrow:
				col, link := band.at(colBuf, linkBuf, lo)
				row = countRowNarrow(&na, start, int(end), int(zFirst[z]), col, link, inv)
			default:
				row = countRow(&wa, start, int(end), lo, 0, len(tt), inv)
			}
			addNull(&cNullZ[z], row)
			start = int(end)
			if prune {
				s.rowEnd[i] = int32(out)
			}
		}
		for j, e := range s.en {
			addNull(&cNullE[e], linkE[j])
		}
		if prune {
			// The cells kept move to arrays of their own size; the
			// seg's old ones go with those of the segs before it.
			// (Taken directly, the words come before the type pairs'
			// offsets in their slab, the same room as after them.)
			if direct {
				s.j, s.w = md.js.take(out, len(js)), md.weights.take(out, len(ws))
			}
			if narrow {
				s.pairOff = md.js.copy(s.pairOff[:out])
			} else {
				s.pair = md.pairs.copy(s.pair[:out])
			}
			if !direct {
				s.j, s.w = md.js.copy(js[:out]), md.weights.copy(ws[:out])
			}
			// The arrays the cells of this seg and those before
			// it were laid out in are free.
			if narrow {
				md.unprunedOff.handOn(k, &md.js)
			} else {
				md.unprunedPair.handOn(k, &md.pairs)
			}
		}
	}
	md.colBuf, md.linkBuf = colBuf, linkBuf
	if prune {
		md.weighed = true
		// (What is not reused is let go, not kept with the model; and
		// the scratch, no longer needed.)
		md.js.spent, md.pairs.spent = nil, nil
		md.cellJs, md.cellWs = nil, nil
	}
}

// rowArgs are what the E-steps' row functions (distortionRow, normRow,
// countRow, pruneRow) read of a seg: the parameters (tt), its cells'
// type pairs (pairs: seg.pairOff or seg.pair), English words and
// weights, and its columns' sums and links (col, link), which hold
// maxWidth columns past the last band's lo: the row functions read them
// as arrays of maxWidth from the row's lo, which a cell's English word,
// 16 bits, indexes without a bounds check (one a cell fewer, in some 40
// M cells an E-step and decoding read at 5k). They are handed over by pointer with the
// row's cells (start to end), the first column of its band (lo) and
// where its type's pairs are in tt (tlo to thi), rather than as a row's
// slices: cut by eStep and passed, most on the stack, they took more
// than a hundred instructions a row, where a row has some twenty cells
// once pruned.
type rowArgs[P uint16 | int32] struct {
	tt        []params
	pairs     []P
	js        []uint16
	ws        []float32
	col, link []float64
}

// bandCols are the columns' sums and links of a seg (rowArgs' col and
// link) from a row's lo on, as the narrow row functions read them, as
// arrays of maxWidth: made in the E-steps' loops when lo changes (never
// in a seg without a band) rather than in each call from a slice and lo,
// some twenty-five instructions a call (400 k calls an E-step at 5k).
type bandCols struct {
	lo        int // their lo, +1 (0: not made yet)
	col, link *[maxWidth]float64
}

// at returns the columns' sums and links of col and link (maxWidth
// longer than a seg's, rowArgs) from column lo on.
func (b *bandCols) at(col, link []float64, lo int) (*[maxWidth]float64, *[maxWidth]float64) {
	if b.lo != lo+1 {
		b.lo, b.col, b.link = lo+1, (*[maxWidth]float64)(col[lo:]), (*[maxWidth]float64)(link[lo:])
	}
	return b.col, b.link
}

// addNull adds to *c, a null word's count, what a word's links, which sum
// to links, leave of its unit: max(0, 1−links), but without max, whose
// handling of NaN and of signed zeros took a dozen instructions a word.
// It adds nothing rather than 0 when the links leave nothing: *c, a sum
// of positive counts from +0, is never −0, and adding +0 or −0 to it
// leaves it as it is; a NaN is added as max would give it.
func addNull(c *float64, links float64) {
	if x := 1 - links; !(x <= 0) {
		*c += x
	}
}

// cellPair returns the type pair of cell c of seg s, in a row whose
// Chinese type's first pair is base.
func (md *model) cellPair(s *seg, base int32, c int) int32 {
	if md.narrow {
		return base + int32(s.pairOff[c])
	}
	return s.pair[c]
}

// The E-steps' work on a row's cells, for type pairs kept either way
// (seg.pairOff, seg.pair): pairs index tz, the parameters of the row's
// type's pairs or of all; js are the cells' English words (indexing col
// and link) and ws their weights. They are not inlined: inlined in the
// E-steps, whose variables outnumber the registers, their loops kept
// their index and slices in memory (a tenth more instructions in the
// E-steps). They cut pairs, js and ws at the row's end and step from
// its start as an unsigned index, so that only tz, col and link are
// checked in the loop: cut to the row as well ([start:end]), the three
// slices took some thirty instructions a call, at about twenty cells a
// row once pruned. (viterbiRow does the same.)

// distortionRow adds the counts of the first E-step (eStepDistortion) of
// the cells start to end of a (as for normRow; inv is the row's
// normaliser's, a.col the columns') and returns their sum.
//
//go:noinline
func distortionRow[P uint16 | int32](a *rowArgs[P], start, end, lo, tlo, thi int, inv float64) float64 {
	tz, pairs := a.tt[tlo:thi], a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	col, link := (*[maxWidth]float64)(a.col[lo:]), (*[maxWidth]float64)(a.link[lo:])
	row := 0.0
	for k := uint(start); k < uint(len(pairs)); k++ {
		j := js[k]
		r := float64(ws[k]) * inv * col[j]
		tz[pairs[k]].count += float32(r)
		link[j] += r
		row += r
	}
	return row
}

// normRow adds the cells start to end of a (a row whose band starts at
// column lo, of a type whose pairs are tlo to thi) to the normalisers of
// eStep: to its columns' (a.col) and to row, which it returns.
//
//go:noinline
func normRow[P uint16 | int32](a *rowArgs[P], start, end, lo, tlo, thi int, row float64) float64 {
	tz, pairs := a.tt[tlo:thi], a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	col := (*[maxWidth]float64)(a.col[lo:])
	for k := uint(start); k < uint(len(pairs)); k++ {
		w := float64(ws[k])
		t := &tz[pairs[k]]
		col[js[k]] += w * float64(t.ez)
		row += w * float64(t.ze)
	}
	return row
}

// countRow adds the agreed counts of the cells start to end of a (as for
// normRow; inv is the row's normaliser's inverse square root, a.col the
// columns') and returns their sum.
//
//go:noinline
func countRow[P uint16 | int32](a *rowArgs[P], start, end, lo, tlo, thi int, inv float64) float64 {
	tz, pairs := a.tt[tlo:thi], a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	col, link := (*[maxWidth]float64)(a.col[lo:]), (*[maxWidth]float64)(a.link[lo:])
	row := 0.0
	for k := uint(start); k < uint(len(pairs)); k++ {
		j := js[k]
		t := &tz[pairs[k]]
		r := float64(ws[k]) * float64(t.agree) * inv * col[j]
		t.count += float32(r)
		link[j] += r
		row += r
	}
	return row
}

// pruneRow is countRow for the E-step that prunes: it also moves the
// cells it keeps down to out on, in the same arrays, and returns where
// the next goes. Every cell is written there, and the next written over
// it unless it is kept: about half the cells are, as the text has it, so
// a branch on each was mispredicted often. (What is written is at or
// before the cell read.) The arrays are cut at the row's end, not to the
// row and where its cells go, so that the loop's slices fit in the
// registers.
//
//go:noinline
func pruneRow[P uint16 | int32](a *rowArgs[P], start, end, lo, tlo, thi, out int, inv float64) (float64, int) {
	tz, pairs := a.tt[tlo:thi], a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	col, link := (*[maxWidth]float64)(a.col[lo:]), (*[maxWidth]float64)(a.link[lo:])
	row := 0.0
	for k := uint(start); k < uint(len(js)); k++ {
		// The cell is moved as soon as it is read, before its sums,
		// whose registers it then leaves free: moved after them, it
		// was read again, and link was reloaded at every cell.
		p, j, w32 := pairs[k], js[k], ws[k]
		pairs[out], js[out], ws[out] = p, j, w32
		t := &tz[p]
		w := float64(w32)
		c := col[j]
		r := w * float64(t.agree) * inv * c
		t.count += float32(r)
		link[j] += r
		row += r
		// the two posteriors: w·t(e|f)/colSum and w·t(f|e)/rowSum
		keep := 0
		if w*float64(t.ez)*c*c >= pruneBelow {
			keep = 1
		}
		if w*float64(t.ze)*inv*inv >= pruneBelow {
			keep = 1
		}
		out += keep
	}
	return row, out
}

// newParams returns the parameters of the type pairs whose Chinese types'
// first pairs are zFirst. In a narrow window (seg.pairOff) their array
// holds maxWidth pairs past each type's first, the last type's zeroed
// pad, never written (a type has at most maxWidth pairs), beyond its
// length: countRowNarrow and pruneRowNarrow read a type's pairs as an
// array of maxWidth, which a cell's 16-bit offset indexes without a
// bounds check (as do distortionRowNarrow, normRowNarrow and
// viterbiRowNarrow). The pad takes at most 1 MiB (65,536 pairs of 16 bytes),
// one window's at a time.
func newParams(zFirst []int32, narrow bool) []params {
	n := int(zFirst[len(zFirst)-1])
	if !narrow || len(zFirst) < 2 {
		return make([]params, n)
	}
	return make([]params, n, max(n, int(zFirst[len(zFirst)-2])+maxWidth))
}

// distortionRowNarrow is distortionRow for type pairs kept as offsets,
// read as countRowNarrow reads them.
//
//go:noinline
func distortionRowNarrow(a *rowArgs[uint16], start, end, tlo int, col, link *[maxWidth]float64, inv float64) float64 {
	// (The nil checks first: in this order, the assembler needs no
	// padding in the loop, an instruction a cell, to keep its closing
	// branch from crossing 32 bytes; with Go 1.26.)
	_, _ = col[0], link[0] // their nil checks, once rather than at every cell
	tz, pairs := (*[maxWidth]params)(a.tt[tlo:]), a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	row := 0.0
	for k := uint(start); k < uint(len(pairs)); k++ {
		j := js[k]
		r := float64(ws[k]) * inv * col[j]
		tz[pairs[k]].count += float32(r)
		link[j] += r
		row += r
	}
	return row
}

// normRowNarrow is normRow for type pairs kept as offsets, read as
// countRowNarrow reads them.
//
//go:noinline
func normRowNarrow(a *rowArgs[uint16], start, end, tlo int, col *[maxWidth]float64, row float64) float64 {
	tz, pairs := (*[maxWidth]params)(a.tt[tlo:]), a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	_ = col[0] // its nil check, once rather than at every cell
	for k := uint(start); k < uint(len(pairs)); k++ {
		w := float64(ws[k])
		t := &tz[pairs[k]]
		col[js[k]] += w * float64(t.ez)
		row += w * float64(t.ze)
	}
	return row
}

// countRowNarrow is countRow for type pairs kept as offsets (seg.pairOff)
// in the parameters a.tt, which hold maxWidth pairs from tlo on
// (newParams): the cell's offset, 16 bits, indexes them without a bounds
// check (one a cell fewer).
//
//go:noinline
func countRowNarrow(a *rowArgs[uint16], start, end, tlo int, col, link *[maxWidth]float64, inv float64) float64 {
	tz, pairs := (*[maxWidth]params)(a.tt[tlo:]), a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	_, _ = col[0], link[0] // their nil checks, once rather than at every cell
	row := 0.0
	for k := uint(start); k < uint(len(pairs)); k++ {
		j := js[k]
		t := &tz[pairs[k]]
		r := float64(ws[k]) * float64(t.agree) * inv * col[j]
		t.count += float32(r)
		link[j] += r
		row += r
	}
	return row
}

// pruneRowNarrow is pruneRow for type pairs kept as offsets, read as
// countRowNarrow reads them. The limit below which a cell is dropped
// (pruneBelow) comes as an argument, so that it stays in a register; as
// a constant it was loaded again at every cell.
//
//go:noinline
func pruneRowNarrow(a *rowArgs[uint16], start, end, tlo, out int, col, link *[maxWidth]float64, inv, below float64) (float64, int) {
	tz, pairs := (*[maxWidth]params)(a.tt[tlo:]), a.pairs[:end]
	js, ws := a.js[:len(pairs)], a.ws[:len(pairs)]
	_, _ = col[0], link[0] // their nil checks, once rather than at every cell
	row := 0.0
	for k := uint(start); k < uint(len(js)); k++ {
		// (As in pruneRow: the cell is moved as soon as it is read.)
		p, j, w32 := pairs[k], js[k], ws[k]
		pairs[out], js[out], ws[out] = p, j, w32
		t := &tz[p]
		w := float64(w32)
		c := col[j]
		r := w * float64(t.agree) * inv * c
		t.count += float32(r)
		link[j] += r
		row += r
		keep := 0
		if w*float64(t.ez)*c*c >= below {
			keep = 1
		}
		if w*float64(t.ze)*inv*inv >= below {
			keep = 1
		}
		out += keep
	}
	return row, out
}

// A cell to which, in the second E-step, both directions give less than
// pruneBelow of the word's posterior is dropped: it will not be a link, and
// the E-steps left and the decoding then read a fifth of the reference
// document's cells (two fifths of the gold set's). Measured on the gold
// set: the same error rates within 0.003; at 0.05 both pass 0.29.
const pruneBelow = 0.02

// set sets the translation probabilities of a pair.
func (t *params) set(ez, ze float64) {
	t.ez, t.ze, t.agree = float32(ez), float32(ze), float32(math.Sqrt(ez*ze))
}

// normalise sets t to c scaled to sum 1 (uniform if c sums to 0).
func normalise(t, c []float64) {
	sum := 0.0
	for _, x := range c {
		sum += x
	}
	for k, x := range c {
		if sum > 0 {
			t[k] = x / sum
		} else {
			t[k] = 1 / float64(len(c))
		}
	}
}

// grow returns s cut or grown to n elements, their values unspecified.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// viterbi fills in the links of each direction for seg k: ez[j] is the
// Chinese word that English word j is linked to, ze[i] the English word
// of Chinese word i; −1 when the null word is likelier or the best link
// holds less than MinPosterior of the word's posterior. Ties go to the
// lower position. ez and ze have the seg's lengths.
func (md *model) viterbi(k int, ez, ze []int32) {
	s := &md.segs[k]
	m, n := len(s.zh), len(s.en)
	// (maxWidth columns more, read as viterbiRow reads them)
	md.vcols = grow(md.vcols, max(n, md.maxEn)+maxWidth)
	cols := md.vcols[:n]
	for j := range ez {
		ez[j] = -1
	}
	for i := range ze {
		ze[i] = -1
	}
	if m == 0 || n == 0 {
		return
	}
	for j, e := range s.en {
		null := s.zNull[j] * md.tNullE[e]
		cols[j] = viterbiCol{best: null, sum: null, link: -1}
	}
	// (viterbiRowNarrow reads the pad of newParams)
	na := viterbiArgs[uint16]{tt: md.t[:cap(md.t)], pairs: s.pairOff, js: s.j, ws: s.w, cols: md.vcols}
	wa := viterbiArgs[int32]{tt: md.t, pairs: s.pair, js: s.j, ws: s.w, cols: md.vcols}
	c := 0
	for i, end := range s.rowEnd {
		z := s.zh[i]
		best := s.eNull[i] * md.tNullZ[z]
		lo := s.lo(i)
		var sum float64
		var j int32
		if md.narrow {
			best, sum, j = viterbiRowNarrow(&na, c, int(end), lo, int(md.zFirst[z]), int32(i), best)
		} else {
			best, sum, j = viterbiRow(&wa, c, int(end), lo, 0, len(md.t), int32(i), best)
		}
		if j >= 0 && !(best < md.opt.MinPosterior*sum) {
			ze[i] = int32(lo) + j
		}
		c = int(end)
	}
	for j := range ez {
		if c := &cols[j]; c.link >= 0 && !(c.best < md.opt.MinPosterior*c.sum) {
			ez[j] = c.link
		}
	}
}

// viterbiArgs are what viterbiRow reads of a seg, handed over by pointer
// as the E-steps' rows' are (rowArgs): the parameters (tt), its cells'
// type pairs (pairs), English words and weights, and viterbi's best links
// of the seg's columns (cols), maxWidth more than the seg's, as rowArgs'
// columns are: viterbiRow reads them as an array from the row's lo.
// row is where viterbiRow keeps the row's best and its column: in
// memory, behind the pointer, the loop reads the best once a cell and
// writes it when beaten; held in registers, the best and its column were
// swapped between registers at every cell by the branch that keeps
// them (five instructions a cell of the 4 M cells decoded at 5k).
type viterbiArgs[P uint16 | int32] struct {
	tt    []params
	pairs []P
	js    []uint16
	ws    []float32
	cols  []viterbiCol
	row   viterbiCol
}

// viterbiCol is what viterbi keeps of a column (English word j): its best
// w·t(e|f), the null word's to start with, the Chinese word that gave it
// (link, −1 for the null word) and the sum of them. One array of them
// rather than three slices (best, sum, link): viterbiRow's loop had more
// slices than registers, and reloaded two of them at every cell.
type viterbiCol struct {
	best, sum float64
	link      int32
}

// viterbiRow is viterbi's work on the cells start to end of v, row i,
// whose band starts at column lo and whose type's pairs are tlo to thi:
// it adds each cell's w·t(e|f) to its column's sum and makes the cell
// its column's link when it beats the column's best; and returns the
// row's best w·t(f|e), their sum and the column of the best, less lo
// (−1 when none beats the null word's, null, which both start from: lo
// is not added in the loop, where it took a register). A function of its
// own, and not inlined, for the reason the E-steps' rows are.
//
//go:noinline
func viterbiRow[P uint16 | int32](v *viterbiArgs[P], start, end, lo, tlo, thi int, i int32, null float64) (float64, float64, int32) {
	tz, pairs := v.tt[tlo:thi], v.pairs[:end]
	js, ws := v.js[:len(pairs)], v.ws[:len(pairs)]
	cols := (*[maxWidth]viterbiCol)(v.cols[lo:])
	r := &v.row
	r.best, r.link = null, -1
	sum := null
	for k := uint(start); k < uint(len(pairs)); k++ {
		j := js[k]
		w := float64(ws[k])
		t := &tz[pairs[k]]
		a, b := w*float64(t.ez), w*float64(t.ze)
		c := &cols[j]
		c.sum += a
		sum += b
		if a > c.best {
			c.best, c.link = a, i
		}
		if b > r.best {
			r.best, r.link = b, int32(j)
		}
	}
	return r.best, sum, r.link
}

// viterbiRowNarrow is viterbiRow for type pairs kept as offsets, read as
// countRowNarrow reads them: v.tt holds maxWidth pairs from tlo on.
//
//go:noinline
func viterbiRowNarrow(v *viterbiArgs[uint16], start, end, lo, tlo int, i int32, null float64) (float64, float64, int32) {
	tz, pairs := (*[maxWidth]params)(v.tt[tlo:]), v.pairs[:end]
	js, ws := v.js[:len(pairs)], v.ws[:len(pairs)]
	cols := (*[maxWidth]viterbiCol)(v.cols[lo:])
	r := &v.row
	r.best, r.link = null, -1
	sum := null
	for k := uint(start); k < uint(len(pairs)); k++ {
		j := js[k]
		w := float64(ws[k])
		t := &tz[pairs[k]]
		a, b := w*float64(t.ez), w*float64(t.ze)
		c := &cols[j]
		c.sum += a
		sum += b
		if a > c.best {
			c.best, c.link = a, i
		}
		if b > r.best {
			r.best, r.link = b, int32(j)
		}
	}
	return r.best, sum, r.link
}
