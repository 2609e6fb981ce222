package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/aligncheck/aligncheck/checks"
)

// Shard is what the JSON report of one shard of a run (check --shard K/N)
// carries beyond the report itself, so that merging the shards' reports
// (Merge) gives the report the whole run gives, in every format: the
// checks that ran and the settings a writer or the exit code reads, which
// a report's JSON does not hold, and where each document and finding
// belongs.
type Shard struct {
	Index int `json:"index"` // K, from 1
	Count int `json:"count"` // N
	// Source is the original's language; FailOn the failing severity
	// ("none" for never).
	Source string      `json:"source"`
	FailOn string      `json:"failOn"`
	Checks []CheckInfo `json:"checks"`
	// Units is the run's unit range (check --units FROM:TO), nil for
	// whole files.
	Units *Units `json:"units,omitempty"`
	// Documents are the report's documents, in order: each one's place
	// in the whole run and what its findings are about.
	Documents []ShardDocument `json:"documents"`
}

// ShardDocument places one document of a shard's report in the whole run.
type ShardDocument struct {
	// Task is the position of the document's task in the whole run's
	// plan (documents sorted by path): the merged report's order.
	Task int `json:"task"`
	// About holds each finding's About ("zh", "en" or "").
	About []string `json:"about"`
	// Units, for a file checked in windows with check --units FROM:TO,
	// is that range ([from, to), to 0 for the end of the file): the
	// document holds only the windows that start in it, and Keys each
	// finding's fingerprint key, so that merging numbers repeats across
	// the ranges as one run does.
	Units *Units   `json:"units,omitempty"`
	Keys  []string `json:"keys,omitempty"`
}

// Units is a range of units of a file: [From, To), To 0 for the end.
type Units struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// NewShard describes a report built from the K-th of N shards of a run;
// tasks gives each document's task in the whole run, units (nil for
// none) the unit range of each document checked in windows.
func NewShard(r *Report, k, n int, failOn string, tasks []int, units []*Units) *Shard {
	s := &Shard{Index: k, Count: n, Source: r.Source, FailOn: failOn, Checks: r.Checks, Documents: []ShardDocument{}}
	if s.Checks == nil {
		s.Checks = []CheckInfo{}
	}
	for i, d := range r.Documents {
		about := make([]string, len(d.Findings))
		for j, f := range d.Findings {
			about[j] = f.About
		}
		sd := ShardDocument{Task: tasks[i], About: about}
		if units != nil && units[i] != nil {
			sd.Units = units[i]
			sd.Keys = make([]string, len(d.Findings))
			for j, f := range d.Findings {
				sd.Keys[j] = f.Key
			}
		}
		s.Documents = append(s.Documents, sd)
	}
	return s
}

// MergeError is a set of reports that do not make one run.
type MergeError struct {
	Path string // the report at fault; "" for the set
	Msg  string
}

func (e *MergeError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// ReadShard reads a shard's JSON report.
func ReadShard(path string, r io.Reader) (*Report, error) {
	var rep Report
	dec := json.NewDecoder(r)
	if err := dec.Decode(&rep); err != nil {
		return nil, &MergeError{path, "not a JSON report: " + err.Error()}
	}
	s := rep.Shard
	switch {
	case rep.Version != 1:
		return nil, &MergeError{path, fmt.Sprintf("report version %d; this aligncheck reads version 1", rep.Version)}
	case s == nil:
		return nil, &MergeError{path, "not a shard's report (made without check --shard K/N --format json)"}
	case s.Count < 1 || s.Index < 1 || s.Index > s.Count:
		return nil, &MergeError{path, fmt.Sprintf("shard %d/%d out of range", s.Index, s.Count)}
	case len(s.Documents) != len(rep.Documents):
		return nil, &MergeError{path, fmt.Sprintf("shard lists %d documents, the report %d", len(s.Documents), len(rep.Documents))}
	}
	for i, d := range rep.Documents {
		if d == nil || len(s.Documents[i].About) != len(d.Findings) {
			return nil, &MergeError{path, fmt.Sprintf("document %d: findings and shard entry differ", i+1)}
		}
		sd := s.Documents[i]
		if sd.Units != nil && len(sd.Keys) != len(d.Findings) {
			return nil, &MergeError{path, fmt.Sprintf("document %d: findings and shard keys differ", i+1)}
		}
		for j, f := range d.Findings {
			if f == nil {
				return nil, &MergeError{path, fmt.Sprintf("document %d: finding %d is null", i+1, j+1)}
			}
			f.About = sd.About[j]
			if sd.Units != nil {
				f.Key = sd.Keys[j]
				if _, err := checks.NumberedFingerprint(f.Key, 0); err != nil {
					return nil, &MergeError{path, fmt.Sprintf("document %d: finding %d: %v", i+1, j+1, err)}
				}
			}
		}
	}
	rep.Checks, rep.Source = s.Checks, s.Source
	return &rep, nil
}

// Merge combines the reports of the N shards of one run (ReadShard) into
// the report of the whole run: the documents in the run's order, the
// summary counted again. Every shard must be there once, from the same
// tool with the same checks and settings; with unit ranges (check
// --units), each shard's ranges must cover the units from 0 to the end
// once, and the pieces of each file are joined, their repeated findings
// numbered across the pieces as one run numbers them. The result has no
// Shard.
func Merge(paths []string, parts []*Report) (*Report, error) {
	if len(parts) == 0 {
		return nil, &MergeError{"", "no reports to merge"}
	}
	first := parts[0]
	n := first.Shard.Count
	type part struct {
		units Units
		path  string
	}
	ranges := make([][]part, n+1)
	type placed struct {
		task, from int
		d          *Document
		keyed      bool
	}
	var docs []placed
	for p, r := range parts {
		s := r.Shard
		u := Units{}
		if s.Units != nil {
			u = *s.Units
		}
		switch {
		case s.Count != n:
			return nil, &MergeError{paths[p], fmt.Sprintf("shard %d/%d of another split than %s (%d/%d)", s.Index, s.Count, paths[0], first.Shard.Index, n)}
		case r.Tool != first.Tool:
			return nil, &MergeError{paths[p], fmt.Sprintf("made by %s %s, %s by %s %s", r.Tool.Name, r.Tool.Version, paths[0], first.Tool.Name, first.Tool.Version)}
		case s.Source != first.Shard.Source || s.FailOn != first.Shard.FailOn || !slices.Equal(s.Checks, first.Shard.Checks):
			return nil, &MergeError{paths[p], "made with other checks or settings than " + paths[0]}
		}
		for _, o := range ranges[s.Index] {
			if o.units.From == u.From {
				return nil, &MergeError{paths[p], fmt.Sprintf("shard %d/%d%s given twice (also %s)", s.Index, n, unitsText(s.Units), o.path)}
			}
		}
		ranges[s.Index] = append(ranges[s.Index], part{u, paths[p]})
		for k, d := range r.Documents {
			sd := s.Documents[k]
			pd := placed{task: sd.Task, d: d}
			if sd.Units != nil {
				pd.from, pd.keyed = sd.Units.From, true
			}
			docs = append(docs, pd)
		}
	}
	for k := 1; k <= n; k++ {
		rs := ranges[k]
		if len(rs) == 0 {
			return nil, &MergeError{"", fmt.Sprintf("shard %d/%d is missing", k, n)}
		}
		sort.Slice(rs, func(a, b int) bool { return rs[a].units.From < rs[b].units.From })
		at := 0
		for _, r := range rs {
			if r.units.From != at {
				return nil, &MergeError{"", fmt.Sprintf("shard %d/%d: units %d to %d are in no report", k, n, at, r.units.From)}
			}
			at = r.units.To
			if at == 0 && r != rs[len(rs)-1] {
				return nil, &MergeError{r.path, fmt.Sprintf("shard %d/%d: units from %d to the end overlap %s", k, n, r.units.From, rs[len(rs)-1].path)}
			}
		}
		if at != 0 {
			return nil, &MergeError{"", fmt.Sprintf("shard %d/%d: units from %d to the end are in no report", k, n, at)}
		}
	}
	// a task's documents come from one shard, in their order there, or
	// are the pieces of one file, in the order of their units
	sort.SliceStable(docs, func(a, b int) bool {
		if docs[a].task != docs[b].task {
			return docs[a].task < docs[b].task
		}
		return docs[a].from < docs[b].from
	})
	m := &Report{Version: 1, Tool: first.Tool, Documents: []*Document{}, Checks: first.Checks, Source: first.Source}
	for i := 0; i < len(docs); {
		d := docs[i].d
		j := i + 1
		if docs[i].keyed {
			for ; j < len(docs) && docs[j].task == docs[i].task && docs[j].keyed; j++ {
				o := docs[j].d
				d.Pairs = append(d.Pairs, o.Pairs...)
				d.Findings = append(d.Findings, o.Findings...)
				d.Summary.Error += o.Summary.Error
				d.Summary.Warning += o.Summary.Warning
				d.Summary.Info += o.Summary.Info
			}
			seen := map[string]int{}
			for _, f := range d.Findings {
				f.Fingerprint, _ = checks.NumberedFingerprint(f.Key, seen[f.Key]) // checked by ReadShard
				seen[f.Key]++
			}
		}
		m.Documents = append(m.Documents, d)
		m.Summary.Error += d.Summary.Error
		m.Summary.Warning += d.Summary.Warning
		m.Summary.Info += d.Summary.Info
		i = j
	}
	m.Summary.Documents = len(m.Documents)
	return m, nil
}

func unitsText(u *Units) string {
	switch {
	case u == nil:
		return ""
	case u.To == 0:
		return fmt.Sprintf(" units %d:", u.From)
	}
	return fmt.Sprintf(" units %d:%d", u.From, u.To)
}

// MergeFormats are the formats a merged report can be written in: all
// but HTML, which shows the documents' text that a JSON report does not
// hold.
func MergeFormats() []string {
	var out []string
	for _, f := range Formats() {
		if f != "html" {
			out = append(out, f)
		}
	}
	return out
}
