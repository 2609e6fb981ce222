package align

import (
	"math"
	"slices"
	"sort"

	"github.com/aligncheck/aligncheck/align/numerals"
)

// The sentence aligner: a monotone dynamic programme over sentence beads.
// sentence_feat.go computes what is known of each sentence once (length,
// flags, numbers, words and their match keys), sim.go the lexical
// similarity of candidate beads from per-pair bit sets, sentence_dp.go the
// programme itself.

// Sentence bead types inside a paragraph bead, with priors from the bead
// counts of literary zh→en gold (MAC-Dev), smoothed. English splits one
// Chinese sentence into two to four far more often than it merges two; 2-2
// and 2-3 are the crossing shapes of free translation. Null beads get their
// cost from nullCost: they are omissions and additions, reported as
// findings, so the aligner makes one only on strong evidence.
var sentenceTypes = []BeadType{
	{1, 1, -math.Log(0.62)},
	{1, 2, -math.Log(0.21)},
	{1, 3, -math.Log(0.055)},
	{2, 1, -math.Log(0.05)},
	{1, 4, -math.Log(0.022)},
	{2, 2, -math.Log(0.019)},
	{2, 3, -math.Log(0.009)},
	{3, 1, -math.Log(0.004)},
	{3, 2, -math.Log(0.003)},
	{4, 1, -math.Log(0.001)},
	{1, 5, -math.Log(0.003)},
	{2, 4, -math.Log(0.0015)},
	{1, 0, 0},
	{0, 1, 0},
}

// Weights of the sentence cost, in nats (the unit of the length cost),
// tuned on MAC-Dev and the non-literary and Champollion sets (never on
// MAC-Test).
const (
	sentLexWeight = 20.0 // times the lexical similarity in [0,1]
	nullCost      = 6.5  // a sentence left without counterpart
	flagAgree     = 1.5  // ? ! or quotes on both sides of a bead
	flagDisagree  = 1.5  // on one side only
	sentNumBonus  = 1.5  // per number equal on both sides, up to 3
	sentNumMiss   = 0.5  // per number found on one side only, up to 3
	weakPenalty   = 2.0  // per sentence of a bead that its other side does not meet
	absorbMargin  = 1.0  // a null bead cheaper than joining a neighbour by less is joined
)

// NullThreshold is the NullConf from which a null bead counts as strong
// evidence of an omission or addition (SentBead.Null).
const NullThreshold = 0.5

// SentenceBead is a bead of AlignSentences: consecutive Chinese sentences
// with consecutive English sentences, by index into the two input slices.
// Either side may be empty.
type SentenceBead struct {
	Zh, En []int

	Cost  float64 // DP cost of the bead in nats, prior included
	Score float64 // 0..1 confidence that the two sides correspond (0 for a null bead)
	Lex   float64 // lexical similarity 0..1; -1 when not measured

	// NullConf is, for a bead with one side empty, the confidence in [0,1]
	// that the sentence really has no counterpart: it grows with the margin
	// by which the aligner preferred leaving it alone to joining it to the
	// neighbouring bead. 0 on other beads.
	NullConf float64
}

// AlignSentences aligns two lists of sentences, Chinese and English, that
// translate each other in order (the sentences of a paragraph bead, or two
// pre-split files). It returns beads in order, covering every sentence of
// both lists exactly once, each side of a bead consecutive: up to four
// sentences on one side (1-1 to 1-4, 2-1 to 4-1, 2-2, 2-3, 3-2), and null
// beads (1-0, 0-1) where a sentence has no counterpart — made only on
// strong evidence, with NullConf saying how strong. A single sentence
// facing more than four on the other side makes one bead.
//
// The cost of a bead is its type's prior, plus the Gale–Church length cost
// (ratio and variance estimated from the two texts themselves), minus λ
// times the lexical similarity when opt.Lex is a Glosser (dictionary
// glosses met in both directions, weighted by rarity in the text, plus word
// pairs learned from a first alignment of the same text), minus anchors
// (equal numbers, agreeing question and exclamation marks and quotation
// marks), plus a penalty for a sentence glued into a bead whose other side
// does not meet it. Long texts are searched in a band (see fullMatrixCells),
// so time and memory grow linearly with the number of sentences.
func AlignSentences(zh, en []string, opt Options) []SentenceBead {
	return alignSentenceTexts(zh, en, opt, LengthModel{})
}

func alignSentenceTexts(zh, en []string, opt Options, hint LengthModel) []SentenceBead {
	return alignSentenceTextsReusing(zh, en, nil, nil, opt, hint, nil)
}

// alignSentenceTextsReusing is alignSentenceTexts building its vocabulary
// in spare (sentFeaturesReusing), which it no longer needs on return, and
// taking the numbers of the sentences read already from zn and en (nil
// when none are).
func alignSentenceTextsReusing(zh, en []string, zn, enn []readNums, opt Options, hint LengthModel, spare *docVocab) []SentenceBead {
	if len(zh) == 0 || len(en) == 0 {
		var out []SentenceBead
		// nothing to align with: every sentence is certainly alone
		for i := range zh {
			out = append(out, SentenceBead{Zh: []int{i}, Lex: -1, NullConf: 1})
		}
		for j := range en {
			out = append(out, SentenceBead{En: []int{j}, Lex: -1, NullConf: 1})
		}
		return out
	}
	gl, _ := opt.Lex.(Glosser)
	zf, ef, vocab := sentFeaturesReusing(zh, en, zn, enn, gl, spare)
	s := newSentAligner(zf, ef, vocab, hint)
	s.stop = opt.stop
	oneByMany := (len(zh) == 1 && len(en) > 4) || (len(en) == 1 && len(zh) > 4)
	oneEach := len(zh) == 1 && len(en) == 1 && hint.Ratio > 0
	if oneByMany || oneEach {
		// one sentence rendered by many: the bead types cannot cover it
		// without null beads. One sentence a side in a paragraph bead
		// (hint: aligning inside paragraphs): whether the two correspond
		// the paragraph aligner has weighed already; split for their
		// lengths alone, a sentence explained at length in the translation
		// became an omission and an addition, where the length check is
		// the one to judge the lengths against the document's norm.
		c := Cell{Type: BeadType{Zh: len(zh), En: len(en)}}
		if oneEach && s.lex {
			// the one pair's similarity, without a pair table for it
			return []SentenceBead{s.scoredBead(c, round3(pairSim11(&zf[0], &ef[0], len(vocab.enTypes))))}
		}
		if s.lex {
			s.table = newPairTable(zf, ef, nil, 0, len(vocab.enTypes))
		}
		return []SentenceBead{s.bead(c)}
	}
	return s.run()
}

// run aligns the sentences: a first pass, then a second with what the first
// taught about this text — its length variance, and the word pairs it
// translates consistently — and the weak null beads joined to neighbours.
func (s *sentAligner) run() []SentenceBead {
	path := s.solve()
	again := s.adaptVariance(path)
	if s.vocab != nil && s.vocab.learn(s.zh, s.en, path) {
		s.vocab.rekey(s.zh, s.en)
		s.table = nil
		again = true
	}
	if again {
		path = s.resolve(path)
	}
	path = s.absorbWeakNulls(path)
	out := make([]SentenceBead, len(path))
	for k, c := range path {
		out[k] = s.bead(c)
		if c.Type.Zh == 0 || c.Type.En == 0 {
			out[k].NullConf = s.nullConfidence(path, k)
		}
	}
	return out
}

// sentAligner holds the per-text state of the sentence DP.
type sentAligner struct {
	zh, en     []sentFeat
	zpre, epre []int // prefix sums of lengths
	vocab      *docVocab
	lex        bool
	model      LengthModel
	table      *pairTable
	types      []BeadType
	work       int // bead costs the DP evaluated or pruned, for tests of scaling
	stop       *stopper
}

func newSentAligner(zh, en []sentFeat, vocab *docVocab, hint LengthModel) *sentAligner {
	s := &sentAligner{zh: zh, en: en, vocab: vocab, lex: vocab != nil, types: sentenceTypes}
	s.zpre = make([]int, len(zh)+1)
	for i, f := range zh {
		s.zpre[i+1] = s.zpre[i] + f.length
	}
	s.epre = make([]int, len(en)+1)
	for j, f := range en {
		s.epre[j+1] = s.epre[j] + f.length
	}
	s.model = hint
	if s.model.Ratio <= 0 {
		s.model.Ratio = 4
		if tz, te := s.zpre[len(zh)], s.epre[len(en)]; tz > 0 && te > 0 {
			s.model.Ratio = float64(te) / float64(tz)
		}
	}
	if s.model.S2 <= 0 {
		// until the text's own variance is known (adaptVariance): an
		// English sentence varies by about a third around its expected
		// length at a typical 20 Chinese characters
		s.model.S2 = 2 * s.model.Ratio * s.model.Ratio
	}
	return s
}

func (s *sentAligner) lengths(i, a, j, b int) (int, int) {
	return s.zpre[i+a] - s.zpre[i], s.epre[j+b] - s.epre[j]
}

// cost is the cost of the bead zh[i:i+t.Zh], en[j:j+t.En] without its prior.
func (s *sentAligner) cost(i, j int, t BeadType) float64 {
	if t.Zh == 0 || t.En == 0 {
		return nullCost
	}
	lz, le := s.lengths(i, t.Zh, j, t.En)
	c := fastTailCost(s.model.Delta(lz, le))
	if s.lex {
		sim, weak := s.table.simWeak(i, t.Zh, j, t.En)
		c += weakPenalty*weak - sentLexWeight*sim
	}
	return c + s.anchors(i, t.Zh, j, t.En)
}

// anchors is the anchor cost of a bead: negative when structural evidence
// agrees across it.
func (s *sentAligner) anchors(i, a, j, b int) float64 {
	var zf, ef uint8
	nz, ne := 0, 0
	for k := i; k < i+a; k++ {
		zf |= s.zh[k].flags
		nz += len(s.zh[k].nums)
	}
	for k := j; k < j+b; k++ {
		ef |= s.en[k].flags
		ne += len(s.en[k].nums)
	}
	c := flagCosts[zf&flagsAll][ef&flagsAll]
	if nz > 0 || ne > 0 {
		m := 0
		if nz > 0 && ne > 0 {
			m = s.matchNumbers(i, a, j, b)
		}
		c -= sentNumBonus * float64(min(m, 3))
		c += sentNumMiss * float64(min(nz+ne-2*m, 3))
	}
	return c
}

// flagsAll are the bits of the sentence flags.
const flagsAll = flagQuestion | flagExclaim | flagQuote

// flagCosts[zf][ef] is what the flags zf of a bead's Chinese side and ef
// of its English side add to its cost: a table of the sum anchors added
// up flag by flag for every bead, made by that sum, so that the values
// are the same to the bit.
var flagCosts = func() (t [flagsAll + 1][flagsAll + 1]float64) {
	for zf := range t {
		for ef := range t[zf] {
			t[zf][ef] = flagCost(uint8(zf), uint8(ef))
		}
	}
	return t
}()

// flagCost is the cost the flags zf and ef add to a bead: for each flag,
// a reward when both sides have it, a cost when one side has it.
func flagCost(zf, ef uint8) float64 {
	var c float64
	for f := uint8(1); f <= flagQuote; f <<= 1 {
		switch {
		case zf&ef&f != 0:
			c -= flagAgree
		case (zf|ef)&f != 0:
			c += flagDisagree
		}
	}
	return c
}

func (s *sentAligner) matchNumbers(i, a, j, b int) int {
	var used [16]bool
	m := 0
	for k := i; k < i+a; k++ {
		for _, zn := range s.zh[k].nums {
			u := 0
			for l := j; l < j+b; l++ {
				for _, en := range s.en[l].nums {
					if u < len(used) && !used[u] && numerals.Equal(zn, en) {
						used[u] = true
						m++
						goto next
					}
					u++
				}
			}
		next:
		}
	}
	return m
}

// Search. A text of up to fullMatrixCells sentence pairs is solved over
// the whole matrix. A longer one is solved in a band: first a coarse pass
// (the common bead types only) within ±minBandWidth sentences of the
// diagonal along which both texts' cumulative lengths advance at the same
// rate, then all bead types within ±fineBandWidth of the coarse path.
// A banded solution is accepted only when it keeps edgeMargin sentences
// clear of the band's edges; when it runs along an edge (the translation
// drifts from where the band expected it) the band is centred on the path
// found and the text solved again, at most maxRecentre times before the
// whole matrix is used. The work is O(n·w) — near linear — for any text
// that drifts less than the band allows between re-centrings, and a text
// that drifts more pays for the re-centring, never for a cut-off path.
//
// The whole matrix is a fallback only up to fullFallbackCells: a paragraph
// of one sentence repeated thousands of times has no best path (every
// placement of its extra sentences costs the same), so the band never
// settles, and the whole matrix of 9,752 × 7,013 sentences took 73 s and
// 3.4 GB. Past that size the last banded path is taken: a path of the
// same cost model, the best inside a band centred where the one before
// ended.
var fullMatrixCells = 20000 // a variable so that tests can force either search

// fullFallbackCells bounds the whole-matrix search after a band failed to
// settle: 2^20 cells, about 10 MB of DP tables and pair table, a tenth of a
// second.
var fullFallbackCells = 1 << 20

const (
	minBandWidth  = 40
	fineBandWidth = 16
	edgeMargin    = 5
	maxRecentre   = 4
)

func (s *sentAligner) lengthBand(w int) *Band {
	nz, ne := len(s.zh), len(s.en)
	tz, te := float64(s.zpre[nz]), float64(s.epre[ne])
	b := &Band{Lo: make([]int, nz+1), Hi: make([]int, nz+1)}
	j := 0
	for i := 0; i <= nz; i++ {
		var c int
		if tz <= 0 || te <= 0 {
			c = int(math.Round(float64(i) * float64(ne) / float64(max(1, nz))))
		} else {
			target := float64(s.zpre[i]) / tz * te
			for j < ne && float64(s.epre[j+1]) <= target {
				j++
			}
			c = j
			if j < ne && target-float64(s.epre[j]) > float64(s.epre[j+1])-target {
				c = j + 1
			}
		}
		b.Lo[i] = max(0, c-w)
		b.Hi[i] = min(ne, c+w)
	}
	b.fix(ne)
	return b
}

// touchesEdge reports whether a path runs within edgeMargin of a band edge
// that is not the matrix border.
func touchesEdge(path []Cell, b *Band, ne int) bool {
	near := func(i, j int) bool {
		return (b.Lo[i] > 0 && j-b.Lo[i] < edgeMargin) || (b.Hi[i] < ne && b.Hi[i]-j < edgeMargin)
	}
	for _, c := range path {
		if near(c.I, c.J) {
			return true
		}
	}
	return false
}

func (s *sentAligner) solveIn(band *Band, types []BeadType, coarse bool) []Cell {
	if s.lex && !s.table.covers(band) {
		s.table = newPairTable(s.zh, s.en, band, 4, len(s.vocab.enTypes))
	}
	return s.dp(types, band, coarse)
}

// coarseTypes are the bead types of the coarse pass over long texts: enough
// to follow the path, a third of the work of all types.
var coarseTypes = func() []BeadType {
	var ts []BeadType
	for _, t := range sentenceTypes {
		if t.Zh+t.En <= 3 {
			ts = append(ts, t)
		}
	}
	return ts
}()

func (s *sentAligner) solve() []Cell {
	nz, ne := len(s.zh), len(s.en)
	if nz*ne <= fullMatrixCells {
		return s.solveIn(nil, s.types, false)
	}
	path, settled := s.bandedSolve(s.lengthBand(minBandWidth), minBandWidth, coarseTypes, true)
	if !settled && s.fullAffordable() {
		return s.solveIn(nil, s.types, false)
	}
	return s.refine(path)
}

// refine solves with all bead types near a path.
func (s *sentAligner) refine(prev []Cell) []Cell {
	nz, ne := len(s.zh), len(s.en)
	path, settled := s.bandedSolve(PathBand(nz, ne, prev, fineBandWidth), fineBandWidth, s.types, false)
	if !settled && s.fullAffordable() {
		return s.solveIn(nil, s.types, false)
	}
	return path
}

// fullAffordable reports whether the whole matrix may be searched when a
// band did not settle.
func (s *sentAligner) fullAffordable() bool {
	return len(s.zh)*len(s.en) <= max(fullMatrixCells, fullFallbackCells)
}

// resolve solves again after the costs changed, near a previous path.
func (s *sentAligner) resolve(prev []Cell) []Cell {
	nz, ne := len(s.zh), len(s.en)
	if nz*ne <= fullMatrixCells {
		return s.solveIn(nil, s.types, false)
	}
	return s.refine(prev)
}

// bandedSolve solves in a band; while the path runs along an edge of the
// band (the translation drifts from where the band expected it), it centres
// the band on the path found and solves again. It returns the last path
// found, and whether it settled clear of the band's edges. A band always
// holds a path (Band.fix; the null beads connect any two cells of it).
func (s *sentAligner) bandedSolve(band *Band, w int, types []BeadType, coarse bool) (path []Cell, settled bool) {
	nz, ne := len(s.zh), len(s.en)
	for range maxRecentre {
		p := s.solveIn(band, types, coarse)
		if p == nil {
			break
		}
		path = p
		if !touchesEdge(path, band, ne) {
			return path, true
		}
		band = PathBand(nz, ne, path, w)
	}
	if path == nil {
		// not reached: fix guarantees a path and types hold the null
		// beads. Should it happen, one bead for the whole text is an
		// answer of bounded cost where the whole matrix is not.
		path = []Cell{{Type: BeadType{Zh: nz, En: ne}}}
	}
	return path, false
}

// tailTable holds tailCost at steps of 1/tailStep of |δ| up to tailMax, so
// that the DP's innermost loop interpolates instead of calling erfc and log.
const (
	tailStep = 64
	tailMax  = 40
)

var tailTable = func() []float64 {
	t := make([]float64, tailMax*tailStep+2)
	for k := range t {
		t[k] = tailCost(float64(k) / tailStep)
	}
	return t
}()

func fastTailCost(delta float64) float64 {
	x := math.Abs(delta) * tailStep
	if x >= tailMax*tailStep {
		return tailCost(delta)
	}
	k := int(x)
	f := x - float64(k)
	return tailTable[k]*(1-f) + tailTable[k+1]*f
}

// adaptVariance re-estimates the length variance from the 1-1 beads of a
// first alignment of the text — their median squared residual, scaled to
// the variance of a normal, within bounds — and reports whether it changed
// enough to solve again.
func (s *sentAligner) adaptVariance(path []Cell) bool {
	r := s.model.Ratio
	var d []float64
	for _, c := range path {
		if c.Type.Zh == 1 && c.Type.En == 1 {
			lz, le := float64(s.zh[c.I].length), float64(s.en[c.J].length)
			if m := (lz + le/r) / 2; m > 0 {
				d = append(d, (le-r*lz)*(le-r*lz)/m)
			}
		}
	}
	if len(d) < 20 {
		return false
	}
	sort.Float64s(d)
	// the median of a χ²(1) variable is 0.455
	s2 := min(max(d[len(d)/2]/0.455, r*r*minVarRatio), r*r*maxVarRatio)
	if math.Abs(s2-s.model.S2) <= 0.05*s.model.S2 {
		return false
	}
	s.model.S2 = s2
	return true
}

// Bounds of the estimated variance, times the squared ratio.
const (
	minVarRatio = 1.0
	maxVarRatio = 8.0
)

// bead turns a cell of the DP into a bead with its scores.
func (s *sentAligner) bead(c Cell) SentenceBead {
	lex := -1.0
	if s.lex && c.Type.Zh > 0 && c.Type.En > 0 {
		lex = round3(s.table.sim(c.I, c.Type.Zh, c.J, c.Type.En))
	}
	return s.scoredBead(c, lex)
}

// scoredBead is bead with the bead's lexical similarity given, rounded
// (-1 when not measured; ignored for a null bead).
func (s *sentAligner) scoredBead(c Cell, lex float64) SentenceBead {
	b := SentenceBead{Cost: c.Cost, Lex: -1}
	for k := 0; k < c.Type.Zh; k++ {
		b.Zh = append(b.Zh, c.I+k)
	}
	for k := 0; k < c.Type.En; k++ {
		b.En = append(b.En, c.J+k)
	}
	if c.Type.Zh == 0 || c.Type.En == 0 {
		return b
	}
	lz, le := s.lengths(c.I, c.Type.Zh, c.J, c.Type.En)
	lenProb := s.model.Prob(lz, le)
	b.Lex = lex
	anchor := math.Min(1, math.Max(0, -s.anchors(c.I, c.Type.Zh, c.J, c.Type.En))/3)
	if b.Lex >= 0 {
		b.Score = round3(0.4*lenProb + 0.4*math.Min(1, b.Lex/0.4) + 0.2*anchor)
	} else {
		b.Score = round3(0.7*lenProb + 0.3*anchor)
	}
	return b
}

// nullMargin is, for the null bead path[k], how much more it would cost
// to join its sentence to the neighbouring bead that takes it best, and
// which neighbour that is (-1 before, +1 after; 0 when none can: no
// neighbour with both sides). Margins are in nats.
func (s *sentAligner) nullMargin(path []Cell, k int) (float64, int) {
	c := path[k]
	margin, side := math.Inf(1), 0
	for _, d := range []int{-1, 1} {
		n := k + d
		if n < 0 || n >= len(path) {
			continue
		}
		o := path[n]
		if o.Type.Zh == 0 || o.Type.En == 0 {
			continue
		}
		t := s.joined(c, o)
		if m := s.priorOf(t) + s.cost(t.I, t.J, t.Type) - c.Cost - o.Cost; m < margin {
			margin, side = m, d
		}
	}
	return margin, side
}

// joined is the bead made of two neighbouring beads.
func (s *sentAligner) joined(a, b Cell) Cell {
	t := BeadType{Zh: a.Type.Zh + b.Type.Zh, En: a.Type.En + b.Type.En}
	c := Cell{I: min(a.I, b.I), J: min(a.J, b.J)}
	t.Prior = s.priorOf(Cell{Type: t})
	c.Type = t
	c.Cost = t.Prior + s.cost(c.I, c.J, t)
	return c
}

// priorOf is the prior of a bead's type; shapes the DP does not produce
// cost more than the rarest one.
func (s *sentAligner) priorOf(c Cell) float64 {
	worst := 0.0
	for _, t := range s.types {
		if t.Zh == c.Type.Zh && t.En == c.Type.En {
			return t.Prior
		}
		worst = max(worst, t.Prior)
	}
	return worst + 2
}

// absorbWeakNulls joins each null bead whose margin is under absorbMargin
// to the neighbour that takes it best: a sentence left alone by a hair is
// more often part of a free translation than an omission, and a null bead
// becomes a finding.
func (s *sentAligner) absorbWeakNulls(path []Cell) []Cell {
	out := make([]Cell, 0, len(path))
	var carry []Cell // weak nulls waiting for the next bead
	for k, c := range path {
		if c.Type.Zh == 0 || c.Type.En == 0 {
			if m, side := s.nullMargin(path, k); m < absorbMargin {
				switch side {
				case -1:
					out[len(out)-1] = s.joined(out[len(out)-1], c)
					continue
				case 1:
					carry = append(carry, c)
					continue
				}
			}
		} else {
			for _, w := range carry {
				c = s.joined(w, c)
			}
			carry = carry[:0]
		}
		out = append(out, c)
	}
	return append(out, carry...)
}

// nullConfidence is the NullConf of the null bead path[k]: 1 − e^(−m/2)
// for the margin m by which the DP preferred it to joining its sentence to
// a neighbour; 1 when no neighbour could take it.
func (s *sentAligner) nullConfidence(path []Cell, k int) float64 {
	margin, side := s.nullMargin(path, k)
	if side == 0 {
		return 1
	}
	// at least 0.001: a null bead has some confidence, however little.
	// Its margin can be negative here, where absorbWeakNulls found it
	// positive: joining its neighbours changed them.
	return max(0.001, round3(1-math.Exp(-max(0, margin)/2)))
}

// sentRefs lists the sentences of some blocks of one language with their
// texts, in reading order.
func sentRefs(doc *Document, l Lang, blocks []int) ([]SentRef, []string) {
	// made at their length, not grown through every doubling, for each of
	// a document's thousands of paragraph beads
	n := sentCount(doc, l, blocks)
	if n == 0 {
		return nil, nil
	}
	refs, texts := make([]SentRef, 0, n), make([]string, 0, n)
	for _, bi := range blocks {
		b := doc.Blocks(l)[bi]
		for si := range b.Sents {
			refs = append(refs, SentRef{bi, si})
			texts = append(texts, b.Sentence(si))
		}
	}
	return refs, texts
}

// sentCount is the number of sentences of some blocks of one language.
func sentCount(doc *Document, l Lang, blocks []int) int {
	n := 0
	for _, bi := range blocks {
		n += len(doc.Blocks(l)[bi].Sents)
	}
	return n
}

// sentNums lists, for the sentences sentRefs lists, the numbers the
// paragraph aligner read (nums, by block) for a sentence that is its
// whole block: those are numerals.Chinese or numerals.English of the same
// text. nil when nums is nil or no sentence is a whole block.
func sentNums(doc *Document, l Lang, blocks []int, nums [][]numerals.Number) []readNums {
	if nums == nil {
		return nil
	}
	whole := func(b *Block) bool {
		return len(b.Sents) == 1 && b.Sents[0].Start == 0 && b.Sents[0].End == len(b.Text)
	}
	if !slices.ContainsFunc(blocks, func(bi int) bool { return whole(doc.Blocks(l)[bi]) }) {
		return nil
	}
	out := make([]readNums, 0, sentCount(doc, l, blocks))
	for _, bi := range blocks {
		b := doc.Blocks(l)[bi]
		for range b.Sents {
			out = append(out, readNums{nums: nums[bi], ok: whole(b)})
		}
	}
	return out
}

// alignSentences fills the sentence beads of every paragraph bead.
func alignSentences(a *Alignment, opt Options) {
	hint := LengthModel{Ratio: a.Ratio}
	spare := &docVocab{}
	for bi := range a.Beads {
		b := &a.Beads[bi]
		zr, zt := sentRefs(a.Doc, Zh, b.Zh)
		er, et := sentRefs(a.Doc, En, b.En)
		sb := alignSentenceTextsReusing(zt, et, sentNums(a.Doc, Zh, b.Zh, a.nums[Zh]), sentNums(a.Doc, En, b.En, a.nums[En]), opt, hint, spare)
		b.Sents = make([]SentBead, 0, len(sb))
		for _, x := range sb {
			out := SentBead{Score: x.Score, Lex: x.Lex, NullConf: x.NullConf, Null: x.NullConf >= NullThreshold}
			if len(x.Zh) > 0 {
				out.Zh = make([]SentRef, 0, len(x.Zh))
			}
			if len(x.En) > 0 {
				out.En = make([]SentRef, 0, len(x.En))
			}
			for _, i := range x.Zh {
				out.Zh = append(out.Zh, zr[i])
			}
			for _, j := range x.En {
				out.En = append(out.En, er[j])
			}
			b.Sents = append(b.Sents, out)
		}
	}
	a.keepNumbered()
	a.nums = [2][][]numerals.Number{} // read; see Alignment.nums
}
