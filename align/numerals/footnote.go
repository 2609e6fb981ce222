package numerals

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reports and speeches copied from web pages keep their footnote calls as
// plain digits glued to the text they annotate: "… two percent.133 The
// dollar …", "… in October 2020.135,136 U.S. sanctions …", "… (GDP).16,17",
// "rejuvenation.”157". Such a call is no number of the text, and the
// translation rightly leaves it out (or keeps it where the sentence order
// puts it). A call is one to three digits (a list of them joined by
// commas) written with no space after a word, a closing mark or a sentence
// end, and followed by white space, the end of the text or a closing mark.
// A year followed by a full stop and a call ("2020.135") is the year.

// footnoteAfter: the characters a footnote call may be glued to.
func footnoteAfter(r rune) bool {
	return unicode.IsLetter(r) && r < 0x2E80 || strings.ContainsRune(".,;:!?)]”\"’'*", r)
}

// dropFootnotes removes the footnote calls from the numbers of an English
// text and gives a year read with a call glued to it ("2020.135") back its
// own value.
func dropFootnotes(text string, ns []Number) []Number {
	out := ns[:0]
	callEnd := -1 // the end of the last call and of the list it opens
	for _, n := range ns {
		if n.Start < callEnd {
			continue // "135,136": the rest of a list of calls
		}
		if end, ok := footnoteCall(text, n.Start); ok {
			callEnd = end
			continue
		}
		if y, end, ok := yearWithCall(text, n); ok {
			n, callEnd = y, end
		}
		out = append(out, n)
	}
	return out
}

// footnoteCall reports whether a footnote call starts at text[start:]:
// groups of one to three digits joined by commas, glued to a word, a
// closing mark or a sentence end before, free after (white space, the end
// of the text or a closing mark). end is where the calls end.
func footnoteCall(text string, start int) (end int, ok bool) {
	if start <= 0 || start >= len(text) {
		return 0, false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	if !footnoteAfter(before) {
		return 0, false
	}
	if b2, _ := utf8.DecodeLastRuneInString(text[:start-1]); (before == '.' || before == ',') && unicode.IsDigit(b2) {
		// "3.5", "1,000": the digits continue a number, unless they
		// continue a list of calls ("16,17")
		k := start - 1
		for k > 0 && (text[k-1] >= '0' && text[k-1] <= '9' || text[k-1] == ',') {
			k--
		}
		if before == ',' && k < start-1 {
			if end, ok := footnoteCall(text, k); ok && end > start {
				return end, true
			}
		}
		return 0, false
	}
	if before == '.' && numberAbbrev[strings.ToLower(lastWord(text[:start-1]))] {
		return 0, false // "No.9", "Art.12", "p.45"
	}
	return callAt(text, start)
}

// numberAbbrev are the abbreviations a number follows with only a full
// stop between: "Order No.9", "Art.12", "pp.45".
var numberAbbrev = map[string]bool{"no": true, "nos": true, "art": true, "arts": true, "sec": true, "secs": true,
	"para": true, "paras": true, "p": true, "pp": true, "vol": true, "vols": true, "ch": true, "chap": true,
	"fig": true, "figs": true, "op": true, "ref": true, "rev": true, "v": true, "vs": true, "tel": true, "ed": true}

// lastWord is the run of letters that ends s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return s[i:]
}

// callAt reads the digits of calls from text[start:], free after.
func callAt(text string, start int) (end int, ok bool) {
	i := start
	for {
		j := i
		for j < len(text) && j-i < 4 && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == i || j-i > 3 {
			return 0, false
		}
		i = j
		if i+1 < len(text) && text[i] == ',' && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	if i == len(text) {
		return i, true
	}
	after, _ := utf8.DecodeRuneInString(text[i:])
	return i, unicode.IsSpace(after) || strings.ContainsRune(")]”\"’", after)
}

// yearWithCall reads "2020.135" (a year, a full stop ending the sentence,
// a call) as the year; end is where the calls end.
func yearWithCall(text string, n Number) (Number, int, bool) {
	t := text[n.Start:n.End]
	dot := strings.IndexByte(t, '.')
	if dot != 4 || n.Kind != KindCardinal && n.Kind != KindYear {
		return n, 0, false
	}
	end, ok := callAt(text, n.Start+dot+1)
	if !ok {
		return n, 0, false
	}
	year := English(t[:dot])
	if len(year) != 1 || year[0].Kind != KindYear {
		return n, 0, false
	}
	y := year[0]
	y.Start, y.End = n.Start, n.Start+dot
	y.Text = t[:dot]
	return y, end, true
}
