// Package lexicon holds a compact Chinese→English lexicon derived from
// CC-CEDICT and embedded in the binary, and a segment-level similarity built
// on it.
//
// The data file lexicon.txt.gz is derived from CC-CEDICT and distributed
// under CC BY-SA 4.0; see NOTICE. Regenerate it with go generate (the
// CC-CEDICT file is looked for in ../shared/data beside the repository).
package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

//go:generate go run ./internal/gen -o lexicon.txt.gz ../../../shared/data/cedict/cedict_ts.u8.gz
//go:embed lexicon.txt.gz
var embedded []byte

// Lexicon maps Chinese headwords (simplified and traditional) to the ids of
// the stemmed English content words of their CC-CEDICT glosses. It is
// read-only after loading and safe for concurrent use.
type Lexicon struct {
	heads   map[string][]uint32
	words   []string
	wordIDs map[string]uint32
	idf     []float64
	// maxLen is the longest headword in runes; maxLenFrom the longest
	// headword starting with a given rune, to bound substring lookups.
	maxLen     int
	maxLenFrom map[rune]uint8
	defaultIDF float64
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the embedded lexicon, loading it on first use. If the
// embedded data is corrupt it returns an empty lexicon (Load reports the
// error).
func Default() *Lexicon {
	defaultOnce.Do(func() {
		defaultLex, defaultErr = parseGzip(embedded)
		if defaultErr != nil {
			defaultLex = empty()
		}
	})
	return defaultLex
}

// Load loads the embedded lexicon now and, in parallel, the Chinese
// segmenter that Similarity uses (lang.Load); it reports whether both
// embedded data files are sound. Call it before serving if the first
// request must not pay for loading.
func Load() error {
	segErr := make(chan error, 1)
	go func() { segErr <- lang.Load() }()
	Default()
	return errors.Join(defaultErr, <-segErr)
}

func empty() *Lexicon {
	return &Lexicon{heads: map[string][]uint32{}, wordIDs: map[string]uint32{}, maxLenFrom: map[rune]uint8{}}
}

func parseGzip(data []byte) (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	// The gzip trailer holds the uncompressed size; read into a buffer of
	// that size and parse the string built on it without copying.
	var b strings.Builder
	if n := len(data); n >= 4 {
		size := int(binary.LittleEndian.Uint32(data[n-4:]))
		if size < 64<<20 {
			b.Grow(size)
		}
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return parse(b.String())
}

var errFormat = errors.New("lexicon: corrupt data")

// parse reads the format written by internal/gen:
//
//	#aligncheck-lexicon 1 <words> <headwords> <entries>
//	<word> <df>          (words lines; ids from 0)
//	<headword>\t<ids>    (headwords lines)
func parse(data string) (*Lexicon, error) {
	line, data, _ := strings.Cut(data, "\n")
	f := strings.Fields(line)
	if len(f) != 5 || f[0] != "#aligncheck-lexicon" || f[1] != "1" {
		return nil, fmt.Errorf("%w: bad header", errFormat)
	}
	nw, err1 := strconv.Atoi(f[2])
	nh, err2 := strconv.Atoi(f[3])
	ne, err3 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || err3 != nil || nw < 0 || nh < 0 || ne <= 0 || nw > 1<<24 || nh > 1<<24 {
		return nil, fmt.Errorf("%w: bad header", errFormat)
	}
	l := &Lexicon{
		heads:      make(map[string][]uint32, nh),
		words:      make([]string, nw),
		wordIDs:    make(map[string]uint32, nw),
		idf:        make([]float64, nw),
		maxLenFrom: map[rune]uint8{},
	}
	sum := 0.0
	for i := range nw {
		line, data, _ = strings.Cut(data, "\n")
		w, dfText, ok := strings.Cut(line, " ")
		df, err := strconv.Atoi(dfText)
		if !ok || w == "" || err != nil || df <= 0 || df > ne {
			return nil, fmt.Errorf("%w: word %d", errFormat, i)
		}
		l.words[i] = w
		l.wordIDs[w] = uint32(i)
		l.idf[i] = math.Log(float64(ne) / float64(df))
		sum += l.idf[i]
	}
	if nw > 0 {
		l.defaultIDF = sum / float64(nw)
	}
	// One backing array for all id lists.
	backing := make([]uint32, 0, strings.Count(data, ",")+nh)
	for i := range nh {
		line, data, _ = strings.Cut(data, "\n")
		h, idText, ok := strings.Cut(line, "\t")
		if !ok || h == "" {
			return nil, fmt.Errorf("%w: headword %d", errFormat, i)
		}
		start := len(backing)
		for idText != "" {
			var t string
			t, idText, _ = strings.Cut(idText, ",")
			id, err := strconv.ParseUint(t, 10, 32)
			if err != nil || int(id) >= nw {
				return nil, fmt.Errorf("%w: headword %q", errFormat, h)
			}
			backing = append(backing, uint32(id))
		}
		l.heads[h] = backing[start:len(backing):len(backing)]
		n := utf8.RuneCountInString(h)
		n = min(n, 255)
		l.maxLen = max(l.maxLen, n)
		r, _ := utf8.DecodeRuneInString(h)
		if uint8(n) > l.maxLenFrom[r] {
			l.maxLenFrom[r] = uint8(n)
		}
	}
	if strings.TrimSpace(data) != "" {
		return nil, fmt.Errorf("%w: trailing data", errFormat)
	}
	if len(l.heads) != nh {
		return nil, fmt.Errorf("%w: duplicate headwords", errFormat)
	}
	return l, nil
}

// Glosses returns the ids of the stemmed English content words of the
// glosses of a Chinese word, or nil if the word is unknown. A known word
// whose glosses are all function words (我们: we, us) gives an empty,
// non-nil slice. The slice must not be modified.
func (l *Lexicon) Glosses(zh string) []uint32 {
	ids, ok := l.heads[zh]
	if !ok {
		return nil
	}
	if ids == nil {
		return []uint32{}
	}
	return ids
}

// Has reports whether zh is a headword.
func (l *Lexicon) Has(zh string) bool {
	_, ok := l.heads[zh]
	return ok
}

// WordID returns the id of a stemmed English word (as lang.Keyword gives
// it) if some gloss uses it.
func (l *Lexicon) WordID(stem string) (uint32, bool) {
	id, ok := l.wordIDs[stem]
	return id, ok
}

// Word returns the stemmed English word with the given id, or "" if there is
// none.
func (l *Lexicon) Word(id uint32) string {
	if int(id) >= len(l.words) {
		return ""
	}
	return l.words[id]
}

// NumWords returns the number of distinct English gloss words; ids run from
// 0 to NumWords()-1.
func (l *Lexicon) NumWords() int { return len(l.words) }

// NumHeadwords returns the number of Chinese headwords, simplified and
// traditional counted apart.
func (l *Lexicon) NumHeadwords() int { return len(l.heads) }

// MaxWordLen returns the length of the longest headword in runes, for
// dictionary max-match lookups.
func (l *Lexicon) MaxWordLen() int { return l.maxLen }

// IDF returns the weight of an English gloss word, log(N/df) with N the
// number of CC-CEDICT entries and df the number of entries whose glosses
// contain the word: rare gloss words weigh more. Unknown ids get the mean
// weight.
func (l *Lexicon) IDF(id uint32) float64 {
	if int(id) >= len(l.idf) {
		return l.defaultIDF
	}
	return l.idf[id]
}

// maxLenAt returns the length in runes of the longest headword that starts
// with r.
func (l *Lexicon) maxLenAt(r rune) int { return int(l.maxLenFrom[r]) }
