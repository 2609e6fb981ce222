package checks

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/numerals"
)

func TestChineseNumbers(t *testing.T) {
	for _, c := range []struct {
		in    string
		texts []string
		vals  []float64
	}{
		{"投资250万元", []string{"250万"}, []float64{2.5e6}},
		{"利比亚：12 月 24 日选举", []string{"12 月 24 日"}, []float64{1224}},
		{"登记了近 300 万的选民", []string{"近 300 万"}, []float64{3e6}},
		{"达近10 % 。", []string{"近10 %"}, []float64{10}},
		{"缩水至全国75万7千人", []string{"75万7千"}, []float64{757000}},
		{"1.2万个", []string{"1.2万"}, []float64{12000}},
		{"全国人民万众一心，共有3亿人", []string{"3亿"}, []float64{3e8}},
		{"4万多亿元", []string{"4万多亿"}, []float64{4e12}},
	} {
		ns := chineseNumbers(c.in)
		var texts []string
		var vals []float64
		for _, n := range ns {
			assert.Equal(t, c.in[n.Start:n.End], n.Text, c.in)
			texts = append(texts, n.Text)
			vals = append(vals, n.Value)
		}
		assert.Equal(t, c.texts, texts, c.in)
		assert.Equal(t, c.vals, vals, c.in)
	}
}

func TestMentioned(t *testing.T) {
	num := func(v float64, k numerals.Kind) numerals.Number { return numerals.Number{Value: v, Hi: v, Kind: k} }
	for _, c := range []struct {
		n     numerals.Number
		other string
		l     align.Lang
		want  bool
	}{
		{num(2021, numerals.KindYear), "The “Peaceful Rescue-2021” exercise", align.En, true},
		{num(48, numerals.KindCardinal), "Negative in 48h nucleic acid test", align.En, true},
		{num(14, numerals.KindOrdinal), "“十四五”实现良好开局", align.Zh, true},
		{num(100, numerals.KindCardinal), "从党的百年奋斗史中汲取奋进力量", align.Zh, true},
		{num(1992, numerals.KindYear), "国共的政治基础是“九二共识”", align.Zh, true},
		{num(100, numerals.KindCardinal), "celebrated the centenary of the Party", align.En, true},
		{num(1, numerals.KindCardinal), "take the test at least once", align.En, true},
		{num(1, numerals.KindCardinal), "at least one nucleic acid test", align.En, true},
		{num(32, numerals.KindCardinal), "representatives from many countries, 320 in all", align.En, false},
		{num(3, numerals.KindCardinal), "in these famous universities", align.En, false},
		{num(12, numerals.KindCardinal), "a dozen cities", align.En, true},
		{num(12, numerals.KindCardinal), "dozens of cities", align.En, true},
		// zero as a word, not inside a numeral
		{num(0, numerals.KindCardinal), "可降低溫度至攝氏零度以下之設備", align.Zh, true},
		{num(0, numerals.KindCardinal), "零增长", align.Zh, true},
		{num(0, numerals.KindCardinal), "共计一百零五人", align.Zh, false},
		{num(0, numerals.KindCardinal), "二〇二一年", align.Zh, false},
		{num(0, numerals.KindCardinal), "temperatures below zero", align.En, true},
		{num(0, numerals.KindCardinal), "temperatures below freezing", align.En, false},
		// digits read one by one in names of acts, events and rates
		{num(37.5, numerals.KindPercent), "不適用耕地三七五減租條例之規定", align.Zh, true},
		{num(98, numerals.KindPercent), "本公債按票面額九八發行", align.Zh, true},
		{num(98, numerals.KindPercent), "本公債按票面額九八五發行", align.Zh, false},
		{num(37.5, numerals.KindPercent), "第三七五條", align.Zh, true},
		{num(37.5, numerals.KindPercent), "三百七十五", align.Zh, false},
		{num(75, numerals.KindCardinal), "三七五", align.Zh, false},
		{num(12, numerals.KindCardinal), "十二", align.Zh, true},
		{num(12, numerals.KindCardinal), "一、二", align.Zh, false},
		{numerals.Number{Kind: numerals.KindDate, Date: &numerals.Date{Month: 8, Day: 23}}, "參加民國四十七年八二三臺海保衛戰役", align.Zh, true},
		{numerals.Number{Kind: numerals.KindDate, Date: &numerals.Date{Month: 9, Day: 18}}, "九一八事变", align.Zh, true},
		{numerals.Number{Kind: numerals.KindDate, Date: &numerals.Date{Month: 8, Day: 24}}, "參加八二三戰役", align.Zh, false},
		{numerals.Number{Kind: numerals.KindDate, Date: &numerals.Date{Year: 1958, Month: 8, Day: 23}}, "八二三戰役", align.Zh, false},
		// two neighbouring digits before a magnitude
		{num(20, numerals.KindCardinal), "許多家庭們努力工作了二、三十年", align.Zh, true},
		{num(300, numerals.KindCardinal), "来了三四百人", align.Zh, true},
		{num(20, numerals.KindCardinal), "两三十人", align.Zh, true},
		{num(30, numerals.KindCardinal), "三五十人", align.Zh, false},
		{num(20, numerals.KindCardinal), "二、四十年", align.Zh, false},
		// hours of a day as an idiom
		{num(24, numerals.KindCardinal), "under round-the-clock online monitoring", align.En, true},
		{num(24, numerals.KindCardinal), "monitored around the clock", align.En, true},
		{num(24, numerals.KindCardinal), "under constant online monitoring", align.En, false},
		// a magnitude as a mark
		{num(1e6, numerals.KindCardinal), "The number of patents passed the million mark", align.En, true},
		{num(1e6, numerals.KindCardinal), "The number of patents passed 3 million", align.En, false},
		// decades of an age
		{num(60, numerals.KindCardinal), "people there in their sixties and seventies", align.En, true},
		{num(60, numerals.KindCardinal), "people there in the 1960s", align.En, false},
		// a Roman numeral after a name
		{num(5, numerals.KindCardinal), "the power of the Saturn V rocket", align.En, true},
		{num(2, numerals.KindCardinal), "since World War II ended", align.En, true},
		{num(9, numerals.KindCardinal), "under Title IX of the act", align.En, true},
		{num(5, numerals.KindCardinal), "vitamin V", align.En, false},
		{num(4, numerals.KindCardinal), "Saturn IIII", align.En, false},
		{num(1, numerals.KindCardinal), "Then I said", align.En, false},
	} {
		assert.Equal(t, c.want, mentioned(c.n, c.other, c.l), "%v in %q", c.n.Value, c.other)
	}
}

func TestNumberHelpers(t *testing.T) {
	n := func(v, hi float64) numerals.Number { return numerals.Number{Value: v, Hi: hi} }
	assert.True(t, sameDigits(n(2.5e6, 2.5e6), n(2.5e7, 2.5e7)))
	assert.True(t, sameDigits(n(8.96e9, 8.96e9), n(8.96e10, 8.96e10)))
	assert.False(t, sameDigits(n(5, 5), n(50, 50)), "small numbers")
	assert.False(t, sameDigits(n(2.5e6, 2.5e6), n(2.6e7, 2.6e7)))
	assert.True(t, datesNear(&numerals.Date{Month: 12, Day: 8, DayHi: 10}, &numerals.Date{Month: 12, Day: 8, DayHi: 12}))
	assert.True(t, datesNear(&numerals.Date{Year: 2021, Month: 12, Day: 8}, &numerals.Date{Year: 2022, Month: 12, Day: 8}))
	assert.False(t, datesNear(&numerals.Date{Month: 11, Day: 8}, &numerals.Date{Month: 12, Day: 9}))
	for _, c := range []struct {
		n    numerals.Number
		want string
	}{
		{numerals.Number{Text: "250万", Value: 2.5e6, Hi: 2.5e6}, `"250万" (2.5 million)`},
		{numerals.Number{Text: "18.9亿", Value: 1.89e9, Hi: 1.89e9}, `"18.9亿" (1.89 billion)`},
		{numerals.Number{Text: "138亿至143亿", Value: 1.38e10, Hi: 1.43e10}, `"138亿至143亿" (13.8–14.3 billion)`},
		{numerals.Number{Text: "二十大", Value: 20, Hi: 20, Kind: numerals.KindOrdinal}, `"二十大" (20th)`},
		{numerals.Number{Text: "1,246", Value: 1246, Hi: 1246}, `"1,246"`},
		{numerals.Number{Text: "15%", Value: 15, Hi: 15, Kind: numerals.KindPercent}, `"15%"`},
		{numerals.Number{Text: "12月8日至10日", Kind: numerals.KindDate, Date: &numerals.Date{Month: 12, Day: 8, DayHi: 10}}, `"12月8日至10日" (December 8–10)`},
	} {
		assert.Equal(t, c.want, quoteNumber(c.n))
	}
}

func TestNamesHelpers(t *testing.T) {
	for code, want := range map[string]bool{"COVID-19": true, "G20": true, "C919": true, "5G": true, "H7N9": true, "F-35": true,
		"20th": false, "1990s": false, "5km": false, "mid-2022": false, "Rescue-2021": false, "2ith": true, "48h": false} {
		assert.Equal(t, want, isCode(code), code)
	}
	assert.Equal(t, "covid19", nameKey("ＣＯＶＩＤ-19"))
	assert.Equal(t, "jankubis", nameKey("Ján Kubiš"))
	s := newNameSide([]string{"The World Health Organization and the Communist Party of China met the AIIB's staff."})
	assert.True(t, s.spelledOut("WHO"))
	assert.True(t, s.spelledOut("CPC"))
	assert.False(t, s.spelledOut("CCP"))
	assert.True(t, s.has("aiib"))
	assert.True(t, codeInChinese("g7", "七国集团外长会议"))
	assert.True(t, codeInChinese("covid19", "新冠肺炎疫情"))
	assert.False(t, codeInChinese("c919", "国产大飞机"))
}

func TestNamesDiffer(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Macao", "Macau", true},
		{"Russia", "Russian", false},
		{"U.S.", "United States", false},
		{"EU", "European Union", false},
		{"G7", "Group", false},
		{"CCP", "Communist Party of China", true},
		{"Ministry of Education", "Department of Education", true},
		{"Science Forum", "Scientific Forum", true},
		{"China and Africa", "Central Africa", true},
		{"completed", "School", false},
		{"Mandela", "South Africa", false},
	} {
		assert.Equal(t, c.want, namesDiffer(c.a, c.b), "%s / %s", c.a, c.b)
	}
}

func TestDoubledWords(t *testing.T) {
	for in, want := range map[string][]string{
		"The the committee":                  {"The the"},
		"it was the the best of of times":    {"the the", "of of"},
		"everything he had had to give":      nil,
		"believed that that work":            nil,
		"Run Run Shaw said so":               nil,
		"the\nthe end":                       {"the\nthe"},
		"the, the end":                       nil,
		"Xi’s Xi":                            nil,
		"a zero-zero draw, zero zero growth": {"zero zero"},
	} {
		var got []string
		for _, d := range doubledWords(in) {
			got = append(got, in[d[0]:d[1]])
		}
		assert.Equal(t, want, got, in)
	}
	assert.Equal(t, [][2]int{{3, 4}, {7, 10}}, controlRuns("abc\x07def\u200b!"))
}

func TestUnbalanced(t *testing.T) {
	for _, c := range []struct {
		in   string
		l    align.Lang
		want []string
	}{
		{"a “b” (c) [d]", align.En, nil},
		{"a “b c", align.En, []string{"opening “ is never closed"}},
		{"a b” c", align.En, []string{"closing ” has no opening “"}},
		{`say "a b`, align.En, []string{`odd number of " quotes`}},
		{"“we must keep it. “", align.En, []string{"opening “ where the closing ” belongs"}},
		{"three tasks: 1) rules; 2) checks", align.En, nil},
		{"会议通过了《意见，部署了工作。", align.Zh, []string{"opening 《 is never closed"}},
		{"举行“2021年典礼 ＂ ，向", align.Zh, []string{"“ is closed with ＂"}},
		{"（一）加强领导（二", align.Zh, []string{"opening （ is never closed"}},
		{"it’s the people’s", align.En, nil},
		// one quotation or bracket typed with two styles: once, where it closes
		{"a final ‘not guilty” verdict", align.En, []string{"‘ is closed with ”"}},
		{"the term “competent health authority\" shall mean", align.En, []string{"“ is closed with \""}},
		{"2.\"Communications enterprise” refers to", align.En, []string{"\" is closed with ”"}},
		{"The term ‘multi-level marketing\" as used", align.En, []string{"‘ is closed with \""}},
		{"報請直轄市或縣(市）主管機關", align.Zh, []string{"( is closed with ）"}},
		{"屬於鄉（鎮、市)所有", align.Zh, []string{"（ is closed with )"}},
		{"他说“我们必须坚持’。", align.Zh, []string{"“ is closed with ’"}},
		// different families, or a mark of the same style, stay two
		{"the “domestic broker) here", align.En, []string{"opening “ is never closed", "closing ) has no opening ("}},
		{"the people’s “choice", align.En, []string{"opening “ is never closed"}},
		{"the ‘a’ and b” c", align.En, []string{"closing ” has no opening “"}},
		{"a “b” “c d", align.En, []string{"opening “ is never closed"}},
	} {
		var got []string
		for _, is := range unbalanced(c.in, c.l) {
			got = append(got, is.msg)
		}
		assert.Equal(t, c.want, got, c.in)
	}
}

// TestDoubledWordsByBytes: doubledWords read a byte at a time finds what
// it found reading a rune at a time, on random text of words, spaces,
// letters of other scripts and invalid bytes.
func TestDoubledWordsByBytes(t *testing.T) {
	alphabet := []string{"the", "The", "a", "A", " ", "  ", "\n", "-", "’", "'", "s", "é", "中", "1", ".", "\xff", "\xe2\x80", "Run", "Bora",
		"9", "\u212a", "k", "K", "\u017f", "\u00a0", "_", "\u0663", "the'", "she", "tHe"}
	rng := rand.New(rand.NewPCG(19, 20))
	found := 0
	for round := 0; round < 60000; round++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		got := doubledWords(s)
		require.Equal(t, doubledWordsSlow(s), got, "%q", s)
		found += len(got)
	}
	require.Greater(t, found, 100)
}

// doubledWordsSlow is doubledWords as it was, reading runes.
func doubledWordsSlow(s string) [][3]int {
	var out [][3]int
	prevStart, prevEnd := -1, -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isASCIILetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) && (isASCIILetter(rune(s[j])) || s[j] == '\'' && j+1 < len(s) && isASCIILetter(rune(s[j+1]))) {
			j++
		}
		// a word glued to other letters or digits (Xi’s, é) is not a word here
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		glued := i > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before) || before == '-' || before == '’') ||
			j < len(s) && (unicode.IsLetter(after) || unicode.IsDigit(after) || after == '-' || after == '’')
		if glued {
			prevStart = -1
			i = j
			continue
		}
		if prevStart >= 0 && strings.TrimSpace(s[prevEnd:i]) == "" && strings.EqualFold(s[prevStart:prevEnd], s[i:j]) &&
			!doubledOK[strings.ToLower(s[i:j])] && !doubledName(s[prevStart:prevEnd], s[i:j]) {
			out = append(out, [3]int{prevStart, j, i})
		}
		prevStart, prevEnd = i, j
		i = j
	}
	return out
}

// TestBlankASCII: the ASCII runes isBlankRune takes are the two that
// runFormatWhitespace does not pass over a byte at a time.
func TestBlankASCII(t *testing.T) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		require.Equal(t, c == ' ' || c == '\t', isBlankRune(c), "%q", c)
	}
}
