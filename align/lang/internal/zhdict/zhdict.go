// Package zhdict reads the segmentation dictionary of package lang: the
// text form ("word freq" lines, which gendict writes and tests use) and the
// embedded binary form (zhdict.bin), which holds the same words with their
// costs and a hash index, ready to use in place (align/internal/strtab).
//
// The binary form is a strtab file with these sections:
//
//	0      meta: number of words, index bits (uint64s)
//	1–3    the words (strtab table, ASCII letters in lower case, with
//	       marks for all their proper prefixes)
//	4      the cost of each word (float32s)
//	5      the traditional-to-simplified table: pairs of runes (uint32s),
//	       by traditional rune
package zhdict

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/internal/strtab"
)

// Magic is the first line of the binary form.
const Magic = "#aligncheck-zhdict 1\n"

const numSections = 6

// Dict is a loaded dictionary.
type Dict struct {
	// Words holds the words, keyed as gse keys them (ASCII letters in
	// lower case), with marks for their proper prefixes, so that the
	// lookups at a position can stop at the first string no word starts
	// with.
	Words *strtab.Table
	// Dist is the cost of each word, as gse's CalcToken computes it:
	// log2(total frequency) − log2(frequency), in float32.
	Dist []float32
	// T2S holds pairs of runes, traditional then simplified, sorted by
	// the traditional one.
	T2S []uint32
}

// Parse reads the text form: "word freq" lines, optionally headed by
// "#count N", which is then checked against the number of distinct words,
// and "#t2s" followed by pairs of characters (traditional, simplified). A
// word listed twice keeps its first frequency, as in gse; so do words that
// differ only in the case of ASCII letters.
func Parse(dict string) (*Dict, error) {
	var words []string
	var freqs []float64
	seen := map[string]bool{}
	total := 0.0
	var t2s []uint32
	want := -1
	lines := 0
	for len(dict) > 0 {
		var line string
		if i := strings.IndexByte(dict, '\n'); i >= 0 {
			line, dict = dict[:i], dict[i+1:]
		} else {
			line, dict = dict, ""
		}
		lines++
		if line == "" {
			continue
		}
		if line[0] == '#' {
			if rest, ok := strings.CutPrefix(line, "#count "); ok {
				n, err := strconv.Atoi(strings.TrimSpace(rest))
				if err != nil {
					return nil, fmt.Errorf("lang: segmentation dictionary line %d: bad count", lines)
				}
				want = n
			} else if rest, ok := strings.CutPrefix(line, "#t2s "); ok {
				var err error
				if t2s, err = parseT2S(rest); err != nil {
					return nil, fmt.Errorf("lang: segmentation dictionary line %d: %w", lines, err)
				}
			}
			continue
		}
		word, freqText, ok := strings.Cut(line, " ")
		if !ok || word == "" {
			return nil, fmt.Errorf("lang: segmentation dictionary line %d: want \"word freq\"", lines)
		}
		freq, err := strconv.ParseFloat(strings.TrimSpace(freqText), 64)
		if err != nil || freq <= 0 {
			return nil, fmt.Errorf("lang: segmentation dictionary line %d: bad frequency", lines)
		}
		word = ASCIILower(word)
		if seen[word] {
			continue
		}
		seen[word] = true
		words = append(words, word)
		freqs = append(freqs, freq)
		total += freq
	}
	if len(words) == 0 {
		return nil, errors.New("lang: segmentation dictionary is empty")
	}
	if want >= 0 && len(words) != want {
		return nil, fmt.Errorf("lang: segmentation dictionary has %d words, header says %d", len(words), want)
	}
	t, err := strtab.Build(words, 1)
	if err != nil {
		return nil, fmt.Errorf("lang: segmentation dictionary: %w", err)
	}
	d := &Dict{Words: t, Dist: make([]float32, len(words)), T2S: t2s}
	// The costs exactly as gse's CalcToken computes them.
	logTotal := float32(math.Log2(total))
	for i, f := range freqs {
		d.Dist[i] = logTotal - float32(math.Log2(f))
	}
	return d, nil
}

func parseT2S(table string) ([]uint32, error) {
	n := utf8.RuneCountInString(table)
	if n%2 != 0 {
		return nil, errors.New("odd character table")
	}
	byTrad := map[rune]rune{}
	for len(table) > 0 {
		t, a := utf8.DecodeRuneInString(table)
		c, b := utf8.DecodeRuneInString(table[a:])
		byTrad[t] = c // the last pair of a character counts, as in a map
		table = table[a+b:]
	}
	pairs := make([]uint32, 0, 2*len(byTrad))
	for _, t := range slices.Sorted(maps.Keys(byTrad)) {
		pairs = append(pairs, uint32(t), uint32(byTrad[t]))
	}
	return pairs, nil
}

// ASCIILower lower-cases ASCII letters only, as gse does with the words it
// stores and the text it cuts.
func ASCIILower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Encode writes the binary form.
func Encode(d *Dict) []byte {
	var w strtab.Writer
	w.AddU64([]uint64{uint64(d.Words.Len()), uint64(d.Words.IdxBits)})
	w.AddTable(d.Words)
	w.AddF32(d.Dist)
	w.AddU32(d.T2S)
	return w.Bytes(Magic)
}

// Decode views the binary form in place (the data must never be modified
// afterwards). It checks the shape of the sections, not their content:
// lookups on a corrupt file find wrong or no words but do not panic;
// Validate checks everything.
func Decode(data []byte) (*Dict, error) {
	sec, err := strtab.Sections(data, Magic, numSections)
	if err != nil {
		return nil, fmt.Errorf("lang: segmentation dictionary: %w", err)
	}
	meta, err := strtab.U64s(sec[0])
	if err != nil || len(meta) != 2 || meta[1] > 32 {
		return nil, fmt.Errorf("lang: segmentation dictionary: %w: bad meta section", strtab.ErrFormat)
	}
	d := &Dict{}
	var errs [3]error
	d.Words, errs[0] = strtab.ViewTable(sec, 1, uint(meta[1]))
	d.Dist, errs[1] = strtab.F32s(sec[4])
	d.T2S, errs[2] = strtab.U32s(sec[5])
	if err := errors.Join(errs[:]...); err != nil {
		return nil, fmt.Errorf("lang: segmentation dictionary: %w", err)
	}
	if uint64(d.Words.Len()) != meta[0] || len(d.Dist) != d.Words.Len() || len(d.T2S)%2 != 0 {
		return nil, fmt.Errorf("lang: segmentation dictionary: %w: counts", strtab.ErrFormat)
	}
	if d.Words.Len() == 0 {
		return nil, errors.New("lang: segmentation dictionary is empty")
	}
	return d, nil
}

// Validate checks the content of a decoded dictionary.
func (d *Dict) Validate() error {
	if err := d.Words.Validate(); err != nil {
		return err
	}
	for i, c := range d.Dist {
		if !(c >= 0) || math.IsInf(float64(c), 0) {
			return fmt.Errorf("%w: cost of word %d", strtab.ErrFormat, i)
		}
	}
	for k := 0; k+2 < len(d.T2S); k += 2 {
		if d.T2S[k] >= d.T2S[k+2] {
			return fmt.Errorf("%w: character table not sorted", strtab.ErrFormat)
		}
	}
	return nil
}
