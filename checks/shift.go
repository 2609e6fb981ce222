package checks

import (
	"fmt"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// AlignmentShift finds runs of pre-aligned pairs that slipped by one.
var AlignmentShift = &Check{
	Name:       "alignment/shift",
	Category:   CatAlignment,
	Severity:   Warning,
	Run:        runShift,
	Confidence: `1: each pair's neighbour matches it clearly better than its own.`,
	Options:    []*Option{shiftMargin, shiftMin, shiftRun},
	Doc: `pairs of a translation memory or table shifted by one

In a pre-aligned file (TMX, XLIFF, CSV/TSV, JSONL, a bilingual table) the
pairing is given, not found. The classic fault of a broken memory is an
off-by-one: from some unit on, each English text belongs to the next
unit's Chinese (or the previous one's). For every pair the English is
compared, by the dictionary and by the numbers both sides hold, with its
own Chinese and with its neighbours'. A run of at least two consecutive
pairs whose English fits a neighbour clearly better than its own is
reported once, naming the run.

Thresholds: alignment/shift.margin (0.1): how much better the neighbour
must score; alignment/shift.min (0.2): the least score the neighbour must
reach; alignment/shift.run (2): the shortest run reported.

Example: units 12–19 look shifted by one: each English matches the next
unit's Chinese`,
}

// The shift check's options.
var (
	shiftMargin = &Option{Name: "margin", Type: Real, Default: 0.1,
		Doc: "how much better than its own Chinese the neighbour's must match an English text"}
	shiftMin = &Option{Name: "min", Type: Real, Default: 0.2,
		Doc: "the least score the neighbour's match must reach"}
	shiftRun = &Option{Name: "run", Type: Integer, Default: 2,
		Doc: "the fewest consecutive shifted pairs reported"}
)

func runShift(p *Pass) error {
	doc := p.Doc
	if doc.Shape != align.PreAligned || len(doc.Layout) < 3 {
		return nil
	}
	margin, minSim, minRun := p.Float(shiftMargin), p.Float(shiftMin), p.Int(shiftRun)
	lex := lexicon.Default()
	links := doc.Layout
	n := len(links)
	zs := make([]*lexicon.ZhSide, n)
	es := make([]*lexicon.EnSide, n)
	zn := make([][]numerals.Number, n)
	en := make([][]numerals.Number, n)
	for i, l := range links {
		zt, et := doc.Zh[l.Zh].Text, doc.En[l.En].Text
		zs[i], es[i] = lex.PrepareZh(zt), lex.PrepareEn(et)
		zn[i], en[i] = p.Numbers(align.Zh, l.Zh), p.Numbers(align.En, l.En)
	}
	score := func(z, e int) float64 {
		return lex.SimilarityPrepared(zs[z], es[e]) + 0.3*numberAgreement(zn[z], en[e])
	}
	own := make([]float64, n)
	for i := range links {
		own[i] = score(i, i)
	}
	for _, dir := range []int{1, -1} {
		shifted := make([]bool, n)
		for i := range links {
			j := i + dir
			if j < 0 || j >= n {
				continue
			}
			s := score(j, i)
			shifted[i] = s >= minSim && s > own[i]+margin
		}
		for i := 0; i < n; {
			if !shifted[i] {
				i++
				continue
			}
			k := i
			for k+1 < n && shifted[k+1] {
				k++
			}
			if k-i+1 >= minRun {
				reportShift(p, i, k, dir)
			}
			i = k + 1
		}
	}
	return nil
}

// numberAgreement is the share of numbers on either side that find an
// equal one on the other; 0 when neither side has numbers.
func numberAgreement(zh, en []numerals.Number) float64 {
	if len(zh) == 0 && len(en) == 0 {
		return 0
	}
	met := 0
	for _, a := range zh {
		for _, b := range en {
			if numerals.Equal(a, b) {
				met++
				break
			}
		}
	}
	for _, b := range en {
		for _, a := range zh {
			if numerals.Equal(a, b) {
				met++
				break
			}
		}
	}
	return float64(met) / float64(len(zh)+len(en))
}

func reportShift(p *Pass, first, last, dir int) {
	doc := p.Doc
	lf, ll := doc.Layout[first], doc.Layout[last]
	zf, zl := doc.Zh[lf.Zh], doc.Zh[ll.Zh]
	ef, el := doc.En[lf.En], doc.En[ll.En]
	which := "next"
	if dir < 0 {
		which = "previous"
	}
	zs, es := zf.Src.Span(zf.Start, zl.End), ef.Src.Span(ef.Start, el.End)
	p.Report(Finding{
		Bead: p.Align.ZhBead[lf.Zh], Zh: &zs, En: &es, Evidence: fmt.Sprintf("shift %d %d", dir, last-first+1),
		Message: fmt.Sprintf("%s to %s (%d pairs) look shifted by one: each English matches the %s unit's Chinese",
			unitName(zf), unitName(zl), last-first+1, which),
	})
}
