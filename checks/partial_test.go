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

// TestOmissionPartialEvidence: each fixture's clause has no backed link
// and no gloss in the paragraph's translation, and the translation is
// short; what decides between warning and info is the rest of the
// evidence (checks/partial.go, strongClause): words of the translation
// standing unexplained where the clause would (idiom; idiom-cut is the
// same document with them deleted), the original saying the clause again
// in the next paragraph (repeated), a dictionary word inside the clause
// that the segmentation cut apart (resegmented), and four content words
// with nothing where they would stand, in a sentence with another clause
// (four-words) or alone (four-words-alone).
func TestOmissionPartialEvidence(t *testing.T) {
	for _, tc := range []struct {
		fixture string
		want    checks.Severity
	}{
		{"idiom", checks.Info},
		{"idiom-cut", checks.Warning},
		{"repeated", checks.Info},
		{"resegmented", checks.Info},
		{"four-words", checks.Warning},
		{"four-words-alone", checks.Info},
		{"warns", checks.Warning},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			doc := loadFixture(t, "../testdata/checks/omission--partial/"+tc.fixture)
			fs := runChecks(t, doc, checks.DefaultSettings(), checks.OmissionPartial)
			require.Len(t, fs, 1)
			assert.Equal(t, tc.want, fs[0].Severity)
		})
	}
}
