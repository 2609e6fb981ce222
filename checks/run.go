package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks/glossary"
)

// Settings are what configuration can change about the checks.
type Settings struct {
	// Disabled checks do not run.
	Disabled map[string]bool
	// Severity overrides a check's default severity.
	Severity map[string]Severity
	// Options hold the values configuration gives the checks' options
	// (Check.Options) as "check.option" → value; an option not here has
	// its default.
	Options map[string]float64
	// Source is the language of the original; the other side is the
	// translation. It decides the primary location of a finding and which
	// way sentence-level omission and addition point.
	Source align.Lang
	// Glossary holds the terms the terminology check enforces; nil or
	// empty when no glossary was given.
	Glossary *glossary.Glossary
}

// DefaultSettings has every check on at its default severity, Chinese as
// the source language.
func DefaultSettings() *Settings {
	return &Settings{Disabled: map[string]bool{}, Severity: map[string]Severity{}, Options: map[string]float64{}}
}

// Run runs the enabled checks over one aligned document and returns the
// findings with severities applied, fingerprints set, in a stable order.
func Run(doc *align.Document, al *align.Alignment, set *Settings, list []*Check) ([]Finding, error) {
	return run(doc, al, set, list, nil)
}

// Whole is what a run over one window of a pre-aligned document read in
// pieces (Document.Window) takes from the rest of the document, so that
// the windows together give the findings of the whole: the document's
// length norm, and the fingerprints given so far (a repeated finding is
// numbered across the document).
type Whole struct {
	// Length is the norm of the length check over the whole document,
	// from LengthSample on each window.
	Length *LengthNorm

	seen map[string]int
}

// RunWindow runs the checks over one window of a document read in pieces
// and returns the findings on the window's own pairs (Window.Home to
// HomeEnd; the context pairs are the neighbours' own), sorted, with
// fingerprints numbered on from the windows before. Bead indices stay
// those of the window.
func RunWindow(doc *align.Document, al *align.Alignment, set *Settings, list []*Check, whole *Whole) ([]Finding, error) {
	if whole == nil || doc.Window == nil {
		return nil, fmt.Errorf("%s: RunWindow needs a window and its whole", doc.Name)
	}
	return run(doc, al, set, list, whole)
}

func run(doc *align.Document, al *align.Alignment, set *Settings, list []*Check, whole *Whole) ([]Finding, error) {
	if set == nil {
		set = DefaultSettings()
	}
	var all []Finding
	shared := facts{}
	for _, c := range list {
		if set.Disabled[c.Name] {
			continue
		}
		p := &Pass{Check: c, Doc: doc, Align: al, Settings: set, Whole: whole, facts: shared}
		if err := c.Run(p); err != nil {
			return nil, fmt.Errorf("check %s: %w", c.Name, err)
		}
		for _, f := range p.findings {
			if whole != nil && !own(doc.Window, f.Bead) {
				continue
			}
			if s, ok := set.Severity[f.Check]; ok {
				f.Severity = s
			}
			f.Severity = CapSeverity(f.Severity, f.Confidence)
			all = append(all, f)
		}
	}
	Sort(all, set.Source)
	var seen map[string]int
	if whole != nil {
		if whole.seen == nil {
			whole.seen = map[string]int{}
		}
		seen = whole.seen
	}
	fingerprint(all, al, seen)
	return all, nil
}

// own reports whether a finding on bead b belongs to the window: its pair
// is one of the window's own, or it has none and the window is the first.
func own(w *align.Window, b int) bool {
	if b < 0 {
		return w.First == 0
	}
	return b >= w.Home && b < w.HomeEnd
}

// Primary is the location a one-line report shows: the translation's side
// when a finding has both, else the side it has.
func Primary(f *Finding, source align.Lang) *align.Span {
	zh, en := f.Zh, f.En
	if source == align.En {
		zh, en = en, zh
	}
	if en != nil {
		return en
	}
	return zh
}

// Sort orders findings by primary location, then check and message.
func Sort(fs []Finding, source align.Lang) {
	sort.SliceStable(fs, func(a, b int) bool {
		pa, pb := Primary(&fs[a], source), Primary(&fs[b], source)
		if (pa == nil) != (pb == nil) {
			return pa == nil
		}
		if pa != nil {
			if pa.Path != pb.Path {
				return pa.Path < pb.Path
			}
			if pa.Line != pb.Line {
				return pa.Line < pb.Line
			}
			if pa.Column != pb.Column {
				return pa.Column < pb.Column
			}
		}
		if fs[a].Check != fs[b].Check {
			return fs[a].Check < fs[b].Check
		}
		return fs[a].Message < fs[b].Message
	})
}

// fingerprint derives a fingerprint from what a finding is about, not where:
// the check, the normalised text of its aligned pair and its evidence, so it
// survives line shifts, edits elsewhere and reflowed white space. Repeats of
// the same finding in the same pair are numbered.
func fingerprint(fs []Finding, al *align.Alignment, seen map[string]int) {
	if seen == nil {
		seen = map[string]int{}
	}
	for i := range fs {
		f := &fs[i]
		var zh, en string
		if al != nil && f.Bead >= 0 && f.Bead < len(al.Beads) {
			b := &al.Beads[f.Bead]
			zh, en = align.NormText(al.Text(b, align.Zh)), align.NormText(al.Text(b, align.En))
		} else {
			if f.Zh != nil {
				zh = align.NormText(f.Zh.Text)
			}
			if f.En != nil {
				en = align.NormText(f.En.Text)
			}
		}
		ev := f.Evidence
		if ev == "" {
			ev = f.Message
		}
		key := strings.Join([]string{f.Check, zh, en, ev}, "\x00")
		n := seen[key]
		seen[key] = n + 1
		h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
		f.Fingerprint = hex.EncodeToString(h[:8])
	}
}
