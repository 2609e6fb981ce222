package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// maxCmdLines bounds the non-test Go of this package: it maps flags to
// driver options and writes reports; the work lives in internal/driver,
// internal/cli and the packages beneath them (issue 17's design step).
const maxCmdLines = 900

// TestCmdStaysThin fails when the command package grows past maxCmdLines
// lines of non-test Go: logic that lands here instead of the driver is
// what the design step moved out.
func TestCmdStaysThin(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	lines := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		lines += bytes.Count(b, []byte("\n"))
	}
	require.NotZero(t, lines)
	require.LessOrEqual(t, lines, maxCmdLines, "cmd/aligncheck holds %d lines of non-test Go; move the logic into internal/driver or internal/cli", lines)
}
