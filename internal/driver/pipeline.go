// Package driver runs the whole job on documents: align, check, and build
// the report model. The command line and the server share it.
package driver

import (
	"fmt"
	"sync"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// Version is the tool's version, set at build time with -ldflags.
var Version = "0.1.0-dev"

// Tool names this program in reports.
func Tool() reports.Tool { return reports.Tool{Name: "aligncheck", Version: Version} }

// Options configure a run.
type Options struct {
	Settings *checks.Settings
	Checks   []*checks.Check // nil: the whole registry
	Lex      align.Similarity
}

var loadOnce sync.Once
var loadErr error

// Load loads what the aligner shares across documents (segmenter, lexicon)
// once per process, before any goroutine uses it.
func Load() error {
	loadOnce.Do(func() { loadErr = loadShared() })
	return loadErr
}

// MaxBlocks bounds the paragraphs (blocks) of one language in a document:
// the aligner's memory grows with their number times its band width, and
// no real document comes near it.
const MaxBlocks = 200_000

// LimitError is a document beyond what the tool accepts.
type LimitError struct {
	Doc string
	Msg string
}

func (e *LimitError) Error() string { return e.Doc + ": " + e.Msg }

// Check aligns and checks one document.
func Check(doc *align.Document, opt Options) (reports.Checked, error) {
	if err := Load(); err != nil {
		return reports.Checked{}, err
	}
	for _, l := range []align.Lang{align.Zh, align.En} {
		if n := len(doc.Blocks(l)); n > MaxBlocks {
			return reports.Checked{}, &LimitError{doc.Name, fmt.Sprintf("%d %s paragraphs; the limit is %d", n, l, MaxBlocks)}
		}
	}
	list, lex := opt.checksAndLex()
	al := align.Align(doc, align.Options{Lex: lex})
	fs, err := checks.Run(doc, al, opt.Settings, list)
	if err != nil {
		return reports.Checked{}, err
	}
	return reports.Checked{Doc: doc, Align: al, Findings: fs}, nil
}

// checksAndLex are the checks to run and the lexicon to align with: the
// options', or all registered checks and the embedded lexicon.
func (opt Options) checksAndLex() ([]*checks.Check, align.Similarity) {
	list, lex := opt.Checks, opt.Lex
	if list == nil {
		list = checks.Registry()
	}
	if lex == nil {
		lex = defaultLex()
	}
	return list, lex
}
