//go:build unix

package outfile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// entries lists a directory's names: a temporary file left behind shows.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteNewFileTakesUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	p := filepath.Join(dir, "report.json")
	require.NoError(t, Write(context.Background(), p, text("new")))
	st, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
	assert.Equal(t, []string{"report.json"}, entries(t, dir))
}

func TestWriteKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "baseline.json")
	require.NoError(t, os.Mkdir(filepath.Dir(real), 0o755))
	require.NoError(t, os.WriteFile(real, []byte("old"), 0o600))
	require.NoError(t, os.Chmod(real, 0o600))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink("real/baseline.json", link))

	require.NoError(t, Write(context.Background(), link, text("new")))
	li, err := os.Lstat(link)
	require.NoError(t, err)
	assert.True(t, li.Mode()&os.ModeSymlink != 0, "the link is still a link")
	b, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Equal(t, "new", string(b), "written through the link")
	st, err := os.Stat(real)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "the old file's mode")
	assert.Equal(t, []string{"baseline.json"}, entries(t, filepath.Dir(real)))
}

func TestWriteRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "kept.json")
	require.NoError(t, os.WriteFile(p, []byte("old"), 0o444))
	err := Write(context.Background(), p, text("new"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "read-only")
	assert.ErrorContains(t, Check(p), "read-only")
	b, _ := os.ReadFile(p)
	assert.Equal(t, "old", string(b))
}

// TestWriteFailureKeepsOld: a write that fails (a full disk, a size
// limit) or is interrupted leaves the old file whole and no temporary
// file.
func TestWriteFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "baseline.json")
	require.NoError(t, os.WriteFile(p, []byte("old"), 0o644))
	full := errors.New("no space left on device")
	err := Write(context.Background(), p, func(w io.Writer) error {
		io.WriteString(w, "half")
		return full
	})
	assert.ErrorIs(t, err, full)

	ctx, cancel := context.WithCancel(context.Background())
	err = Write(ctx, p, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half"); err != nil {
			return err
		}
		cancel() // SIGINT arrives
		_, err := io.WriteString(w, "rest")
		return err
	})
	assert.ErrorIs(t, err, context.Canceled)

	b, _ := os.ReadFile(p)
	assert.Equal(t, "old", string(b))
	assert.Equal(t, []string{"baseline.json"}, entries(t, dir))
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	assert.NoError(t, Check(filepath.Join(dir, "new.sarif")))
	assert.NoError(t, Check(""))
	assert.Error(t, Check(filepath.Join(dir, "nosuch", "x.sarif")))
	assert.ErrorContains(t, Check(dir), "is a directory")
	assert.NoError(t, Check(os.DevNull))
	assert.Empty(t, entries(t, dir), "Check leaves nothing behind")
}
