package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/reports"
)

// compareFlags is --compare-to: an older revision of the translation (the
// English file, or the whole interleaved file) to diff against; the HTML
// report then shows, under each paragraph of the translation that changed,
// what changed, word by word.
type compareFlags struct {
	compareTo string
}

func registerCompareFlags(fs *flag.FlagSet, c *compareFlags) {
	fs.StringVar(&c.compareTo, "compare-to", "", "older revision `file` of the translation (or of the interleaved file): the HTML report shows what changed in each paragraph")
}

// compare attaches the comparison with the older revision to the report,
// when --compare-to is given. It works on one document: the older file is
// read the way the current one was (an interleaved file as interleaved, the
// translation's file of a pair as one paragraph per block).
func (c *compareFlags) compare(rep *reports.Report, stdin io.Reader) error {
	if c.compareTo == "" {
		return nil
	}
	if len(rep.Documents) != 1 || rep.Documents[0].Doc == nil {
		return usagef("--compare-to: compares one document, not %d", len(rep.Documents))
	}
	d := rep.Documents[0]
	doc := d.Doc
	side := align.En
	if rep.Source == "en" {
		side = align.Zh
	}
	old, err := oldRevision(c.compareTo, doc, side, stdin)
	if err != nil {
		return fmt.Errorf("--compare-to %s: %w", c.compareTo, err)
	}
	reports.Compare(d, side, c.compareTo, old)
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
