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
	// Thresholds hold numeric parameters as "check.name" → value; each
	// check documents the ones it reads.
	Thresholds map[string]float64
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
	return &Settings{Disabled: map[string]bool{}, Severity: map[string]Severity{}, Thresholds: map[string]float64{}}
}

// Threshold returns the configured value of a check parameter or def.
func (s *Settings) Threshold(check, name string, def float64) float64 {
	if s != nil {
		if v, ok := s.Thresholds[check+"."+name]; ok {
			return v
		}
	}
	return def
}

// Run runs the enabled checks over one aligned document and returns the
// findings with severities applied, fingerprints set, in a stable order.
func Run(doc *align.Document, al *align.Alignment, set *Settings, list []*Check) ([]Finding, error) {
	if set == nil {
		set = DefaultSettings()
	}
	var all []Finding
	for _, c := range list {
		if set.Disabled[c.Name] {
			continue
		}
		p := &Pass{Check: c, Doc: doc, Align: al, Settings: set}
		if err := c.Run(p); err != nil {
			return nil, fmt.Errorf("check %s: %w", c.Name, err)
		}
		for _, f := range p.findings {
			if s, ok := set.Severity[f.Check]; ok {
				f.Severity = s
			}
			all = append(all, f)
		}
	}
	Sort(all, set.Source)
	fingerprint(all, al)
	return all, nil
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
func fingerprint(fs []Finding, al *align.Alignment) {
	seen := map[string]int{}
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

// Count returns the number of findings at each severity.
func Count(fs []Finding) map[Severity]int {
	m := map[Severity]int{}
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}
