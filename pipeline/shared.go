package pipeline

import (
	"fmt"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

// loadShared loads the segmenter and the lexicon, the two things every
// document shares; an error here is an internal error (broken embedded data).
func loadShared() error {
	if err := lang.Load(); err != nil {
		return fmt.Errorf("load segmenter: %w", err)
	}
	if err := lexicon.Load(); err != nil {
		return fmt.Errorf("load lexicon: %w", err)
	}
	return nil
}

// defaultLex is the lexical similarity the aligner uses by default.
func defaultLex() align.Similarity { return lexicon.Default() }
