package align

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"

	"github.com/aligncheck/aligncheck/align/numerals"
)

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
	{1, 0, 0},
	{0, 1, 0},
}

// Weights of the sentence cost, in nats (the unit of the length cost).
var (
	sentLexWeight = envF("LAMBDA", 20.0) // times the lexical similarity in [0,1]
	nullCost      = envF("NULLC", 7.0)   // a sentence left without counterpart
	flagAgree     = envF("FLAGA", 1.5)   // ? ! or quotes on both sides of a bead
	flagDisagree  = envF("FLAGD", 1.5)   // on one side only
	sentNumBonus  = envF("NUMB", 1.5)    // per number equal on both sides, up to 3
	sentNumMiss   = envF("NUMM", 0.5)    // per number found on one side only, up to 3
	weakPenalty   = envF("WEAKP", 2)     // per sentence of a bead its other side does not meet
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
// translate each other in order. It returns beads in order, covering every
// sentence of both lists exactly once; beads have up to four sentences on
// one side (1-1 to 1-4, 2-1 to 4-1, 2-2, 2-3, 3-2), and null beads (1-0,
// 0-1) where a sentence has no counterpart. The cost of a bead is its
// type's prior, the Gale–Church length cost (ratio and variance estimated
// from the texts), minus the lexical similarity through opt.Lex when it is
// a Glosser, minus anchors (equal numbers, Latin-script words, agreeing
// question and exclamation marks and quotes). Time and memory are linear
// in the number of sentences times the band width (see sentBand).
func AlignSentences(zh, en []string, opt Options) []SentenceBead {
	return alignSentenceTexts(zh, en, opt, LengthModel{})
}

func alignSentenceTexts(zh, en []string, opt Options, hint LengthModel) []SentenceBead {
	if len(zh) == 0 || len(en) == 0 {
		var out []SentenceBead
		for i := range zh {
			out = append(out, SentenceBead{Zh: []int{i}, Lex: -1})
		}
		for j := range en {
			out = append(out, SentenceBead{En: []int{j}, Lex: -1})
		}
		return out
	}
	gl, _ := opt.Lex.(Glosser)
	zf, ef, vocab := sentFeatures(zh, en, gl)
	s := newSentAligner(zf, ef, vocab, hint)
	path := s.solve()
	// second pass: the variance and bead-type priors of this text, and the
	// word pairs learned from the first pass
	again := s.adapt(path)
	if vocab != nil && envF("LEARN", 1) > 0 && vocab.learn(zf, ef, path) {
		vocab.rekey(zf, ef)
		s.table = nil
		again = true
	}
	if again {
		path = s.resolve(path)
	}
	return s.beads(path)
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
		// a sentence of 20 Chinese characters varies by about a third
		s.model.S2 = s.model.Ratio * s.model.Ratio * envF("S2K", 2)
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
	var c float64
	for f := uint8(1); f <= flagQuote; f <<= 1 {
		switch {
		case zf&ef&f != 0:
			c -= flagAgree
		case (zf|ef)&f != 0:
			c += flagDisagree
		}
	}
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

// sentBand is the search band of a text of nz×ne sentences: nil (the whole
// matrix) for small texts; else ±w sentences around the diagonal on which
// both texts' cumulative lengths advance at the same rate. The banded
// solution is accepted only when it stays clear of the band's edges; when
// it runs along an edge the band is doubled and the text solved again. So
// the work is O(n·w) for a text whose translation does not drift more than
// w sentences from proportional, which is what keeps long documents near
// linear, and a text that does drift pays for a wider band, never a wrong
// cut.
var fullMatrixCells = int(envF("FULLC", 20000))

const (
	minBandWidth  = 40
	fineBandWidth = 16
	edgeMargin    = 5
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
			if debugSent {
				fmt.Fprintf(os.Stderr, "touch at %d,%d band %d-%d\n", c.I, c.J, b.Lo[c.I], b.Hi[c.I])
			}
			return true
		}
	}
	return false
}

func (s *sentAligner) solveIn(band *Band, types []BeadType) []Cell {
	if s.lex && !s.table.covers(band) {
		s.table = newPairTable(s.zh, s.en, band, 4, len(s.vocab.enTypes))
	}
	return s.dp(types, band)
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
		return s.solveIn(nil, s.types)
	}
	path, _ := s.bandedSolve(s.lengthBand(minBandWidth), minBandWidth, coarseTypes)
	if path == nil {
		return s.solveIn(nil, s.types)
	}
	path, _ = s.bandedSolve(PathBand(nz, ne, path, fineBandWidth), fineBandWidth, s.types)
	if path == nil {
		return s.solveIn(nil, s.types)
	}
	return path
}

// resolve solves again after the costs changed, near a previous path.
func (s *sentAligner) resolve(prev []Cell) []Cell {
	nz, ne := len(s.zh), len(s.en)
	if nz*ne <= fullMatrixCells {
		return s.solveIn(nil, s.types)
	}
	if path, _ := s.bandedSolve(PathBand(nz, ne, prev, fineBandWidth), fineBandWidth, s.types); path != nil {
		return path
	}
	return s.solveIn(nil, s.types)
}

// bandedSolve solves in a band; while the path runs along an edge of the
// band (the translation drifts from where the band expected it), it centres
// the band on the path found and solves again.
func (s *sentAligner) bandedSolve(band *Band, w int, types []BeadType) ([]Cell, *Band) {
	nz, ne := len(s.zh), len(s.en)
	for range maxRecentre {
		path := s.solveIn(band, types)
		if debugSent {
			fmt.Fprintf(os.Stderr, "band w=%d types=%d touches=%v\n", w, len(types), path == nil || touchesEdge(path, band, ne))
		}
		if path == nil {
			return nil, nil
		}
		if !touchesEdge(path, band, ne) {
			return path, band
		}
		band = PathBand(nz, ne, path, w)
	}
	return nil, nil
}

// maxRecentre bounds the band re-centrings before the full matrix is used.
const maxRecentre = 4

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

// adapt re-estimates the length variance and the priors of the bead types
// from a first alignment of the text, and reports whether they changed.
//
// The variance is the median squared residual of the 1-1 beads, scaled to
// the variance of a normal and widened by varInflate: the beads a first
// pass makes 1-1 are those whose lengths agree best, so their residuals
// understate the text's. The priors blend the first pass's bead counts with
// the built-in priors, weighted as priorWeight beads.
func (s *sentAligner) adapt(path []Cell) bool {
	r := s.model.Ratio
	var d []float64
	counts := map[[2]int]float64{}
	n := 0.0
	for _, c := range path {
		if c.Type.Zh == 0 || c.Type.En == 0 {
			continue
		}
		counts[[2]int{c.Type.Zh, c.Type.En}]++
		n++
		if c.Type.Zh == 1 && c.Type.En == 1 {
			lz, le := float64(s.zh[c.I].length), float64(s.en[c.J].length)
			if m := (lz + le/r) / 2; m > 0 {
				d = append(d, (le-r*lz)*(le-r*lz)/m)
			}
		}
	}
	changed := false
	if len(d) >= 20 && envF("ADAPTVAR", 1) > 0 {
		sort.Float64s(d)
		s2 := varInflate * d[len(d)/2] / 0.455
		s2 = min(max(s2, r*r*minVarRatio), r*r*maxVarRatio)
		if math.Abs(s2-s.model.S2) > 0.05*s.model.S2 {
			s.model.S2 = s2
			changed = true
		}
	}
	if n >= 20 && priorWeight > 0 {
		var mass float64
		for _, t := range s.types {
			if t.Zh > 0 && t.En > 0 {
				mass += math.Exp(-t.Prior)
			}
		}
		types := make([]BeadType, len(s.types))
		for k, t := range s.types {
			types[k] = t
			if t.Zh > 0 && t.En > 0 {
				p0 := math.Exp(-t.Prior) / mass
				p := (counts[[2]int{t.Zh, t.En}] + priorWeight*p0) / (n + priorWeight)
				types[k].Prior = -math.Log(p * mass)
			}
		}
		s.types = types
		changed = true
	}
	return changed
}

var (
	varInflate  = envF("VARINF", 1)
	minVarRatio = 1.0 // S2 bounds, times the squared ratio
	maxVarRatio = 8.0
	priorWeight = envF("PRIORW", 0)
)

// beads turns a DP path into beads with scores.
func (s *sentAligner) beads(path []Cell) []SentenceBead {
	out := make([]SentenceBead, 0, len(path))
	for _, c := range path {
		b := SentenceBead{Cost: c.Cost, Lex: -1}
		for k := 0; k < c.Type.Zh; k++ {
			b.Zh = append(b.Zh, c.I+k)
		}
		for k := 0; k < c.Type.En; k++ {
			b.En = append(b.En, c.J+k)
		}
		if c.Type.Zh > 0 && c.Type.En > 0 {
			lz, le := s.lengths(c.I, c.Type.Zh, c.J, c.Type.En)
			lenProb := s.model.Prob(lz, le)
			if s.lex {
				b.Lex = round3(s.table.sim(c.I, c.Type.Zh, c.J, c.Type.En))
			}
			anchor := math.Min(1, math.Max(0, -s.anchors(c.I, c.Type.Zh, c.J, c.Type.En))/3)
			if b.Lex >= 0 {
				b.Score = round3(0.4*lenProb + 0.4*math.Min(1, b.Lex/0.4) + 0.2*anchor)
			} else {
				b.Score = round3(0.7*lenProb + 0.3*anchor)
			}
		}
		out = append(out, b)
	}
	s.nullConfidence(path, out)
	return out
}

// nullConfidence sets NullConf of null beads from the margin by which the
// DP preferred the null bead to joining its sentence to a neighbour.
func (s *sentAligner) nullConfidence(path []Cell, out []SentenceBead) {
	prior := map[[2]int]float64{}
	worst := 0.0
	for _, t := range s.types {
		prior[[2]int{t.Zh, t.En}] = t.Prior
		worst = max(worst, t.Prior)
	}
	costOf := func(i, a, j, b int) float64 {
		p, ok := prior[[2]int{a, b}]
		if !ok {
			p = worst + 2
		}
		return p + s.cost(i, j, BeadType{Zh: a, En: b})
	}
	for k, c := range path {
		if c.Type.Zh > 0 && c.Type.En > 0 {
			continue
		}
		margin := math.Inf(1)
		for _, d := range []int{-1, 1} {
			n := k + d
			if n < 0 || n >= len(path) {
				continue
			}
			o := path[n]
			if o.Type.Zh == 0 || o.Type.En == 0 {
				continue
			}
			i, j := min(c.I, o.I), min(c.J, o.J)
			a, b := c.Type.Zh+o.Type.Zh, c.Type.En+o.Type.En
			margin = min(margin, costOf(i, a, j, b)-c.Cost-o.Cost)
		}
		if math.IsInf(margin, 1) {
			out[k].NullConf = 1
			continue
		}
		out[k].NullConf = round3(1 - math.Exp(-max(0, margin)/2))
	}
}

// sentRefs lists the sentences of some blocks of one language with their
// texts, in reading order.
func sentRefs(doc *Document, l Lang, blocks []int) ([]SentRef, []string) {
	var refs []SentRef
	var texts []string
	for _, bi := range blocks {
		b := doc.Blocks(l)[bi]
		for si := range b.Sents {
			refs = append(refs, SentRef{bi, si})
			texts = append(texts, b.Sentence(si))
		}
	}
	return refs, texts
}

// alignSentences fills the sentence beads of every paragraph bead.
func alignSentences(a *Alignment, opt Options) {
	hint := LengthModel{Ratio: a.Ratio}
	for bi := range a.Beads {
		b := &a.Beads[bi]
		zr, zt := sentRefs(a.Doc, Zh, b.Zh)
		er, et := sentRefs(a.Doc, En, b.En)
		var sb []SentenceBead
		if (len(zt) == 1 && len(et) > 4) || (len(et) == 1 && len(zt) > 4) {
			// one sentence translated by many: the DP could only cover it
			// with null beads
			sb = []SentenceBead{{Zh: seq(len(zt)), En: seq(len(et)), Lex: -1}}
		} else {
			sb = alignSentenceTexts(zt, et, opt, hint)
		}
		b.Sents = make([]SentBead, 0, len(sb))
		for _, x := range sb {
			out := SentBead{Score: x.Score, Lex: x.Lex, NullConf: x.NullConf, Null: x.NullConf >= NullThreshold}
			for _, i := range x.Zh {
				out.Zh = append(out.Zh, zr[i])
			}
			for _, j := range x.En {
				out.En = append(out.En, er[j])
			}
			b.Sents = append(b.Sents, out)
		}
	}
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

var debugSent = os.Getenv("ALIGN_DEBUG") != ""

func envF(name string, def float64) float64 {
	if v := os.Getenv(name); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err == nil {
			return f
		}
	}
	return def
}
