package align_test

import (
	"os"
	"strconv"
	"strings"
)

// refTextPairs are the reference document's translation pairs (Chinese,
// English), trimmed, the title first, at the lines its sidecar file lists.
func refTextPairs() ([][2]string, error) {
	doc, err := os.ReadFile("../testdata/csis-modernizing-national-security.interleaved.txt")
	if err != nil {
		return nil, err
	}
	idx, err := os.ReadFile("../testdata/csis-modernizing-national-security.pairs.tsv")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(doc), "\n")
	var ps [][2]string
	for _, ln := range strings.Split(string(idx), "\n") {
		e, z, ok := strings.Cut(ln, "\t")
		en, err1 := strconv.Atoi(e)
		zh, err2 := strconv.Atoi(z)
		if ok && err1 == nil && err2 == nil {
			ps = append(ps, [2]string{strings.TrimSpace(lines[zh-1]), strings.TrimSpace(lines[en-1])})
		}
	}
	return ps, nil
}
