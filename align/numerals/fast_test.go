package numerals

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests of this file hold the shortcuts of the scanners to the code
// they shortcut: the reports must not change by a byte.

// TestIsASCIILetter: the one comparison answers as the two ranges do, on
// every rune and on negative ones.
func TestIsASCIILetter(t *testing.T) {
	for r := rune(-1 << 16); r <= unicode.MaxRune+1; r++ {
		want := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
		if isASCIILetter(r) != want {
			t.Fatalf("isASCIILetter(%U) = %v, want %v", r, !want, want)
		}
	}
	for r := range rune(utf8.RuneSelf) {
		// the word scanners once asked unicode.IsLetter of ASCII bytes
		require.Equal(t, unicode.IsLetter(r), isASCIILetter(r), "%q", r)
	}
}

// matchAtGeneral is matchAt without its shortcut for ASCII: every form
// tried in turn on the decoded rune.
func matchAtGeneral(s string, i int, p pos) (Enumerator, bool) {
	if i >= len(s) {
		return Enumerator{}, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r >= '①' && r <= '⑳':
		return mk(s, i, i+size, int(r-'①')+1, StyleCircled, 3)
	case r >= '㉑' && r <= '㉟':
		return mk(s, i, i+size, int(r-'㉑')+21, StyleCircled, 3)
	case r >= '㊱' && r <= '㊿':
		return mk(s, i, i+size, int(r-'㊱')+36, StyleCircled, 3)
	case r >= '⑴' && r <= '⒇':
		return mk(s, i, i+size, int(r-'⑴')+1, StyleParenDigit, 2)
	case r >= '⒈' && r <= '⒛':
		return mk(s, i, i+size, int(r-'⒈')+1, StyleDigitDot, 2)
	case r >= 'Ⅰ' && r <= 'Ⅻ', r >= 'ⅰ' && r <= 'ⅻ':
		return matchUnicodeRoman(s, i, size, r, p)
	case r == '(' || r == '（':
		return matchParen(s, i, size, p)
	case r == '第':
		return matchDi(s, i, size, p)
	case r == '其' || r == '首':
		return matchHanOrdinalWord(s, i, p)
	case isDigit(r):
		return matchDigit(s, i, p)
	case isHanNumeral(r):
		return matchHanComma(s, i, p)
	case strings.ContainsRune(stems, r):
		return matchStem(s, i, p)
	case r < utf8.RuneSelf && unicode.IsLetter(r):
		return matchLatin(s, i, p)
	}
	return Enumerator{}, false
}

// enumPieces are what random texts for the enumerator scanners are made of.
var enumPieces = []string{
	"(", ")", "（", "）", "1", "2", "12", "3.", "2.3", "a", "b)", "A.", "II.", "iv", "First", "Second,",
	"Article", "Art.", "Section", "Chapter", "paragraph", "Items", "One", " ", "  ", "\n", "\r\n", ",", ".",
	";", ":", "'", "-", "一", "二", "十", "、", "第", "条", "章", "其", "首先", "甲", "①", "⑴", "⒈", "Ⅳ",
	"ⅱ", "。", "，", "：", "１", "\u3000", "\xff", "the", "The", "of", "Sec", "x", "%", "$", "&", "é",
}

func randomText(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range rng.Intn(n) + 1 {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// TestMatchAtASCII: matchAt answers as matchAtGeneral at every position of
// random texts, after every kind of preceding text, and refuses every ASCII
// byte that All skips without asking it.
func TestMatchAtASCII(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		r := rune(c)
		general := r == '(' || isDigit(r) || isHanNumeral(r) || strings.ContainsRune(stems, r) || unicode.IsLetter(r)
		require.Equal(t, general, asciiMayStart(c), "%q", c)
	}
	rng := rand.New(rand.NewSource(18))
	prevs := []pos{{line: true}, {}, {prev: ' ', prevNS: '.'}, {prev: ' ', prevNS: ';'}, {prev: '：', prevNS: '：'},
		{prev: 'a', prevNS: 'a'}, {prev: '1', prevNS: '1'}, {prev: ',', prevNS: ','}, {prev: '。', prevNS: '。'}}
	for range 20000 {
		s := randomText(rng, enumPieces, 12)
		for i := range len(s) {
			for _, p := range prevs {
				got, gok := matchAt(s, i, p)
				want, wok := matchAtGeneral(s, i, p)
				if got != want || gok != wok {
					t.Fatalf("matchAt(%q, %d, %+v) = %+v %v, want %+v %v", s, i, p, got, gok, want, wok)
				}
			}
		}
	}
}

// TestWordFilters: each filter lets through every word of its set, in
// lower case, capitalised and upper case, and refuses common words.
func TestWordFilters(t *testing.T) {
	var prefixes []string
	for _, p := range enPrefixes {
		prefixes = append(prefixes, p.words[0])
	}
	for name, c := range map[string]struct {
		f     *wordFilter
		words []string
	}{
		"heading": {headingShape, mapKeys(englishHeadings)},
		"starter": {starterFilter, mapKeys(enStarters)},
		"prefix":  {prefixFilter, prefixes},
	} {
		require.NotEmpty(t, c.words)
		for _, k := range c.words {
			for _, w := range []string{k, strings.ToUpper(k[:1]) + k[1:], strings.ToUpper(k)} {
				assert.True(t, c.f.may(w), "%s: %q refused", name, w)
			}
		}
		for _, w := range []string{"the", "government", "of", "x", "Subparagraphsss", ""} {
			assert.False(t, c.f.may(w), "%s: %q let through", name, w)
		}
	}
	// lengths of 15 and more share a bit: a long word of the set lets
	// through longer ones with its ends
	long := newWordFilter([]string{"internationalisation", "b"})
	assert.True(t, long.may("internationalisation"))
	assert.True(t, long.may("INTERNATIONALISATION"))
	assert.True(t, long.may("it-is-long-enough-n"))
	assert.False(t, long.may("international"))
	assert.True(t, long.may("B"))
	assert.False(t, long.may("c"))
}

// TestLongestWords: the arrays words are lower-cased into hold the longest
// word of their set, and lower-case as strings.ToLower does.
func TestLongestWords(t *testing.T) {
	longest := func(ws []string) int {
		n := 0
		for _, w := range ws {
			n = max(n, len(w))
		}
		return n
	}
	assert.Equal(t, longest(mapKeys(englishHeadings)), maxHeadingWord)
	assert.Equal(t, longest(mapKeys(ordinalWords)), maxOrdinalWord)
	for _, w := range []string{"", "a", "Z", "Subparagraphs", "SEVENTHLY", "mIxEd", "az@[`{AZ"} {
		assert.Equal(t, strings.ToLower(w), string(appendLowerASCII(nil, w)), "%q", w)
	}
}

// TestTokenizeLower: every word token's lower-case form is strings.ToLower
// of its text, however many of a text's words have capitals.
func TestTokenizeLower(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	pieces := []string{"The", "the", "THE", "a", "B", "1,000", " ", "-", "é", "Ünited", "x", "\xff", "ſ", "K", "mIxEd", "."}
	for range 20000 {
		s := randomText(rng, pieces, 20)
		for _, tk := range tokenizeInto(nil, s) {
			if tk.kind == tWord {
				require.Equal(t, strings.ToLower(tk.text), tk.low, "%q in %q", tk.text, s)
			} else {
				require.Empty(t, tk.low)
			}
		}
	}
}

// foldRuneByRune is fold without its eight-byte steps over ASCII text.
func foldRuneByRune(text string) string {
	i := 0
	for i < len(text) {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if tradSet.has(r) {
			break
		}
		i += size
	}
	if i == len(text) {
		return text
	}
	var b strings.Builder
	b.WriteString(text[:i])
	for _, r := range text[i:] {
		b.WriteRune(foldRune(r))
	}
	if b.Len() != len(text) {
		return text
	}
	return b.String()
}

func TestFoldASCIIRuns(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	pieces := []string{"abc", "Article ", "1234567", "x", "條", "第", "\xff", "é", " ", "\n", "萬", "a\x80"}
	for range 20000 {
		s := randomText(rng, pieces, 16)
		require.Equal(t, foldRuneByRune(s), fold(s), "%q", s)
	}
}

// TestIsStem: the switch holds the runes of stems and no other.
func TestIsStem(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isStem(r) != strings.ContainsRune(stems, r) {
			t.Fatalf("isStem(%U) = %v", r, isStem(r))
		}
	}
}

// TestDecodeRune: decodeRune answers as utf8.DecodeRuneInString on every
// sequence of up to three bytes, alone and followed by more text, and on
// four-byte and truncated ones.
func TestDecodeRune(t *testing.T) {
	check := func(s string) {
		r, n := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("decodeRune(%q) = %U %d, want %U %d", s, r, n, wr, wn)
		}
	}
	check("")
	var b [4]byte
	for x := range 1 << 24 {
		b[0], b[1], b[2], b[3] = byte(x>>16), byte(x>>8), byte(x), 'a'
		check(string(b[:3]))
		if x&0xff == 0 {
			check(string(b[:1]))
			check(string(b[:2]))
			check(string(b[:]))
		}
	}
	for _, s := range []string{"𠀀", "😀x", "\xf0\x9f\x98", "\xf4\x90\x80\x80", "\xed\xa0\x80", "\xe0\x80\xaf", "\xef\xbf\xbf"} {
		check(s)
	}
}

// TestEnumStarts: mayStartEnumerator is true exactly for the runes that
// the cases of matchAtGeneral try a form at.
func TestEnumStarts(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		want := r >= '①' && r <= '⑳' || r >= '㉑' && r <= '㉟' || r >= '㊱' && r <= '㊿' || r >= '⑴' && r <= '⒇' ||
			r >= '⒈' && r <= '⒛' || r >= 'Ⅰ' && r <= 'Ⅻ' || r >= 'ⅰ' && r <= 'ⅻ' || r == '(' || r == '（' ||
			r == '第' || r == '其' || r == '首' || isDigit(r) || isHanNumeral(r) || strings.ContainsRune(stems, r) ||
			r < utf8.RuneSelf && unicode.IsLetter(r)
		if mayStartEnumerator(r) != want {
			t.Fatalf("mayStartEnumerator(%U) = %v, want %v", r, !want, want)
		}
	}
}

// allGeneral is All as it was before its shortcuts: matchAtGeneral at
// every position but inside an ASCII word.
func allGeneral(text string) (out []Enumerator) {
	orig := text
	text = foldRuneByRune(text)
	defer func() {
		for i := range out {
			out[i].Text = orig[out[i].Start:out[i].End]
		}
	}()
	p := pos{line: true}
	for i := 0; i < len(text); {
		if e, ok := matchAtGeneral(text, i, p); ok {
			out = append(out, e)
			if isHeading(e.Style) {
				ms := listMembers(text, e)
				out = append(out, ms...)
				if len(ms) > 0 {
					e = ms[len(ms)-1]
				}
			}
			last, _ := utf8.DecodeLastRuneInString(text[e.Start:e.End])
			p = pos{prev: last, prevNS: last}
			i = e.End
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			p = pos{line: true}
		case isSpace(r):
			p.prev = r
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'):
			for i+size < len(text) && text[i+size] < utf8.RuneSelf && unicode.IsLetter(rune(text[i+size])) {
				i++
				r = rune(text[i])
			}
			p = pos{prev: r, prevNS: r}
		default:
			p = pos{prev: r, prevNS: r}
		}
		i += size
	}
	return out
}

// TestAllRandom: All, which asks matchAt only where mayStartEnumerator
// lets it, finds what allGeneral finds, on random texts.
func TestAllRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	for range 20000 {
		s := randomText(rng, enumPieces, 24)
		require.Equal(t, allGeneral(s), All(s), "%q", s)
	}
}

// TestIsSpace: isSpace answers as the definition it shortcuts on every
// rune.
func TestIsSpace(t *testing.T) {
	for r := rune(-1 << 16); r <= unicode.MaxRune+1; r++ {
		want := unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' || r == '\u200b'
		if isSpace(r) != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, !want, want)
		}
	}
}

// TestFoldBytes: fold's reading of three-byte sequences finds the
// traditional characters rune by rune decoding finds, on random bytes of
// the kinds UTF-8 gives meaning to, invalid sequences included.
func TestFoldBytes(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	kinds := [][2]int{{0x00, 0x7f}, {0x80, 0xbf}, {0xc0, 0xdf}, {0xe0, 0xef}, {0xf0, 0xff}}
	trad := []string{"條", "萬", "億", "兩", "個"}
	var b []byte
	for range 200000 {
		b = b[:0]
		for range rng.Intn(12) + 1 {
			if rng.Intn(6) == 0 {
				b = append(b, trad[rng.Intn(len(trad))]...)
				continue
			}
			k := kinds[rng.Intn(len(kinds))]
			b = append(b, byte(k[0]+rng.Intn(k[1]-k[0]+1)))
		}
		s := string(b)
		require.Equal(t, foldRuneByRune(s), fold(s), "%q", s)
	}
	for _, s := range []string{"\xe0\x80\x80條", "\xed\xa0\x80條", "\xe0\xa0\x80", "\xed\x9f\xbf萬", "條", "\xe6\xa2"} {
		require.Equal(t, foldRuneByRune(s), fold(s), "%q", s)
	}
}

// TestHanNoStart: hanNoStart is true exactly where a character of U+4000
// to U+9FFF that mayStartEnumerator refuses is encoded, on every rune and
// on random bytes.
func TestHanNoStart(t *testing.T) {
	want := func(s string) bool {
		r, size := utf8.DecodeRuneInString(s)
		return size == 3 && r >= 0x4000 && r <= 0x9fff && !mayStartEnumerator(r)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r) + "x"
		if hanNoStart(s, 0) != want(s) {
			t.Fatalf("hanNoStart(%q) = %v", s, !want(s))
		}
	}
	rng := rand.New(rand.NewSource(18))
	b := make([]byte, 3)
	for range 1000000 {
		for k := range b {
			b[k] = byte(0x80 + rng.Intn(0x80))
		}
		b[0] = byte(0xe0 + rng.Intn(0x20))
		s := string(b[:1+rng.Intn(3)])
		if hanNoStart(s, 0) != want(s) {
			t.Fatalf("hanNoStart(%q) = %v", s, !want(s))
		}
	}
}

// allFoldedUntilRuneByRune is allFoldedUntil as it was before it stepped
// over runs of Chinese characters: decoding every character.
func allFoldedUntilRuneByRune(orig, text string, limit int) (out []Enumerator) {
	defer func() {
		for i := range out {
			out[i].Text = orig[out[i].Start:out[i].End]
		}
	}()
	p := pos{line: true}
	for i := 0; i < len(text) && i < limit; {
		r, size := decodeRune(text[i:])
		if mayStartEnumerator(r) {
			if e, ok := matchAt(text, i, p); ok {
				out = append(out, e)
				if isHeading(e.Style) {
					ms := listMembers(text, e)
					out = append(out, ms...)
					if len(ms) > 0 {
						e = ms[len(ms)-1]
					}
				}
				last, _ := utf8.DecodeLastRuneInString(text[e.Start:e.End])
				p = pos{prev: last, prevNS: last}
				i = e.End
				continue
			}
		}
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			p = pos{line: true}
		case isSpace(r):
			p.prev = r
		case isASCIILetter(r):
			for i+size < len(text) && isASCIILetter(rune(text[i+size])) {
				i++
				r = rune(text[i])
			}
			p = pos{prev: r, prevNS: r}
		default:
			p = pos{prev: r, prevNS: r}
		}
		i += size
	}
	return out
}

// TestAllFoldedUntilHan: allFoldedUntil finds what it found decoding every
// character, on random texts with runs of Chinese characters, at every
// limit.
func TestAllFoldedUntilHan(t *testing.T) {
	pieces := append([]string{"国家", "的", "條", "萬", "\u4000", "\u9fff", "\u3400", "\ua000", "\u2028", "\xe4\xb8",
		"规定", "一、", "（二）", "第三条", "甲、", "其一", "十", "以上", "\u3000"}, enumPieces...)
	rng := rand.New(rand.NewSource(18))
	for range 20000 {
		s := randomText(rng, pieces, 24)
		f := fold(s)
		for limit := 0; limit <= len(s)+1; limit++ {
			require.Equal(t, allFoldedUntilRuneByRune(s, f, limit), allFoldedUntil(s, f, limit), "%q until %d", s, limit)
		}
	}
}

// zhScanRuneByRune is zhScan as it was written: decoding every character.
func zhScanRuneByRune(s string) []Number {
	var out []Number
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		if !zhCanStart(r) {
			i += size
			continue
		}
		if n, ok := zhAt(s, i); ok && n.End > i {
			out = append(out, n)
			i = n.End
			continue
		}
		i += size
	}
	return out
}

// TestZhScan: zhScan, which steps over three bytes no starter has at
// once, reads what decoding every character reads, on random texts of
// numbers, Chinese and invalid or overlong sequences (E0 80 B0 holds the
// bits of '0').
func TestZhScan(t *testing.T) {
	pieces := []string{"国家", "的", "一", "十", "三百", "万", "第", "约", "近", "年", "月", "日", "个", "%", "百分之", "12", "3.5",
		" ", "，", "。", "\xe0\x80\xb0", "\xed\xa0\x80", "\xe4\xb8", "\xff", "a", "１２", "〇", "两千", "多", "余", "以上"}
	rng := rand.New(rand.NewSource(18))
	for range 50000 {
		s := randomText(rng, pieces, 20)
		require.Equal(t, zhScanRuneByRune(s), zhScan(s), "%q", s)
	}
	for r := rune(0x800); r <= 0xffff; r++ {
		s := string(r) + "1"
		require.Equal(t, zhScanRuneByRune(s), zhScan(s), "%q", s)
	}
}

// TestLatinMayMatch: matchLatin refuses every ASCII word that
// latinMayMatch lets go, after every kind of preceding text, on random
// texts of the enumerator pieces and of English words; and it accepts
// some that latinMayMatch lets through, so that the test is not empty.
func TestLatinMayMatch(t *testing.T) {
	pieces := append([]string{"Firstly", "Secondly", "Third", "Part", "Parts", "Articles", "Chapter",
		"Para", "Clause", "Rule", "Book", "Subsection", "Subparagraphs", "Chap", "CHAPTER", "item", "Fifth", "Eleventh", "i", "v", "x", "ix", "IV", "Z", "a", "ab", "word",
		"Word", "Name", "．", "、", "：", "—", "’", "é", "\n"}, enumPieces...)
	rng := rand.New(rand.NewSource(19))
	prevs := []pos{{line: true}, {}, {prev: ' ', prevNS: '.'}, {prev: ' ', prevNS: ';'}, {prev: '：', prevNS: '：'},
		{prev: '(', prevNS: '('}, {prev: ',', prevNS: ','}, {prev: '。', prevNS: '。'}, {prev: ' ', prevNS: ':'}}
	accepted := 0
	for range 30000 {
		s := randomText(rng, pieces, 12)
		for i := range len(s) {
			if !isASCIILetter(rune(s[i])) {
				continue
			}
			e := i + 1
			for e < len(s) && isASCIILetter(rune(s[e])) {
				e++
			}
			may := latinMayMatch(s, i, e)
			for _, p := range prevs {
				_, ok := matchLatin(s, i, p)
				if ok && !may {
					t.Fatalf("matchLatin(%q, %d, %+v) matches, latinMayMatch refuses", s, i, p)
				}
				if ok {
					accepted++
				}
			}
		}
	}
	require.Greater(t, accepted, 1000)
	// every heading and ordinal word, in each case, before what may
	// follow it
	var words []string
	for w := range englishHeadings {
		words = append(words, w)
	}
	for w := range ordinalWords {
		words = append(words, w)
	}
	for _, w := range words {
		for _, cw := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			for _, after := range []string{" 3", " 12 and 14", ". 2", " II", " (a)", ",", ":", "", " of all,"} {
				s := cw + after
				e := len(cw)
				for _, p := range prevs {
					if _, ok := matchLatin(s, 0, p); ok && !latinMayMatch(s, 0, e) {
						t.Fatalf("matchLatin(%q, 0, %+v) matches, latinMayMatch refuses", s, p)
					}
				}
			}
		}
	}
}

// TestByteClasses: the table wordFilterIndex reads gives each letter, in
// either case, its place in the alphabet, and every other byte 26 + c%6.
func TestByteClasses(t *testing.T) {
	for c := range 256 {
		want := 26 + c%6
		if l := c | 0x20; 'a' <= l && l <= 'z' {
			want = l - 'a'
		}
		require.Equal(t, want, int(byteClasses[c]), "%#x", c)
	}
}
