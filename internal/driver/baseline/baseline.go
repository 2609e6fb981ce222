// Package baseline records the findings a project has accepted, so that a
// gate fails only on new ones. A finding is known by its fingerprint (the
// check, the normalised text of its aligned pair and its evidence), which
// survives line shifts, edits to other paragraphs and reflowed white space.
// A finding whose paragraph was edited has a new fingerprint; it is still
// known when the same file had a finding of the same check with the same
// evidence (the quoted values, the term): editing a paragraph to fix one
// finding does not make the others on it new. Everything is counted: a
// second identical finding is new.
package baseline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/aligncheck/aligncheck/internal/outfile"
)

// Version of the baseline file format.
const Version = 1

// File is the baseline file: one entry per fingerprint and path, with a
// count, and the check and message for the humans who read the diff.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding (Count times).
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	Check       string `json:"check"`
	Path        string `json:"path"`
	Message     string `json:"message"`
	// Evidence is a hash of the check and its evidence, without the
	// paragraph's text.
	Evidence string `json:"evidence,omitempty"`
}

// Item is a finding as the baseline sees it.
type Item struct {
	Fingerprint string
	Check       string
	Path        string
	Message     string
	Evidence    string // what identifies the finding apart from where it is
}

// evidenceHash keys a finding by check and evidence alone.
func evidenceHash(check, evidence string) string {
	h := sha256.Sum256([]byte(check + "\x00" + evidence))
	return hex.EncodeToString(h[:8])
}

// New builds a baseline from the current findings.
func New(items []Item) *File {
	type key struct{ fp, path string }
	idx := map[key]int{}
	f := &File{Version: Version, Tool: "aligncheck", Findings: []Entry{}}
	for _, it := range items {
		k := key{it.Fingerprint, it.Path}
		if i, ok := idx[k]; ok {
			f.Findings[i].Count++
			continue
		}
		idx[k] = len(f.Findings)
		f.Findings = append(f.Findings, Entry{Fingerprint: it.Fingerprint, Count: 1, Check: it.Check, Path: it.Path,
			Message: it.Message, Evidence: evidenceHash(it.Check, it.Evidence)})
	}
	sort.SliceStable(f.Findings, func(a, b int) bool {
		x, y := f.Findings[a], f.Findings[b]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Check != y.Check {
			return x.Check < y.Check
		}
		return x.Fingerprint < y.Fingerprint
	})
	return f
}

// Write writes the baseline as indented JSON, one entry per finding group,
// sorted, so that it diffs well under version control.
func (f *File) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// WriteFile writes the baseline to a file, whole or not at all
// (outfile.Write): a run killed while writing, a full disk or a file size
// limit leave the old baseline as it was, which every later --baseline
// run reads.
func (f *File) WriteFile(path string) error {
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return err
	}
	if err := outfile.Write(context.Background(), path, func(w io.Writer) error {
		_, err := w.Write(b.Bytes())
		return err
	}); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// Read reads a baseline file.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("read baseline %s: version %d; this aligncheck reads version %d", path, f.Version, Version)
	}
	for i, e := range f.Findings {
		if e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("read baseline %s: finding %d: needs a fingerprint and a count of at least 1", path, i+1)
		}
	}
	return &f, nil
}

// New reports which of the items are not in the baseline. Each baseline
// entry absorbs at most Count items, matched in three passes: the same
// fingerprint in the same file; the same fingerprint in another file (a
// file renamed or moved); the same check and evidence in the same file (a
// paragraph edited). Items are taken in the order given, so the result is
// deterministic for sorted input.
func (f *File) New(items []Item) []bool {
	left := make([]int, len(f.Findings))
	type key struct{ a, b string }
	byFPPath := map[key][]int{}
	byFP := map[string][]int{}
	byEvPath := map[key][]int{}
	for i, e := range f.Findings {
		left[i] = e.Count
		byFPPath[key{e.Fingerprint, e.Path}] = append(byFPPath[key{e.Fingerprint, e.Path}], i)
		byFP[e.Fingerprint] = append(byFP[e.Fingerprint], i)
		if e.Evidence != "" {
			byEvPath[key{e.Evidence, e.Path}] = append(byEvPath[key{e.Evidence, e.Path}], i)
		}
	}
	take := func(idx []int) bool {
		for _, i := range idx {
			if left[i] > 0 {
				left[i]--
				return true
			}
		}
		return false
	}
	isNew := make([]bool, len(items))
	for i := range isNew {
		isNew[i] = true
	}
	passes := []func(it Item) []int{
		func(it Item) []int { return byFPPath[key{it.Fingerprint, it.Path}] },
		func(it Item) []int { return byFP[it.Fingerprint] },
		func(it Item) []int { return byEvPath[key{evidenceHash(it.Check, it.Evidence), it.Path}] },
	}
	for _, pass := range passes {
		for i, it := range items {
			if isNew[i] && take(pass(it)) {
				isNew[i] = false
			}
		}
	}
	return isNew
}
