package checks

import (
	"fmt"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// Numbering compares the enumerators that open paired paragraphs.
var Numbering = &Check{
	Name:     "numbering",
	Category: CatNumbering,
	Severity: Error,
	Run:      runNumbering,
	Doc: `section and item numbers that disagree across a pair

The enumerator that opens each paragraph is parsed in both scripts —
(一)…(十二), 一、, 第一条, （1）, 1., ①, against (1), I., 1., Article 1, First, —
and compared by value and outline level. A pair whose Chinese opens with
"(三)" and whose English opens with "(4)" is an error; so is "三、" against
"II.". A paragraph numbered on one side only is reported under
"numbering/missing" (warning).

Example: zh "(三)以政治安全为根本。" / en "(4) Treating political security as
fundamental." → numbering "(4)" in English does not match "(三)" (3) in Chinese`,
}

// NumberingMissing is the sub-check for an enumerator on one side only.
var NumberingMissing = &Check{
	Name:     "numbering/missing",
	Category: CatNumbering,
	Severity: Warning,
	Run:      runNumberingMissing,
	Doc: `a paragraph numbered on one side only

One side of a pair opens with an enumerator ("(三)", "II.") and the other
opens with none: a number dropped or added in translation.`,
}

// NumberingSequence is the sub-check for broken sequences on one side.
var NumberingSequence = &Check{
	Name:     "numbering/sequence",
	Category: CatNumbering,
	Severity: Warning,
	Run:      runNumberingSequence,
	Doc: `numbering that skips, repeats or goes backwards on one side

Within one language, paragraph enumerators of the same style must count up
by one: (一) (二) (三). A skipped number ((二) then (四)), a repeated one or a
step backwards is reported. Numbering may restart at 1 at any point (a new
section), and a marker of a higher outline level (一、, I.) restarts the
lower levels under it.`,
}

func leadingOf(b *align.Block) (numerals.Enumerator, bool) {
	e, ok := numerals.Leading(b.Text)
	if !ok || e.Style == numerals.StyleOrdinalWord {
		// "First," and "第一，" open arguments, not outline items
		return e, false
	}
	return e, true
}

func enumSpan(b *align.Block, e numerals.Enumerator) *align.Span {
	s := b.SubSpan(e.Start, e.End)
	return &s
}

func runNumbering(p *Pass) error {
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		zb, eb := p.Doc.Zh[b.Zh[0]], p.Doc.En[b.En[0]]
		ze, zok := p.Leading(zb)
		ee, eok := p.Leading(eb)
		if !zok || !eok || numerals.Same(ze, ee) {
			continue
		}
		p.Report(Finding{Bead: bi, Zh: enumSpan(zb, ze), En: enumSpan(eb, ee),
			Evidence: ze.Text + "\x00" + ee.Text,
			Message:  fmt.Sprintf("numbering %q in English does not match %q (%d) in Chinese", ee.Text, ze.Text, ze.Value)})
	}
	return nil
}

func runNumberingMissing(p *Pass) error {
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		zb, eb := p.Doc.Zh[b.Zh[0]], p.Doc.En[b.En[0]]
		ze, zok := p.Leading(zb)
		ee, eok := p.Leading(eb)
		switch {
		case zok && !eok:
			p.Report(Finding{Bead: bi, Zh: enumSpan(zb, ze), En: p.BlockSpan(align.En, eb.Index), Evidence: ze.Text, About: ZhSide,
				Message: fmt.Sprintf("Chinese paragraph is numbered %q; its English is not numbered", ze.Text)})
		case eok && !zok:
			p.Report(Finding{Bead: bi, Zh: p.BlockSpan(align.Zh, zb.Index), En: enumSpan(eb, ee), Evidence: ee.Text, About: EnSide,
				Message: fmt.Sprintf("English paragraph is numbered %q; its Chinese is not numbered", ee.Text)})
		}
	}
	return nil
}

func runNumberingSequence(p *Pass) error {
	for _, l := range []align.Lang{align.Zh, align.En} {
		last := map[numerals.Style]numerals.Enumerator{}
		for _, blk := range p.Doc.Blocks(l) {
			e, ok := p.Leading(blk)
			if !ok {
				continue
			}
			// a higher-level marker restarts the levels below it
			for st, prev := range last {
				if prev.Level > e.Level && st != e.Style {
					delete(last, st)
				}
			}
			prev, seen := last[e.Style]
			last[e.Style] = e
			if !seen || e.Value == 1 || e.Value == prev.Value+1 {
				continue
			}
			var what string
			switch {
			case e.Value == prev.Value:
				what = "repeats"
			case e.Value < prev.Value:
				what = "goes back after"
			default:
				what = "skips from"
			}
			sp := enumSpan(blk, e)
			f := Finding{Bead: p.Align.BeadOf(l, blk.Index), Evidence: what + " " + prev.Text + " " + e.Text,
				Message: fmt.Sprintf("%s numbering %s %q to %q", langName(l), what, prev.Text, e.Text)}
			if what == "repeats" {
				f.Message = fmt.Sprintf("%s numbering repeats %q", langName(l), e.Text)
			}
			if l == align.Zh {
				f.Zh = sp
			} else {
				f.En = sp
			}
			p.Report(f)
		}
	}
	return nil
}
