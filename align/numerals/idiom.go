package numerals

import (
	"strings"
	"unicode/utf8"
)

// Numerals inside fixed expressions are not figures. Chinese has thousands
// of four-character idioms built on two numerals in the frame 数X数Y
// (四面八方 "everywhere", 五湖四海 "all corners of the land", 三心二意
// "half-hearted", 三番五次 "again and again", 一心一意 "wholeheartedly"): the
// numerals count nothing and no translation renders them. A four-character
// run of that frame is an idiom unless both X and Y are measure words,
// which keeps the counts 两年一次 ("once every two years"), 三省一市 ("three
// provinces and one city") and 五年一届.

// dropIdioms removes the numbers that lie inside a 数X数Y idiom.
func dropIdioms(s string, ns []Number) []Number {
	if len(ns) == 0 {
		return ns
	}
	out := ns[:0]
	for _, n := range ns {
		if inNumeralIdiom(s, n.Start, n.End) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// inNumeralIdiom reports whether the span start:end lies inside a
// four-character 数X数Y idiom, trying each frame that covers it.
func inNumeralIdiom(s string, start, end int) bool {
	if end-start > 3*len("一") || !utf8.ValidString(s[start:end]) {
		return false // an idiom's numeral is one character; 两个 would be two
	}
	// The span holds one or two runes; try frames starting at most three
	// runes before it.
	from := start
	for k := 0; k < 3 && from > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
	}
	for i := from; i <= start; {
		if idiomAt(s, i) && i+4*3 >= end {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return false
}

// idiomAt reports a 数X数Y frame of four Han characters at byte offset i,
// not inside a longer run of numerals.
func idiomAt(s string, i int) bool {
	var rs [4]rune
	j := i
	for k := 0; k < 4; k++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if size != 3 || !isHan(r) {
			return false
		}
		rs[k] = r
		j += size
	}
	if !idiomNumeral(rs[0]) || !idiomNumeral(rs[2]) || isHanNumeral(rs[1]) || isHanNumeral(rs[3]) {
		return false
	}
	if p := prevRune(s, i); isHanNumeral(p) || isDigit(p) || p == '第' {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); isHanNumeral(r) || isDigit(r) {
		return false
	}
	if strings.ContainsRune(idiomNotX, rs[1]) {
		return false // 一点五, 三至五年, 五比一, 九成九: numbers, not an idiom
	}
	x, y := string(rs[1]), string(rs[3])
	return !(isMeasureRune(x) && isMeasureRune(y))
}

// idiomNotX are the characters that join two numerals into a number, a
// range, a ratio or a sum.
const idiomNotX = "点比成分至到或和与及乘除加减又多余几之半对"

// idiomNumeral: the numerals that open the halves of a 数X数Y idiom.
func idiomNumeral(r rune) bool {
	return strings.ContainsRune("一二两三四五六七八九十百千万", r)
}

// isMeasureRune reports a one-character measure word or unit.
func isMeasureRune(m string) bool {
	for _, w := range zhMeasures {
		if w == m {
			return true
		}
	}
	return false
}

// markQuoted flags numbers inside a short quotation (at most ten runes
// between the marks) as part of a name: “十三五”, “两个一百年”, 《2022年报告》.
func markQuoted(s string, ns []Number) {
	for i := range ns {
		if quotedName(s, ns[i].Start, ns[i].End) {
			ns[i].Read |= ReadName
		}
	}
}

var quotePairs = map[rune]rune{'“': '”', '「': '」', '『': '』', '《': '》', '〈': '〉', '‘': '’'}

const maxNameRunes = 10

// quotedName reports a span enclosed in a pair of quotation marks or title
// marks with at most maxNameRunes runes inside.
func quotedName(s string, start, end int) bool {
	// look left for an opening mark
	open, j := rune(0), start
	for k := 0; k <= maxNameRunes && j > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if _, ok := quotePairs[r]; ok {
			open = r
			break
		}
		if isClosingQuote(r) || r == '\n' {
			return false
		}
		j -= size
	}
	if open == 0 {
		return false
	}
	closeR := quotePairs[open]
	inside := utf8.RuneCountInString(s[j:start])
	for k := end; k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		if r == closeR {
			return inside+utf8.RuneCountInString(s[start:k]) <= maxNameRunes
		}
		if r == '\n' || r == '。' {
			return false
		}
		k += size
		if utf8.RuneCountInString(s[start:k]) > maxNameRunes {
			return false
		}
	}
	return false
}

func isClosingQuote(r rune) bool {
	return strings.ContainsRune("”」』》〉’", r)
}

// Glosses looks a Chinese word up in a dictionary: the English words of its
// glosses (plain or stemmed) and whether it is a headword at all. A check
// builds one over the embedded CC-CEDICT lexicon (align/lexicon), which
// this package does not import:
//
//	lex := lexicon.Default()
//	gl := func(w string) ([]string, bool) {
//		ids := lex.Glosses(w)
//		if ids == nil {
//			return nil, false
//		}
//		ws := make([]string, len(ids))
//		for i, id := range ids {
//			ws[i] = lex.Word(id)
//		}
//		return ws, true
//	}
//	nums = numerals.WithoutFixedExpressions(text, numerals.Chinese(text), gl)
type Glosses func(word string) (words []string, ok bool)

// InFixedExpression reports whether a number read from a Chinese text lies
// inside a fixed expression: a dictionary headword of four to six
// characters around it whose glosses name no number (一天到晚 "all day
// long", 一年到头 "all year round", 一夜之间 "overnight", 三番五次 "again
// and again"). Its numerals count nothing, and a translation renders the
// expression, not the number. A headword whose glosses do name a number
// (二十四史 "the twenty-four histories", 四个全面) keeps its figure. Measured
// on CC-CEDICT: of its 1,451 four-character headwords holding a numeral,
// 885 have glosses without a number word (241 of the 459 marked as
// idioms); the others gloss literally ("lit. nine oxen and one hair") and
// are not caught.
func InFixedExpression(text string, n Number, glosses Glosses) bool {
	if glosses == nil || n.Start < 0 || n.End > len(text) || n.Start >= n.End {
		return false
	}
	// the run of Han characters around the number, at most five runes
	// each side
	lo := n.Start
	for k := 0; k < 5 && lo > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(text[:lo])
		if !isHan(r) {
			break
		}
		lo -= size
	}
	hi := n.End
	for k := 0; k < 5 && hi < len(text); k++ {
		r, size := utf8.DecodeRuneInString(text[hi:])
		if !isHan(r) {
			break
		}
		hi += size
	}
	run := []rune(text[lo:hi])
	// rune offsets of the number's first and last runes inside run
	first := utf8.RuneCountInString(text[lo:n.Start])
	last := first + utf8.RuneCountInString(text[n.Start:n.End]) - 1
	for size := 6; size >= 4; size-- {
		for a := max(0, first-size+1); a <= last && a+size <= len(run); a++ {
			w := string(run[a : a+size])
			if !strings.ContainsFunc(w, isHanNumeral) {
				continue
			}
			ws, ok := glosses(w)
			if ok && !anyNumberWord(ws) {
				return true
			}
		}
	}
	return false
}

// WithoutFixedExpressions returns ns without the numbers InFixedExpression
// finds inside fixed expressions of text (ns is reused).
func WithoutFixedExpressions(text string, ns []Number, glosses Glosses) []Number {
	out := ns[:0]
	for _, n := range ns {
		if !InFixedExpression(text, n, glosses) {
			out = append(out, n)
		}
	}
	return out
}

func anyNumberWord(ws []string) bool {
	for _, w := range ws {
		if IsNumberWord(w) {
			return true
		}
	}
	return false
}

// numberWords are English number words and their Snowball stems, as the
// embedded lexicon stores glosses.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "twelv": true,
	"thirteen": true, "fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true,
	"eighteen": true, "nineteen": true, "twenty": true, "twenti": true, "thirty": true, "thirti": true,
	"forty": true, "forti": true, "fifty": true, "fifti": true, "sixty": true, "sixti": true,
	"seventy": true, "seventi": true, "eighty": true, "eighti": true, "ninety": true, "nineti": true,
	"hundred": true, "hundr": true, "thousand": true, "million": true, "billion": true, "trillion": true,
	"myriad": true, "dozen": true, "score": true, "first": true, "second": true, "third": true,
	"fourth": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true,
	"tenth": true, "twice": true, "thrice": true, "double": true, "doubl": true, "triple": true,
	"tripl": true, "single": true, "singl": true, "half": true, "quarter": true, "both": true,
	"pair": true, "centuri": true, "century": true, "decad": true, "decade": true,
}

// IsNumberWord reports an English word (or its Snowball stem) that names a
// number: "two", "twenti", "hundr", "thousand", "twice", "1990".
func IsNumberWord(w string) bool {
	w = strings.ToLower(w)
	if numberWords[w] || numberWords[strings.TrimSuffix(w, "s")] {
		return true
	}
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}
