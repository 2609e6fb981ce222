package lang

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestIsHanTable: IsHan, with its shortcut for the block of CJK Unified
// Ideographs, answers as Unicode's Han table does on every code point
// (〇 and 々 are in the table).
func TestIsHanTable(t *testing.T) {
	n := 0
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		want := unicode.Is(unicode.Han, r)
		if IsHan(r) != want {
			t.Fatalf("IsHan(%U) = %v, the table says %v", r, IsHan(r), want)
		}
		if want {
			n++
		}
	}
	require.Greater(t, n, 90000)
	require.True(t, IsHan('〇') && IsHan('々'))
}

// TestUnifiedHanAt: the byte test answers yes exactly for the three-byte
// sequences that decode to a character of U+4E00–U+9FFF, on every sequence
// of three bytes, and no for one cut short.
func TestUnifiedHanAt(t *testing.T) {
	var b [3]byte
	for x := range 1 << 24 {
		b[0], b[1], b[2] = byte(x>>16), byte(x>>8), byte(x)
		r, n := utf8.DecodeRune(b[:])
		want := n == 3 && 0x4e00 <= r && r <= 0x9fff
		if got := unifiedHanAt(string(b[:]), 0); got != want {
			t.Fatalf("unifiedHanAt(%q) = %v, want %v", b, got, want)
		}
	}
	require.False(t, unifiedHanAt("国", 1))
	require.False(t, unifiedHanAt("\xe5\x9b", 0))
	require.True(t, unifiedHanAt("a国", 1))
}

// TestIsSpace: IsSpace is unicode.IsSpace for every rune and for the
// out-of-range values a conversion may give.
func TestIsSpace(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if IsSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("IsSpace(%U) = %v", r, IsSpace(r))
		}
	}
}

// TestHasScripts: HasHan and HasLatin answer as Count does, on every
// code point alone, after ASCII and Han, and on random texts of them.
func TestHasScripts(t *testing.T) {
	check := func(s string) {
		c := Count(s)
		if HasHan(s) != (c.Han > 0) || HasLatin(s) != (c.Latin > 0) {
			t.Fatalf("%q: HasHan %v, HasLatin %v, Count %+v", s, HasHan(s), HasLatin(s), c)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check(string(r))
		if r%97 == 0 {
			check("1 中" + string(r) + "\xff")
		}
	}
	pieces := []string{"a", "Z", "1", " ", "中", "〇", "é", "ǅ", "Ａ", "１", "٣", "\xff", "ß", "Ω", "—"}
	rng := rand.New(rand.NewSource(18))
	for range 100000 {
		var b strings.Builder
		for n := rng.Intn(6); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// nonSpaceRule is NonSpace as first written: a range loop over s.
func nonSpaceRule(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// TestNonSpace: NonSpace counts as a range loop does, on every code point
// alone and between others, on every sequence of three bytes from E0 on
// (the byte test), and on random texts with invalid bytes.
func TestNonSpace(t *testing.T) {
	check := func(s string) {
		if got, want := NonSpace(s), nonSpaceRule(s); got != want {
			t.Fatalf("%q: got %d, want %d", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		check(string(r))
		check("a" + string(r) + "中")
	}
	for a := 0xe0; a <= 0xff; a++ {
		for b := 0; b < 256; b++ {
			for c := 0; c < 256; c++ {
				check(string([]byte{byte(a), byte(b), byte(c)}))
				check(string([]byte{'x', byte(a), byte(b), byte(c)}))
				check(string([]byte{byte(a), byte(b)}))
			}
		}
	}
	pieces := []string{"a", " ", "\u3000", "、", "中", "\u00a0", "\u2029", "\xe3\x80", "\xe4", "\xbf", "\xed\xa0\x80", "\U0001F600", "é", "\t",
		"word of English", "\t\n\v\f\r\x08\x0e\x1f!~\x7f", "0123456789", "中华人民共和国", "\xe4\xb8", "\xe9\xbf\xbf"}
	rng := rand.New(rand.NewSource(18))
	for range 200000 {
		var b strings.Builder
		for n := rng.Intn(8); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
	// runs of ASCII, read eight bytes at a time: every byte at every
	// place of a word, and random runs of every ASCII byte
	for c := 0; c < utf8.RuneSelf; c++ {
		for k := 0; k < 8; k++ {
			b := []byte("abcdefghijklmnop")
			b[k] = byte(c)
			check(string(b))
			b[k+3] = ' '
			check(string(b))
		}
	}
	for range 100000 {
		b := make([]byte, rng.Intn(40))
		for k := range b {
			b[k] = byte(rng.Intn(utf8.RuneSelf))
			if rng.Intn(4) == 0 {
				b[k] = " \t\n\v\f\r\x08\x0e"[rng.Intn(8)]
			}
		}
		check(string(b))
	}
}

// TestIsWordRune: isWordRune and isEnWordRune, with their ASCII and
// punctuation bits, answer as the unicode tables do for every rune and
// for runes out of range.
func TestIsWordRune(t *testing.T) {
	for r := rune(-1 << 12); r <= unicode.MaxRune+1<<12; r++ {
		slow := !IsHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		if isWordRune(r) != slow {
			t.Fatalf("isWordRune(%U) = %v", r, !slow)
		}
		en := slow
		if r < utf8.RuneSelf {
			en = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		}
		if isEnWordRune(r) != en {
			t.Fatalf("isEnWordRune(%U) = %v", r, !en)
		}
	}
}

// TestUnifiedHanRun: UnifiedHanRun takes three bytes exactly where
// unifiedHanAt does, on every sequence of three bytes, and ends a run
// where unifiedHanAt stops on random strings of Han, other characters
// and broken UTF-8.
func TestUnifiedHanRun(t *testing.T) {
	var b [3]byte
	for x := range 1 << 24 {
		b[0], b[1], b[2] = byte(x>>16), byte(x>>8), byte(x)
		want := 0
		if unifiedHanAt(string(b[:]), 0) {
			want = 3
		}
		if got := UnifiedHanRun(string(b[:])); got != want {
			t.Fatalf("UnifiedHanRun(%q) = %d, want %d", b, got, want)
		}
	}
	rng := rand.New(rand.NewSource(18))
	pieces := []string{"国", "一", "鿿", "丷", "㐀", "々", "a", "，", "\xe5\x9b", "\xe4\xb7\xbf", "\xe9"}
	for range 20000 {
		var sb strings.Builder
		for range rng.Intn(12) {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := sb.String()
		want := 0
		for unifiedHanAt(s, want) {
			want += 3
		}
		if got := UnifiedHanRun(s); got != want {
			t.Fatalf("UnifiedHanRun(%q) = %d, want %d", s, got, want)
		}
	}
}

// alnumAndOthersRule is AlnumAndOthers as align.ZhUnits counts: a range
// loop over s.
func alnumAndOthersRule(s string) (alnum, others int) {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			alnum++
		default:
			others++
		}
	}
	return alnum, others
}

// TestAlnumAndOthers: AlnumAndOthers counts as the range loop does, on
// every code point alone and between others, on every sequence of three
// bytes from E0 on, alone and after another, and on random texts with
// runs of Han and invalid bytes.
func TestAlnumAndOthers(t *testing.T) {
	check := func(s string) {
		a, o := AlnumAndOthers(s)
		if wa, wo := alnumAndOthersRule(s); a != wa || o != wo {
			t.Fatalf("%q: got %d, %d, want %d, %d", s, a, o, wa, wo)
		}
	}
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		check(string(r))
		check("a" + string(r) + "中")
		check("中" + string(r) + "中")
	}
	for a := 0xe0; a <= 0xff; a++ {
		for b := 0; b < 256; b++ {
			for c := 0; c < 256; c++ {
				check(string([]byte{byte(a), byte(b), byte(c)}))
				check(string([]byte{0xe4, 0xb8, 0xad, byte(a), byte(b), byte(c)}))
				check(string([]byte{byte(a), byte(b)}))
			}
		}
	}
	pieces := []string{"a", "Z", "7", " ", "\u3000", "、", "中", "中国", "\u00a0", "\u2029", "\xe3\x80", "\xe4", "\xbf", "\xed\xa0\x80",
		"\U0001F600", "é", "\t", "COVID-19", "２０３５", "\t\n\v\f\r\x08\x0e\x1f!~\x7f", "\uffff", "\ufeff"}
	rng := rand.New(rand.NewSource(18))
	for range 300000 {
		var b strings.Builder
		for n := rng.Intn(10); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		check(strings.Repeat(string(rune(c)), 3) + "中")
	}
}

// countRule is Count as first written: a range loop over text.
func countRule(text string) ScriptCounts {
	var c ScriptCounts
	for _, r := range text {
		switch {
		case r < 0x80:
			switch {
			case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
				c.Latin++
			case '0' <= r && r <= '9':
				c.Digit++
			case r == ' ', r == '\t', r == '\n', r == '\r', r == '\v', r == '\f':
			default:
				c.Other++
			}
		case unicode.Is(unicode.Han, r):
			c.Han++
		case unicode.IsDigit(r):
			c.Digit++
		case unicode.Is(unicode.Latin, r):
			c.Latin++
		case unicode.IsSpace(r):
		default:
			c.Other++
		}
	}
	return c
}

// TestCountRule: Count, which steps over runs of CJK Unified Ideographs
// without decoding them, counts as the range loop does on every code
// point alone and between Han, on every three-byte sequence from E0 on,
// and on random texts with runs of Han and invalid bytes.
func TestCountRule(t *testing.T) {
	check := func(s string) {
		if got, want := Count(s), countRule(s); got != want {
			t.Fatalf("%q: got %+v, want %+v", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		check(string(r))
		check("中" + string(r) + "国")
	}
	for a := 0xe0; a <= 0xff; a++ {
		for b := 0; b < 256; b++ {
			for c := 0; c < 256; c += 3 {
				check(string([]byte{byte(a), byte(b), byte(c)}))
				check(string([]byte{0xe4, 0xb8, 0xad, byte(a), byte(b), byte(c), 'x'}))
			}
		}
	}
	pieces := []string{"a", "Z", "1", " ", "中", "中国人", "〇", "é", "Ａ", "１", "\xff", "\xe4\xb8", "\u4dff", "\u9fff", "\ua000", "\u3400", "—", "，"}
	rng := rand.New(rand.NewSource(18))
	for range 200000 {
		var b strings.Builder
		for n := rng.Intn(8); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// unifiedHanAt reports whether text[j:] starts with the UTF-8 encoding of
// a character of the CJK Unified Ideographs block (U+4E00 to U+9FFF), all
// Han (IsHan) and all three bytes long: E4 B8–BF, or E5–E9 80–BF, then a
// continuation byte (TestUnifiedHanAt): the
// definition UnifiedHanRun is compared with.
func unifiedHanAt(text string, j int) bool {
	if j+2 >= len(text) {
		return false
	}
	c0, c1, c2 := text[j], text[j+1], text[j+2]
	return (c0 == 0xe4 && c1 >= 0xb8 || 0xe5 <= c0 && c0 <= 0xe9) && c1&0xc0 == 0x80 && c2&0xc0 == 0x80
}

// TestFirstRune: FirstRune gives what utf8.DecodeRuneInString gives for
// every sequence of three bytes (so every lead byte, valid, overlong,
// surrogate or cut short), and for their one- and two-byte prefixes.
func TestFirstRune(t *testing.T) {
	var b [3]byte
	for v := range 1 << 24 {
		b[0], b[1], b[2] = byte(v>>16), byte(v>>8), byte(v)
		s := string(b[:])
		want, _ := utf8.DecodeRuneInString(s)
		if got := FirstRune(s); got != want {
			t.Fatalf("FirstRune(%q) = %U, want %U", s, got, want)
		}
		if v&0xff == 0 {
			for n := 0; n < 3; n++ {
				want, _ := utf8.DecodeRuneInString(s[:n])
				if got := FirstRune(s[:n]); got != want {
					t.Fatalf("FirstRune(%q) = %U, want %U", s[:n], got, want)
				}
			}
		}
	}
	require.Equal(t, '国', FirstRune("国家"))
}
