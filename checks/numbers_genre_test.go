package checks_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// TestNumbersGenre: numbers the genre writes so that the other side has no
// number of the same value, though it says the same thing (issue 13, the
// numbers/missing class): months listed after one "in", a range spelt out
// as its members, a span in years and months against months, zero, digits
// read one by one, neighbouring digits, decades of an age, a Roman numeral.
// Each class has a row where the translation really lacks the number.
func TestNumbersGenre(t *testing.T) {
	const none = checks.Severity(0)
	for _, c := range []struct {
		zh, en string
		source align.Lang
		lo, hi checks.Severity
	}{
		// months listed after one trigger word
		{"系統經營者應於每年一月、四月、七月及十月向主管機關申報訂戶數。", "System operators shall report the number of subscribers in January, April, July, and October of each year to the authority.", align.Zh, none, none},
		{"被保險人之薪資，在當年二月至七月調整時，應通知保險人。", "If the salary of the insured person is adjusted between February and July of a year, the insurer shall be notified.", align.Zh, none, none},
		{"系統經營者應於每年一月、四月、七月及十月向主管機關申報訂戶數。", "System operators shall report the number of subscribers in January, April and October of each year to the authority.", align.Zh, checks.Warning, checks.Warning},
		// a range written by its ends against its members
		{"醫師非領有使用執照，不得使用第一級至第三級管制藥品。", "Physicians may not administer Schedule 1, 2 or 3 controlled drugs without a license.", align.Zh, none, none},
		{"醫師非領有使用執照，不得使用第一級及第三級管制藥品。", "Physicians may not administer Schedule 1, 2 or 3 controlled drugs without a license.", align.Zh, checks.Warning, checks.Warning},
		// a span in years and months against months
		{"主管機關得縮短其護照效期為一年六個月以上三年以下。", "The Competent Authority may shorten the validity of the passport to between 18 months and three years.", align.Zh, none, none},
		{"行政院應編製一次一年六個月之預算，以資調整。", "The Executive Yuan shall prepare a one-time 18-month budget so that due adjustment can be made.", align.Zh, none, none},
		{"前項減免年限屆期前半年，行政院得決定是否延長減免年限。", "The Executive Yuan may, 6 months before the exemption period expires, decide to extend the exemption period.", align.Zh, none, none},
		{"行政院應編製一次一年之預算，以資調整。", "The Executive Yuan shall prepare a one-time 18-month budget so that due adjustment can be made.", align.Zh, checks.Warning, checks.Warning},
		// zero in words
		{"冷凍：可降低溫度至攝氏零度以下之設備。", "Freezing equipment: Equipment capable of lowering the temperature to below 0℃.", align.Zh, none, none},
		{"冷凍：可降低溫度之設備。", "Freezing equipment: Equipment capable of lowering the temperature to below 0℃.", align.Zh, checks.Warning, checks.Warning},
		// digits read one by one
		{"本條例修正施行後所訂立之租約，不適用耕地三七五減租條例之規定。", "Lease agreements signed after this revised Act shall not be governed by the 37.5% Arable Land Rental Reduction Act.", align.Zh, none, none},
		{"曾參加民國四十七年八二三臺海保衛戰役者。", "Those who have participated in the August 23rd Taiwan Strait Bombardment Campaign in 1958.", align.Zh, none, none},
		{"本公債按票面額九八發行。", "The Government Bond is issued at 98% of the face value.", align.Zh, none, none},
		{"本公債按票面額發行。", "The Government Bond is issued at 98% of the face value.", align.Zh, checks.Warning, checks.Warning},
		// neighbouring digits before a magnitude
		{"許多家庭們努力工作了二、三十年，我們挽救了他們。", "We are saving families after working hard for 20 and 30 years.", align.En, none, none},
		{"許多家庭們努力工作了三十年，我們挽救了他們。", "We are saving families after working hard for 20 and 30 years.", align.En, checks.Warning, checks.Warning},
		// decades of an age
		{"在那的人都是 60，70 歲的，他們說。", "There were people there in their sixties and seventies, and they said.", align.En, none, none},
		// a number written inside a reference on the other side is no
		// partner for a left-over number: 77 is not a wrong "41"
		{"總務管理局局長應修訂《聯邦規則彙編》第41篇第102-77段。 此政策高於在《联邦規則彙編》第41篇102-77段中所描述的政策。", "The Administrator shall revise Part 102-77 of title 41, Code of Federal Regulations. Priority should be given to this policy above other policies contained in part 102-77 of title 41, Code of Federal Regulations.", align.En, none, none},
		{"總務管理局局長應修訂《聯邦規則彙編》第45篇第102-77段。 此政策高於在《联邦規則彙編》第45篇102-77段中所描述的政策。", "The Administrator shall revise Part 102-77 of title 41, Code of Federal Regulations. Priority should be given to this policy above other policies contained in part 102-77 of title 41, Code of Federal Regulations.", align.En, checks.Warning, checks.Error},
		// but a value the other side has as a number, matched elsewhere,
		// does not excuse a wrong second mention
		{"被保險人負擔百分之八十，其餘百分之二十，由中央政府補助。", "The insured persons shall bear 80% and the central government shall subsidize the remaining 80%.", align.Zh, checks.Error, checks.Error},
		// a Roman numeral after a name
		{"我們向世界展示了農神5號火箭的力量。", "We gave the world the power of the Saturn V rocket.", align.En, none, none},
		{"我們向世界展示了農神5號火箭的力量。", "We gave the world the power of the Saturn rocket.", align.En, checks.Warning, checks.Warning},
	} {
		doc, err := input.TwoFiles("zh.txt", c.zh, "en.txt", c.en)
		require.NoError(t, err)
		set := checks.DefaultSettings()
		set.Source = c.source
		var got checks.Severity
		for _, f := range runChecks(t, doc, set, checks.Numbers, checks.NumbersMissing) {
			if f.Severity > got {
				got = f.Severity
			}
		}
		assert.True(t, got >= c.lo && got <= c.hi, "numbers on %q / %q: most severe %v, want %v to %v", c.zh, c.en, got, c.lo, c.hi)
	}
}

// TestNumberingBareMark: a list number typed without its mark ("1 Real
// property", 十 財產) numbers the paragraph when the other side's marker
// has the same value; a different value, or no number, is still missing.
func TestNumberingBareMark(t *testing.T) {
	const none = checks.Severity(0)
	list := func(marks ...string) string {
		items := []string{"不動產、船舶、汽車及航空器。", "一定金額以上之存款、外幣及有價證券。", "一定金額以上之債權、債務及投資。"}
		out := "第 2 條　應申報之財產如下："
		for i, m := range marks {
			out += "\n\n" + m + items[i]
		}
		return out
	}
	listEn := func(marks ...string) string {
		items := []string{"Real property, vessels, cars and aircraft;", "Deposits, foreign currencies and securities;", "Creditors' rights, debts and investments."}
		out := "Article 2 The property to be declared is as follows:"
		for i, m := range marks {
			out += "\n\n" + m + items[i]
		}
		return out
	}
	for _, c := range []struct {
		zh, en string
		lo, hi checks.Severity
	}{
		{list("一、", "二、", "三、"), listEn("1 ", "2 ", "3 "), none, none},
		{list("一、", "二、", "三 "), listEn("1. ", "2. ", "3. "), none, none},
		{list("一、", "二、", "三、"), listEn("1 ", "3 ", "2 "), checks.Info, checks.Warning},
		{list("一、", "二、", "三、"), listEn("1. ", "2. ", ""), checks.Info, checks.Warning},
		{list("一、", "二、", "三"), listEn("1. ", "2. ", "3. "), checks.Info, checks.Warning},
	} {
		doc, err := input.TwoFiles("zh.txt", c.zh, "en.txt", c.en)
		require.NoError(t, err)
		var got checks.Severity
		for _, f := range runChecks(t, doc, checks.DefaultSettings(), checks.NumberingMissing) {
			if f.Severity > got {
				got = f.Severity
			}
		}
		assert.True(t, got >= c.lo && got <= c.hi, "numbering/missing on %q / %q: most severe %v, want %v to %v", c.zh, c.en, got, c.lo, c.hi)
	}
}
