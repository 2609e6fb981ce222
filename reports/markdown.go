package reports

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes a short summary for $GITHUB_STEP_SUMMARY or a pull-request
// comment: the verdict, a table of counts per document, counts per
// category (all findings), then the findings the view lists (at most
// markdownTop, most severe first unless the view is by file) with both
// sides' locations and excerpts, and a line counting those below the
// view's threshold. Text from the documents is escaped so it cannot become
// Markdown or HTML.
type Markdown struct{}

const (
	markdownTop     = 20
	markdownExcerpt = 120
)

func (Markdown) Write(w io.Writer, r *Report) error {
	var b strings.Builder
	s := r.Summary
	fmt.Fprintf(&b, "## %s: %s, %s, %d info\n\n", mdEscape(r.Tool.Name), plural(s.Error, "error"), plural(s.Warning, "warning"), s.Info)
	if len(r.Documents) == 0 {
		b.WriteString("No documents checked.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("| document | pairs | errors | warnings | info | en/zh ratio |\n|---|--:|--:|--:|--:|--:|\n")
	cats := map[string]int{}
	total := 0
	for _, d := range r.Documents {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %.2f |\n", mdEscape(docName(d)), d.PairCount(), d.Summary.Error, d.Summary.Warning, d.Summary.Info, d.Ratio)
		for _, f := range d.Findings {
			cats[f.Category]++
			total++
		}
	}
	if total == 0 {
		b.WriteString("\nNo findings.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	var parts []string
	for _, c := range categoryCounts(cats) {
		parts = append(parts, fmt.Sprintf("%s %d", mdEscape(c.Name), c.N))
	}
	fmt.Fprintf(&b, "\n**By category:** %s\n", strings.Join(parts, " · "))
	all, below := r.Listed()
	top := all[:min(len(all), markdownTop)]
	if len(top) > 0 {
		fmt.Fprintf(&b, "\n### Top findings\n\n")
	}
	for k, it := range top {
		f := it.F
		where := mdEscape(docName(it.Doc))
		if l := r.Primary(f); l != nil {
			where = mdEscape(fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column))
			if o := r.otherSide(f); o != "" {
				where += " " + mdEscape(o)
			}
		}
		fmt.Fprintf(&b, "%d. **%s** `%s` %s  \n   %s\n", k+1, f.Severity, strings.ReplaceAll(f.Check, "`", ""), where, mdEscape(f.Message))
		for _, ex := range []struct {
			lang string
			l    *Location
		}{{"zh", f.Zh}, {"en", f.En}} {
			if ex.l != nil && strings.TrimSpace(ex.l.Text) != "" {
				fmt.Fprintf(&b, "   > %s: %s\n", ex.lang, mdEscape(shorten(oneLine(ex.l.Text), markdownExcerpt)))
			}
		}
	}
	if rest := all[len(top):]; len(rest) > 0 {
		n := map[string]int{}
		for _, it := range rest {
			n[it.F.Severity]++
		}
		var ps []string
		for _, sev := range []string{"error", "warning", "info"} {
			if n[sev] > 0 {
				ps = append(ps, fmt.Sprintf("%d %s", n[sev], sev))
			}
		}
		fmt.Fprintf(&b, "\n…and %d more (%s): see the full report.\n", len(rest), strings.Join(ps, ", "))
	}
	if h := HiddenLine(below); h != "" {
		fmt.Fprintf(&b, "\n%s\n", mdEscape(h))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape makes text safe to place in a Markdown line or table cell: HTML
// special characters become entities, Markdown punctuation is
// backslash-escaped, line breaks fold to spaces and control characters are
// dropped. A leading character that would start a block (a heading, list
// item, quote) is escaped too.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
			b.WriteRune('\uFFFD')
		case strings.ContainsRune("\\`*_[]|~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out != "" && strings.ContainsRune("#+-=", rune(out[0])) || strings.HasPrefix(out, "&gt;") {
		return "\\" + out
	}
	// "1. " or "1) " at the start would make an ordered list.
	if k := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && k < 10 && (out[k] == '.' || out[k] == ')') {
		return out[:k] + "\\" + out[k:]
	}
	return out
}
