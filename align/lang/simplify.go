package lang

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang/internal/zhdict"
)

// The traditional→simplified character table is the embedded dictionary's
// (zhdict.bin, built by internal/gendict from CC-CEDICT: each traditional
// character maps to the simplified character it most often stands for;
// characters also used in simplified text are left out, so simplified text
// never changes). It is made into a map once, for the segmenter and for
// Simplify alike.
var (
	t2sOnce sync.Once
	t2s     *t2sTable
)

// embeddedT2S is the table of the embedded dictionary, whatever dictionary
// the segmenter uses (UseDictionary).
func embeddedT2S() *t2sTable {
	t2sOnce.Do(func() {
		if d, err := zhdict.Decode(zhDictBin); err == nil {
			t2s = t2sMap(d.T2S)
		} // a broken embedded dictionary: Load reports it
	})
	return t2s
}

func t2sMap(pairs []uint32) *t2sTable {
	m := make(map[rune]rune, len(pairs)/2)
	for k := 0; k+1 < len(pairs); k += 2 {
		m[rune(pairs[k])] = rune(pairs[k+1])
	}
	return newT2S(m)
}

// t2sTable is the traditional→simplified table: a map, and a bit for each
// character below U+10000 that the map holds. The characters of simplified
// text, most of every text, are refused by their bit, without the hashing
// of a map lookup.
type t2sTable struct {
	m    map[rune]rune
	bits [0x10000 / 64]uint64
	wide bool // the map holds a character above U+FFFF
}

func newT2S(m map[rune]rune) *t2sTable {
	t := &t2sTable{m: m}
	for r := range m {
		if r >= 0 && r < 0x10000 {
			t.bits[r>>6] |= 1 << (uint(r) & 63)
		} else {
			t.wide = true
		}
	}
	return t
}

// get returns the simplified form of r, if r is in the table; a nil table
// holds nothing.
func (t *t2sTable) get(r rune) (rune, bool) {
	if t == nil {
		return 0, false
	}
	if r >= 0 && r < 0x10000 {
		if t.bits[r>>6]&(1<<(uint(r)&63)) == 0 {
			return 0, false
		}
	} else if !t.wide {
		return 0, false
	}
	c, ok := t.m[r]
	return c, ok
}

// size is the number of characters in the table.
func (t *t2sTable) size() int {
	if t == nil {
		return 0
	}
	return len(t.m)
}

// Simplify converts traditional characters to simplified ones, one
// character for one.
func Simplify(s string) string {
	if Simplified(s) {
		return s
	}
	out, _ := SimplifyMap(s)
	return out
}

// Simplified reports whether Simplify(s) is s itself: s is UTF-8 and holds
// no character to convert. Simplify then leaves every part of s cut at
// character boundaries as it is too.
func Simplified(s string) bool {
	t := embeddedT2S()
	for i := 0; i < len(s); {
		// Han of the unified block, most of a Chinese text, decoded in
		// line: a valid sequence, which DecodeRuneInString would give
		// the same rune (TestSimplifiedInline).
		if n := UnifiedHanRun(s[i:min(i+3, len(s))]); n == 3 {
			r := rune(s[i]&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
			if _, ok := t.get(r); ok {
				return false
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := t.get(r); ok || r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// SimplifyMap is Simplify with a map back to s: back[i] is the offset in s
// of the character that byte i of the result comes from, and back[len] is
// len(s).
func SimplifyMap(s string) (string, []int) {
	t := embeddedT2S()
	var b strings.Builder
	b.Grow(len(s))
	back := make([]int, 0, len(s)+1)
	for i, r := range s {
		if c, ok := t.get(r); ok {
			r = c
		}
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			back = append(back, i)
		}
	}
	back = append(back, len(s))
	return b.String(), back
}
