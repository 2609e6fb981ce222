package checks_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/checks"
)

// TestOmissionPartialStrong: the clause left out of the first sentence of
// fixture "warns" has six content words, none with a backed link or a
// gloss in the paragraph's English, and the English is short by about the
// whole clause: a warning (in fixture "fires" the English is longer, and
// the same clause is info). Asking the length to be short by one and a
// half clauses (omission/partial.length 1.5) loses it.
func TestOmissionPartialStrong(t *testing.T) {
	doc := loadFixture(t, "../testdata/checks/omission--partial/warns")
	fs := runChecks(t, doc, checks.DefaultSettings(), checks.OmissionPartial)
	require.Len(t, fs, 1)
	assert.Equal(t, checks.Warning, fs[0].Severity)
	assert.InDelta(t, 0.7, fs[0].Confidence, 1e-9)
	assert.Contains(t, fs[0].Message, "要坚持稳中求进工作总基调")

	set := checks.DefaultSettings()
	set.Options = map[string]float64{"omission/partial.length": 1.5}
	assert.Empty(t, runChecks(t, doc, set, checks.OmissionPartial))
}
