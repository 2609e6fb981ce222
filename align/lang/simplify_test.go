package lang

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
