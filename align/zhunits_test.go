package align

import (
	"math/rand"
	"testing"
	"unicode"

	"github.com/aligncheck/aligncheck/align/lang"
)

// zhUnitsSlow is ZhUnits rune by rune, as it was written first: the
// reference the fast count is compared with.
func zhUnitsSlow(s string) int {
	n, ascii := 0, 0
	for _, r := range s {
		switch {
		case lang.IsSpace(r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			ascii++
		default:
			n++
		}
	}
	return n + (ascii+2)/3
}

// TestZhUnits compares ZhUnits with zhUnitsSlow on every string of three
// bytes that opens with a byte of 80 or more, alone and between other
// characters (so that a sequence cut short by the end of the string is
// tried too; not under -short), and on random strings of ASCII, Han, punctuation, white
// space of every width, surrogates' bytes and stray bytes.
func TestZhUnits(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := ZhUnits(s), zhUnitsSlow(s); got != want {
			t.Fatalf("ZhUnits(%q) = %d, want %d", s, got, want)
		}
	}
	buf := make([]byte, 3)
	for c := 0x80; c < 0x100 && !testing.Short(); c++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for c2 := 0; c2 < 0x100; c2++ {
				buf[0], buf[1], buf[2] = byte(c), byte(c1), byte(c2)
				check(string(buf))
				check(string(buf[:2]))
				if c2 == 0 {
					check("a" + string(buf[:2]) + "中")
				}
			}
		}
	}
	pieces := []string{"a", "Z", "7", " ", "\t", "\n", ",", "-", "中", "国", "，", "。", "\u3000", "\u3001",
		"\u2000", "\u200a", "\u200b", "\u2028", "\u205f", "\u1680", "\u00a0", "\u0085", "é", "ｆ", "１",
		"\ud7ff", "\ue000", "\uffff", "\U0001F600", "\U00020000", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe3\x80",
		"\xe3", "\xef\xbf", "\x80", "\xff", "\xf0\x9f"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		s := ""
		for k := rng.Intn(12); k >= 0; k-- {
			s += pieces[rng.Intn(len(pieces))]
		}
		check(s)
	}
}
