package checks

import (
	"fmt"

	"github.com/aligncheck/aligncheck/align"
)

// Alignment reports pairs that slipped out of step.
var Alignment = &Check{
	Name:       "alignment",
	Category:   CatAlignment,
	Severity:   Warning,
	Run:        runAlignment,
	Confidence: `1: the layout and the content disagree, both read from the document.`,
	Doc: `paragraphs out of step: the layout or the order disagrees with the content

Three situations:
- In an interleaved file the layout puts an English paragraph next to a
  Chinese one, but their content aligns elsewhere (a shifted pair).
- Two neighbouring pairs whose English paragraphs fit each other's Chinese
  clearly better than their own (by length, numbers, enumerators and the
  dictionary): a swapped pair. Reported on both.
- A Chinese paragraph translated by several English paragraphs, or the
  reverse (merged or split paragraphs): reported under "alignment/merged"
  as info, since translators do this on purpose.`,
}

// AlignmentMerged is the info-level sub-check of alignment for merged or
// split paragraphs.
var AlignmentMerged = &Check{
	Name:       "alignment/merged",
	Category:   CatAlignment,
	Severity:   Info,
	Run:        runMerged,
	Confidence: `1: the merge or split is what the aligner chose.`,
	Doc: `paragraphs merged or split in translation

One Chinese paragraph translated by two or more English paragraphs, or the
reverse. Often deliberate; listed so a reviser can confirm it.`,
}

func runAlignment(p *Pass) error {
	al := p.Align
	// layout disagreements (interleaved files)
	if p.Doc.Shape == align.Interleaved {
		for _, l := range p.Doc.Layout {
			bz, be := al.ZhBead[l.Zh], al.EnBead[l.En]
			if bz == be {
				continue
			}
			zb, eb := p.Doc.Zh[l.Zh], p.Doc.En[l.En]
			// the English paragraph's aligned Chinese, if any
			bead := &al.Beads[be]
			where := "no Chinese paragraph"
			if len(bead.Zh) > 0 {
				where = fmt.Sprintf("the Chinese paragraph at line %d", p.Doc.Zh[bead.Zh[0]].Span().Line)
			}
			// skip when one of the two is furniture or the English is
			// simply unpaired: omission/extra report those
			if zb.Kind == align.KindFurniture || eb.Kind == align.KindFurniture || len(bead.Zh) == 0 && len(al.Beads[bz].En) == 0 {
				continue
			}
			zs, es := zb.Span(), eb.Span()
			p.Report(Finding{Bead: be, Zh: &zs, En: &es,
				Evidence: "layout " + align.NormText(zb.Text) + "\x00" + align.NormText(eb.Text),
				Message: fmt.Sprintf("layout pairs this English paragraph with the Chinese paragraph at line %d, but its content aligns with %s",
					zs.Line, where)})
		}
	}
	for bi := range al.Beads {
		b := &al.Beads[bi]
		if b.SwappedWith < 0 {
			continue
		}
		o := &al.Beads[b.SwappedWith]
		zs, es := p.SideSpan(b, align.Zh), p.SideSpan(b, align.En)
		oz := p.SideSpan(o, align.Zh)
		p.Report(Finding{Bead: bi, Zh: zs, En: es, Evidence: "swapped",
			Message: fmt.Sprintf("swapped pair? this English paragraph fits the Chinese paragraph at line %d better than its own", oz.Line)})
	}
	return nil
}

func runMerged(p *Pass) error {
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		nz, ne := len(b.Zh), len(b.En)
		if nz == 0 || ne == 0 || nz == 1 && ne == 1 {
			continue
		}
		var msg string
		switch {
		case nz == 1:
			msg = fmt.Sprintf("one Chinese paragraph is translated by %d English paragraphs", ne)
		case ne == 1:
			msg = fmt.Sprintf("%d Chinese paragraphs are translated by one English paragraph", nz)
		default:
			msg = fmt.Sprintf("%d Chinese paragraphs correspond to %d English paragraphs", nz, ne)
		}
		p.Report(Finding{Bead: bi, Zh: p.SideSpan(b, align.Zh), En: p.SideSpan(b, align.En), Evidence: b.Type(), Message: msg})
	}
	return nil
}
