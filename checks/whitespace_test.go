package checks_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// TestWhitespaceInterleavedLineEnds: the ends of the lines of an
// interleaved document are checked only when the option says so; doubled
// spaces inside a paragraph are reported either way.
func TestWhitespaceInterleavedLineEnds(t *testing.T) {
	text := "The committee  approved the plan. \n\n委员会批准了计划。\n"
	for _, tc := range []struct {
		option float64
		want   []string
	}{
		{0, []string{"2 spaces in a row inside the English paragraph"}},
		{1, []string{"2 spaces in a row inside the English paragraph", "trailing white space at the end of a line of the English paragraph"}},
	} {
		doc, err := input.Interleaved("doc.txt", text)
		require.NoError(t, err)
		set := checks.DefaultSettings()
		set.Options["format/whitespace.interleaved-line-ends"] = tc.option
		var got []string
		for _, f := range runChecks(t, doc, set, checks.FormatWhitespace) {
			got = append(got, f.Message)
		}
		assert.Equal(t, tc.want, got, "interleaved-line-ends = %v", tc.option)
	}
}
