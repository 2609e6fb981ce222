// Command gendict builds the lean Chinese segmentation dictionary embedded by
// package lang (zhdict.txt.gz) from CC-CEDICT headwords and the word
// frequencies of gse's Chinese dictionaries (from jieba).
//
// A word is kept when it is written only in Han characters, has at most
// -maxlen characters, and is either a CC-CEDICT headword that jieba counts
// at least -cedminfreq times or any word jieba counts at least -minfreq
// times. Its frequency is the jieba frequency of its simplified or
// traditional form. Loading time grows with the number of words (gse
// pre-segments every word), so the defaults trade a little agreement with
// the full jieba dictionary for a fast start: about 99k words, 98% boundary
// agreement with the 355k-word full list on the project's sample texts.
//
// Traditional text: the file also carries a character table traditional →
// simplified (derived from the CC-CEDICT headword pairs); the segmenter
// converts text with it before cutting, so only the few traditional
// headwords that this conversion does not turn into their simplified form
// need entries of their own (stored converted, as the segmenter sees them).
//
// Usage (from align/lang, through go generate):
//
//	go run ./internal/gendict [-cedict path] [-jieba dir] [-o zhdict.txt.gz]
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gendict", flag.ContinueOnError)
	cedictPath := fs.String("cedict", "../../../shared/data/cedict/cedict_ts.u8.gz", "CC-CEDICT file (gzip or plain)")
	jiebaDir := fs.String("jieba", "", "directory holding s_1.txt and t_1.txt (default: gse's data/dict/zh in the module cache)")
	out := fs.String("o", "zhdict.txt.gz", "output file")
	minFreq := fs.Int("minfreq", 50, "jieba frequency from which a word that is not a CC-CEDICT headword is kept")
	defFreq := fs.Int("deffreq", 3, "frequency of a CC-CEDICT headword jieba does not know")
	maxLen := fs.Int("maxlen", 8, "longest word kept, in characters")
	unknownMaxLen := fs.Int("unknownmaxlen", 0, "longest CC-CEDICT headword jieba does not know that is kept")
	cedMinFreq := fs.Int("cedminfreq", 3, "jieba frequency from which a CC-CEDICT headword jieba knows is kept")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *jiebaDir == "" {
		dir, err := gseDir()
		if err != nil {
			return err
		}
		*jiebaDir = filepath.Join(dir, "data", "dict", "zh")
	}

	simp, err := readJieba(filepath.Join(*jiebaDir, "s_1.txt"))
	if err != nil {
		return err
	}
	trad, err := readJieba(filepath.Join(*jiebaDir, "t_1.txt"))
	if err != nil {
		return err
	}
	pairs, err := readCedict(*cedictPath)
	if err != nil {
		return err
	}

	conv := tradToSimp(pairs)
	toSimp := func(w string) string {
		rs := []rune(w)
		for i, r := range rs {
			if c, ok := conv[r]; ok {
				rs[i] = c
			}
		}
		return string(rs)
	}

	freq := map[string]int{}
	keep := func(w string, f int) {
		if !hanOnly(w) || utf8.RuneCountInString(w) > *maxLen {
			return
		}
		if f > freq[w] {
			freq[w] = f
		}
	}
	for _, p := range pairs {
		f := max(simp[p[1]], trad[p[0]])
		if f == 0 {
			if utf8.RuneCountInString(p[1]) > *unknownMaxLen {
				continue
			}
			f = *defFreq
		} else if f < *cedMinFreq {
			continue
		}
		keep(p[1], f)
		// The segmenter maps traditional characters to simplified ones
		// before cutting; only traditional headwords that this mapping
		// does not turn into their simplified form need an entry.
		// Such words are stored as the segmenter will see them: converted.
		if ts := toSimp(p[0]); ts != p[1] {
			keep(ts, f)
		}
	}
	for w, f := range simp {
		if f >= *minFreq {
			keep(w, f)
		}
	}
	for w, f := range trad {
		if f >= *minFreq {
			keep(toSimp(w), f)
		}
	}

	words := make([]string, 0, len(freq))
	for w := range freq {
		words = append(words, w)
	}
	sort.Strings(words)

	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	// The first line carries the entry count, which the loader checks.
	fmt.Fprintf(bw, "#count %d\n", len(words))
	// The traditional-to-simplified character table, as pairs of runes.
	froms := make([]rune, 0, len(conv))
	for r := range conv {
		froms = append(froms, r)
	}
	slices.Sort(froms)
	bw.WriteString("#t2s ")
	for _, r := range froms {
		bw.WriteRune(r)
		bw.WriteRune(conv[r])
	}
	bw.WriteByte('\n')
	for _, w := range words {
		bw.WriteString(w)
		bw.WriteByte(' ')
		bw.WriteString(strconv.Itoa(freq[w]))
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: %d words -> %s\n", len(words), *out)
	return nil
}

func gseDir() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return "", fmt.Errorf("locate gse module (pass -jieba): %w", err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		return "", errors.New("gse module not in the module cache (run go mod download, or pass -jieba)")
	}
	return dir, nil
}

// readJieba reads "word freq pos" lines.
func readJieba(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			continue
		}
		if n > m[fields[0]] {
			m[fields[0]] = n
		}
	}
	return m, sc.Err()
}

// readCedict returns the (traditional, simplified) headword pairs.
func readCedict(path string) ([][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	var pairs [][2]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.SplitN(line, " ", 3)
		if len(fields) < 3 {
			continue
		}
		pairs = append(pairs, [2]string{fields[0], fields[1]})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("%s: no entries", path)
	}
	return pairs, nil
}

func hanOnly(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// tradToSimp derives a character table traditional -> simplified from the
// headword pairs of equal length: each traditional character maps to the
// simplified character it most often stands for. Characters that also occur
// in some simplified headword (著, 乾, 於 …) are left out, so converting a
// simplified text never changes it.
func tradToSimp(pairs [][2]string) map[rune]rune {
	simpChars := map[rune]bool{}
	votes := map[rune]map[rune]int{}
	for _, p := range pairs {
		for _, r := range p[1] {
			simpChars[r] = true
		}
		t, s := []rune(p[0]), []rune(p[1])
		if len(t) != len(s) {
			continue
		}
		for i := range t {
			if t[i] == s[i] {
				continue
			}
			if votes[t[i]] == nil {
				votes[t[i]] = map[rune]int{}
			}
			votes[t[i]][s[i]]++
		}
	}
	conv := map[rune]rune{}
	for t, v := range votes {
		if simpChars[t] {
			continue
		}
		best, bestN := rune(0), 0
		for s, n := range v {
			if n > bestN || n == bestN && s < best {
				best, bestN = s, n
			}
		}
		conv[t] = best
	}
	return conv
}
