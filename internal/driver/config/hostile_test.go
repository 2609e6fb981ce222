//go:build linux

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConfigQuotesLittle: a configuration (the contributor's, in a pull
// request) cannot make aligncheck print a file into the log: files that
// are not regular are refused, and a bad value is quoted short and
// escaped.
func TestConfigQuotesLittle(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "terms.tsv")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	_, err := Load(write(t, dir, ".aligncheck.yaml", "glossary: [terms.tsv]\n"), testCatalog)
	assert.ErrorContains(t, err, "not a regular file")
	_, err = Load(fifo, testCatalog)
	assert.ErrorContains(t, err, "not a regular file")

	long := "\x1b[31m" + strings.Repeat("SECRET", 500)
	_, err = Load(write(t, dir, "long.yaml", "source: \""+strings.ReplaceAll(long, "\x1b", `\e`)+"\"\n"), testCatalog)
	require.Error(t, err)
	msg := err.Error()
	assert.Less(t, len(msg), 200+len(dir), msg)
	assert.NotContains(t, msg, "\x1b", "control characters escaped")
	assert.Contains(t, msg, "bytes)")
}

func TestFindStopsAtRepositoryRoot(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".aligncheck.yaml", "source: en\n")
	repo := filepath.Join(dir, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "docs", "zh"), 0o755))
	p, err := Find(filepath.Join(repo, "docs", "zh"))
	require.NoError(t, err)
	assert.Equal(t, "", p, "a configuration above the repository is not the project's")
	want := write(t, repo, ".aligncheck.yaml", "")
	p, err = Find(filepath.Join(repo, "docs", "zh"))
	require.NoError(t, err)
	assert.Equal(t, want, p)
	// a worktree or submodule has a .git file
	sub := filepath.Join(dir, "wt")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	write(t, sub, ".git", "gitdir: ../repo/.git/worktrees/wt\n")
	p, err = Find(sub)
	require.NoError(t, err)
	assert.Equal(t, "", p)
}
