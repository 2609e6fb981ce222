// Package lexfile writes and reads the lexicon file (lexicon.bin) that
// package lexicon embeds and internal/gen writes.
//
// The file holds the lexicon's lookup structures ready to use, so that
// loading it is viewing the embedded bytes in place (align/internal/strtab):
// nothing is parsed, allocated or hashed at start-up, and only the pages a
// document's words touch are ever read. It is a strtab file with these
// sections:
//
//	0      meta: words, headwords, CC-CEDICT entries, longest headword in
//	       runes, the mean idf (float64 bits), index bits of the word
//	       table, index bits of the headword table (uint64s)
//	1–3    the English words (strtab table: text, offsets, index); ids
//	       are positions in it
//	4      idf of each word, log(entries/df) (float64s)
//	5–7    the headwords (strtab table, with marks for their prefixes of
//	       two or more runes)
//	8      ids offsets: headword h's ids are ids[off[h]:off[h+1]] (uint32s)
//	9      ids, ascending per headword (uint32s)
//	10     for each rune below 0x10000, the longest headword starting with
//	       it, in runes (bytes)
//	11     the same for the other runes: pairs rune, length (uint32s)
package lexfile

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/internal/strtab"
)

// Magic is the first line of the file.
const Magic = "#aligncheck-lexicon 3\n"

const numSections = 12

// ErrFormat is wrapped by every error of Decode and Validate.
var ErrFormat = strtab.ErrFormat

// Data is a decoded lexicon file: views of its sections.
type Data struct {
	Entries    int
	MaxLen     int
	DefaultIDF float64
	Words      *strtab.Table
	IDF        []float64
	Heads      *strtab.Table
	IDOff      []uint32
	IDs        []uint32
	MaxLenBMP  []uint8
	MaxLenRest []uint32 // rune, length, rune, length …
}

// Encode builds the file from words (ids are positions, with their df),
// the number of CC-CEDICT entries, and headwords with their ascending word
// ids.
func Encode(entries int, words []string, df []int, heads []string, ids [][]uint32) ([]byte, error) {
	if len(words) != len(df) || len(heads) != len(ids) {
		return nil, errors.New("lexfile: mismatched lengths")
	}
	if entries <= 0 {
		return nil, errors.New("lexfile: no entries")
	}
	wt, err := strtab.Build(words, 0)
	if err != nil {
		return nil, fmt.Errorf("lexfile: words: %w", err)
	}
	ht, err := strtab.Build(heads, 2)
	if err != nil {
		return nil, fmt.Errorf("lexfile: headwords: %w", err)
	}
	idf := make([]float64, len(words))
	sum := 0.0
	for i, n := range df {
		if n <= 0 || n > entries {
			return nil, fmt.Errorf("lexfile: word %q: df %d out of range", words[i], n)
		}
		idf[i] = math.Log(float64(entries) / float64(n))
		sum += idf[i]
	}
	mean := 0.0
	if len(words) > 0 {
		mean = sum / float64(len(words))
	}
	idOff := make([]uint32, 0, len(heads)+1)
	idOff = append(idOff, 0)
	var all []uint32
	bmp := make([]byte, 0x10000)
	rest := map[rune]uint32{}
	maxLen := 0
	for h, head := range heads {
		for k, id := range ids[h] {
			if int(id) >= len(words) || k > 0 && id <= ids[h][k-1] {
				return nil, fmt.Errorf("lexfile: headword %q: ids not ascending in range: %v", head, ids[h])
			}
		}
		all = append(all, ids[h]...)
		idOff = append(idOff, uint32(len(all)))
		n := min(utf8.RuneCountInString(head), 255)
		maxLen = max(maxLen, n)
		r, _ := utf8.DecodeRuneInString(head)
		if r < 0x10000 {
			bmp[r] = max(bmp[r], byte(n))
		} else {
			rest[r] = max(rest[r], uint32(n))
		}
	}
	var restPairs []uint32
	for _, r := range slices.Sorted(maps.Keys(rest)) {
		restPairs = append(restPairs, uint32(r), rest[r])
	}

	var w strtab.Writer
	w.AddU64([]uint64{uint64(len(words)), uint64(len(heads)), uint64(entries), uint64(maxLen),
		math.Float64bits(mean), uint64(wt.IdxBits), uint64(ht.IdxBits)})
	w.AddTable(wt)
	w.AddF64(idf)
	w.AddTable(ht)
	w.AddU32(idOff)
	w.AddU32(all)
	w.Add(bmp)
	w.AddU32(restPairs)
	return w.Bytes(Magic), nil
}

// Decode views a lexicon file in place (the data must never be modified
// afterwards). It checks the shape of the sections, not their content:
// lookups on a corrupt file find wrong or no words but do not panic;
// Validate checks everything.
func Decode(data []byte) (*Data, error) {
	sec, err := strtab.Sections(data, Magic, numSections)
	if err != nil {
		return nil, err
	}
	meta, err := strtab.U64s(sec[0])
	if err != nil || len(meta) != 7 {
		return nil, fmt.Errorf("%w: bad meta section", ErrFormat)
	}
	if meta[2] == 0 || meta[2] > math.MaxInt32 || meta[3] > 255 || meta[5] > 32 || meta[6] > 32 {
		return nil, fmt.Errorf("%w: bad meta section", ErrFormat)
	}
	d := &Data{Entries: int(meta[2]), MaxLen: int(meta[3]), DefaultIDF: math.Float64frombits(meta[4])}
	var errs [6]error
	d.Words, errs[0] = strtab.ViewTable(sec, 1, uint(meta[5]))
	d.IDF, errs[1] = strtab.F64s(sec[4])
	d.Heads, errs[2] = strtab.ViewTable(sec, 5, uint(meta[6]))
	d.IDOff, errs[3] = strtab.U32s(sec[8])
	d.IDs, errs[4] = strtab.U32s(sec[9])
	d.MaxLenRest, errs[5] = strtab.U32s(sec[11])
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	d.MaxLenBMP = sec[10]
	switch {
	case uint64(d.Words.Len()) != meta[0] || len(d.IDF) != d.Words.Len():
		return nil, fmt.Errorf("%w: word count", ErrFormat)
	case uint64(d.Heads.Len()) != meta[1] || len(d.IDOff) != d.Heads.Len()+1:
		return nil, fmt.Errorf("%w: headword count", ErrFormat)
	case len(d.MaxLenBMP) != 0x10000 || len(d.MaxLenRest)%2 != 0:
		return nil, fmt.Errorf("%w: length tables", ErrFormat)
	}
	return d, nil
}

// Validate checks the content of a decoded file: both tables, the id lists
// and their ranges, the idf values.
func (d *Data) Validate() error {
	if err := d.Words.Validate(); err != nil {
		return fmt.Errorf("words: %w", err)
	}
	if err := d.Heads.Validate(); err != nil {
		return fmt.Errorf("headwords: %w", err)
	}
	if d.IDOff[0] != 0 || int(d.IDOff[len(d.IDOff)-1]) != len(d.IDs) {
		return fmt.Errorf("%w: id offsets", ErrFormat)
	}
	for h := range d.Heads.Len() {
		a, b := d.IDOff[h], d.IDOff[h+1]
		if a > b {
			return fmt.Errorf("%w: id offsets of headword %d", ErrFormat, h)
		}
		for k := a; k < b; k++ {
			if int(d.IDs[k]) >= d.Words.Len() || k > a && d.IDs[k] <= d.IDs[k-1] {
				return fmt.Errorf("%w: ids of headword %d", ErrFormat, h)
			}
		}
	}
	for i, v := range d.IDF {
		if !(v >= 0) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: idf of word %d", ErrFormat, i)
		}
	}
	return nil
}
