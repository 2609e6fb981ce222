package align

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// testData locates ../shared/data beside the repository, or skips: the gold
// sets are evaluation data that never enter the repository.
func testData(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "shared", "data")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/data beside the repository")
	}
	return dir
}

func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}
