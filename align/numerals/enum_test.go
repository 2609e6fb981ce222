package numerals

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLeading(t *testing.T) {
	tests := []struct {
		in    string
		text  string // "" means no enumerator
		value int
		style Style
		level int
	}{
		// Chinese, parenthesised
		{"(一)推进国家安全体系", "(一)", 1, StyleParenHan, 2},
		{"（三）以政治安全为根本", "（三）", 3, StyleParenHan, 2},
		{"(十一)建设更高水平的平安中国", "(十一)", 11, StyleParenHan, 2},
		{"（十二）以新安全格局", "（十二）", 12, StyleParenHan, 2},
		{"(二十)完善", "(二十)", 20, StyleParenHan, 2},
		{"（二十一）加强", "（二十一）", 21, StyleParenHan, 2},
		{"(九十九)末项", "(九十九)", 99, StyleParenHan, 2},
		{"（一百零五）长清单", "（一百零五）", 105, StyleParenHan, 2},
		{"(一）混合括号", "(一）", 1, StyleParenHan, 2},
		{"  \u3000（四）前有全角空格", "（四）", 4, StyleParenHan, 2},
		// Chinese, 一、
		{"一、充分认识重大意义", "一、", 1, StyleHanComma, 1},
		{"三、认真落实重点任务", "三、", 3, StyleHanComma, 1},
		{"十、其他", "十、", 10, StyleHanComma, 1},
		{"十二、附则", "十二、", 12, StyleHanComma, 1},
		{"二十、附件", "二十、", 20, StyleHanComma, 1},
		// Chinese, 第X条 etc.
		{"第一条　为了维护国家安全", "第一条", 1, StyleArticleHan, 2},
		{"第十二条 国家建立", "第十二条", 12, StyleArticleHan, 2},
		{"第一百零五条 附则", "第一百零五条", 105, StyleArticleHan, 2},
		{"第三章 法律责任", "第三章", 3, StyleChapterHan, 1},
		{"第二节 一般规定", "第二节", 2, StyleSectionHan, 2},
		{"第一部分 总体要求", "第一部分", 1, StylePartHan, 1},
		{"第3条 本法自公布之日起施行", "第3条", 3, StyleArticleHan, 2},
		{"第二编 物权", "第二编", 2, StylePartHan, 1},
		// Chinese ordinal words
		{"第一，坚持党的领导。", "第一，", 1, StyleOrdinalWord, 0},
		{"第二,完善体系", "第二,", 2, StyleOrdinalWord, 0},
		{"其一，要加强", "其一，", 1, StyleOrdinalWord, 0},
		{"其三，要完善", "其三，", 3, StyleOrdinalWord, 0},
		{"首先，要明确", "首先，", 1, StyleOrdinalWord, 0},
		{"其次，要落实", "其次，", 2, StyleOrdinalWord, 0},
		// digits
		{"(1) Modernizing the national security system", "(1)", 1, StyleParenDigit, 2},
		{"(12) Use the new security pattern", "(12)", 12, StyleParenDigit, 2},
		{"（1）加强领导", "（1）", 1, StyleParenDigit, 2},
		{"（１）全角数字", "（１）", 1, StyleParenDigit, 2},
		{"（１２）全角", "（１２）", 12, StyleParenDigit, 2},
		{"1. Introduction", "1.", 1, StyleDigitDot, 2},
		{"12. Final provisions", "12.", 12, StyleDigitDot, 2},
		{"1.加强领导", "1.", 1, StyleDigitDot, 2},
		{"2、完善机制", "2、", 2, StyleDigitDot, 2},
		{"3) the third item", "3)", 3, StyleDigitDot, 2},
		{"４．全角句点", "４．", 4, StyleDigitDot, 2},
		{"5）中文括号", "5）", 5, StyleDigitDot, 2},
		{"200. last allowed", "200.", 200, StyleDigitDot, 2},
		{"⑴ 带括号的数字字符", "⑴", 1, StyleParenDigit, 2},
		{"⒊ 带点的数字字符", "⒊", 3, StyleDigitDot, 2},
		{"1.", "1.", 1, StyleDigitDot, 2},
		// circled
		{"①坚持系统观念", "①", 1, StyleCircled, 3},
		{"⑩ 第十项", "⑩", 10, StyleCircled, 3},
		{"⑳最后", "⑳", 20, StyleCircled, 3},
		{"㉑ 二十一", "㉑", 21, StyleCircled, 3},
		{"㊿ fifty", "㊿", 50, StyleCircled, 3},
		// Roman
		{"I. Fully understand the significance", "I.", 1, StyleRoman, 1},
		{"II. Accurately grasp the general requirements", "II.", 2, StyleRoman, 1},
		{"III. Earnestly implement", "III.", 3, StyleRoman, 1},
		{"IV. Conclusion", "IV.", 4, StyleRoman, 1},
		{"IX. Annex", "IX.", 9, StyleRoman, 1},
		{"XIV. More", "XIV.", 14, StyleRoman, 1},
		{"XXXIX. Thirty-nine", "XXXIX.", 39, StyleRoman, 1},
		{"XL. Forty", "XL.", 40, StyleRoman, 1},
		{"iv) fourth", "iv)", 4, StyleRoman, 3},
		{"ii. second", "ii.", 2, StyleRoman, 3},
		{"(iii) third", "(iii)", 3, StyleRoman, 3},
		{"(IV) upper in parens", "(IV)", 4, StyleRoman, 1},
		{"(i) first", "(i)", 1, StyleRoman, 3},
		{"Ⅱ、罗马数字字符", "Ⅱ、", 2, StyleRoman, 1},
		{"ⅲ. small roman character", "ⅲ.", 3, StyleRoman, 3},
		// letters
		{"(a) the first item", "(a)", 1, StyleLetter, 3},
		{"(c) the third item", "(c)", 3, StyleLetter, 3},
		{"（b）中文括号字母", "（b）", 2, StyleLetter, 3},
		{"b) second item", "b)", 2, StyleLetter, 3},
		{"A. Background", "A.", 1, StyleLetter, 3},
		{"B. Scope", "B.", 2, StyleLetter, 3},
		{"(A) upper", "(A)", 1, StyleLetter, 3},
		{"C. 中文标题", "C.", 3, StyleLetter, 3},
		// English headings
		{"Article 1 This Law is formulated", "Article 1", 1, StyleArticle, 2},
		{"Article 12. The State", "Article 12", 12, StyleArticle, 2},
		{"Chapter 3 Legal Liability", "Chapter 3", 3, StyleChapter, 1},
		{"Section 2 General Rules", "Section 2", 2, StyleSection, 2},
		{"Part IV Annexes", "Part IV", 4, StylePart, 1},
		{"CHAPTER III GENERAL", "CHAPTER III", 3, StyleChapter, 1},
		{"Part One: Overview", "Part One", 1, StylePart, 1},
		{"Chapter I", "Chapter I", 1, StyleChapter, 1},
		// English ordinal words
		{"First, adhere to system concepts.", "First,", 1, StyleOrdinalWord, 0},
		{"Second, improve the mechanisms.", "Second,", 2, StyleOrdinalWord, 0},
		{"Firstly, we must", "Firstly,", 1, StyleOrdinalWord, 0},
		{"Thirdly: the rule of law", "Thirdly:", 3, StyleOrdinalWord, 0},
		{"Tenth, finally", "Tenth,", 10, StyleOrdinalWord, 0},
		{"First of all, adhere", "First of all,", 1, StyleOrdinalWord, 0},

		// near misses
		{"", "", 0, 0, 0},
		{"   ", "", 0, 0, 0},
		{"1. 4 billion people", "", 0, 0, 0},
		{"1.4 billion people", "", 0, 0, 0},
		{"2022. was a year", "", 0, 0, 0},
		{"2022年，人民群众满意度", "", 0, 0, 0},
		{"(2022) annual report", "", 0, 0, 0},
		{"（二〇二二）年度", "", 0, 0, 0},
		{"3.2 percent", "", 0, 0, 0},
		{"3.2. Subsection", "", 0, 0, 0},
		{"I think this is right.", "", 0, 0, 0},
		{"I am here", "", 0, 0, 0},
		{"A new era has begun", "", 0, 0, 0},
		{"A. B. Smith wrote", "", 0, 0, 0},
		{"J. K. Rowling wrote", "", 0, 0, 0},
		{"a. lower case then lower", "", 0, 0, 0},
		{"i.e. the same", "", 0, 0, 0},
		{"e.g. for example", "", 0, 0, 0},
		{"一些问题", "", 0, 0, 0},
		{"一直以来", "", 0, 0, 0},
		{"一带一路", "", 0, 0, 0},
		{"三、四月份雨水多", "", 0, 0, 0},
		{"1、3、5分钟快速响应", "", 0, 0, 0},
		{"第一要务", "", 0, 0, 0},
		{"第十九届", "", 0, 0, 0},
		{"第一次", "", 0, 0, 0},
		{"其他方面", "", 0, 0, 0},
		{"首先要明确", "", 0, 0, 0},
		{"(0) zero", "", 0, 0, 0},
		{"0. zero", "", 0, 0, 0},
		{"201. too big", "", 0, 0, 0},
		{"(201) too big", "", 0, 0, 0},
		{"(两)", "", 0, 0, 0},
		{"两、", "", 0, 0, 0},
		{"〇、", "", 0, 0, 0},
		{"(ab) two letters", "", 0, 0, 0},
		{"(IIII) bad roman", "", 0, 0, 0},
		{"VX. bad roman", "", 0, 0, 0},
		{"Part of the problem", "", 0, 0, 0},
		{"Section 2.3 applies", "", 0, 0, 0},
		{"Articles 3 and 4", "", 0, 0, 0},
		{"Firstborn, he was", "", 0, 0, 0},
		{"First steps", "", 0, 0, 0},
		{"first, lower case", "", 0, 0, 0},
		{"Ⅱ型糖尿病", "", 0, 0, 0},
		{"1st place", "", 0, 0, 0},
		{"10:30 meeting", "", 0, 0, 0},
		{"1,000 people", "", 0, 0, 0},
		{"COVID-19 prevention", "", 0, 0, 0},
		{"(", "", 0, 0, 0},
		{"(1", "", 0, 0, 0},
		{"（一", "", 0, 0, 0},
		{"CV. Curriculum", "", 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Leading(tt.in)
			if tt.text == "" {
				assert.False(t, ok, "unexpected enumerator %+v", got)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.text, got.Text)
			assert.Equal(t, tt.value, got.Value)
			assert.Equal(t, tt.style, got.Style, "style %s", got.Style)
			assert.Equal(t, tt.level, got.Level)
			assert.Equal(t, tt.in[got.Start:got.End], got.Text)
		})
	}
}

// format renders enumerators as "text=value/style" for compact expectations.
func format(es []Enumerator) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s=%d/%s", e.Text, e.Value, e.Style)
	}
	return strings.Join(parts, " ")
}

func TestAll(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", ""},
		{"要做到：(1) 加强领导；(2) 完善机制；(3) 落实责任。", "(1)=1/paren-digit (2)=2/paren-digit (3)=3/paren-digit"},
		{"包括（一）总则（二）分则", "（一）=1/paren-han （二）=2/paren-han"},
		{"根据第三条和第十二条的规定", "第三条=3/article-han 第十二条=12/article-han"},
		{"under Article 12 of the Law and Chapter III", "Article 12=12/article Chapter III=3/chapter"},
		{"一、总则\n二、分则\n三、附则", "一、=1/han-comma 二、=2/han-comma 三、=3/han-comma"},
		{"I. Intro\nII. Body\nIII. End", "I.=1/roman II.=2/roman III.=3/roman"},
		{"1. one\n2. two\n 3. three", "1.=1/digit-dot 2.=2/digit-dot 3.=3/digit-dot"},
		{"三项任务：1、加强领导；2、完善机制。", "1、=1/digit-dot 2、=2/digit-dot"},
		{"three steps: 1) plan, 2) act, 3) check", "1)=1/digit-dot 2)=2/digit-dot 3)=3/digit-dot"},
		{"options: a) stay, b) go", "a)=1/letter b)=2/letter"},
		{"①坚持②完善③落实", "①=1/circled ②=2/circled ③=3/circled"},
		{"He scored 3. Then he left.", ""},
		{"The total was 2022. Next year", ""},
		{"…than I. Then we", ""},
		{"see f(1) and word(s)", ""},
		{"(see 3) for details", ""},
		{"集中统一、协调高效", ""},
		{"大力推广社会面“1、3、5分钟”快速响应", ""},
		{"坚持安全第一，预防为主", ""},
		{"Since the 18th Party Congress", ""},
		{"about 1,200) people", ""},
		{"版本3.2)", ""},
		{"任务完成。2.加强监督", "2.=2/digit-dot"},
		{"完成。第二，加强监督", "第二，=2/ordinal-word"},
		{"It works. Second, it scales.", "Second,=2/ordinal-word"},
		{"the second, third and fourth", ""},
		{"Article 5(1) applies", "Article 5=5/article"},
		{"the Particle 3 model", ""},
		{"(一) 第一条 ① (a) Article 3", "(一)=1/paren-han 第一条=1/article-han ①=1/circled (a)=1/letter Article 3=3/article"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := All(tt.in)
			assert.Equal(t, tt.want, format(got))
			for _, e := range got {
				assert.Equal(t, tt.in[e.Start:e.End], e.Text)
			}
		})
	}
}

func TestSame(t *testing.T) {
	lead := func(s string) Enumerator {
		e, ok := Leading(s)
		require.True(t, ok, "no enumerator in %q", s)
		return e
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"(一)推进", "(1) Modernizing", true},
		{"（三）以", "(3) Treating", true},
		{"二、准确把握", "II. Accurately grasp", true},
		{"三、认真落实", "III. Earnestly", true},
		{"（三）以", "(c) third", true},
		{"（二）以", "(ii) second", true},
		{"一、总则", "(1) General", true},
		{"①坚持", "(a) adhere", true},
		{"①坚持", "(1) adhere", true},
		{"①坚持", "1. adhere", true},
		{"一、总则", "1. General", true},
		{"第十二条 国家", "Article 12 The State", true},
		{"第三章 法律责任", "Chapter 3 Legal", true},
		{"第三章 法律责任", "Chapter III Legal", true},
		{"第二节 一般规定", "Section 2 General", true},
		{"第一部分 总体", "Part I Overview", true},
		{"第一，坚持", "First, adhere", true},
		{"其二，要", "Secondly, we", true},
		{"第三章 法律责任", "Article 3 The", false},
		{"第三条 国家", "Section 3", true}, // Hong Kong, UK and US legislation: 第3条 = "section 3"
		{"第三节 国家", "Article 3", false},
		{"(一)推进", "(2) Modernizing", false},
		{"二、准确把握", "III. Earnestly", false},
		{"一、总则", "(a) General", false},
		{"一、总则", "First, general", true}, // a report's points open with "First,"
		{"①坚持", "First, general", false},
		{"1. General", "First, general", false},
		{"(一)推进", "First, general", true},
		{"(一)推进", "Second, general", false},
		{"①坚持", "I. Fully", false},
		{"II. Body", "(2) Item", false},
		{"I. Intro", "(a) Item", false},
		{"(1) one", "(a) one", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			a, b := lead(tt.a), lead(tt.b)
			assert.Equal(t, tt.want, Same(a, b), "%+v vs %+v", a, b)
			assert.Equal(t, tt.want, Same(b, a), "symmetric")
		})
	}
	assert.False(t, Same(Enumerator{}, Enumerator{}))
}

func TestStyleString(t *testing.T) {
	seen := map[string]bool{}
	for s := StyleNone; s <= StyleClause; s++ {
		name := s.String()
		assert.Equal(t, strings.ToLower(name), name)
		assert.False(t, seen[name], "duplicate %s", name)
		seen[name] = true
	}
	assert.Equal(t, "paren-han", StyleParenHan.String())
	assert.Equal(t, "none", Style(99).String())
	assert.Equal(t, "none", Style(-1).String())
}

func TestRomanValue(t *testing.T) {
	for n := 1; n <= maxEnum; n++ {
		r := toRoman(n)
		v, ok := romanValue(r)
		require.True(t, ok, r)
		assert.Equal(t, n, v, r)
		v, ok = romanValue(strings.ToLower(r))
		require.True(t, ok, r)
		assert.Equal(t, n, v)
	}
	for _, bad := range []string{"", "IIII", "VV", "IC", "XM", "IIX", "CCI"} {
		_, ok := romanValue(bad)
		assert.False(t, ok, bad)
	}
}

func checkSpans(t *testing.T, in string, es []Enumerator) {
	t.Helper()
	last := 0
	for _, e := range es {
		if e.Start < last || e.End <= e.Start || e.End > len(in) {
			t.Fatalf("bad span %d:%d (last %d) in %q", e.Start, e.End, last, in)
		}
		if in[e.Start:e.End] != e.Text {
			t.Fatalf("Text %q != input[%d:%d] %q", e.Text, e.Start, e.End, in[e.Start:e.End])
		}
		if e.Value < 1 || e.Style == StyleNone {
			t.Fatalf("bad enumerator %+v", e)
		}
		if utf8.ValidString(in) && !utf8.ValidString(e.Text) {
			t.Fatalf("span splits a rune: %+v", e)
		}
		last = e.End
	}
}

var enumSeeds = []string{
	"(一)推进国家安全", "一、充分认识", "第十二条 国家", "II. Accurately", "(1) Modernizing",
	"①坚持②完善", "Article 12 of", "First, adhere", "1. 4 billion", "（１）全角", "ⅲ. x",
	"要做到：(1) 加强；(2) 完善", "1、3、5分钟", "A. B. Smith", "Part IV", "第一，", "其二，",
	"\xff(\xfe", "(", "第", "CHAPTER ", "Section 2.", "⑴⒈㊿",
}

func FuzzLeading(f *testing.F) {
	for _, s := range enumSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		e, ok := Leading(in)
		if ok {
			checkSpans(t, in, []Enumerator{e})
			if strings.TrimLeftFunc(in[:e.Start], isSpace) != "" {
				t.Fatalf("leading enumerator %+v does not start the text %q", e, in)
			}
		}
	})
}

func FuzzAll(f *testing.F) {
	for _, s := range enumSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := All(in)
		checkSpans(t, in, got)
		if want := allEveryRune(in); !reflect.DeepEqual(got, want) {
			t.Fatalf("All(%q) = %v, trying every position gives %v", in, got, want)
		}
	})
}

// allEveryRune is All without its shortcut inside words: matchAt at every
// position. All must give the same.
func allEveryRune(text string) []Enumerator {
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
		default:
			p = pos{prev: r, prevNS: r}
		}
		i += size
	}
	return out
}

// TestHeadingShape: the cheap test before the heading lookup lets every
// heading word through, in lower case, capitalised and upper case.
func TestHeadingShape(t *testing.T) {
	for k := range englishHeadings {
		for _, w := range []string{k, strings.ToUpper(k[:1]) + k[1:], strings.ToUpper(k)} {
			if !headingShape.may(w) {
				t.Errorf("%q: the shape test refuses a heading word", w)
			}
		}
	}
	for _, w := range []string{"the", "government", "of", "x", "Subparagraphsss"} {
		if headingShape.may(w) {
			t.Errorf("%q: the shape test should refuse it", w)
		}
	}
}
