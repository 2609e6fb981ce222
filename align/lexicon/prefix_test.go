package lexicon

import (
	"testing"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestAppendOccs: the headword occurrences found over runs decoded once
// are those of the walk that decoded the run again from every start.
func TestAppendOccs(t *testing.T) {
	l := Default()
	// the walk appendOccs replaced
	walk := func(zh string) []occ {
		var occs []occ
		for i := 0; i < len(zh); {
			r, n := utf8.DecodeRuneInString(zh[i:])
			if !lang.IsHan(r) {
				i += n
				continue
			}
			maxLen := l.maxLenAt(r)
			j, runes := i+n, 1
			for j < len(zh) && runes < maxLen {
				r2, m := utf8.DecodeRuneInString(zh[j:])
				if !lang.IsHan(r2) {
					break
				}
				j += m
				runes++
				h, more := l.heads.Probe(zh[i:j])
				if h >= 0 {
					occs = append(occs, occ{i, j, h})
				}
				if !more {
					break
				}
			}
			i += n
		}
		return occs
	}
	zh, _ := referenceBlocks(t)
	zh = append(zh, "", "中", "中华人民共和国成立", "印度尼西亚外交部发言人，COVID-19的了",
		"a中华b人民共和国c", "中华\xff人民", "𠀀中国𠀁")
	var run []hanChar
	n := 0
	for _, s := range zh {
		var got []occ
		got, run = l.appendOccs(nil, run, s)
		require.Equal(t, walk(s), got, "%q", s)
		n += len(got)
	}
	require.Greater(t, n, 1000)
}
