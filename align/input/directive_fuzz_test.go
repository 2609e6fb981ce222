package input

import (
	"strings"
	"testing"
)

// FuzzParseDirective: suppression comments are outside input; parsing one
// never panics, and what it yields is made of the line's own words.
func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{
		"<!-- aligncheck-ignore numbers: the figure was updated -->",
		"# aligncheck-ignore numbers,length: reason",
		"<!-- aligncheck-ignore-file untranslated: a glossary page -->",
		"# aligncheck-ignore",
		"<!-- aligncheck-ignore : -->",
		"# aligncheck-ignore numbers",
		"<!-- aligncheck-ignore numbers,,: x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		d, ok := ParseDirective(strings.TrimSpace(line))
		if !ok {
			return
		}
		if !IsDirective(strings.TrimSpace(line)) {
			t.Fatalf("ParseDirective accepted %q but IsDirective does not", line)
		}
		_ = d
	})
}
