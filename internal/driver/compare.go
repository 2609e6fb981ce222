package driver

import (
	"fmt"
	"io"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/reports"
)

// Compare attaches to a report of one document the comparison with an
// older revision of its translation (--compare-to): the HTML report then
// shows, under each paragraph of the translation that changed, what
// changed, word by word. The older file is read the way the current one
// was (an interleaved file as interleaved, the translation's file of a
// pair as one paragraph per block). The report must hold its documents
// whole (KeepDocuments).
func Compare(rep *reports.Report, path string, stdin io.Reader) error {
	if len(rep.Documents) != 1 || rep.Documents[0].Doc == nil {
		return Usagef("--compare-to: compares one document, not %d", len(rep.Documents))
	}
	d := rep.Documents[0]
	doc := d.Doc
	side := align.En
	if rep.Source == "en" {
		side = align.Zh
	}
	old, err := oldRevision(path, doc, side, stdin)
	if err != nil {
		return fmt.Errorf("--compare-to %s: %w", path, err)
	}
	reports.Compare(d, side, path, old)
	return nil
}

// oldRevision reads the paragraphs of one side of an older revision.
func oldRevision(path string, doc *align.Document, side align.Lang, stdin io.Reader) ([]string, error) {
	var old *align.Document
	if doc.Shape == align.TwoFiles {
		text, shown, err := input.ReadFile(path, stdin)
		if err != nil {
			return nil, err
		}
		// The older file is the translation alone: pair it with the
		// current other side just to cut it into blocks the same way.
		if side == align.En {
			old, err = input.TwoFiles(doc.ZhSrc.Path, doc.ZhSrc.Text, shown, text)
		} else {
			old, err = input.TwoFiles(shown, text, doc.EnSrc.Path, doc.EnSrc.Text)
		}
		if err != nil {
			return nil, err
		}
	} else {
		docs, err := input.Open(path, stdin, input.Options{})
		if err != nil {
			return nil, err
		}
		if len(docs) != 1 {
			return nil, fmt.Errorf("holds %d documents; want one", len(docs))
		}
		old = docs[0]
	}
	var out []string
	for _, b := range old.Blocks(side) {
		out = append(out, b.Text)
	}
	return out, nil
}
