package numerals

import (
	"fmt"
	"strings"
)

// fmtNum renders a number compactly for table tests:
// Text=value[..hi]/kind[~approx][*] where * marks Spelled; a date renders
// its fields as date(Y.M.D[-DayHi]).
func fmtNum(n Number) string {
	var b strings.Builder
	b.WriteString(n.Text)
	b.WriteByte('=')
	if n.Kind == KindDate && n.Date != nil {
		fmt.Fprintf(&b, "date(%d.%d.%d", n.Date.Year, n.Date.Month, n.Date.Day)
		if n.Date.DayHi != 0 {
			fmt.Fprintf(&b, "-%d", n.Date.DayHi)
		}
		b.WriteByte(')')
	} else {
		fmt.Fprintf(&b, "%.6g", n.Value)
		if n.IsRange() {
			fmt.Fprintf(&b, "..%.6g", n.Hi)
		}
		b.WriteString("/" + n.Kind.String())
	}
	if n.Approx != "" {
		b.WriteString("~" + n.Approx)
	}
	if n.Spelled {
		b.WriteByte('*')
	}
	return b.String()
}

func fmtNums(ns []Number) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmtNum(n)
	}
	return strings.Join(parts, " ")
}
