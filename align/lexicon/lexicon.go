// Package lexicon holds a compact Chinese→English lexicon derived from
// CC-CEDICT and embedded in the binary, and a segment-level similarity built
// on it.
//
// The data file lexicon.bin is derived from CC-CEDICT and distributed
// under CC BY-SA 4.0; see NOTICE. Regenerate it with go generate (the
// CC-CEDICT file is looked for in ../shared/data beside the repository).
package lexicon

import (
	_ "embed"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/internal/strtab"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon/internal/lexfile"
)

// embedded is the lexicon in the format of internal/lexfile: its lookup
// structures, used in place, so that loading takes microseconds and only
// the pages a document touches are read.
//
//go:generate go run ./internal/gen -o lexicon.bin ../../../shared/data/cedict/cedict_ts.u8.gz
//go:embed lexicon.bin
var embedded []byte

// Lexicon maps Chinese headwords (simplified and traditional) to the ids of
// the stemmed English content words of their CC-CEDICT glosses. It is
// read-only after loading and safe for concurrent use.
type Lexicon struct {
	words *strtab.Table // English word → id
	heads *strtab.Table // headword → index into idOff
	idf   []float64
	idOff []uint32
	ids   []uint32
	// maxLen is the longest headword in runes; maxLenAt gives the longest
	// headword starting with a given rune, to bound substring lookups.
	maxLen     int
	maxLenBMP  []uint8
	maxLenRest map[rune]uint8
	defaultIDF float64
	// alone holds two bits for each rune of the BMP, learnt the first
	// time LongestPrefix meets the rune (the lexicon is shared by
	// goroutines, hence atomics): whether it is known yet, and whether
	// the rune alone is a headword. A segmentation asks that of every
	// character it cuts at; a lookup in heads took a quarter of
	// LongestPrefix's time. 16 KiB, nothing to build at load.
	alone []atomic.Uint32
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
		defaultLex, defaultErr = parse(embedded)
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
	data, err := lexfile.Encode(1, nil, nil, nil, nil)
	if err == nil {
		var l *Lexicon
		if l, err = parse(data); err == nil {
			return l
		}
	}
	panic(err)
}

// parse views data in the format of internal/lexfile; data must not be
// modified afterwards.
func parse(data []byte) (*Lexicon, error) {
	d, err := lexfile.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l := &Lexicon{words: d.Words, heads: d.Heads, idf: d.IDF, idOff: d.IDOff, ids: d.IDs,
		maxLen: d.MaxLen, maxLenBMP: d.MaxLenBMP, defaultIDF: d.DefaultIDF,
		alone: make([]atomic.Uint32, 0x10000*2/32)}
	if len(d.MaxLenRest) > 0 {
		l.maxLenRest = make(map[rune]uint8, len(d.MaxLenRest)/2)
		for k := 0; k+1 < len(d.MaxLenRest); k += 2 {
			l.maxLenRest[rune(d.MaxLenRest[k])] = uint8(d.MaxLenRest[k+1])
		}
	}
	return l, nil
}

// glossesAt returns the ids of headword h (none if the offsets are corrupt).
func (l *Lexicon) glossesAt(h int) []uint32 {
	a, b := l.idOff[h], l.idOff[h+1]
	if a > b || int(b) > len(l.ids) {
		return noGlosses
	}
	return l.ids[a:b:b]
}

// lookup returns the ids of a headword and whether it is one.
func (l *Lexicon) lookup(zh string) ([]uint32, bool) {
	h := l.heads.Find(zh)
	if h < 0 {
		return nil, false
	}
	return l.glossesAt(h), true
}

// Glosses returns the ids of the stemmed English content words of the
// glosses of a Chinese word, or nil if the word is unknown. A known word
// whose glosses are all function words (我们: we, us) gives an empty,
// non-nil slice. The slice must not be modified.
func (l *Lexicon) Glosses(zh string) []uint32 {
	ids, ok := l.lookup(zh)
	if !ok {
		return nil
	}
	if len(ids) == 0 {
		return noGlosses
	}
	return ids
}

var noGlosses = []uint32{}

// WordID returns the id of a stemmed English word (as lang.Keyword gives
// it) if some gloss uses it.
func (l *Lexicon) WordID(stem string) (uint32, bool) {
	i := l.words.Find(stem)
	return uint32(i), i >= 0
}

// Word returns the stemmed English word with the given id, or "" if there is
// none.
func (l *Lexicon) Word(id uint32) string {
	if int(id) >= len(l.idf) {
		return ""
	}
	return l.words.At(int(id))
}

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
func (l *Lexicon) maxLenAt(r rune) int {
	if uint32(r) < 0x10000 {
		return int(l.maxLenBMP[r])
	}
	return int(l.maxLenRest[r])
}

// isHeadRune reports whether rune r, which s encodes (as
// utf8.DecodeRuneInString read it), is a headword alone.
func (l *Lexicon) isHeadRune(s string, r rune) bool {
	if uint32(r) >= 0x10000 || r == utf8.RuneError {
		// outside the BMP, or s may be a byte that is not UTF-8
		return l.heads.Find(s) >= 0
	}
	w, sh := &l.alone[r>>4], uint(r&15)*2
	if b := w.Load() >> sh; b&1 != 0 {
		return b&2 != 0
	}
	bits := uint32(1)
	if l.heads.Find(s) >= 0 {
		bits = 3
	}
	w.Or(bits << sh)
	return bits == 3
}

// LongestPrefix returns the length in bytes of the longest headword of at
// most maxRunes characters that s begins with, or 0 if none does: the step
// of a forward maximum-match segmentation over the lexicon's words. Give it
// a run of Han characters; the search stops as soon as no longer headword
// can start with what it has read.
func (l *Lexicon) LongestPrefix(s string, maxRunes int) int {
	if s == "" {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s)
	maxRunes = min(maxRunes, l.maxLenAt(r))
	best := 0
	if maxRunes >= 1 && l.isHeadRune(s[:n], r) {
		best = n
	}
	for j, runes := n, 1; j < len(s) && runes < maxRunes; {
		_, m := utf8.DecodeRuneInString(s[j:])
		j += m
		runes++
		h, more := l.heads.Probe(s[:j])
		if h >= 0 {
			best = j
		}
		if !more {
			break
		}
	}
	return best
}
