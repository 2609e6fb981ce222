package driver

import (
	"fmt"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

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

// defaultLex is the lexical similarity the aligner uses by default.
func defaultLex() align.Similarity { return lexicon.Default() }
