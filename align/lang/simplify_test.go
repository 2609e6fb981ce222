package lang

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSimplify(t *testing.T) {
	assert.Equal(t, "总体国家安全观", Simplify("總體國家安全觀"))
	assert.Equal(t, "动态清零", Simplify("動態清零"))
	// simplified text and characters used in both scripts stay
	assert.Equal(t, "著名的只乾坤 abc", Simplify("著名的只乾坤 abc"))
	s, back := SimplifyMap("a國b")
	assert.Equal(t, "a国b", s)
	assert.Equal(t, []int{0, 1, 1, 1, 4, 5}, back)
}

// FuzzSimplify: Simplify's shortcut (text with nothing to convert is
// returned as it is) gives what SimplifyMap gives, invalid UTF-8 included.
func FuzzSimplify(f *testing.F) {
	for _, s := range []string{"總體國家安全觀", "总体国家安全观", "abc", "a\xff國", "\xe5\x9b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := SimplifyMap(s)
		if got := Simplify(s); got != want {
			t.Errorf("Simplify(%q) = %q, SimplifyMap gives %q", s, got, want)
		}
	})
}

// FuzzSimplified: text Simplified passes is its own simplification, and so
// is every part of it cut at character boundaries (what lets a caller
// skip Simplify on the words of such a text); text it fails is not.
func FuzzSimplified(f *testing.F) {
	for _, s := range []string{"總體國家安全觀", "总体国家安全观", "abc", "a\xff國", "\xe5\x9b", "著名的只乾坤 abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		simple := Simplified(s)
		want, _ := SimplifyMap(s)
		if simple && want != s {
			t.Fatalf("Simplified(%q), but SimplifyMap gives %q", s, want)
		}
		if !simple && want == s && utf8.ValidString(s) {
			t.Fatalf("not Simplified(%q), but SimplifyMap leaves it", s)
		}
		if !simple {
			return
		}
		for i := range s {
			for j := range s[i:] {
				if j > 24 {
					break // long enough: the check is quadratic
				}
				if sub := s[i : i+j]; Simplify(sub) != sub {
					t.Fatalf("Simplified(%q), but Simplify(%q) = %q", s, sub, Simplify(sub))
				}
			}
		}
	})
}

// TestT2STable: the table's bits refuse only characters its map does not
// hold, on every rune, for the embedded table and for one with characters
// above U+FFFF.
func TestT2STable(t *testing.T) {
	embedded := embeddedT2S()
	require.Greater(t, embedded.size(), 2000)
	wide := newT2S(map[rune]rune{'𠁅': 'A', '國': '国', 0xffff: 'x'})
	for _, tb := range []*t2sTable{embedded, wide, newT2S(map[rune]rune{})} {
		for r := rune(-1); r <= unicode.MaxRune+1; r++ {
			c, ok := tb.get(r)
			wc, wok := tb.m[r]
			if c != wc || ok != wok {
				t.Fatalf("get(%U) = %U %v, the map holds %U %v", r, c, ok, wc, wok)
			}
		}
	}
	c, ok := (*t2sTable)(nil).get('國')
	assert.False(t, ok)
	assert.Zero(t, c)
}

// BenchmarkSimplifiedReference asks Simplified of every line of the
// reference document, as the consistency check asks it of every block.
func BenchmarkSimplifiedReference(b *testing.B) {
	text := referenceText(b)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, l := range lines {
			Simplified(l)
		}
	}
}

// simplifiedDecoding is Simplified as it was, every character decoded by
// utf8.DecodeRuneInString.
func simplifiedDecoding(s string) bool {
	t := embeddedT2S()
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := t.get(r); ok || r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// TestSimplifiedInline: Simplified, decoding unified Han in line, answers
// as it did on every character of the BMP alone and after a simplified
// one, on every three-byte sequence, and on the reference document.
func TestSimplifiedInline(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		for _, s := range []string{string(r), "国" + string(r), string(r) + "a"} {
			if got, want := Simplified(s), simplifiedDecoding(s); got != want {
				t.Fatalf("Simplified(%q) = %v, want %v", s, got, want)
			}
		}
	}
	var b [3]byte
	for x := range 1 << 24 {
		b[0], b[1], b[2] = byte(x>>16), byte(x>>8), byte(x)
		if x>>20 != 0xe {
			continue // only sequences that open as three-byte ones
		}
		if got, want := Simplified(string(b[:])), simplifiedDecoding(string(b[:])); got != want {
			t.Fatalf("Simplified(%q) = %v, want %v", b, got, want)
		}
	}
	ref := referenceText(t)
	require.Equal(t, simplifiedDecoding(ref), Simplified(ref))
	for _, line := range strings.Split(ref, "\n") {
		require.Equal(t, simplifiedDecoding(line), Simplified(line), line)
	}
}
