package lang

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func texts(s string, spans []Span) []string {
	if len(spans) == 0 {
		return nil
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

func TestSplitZh(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"spaces only", " \n\u3000 ", nil},
		{"no terminator", "推进国家安全体系和能力现代化", []string{"推进国家安全体系和能力现代化"}},
		{"two sentences", "我们走吧。他们留下。", []string{"我们走吧。", "他们留下。"}},
		{"question and exclamation", "真的吗？太好了！好。", []string{"真的吗？", "太好了！", "好。"}},
		{"semicolon", "第一，坚持党的领导；第二，坚持人民至上。", []string{"第一，坚持党的领导；", "第二，坚持人民至上。"}},
		{"ascii terminators", "为什么?因为!好", []string{"为什么?", "因为!", "好"}},
		{"terminator run", "什么？！真的。", []string{"什么？！", "真的。"}},
		{"ellipsis inside", "他想了想……最后走了。", []string{"他想了想……最后走了。"}},
		{"stutter", "我……我不知道。", []string{"我……我不知道。"}},
		{"ellipsis at end", "他想了想……", []string{"他想了想……"}},
		{"ellipsis before quote", "“我……”他停住了。", []string{"“我……”", "他停住了。"}},
		{"ellipsis then terminator", "等等……。好。", []string{"等等……。", "好。"}},
		{"ellipsis space quote", "不过…… ”他说。", []string{"不过…… ”", "他说。"}},
		{"single ellipsis char does not split", "一…二。", []string{"一…二。"}},
		{"quote then narrative", "他说：“我们走吧。”然后离开了。", []string{"他说：“我们走吧。”", "然后离开了。"}},
		{"quote then comma", "“好。”，他说。", []string{"“好。”，他说。"}},
		{"space before closer", "更加定型的制度 。 ”党的十八大", []string{"更加定型的制度 。 ”", "党的十八大"}},
		{"quote then end", "他说：“我们走吧。”", []string{"他说：“我们走吧。”"}},
		{"quote then quote", "“走吧。”“好。”", []string{"“走吧。”", "“好。”"}},
		{"quote then space", "“走吧。” 他们走了。", []string{"“走吧。”", "他们走了。"}},
		{"inside quote more text", "他说：“甲。乙。”然后走了。", []string{"他说：“甲。", "乙。”", "然后走了。"}},
		{"corner brackets", "「好。」「走。」", []string{"「好。」", "「走。」"}},
		{"bracket after terminator", "见附件。）下文。", []string{"见附件。）", "下文。"}},
		{"paren closes before terminator", "（一）坚持原则。（二）加强领导。", []string{"（一）坚持原则。", "（二）加强领导。"}},
		{"blank line", "标题\n\n正文第一句。", []string{"标题", "正文第一句。"}},
		{"single newline kept", "第一行\n第二行。", []string{"第一行\n第二行。"}},
		{"trim", "  你好。  再见。 ", []string{"你好。", "再见。"}},
		{"ideographic space", "\u3000\u3000你好。", []string{"你好。"}},
		{"book title marks", "《决定》。下一句。", []string{"《决定》。", "下一句。"}},
		{"traditional", "我們走吧。他們留下。", []string{"我們走吧。", "他們留下。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitZh(tt.in)
			assert.Equal(t, tt.want, texts(tt.in, got))
			checkSpans(t, tt.in, got)
		})
	}
}

func TestSplitEn(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"one", "Hello world", []string{"Hello world"}},
		{"two", "We left. They stayed.", []string{"We left.", "They stayed."}},
		{"question exclamation", "Really? Yes! Good.", []string{"Really?", "Yes!", "Good."}},
		{"lower case next", "It was e.g. fine. and so on", []string{"It was e.g. fine. and so on"}},
		{"title abbreviations", "Mr. Smith met Dr. Jones and Prof. Li at St. Mary's.", []string{"Mr. Smith met Dr. Jones and Prof. Li at St. Mary's."}},
		{"military and political titles", "Gen. Smith and Sen. Doe spoke. Rep. Roe agreed.", []string{"Gen. Smith and Sen. Doe spoke.", "Rep. Roe agreed."}},
		{"month", "On Jan. 5 they met. Feb. was cold.", []string{"On Jan. 5 they met.", "Feb. was cold."}},
		{"initials", "J. K. Rowling wrote it. George W. Bush read it.", []string{"J. K. Rowling wrote it.", "George W. Bush read it."}},
		{"initial ends sentence", "He fought in World War I. The war ended.", []string{"He fought in World War I.", "The war ended."}},
		{"decimal", "It grew 3.5 percent. Then it fell.", []string{"It grew 3.5 percent.", "Then it fell."}},
		{"number abbreviation", "See No. 5 and Art. 3 on p. 12. Then stop.", []string{"See No. 5 and Art. 3 on p. 12.", "Then stop."}},
		{"no as a word", "He said no. Then he left.", []string{"He said no.", "Then he left."}},
		{"U.S. mid sentence", "The U.S. Congress met.", []string{"The U.S. Congress met."}},
		{"U.S. at the end", "He went to the U.S. The trip was long.", []string{"He went to the U.S.", "The trip was long."}},
		{"etc mid", "Apples, pears, etc. Were sold.", []string{"Apples, pears, etc. Were sold."}},
		{"etc end", "Apples, pears, etc. The rest was sold.", []string{"Apples, pears, etc.", "The rest was sold."}},
		{"company", "Apple Inc. Announced it. It was big.", []string{"Apple Inc. Announced it.", "It was big."}},
		{"e.g. and i.e.", "Use tools, e.g. Hammers, i.e. Heavy ones. Done.", []string{"Use tools, e.g. Hammers, i.e. Heavy ones.", "Done."}},
		{"ellipsis lower", "Well... maybe not.", []string{"Well... maybe not."}},
		{"ellipsis capital", "Well... Maybe not.", []string{"Well...", "Maybe not."}},
		{"unicode ellipsis", "Well… Maybe.", []string{"Well…", "Maybe."}},
		{"closing quote", `He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"curly quote", "He said “Stop.” Then he left.", []string{"He said “Stop.”", "Then he left."}},
		{"bracket", "(This is aside.) Next one.", []string{"(This is aside.)", "Next one."}},
		{"quote opens next", `It ended. "Why?" he asked.`, []string{"It ended.", `"Why?" he asked.`}},
		{"digit starts next", "It ended in 2019. 2020 was new.", []string{"It ended in 2019.", "2020 was new."}},
		{"no space", "Visit example.com. Or not.", []string{"Visit example.com.", "Or not."}},
		{"blank line", "Title\n\nBody text here.", []string{"Title", "Body text here."}},
		{"single newline kept", "A line\nwrapped here.", []string{"A line\nwrapped here."}},
		{"roman heading", "I. Introduction", []string{"I. Introduction"}},
		{"roman heading opener", "II. The General Approach", []string{"II. The General Approach"}},
		{"numbered item", "2. The Party leads. It works.", []string{"2. The Party leads.", "It works."}},
		{"lettered item", "A. The first. B. The second.", []string{"A. The first.", "B. The second."}},
		{"three initials", "H. L. A. Hart wrote it.", []string{"H. L. A. Hart wrote it."}},
		{"spaced straight quote", `He said "It ended. " Then he left.`, []string{`He said "It ended. "`, "Then he left."}},
		{"straight quote opens", `He left. "Why?" she asked.`, []string{"He left.", `"Why?" she asked.`}},
		{"roman mid sentence", "He was Henry VIII. The king died.", []string{"He was Henry VIII.", "The king died."}},
		{"trailing spaces", "  One.  Two.  ", []string{"One.", "Two."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitEn(tt.in)
			assert.Equal(t, tt.want, texts(tt.in, got))
			checkSpans(t, tt.in, got)
		})
	}
}

// checkSpans checks the invariants of every split: ordered, non-empty,
// trimmed, on rune boundaries.
func checkSpans(t *testing.T, s string, spans []Span) {
	t.Helper()
	prev := 0
	for _, sp := range spans {
		require.LessOrEqual(t, prev, sp.Start)
		require.Less(t, sp.Start, sp.End)
		require.LessOrEqual(t, sp.End, len(s))
		require.True(t, utf8.RuneStart(s[sp.Start]))
		require.True(t, sp.End == len(s) || utf8.RuneStart(s[sp.End]))
		text := s[sp.Start:sp.End]
		require.Equal(t, strings.TrimFunc(text, isSpace), text)
		prev = sp.End
	}
}

func TestSplitChoosesByScript(t *testing.T) {
	zh := "我们走吧。他说OK。"
	assert.Equal(t, SplitZh(zh), Split(zh))
	en := "We left. 他们 stayed."
	assert.Equal(t, SplitEn(en), Split(en))
}

func TestCount(t *testing.T) {
	c := Count("推進国家 AI-2035年，ok！é ３")
	assert.Equal(t, ScriptCounts{Han: 5, Latin: 5, Digit: 5, Other: 3}, c)
	assert.True(t, IsHan('国'))
	assert.True(t, IsHan('〇'))
	assert.False(t, IsHan('。'))
	assert.False(t, IsHan('a'))
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"我们走吧。”然后", "Mr. A. B. c... D", "“甲。乙。”", "\n\n。。", "a\u3000.\u3000B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkSpans(t, s, SplitZh(s))
		checkSpans(t, s, SplitEn(s))
	})
}
