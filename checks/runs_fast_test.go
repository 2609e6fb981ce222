package checks

import (
	"math/bits"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// hanRunsByRunes is hanRuns as it was written before it passed over
// bytes: every character decoded.
func hanRunsByRunes(s string) [][2]int {
	var out [][2]int
	start, end := -1, -1
	for i, r := range s {
		switch {
		case lang.IsHan(r):
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
		case start >= 0 && (strings.ContainsRune("，。、；：！？“”‘’《》（）·%％ ", r) || '0' <= r && r <= '9'):
		default:
			if start >= 0 {
				out = append(out, [2]int{start, end})
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, end})
	}
	return out
}

// controlRunsByRunes is controlRuns as it was written before it passed
// over bytes.
func controlRunsByRunes(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			r = '\ufffd'
		}
		if !isStrayControl(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, m := utf8.DecodeRuneInString(s[j:])
			if !isStrayControl(r2) {
				break
			}
			j += m
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// runsTexts are texts to compare the byte paths with the rune ones on:
// every rune alone and between Han and Latin letters, and random strings
// of pieces that include broken UTF-8 (a lead byte without its
// continuation, a stray continuation, a truncated character at the end).
func runsTexts(yield func(string) bool) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == 0xd800 {
			r = 0xe000 // no surrogates in UTF-8
		}
		c := string(r)
		for _, s := range []string{c + "中", "中" + c + "\x07b"} {
			if !yield(s) {
				return
			}
		}
	}
	pieces := []string{"a", "Z", "1", " ", "\t", "\n", "\r", "\x00", "\x07", "\x7f", "%", "\u3000", "\u00a0", "\u0085",
		"\u200b", "\ufeff", "\u2028", "\ufffd", "中", "文", "龥", "㐀", "⺀", "𠀀", "。", "，", "·", "％", "“", "’", "é",
		"\xe4", "\xe4\xb8", "\xb8", "\x80", "\xe3\x80", "\xe3", "\xe9\xbf", "\xe2\xba", "\xed\xa0\x80", "\xef\xbc", "\xf0\x9f\x98\x80", "\xf0\xa0"}
	rng := rand.New(rand.NewSource(18))
	for range 50000 {
		var b strings.Builder
		for m := rng.Intn(12); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		if !yield(b.String()) {
			return
		}
	}
}

// TestHanRunsIsByRunes: hanRuns, which passes over the bytes below E2
// outside a run, finds the runs decoding every rune finds.
func TestHanRunsIsByRunes(t *testing.T) {
	for s := range runsTexts {
		if got, want := hanRuns(s), hanRunsByRunes(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("hanRuns(%q) = %v, by runes %v", s, got, want)
		}
	}
}

// TestControlRunsIsByRunes: controlRuns, which passes over plain ASCII
// and Chinese characters, finds the runs decoding every rune finds.
func TestControlRunsIsByRunes(t *testing.T) {
	for s := range runsTexts {
		if got, want := controlRuns(s), controlRunsByRunes(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("controlRuns(%q) = %v, by runes %v", s, got, want)
		}
	}
}

// TestPrintable8: printable8 is true just when each of the 8 bytes is
// 0x20 to 0x7E; every byte value in every place among printable ones,
// and random words of bytes near the edges of the range.
func TestPrintable8(t *testing.T) {
	want := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] > 0x7e {
				return false
			}
		}
		return true
	}
	check := func(s string) {
		if got := printable8(s); got != want(s) {
			t.Fatalf("printable8(%q) = %v", s, got)
		}
	}
	for at := range 8 {
		for c := range 256 {
			b := []byte("a Z~ 0!}")
			b[at] = byte(c)
			check(string(b))
		}
	}
	edges := []byte{0x00, 0x01, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0x81, 0x9f, 0xa0, 0xdf, 0xe0, 0xff, '\t', '\n', 'a'}
	rng := rand.New(rand.NewSource(8))
	for range 200000 {
		var b [8]byte
		for i := range b {
			b[i] = edges[rng.Intn(len(edges))]
		}
		check(string(b[:]))
	}
}

// TestControlRunsLongASCII: controlRuns finds the runs decoding every
// rune finds in long stretches of ASCII, which it passes over eight
// bytes at a time, broken by a control, a line end or another rune.
func TestControlRunsLongASCII(t *testing.T) {
	odd := []string{"\x07", "\x7f", "\x00", "\x1f", "\n", "\t", "\r", "中", "“", "\u200b", "\xe4", "\x80"}
	rng := rand.New(rand.NewSource(9))
	for range 20000 {
		var b strings.Builder
		for n := rng.Intn(60); n > 0; n-- {
			if rng.Intn(12) == 0 {
				b.WriteString(odd[rng.Intn(len(odd))])
			} else {
				b.WriteByte(byte(0x20 + rng.Intn(0x5f)))
			}
		}
		s := b.String()
		if got, want := controlRuns(s), controlRunsByRunes(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("controlRuns(%q) = %v, by runes %v", s, got, want)
		}
	}
}

// pairedQuotesByRunes is pairedQuotes as it was written before it
// passed over bytes.
func pairedQuotesByRunes(s string, pairs []quotePair, straight bool) []quoted {
	var out []quoted
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var closeR rune
		ok := false
		for _, qp := range pairs {
			if qp.open == r {
				closeR, ok = qp.close, true
				break
			}
		}
		if straight && r == '"' {
			closeR, ok = '"', true
		}
		if !ok {
			i += n
			continue
		}
		if r == '‘' {
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
		inner := strings.TrimRight(strings.TrimSpace(s[i+n:i+n+j]), ".,;:!?。，；：！？ ")
		out = append(out, quoted{start: i, end: end, inner: inner})
		i = end
	}
	return out
}

// TestPairedQuotesIsByRunes: pairedQuotes, which passes over ASCII and
// Han undecoded, finds the quotations decoding every rune finds, with
// every set of marks, on random text of marks, Han and broken UTF-8.
func TestPairedQuotesIsByRunes(t *testing.T) {
	pieces := []string{"a", " ", ".", "\"", "“", "”", "‘", "’", "「", "」", "『", "』", "《", "》", "中", "文", "。",
		"\xe2", "\xe2\x80", "\x9c", "\xe3\x80", "\xe3", "\xe4", "\xe4\xb8", "\xb8", "\xff", "Ab",
		"National security", "中国特色社会主义"}
	rng := rand.New(rand.NewSource(18))
	for k := range 50000 {
		var b strings.Builder
		// one text in four long enough for the eight-byte skips
		most := 16
		if k%4 == 0 {
			most = 64
		}
		for m := rng.Intn(most); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		for _, pairs := range [][]quotePair{zhQuotePairs, enQuotePairs, titleQuotePairs} {
			for _, straight := range []bool{false, true} {
				if got, want := pairedQuotes(s, pairs, straight), pairedQuotesByRunes(s, pairs, straight); !reflect.DeepEqual(got, want) {
					t.Fatalf("pairedQuotes(%q, %v, %v) = %v, by runes %v", s, pairs, straight, got, want)
				}
			}
		}
	}
}

// TestIsASCIILetter: isASCIILetter is unicode.IsLetter of the runes below
// utf8.RuneSelf, and false for every other rune (and for negative ones).
func TestIsASCIILetter(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+1; r++ {
		if got, want := isASCIILetter(r), r >= 0 && r < utf8.RuneSelf && unicode.IsLetter(r); got != want {
			t.Fatalf("isASCIILetter(%U) = %v, want %v", r, got, want)
		}
	}
	if isASCIILetter(-1 << 31) {
		t.Fatal("isASCIILetter of the least rune")
	}
}

// doubledBlanksByRunes is the scan for doubled blanks as
// runFormatWhitespace wrote it before doubledBlanks passed over bytes:
// every rune but ASCII decoded.
func doubledBlanksByRunes(t string) [][3]int {
	var out [][3]int
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf && c != ' ' && c != '\t' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isBlankRune(r) {
			i += n
			continue
		}
		j, count := i, 0
		for j < len(t) {
			r2, m := utf8.DecodeRuneInString(t[j:])
			if !isBlankRune(r2) {
				break
			}
			j += m
			count++
		}
		if count >= 2 && j < len(t) && t[j] != '\n' && t[j] != '\r' && i > 0 && t[i-1] != '\n' {
			out = append(out, [3]int{i, j, count})
		}
		i = j
	}
	return out
}

// TestDoubledBlanksAsByRunes: doubledBlanks, which passes over the bytes
// no blank starts with, finds the runs decoding every rune finds; on
// runsTexts, every rune inside a run of blanks, and random strings of
// every blank, line ends, Han and broken UTF-8.
func TestDoubledBlanksAsByRunes(t *testing.T) {
	check := func(s string) {
		if got, want := doubledBlanks(s), doubledBlanksByRunes(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("doubledBlanks(%q) = %v, by runes %v", s, got, want)
		}
	}
	for s := range runsTexts {
		check(s)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check("a " + string(r) + " b")
		check("中\u3000" + string(r) + "\u00a0文")
	}
	pieces := []string{" ", "\t", "\u00a0", "\u2009", "\u202f", "\u3000", "\n", "\r", "a", "中", "。", "\u2008", "\u3001",
		"\xc2", "\xe2\x80", "\xe3\x80", "\xe3", "\x80", "\xa0", "\xe2\x80\x89\x80"}
	rng := rand.New(rand.NewSource(18))
	for range 50000 {
		var b strings.Builder
		for m := rng.Intn(12); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
	// texts of single spaces among other text and broken bytes, most
	// of which doubledBlanks passes by mayHaveDoubledBlank; the blanks
	// are made of pieces too, and two spaces come now and then
	plain := []string{" ", "a", "中", "。", "\n", "\xc2", "\xa0", "\xe2\x80", "\x89", "\xaf", "\xe3\x80", "\x80", "\u2008"}
	passed := 0
	for range 50000 {
		var b strings.Builder
		for m := rng.Intn(16); m >= 0; m-- {
			b.WriteString(plain[rng.Intn(len(plain))])
			if rng.Intn(4) == 0 {
				b.WriteString("a")
			}
		}
		s := b.String()
		check(s)
		if !mayHaveDoubledBlank(s) {
			passed++
		}
	}
	if passed < 10000 {
		t.Fatalf("only %d texts passed by mayHaveDoubledBlank", passed)
	}
}

// TestFullWidthAtAsRange: fullWidthAt, which reads ASCII eight bytes at
// a time, finds the marks ranging over the text finds, with and without
// runs of Han marked; on runsTexts, every rune beside each mark, and
// random strings of marks, ASCII, Han and broken UTF-8 of every length
// around eight.
func TestFullWidthAtAsRange(t *testing.T) {
	byRange := func(s string, han map[int]bool) []int {
		var out []int
		for i, r := range s {
			if r < utf8.RuneSelf || !strings.ContainsRune(fullWidth, r) || han[i] || nextToHan(s, i) {
				continue
			}
			out = append(out, i)
		}
		return out
	}
	check := func(s string) {
		han := map[int]bool{}
		for _, r := range hanRuns(s) {
			for i := r[0]; i <= r[1]; i++ {
				han[i] = true
			}
		}
		for _, h := range []map[int]bool{{}, han} {
			if got, want := fullWidthAt(s, h), byRange(s, h); !reflect.DeepEqual(got, want) {
				t.Fatalf("fullWidthAt(%q) = %v, by range %v", s, got, want)
			}
		}
	}
	for s := range runsTexts {
		check(s)
	}
	for r := rune(0); r <= unicode.MaxRune; r += 7 {
		check("ab（" + string(r) + "）cdefgh，" + string(r))
	}
	pieces := []string{"a", " ", "abcdefg", "12345678", "，", "。", "：", "；", "！", "？", "（", "）", "、", "＂", "中",
		"\xef", "\xef\xbc", "\xe3\x80", "\x80", "\xff", "é", "\x7f"}
	rng := rand.New(rand.NewSource(18))
	for k := range 50000 {
		var b strings.Builder
		// one text in four long enough for the eight-byte skips
		most := 16
		if k%4 == 0 {
			most = 64
		}
		for m := rng.Intn(most); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// allHanByRunes is allHan as it was written before it told the common
// characters by their bytes.
func allHanByRunes(s string) bool {
	for _, r := range s {
		if !lang.IsHan(r) {
			return false
		}
	}
	return s != ""
}

// TestAllHanAsByRunes: allHan answers as decoding every rune does, on
// every rune beside a Han character and on random texts with broken UTF-8.
func TestAllHanAsByRunes(t *testing.T) {
	n := 0
	for s := range runsTexts {
		for _, x := range []string{s, s[:len(s)/2], s[len(s)/2:]} {
			if got, want := allHan(x), allHanByRunes(x); got != want {
				t.Fatalf("allHan(%q) = %v, by runes %v", x, got, want)
			}
			if allHan(x) {
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d Han texts: the test does not reach both answers", n)
	}
}

// bridgeWords are the words isBridgeWord takes, as a set of their
// lower-case spellings: the definition it is compared with.
var bridgeWords = map[string]bool{"of": true, "the": true, "for": true, "de": true, "du": true, "la": true,
	"von": true, "van": true, "on": true}

// TestIsBridgeWord: isBridgeWord answers as bridgeWords with the word
// lowered, on every rune alone and with each bridge word, and on every
// string of up to three pieces of the words' letters in both cases,
// characters that lower to ASCII letters (K, İ) and others. Under -short
// only the runes of the BMP.
func TestIsBridgeWord(t *testing.T) {
	check := func(w string) {
		if got, want := isBridgeWord(w), bridgeWords[strings.ToLower(w)]; got != want {
			t.Fatalf("isBridgeWord(%q) = %v, bridgeWords says %v", w, got, want)
		}
	}
	last := rune(unicode.MaxRune)
	if testing.Short() {
		last = 0xffff
	}
	for r := rune(0); r <= last; r++ {
		c := string(r)
		check(c)
		for w := range bridgeWords {
			check(c + w[1:])
			check(w[:1] + c)
			check(w[:len(w)-1] + c)
		}
	}
	pieces := []string{"", "o", "O", "f", "F", "t", "T", "h", "H", "e", "E", "r", "R", "d", "D", "u", "U", "l", "L",
		"a", "A", "v", "V", "n", "N", "i", "k", "K", "\u212a", "\u0130", "\xff", " ", "中"}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				check(a + b + c)
				for _, d := range pieces[:3] {
					check(a + b + c + d)
				}
			}
		}
	}
}

// TestTrimOpeners: trimOpeners trims as strings.TrimRight with its
// cutset, on every rune before an opening mark and on random texts of
// marks, letters and broken UTF-8 (a mark's bytes cut short, stray
// continuation bytes).
func TestTrimOpeners(t *testing.T) {
	check := func(s string) {
		if got, want := trimOpeners(s), strings.TrimRight(s, " \"“‘("); got != want {
			t.Fatalf("trimOpeners(%q) = %q, TrimRight %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r += 7 {
		check("a" + string(r) + "“")
		check(string(r) + " (")
	}
	pieces := []string{" ", "\"", "(", "“", "‘", "”", "’", "a", ".", "国", "\xe2", "\xe2\x80", "\x80\x9c", "\x9c", "\x98", "\xff", "\t"}
	rng := rand.New(rand.NewSource(18))
	for range 200000 {
		var b strings.Builder
		for m := rng.Intn(8); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// TestGluedBeforeAfter: gluedBefore and gluedAfter tell what gluedTo
// tells, on every rune and every byte at the end or the start of a text,
// after or before other text.
func TestGluedBeforeAfter(t *testing.T) {
	var texts []string
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r < 0x3000 || r%97 == 0 {
			texts = append(texts, string(r))
		}
	}
	for c := 0; c < 256; c++ {
		texts = append(texts, string([]byte{byte(c)}))
	}
	for _, s := range texts {
		for _, other := range []string{"", "a", "国", "\xe5"} {
			if gluedTo(other+s, true) != gluedBefore(other+s) {
				t.Fatalf("gluedBefore(%q) = %v", other+s, gluedBefore(other+s))
			}
			if gluedTo(s+other, false) != gluedAfter(s+other) {
				t.Fatalf("gluedAfter(%q) = %v", s+other, gluedAfter(s+other))
			}
		}
	}
}

// TestQuoteOpenersLead: every opening mark pairedQuotes looks for begins
// with a byte its skip stops at (E2, E3 or ").
func TestQuoteOpenersLead(t *testing.T) {
	for _, pairs := range [][]quotePair{zhQuotePairs, enQuotePairs, titleQuotePairs} {
		for _, qp := range pairs {
			if c := string(qp.open)[0]; c != 0xe2 && c != 0xe3 && c != '"' {
				t.Fatalf("opening mark %q begins with %#x", qp.open, c)
			}
		}
	}
}

// TestQuoteLead8: quoteLead8 finds the first byte of eight that is E2, E3
// or ", each byte value at each place among random others.
func TestQuoteLead8(t *testing.T) {
	rng := rand.New(rand.NewSource(29))
	isLead := func(c byte) bool { return c == 0xe2 || c == 0xe3 || c == '"' }
	for c := range 256 {
		for at := range 8 {
			for range 50 {
				var b [8]byte
				for k := range b {
					b[k] = byte(rng.Intn(256))
				}
				b[at] = byte(c)
				first := 8
				for k := range b {
					if isLead(b[k]) {
						first = k
						break
					}
				}
				m := quoteLead8(lang.Load8(string(b[:])))
				if (m == 0) != (first == 8) || m != 0 && bits.TrailingZeros64(m)/8 != first {
					t.Fatalf("quoteLead8(%q) = %#x, first lead at %d", b, m, first)
				}
			}
		}
	}
}
