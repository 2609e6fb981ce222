package numerals

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// tok is one English token: an ASCII word, a number or one other rune.
type tok struct {
	text       string // as written
	low        string // lower-case, for words
	start, end int
	value      float64
	kind       tokKind
	space      bool // whitespace (or the start of the text) before it
	isInt      bool
	commas     bool // written with thousands separators
	bad        bool // part of a version, time or code: 3.2.1, 10:30
	guess      bool // an exponent read from flattened superscripts (×1011)
}

// tokenizeInto cuts s into tokens, appended to buf[:0].
func tokenizeInto(buf []tok, s string) []tok {
	// a token every six bytes or so (words and punctuation): room for them
	// from the start spares growing the slice through every doubling, which
	// allocated twice what the tokens need
	out := buf[:0]
	if cap(out) < len(s)/6+4 {
		out = make([]tok, 0, len(s)/6+4)
	}
	space := true
	upper := 0 // bytes of the words with an upper-case letter
	for i := 0; i < len(s); {
		// An ASCII byte is classed by one load (enByteClass); only other
		// characters are decoded, and none of them is a letter or a digit
		// here (TestTokenizeByClass).
		c := s[i]
		cl := enByteClass[c]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				space = true
				i += size
				continue
			}
			out = append(out, tok{kind: tPunct, text: s[i : i+size], start: i, end: i + size, space: space})
			i += size
			space = false
			continue
		}
		switch {
		case cl == enSpace:
			space = true
			i++
			continue
		case cl&enLetter != 0:
			j := i
			var seen uint8
			for j < len(s) {
				k := enByteClass[s[j]]
				if k&enLetter == 0 {
					break
				}
				seen |= k
				j++
			}
			low := s[i:j]
			if seen&enUpper != 0 {
				low = "" // below
				upper += j - i
			}
			out = append(out, tok{kind: tWord, text: s[i:j], low: low, start: i, end: j, space: space})
			i = j
		case cl == enDigit:
			out = append(out, numTok(s, i, space))
			i = out[len(out)-1].end
		default:
			out = append(out, tok{kind: tPunct, text: s[i : i+1], start: i, end: i + 1, space: space})
			i++
		}
		space = false
	}
	if upper > 0 {
		lowerWords(out, upper)
	}
	return out
}

// The classes of enByteClass, for tokenizeInto: an ASCII letter has
// enLetter, and enUpper too if it is a capital; bytes of no class are
// punctuation, or the first bytes of characters to decode.
const (
	enLetter = 1 << iota
	enUpper
	enDigit
	enSpace
)

var enByteClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch r := rune(c); {
		case isSpace(r):
			t[c] = enSpace
		case isASCIILetter(r) && r <= 'Z':
			t[c] = enLetter | enUpper
		case isASCIILetter(r):
			t[c] = enLetter
		case '0' <= r && r <= '9':
			t[c] = enDigit
		}
	}
	return t
}()

// lowerWords sets the lower-case form of the words that have none yet,
// those with an upper-case letter, as strings.ToLower gives it for ASCII
// text: all of them in one string of n bytes rather than one string each
// (a capital opens most sentences and names).
func lowerWords(toks []tok, n int) {
	var b strings.Builder
	b.Grow(n)
	for k := range toks {
		if t := &toks[k]; t.kind == tWord && t.low == "" {
			for i := 0; i < len(t.text); i++ {
				c := t.text[i]
				if c <= 'Z' {
					c += 'a' - 'A' // an ASCII letter
				}
				b.WriteByte(c)
			}
		}
	}
	all := b.String()
	for k := range toks {
		if t := &toks[k]; t.kind == tWord && t.low == "" {
			t.low, all = all[:len(t.text)], all[len(t.text):]
		}
	}
}

// numTok reads 1,000,000 or 3.5 at i.
func numTok(s string, i int, space bool) tok {
	j := i
	var b strings.Builder
	t := tok{kind: tNum, start: i, space: space, isInt: true}
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		b.WriteByte(s[j])
		j++
	}
	for j+4 <= len(s) && s[j] == ',' && allDigits(s[j+1:j+4]) && (j+4 == len(s) || s[j+4] < '0' || s[j+4] > '9') {
		b.WriteString(s[j+1 : j+4])
		t.commas = true
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' && !t.commas || j+1 < len(s) && s[j] == '.' && t.commas && s[j+1] >= '0' && s[j+1] <= '9' {
		k := j + 1
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if intYearFootnote(s, i, j, k) {
			// "in 2019.134 Despite": a year, then a footnote call; stop
			// at the year
			t.end = j
			t.text = s[i:j]
			t.value, _ = strconv.ParseFloat(b.String(), 64)
			return t
		}
		b.WriteString(s[j:k])
		t.isInt = false
		j = k
		if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
			t.bad = true // 3.2.1
		}
	}
	if j+1 < len(s) && s[j] == ':' && s[j+1] >= '0' && s[j+1] <= '9' {
		t.bad = true // 10:30
	}
	if i > 0 && s[i-1] == ':' && i > 1 && s[i-2] >= '0' && s[i-2] <= '9' {
		t.bad = true
	}
	if i > 0 && s[i-1] == '.' && i > 1 && s[i-2] >= '0' && s[i-2] <= '9' {
		t.bad = true
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil || math.IsInf(v, 0) {
		t.bad = true
	}
	if e, end, flat, ok := sciExponent(s, j); ok && !t.isInt && v >= 1 && v < 10 && !t.bad {
		// 1.85E+11, 3.7 × 10^10: scientific notation
		v *= math.Pow(10, float64(e))
		j = end
		t.guess = flat
	}
	t.end = j
	t.text = s[i:j]
	t.value = v
	return t
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

var enUnits = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var enTens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var enOrdUnits = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}

var enMagnitudes = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "mn": 1e6, "tn": 1e12,
}

var enMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var enWeekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

// enPrefixes are approximation phrases written before a number.
var enPrefixes = []struct {
	words  []string
	approx string
}{
	{[]string{"more", "than"}, ApproxMore}, {[]string{"well", "over"}, ApproxMore},
	{[]string{"just", "over"}, ApproxMore}, {[]string{"upwards", "of"}, ApproxMore},
	{[]string{"at", "least"}, ApproxMore}, {[]string{"over"}, ApproxMore}, {[]string{"above"}, ApproxMore},
	{[]string{"in", "excess", "of"}, ApproxMore},
	{[]string{"close", "to"}, ApproxNearly}, {[]string{"nearly"}, ApproxNearly}, {[]string{"almost"}, ApproxNearly},
	{[]string{"about"}, ApproxAbout}, {[]string{"around"}, ApproxAbout}, {[]string{"roughly"}, ApproxAbout},
	{[]string{"approximately"}, ApproxAbout}, {[]string{"some"}, ApproxAbout}, {[]string{"an", "estimated"}, ApproxAbout},
	{[]string{"less", "than"}, ApproxLess}, {[]string{"fewer", "than"}, ApproxLess},
	{[]string{"no", "more", "than"}, ApproxLess}, {[]string{"up", "to"}, ApproxLess},
	{[]string{"under"}, ApproxLess}, {[]string{"below"}, ApproxLess}, {[]string{"just", "under"}, ApproxLess},
}

// enMany are vague magnitudes: "tens of thousands", "hundreds of", "dozens of".
var enMany = []struct {
	words []string
	value float64
}{
	{[]string{"hundreds", "of", "thousands"}, 1e5}, {[]string{"tens", "of", "thousands"}, 1e4},
	{[]string{"hundreds", "of", "millions"}, 1e8}, {[]string{"tens", "of", "millions"}, 1e7},
	{[]string{"tens", "of", "billions"}, 1e10}, {[]string{"hundreds", "of", "billions"}, 1e11},
	{[]string{"dozens"}, 12}, {[]string{"scores"}, 20}, {[]string{"hundreds"}, 100},
	{[]string{"thousands"}, 1e3}, {[]string{"millions"}, 1e6}, {[]string{"billions"}, 1e9},
	{[]string{"decades"}, 10},
}

// enStarters are the words that may open a number, a date or an approximation.
var enStarters = func() map[string]bool {
	m := map[string]bool{"between": true, "a": true, "an": true, "twice": true, "half": true}
	for w := range enScores {
		m[w] = true
	}
	for _, tbl := range []map[string]int{enUnits, enTens, enOrdUnits, enMonths, enWeekdays} {
		for w := range tbl {
			m[w] = true
		}
	}
	for _, p := range enPrefixes {
		m[p.words[0]] = true
	}
	for _, w := range enMany {
		m[w.words[0]] = true
	}
	for _, w := range []string{"hundred", "thousand", "million", "billion", "trillion"} {
		m[w] = true // after per, every or each (enWords)
	}
	return m
}()

// prefixFilter lets through the first word of every one of enPrefixes.
var prefixFilter = newWordFilter(func() (ws []string) {
	for _, p := range enPrefixes {
		ws = append(ws, p.words[0])
	}
	return ws
}())

// starterFilter lets through every key of enStarters, and few other words.
var starterFilter = newWordFilter(mapKeys(enStarters))

// tokBufs keeps the token slices of English for reuse: they never leave
// it, and making one for each text was the most of what the aligner and
// the checks allocated (a document's English is read three times: by
// block, by sentence and by the checks).
var tokBufs = sync.Pool{New: func() any { return new([]tok) }}

// numBufs keeps slices that English and zhScan gather numbers in before
// they copy them out at their final length (gathered): grown from empty
// for each text, the slices of large Numbers were copied and discarded at
// every doubling (3.6 MB of the 5,000-pair document's allocation). A text
// without numbers takes none.
var numBufs = sync.Pool{New: func() any { return new([]Number) }}

// maxPooledNums: a longer slice is left to the collector.
const maxPooledNums = 1 << 10

// gathered returns a copy of ns, gathered in the slice of numBufs nb (nil
// when there is none, and then ns is nil too), at its length, and gives
// the slice back to numBufs.
func gathered(nb *[]Number, ns []Number) []Number {
	if nb == nil {
		return ns
	}
	out := slices.Clone(ns)
	if cap(ns) <= maxPooledNums {
		clear(ns) // let go of the text
		*nb = ns[:0]
		numBufs.Put(nb)
	}
	return out
}

// maxPooledToks: a longer slice (a text of over 400 KB) is left to the
// collector rather than kept.
const maxPooledToks = 1 << 16

// English extracts the numbers of an English text, in order, without overlaps.
func English(text string) []Number {
	buf := tokBufs.Get().(*[]tok)
	toks := tokenizeInto(*buf, text)
	defer func() {
		if cap(toks) <= maxPooledToks {
			clear(toks) // let go of the text
			*buf = toks[:0]
			tokBufs.Put(buf)
		}
	}()
	var out []Number
	var nb *[]Number // where out is gathered (numBufs), once a number is read
	for k := 0; k < len(toks); {
		if t := &toks[k]; t.kind == tPunct || t.kind == tWord && !(starterFilter.may(t.low) && enStarters[t.low]) {
			k++
			continue
		}
		if n, next, ok := enAt(text, toks, k); ok {
			// a power of ten after per, every or each is a rate's
			// base ("per 1,000 people"); "every 5 years" counts years
			n.Base = afterRateWord(toks, k) && rateBase(n)
			if nb == nil {
				nb = numBufs.Get().(*[]Number)
				out = (*nb)[:0]
			}
			out = append(out, n)
			k = next
			continue
		}
		k++
	}
	out = gathered(nb, out)
	out = dropFootnotes(text, dropEnumerators(text, "", out))
	out = enYearSpans(text, out)
	if theThenNumber(toks) {
		out = enMonthTheDay(text, out)
	}
	sharePercent(text, out, enUnitGaps)
	enDayLists(text, out)
	return out
}

// theThenNumber reports whether a number follows the word "the" after
// white space among toks: every match of monthTheDay has one ("the", in
// any case, stands between white space, and its digits start a number
// token), and most texts with numbers have none, so that enMonthTheDay's
// pass over the text's bytes is spared (TestTheThenNumber). A number
// token is told from the others by its kind before any word is compared.
func theThenNumber(toks []tok) bool {
	for k := 1; k < len(toks); k++ {
		if toks[k].kind == tNum && toks[k].space && toks[k-1].low == "the" {
			return true
		}
	}
	return false
}

// wordsAt reports whether the words ws follow from token k, separated by spaces.
func wordsAt(toks []tok, k int, ws []string) bool {
	if k+len(ws) > len(toks) {
		return false
	}
	for i, w := range ws {
		// a pointer, not a copy of the token's eight words
		t := &toks[k+i]
		if t.kind != tWord || t.low != w || i > 0 && !t.space {
			return false
		}
	}
	return true
}

func isWord(toks []tok, k int, ws ...string) bool {
	if k < 0 || k >= len(toks) || toks[k].kind != tWord {
		return false
	}
	for _, w := range ws {
		if toks[k].low == w {
			return true
		}
	}
	return false
}

func isPunct(toks []tok, k int, ps ...string) bool {
	if k < 0 || k >= len(toks) || toks[k].kind != tPunct {
		return false
	}
	for _, p := range ps {
		if toks[k].text == p {
			return true
		}
	}
	return false
}

// enAt tries to read a number at token k and returns it with the next token index.
func enAt(s string, toks []tok, k int) (Number, int, bool) {
	prefixes := enPrefixes
	low := toks[k].low
	if toks[k].kind != tWord || !prefixFilter.may(low) {
		prefixes = nil // none starts here: not at a number, nor at most words
	}
	for _, p := range prefixes {
		// the first word, wordsAt's first test, without a call: most
		// prefixes fail it
		if p.words[0] != low || !wordsAt(toks, k, p.words) {
			continue
		}
		j := k + len(p.words)
		if j < len(toks) && toks[j].space {
			if n, next, ok := enNumber(s, toks, j); ok {
				if n.Kind == KindDate || n.Kind == KindWeekday || n.Kind == KindYear {
					return n, next, true
				}
				if n.Approx == "" {
					n.Approx = p.approx
				}
				n.Start = toks[k].start
				return finish(s, n), next, true
			}
		}
		break
	}
	if isWord(toks, k, "between") && k+1 < len(toks) {
		if a, next, ok := enItem(s, toks, k+1); ok && isWord(toks, next, "and") {
			if b, next2, ok := enItem(s, toks, next+1); ok {
				if r, ok := enMerge(a, b); ok {
					r.n.Start = toks[k].start
					return finish(s, r.n), next2, true
				}
			}
		}
	}
	return enNumber(s, toks, k)
}

// enNumber reads a date, weekday, vague magnitude or a number with an
// optional range and trailing approximation.
func enNumber(s string, toks []tok, k int) (Number, int, bool) {
	if n, next, ok := enDate(s, toks, k); ok {
		return n, next, true
	}
	t := toks[k]
	if t.kind == tWord {
		if v, ok := enWeekdays[t.low]; ok && unicode.IsUpper(rune(t.text[0])) {
			return finish(s, Number{Start: t.start, End: t.end, Value: float64(v), Kind: KindWeekday, Spelled: true}), k + 1, true
		}
		for _, m := range enMany {
			if wordsAt(toks, k, m.words) {
				next := k + len(m.words)
				last := m.words[len(m.words)-1]
				if len(m.words) == 1 && last != "decades" && last != "dozens" && !isWord(toks, next, "of") {
					break // "hundreds" alone is rare; keep to "hundreds of"
				}
				n := Number{Start: t.start, End: toks[next-1].end, Value: m.value, Approx: ApproxMany, Spelled: true}
				return finish(s, n), next, true
			}
		}
	}
	a, next, ok := enItem(s, toks, k)
	if !ok {
		return Number{}, 0, false
	}
	if a.n.Kind == KindOrdinal && a.n.Value >= 1 && a.n.Value <= maxMinguo {
		if end, ok := enROCYear(toks, next); ok {
			// "the 110th year of the Republic of China" = 2021
			n := a.n
			n.Kind, n.Value, n.Hi, n.End = KindYear, a.n.Value+minguoEpoch, 0, toks[end-1].end
			n.Read |= ReadMinguo
			return finish(s, n), end, true
		}
	}
	// Range: 8 to 10, 8-10, 1.27 million to 2.5 million, 5-8%.
	if isWord(toks, next, "to") || isPunct(toks, next, "-", "–", "—") {
		if b, next2, ok := enItem(s, toks, next+1); ok {
			if r, ok := enMerge(a, b); ok {
				a, next = r, next2
			}
		}
	}
	n := a.n
	// Trailing approximation: "or more", "or so", "-plus".
	switch {
	case wordsAt(toks, next, []string{"or", "more"}) && toks[next].space:
		n.Approx, n.End, next = ApproxMore, toks[next+1].end, next+2
	case wordsAt(toks, next, []string{"or", "so"}) && toks[next].space:
		n.Approx, n.End, next = ApproxAbout, toks[next+1].end, next+2
	case isWord(toks, next, "plus") && n.Kind == KindCardinal:
		n.Approx, n.End, next = ApproxMore, toks[next].end, next+1
	case isPunct(toks, next, "-") && isWord(toks, next+1, "plus", "odd") && !toks[next].space:
		n.Approx, n.End, next = ApproxMore, toks[next+1].end, next+2
		if toks[next-1].low == "odd" {
			n.Approx = ApproxAbout
		}
	}
	return finish(s, n), next, true
}

// enItemT is an English number before range merging.
type enItemT struct {
	n    Number
	mult float64 // 1 when there is no magnitude word
	mark bool    // percent or points written after it
}

// enItem reads one number at k: digits or words, a magnitude, percent or
// percentage points, an ordinal suffix, decades.
func enItem(s string, toks []tok, k int) (enItemT, int, bool) {
	if k >= len(toks) {
		return enItemT{}, 0, false
	}
	t := toks[k]
	it := enItemT{mult: 1}
	n := Number{Start: t.start}
	next := k + 1
	switch t.kind {
	case tNum:
		if t.bad || enInToken(toks, k) || enFootnote(toks, k) || inPlaceholder(s, t.start) || enLabel(s, toks, k) || enSlashName(s, t) {
			return enItemT{}, 0, false
		}
		n.Value, n.End = t.value, t.end
		if t.guess {
			n.Read |= ReadGuess
		}
		if enNumberSign(toks, k) {
			n.Kind = KindID // "Order No. 9", "No.09800150521"
			it.n = n
			return it, next, true
		}
		// Glued suffix: 20th, 1990s, 1.4bn.
		if next < len(toks) && toks[next].kind == tWord && !toks[next].space {
			suf := toks[next].low
			switch {
			case (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && t.isInt:
				n.Kind = KindOrdinal
				n.End = toks[next].end
				next++
				it.n = n
				return it, next, true
			case suf == "s" && t.isInt && !t.commas && len(t.text) == 4 && t.value >= 1000 && t.value <= 2100:
				n.Kind, n.Approx, n.End = KindYear, ApproxAbout, toks[next].end
				it.n = n
				return it, next + 1, true
			case enMagnitudes[suf] != 0 && (suf == "bn" || suf == "mn" || suf == "tn"):
				// handled below as a magnitude
			default:
				return enItemT{}, 0, false // 5G, 4K
			}
		}
	case tWord:
		if v, end, ok := enHalf(toks, k); ok {
			n.Value, n.End, n.Spelled = v, toks[end-1].end, true
			it.n = n
			return it, end, true
		}
		if t.low == "a" {
			if f, end, ok := enFraction(toks, k+1, 1); ok {
				if m, end2, ok := enOfAMagnitude(toks, end); ok {
					// a quarter of a million
					n.Value, n.End, n.Spelled = f*m, toks[end2-1].end, true
					it.n, it.mult = n, m
					return it, end2, true
				}
				n.Kind, n.Value, n.End, n.Spelled = KindFraction, f, toks[end-1].end, true
				it.n = n
				return it, end, true
			}
		}
		v, end, ord, ok := enWords(toks, k)
		if !ok {
			return enItemT{}, 0, false
		}
		n.Value, n.End, n.Spelled = v, toks[end-1].end, true
		next = end
		if m := enMagnitudes[lowAt(toks, end-1)]; m >= 1e3 && len(lowAt(toks, end-1)) > 2 {
			it.mult = m // "five to ten million": the magnitude spreads to the range
		}
		if ord {
			n.Kind = KindOrdinal
			it.n = n
			return it, next, true
		}
		if y, end2, ok := enSpokenYear(toks, k, v, end); ok {
			// "Seventeen seventy-six", "nineteen eighty-four"
			n.Kind, n.Value, n.End = KindYear, y, toks[end2-1].end
			n.Read |= ReadGuess
			it.n = n
			return it, end2, true
		}
		if f, end2, ok := enFraction(toks, end, v); ok {
			if m, end3, ok := enOfAMagnitude(toks, end2); ok {
				// three quarters of a million
				n.Value, n.End = f*m, toks[end3-1].end
				it.n, it.mult = n, m
				return it, end3, true
			}
			n.Kind, n.Value, n.End = KindFraction, f, toks[end2-1].end
			it.n = n
			return it, end2, true
		}
		if wordsAt(toks, next, []string{"and", "a", "half"}) {
			// one and a half billion, two and a half years, a million and a half
			m, after := 1.0, next+3
			if mm, ok := enMagnitudes[lowAt(toks, after)]; ok && mm >= 1e3 && len(lowAt(toks, after)) > 2 && v < 1000 {
				m, after = mm, after+1
			}
			switch {
			case m > 1:
				n.Value = (v + 0.5) * m
				it.mult = m
			case v >= 1000 && isPow1000(v):
				n.Value = v * 1.5
			default:
				n.Value = v + 0.5
			}
			n.End, next = toks[after-1].end, after
			n.Read |= ReadJoined
		}
	default:
		return enItemT{}, 0, false
	}
	// Magnitude words after digits: 1.4 billion, 3 million, 1.4bn; and
	// joined by a hyphen in a compound adjective: a 100-billion-yuan fund.
	if t.kind == tNum && next < len(toks) && toks[next].kind == tWord {
		if m, ok := enMagnitudes[toks[next].low]; ok {
			n.Value *= m
			it.mult = m
			n.End = toks[next].end
			next++
		}
	} else if t.kind == tNum && isPunct(toks, next, "-") && !toks[next].space && next+1 < len(toks) &&
		toks[next+1].kind == tWord && !toks[next+1].space && isPow1000(enMagnitudes[toks[next+1].low]) &&
		enMagnitudes[toks[next+1].low] >= 1e6 {
		m := enMagnitudes[toks[next+1].low]
		n.Value *= m
		it.mult = m
		n.End = toks[next+1].end
		next += 2
	}
	// Percent and percentage points.
	switch {
	case isPunct(toks, next, "-") && !toks[next].space && isWord(toks, next+1, "percent") && !toks[next+1].space:
		n.Kind, n.End, next = KindPercent, toks[next+1].end, next+2 // a 6.7-percent rise
		it.mark = true
	case isPunct(toks, next, "%", "％"):
		n.Kind, n.End, next = KindPercent, toks[next].end, next+1
		it.mark = true
	case isWord(toks, next, "percent", "pct"):
		n.Kind, n.End, next = KindPercent, toks[next].end, next+1
		it.mark = true
	case wordsAt(toks, next, []string{"per", "cent"}):
		n.Kind, n.End, next = KindPercent, toks[next+1].end, next+2
		it.mark = true
	case wordsAt(toks, next, []string{"percentage", "points"}), wordsAt(toks, next, []string{"percentage", "point"}):
		n.Kind, n.End, next = KindPoints, toks[next+1].end, next+2
		it.mark = true
	case isWord(toks, next, "decade", "decades") && n.Kind == KindCardinal:
		n.Value *= 10
		n.Approx = ApproxAbout
		n.End, next = toks[next].end, next+1
	case isWord(toks, next, "dozen") && n.Kind == KindCardinal:
		n.Value *= 12
		n.End, next = toks[next].end, next+1
	}
	if n.Kind == KindCardinal && t.kind == tNum && t.isInt && !t.commas && it.mult == 1 && len(t.text) == 4 && t.value >= 1000 && t.value <= 2100 {
		n.Kind = KindYear
	}
	if n.Kind == KindCardinal {
		if u, _ := enUnitAt(toks, next); u != "" {
			n.Unit = u
		}
		if n.Spelled && (n.Value == 1e3 || n.Value == 1e4) && !n.IsRange() {
			n.Read |= ReadGuess // "a thousand", "ten thousand": often a figure of speech
		}
	}
	it.n = n
	return it, next, true
}

// enInToken reports digits glued to Latin letters before them: COVID-19, G20, F-35.
func enInToken(toks []tok, k int) bool {
	t := toks[k]
	if t.space || k == 0 {
		return false
	}
	p := toks[k-1]
	if p.kind == tWord {
		return true
	}
	if p.kind == tPunct && (p.text == "-" || p.text == "/") && !p.space && k >= 2 && toks[k-2].kind == tWord {
		return true
	}
	return false
}

// enWords reads a number written in words from token k: "twenty-one",
// "two hundred and fifty", "a million", "a dozen", "third", "twenty-first".
// It returns the value, the index after the last token used and whether it
// is an ordinal.
func enWords(toks []tok, k int) (float64, int, bool, bool) {
	t := toks[k]
	if t.low == "a" || t.low == "an" {
		if isWord(toks, k+1, "dozen") && toks[k+1].space {
			return 12, k + 2, false, true
		}
		if isWord(toks, k+1, "decade") && toks[k+1].space {
			return 1, k + 1, false, true // "a decade": the decade word multiplies
		}
		if m, ok := enMagnitudes[lowAt(toks, k+1)]; ok && toks[k+1].space && m >= 100 && len(lowAt(toks, k+1)) > 2 {
			return enWordsFrom(toks, k+1, 1)
		}
		return 0, 0, false, false
	}
	if t.low == "twice" {
		return 2, k + 1, false, true
	}
	if v, end, ok := enScore(toks, k); ok {
		return v, end, false, true
	}
	if m, ok := enMagnitudes[t.low]; ok && m >= 100 && len(t.low) > 2 && t.space && afterRateWord(toks, k) {
		// "per million", "every hundred thousand": one of the
		// magnitude (每百万, 每十万人)
		return enWordsFrom(toks, k, 1)
	}
	if !enNumberWord(t.low) {
		return 0, 0, false, false
	}
	if t.low == "one" && !enOneCounts(toks, k) {
		return 0, 0, false, false
	}
	if _, ok := enOrdUnits[t.low]; ok && enNotOrdinal(toks, k) {
		return 0, 0, false, false
	}
	return enWordsFrom(toks, k, 0)
}

// afterRateWord reports whether token k follows per, every or each: a
// rate's base may stand there (每).
func afterRateWord(toks []tok, k int) bool { return isWord(toks, k-1, "per", "every", "each") }

func lowAt(toks []tok, k int) string {
	if k < 0 || k >= len(toks) || toks[k].kind != tWord {
		return ""
	}
	return toks[k].low
}

func enNumberWord(w string) bool {
	_, u := enUnits[w]
	_, t := enTens[w]
	_, o := enOrdUnits[w]
	return u || t || o
}

// enWordsFrom parses number words from k; seed is a pending value for "a hundred".
func enWordsFrom(toks []tok, k int, seed int64) (float64, int, bool, bool) {
	const (
		none = iota
		unit
		teen
		ten
		hundred
		mag
	)
	var total, cur int64 = 0, seed
	last := none
	if seed > 0 {
		last = unit
	}
	end, ord := k, false
	for i := k; i < len(toks) && !ord; {
		t := toks[i]
		if t.kind != tWord || i > k && !t.space && !isPunct(toks, i-1, "-") {
			break
		}
		w := t.low
		u, isUnit := enUnits[w]
		o, isOrd := enOrdUnits[w]
		tn, isTen := enTens[w]
		switch {
		case isUnit || isOrd && o < 20:
			v := u
			if isOrd {
				v = o
			}
			if last == unit || last == teen || last == ten && v >= 10 {
				return finishWords(total, cur, end, ord, k)
			}
			cur += int64(v)
			last = unit
			if v >= 10 {
				last = teen
			}
			ord = isOrd
		case isTen || isOrd && o < 100:
			v := tn
			if isOrd {
				v = o
			}
			if last != none && last != hundred && last != mag {
				return finishWords(total, cur, end, ord, k)
			}
			cur += int64(v)
			last = ten
			ord = isOrd
		case w == "hundred" || w == "hundredth":
			if cur == 0 && w == "hundred" || cur >= 100 || last == hundred || last == mag {
				return finishWords(total, cur, end, ord, k)
			}
			cur = max(cur, 1) * 100
			last = hundred
			ord = w == "hundredth"
		case w == "thousand" || w == "million" || w == "billion" || w == "trillion":
			if cur == 0 || last == mag {
				return finishWords(total, cur, end, ord, k)
			}
			total += cur * int64(enMagnitudes[w])
			cur = 0
			last = mag
		case w == "and" && (last == hundred || last == mag) && i+1 < len(toks) && toks[i+1].space &&
			(enUnits[lowAt(toks, i+1)] > 0 || enTens[lowAt(toks, i+1)] > 0):
			i++
			continue
		default:
			return finishWords(total, cur, end, ord, k)
		}
		i++
		end = i
		// twenty-one, twenty-first: a hyphen glues a unit to a ten.
		if last == ten && !ord && isPunct(toks, i, "-") && !toks[i].space && i+1 < len(toks) && !toks[i+1].space {
			if v, ok := enUnits[lowAt(toks, i+1)]; ok && v < 10 {
				i++
			} else if v, ok := enOrdUnits[lowAt(toks, i+1)]; ok && v < 10 {
				i++
			}
		}
	}
	return finishWords(total, cur, end, ord, k)
}

func finishWords(total, cur int64, end int, ord bool, k int) (float64, int, bool, bool) {
	v := total + cur
	return float64(v), end, ord, end > k && v > 0
}

// enOneCounts decides whether "one" is a count. Like a lone 一 in Chinese
// (一项任务 "a task"), "one" is mostly an article or a pronoun ("one of",
// "no one", "one another", "one China"), so it only counts before a time
// unit, a magnitude, a fraction or percent sign, or in a list or range of
// numbers ("one, three, five", "one to two").
func enOneCounts(toks []tok, k int) bool {
	if isWord(toks, k-1, "no", "any", "every", "each", "the", "this", "that", "which", "such", "only", "other") {
		return false
	}
	w := lowAt(toks, k+1)
	switch {
	case k+1 >= len(toks):
		return false
	case enTimeUnits[w], enMagnitudes[w] >= 100 && len(w) > 2, w == "percent", w == "per", w == "percentage", enFractionDens[w] != 0 && isWord(toks, k+2, "of"):
		return toks[k+1].space
	case isPunct(toks, k+1, "%"):
		return true
	case isPunct(toks, k+1, "-") && !toks[k+1].space:
		return enFractionDens[lowAt(toks, k+2)] != 0 || enTimeUnits[lowAt(toks, k+2)]
	case wordsAt(toks, k+1, []string{"and", "a", "half"}):
		return true // one and a half billion
	case isPunct(toks, k+1, ",", "、") || isWord(toks, k+1, "and", "or", "to"):
		nt := k + 2
		if nt < len(toks) && (toks[nt].kind == tNum || enUnits[toks[nt].low] > 0 || enTens[toks[nt].low] > 0) {
			return true
		}
	}
	return false
}

var enTimeUnits = map[string]bool{
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true,
	"day": true, "days": true, "hour": true, "hours": true, "minute": true, "minutes": true,
	"second": true, "seconds": true, "decade": true, "decades": true, "century": true,
	"centuries": true, "quarter": true, "time": true, "times": true, "fold": true,
}

// enNotOrdinal reports ordinal words that are not counts: enumerating
// "First," (see Leading), "at first", "first of all", "a second" (time).
func enNotOrdinal(toks []tok, k int) bool {
	w := toks[k].low
	if isPunct(toks, k+1, ",", ":") && (k == 0 || isPunct(toks, k-1, ".", ";", ":", "\n")) {
		return true
	}
	if w == "first" && (isWord(toks, k-1, "at") || wordsAt(toks, k+1, []string{"of", "all"})) {
		return true
	}
	if w == "second" && isWord(toks, k-1, "a", "per", "one", "each", "every", "split") {
		return true
	}
	return false
}

var enFractionDens = map[string]float64{
	"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
	"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
	"eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

// enFraction reads the denominator after a number word: two-thirds, one third,
// three quarters. A singular denominator needs a numerator of one.
func enFraction(toks []tok, k int, num float64) (float64, int, bool) {
	j := k
	if isPunct(toks, j, "-") && !toks[j].space {
		j++
	} else if j < len(toks) && !toks[j].space {
		return 0, 0, false
	}
	if j >= len(toks) || toks[j].kind != tWord {
		return 0, 0, false
	}
	w := toks[j].low
	d := enFractionDens[w]
	if d == 0 || num >= d {
		return 0, 0, false
	}
	plural := strings.HasSuffix(w, "s")
	if num == 1 && plural || num > 1 && !plural {
		return 0, 0, false
	}
	if num == 1 && j == k && !isWord(toks, j+1, "of") {
		return 0, 0, false // "one third" needs "of": "one third of"
	}
	return num / d, j + 1, true
}

// enMerge joins two items into a range, spreading a magnitude or percent
// written only on the second (1.27 to 2.5 million, 5-8%).
func enMerge(a, b enItemT) (enItemT, bool) {
	an, bn := a.n, b.n
	if an.Kind == KindOrdinal || bn.Kind == KindOrdinal || an.Kind == KindFraction || bn.Kind == KindFraction {
		return a, false
	}
	if an.Kind != bn.Kind && !(an.Kind == KindCardinal && bn.Kind != KindYear && !a.mark) && !(an.Kind == KindYear && bn.Kind == KindCardinal) {
		return a, false
	}
	if a.mult == 1 && b.mult != 1 {
		an.Value *= b.mult
	}
	if an.Unit == "" {
		an.Unit = bn.Unit
	}
	if an.Value >= bn.Value {
		return a, false
	}
	if an.Kind == KindCardinal || an.Kind == KindYear && bn.Kind == KindCardinal {
		an.Kind = bn.Kind
		if an.Kind == KindCardinal && a.n.Kind == KindYear {
			an.Kind = KindYear
		}
	}
	an.Hi = bn.Value
	an.End = bn.End
	an.Spelled = an.Spelled && bn.Spelled
	if an.Approx == "" {
		an.Approx = bn.Approx
	}
	return enItemT{n: an, mult: b.mult, mark: b.mark}, true
}

// monthAt reads a month name (January, Jan, Jan.) at k; it returns the month
// and the index after it. Abbreviations need a capital letter.
func monthAt(toks []tok, k int) (int, int, bool) {
	if k >= len(toks) || toks[k].kind != tWord || !unicode.IsUpper(rune(toks[k].text[0])) {
		return 0, 0, false
	}
	m, ok := enMonths[toks[k].low]
	if !ok {
		return 0, 0, false
	}
	next := k + 1
	if !enFullMonth(toks[k].low) {
		if isPunct(toks, next, ".") && !toks[next].space {
			next++
		}
	}
	return m, next, true
}

func enFullMonth(w string) bool {
	return len(w) > 4 || w == "may" || w == "june" || w == "july"
}

// dayAt reads a day of month: 24 or 24th.
func dayAt(toks []tok, k int) (int, int, bool) {
	if k >= len(toks) || toks[k].kind != tNum || !toks[k].isInt || toks[k].bad || toks[k].commas {
		return 0, 0, false
	}
	v := int(toks[k].value)
	if v < 1 || v > 31 || len(toks[k].text) > 2 {
		return 0, 0, false
	}
	next := k + 1
	if isWord(toks, next, "st", "nd", "rd", "th") && !toks[next].space {
		next++
	}
	return v, next, true
}

func yearAt(toks []tok, k int) (int, int, bool) {
	if k >= len(toks) || toks[k].kind != tNum || !toks[k].isInt || toks[k].commas || len(toks[k].text) != 4 {
		return 0, 0, false
	}
	v := int(toks[k].value)
	if v < 1000 || v > 2100 {
		return 0, 0, false
	}
	return v, k + 1, true
}

// dayRangeAt reads "to 10", "-10", "–10" after a day.
func dayRangeAt(toks []tok, k, day int) (int, int) {
	if isWord(toks, k, "to", "through") || isPunct(toks, k, "-", "–", "—") {
		if d2, next, ok := dayAt(toks, k+1); ok && d2 > day {
			return d2, next
		}
	}
	return 0, k
}

var enMonthTriggers = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "of": true,
	"early": true, "late": true, "mid": true, "last": true, "next": true, "this": true, "during": true,
	"before": true, "after": true, "end": true, "through": true, "throughout": true, "between": true,
}

// enMonthListed: the month name at k continues a list of full month names
// that a trigger opens ("in January, April, July, and October", "between
// February and July"): a later member has no trigger of its own. May and
// March, also a verb and a name, only after "and", "or", "to", "through".
func enMonthListed(toks []tok, k int) bool {
	if (toks[k].low == "may" || toks[k].low == "march") && !isWord(toks, k-1, "and", "or", "to", "through") {
		return false // "In March, May said": the verb and the name, not a list
	}
	for j := k; ; {
		p := j - 1
		if isWord(toks, p, "and", "or", "to", "through") {
			p--
		}
		if isPunct(toks, p, ",") {
			p--
		}
		if p == j-1 && !isPunct(toks, j-1, ",") || p < 0 {
			return false // nothing joins it to a month before it
		}
		if _, next, ok := monthAt(toks, p); !ok || next != p+1 || !enFullMonth(toks[p].low) {
			return false
		}
		if enMonthTriggers[lowAt(toks, p-1)] {
			return true
		}
		j = p
	}
}

// enDate reads November 24, 2022 / 24 November 2022 / Nov. 24 /
// December 8 to 10 / 8-10 December / November 2022 / in November.
func enDate(s string, toks []tok, k int) (Number, int, bool) {
	if m, next, ok := monthAt(toks, k); ok {
		d := &Date{Month: m}
		end := next
		if day, n2, ok := dayAt(toks, next); ok && !isWord(toks, n2, "percent") && !isPunct(toks, n2, "%") && enMagnitudes[lowAt(toks, n2)] == 0 {
			d.Day, end = day, n2
			if hi, n3 := dayRangeAt(toks, end, day); hi != 0 {
				d.DayHi, end = hi, n3
			}
			j := end
			if isPunct(toks, j, ",") {
				j++
			}
			if y, n4, ok := yearAt(toks, j); ok {
				d.Year, end = y, n4
			}
		} else if y, n4, ok := yearAt(toks, next); ok {
			d.Year, end = y, n4
		} else if day, n2, ok := dayAt(toks, next+1); ok && isPunct(toks, next, ",") && isPunct(toks, n2, ",") && yearOK(toks, n2+1) {
			// "June, 19, 2002", as typed in some translations
			y, n4, _ := yearAt(toks, n2+1)
			d.Day, d.Year, end = day, y, n4
		} else {
			// A month alone: only after a word such as "in" or "since";
			// May and March are otherwise too often other words.
			p := lowAt(toks, k-1)
			if !enMonthTriggers[p] && !(isPunct(toks, k-1, "-") && lowAt(toks, k-2) == "mid") && !enMonthListed(toks, k) {
				return Number{}, 0, false
			}
			if !enFullMonth(toks[k].low) {
				return Number{}, 0, false // "Jan" alone
			}
		}
		n := Number{Start: toks[k].start, End: toks[end-1].end, Kind: KindDate, Date: d, Spelled: d.Day == 0 && d.Year == 0}
		return finish(s, n), end, true
	}
	day, next, ok := dayAt(toks, k)
	spelled := false
	if !ok && toks[k].kind == tWord {
		// "the twenty-second day of June", as proclamations write dates
		if v, end, ord, ok2 := enWords(toks, k); ok2 && ord && v >= 1 && v <= 31 && wordsAt(toks, end, []string{"day", "of"}) {
			day, next, ok, spelled = int(v), end, true, true
		}
	}
	if ok && !enInToken(toks, k) {
		hi, n2 := dayRangeAt(toks, next, day)
		switch {
		case wordsAt(toks, n2, []string{"day", "of"}):
			n2 += 2 // the 22nd day of June
		case isWord(toks, n2, "of") && hi == 0:
			n2++ // the 18th of December
		}
		if m, n3, ok := monthAt(toks, n2); ok {
			d := &Date{Month: m, Day: day, DayHi: hi}
			end := n3
			if y, n4, ok := yearAt(toks, n3); ok {
				d.Year, end = y, n4
			} else if y, n4, ok := yearAt(toks, n3+1); ok && isPunct(toks, n3, ",") {
				d.Year, end = y, n4
			} else if y, n4, ok := enLordYear(toks, n3); ok {
				d.Year, end = y, n4
			}
			n := Number{Start: toks[k].start, End: toks[end-1].end, Kind: KindDate, Date: d, Spelled: spelled}
			return finish(s, n), end, true
		}
	}
	return Number{}, 0, false
}

func yearOK(toks []tok, k int) bool {
	_, _, ok := yearAt(toks, k)
	return ok
}

// enLordYear reads ", in the year of our Lord two thousand twenty" after a
// date (proclamations).
func enLordYear(toks []tok, k int) (int, int, bool) {
	j := k
	if isPunct(toks, j, ",") {
		j++
	}
	if !wordsAt(toks, j, []string{"in", "the", "year", "of", "our", "lord"}) {
		return 0, 0, false
	}
	j += 6
	if y, n, ok := yearAt(toks, j); ok {
		return y, n, true
	}
	if j < len(toks) && toks[j].kind == tWord && toks[j].space {
		if v, end, ord, ok := enWordsFrom(toks, j, 0); ok && !ord && v >= 1000 && v <= 2100 {
			return int(v), end, true
		}
	}
	return 0, 0, false
}

// enFootnote reports a footnote call, not a figure:
//   - an integer glued to closing punctuation that is glued to a word or a
//     number: "the Soviet challenge.54 To", "Marxism-Leninism.”134 Daniel",
//     "in 2019.134 Despite"; not "No.9" or "Art.5";
//   - an integer of up to three digits standing between a sentence's end
//     and a capitalised word: "from the West. 142 These include" (style
//     guides do not open a sentence with digits).
func enFootnote(toks []tok, k int) bool {
	t := toks[k]
	if k < 2 || !t.isInt || t.commas || len(t.text) > 3 {
		return false
	}
	if k+1 < len(toks) && !toks[k+1].space && toks[k+1].kind != tPunct {
		return false
	}
	if t.space {
		p := toks[k-1]
		if p.kind != tPunct || !strings.Contains(".”\"", p.text) || p.space || toks[k-2].kind == tPunct && toks[k-2].text != "." && toks[k-2].text != "”" {
			return false
		}
		n := k + 1
		return n < len(toks) && toks[n].kind == tWord && toks[n].space && unicode.IsUpper(rune(toks[n].text[0])) &&
			enMonths[toks[n].low] == 0 && enUnitWords[toks[n].low] == "" && !isWord(toks, n, "percent")
	}
	j := k - 1
	for n := 0; n < 3 && j >= 1 && toks[j].kind == tPunct && !toks[j].space && strings.Contains(".,;:)]\"”’", toks[j].text); n++ {
		j--
	}
	if j == k-1 || toks[j+1].space {
		return false
	}
	w := toks[j]
	switch w.kind {
	case tWord:
		return len(w.text) >= 2 && !enAbbrevBeforeNumber[w.low]
	case tNum:
		// 2019.134: a year, then a footnote call
		return w.isInt && len(w.text) == 4 && toks[j+1].text == "."
	}
	return false
}

var enAbbrevBeforeNumber = map[string]bool{
	"no": true, "nos": true, "art": true, "arts": true, "sec": true, "secs": true, "para": true,
	"paras": true, "p": true, "pp": true, "vol": true, "vols": true, "fig": true, "ch": true,
	"chap": true, "op": true, "ed": true, "rev": true, "item": true, "subpara": true,
}

// enNumberSign reports a number introduced by "No." or "Nos.": a document,
// order or law number.
func enNumberSign(toks []tok, k int) bool {
	j := k - 1
	if !isPunct(toks, j, ".") || toks[j].space {
		return false
	}
	return isWord(toks, j-1, "no", "nos") // the dot glued to it: "No. 9", "No.9"
}

// enHalf reads "half a million", "half a billion", "half a dozen".
func enHalf(toks []tok, k int) (float64, int, bool) {
	if !isWord(toks, k, "half") || !isWord(toks, k+1, "a", "an") {
		return 0, 0, false
	}
	w := lowAt(toks, k+2)
	if w == "dozen" {
		return 6, k + 3, true
	}
	if m, ok := enMagnitudes[w]; ok && m >= 100 && len(w) > 2 {
		return m / 2, k + 3, true
	}
	return 0, 0, false
}

// enOfAMagnitude reads "of a million" (or "a million", "million") after a
// fraction: a quarter of a million.
func enOfAMagnitude(toks []tok, k int) (float64, int, bool) {
	j := k
	if isWord(toks, j, "of") {
		j++
	}
	if isWord(toks, j, "a") {
		j++
	}
	w := lowAt(toks, j)
	if m, ok := enMagnitudes[w]; ok && m >= 1e3 && len(w) > 2 && j > k {
		return m, j + 1, true
	}
	return 0, 0, false
}

func isPow1000(v float64) bool {
	return v == 1e3 || v == 1e6 || v == 1e9 || v == 1e12
}

// intYearFootnote reports digits i:dot that are a year (1000–2100) followed
// by ".NNN" (dot:k, at most three digits) and then a space and a capital
// letter or the end: a footnote call after a sentence that ends in a year.
func intYearFootnote(s string, i, dot, k int) bool {
	if dot-i != 4 || k-dot-1 > 3 {
		return false
	}
	y, err := strconv.Atoi(s[i:dot])
	if err != nil || y < 1000 || y > 2100 {
		return false
	}
	if k == len(s) {
		return true
	}
	return s[k] == ' ' && k+1 < len(s) && s[k+1] >= 'A' && s[k+1] <= 'Z'
}

// enLabel reports a number that labels a speaker or a row at the start of
// a line: "Speaker 10: We all know", "Q2: What".
func enLabel(s string, toks []tok, k int) bool {
	if k < 1 || !isPunct(toks, k+1, ":") || toks[k+1].space || !toks[k].isInt {
		return false
	}
	w := toks[k-1]
	if w.kind != tWord || !unicode.IsUpper(rune(w.text[0])) {
		return false
	}
	ls := strings.LastIndexByte(s[:w.start], '\n') + 1
	return strings.TrimSpace(s[ls:w.start]) == ""
}

// enSpokenYear reads a year said in two parts, as speeches say them:
// "Seventeen seventy-six" (1776), "nineteen eighty-four". first is the
// value of the words from k to end (15 … 20); the second part is 10 … 99.
func enSpokenYear(toks []tok, k int, first float64, end int) (float64, int, bool) {
	// fifteen … twenty: the centuries a document speaks of in this way
	if first < 15 || first > 20 || end >= len(toks) || !toks[end].space || enTens[lowAt(toks, end)] == 0 && enUnits[lowAt(toks, end)] < 10 {
		return 0, 0, false
	}
	if end-k != 1 {
		return 0, 0, false // "twenty-one", "one hundred" are not year halves
	}
	v, e2, ord, ok := enWordsFrom(toks, end, 0)
	if !ok || ord || v < 10 || v > 99 || isPunct(toks, e2, "-") && !toks[e2].space {
		return 0, 0, false // "sixteen twenty-year-olds"
	}
	return first*100 + v, e2, true
}

// enROCYear reads "year of the Republic of China" or "Year, Republic of
// China" after an ordinal (k is the token after it) and returns the index
// after it.
func enROCYear(toks []tok, k int) (int, bool) {
	if !isWord(toks, k, "year") {
		return 0, false
	}
	j := k + 1
	switch {
	case wordsAt(toks, j, []string{"of", "the", "republic"}):
		j += 3
	case isPunct(toks, j, ",") && isWord(toks, j+1, "republic"):
		j += 2
	default:
		return 0, false
	}
	if wordsAt(toks, j, []string{"of", "china"}) {
		j += 2
	}
	return j, true
}

// enScores are the archaic multiples of twenty that speeches and
// proclamations still use: "Fourscore and seven years ago" (87),
// "threescore and ten" (70).
var enScores = map[string]int{
	"score": 20, "twoscore": 40, "threescore": 60, "fourscore": 80, "fivescore": 100,
}

// enScore reads "fourscore and seven", "three score and ten", "a score".
func enScore(toks []tok, k int) (float64, int, bool) {
	v, j := 0, k
	switch w := lowAt(toks, k); {
	case enScores[w] > 0 && w != "score":
		v, j = enScores[w], k+1
	case (enUnits[w] > 0 && enUnits[w] < 10 || w == "a") && isWord(toks, k+1, "score") && toks[k+1].space:
		v, j = max(enUnits[w], 1)*20, k+2
	default:
		return 0, 0, false
	}
	if isWord(toks, j, "and") && enUnits[lowAt(toks, j+1)] > 0 && enUnits[lowAt(toks, j+1)] < 20 {
		v += enUnits[lowAt(toks, j+1)]
		j += 2
	}
	return float64(v), j, true
}

// enSlashName reports a number inside "24/7" or "9/11", names written with
// figures.
func enSlashName(s string, t tok) bool {
	a, b := t.start, t.end
	isPart := func(c byte) bool { return c >= '0' && c <= '9' || c == '/' }
	for a > 0 && isPart(s[a-1]) {
		a--
	}
	for b < len(s) && isPart(s[b]) {
		b++
	}
	w := s[a:b]
	return w == "24/7" || w == "9/11"
}
