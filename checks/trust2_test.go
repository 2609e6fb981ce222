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

// TestTrustNamesFormat: names and codes copied from web pages (invisible
// characters inside a word, footnote calls glued to it, a name inside a
// hyphenated compound, a code cited with a space) carry over; real
// losses are still reported. Stray characters: a zero-width space is
// info, a control character a warning.
func TestTrustNamesFormat(t *testing.T) {
	const none = checks.Severity(0)
	for _, c := range []struct {
		zh, en string
		source align.Lang
		check  string
		lo, hi checks.Severity
	}{
		{"字節跳動收購Musical.ly的交易。", "The acquisition by ByteDance of Musical.\u200bly.", align.En, "names", none, none},
		{"字节跳动收购Musical.ly的交易。", "The acquisition by ByteDance of Musical.\u200bly.", align.Zh, "names", none, none},
		{"美國武裝部隊部署在土耳其，以支持擊敗ISIS行動。", "United States Armed Forces remain deployed to Turkey to support Defeat-ISIS operations.", align.En, "names", none, none},
		{"北京越来越努力地在全世界传播关于COVID-19的虚假信息。", "Beijing has worked to spread disinformation about COVID-19.79", align.En, "names", none, none},
		{"解放军空军在第二岛链进行远程轰炸机巡逻。", "PLA bombers patrol the second island chain70.", align.En, "names", none, none},
		{"北京寻求对少数人施加压力。", "Beijing seeks to pressure persons2 of note.", align.En, "names", none, none},
		{"根據《國際緊急經濟權力法》（50 U.S.C.1701及後文）授予我的權力，", "By the authority vested in me by the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq.),", align.En, "names", none, none},
		// still reported
		{"亚投行（AIIB）成员增至106个。", "The Asian bank now has 106 members.", align.Zh, "names", checks.Warning, checks.Warning},
		{"该项目已经启动。", "The F-35 program has started.", align.En, "names", checks.Warning, checks.Warning},
		{"该项目于2020年启动。", "The H7N9 program started in 2020.", align.En, "names", checks.Warning, checks.Warning},
		{"会议讨论了G20议程。", "The meeting discussed the agenda.", align.Zh, "names", checks.Warning, checks.Warning},
		// format
		{"会议讨论了议程。", "The meeting\u200b discussed the agenda.", align.Zh, "format", checks.Info, checks.Info},
		{"会议\u200b讨论了议程。", "The meeting discussed the agenda.", align.En, "format", checks.Info, checks.Info},
		{"会议讨论了议程。", "The meeting\x07 discussed the agenda.", align.Zh, "format", checks.Warning, checks.Warning},
		{"会议讨论了议程。", "The meeting\ufeff discussed the agenda.", align.Zh, "format", checks.Warning, checks.Warning},
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
		assert.True(t, got >= c.lo && got <= c.hi, "%s on %q / %q: most severe %v, want %v to %v", c.check, c.zh, c.en, got, c.lo, c.hi)
	}
}

// TestTitledConsistency: a name under different source titles is not one
// term; a title rendered two ways under the same source title still is.
func TestTitledConsistency(t *testing.T) {
	para := func(zh, en string) [2]string { return [2]string{zh, en} }
	run := func(pairs ...[2]string) []checks.Finding {
		var zh, en []string
		for _, p := range pairs {
			zh, en = append(zh, p[0]), append(en, p[1])
		}
		doc, err := input.TwoFiles("zh.txt", strings.Join(zh, "\n\n"), "en.txt", strings.Join(en, "\n\n"))
		require.NoError(t, err)
		var out []checks.Finding
		for _, f := range runChecks(t, doc, checks.DefaultSettings(), checks.Consistency) {
			if f.Severity >= checks.Warning {
				out = append(out, f)
			}
		}
		return out
	}
	gs := []([2]string){
		para("习近平总书记主持召开会议，研究经济工作。", "General Secretary Xi Jinping presided over a meeting on economic work."),
		para("习近平总书记强调，要坚持稳中求进。", "General Secretary Xi Jinping stressed the need to pursue progress while ensuring stability."),
		para("习近平总书记指出，发展是第一要务。", "General Secretary Xi Jinping pointed out that development is the top priority."),
		para("全国人民团结奋斗，共同创造美好生活。", "People across the country worked hard together for a better life."),
	}
	titled := append(append([]([2]string){}, gs...), para("习近平主席出访多国，出席重要会议。", "President Xi Jinping visited several countries and attended major meetings."))
	assert.Empty(t, run(titled...), "主席 and 总书记 are different source titles")
	same := append(append([]([2]string){}, gs...), para("习近平总书记出访多国，出席重要会议。", "President Xi Jinping visited several countries and attended major meetings."))
	assert.NotEmpty(t, run(same...), "总书记 rendered two ways")
}
