package checks_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// A short act with its amendment history, Taiwan form: the official
// English abridges each history line to its first event, as the law
// database does; the articles are translated in full.
var (
	twHistoryZh = []string{
		"1.中華民國九十三年六月二十三日總統華總一義字第 09300118311 號令制定公布全文 39 條； 並自公布日施行",
		"2.中華民國九十九年二月三日總統華總一義字第 09900024181 號令修正公布第 2、3、7、16、20、21 條條文； 其施行日期由行政院定之中華民國九十九年二月五日行政院院授研綜字第 09922601241 號令發布定自九十九年二月五日施行",
		"3.中華民國一百十一年一月十九日總統華總一義字第 11100003371 號令修正公布第 19、31、39 條條文； 施行日期由行政院定之",
		"第 1 條　為建立中央行政機關組織共同規範，提升施政效能，特制定本法。",
		"第 2 條　本法適用於行政院及其所屬各級機關。但國防組織、外交駐外機構、警察機關組織、檢察機關、調查機關及海岸巡防機關組織法規另有規定者，從其規定。",
		"第 3 條　本法用詞定義如下：機關、獨立機關、附屬機關、單位，各依其組織法規定之。",
		"第 4 條　下列機關之組織以法律定之，其餘機關之組織以命令定之：一級機關、二級機關及三級機關。",
		"第 5 條　機關組織以法律定之者，其組織法律定名為法。但業務相同而轄區不同或權限相同而管轄事務不同之機關，其共同適用之組織法律定名為通則。",
	}
	twHistoryEn = []string{
		"1.Promulgated by Presidential Order on June 23, 2004",
		"2.Amended by Presidential Order on February 3, 2010",
		"3.Amended by Presidential Order on January 19, 2022",
		"Article 1 This Act is enacted to establish common standards for the organization of central administrative agencies and to enhance administrative efficiency.",
		"Article 2 This Act applies to the Executive Yuan and its subordinate agencies at all levels, except where the organic laws of national defense organizations, overseas diplomatic missions, police agencies, prosecutors offices, investigation agencies and coast guard agencies provide otherwise.",
		"Article 3 The terms used in this Act are defined as follows: agency, independent agency, affiliated agency and unit, each as its organic law provides.",
		"Article 4 The organization of the following agencies shall be prescribed by law, and that of other agencies by order: first-level, second-level and third-level agencies.",
		"Article 5 Where the organization of an agency is prescribed by law, its organic law shall be named an Act; where agencies have the same business in different areas, their common organic law shall be named General Rules.",
	}
)

// TestHistoryNotes: findings on a legislative-history note are info; the
// same kinds of finding on a provision are not lowered, and a history
// printed twice is still reported.
func TestHistoryNotes(t *testing.T) {
	worst := func(t *testing.T, zh, en []string, source align.Lang, pred func(checks.Finding) bool) checks.Severity {
		t.Helper()
		doc, err := input.TwoFiles("zh.txt", strings.Join(zh, "\n\n"), "en.txt", strings.Join(en, "\n\n"))
		require.NoError(t, err)
		set := checks.DefaultSettings()
		set.Source = source
		var got checks.Severity
		for _, f := range runChecks(t, doc, set, checks.Registry()...) {
			if pred(f) && f.Severity > got {
				got = f.Severity
			}
		}
		return got
	}
	onLine := func(line int, l align.Lang, names ...string) func(checks.Finding) bool {
		return func(f checks.Finding) bool {
			sp := f.Zh
			if l == align.En {
				sp = f.En
			}
			if sp == nil || sp.Line != line {
				return false
			}
			for _, n := range names {
				if f.Check == n {
					return true
				}
			}
			return len(names) == 0
		}
	}
	any := func(checks.Finding) bool { return true }
	abridgeable := []string{"length", "omission", "addition", "numbers", "numbers/missing", "names", "numbering/missing"}
	without := func(s []string, i int) []string { return append(append([]string(nil), s[:i]...), s[i+1:]...) }
	prcZh := []string{
		"中华人民共和国婚姻法",
		"（1980年9月10日第五届全国人民代表大会第三次会议通过 根据2001年4月28日第九届全国人民代表大会常务委员会第二十一次会议《关于修改〈中华人民共和国婚姻法〉的决定》修正）",
		"第一条 本法是婚姻家庭关系的基本准则。",
		"第二条 实行婚姻自由、一夫一妻、男女平等的婚姻制度。保护妇女、儿童和老人的合法权益。",
		"第三条 禁止包办、买卖婚姻和其他干涉婚姻自由的行为。禁止借婚姻索取财物。",
		"第四条 夫妻应当互相忠实，互相尊重；家庭成员间应当敬老爱幼，互相帮助，维护平等、和睦、文明的婚姻家庭关系。",
	}
	prcEn := []string{
		"Marriage Law of the People's Republic of China",
		"(Adopted at the Third Session of the Fifth National People's Congress on September 10, 1980)",
		"Article 1 This Law is the fundamental code governing marriage and family relations.",
		"Article 2 A marriage system based on the free choice of partners, on monogamy and on equality between man and woman shall be applied. The lawful rights and interests of women, children and old people shall be protected.",
		"Article 3 Marriage upon arbitrary decision by any third party, mercenary marriage and any other acts of interference in the freedom of marriage shall be prohibited. The exaction of money or gifts in connection with marriage shall be prohibited.",
		"Article 4 Husband and wife shall be faithful to each other and respect each other; members of a family shall respect the old and cherish the young, help each other and maintain equal, harmonious and civilized marriage and family relations.",
	}
	for _, c := range []struct {
		name   string
		zh, en []string
		source align.Lang
		pred   func(checks.Finding) bool
		lo, hi checks.Severity
	}{
		// Taiwan form, Chinese source: the abridged lines are info at most
		{"tw abridged line 2", twHistoryZh, twHistoryEn, align.Zh, onLine(3, align.Zh, abridgeable...), 0, checks.Info},
		{"tw abridged line 3", twHistoryZh, twHistoryEn, align.Zh, onLine(5, align.Zh, abridgeable...), 0, checks.Info},
		{"tw abridged line 1", twHistoryZh, twHistoryEn, align.Zh, onLine(1, align.Zh, abridgeable...), 0, checks.Info},
		// a history line the English leaves out altogether: info
		{"tw history line missing", twHistoryZh, without(twHistoryEn, 1), align.Zh, onLine(3, align.Zh, "omission"), 0, checks.Info},
		// the whole act: nothing above info
		{"tw whole", twHistoryZh, twHistoryEn, align.Zh, any, 0, checks.Info},
		// an article left out is still reported
		{"tw article missing", twHistoryZh, without(twHistoryEn, 5), align.Zh, any, checks.Warning, checks.Error},
		// a history printed twice is still reported
		{"tw history twice", twHistoryZh, append(append([]string(nil), twHistoryEn...), twHistoryEn[:3]...), align.Zh, func(f checks.Finding) bool {
			return f.Check == "omission" && f.En != nil && f.Zh == nil
		}, checks.Warning, checks.Error},
		// English source (the direction reversed): the same
		{"tw en source", twHistoryZh, twHistoryEn, align.En, onLine(3, align.Zh, abridgeable...), 0, checks.Info},
		// PRC form: the bracketed note abridged to its adoption
		{"prc note abridged", prcZh, prcEn, align.Zh, onLine(3, align.Zh, abridgeable...), 0, checks.Info},
		{"prc whole", prcZh, prcEn, align.Zh, any, 0, checks.Info},
		{"prc article missing", prcZh, without(prcEn, 4), align.Zh, any, checks.Warning, checks.Error},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := worst(t, c.zh, c.en, c.source, c.pred)
			assert.True(t, got >= c.lo && got <= c.hi, "most severe %v, want %v to %v", got, c.lo, c.hi)
		})
	}
}

// TestTableOfContents: a chapter heading of a table of contents that the
// other side lacks is info when the chapter is opened again on its side
// (worded alike or not); a chapter heading that stands once is still
// reported.
func TestTableOfContents(t *testing.T) {
	zh := "第一章 总则\n\n第一条 本法是婚姻家庭关系的基本准则。\n\n第二章 结婚\n\n第二条 结婚必须男女双方完全自愿，不许任何一方对他方加以强迫或任何第三者加以干涉。"
	en := "Contents\n\nChapter I General Provisions\n\nChapter II Marriage Contracts\n\nChapter I General Provisions\n\nArticle 1 This Law is the fundamental code governing marriage and family relations.\n\nChapter II Marriage Contract\n\nArticle 2 Marriage must be based upon the complete willingness of both man and woman. Neither party shall use compulsion and no third party shall interfere."
	doc, err := input.TwoFiles("zh.txt", zh, "en.txt", en)
	require.NoError(t, err)
	for _, f := range runChecks(t, doc, checks.DefaultSettings(), checks.Omission) {
		if f.En != nil && f.Zh == nil && strings.HasPrefix(f.En.Text, "Chapter") {
			assert.Equal(t, checks.Info, f.Severity, "%s: %s", f.Check, f.Message)
		}
	}
	// without its second copy, an unpaired chapter heading stays a warning
	en = "Chapter I General Provisions\n\nArticle 1 This Law is the fundamental code governing marriage and family relations.\n\nChapter II Marriage Contract\n\nChapter III Family Relations\n\nArticle 2 Marriage must be based upon the complete willingness of both man and woman. Neither party shall use compulsion and no third party shall interfere."
	doc, err = input.TwoFiles("zh.txt", zh, "en.txt", en)
	require.NoError(t, err)
	var got checks.Severity
	for _, f := range runChecks(t, doc, checks.DefaultSettings(), checks.Omission) {
		if f.En != nil && f.Zh == nil && strings.HasPrefix(f.En.Text, "Chapter III") {
			got = f.Severity
		}
	}
	assert.Equal(t, checks.Warning, got)
}
