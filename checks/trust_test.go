package checks_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// TestTrustClasses holds, check by check, the classes of false alarm that
// issue 13 names on real official translations, and the real defects that
// must still be found. Each row is one pair (paragraphs separated by a
// blank line); lo and hi bound the most severe finding of the row's check
// (0: none at all).
func TestTrustClasses(t *testing.T) {
	const none = checks.Severity(0)
	for _, c := range []struct {
		class  string
		zh, en string
		source align.Lang
		check  string
		lo, hi checks.Severity
	}{
		// 2: numbering that is there but read
		{"numbering", "第 1 條　本法依憲法制定之。", "Article 1 This Act is enacted in accordance with the Constitution.", align.Zh, "numbering/missing", none, none},
		{"numbering", "第 1 條　本法依憲法制定之。", "Article 1 This Act is enacted in accordance with the Constitution.", align.Zh, "numbering", none, none},
		{"numbering", "第 一 章　總則", "Chapter I General Provisions", align.Zh, "numbering", none, none},
		{"numbering", "（一）坚持稳中求进工作总基调，经济运行保持在合理区间。", "First, we have kept to the general principle of pursuing progress while ensuring stability.", align.Zh, "numbering/missing", none, none},
		{"numbering", "第十條　甲。\n\n第十條之一　乙。\n\n第十一條　丙。", "Article 10 A.\n\nArticle 10-1 B.\n\nArticle 11 C.", align.Zh, "numbering/sequence", none, none},
		{"numbering", "（一）甲项工作。\n\n（二）乙项工作。\n\n（三）丙项工作。", "(1) Work A.\n\n(2) Work B.\n\n(4) Work C.", align.Zh, "numbering/sequence", checks.Warning, checks.Warning},
		{"numbering", "（一）甲项工作。\n\n（二）乙项工作。\n\n（四）丙项工作。", "(1) Work A.\n\n(2) Work B.\n\n(4) Work C.", align.Zh, "numbering/sequence", checks.Info, checks.Info},
		// 3: numbers
		{"numbers", "财政收入4万多亿元。", "Fiscal revenue was over 4 trillion yuan.", align.Zh, "numbers/missing", none, none},
		{"numbers", "财政收入4万多亿元。", "Fiscal revenue was over 4 trillion yuan.", align.Zh, "numbers", none, none},
		{"numbers", "城镇新增就业1亿3千多万人。", "Over 130 million new urban jobs were added.", align.Zh, "numbers", none, none},
		{"numbers", "城镇新增就业1亿3千多万人。", "Over 130 million new urban jobs were added.", align.Zh, "numbers/missing", none, none},
		{"numbers", "本法於中華民國三十六年公布。", "This Act was promulgated in 1947.", align.Zh, "numbers/missing", none, none},
		{"numbers", "全国人民万众一心，共克时艰。", "The whole nation stood united as one through hard times.", align.Zh, "numbers/missing", none, none},
		{"numbers", "道路全长5公里。", "The road is 3.1 miles long.", align.Zh, "numbers", none, none},
		{"numbers", "道路全长5公里。", "The road is 3.1 miles long.", align.Zh, "numbers/missing", none, none},
		{"numbers", "總統華總一義字第 2124 號令公布。", "Promulgated by Presidential Order.", align.Zh, "numbers/missing", none, checks.Info},
		{"numbers", "“十三五”规划顺利完成。", "The 13th Five-Year Plan was completed.", align.Zh, "numbers/missing", none, none},
		{"numbers", "项目投资250万元。", "The project cost 25 million yuan.", align.Zh, "numbers", checks.Error, checks.Error},
		{"numbers", "党的二十大胜利召开。", "The 21st Party Congress opened.", align.Zh, "numbers", checks.Error, checks.Error},
		{"numbers", "项目投资250万元，惠及三十二个县。", "The project cost 2.5 million yuan.", align.Zh, "numbers/missing", checks.Warning, checks.Warning},
		{"numbers", "今年经济增长6.5%左右。", "The economy is expected to grow by around 6.5 percent in 2017.", align.Zh, "numbers/missing", none, checks.Info},
		// 4: quotation marks on one side only
		{"quotes", "增强“四个意识”，坚定“四个自信”。\n\n落实“两个维护”。", "Strengthen the four consciousnesses and the “four confidences.”\n\nUphold the two safeguards.", align.Zh, "punctuation/quotes", none, checks.Info},
		// the translation's own unbalanced quotation is still a warning
		{"quotes", "推动构建人类命运共同体。", "Promote a “community with a shared future for humanity.", align.Zh, "punctuation", checks.Warning, checks.Warning},
		// the original's slip copied by the translation is info
		{"quotes", "推动构建“人类命运共同体。", "Promote a “community with a shared future for humanity.", align.Zh, "punctuation", checks.Info, checks.Warning},
	} {
		doc, err := input.TwoFiles("zh.txt", c.zh, "en.txt", c.en)
		require.NoError(t, err)
		set := checks.DefaultSettings()
		set.Source = c.source
		var got checks.Severity
		for _, f := range runChecks(t, doc, set, checks.Registry()...) {
			if f.Check == c.check && f.Severity > got {
				got = f.Severity
			}
		}
		assert.True(t, got >= c.lo && got <= c.hi, "%s: %s on %q / %q: most severe %v, want %v to %v", c.class, c.check, c.zh, c.en, got, c.lo, c.hi)
	}
}
