package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gate runs a copy of quality-gate.sh in a directory laid out as the
// repository is, with readme as its README.md, and returns its exit code
// and output.
func gate(t *testing.T, readme string, env ...string) (int, string) {
	t.Helper()
	script, err := os.ReadFile("quality-gate.sh")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "scripts"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "scripts", "quality-gate.sh"), script, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme), 0o644))
	cmd := exec.Command("bash", filepath.Join(dir, "scripts", "quality-gate.sh"))
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if err != nil && !assert.ErrorAs(t, err, &ee) {
		return -1, string(out)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

const table = "| MAC-Dev (tuning set) | | **0.892** |\n| non-literary pooled (aca+pol+mag) | 0.852 | **0.981** |\n"

// TestQualityGateFailsWithoutFigures: a README that lost its figures, or
// has one that is not a number, fails the gate (awk compared "" as a
// string and passed).
func TestQualityGateFailsWithoutFigures(t *testing.T) {
	for name, readme := range map[string]string{
		"no table":   "# aligncheck\n",
		"one figure": "| MAC-Dev (tuning set) | | **0.892** |\n",
		"not bold":   "| MAC-Dev (tuning set) | 0.892 |\n| non-literary pooled | 0.981 |\n",
		"not number": "| MAC-Dev (tuning set) | **.** |\n| non-literary pooled | **0.981** |\n",
	} {
		code, out := gate(t, readme, "DATA="+t.TempDir(), "ALIGNCHECK_SKIP_DATA=1")
		assert.Equal(t, 1, code, "%s: %s", name, out)
		assert.Contains(t, out, "no F1 figure in README.md", name)
	}
}

// TestQualityGateFailsWithoutData: without the gold data the gate fails,
// unless skipping is asked for by name.
func TestQualityGateFailsWithoutData(t *testing.T) {
	empty := t.TempDir()
	code, out := gate(t, table, "DATA="+empty, "ALIGNCHECK_SKIP_DATA=")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "no gold data")
	code, out = gate(t, table, "DATA="+empty, "ALIGNCHECK_SKIP_DATA=1")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "skipped (ALIGNCHECK_SKIP_DATA=1)")
}
