package reports_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/reports"
)

// TestShardRoundTrip: a report written as one shard of one, read back and
// merged, writes as the report itself in every format merge writes, and
// the shard's JSON keeps to the schema.
func TestShardRoundTrip(t *testing.T) {
	sch := compileSchema(t, reportSchemaFile)
	for _, r := range []*reports.Report{fixtureReport(), refReport(t)} {
		tasks := make([]int, len(r.Documents))
		r.Shard = reports.NewShard(r, 1, 1, "error", tasks, nil)
		b := write(t, reports.JSON{}, r)
		validate(t, sch, b, "shard's JSON report")
		units := make([]*reports.Units, len(r.Documents))
		units[0] = &reports.Units{From: 2000}
		ranged := reports.NewShard(r, 1, 1, "error", tasks, units)
		ranged.Units = &reports.Units{From: 2000}
		r.Shard = ranged
		validate(t, sch, write(t, reports.JSON{}, r), "unit range's JSON report")
		r.Shard = nil
		back, err := reports.ReadShard("s.json", bytes.NewReader(b))
		require.NoError(t, err)
		m, err := reports.Merge([]string{"s.json"}, []*reports.Report{back})
		require.NoError(t, err)
		m.View = r.View
		for _, name := range []string{"json", "jsonl", "text", "sarif", "junit", "github", "markdown"} {
			w, ok := reports.Lookup(name)
			require.True(t, ok)
			assert.Equal(t, string(write(t, w, r)), string(write(t, w, m)), name)
		}
	}
}
