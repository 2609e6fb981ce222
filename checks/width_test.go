package checks

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// TestFoldWidth checks foldWidth against the transformer on every rune,
// alone and inside text, and on invalid UTF-8.
func TestFoldWidth(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "ab" + string(r) + "中文"} {
			if got, want := foldWidth(s), width.Fold.String(s); got != want {
				t.Fatalf("foldWidth(%q) = %q, want %q", s, got, want)
			}
		}
	}
	for _, s := range []string{"", "plain ASCII", "中文，（一）", "ＣＯＶＩＤ－１９", "ｶﾀｶﾅ", "bad \xff byte", "\xe4\xb8"} {
		if got, want := foldWidth(s), width.Fold.String(s); got != want {
			t.Errorf("foldWidth(%q) = %q, want %q", s, got, want)
		}
	}
	if s := strings.Repeat("中文 text ", 10); foldWidth(s) != s {
		t.Error("nothing to fold: the text itself")
	}
}
