package checks_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/checks"
)

// runChecks aligns a document with the embedded lexicon and runs the
// checks on it, as the driver does.
func runChecks(t testing.TB, doc *align.Document, set *checks.Settings, list ...*checks.Check) []checks.Finding {
	t.Helper()
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	al := align.Align(doc, align.Options{Lex: lexicon.Default()})
	fs, err := checks.Run(doc, al, set, list)
	require.NoError(t, err)
	return fs
}
