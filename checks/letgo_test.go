package checks

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/internal/testref"
)

// TestLetGoReaders: every check that asks for a fact a run lets go early
// (letGo) is among its readers, on the reference document and on every
// fixture of the checks, each run through all the checks;
// otherwise a later reader would compute the fact again.
func TestLetGoReaders(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	var mu sync.Mutex
	asked := map[any]map[string]bool{}
	factAsked = func(p *Pass, f any) {
		mu.Lock()
		defer mu.Unlock()
		if asked[f] == nil {
			asked[f] = map[string]bool{}
		}
		asked[f][p.Check.Name] = true
	}
	defer func() { factAsked = nil }()

	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	docs := []*align.Document{pairsDoc(t, pairs)}
	read := func(zp, ep string) {
		doc, err := input.OpenPair(zp, ep, nil, input.Options{})
		require.NoError(t, err, zp)
		docs = append(docs, doc)
	}
	cases, err := filepath.Glob(filepath.Join("..", "testdata", "checks", "*", "*"))
	require.NoError(t, err)
	for _, c := range cases {
		if ds, _ := filepath.Glob(filepath.Join(c, "doc.*")); len(ds) == 1 {
			if filepath.Ext(ds[0]) == ".txt" {
				data, err := os.ReadFile(ds[0])
				require.NoError(t, err)
				d, err := input.Interleaved(ds[0], string(data))
				require.NoError(t, err, ds[0])
				docs = append(docs, d)
				continue
			}
			ds, err := input.Open(ds[0], nil, input.Options{})
			require.NoError(t, err, c)
			docs = append(docs, ds...)
			continue
		}
		read(filepath.Join(c, "zh.txt"), filepath.Join(c, "en.txt"))
	}
	for _, doc := range docs {
		al := align.Align(doc, align.Options{Lex: lexicon.Default()})
		_, err = Run(doc, al, nil, Registry())
		require.NoError(t, err, doc.Name)
	}
	for _, g := range letGo {
		for _, f := range g.facts {
			require.NotEmpty(t, asked[f], "no check asked for a fact let go")
			for name := range asked[f] {
				require.True(t, slices.Contains(g.readers, name), "check %s asks for a fact it is not listed as reading", name)
			}
		}
	}
}
