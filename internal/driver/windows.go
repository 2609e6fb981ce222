package driver

import (
	"context"
	"errors"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// Window sizes for a pre-aligned file checked in pieces: the units each
// window owns, and the context read again on either side of them (so a
// shifted run, a numbering sequence or a quotation is followed across a
// cut for that many units).
var (
	WindowUnits   = 2000
	WindowOverlap = 32
)

// errWhole stops the first read: the file is to be checked whole.
var errWhole = errors.New("check whole")

// Windowed is the outcome of CheckWindows.
type Windowed struct {
	// Checked is the file as one document, built already (Checked.Built)
	// with its findings; set when the file was checked in windows.
	Checked *reports.Checked
	// Docs are the file's documents, read whole, when it is not one to
	// check in windows (not pre-aligned, or it holds suppression
	// directives, which may apply to the whole file): the caller checks
	// them with Check as before.
	Docs []*align.Document
}

// CheckWindows checks a pre-aligned file (TMX, XLIFF, CSV/TSV, JSONL) in
// windows of WindowUnits units, so memory stays bounded whatever the size
// of the file, and gives the report of the file as one document, the
// report Check gives on the whole: same pair indices, locations,
// fingerprints, length model and length norm. The file is read twice: the
// first read gathers what the whole document decides (the lengths of its
// pairs, the length check's sample, its counts); the second aligns and
// checks each window with those. Two things are judged within a window
// and its context rather than the whole file: the terms the consistency
// checks learn, the word links (align/words: omission/partial,
// addition/partial learn their model on the window), and a shifted run, a numbering sequence or an open
// quotation that crosses a window's end by more than WindowOverlap units.
// The pairs go to a store newStore makes, or are only counted when
// newStore is nil (the report does not show them).
//
// With units, only the windows whose own units start in that range are
// aligned and checked (the first read is of the whole file still), and
// each finding keeps its fingerprint key, so that merging the ranges'
// reports (reports.Merge) numbers repeats as one run does.
func CheckWindows(ctx context.Context, path string, in input.Options, s Setup, newStore func() reports.PairStore, units *reports.Units) (Windowed, error) {
	if err := Load(); err != nil {
		return Windowed{}, err
	}
	set := s.Settings
	if set == nil {
		set = checks.DefaultSettings()
	}
	list, lex := s.checksAndLex()
	// first read: what the whole document decides
	in.Chunk, in.Overlap = WindowUnits, 0
	var (
		lengths  [][2]int
		sample   []float64
		zh, en   reports.Side
		shape    string
		whole    []*align.Document
		windowed bool
	)
	err := input.Each(path, nil, in, func(d *align.Document) error {
		if d.Window == nil {
			whole = append(whole, d) // not pre-aligned: read whole already
			return nil
		}
		if hasDirective(d) {
			return errWhole
		}
		windowed = true
		shape = d.Shape.String()
		zh.Path, en.Path = srcPath(d.ZhSrc), srcPath(d.EnSrc)
		lengths = append(lengths, align.LayoutLengths(d)...)
		al := align.Pairing(d)
		sample = append(sample, checks.LengthSample(d, al, set)...)
		for _, b := range d.Zh {
			zh.Paragraphs++
			zh.Characters += align.Length(b.Text)
		}
		for _, b := range d.En {
			en.Paragraphs++
			en.Characters += align.Length(b.Text)
		}
		return nil
	})
	if err == errWhole {
		whole, err = input.Open(path, nil, in)
	}
	if err != nil {
		return Windowed{}, err
	}
	if !windowed {
		return Windowed{Docs: whole}, nil
	}
	model := align.GivenModel(lengths)
	lengths = nil
	w := &checks.Whole{Length: checks.NewLengthNorm(sample), Keys: units != nil}
	sample = nil
	var st reports.PairStore
	if newStore != nil {
		st = newStore()
	}
	b := reports.NewBuilder(zh, en, shape, model.Ratio, st)
	// second read: each window aligned and checked with the whole's model,
	// norm and fingerprints
	var fs []checks.Finding
	in.Chunk, in.Overlap = WindowUnits, WindowOverlap
	err = input.Each(path, nil, in, func(d *align.Document) error {
		if d.Window == nil {
			return errors.New("the file changed while it was read")
		}
		win := d.Window
		if start := win.First + win.Home; units != nil && (start < units.From || units.To > 0 && start >= units.To) {
			return nil // another range's window
		}
		al, err := align.AlignContext(ctx, d, align.Options{Lex: lex, Model: &model})
		if err != nil {
			return err
		}
		got, err := checks.RunWindow(d, al, set, list, w)
		if err != nil {
			return err
		}
		for _, f := range got {
			f.Bead += win.First
			reports.Detach(&f) // the window's text goes with the window
			fs = append(fs, f)
		}
		return b.Add(reports.Pairs(reports.Checked{Doc: d, Align: al}, win.Home, win.HomeEnd))
	})
	if err != nil {
		b.Abort()
		return Windowed{}, err
	}
	built, err := b.Done()
	if err != nil {
		return Windowed{}, err
	}
	name := zh.Path
	return Windowed{Checked: &reports.Checked{Name: name, Findings: fs, Built: built}}, nil
}

func srcPath(s *align.Source) string {
	if s == nil {
		return ""
	}
	return s.Path
}

// hasDirective reports whether a window's text holds an aligncheck-ignore
// directive (a line of a segment): suppressions are applied to the whole
// document, so such a file is checked whole.
func hasDirective(d *align.Document) bool {
	text := d.ZhSrc.Text
	if !strings.Contains(text, "aligncheck-ignore") {
		return false
	}
	for _, line := range strings.Split(text, "\n") {
		if _, ok := input.ParseDirective(strings.TrimSpace(line)); ok {
			return true
		}
	}
	return false
}
