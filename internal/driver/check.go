package driver

import (
	"context"
	"fmt"
	"sync"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// Version is the tool's version, set at build time with -ldflags.
var Version = "0.1.0-dev"

// Tool names this program in reports.
func Tool() reports.Tool { return reports.Tool{Name: "aligncheck", Version: Version} }

// Setup is what checking one document needs: the checks' settings, the
// checks to run and the lexicon to align with.
type Setup struct {
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

// loadShared loads the segmenter and the lexicon, the two things every
// document shares, at the same time (lexicon.Load loads the segmenter on a
// second goroutine); an error here is an internal error (broken embedded
// data).
func loadShared() error {
	err := lexicon.Load()
	// Loaded by now: this only returns the segmenter's own error.
	if segErr := lang.Load(); segErr != nil {
		return fmt.Errorf("load segmenter: %w", segErr)
	}
	if err != nil {
		return fmt.Errorf("load lexicon: %w", err)
	}
	return nil
}

// MaxBlocks bounds the paragraphs (blocks) of one language in a document:
// the aligner's memory grows with their number times its band width, and
// no real document comes near it.
const MaxBlocks = 200_000

// MaxSentences bounds the sentences of one language in a document. The
// sentence aligner's time and memory grow linearly with them (its whole-
// matrix search is bounded, align.fullFallbackCells), but at about 3 KB of
// features and tables per sentence pair of one paragraph; 200,000
// sentences a side (some 7 MB of Chinese in one paragraph) stay near
// 1.5 GB, and no real document comes near them.
const MaxSentences = 200_000

// LimitError is a document beyond what the tool accepts.
type LimitError struct {
	Doc string
	Msg string
}

func (e *LimitError) Error() string { return e.Doc + ": " + e.Msg }

// Check aligns and checks one document. When ctx is done it stops, the
// aligner within milliseconds, and returns ctx's error.
func Check(ctx context.Context, doc *align.Document, s Setup) (reports.Checked, error) {
	if err := Load(); err != nil {
		return reports.Checked{}, err
	}
	for _, l := range []align.Lang{align.Zh, align.En} {
		if n := len(doc.Blocks(l)); n > MaxBlocks {
			return reports.Checked{}, &LimitError{doc.Name, fmt.Sprintf("%d %s paragraphs; the limit is %d", n, l, MaxBlocks)}
		}
		n := 0
		for _, b := range doc.Blocks(l) {
			n += len(b.Sents)
		}
		if n > MaxSentences {
			return reports.Checked{}, &LimitError{doc.Name, fmt.Sprintf("%d %s sentences; the limit is %d", n, l, MaxSentences)}
		}
	}
	list, lex := s.checksAndLex()
	al, err := align.AlignContext(ctx, doc, align.Options{Lex: lex})
	if err != nil {
		return reports.Checked{}, err
	}
	fs, err := checks.Run(doc, al, s.Settings, list)
	if err != nil {
		return reports.Checked{}, err
	}
	return reports.Checked{Doc: doc, Align: al, Findings: fs}, nil
}

// checksAndLex are the checks to run and the lexicon to align with: the
// setup's, or all registered checks and the embedded lexicon.
func (s Setup) checksAndLex() ([]*checks.Check, align.Similarity) {
	list, lex := s.Checks, s.Lex
	if list == nil {
		list = checks.Registry()
	}
	if lex == nil {
		lex = lexicon.Default()
	}
	return list, lex
}
