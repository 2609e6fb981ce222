package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
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
}

// NewShard describes a report built from the K-th of N shards of a run;
// tasks gives each document's task in the whole run.
func NewShard(r *Report, k, n int, failOn string, tasks []int) *Shard {
	s := &Shard{Index: k, Count: n, Source: r.Source, FailOn: failOn, Checks: r.Checks, Documents: []ShardDocument{}}
	if s.Checks == nil {
		s.Checks = []CheckInfo{}
	}
	for i, d := range r.Documents {
		about := make([]string, len(d.Findings))
		for j, f := range d.Findings {
			about[j] = f.About
		}
		s.Documents = append(s.Documents, ShardDocument{Task: tasks[i], About: about})
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
		for j, f := range d.Findings {
			if f == nil {
				return nil, &MergeError{path, fmt.Sprintf("document %d: finding %d is null", i+1, j+1)}
			}
			f.About = s.Documents[i].About[j]
		}
	}
	rep.Checks, rep.Source = s.Checks, s.Source
	return &rep, nil
}

// Merge combines the reports of the N shards of one run (ReadShard) into
// the report of the whole run: the documents in the run's order, the
// summary counted again. Every shard must be there once, from the same
// tool with the same checks and settings. The result has no Shard.
func Merge(paths []string, parts []*Report) (*Report, error) {
	if len(parts) == 0 {
		return nil, &MergeError{"", "no reports to merge"}
	}
	first := parts[0]
	n := first.Shard.Count
	seen := make([]string, n+1)
	type placed struct {
		task, part, k int
		d             *Document
	}
	var docs []placed
	for p, r := range parts {
		s := r.Shard
		switch {
		case s.Count != n:
			return nil, &MergeError{paths[p], fmt.Sprintf("shard %d/%d of another split than %s (%d/%d)", s.Index, s.Count, paths[0], first.Shard.Index, n)}
		case seen[s.Index] != "":
			return nil, &MergeError{paths[p], fmt.Sprintf("shard %d/%d given twice (also %s)", s.Index, n, seen[s.Index])}
		case r.Tool != first.Tool:
			return nil, &MergeError{paths[p], fmt.Sprintf("made by %s %s, %s by %s %s", r.Tool.Name, r.Tool.Version, paths[0], first.Tool.Name, first.Tool.Version)}
		case s.Source != first.Shard.Source || s.FailOn != first.Shard.FailOn || !slices.Equal(s.Checks, first.Shard.Checks):
			return nil, &MergeError{paths[p], "made with other checks or settings than " + paths[0]}
		}
		seen[s.Index] = paths[p]
		for k, d := range r.Documents {
			docs = append(docs, placed{s.Documents[k].Task, p, k, d})
		}
	}
	for k := 1; k <= n; k++ {
		if seen[k] == "" {
			return nil, &MergeError{"", fmt.Sprintf("shard %d/%d is missing", k, n)}
		}
	}
	// a task's documents come from one shard, in their order there
	sort.SliceStable(docs, func(a, b int) bool { return docs[a].task < docs[b].task })
	m := &Report{Version: 1, Tool: first.Tool, Documents: []*Document{}, Checks: first.Checks, Source: first.Source}
	for _, pd := range docs {
		m.Documents = append(m.Documents, pd.d)
		m.Summary.Error += pd.d.Summary.Error
		m.Summary.Warning += pd.d.Summary.Warning
		m.Summary.Info += pd.d.Summary.Info
	}
	m.Summary.Documents = len(m.Documents)
	return m, nil
}
