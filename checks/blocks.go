package checks

import (
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
)

// pairedBody reports whether a bead pairs body text on both sides.
func pairedBody(p *Pass, b *align.Bead) bool {
	return len(b.Zh) > 0 && len(b.En) > 0 && hasBody(p, b)
}

// hasBody reports whether a block of the bead, on either side, is body text
// (prose, or a legislative-history note, which is text of the document).
func hasBody(p *Pass, b *align.Bead) bool {
	for _, i := range b.Zh {
		if k := p.Doc.Zh[i].Kind; k == align.KindBody || k == align.KindHistory {
			return true
		}
	}
	for _, j := range b.En {
		if k := p.Doc.En[j].Kind; k == align.KindBody || k == align.KindHistory {
			return true
		}
	}
	return false
}

// historyConfidence is the confidence of a length, omission, number, name
// or numbering finding on a legislative-history note (align.KindHistory):
// official translations abridge such notes by convention ("Amended on
// February 3, 2010" for the order number, the articles amended and the
// date of entry into force), so a difference there is reported as info.
// A provision left out is still reported in full: its paragraph is body.
const historyConfidence = 0.4

// historyBead reports whether paragraph bead bi records legislative history:
// every block of one side of it, at least, is a history note. (A note
// paired crosswise with a title is such a bead too: what differs there is
// the note's convention or the pairing, not the translation.)
func historyBead(p *Pass, bi int) bool {
	if bi < 0 || bi >= len(p.Align.Beads) {
		return false
	}
	b := &p.Align.Beads[bi]
	all := func(l align.Lang, idx []int) bool {
		for _, i := range idx {
			if p.Doc.Blocks(l)[i].Kind != align.KindHistory {
				return false
			}
		}
		return len(idx) > 0
	}
	return all(align.Zh, b.Zh) || all(align.En, b.En)
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

// explicitSlogans reports whether the Chinese of bead bi holds a numbered
// slogan in quotation marks (“两学一做”, “三严三实”, “四风”, “约法三章”,
// “十三五”): official English spells such slogans out ("activities to
// enable Party members to gain a good understanding of the Party
// Constitution…"), so a pair holding one may be longer in English, and have
// English sentences of its own, by explicitation.
func explicitSlogans(p *Pass, bi int) bool {
	if bi < 0 || bi >= len(p.Align.Beads) {
		return false
	}
	for _, i := range p.Align.Beads[bi].Zh {
		if hasNumberedSlogan(p.Doc.Zh[i].Text) {
			return true
		}
	}
	return false
}

// hasNumberedSlogan reports whether s holds a numbered slogan: it is the
// expression
// [“"「‘][^”"」’]{0,6}[一二两三四五六七八九十百千][^”"」’]{0,6}[”"」’]
// read by hand (the
// backtracker took about half a percent of a whole run, asked of every
// paired paragraph). Between an opening mark and the first closing mark
// after it there are no closing marks, so the expression matches where the
// m characters (m ≤ 13) between an opening mark and the first closing mark
// after it hold a numeral that has at most six of them before and at most
// six after. An opening mark is found by its first byte, which no other
// character's encoding holds (‘“ start with 0xe2, 「 with 0xe3, '"' is
// ASCII), and characters are decoded as the expression decodes them.
func hasNumberedSlogan(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '"' && c != 0xe2 && c != 0xe3 {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '"' && r != '“' && r != '「' && r != '‘' {
			continue
		}
		m := 0 // characters read after the opening mark
		for j := i + size; j < len(s) && m <= 13; {
			r, n := utf8.DecodeRuneInString(s[j:])
			if sloganClose(r) {
				// some numeral at a place k (from 1) with k-1 ≤ 6
				// characters before it and m-k ≤ 6 after
				if sloganNumeralIn(s[i+size:j], max(1, m-6), 7) {
					return true
				}
				break
			}
			j += n
			m++
		}
		i += size - 1
	}
	return false
}

// sloganNumeralIn reports whether one of the characters of s at places lo
// to hi (from 1) is a numeral of numberedSlogan.
func sloganNumeralIn(s string, lo, hi int) bool {
	k := 0
	for _, r := range s {
		k++
		if k > hi {
			break
		}
		if k >= lo && sloganNumeral(r) {
			return true
		}
	}
	return false
}

func sloganClose(r rune) bool {
	return r == '”' || r == '"' || r == '」' || r == '’'
}

func sloganNumeral(r rune) bool {
	switch r {
	case '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千':
		return true
	}
	return false
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
