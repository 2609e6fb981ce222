package input

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestValidIsNoBadSequence: decodeBytes and decodeUTF8 take utf8.Valid for
// utf8Stats finding no bad sequence. They agree on every string of up to
// four bytes drawn from bytes at the edges of UTF-8's ranges, and on random
// strings of valid and broken characters.
func TestValidIsNoBadSequence(t *testing.T) {
	edges := []byte{0, 'a', 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff}
	var grow func(b []byte, n int)
	grow = func(b []byte, n int) {
		if bad, _ := utf8Stats(b); utf8.Valid(b) != (bad < 0) {
			t.Fatalf("% x: Valid %v, utf8Stats bad %d", b, utf8.Valid(b), bad)
		}
		if n == 0 {
			return
		}
		for _, c := range edges {
			grow(append(b, c), n-1)
		}
	}
	grow(nil, 4)
	rng := rand.New(rand.NewPCG(18, 4))
	pieces := []string{"a", "国", "€", "𠁅", "\ufffd", "\xe4\xb8", "\xff", "\xed\xa0\x80", "        "}
	for range 20000 {
		var b []byte
		for range rng.IntN(40) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		if bad, _ := utf8Stats(b); utf8.Valid(b) != (bad < 0) {
			t.Fatalf("%q: Valid %v, utf8Stats bad %d", b, utf8.Valid(b), bad)
		}
	}
}
