// Package excerpt quotes what a user's file holds in an error message
// safely: short, and with control characters escaped. A configuration file
// in a pull request is the contributor's; an error that quoted a whole
// line of whatever file it names (/proc/self/environ, a key file) would
// print it into a CI log.
package excerpt

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxRunes is the most of a value an error message quotes.
const MaxRunes = 40

// Quote quotes s as Go does (%q: control characters and invalid UTF-8
// escaped), cut to MaxRunes runes with the length of the whole said.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= MaxRunes {
		return strconv.Quote(s)
	}
	cut := s
	n := 0
	for i := range s {
		if n == MaxRunes {
			cut = s[:i]
			break
		}
		n++
	}
	return strconv.Quote(cut) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// MaxMessage bounds a whole message built from a file's content.
const MaxMessage = 300

// Message makes an error message safe to print: control characters
// escaped, and at most MaxMessage bytes. It is the backstop for messages
// from a parser (YAML, CSV) that may quote the content itself.
func Message(msg string) string {
	if !strings.ContainsFunc(msg, isControl) && len(msg) <= MaxMessage && utf8.ValidString(msg) {
		return msg
	}
	q := strconv.Quote(msg)
	q = q[1 : len(q)-1] // escaped, without the quotes around it
	if len(q) > MaxMessage {
		cut := MaxMessage
		for cut > 0 && !utf8.RuneStart(q[cut]) {
			cut--
		}
		q = q[:cut] + "…"
	}
	return q
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }
