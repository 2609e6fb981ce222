package checks

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// unbalancedRule is unbalanced as first written, kept as the oracle for the
// shortcuts (enumerators looked for only when a bracket is there, a bracket
// pair passed over when neither of its marks is).
func unbalancedRule(s string, l align.Lang) []punctIssue {
	skip := map[int]bool{}
	for _, e := range numerals.All(s) {
		for i := e.Start; i < e.End; i++ {
			skip[i] = true
		}
	}
	var out []punctIssue
	fullQuoteCloses := 0 // ＂ used to close “ in Chinese
	for _, bp := range bracketPairs {
		if bp.lang == 1 && l == align.En {
			continue
		}
		var opens []int
		for i, r := range s {
			if skip[i] {
				continue
			}
			switch {
			case r == bp.open && bp.open == '“' && closingPosition(s, i):
				out = append(out, punctIssue{i, i + utf8.RuneLen(r), "opening “ where the closing ” belongs", "wrong"})
				if len(opens) > 0 {
					opens = opens[:len(opens)-1]
				}
			case r == '＂' && bp.open == '“' && l == align.Zh && len(opens) > 0:
				out = append(out, punctIssue{i, i + utf8.RuneLen(r), "“ is closed with ＂", "wrong"})
				opens = opens[:len(opens)-1]
				fullQuoteCloses++
			case r == bp.open:
				opens = append(opens, i)
			case r == bp.close:
				if len(opens) == 0 {
					if r == ')' && smileyOrLabel(s, i) {
						continue
					}
					out = append(out, punctIssue{i, i + utf8.RuneLen(r), fmt.Sprintf("closing %c has no opening %c", r, bp.open), "close" + string(bp.open)})
					continue
				}
				opens = opens[:len(opens)-1]
			}
		}
		for _, i := range opens {
			out = append(out, punctIssue{i, i + utf8.RuneLen(bp.open), fmt.Sprintf("opening %c is never closed", bp.open), "open" + string(bp.open)})
		}
	}
	// straight double quotes (and ＂ in Chinese) in even numbers
	for _, q := range []rune{'"', '＂'} {
		var at []int
		for i, r := range s {
			if r == q {
				at = append(at, i)
			}
		}
		if q == '＂' {
			at = at[min(fullQuoteCloses, len(at)):]
		}
		if len(at)%2 == 1 {
			i := at[len(at)-1]
			out = append(out, punctIssue{i, i + utf8.RuneLen(q), fmt.Sprintf("odd number of %c quotes", q), "straight" + string(q)})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	return mixedPairs(s, l, out) // the same merging after the shortcuts
}

// TestUnbalancedSameAsRule: the same issues on every line of the reference
// document and of the parallel documents in ../shared/data, in both
// languages' rules.
func TestUnbalancedSameAsRule(t *testing.T) {
	texts := []string{"(3) a “b” (c", "「甲」『乙』〈丙〉‘丁’（1）", "＂甲＂“乙＂", "1) 2) (3", "[x] 【y】 《z》 \"q"}
	files := []string{"../testdata/csis-modernizing-national-security.interleaved.txt"}
	more, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "parallel", "*", "*.txt"))
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	issues := 0
	for _, s := range texts {
		for _, l := range []align.Lang{align.Zh, align.En} {
			want := unbalancedRule(s, l)
			issues += len(want)
			if got := unbalanced(s, l); !reflect.DeepEqual(got, want) {
				t.Errorf("%q (%v): got %v, the rule gives %v", s, l, got, want)
			}
		}
	}
	if issues < 10 {
		t.Errorf("only %d issues among %d lines: the comparison tests little", issues, len(texts))
	}
}

func FuzzUnbalanced(f *testing.F) {
	for _, s := range []string{"(3) a “b” (c", "＂甲＂“乙＂", "1) (2", "「甲』"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range []align.Lang{align.Zh, align.En} {
			if got, want := unbalanced(s, l), unbalancedRule(s, l); !reflect.DeepEqual(got, want) {
				t.Errorf("%q (%v): got %v, the rule gives %v", s, l, got, want)
			}
		}
	})
}

// TestUnbalancedRandomSameAsRule: the same issues as the rule on random
// text of marks, straight quotes and invalid bytes.
func TestUnbalancedRandomSameAsRule(t *testing.T) {
	alphabet := []string{"\"", "＂", "“", "”", "(", ")", "（", "）", "「", "」", "‘", "’", "甲", "a", " ", "1)", "(3)",
		"\xff", "\xe2", "\xef\xbc", "\xbc\x82", "\xe2\x80"}
	rng := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 30000; round++ {
		var b strings.Builder
		for n := rng.IntN(16); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for _, l := range []align.Lang{align.Zh, align.En} {
			if got, want := unbalanced(s, l), unbalancedRule(s, l); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q (%v): got %v, the rule gives %v", s, l, got, want)
			}
		}
	}
}

// TestContainsAnyOf: containsAnyOf is strings.ContainsAny, on random text
// with invalid bytes and parts of the runes looked for.
func TestContainsAnyOf(t *testing.T) {
	alphabet := []string{"“", "「", "『", "‘", "\"", "”", "甲", "a", "\xe2", "\x80", "\x9c", "\xe3\x80", "\x8c", "\xff"}
	rng := rand.New(rand.NewPCG(9, 10))
	for round := 0; round < 30000; round++ {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		require.Equal(t, strings.ContainsAny(s, zhOpenQuotes), containsAnyOf(s, zhOpenQuoteList), "%q", s)
		require.Equal(t, strings.ContainsAny(s, enOpenQuotes), containsAnyOf(s, enOpenQuoteList), "%q", s)
	}
	for _, r := range fullWidth {
		require.GreaterOrEqual(t, r, rune(utf8.RuneSelf), "runPunctuation skips ASCII before looking in fullWidth")
	}
}

// TestPairedQuotesAsMap: pairedQuotes with its marks in a slice finds what
// it found with them in a map, for the marks of zhQuotes, enQuotes and
// titles, on random text of marks, letters and invalid bytes.
func TestPairedQuotesAsMap(t *testing.T) {
	asMap := func(pairs []quotePair) map[rune]rune {
		m := map[rune]rune{}
		for _, qp := range pairs {
			m[qp.open] = qp.close
		}
		return m
	}
	alphabet := []string{"“", "”", "「", "」", "『", "』", "‘", "’", "《", "》", "\"", "a", "甲", " ", ".", "。", "\xe2", "\xff"}
	rng := rand.New(rand.NewPCG(17, 18))
	quotes := 0
	for round := 0; round < 30000; round++ {
		var b strings.Builder
		for n := rng.IntN(14); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for _, c := range []struct {
			pairs    []quotePair
			straight bool
		}{{zhQuotePairs, false}, {enQuotePairs, true}, {titleQuotePairs, false}} {
			got := pairedQuotes(s, c.pairs, c.straight)
			require.Equal(t, pairedQuotesSlow(s, asMap(c.pairs), c.straight), got, "%q", s)
			quotes += len(got)
		}
	}
	require.Greater(t, quotes, 1000)
}

// pairedQuotesSlow is pairedQuotes as it was, its marks in a map.
func pairedQuotesSlow(s string, pairs map[rune]rune, straight bool) []quoted {
	var out []quoted
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		closeR, ok := pairs[r]
		if straight && r == '"' {
			closeR, ok = '"', true
		}
		if !ok {
			i += n
			continue
		}
		if r == '‘' {
			// ‘ in English opens a quote only before a letter
			if nr, _ := utf8.DecodeRuneInString(s[i+n:]); !unicode.IsLetter(nr) {
				i += n
				continue
			}
		}
		j := strings.IndexRune(s[i+n:], closeR)
		if j < 0 {
			i += n
			continue
		}
		end := i + n + j + utf8.RuneLen(closeR)
		// "“Two Establishes.”": the stop inside the quotes is the sentence's
		inner := strings.TrimRight(strings.TrimSpace(s[i+n:i+n+j]), ".,;:!?。，；：！？ ")
		out = append(out, quoted{start: i, end: end, inner: inner})
		i = end
	}
	return out
}

// TestBracketMarksIn: bracketMarksIn says of each pair what
// strings.ContainsRune says of its marks, on random text of every mark,
// parts of their bytes and invalid bytes.
func TestBracketMarksIn(t *testing.T) {
	alphabet := []string{"甲", "a", " ", "\xff", "\xe3\x80", "\xe2\x80", "\xef\xbc", "\x80", "\x9c"}
	for _, bp := range bracketPairs {
		alphabet = append(alphabet, string(bp.open), string(bp.close))
	}
	rng := rand.New(rand.NewPCG(21, 22))
	for round := 0; round < 30000; round++ {
		var b strings.Builder
		for n := rng.IntN(6); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		var want uint32
		for k, bp := range bracketPairs {
			if strings.ContainsRune(s, bp.open) || strings.ContainsRune(s, bp.close) {
				want |= 1 << k
			}
		}
		require.Equal(t, want, bracketMarksIn(s), "%q", s)
	}
	require.Less(t, len(bracketPairs), 32)
}

// TestUnbalancedEnumeratorsUntilLastMark: the enumerators that start up to
// the last bracket or quote mark cover the same marks as all of a text's
// enumerators, and unbalanced, which looks only for those, finds what the
// rule finds, on random text of marks, enumerators, headings with lists
// and prose, where most enumerators stand after the last mark.
func TestUnbalancedEnumeratorsUntilLastMark(t *testing.T) {
	alphabet := []string{"“", "”", "(", ")", "（", "）", "「", "」", "《", "》", "[", "]", "＂", "\"", "(1)", "1)", "a)",
		"（一）", "（二）", "一、", "第三条", "第三條", "Article 5", "Articles 5 and 6", "(3) ", "2.", "II.", "①",
		"\n", " ", "甲", "规定", "the", "a", "，", "。", ";", "\xff"}
	rng := rand.New(rand.NewPCG(23, 24))
	covered := 0
	for round := 0; round < 20000; round++ {
		var b strings.Builder
		for n := rng.IntN(24); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		at := bracketMarksAt(s, nil)
		limit := 0
		if len(at) > 0 {
			limit = at[len(at)-1].i + 1
		}
		skipped := func(es []numerals.Enumerator) []int {
			var out []int
			for _, m := range at {
				for _, e := range es {
					if e.Start <= m.i && m.i < e.End {
						out = append(out, m.i)
						break
					}
				}
			}
			return out
		}
		want := skipped(numerals.All(s))
		require.Equal(t, want, skipped(numerals.AllUntil(s, limit)), "%q", s)
		covered += len(want)
		for _, l := range []align.Lang{align.Zh, align.En} {
			if got, want := unbalanced(s, l), unbalancedRule(s, l); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q (%v): got %v, the rule gives %v", s, l, got, want)
			}
		}
	}
	require.Greater(t, covered, 1000, "few marks inside enumerators: the comparison tests little")
}

// bracketMarksIn, kept as an oracle for bracketMarks, returns the pairs of bracketPairs whose opening or
// closing mark s holds, as bit k for pair k: what strings.ContainsRune
// says of each mark (the bytes of each are in s), in one pass over s
// rather than two a pair.
func bracketMarksIn(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		if !bracketLead[s[i]] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		for k, bp := range bracketPairs {
			if r == bp.open || r == bp.close {
				m |= 1 << k
			}
		}
	}
	return m
}

// bracketMarksAt, kept as an oracle for bracketMarks, appends to at the marks of bracketPairs and the
// fullwidth ＂ in s, where ranging over s finds them: each begins with a
// byte of bracketLead (＂ with the lead of （), ASCII or the lead of a
// multi-byte character, which never continues another.
func bracketMarksAt(s string, at []markAt) []markAt {
	for i := 0; i < len(s); i++ {
		if !bracketLead[s[i]] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if r == '＂' {
			at = append(at, markAt{i, r})
			continue
		}
		for _, bp := range bracketPairs {
			if r == bp.open || r == bp.close {
				at = append(at, markAt{i, r})
				break
			}
		}
	}
	return at
}

// TestBracketMarks: bracketMarks finds in one pass the pairs bracketMarksIn
// finds and the marks of bracketMarksAt that apply to the language, on
// random text of marks, letters, parts of marks and invalid bytes.
func TestBracketMarks(t *testing.T) {
	alphabet := []string{"“", "”", "(", ")", "（", "）", "[", "]", "【", "】", "《", "》", "「", "」", "『", "』", "〈", "〉",
		"‘", "’", "＂", "\"", "甲", "a", " ", "\xe2", "\xe2\x80", "\xef\xbc", "\xe3\x80", "\x80", "\xff"}
	rng := rand.New(rand.NewPCG(25, 26))
	marks := 0
	for round := 0; round < 30000; round++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for _, l := range []align.Lang{align.Zh, align.En} {
			var want []markAt
			for _, m := range bracketMarksAt(s, nil) {
				applies := m.r == '＂' || l == align.Zh
				for _, bp := range bracketPairs {
					if (m.r == bp.open || m.r == bp.close) && bp.lang == 0 {
						applies = true
					}
				}
				if applies {
					want = append(want, m)
				}
			}
			m, at := bracketMarks(s, l, nil)
			require.Equal(t, bracketMarksIn(s), m, "%q", s)
			require.Equal(t, want, at, "%q (%v)", s, l)
			marks += len(at)
		}
	}
	require.Greater(t, marks, 10000)
}

// TestBracketMask8: the first byte bracketMask8 flags is the first of
// eight bytes that is one of bracketLead or Y or _, every byte in every
// place among random bytes, and none is flagged when none is; bracketLead
// is the bytes it names.
func TestBracketMask8(t *testing.T) {
	var want, flagged [256]bool
	for _, c := range []byte("()[]\xe2\xe3\xef") {
		want[c] = true
	}
	require.Equal(t, want, bracketLead)
	for _, c := range []byte("()[]Y_\xe2\xe3\xef") {
		flagged[c] = true
	}
	rng := rand.New(rand.NewPCG(27, 28))
	for c := range 256 {
		for at := range 8 {
			for range 50 {
				var b [8]byte
				for k := range b {
					b[k] = byte(rng.IntN(256))
				}
				b[at] = byte(c)
				first := 8
				for k := range b {
					if flagged[b[k]] {
						first = k
						break
					}
				}
				m := bracketMask8(lang.Load8(string(b[:])))
				require.Equal(t, first == 8, m == 0, "%q", b)
				if m != 0 {
					require.Equal(t, first, bits.TrailingZeros64(m)/8, "%q", b)
				}
			}
		}
	}
	for _, s := range []string{"abcdefgh", "国家安全", "the Xi a", "安全 ABC"} {
		require.Zero(t, bracketMask8(lang.Load8(s)), "%q", s)
	}
}

// TestBracketMarksLongText: bracketMarks finds the marks bracketMarksAt
// finds in long texts of prose, Han and marks at any place, where it
// passes over eight bytes at a time.
func TestBracketMarksLongText(t *testing.T) {
	alphabet := []string{"the", " ", "Year", "of", "国家", "安全", "，", "。", "_", "\xe2", "\x80", "\xff",
		"“", "”", "(", ")", "（", "）", "[", "]", "【", "】", "《", "》", "「", "」", "‘", "’", "＂"}
	rng := rand.New(rand.NewPCG(29, 30))
	for range 5000 {
		var b strings.Builder
		for n := rng.IntN(60); n > 0; n-- {
			if rng.IntN(4) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteString(alphabet[rng.IntN(9)])
			}
		}
		s := b.String()
		_, at := bracketMarks(s, align.Zh, nil)
		require.Equal(t, bracketMarksAt(s, nil), at, "%q", s)
		m, _ := bracketMarks(s, align.En, nil)
		require.Equal(t, bracketMarksIn(s), m, "%q", s)
	}
}
