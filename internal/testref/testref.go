// Package testref finds the repository's reference document and its
// hand-checked translation pairs for tests in any package. It holds no
// data: the files stay in testdata/.
package testref

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/internal/driver/config"
)

// Doc is the reference document (interleaved, title first) and Pairs its
// sidecar: per line the line of an English paragraph and of its Chinese.
// Both are absolute, found from this file, so that a test that changes
// directory finds them too.
var (
	Doc   = File("csis-modernizing-national-security.interleaved.txt")
	Pairs = File("csis-modernizing-national-security.pairs.tsv")
	// Config is the document's configuration: the page furniture
	// phrases of the site it was saved from.
	Config = File("csis-modernizing-national-security.aligncheck.yaml")
)

// Furniture are the furniture phrases of Config, for tests that read the
// document without the driver (align.NewFurniture(testref.Furniture())).
func Furniture() []string {
	c, err := config.Load(Config, nil)
	if err != nil {
		panic(err) // the repository's own test data
	}
	return c.Furniture
}

// File is the path of name in the repository's testdata/.
func File(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", name)
}

// Lines are the pairs by line number (English, Chinese).
func Lines() [][2]int {
	data, err := os.ReadFile(Pairs)
	if err != nil {
		panic(err) // the repository's own test data
	}
	var out [][2]int
	for _, ln := range strings.Split(string(data), "\n") {
		e, z, ok := strings.Cut(ln, "\t")
		en, err1 := strconv.Atoi(e)
		zh, err2 := strconv.Atoi(z)
		if ok && err1 == nil && err2 == nil {
			out = append(out, [2]int{en, zh})
		}
	}
	return out
}

// TextPairs are the pairs' texts (Chinese, English), trimmed.
func TextPairs() ([][2]string, error) {
	data, err := os.ReadFile(Doc)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	var ps [][2]string
	for _, l := range Lines() {
		ps = append(ps, [2]string{strings.TrimSpace(lines[l[1]-1]), strings.TrimSpace(lines[l[0]-1])})
	}
	return ps, nil
}
