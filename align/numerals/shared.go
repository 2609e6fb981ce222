package numerals

import "strings"

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
