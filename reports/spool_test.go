package reports_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
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

// TestCompact: documents compacted as they are checked (pairs spooled to
// disk, document and alignment let go) give the same JSON, JSONL, text and
// Markdown reports as documents held whole; with extents of 1 MB (the
// reference document's pairs fit in one) and of 300 bytes (an extent a
// pair or two).
func TestCompact(t *testing.T) {
	for _, size := range []int{1 << 20, 300} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			defer reports.SetExtentSize(size)()
			testCompact(t)
		})
	}
}

func testCompact(t *testing.T) {
	text, err := os.ReadFile(refFile)
	require.NoError(t, err)
	doc, err := input.Interleaved(refPath, string(text))
	require.NoError(t, err)
	doc2, err := input.TwoFiles("hostile.zh.txt", hostileZh, "hostile.en.txt", hostileEn)
	require.NoError(t, err)
	var whole, kept, counted []reports.Checked
	sp, err := reports.NewSpool()
	require.NoError(t, err)
	defer sp.Close()
	for _, d := range []*align.Document{doc, doc2} {
		c, err := driver.Check(d, driver.Options{Settings: checks.DefaultSettings()})
		require.NoError(t, err)
		whole = append(whole, c)
		k, err := reports.Compact(c, sp, true)
		require.NoError(t, err)
		require.Nil(t, k.Doc)
		kept = append(kept, k)
		n, err := reports.Compact(c, sp, false)
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
