package numerals

import (
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// tradFold maps the traditional characters the scanners look for to their
// simplified forms. Every pair is two BMP Han characters, three bytes each
// in UTF-8, so folding keeps every byte offset: spans found in the folded
// text are spans of the original.
var tradFold = map[rune]rune{
	// numerals and magnitudes; the "capital" numerals of financial and
	// legal writing (壹 贰 叁 … 拾 佰 仟) read as the ordinary ones, except
	// 伍 陆 陸 參 参, which are common words (队伍, 大陆, 参加)
	'萬': '万', '億': '亿', '兩': '两',
	'壹': '一', '贰': '二', '貳': '二', '叁': '三', '肆': '四', '柒': '七', '捌': '八', '玖': '九',
	'拾': '十', '佰': '百', '仟': '千',
	// measure words and units
	'個': '个', '項': '项', '條': '条', '節': '节', '編': '编', '種': '种', '張': '张',
	'類': '类', '層': '层', '級': '级', '場': '场', '輪': '轮', '輛': '辆', '顆': '颗',
	'隻': '只', '頭': '头', '冊': '册', '組': '组', '隊': '队', '歲': '岁', '國': '国',
	'對': '对', '處': '处', '點': '点', '噸': '吨', '畝': '亩', '頃': '顷', '號': '号',
	'臺': '台', '筆': '笔', '間': '间', '區': '区', '鄉': '乡', '鎮': '镇', '縣': '县',
	'屆': '届', '會': '会', '紀': '纪', '週': '周', '禮': '礼', '時': '时', '鐘': '钟',
	'釐': '厘',
	// approximation and vague-magnitude words
	'約': '约', '將': '将', '過': '过', '於': '于', '餘': '余', '內': '内', '數': '数',
	'幾': '几', '為': '为', '長': '长', '員': '员', '績': '绩', '進': '进',
	// words that mark a heading as a cross-reference
	'規': '规', '與': '与',
	// Minguo years
	'華': '华',
}

// runeSet is a set of BMP runes, tested without hashing: fold and the
// scanners look at every rune of a text.
type runeSet [0x10000 / 64]uint64

func (rs *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && rs[r>>6]&(1<<(uint(r)&63)) != 0
}

// has3 is has of the rune a three-byte sequence encodes, from its bytes.
func (rs *runeSet) has3(a, b, c byte) bool {
	return rs[int(a&0x0f)<<6|int(b&0x3f)]&(1<<(c&0x3f)) != 0
}

// seq3 reports whether s holds a lead byte of three and two continuation
// bytes from i on (not whether they are a valid sequence).
func seq3(s string, i int) bool {
	return s[i]&0xf0 == 0xe0 && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80
}

func (rs *runeSet) add(r rune) {
	rs[r>>6] |= 1 << (uint(r) & 63)
}

func newRuneSet(chars string) *runeSet {
	rs := new(runeSet)
	for _, r := range chars {
		rs.add(r)
	}
	return rs
}

var tradSet = func() *runeSet {
	rs := new(runeSet)
	for r := range tradFold {
		rs.add(r)
	}
	return rs
}()

// foldRune returns the simplified form of a traditional character the
// scanners know, or r itself.
func foldRune(r rune) rune {
	if !tradSet.has(r) {
		return r
	}
	return tradFold[r]
}

// fold returns text with the traditional characters of tradFold replaced by
// their simplified forms; the result has the same length and offsets.
func fold(text string) string {
	i := 0
scan:
	for i < len(text) {
		// English: sixteen bytes at a time, two words to a test, then
		// eight. The sixteen are read from a slice whose length the
		// compiler knows, without bounds checks: stepping by eight alone
		// spent most of its instructions on them.
		for i+16 <= len(text) {
			s := text[i : i+16]
			if (lang.Load8(s)|lang.Load8(s[8:]))&0x8080808080808080 != 0 {
				break
			}
			i += 16
		}
		for i+8 <= len(text) && asciiWord(text[i:]) {
			i += 8
		}
		if i == len(text) {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if i+3 <= len(text) && seq3(text, i) {
			// Han, most of Chinese text: a run of three-byte sequences
			// in one loop, each looked up by its bytes (TestFoldBytes).
			// An overlong or surrogate one is three bytes that each
			// decode to U+FFFD, and its bits name no traditional
			// character either.
			for !tradSet.has3(text[i], text[i+1], text[i+2]) {
				if i += 3; i+3 > len(text) || !seq3(text, i) {
					continue scan
				}
			}
			break
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
	b.Grow(len(text))
	b.WriteString(text[:i])
	for _, r := range text[i:] {
		b.WriteRune(foldRune(r))
	}
	if b.Len() != len(text) {
		return text // invalid UTF-8 rewritten as U+FFFD: keep offsets
	}
	return b.String()
}

// asciiWord reports whether the first eight bytes of s are all ASCII.
func asciiWord(s string) bool {
	return lang.Load8(s)&0x8080808080808080 == 0
}

// decodeRune is utf8.DecodeRuneInString with the three-byte sequences of
// Chinese text decoded by a shorter way: the scanners decode every
// character of a text, some of them several times, and the standard
// function's general decoder was a quarter of what Chinese took. Same
// results on every input (TestDecodeRune).
func decodeRune(s string) (r rune, size int) {
	// written as utf8.DecodeRuneInString is, which the compiler inlines
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	} else {
		r, size = decodeMultiByte(s)
	}
	return
}

func decodeMultiByte(s string) (rune, int) {
	if r, ok := decode3(s); ok {
		return r, 3
	}
	return utf8.DecodeRuneInString(s)
}

// decode3 decodes a valid three-byte sequence at the start of s (not
// overlong, no surrogate): the characters of Chinese text. It is inlined
// where every character of a text is decoded.
func decode3(s string) (rune, bool) {
	if len(s) < 3 || s[0]&0xf0 != 0xe0 || s[1]&0xc0 != 0x80 || s[2]&0xc0 != 0x80 {
		return 0, false
	}
	r := rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f)
	return r, r >= 0x800 && (r < 0xd800 || r > 0xdfff)
}

// isBlank reports the spaces that may sit inside a Chinese number: ASCII,
// no-break and ideographic spaces (and tabs), which word-segmented corpora
// and typeset laws put around figures ("12 月 24 日", "第 1 條").
func isBlank(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u3000' || r == '\t'
}

// squeeze removes runs of blanks next to a Han character or a percent sign
// (but never between two Latin letters or two numerals), so that
// "第 1 條" reads as "第1條" and "近 300 万" as "近300万". back maps each
// byte of the result to its offset in s; back[len(result)] = len(s).
func squeeze(s string) (string, []int) {
	if strings.IndexByte(s, ' ') < 0 && strings.IndexByte(s, '\t') < 0 && !strings.Contains(s, "\u3000") && !strings.Contains(s, "\u00a0") {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	back := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		if isBlank(r) && i > 0 {
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isBlank(r2) {
					break
				}
				j += n
			}
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[j:])
			if j < len(s) && (squeezable(before) || squeezable(after)) &&
				!isLatinLetter(before) && !isLatinLetter(after) && !(isNumeralRune(before) && isDigitRune(after)) {
				i = j
				continue
			}
		}
		b.WriteString(s[i : i+size])
		for k := 0; k < size; k++ {
			back = append(back, i+k)
		}
		i += size
	}
	back = append(back, len(s))
	return b.String(), back
}

func squeezable(r rune) bool { return isHan(r) || r == '%' || r == '％' }

// isHan reports a CJK ideograph (the unified blocks and the compatibility
// block), enough to tell Chinese text from Latin and punctuation.
func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x4dbf || r >= 0x4e00 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff ||
		r >= 0x20000 && r <= 0x2ffff || r == '〇'
}

// unsqueeze maps the spans of numbers read from a squeezed text back to the
// original and refreshes their Text.
func unsqueeze(orig string, back []int, ns []Number) {
	if back == nil {
		return
	}
	for i := range ns {
		ns[i].Start = back[ns[i].Start]
		ns[i].End = back[ns[i].End-1] + 1
		// the last byte of a rune maps to the last byte of the same rune
		ns[i].Text = orig[ns[i].Start:ns[i].End]
	}
}

// inPlaceholder reports digits at i that are an inline tag placeholder of a
// translation memory or a message format, not a number: {1}, {/1}, {1/},
// %1, %1$s, <1>, </1>.
func inPlaceholder(s string, i int) bool {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return false
	}
	before := s[:i]
	after := s[j:]
	before = strings.TrimSuffix(before, "/")
	switch {
	case strings.HasSuffix(before, "{"):
		return strings.HasPrefix(after, "}") || strings.HasPrefix(after, "/}")
	case strings.HasSuffix(before, "<"):
		return strings.HasPrefix(after, ">") || strings.HasPrefix(after, "/>")
	case strings.HasSuffix(s[:i], "%") && !strings.HasSuffix(s[:i], "%%"):
		// %1 and %1$s, but not "50%1" (percent then a digit is not written)
		if len(s[:i]) >= 2 {
			if p := s[i-2]; p >= '0' && p <= '9' {
				return false
			}
		}
		return true
	}
	return false
}

// sciExponent reads a power of ten written after a mantissa at j:
// "E+11", "e-3" (glued), "×10^11", "× 10¹¹", and "×1011" where a
// superscript was flattened in copying (the digits after 10, at most two,
// are the exponent; flat is then true: a guess). It returns the exponent
// and the offset after it.
func sciExponent(s string, j int) (exp, end int, flat, ok bool) {
	if j < len(s) && (s[j] == 'E' || s[j] == 'e') {
		k := j + 1
		neg := false
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			neg = s[k] == '-'
			k++
		}
		e, end := 0, k
		for end < len(s) && end-k < 3 && s[end] >= '0' && s[end] <= '9' {
			e = e*10 + int(s[end]-'0')
			end++
		}
		if end == k || end < len(s) && (s[end] >= '0' && s[end] <= '9' || isLatinLetter(rune(s[end]))) {
			return 0, 0, false, false
		}
		if neg {
			e = -e
		}
		return e, end, false, true
	}
	k := j
	if k < len(s) && s[k] == ' ' {
		k++
	}
	r, size := utf8.DecodeRuneInString(s[k:])
	if r != '×' && r != '✕' && r != 'x' && r != 'X' && r != '*' {
		return 0, 0, false, false
	}
	k += size
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if !strings.HasPrefix(s[k:], "10") {
		return 0, 0, false, false
	}
	k += 2
	neg := false
	marked := false // ^ or superscript digits: not flattened
	switch {
	case strings.HasPrefix(s[k:], "^"):
		marked = true
		k++
		if k < len(s) && s[k] == '-' {
			neg = true
			k++
		}
	case strings.HasPrefix(s[k:], "⁻"):
		neg = true
		k += len("⁻")
	}
	e, digits := 0, 0
	for k < len(s) && digits < 3 {
		r, size := utf8.DecodeRuneInString(s[k:])
		d, ok := superDigit(r)
		if ok {
			marked = true
		} else {
			if r < '0' || r > '9' {
				break
			}
			d = int(r - '0')
		}
		e = e*10 + d
		digits++
		k += size
	}
	if digits == 0 || digits == 3 {
		return 0, 0, false, false // ×10 is "times ten"; three digits are no exponent
	}
	if neg {
		e = -e
	}
	return e, k, !marked, true
}

func superDigit(r rune) (int, bool) {
	switch r {
	case '⁰':
		return 0, true
	case '¹':
		return 1, true
	case '²':
		return 2, true
	case '³':
		return 3, true
	}
	if r >= '⁴' && r <= '⁹' {
		return int(r-'⁴') + 4, true
	}
	return 0, false
}

// isNumeralRune reports a digit or a Chinese numeral, isDigitRune a digit
// or a Chinese digit (not 十 百 千 万 亿): blanks before a digit separate
// two numbers (十  二省以上 is item 10, "two provinces"), blanks before a
// magnitude do not (近 300 万).
func isNumeralRune(r rune) bool { return isDigit(r) || isHanNumeral(r) }

func isDigitRune(r rune) bool {
	_, ok := hanDigit(r)
	return ok || isDigit(r)
}
