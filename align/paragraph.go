package align

import (
	"math"
	"sort"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// Paragraph beads: one block a side (1-1), a block left unpaired (1-0,
// 0-1), two a side (2-2), and one block against several: a translator may
// cut one long paragraph into several (a list run into one Chinese
// paragraph becomes a bulleted English one) or join several into one. The
// shapes' prior probabilities come from shapePriors, estimated per
// document.

// maxSplit is the most blocks a side of a bead type may have when the
// other side has one: enough for the splits translators make of one
// paragraph; a longer run of pieces is found only where the page's layout
// groups it (layoutGroup), so the DP's work per cell stays fixed.
const maxSplit = 8

// shapePriors are the prior probabilities of the bead shapes: 1-1, 1-0,
// 0-1, the splits (one Chinese block against n ≥ 2 English ones: en; the
// reverse: zh) and 2-2. A split's size is geometric: n blocks with
// probability ∝ decay^(n-2), so one rate and one decay give every size its
// prior, beyond the bead types too (a layout group of one against twelve).
type shapePriors struct {
	one, zhNull, enNull, splitZh, splitEn, twoTwo float64
	decay                                         float64
}

// defaultPriors: political and literary prose keep paragraphs mostly 1-1;
// null beads are the furniture of web pages and the omissions the tool
// exists to find. These are the aligner's long-standing priors (1-1 0.86,
// 1-0 0.02, 0-1 0.03, 1-2 0.035, 1-3 0.006, 2-2 0.004), the split family
// being the geometric one through its 1-2 and 1-3 values.
var defaultPriors = func() shapePriors {
	const p12, p13 = 0.035, 0.006
	d := p13 / p12
	return shapePriors{one: 0.86, zhNull: 0.02, enNull: 0.03, splitZh: p12 / (1 - d), splitEn: p12 / (1 - d), twoTwo: 0.004, decay: d}
}()

// cost is the prior cost (nats) of a bead of a Chinese and b English blocks.
func (sp shapePriors) cost(a, b int) float64 {
	switch {
	case a == 1 && b == 1:
		return -math.Log(sp.one)
	case a == 1 && b == 0:
		return -math.Log(sp.zhNull)
	case a == 0 && b == 1:
		return -math.Log(sp.enNull)
	case a == 1:
		return -math.Log(sp.splitEn*(1-sp.decay)) - float64(b-2)*math.Log(sp.decay)
	case b == 1:
		return -math.Log(sp.splitZh*(1-sp.decay)) - float64(a-2)*math.Log(sp.decay)
	}
	return -math.Log(sp.twoTwo)
}

// types lists the paragraph bead types with these priors.
func (sp shapePriors) types() []BeadType {
	ts := []BeadType{{1, 1, 0}, {1, 0, 0}, {0, 1, 0}, {1, 2, 0}, {2, 1, 0}, {2, 2, 0}}
	for n := 3; n <= maxSplit; n++ {
		ts = append(ts, BeadType{1, n, 0}, BeadType{n, 1, 0})
	}
	for k := range ts {
		ts[k].Prior = sp.cost(ts[k].Zh, ts[k].En)
	}
	return ts
}

// paragraphTypes are the bead types with the default priors.
var paragraphTypes = defaultPriors.types()

// priorWeight is the weight, in beads, of the default priors when a
// document's own are estimated (a Beta prior of that strength for the
// split rates, and of that many block events for the decay): a short
// document keeps about the defaults, a long one that splits its
// paragraphs throughout gets priors that expect it.
const priorWeight = 20.0

// estimatePriors re-estimates from the beads of a first pass how often and
// how far this document's translator splits or merges paragraphs: the
// share of split beads of each direction, and the decay from their sizes
// (each split of n blocks is n-2 continuations and one stop), smoothed
// towards the defaults. The other shapes keep their default probabilities,
// scaled to the mass the splits leave: a first pass's null beads and 2-2
// beads are as often stopgaps of a poor first model as real, and feeding
// them back would make the second pass find more of the same. Beads whose
// cost leaves the prior out (furniture, blocks the layout leaves alone)
// are not counted.
func (p *paragraphAligner) estimatePriors(path []Cell) shapePriors {
	d := defaultPriors
	var n, splitZh, splitEn, cont, stop float64
	for _, c := range path {
		a, b := c.Type.Zh, c.Type.En
		if p.zhFurn[c.I+a] > p.zhFurn[c.I] || p.enFurn[c.J+b] > p.enFurn[c.J] || a+b == 1 && p.unlinked(c.I, c.J, c.Type) {
			continue
		}
		n++
		switch {
		case a == 1 && b > 1:
			splitEn++
			cont += float64(b - 2)
			stop++
		case b == 1 && a > 1:
			splitZh++
			cont += float64(a - 2)
			stop++
		}
	}
	est := func(count, def float64) float64 { return (count + priorWeight*def) / (n + priorWeight) }
	e := shapePriors{
		splitZh: est(splitZh, d.splitZh), splitEn: est(splitEn, d.splitEn),
		decay: (cont + priorWeight*d.decay) / (cont + stop + priorWeight),
	}
	if e.splitZh == d.splitZh && e.splitEn == d.splitEn {
		e.one, e.zhNull, e.enNull, e.twoTwo = d.one, d.zhNull, d.enNull, d.twoTwo
		return e
	}
	rest := (1 - e.splitZh - e.splitEn) / (1 - d.splitZh - d.splitEn)
	e.one, e.zhNull, e.enNull, e.twoTwo = d.one*rest, d.zhNull*rest, d.enNull*rest, d.twoTwo*rest
	return e
}

// Weights of the evidence in the paragraph cost, in nats.
const (
	layoutBonus    = 2.5 // the input's layout pairs exactly these blocks (a link or a group)
	enumSame       = 3.0 // both open with the same enumerator value
	enumDiffer     = 4.0 // both open with enumerators of different value
	numberBonus    = 1.2 // per shared number, up to maxNumberAnchor
	maxNumberBonus = 5
	lexWeight      = 14.0 // times the lexical similarity in [0,1]
)

// blockInfo is what the paragraph aligner knows about one block, computed once.
type blockInfo struct {
	length    int
	furniture bool
	nums      []numerals.Number
	enum      numerals.Enumerator
	isEnum    bool
}

// ZhUnits measures a Chinese-side text in Chinese characters: Latin
// letters and digits count a third each, since "COVID-19" or "2035" stand
// for about as much as two or three Han characters. A block of English on
// the Chinese side thus keeps a plausible length.
//
// It is asked of every Chinese block and of the checks' beads, most of
// whose characters are Han: lang.AlnumAndOthers counts them from their
// bytes, without decoding (zhUnitsSlow is the same count rune by rune;
// TestZhUnits).
func ZhUnits(s string) int {
	alnum, others := lang.AlnumAndOthers(s)
	return others + (alnum+2)/3
}

func infoOf(b *Block) blockInfo {
	bi := blockInfo{furniture: b.Kind == KindFurniture}
	if b.Lang == Zh {
		bi.length = ZhUnits(b.Text)
	} else {
		bi.length = Length(b.Text)
	}
	if b.Lang == Zh {
		bi.nums = numerals.Chinese(b.Text)
	} else {
		bi.nums = numerals.English(b.Text)
	}
	bi.enum, bi.isEnum = numerals.Leading(b.Text)
	return bi
}

// paragraphAligner holds the per-document state of the paragraph DP.
type paragraphAligner struct {
	doc    *Document
	zh, en []blockInfo
	layout map[Link]bool
	stop   *stopper // AlignContext's

	// The layout's groups (interleaved pages): groups[zhGroup[i]] holds
	// Chinese block i, or zhGroup[i] is -1; likewise enGroup.
	groups           []layoutGroup
	zhGroup, enGroup []int
	// zhRun[i] numbers the run of consecutive Chinese blocks (in reading
	// order, with no English block or furniture between) that holds block
	// i; likewise enRun. Two blocks of a bead in different runs are
	// interrupted.
	zhRun, enRun []int
	// prefix sums over blocks: length, furniture blocks, enumerator openings
	zhLen, enLen   []int
	zhFurn, enFurn []int
	zhEnum, enEnum []int
	// the numbers before each block, and whether it opens with an
	// enumerator (anchorSum)
	zhAnc, enAnc []anchorSum
	// What the document has at all: page furniture, blocks opening with
	// an enumerator, interleaved runs. baseLowUntil, asked of some 10 M
	// candidate beads on a 5k-pair document, looks the blocks of a bead
	// up in the prefix sums only when the document has any, and adds no
	// interruptions or merged enumerators, which are then 0.
	anyFurn, anyEnums, interleaved bool

	model  LengthModel // (set by setModel, which forgets lastLex)
	priors shapePriors
	// background is the similarity two paragraphs of the document have
	// without being translations of each other (estimateBackground); a
	// bead earns lexical evidence only for what it has above chance.
	background float64
	types      []BeadType // the bead types with priors
	lex        Similarity

	ignoreLayout bool // score content only (swap detection)
	// laysOut is layoutAnchors' answer, set with ignoreLayout
	// (setIgnoreLayout): anchorsOf asks it of some 2 M beads on a 5k-pair
	// document, and the map's length was a load and a test more each.
	laysOut bool

	lx     *lexicon.Lexicon // when lex is the embedded lexicon: blocks are prepared once
	blocks *lexicon.Blocks  // lx's prepared blocks, made on first use

	used []bool // matchNumbers' scratch flags

	last    lastBase // the last baseCost
	tables  dpTables // the DP's, for the next solve
	lastLex lastLex  // the last refine
	null    nullBeads
}

// nullBeads keeps the bound and the cost of the null beads. A 1-0 bead's
// bound and cost depend on its Chinese block alone (its furniture, its
// group in the layout, its length), a 0-1 bead's on its English block,
// yet the DP asks for them in every cell of the block's row or column of
// the band: a hundred times each. They are computed once per block with
// the model in force, by the same functions, so they are the same values.
type nullBeads struct {
	model        LengthModel
	ignoreLayout bool
	zh, en       []nullBead
}

type nullBead struct {
	set       bool
	low, cost float64
}

// nullBead returns the table entry of a null bead (t.Zh+t.En == 1) at
// (i, j), computed on first use since the model last changed.
func (p *paragraphAligner) nullBead(i, j int, t BeadType) *nullBead {
	n := &p.null
	if n.zh == nil || n.model != p.model || n.ignoreLayout != p.ignoreLayout {
		n.model, n.ignoreLayout = p.model, p.ignoreLayout
		if n.zh == nil {
			n.zh, n.en = make([]nullBead, len(p.zh)), make([]nullBead, len(p.en))
		} else {
			clear(n.zh)
			clear(n.en)
		}
	}
	var e *nullBead
	if t.Zh == 1 {
		e = &n.zh[i]
	} else {
		e = &n.en[j]
	}
	if !e.set {
		e.low, _ = p.baseLowOf(i, j, t)
		e.cost, _ = p.baseCost(i, j, t)
		e.set = true
	}
	return e
}

// lastBase remembers one baseCost. Its key holds everything the cost
// depends on that changes during alignment (the model is re-estimated,
// swap detection ignores the layout), so it never needs clearing.
type lastBase struct {
	i, j         int
	t            BeadType
	model        LengthModel
	ignoreLayout bool
	ok           bool // the fields above are set
	parts        baseParts
	measured     bool    // length and numbers are set
	length       float64 // the bead's length cost
	numbers      int     // its matched numbers, capped at maxNumberBonus
}

// baseParts is a bead's cost without its similarity term, in parts (bound
// adds up the same parts without the dear ones: the length model's tail
// function, matching numbers): the length cost, plus interruptions
// (capped at nullCap for a null bead), plus enumerators inside a merge,
// plus the anchors: enum (equal or differing opening enumerators) minus
// the number bonus minus layout, summed in the order they always were. A
// bead with no anchors to weigh (null) has none; furniture and blocks the
// layout leaves alone have a fixed cost.
type baseParts struct {
	fixed        bool
	fixedCost    float64
	limit        float64 // the cap of the length cost
	interZh      float64
	interEn      float64
	null         bool
	merge        float64
	enum, layout float64
	anchored     bool // the anchors apply
	lex          bool // the similarity term applies
}

// cost is the base cost with the given length cost and n matched numbers.
func (b *baseParts) cost(length float64, n int) float64 {
	if b.fixed {
		return b.fixedCost
	}
	c := length + b.interZh + b.interEn
	if b.null {
		c = fmin(c, nullCap)
	}
	c += b.merge
	if !b.anchored {
		return c
	}
	a := b.enum
	a -= numberBonus * float64(n)
	a -= b.layout
	return c + a
}

// similarity of zh[i:i+a] and en[j:j+b]. With the embedded lexicon each
// block is tokenized and looked up once and each pair of blocks compared
// once (lexicon.Blocks), so the DP's many candidate beads cost little; the
// result is the same as Similarity on the joined texts.
func (p *paragraphAligner) similarity(i, a, j, b int) float64 {
	if p.lx == nil {
		return p.lex.Similarity(p.text(Zh, i, a), p.text(En, j, b))
	}
	bl := p.prepared()
	// the DP asks row by row: the pairs of blocks it has left behind by
	// more than two beads' worth are not asked for again in this pass
	bl.Forget(i - 2*maxSplit)
	return bl.Similarity(i, a, j, b)
}

// prepared returns the lexicon's prepared blocks, made on first use. It
// is small enough to be inlined in lexLow, which asks for them some 1.7 M
// times on a 5k-pair document.
func (p *paragraphAligner) prepared() *lexicon.Blocks {
	if p.blocks == nil {
		p.prepare()
	}
	return p.blocks
}

// prepare makes the lexicon's prepared blocks.
func (p *paragraphAligner) prepare() {
	p.blocks = p.lx.NewBlocks(blockTexts(p.doc.Blocks(Zh)), blockTexts(p.doc.Blocks(En)))
}

func blockTexts(blocks []*Block) []string {
	out := make([]string, len(blocks))
	for k, b := range blocks {
		out[k] = b.Text
	}
	return out
}

// Similarity measures how well a Chinese and an English text correspond
// lexically, in [0,1]. The aligner works without one (lengths and anchors
// only) when it is nil.
type Similarity interface {
	Similarity(zh, en string) float64
}

func (p *paragraphAligner) span(l Lang, i, n int) (length int) {
	if l == Zh {
		return p.zhLen[i+n] - p.zhLen[i]
	}
	return p.enLen[i+n] - p.enLen[i]
}

// anchors returns the anchor cost (negative is evidence for the bead) and a
// description of the evidence.
func (p *paragraphAligner) anchors(i, j int, t BeadType) (float64, []string) {
	return p.anchorEvidence(i, j, t, true)
}

func (p *paragraphAligner) anchorEvidence(i, j int, t BeadType, describe bool) (float64, []string) {
	var cost float64
	var why []string
	if t.Zh == 0 || t.En == 0 {
		return 0, nil
	}
	z, e := p.zh[i], p.en[j]
	if z.isEnum && e.isEnum {
		if numerals.Same(z.enum, e.enum) {
			cost -= enumSame
			if describe {
				why = append(why, "enumerator "+z.enum.Text+" = "+e.enum.Text)
			}
		} else {
			cost += enumDiffer
		}
	}
	// the cost needs only the matches up to the cap; a description lists
	// the first six
	limit, found := maxNumberBonus, func(numerals.Number, numerals.Number) {}
	if describe {
		limit, found = -1, func(zn, en numerals.Number) {
			if len(why) < 6 {
				why = append(why, "number "+zn.Text+" = "+en.Text)
			}
		}
	}
	matched := p.matchNumbers(i, j, t, limit, found)
	cost -= numberBonus * float64(min(matched, maxNumberBonus))
	if !p.ignoreLayout && p.laidOut(i, t.Zh, j, t.En) {
		cost -= layoutBonus
		if describe {
			why = append(why, "layout")
		}
	}
	return cost, why
}

// laidOut reports whether the layout pairs exactly zh[i:i+a] with
// en[j:j+b]: a 1-1 link, or one whole group of one block against several.
// A group of several a side (a date line and a name, each translated in
// two lines) says that its blocks belong together, not how they pair.
func (p *paragraphAligner) laidOut(i, a, j, b int) bool {
	if a == 0 || b == 0 || a > 1 && b > 1 {
		return false
	}
	if a == 1 && b == 1 && len(p.layout) > 0 && p.layout[Link{i, j}] {
		return true
	}
	g := p.zhGroup[i]
	return g >= 0 && p.groups[g] == layoutGroup{i, a, j, b}
}

// matchNumbers pairs the numbers of zh[i:i+t.Zh] greedily, in order, with
// equal unused numbers of en[j:j+t.En] and returns how many found a match.
// It calls found for each match and stops at limit matches (no limit when
// negative). The used flags live in a buffer kept on p: the DP calls this
// for every candidate bead.
func (p *paragraphAligner) matchNumbers(i, j int, t BeadType, limit int, found func(zn, en numerals.Number)) int {
	// (the sides' counts from the prefix sums, not a loop over blocks)
	nz, ne := p.zhAnc[i+t.Zh].nums-p.zhAnc[i].nums, int(p.enAnc[j+t.En].nums-p.enAnc[j].nums)
	if nz == 0 || ne == 0 {
		return 0
	}
	if cap(p.used) < ne {
		p.used = make([]bool, ne)
	}
	used := p.used[:ne]
	clear(used)
	matched := 0
	for a := i; a < i+t.Zh; a++ {
		for _, zn := range p.zh[a].nums {
			k := 0
		search:
			for b := j; b < j+t.En; b++ {
				for _, en := range p.en[b].nums {
					if !used[k] && numerals.Equal(zn, en) {
						used[k] = true
						matched++
						found(zn, en)
						if matched == limit {
							return matched
						}
						break search
					}
					k++
				}
			}
		}
	}
	return matched
}

func (p *paragraphAligner) text(l Lang, i, n int) string {
	blocks := p.doc.Blocks(l)
	s := ""
	for k := i; k < i+n; k++ {
		if k > i {
			s += "\n"
		}
		s += blocks[k].Text
	}
	return s
}

// furnitureNull is the whole cost of leaving a furniture block unpaired:
// cheap, since furniture has no counterpart by nature.
const furnitureNull = 0.5

func (p *paragraphAligner) cost(i, j int, t BeadType) float64 {
	p.stop.poll()
	if t.Zh+t.En == 1 {
		return p.nullBead(i, j, t).cost
	}
	c, lex := p.baseCost(i, j, t)
	if lex {
		c += nullCap*p.weakness(i, t.Zh, j, t.En) - lexWeight*(p.similarity(i, t.Zh, j, t.En)-p.chance(t))
	}
	return c
}

// refine is a lower bound of cost between bound and cost (SolveRefined):
// bound with the similarity and the weakness taken from the sums kept
// with each pair of blocks (lexicon.Blocks' SimilarityBound and
// SharesBound) instead of 1 and 0. A split or merged bead is measured in
// full (its words walked, its numbers matched, its length's tail cost
// taken) only where its words might make it win; the pairs of blocks it
// needs are those of its 1-1 neighbours, already at hand. Only with the
// embedded lexicon.
func (p *paragraphAligner) refine(i, j int, t BeadType) float64 {
	r := p.lexLow(i, j, t)
	if !r.lex {
		return r.c
	}
	return r.c + (nullCap*p.weaknessLow(r.bl, i, t.Zh, j, t.En) - lexWeight*(r.sim-p.chance(t)))
}

// refineSim is at most refine: refine without its weakness, a sum over
// the blocks of a split that rarely decides where the similarity did not
// (weaknessLow ≥ 0, and rounding is monotone). The DP asks it first
// (SolveStaged), and refine then finds the rest kept (lexLow).
func (p *paragraphAligner) refineSim(i, j int, t BeadType) float64 {
	r := p.lexLow(i, j, t)
	if !r.lex {
		return r.c
	}
	return r.c + (0 - lexWeight*(r.sim-p.chance(t)))
}

// refined is the DP's refined bounds, refineSim and then refine, as
// passes asks them (a refineTest), in one call: lexLow is asked once, and
// each bound is the same sum as refineSim's and refine's, in the same
// order. (Without the similarity term the two bounds are one value,
// tested once.) The DP's test (tester) asks it of a bead whose bound
// stopped early and still passed; it asks those it added up in full
// the same sums itself.
func (p *paragraphAligner) refined(pi, pj int, t *BeadType, prev, best float64, bt, ti int8) bool {
	r := p.lexLow(pi, pj, *t)
	if !r.lex {
		v := prev + r.c + t.Prior
		return v < best || v == best && ti < bt
	}
	chance := p.chance(*t)
	if v := prev + (r.c + (0 - lexWeight*(r.sim-chance))) + t.Prior; !(v < best || v == best && ti < bt) {
		return false
	}
	v := prev + (r.c + (nullCap*p.weaknessLow(r.bl, pi, t.Zh, pj, t.En) - lexWeight*(r.sim-chance))) + t.Prior
	return v < best || v == best && ti < bt
}

// lastLex is what refine and refineSim share of one bead: its baseLow and
// its SimilarityBound. The baseLow is mostly that of the bead the bound
// last added up in full (baseLowUntil keeps it here), asked by
// pairedUntil and then refined (tester goes on from the bound it added
// up itself). It holds for the model and the layout flag in force
// when it was kept: whatever changes either forgets it (forgetLex),
// rather than each ask comparing them.
type lastLex struct {
	i, j     int
	t        BeadType
	ok       bool
	c        float64
	lex      bool
	measured bool // sim and bl are set
	sim      float64
	bl       *lexicon.Blocks
}

// is reports whether r is kept for the bead t at (i, j).
func (r *lastLex) is(i, j int, t BeadType) bool {
	return r.ok && r.i == i && r.j == j && r.t == t
}

// keep makes r the bead t at (i, j) with baseLow c and lex, not measured.
func (r *lastLex) keep(i, j int, t BeadType, c float64, lex bool) {
	r.i, r.j, r.t, r.ok = i, j, t, true
	r.c, r.lex, r.measured = c, lex, false
}

// forgetLex forgets the last refine's parts: p's model or layout flag
// (ignoreLayout) is changing, which they depend on (lastLex).
func (p *paragraphAligner) forgetLex() { p.lastLex.ok = false }

// setModel puts the model, the shape priors and the background m, sp and
// bg in force.
func (p *paragraphAligner) setModel(m LengthModel, sp shapePriors, bg float64) {
	p.model, p.priors, p.types, p.background = m, sp, sp.types(), bg
	p.forgetLex()
}

// setIgnoreLayout sets ignoreLayout.
func (p *paragraphAligner) setIgnoreLayout(ignore bool) {
	p.ignoreLayout = ignore
	p.setLaysOut()
	p.forgetLex()
}

// lexLow returns the parts of refine of a bead, kept for the last bead.
func (p *paragraphAligner) lexLow(i, j int, t BeadType) *lastLex {
	r := &p.lastLex
	if !r.is(i, j, t) {
		c, lex := p.baseLow(i, j, t)
		r.keep(i, j, t, c, lex)
	}
	if r.lex && !r.measured {
		r.bl = p.prepared()
		r.bl.Forget(i - 2*maxSplit)
		r.sim = r.bl.SimilarityBound(i, t.Zh, j, t.En)
		r.measured = true
	}
	return r
}

// weaknessLow is at most weakness: the same sum, over the blocks of a
// split or merge, with each block's share from SharesBound; 0 for a bead
// of several blocks on both sides.
func (p *paragraphAligner) weaknessLow(bl *lexicon.Blocks, i, a, j, b int) float64 {
	w := 0.0
	switch {
	case a == 1 && b > 1:
		for l := j; l < j+b; l++ {
			if bl.EnItems(l) >= weakMinTokens {
				_, en := bl.SharesBound(i, l)
				w += max(0, 1-en/weakCoverage)
			}
		}
	case b == 1 && a > 1:
		for k := i; k < i+a; k++ {
			if bl.ZhItems(k) >= weakMinTokens {
				zh, _ := bl.SharesBound(k, j)
				w += max(0, 1-zh/weakCoverage)
			}
		}
	}
	return w
}

// weakness adds up, over the blocks of a side of several blocks, how
// little the other side meets each: 1 for a block of weakMinTokens content
// words or more that it does not meet at all, falling to 0 at
// weakCoverage of its words met (as the sentence aligner weighs its
// sentences). The pieces of a split paragraph share words with their
// source; a block that shares none is an omission or an addition beside
// the split, not a piece of it. A fully weak block costs nullCap, what a
// missing block costs by length: the two kinds of evidence weigh alike.
// Only with the embedded lexicon, which keeps the sides apart.
func (p *paragraphAligner) weakness(i, a, j, b int) float64 {
	if p.lx == nil || a < 2 && b < 2 {
		return 0
	}
	bl := p.prepared()
	w := 0.0
	if b > 1 {
		for l := j; l < j+b; l++ {
			if bl.EnItems(l) >= weakMinTokens {
				_, en := bl.Shares(i, a, l, 1)
				w += max(0, 1-en/weakCoverage)
			}
		}
	}
	if a > 1 {
		for k := i; k < i+a; k++ {
			if bl.ZhItems(k) >= weakMinTokens {
				zh, _ := bl.Shares(k, 1, j, b)
				w += max(0, 1-zh/weakCoverage)
			}
		}
	}
	return w
}

// bound is a lower bound of cost without the dearest parts: the
// similarity is at most 1 and the base cost at least baseLow. The DP skips
// a bead whose bound already loses (SolveRefined), so most candidate beads
// are never measured in full.
func (p *paragraphAligner) bound(i, j int, t BeadType) float64 {
	return p.boundUntil(i, j, t, math.Inf(-1), math.Inf(1))
}

// boundUntil is bound, which the DP asks of some 2.4 M paired beads on a
// 5k-pair document and which stops (see the type boundUntil) once a paired
// bead's length, interruptions and merged enumerators, which its anchors
// and words can take nothing off, are above need less the floor.
func (p *paragraphAligner) boundUntil(i, j int, t BeadType, floor, need float64) float64 {
	if t.Zh+t.En == 1 {
		return p.nullBead(i, j, t).low
	}
	return p.pairedUntil(i, j, t, math.NaN(), floor, need)
}

// pairedUntil is boundUntil for a bead of several blocks, all that the
// DP asks it of (tester), without boundUntil's call between:
// baseLowUntil takes the similarity term's least value off itself. part
// is the bead's length, interruptions and merged enumerators as lowRow
// added them up (NaN: not given), which it does not add up again.
func (p *paragraphAligner) pairedUntil(i, j int, t BeadType, part, floor, need float64) float64 {
	if !math.IsNaN(part) {
		c, _ := p.anchoredUntil(i, j, t, part, floor, need, true)
		return c
	}
	c, _ := p.baseLowUntil(i, j, t, floor, need, true)
	return c
}

// lowRow is the lowsFunc of pairedUntil: for the paired beads of type
// p.types[ti] from row pi that lead to cells lo..hi, what baseLowUntil
// returns when it stops at once: the length, interruptions and merged
// enumerators c, the same sum in the same order, plus floor (+Inf for a
// bead with furniture, its cost). The DP asks bound of some 10 M beads
// on a 5k-pair document, 8 M of which it settles there; the Chinese side
// of a row's beads is the same for all of them, and a loop over the row
// adds up the English side without a call each. parts gets c, which
// pairedUntil takes instead of adding it up again (NaN for a bead with
// furniture). Given prevs, it adds them and prior (lowsFunc): in the
// loops of lowMerged and lowMergedConst, which have the sums at hand,
// else once they are set (addStarts). Those two take ceil too: some 40 %
// of the beads they are given on a 5k-pair document are ruled out by it
// before their length terms (lowMerged and lowMergedConst, 750 M
// instructions -> 645 M).
func (p *paragraphAligner) lowRow(pi, ti int, floor float64, lo, hi int, prevs []float64, prior float64, out, parts, ceil []float64) (exact bool) {
	t := p.types[ti]
	a, b := t.Zh, t.En
	if a+b == 1 {
		p.nullRow(pi, t, lo, hi, out)
		addStarts(out, prevs, prior)
		return true
	}
	if a == 0 || b == 0 {
		for k := range out {
			out[k], parts[k] = floor, math.NaN()
		}
		addStarts(out, prevs, prior)
		return false
	}
	i := pi
	if p.anyFurn && p.zhFurn[i+a] > p.zhFurn[i] {
		for k := range out {
			out[k], parts[k] = math.Inf(1), math.NaN()
		}
		addStarts(out, prevs, prior)
		return false
	}
	// The beads' English sides start at lo-b..hi-b and end at lo..hi.
	// The sum, c the length's, then interruptions, then merged
	// enumerators, then the floor, is added up over the row in one loop
	// without interruptions (a loop's variables stay in registers; a term
	// a loop of its own stored and loaded each value again), else term by
	// term (lowSums).
	out = out[:hi-lo+1]
	parts = parts[:len(out)]
	if !p.interleaved && p.anyEnums && b >= 2 && p.model.Ratio > 0 {
		// the common case of a document with enumerators, in one loop
		lowMerged(out, parts, prevs, prior, p.enLen[lo:hi+1], p.enLen[lo-b:hi-b+1], p.enEnum[lo:hi+1], p.enEnum[lo-b+1:hi-b+2], p.model, p.span(Zh, i, a), lenCap*float64(max(a, b)), p.innerEnums(Zh, i, a), floor, ceil)
	} else if !p.interleaved && p.model.Ratio > 0 {
		// (no enumerators: c + floor is (c + 0) + floor, c not being -0)
		merge := 0.0
		if p.anyEnums {
			merge = enumMerge * float64(p.innerEnums(Zh, i, a))
		}
		lowMergedConst(out, parts, prevs, prior, p.enLen[lo:hi+1], p.enLen[lo-b:hi-b+1], p.model, p.span(Zh, i, a), lenCap*float64(max(a, b)), merge, floor, ceil)
	} else {
		p.lowSums(out, parts, i, a, b, lo, hi, floor)
		addStarts(out, prevs, prior)
	}
	if p.anyFurn {
		ends, starts := p.enFurn[lo:hi+1], p.enFurn[lo-b:hi-b+1]
		ends = ends[:len(out)]
		starts = starts[:len(out)]
		for k := range out {
			if ends[k] > starts[k] {
				out[k], parts[k] = math.Inf(1), math.NaN()
				if prevs != nil {
					out[k] = prevs[k] + out[k] + prior
				}
			}
		}
	}
	return false
}

// lowSums is lowRow's sum for the beads of blocks i..i+a-1 with English
// sides of b blocks ending at lo..hi, term by term, and its parts.
func (p *paragraphAligner) lowSums(out, parts []float64, i, a, b, lo, hi int, floor float64) {
	lowLengths(out, p.enLen[lo:hi+1], p.enLen[lo-b:hi-b+1], p.model, p.span(Zh, i, a), lenCap*float64(max(a, b)))
	if p.interleaved {
		interZh := p.interrupted(Zh, i, a)
		for k := range out {
			out[k] += interZh + p.interrupted(En, lo+k-b, b)
		}
	}
	// (merged enumerators and the floor in one loop: (c + merge) + floor)
	parts = parts[:len(out)]
	switch innerZh := p.innerEnums(Zh, i, a); {
	case !p.anyEnums:
		for k := range out {
			parts[k] = out[k]
			out[k] += floor
		}
	case b < 2:
		merge := enumMerge * float64(innerZh)
		for k := range out {
			c := out[k] + merge
			out[k], parts[k] = c+floor, c
		}
	default:
		// innerEnums(En, j-b, b): those of the blocks after the first
		ends, seconds := p.enEnum[lo:hi+1], p.enEnum[lo-b+1:hi-b+2]
		ends = ends[:len(out)]
		seconds = seconds[:len(out)]
		for k := range out {
			c := out[k] + enumMerge*float64(innerZh+ends[k]-seconds[k])
			out[k], parts[k] = c+floor, c
		}
	}
}

// lowMerged is lowSums without interruptions, with a positive ratio and
// English sides of two blocks or more, in one loop: the length term as
// lowLengths has it, then the merged enumerators (innerZh of the Chinese
// side, those of the English blocks after the first from the prefix
// sums ends and seconds) and the floor, the same operations in the same
// order, and the sum before the floor in parts. Most of a document's
// paired beads of several English blocks are summed here, some 10 M on a
// 5k-pair document, each stored and loaded again between the terms
// before. Given prevs, it adds them and prior to out (lowsFunc) in the
// same loop; given ceil too, a bead whose prevs plus floor plus prior is
// above ceil is set to +Inf before its terms are worked out (lowsFunc):
// they add at least +0 to the floor (a length term of a positive ratio
// and variance, merged enumerators counted), so its sum, were it added
// up, would be above ceil as well, or NaN.
func lowMerged(out, parts, prevs []float64, prior float64, ends, starts, enumEnds, seconds []int, m LengthModel, lz int, limit float64, innerZh int, floor float64, ceil []float64) {
	rlz := m.Ratio * float64(lz)
	parts = parts[:len(out)]
	ends = ends[:len(out)]
	starts = starts[:len(out)]
	enumEnds = enumEnds[:len(out)]
	seconds = seconds[:len(out)]
	r, s2, shrink, em := m.Ratio, m.S2, lowShrink, loopEnumMerge
	if prevs == nil {
		for k := range out {
			sq := lowSq(float64(ends[k]-starts[k]), rlz, r, s2, shrink)
			c := fmin(sq, limit) + em*float64(innerZh+enumEnds[k]-seconds[k])
			out[k], parts[k] = c+floor, c
		}
		return
	}
	prevs = prevs[:len(out)]
	if ceil != nil {
		ceil = ceil[:len(out)]
		for k := range out {
			if prevs[k]+floor+prior > ceil[k] {
				out[k] = math.Inf(1)
				continue
			}
			sq := lowSq(float64(ends[k]-starts[k]), rlz, r, s2, shrink)
			c := fmin(sq, limit) + em*float64(innerZh+enumEnds[k]-seconds[k])
			out[k], parts[k] = prevs[k]+(c+floor)+prior, c
		}
		return
	}
	for k := range out {
		sq := lowSq(float64(ends[k]-starts[k]), rlz, r, s2, shrink)
		c := fmin(sq, limit) + em*float64(innerZh+enumEnds[k]-seconds[k])
		out[k], parts[k] = prevs[k]+(c+floor)+prior, c
	}
}

// lowMergedConst is lowMerged for English sides of one block, or a
// document without enumerators: the merged enumerators are merge for
// every bead (at least +0: ceil rules beads out as in lowMerged).
func lowMergedConst(out, parts, prevs []float64, prior float64, ends, starts []int, m LengthModel, lz int, limit, merge, floor float64, ceil []float64) {
	rlz := m.Ratio * float64(lz)
	parts = parts[:len(out)]
	ends = ends[:len(out)]
	starts = starts[:len(out)]
	r, s2, shrink := m.Ratio, m.S2, lowShrink
	if prevs == nil {
		for k := range out {
			sq := lowSq(float64(ends[k]-starts[k]), rlz, r, s2, shrink)
			c := fmin(sq, limit) + merge
			out[k], parts[k] = c+floor, c
		}
		return
	}
	prevs = prevs[:len(out)]
	if ceil != nil {
		ceil = ceil[:len(out)]
		for k := range out {
			if prevs[k]+floor+prior > ceil[k] {
				out[k] = math.Inf(1)
				continue
			}
			sq := lowSq(float64(ends[k]-starts[k]), rlz, r, s2, shrink)
			c := fmin(sq, limit) + merge
			out[k], parts[k] = prevs[k]+(c+floor)+prior, c
		}
		return
	}
	for k := range out {
		sq := lowSq(float64(ends[k]-starts[k]), rlz, r, s2, shrink)
		c := fmin(sq, limit) + merge
		out[k], parts[k] = prevs[k]+(c+floor)+prior, c
	}
}

// nullRow is lowRow for the null beads: their costs, as cost gives them
// (nullBead), which the DP asked for in every cell of the band, some 5 M
// times on a 5k-pair document, each with a call and a poll. It polls
// once for the row.
func (p *paragraphAligner) nullRow(pi int, t BeadType, lo, hi int, out []float64) {
	p.stop.poll()
	if t.Zh == 1 {
		// a 1-0 bead's cost is its Chinese block's
		c := p.nullBead(pi, 0, t).cost
		for k := range out {
			out[k] = c
		}
		return
	}
	p.nullBead(pi, lo-1, t) // the table, for the model in force
	beads := p.null.en[lo-1 : hi]
	for k := range out {
		if e := &beads[k]; e.set {
			out[k] = e.cost
		} else {
			out[k] = p.nullBead(pi, lo-1+k, t).cost
		}
	}
}

// lowLengths sets out[k] to the length term of baseLowUntil for a
// Chinese side of length lz and English sides of lengths ends[k] -
// starts[k] with the cap limit.
func lowLengths(out []float64, ends, starts []int, m LengthModel, lz int, limit float64) {
	rlz := m.Ratio * float64(lz)
	ends = ends[:len(out)]
	starts = starts[:len(out)]
	if !(m.Ratio > 0) {
		for k := range out {
			out[k] = fmin(m.lowSquareFrom(rlz, ends[k]-starts[k]), limit)
		}
		return
	}
	// lowSquareFrom, its test of the ratio taken out of the loop
	r, s2, shrink := m.Ratio, m.S2, lowShrink
	for k := range out {
		sq := lowSq(float64(ends[k]-starts[k]), rlz, r, s2, shrink)
		out[k] = fmin(sq, limit)
	}
}

// floorMargin lowers floors against the rounding of the sums in
// baseLowOf and bound, which it exceeds by far.
const floorMargin = 1e-6

// floors returns, for each bead type, a floor of bound: what bound would
// be with no length cost, no interruption and no merged enumerator, and
// every anchor the document could offer (the same opening enumerators,
// as many matching numbers as count, the layout's pairing). A null bead
// has none (-Inf): its bound is a table lookup.
func (p *paragraphAligner) floors() []float64 {
	anchors := 0.0
	if p.zhEnum[len(p.zh)] > 0 && p.enEnum[len(p.en)] > 0 {
		anchors += enumSame
	}
	if p.zhAnc[len(p.zh)].nums > 0 && p.enAnc[len(p.en)].nums > 0 {
		anchors += numberBonus * maxNumberBonus
	}
	if p.layoutAnchors() {
		anchors += layoutBonus
	}
	out := make([]float64, len(p.types))
	for k, t := range p.types {
		if t.Zh == 0 || t.En == 0 {
			out[k] = math.Inf(-1)
			continue
		}
		out[k] = p.floorOf(t, anchors)
	}
	return out
}

// layoutAnchors reports whether the page's layout may pair beads.
func (p *paragraphAligner) layoutAnchors() bool { return p.laysOut }

// setLaysOut works out layoutAnchors' answer, laysOut, for the layout
// and ignoreLayout in force.
func (p *paragraphAligner) setLaysOut() {
	p.laysOut = !p.ignoreLayout && (len(p.layout) > 0 || len(p.groups) > 0)
}

// floorOf is the floor of bound for a paired bead of type t whose anchors
// can take off at most anchors: that and the whole similarity term.
func (p *paragraphAligner) floorOf(t BeadType, anchors float64) float64 {
	f := -anchors
	if p.lex != nil {
		f -= lexWeight * (1 - p.chance(t))
	}
	return f - floorMargin
}

// rowFloors refines floor, the floors of the bead types, row by row: a
// bead's anchors can take off no more than the blocks of its Chinese
// side offer (an opening enumerator on its first block, the numbers of
// its blocks), and most rows of a document offer few. A row of Chinese
// furniture keeps the type's floor: its paired beads cost +Inf anyway.
func (p *paragraphAligner) rowFloors(floor []float64) floorFunc {
	enEnums := p.enEnum[len(p.en)] > 0
	enNums := p.enAnc[len(p.en)].nums > 0
	layout := p.layoutAnchors()
	return func(pi, ti int) float64 {
		t := p.types[ti]
		a := t.Zh
		if t.Zh == 0 || t.En == 0 || pi+a > len(p.zh) || p.zhFurn[pi+a] > p.zhFurn[pi] {
			return floor[ti]
		}
		// the anchors as floors adds them up, those of this row only
		anchors := 0.0
		if enEnums && p.zhEnum[pi+1] > p.zhEnum[pi] {
			anchors += enumSame
		}
		if enNums {
			anchors += numberBonus * float64(min(p.zhAnc[pi+a].nums-p.zhAnc[pi].nums, maxNumberBonus))
		}
		if layout && (t.Zh == 1 || t.En == 1) {
			anchors += layoutBonus
		}
		return max(floor[ti], p.floorOf(t, anchors))
	}
}

// baseLow is baseLowOf, taken from the null beads' table for a null bead.
func (p *paragraphAligner) baseLow(i, j int, t BeadType) (float64, bool) {
	if t.Zh+t.En == 1 {
		return p.nullBead(i, j, t).low, false
	}
	return p.baseLowOf(i, j, t)
}

// baseLowOf is a lower bound of baseCost, and whether the similarity term
// applies: at most as many numbers match as the side with fewer has, and
// the length cost is at least z² (LengthModel.lowSquare). It is asked of
// every candidate bead, so it adds up the parts of baseParts.cost itself,
// in the same order, without keeping them.
func (p *paragraphAligner) baseLowOf(i, j int, t BeadType) (float64, bool) {
	return p.baseLowUntil(i, j, t, math.Inf(-1), math.Inf(1), false)
}

// baseLowUntil is baseLowOf for boundUntil: for a paired bead whose
// length, interruptions and merged enumerators c are above need-floor, it
// returns c+floor, without the similarity term, and leaves the anchors
// out. floor is at most what the anchors and the similarity term can add
// (paragraphAligner.floors), so c+floor is at most the bound. With
// least, the value of a bead the similarity term applies to has the
// term's least value taken off (the bound's).
func (p *paragraphAligner) baseLowUntil(i, j int, t BeadType, floor, need float64, least bool) (float64, bool) {
	a, b := t.Zh, t.En
	if p.anyFurn && (p.zhFurn[i+a] > p.zhFurn[i] || p.enFurn[j+b] > p.enFurn[j]) || a+b == 1 && p.unlinked(i, j, t) {
		return p.parts(i, j, t).fixedCost, false
	}
	// (c is never -0, so adding the +0 of a document without
	// interruptions or enumerators changes no bit: they are left out)
	c := fmin(p.model.lowSquare(p.span(Zh, i, a), p.span(En, j, b)), lenCap*float64(max(a, b)))
	if p.interleaved {
		c += p.interrupted(Zh, i, a) + p.interrupted(En, j, b)
	}
	if a+b == 1 {
		c = fmin(c, nullCap)
	}
	if p.anyEnums {
		c += enumMerge * float64(p.innerEnums(Zh, i, a)+p.innerEnums(En, j, b))
	}
	if a == 0 || b == 0 {
		return c, false
	}
	return p.anchoredUntil(i, j, t, c, floor, need, least)
}

// anchoredUntil is baseLowUntil of a paired bead with neither furniture
// nor a block the layout leaves alone, from c, its length, interruptions
// and merged enumerators added up.
func (p *paragraphAligner) anchoredUntil(i, j int, t BeadType, c, floor, need float64, least bool) (float64, bool) {
	a, b := t.Zh, t.En
	if c+floor > need {
		return c + floor, false
	}
	// added up in full: baseLow's value, which lexLow asks next if the
	// bead passes
	lex := p.lex != nil
	c += p.anchorsOf(i, j, a, b)
	p.lastLex.keep(i, j, t, c, lex)
	if least && lex {
		c -= lexWeight * (1 - p.chance(t))
	}
	return c, lex
}

// anchorSum is a block's entry in the prefix sums of the anchors: the
// numbers of the blocks before it, and whether it opens with an
// enumerator. The anchors of some 2 M beads on a 5k-pair document
// (tester, anchorsOf) find what a side needs in the two entries read
// for its numbers, where two prefix sums more were read for the
// enumerators, each with its range check (those tell the same: block i
// opens with one when zhEnum[i+1] != zhEnum[i]). (opens comes first so
// that tester compares it at the entry's own address, which the compiler
// works out for it anyway, rather than at one more address worked out
// from it: tester.func1 268.8 M -> 264.3 M instructions on a 5k-pair
// document.)
type anchorSum struct {
	opens bool
	nums  int32
}

// anchorSums are the prefix sums of the anchors of the blocks infos.
func anchorSums(infos []blockInfo) []anchorSum {
	out := make([]anchorSum, len(infos)+1)
	for k, b := range infos {
		out[k].opens = b.isEnum
		out[k+1].nums = out[k].nums + int32(len(b.nums))
	}
	return out
}

// numbersOff is what a paired bead's numbers take off its anchors, nz and
// ne those of its sides: nothing unless both sides have some. (+0 taken
// off leaves any sum as it was, to the bit, -0 and NaN too.)
func numbersOff(nz, ne int32) float64 {
	if nz > 0 && ne > 0 {
		return numberBonus * float64(min(nz, ne, maxNumberBonus))
	}
	return 0
}

// anchorsOf is what the anchors of a paired bead zh[i:i+a], en[j:j+b]
// add to its baseLow (anchoredUntil): the opening enumerators' cost less
// the numbers that may match and the layout.
func (p *paragraphAligner) anchorsOf(i, j, a, b int) float64 {
	zi, ej := p.zhAnc[i], p.enAnc[j]
	nz, ne := p.zhAnc[i+a].nums-zi.nums, p.enAnc[j+b].nums-ej.nums
	// (enumAnchor, its test written out here)
	an := 0.0
	if zi.opens && ej.opens {
		an = p.enumsAnchor(i, j)
	}
	// The layout is tested only of a page with a layout: one without
	// links no blocks (laidOut).
	an -= numbersOff(nz, ne)
	if p.layoutAnchors() && p.laidOut(i, a, j, b) {
		an -= layoutBonus
	}
	return an
}

// tester is the DP's beadTest: pairedUntil, then refined, asked as
// stagedTest asks them, in one call. A bead whose bound is added up in
// full (most of those the DP asks it of, some 2 M on a 5k-pair document)
// goes on to the refined bounds from the baseLow at hand, the value
// lexLow would find kept (lastLex), without keeping it or a second call;
// one whose bound stopped early and still passes (need is only a hint)
// is asked refined itself. The same sums, in the same order, as
// pairedUntil's and refined's (checkParagraphBounds compares them).
// (tester is kept out of line: inlined in solve, its closure was copied
// there without the calls it makes inlined, some 60 M instructions more
// on a 5k-pair document.)
//
// The beads whose test needs a call before their bound is added up (no
// part given, part and floor above need, enumerators at their start, a
// page with a layout: few) are tested by a call of their own that the
// closure returns (testPart, testBase). The closure stored all its
// arguments on entry for those calls, which every bead paid; now only
// what the refined bounds' calls need is stored, and only by the beads
// that get there. (tester.func1 60.7 M -> 57.7 M instructions on a
// 1k-pair document; a call for the refined bounds as well cost more,
// 64.6 M with it.)
//
//go:noinline
func (p *paragraphAligner) tester() beadTest {
	return func(pi, pj int, t *BeadType, part, floor, prev, best float64, bt, ti int8, refine bool) bool {
		need := best - prev - t.Prior
		if part != part { // (not given: NaN)
			return p.testPart(pi, pj, t, part, floor, need, prev, best, bt, ti, refine)
		}
		if part+floor > need {
			return p.testPart(pi, pj, t, part, floor, need, prev, best, bt, ti, refine)
		}
		// anchoredUntil's sum, and baseLow's before the similarity
		// term's least value is taken off. A bead that opens with
		// no enumerator on some side, on a page without a layout
		// (most of them), has only its numbers, which anchorsOf
		// would take off 0 as here: the same sum, without its call
		// (some 50 instructions a bead).
		// (The numbers are read before the enumerators are tested, so
		// that the anchors' slices need no registers past them: with
		// them held, the closure spilled two of its arguments a bead.)
		za, ea := p.zhAnc, p.enAnc
		nz := za[pi+t.Zh].nums - za[pi].nums
		ne := ea[pj+t.En].nums - ea[pj].nums
		if za[pi].opens && ea[pj].opens || p.laysOut {
			return p.testBase(pi, pj, t, part, prev, best, bt, ti, refine)
		}
		an := 0.0
		an -= numbersOff(nz, ne)
		base := part + an
		low := base
		// (the chance term, worked out once: p.lex is not nil with p.lx)
		chance := 0.0
		if p.lex != nil {
			chance = p.chance(*t)
			low -= lexWeight * (1 - chance)
		}
		if v := prev + low + t.Prior; !(v < best || v == best && ti < bt) {
			return false
		}
		// (refined is asked only with the embedded lexicon: solve)
		if !refine || p.lx == nil {
			return true
		}
		// (refineFull, written out)
		bl := p.prepared()
		bl.Forget(pi - 2*maxSplit)
		sim := bl.SimilarityBound(pi, t.Zh, pj, t.En)
		if v := prev + (base + (0 - lexWeight*(sim-chance))) + t.Prior; !(v < best || v == best && ti < bt) {
			return false
		}
		v := prev + (base + (nullCap*p.weaknessLow(bl, pi, t.Zh, pj, t.En) - lexWeight*(sim-chance))) + t.Prior
		return v < best || v == best && ti < bt
	}
}

// testPart is tester's test of a bead whose bound it does not add up in
// full: part not given (NaN), or part plus floor above need, the bound
// then stopping there (pairedUntil's value), and the refined bounds asked
// of it by refined.
func (p *paragraphAligner) testPart(pi, pj int, t *BeadType, part, floor, need, prev, best float64, bt, ti int8, refine bool) bool {
	var low float64
	if part != part {
		low = p.pairedUntil(pi, pj, *t, part, floor, need)
	} else {
		low = part + floor
	}
	if v := prev + low + t.Prior; !(v < best || v == best && ti < bt) {
		return false
	}
	if !refine || p.lx == nil {
		return true
	}
	return p.refined(pi, pj, t, prev, best, bt, ti)
}

// testBase is tester's test of a bead whose bound it adds up in full from
// part and the bead's anchors (anchoredUntil's sum, base), with the
// refined bounds from it (refineFull).
func (p *paragraphAligner) testBase(pi, pj int, t *BeadType, part, prev, best float64, bt, ti int8, refine bool) bool {
	base := part + p.anchorsOf(pi, pj, t.Zh, t.En)
	low := base
	if p.lex != nil {
		low -= lexWeight * (1 - p.chance(*t))
	}
	if v := prev + low + t.Prior; !(v < best || v == best && ti < bt) {
		return false
	}
	if !refine || p.lx == nil {
		return true
	}
	return p.refineFull(pi, pj, t, base, prev, best, bt, ti)
}

// refineFull is refined for a bead whose baseLow, base, the test has at
// hand: lexLow's parts (p.lex is not nil with p.lx), without keeping them.
func (p *paragraphAligner) refineFull(pi, pj int, t *BeadType, base, prev, best float64, bt, ti int8) bool {
	bl := p.prepared()
	bl.Forget(pi - 2*maxSplit)
	sim := bl.SimilarityBound(pi, t.Zh, pj, t.En)
	chance := p.chance(*t)
	if v := prev + (base + (0 - lexWeight*(sim-chance))) + t.Prior; !(v < best || v == best && ti < bt) {
		return false
	}
	v := prev + (base + (nullCap*p.weaknessLow(bl, pi, t.Zh, pj, t.En) - lexWeight*(sim-chance))) + t.Prior
	return v < best || v == best && ti < bt
}

// baseCost is the cost of a bead without its similarity term, and whether
// that term applies. The DP asks for the bound and then the cost of the
// same bead, so the last bead's parts are kept.
func (p *paragraphAligner) baseCost(i, j int, t BeadType) (float64, bool) {
	b := p.parts(i, j, t)
	if b.fixed {
		return b.fixedCost, false
	}
	m := &p.last
	if !m.measured {
		m.length = p.model.CappedCost(p.span(Zh, i, t.Zh), p.span(En, j, t.En), b.limit)
		if b.anchored {
			m.numbers = min(p.matchNumbers(i, j, t, maxNumberBonus, func(numerals.Number, numerals.Number) {}), maxNumberBonus)
		}
		m.measured = true
	}
	return b.cost(m.length, m.numbers), b.lex
}

// parts returns the parts of a bead's base cost, kept for the last bead.
func (p *paragraphAligner) parts(i, j int, t BeadType) *baseParts {
	m := &p.last
	if !(m.ok && m.i == i && m.j == j && m.t == t && m.model == p.model && m.ignoreLayout == p.ignoreLayout) {
		m.i, m.j, m.t, m.model, m.ignoreLayout, m.ok, m.measured = i, j, t, p.model, p.ignoreLayout, true, false
		p.computeBase(&m.parts, i, j, t)
	}
	return &m.parts
}

func (p *paragraphAligner) computeBase(b *baseParts, i, j int, t BeadType) {
	*b = baseParts{}
	if c, ok := p.furnitureCost(i, j, t); ok {
		b.fixed, b.fixedCost = true, c
		return
	}
	if t.Zh+t.En == 1 && p.unlinked(i, j, t) {
		b.fixed, b.fixedCost = true, unlinkedNull-t.Prior
		return
	}
	b.limit = lenCap * float64(max(t.Zh, t.En))
	b.interZh, b.interEn = p.interrupted(Zh, i, t.Zh), p.interrupted(En, j, t.En)
	b.null = t.Zh+t.En == 1
	b.merge = enumMerge * float64(p.innerEnums(Zh, i, t.Zh)+p.innerEnums(En, j, t.En))
	b.lex = p.lex != nil && t.Zh > 0 && t.En > 0
	if t.Zh == 0 || t.En == 0 {
		return
	}
	b.anchored = true
	b.enum = p.enumAnchor(i, j)
	if !p.ignoreLayout && p.laidOut(i, t.Zh, j, t.En) {
		b.layout = layoutBonus
	}
}

// enumAnchor is the anchor cost of the opening enumerators of zh[i] and
// en[j]: -enumSame when equal, enumDiffer when they differ, else 0.
func (p *paragraphAligner) enumAnchor(i, j int) float64 {
	// (the prefix sums say whether a block opens with one without
	// touching its blockInfo, which the DP would load for every bead)
	if p.zhEnum[i+1] == p.zhEnum[i] || p.enEnum[j+1] == p.enEnum[j] {
		return 0
	}
	return p.enumsAnchor(i, j)
}

// enumsAnchor is enumAnchor of two blocks that open with enumerators.
func (p *paragraphAligner) enumsAnchor(i, j int) float64 {
	z, e := &p.zh[i], &p.en[j]
	if z.isEnum && e.isEnum {
		if numerals.Same(z.enum, e.enum) {
			return -enumSame
		}
		return enumDiffer
	}
	return 0
}

// lenCap caps the length cost of a 1-1 bead: a paragraph cut in half or
// padded is an outlier the length model cannot weigh (deviations of long
// paragraphs grow with their length, faster than Gale–Church assumes), so
// beyond this the content evidence decides, and the length check reports it.
// A bead of n blocks on a side is capped at n × lenCap: a merge whose
// lengths do not fit is not a merge, and a low cap let a long omission be
// spread over many 3-1 beads instead of being left unpaired.
const lenCap = 8.0

// nullCap caps the length cost of an unpaired block. Gale–Church charges a
// missing paragraph as a 100 % length deviation, which makes merging it into
// a neighbour always cheaper than leaving it out; omission detection needs
// the opposite.
const nullCap = 4.0

// enumMerge is charged for each block inside a merged bead (not the first)
// that opens with its own enumerator: numbered items start new units, and
// translators rarely merge them.
const enumMerge = 3.0

func (p *paragraphAligner) innerEnums(l Lang, i, n int) int {
	if n < 2 {
		return 0
	}
	pre := p.zhEnum
	if l == En {
		pre = p.enEnum
	}
	return pre[i+n] - pre[i+1]
}

// unlinkedNull is the whole cost (prior included) of leaving a block
// unpaired when the layout of an interleaved page puts it in no group with
// the other language (text before the first group or after the last): the
// page itself says it stands alone (a summary, a note, credits).
const unlinkedNull = 1.5

func (p *paragraphAligner) unlinked(i, j int, t BeadType) bool {
	if p.doc.Shape != Interleaved || len(p.groups) == 0 {
		return false
	}
	if t.Zh == 1 {
		return p.zhGroup[i] < 0
	}
	return p.enGroup[j] < 0
}

// interruptPenalty is added for each break in a run of same-language blocks
// of one bead: in an interleaved page, two Chinese paragraphs with an
// English one between them are not one merged translation unit.
const interruptPenalty = 5.0

func (p *paragraphAligner) interrupted(l Lang, i, n int) float64 {
	if n < 2 || p.doc.Shape != Interleaved {
		return 0
	}
	run := p.zhRun
	if l == En {
		run = p.enRun
	}
	return interruptPenalty * float64(run[i+n-1]-run[i])
}

// furnitureCost: page furniture is never paired; alone it costs little
// (the DP adds the type's prior, so the cost given here offsets it).
func (p *paragraphAligner) furnitureCost(i, j int, t BeadType) (float64, bool) {
	nf := p.zhFurn[i+t.Zh] - p.zhFurn[i] + p.enFurn[j+t.En] - p.enFurn[j]
	switch {
	case nf == 0:
		return 0, false
	case nf == 1 && t.Zh+t.En == 1:
		return furnitureNull - t.Prior, true
	}
	return math.Inf(1), true
}

// The paragraph DP runs the full matrix for documents of up to
// fullDPCells cells (400 × 400 blocks). Beyond that it runs in a band along
// the length-proportional diagonal, startBand blocks either side, doubled
// while the best path runs within bandMargin of the band's edge (a long
// omission pulls the path off the diagonal); then once more in a band of
// pathBand blocks around that path. Time and memory are thus proportional
// to the number of blocks times the band width, never to their product,
// unless the document really drifts that far.
const (
	fullDPCells = 160_000
	startBand   = 64
	bandMargin  = 8
	pathBand    = 30
)

func (p *paragraphAligner) solve() []Cell {
	nz, ne := len(p.zh), len(p.en)
	extra := p.groupBeads()
	test := p.tester()
	floor := p.rowFloors(p.floors())
	// the DP in a band (nil: the full matrix), all else as for every band
	solveIn := func(band *Band) []Cell {
		return solveTested(nz, ne, p.types, extra, p.cost, test, floor, p.lowRow, band, &p.tables)
	}
	if nz*ne <= fullDPCells {
		return solveIn(nil)
	}
	for w := startBand; ; w *= 2 {
		if w >= max(nz, ne) {
			return solveIn(nil)
		}
		band := DiagonalBand(nz, ne, w)
		first := solveIn(band)
		if first != nil && !nearEdge(first, band, ne, bandMargin) {
			around := PathBand(nz, ne, first, pathBand)
			if band.Holds(around) {
				// the best path within a band inside the first, which
				// holds that path, is that path: same beads, same ties
				return first
			}
			return solveIn(around)
		}
	}
}

// nearEdge reports whether a path comes within margin of a side of the
// band that is not the matrix's own edge: the best path may lie outside.
func nearEdge(path []Cell, b *Band, nEn, margin int) bool {
	for _, c := range path {
		for _, ij := range [2][2]int{{c.I, c.J}, {c.I + c.Type.Zh, c.J + c.Type.En}} {
			i, j := ij[0], ij[1]
			if (b.Lo[i] > 0 && j-b.Lo[i] < margin) || (b.Hi[i] < nEn && b.Hi[i]-j < margin) {
				return true
			}
		}
	}
	return false
}

// initialModel guesses the length model before any alignment: the ratio
// from the layout's groups when there are enough (a group's blocks taken
// together, as a bead of the group would be measured), else from the totals.
func (p *paragraphAligner) initialModel() LengthModel {
	var pairs [][2]int
	for _, g := range p.groups {
		if p.zhFurn[g.zh+g.nz] > p.zhFurn[g.zh] || p.enFurn[g.en+g.ne] > p.enFurn[g.en] {
			continue
		}
		pairs = append(pairs, [2]int{p.span(Zh, g.zh, g.nz), p.span(En, g.en, g.ne)})
	}
	tz, te := p.zhLen[len(p.zh)], p.enLen[len(p.en)]
	ratio := 4.0
	if tz > 0 && te > 0 {
		ratio = float64(te) / float64(tz)
	}
	// a 30 % deviation from the ratio at a typical paragraph length is δ = 2
	typical := 200.0
	if n := len(p.zh); n > 0 {
		typical = max(20, float64(tz)/float64(n))
	}
	fb := LengthModel{Ratio: ratio, S2: ratio * 0.09 * typical / 4}
	if len(pairs) >= 3 {
		return EstimateLengthModel(pairs, fb)
	}
	return fb
}

// chance is the similarity a bead reaches by chance: the background for
// each correspondence it asserts. A 2-2 bead asserts two (the two pairs it
// stands for, in some order), as two 1-1 beads do; a paragraph with its
// split translation asserts one, as does the paragraph paired with one
// piece and the others left alone. So only pairing versus leaving alone
// moves, never one way of pairing against another.
func (p *paragraphAligner) chance(t BeadType) float64 {
	return p.background * float64(min(t.Zh, t.En))
}

// estimateBackground measures the similarity of paragraphs that are not
// translations of each other: the median, over the paired beads of a first
// pass, of the similarity of a bead's Chinese with the English of the
// paired bead two further on. A document on one subject (a report on
// national security) shares its vocabulary throughout, so that a fragment
// of one paragraph's translation meets a quarter of any other paragraph;
// counted from zero, that chance agreement paid for pairing a paragraph
// with no translation with a stray piece of its neighbour's. Zero when
// the pass has fewer than five paired beads, or without a lexicon.
func (p *paragraphAligner) estimateBackground(path []Cell) float64 {
	if p.lex == nil {
		return 0
	}
	paired := make([]Cell, 0, countPaired(path))
	for _, c := range path {
		if c.Type.Zh > 0 && c.Type.En > 0 {
			paired = append(paired, c)
		}
	}
	if len(paired) < 5 {
		return 0
	}
	sims := make([]float64, 0, len(paired)-2)
	for k := 0; k+2 < len(paired); k++ {
		z, e := paired[k], paired[k+2]
		sims = append(sims, p.similarity(z.I, z.Type.Zh, e.J, e.Type.En))
	}
	sort.Float64s(sims)
	return sims[len(sims)/2]
}

// countPaired is the number of beads of path with both sides: the slices
// of them are made at their length, not grown from empty through every
// doubling (the copies and fresh pages of the discarded arrays cost more
// than the count).
func countPaired(path []Cell) int {
	n := 0
	for _, c := range path {
		if c.Type.Zh > 0 && c.Type.En > 0 {
			n++
		}
	}
	return n
}

// alignParagraphs aligns the blocks of a document.
func alignParagraphs(doc *Document, lex Similarity, stop *stopper) *Alignment {
	p := newParagraphAligner(doc, lex)
	p.stop = stop
	path := p.solve()
	// re-estimate the length model from the paired beads of the first pass
	// (each measured as a whole, as its cost measures it) and the shape
	// priors from their shapes, and solve again
	pairs := make([][2]int, 0, countPaired(path))
	for _, c := range path {
		if c.Type.Zh > 0 && c.Type.En > 0 {
			pairs = append(pairs, [2]int{p.span(Zh, c.I, c.Type.Zh), p.span(En, c.J, c.Type.En)})
		}
	}
	m, sp, bg := EstimateLengthModel(pairs, p.model), p.estimatePriors(path), p.estimateBackground(path)
	if m != p.model || sp != p.priors || bg != p.background {
		p.setModel(m, sp, bg)
		path = p.solve()
	}
	return p.alignment(path)
}

func newParagraphAligner(doc *Document, lex Similarity) *paragraphAligner {
	p := &paragraphAligner{doc: doc, layout: map[Link]bool{}, lex: lex}
	p.lx, _ = lex.(*lexicon.Lexicon)
	// (made at their length: a blockInfo is large, and growing the slices
	// copied and discarded twice what they hold)
	p.zh, p.en = make([]blockInfo, 0, len(doc.Zh)), make([]blockInfo, 0, len(doc.En))
	for _, b := range doc.Zh {
		p.zh = append(p.zh, infoOf(b))
	}
	for _, b := range doc.En {
		p.en = append(p.en, infoOf(b))
	}
	p.zhLen, p.zhFurn, p.zhEnum = prefixSums(p.zh)
	p.enLen, p.enFurn, p.enEnum = prefixSums(p.en)
	p.zhAnc, p.enAnc = anchorSums(p.zh), anchorSums(p.en)
	p.anyFurn = p.zhFurn[len(p.zh)] > 0 || p.enFurn[len(p.en)] > 0
	p.anyEnums = p.zhEnum[len(p.zh)] > 0 || p.enEnum[len(p.en)] > 0
	p.interleaved = doc.Shape == Interleaved
	for _, l := range doc.Layout {
		p.layout[l] = true
	}
	p.layoutGroups()
	p.setLaysOut()
	p.model = p.initialModel()
	p.priors, p.types = defaultPriors, paragraphTypes
	return p
}

func prefixSums(infos []blockInfo) (length, furniture, enums []int) {
	length, furniture, enums = make([]int, len(infos)+1), make([]int, len(infos)+1), make([]int, len(infos)+1)
	for k, b := range infos {
		length[k+1] = length[k] + b.length
		furniture[k+1], enums[k+1] = furniture[k], enums[k]
		if b.furniture {
			furniture[k+1]++
		}
		if b.isEnum {
			enums[k+1]++
		}
	}
	return length, furniture, enums
}

// layoutGroup is a run of blocks of the language an interleaved page puts
// first followed by the run of blocks of the other language after it:
// Chinese blocks zh..zh+nz-1 with English blocks en..en+ne-1. A page that
// alternates paragraph by paragraph has groups of one block a side; one
// that follows a Chinese paragraph with the several English paragraphs it
// became has a group of one and several. Like a link, a group is evidence
// the aligner weighs, never the alignment itself.
type layoutGroup struct{ zh, nz, en, ne int }

// layoutGroups finds the runs of same-language blocks of an interleaved
// page and the groups they form, in the order the page's links follow
// (Chinese or English first). Blocks in neither language do not interrupt
// a run; page furniture ends one and starts no group: a block cut off from
// the other language by navigation or share buttons stands alone.
func (p *paragraphAligner) layoutGroups() {
	doc := p.doc
	p.zhGroup, p.enGroup = make([]int, len(doc.Zh)), make([]int, len(doc.En))
	p.zhRun, p.enRun = make([]int, len(doc.Zh)), make([]int, len(doc.En))
	for k := range p.zhGroup {
		p.zhGroup[k] = -1
	}
	for k := range p.enGroup {
		p.enGroup[k] = -1
	}
	if doc.Shape != Interleaved {
		return
	}
	type run struct {
		lang      Lang
		from, to  int
		furniture bool // a run of furniture, of either language
	}
	var runs []run
	i, j := 0, 0
	nr := [2]int{-1, -1} // runs so far per language
	for i < len(doc.Zh) || j < len(doc.En) {
		l, k := Zh, i
		if i == len(doc.Zh) || j < len(doc.En) && doc.En[j].Seq < doc.Zh[i].Seq {
			l, k = En, j
		}
		blk := doc.Blocks(l)[k]
		last := len(runs) - 1
		switch {
		case blk.Kind == KindFurniture:
			if last < 0 || !runs[last].furniture {
				runs = append(runs, run{furniture: true})
			}
		case last < 0 || runs[last].furniture || runs[last].lang != l:
			nr[l]++
			runs = append(runs, run{lang: l, from: k, to: k + 1})
		default:
			runs[last].to = k + 1
		}
		if l == Zh {
			p.zhRun[i] = nr[Zh]
			i++
		} else {
			p.enRun[j] = nr[En]
			j++
		}
	}
	if len(doc.Layout) == 0 {
		return // no order to read the groups in
	}
	l0 := doc.Layout[0]
	first := Zh
	if doc.En[l0.En].Seq < doc.Zh[l0.Zh].Seq {
		first = En
	}
	for r := 0; r+1 < len(runs); r++ {
		if runs[r].furniture || runs[r+1].furniture || runs[r].lang != first || runs[r+1].lang == first {
			continue
		}
		z, e := runs[r], runs[r+1]
		if first == En {
			z, e = e, z
		}
		g := len(p.groups)
		p.groups = append(p.groups, layoutGroup{z.from, z.to - z.from, e.from, e.to - e.from})
		for k := z.from; k < z.to; k++ {
			p.zhGroup[k] = g
		}
		for k := e.from; k < e.to; k++ {
			p.enGroup[k] = g
		}
	}
}

// maxGroupBead bounds the blocks of a layout group offered as one bead
// beyond the bead types (SolveExtra): a page laid out in two blocks (all
// Chinese, then all English) is one group, and no bead.
const maxGroupBead = 64

// groupBeads are the layout's groups of one block against more than
// maxSplit (one Chinese paragraph followed by the twelve English ones it
// became), offered to the DP as candidate beads of their own.
func (p *paragraphAligner) groupBeads() []Cell {
	var out []Cell
	for _, g := range p.groups {
		if min(g.nz, g.ne) == 1 && max(g.nz, g.ne) > maxSplit && g.nz+g.ne <= maxGroupBead {
			out = append(out, Cell{I: g.zh, J: g.en, Type: BeadType{g.nz, g.ne, p.priors.cost(g.nz, g.ne)}})
		}
	}
	return out
}

// alignment turns a DP path into the document's alignment.
func (p *paragraphAligner) alignment(path []Cell) *Alignment {
	a := &Alignment{Doc: p.doc, Ratio: p.model.Ratio, Variance: p.model.S2}
	if len(path) > 0 {
		a.Beads = make([]Bead, 0, len(path)) // a bead a cell
	}
	for _, c := range path {
		b := Bead{SwappedWith: -1}
		for k := 0; k < c.Type.Zh; k++ {
			b.Zh = append(b.Zh, c.I+k)
		}
		for k := 0; k < c.Type.En; k++ {
			b.En = append(b.En, c.J+k)
		}
		p.rescore(&b)
		b.Cost = c.Cost
		b.Layout = p.laidOut(c.I, c.Type.Zh, c.J, c.Type.En)
		a.Beads = append(a.Beads, b)
	}
	p.markSwaps(a)
	a.index()
	// The block numbers go with the alignment, for the sentence aligner,
	// which would otherwise read every one-sentence block again.
	for l, infos := range [2][]blockInfo{p.zh, p.en} {
		nums := make([][]numerals.Number, len(infos))
		for k := range infos {
			nums[k] = infos[k].nums
		}
		a.nums[l] = nums
	}
	return a
}

// swapMargin is how much better (nats) the crossed pairing of two
// neighbouring 1-1 beads must be to call them swapped.
const swapMargin = 6.0

// markSwaps flags neighbouring 1-1 beads whose crossed pairing fits clearly
// better on content: a monotone aligner cannot cross, so a swapped pair
// shows up as two poor beads whose contents fit each other's partner, or as
// one 2-2 bead; such a 2-2 bead is split into its two straight pairs.
func (p *paragraphAligner) markSwaps(a *Alignment) {
	p.setIgnoreLayout(true)
	defer p.setIgnoreLayout(false)
	one := BeadType{1, 1, 0}
	swapped := func(z0, z1, e0, e1 int) bool {
		cur := p.cost(z0, e0, one) + p.cost(z1, e1, one)
		crossed := p.cost(z0, e1, one) + p.cost(z1, e0, one)
		return crossed+swapMargin < cur
	}
	// Each 2-2 bead may become two, so the beads are at most n: made
	// with that room, the slice of a long document's beads is not grown
	// from empty.
	n := len(a.Beads)
	for _, x := range a.Beads {
		if len(x.Zh) == 2 && len(x.En) == 2 {
			n++
		}
	}
	var out []Bead
	if n > 0 {
		out = make([]Bead, 0, n)
	}
	for k := 0; k < len(a.Beads); k++ {
		x := a.Beads[k]
		if len(x.Zh) == 2 && len(x.En) == 2 && swapped(x.Zh[0], x.Zh[1], x.En[0], x.En[1]) {
			for n := 0; n < 2; n++ {
				b := x
				b.Zh, b.En = []int{x.Zh[n]}, []int{x.En[n]}
				b.SwappedWith = len(out) + 1 - 2*n
				p.rescore(&b)
				out = append(out, b)
			}
			continue
		}
		if k+1 < len(a.Beads) {
			y := a.Beads[k+1]
			if len(x.Zh) == 1 && len(x.En) == 1 && len(y.Zh) == 1 && len(y.En) == 1 && swapped(x.Zh[0], y.Zh[0], x.En[0], y.En[0]) {
				x.SwappedWith, y.SwappedWith = len(out)+1, len(out)
				out = append(out, x, y)
				k++
				continue
			}
		}
		out = append(out, x)
	}
	a.Beads = out
}

// rescore fills the evidence fields of a bead made outside the DP.
func (p *paragraphAligner) rescore(b *Bead) {
	t := BeadType{len(b.Zh), len(b.En), 0}
	i, j := 0, 0
	if t.Zh > 0 {
		i = b.Zh[0]
	}
	if t.En > 0 {
		j = b.En[0]
	}
	lz, le := p.span(Zh, i, t.Zh), p.span(En, j, t.En)
	b.LenDelta = p.model.Delta(lz, le)
	_, b.Anchors = p.anchors(i, j, t)
	b.Cost = p.cost(i, j, t)
	b.Lex = -1
	if p.lex != nil && t.Zh > 0 && t.En > 0 {
		b.Lex = round3(p.similarity(i, t.Zh, j, t.En))
	}
	b.Score = beadScore(b, p.model.Prob(lz, le))
}

// beadScore is a confidence in [0,1] for reports: the length model's tail
// probability, the lexical similarity and the anchors, blended.
func beadScore(b *Bead, lenProb float64) float64 {
	if len(b.Zh) == 0 || len(b.En) == 0 {
		return 0
	}
	anchor := math.Min(1, float64(len(b.Anchors))/3)
	var s float64
	if b.Lex >= 0 {
		s = 0.4*lenProb + 0.4*math.Min(1, b.Lex/0.4) + 0.2*anchor
	} else {
		s = 0.7*lenProb + 0.3*anchor
	}
	return math.Round(s*1000) / 1000
}
