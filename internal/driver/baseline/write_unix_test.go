//go:build linux

package baseline

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteFileWholeOrNothing: a baseline that cannot be written whole
// (here a file size limit, as `ulimit -f` sets; a full disk is alike)
// leaves the old baseline readable, and no temporary file beside it.
func TestWriteFileWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".aligncheck-baseline.json")
	old := New([]Item{item("f1", "numbers", "a.en.txt", "old", "")})
	require.NoError(t, old.WriteFile(p))

	var many []Item
	for k := range 2000 {
		many = append(many, item(fmt.Sprintf("fp%05d", k), "numbers", "a.en.txt", "a finding with a message of some length", ""))
	}
	// without SIGXFSZ ignored the limit kills the process, as it would
	// kill aligncheck; ignored, the write fails with EFBIG
	signal.Ignore(syscall.SIGXFSZ)
	defer signal.Reset(syscall.SIGXFSZ)
	var lim syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim))
	small := lim
	small.Cur = 16 << 10
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small))
	err := New(many).WriteFile(p)
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim))
	require.Error(t, err)

	got, err := Read(p)
	require.NoError(t, err, "the old baseline is still whole")
	assert.Equal(t, old.Findings, got.Findings)
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, es, 1, "no temporary file left")
}
