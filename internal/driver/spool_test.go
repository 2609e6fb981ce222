package driver_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/reports"
)

// TestSpool: documents compacted into the spool as they are checked give
// the JSON report of documents held whole; with extents of 1 MB (the
// reference document's pairs fit in one) and of 300 bytes (an extent a
// pair or two).
func TestSpool(t *testing.T) {
	ref := readReference(t).document(t)
	other, err := input.TwoFiles("b.zh.txt", "一、总则\n\n（一）今年新招录人员1200名。\n", "b.en.txt", "I. General\n\n(1) This year 1,300 new staff were recruited.\n")
	require.NoError(t, err)
	for _, size := range []int{1 << 20, 300} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			defer driver.SetExtentSize(size)()
			sp, err := driver.NewSpool()
			require.NoError(t, err)
			defer sp.Close()
			var whole, kept []reports.Checked
			for _, d := range []*align.Document{ref, other} {
				c, err := driver.Check(context.Background(), d, driver.Setup{Settings: checks.DefaultSettings()})
				require.NoError(t, err)
				whole = append(whole, c)
				k, err := reports.Compact(c, sp.NewStore())
				require.NoError(t, err)
				require.Nil(t, k.Doc)
				kept = append(kept, k)
			}
			build := func(cs []reports.Checked) string {
				var b strings.Builder
				rep := reports.Build(driver.Tool(), checks.Registry(), align.Zh, cs)
				require.NoError(t, reports.JSON{}.Write(&b, rep))
				return b.String()
			}
			assert.Equal(t, build(whole), build(kept))
		})
	}
}

// TestSpoolLeavesNoFile: the spool's file is unlinked once open, so a run
// that is killed leaves nothing in the temporary directory.
func TestSpoolLeavesNoFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	sp, err := driver.NewSpool()
	require.NoError(t, err)
	st := sp.NewStore()
	require.NoError(t, st.Add([]byte(`{"pair":1}`)))
	require.NoError(t, st.Done())
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "the spool is a file in the temporary directory")
	var got []string
	require.NoError(t, st.Each(func(b []byte) error { got = append(got, string(b)); return nil }))
	assert.Equal(t, []string{`{"pair":1}`}, got, "the spool still reads")
	require.NoError(t, sp.Close())
}
