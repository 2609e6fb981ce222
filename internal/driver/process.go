package driver

import (
	"bytes"
	"fmt"
	"os"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver/baseline"
	"github.com/aligncheck/aligncheck/internal/driver/changed"
	"github.com/aligncheck/aligncheck/internal/driver/suppress"
	"github.com/aligncheck/aligncheck/reports"
)

// Result is one document of a run as the driver produced it.
type Result struct {
	reports.Checked
	// Shape, when set, is the shape the report shows instead of the
	// document's own ("unpaired" for a file without its translation).
	Shape string
	// Units is the unit range a file checked in windows was checked in
	// (Options.Units); nil for the whole.
	Units *reports.Units
}

// Processor is one step of the chain every checked document's findings go
// through after the checks, alike for every front end (golangci-lint's
// result processors): inline suppressions, changed-only, the baseline.
// The driver calls Process on each document as soon as it is checked
// (its Doc and Align are there, unless it was checked in windows), in
// chain order, and Finish once on the whole run, in report order.
type Processor interface {
	Name() string
	// Process filters or adds to one document's findings; false drops the
	// document from the report.
	Process(r *Result) (keep bool, err error)
	// Finish filters the findings of the whole run (rs in report order)
	// in place.
	Finish(rs []Result) error
	// Note is what the summary line says about the processor's work; ""
	// for nothing.
	Note() string
}

// suppressions applies the aligncheck-ignore directives of each document.
type suppressions struct{ opt suppress.Options }

func (suppressions) Name() string { return "suppressions" }

func (p suppressions) Process(r *Result) (bool, error) {
	if r.Doc != nil { // a file checked in windows holds no directive
		r.Findings = suppress.Apply(r.Doc, r.Align, r.Findings, p.opt)
	}
	return true, nil
}

func (suppressions) Finish([]Result) error { return nil }
func (suppressions) Note() string          { return "" }

// changedOnly keeps the findings on pairs whose text changed since a git
// revision (--new-from-rev), and unpaired files that changed.
type changedOnly struct {
	git *changed.Git
	in  input.Options
}

func (changedOnly) Name() string { return "changed-only" }

func (p changedOnly) Process(r *Result) (bool, error) {
	if r.Shape == shapeUnpaired {
		return p.fileChanged(r.Doc.Name), nil
	}
	ch, err := changed.Since(p.git, r.Doc, p.in)
	if err != nil {
		return false, err
	}
	r.Findings = ch.Filter(r.Findings, r.Align)
	return true, nil
}

// fileChanged reports whether a file differs from its content at the
// revision (or did not exist then).
func (p changedOnly) fileChanged(path string) bool {
	old, ok, err := p.git.Old(path)
	if err != nil || !ok {
		return true
	}
	cur, err := os.ReadFile(path)
	return err != nil || !bytes.Equal(old, cur)
}

func (changedOnly) Finish([]Result) error { return nil }
func (p changedOnly) Note() string        { return "only pairs changed since " + p.git.Rev }

// baselined records the run's findings (--write-baseline) and drops those
// a baseline knows (--baseline). It sees the whole run at once: an entry
// of the baseline absorbs findings of any document (a file renamed).
type baselined struct {
	base  *baseline.File // nil: nothing to drop
	write string         // "": nothing to record
	known int            // findings the baseline hid
}

func (*baselined) Name() string                  { return "baseline" }
func (*baselined) Process(*Result) (bool, error) { return true, nil }

func (p *baselined) Finish(rs []Result) error {
	per := items(rs)
	if p.write != "" {
		if err := baseline.New(flatten(per)).WriteFile(p.write); err != nil {
			return err
		}
	}
	if p.base == nil {
		return nil
	}
	isNew := p.base.New(flatten(per))
	k := 0
	for i := range rs {
		var keep []checks.Finding
		for _, f := range rs[i].Findings {
			if isNew[k] {
				keep = append(keep, f)
			} else {
				p.known++
			}
			k++
		}
		rs[i].Findings = keep
	}
	return nil
}

func (p *baselined) Note() string {
	var s string
	if p.base != nil {
		s = fmt.Sprintf("%d in the baseline not shown", p.known)
	}
	if p.write != "" {
		if s != "" {
			s += "; "
		}
		s += "baseline written to " + p.write
	}
	return s
}

// items lists the findings of a run for the baseline, in report order.
func items(rs []Result) [][]baseline.Item {
	out := make([][]baseline.Item, len(rs))
	for i, c := range rs {
		for _, f := range c.Findings {
			path := c.DocName()
			if sp := checks.Primary(&f, align.Zh); sp != nil && sp.Path != "" {
				path = sp.Path
			}
			ev := f.Evidence
			if ev == "" {
				ev = f.Message
			}
			out[i] = append(out[i], baseline.Item{Fingerprint: f.Fingerprint, Check: f.Check, Path: path, Message: f.Message, Evidence: ev})
		}
	}
	return out
}

func flatten(ii [][]baseline.Item) []baseline.Item {
	var out []baseline.Item
	for _, x := range ii {
		out = append(out, x...)
	}
	return out
}
