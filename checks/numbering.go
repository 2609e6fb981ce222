package checks

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// Numbering compares the enumerators that open paired paragraphs.
var Numbering = &Check{
	Name:       "numbering",
	Category:   CatNumbering,
	Severity:   Error,
	Run:        runNumbering,
	Confidence: `1: both enumerators were read at the start of their paragraphs.`,
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
opens with none: a number dropped or added in translation. An ordinal word
that opens the other side's paragraph with the same value counts as its
number ((一) against "First,", 一是 against "1."), and so does a list
number typed without its mark with the same value ("1 Real property"
against 一、, 十 財產 against "10."). When the other
side numbers no paragraph of that series anywhere in the document, the
difference is a decision of style (an English that drops the Chinese
outline numbers throughout) and is reported at info.`,
	Confidence: `0.8; 0.4 (info) when the other side numbers no paragraph of the same
series anywhere in the document, or on a legislative-history note.`,
}

// NumberingSequence is the sub-check for broken sequences on one side.
var NumberingSequence = &Check{
	Name:     "numbering/sequence",
	Category: CatNumbering,
	Severity: Warning,
	Run:      runNumberingSequence,
	Doc: `numbering that skips, repeats or goes backwards on one side

Within one language, paragraph enumerators of the same series must count
up by one: (一) (二) (三). A skipped number ((二) then (四)), a repeated one or a
step backwards is reported. Numbering may restart at 1 at any point (a new
section), a marker of a higher outline level (一、, I.) restarts the lower
levels under it, and an inserted unit may follow its base (第十條 第十條之一
第十一條; "Article 10", "Article 10-1"). Letters and Roman numerals of each
case are series of their own ((a) (b) apart from (A) (B)).

A break in the original's own numbering, or one the translation copies
from it, is reported at info: it is not the translation's defect.`,
	Confidence: `0.4 (info) for a skip whose missing numbers label paragraphs of the original
that the translation has, unnumbered (reported once, by numbering/missing);
0.8 for a break in the translation's numbering that the original does not
have; 0.4 (info) for a break in the original, or one the translation
repeats from it.`,
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
	type one struct {
		bi     int
		zb, eb *align.Block
		ze, ee numerals.Enumerator
		zh     bool // numbered in Chinese only
	}
	var found []one
	// per series of the numbered side: how often the other side numbers
	// a paragraph of it too
	both := map[string]int{}
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		zb, eb := p.Doc.Zh[b.Zh[0]], p.Doc.En[b.En[0]]
		ze, zok := p.Leading(zb)
		ee, eok := p.Leading(eb)
		switch {
		case zok && eok:
			both["zh "+ze.Series()]++
			both["en "+ee.Series()]++
		case zok:
			if ow, ok := numerals.Leading(eb.Text); ok && ow.Style == numerals.StyleOrdinalWord && numerals.Same(ze, ow) {
				// (一) rendered "First,": numbered in words
				continue
			}
			if v, ok := bareListNumber(eb.Text, align.En); ok && v == ze.Value && ze.Sub == 0 && ze.Unit == "" {
				// 一、 rendered "1 Real property": numbered, the mark
				// left out
				continue
			}
			found = append(found, one{bi, zb, eb, ze, ee, true})
		case eok:
			if ow, ok := numerals.Leading(zb.Text); ok && ow.Style == numerals.StyleOrdinalWord && numerals.Same(ow, ee) {
				continue
			}
			if v, ok := bareListNumber(zb.Text, align.Zh); ok && v == ee.Value && ee.Sub == 0 && ee.Unit == "" {
				continue // "10." against 十 財產之處分: the 、 left out
			}
			found = append(found, one{bi, zb, eb, ze, ee, false})
		}
	}
	for _, o := range found {
		f := Finding{Bead: o.bi, Confidence: 0.8}
		key := "en " + o.ee.Series()
		if o.zh {
			key = "zh " + o.ze.Series()
		}
		if both[key] == 0 {
			// the other side numbers no paragraph of this series
			// anywhere in the document: a decision of style (a report's
			// English that drops the Chinese outline numbers), not a
			// number lost here
			f.Confidence = 0.4
		}
		if historyBead(p, o.bi) {
			// the list number of an amendment-history line, which
			// translations keep, drop or merge with the history
			f.Confidence = 0.4
		}
		if o.zh {
			f.Zh, f.En, f.Evidence, f.About = enumSpan(o.zb, o.ze), p.BlockSpan(align.En, o.eb.Index), o.ze.Text, ZhSide
			f.Message = fmt.Sprintf("Chinese paragraph is numbered %q; its English is not numbered", o.ze.Text)
		} else {
			f.Zh, f.En, f.Evidence, f.About = p.BlockSpan(align.Zh, o.zb.Index), enumSpan(o.eb, o.ee), o.ee.Text, EnSide
			f.Message = fmt.Sprintf("English paragraph is numbered %q; its Chinese is not numbered", o.ee.Text)
		}
		p.Report(f)
	}
	return nil
}

// seqBreak is a place where a side's numbering does not follow on.
type seqBreak struct {
	blk      *align.Block
	prev, at numerals.Enumerator
}

// sequenceBreaks walks one side's paragraph enumerators, series by series
// (numerals.Enumerator.Series), and returns where one does not follow the
// one before (numerals.Follows: the next value, a restart at 1, an
// inserted 第十條之一 / "Article 10-1" after its base). A marker of a
// higher outline level restarts the series below it.
func sequenceBreaks(p *Pass, l align.Lang) []seqBreak {
	var out []seqBreak
	last := map[string]numerals.Enumerator{}
	for _, blk := range p.Doc.Blocks(l) {
		e, ok := p.Leading(blk)
		if !ok {
			continue
		}
		for st, prev := range last {
			if prev.Level > e.Level && st != e.Series() {
				delete(last, st)
			}
		}
		prev, seen := last[e.Series()]
		last[e.Series()] = e
		if seen && !numerals.Follows(prev, e) {
			out = append(out, seqBreak{blk, prev, e})
		}
	}
	return out
}

type enumStep struct{ v1, s1, v2, s2 int }

// labelsDropped reports whether every number a translation's numbering
// skips between prev and next labels a paragraph of the original (side
// src, same style) whose paired translation opens with no number.
func labelsDropped(p *Pass, src align.Lang, prev, next numerals.Enumerator) bool {
	if next.Value-prev.Value < 2 || next.Value-prev.Value > 4 || prev.Sub != 0 || next.Sub != 0 {
		return false
	}
	dropped := map[int]bool{}
	for _, blk := range p.Doc.Blocks(src) {
		e, ok := p.Leading(blk)
		if !ok || e.Style != next.Style || e.Value <= prev.Value || e.Value >= next.Value {
			continue
		}
		bi := p.Align.BeadOf(src, blk.Index)
		if bi < 0 {
			continue
		}
		other := p.Align.Beads[bi].Zh
		if src == align.Zh {
			other = p.Align.Beads[bi].En
		}
		unnumbered := len(other) > 0
		for _, i := range other {
			if _, ok := p.Leading(p.Doc.Blocks(src.Other())[i]); ok {
				unnumbered = false
			}
		}
		if unnumbered {
			dropped[e.Value] = true
		}
	}
	for v := prev.Value + 1; v < next.Value; v++ {
		if !dropped[v] {
			return false
		}
	}
	return true
}

func runNumberingSequence(p *Pass) error {
	src := p.Settings.Source
	// the original's own breaks: a translation that follows them is
	// faithful, and the original's numbering is not the translation's
	// defect
	mirrored := map[enumStep]bool{}
	for _, b := range sequenceBreaks(p, src) {
		mirrored[enumStep{b.prev.Value, b.prev.Sub, b.at.Value, b.at.Sub}] = true
	}
	for _, l := range []align.Lang{align.Zh, align.En} {
		for _, b := range sequenceBreaks(p, l) {
			prev, e := b.prev, b.at
			var what string
			switch {
			case e.Value == prev.Value && e.Sub == prev.Sub:
				what = "repeats"
			case e.Value < prev.Value || e.Value == prev.Value && e.Sub < prev.Sub:
				what = "goes back after"
			default:
				what = "skips from"
			}
			sp := enumSpan(b.blk, e)
			f := Finding{Bead: p.Align.BeadOf(l, b.blk.Index), Evidence: what + " " + prev.Text + " " + e.Text,
				Message: fmt.Sprintf("%s numbering %s %q to %q", langName(l), what, prev.Text, e.Text), Confidence: 0.8}
			if what == "repeats" {
				f.Message = fmt.Sprintf("%s numbering repeats %q", langName(l), e.Text)
			}
			switch {
			case l == src:
				f.Confidence = 0.4
				f.Message += " (in the original)"
			case mirrored[enumStep{prev.Value, prev.Sub, e.Value, e.Sub}]:
				f.Confidence = 0.4
				f.Message += " (as the original does)"
			case what == "skips from" && labelsDropped(p, src, prev, e):
				// the skipped numbers label paragraphs of the original
				// whose translation is there, unnumbered: the dropped
				// labels are reported once, by numbering/missing
				f.Confidence = 0.4
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

var (
	bareListEn = regexp.MustCompile(`^\s*([1-9][0-9]?)[ \t\x{3000}]+\p{L}`)
	bareListZh = regexp.MustCompile(`^\s*([一二三四五六七八九十]{1,3})[ \t\x{3000}]+\p{Han}`)
)

// bareListNumber reads a list number written without its mark at the start
// of a paragraph — "1 Real property", 十 財產之處分 — a slip of typing the
// genre's long lists show. Only taken as numbering where the other side's
// paragraph has a list marker of the same value, never on its own: "3
// Ministries" may as well be a count.
func bareListNumber(text string, l align.Lang) (int, bool) {
	re := bareListEn
	if l == align.Zh {
		re = bareListZh
	}
	m := re.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	if l == align.En {
		v, err := strconv.Atoi(m[1])
		return v, err == nil
	}
	return hanListValue(m[1])
}

// hanListValue is the value of a Chinese numeral from 1 to 99 (三, 十, 十二,
// 二十, 二十三).
func hanListValue(s string) (int, bool) {
	rs := []rune(s)
	digit := func(r rune) (int, bool) {
		d, ok := hanDigitValue[r]
		return int(d), ok && d > 0
	}
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		d, ok := digit(rs[1])
		return 10 + d, ok
	case len(rs) == 2 && rs[1] == '十':
		d, ok := digit(rs[0])
		return 10 * d, ok
	case len(rs) == 3 && rs[1] == '十':
		a, ok1 := digit(rs[0])
		b, ok2 := digit(rs[2])
		return 10*a + b, ok1 && ok2
	}
	return 0, false
}
