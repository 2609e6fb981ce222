package checks

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/aligncheck/aligncheck/align"
)

// TestMayHaveURL: the pre-test that lets nameItems skip the URL expression
// must accept every text the expression could match.
func TestMayHaveURL(t *testing.T) {
	for s, want := range map[string]bool{
		"see www.csis.org": true, "见WWW.GOV.CN。": true, "Www.x": true, "www.": true,
		"www": false, "http://x": true, "ww.x": false, "a.b.c": false, "": false, "w.ww.x": false,
	} {
		if got := align.MayHaveURL(s); got != want {
			t.Errorf("MayHaveURL(%q) = %v, want %v", s, got, want)
		}
		if urlRe.MatchString(s) && !align.MayHaveURL(s) {
			t.Errorf("%q: the URL expression matches but the pre-test says no", s)
		}
	}
}

// footnoteRe is the expression withoutFootnote reads by hand.
var footnoteRe = regexp.MustCompile(`^(?:([a-z]{3,})|(.*[A-Za-z0-9])\.)[0-9]{1,3}[A-Z]?$`)

// footnoteByRe is withoutFootnote as the expression gives it.
func footnoteByRe(t string) (string, bool) {
	m := footnoteRe.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	if m[1] != "" {
		return m[1], true
	}
	if !hasLetter(m[2]) {
		return "", false
	}
	return m[2], true
}

// TestWithoutFootnoteAsExpression: the hand-written scanner gives what the
// expression gives, on the documented cases and on random strings of the
// characters that matter to it.
func TestWithoutFootnoteAsExpression(t *testing.T) {
	for _, s := range []string{"chain70", "sanctions96", "COVID-19.79", "falling.188A", "G20", "C919", "H7N9",
		"2.3", "1.85", "ab12", "abc1234", "abc123", "abc123AB", "x.1", ".12", "a\n.1", "é.12", "abé12", ""} {
		got, ok := withoutFootnote(s)
		want, wok := footnoteByRe(s)
		require.Equal(t, wok, ok, "%q", s)
		require.Equal(t, want, got, "%q", s)
	}
	alphabet := []string{"a", "b", "z", "A", "Q", "Z", "0", "1", "9", ".", "-", "\n", "é", "\xff", "中"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b strings.Builder
		for n := rng.IntN(9); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		got, ok := withoutFootnote(s)
		want, wok := footnoteByRe(s)
		if ok != wok || got != want {
			t.Fatalf("%q: scanner (%q, %v), expression (%q, %v)", s, got, ok, want, wok)
		}
	}
}

func FuzzWithoutFootnote(f *testing.F) {
	for _, s := range []string{"chain70", "COVID-19.79", "falling.188A", "2.3", "G20"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := withoutFootnote(s)
		want, wok := footnoteByRe(s)
		if ok != wok || got != want {
			t.Fatalf("%q: scanner (%q, %v), expression (%q, %v)", s, got, ok, want, wok)
		}
	})
}

// nameKeyGeneral is nameKey without its shortcut for ASCII.
func nameKeyGeneral(s string) string {
	s = norm.NFD.String(foldWidth(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TestNameKeyASCII: nameKey's shortcut for ASCII gives what the general
// fold gives, on random strings of ASCII and of the characters it folds.
func TestNameKeyASCII(t *testing.T) {
	alphabet := []string{"a", "z", "A", "Z", "0", "9", "-", ".", "'", " ", "_", "\x7f", "é", "Ａ", "１", "ß", "\xff"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := nameKey(s), nameKeyGeneral(s); got != want {
			t.Fatalf("nameKey(%q) = %q, the general fold gives %q", s, got, want)
		}
	}
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"COVID-19", "U.S.", "Ján", "ＣＰＣ", "g20"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nameKey(s), nameKeyGeneral(s); got != want {
			t.Fatalf("nameKey(%q) = %q, the general fold gives %q", s, got, want)
		}
	})
}

// TestLatinRuneTables: the ASCII table and the tests that skip ASCII give
// what the Unicode tables give, for every rune.
func TestLatinRuneTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		latin := r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
			unicode.Is(unicode.Latin, r) || r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
		if isLatinRune(r) != latin || isMark(r) != unicode.Is(unicode.Mn, r) || isFormat(r) != unicode.Is(unicode.Cf, r) {
			t.Fatalf("rune %U: isLatinRune %v, isMark %v, isFormat %v", r, isLatinRune(r), isMark(r), isFormat(r))
		}
	}
}

// TestFoldWidthMakesNoDigit: nameItems drops an English token without a
// digit before it folds its width, since no rune that is not a digit
// folds into one.
func TestFoldWidthMakesNoDigit(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsDigit(r) && hasDigit(foldWidth(string(r))) {
			t.Fatalf("rune %U folds to %q", r, foldWidth(string(r)))
		}
	}
}

// TestNameItemsEnglishSkip: nameItems of English text gives the items it
// gave when every token went through all the tests, on random text of the
// characters that matter to it.
func TestNameItemsEnglishSkip(t *testing.T) {
	alphabet := []string{"a", "B", "x", "G", "7", "2", "０", "Ａ", "-", ".", "/", " ", "  ", "•", " · ", "é", "\u200b",
		"\u00ad", "km", "th", "COVID", "19", "www.", "@", "http://", ",", "’", "\u00a0", "中"}
	rng := rand.New(rand.NewPCG(3, 4))
	var toks []latinToken
	for round := 0; round < 20000; round++ {
		var b strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for _, l := range []align.Lang{align.Zh, align.En} {
			var got []nameItem
			got, toks = nameItems(s, l, toks)
			require.Equal(t, nameItemsSlow(s, l), got, "%q", s)
		}
	}
}

// nameItemsSlow is nameItems as it was before it skipped tokens early.
func nameItemsSlow(s string, l align.Lang) []nameItem {
	var out []nameItem
	var taken [][2]int
	for _, re := range []*regexp.Regexp{urlRe, emailRe} {
		kind := "URL"
		if re == emailRe {
			kind = "e-mail address"
		}
		// the expressions cannot match without these; most sentences have none
		if re == urlRe && !align.MayHaveURL(s) || re == emailRe && !strings.Contains(s, "@") {
			continue
		}
		for _, m := range re.FindAllStringIndex(s, -1) {
			t := strings.TrimRight(s[m[0]:m[1]], ".,;:!?)'")
			overlap := false
			for _, tk := range taken {
				if m[0] < tk[1] && tk[0] < m[1] {
					overlap = true
				}
			}
			if overlap {
				continue
			}
			taken = append(taken, [2]int{m[0], m[0] + len(t)})
			out = append(out, nameItem{m[0], m[0] + len(t), t, urlKey(t), kind, -1 - len(out)})
		}
	}
	run, prevEnd := 0, -1
	for _, t := range latinTokens(s) {
		if prevEnd < 0 || strings.Trim(s[prevEnd:t.start], " \u00a0•·・‧") != "" {
			run++
		}
		prevEnd = t.end
		inside := false
		for _, tk := range taken {
			if t.start < tk[1] && tk[0] < t.end {
				inside = true
			}
		}
		if inside {
			continue
		}
		key := nameKey(t.text)
		if utf8.RuneCountInString(key) < 2 || unitSymbols[key] || !hasLetter(key) {
			continue
		}
		if f, ok := withoutFootnote(t.text); ok && l == align.En {
			// the English original's footnote call is no part of the
			// code or word it is glued to
			t.text, t.end = f, t.start+len(f)
			key = nameKey(f)
			if utf8.RuneCountInString(key) < 2 || unitSymbols[key] {
				continue
			}
		}
		code := isCode(foldWidth(t.text))
		if l == align.En && !code {
			continue
		}
		kind := "name"
		if code {
			kind = "code"
		}
		out = append(out, nameItem{t.start, t.end, t.text, key, kind, run})
	}
	return out
}

// TestHasDigitFast: hasDigitFast is hasDigit, on random text of ASCII,
// digits of other scripts, letters and invalid bytes.
func TestHasDigitFast(t *testing.T) {
	alphabet := []string{"a", " ", "7", "０", "٣", "中", "\xff", "\xe2\x80", "é",
		"The Council ", "/", ":", "0", "9", "\x7f", "@"}
	noDigit := []string{"a", " ", "中", "é", "\xff", "The Council ", "/", ":", "\x7f", "@", "\x00"}
	rng := rand.New(rand.NewPCG(23, 24))
	digits := 0
	for round := 0; round < 20000; round++ {
		// one text in four long enough to be read eight bytes at a time
		most, from := 5, alphabet
		if round%4 == 0 {
			most = 24
			if round%8 == 0 {
				from = noDigit // whose bytes are all read
			}
		}
		var b strings.Builder
		for n := rng.IntN(most); n > 0; n-- {
			b.WriteString(from[rng.IntN(len(from))])
		}
		s := b.String()
		require.Equal(t, hasDigit(s), hasDigitFast(s), "%q", s)
		if hasDigit(s) {
			digits++
		}
	}
	require.Greater(t, digits, 1000)
}

// TestLatinTokensAsByRunes: appendLatinTokens, which passes over ASCII
// other than letters and digits and over Han undecoded, finds the tokens
// a scan decoding every rune found; on the texts of ../shared/data
// (parallel, realdocs and the evaluation sets, both languages, 7.6 MB,
// read at run time when present) and on random strings of
// ASCII, Han, the edges of the CJK range, Latin letters beyond either
// edge, marks, format characters and
// broken UTF-8.
func TestLatinTokensAsByRunes(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "*", "*", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	pieces := []string{"a", "Z", "0", "9", " ", ",", "-", ".", "’", "'", "国", "　", "ー", "é", "e\u0301", "\u200b",
		"\u00ad", "－", "ａ", "Ａ", "０", "\xe4", "\xe4\xb8", "\x80", "\xff", "\xe3\x80", "\xe9\xbf\xbf", "\xea\x80\x80",
		"\xe2\xbf\xbf", "\xe3\x80\x80", "\xed\xa0\x80", "😀", "COVID-19", "U.S.", "Musical.ly", "Ḁ", "ⱡ", "Ꜣ"}
	rng := rand.New(rand.NewPCG(18, 44))
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		want := latinTokensByRunes(s)
		got := appendLatinTokens(nil, s)
		if len(want) == 0 {
			require.Empty(t, got, "%q", s)
			continue
		}
		require.Equal(t, want, got, "%q", s)
	}
}

// latinTokensByRunes is appendLatinTokens as it was, decoding every rune.
func latinTokensByRunes(s string) []latinToken {
	var out []latinToken
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLatinRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, m := utf8.DecodeRuneInString(s[j:])
			if isLatinRune(r2) || isMark(r2) {
				j += m
				continue
			}
			k := j
			for k < len(s) {
				r4, q := utf8.DecodeRuneInString(s[k:])
				if !isFormat(r4) {
					break
				}
				k += q
			}
			if k > j {
				if r3, _ := utf8.DecodeRuneInString(s[k:]); isLatinRune(r3) {
					j = k
					continue
				}
			}
			if strings.ContainsRune("-./&+'’－", r2) && j+m < len(s) {
				k := j + m
				for k < len(s) {
					r4, q := utf8.DecodeRuneInString(s[k:])
					if !isFormat(r4) {
						break
					}
					k += q
				}
				if r3, _ := utf8.DecodeRuneInString(s[k:]); k < len(s) && isLatinRune(r3) {
					j = k
					continue
				}
			}
			break
		}
		out = append(out, latinToken{i, j, s[i:j]})
		i = j
	}
	return out
}

// TestOrdinalOrUnitAsRegexp: the first-byte test in front of
// ordinalOrUnitRe changes no answer, on random tokens of digits, units,
// letters, marks and full-width digits.
func TestOrdinalOrUnitAsRegexp(t *testing.T) {
	pieces := []string{"0", "1", "9", "5", ".", ",", "'s", "st", "TH", "km", "kWh", "m", "x", "k", "G", "a", "-", "/", "５", "一", "\xff", ""}
	rng := rand.New(rand.NewPCG(18, 7))
	matched := 0
	for range 100000 {
		var b strings.Builder
		for k := rng.IntN(5); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := ordinalOrUnitRe.MatchString(s)
		if got := ordinalOrUnit(s); got != want {
			t.Fatalf("ordinalOrUnit(%q) = %v, the expression says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d tokens match: the test does not reach both answers", matched)
	}
}
