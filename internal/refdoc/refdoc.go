// Package refdoc gives tests the reference document's translation pairs:
// testdata/csis-modernizing-national-security.interleaved.txt, whose title
// is English line 4 with Chinese line 6, and whose every body paragraph and
// heading is English line L with Chinese line L+2, L = 19, 23, …, 123.
package refdoc

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Path is the reference document's file.
func Path() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "csis-modernizing-national-security.interleaved.txt")
}

// Lines are the pairs by line number (English, Chinese): the title first.
func Lines() [][2]int {
	ls := [][2]int{{4, 6}}
	for l := 19; l <= 123; l += 4 {
		ls = append(ls, [2]int{l, l + 2})
	}
	return ls
}

// Pairs are the pairs' texts (Chinese, English), trimmed, the title first.
func Pairs() ([][2]string, error) {
	data, err := os.ReadFile(Path())
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
