package reports

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/checks"
)

// View is how the formats read by people — text, GitHub annotations,
// Markdown and the HTML page — show a report: which findings first, which
// are only counted, in colour or not. It changes neither the findings nor
// the exit code, and the formats read by programs (JSON, JSONL, SARIF,
// JUnit) ignore it: they keep every finding in the report's order. The
// front end sets it from its flags; writers only read it.
type View struct {
	// Show is the lowest severity listed; findings below it are counted
	// in one line at the end (the HTML page starts its severity filter
	// there, and a click shows the rest). Zero is DefaultShow.
	Show checks.Severity
	// ByFile lists findings by place only; by default errors come first,
	// then warnings, then info, each by place.
	ByFile bool
	// Color marks severities with ANSI colours (text output only).
	Color bool
}

// DefaultShow is the threshold of a View that sets none: what needs a
// person's attention, warnings and errors.
const DefaultShow = checks.Warning

// Threshold is the lowest severity the view lists.
func (v View) Threshold() checks.Severity {
	if v.Show == 0 {
		return DefaultShow
	}
	return v.Show
}

// Item is one finding of a report with its document.
type Item struct {
	Doc *Document
	F   *Finding
}

// Listed returns the findings the view lists, in its order, and counts
// those below its threshold.
func (r *Report) Listed() ([]Item, Counts) {
	var items []Item
	var hidden Counts
	min := sevRank(r.View.Threshold().String())
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			if sevRank(f.Severity) < min {
				hidden.add(f.Severity)
				continue
			}
			items = append(items, Item{d, f})
		}
	}
	r.sortItems(items)
	return items, hidden
}

// Ordered returns every finding of one document in the view's order.
func (r *Report) Ordered(d *Document) []Item {
	items := make([]Item, len(d.Findings))
	for i, f := range d.Findings {
		items[i] = Item{d, f}
	}
	r.sortItems(items)
	return items
}

func (c *Counts) add(sev string) {
	switch sev {
	case "error":
		c.Error++
	case "warning":
		c.Warning++
	default:
		c.Info++
	}
}

// sortItems orders findings by severity (unless the view is by file), then
// by document, then by the place one-line formats show, then as the report
// has them.
func (r *Report) sortItems(items []Item) {
	docIdx := map[*Document]int{}
	for i, d := range r.Documents {
		docIdx[d] = i
	}
	sort.SliceStable(items, func(a, b int) bool {
		ia, ib := items[a], items[b]
		if !r.View.ByFile {
			if sa, sb := sevRank(ia.F.Severity), sevRank(ib.F.Severity); sa != sb {
				return sa > sb
			}
		}
		if da, db := docIdx[ia.Doc], docIdx[ib.Doc]; da != db {
			return da < db
		}
		pa, pb := r.Primary(ia.F), r.Primary(ib.F)
		if (pa == nil) != (pb == nil) {
			return pa == nil
		}
		if pa == nil {
			return false
		}
		if pa.Path != pb.Path {
			return pa.Path < pb.Path
		}
		if pa.Line != pb.Line {
			return pa.Line < pb.Line
		}
		return pa.Column < pb.Column
	})
}

// HiddenLine is the line that ends a listing which left findings out
// ("33 info hidden: --show info"): how many of each severity, and the
// threshold that lists them all. Empty when nothing is hidden.
func HiddenLine(hidden Counts) string {
	var parts []string
	lowest := ""
	for _, c := range []struct {
		n    int
		name string
	}{{hidden.Error, "error"}, {hidden.Warning, "warning"}, {hidden.Info, "info"}} {
		if c.n == 0 {
			continue
		}
		lowest = c.name
		if c.name == "info" {
			parts = append(parts, fmt.Sprintf("%d info", c.n))
		} else {
			parts = append(parts, plural(c.n, c.name))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " and ") + " hidden: --show " + lowest
}

// Other is the location of a finding's other side, the one one-line
// formats name after the message; nil when it has one side only.
func (r *Report) Other(f *Finding) (*Location, string) {
	p := r.Primary(f)
	switch {
	case p == nil:
		return nil, ""
	case p == f.Zh && f.En != nil:
		return f.En, "English"
	case p == f.En && f.Zh != nil:
		return f.Zh, "Chinese"
	}
	return nil, ""
}

// otherSide names the other side's location for one-line formats:
// "(Chinese at zh.txt:3:5)", or "(Chinese at 44:1)" in the same file.
func (r *Report) otherSide(f *Finding) string {
	o, lang := r.Other(f)
	if o == nil {
		return ""
	}
	if p := r.Primary(f); p.Path == o.Path {
		return fmt.Sprintf("(%s at %d:%d)", lang, o.Line, o.Column)
	}
	return fmt.Sprintf("(%s at %s:%d:%d)", lang, o.Path, o.Line, o.Column)
}
