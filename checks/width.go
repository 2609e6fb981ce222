package checks

import (
	"unicode/utf8"

	"golang.org/x/text/width"
)

// foldWidth is width.Fold.String(s), without the transformer's buffers
// when nothing in s folds: most texts have no full-width Latin or
// half-width kana, and the names check folds every token and every
// Chinese paragraph (a tenth of all a long document's check allocated).
func foldWidth(s string) string {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++ // ASCII is narrow already
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || width.LookupRune(r).Folded() != 0 {
			return width.Fold.String(s)
		}
		i += n
	}
	return s
}
