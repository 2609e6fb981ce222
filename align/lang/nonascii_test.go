package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNextNonASCII: NextNonASCII is the first byte of utf8.RuneSelf or
// more from i on, at every place of strings of every length to 20 with
// one such byte or none at each place.
func TestNextNonASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		for at := 0; at <= n; at++ {
			b := []byte(strings.Repeat("a", n))
			if at < n {
				b[at] = 0x80
			}
			s := string(b)
			for i := 0; i <= n; i++ {
				want := i
				for want < len(s) && s[want] < utf8.RuneSelf {
					want++
				}
				if got := NextNonASCII(s, i); got != want {
					t.Fatalf("NextNonASCII(%q, %d) = %d, want %d", s, i, got, want)
				}
			}
		}
	}
}
