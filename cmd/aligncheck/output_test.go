package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets a test run the command in a process of its own (to send
// it a signal): with ALIGNCHECK_RUN_MAIN set, the test binary is aligncheck.
func TestMain(m *testing.M) {
	if os.Getenv("ALIGNCHECK_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func writePair(t *testing.T, dir string) (zh, en string) {
	t.Helper()
	zh, en = filepath.Join(dir, "a.zh.txt"), filepath.Join(dir, "a.en.txt")
	require.NoError(t, os.WriteFile(zh, []byte("(三)加强国家安全体系建设。\n"), 0o644))
	require.NoError(t, os.WriteFile(en, []byte("(4) Strengthen the national security system.\n"), 0o644))
	return zh, en
}

// TestOutputKeepsWhatTheUserHad: -o writes through a link to its target,
// keeps the old file's mode, and refuses a file made read-only.
func TestOutputKeepsWhatTheUserHad(t *testing.T) {
	dir := t.TempDir()
	zh, en := writePair(t, dir)
	real := filepath.Join(dir, "reports", "report.json")
	require.NoError(t, os.Mkdir(filepath.Dir(real), 0o755))
	require.NoError(t, os.WriteFile(real, []byte("old"), 0o600))
	link := filepath.Join(dir, "report.json")
	require.NoError(t, os.Symlink(real, link))
	code, _, stderr := runArgs("check", "--quiet", "--fail-on", "none", "--format", "json", "--zh", zh, "--en", en, "-o", link)
	require.Equal(t, 0, code, stderr)
	li, err := os.Lstat(link)
	require.NoError(t, err)
	assert.True(t, li.Mode()&os.ModeSymlink != 0, "-o replaced the link")
	b, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"version": 1`)
	st, err := os.Stat(real)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())

	ro := filepath.Join(dir, "kept.json")
	require.NoError(t, os.WriteFile(ro, []byte("old"), 0o444))
	code, _, stderr = runArgs("check", "--quiet", "--zh", zh, "--en", en, "-o", ro)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "read-only")
	b, _ = os.ReadFile(ro)
	assert.Equal(t, "old", string(b))
}

// TestOutputsCheckedBeforeTheRun: an output that cannot be written is
// found before the run, not after the others were written.
func TestOutputsCheckedBeforeTheRun(t *testing.T) {
	dir := t.TempDir()
	zh, en := writePair(t, dir)
	out := filepath.Join(dir, "report.json")
	code, _, stderr := runArgs("check", "--quiet", "--zh", zh, "--en", en, "-o", out, "--sarif", filepath.Join(dir, "nosuch", "r.sarif"))
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "sarif")
	assert.NoFileExists(t, out, "half of the outputs written")
	code, _, stderr = runArgs("check", "--quiet", "--zh", zh, "--en", en, "--write-baseline", filepath.Join(dir, "nosuch", "b.json"))
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--write-baseline")
}

// TestInterruptLeavesNothing: SIGINT during a long run ends it with exit
// 2, the old report as it was, and neither a temporary report nor a
// spool file left behind.
func TestInterruptLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a long check in a subprocess")
	}
	dir, tmp := t.TempDir(), t.TempDir()
	var zh, en strings.Builder
	for k := range 6000 {
		fmt.Fprintf(&zh, "去年全省第%d组代表共有%d名出席会议，比前年增加%d%%。\n\n", k, 1000+k*7, 3+k%40)
		if k < 2000 || k >= 2400 {
			fmt.Fprintf(&en, "Last year %d delegates of group %d attended the meeting, %d%% more than the year before.\n\n", 1000+k*7, k, 3+k%40)
		}
	}
	zp, ep := filepath.Join(dir, "a.zh.txt"), filepath.Join(dir, "a.en.txt")
	require.NoError(t, os.WriteFile(zp, []byte(zh.String()), 0o644))
	require.NoError(t, os.WriteFile(ep, []byte(en.String()), 0o644))
	out := filepath.Join(dir, "report.json")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))

	cmd := exec.Command(os.Args[0], "check", "--format", "json", "--zh", zp, "--en", ep, "-o", out)
	cmd.Env = append(os.Environ(), "ALIGNCHECK_RUN_MAIN=1", "TMPDIR="+tmp)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	time.Sleep(1500 * time.Millisecond) // loading done, the run under way
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 20 s after SIGINT")
	}
	assert.Equal(t, 2, cmd.ProcessState.ExitCode(), stderr.String())
	assert.Contains(t, stderr.String(), "interrupted")
	b, _ := os.ReadFile(out)
	assert.Equal(t, "old", string(b))
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "spool left in the temporary directory")
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, es, 3, "a temporary report left beside the report")
}
