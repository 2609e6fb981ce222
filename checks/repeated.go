package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
)

// AlignmentRepeated finds one translation given for two different
// originals in a pre-aligned file.
var AlignmentRepeated = &Check{
	Name:     "alignment/repeated",
	Category: CatAlignment,
	Severity: Warning,
	Run:      runRepeated,
	Confidence: `0.8: a translation of six words or more (twelve Chinese characters) renders
one original, not two that share little.`,
	Options: []*Option{repeatedMinWords, repeatedMinChars, repeatedMaxShared},
	Doc: `one translation given for two different originals in a pre-aligned file

In a pre-aligned file (TMX, XLIFF, CSV/TSV, JSONL, a bilingual table) the
pairing is given, not found. When a unit's translation is the same as
that of the unit before (case, spacing and punctuation aside), while their
originals differ, one of the two translations renders the wrong original:
copied down from the unit before, a machine's output repeated, or the
start of a run that slipped by one (alignment/shift reports the run). The
later unit is reported, naming the one before; its own original may have
no translation at all.

Not reported: a repeated original with its repeated translation, originals
that share more than alignment/repeated.max-shared (0.5) of their
neighbouring character pairs (Chinese) or words (English) — a wording
varied slightly may keep its translation —, and translations shorter than
alignment/repeated.min-words words (6, an English translation) or
alignment/repeated.min-chars characters (12, a Chinese one): "Thank you.",
"Article 5" or a heading may stand for several originals. Punctuation,
spacing, the width of characters and traditional characters are set aside
when originals are compared. Only a unit and the one before it are
compared: the faults above leave the copy next to what it copies, and the
unit before is there however the file is read (in windows, or in ranges
of units).

Example: row 3 holds row 2's English, "The delegates discussed the
economic situation.", against 他们还审议了预算草案。 → row 3 gives the
translation of row 2 again, though the originals differ: "他们还审议了预算草案。"
may be left untranslated`,
}

// The repeated check's options.
var (
	repeatedMinWords = &Option{Name: "min-words", Type: Integer, Default: 6,
		Doc: "an English translation of fewer words than this is not compared"}
	repeatedMinChars = &Option{Name: "min-chars", Type: Integer, Default: 12,
		Doc: "a Chinese translation of fewer characters than this is not compared"}
	repeatedMaxShared = &Option{Name: "max-shared", Type: Real, Default: 0.5,
		Doc: "originals sharing more than this share of their character pairs or words are one original varied"}
)

func runRepeated(p *Pass) error {
	doc := p.Doc
	if doc.Shape != align.PreAligned || len(doc.Layout) < 2 {
		return nil
	}
	src := p.Settings.Source
	tgt := src.Other()
	least := p.Int(repeatedMinWords)
	if tgt == align.Zh {
		least = p.Int(repeatedMinChars)
	}
	maxShared := p.Float(repeatedMaxShared)
	for i := 1; i < len(doc.Layout); i++ {
		same, n := sameText(unitBlock(doc, i-1, tgt).Text, unitBlock(doc, i, tgt).Text, tgt)
		if same && n >= least &&
			dice(shingles(unitBlock(doc, i-1, src).Text, src), shingles(unitBlock(doc, i, src).Text, src)) <= maxShared {
			reportRepeated(p, i-1, i, src)
		}
	}
	return nil
}

// sameText reports whether a and b are one text but for case, spacing and
// punctuation, and, when they are, its length: words of an English text,
// letters and digits of a Chinese one. It reads them only as far as they
// agree, mostly a few characters: it is asked of every unit and the one
// before it.
func sameText(a, b string, l align.Lang) (bool, int) {
	ra, rb := normReader{s: a, en: l == align.En}, normReader{s: b, en: l == align.En}
	n := 0
	for {
		ca, cb := ra.next(), rb.next()
		if ca != cb {
			return false, 0
		}
		switch {
		case ca < 0:
			if ra.en && ra.started {
				n++ // the last word
			}
			return true, n
		case !ra.en || ca == ' ':
			n++
		}
	}
}

// normReader reads a text's normal form for sameText: its letters and
// digits in lower case, and in English one space between words.
type normReader struct {
	s       string
	i       int
	en      bool
	started bool
}

// next returns the next rune of the normal form, -1 at its end.
func (r *normReader) next() rune {
	gap := false
	for r.i < len(r.s) {
		c, size := utf8.DecodeRuneInString(r.s[r.i:])
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if gap && r.en && r.started {
				return ' ' // the letter is read next time
			}
			r.i += size
			r.started = true
			return unicode.ToLower(c)
		}
		r.i += size
		gap = true
	}
	return -1
}

// unitBlock is unit i's block of side l.
func unitBlock(doc *align.Document, i int, l align.Lang) *align.Block {
	if l == align.Zh {
		return doc.Zh[doc.Layout[i].Zh]
	}
	return doc.En[doc.Layout[i].En]
}

// unitName names a unit's block as findings do: its unit name in the
// file, or its line.
func unitName(b *align.Block) string {
	if b.Unit != "" {
		return b.Unit
	}
	return fmt.Sprintf("line %d", b.Span().Line)
}

// normalKey is the text compared when originals are: its letters and
// digits, simplified, width folded and in lower case, an English text's
// words separated by one space.
func normalKey(s string, l align.Lang) string {
	if l == align.Zh {
		var b strings.Builder
		for _, r := range foldWidth(lang.Simplify(s)) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		return b.String()
	}
	return strings.Join(strings.FieldsFunc(strings.ToLower(foldWidth(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// shingles are what originals are compared by: the neighbouring pairs of
// letters and digits of a Chinese text (simplified, width folded), the
// words of an English one (lower case). A Chinese text of one character
// is that character.
func shingles(s string, l align.Lang) map[string]bool {
	key := normalKey(s, l)
	out := map[string]bool{}
	if l == align.En {
		for _, w := range strings.Fields(key) {
			out[w] = true
		}
		return out
	}
	rs := []rune(key)
	if len(rs) == 1 {
		out[key] = true
	}
	for k := 0; k+1 < len(rs); k++ {
		out[string(rs[k:k+2])] = true
	}
	return out
}

// dice is the share of shingles two sets have in common: 2|a∩b|/(|a|+|b|);
// 1 for two empty sets.
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	both := 0
	for s := range a {
		if b[s] {
			both++
		}
	}
	return 2 * float64(both) / float64(len(a)+len(b))
}

func reportRepeated(p *Pass, first, later int, src align.Lang) {
	doc := p.Doc
	tgt := src.Other()
	orig, trans := unitBlock(doc, later, src), unitBlock(doc, later, tgt)
	op, tp := orig.Span(), trans.Span()
	f := Finding{Bead: p.Align.ZhBead[doc.Layout[later].Zh], About: BothSides, Confidence: 0.8,
		Evidence: "repeated " + align.NormText(trans.Text),
		Message: fmt.Sprintf("%s gives the translation of %s again, though the originals differ: %q may be left untranslated",
			unitName(trans), unitName(unitBlock(doc, first, tgt)), excerpt(orig.Text, 60)),
	}
	if src == align.Zh {
		f.Zh, f.En = &op, &tp
	} else {
		f.En, f.Zh = &op, &tp
	}
	p.Report(f)
}
