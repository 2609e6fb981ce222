package checks

import (
	"fmt"
	"math"
	"sort"

	"github.com/aligncheck/aligncheck/align"
)

// Length reports pairs whose length ratio is an outlier for the document.
var Length = &Check{
	Name:     "length",
	Category: CatLength,
	Severity: Warning,
	Run:      runLength,
	Options:  []*Option{lengthZ, lengthMinDeviation, lengthMinZh, lengthMinEn},
	Doc: `a pair whose length ratio is far from the document's own

English runs about four characters per Chinese character in political
prose, but each document has its own ratio. For every pair of body
paragraphs the check takes the log of English characters per Chinese
character (Latin letters and digits on the Chinese side count a third of a
character each, so names and figures written in Latin script weigh what
they weigh in English), and compares it with the median over the document, in units of
the median absolute deviation (a robust z-score). A pair is reported when
both hold:
  |z| ≥ length.z (default 3.5), and
  the ratio differs from the document's by at least length.min-deviation
  (default 0.35, i.e. 35 %).
Pairs where both sides are short (under length.min-zh Chinese characters,
default 30, and length.min-en English characters, default 100) are skipped,
so one-line items do not fire; so are pairs of headings (a paraphrased
title is normal), and documents with fewer
than 4 paired paragraphs, where no norm can be estimated.

A ratio alone is weak evidence: the finding is a warning (confidence 0.8)
only when the pair agrees — a sentence of the longer side left without a
counterpart, or a number of the longer side missing from the shorter —
and info (0.45) otherwise.

Example: an English paragraph cut to its first half → "English is 52 % of
the length expected from the Chinese (ratio 2.5, document 4.9)".`,
	Confidence: `0.8 when the pair corroborates the outlier (a sentence of the longer side
left alone by the sentence aligner, or a number of the longer side read
with confidence and missing from the shorter); 0.45 (info) for a ratio
alone, or for an English longer than expected where the Chinese holds a
quoted numbered slogan (“两学一做”, “四风”), which official English spells
out; 0.4 (info) on a legislative-history note ("中華民國…修正公布第…條條文"
against "Amended on …"), which official translations abridge by
convention.`,
}

// The length check's options.
var (
	lengthZ = &Option{Name: "z", Type: Real, Default: 3.5,
		Doc: "the least robust z-score (in median absolute deviations) of a pair's log length ratio that is reported"}
	lengthMinDeviation = &Option{Name: "min-deviation", Type: Real, Default: 0.35,
		Doc: "the least relative difference from the document's ratio that is reported (0.35: 35 %)"}
	lengthMinZh = &Option{Name: "min-zh", Type: Integer, Default: 30,
		Doc: "a pair shorter than this many Chinese characters, and than min-en English ones, is skipped"}
	lengthMinEn = &Option{Name: "min-en", Type: Integer, Default: 100,
		Doc: "a pair shorter than this many English characters, and than min-zh Chinese ones, is skipped"}
)

type lengthPair struct {
	bead   int
	lz, le int
	r      float64
}

// lengthParams are the length check's thresholds.
type lengthParams struct {
	z, minDev    float64
	minZh, minEn int
}

func lengthParamsOf(p *Pass) lengthParams {
	return lengthParams{z: p.Float(lengthZ), minDev: p.Float(lengthMinDeviation), minZh: p.Int(lengthMinZh), minEn: p.Int(lengthMinEn)}
}

// lengthPairs lists the pairs the length check weighs.
func lengthPairs(p *Pass) []lengthPair {
	var pairs []lengthPair
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		if headingPair(p, b) {
			continue
		}
		lz := align.ZhUnits(p.Align.Text(b, align.Zh))
		le := align.Length(p.Align.Text(b, align.En))
		if lz == 0 || le == 0 {
			continue
		}
		pairs = append(pairs, lengthPair{bi, lz, le, math.Log(float64(le) / float64(lz))})
	}
	return pairs
}

// LengthNorm is the document's norm the length check compares each pair
// with: the median log ratio and its spread.
type LengthNorm struct {
	ok       bool // enough pairs to tell
	med, mad float64
}

// NewLengthNorm computes the norm from the log ratios LengthSample gives.
func NewLengthNorm(sample []float64) *LengthNorm {
	if len(sample) < 4 {
		return &LengthNorm{}
	}
	med := median(sample)
	dev := make([]float64, len(sample))
	for i, r := range sample {
		dev[i] = math.Abs(r - med)
	}
	mad := 1.4826 * median(dev)
	mad = math.Max(mad, 0.08) // a floor: very regular documents must not make every pair an outlier
	return &LengthNorm{ok: true, med: med, mad: mad}
}

// LengthSample returns the log ratios of the pairs that make the length
// check's norm, of the window's own pairs when doc is a window: a document
// read in pieces gets its norm from the samples of all its windows.
func LengthSample(doc *align.Document, al *align.Alignment, set *Settings) []float64 {
	p := &Pass{Check: Length, Doc: doc, Align: al, Settings: set}
	lp := lengthParamsOf(p)
	var norm []float64
	for _, q := range lengthPairs(p) {
		if doc.Window != nil && !own(doc.Window, q.bead) {
			continue
		}
		if q.lz >= lp.minZh || q.le >= lp.minEn {
			norm = append(norm, q.r)
		}
	}
	return norm
}

// lengthOutliersListFact: the pairs the length check finds outliers, as
// lengthOutliers lists them by the options of the length check, found
// once a run for the length check and for lengthOutliersFact, which each
// measured every pair of the document otherwise. Its Compute is set in
// init: it names Length, whose Run reads the fact.
var lengthOutliersListFact = &Fact[[]lengthOutlier]{Name: "length outlier list"}

func init() {
	lengthOutliersListFact.Compute = func(p *Pass) []lengthOutlier {
		q := &Pass{Check: Length, Doc: p.Doc, Align: p.Align, Settings: p.Settings, Whole: p.Whole, facts: p.facts}
		return lengthOutliers(q)
	}
}

// lengthOutliersFact: the pairs the length check finds outliers, by bead,
// with the English length relative to the expected (numbers/missing reads
// it: a number left out of an abridged pair is part of the abridgement).
var lengthOutliersFact = &Fact[map[int]float64]{Name: "length outliers", Compute: func(p *Pass) map[int]float64 {
	out := map[int]float64{}
	for _, o := range Get(p, lengthOutliersListFact) {
		out[o.bead] = o.rel
	}
	return out
}}

type lengthOutlier struct {
	bead     int
	r, rel   float64
	docRatio float64
}

func runLength(p *Pass) error {
	// p.Check is Length: the outliers are those of its options
	for _, o := range Get(p, lengthOutliersListFact) {
		b := &p.Align.Beads[o.bead]
		msg := fmt.Sprintf("English is %.0f %% of the length expected from the Chinese (ratio %.1f, document %.1f)", o.rel*100, math.Exp(o.r), o.docRatio)
		conf := 0.45
		if lengthCorroborated(p, o.bead, o.rel < 1) {
			conf = 0.8
		}
		if o.rel > 1 && explicitSlogans(p, o.bead) {
			// the English spells out numbered slogans (“两学一做”)
			conf = math.Min(conf, 0.45)
		}
		if historyBead(p, o.bead) {
			// an amendment history the translation abridges by convention
			conf = math.Min(conf, historyConfidence)
		}
		p.Report(Finding{Bead: o.bead, Zh: p.SideSpan(b, align.Zh), En: p.SideSpan(b, align.En), Confidence: conf,
			Evidence: fmt.Sprintf("ratio %.1f", math.Exp(o.r)), Message: msg})
	}
	return nil
}

// lengthOutliers are the pairs whose length ratio is an outlier for the
// document, by the options of the length check (p.Check is Length).
func lengthOutliers(p *Pass) []lengthOutlier {
	lp := lengthParamsOf(p)
	pairs := lengthPairs(p)
	n := p.Whole.lengthNorm()
	if n == nil {
		var norm []float64
		for _, q := range pairs {
			if q.lz >= lp.minZh || q.le >= lp.minEn {
				norm = append(norm, q.r)
			}
		}
		n = NewLengthNorm(norm)
	}
	if !n.ok {
		return nil
	}
	var out []lengthOutlier
	med, mad := n.med, n.mad
	for _, q := range pairs {
		if q.lz < lp.minZh && q.le < lp.minEn {
			continue
		}
		score := (q.r - med) / mad
		rel := math.Exp(q.r - med)
		if math.Abs(score) < lp.z || math.Abs(rel-1) < lp.minDev {
			continue
		}
		out = append(out, lengthOutlier{q.bead, q.r, rel, math.Exp(med)})
	}
	return out
}

func (w *Whole) lengthNorm() *LengthNorm {
	if w == nil {
		return nil
	}
	return w.Length
}

// headingPair: both sides are headings (short, no sentence punctuation),
// where a paraphrased title is normal.
func headingPair(p *Pass, b *align.Bead) bool { return !hasBody(p, b) }

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// lengthCorroborated reports whether other evidence in the pair agrees
// with a length outlier: a sentence of the longer side that the sentence
// aligner leaves without a counterpart, or a number of the longer side,
// read with confidence, that the shorter side lacks. A ratio alone is the
// weakest evidence there is (translations of the genre expand and
// condense by whole clauses: a law's amendment history, a report's list
// of titles), so without either the finding is info.
func lengthCorroborated(p *Pass, bi int, enShort bool) bool {
	long := align.Zh
	if !enShort {
		long = align.En
	}
	b := &p.Align.Beads[bi]
	if hasNullSentence(b, long) {
		return true
	}
	for _, np := range Get(p, numberPairsFact) {
		if np.pair.view.Index != bi {
			continue
		}
		occs := np.pair.zh
		if long == align.En {
			occs = np.pair.en
		}
		for _, o := range occs {
			if !o.done && firm(*o.n) && o.n.Approx == "" {
				return true
			}
		}
	}
	return false
}
