// Package lang holds the language-level tools the aligner and the checks share:
// sentence splitting for Chinese and English, tokenizing (for Chinese, gse's
// shortest-path segmentation over an embedded lean dictionary; stemmed words
// for English) and script counts.
package lang

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// ScriptCounts counts the runes of a text by script. Whitespace is not
// counted; Other holds punctuation, symbols and letters of other scripts.
type ScriptCounts struct{ Han, Latin, Digit, Other int }

// IsHan reports whether r is a Han (Chinese) character, including
// 〇 and the iteration mark 々. The CJK Unified Ideographs block (U+4E00
// to U+9FFF), where nearly every character of a Chinese text falls, is
// Han throughout and decided without searching the table
// (TestIsHanTable).
func IsHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case 0x4E00 <= r && r <= 0x9FFF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// Count counts the runes of text by script.
func Count(text string) ScriptCounts {
	var c ScriptCounts
	for i := 0; i < len(text); {
		if text[i] >= 0xe4 {
			// a run of CJK Unified Ideographs, most of Chinese text,
			// counted without decoding it (TestCountRule)
			if n := UnifiedHanRun(text[i:]); n > 0 {
				c.Han += n / 3
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
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
		case IsHan(r):
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

// HasHan reports whether Count(text).Han > 0, stopping at the first Han
// character: a check that a file is Chinese at all need not count it.
func HasHan(text string) bool {
	for _, r := range text {
		if r >= 0x80 && IsHan(r) {
			return true
		}
	}
	return false
}

// HasLatin reports whether Count(text).Latin > 0, stopping at the first
// Latin letter.
func HasLatin(text string) bool {
	for _, r := range text {
		if r < 0x80 {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				return true
			}
			continue
		}
		if !IsHan(r) && !unicode.IsDigit(r) && unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// NextField returns the first of the fields strings.Fields makes of s
// ("" when there is none) and the text after it: the fields one at a
// time, without the slice of them (white space is IsSpace, and an invalid
// byte is a character that is not, as ranging over s reads it).
func NextField(s string) (field, rest string) {
	start := -1
	for i, r := range s {
		if IsSpace(r) {
			if start >= 0 {
				return s[start:i], s[i:]
			}
		} else if start < 0 {
			start = i
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// IsSpace is unicode.IsSpace, answered without its call and table search
// for the characters of ordinary text: ASCII, and everything past U+3000,
// the last white space Unicode has (Han, kana, fullwidth forms). Lengths,
// normal forms and number scanners ask it of every character of every
// block and sentence, several times over; it is small enough to be
// inlined there.
func IsSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiSpace[uint8(r)]
	}
	if r > '\u3000' {
		return false
	}
	return otherSpace(r)
}

// NonSpace counts the runes of s that are not white space (IsSpace), as
// ranging over s counts them (an invalid byte is one rune, U+FFFD). It is
// the aligner's length measure, taken of every block and sentence several
// times: a three-byte character from U+3001 on (Chinese punctuation, Han,
// fullwidth forms) is never white space and is counted without decoding
// it (TestNonSpace).
func NonSpace(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// English: eight ASCII bytes at a time where they are
			if i+8 <= len(s) {
				if w := Load8(s[i:]); w&0x8080808080808080 == 0 {
					n += 8 - ASCIISpaces(w)
					i += 8
					continue
				}
			}
			if !asciiSpace[c] {
				n++
			}
			i++
			continue
		}
		if k := UnifiedHanRun(s[i:]); k > 0 {
			// Han, most of a Chinese text: the run at once
			n += k / 3
			i += k
			continue
		}
		if wideAt(s, i) {
			n++
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsSpace(r) {
			n++
		}
		i += size
	}
	return n
}

// AlnumAndOthers counts the runes of s, as ranging over s counts them, in
// two kinds: alnum the ASCII letters and digits, others those neither
// white space (IsSpace) nor ASCII letters or digits. The aligner measures
// a Chinese text in Chinese characters by them (align.ZhUnits), several
// times over: a three-byte character from U+3001 on is counted without
// decoding it, as NonSpace does (TestAlnumAndOthers).
func AlnumAndOthers(s string) (alnum, others int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case IsASCIIAlnum(c):
				alnum++
			case !asciiSpace[c]:
				others++
			}
			i++
			continue
		}
		if wideAt(s, i) {
			// Han, most of the text: the run in one loop
			j := i + 3
			for wideAt(s, j) {
				j += 3
			}
			others += (j - i) / 3
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsSpace(r) {
			others++
		}
		i += size
	}
	return alnum, others
}

// Load8 reads the first eight bytes of s as a little-endian word, which
// the compiler makes one load: the scans that step over ASCII eight bytes
// at a time, here and in the checks and numerals, read their words by it.
func Load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// HasZeroByte is not 0 when some byte of v is 0: subtracting 1 from a
// zero byte borrows into its high bit, which was not set, and no byte
// borrows from the next unless a zero byte lies below it. The word
// scans find a byte b among eight as a zero byte of w^(b·0x0101…01).
func HasZeroByte(v uint64) uint64 {
	return (v - 0x0101010101010101) &^ v & 0x8080808080808080
}

// ASCIIDigits sets the high bit of each byte of w, eight ASCII bytes (no
// high bit set), that is a digit 0 to 9, and no other bit: adding 50 to
// a byte carries into its high bit from '0' on, adding 46 from ':' on, and
// no byte, being at most 7F, carries into the next.
func ASCIIDigits(w uint64) uint64 {
	return (w + 0x5050505050505050) &^ (w + 0x4646464646464646) & 0x8080808080808080
}

// ASCIISpaces counts the bytes of w, eight ASCII bytes (no high bit set),
// that are white space (IsSpace): ' ' and '\t' to '\r'. Each test adds to every
// byte at once with no carry into the next, a byte being at most 7F:
// adding 7F to a byte sets its high bit unless it is 0, adding 80-9 sets
// it from 9 on, 80-14 from 14 on (TestNonSpace).
func ASCIISpaces(w uint64) int {
	const (
		lo7 = 0x7f7f7f7f7f7f7f7f
		hi  = 0x8080808080808080
	)
	blank := ^((w ^ 0x2020202020202020) + lo7) & hi
	ctl := (w + 0x7777777777777777) &^ (w + 0x7272727272727272) & hi
	return bits.OnesCount64(blank | ctl)
}

// wideAt reports whether s[i:] starts with the UTF-8 encoding of a
// character of U+3001 to U+FFFF but for the surrogates: E3 then two
// continuation bytes but U+3000's 80 80, or E4–EC or EE–EF then two
// continuation bytes (ED starts the surrogates and U+D000–U+D7FF, left
// to the decoder).
func wideAt(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	if c1&0xc0 != 0x80 || c2&0xc0 != 0x80 {
		return false
	}
	switch {
	case c0 == 0xe3:
		return c1 != 0x80 || c2 != 0x80
	case 0xe4 <= c0 && c0 <= 0xec, c0 == 0xee, c0 == 0xef:
		return true
	}
	return false
}

// asciiSpace holds unicode.IsSpace of the bytes below utf8.RuneSelf.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// otherSpace is IsSpace beyond ASCII, up to U+3000, kept out of line so
// that IsSpace stays small enough to be inlined.
//
//go:noinline
func otherSpace(r rune) bool { return unicode.IsSpace(r) }

// NextNonASCII returns the first index of s from i on that holds a byte of
// utf8.RuneSelf or more, or len(s), testing eight bytes at a time.
func NextNonASCII(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if Load8(s[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}
