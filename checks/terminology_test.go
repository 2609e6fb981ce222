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
	"github.com/aligncheck/aligncheck/checks/glossary"
)

// The reference document renders its glossary terms as the glossary says;
// changing one English rendering makes the check fire there, and only there.
func TestTerminologyReference(t *testing.T) {
	ref := filepath.Join("..", "testdata", "csis-modernizing-national-security.interleaved.txt")
	g, err := glossary.Load(filepath.Join("..", "testdata", "glossary", "csis-terms.tsv"))
	require.NoError(t, err)
	require.Equal(t, 3, g.Len())
	data, err := os.ReadFile(ref)
	require.NoError(t, err)
	run := func(text string) []checks.Finding {
		doc, err := input.Interleaved(ref, text)
		require.NoError(t, err)
		set := checks.DefaultSettings()
		set.Glossary = g
		return runChecks(t, doc, set, checks.Terminology, checks.TerminologyForbidden)
	}
	assert.Empty(t, run(string(data)))

	for _, c := range []struct{ old, new, check, msg string }{
		{"Two Establishes", "two affirmations", "terminology", `term "两个确立" is not rendered as "Two Establishes" in the English`},
		{"dynamic zero", "zero-tolerance", "terminology/forbidden", `forbidden rendering "zero-tolerance" for "动态清零"; use "dynamic zero" or "dynamic zero-COVID"`},
	} {
		require.Equal(t, 1, strings.Count(string(data), c.old), c.old)
		line := 1 + strings.Count(string(data[:strings.Index(string(data), c.old)]), "\n")
		fs := run(strings.Replace(string(data), c.old, c.new, 1))
		var got []string
		hit := 0
		for _, f := range fs {
			if f.Check == c.check && f.En != nil && f.En.Line == line && strings.HasPrefix(f.Message, c.msg) {
				hit++
			}
			got = append(got, f.Check+": "+f.Message)
		}
		assert.Equal(t, 1, hit, "%s → %s: %v", c.old, c.new, got)
		// the forbidden rendering also leaves 动态清零 without its rendering
		assert.Len(t, got, map[string]int{"terminology": 1, "terminology/forbidden": 2}[c.check], "%s → %s: %v", c.old, c.new, got)
	}
}
