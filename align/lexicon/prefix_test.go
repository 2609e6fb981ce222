package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLongestPrefix(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		text     string
		maxRunes int
		want     string
	}{
		{"印度尼西亚外交部", 6, "印度尼西亚"},
		{"印度尼西亚外交部", 2, "印度"},
		{"外交部发言人", 6, "外交部"},
		{"外交部发言人", 2, "外交"},
		{"中华人民共和国成立", 6, "中华"},
		{"中华人民共和国成立", 7, "中华人民共和国"},
		{"国家安全", 6, "国家安全"},
		{"國家安全", 6, "國家安全"}, // traditional headwords too
		{"的", 6, "的"},
		{"", 6, ""},
		{"国家", 0, ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			n := l.LongestPrefix(tc.text, tc.maxRunes)
			assert.Equal(t, tc.want, tc.text[:n])
			if n > 0 {
				assert.True(t, l.Has(tc.text[:n]))
			}
		})
	}
}

func TestIsFunctionWord(t *testing.T) {
	for w, want := range map[string]bool{"的": true, "了": true, "是": true, "国家": false, "安全": false} {
		assert.Equal(t, want, IsFunctionWord(w), w)
	}
}
