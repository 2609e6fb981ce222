package checks_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// refTSV makes a two-column table of the reference document's pairs
// (English line L, Chinese line L+2 for L = 19, 23, …, 123), with the
// English of rows from..to taken from the next row: an off-by-one memory.
func refTSV(t *testing.T, from, to int) string {
	pairs, err := refTextPairs()
	require.NoError(t, err)
	var zh, en []string
	for _, p := range pairs[1:] { // the body, without the title
		zh, en = append(zh, p[0]), append(en, p[1])
	}
	var b strings.Builder
	b.WriteString("zh\ten\n")
	for i := range zh {
		e := en[i]
		if i >= from && i <= to {
			e = en[i+1]
		}
		b.WriteString(zh[i] + "\t" + e + "\n")
	}
	p := filepath.Join(t.TempDir(), "memory.tsv")
	require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o644))
	return p
}

func shiftFindings(t *testing.T, path string) []checks.Finding {
	docs, err := input.Open(path, nil, input.Options{})
	require.NoError(t, err)
	return runChecks(t, docs[0], nil, checks.AlignmentShift)
}

func TestShift(t *testing.T) {
	assert.Empty(t, shiftFindings(t, refTSV(t, -1, -1)), "no shift in the reference pairs")
	fs := shiftFindings(t, refTSV(t, 9, 16))
	require.Len(t, fs, 1)
	assert.Equal(t, "row 11 to row 18 (8 pairs) look shifted by one: each English matches the next unit's Chinese", fs[0].Message)
	assert.Equal(t, 11, fs[0].Zh.Line)
}
