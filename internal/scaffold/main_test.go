package main

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScaffold: the three pieces of a new check are written in a copy of
// the tree — a check file that parses as Go, the registry with one more
// line, and the two fixture cases — and a second run refuses to overwrite.
func TestScaffold(t *testing.T) {
	root := t.TempDir()
	reg, err := os.ReadFile("../../checks/registry.go")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(root, "checks"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "checks", "registry.go"), reg, 0o644))

	var out, errb bytes.Buffer
	code := run([]string{"-root", root, "-category", "numbers", "-severity", "info", "numbers/units"}, &out, &errb)
	require.Equal(t, 0, code, errb.String())

	src, err := os.ReadFile(filepath.Join(root, "checks", "numbers_units.go"))
	require.NoError(t, err)
	_, err = parser.ParseFile(token.NewFileSet(), "numbers_units.go", src, 0)
	require.NoError(t, err)
	for _, want := range []string{`var NumbersUnits = &Check{`, `Name:     "numbers/units"`, `Category: CatNumbers`, `Severity: Info`,
		`numbers/units.min-length characters (default 20)`} {
		assert.Contains(t, string(src), want)
	}
	newReg, err := os.ReadFile(filepath.Join(root, "checks", "registry.go"))
	require.NoError(t, err)
	assert.Equal(t, strings.Count(string(reg), "\n")+1, strings.Count(string(newReg), "\n"), "one line more")
	assert.Contains(t, string(newReg), "\tTagsOrder,\n\tNumbersUnits,\n}")
	for _, c := range []string{"fires", "clean"} {
		for _, f := range []string{"zh.txt", "en.txt", "want.txt"} {
			assert.FileExists(t, filepath.Join(root, "testdata", "checks", "numbers--units", c, f))
		}
	}

	code = run([]string{"-root", root, "numbers/units"}, &out, &errb)
	assert.Equal(t, 2, code)
	assert.Contains(t, errb.String(), "registered already")
	for _, bad := range [][]string{{"-root", root, "Bad Name"}, {"-root", root, "-category", "style", "x"}, {"-root", root, "-severity", "fatal", "x"}} {
		errb.Reset()
		assert.Equal(t, 2, run(bad, &out, &errb), bad)
		assert.NotEmpty(t, errb.String())
	}
}

// TestScaffoldCompiles: the check file the scaffold writes compiles in the
// checks package, registered, and passes the registry's and the options'
// rules (the package's registry and options tests, in a copy of the
// package). It builds, so -short skips it.
func TestScaffoldCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a copy of the checks package")
	}
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	tmp := t.TempDir()
	mod := "module scaffoldtest\n\ngo 1.26\n\nrequire github.com/aligncheck/aligncheck v0.0.0\n\nreplace github.com/aligncheck/aligncheck => " + repo + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(mod), 0o644))
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "go.sum"), sum, 0o644))
	files, err := filepath.Glob(filepath.Join(repo, "checks", "*.go"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(tmp, "checks"), 0o755))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") && !strings.HasSuffix(f, "/registry_test.go") && !strings.HasSuffix(f, "/options_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(tmp, "checks", filepath.Base(f)), data, 0o644))
	}
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-root", tmp, "-category", "names", "spelling"}, &out, &errb), errb.String())
	cmd := exec.Command("go", "test", "-count=1", "-v", "-run", "TestRegistry|TestOptionsDocumented", "./checks")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, string(b))
	assert.Contains(t, string(b), "--- PASS: TestRegistry")
	assert.Contains(t, string(b), "--- PASS: TestOptionsDocumented")
}
