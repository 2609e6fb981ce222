package numerals

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Table tests for what official translations contain (issue 13, classes 2
// and 3): numbering written with spaces and traditional characters,
// inserted articles, references, list markers; compound magnitudes, Minguo
// years, units, approximations, figures of speech, placeholders. Every
// example is written for these tests.

// fmtRich is fmtNum with the unit and the reading flags:
// Text=value/kind[~approx][*][ unit][ {flags}].
func fmtRich(n Number) string {
	var b strings.Builder
	b.WriteString(fmtNum(n))
	if n.Unit != "" {
		b.WriteString(" " + n.Unit)
	}
	var fl []string
	for _, f := range []struct {
		r    Reading
		name string
	}{{ReadMinguo, "minguo"}, {ReadGuess, "guess"}, {ReadName, "name"}, {ReadJoined, "joined"}} {
		if n.Read&f.r != 0 {
			fl = append(fl, f.name)
		}
	}
	if n.Base {
		fl = append(fl, "base")
	}
	if len(fl) > 0 {
		fmt.Fprintf(&b, " {%s}", strings.Join(fl, ","))
	}
	return b.String()
}

func fmtRichAll(ns []Number) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmtRich(n)
	}
	return strings.Join(parts, " ")
}

func TestOfficialChinese(t *testing.T) {
	tests := []struct{ in, want string }{
		// traditional characters read as simplified
		{"處新臺幣四十萬元以上", "四十萬=400000/cardinal~more*"},
		{"人口逾五十萬人者", "逾五十萬=500000/cardinal~more*"},
		{"收入一億兩千萬元", "一億兩千萬=1.2e+08/cardinal*"},
		{"共計三十個單位", "三十=30/cardinal*"},
		{"約三千萬人", "約三千萬=3e+07/cardinal~about*"},
		{"每滿一百人應有", "一百=100/cardinal*"},
		// a rate's base, right after 每
		{"谋杀率从每一百万15起", "一百万=1e+06/cardinal* {base} 15=15/cardinal"},
		{"每十万人中有3例", "十万=100000/cardinal* {base} 3=3/cardinal"},
		{"每5年召开一次", "5=5/cardinal"},
		{"增加百分之二‧六", "百分之二‧六=2.6/percent*"},
		// the 千 of a unit: kilogram, kilometre, kilowatt(-hour)
		{"一千克質量物質吸收一焦耳能量", "一千=1/cardinal* kg"},
		{"男子三千米障碍赛", "三千=3/cardinal* km"},
		{"年发电三千瓦時", "三千=3/cardinal* kWh"},
		{"一千公斤", "一千=1000/cardinal* kg"},
		{"一千人", "一千=1000/cardinal*"},
		{"一千五百克", "一千五百=1500/cardinal* g"},
		// blanks inside numbers
		{"全文 12 條", "12=12/cardinal"},
		{"十  二省以上之水利", "二=2/cardinal~more*"},
		{"近 300 万人", "近 300 万=3e+06/cardinal~nearly"},
		{"12 月 24 日", "12 月 24 日=date(0.12.24)"},
		{"约4 000人", "约4 000=4000/cardinal~about"},
		{"1 000 000元", "1 000 000=1e+06/cardinal"},
		// compound magnitudes
		{"财政收入4万多亿元", "4万多亿=4e+12/cardinal~more"},
		{"出境旅游1亿3千多万人次", "1亿3千多万=1.3e+08/cardinal~more {joined}"},
		{"75万7千人", "75万7千=757000/cardinal {joined}"},
		{"3亿5000万元", "3亿5000万=3.5e+08/cardinal {joined}"},
		{"三千多万人", "三千多万=3e+07/cardinal~more*"},
		{"二十多亿元", "二十多亿=2e+09/cardinal~more*"},
		{"5万3人", "5万=50000/cardinal 3=3/cardinal"},
		{"14亿多万人", "14亿多=1.4e+09/cardinal~more"},
		// Minguo years
		{"中華民國三十六年三月三十一日公布", "中華民國三十六年三月三十一日=date(1947.3.31)* {minguo}"},
		{"民國 99 年", "民國 99 年=2010/year {minguo}"},
		{"中華民國九十九年一月一日施行", "中華民國九十九年一月一日=date(2010.1.1)* {minguo}"},
		{"中华民国元年", "中华民国元年=1912/year* {minguo}"},
		{"中華民國一○六年", "中華民國一○六年=2017/year* {minguo}"},
		{"自一百十一年一月四日施行", "一百十一年一月四日=date(2022.1.4)* {minguo,guess}"},
		{"並自一零六年六月十三日施行", "一零六年六月十三日=date(2017.6.13)* {minguo,guess}"},
		{"自一百零七年度起", "一百零七年度=2018/year* {minguo,guess}"},
		{"近5年1月", "5=5/cardinal 1月=date(0.1.0)"},
		{"中华民族", ""},
		{"民国时期", ""},
		// document and law numbers
		{"總統華總一義字第 09800015711  號令", "第 09800015711  號=9.80002e+09/id"},
		{"国务院令第3号", "第3号=3/id"},
		// units
		{"粮食产量1.33万亿斤", "1.33万亿=1.33e+12/cardinal jin"},
		{"新建高标准农田8000万亩", "8000万=8e+07/cardinal mu"},
		{"国土面积960万平方公里", "960万=9.6e+06/cardinal km2"},
		{"装机3.5万千瓦", "3.5万=35000/cardinal kW"},
		{"5公里", "5=5/cardinal km"},
		{"深度為○‧○七毫米", "○‧○七=0.07/cardinal* mm"},
		{"不超過○‧○二毫西弗", "超過○‧○二=0.02/cardinal~more*"},
		{"不得超過 1.85 ×1011 貝克", "超過 1.85 ×1011=1.85e+11/cardinal~more {guess}"},
		{"3.7×10^10贝克", "3.7×10^10=3.7e+10/cardinal"},
		{"放大3×10倍", "3=3/cardinal 10=10/cardinal"},
		{"處六月以上五年以下有期徒刑", "六=6/cardinal~more* 五=5/cardinal~less*"},
		{"計算至就職前一日止", ""},
		{"於十日內", "十日=date(0.0.10)*"},
		{"新增5000公顷", "5000=5000/cardinal ha"},
		{"运送200万吨货物", "200万=2e+06/cardinal t"},
		{"由3升至5", "3=3/cardinal 5=5/cardinal"},
		// centuries and decades
		{"20世纪70年代", "20世纪70年代=1970/year~about"},
		{"二十世纪九十年代", "二十世纪九十年代=1990/year~about*"},
		// capital numerals
		{"攝氏拾度以下", "拾=10/cardinal~less*"},
		{"金额壹佰元", "壹佰=100/cardinal*"},
		{"队伍人数", ""},
		{"大陆人民", ""},
		// idioms and names
		{"来自四面八方", ""},
		{"三番五次强调", ""},
		{"五湖四海", ""},
		{"三心二意", ""},
		{"每人一點五公頃", "一點五=1.5/cardinal* ha"},
		{"三至五年", "三至五=3..5/cardinal*"},
		{"比分五比一", ""},
		{"三到5年", "三到5=3..5/cardinal"},
		{"一心一意", ""},
		{"万众一心", ""},
		{"两年一次", "两=2/cardinal*"},
		{"三省一市", "三=3/cardinal*"},
		{"实现“两个一百年”奋斗目标", "两=2/cardinal* {name} 一百=100/cardinal* {name}"},
		{"“十三五”规划", ""},
		{"《2022年报告》", "2022年=2022/year {name}"},
		{"2022年报告", "2022年=2022/year"},
		// placeholders
		{"国家安全体系{1}和{/1}能力", ""},
		{"共{2}项", ""},
		{"%1人", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Chinese(tt.in)
			assert.Equal(t, tt.want, fmtRichAll(got))
			checkNumberSpans(t, tt.in, got)
		})
	}
}

func TestOfficialEnglish(t *testing.T) {
	tests := []struct{ in, want string }{
		// magnitudes in words
		{"half a million people", "half a million=500000/cardinal*"},
		{"half a billion yuan", "half a billion=5e+08/cardinal*"},
		{"half a dozen", "half a dozen=6/cardinal*"},
		{"one and a half billion", "one and a half billion=1.5e+09/cardinal* {joined}"},
		// a rate's base, after per, every or each
		{"15 to 150 per million", "15 to 150=15..150/cardinal million=1e+06/cardinal* {base}"},
		{"6.7 per 1,000 people", "6.7=6.7/cardinal 1,000=1000/cardinal {base}"},
		{"for every 10,000 yuan", "10,000=10000/cardinal {base}"},
		{"1,000 people per day", "1,000=1000/cardinal"},
		{"held every 5 years", "5=5/cardinal"},
		{"3 cases per\n100,000 people", "3=3/cardinal 100,000=100000/cardinal {base}"},
		{"every 150 metres", "150=150/cardinal m"},
		{"two and a half million", "two and a half million=2.5e+06/cardinal* {joined}"},
		{"a million and a half", "a million and a half=1.5e+06/cardinal* {joined}"},
		{"two and a half years", "two and a half=2.5/cardinal* {joined}"},
		{"a quarter of a million", "a quarter of a million=250000/cardinal*"},
		{"three quarters of a million", "three quarters of a million=750000/cardinal*"},
		{"1.5 billion", "1.5 billion=1.5e+09/cardinal"},
		{"one million two hundred thousand", "one million two hundred thousand=1.2e+06/cardinal*"},
		{"a quarter of the members", "a quarter=0.25/fraction*"},
		{"half of the members", ""},
		// figures of speech
		{"ten thousand li", "ten thousand=10000/cardinal* {guess}"},
		{"a thousand reasons", "a thousand=1000/cardinal* {guess}"},
		{"ten thousand and five", "ten thousand and five=10005/cardinal*"},
		// units
		{"665 million metric tons of grain", "665 million=6.65e+08/cardinal t"},
		{"9.6 million square kilometres", "9.6 million=9.6e+06/cardinal km2"},
		{"5.33 million hectares", "5.33 million=5.33e+06/cardinal ha"},
		{"a 5-kilometre road", "5=5/cardinal km"},
		{"1.5 million kilowatts", "1.5 million=1.5e+06/cardinal kW"},
		{"200 megawatts", "200=200/cardinal MW"},
		{"3.1 miles", "3.1=3.1/cardinal mi"},
		{"120 million mu", "120 million=1.2e+08/cardinal mu"},
		{"5 to 8 kilometres", "5 to 8=5..8/cardinal km"},
		// percent written with a hyphen
		{"a 6.7-percent growth", "6.7-percent=6.7/percent"},
		// scientific notation
		{"1.85E+11 Bq of tritium", "1.85E+11=1.85e+11/cardinal"},
		{"3.7 × 10^10 Bq", "3.7 × 10^10=3.7e+10/cardinal"},
		{"the 5E model", ""},
		// dates official documents write
		{"promulgated on June, 19, 2002 by", "June, 19, 2002=date(2002.6.19)"},
		{"amended on the 18th of December 2015", "18th of December 2015=date(2015.12.18)"},
		{"this twenty-second day of June, in the year of our Lord two thousand twenty", "twenty-second day of June, in the year of our Lord two thousand twenty=date(2020.6.22)*"},
		{"the 22nd day of June, 2020", "22nd day of June, 2020=date(2020.6.22)"},
		{"the 110th year of the Republic of China", "110th year of the Republic of China=2021/year {minguo}"},
		{"the 108th Year, Republic of China", "108th Year, Republic of China=2019/year {minguo}"},
		{"Seventeen seventy-six represented", "Seventeen seventy-six=1776/year* {guess}"},
		{"sixteen twenty-year-olds", "sixteen=16/cardinal* twenty=20/cardinal*"},
		{"an estimated five to ten million citizens", "an estimated five to ten million=5e+06..1e+07/cardinal~about*"},
		{"Fourscore and seven years ago", "Fourscore and seven=87/cardinal*"},
		{"threescore and ten", "threescore and ten=70/cardinal*"},
		{"four score and seven", "four score and seven=87/cardinal*"},
		{"the score was high", ""},
		{"world-class care 24/7", ""},
		{"after 9/11 the", ""},
		{"on 29/11 the", "29=29/cardinal 11=11/cardinal"},
		// document numbers
		{"Order No.9 of the Chairman", "9=9/id"},
		{"Document No. 3", "3=3/id"},
		{"no. 5 of them", "5=5/id"},
		// footnote calls, labels, placeholders
		{"the Soviet challenge.54 To counter", ""},
		{"Marxism-Leninism.”134 Daniel Tobin", ""},
		{"in 2019.134 Despite this", "2019=2019/year"},
		{"from the West. 142 These include", ""},
		{"grew 2019.5 percent", "2019.5 percent=2019.5/percent"},
		{"Speaker 10: We all know", ""},
		{"the vote: 10 to 2", "10=10/cardinal 2=2/cardinal"},
		{"{1}National{/1} security", ""},
		{"<1>5</1> people", "5=5/cardinal"},
		// months listed after one trigger word are all months
		{"in January, April, July, and October of each year", "January=date(0.1.0)* April=date(0.4.0)* July=date(0.7.0)* October=date(0.10.0)*"},
		{"between February and July of a year", "February=date(0.2.0)* July=date(0.7.0)*"},
		{"from June to August", "June=date(0.6.0)* August=date(0.8.0)*"},
		{"in April or May", "April=date(0.4.0)* May=date(0.5.0)*"},
		{"In March, May said", "March=date(0.3.0)*"},
		{"April, July", ""},
		{"January and April were cold", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := English(tt.in)
			assert.Equal(t, tt.want, fmtRichAll(got))
			checkNumberSpans(t, tt.in, got)
		})
	}
}

func TestOfficialLeading(t *testing.T) {
	tests := []struct {
		in   string
		want string // text=value[-sub]/style/unit, "" for none
	}{
		// Taiwan laws: blanks, traditional units, inserted articles
		{"第 1 條　本法依憲法制定之。", "第 1 條=1/article-han/article"},
		{"第 一 章 總則", "第 一 章=1/chapter-han/chapter"},
		{"第 二 節 通則", "第 二 節=2/section-han/section"},
		{"第 三 編 物權", "第 三 編=3/part-han/part"},
		{"第十條之一　前項", "第十條之一=10-1/article-han/article"},
		{"第 1 條之 1　", "第 1 條之 1=1-1/article-han/article"},
		{"第 15-1 條　機關", "第 15-1 條=15-1/article-han/article"},
		{"第一款　契約", "第一款=1/clause-han/clause"},
		{"第一项任务是", ""},
		{"第一篇 开启新征程", "第一篇=1/part-han/part"},
		// PRC laws: a heading needs no blank
		{"第一条为了保障婚姻自由", "第一条=1/article-han/article"},
		// references are not headings
		{"第六條規定之勞工，其投保單位", ""},
		{"第十條第一項規定，於前項準用之。", ""},
		{"第一項、第二項之申報，應載明", ""},
		{"第 5、6 條條文", ""},
		{"第四条、一般规定。", "第四条=4/article-han/article"},
		{"Article 6 shall be complied with", ""},
		{"Paragraph 2 of Article 5 shall apply", ""},
		{"Article 5, 11 and 13 of this Act", ""},
		{"Article 10 the marriage shall be invalid if:", "Article 10=10/article/article"},
		// English headings
		{"Article 15-1 The competent authority", "Article 15-1=15-1/article/article"},
		{"Sec. 2.  Policy.", "Sec. 2=2/section/section"},
		{"Sec. 2.3 Scope", ""},
		{"Section 1. Purpose.", "Section 1=1/section/section"},
		{"Paragraph 3 The", "Paragraph 3=3/clause/clause"},
		{"Subparagraph 4", "Subparagraph 4=4/clause/clause"},
		{"Chapter V Penalties", "Chapter V=5/chapter/chapter"},
		{"Part One", "Part One=1/part/part"},
		{"Sec 2 of", ""},
		// list markers as official texts type them
		{"一、2023年工作回顾", "一、=1/han-comma/"},
		{"二、二級機關：由其上級機關擬案", "二、=2/han-comma/"},
		{"三、四月份雨水多", ""},
		{"一　每縣市選出代表一人", "一=1/han-comma/"},
		{"六  省農林及水利", "六=6/han-comma/"},
		{"九  二省以上之水陸交通", "九=9/han-comma/"},
		{"三  四月份", ""},
		{"Article 6 does not apply to", ""},
		{"Article 2 amended and promulgated per the President's Order", ""},
		{"一 带 一 路", ""},
		{"1.more than half of the shareholders", "1.=1/digit-dot/"},
		{"Paragraph 5.1 The", ""},
		{"5.3 To remain eligible, a veterinarian", ""},
		{"2.5 million people", ""},
		{"2.3", ""},
		{"9.a copy of the original approval", "9.=9/digit-dot/"},
		{"1.x", ""},
		{"IV.Violate Article 12", "IV.=4/roman/"},
		{"甲、填補歷年虧損。", "甲、=1/stem/"},
		{"（丙）其他", "（丙）=3/stem/"},
		{"甲方应当", ""},
		// ordinal words
		{"一是加强领导，二是完善机制。", "一是=1/ordinal-word/"},
		{"一是一，二是二", ""},
		{"统一是前提", ""},
		{"First of all, we", "First of all,=1/ordinal-word/"},
		{"Firstly, we", "Firstly,=1/ordinal-word/"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, ok := Leading(tt.in)
			got := ""
			if ok {
				got = fmtEnum(e)
				assert.Equal(t, tt.in[e.Start:e.End], e.Text)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func fmtEnum(e Enumerator) string {
	v := fmt.Sprint(e.Value)
	if e.Sub != 0 {
		v += fmt.Sprintf("-%d", e.Sub)
	}
	return fmt.Sprintf("%s=%s/%s/%s", e.Text, v, e.Style, e.Unit)
}

func TestOfficialAll(t *testing.T) {
	tests := []struct{ in, want string }{
		{"依憲法第八十二條制定之", "第八十二條=82"},
		{"修正公布第 3、9、12～14、16、22 條條文", "第 3=3 9=9 12=12 14=14 16=16 22 條=22"},
		{"增訂第 5-1、9-1～9-4、20-1  條條文", "第 5-1=5-1 9-1=9-1 9-4=9-4 20-1  條=20-1"},
		{"第五條第二項、第七條及第十一條", "第五條=5 第二項=2 第七條=7 第十一條=11"},
		{"Articles 107, 108, 109 and 110 shall", "Articles 107=107 108=108 109=109 110=110"},
		{"violates Articles 6.1, 20.2, 21.2, 22, or 23, the", "Articles 6.1=6 20.2=20 21.2=21 22=22 23=23"},
		{"Article 167 or 167-1 of the Act", "Article 167=167 167-1=167-1"},
		{"subparagraphs 1 to 4 of Article 9", "subparagraphs 1=1 4=4 Article 9=9"},
		{"第5、6名选手", ""},
		{"修正公布第 7、8 及第 10 條條文", "第 7=7 8=8 10 條=10"},
		{"Article 5, 2020 amendments", "Article 5=5"},
		{"the following: 1. Contract employees; 2. Police; and 3. Drivers.", "1.=1 2.=2"},
		{"it rose by 2. 3 Members", ""},
		{"Article 5 5.1 A veterinarian shall apply", "Article 5=5 5.1=1"},
		{"in Section 22.1 (paragraph 1 of Article 22) and", "Section 22.1=22 paragraph 1=1 Article 22=22"},
		{"a rise of 5 5.1 Percent", ""},
		{"5.3 To remain eligible, a veterinarian", "5.3=3"},
		{"3.2.1 一般规定", "3.2.1=1"},
		{"2.5 million people", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			es := All(tt.in)
			parts := make([]string, len(es))
			for i, e := range es {
				v := fmt.Sprint(e.Value)
				if e.Sub != 0 {
					v += fmt.Sprintf("-%d", e.Sub)
				}
				parts[i] = e.Text + "=" + v
				assert.Equal(t, tt.in[e.Start:e.End], e.Text)
			}
			assert.Equal(t, tt.want, strings.Join(parts, " "))
			// numbers inside the references are left to the numbering check
			for _, n := range append(Chinese(tt.in), English(tt.in)...) {
				for _, e := range es {
					assert.False(t, n.Start < e.End && e.Start < n.End, "number %q overlaps %q", n.Text, e.Text)
				}
			}
		})
	}
}

func TestOfficialSame(t *testing.T) {
	lead := func(s string) Enumerator {
		e, ok := Leading(s)
		require.True(t, ok, "no enumerator in %q", s)
		return e
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"第 1 條　本法", "Article 1 This Act", true},
		{"第 一 章 總則", "Chapter I General", true},
		{"第 一 章 總則", "CHAPTER ONE", true},
		{"第十條之一　前項", "Article 10-1 The", true},
		{"第十條之一　前項", "Article 10 The", false},
		{"第 10 條　前項", "Article 10-1 The", false},
		{"第三條 國家", "Sec. 3. Policy.", true},
		{"第一部分 總體", "Section 1. Purpose.", true},
		{"第一節 總體", "Section 1. Purpose.", true},
		{"第一章 總體", "Section 1. Purpose.", false},
		{"四、依法應撤職。", "Subparagraph 4", true},
		{"（四）其他", "Paragraph 4", true},
		{"四、依法應撤職。", "Subparagraph 5", false},
		{"甲、填補", "(i) Replenishment", true},
		{"乙、撥用", "(b) Appropriation", true},
		{"乙、撥用", "(i) Appropriation", false},
		{"第二款　契約", "Subparagraph 2", true},
		{"一是加强", "First, we", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			a, b := lead(tt.a), lead(tt.b)
			assert.Equal(t, tt.want, Same(a, b), "%+v vs %+v", a, b)
			assert.Equal(t, tt.want, Same(b, a), "symmetric")
		})
	}
}

func TestFollows(t *testing.T) {
	e := func(v, sub int) Enumerator { return Enumerator{Value: v, Sub: sub, Style: StyleArticleHan} }
	tests := []struct {
		prev, next Enumerator
		want       bool
	}{
		{e(9, 0), e(10, 0), true},
		{e(9, 0), e(1, 0), true},
		{e(48, 0), e(48, 1), true},
		{e(48, 1), e(48, 2), true},
		{e(48, 5), e(49, 0), true},
		{e(48, 0), e(48, 0), false},
		{e(48, 1), e(48, 3), false},
		{e(48, 0), e(50, 0), false},
		{e(48, 2), e(48, 1), false},
		{e(47, 0), e(48, 1), false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Follows(tt.prev, tt.next), "%+v → %+v", tt.prev, tt.next)
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		zh, en string
		want   Match
	}{
		// exact
		{"14亿", "1.4 billion", MatchExact},
		{"4万多亿", "over 4 trillion", MatchExact},
		{"1亿3千多万", "more than 130 million", MatchExact},
		{"二分之一", "50%", MatchExact},
		{"20万千瓦", "200 megawatts", MatchExact},
		{"5000米", "5 kilometres", MatchExact},
		{"中華民國三十六年", "1947", MatchExact},
		{"民國99年1月1日", "January 1, 2010", MatchExact},
		{"一百萬", "a million", MatchExact},
		{"第 09800015711 號", "No. 09800015711", MatchExact},
		// approximations and ranges
		{"4万多亿", "4.2 trillion", MatchApprox},
		{"4万多亿", "5.5 trillion", MatchNone},
		{"近14亿", "1.39 billion", MatchApprox},
		{"近14亿", "1.5 billion", MatchNone},
		{"约5%", "5.3 percent", MatchApprox},
		{"十几个", "more than a dozen", MatchApprox},
		{"近十次", "nearly a dozen", MatchNone}, // "nearly ten" is not "nearly twelve"
		{"近十次", "almost ten times", MatchExact},
		{"3600多万", "36.5 million", MatchApprox},
		{"3600多万", "37.5 million", MatchNone},
		{"5至8%", "6 percent", MatchNone},
		{"5至8%", "about 5 to 8 percent", MatchExact},
		{"约5至8%", "4 to 9 percent", MatchApprox},
		{"127万到250万", "between 1.27 and 25 million", MatchNone},
		{"5至8%", "5 to 9 percent", MatchNone},
		{"数万", "tens of thousands of", MatchExact},
		{"三分之一", "33%", MatchApprox},
		// rounding of the coarser figure (two significant digits or more)
		{"13.86亿", "1.4 billion", MatchApprox},
		{"1386", "1,390", MatchApprox},
		{"250", "300", MatchNone},
		{"13.86亿", "1.5 billion", MatchNone},
		// unit conversions
		{"1.33万亿斤", "665 million metric tons", MatchExact},
		{"8000万亩", "5.33 million hectares", MatchConverted},
		{"1亿亩", "6.67 million hectares", MatchConverted},
		{"5公里", "3.1 miles", MatchConverted},
		{"5公里", "3 miles", MatchConverted}, // 3.1 rounded to one digit
		{"5公里", "4 miles", MatchNone},
		{"5公里", "5 miles", MatchNone},
		{"5公里", "5", MatchExact},
		{"100多公里", "over 62 miles", MatchConverted},
		// different kinds
		{"5%", "5", MatchNone},
		{"2022年11月24日", "November 24, 2022", MatchExact},
		{"2022年11月24日", "November 25, 2022", MatchNone},
	}
	for _, tt := range tests {
		t.Run(tt.zh+"|"+tt.en, func(t *testing.T) {
			zh, en := Chinese(tt.zh), English(tt.en)
			require.NotEmpty(t, zh, "no number in %q", tt.zh)
			require.NotEmpty(t, en, "no number in %q", tt.en)
			a, b := zh[0], en[0]
			assert.Equal(t, tt.want, Compare(a, b), "%s vs %s", fmtRich(a), fmtRich(b))
			assert.Equal(t, tt.want, Compare(b, a), "symmetric")
			assert.Equal(t, tt.want == MatchExact || tt.want == MatchConverted, Equal(a, b) && Compare(a, b) != MatchNone,
				"Equal agrees with Compare")
		})
	}
}

func TestStep(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"1.33万亿", 1e10}, {"4万多亿", 1e12}, {"2023", 1}, {"89.6亿", 1e7}, {"130 million", 1e7},
		{"3.1", 0.1}, {"0.07", 0.01}, {"1,000", 1000},
	}
	for _, tt := range tests {
		ns := English(tt.in)
		if strings.ContainsFunc(tt.in, isHan) {
			ns = Chinese(tt.in)
		}
		require.NotEmpty(t, ns, tt.in)
		assert.InEpsilon(t, tt.want, Step(ns[0]), 1e-9, tt.in)
	}
}

func TestConfidence(t *testing.T) {
	tests := []struct {
		in    string
		plain bool
		conf  float64
	}{
		{"2.5亿", true, 1},
		{"二十个", false, 0.7},
		{"约5%", false, 1},
		{"中華民國三十六年", false, 0.7 * 0.9},
		{"自一百十一年一月四日施行", false, 0.7 * 0.9 * 0.5},
		{"“两个一百年”", false, 0.7 * 0.4},
		{"数万", false, 0.7 * 0.5},
		{"第3号", false, 0.6},
		{"ten thousand li", false, 0.7 * 0.5},
		{"1,000 people", true, 1},
	}
	for _, tt := range tests {
		ns := Chinese(tt.in)
		if len(ns) == 0 {
			ns = English(tt.in)
		}
		require.NotEmpty(t, ns, tt.in)
		assert.Equal(t, tt.plain, ns[0].Plain(), tt.in)
		assert.InDelta(t, tt.conf, ns[0].Confidence(), 1e-9, tt.in)
	}
	a, b := Chinese("8000万亩")[0], English("5.33 million hectares")[0]
	assert.InDelta(t, 0.8, PairConfidence(a, b, Compare(a, b)), 1e-9)
}

func TestUnits(t *testing.T) {
	v, ok := Convert(5, "km", "mi")
	require.True(t, ok)
	assert.InDelta(t, 3.107, v, 1e-3)
	_, ok = Convert(5, "km", "t")
	assert.False(t, ok, "length to mass")
	_, ok = Convert(5, "km", "parsec")
	assert.False(t, ok, "unknown unit")
	assert.Equal(t, DimArea, UnitDimension("mu"))
	assert.Equal(t, "", UnitDimension(""))
	lo, hi, dim, ok := Chinese("1.33万亿斤")[0].SI()
	require.True(t, ok)
	assert.Equal(t, DimMass, dim)
	assert.InEpsilon(t, 6.65e11, lo, 1e-9)
	assert.InEpsilon(t, 6.65e11, hi, 1e-9)
	_, _, _, ok = Chinese("250万人")[0].SI()
	assert.False(t, ok, "people are not a unit of measure")
}

func TestFixedExpressions(t *testing.T) {
	// a dictionary written for the test, as the lexicon would answer it
	dict := map[string][]string{
		"一天到晚": {"all", "day", "long"},
		"一年到头": {"all", "year", "round"},
		"二十四史": {"twenti", "four", "histori"},
		"三天两头": {"day", "three", "twice"},
	}
	gl := func(w string) ([]string, bool) {
		ws, ok := dict[w]
		return ws, ok
	}
	tests := []struct {
		in   string
		want string
	}{
		{"他一天到晚工作", ""},
		{"一年到头忙碌", ""},
		{"编纂二十四史", "二十四=24/cardinal*"},
		{"三天两头出差", "三=3/cardinal* 两=2/cardinal*"},
		{"工作一天", "一=1/cardinal*"},
		{"用了3年", "3=3/cardinal"},
	}
	for _, tt := range tests {
		got := WithoutFixedExpressions(tt.in, Chinese(tt.in), gl)
		assert.Equal(t, tt.want, fmtRichAll(got), tt.in)
	}
	assert.False(t, InFixedExpression("一天到晚", Number{Start: 0, End: 3}, nil), "no dictionary")
	for _, w := range []string{"two", "Twenti", "hundr", "thousands", "1990", "doubl"} {
		assert.True(t, IsNumberWord(w), w)
	}
	for _, w := range []string{"day", "mind", "peopl", ""} {
		assert.False(t, IsNumberWord(w), w)
	}
}

func TestSeries(t *testing.T) {
	lead := func(s string) Enumerator {
		e, ok := Leading(s)
		require.True(t, ok, s)
		return e
	}
	assert.Equal(t, lead("(a) The").Series(), lead("(b) The").Series())
	assert.NotEqual(t, lead("(a) The").Series(), lead("(E) The").Series())
	assert.NotEqual(t, lead("II. Body").Series(), lead("(ii) item").Series())
	assert.NotEqual(t, lead("第一章 總則").Series(), lead("第一條 本法").Series())
	assert.Equal(t, "article-han", lead("第 1 條　本法").Series())
}

// TestBasePlain: a rate's base read from digits is as plain as any
// number read from digits, so that two bases that differ (每10万人
// against "per 10,000") are an error as other plain figures are.
func TestBasePlain(t *testing.T) {
	ns := English("3 cases per 10,000 people")
	require.Len(t, ns, 2)
	require.True(t, ns[1].Base)
	require.True(t, ns[1].Plain())
}
