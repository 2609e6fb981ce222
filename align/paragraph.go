package align

import (
	"math"
	"sort"
	"unicode"

	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// Paragraph bead types with their priors. Political and literary prose keep
// paragraphs mostly 1-1; null beads are the furniture of web pages and the
// omissions the tool exists to find.
var paragraphTypes = []BeadType{
	{1, 1, -math.Log(0.86)},
	{1, 0, -math.Log(0.02)},
	{0, 1, -math.Log(0.03)},
	{1, 2, -math.Log(0.035)},
	{2, 1, -math.Log(0.035)},
	{2, 2, -math.Log(0.004)},
	{1, 3, -math.Log(0.006)},
	{3, 1, -math.Log(0.006)},
}

// Weights of the evidence in the paragraph cost, in nats.
const (
	layoutBonus    = 2.5 // the input's layout pairs exactly these two blocks
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
func ZhUnits(s string) int {
	n, ascii := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			ascii++
		default:
			n++
		}
	}
	return n + (ascii+2)/3
}

func infoOf(b *Block) blockInfo {
	bi := blockInfo{length: Length(b.Text), furniture: b.Kind == KindFurniture}
	if b.Lang == Zh {
		bi.length = ZhUnits(b.Text)
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

	linkedZh, linkedEn map[int]bool // blocks the layout pairs with something
	model              LengthModel
	lex                Similarity

	ignoreLayout bool // score content only (swap detection)

	lx     *lexicon.Lexicon // when lex is the embedded lexicon: blocks are prepared once
	blocks *lexicon.Blocks  // lx's prepared blocks, made on first use

	used []bool // matchNumbers' scratch flags

	last lastBase // the last baseCost
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
	cost         float64
	lex          bool
}

// similarity of zh[i:i+a] and en[j:j+b]. With the embedded lexicon each
// block is tokenized and looked up once and each pair of blocks compared
// once (lexicon.Blocks), so the DP's many candidate beads cost little; the
// result is the same as Similarity on the joined texts.
func (p *paragraphAligner) similarity(i, a, j, b int) float64 {
	if p.lx == nil {
		return p.lex.Similarity(p.text(Zh, i, a), p.text(En, j, b))
	}
	if p.blocks == nil {
		p.blocks = p.lx.NewBlocks(blockTexts(p.doc.Blocks(Zh)), blockTexts(p.doc.Blocks(En)))
	}
	return p.blocks.Similarity(i, a, j, b)
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
	infos := p.zh
	if l == En {
		infos = p.en
	}
	for k := i; k < i+n; k++ {
		length += infos[k].length
	}
	return length
}

// anchors returns the anchor cost (negative is evidence for the bead) and a
// description of the evidence.
func (p *paragraphAligner) anchors(i, j int, t BeadType) (float64, []string) {
	return p.anchorEvidence(i, j, t, true)
}

// anchorCost is anchors without the description, for the DP's inner loop.
func (p *paragraphAligner) anchorCost(i, j int, t BeadType) float64 {
	c, _ := p.anchorEvidence(i, j, t, false)
	return c
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
	if t.Zh == 1 && t.En == 1 && !p.ignoreLayout && p.layout[Link{i, j}] {
		cost -= layoutBonus
		if describe {
			why = append(why, "layout")
		}
	}
	return cost, why
}

// matchNumbers pairs the numbers of zh[i:i+t.Zh] greedily, in order, with
// equal unused numbers of en[j:j+t.En] and returns how many found a match.
// It calls found for each match and stops at limit matches (no limit when
// negative). The used flags live in a buffer kept on p: the DP calls this
// for every candidate bead.
func (p *paragraphAligner) matchNumbers(i, j int, t BeadType, limit int, found func(zn, en numerals.Number)) int {
	nz, ne := 0, 0
	for a := i; a < i+t.Zh; a++ {
		nz += len(p.zh[a].nums)
	}
	for b := j; b < j+t.En; b++ {
		ne += len(p.en[b].nums)
	}
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
	c, lex := p.baseCost(i, j, t)
	if lex {
		c -= lexWeight * p.similarity(i, t.Zh, j, t.En)
	}
	return c
}

// bound is a lower bound of cost without the dictionary similarity, the
// dearest part: the similarity is at most 1. The DP skips a bead whose
// bound already loses (SolveBounded).
func (p *paragraphAligner) bound(i, j int, t BeadType) float64 {
	c, lex := p.baseCost(i, j, t)
	if lex {
		c -= lexWeight
	}
	return c
}

// baseCost is the cost of a bead without its similarity term, and whether
// that term applies. The DP asks for the bound and then the cost of the
// same bead, so the last result is kept.
func (p *paragraphAligner) baseCost(i, j int, t BeadType) (float64, bool) {
	m := &p.last
	if m.ok && m.i == i && m.j == j && m.t == t && m.model == p.model && m.ignoreLayout == p.ignoreLayout {
		return m.cost, m.lex
	}
	c, lex := p.computeBase(i, j, t)
	*m = lastBase{i: i, j: j, t: t, model: p.model, ignoreLayout: p.ignoreLayout, ok: true, cost: c, lex: lex}
	return c, lex
}

func (p *paragraphAligner) computeBase(i, j int, t BeadType) (float64, bool) {
	if c, ok := p.furnitureCost(i, j, t); ok {
		return c, false
	}
	if t.Zh+t.En == 1 && p.unlinked(i, j, t) {
		return unlinkedNull - t.Prior, false
	}
	lz, le := p.span(Zh, i, t.Zh), p.span(En, j, t.En)
	c := p.model.CappedCost(lz, le, lenCap*float64(max(t.Zh, t.En))) + p.interrupted(Zh, i, t.Zh) + p.interrupted(En, j, t.En)
	if t.Zh+t.En == 1 {
		c = math.Min(c, nullCap)
	}
	c += enumMerge * float64(p.innerEnums(Zh, i, t.Zh)+p.innerEnums(En, j, t.En))
	c += p.anchorCost(i, j, t)
	return c, p.lex != nil && t.Zh > 0 && t.En > 0
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
	infos := p.zh
	if l == En {
		infos = p.en
	}
	c := 0
	for k := i + 1; k < i+n; k++ {
		if infos[k].isEnum {
			c++
		}
	}
	return c
}

// unlinkedNull is the whole cost (prior included) of leaving a block
// unpaired when the layout of an interleaved page gives it no neighbour of
// the other language: the page itself says it stands alone (a summary, a
// note, or the survivor of a deleted paragraph).
const unlinkedNull = 1.5

func (p *paragraphAligner) unlinked(i, j int, t BeadType) bool {
	if p.doc.Shape != Interleaved {
		return false
	}
	if t.Zh == 1 {
		return !p.linkedZh[i]
	}
	return !p.linkedEn[j]
}

// interruptPenalty is added for each break in a run of same-language blocks
// of one bead: in an interleaved page, two Chinese paragraphs with an
// English one between them are not one merged translation unit.
const interruptPenalty = 5.0

func (p *paragraphAligner) interrupted(l Lang, i, n int) float64 {
	if p.doc.Shape != Interleaved || n < 2 {
		return 0
	}
	blocks := p.doc.Blocks(l)
	c := 0.0
	for k := i; k+1 < i+n; k++ {
		if blocks[k+1].Seq != blocks[k].Seq+1 {
			c += interruptPenalty
		}
	}
	return c
}

// furnitureCost: page furniture is never paired; alone it costs little
// (the DP adds the type's prior, so the cost given here offsets it).
func (p *paragraphAligner) furnitureCost(i, j int, t BeadType) (float64, bool) {
	nf := 0
	for k := i; k < i+t.Zh; k++ {
		if p.zh[k].furniture {
			nf++
		}
	}
	for k := j; k < j+t.En; k++ {
		if p.en[k].furniture {
			nf++
		}
	}
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
	if nz*ne <= fullDPCells {
		return SolveBounded(nz, ne, paragraphTypes, p.cost, p.bound, nil)
	}
	for w := startBand; ; w *= 2 {
		if w >= max(nz, ne) {
			return SolveBounded(nz, ne, paragraphTypes, p.cost, p.bound, nil)
		}
		band := DiagonalBand(nz, ne, w)
		first := SolveBounded(nz, ne, paragraphTypes, p.cost, p.bound, band)
		if first != nil && !nearEdge(first, band, ne, bandMargin) {
			return SolveBounded(nz, ne, paragraphTypes, p.cost, p.bound, PathBand(nz, ne, first, pathBand))
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

// initialModel guesses the length model before any alignment: the ratio from
// the layout's pairs when there are enough, else from the totals.
func (p *paragraphAligner) initialModel() LengthModel {
	var pairs [][2]int
	for l := range p.layout {
		pairs = append(pairs, [2]int{p.zh[l.Zh].length, p.en[l.En].length})
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a][0] < pairs[b][0] })
	tz, te := 0, 0
	for _, b := range p.zh {
		tz += b.length
	}
	for _, b := range p.en {
		te += b.length
	}
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

// alignParagraphs aligns the blocks of a document.
func alignParagraphs(doc *Document, lex Similarity) *Alignment {
	p := newParagraphAligner(doc, lex)
	path := p.solve()
	// re-estimate the model from the 1-1 beads of the first pass and solve again
	var pairs [][2]int
	for _, c := range path {
		if c.Type.Zh == 1 && c.Type.En == 1 {
			pairs = append(pairs, [2]int{p.zh[c.I].length, p.en[c.J].length})
		}
	}
	if m := EstimateLengthModel(pairs, p.model); m != p.model {
		p.model = m
		path = p.solve()
	}
	return p.alignment(path)
}

func newParagraphAligner(doc *Document, lex Similarity) *paragraphAligner {
	p := &paragraphAligner{doc: doc, layout: map[Link]bool{}, lex: lex}
	p.lx, _ = lex.(*lexicon.Lexicon)
	for _, b := range doc.Zh {
		p.zh = append(p.zh, infoOf(b))
	}
	for _, b := range doc.En {
		p.en = append(p.en, infoOf(b))
	}
	p.linkedZh, p.linkedEn = map[int]bool{}, map[int]bool{}
	for _, l := range doc.Layout {
		p.layout[l] = true
		p.linkedZh[l.Zh], p.linkedEn[l.En] = true, true
	}
	p.model = p.initialModel()
	return p
}

// alignment turns a DP path into the document's alignment.
func (p *paragraphAligner) alignment(path []Cell) *Alignment {
	a := &Alignment{Doc: p.doc, Ratio: p.model.Ratio, Variance: p.model.S2}
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
		b.Layout = c.Type.Zh == 1 && c.Type.En == 1 && p.layout[Link{c.I, c.J}]
		a.Beads = append(a.Beads, b)
	}
	p.markSwaps(a)
	a.index()
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
	p.ignoreLayout = true
	defer func() { p.ignoreLayout = false }()
	one := BeadType{1, 1, 0}
	swapped := func(z0, z1, e0, e1 int) bool {
		cur := p.cost(z0, e0, one) + p.cost(z1, e1, one)
		crossed := p.cost(z0, e1, one) + p.cost(z1, e0, one)
		return crossed+swapMargin < cur
	}
	var out []Bead
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
