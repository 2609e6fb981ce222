package lexicon

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hasLongerOcc reports whether a headword occurrence strictly contains
// [start,end): the plain test zhUnitsScratch's walk makes as it goes.
func hasLongerOcc(occs []occ, start, end int) bool {
	for _, o := range occs {
		if o.start <= start && end <= o.end && o.end-o.start > end-start {
			return true
		}
	}
	return false
}

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

// TestIsHeadRune: whether a rune alone is a headword, learnt once and
// kept, is what a lookup in heads says, for every rune of the BMP (asked
// from several goroutines at once, as the lexicon is shared), outside it,
// and for a byte that is not UTF-8; and LongestPrefix, which asks it, cuts
// random Han runs as the lookup did.
func TestIsHeadRune(t *testing.T) {
	l, err := parse(embedded)
	require.NoError(t, err)
	want := func(s string) bool { return l.heads.Find(s) >= 0 }
	heads := 0
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for k := range 0x10000 {
				r := rune((k + g*0x4000) % 0x10000)
				if r >= 0xD800 && r <= 0xDFFF {
					continue // not a rune DecodeRuneInString gives
				}
				s := string(r)
				if got := l.isHeadRune(s, r); got != want(s) {
					t.Errorf("%U: %v, heads say %v", r, got, want(s))
					return
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		require.Equal(t, want(s), l.isHeadRune(s, r), "%U, known", r)
		if want(s) {
			heads++
		}
	}
	assert.Greater(t, heads, 10000, "Han characters alone (simplified and traditional)")
	for _, s := range []string{"𠀀", "𪚥", "\xe4", "\xff", string(utf8.RuneError)} {
		r, n := utf8.DecodeRuneInString(s)
		assert.Equal(t, want(s[:n]), l.isHeadRune(s[:n], r), "%q", s)
	}

	// LongestPrefix as it was, with the lookup
	old := func(s string, maxRunes int) int {
		if s == "" {
			return 0
		}
		r, n := utf8.DecodeRuneInString(s)
		maxRunes = min(maxRunes, l.maxLenAt(r))
		best := 0
		if maxRunes >= 1 && l.heads.Find(s[:n]) >= 0 {
			best = n
		}
		for j, runes := n, 1; j < len(s) && runes < maxRunes; {
			_, m := utf8.DecodeRuneInString(s[j:])
			j += m
			runes++
			h, more := l.heads.Probe(s[:j])
			if h >= 0 {
				best = j
			}
			if !more {
				break
			}
		}
		return best
	}
	rng := rand.New(rand.NewPCG(1, 18))
	common := []rune("的国家安全中华人民共和外交部发言了是在有和不这为上个以到大说時國們")
	for range 20000 {
		var b []rune
		for range 1 + rng.IntN(8) {
			if rng.IntN(3) == 0 {
				b = append(b, rune(0x4E00+rng.IntN(0x9FFF-0x4E00)))
			} else {
				b = append(b, common[rng.IntN(len(common))])
			}
		}
		s := string(b)
		if rng.IntN(20) == 0 {
			s = "\xe4" + s
		}
		for _, m := range []int{0, 1, 2, 6} {
			require.Equal(t, old(s, m), l.LongestPrefix(s, m), "%q %d", s, m)
		}
	}
}

// TestZhUnitsPlain: zhUnits, which moves on to a token's occurrences only
// for the tokens that read them and looks up only single characters among
// the function words, gives the units of the plain walk (every token's
// occurrences found first, every Han token looked up among the function
// words), for the reference document's Chinese blocks and mixed texts.
func TestZhUnitsPlain(t *testing.T) {
	for w := range zhStop {
		require.Equal(t, 1, utf8.RuneCountInString(w), "%q", w)
	}
	l := Default()
	require.NoError(t, lang.Load())
	zh, _ := referenceBlocks(t)
	zh = append(zh, "中华人民共和国成立", "印度尼西亚外交部发言人，COVID-19的了",
		"a中华b人民共和国c", "中华\xff人民", "𠀀中国𠀁", "他们用Python写程序", "我们的和了之其", "")
	// Random texts of common characters, headwords, function words and
	// Latin, so that tokens meet occurrences that contain them, lie
	// inside them or overlap them.
	rng := rand.New(rand.NewPCG(12, 18))
	pieces := []string{"中华人民共和国", "外交部", "发言人", "国家安全", "动态清零", "的", "了", "我们",
		"不", "中", "国", "人民", "共和", "a1", "COVID-19", "，", " ", "時", "國們", "成立"}
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		zh = append(zh, b.String())
	}
	plain := func(zh string) []zhUnit {
		toks := lang.ZhTokens(zh)
		occs, _ := l.appendOccs(nil, nil, zh)
		maxBytes := l.maxLen * utf8.UTFMax
		var units []zhUnit
		lo := 0
		for _, t := range toks {
			for lo < len(occs) && occs[lo].start < min(t.Start, t.End-maxBytes) {
				lo++
			}
			near := occs[lo:]
			for k, o := range near {
				if o.start >= t.End {
					near = near[:k]
					break
				}
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			if !lang.IsHan(r) {
				if key := literalKey(t.Text); key != "" {
					units = append(units, zhUnit{literal: key, weight: l.defaultIDF})
				}
				continue
			}
			if zhStop[t.Text] {
				continue
			}
			own, known := l.lookup(t.Text)
			if known && len(own) == 0 && !hasLongerOcc(near, t.Start, t.End) {
				continue
			}
			u := zhUnit{glosses: own[:len(own):len(own)]}
			for _, o := range near {
				if o.start <= t.Start && t.End <= o.end && o.end-o.start > t.End-t.Start ||
					t.Start <= o.start && o.end <= t.End && o.end-o.start < t.End-t.Start {
					u.glosses = append(u.glosses, l.glossesAt(o.head)...)
				}
			}
			if !known && len(u.glosses) == 0 {
				for i, c := range t.Text {
					ids, _ := l.lookup(t.Text[i : i+utf8.RuneLen(c)])
					u.glosses = append(u.glosses, ids...)
				}
			}
			u.weight = l.meanIDF(own, u.glosses)
			units = append(units, u)
		}
		return units
	}
	// with scratch (the units and the joined glosses in its buffers) and
	// without
	var scratch zhScratch
	n := 0
	for _, s := range zh {
		want := plain(s)
		for x, got := range [][]zhUnit{l.zhUnits(s), l.zhUnitsScratch(s, &scratch)} {
			require.Len(t, got, len(want), "%q", s)
			for k := range want {
				require.Equal(t, want[k].literal, got[k].literal, "%q unit %d", s, k)
				require.Equal(t, want[k].glosses, got[k].glosses, "%q unit %d", s, k)
				if x == 1 {
					// (appending to a unit's glosses does not write
					// over the next unit's in the scratch's)
					require.Equal(t, len(got[k].glosses), cap(got[k].glosses), "%q unit %d", s, k)
				}
				require.Equal(t, math.Float64bits(want[k].weight), math.Float64bits(got[k].weight), "%q unit %d", s, k)
			}
		}
		n += len(want)
	}
	require.Greater(t, n, 1000)
}
