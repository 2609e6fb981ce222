package numerals

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Style of an enumerator, e.g. "(一)" is StyleParenHan.
type Style int

// Enumerator styles. The comments show typical forms.
const (
	StyleNone        Style = iota
	StyleParenHan          // (一) （一）
	StyleHanComma          // 一、
	StyleArticleHan        // 第一条, 第一章, 第一节, 第一部分, 第一编
	StyleParenDigit        // (1) （1） （１） ⑴
	StyleDigitDot          // 1. 1、 1) 1） ⒈
	StyleCircled           // ① … ⑳ ㉑ … ㊿
	StyleRoman             // I. II. iv) (iv) Ⅳ、
	StyleLetter            // (a) a) A.
	StyleArticle           // Article 1, Chapter 3, Section 2, Part IV
	StyleOrdinalWord       // First, Secondly, Third: 第一， 其二， 首先，
)

var styleNames = [...]string{
	StyleNone:        "none",
	StyleParenHan:    "paren-han",
	StyleHanComma:    "han-comma",
	StyleArticleHan:  "article-han",
	StyleParenDigit:  "paren-digit",
	StyleDigitDot:    "digit-dot",
	StyleCircled:     "circled",
	StyleRoman:       "roman",
	StyleLetter:      "letter",
	StyleArticle:     "article",
	StyleOrdinalWord: "ordinal-word",
}

// String returns a stable lower-case name such as "paren-han".
func (s Style) String() string {
	if s >= 0 && int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "none"
}

// Enumerator is a list or heading marker found in a text.
//
// Level is the conventional outline level, chosen so that markers written in
// different scripts compare:
//
//	1  一、  I. II. (upper-case Roman)  第X章 第X编 第X部分  Chapter, Part
//	2  (一)  (1)  1.  1、  1)  第X条 第X节  Article, Section
//	3  ①  (a)  a)  A.  (i)  i.  (lower-case Roman)
//	0  ordinal words (First, / 第一， / 其二，), which are not outline markers
type Enumerator struct {
	Value      int    // 1-based numeric value: (三)=3, III.=3, ③=3, (c)=3, "Article 12"=12, "Third,"=3
	Style      Style  // how it is written
	Level      int    // conventional outline level, see above
	Text       string // the enumerator as written, e.g. "(三)" or "II."
	Start, End int    // byte offsets of Text in the input
}

const (
	maxEnum    = 200 // larger values are years, amounts or page numbers, not list markers
	maxArticle = 999 // laws run to several hundred articles
)

// pos describes what precedes a candidate position.
type pos struct {
	line   bool // only whitespace since the start of the text or line
	prev   rune // rune immediately before, 0 at the start
	prevNS rune // last non-space rune before, 0 at the start of the line
}

// boundary reports whether the candidate does not continue a word or number.
func (p pos) boundary() bool {
	return p.prev == 0 || !(unicode.IsLetter(p.prev) || unicode.IsDigit(p.prev) || isDigit(p.prev))
}

// list reports a position where an inline list marker such as "2)" or "b)"
// may start: a line start or right after clause punctuation.
func (p pos) list() bool {
	if p.line {
		return true
	}
	if !p.boundary() {
		return false
	}
	return strings.ContainsRune(":;,：；，。、", p.prevNS)
}

// cjkStop reports a line start or a position after Chinese sentence or clause
// punctuation, where "2." cannot be the end of an English sentence.
func (p pos) cjkStop() bool {
	return p.line || strings.ContainsRune("。；：！？", p.prevNS)
}

// sentence reports a line start or a sentence start, for ordinal words.
func (p pos) sentence() bool {
	if p.line || strings.ContainsRune("。；：！？", p.prevNS) {
		return true
	}
	return p.prev == ' ' && strings.ContainsRune(".!?;:", p.prevNS)
}

// Leading returns the enumerator that opens a paragraph (after leading
// whitespace), if any.
func Leading(paragraph string) (Enumerator, bool) {
	i := 0
	for i < len(paragraph) {
		r, size := utf8.DecodeRuneInString(paragraph[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	return matchAt(paragraph, i, pos{line: true})
}

// All returns every enumerator-like token inside a text (inline "(1) … (2) …"
// lists, "第三条", markers at the start of each line), in order. Markers that
// are ambiguous in running text ("2.", "A.", "II.") are only taken at the
// start of a line or after Chinese punctuation.
func All(text string) []Enumerator {
	var out []Enumerator
	p := pos{line: true}
	for i := 0; i < len(text); {
		if e, ok := matchAt(text, i, p); ok {
			out = append(out, e)
			last, _ := utf8.DecodeLastRuneInString(e.Text)
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
		case isASCIILetter(r):
			// the rest of the word: after a letter no marker starts
			// (matchLatin refuses), so skip it at once
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

func isASCIILetter(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
}

// Same reports whether two enumerators denote the same position: the same
// value, and compatible levels. Levels are compatible when equal, or when a
// Latin-script marker ("1." "(1)" "(a)" "(i)") faces a Chinese-numeral or
// circled marker one level away, since translators render 一、, (一) and ①
// in whatever Latin scheme the English document uses. Ordinal words only match ordinal words, and two heading-style
// markers (第三条, Article 3) must also name the same unit (chapter, section,
// article, part).
func Same(a, b Enumerator) bool {
	if a.Style == StyleNone || b.Style == StyleNone || a.Value != b.Value {
		return false
	}
	if (a.Style == StyleOrdinalWord) != (b.Style == StyleOrdinalWord) {
		return false
	}
	if isHeading(a.Style) && isHeading(b.Style) {
		return headingUnit(a.Text) == headingUnit(b.Text)
	}
	if a.Level == b.Level {
		return true
	}
	d := a.Level - b.Level
	if d != 1 && d != -1 {
		return false
	}
	return isLatinLabel(a.Style) && isHanScript(b.Style) || isLatinLabel(b.Style) && isHanScript(a.Style)
}

func isHeading(s Style) bool { return s == StyleArticle || s == StyleArticleHan }
func isLatinLabel(s Style) bool {
	return s == StyleDigitDot || s == StyleParenDigit || s == StyleLetter || s == StyleRoman
}
func isHanScript(s Style) bool {
	return s == StyleParenHan || s == StyleHanComma || s == StyleCircled
}

// headingUnit classifies a heading marker by the unit it names.
func headingUnit(text string) string {
	switch {
	case strings.Contains(text, "章"), hasWordPrefix(text, "chapter"):
		return "chapter"
	case strings.Contains(text, "节"), hasWordPrefix(text, "section"):
		return "section"
	case strings.Contains(text, "条"), hasWordPrefix(text, "article"):
		return "article"
	case strings.Contains(text, "部分"), strings.Contains(text, "编"), hasWordPrefix(text, "part"):
		return "part"
	}
	return ""
}

func hasWordPrefix(s, w string) bool {
	return len(s) >= len(w) && strings.EqualFold(s[:len(w)], w)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' || r == '\u200b'
}

func mk(s string, start, end, value int, style Style, level int) (Enumerator, bool) {
	return Enumerator{Value: value, Style: style, Level: level, Text: s[start:end], Start: start, End: end}, true
}

// matchAt tries every enumerator form at byte offset i.
func matchAt(s string, i int, p pos) (Enumerator, bool) {
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
	case r < utf8.RuneSelf && unicode.IsLetter(r):
		return matchLatin(s, i, p)
	}
	return Enumerator{}, false
}

func matchUnicodeRoman(s string, i, size int, r rune, p pos) (Enumerator, bool) {
	v, level := int(r-'Ⅰ')+1, 1
	if r >= 'ⅰ' {
		v, level = int(r-'ⅰ')+1, 3
	}
	if !p.boundary() {
		return Enumerator{}, false
	}
	// Alone, Ⅱ is usually a type or model (Ⅱ型), so a mark must follow.
	next, nsize := utf8.DecodeRuneInString(s[i+size:])
	if strings.ContainsRune(".．、)）", next) {
		return mk(s, i, i+size+nsize, v, StyleRoman, level)
	}
	return Enumerator{}, false
}

// matchParen reads "(…)" or "（…）" holding a Chinese numeral, digits, one
// letter or a Roman numeral. Either kind of bracket may close either kind.
func matchParen(s string, i, size int, p pos) (Enumerator, bool) {
	if p.prev != 0 && p.prev < utf8.RuneSelf && (unicode.IsLetter(p.prev) || unicode.IsDigit(p.prev)) {
		return Enumerator{}, false // f(1), word(s)
	}
	j := i + size
	var end int
	var val int
	var style Style
	level := 2
	r, _ := utf8.DecodeRuneInString(s[j:])
	switch {
	case isDigit(r):
		v, e, ok := scanDigits(s, j)
		if !ok || v < 1 || v > maxEnum {
			return Enumerator{}, false
		}
		val, end, style = v, e, StyleParenDigit
	case isHanNumeral(r):
		e := scanHan(s, j)
		v, ok := hanEnumValue(s[j:e])
		if !ok {
			return Enumerator{}, false
		}
		val, end, style = v, e, StyleParenHan
	case r < utf8.RuneSelf && unicode.IsLetter(r):
		e := j
		for e < len(s) && s[e] < utf8.RuneSelf && unicode.IsLetter(rune(s[e])) {
			e++
		}
		word := s[j:e]
		if v, lvl, ok := romanOrLetter(word); ok {
			val, end, level = v, e, lvl
			style = StyleLetter
			if isRomanWord(word) {
				style = StyleRoman
			}
		} else {
			return Enumerator{}, false
		}
	default:
		return Enumerator{}, false
	}
	c, csize := utf8.DecodeRuneInString(s[end:])
	if c != ')' && c != '）' {
		return Enumerator{}, false
	}
	return mk(s, i, end+csize, val, style, level)
}

// hanEnumValue parses a Chinese numeral used as an enumerator: 一 … 二百,
// not starting with 零, 〇 or 两, and not a digit-by-digit year.
func hanEnumValue(h string) (int, bool) {
	r, _ := utf8.DecodeRuneInString(h)
	if r == '零' || r == '〇' || r == '两' || strings.ContainsRune(h, '两') {
		return 0, false
	}
	if utf8.RuneCountInString(h) > 1 && !strings.ContainsAny(h, "十百") {
		return 0, false // 一二, 二〇二二
	}
	v, ok := parseHan(h)
	if !ok || v < 1 || v > maxEnum {
		return 0, false
	}
	return int(v), true
}

// romanOrLetter reads a one-letter or Roman-numeral label. Single i, v, x
// (and I, V, X) are read as Roman numerals; other single letters as letters
// (a=1 … z=26). Upper-case Roman numerals are level 1, everything else 3.
func romanOrLetter(w string) (val, level int, ok bool) {
	if w == "" {
		return 0, 0, false
	}
	if isRomanWord(w) {
		v, ok := romanValue(w)
		if !ok {
			return 0, 0, false
		}
		if w[0] >= 'A' && w[0] <= 'Z' {
			return v, 1, true
		}
		return v, 3, true
	}
	if len(w) == 1 {
		c := w[0] | 0x20
		return int(c-'a') + 1, 3, true
	}
	return 0, 0, false
}

// isRomanWord reports a word of Roman digits in one case, up to LXXXIX (89):
// single letters only for I, V, X (C, D, L, M alone are letters), and no C at
// all, so that "CV." or "CI" stay abbreviations.
func isRomanWord(w string) bool {
	if w == "" || len(w) > 9 {
		return false
	}
	if len(w) == 1 {
		return strings.ContainsAny(w, "IVXivx")
	}
	upper := strings.Trim(w, "IVXL") == ""
	lower := strings.Trim(w, "ivxl") == ""
	return upper || lower
}

// romanValue parses a canonical Roman numeral up to maxEnum (CC).
func romanValue(w string) (int, bool) {
	u := strings.ToUpper(w)
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total := 0
	for k := 0; k < len(u); k++ {
		v, ok := vals[u[k]]
		if !ok {
			return 0, false
		}
		if k+1 < len(u) && vals[u[k+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total < 1 || total > maxEnum || toRoman(total) != u {
		return 0, false // IIII, VX, IC
	}
	return total, true
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

var hanHeadingUnits = []struct {
	unit  string
	level int
}{{"部分", 1}, {"章", 1}, {"编", 1}, {"节", 2}, {"条", 2}}

// matchDi reads 第 + number + unit (第三条, 第3章) or the ordinal 第一， .
func matchDi(s string, i, size int, p pos) (Enumerator, bool) {
	j := i + size
	r, _ := utf8.DecodeRuneInString(s[j:])
	var val, end int
	switch {
	case isDigit(r):
		v, e, ok := scanDigits(s, j)
		if !ok || v < 1 {
			return Enumerator{}, false
		}
		val, end = v, e
	case isHanNumeral(r):
		e := scanHan(s, j)
		v, ok := parseHan(s[j:e])
		if !ok || v < 1 || v > maxArticle || strings.ContainsRune(s[j:e], '两') {
			return Enumerator{}, false
		}
		val, end = int(v), e
	default:
		return Enumerator{}, false
	}
	rest := s[end:]
	for _, u := range hanHeadingUnits {
		if strings.HasPrefix(rest, u.unit) && val <= maxArticle {
			return mk(s, i, end+len(u.unit), val, StyleArticleHan, u.level)
		}
	}
	c, csize := utf8.DecodeRuneInString(rest)
	if (c == '，' || c == ',') && p.sentence() && val <= maxEnum {
		return mk(s, i, end+csize, val, StyleOrdinalWord, 0)
	}
	return Enumerator{}, false
}

var hanOrdinalWords = []struct {
	word string
	val  int
}{{"首先", 1}, {"其次", 2}}

// matchHanOrdinalWord reads 其一， 其二， 首先， 其次， at a sentence start.
func matchHanOrdinalWord(s string, i int, p pos) (Enumerator, bool) {
	if !p.sentence() {
		return Enumerator{}, false
	}
	rest := s[i:]
	for _, w := range hanOrdinalWords {
		if strings.HasPrefix(rest, w.word) {
			c, csize := utf8.DecodeRuneInString(rest[len(w.word):])
			if c == '，' || c == ',' {
				return mk(s, i, i+len(w.word)+csize, w.val, StyleOrdinalWord, 0)
			}
		}
	}
	if strings.HasPrefix(rest, "其") {
		j := i + len("其")
		e := scanHan(s, j)
		v, ok := hanEnumValue(s[j:e])
		c, csize := utf8.DecodeRuneInString(s[e:])
		if ok && e > j && (c == '，' || c == ',') {
			return mk(s, i, e+csize, v, StyleOrdinalWord, 0)
		}
	}
	return Enumerator{}, false
}

// matchDigit reads "1." "1．" "1、" "1)" "1）".
func matchDigit(s string, i int, p pos) (Enumerator, bool) {
	if !p.boundary() {
		return Enumerator{}, false
	}
	v, e, ok := scanDigits(s, i)
	if !ok || v < 1 || v > maxEnum || digitBefore(s, i) {
		return Enumerator{}, false
	}
	c, csize := utf8.DecodeRuneInString(s[e:])
	after := e + csize
	switch c {
	case '.', '．':
		if !p.cjkStop() || !digitDotFollow(s[after:]) {
			return Enumerator{}, false
		}
	case '、', ')', '）':
		if !p.list() || nextIsDigit(s[after:]) {
			return Enumerator{}, false
		}
	default:
		return Enumerator{}, false
	}
	return mk(s, i, after, v, StyleDigitDot, 2)
}

// digitBefore reports that s[:i] ends in a digit and a separator, so that
// digits at i continue a number ("1,200)", "3.5、", "10:30").
func digitBefore(s string, i int) bool {
	sep, n := utf8.DecodeLastRuneInString(s[:i])
	if n == 0 || !strings.ContainsRune(".,，．:：/-", sep) {
		return false
	}
	d, _ := utf8.DecodeLastRuneInString(s[:i-n])
	return isDigit(d)
}

func nextIsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isDigit(r)
}

// digitDotFollow decides what may follow "1.": the end, a space and then
// something other than a digit ("1. 4 billion" is a broken decimal), an
// upper-case letter or any non-ASCII character ("1.加强"), but not a digit
// ("3.2") or a lower-case letter ("1.x").
func digitDotFollow(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if isSpace(r) {
		t := strings.TrimLeftFunc(rest, isSpace)
		return !nextIsDigit(t)
	}
	if isDigit(r) || r < utf8.RuneSelf && unicode.IsLower(r) {
		return false
	}
	return r != '.' && r != ','
}

// matchHanComma reads 一、 … 九十九、.
func matchHanComma(s string, i int, p pos) (Enumerator, bool) {
	if !p.boundary() {
		return Enumerator{}, false // 统一、
	}
	e := scanHan(s, i)
	v, ok := hanEnumValue(s[i:e])
	if !ok {
		return Enumerator{}, false
	}
	c, csize := utf8.DecodeRuneInString(s[e:])
	if c != '、' {
		return Enumerator{}, false
	}
	if n, _ := utf8.DecodeRuneInString(s[e+csize:]); isHanNumeral(n) || isDigit(n) {
		return Enumerator{}, false // 三、四月份
	}
	return mk(s, i, e+csize, v, StyleHanComma, 1)
}

var englishHeadings = []struct {
	word, upper string
	level       int
}{{"Article", "ARTICLE", 2}, {"Chapter", "CHAPTER", 1}, {"Section", "SECTION", 2}, {"Part", "PART", 1}}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12,
	"firstly": 1, "secondly": 2, "thirdly": 3, "fourthly": 4, "fifthly": 5,
	"sixthly": 6, "seventhly": 7, "eighthly": 8, "ninthly": 9, "tenthly": 10,
}

var cardinalWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20,
}

// matchLatin reads headings (Article 3, Part IV), ordinal words (Second,),
// Roman numerals (II. iv)) and letters (a) A.) starting with an ASCII letter.
func matchLatin(s string, i int, p pos) (Enumerator, bool) {
	if p.prev != 0 && (unicode.IsLetter(p.prev) || unicode.IsDigit(p.prev) || p.prev == '\'' || p.prev == '’' || p.prev == '-') {
		return Enumerator{}, false
	}
	e := i
	for e < len(s) && s[e] < utf8.RuneSelf && unicode.IsLetter(rune(s[e])) {
		e++
	}
	word := s[i:e]
	if e < len(s) {
		// A word running on into non-ASCII letters or digits is not a label.
		r, _ := utf8.DecodeRuneInString(s[e:])
		if unicode.IsLetter(r) && r >= utf8.RuneSelf || unicode.IsDigit(r) {
			return Enumerator{}, false
		}
	}
	if en, ok := matchEnglishHeading(s, i, e, word); ok {
		return en, true
	}
	if en, ok := matchOrdinalWord(s, i, e, word, p); ok {
		return en, true
	}
	v, level, ok := romanOrLetter(word)
	if !ok {
		return Enumerator{}, false
	}
	style := StyleLetter
	if isRomanWord(word) {
		style = StyleRoman
	}
	c, csize := utf8.DecodeRuneInString(s[e:])
	after := e + csize
	switch c {
	case ')', '）':
		if !p.list() {
			return Enumerator{}, false
		}
	case '.', '．', '、':
		if !p.cjkStop() || !labelDotFollow(s[after:], style == StyleRoman && len(word) > 1) {
			return Enumerator{}, false
		}
	default:
		return Enumerator{}, false
	}
	return mk(s, i, after, v, style, level)
}

// labelDotFollow decides what may follow "A." or "II." at a line start:
// the end, or spaces then an upper-case letter, digit, quote or non-ASCII
// character. With lenient (multi-letter Roman numerals) any non-space text may
// follow the spaces. "A. B. Smith" (a run of initials) is rejected.
func labelDotFollow(rest string, lenient bool) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !isSpace(r) {
		return r >= utf8.RuneSelf && !strings.ContainsRune("．。，、", r) // II.加强
	}
	t := strings.TrimLeftFunc(rest, isSpace)
	if t == "" {
		return true
	}
	n, _ := utf8.DecodeRuneInString(t)
	if len(t) >= 2 && n < utf8.RuneSelf && unicode.IsUpper(n) && t[1] == '.' {
		return false // initials
	}
	if lenient {
		return true
	}
	return n < utf8.RuneSelf && (unicode.IsUpper(n) || unicode.IsDigit(n) || n == '"' || n == '\'') ||
		n >= utf8.RuneSelf
}

func matchEnglishHeading(s string, i, e int, word string) (Enumerator, bool) {
	level := 0
	for _, h := range englishHeadings {
		if word == h.word || word == h.upper {
			level = h.level
		}
	}
	if level == 0 {
		return Enumerator{}, false
	}
	j := e
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j == e || j >= len(s) {
		return Enumerator{}, false
	}
	var val, end int
	if isDigit(rune(s[j])) {
		v, ne, ok := scanDigits(s, j)
		if !ok || v < 1 || v > maxArticle {
			return Enumerator{}, false
		}
		val, end = v, ne
		if end+1 < len(s) && s[end] == '.' && isDigit(rune(s[end+1])) {
			return Enumerator{}, false // Section 2.3
		}
	} else {
		k := j
		for k < len(s) && s[k] < utf8.RuneSelf && unicode.IsLetter(rune(s[k])) {
			k++
		}
		w := s[j:k]
		switch {
		case len(w) > 1 && strings.Trim(w, "IVXL") == "":
			v, ok := romanValue(w)
			if !ok {
				return Enumerator{}, false
			}
			val = v
		case w == "I" || w == "V" || w == "X":
			val, _ = romanValue(w)
		default:
			v, ok := cardinalWords[strings.ToLower(w)]
			if !ok || !(w[1:] == strings.ToLower(w[1:]) || w == strings.ToUpper(w)) {
				return Enumerator{}, false
			}
			val = v
		}
		end = k
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return Enumerator{}, false
		}
	}
	return mk(s, i, end, val, StyleArticle, level)
}

func matchOrdinalWord(s string, i, e int, word string, p pos) (Enumerator, bool) {
	if !p.sentence() || len(word) < 4 || !unicode.IsUpper(rune(word[0])) {
		return Enumerator{}, false
	}
	v, ok := ordinalWords[strings.ToLower(word)]
	if ok && word[1:] != strings.ToLower(word[1:]) {
		ok = false
	}
	if !ok {
		return Enumerator{}, false
	}
	end := e
	if word == "First" && strings.HasPrefix(s[end:], " of all") {
		end += len(" of all")
	}
	c, csize := utf8.DecodeRuneInString(s[end:])
	if c != ',' && c != ':' && c != '，' && c != '：' {
		return Enumerator{}, false
	}
	return mk(s, i, end+csize, v, StyleOrdinalWord, 0)
}
