package numerals

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChinese(t *testing.T) {
	tests := []struct{ in, want string }{
		// magnitudes and mixtures
		{"14亿多中国人民", "14亿多=1.4e+09/cardinal~more"},
		{"全国14亿人口", "14亿=1.4e+09/cardinal"},
		{"新增250万个岗位", "250万=2.5e+06/cardinal"},
		{"收入89.6亿元", "89.6亿=8.96e+09/cardinal"},
		{"1.4万家企业", "1.4万=14000/cardinal"},
		{"3千人参加", "3千=3000/cardinal"},
		{"投资3千万元", "3千万=3e+07/cardinal"},
		{"规模达2.5万亿元", "2.5万亿=2.5e+12/cardinal"},
		{"三千五百万人", "三千五百万=3.5e+07/cardinal*"},
		{"一百零五人", "一百零五=105/cardinal*"},
		{"十八个省份", "十八=18/cardinal*"},
		{"二十个国家", "二十=20/cardinal*"},
		{"二十一个项目", "二十一=21/cardinal*"},
		{"一万五千元", "一万五千=15000/cardinal*"},
		{"一万五", "一万五=15000/cardinal*"},
		{"两百五十人", "两百五十=250/cardinal*"},
		{"十四亿人民", "十四亿=1.4e+09/cardinal*"},
		{"一亿三千万", "一亿三千万=1.3e+08/cardinal*"},
		{"一万亿元", "一万亿=1e+12/cardinal*"},
		{"１２３人", "１２３=123/cardinal"},
		{"1,000人", "1,000=1000/cardinal"},
		{"1，000人", "1，000=1000/cardinal"},
		{"12,345,678元", "12,345,678=1.23457e+07/cardinal"},
		{"增长3.5倍", "3.5=3.5/cardinal"},
		{"３．５倍", "３．５=3.5/cardinal"},
		{"三点五亿", "三点五亿=3.5e+08/cardinal*"},
		{"两件大事", "两=2/cardinal*"},
		{"三大任务", "三=3/cardinal*"},
		{"五年规划", "五=5/cardinal*"},
		{"十年", "十=10/cardinal*"},
		{"十分钟", "十=10/cardinal*"},
		{"一年", "一=1/cardinal*"},
		{"用了一倍的时间", "一=1/cardinal*"},
		{"2个", "2=2/cardinal"},
		{"分别为5,8", "5=5/cardinal 8=8/cardinal"},
		// approximations
		{"约5年", "约5=5/cardinal~about"},
		{"大约300人", "大约300=300/cardinal~about"},
		{"近14亿", "近14亿=1.4e+09/cardinal~nearly"},
		{"将近一半", ""},
		{"接近5000人", "接近5000=5000/cardinal~nearly"},
		{"超过1000万", "超过1000万=1e+07/cardinal~more"},
		{"逾百万", ""},
		{"逾200万人", "逾200万=2e+06/cardinal~more"},
		{"不到10%", "不到10%=10/percent~less"},
		{"不足三成", "不足三成=30/percent~less*"},
		{"至少5人", "至少5=5/cardinal~more"},
		{"500多万", "500多万=5e+06/cardinal~more"},
		{"100多个", "100多=100/cardinal~more"},
		{"二十多年", "二十多=20/cardinal~more*"},
		{"十余年", "十余=10/cardinal~more*"},
		{"三百多万", "三百多万=3e+06/cardinal~more*"},
		{"十几个", "十几=10/cardinal~more*"},
		{"5年以上", "5=5/cardinal~more"},
		{"5%左右", "5%左右=5/percent~about"},
		{"3个多月", "3=3/cardinal~more"},
		{"一年多", "一=1/cardinal~more*"},
		{"10%以下", "10%以下=10/percent~less"},
		{"数万人", "数万=10000/cardinal~many*"},
		{"几十年", "几十=10/cardinal~many*"},
		{"数百家", "数百=100/cardinal~many*"},
		{"上万人", "上万=10000/cardinal~more*"},
		{"上百万", "上百万=1e+06/cardinal~more*"},
		{"成千上万", "成千上万=1000/cardinal~many*"},
		{"数以万计", "数以万计=10000/cardinal~many*"},
		// ranges
		{"127万到250万", "127万到250万=1.27e+06..2.5e+06/cardinal"},
		{"138亿至143亿", "138亿至143亿=1.38e+10..1.43e+10/cardinal"},
		{"138至143亿", "138至143亿=1.38e+10..1.43e+10/cardinal"},
		{"3-5年", "3-5=3..5/cardinal"},
		{"5%至8%", "5%至8%=5..8/percent"},
		{"5至8%", "5至8%=5..8/percent"},
		{"2021至2025年", "2021至2025年=2021..2025/year"},
		{"2021—2025年", "2021—2025年=2021..2025/year"},
		{"百分之五至百分之八", "百分之五至百分之八=5..8/percent*"},
		{"10至5人", "10=10/cardinal 5=5/cardinal"},
		// percent, points, fractions
		{"满意度达98.62%。", "98.62%=98.62/percent"},
		{"增长5％", "5％=5/percent"},
		{"百分之五", "百分之五=5/percent*"},
		{"百分之九十八点六二", "百分之九十八点六二=98.62/percent*"},
		{"百分之5", "百分之5=5/percent"},
		{"百分之百", "百分之百=100/percent*"},
		{"千分之五", "千分之五=0.5/percent*"},
		{"提高5个百分点", "5个百分点=5/points"},
		{"下降0.5百分点", "0.5百分点=0.5/points"},
		{"三成", "三成=30/percent*"},
		{"七成以上", "七成以上=70/percent~more*"},
		{"三分之二", "三分之二=0.666667/fraction*"},
		{"四分之一", "四分之一=0.25/fraction*"},
		{"三成为", ""},
		// ordinals, congress style
		{"党的二十大报告", "二十大=20/ordinal*"},
		{"党的十八大以来", "十八大=18/ordinal*"},
		{"党的十九届六中全会", "十九届=19/ordinal* 六中全会=6/ordinal*"},
		{"二十届三中全会", "二十届=20/ordinal* 三中全会=3/ordinal*"},
		{"第三", "第三=3/ordinal*"},
		{"第19批", "第19=19/ordinal"},
		{"第二十一次会议", "第二十一=21/ordinal*"},
		{"安全第一", "第一=1/ordinal*"},
		{"第一时间", ""},
		{"20世纪", "20=20/cardinal"},
		{"100周年", "100=100/cardinal"},
		// dates, years, weekdays
		{"2022年11月24日", "2022年11月24日=date(2022.11.24)"},
		{"2022年11月", "2022年11月=date(2022.11.0)"},
		{"11月24日", "11月24日=date(0.11.24)"},
		{"12月8日至10日", "12月8日至10日=date(0.12.8-10)"},
		{"12月8日至12月10日", "12月8日至12月10日=date(0.12.8-10)"},
		{"8日至10日", "8日至10日=date(0.0.8-10)"},
		{"8至10日", "8至10日=date(0.0.8-10)"},
		{"二〇二二年十一月二十四日", "二〇二二年十一月二十四日=date(2022.11.24)*"},
		{"十二月", "十二月=date(0.12.0)*"},
		{"一月份", "一月=date(0.1.0)*"},
		{"8日", "8日=date(0.0.8)"},
		{"3号文件", "3=3/cardinal"},
		{"2035年", "2035年=2035/year"},
		{"2021年，人民群众", "2021年=2021/year"},
		{"二〇三五年", "二〇三五年=2035/year*"},
		{"90年代", "90年代=1990/year~about"},
		{"1990年代", "1990年代=1990/year~about"},
		{"5年", "5=5/cardinal"},
		{"周五", "周五=5/weekday*"},
		{"星期五", "星期五=5/weekday*"},
		{"星期天", "星期天=7/weekday*"},
		{"礼拜一", "礼拜一=1/weekday*"},
		{"上周三", "周三=3/weekday*"},
		{"周一至周五", "周一=1/weekday* 周五=5/weekday*"},
		// near misses: 一 in words, idioms, tokens, markers
		{"统一战线", ""},
		{"一带一路", ""},
		{"最安全的国家之一", ""},
		{"一些问题", ""},
		{"一样重要", ""},
		{"一定要", ""},
		{"一直坚持", ""},
		{"唯一的", ""},
		{"一切为了人民", ""},
		{"一起努力", ""},
		{"一项重大任务", ""},
		{"一个中国", ""},
		{"进一步加强", ""},
		{"十分重要", ""},
		{"万一发生", ""},
		{"千万不要", ""},
		{"千方百计", ""},
		{"千家万户", ""},
		{"百姓", ""},
		{"三四十人", ""},
		{"十四五规划", ""},
		{"五四运动", ""},
		{"两岸关系", ""},
		{"四川", ""},
		{"每周一次", ""},
		{"一周年", ""},
		{"新冠COVID-19疫情", ""},
		{"G20峰会", ""},
		{"5G网络", ""},
		{"H7N9", ""},
		{"10:30开会", ""},
		{"版本3.2.1", ""},
		{"(一)推进", ""},
		{"（十一）建设", ""},
		{"（1）加强", ""},
		{"第十二条规定", ""},
		{"一、总则", ""},
		{"多数人", ""},
		{"以上内容", ""},
		{"成为", ""},
		// several in a row
		{"2021年，满意度达98.62%，未来5年", "2021年=2021/year 98.62%=98.62/percent 5=5/cardinal"},
		{"“1、3、5分钟”快速响应", "1=1/cardinal 3=3/cardinal 5=5/cardinal"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Chinese(tt.in)
			assert.Equal(t, tt.want, fmtNums(got))
			checkNumberSpans(t, tt.in, got)
		})
	}
}

func TestEnglish(t *testing.T) {
	tests := []struct{ in, want string }{
		// digits and magnitudes
		{"more than 1.4 billion Chinese people", "more than 1.4 billion=1.4e+09/cardinal~more"},
		{"8.96 billion yuan", "8.96 billion=8.96e+09/cardinal"},
		{"2.5 million jobs", "2.5 million=2.5e+06/cardinal"},
		{"3 million", "3 million=3e+06/cardinal"},
		{"1,000,000 people", "1,000,000=1e+06/cardinal"},
		{"1,000 people", "1,000=1000/cardinal"},
		{"3.5 times", "3.5=3.5/cardinal"},
		{"1.4bn people", "1.4bn=1.4e+09/cardinal"},
		{"2 trillion yuan", "2 trillion=2e+12/cardinal"},
		{"15,000 yuan", "15,000=15000/cardinal"},
		// words
		{"two hundred", "two hundred=200/cardinal*"},
		{"two hundred and fifty people", "two hundred and fifty=250/cardinal*"},
		{"twenty-one countries", "twenty-one=21/cardinal*"},
		{"ninety-nine", "ninety-nine=99/cardinal*"},
		{"eighteen provinces", "eighteen=18/cardinal*"},
		{"five-year plan", "five=5/cardinal*"},
		{"three thousand", "three thousand=3000/cardinal*"},
		{"five million", "five million=5e+06/cardinal*"},
		{"a hundred", "a hundred=100/cardinal*"},
		{"a million people", "a million=1e+06/cardinal*"},
		// a rate's base: one of the magnitude (每百万, 每十万人)
		{"cases per million people", "million=1e+06/cardinal*"},
		{"for every hundred thousand people", "hundred thousand=100000/cardinal*"},
		{"each thousand households", "thousand=1000/cardinal*"},
		{"the million people", ""},
		{"million-dollar homes", ""},
		{"per cent", ""},
		{"a dozen", "a dozen=12/cardinal*"},
		{"two dozen", "two dozen=24/cardinal*"},
		{"twice as many", "twice=2/cardinal*"},
		{"two major issues", "two=2/cardinal*"},
		{"Two Upholds", "Two=2/cardinal*"},
		{"one year", "one=1/cardinal*"},
		{"one billion", "one billion=1e+09/cardinal*"},
		{"one, three, five minute", "one=1/cardinal* three=3/cardinal* five=5/cardinal*"},
		{"one-third", "one-third=0.333333/fraction*"},
		{"two-thirds of", "two-thirds=0.666667/fraction*"},
		{"a third of them", "a third=0.333333/fraction*"},
		{"three quarters", "three quarters=0.75/fraction*"},
		// approximations and vague magnitudes
		{"over 30 percent", "over 30 percent=30/percent~more"},
		{"nearly 14", "nearly 14=14/cardinal~nearly"},
		{"almost 500", "almost 500=500/cardinal~nearly"},
		{"about 5 years", "about 5=5/cardinal~about"},
		{"around 300", "around 300=300/cardinal~about"},
		{"roughly 20", "roughly 20=20/cardinal~about"},
		{"some 500 people", "some 500=500/cardinal~about"},
		{"at least 5", "at least 5=5/cardinal~more"},
		{"less than 10%", "less than 10%=10/percent~less"},
		{"fewer than 100", "fewer than 100=100/cardinal~less"},
		{"up to 8", "up to 8=8/cardinal~less"},
		{"5 years or more", "5=5/cardinal"},
		{"5 or more", "5 or more=5/cardinal~more"},
		{"100 or so", "100 or so=100/cardinal~about"},
		{"500-plus", "500-plus=500/cardinal~more"},
		{"dozens of", "dozens=12/cardinal~many*"},
		{"hundreds of", "hundreds=100/cardinal~many*"},
		{"thousands of people", "thousands=1000/cardinal~many*"},
		{"tens of thousands of", "tens of thousands=10000/cardinal~many*"},
		{"hundreds of millions", "hundreds of millions=1e+08/cardinal~many*"},
		{"for decades", "decades=10/cardinal~many*"},
		{"two decades", "two decades=20/cardinal~about*"},
		{"a decade", "a decade=10/cardinal~about*"},
		{"three decades", "three decades=30/cardinal~about*"},
		{"hundreds", ""},
		// ranges
		{"8 to 10", "8 to 10=8..10/cardinal"},
		{"8-10", "8-10=8..10/cardinal"},
		{"8–10", "8–10=8..10/cardinal"},
		{"between 8 and 10", "between 8 and 10=8..10/cardinal"},
		{"1.27 million to 2.5 million", "1.27 million to 2.5 million=1.27e+06..2.5e+06/cardinal"},
		{"13.8 billion to 14.3 billion", "13.8 billion to 14.3 billion=1.38e+10..1.43e+10/cardinal"},
		{"13.8-14.3 billion", "13.8-14.3 billion=1.38e+10..1.43e+10/cardinal"},
		{"5-8%", "5-8%=5..8/percent"},
		{"5 to 8 percent", "5 to 8 percent=5..8/percent"},
		{"2021-2025", "2021-2025=2021..2025/year"},
		{"from 2021 to 2025", "2021 to 2025=2021..2025/year"},
		{"between 2021 and 2025", "between 2021 and 2025=2021..2025/year"},
		{"one to two years", "one to two=1..2/cardinal*"},
		{"10 to 5", "10=10/cardinal 5=5/cardinal"},
		// percent and points
		{"reached 98.62 percent", "98.62 percent=98.62/percent"},
		{"98.62 per cent", "98.62 per cent=98.62/percent"},
		{"98.62%", "98.62%=98.62/percent"},
		{"5%", "5%=5/percent"},
		{"five percent", "five percent=5/percent*"},
		{"5 percentage points", "5 percentage points=5/points"},
		{"0.5 percentage point", "0.5 percentage point=0.5/points"},
		// ordinals
		{"the 20th National Congress", "20th=20/ordinal"},
		{"the 18th Party Congress", "18th=18/ordinal"},
		{"Third Plenary Session of the 20th Central Committee", "Third=3/ordinal* 20th=20/ordinal"},
		{"the 19th batch", "19th=19/ordinal"},
		{"the 1st and 2nd", "1st=1/ordinal 2nd=2/ordinal"},
		{"the third time", "third=3/ordinal*"},
		{"the twenty-first century", "twenty-first=21/ordinal*"},
		{"the first time", "first=1/ordinal*"},
		{"security comes first", "first=1/ordinal*"},
		{"the second-largest", "second=2/ordinal*"},
		{"the hundredth", "hundredth=100/ordinal*"},
		{"at first", ""},
		{"First, we must", ""},
		{"It works. Second, it scales.", ""},
		{"first of all", ""},
		{"in a second", ""},
		// dates, years, weekdays
		{"November 24, 2022", "November 24, 2022=date(2022.11.24)"},
		{"24 November 2022", "24 November 2022=date(2022.11.24)"},
		{"Nov. 24", "Nov. 24=date(0.11.24)"},
		{"on Nov 24", "Nov 24=date(0.11.24)"},
		{"December 8 to 10", "December 8 to 10=date(0.12.8-10)"},
		{"December 8-10, 2022", "December 8-10, 2022=date(2022.12.8-10)"},
		{"8-10 December", "8-10 December=date(0.12.8-10)"},
		{"November 24th", "November 24th=date(0.11.24)"},
		{"November 2022", "November 2022=date(2022.11.0)"},
		{"in November", "November=date(0.11.0)*"},
		{"since May", "May=date(0.5.0)*"},
		{"May I ask", ""},
		{"March forward", ""},
		{"in Jan", ""},
		{"by 2035", "2035=2035/year"},
		{"in 2021, the people", "2021=2021/year"},
		{"the 1990s", "1990s=1990/year~about"},
		{"on Friday", "Friday=5/weekday*"},
		{"Sunday", "Sunday=7/weekday*"},
		{"friday", ""},
		// near misses
		{"one of the safest countries", ""},
		{"no one", ""},
		{"one another", ""},
		{"one after another", ""},
		{"on one end", ""},
		{"the one-China policy", ""},
		{"one must", ""},
		{"COVID-19 prevention", ""},
		{"the G20 summit", ""},
		{"5G networks", ""},
		{"F-35 jets", ""},
		{"at 10:30", ""},
		{"version 3.2.1", ""},
		{"(1) Modernizing", ""},
		{"Article 12 provides", ""},
		{"I think", ""},
		{"someone", ""},
		{"often", ""},
		{"zero", ""},
		// several
		{"In 2021, the satisfaction level reached 98.62 percent; the next five years", "2021=2021/year 98.62 percent=98.62/percent five=5/cardinal*"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := English(tt.in)
			assert.Equal(t, tt.want, fmtNums(got))
			checkNumberSpans(t, tt.in, got)
		})
	}
}

func TestEqual(t *testing.T) {
	tests := []struct {
		zh, en string
		want   bool
	}{
		{"14亿", "1.4 billion", true},
		{"14亿多", "more than 1.4 billion", true},
		{"89.6亿", "8.96 billion", true},
		{"250万", "2.5 million", true},
		{"250万", "25 million", false},
		{"250万", "250 million", false},
		{"14亿", "14 billion", false},
		{"3千万", "30 million", true},
		{"一百零五", "105", true},
		{"二十", "twenty", true},
		{"两件", "two", true},
		{"1,000人", "1,000", true},
		{"1，000人", "one thousand", true},
		{"三千五百万", "35 million", true},
		{"98.62%", "98.62 percent", true},
		{"98.62%", "98.62 per cent", true},
		{"98.62%", "98.6 percent", false},
		{"百分之五", "5%", true},
		{"百分之五", "five percent", true},
		{"5个百分点", "5 percentage points", true},
		{"5个百分点", "5%", false},
		{"5%", "5", false},
		{"三成", "30 percent", true},
		{"三分之二", "two-thirds", true},
		{"四分之一", "a quarter of", true},
		{"三分之一", "two-thirds", false},
		{"二十大", "the 20th National Congress", true},
		{"二十大", "21st", false},
		{"十八大", "18th", true},
		{"十九届", "19th", true},
		{"三中全会", "Third Plenary Session", true},
		{"三中全会", "Fourth Plenary Session", false},
		{"第三", "third", true},
		{"第三", "3rd", true},
		{"第19批", "19th batch", true},
		{"第19批", "18th batch", false},
		{"20世纪", "20th century", true},
		{"2035年", "by 2035", true},
		{"2035年", "2035 people", true},
		{"2035年", "2036", false},
		{"2021至2025年", "2021-2025", true},
		{"2021至2025年", "between 2021 and 2025", true},
		{"2021至2025年", "2021-2026", false},
		{"2022年11月24日", "November 24, 2022", true},
		{"2022年11月24日", "24 November 2022", true},
		{"2022年11月24日", "Nov. 24", true},
		{"11月24日", "November 24, 2022", true},
		{"2022年11月24日", "November 24, 2021", false},
		{"2022年11月24日", "November 25, 2022", false},
		{"11月24日", "December 24", false},
		{"12月8日至10日", "December 8 to 10", true},
		{"12月8日至10日", "December 8-10", true},
		{"12月8日至10日", "December 8 to 12", false},
		{"12月8日至10日", "December 8", false},
		{"8日至10日", "December 8 to 10", true},
		{"2022年11月", "November 2022", true},
		{"十一月", "in November", true},
		{"十一月", "November 24", false},
		{"90年代", "the 1990s", true},
		{"周五", "Friday", true},
		{"星期五", "Friday", true},
		{"周五", "Thursday", false},
		{"周五", "5", false},
		{"8日", "the 8th", true},
		{"8日", "the 9th", false},
		{"11月8日", "the 8th", false},
		{"3号文件", "Document No. 3", true},
		{"127万到250万", "1.27 million to 2.5 million", true},
		{"127万到250万", "1.27 million", false},
		{"138亿至143亿", "13.8-14.3 billion", true},
		{"138至143亿", "13.8 billion to 14.3 billion", true},
		{"138亿至143亿", "13.8 billion to 14.4 billion", false},
		{"5至8%", "5-8%", true},
		{"5至8%", "5 to 8 percent", true},
		{"5至8%", "5 to 8", false},
		{"约5年", "about 5 years", true},
		{"近14亿", "nearly 1.4 billion", true},
		{"数万人", "tens of thousands of", true},
		{"几十年", "for decades", true},
		{"数十", "dozens of", true},
		{"数百", "dozens of", false},
		{"成千上万", "thousands of", true},
		{"二十多年", "more than two decades", true},
	}
	for _, tt := range tests {
		t.Run(tt.zh+"|"+tt.en, func(t *testing.T) {
			zh, en := Chinese(tt.zh), English(tt.en)
			require.NotEmpty(t, zh, "no number in %q", tt.zh)
			require.NotEmpty(t, en, "no number in %q", tt.en)
			a, b := zh[0], en[0]
			assert.Equal(t, tt.want, Equal(a, b), "%s vs %s", fmtNum(a), fmtNum(b))
			assert.Equal(t, tt.want, Equal(b, a), "symmetric")
			assert.True(t, Equal(a, a), "reflexive")
		})
	}
}

func TestEqualByHand(t *testing.T) {
	assert.True(t, Equal(Number{Value: 5}, Number{Value: 5, Hi: 5}), "Hi left zero")
	assert.False(t, Equal(Number{Value: 5, Hi: 6}, Number{Value: 5}))
	assert.True(t, Equal(Number{Value: 1e9}, Number{Value: 1e9 + 0.5}))
	assert.False(t, Equal(Number{Value: 1e9}, Number{Value: 1.001e9}))
	assert.False(t, Equal(Number{Kind: KindDate}, Number{Kind: KindDate}), "dates without Date")
	assert.False(t, Equal(Number{Kind: KindDate, Date: &Date{Year: 2022}}, Number{Kind: KindDate, Date: &Date{Month: 11}}), "nothing in common")
	assert.True(t, Equal(Number{Value: 20, Kind: KindOrdinal}, Number{Value: 20, Kind: KindCardinal}))
	assert.True(t, Equal(Number{Value: 2035, Kind: KindYear}, Number{Value: 2035}))
	assert.False(t, Equal(Number{Value: 5, Kind: KindPercent}, Number{Value: 5, Kind: KindPoints}))
}

func TestKindString(t *testing.T) {
	seen := map[string]bool{}
	for k := KindCardinal; k <= KindFraction; k++ {
		assert.False(t, seen[k.String()], k.String())
		seen[k.String()] = true
	}
	assert.Equal(t, "percent", KindPercent.String())
	assert.Equal(t, "unknown", Kind(-1).String())
}

func TestParseHan(t *testing.T) {
	tests := []struct {
		in   string
		want int64 // -1: rejected
	}{
		{"一", 1}, {"十", 10}, {"十二", 12}, {"二十", 20}, {"二十一", 21}, {"九十九", 99},
		{"一百", 100}, {"一百零五", 105}, {"一百一十", 110}, {"两百五十", 250}, {"两百五", 250},
		{"一千零一", 1001}, {"三千五", 3500}, {"一万五", 15000}, {"一万零五", 10005},
		{"三千五百万", 35000000}, {"十四亿", 1400000000}, {"一亿三千万", 130000000},
		{"一万亿", 1000000000000}, {"百万", 1000000}, {"万", 10000}, {"二〇二二", 2022},
		{"〇", 0}, {"两", 2}, {"一〇", 10},
		{"", -1}, {"三四十", -1}, {"十十", -1}, {"百十", -1}, {"亿亿", -1}, {"万万", -1},
		{"一万一万", -1}, {"两两", -1}, {"零五", 5}, {"五零零零万", -1},
	}
	for _, tt := range tests {
		v, ok := parseHan(tt.in)
		if tt.want < 0 {
			assert.False(t, ok, "%q gave %d", tt.in, v)
			continue
		}
		if assert.True(t, ok, tt.in) {
			assert.Equal(t, tt.want, v, tt.in)
		}
	}
}

func checkNumberSpans(t *testing.T, in string, ns []Number) {
	t.Helper()
	last := 0
	for _, n := range ns {
		if n.Start < last || n.End <= n.Start || n.End > len(in) {
			t.Fatalf("bad span %d:%d (after %d) in %q", n.Start, n.End, last, in)
		}
		if in[n.Start:n.End] != n.Text {
			t.Fatalf("Text %q != input[%d:%d] %q", n.Text, n.Start, n.End, in[n.Start:n.End])
		}
		if (n.Kind == KindDate) != (n.Date != nil) {
			t.Fatalf("Date set for kind %s: %+v", n.Kind, n)
		}
		if n.Hi < n.Value {
			t.Fatalf("Hi below Value: %+v", n)
		}
		last = n.End
	}
}

var numberSeeds = []string{
	"14亿多中国人民", "2022年11月24日", "12月8日至10日", "127万到250万", "百分之九十八点六二",
	"二十届三中全会", "5个百分点", "三分之二", "周五至周日", "1，000", "３．５", "第19批",
	"more than 1.4 billion", "November 24, 2022", "December 8 to 10", "between 8 and 10",
	"two hundred and fifty", "tens of thousands", "COVID-19", "5-8%", "one-third", "1990s",
	"Nov. 24", "1,000,000", "3.2.1", "10:30", "\xff1\xfe", "第", "百分之", "-", "a",
}

func FuzzChinese(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkNumberSpans(t, in, Chinese(in))
	})
}

func FuzzEnglish(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkNumberSpans(t, in, English(in))
	})
}

// TestEnglishHyphenMagnitude: a magnitude joined to its digits by a hyphen
// in a compound adjective is read with them; other compounds are not.
func TestEnglishHyphenMagnitude(t *testing.T) {
	for _, c := range []struct {
		in   string
		text string
		v    float64
	}{
		{"a 100-billion-yuan fund", "100-billion", 1e11},
		{"a 5-million-dollar grant", "5-million", 5e6},
		{"a 3-year plan", "3", 3},
		{"a 2-thousand-word essay", "2", 2},
	} {
		ns := English(c.in)
		if len(ns) != 1 || ns[0].Text != c.text || ns[0].Value != c.v {
			t.Errorf("%q: got %+v, want %q = %v", c.in, ns, c.text, c.v)
		}
	}
}
