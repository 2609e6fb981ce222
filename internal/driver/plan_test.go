package driver

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/internal/driver/discover"
)

// TestLargest: the collector is tuned by the largest document of a run, a
// pair counting both its files; an unknown size keeps the default.
func TestLargest(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, make([]byte, n), 0o644))
		return p
	}
	a, zh, en := write("a.txt", 300), write("b.zh.txt", 200), write("b.en.txt", 250)
	tasks := []Task{
		{doc: discover.Doc{Kind: discover.Single, Path: a}},
		{doc: discover.Doc{Kind: discover.Pair, Zh: zh, En: en}},
		{doc: discover.Doc{Kind: discover.Unpaired, Path: a}},
	}
	assert.Equal(t, int64(450), Largest(tasks), "the pair")
	doc, err := input.TwoFiles("zh", "中文段落。", "en", "An English paragraph.")
	require.NoError(t, err)
	assert.Equal(t, int64(len("中文段落。")+len("An English paragraph.")), Largest([]Task{Given(doc)}), "given documents")
	assert.Equal(t, int64(-1), Largest(append(tasks, Task{doc: discover.Doc{Kind: discover.Single, Path: "-"}})), "standard input")
}
