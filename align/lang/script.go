// Package lang holds the language-level tools the aligner and the checks share:
// sentence splitting for Chinese and English, tokenizing (for Chinese, gse's
// shortest-path segmentation over an embedded lean dictionary; stemmed words
// for English) and script counts.
package lang

import (
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

// asciiSpace holds unicode.IsSpace of the bytes below utf8.RuneSelf.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// otherSpace is IsSpace beyond ASCII, up to U+3000, kept out of line so
// that IsSpace stays small enough to be inlined.
//
//go:noinline
func otherSpace(r rune) bool { return unicode.IsSpace(r) }
