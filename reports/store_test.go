package reports_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// encodingJSON is the report as encoding/json writes it, the contract the
// JSON writer keeps while writing piece by piece.
func encodingJSON(t *testing.T, r *reports.Report) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(r))
	return buf.Bytes()
}

// TestJSONWriterIsEncodingJSON: the piecewise JSON writer gives the bytes
// encoding/json gives, on full, empty and nil reports.
func TestJSONWriterIsEncodingJSON(t *testing.T) {
	for name, r := range map[string]*reports.Report{
		"fixture":   fixtureReport(),
		"reference": refReport(t),
		"hostile":   hostileReport(t),
		"empty":     reports.Build(reports.Tool{Name: "aligncheck", Version: "test"}, nil, align.Zh, nil),
		"nil":       {Version: 1},
		"nil doc":   {Version: 1, Documents: []*reports.Document{nil, {}}},
	} {
		assert.Equal(t, string(encodingJSON(t, r)), string(write(t, reports.JSON{}, r)), name)
	}
}

// memStore is a PairStore in memory.
type memStore struct {
	recs [][]byte
	done bool
}

func (m *memStore) Add(r []byte) error { m.recs = append(m.recs, bytes.Clone(r)); return nil }
func (m *memStore) Done() error        { m.done = true; return nil }
func (m *memStore) Len() int           { return len(m.recs) }
func (m *memStore) Each(f func([]byte) error) error {
	for _, r := range m.recs {
		if err := f(r); err != nil {
			return err
		}
	}
	return nil
}

// TestCompact: documents compacted as they are checked (pairs kept in a
// store, document and alignment let go) give the same JSON, JSONL, text
// and Markdown reports as documents held whole.
func TestCompact(t *testing.T) {
	text, err := os.ReadFile(refFile)
	require.NoError(t, err)
	doc, err := input.Interleaved(refPath, string(text))
	require.NoError(t, err)
	doc2, err := input.TwoFiles("hostile.zh.txt", hostileZh, "hostile.en.txt", hostileEn)
	require.NoError(t, err)
	var whole, kept, counted []reports.Checked
	for _, d := range []*align.Document{doc, doc2} {
		c, err := check(d)
		require.NoError(t, err)
		whole = append(whole, c)
		st := &memStore{}
		k, err := reports.Compact(c, st)
		require.NoError(t, err)
		require.Nil(t, k.Doc)
		assert.True(t, st.done)
		assert.Equal(t, len(c.Align.Beads), st.Len())
		kept = append(kept, k)
		n, err := reports.Compact(c, nil)
		require.NoError(t, err)
		counted = append(counted, n)
	}
	build := func(cs []reports.Checked) *reports.Report {
		return reports.Build(reports.Tool{Name: "aligncheck", Version: "test"}, checks.Registry(), align.Zh, cs)
	}
	want := build(whole)
	for _, w := range []reports.Writer{reports.JSON{}, reports.JSONL{}, reports.Text{}, reports.Markdown{}} {
		assert.Equal(t, string(write(t, w, want)), string(write(t, w, build(kept))))
	}
	for _, w := range []reports.Writer{reports.JSONL{}, reports.Text{}, reports.Markdown{}} {
		assert.Equal(t, string(write(t, w, want)), string(write(t, w, build(counted))))
	}
}
