// Package align holds the document model every reader produces and every
// check reads, and the aligner: paragraph beads by a monotone dynamic
// programme over blocks, then sentence beads inside each paragraph bead.
package align

import "math"

// Options steer the aligner.
type Options struct {
	// Lex scores lexical correspondence of two texts. Nil aligns by lengths
	// and anchors alone.
	Lex Similarity
	// Model, when set, is the length model of a pre-aligned document
	// instead of one estimated from it: a document read in windows
	// (Document.Window) is scored with the model of the whole file, so
	// its pairs score as they would unread in pieces.
	Model *LengthModel

	stop *stopper // set by AlignContext
}

// Align aligns a document: paragraphs first (or the pairing a pre-aligned
// format gives), then sentences inside each paragraph bead.
func Align(doc *Document, opt Options) *Alignment {
	var a *Alignment
	if doc.Shape == PreAligned {
		a = givenAlignment(doc, opt.Model)
	} else {
		a = alignParagraphs(doc, opt.Lex, opt.stop)
	}
	alignSentences(a, opt)
	return a
}

// LayoutLengths lists the lengths (Chinese, English) of the pairs a
// pre-aligned document gives, for GivenModel.
func LayoutLengths(doc *Document) [][2]int {
	pairs := make([][2]int, 0, len(doc.Layout))
	for _, l := range doc.Layout {
		pairs = append(pairs, [2]int{Length(doc.Zh[l.Zh].Text), Length(doc.En[l.En].Text)})
	}
	return pairs
}

// GivenModel is the length model of a pre-aligned document whose pairs
// have these lengths (LayoutLengths, over the whole file).
func GivenModel(pairs [][2]int) LengthModel {
	var tz, te int
	for _, p := range pairs {
		tz += p[0]
		te += p[1]
	}
	ratio := 4.0
	if tz > 0 && te > 0 {
		ratio = float64(te) / float64(tz)
	}
	return EstimateLengthModel(pairs, LengthModel{Ratio: ratio, S2: ratio * 2})
}

// Pairing is the alignment a pre-aligned document gives, without the
// sentence beads: what a first read over a file in pieces needs to know
// which blocks pair.
func Pairing(doc *Document) *Alignment { return givenAlignment(doc, nil) }

// givenAlignment turns the pairing of a pre-aligned format into beads.
// Blocks the format left unpaired become null beads in reading order.
func givenAlignment(doc *Document, given *LengthModel) *Alignment {
	a := &Alignment{Doc: doc}
	zhUsed := make([]bool, len(doc.Zh))
	enUsed := make([]bool, len(doc.En))
	var model LengthModel
	if given != nil {
		model = *given
	} else {
		model = GivenModel(LayoutLengths(doc))
	}
	a.Ratio, a.Variance = model.Ratio, model.S2
	zi, ei := 0, 0
	flush := func(zEnd, eEnd int) {
		for ; zi < zEnd; zi++ {
			if !zhUsed[zi] {
				a.Beads = append(a.Beads, Bead{Zh: []int{zi}, Lex: -1, SwappedWith: -1})
				zhUsed[zi] = true
			}
		}
		for ; ei < eEnd; ei++ {
			if !enUsed[ei] {
				a.Beads = append(a.Beads, Bead{En: []int{ei}, Lex: -1, SwappedWith: -1})
				enUsed[ei] = true
			}
		}
	}
	for _, l := range doc.Layout {
		flush(l.Zh, l.En)
		lz, le := Length(doc.Zh[l.Zh].Text), Length(doc.En[l.En].Text)
		b := Bead{Zh: []int{l.Zh}, En: []int{l.En}, Layout: true, Lex: -1, SwappedWith: -1, LenDelta: model.Delta(lz, le)}
		b.Score = beadScore(&b, model.Prob(lz, le))
		zhUsed[l.Zh], enUsed[l.En] = true, true
		a.Beads = append(a.Beads, b)
		zi, ei = max(zi, l.Zh+1), max(ei, l.En+1)
	}
	flush(len(doc.Zh), len(doc.En))
	a.index()
	return a
}

// round3 keeps scores readable and stable in reports.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
