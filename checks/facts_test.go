package checks_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// TestFactComputedOncePerRun: two checks asking for one fact in a run share
// one computation; the next run computes it again, for its own document.
func TestFactComputedOncePerRun(t *testing.T) {
	computed := 0
	blocks := &checks.Fact[int]{Name: "blocks", Compute: func(p *checks.Pass) int {
		computed++
		return len(p.Doc.Zh) + len(p.Doc.En)
	}}
	var seen []int
	mk := func(name string) *checks.Check {
		return &checks.Check{Name: name, Doc: name, Category: checks.CatFormat, Severity: checks.Info,
			Run: func(p *checks.Pass) error { seen = append(seen, checks.Get(p, blocks)); return nil }}
	}
	list := []*checks.Check{mk("a"), mk("b")}
	for _, texts := range [][2]string{{"一。", "One."}, {"一。\n\n二。", "One.\n\nTwo."}} {
		doc, err := input.TwoFiles("zh.txt", texts[0], "en.txt", texts[1])
		require.NoError(t, err)
		_, err = checks.Run(doc, align.Pairing(doc), nil, list)
		require.NoError(t, err)
	}
	assert.Equal(t, 2, computed, "once per run")
	assert.Equal(t, []int{2, 2, 4, 4}, seen)
}
