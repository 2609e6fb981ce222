package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// The reference document and its translation pairs (the line of each
// English paragraph and of its Chinese, the title first), as the sidecar
// file beside it lists them; found from this file, so that a test that
// changes directory finds them too.
var (
	refDocFile   = testdataFile("csis-modernizing-national-security.interleaved.txt")
	refPairsFile = testdataFile("csis-modernizing-national-security.pairs.tsv")
)

func testdataFile(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", name)
}

// refLines are the pairs by line number (English, Chinese).
func refLines() [][2]int {
	data, err := os.ReadFile(refPairsFile)
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

// refTextPairs are the pairs' texts (Chinese, English), trimmed.
func refTextPairs() ([][2]string, error) {
	data, err := os.ReadFile(refDocFile)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	var ps [][2]string
	for _, l := range refLines() {
		ps = append(ps, [2]string{strings.TrimSpace(lines[l[1]-1]), strings.TrimSpace(lines[l[0]-1])})
	}
	return ps, nil
}
