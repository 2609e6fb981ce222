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
	StyleArticle           // Article 1, Art. 3
	StyleOrdinalWord       // First, Secondly, Third: 第一， 其二， 首先， 一是
	StylePartHan           // 第一编, 第一部分, 第一篇
	StyleChapterHan        // 第一章
	StyleSectionHan        // 第一节
	StyleClauseHan         // 第一款, 第一项, 第一目
	StylePart              // Part IV, Book One
	StyleChapter           // Chapter 3, CHAPTER III
	StyleSection           // Section 2, Sec. 2
	StyleClause            // Paragraph 3, Subparagraph 4, Item 5, Clause 6
	StyleStem              // 甲、 乙、 (（甲）): the Heavenly Stems
	StyleDecimal           // 2.3 5.1.2: decimal outline numbers
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
	StylePartHan:     "part-han",
	StyleChapterHan:  "chapter-han",
	StyleSectionHan:  "section-han",
	StyleClauseHan:   "clause-han",
	StylePart:        "part",
	StyleChapter:     "chapter",
	StyleSection:     "section",
	StyleClause:      "clause",
	StyleStem:        "stem",
	StyleDecimal:     "decimal",
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
//	3  ①  (a)  a)  A.  (i)  i.  (lower-case Roman)  第X款 第X项 第X目  Paragraph, Item
//	0  ordinal words (First, / 第一， / 其二， / 一是), which are not outline markers
//
// Headings (第X条, Article N and the other units) form one numbering series
// per unit, each with its own Style, so that articles numbered across
// chapters are not read as one broken sequence.
type Enumerator struct {
	Value      int    // 1-based numeric value: (三)=3, III.=3, ③=3, (c)=3, "Article 12"=12, "Third,"=3
	Style      Style  // how it is written
	Level      int    // conventional outline level, see above
	Text       string // the enumerator as written, e.g. "(三)" or "II."
	Start, End int    // byte offsets of Text in the input
	// Sub is the number of an inserted unit: 第十條之一 and "Article 10-1"
	// have Value 10 and Sub 1; 0 for an ordinary one.
	Sub int
	// Unit is what a heading numbers: "part", "chapter", "section",
	// "article" or "clause" (款 项 目, Paragraph, Subparagraph, Item); ""
	// for a list marker.
	Unit string
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
	if i < len(paragraph) {
		// most paragraphs open with a character no marker starts with,
		// folded or not: they are not folded, which reads them whole
		// (TestLeadingUnfolded). The folded text has there the same
		// character or its simplified form.
		if r, _ := decodeRune(paragraph[i:]); !mayStartEnumerator(r) && !mayStartEnumerator(foldRune(r)) {
			return Enumerator{}, false
		}
	}
	f := fold(paragraph)
	e, ok := matchAt(f, i, pos{line: true})
	if !ok || isHeading(e.Style) && (crossReference(f, e) || dottedNumber(e.Text)) || e.Style == StyleDecimal {
		// "Paragraph 4.2" and "4.2" label a paragraph by its article in
		// some translations whose Chinese numbers no paragraph; a decimal
		// outline number is no list marker of the kinds Same compares
		return Enumerator{}, false
	}
	e.Text = paragraph[e.Start:e.End]
	return e, true
}

// crossReference reports a heading word that opens a sentence as a
// reference rather than as the paragraph's heading: 第六條規定之勞工,
// 第十條第一項規定, 第一項、第二項之申報 (a heading is followed by a blank,
// punctuation or its text, a reference by 第, 规定, 之, 所, 至, 、, 及 …);
// "Article 6 shall be complied with", "Paragraph 2 of Article 5",
// "Article 5, 11, 13 … of this Act" (a heading is followed by its capitalised
// title or text, a reference by a lower-case word or a comma).
func crossReference(s string, e Enumerator) bool {
	rest := s[e.End:]
	if e.Style == StyleArticle || e.Style == StylePart || e.Style == StyleChapter || e.Style == StyleSection || e.Style == StyleClause {
		if strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "，") {
			return true // Article 5, 11, 13 and 27-1 of this Act
		}
		t := strings.TrimLeft(rest, " ")
		if len(t) == len(rest) {
			return false
		}
		w := t
		if k := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
			w = t[:k]
		}
		return enReferenceWords[w]
	}
	for _, w := range []string{"第", "规定", "所", "之", "的", "中", "以"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	for _, w := range []string{"、", "，", "及", "和", "或", "与", "至", "到"} {
		if strings.HasPrefix(rest, w) {
			// a list or range of references: 第一項、第二項, 第五條及第十一條,
			// 第 5、6 條; but 第四条、一般规定 is a heading
			k := skipBlanks(s, e.End+len(w))
			if nextRune(s, k) == '第' {
				return true
			}
			_, end, ok := hanNumberAt(s, k)
			if !ok {
				return false
			}
			end = skipBlanks(s, end)
			if unitAt(s[end:]) != "" {
				return true
			}
			for _, sep := range listSeps {
				if strings.HasPrefix(s[end:], sep) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// enReferenceWords follow a heading word used as a reference in a
// sentence: "Article 6 shall apply", "Paragraph 2 of Article 5",
// "Articles 5 and 6". Other lower-case words may open a heading's text
// ("Article 10 the marriage shall be invalid if:").
var enReferenceWords = map[string]bool{
	"of": true, "and": true, "or": true, "to": true, "through": true, "shall": true, "may": true,
	"must": true, "is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"provides": true, "prescribes": true, "stipulates": true, "states": true, "applies": true,
	"apply": true, "above": true, "hereof": true, "herein": true, "thereof": true, "will": true,
	"does": true, "do": true, "should": true, "would": true, "can": true, "cannot": true,
	"referred": true, "mentioned": true, "prescribed": true, "stipulated": true, "specified": true,
	"provided": true, "set": true, "as": true, "also": true, "not": true,
	// amendment histories: "Article 2 amended and promulgated on …"
	"amended": true, "deleted": true, "added": true, "inserted": true, "repealed": true,
	"promulgated": true, "revised": true, "abolished": true,
}

// All returns every enumerator-like token inside a text (inline "(1) … (2) …"
// lists, "第三条", markers at the start of each line), in order. Markers that
// are ambiguous in running text ("2.", "A.", "II.") are only taken at the
// start of a line or after Chinese punctuation.
func All(text string) []Enumerator {
	return allFolded(text, fold(text)) // same offsets: 第三條 reads as 第三条
}

// AllUntil returns the enumerators of All(text) that start before byte
// limit, in the same order, reading text only as far as it must: a caller
// that needs the enumerators over some bytes of a long text (the brackets
// of a paragraph) is spared the scan of the rest.
func AllUntil(text string, limit int) []Enumerator {
	out := allFoldedUntil(text, fold(text), limit)
	// the members of a heading's list found before limit may start at it
	// or later
	n := 0
	for _, e := range out {
		if e.Start < limit {
			out[n] = e
			n++
		}
	}
	return out[:n]
}

// allFolded is All of orig, given text = fold(orig).
func allFolded(orig, text string) []Enumerator {
	return allFoldedUntil(orig, text, len(text))
}

// allFoldedUntil is the enumerators of allFolded that start before byte
// limit, found by reading text up to there: the scan goes left to right,
// and an enumerator found at a byte starts there (matchAt) or later (the
// members of a heading's list), so those found before limit are the
// same and those found after start after it.
func allFoldedUntil(orig, text string, limit int) (out []Enumerator) {
	defer func() {
		for i := range out {
			out[i].Text = orig[out[i].Start:out[i].End]
		}
	}()
	p := pos{line: true}
	for i := 0; i < len(text) && i < limit; {
		if text[i] == ' ' {
			// A space, the most common byte of English: no marker starts
			// with it, and it is no line end, so it only becomes prev.
			p.prev = ' '
			i++
			continue
		}
		if isASCIILetter(rune(text[i])) {
			e := i + 1
			for e < len(text) && isASCIILetter(rune(text[e])) {
				e++
			}
			if !latinMayMatch(text, i, e) {
				// matchAt would refuse the word, and after a letter no
				// marker starts (matchLatin refuses): step over it, as
				// the general case below does after asking
				last := rune(text[e-1])
				p = pos{prev: last, prevNS: last}
				i = e
				continue
			}
		}
		if hanNoStart(text, i) {
			// A run of Chinese characters no marker starts with, most
			// of Chinese text, in one loop: lead bytes 0xe4 to 0xe9
			// encode U+4000 to U+9FFF, valid, neither space nor line
			// end nor letter of ASCII, so each only becomes prev.
			for i += 3; i < limit && hanNoStart(text, i); i += 3 {
			}
			last, _ := decode3(text[i-3:])
			p = pos{prev: last, prevNS: last}
			continue
		}
		r, size := decodeRune(text[i:])
		// matchAt is asked only where it may find a marker, not at most
		// letters, spaces and punctuation of either language
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

// latinMayMatch is false for an ASCII word s[i:e] that matchLatin refuses
// whatever precedes it, found by cheaper tests than its own: every word
// of an English text starts where matchAt would be asked, and most are
// none of a heading, an ordinal word (four letters or more, the first a
// capital) or a label (a word followed by ')', '.' or a character outside
// ASCII such as '）', '．' or '、'). TestLatinMayMatch.
func latinMayMatch(s string, i, e int) bool {
	if e < len(s) {
		if c := s[e]; c == ')' || c == '.' || c >= utf8.RuneSelf {
			return true
		}
	}
	c := s[i]
	if e-i >= 4 && 'A' <= c && c <= 'Z' {
		return true
	}
	return headingInitials>>((c|0x20)-'a')&1 != 0 && headingShape.may(s[i:e])
}

// headingInitials has bit c-'a' set for the first letter c of every key of
// englishHeadings (in lower case), a test cheaper than headingShape's.
var headingInitials = func() (m uint32) {
	for w := range englishHeadings {
		m |= 1 << (w[0] - 'a')
	}
	return m
}()

// hanNoStart reports whether a character of U+4000 to U+9FFF that no
// enumerator starts with is encoded at byte i of s (TestHanNoStart).
func hanNoStart(s string, i int) bool {
	return i+3 <= len(s) && s[i]-0xe4 <= 0xe9-0xe4 && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
		!enumStarts.has3(s[i], s[i+1], s[i+2])
}

// isASCIILetter is r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r
// && r <= 'Z') in one comparison (TestIsASCIILetter): setting bit 5 maps
// upper-case letters onto lower-case ones and nothing else onto them. Words
// are scanned with it byte by byte.
func isASCIILetter(r rune) bool {
	return uint32(r|0x20)-'a' < 26
}

// Same reports whether two enumerators denote the same position: the same
// value and Sub, and compatible levels. Levels are compatible when equal,
// or when a Latin-script marker ("1." "(1)" "(a)" "(i)") faces a
// Chinese-numeral, circled or Stem marker one level away, since translators
// render 一、, (一) and ① in whatever Latin scheme the English document
// uses. Ordinal words match ordinal words, and an English one ("First,")
// also (一) and 一、. Two headings (第三条, Article 3) must name compatible
// units, and a clause heading ("Subparagraph 4") matches a list marker; see
// the package documentation.
func Same(a, b Enumerator) bool {
	if a.Style == StyleNone || b.Style == StyleNone || a.Value != b.Value || a.Sub != b.Sub {
		return false
	}
	if (a.Style == StyleOrdinalWord) != (b.Style == StyleOrdinalWord) {
		// (一) and 一、 open the points of a report, which its English
		// opens with "First," "Second,": an ordinal word in Latin script
		// renders a Chinese list marker
		if b.Style == StyleOrdinalWord {
			a, b = b, a
		}
		return isLatinWord(a.Text) && (b.Style == StyleParenHan || b.Style == StyleHanComma)
	}
	if isHeading(a.Style) && isHeading(b.Style) {
		return sameUnit(a, b)
	}
	if isClause(a.Style) || isClause(b.Style) {
		// "Subparagraph 4" numbers what the other side marks as a list
		// item (四、, (四), ④, 4.): a law's English names the unit
		return !isHeading(a.Style) || !isHeading(b.Style)
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

func isHeading(s Style) bool {
	switch s {
	case StyleArticle, StyleArticleHan, StylePartHan, StyleChapterHan, StyleSectionHan, StyleClauseHan,
		StylePart, StyleChapter, StyleSection, StyleClause:
		return true
	}
	return false
}

// sameUnit reports two headings that name the same unit. English "Section"
// also renders 第X条 (the article-level unit of Hong Kong, British and
// American legislation: 第3条 = "section 3") and 第X部分 (the sections of
// an American executive order, rendered as parts).
func sameUnit(a, b Enumerator) bool {
	if a.Unit == b.Unit {
		return true
	}
	if b.Style == StyleSection {
		a, b = b, a
	}
	return a.Style == StyleSection && (b.Style == StyleArticleHan || b.Style == StylePartHan && strings.Contains(b.Text, "部分"))
}
func isLatinLabel(s Style) bool {
	return s == StyleDigitDot || s == StyleParenDigit || s == StyleLetter || s == StyleRoman
}
func isHanScript(s Style) bool {
	return s == StyleParenHan || s == StyleHanComma || s == StyleCircled || s == StyleStem
}

func isClause(s Style) bool { return s == StyleClause || s == StyleClauseHan }

// Follows reports whether next may follow prev in one numbering series
// (the same Style): the next value (第九条 → 第十条), a restart at 1, an
// inserted unit after its base or after the inserted unit before it
// (第48条 → 第48条之1 → 第48条之2, "Article 48" → "Article 48-1"), or the
// unit after an inserted one (第48条之5 → 第49条). A check of sequences
// should warn only when Follows is false.
func Follows(prev, next Enumerator) bool {
	switch {
	case next.Value == 1 && next.Sub == 0:
		return true
	case next.Sub == 0:
		return next.Value == prev.Value+1
	case next.Value == prev.Value:
		return next.Sub == prev.Sub+1
	}
	return false
}

func isSpace(r rune) bool {
	// the tests in the order of the characters of text: ASCII, and Han
	// above U+3000, need neither unicode.IsSpace's call nor its table
	// (TestIsSpace)
	if uint32(r) < utf8.RuneSelf {
		return asciiSpace[uint8(r)]
	}
	if r > '\u3000' {
		return r == '\ufeff'
	}
	return isOtherSpace(r)
}

// asciiSpace holds unicode.IsSpace of the bytes below utf8.RuneSelf.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isOtherSpace is isSpace below U+3000 and beyond ASCII, kept out of line
// so that isSpace stays small enough to be inlined.
//
//go:noinline
func isOtherSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u200b'
}

func mk(s string, start, end, value int, style Style, level int) (Enumerator, bool) {
	return Enumerator{Value: value, Style: style, Level: level, Text: s[start:end], Start: start, End: end}, true
}

// matchAt tries every enumerator form at byte offset i.
func matchAt(s string, i int, p pos) (Enumerator, bool) {
	if i >= len(s) {
		return Enumerator{}, false
	}
	if c := s[i]; c < utf8.RuneSelf {
		// ASCII, most of an English text: of the forms below only these
		// three start with an ASCII character (TestMatchAtASCII), and the
		// spaces and punctuation between words need not be decoded and
		// compared with every range of markers
		switch {
		case c == '(':
			return matchParen(s, i, 1, p)
		case '0' <= c && c <= '9':
			return matchDigit(s, i, p)
		case isASCIILetter(rune(c)):
			return matchLatin(s, i, p)
		}
		return Enumerator{}, false
	}
	r, size := decodeRune(s[i:])
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
	case r == '（':
		return matchParen(s, i, size, p)
	case r == '第':
		return matchDi(s, i, size, p)
	case r == '其' || r == '首':
		return matchHanOrdinalWord(s, i, p)
	case isDigit(r):
		return matchDigit(s, i, p)
	case isHanNumeral(r):
		return matchHanComma(s, i, p)
	case isStem(r):
		return matchStem(s, i, p)
	}
	return Enumerator{}, false
}

// asciiMayStart reports the ASCII bytes at which matchAt may find an
// enumerator: '(', digits and letters.
func asciiMayStart(c byte) bool {
	return c == '(' || '0' <= c && c <= '9' || isASCIILetter(rune(c))
}

// mayStartEnumerator reports the runes at which matchAt tries a form: it
// refuses every other at once (TestMatchAtASCII, TestEnumStarts).
func mayStartEnumerator(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiMayStart(byte(r))
	}
	return enumStarts.has(r)
}

// enumStarts are the runes outside ASCII that matchAt's forms start with,
// all of them in the Basic Multilingual Plane.
var enumStarts = func() *runeSet {
	rs := newRuneSet("（第其首" + stems + "零〇○一二两三四五六七八九十百千万亿")
	for _, rg := range [][2]rune{{'①', '⑳'}, {'㉑', '㉟'}, {'㊱', '㊿'}, {'⑴', '⒇'}, {'⒈', '⒛'},
		{'Ⅰ', 'Ⅻ'}, {'ⅰ', 'ⅻ'}, {'０', '９'}} {
		for r := rg[0]; r <= rg[1]; r++ {
			rs.add(r)
		}
	}
	return rs
}()

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
	case isStem(r):
		_, size := utf8.DecodeRuneInString(s[j:])
		val, end, style, level = strings.IndexRune(stems, r)/len("甲")+1, j+size, StyleStem, 3
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
	if r == '零' || r == '〇' || r == '○' || r == '两' || strings.ContainsRune(h, '两') {
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

// hanHeadingUnits are the units a 第X heading numbers, longest first.
// 编, 部分 and 篇 are parts (books); 款, 项 and 目 are the units below an
// article (PRC laws: 条 款 项 目 = Article, paragraph, subparagraph, item;
// Taiwan laws: 條 項 款 目 = Article, paragraph, subparagraph, item), so they
// share one unit, "clause".
var hanHeadingUnits = []struct {
	unit, name string
	level      int
	style      Style
}{
	{"部分", "part", 1, StylePartHan}, {"编", "part", 1, StylePartHan}, {"篇", "part", 1, StylePartHan},
	{"章", "chapter", 1, StyleChapterHan}, {"节", "section", 2, StyleSectionHan},
	{"条", "article", 2, StyleArticleHan},
	{"款", "clause", 3, StyleClauseHan}, {"项", "clause", 3, StyleClauseHan}, {"目", "clause", 3, StyleClauseHan},
}

// skipBlanks returns the offset after any blanks at i.
func skipBlanks(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isBlank(r) {
			break
		}
		i += size
	}
	return i
}

// hanNumberAt reads a heading number in digits or Chinese numerals at j.
func hanNumberAt(s string, j int) (int, int, bool) {
	r, _ := utf8.DecodeRuneInString(s[j:])
	switch {
	case isDigit(r):
		v, e, ok := scanDigits(s, j)
		return v, e, ok && v >= 1 && v <= maxArticle
	case isHanNumeral(r):
		e := scanHan(s, j)
		v, ok := parseHan(s[j:e])
		if !ok || v < 1 || v > maxArticle || strings.ContainsRune(s[j:e], '两') {
			return 0, 0, false
		}
		return int(v), e, true
	}
	return 0, 0, false
}

// matchDi reads 第 + number + unit (第三条, 第3章, 第 1 條, 第 五 章), an
// inserted unit (第十條之一, 第 15-1 條, 第 1 條之 1), or the ordinal 第一， .
func matchDi(s string, i, size int, p pos) (Enumerator, bool) {
	j := skipBlanks(s, i+size)
	val, end, ok := hanNumberAt(s, j)
	if !ok {
		return Enumerator{}, false
	}
	sub := 0
	if h, hs := utf8.DecodeRuneInString(s[end:]); (h == '-' || h == '－') && isDigit(nextRune(s, end+hs)) {
		if v, e, ok := scanDigits(s, end+hs); ok && v >= 1 && v < val {
			sub, end = v, e // 第 15-1 條; but 第 12-14 條 is a range
		}
	}
	k := skipBlanks(s, end)
	rest := s[k:]
	if unitAt(rest) == "" {
		// 第 5、6 條, 第 3、9、12～14 條: a list whose unit follows its last
		// number; this is its first member
		if ms := listMembers(s, Enumerator{Start: i, End: end}); len(ms) > 0 {
			last := ms[len(ms)-1]
			for _, u := range hanHeadingUnits {
				if strings.HasSuffix(last.Text, u.unit) {
					return Enumerator{Value: val, Style: u.style, Level: u.level, Text: s[i:end], Start: i, End: end, Sub: sub, Unit: u.name}, true
				}
			}
		}
	}
	for _, u := range hanHeadingUnits {
		if !strings.HasPrefix(rest, u.unit) {
			continue
		}
		e := k + len(u.unit)
		if u.name == "clause" && !clauseHeading(s, i, e) {
			return Enumerator{}, false
		}
		if sub == 0 {
			// 第十條之一, 第 1 條之 1
			if a := skipBlanks(s, e); strings.HasPrefix(s[a:], "之") {
				if v, e2, ok := hanNumberAt(s, skipBlanks(s, a+len("之"))); ok && v <= maxEnum {
					sub, e = v, e2
				}
			}
		}
		en := Enumerator{Value: val, Style: u.style, Level: u.level, Text: s[i:e], Start: i, End: e, Sub: sub, Unit: u.name}
		return en, true
	}
	c, csize := utf8.DecodeRuneInString(s[end:])
	if (c == '，' || c == ',') && p.sentence() && val <= maxEnum && sub == 0 && !isBlank(nextRune(s, i+size)) {
		return mk(s, i, end+csize, val, StyleOrdinalWord, 0)
	}
	return Enumerator{}, false
}

// clauseHeading decides whether 第X款, 第X项 or 第X目 (units that are also
// measure words: 第一项任务 "the first task", 项目 "project") is a
// heading: it is when a blank, punctuation or the end follows, or when it
// continues a reference to a larger unit (第十条第一款, 第一款第二项).
func clauseHeading(s string, start, end int) bool {
	next := nextRune(s, end)
	if next == 0 || isBlank(next) || !isHan(next) && !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return true
	}
	prev := prevRune(s, start)
	return prev == '条' || prev == '款' || prev == '项' || prev == '之'
}

func nextRune(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
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
	if en, ok := matchDecimal(s, i, e, p); ok {
		return en, true
	}
	switch c {
	case '.', '．':
		inline := p.prev == ' ' && strings.ContainsRune(";:", p.prevNS) && capitalFollows(s[after:])
		if !p.cjkStop() && !inline || !digitDotFollow(s[after:]) && !(p.line && lowerWordFollows(s[after:])) {
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

// lowerWordFollows reports a lower-case word of two letters or more right
// after "1." at a line start: "1.more than half of …" is a list item as
// typed, "1.x" is not.
func lowerWordFollows(rest string) bool {
	n := 0
	for n < len(rest) && rest[n] >= 'a' && rest[n] <= 'z' {
		n++
	}
	if n == 1 && strings.HasPrefix(rest[1:], " ") && len(rest) > 2 && rest[2] >= 'a' && rest[2] <= 'z' {
		return true // "9.a copy of the approval"
	}
	return n >= 2 && (n == len(rest) || !isDigit(rune(rest[n])) && rest[n] != '.')
}

// stems are the ten Heavenly Stems, which number lists in Chinese laws and
// official documents below (一) and 1.: 甲、乙、丙、丁.
const stems = "甲乙丙丁戊己庚辛壬癸"

// isStem reports whether r is one of stems: a switch rather than a search
// of the string, since matchAt asks it of most Han characters of a text.
func isStem(r rune) bool {
	switch r {
	case '甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸':
		return true
	}
	return false
}

// matchStem reads 甲、 … 癸、 (and （甲）) at a line start or after clause
// punctuation; not inside words (甲方, 甲级).
func matchStem(s string, i int, p pos) (Enumerator, bool) {
	if !p.list() && !p.cjkStop() {
		return Enumerator{}, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	c, csize := utf8.DecodeRuneInString(s[i+size:])
	if c != '、' && c != '．' && c != '.' {
		return Enumerator{}, false
	}
	v := strings.IndexRune(stems, r)/len("甲") + 1
	return mk(s, i, i+size+csize, v, StyleStem, 3)
}

// matchHanComma reads 一、 … 九十九、; at the start of a line also 一 followed
// by blanks (一　每縣市…, 六  省農林…: Taiwan laws set list items so); and
// the ordinal words 一是, 二是 after clause punctuation.
func matchHanComma(s string, i int, p pos) (Enumerator, bool) {
	if en, ok := matchHanShi(s, i, p); ok {
		return en, true
	}
	if !p.boundary() {
		return Enumerator{}, false // 统一、
	}
	e := scanHan(s, i)
	v, ok := hanEnumValue(s[i:e])
	if !ok {
		return Enumerator{}, false
	}
	c, csize := utf8.DecodeRuneInString(s[e:])
	if isBlank(c) && p.line {
		// a numeral, an ideographic space or two blanks, then Chinese
		// text that is not a number: 一　每縣市, 六  省農林; a single ASCII
		// space is how word-segmented corpora write 一 带 一 路
		k := skipBlanks(s, e)
		if c != '\u3000' && k-e < 2 {
			return Enumerator{}, false
		}
		n := nextRune(s, k)
		if !isHan(n) {
			return Enumerator{}, false
		}
		if isHanNumeral(n) {
			// 九  二省以上之交通 is item 9; 三  四 would list numbers
			if w, ok := hanEnumValue(s[k:scanHan(s, k)]); !ok || w == v+1 {
				return Enumerator{}, false
			}
		}
		return mk(s, i, e, v, StyleHanComma, 1)
	}
	if c != '、' {
		return Enumerator{}, false
	}
	if n, _ := utf8.DecodeRuneInString(s[e+csize:]); isHanNumeral(n) {
		// 三、四月份 and 一、二年级 list numbers ("March and April"); a
		// line may still open with 二、二级机关 (item 2: second-level …),
		// and 一、2023年 is a heading
		w, ok := hanEnumValue(s[e+csize : scanHan(s, e+csize)])
		if !p.line || ok && w == v+1 {
			return Enumerator{}, false
		}
	}
	return mk(s, i, e+csize, v, StyleHanComma, 1)
}

// matchHanShi reads the ordinal words 一是 … 十是 ("first", "second" …) at a
// line start or after clause punctuation: 一是加强领导，二是完善机制。
func matchHanShi(s string, i int, p pos) (Enumerator, bool) {
	if !(p.line || strings.ContainsRune("，；。：,;:", p.prevNS) && p.prev == p.prevNS) {
		return Enumerator{}, false
	}
	e := scanHan(s, i)
	if !strings.HasPrefix(s[e:], "是") {
		return Enumerator{}, false
	}
	v, ok := hanEnumValue(s[i:e])
	if !ok || v > 20 {
		return Enumerator{}, false
	}
	if strings.HasPrefix(s[e+len("是"):], s[i:e]) {
		return Enumerator{}, false // 一是一，二是二 ("call a spade a spade")
	}
	return mk(s, i, e+len("是"), v, StyleOrdinalWord, 0)
}

// englishHeadings are the English words that open a numbered heading, with
// their unit, level and style. Words are matched capitalised or in capitals;
// the clause words (paragraph, subparagraph, item, clause), which running
// text writes in lower case ("paragraph 1 of Article 10"), in lower case
// too. abbr marks an abbreviation written with a dot: "Sec. 2", "Art. 5".
var englishHeadings = map[string]struct {
	unit  string
	level int
	style Style
	abbr  bool
}{
	"article": {"article", 2, StyleArticle, false}, "art": {"article", 2, StyleArticle, true},
	"chapter": {"chapter", 1, StyleChapter, false}, "chap": {"chapter", 1, StyleChapter, true},
	"section": {"section", 2, StyleSection, false}, "sec": {"section", 2, StyleSection, true},
	"part": {"part", 1, StylePart, false}, "book": {"part", 1, StylePart, false},
	"paragraph": {"clause", 3, StyleClause, false}, "para": {"clause", 3, StyleClause, true},
	"subparagraph": {"clause", 3, StyleClause, false}, "item": {"clause", 3, StyleClause, false},
	"clause": {"clause", 3, StyleClause, false}, "subsection": {"clause", 3, StyleClause, false},
	// plurals open a list of references: "Articles 107, 108 and 110"
	"articles": {"article", 2, StyleArticle, false}, "chapters": {"chapter", 1, StyleChapter, false},
	"sections": {"section", 2, StyleSection, false}, "parts": {"part", 1, StylePart, false},
	"paragraphs": {"clause", 3, StyleClause, false}, "subparagraphs": {"clause", 3, StyleClause, false},
	"items": {"clause", 3, StyleClause, false}, "clauses": {"clause", 3, StyleClause, false},
}

// headingShape lets through every key of englishHeadings: matchLatin asks
// it of every English word before lower-casing the word and looking it up,
// which most words (the, of, government) would fail anyway.
var headingShape = newWordFilter(mapKeys(englishHeadings))

// wordFilter is a cheap necessary condition for an ASCII word to be, once
// lower-cased, one of a set of words: a bit for each length (15 standing
// for 15 and more), first byte and last byte that some word of the set
// has, bytes compared without case. A map lookup hashes the whole word and
// compares it; this reads one bit, and refuses most words of running text.
type wordFilter struct {
	bits [16 * 32 * 32 / 64]uint64
}

func newWordFilter(words []string) *wordFilter {
	f := new(wordFilter)
	for _, w := range words {
		k := wordFilterIndex(w)
		f.bits[k/64] |= 1 << (k % 64)
	}
	return f
}

// may is false when word, lower-cased, is none of the filter's words.
func (f *wordFilter) may(word string) bool {
	k := wordFilterIndex(word)
	return f.bits[k/64]&(1<<(k%64)) != 0
}

func wordFilterIndex(w string) uint {
	if w == "" {
		return 0
	}
	// the classes from a table, which keeps this function and may small
	// enough for the compiler to inline them where every word is filtered
	return uint(min(len(w), 15))<<10 | uint(byteClasses[w[0]])<<5 | uint(byteClasses[w[len(w)-1]])
}

// byteClasses holds byteClass of every byte (TestByteClasses).
var byteClasses = func() (t [256]uint8) {
	for c := range 256 {
		t[c] = uint8(byteClass(byte(c)))
	}
	return t
}()

// byteClass is 0–25 for a letter of either case, 26–31 for other bytes.
func byteClass(c byte) uint {
	if l := c | 0x20; 'a' <= l && l <= 'z' {
		return uint(l - 'a')
	}
	return 26 + uint(c)%6
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12,
	"firstly": 1, "secondly": 2, "thirdly": 3, "fourthly": 4, "fifthly": 5,
	"sixthly": 6, "seventhly": 7, "eighthly": 8, "ninthly": 9, "tenthly": 10,
}

// maxHeadingWord and maxOrdinalWord are the lengths of the longest keys of
// englishHeadings and ordinalWords (TestLongestWords): a word is lower-cased
// into an array of that size to be looked up, not into a new string.
const (
	maxHeadingWord = len("subparagraphs")
	maxOrdinalWord = len("seventhly")
)

// appendLowerASCII appends word lower-cased, as strings.ToLower does for
// ASCII text, which is all a caller gives it.
func appendLowerASCII(b []byte, word string) []byte {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
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
	for e < len(s) && isASCIILetter(rune(s[e])) {
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
	if headingShape.may(word) {
		if en, ok := matchEnglishHeading(s, i, e, word); ok {
			return en, true
		}
	}
	if en, ok := matchOrdinalWord(s, i, e, word, p); ok {
		return en, true
	}
	// a label is followed by one of these, which most words are not: the
	// cheap test first
	c, csize := utf8.DecodeRuneInString(s[e:])
	switch c {
	case ')', '）', '.', '．', '、':
	default:
		return Enumerator{}, false
	}
	v, level, ok := romanOrLetter(word)
	if !ok {
		return Enumerator{}, false
	}
	style := StyleLetter
	if isRomanWord(word) {
		style = StyleRoman
	}
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
		// II.加强, and IV.Violate as typed in a list
		return r >= utf8.RuneSelf && !strings.ContainsRune("．。，、", r) || lenient && r >= 'A' && r <= 'Z'
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
	var buf [maxHeadingWord]byte
	if len(word) > len(buf) {
		return Enumerator{}, false // longer than every heading word
	}
	h, ok := englishHeadings[string(appendLowerASCII(buf[:0], word))]
	if !ok {
		return Enumerator{}, false
	}
	low := strings.ToLower(word)
	capital := word[1:] == low[1:] && word[0] >= 'A' && word[0] <= 'Z'
	plural := strings.HasSuffix(low, "s") && low != "items" || low == "items"
	if !(capital || word == strings.ToUpper(word) && len(word) > 1 || (h.unit == "clause" || plural) && word == low) {
		return Enumerator{}, false
	}
	j := e
	if h.abbr {
		if j >= len(s) || s[j] != '.' {
			return Enumerator{}, false // "Art" and "Sec" only as "Art." and "Sec."
		}
		j++
	}
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k == j && !h.abbr || k >= len(s) {
		return Enumerator{}, false
	}
	j = k
	var val, end int
	sub := 0
	if isDigit(rune(s[j])) {
		v, ne, ok := scanDigits(s, j)
		if !ok || v < 1 || v > maxArticle {
			return Enumerator{}, false
		}
		val, end = v, ne
		if end+1 < len(s) && s[end] == '.' && isDigit(rune(s[end+1])) {
			// Article 6.1, Paragraph 5.1, Section 22.1: paragraph 1 of
			// Article 6, 5 or 22, as some translations write it; Leading
			// takes none of these as a heading
			_, ne, _ := scanDigits(s, end+1)
			end = ne
		}
		if end+1 < len(s) && s[end] == '-' && isDigit(rune(s[end+1])) {
			// Article 15-1: an inserted article
			if v2, ne2, ok := scanDigits(s, end+1); ok && v2 >= 1 && v2 < val {
				sub, end = v2, ne2 // but "Articles 12-14" is a range
			}
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
	return Enumerator{Value: val, Style: h.style, Level: h.level, Text: s[i:end], Start: i, End: end, Sub: sub, Unit: h.unit}, true
}

func matchOrdinalWord(s string, i, e int, word string, p pos) (Enumerator, bool) {
	// the tests on the word first: they are cheaper than the one on what
	// precedes it, and most words fail them
	if len(word) < 4 || !unicode.IsUpper(rune(word[0])) || !p.sentence() {
		return Enumerator{}, false
	}
	var buf [maxOrdinalWord]byte
	if len(word) > len(buf) {
		return Enumerator{}, false // longer than every ordinal word
	}
	low := appendLowerASCII(buf[:0], word)
	v, ok := ordinalWords[string(low)]
	if ok && word[1:] != string(low[1:]) {
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

// listSeps separate the numbers of a list of references: "Articles 5, 6
// and 8", "第 3、9、12～14 條".
var listSeps = []string{", and ", ", or ", ", ", ",", " and ", " or ", " to ", " through ", " & ",
	"、", "，", "及", "和", "与", "或", "至", "到", "～", "~", "－", "-", "–", "—"}

// listMembers reads the further numbers of a list that a heading opens
// ("Articles 107, 108 and 110"; 第 3、9、12～14 條, whose unit follows the
// last number), each as an Enumerator of the heading's unit. For a Chinese
// list the last member's span takes in the unit.
func listMembers(s string, e Enumerator) []Enumerator {
	var out []Enumerator
	j := e.End
	zh := strings.HasPrefix(s[e.Start:], "第")
	for len(out) < maxEnum {
		k := -1
		if zh {
			j = skipBlanks(s, j)
		}
		for _, sep := range listSeps {
			if strings.HasPrefix(s[j:], sep) {
				k = j + len(sep)
				break
			}
		}
		if k < 0 {
			break
		}
		if zh {
			k = skipBlanks(s, k)
			if strings.HasPrefix(s[k:], "第") {
				if unitAt(lastRune(s[e.Start:e.End])) != "" {
					break // 第五條、第六條: each its own heading
				}
				// 第 7、8 及第 10 條: the list goes on to the unit
				k = skipBlanks(s, k+len("第"))
			}
		}
		v, sub, end, ok := listNumber(s, k, zh)
		if !ok {
			break
		}
		out = append(out, Enumerator{Value: v, Sub: sub, Style: e.Style, Level: e.Level, Unit: e.Unit, Start: k, End: end, Text: s[k:end]})
		j = end
	}
	if zh && len(out) > 0 {
		last := &out[len(out)-1]
		k := skipBlanks(s, last.End)
		u := unitAt(s[k:])
		if u == "" {
			return nil
		}
		last.End = k + len(u)
		last.Text = s[last.Start:last.End]
	}
	return out
}

// listNumber reads a member of a list of references: digits (or, in
// Chinese, numerals) with an inserted unit's number: 15-1, 27-1, 十之一.
func listNumber(s string, k int, zh bool) (val, sub, end int, ok bool) {
	r := nextRune(s, k)
	switch {
	case isDigit(r):
		val, end, ok = scanDigits(s, k)
	case zh && isHanNumeral(r):
		val, end, ok = hanNumberAt(s, k)
	}
	if !ok || val < 1 || val > maxArticle {
		return 0, 0, 0, false
	}
	if h, hs := utf8.DecodeRuneInString(s[end:]); (h == '-' || h == '－') && isDigit(nextRune(s, end+hs)) {
		if v, e, ok2 := scanDigits(s, end+hs); ok2 && v <= maxEnum && !isDigit(nextRune(s, e)) {
			// 15-1 is an inserted article, but 12-14 a range: the second
			// number of a range is larger than the first
			if v < val {
				sub, end = v, e
			}
		}
	}
	if !zh && sub == 0 && nextRune(s, end) == '.' && isDigit(nextRune(s, end+1)) {
		// "Articles 6.1, 20.2": paragraph numbers, as after the heading
		_, e, _ := scanDigits(s, end+1)
		if n := nextRune(s, e); !isDigit(n) && n != '.' && !(n < utf8.RuneSelf && unicode.IsLetter(n)) &&
			!strings.HasPrefix(s[e:], " million") && !strings.HasPrefix(s[e:], " billion") {
			end = e
		}
	}
	if n := nextRune(s, end); n < utf8.RuneSelf && unicode.IsLetter(n) || n == '.' && isDigit(nextRune(s, end+1)) {
		return 0, 0, 0, false // 5G, 2.5 million
	}
	return val, sub, end, true
}

// unitAt returns the heading unit that opens rest, or "".
func unitAt(rest string) string {
	for _, u := range hanHeadingUnits {
		if strings.HasPrefix(rest, u.unit) {
			return u.unit
		}
	}
	return ""
}

// isLatinWord reports text that opens with an ASCII letter ("First,").
func isLatinWord(text string) bool {
	return text != "" && isASCIILetter(rune(text[0]))
}

// capitalFollows reports a space and a capital letter: an inline list item
// "…: 1. Contract employees; 2. Stationed police".
func capitalFollows(rest string) bool {
	return len(rest) >= 2 && rest[0] == ' ' && rest[1] >= 'A' && rest[1] <= 'Z'
}

// dottedNumber reports a heading numbered N.M ("Paragraph 4.2").
func dottedNumber(text string) bool {
	for i := 1; i+1 < len(text); i++ {
		if text[i] == '.' && isDigit(rune(text[i-1])) && isDigit(rune(text[i+1])) {
			return true
		}
	}
	return false
}

// matchDecimal reads a decimal outline number at a line start or right
// after a heading ("Article 5 5.1 A veterinarian …", "2.3 Scope", "3.2.1
// 一般规定"): two or three components, then a space and a capital letter or
// a Chinese character. Value is the last component, Level the depth.
func matchDecimal(s string, i, e int, p pos) (Enumerator, bool) {
	afterHeading := p.prev == ' ' && isDigit(p.prevNS)
	if !p.line && !afterHeading {
		return Enumerator{}, false
	}
	parts, k := 1, e
	v := 0
	for parts < 3 && k+1 < len(s) && s[k] == '.' && isDigit(rune(s[k+1])) {
		var ok bool
		v, k, ok = scanDigits(s, k+1)
		if !ok || v < 1 || v > maxEnum {
			return Enumerator{}, false
		}
		parts++
	}
	if parts < 2 || k < len(s) && (s[k] == '.' && k+1 < len(s) && isDigit(rune(s[k+1]))) {
		return Enumerator{}, false
	}
	rest := strings.TrimLeft(s[k:], " ")
	if len(rest) == len(s[k:]) || rest == "" {
		return Enumerator{}, false // "2.3" is a number unless a space and text follow
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !(r >= 'A' && r <= 'Z' || isHan(r)) {
		return Enumerator{}, false // "2.5 million", "1.5 hectares"
	}
	if afterHeading && !headingBefore(s, i) {
		return Enumerator{}, false
	}
	return mk(s, i, k, v, StyleDecimal, parts)
}

// headingBefore reports an English heading ("Article 5 ") right before i.
func headingBefore(s string, i int) bool {
	t := strings.TrimRight(s[:i], " ")
	j := len(t)
	for j > 0 && isDigit(rune(t[j-1])) {
		j--
	}
	w := strings.TrimRight(t[:j], " ")
	k := strings.LastIndexByte(w, ' ') + 1
	_, ok := englishHeadings[strings.ToLower(w[k:])]
	return ok && j < len(t)
}

// Series names the numbering series an enumerator belongs to, for a check
// of sequences: its Style, with letters and Roman numerals split by case,
// since (a) (b) and (A) (B), or I. II. and (i) (ii), are two series (in
// American drafting, subsections and subparagraphs).
func (e Enumerator) Series() string {
	name := e.Style.String()
	if e.Style == StyleLetter || e.Style == StyleRoman {
		for _, r := range e.Text {
			if isASCIILetter(r) {
				if r >= 'A' && r <= 'Z' {
					return name + "-upper"
				}
				return name + "-lower"
			}
		}
	}
	return name
}
