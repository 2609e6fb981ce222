package align

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// The measures as first written, the oracles of the faster ones.
func plainLength(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func plainNormText(s string) string { return strings.Join(strings.Fields(s), " ") }

var spacedTexts = []string{
	"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b",
	"a\u3000b", "中文，句子。", "中 文", "中\u3000文", "\u2028", "x\u205fy", "\xff", "a \xff b",
	"one two three", "one two three ", "\tone", "line one\nline two", "Ⅳ. 第三条 Article 3",
}

func TestLengthAndNormText(t *testing.T) {
	for _, s := range spacedTexts {
		assert.Equal(t, plainLength(s), Length(s), "%q", s)
		assert.Equal(t, plainNormText(s), NormText(s), "%q", s)
	}
}

func FuzzLengthAndNormText(f *testing.F) {
	for _, s := range spacedTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Length(s), plainLength(s); got != want {
			t.Errorf("Length(%q) = %d, want %d", s, got, want)
		}
		if got, want := NormText(s), plainNormText(s); got != want {
			t.Errorf("NormText(%q) = %q, want %q", s, got, want)
		}
	})
}
