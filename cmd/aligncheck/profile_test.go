package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProfileFlags(t *testing.T) {
	dir := t.TempDir()
	cpu, mem, peak := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof"), filepath.Join(dir, "peak.prof")
	var out, errb bytes.Buffer
	code := run([]string{"check", "--quiet", "--cpuprofile", cpu, "--memprofile", mem, "--memprofile-peak", peak, refDoc}, nil, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	for _, p := range []string{cpu, mem, peak} {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		// pprof files are gzip-compressed protocol buffers
		assert.True(t, bytes.HasPrefix(b, []byte{0x1f, 0x8b}), "%s is not a profile", p)
	}
	// the report is the one a run without profiles gives
	var plain bytes.Buffer
	require.Equal(t, exitOK, run([]string{"check", "--quiet", refDoc}, nil, &plain, &errb))
	assert.Equal(t, plain.String(), out.String())

	code = run([]string{"check", "--cpuprofile", filepath.Join(dir, "no", "such", "dir"), refDoc}, nil, &out, &errb)
	assert.Equal(t, exitError, code)
	assert.Contains(t, errb.String(), "--cpuprofile")
	errb.Reset()
	code = run([]string{"check", "--memprofile-peak", filepath.Join(dir, "no", "such", "dir"), refDoc}, nil, &out, &errb)
	assert.Equal(t, exitError, code)
	assert.Contains(t, errb.String(), "--memprofile-peak")
}
