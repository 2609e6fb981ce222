// Command gent2s derives the traditional→simplified character table of the
// glossary package from CC-CEDICT: for every entry whose two forms have the
// same length, each pair of differing characters is counted, and each
// traditional character maps to its most frequent simplified form. A
// character that is itself written in some simplified form (著, 乾, 只) is
// left out, so that simplified text never changes.
//
//	go run ./internal/gent2s -o t2s.txt ../../../shared/data/cedict/cedict_ts.u8.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	out := flag.String("o", "t2s.txt", "output `file`")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gent2s -o t2s.txt cedict_ts.u8.gz")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "gent2s:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(in, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		r = zr
	}
	counts := map[rune]map[rune]int{}
	simplified := map[rune]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.SplitN(line, " ", 3)
		if len(fs) < 3 {
			continue
		}
		trad, simp := []rune(fs[0]), []rune(fs[1])
		for _, c := range simp {
			simplified[c] = true
		}
		if len(trad) != len(simp) {
			continue
		}
		for i := range trad {
			if trad[i] == simp[i] {
				continue
			}
			if counts[trad[i]] == nil {
				counts[trad[i]] = map[rune]int{}
			}
			counts[trad[i]][simp[i]]++
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	var keys []rune
	for t := range counts {
		if !simplified[t] {
			keys = append(keys, t)
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	var b strings.Builder
	b.WriteString("# traditional→simplified characters, derived from CC-CEDICT (CC BY-SA 4.0, see NOTICE) by internal/gent2s\n")
	n := 0
	for _, t := range keys {
		best, bestN := rune(0), 0
		for s, c := range counts[t] {
			if c > bestN || c == bestN && s < best {
				best, bestN = s, c
			}
		}
		b.WriteRune(t)
		b.WriteRune(best)
		n++
		if n%32 == 0 {
			b.WriteByte('\n')
		}
	}
	b.WriteByte('\n')
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
