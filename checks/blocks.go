package checks

import (
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
)

// pairedBody reports whether a bead pairs body text on both sides.
func pairedBody(p *Pass, b *align.Bead) bool {
	return len(b.Zh) > 0 && len(b.En) > 0 && hasBody(p, b)
}

// hasBody reports whether a block of the bead, on either side, is body text.
func hasBody(p *Pass, b *align.Bead) bool {
	for _, i := range b.Zh {
		if p.Doc.Zh[i].Kind == align.KindBody {
			return true
		}
	}
	for _, j := range b.En {
		if p.Doc.En[j].Kind == align.KindBody {
			return true
		}
	}
	return false
}

// bodyRange returns the first and last bead that pair body text; everything
// outside is the page's head or tail. (-1, -1) when there is none.
func bodyRange(p *Pass) (int, int) {
	first, last := -1, -1
	for bi := range p.Align.Beads {
		if pairedBody(p, &p.Align.Beads[bi]) {
			if first < 0 {
				first = bi
			}
			last = bi
		}
	}
	return first, last
}

// excerpt shortens a text for a message.
func excerpt(s string, n int) string {
	s = align.NormText(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// langName is the language's name in messages.
func langName(l align.Lang) string {
	if l == align.Zh {
		return "Chinese"
	}
	return "English"
}
