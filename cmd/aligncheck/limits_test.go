package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSentenceLimit: a document past the sentence limit is an input
// error: exit 2, one line naming the document and the limit, no report.
func TestSentenceLimit(t *testing.T) {
	dir := t.TempDir()
	zh, en := filepath.Join(dir, "big.zh.txt"), filepath.Join(dir, "big.en.txt")
	require.NoError(t, os.WriteFile(zh, []byte(strings.Repeat(strings.Repeat("好。", 1000)+"\n\n", 201)), 0o644))
	require.NoError(t, os.WriteFile(en, []byte("Good.\n"), 0o644))
	code, out, errs := runWithin(t, time.Minute, []string{"check", "--format", "json", "--zh", zh, "--en", en}, nil)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "aligncheck: "+zh+" | "+en+": 201000 zh sentences; the limit is 200000\n", errs)
}
