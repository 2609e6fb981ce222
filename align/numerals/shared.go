package numerals

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// A list or range of percentages often writes the unit once: "from 10.2 to
// 3.1 percent", "3, 4 and 5 percent", 百分之二十至四十. Every number of
// such a list is a percentage; read alone, the first ones would be plain
// numbers and find no counterpart in a translation that writes the unit
// each time (由10.2%下降到3.1%).

// enUnitGaps and zhUnitGaps are what may stand between the members of
// such a list: "to", "and", "or", a comma, a dash; 至, 到, 或, 、.
var (
	enUnitGaps = map[string]bool{"to": true, "and": true, "or": true, ",": true, ", and": true,
		"-": true, "–": true, "—": true, "to about": true}
	zhUnitGaps = map[string]bool{"至": true, "到": true, "或": true, "、": true, "和": true, "-": true, "–": true, "～": true, "~": true}
)

// sharePercent makes the plain numbers that lead a list ending in a
// percentage percentages too. gaps are the separators of the language.
func sharePercent(text string, ns []Number, gaps map[string]bool) {
	for i := len(ns) - 1; i > 0; i-- {
		n, prev := &ns[i], &ns[i-1]
		if n.Kind != KindPercent || prev.Kind != KindCardinal || prev.Unit != "" || prev.End > n.Start || prev.Value > 100 {
			continue // "$164 billion, or 0.7 percent": an amount and its share
		}
		if !gaps[strings.ToLower(strings.TrimSpace(text[prev.End:n.Start]))] {
			continue
		}
		prev.Kind = KindPercent
	}
}

// shareLeadingPercent: Chinese writes the unit of a list once in front,
// 百分之二十至四十: the plain numbers that follow it are percentages too.
func shareLeadingPercent(text string, ns []Number, gaps map[string]bool) {
	for i := 1; i < len(ns); i++ {
		n, prev := &ns[i], &ns[i-1]
		if prev.Kind != KindPercent || !strings.HasPrefix(text[prev.Start:prev.End], "百分之") ||
			n.Kind != KindCardinal || n.Unit != "" || prev.End > n.Start || n.Value > 100 {
			continue
		}
		if !gaps[strings.TrimSpace(text[prev.End:n.Start])] {
			continue
		}
		n.Kind = KindPercent
	}
}

// zhDayLists reads a list of days under one month, 3月22、28、30日 (March
// 22, 28 and 30), which the scanner sees as a month (3月), plain numbers
// (22, 28) and a day (30日): each day becomes a date of that month (and
// year). The days are joined by 、 or 和 and the list ends with 日.
func zhDayLists(text string, ns []Number) []Number {
	drop := map[int]bool{}
	for i := 0; i+1 < len(ns); i++ {
		m := &ns[i]
		if m.Kind != KindDate || m.Date == nil || m.Date.Month == 0 || m.Date.Day != 0 {
			continue
		}
		// the members: plain whole numbers from 1 to 31, the last a day
		// of no month (30日), each after a 、 or 和 but the first, which
		// follows the month directly
		j, last := i+1, -1
		for ; j < len(ns); j++ {
			n := &ns[j]
			gap := strings.TrimSpace(text[ns[j-1].End:n.Start])
			if j == i+1 && gap != "" || j > i+1 && gap != "、" && gap != "和" && gap != "及" {
				break
			}
			if n.Kind == KindDate && n.Date != nil && n.Date.Month == 0 && n.Date.Year == 0 && n.Date.Day >= 1 && n.Date.Day <= 31 {
				last = j
				break
			}
			if n.Kind != KindCardinal || n.Value != float64(int(n.Value)) || n.Value < 1 || n.Value > 31 {
				break
			}
		}
		if last < 0 {
			continue
		}
		for k := i + 1; k <= last; k++ {
			d := &Date{Year: m.Date.Year, Month: m.Date.Month, Day: int(ns[k].Value)}
			if k == last {
				d.Day = ns[k].Date.Day
			}
			ns[k].Kind, ns[k].Date, ns[k].Value, ns[k].Hi = KindDate, d, dateValue(d), dateValue(d)
		}
		// the month names the first day's date; it keeps its span
		m.Date = &Date{Year: m.Date.Year, Month: m.Date.Month, Day: ns[i+1].Date.Day}
		m.Value, m.Hi = dateValue(m.Date), dateValue(m.Date)
		m.End = ns[i+1].End
		m.Text = text[m.Start:m.End]
		drop[i+1] = true
		i = last
	}
	if len(drop) == 0 {
		return ns
	}
	out := ns[:0]
	for i, n := range ns {
		if !drop[i] {
			out = append(out, n)
		}
	}
	return out
}

// enDayLists reads a list of days under one month, "March 22, 28, and
// 30, 2020": the scanner sees a date (March 22), plain numbers (28, 30)
// and a year; each day becomes a date of that month, and of the year
// that closes the list.
func enDayLists(text string, ns []Number) {
	for i := 0; i+1 < len(ns); i++ {
		m := &ns[i]
		if m.Kind != KindDate || m.Date == nil || m.Date.Month == 0 || m.Date.Day == 0 || m.Date.DayHi != 0 || m.Date.Year != 0 {
			continue // "May 5, 2020, 12 people": a full date ends there
		}
		last, closed := i, false
		for j := i + 1; j < len(ns); j++ {
			n := &ns[j]
			gap := strings.ToLower(strings.TrimSpace(text[ns[j-1].End:n.Start]))
			if gap != "," && gap != "and" && gap != ", and" || n.Kind != KindCardinal ||
				n.Value != float64(int(n.Value)) || n.Value < 1 || n.Value > 31 || strings.ContainsAny(n.Text, ".,") {
				break
			}
			last, closed = j, strings.HasSuffix(gap, "and")
			if closed {
				break
			}
		}
		if last == i || !closed {
			continue // "On June 1, 3 people died": a list ends with "and"
		}
		year := m.Date.Year
		if last+1 < len(ns) && ns[last+1].Kind == KindYear && strings.TrimSpace(text[ns[last].End:ns[last+1].Start]) == "," && year == 0 {
			year = int(ns[last+1].Value)
			m.Date = &Date{Year: year, Month: m.Date.Month, Day: m.Date.Day}
			m.Value, m.Hi = dateValue(m.Date), dateValue(m.Date)
		}
		for k := i + 1; k <= last; k++ {
			d := &Date{Year: year, Month: m.Date.Month, Day: int(ns[k].Value)}
			ns[k].Kind, ns[k].Date, ns[k].Value, ns[k].Hi = KindDate, d, dateValue(d), dateValue(d)
		}
		i = last
	}
}

// enYearSpans reads a span of years with the second year cut to its last
// two digits, "between 2010-16" (2010 to 2016), as one range of years.
func enYearSpans(text string, ns []Number) []Number {
	out := ns[:0]
	for i := 0; i < len(ns); i++ {
		n := ns[i]
		if i+1 < len(ns) && n.Kind == KindYear && n.Value == n.Hi && n.End == ns[i+1].Start-1 &&
			strings.ContainsAny(text[n.End:ns[i+1].Start], "-–") {
			m := ns[i+1]
			if t := text[m.Start:m.End]; len(t) == 2 && m.Kind == KindCardinal {
				hi := float64(int(n.Value)/100*100) + m.Value
				if hi > n.Value {
					n.Hi, n.End = hi, m.End
					n.Text = text[n.Start:n.End]
					out = append(out, n)
					i++
					continue
				}
			}
		}
		out = append(out, n)
	}
	return out
}

// monthTheDay: the spoken form of a date, "January the 20th".
var monthTheDay = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+the\s+([0-9]{1,2})(?:st|nd|rd|th)\b`)

var monthNumber = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// monthTheDigit reports whether text has what every match of monthTheDay
// holds: a month's name, white space, "the" in any case, white space, a
// digit. It is the cheap test that spares most English sentences, which
// have "the" but no spoken date, the regular expression's backtracking
// over the whole text. (Before the month was asked for, "the 1990s" and
// "the 20th century" sent a sentence to the expression: a third of the
// time numerals.English took.) A name with a byte outside ASCII before
// it, which the expression's case folding may match (ſeptember), passes.
func monthTheDigit(text string) bool {
	for i := 1; i+4 < len(text); i++ {
		// "the" is read from i, so text[i+1] is 'h' or 'H': while the
		// eight bytes from there hold neither, none of the eight
		// positions from i can start it (TestMonthTheDigitSkips).
		for i+9 <= len(text) && !hasH(text[i+1:]) {
			i += 8
		}
		if i+4 >= len(text) {
			break
		}
		if text[i]|0x20 != 't' || text[i+1]|0x20 != 'h' || text[i+2]|0x20 != 'e' || !reSpace(text[i-1]) {
			continue
		}
		k := i + 3
		if !reSpace(text[k]) {
			continue
		}
		for k < len(text) && reSpace(text[k]) {
			k++
		}
		if k < len(text) && text[k] >= '0' && text[k] <= '9' && monthEnds(text[:i-1]) {
			return true
		}
	}
	return false
}

// hasH reports whether one of the first eight bytes of s is 'h' or 'H':
// setting bit 5 maps both, and no other byte, onto 'h', and the XOR makes
// those bytes zero, which lang.HasZeroByte finds.
func hasH(s string) bool {
	w := lang.Load8(s)
	return lang.HasZeroByte((w|0x2020202020202020)^0x6868686868686868) != 0
}

// monthEnds reports whether text, white space left out at its end, may
// end in a month's name: it does, in any ASCII case, or one of the
// bytes a name could take there is not ASCII.
func monthEnds(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool { return r < utf8.RuneSelf && reSpace(byte(r)) })
	for k := max(0, len(text)-len("september")); k < len(text); k++ {
		if text[k] >= utf8.RuneSelf {
			return true
		}
	}
	for m := range monthNumber {
		if len(text) >= len(m) && strings.EqualFold(text[len(text)-len(m):], m) {
			return true
		}
	}
	return false
}

// reSpace is \s of Go's regular expressions: [\t\n\f\r ].
func reSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// enMonthTheDay reads "January the 20th" as January 20 (speeches say
// dates so), in place of whatever the scanner read there.
func enMonthTheDay(text string, ns []Number) []Number {
	if !strings.Contains(text, " the ") || !monthTheDigit(text) {
		return ns
	}
	ms := monthTheDay.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 {
		return ns
	}
	var out []Number
	k := 0
	for _, m := range ms {
		day := 0
		for _, c := range text[m[4]:m[5]] {
			day = day*10 + int(c-'0')
		}
		if day < 1 || day > 31 {
			continue
		}
		for k < len(ns) && ns[k].End <= m[0] {
			out = append(out, ns[k])
			k++
		}
		for k < len(ns) && ns[k].Start < m[1] {
			k++ // read otherwise by the scanner: the month, the ordinal
		}
		d := &Date{Month: monthNumber[strings.ToLower(text[m[2]:m[3]])], Day: day}
		out = append(out, Number{Value: dateValue(d), Hi: dateValue(d), Kind: KindDate, Date: d,
			Text: text[m[0]:m[1]], Start: m[0], End: m[1]})
	}
	return append(out, ns[k:]...)
}
