package align

import (
	"math/rand"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHistoryNote: legislative-history and promulgation notes, in the
// Taiwan, PRC and English forms, against provisions, news and report
// prose that mention dates and amendments.
func TestHistoryNote(t *testing.T) {
	for _, c := range []struct {
		text string
		l    Lang
		want bool
	}{
		// Taiwan (沿革): one numbered line per event
		{"1.中華民國九十三年六月二十三日總統華總一義字第 09300118311  號令制定公布全文 39 條； 並自公布日施行", Zh, true},
		{"3.中華民國九十九年二月三日總統華總一義字第 09900024181  號令修正公布第 2、3、7、16 條條文； 其施行日期由行政院定之", Zh, true},
		{"10. 中華民國八十七年一月七日總統（87）華總（一）義字第 8600284240 號令修正公布第 9、10、12 條條文； 增訂第 13-1 條條文； 並刪除第 11 條條文", Zh, true},
		{"1.中華民國三十六年三月三十一日國民政府制定公布全文 15 條", Zh, true},
		{"2.中華民國一百十年二月二十日海洋委員會海域權字第 11000000381  號令修正發布名稱及全文23  條； 並自發布日施行", Zh, true},
		{"1.中華民國九十年十二月二十八日內政部（90）台內營字第 9067834  號令訂定發布全文 14 條", Zh, true},
		{"5.中華民國 93 年 6 月 23 日總統令修正公布", Zh, true},
		{"民國九十五年五月三十日總統令增訂公布第 7 條", Zh, true},
		{"二、中華民國八十八年二月五日總統令修正公布", Zh, true},
		// PRC: one bracketed note under the title
		{"（1980年9月10日第五届全国人民代表大会第三次会议通过 根据2001年4月28日第九届全国人民代表大会常务委员会第二十一次会议《关于修改〈中华人民共和国婚姻法〉的决定》修正）", Zh, true},
		{"（2020年5月28日第十三届全国人民代表大会第三次会议通过）", Zh, true},
		{"(1979年7月1日第五届全国人民代表大会第二次会议通过 1979年7月6日全国人民代表大会常务委员会委员长令第一号公布)", Zh, true},
		{"（二〇一九年三月十五日第十三届全国人民代表大会第二次会议通过）", Zh, true},
		// Chinese provisions and prose that mention dates: not notes
		{"第 30 條　本辦法中華民國一百零四年三月十一日修正施行前，已設立之私立社會教育機構，應於一年內辦理補正。", Zh, false},
		{"本辦法修正條文，自中華民國一百十一年八月二十七日施行。", Zh, false},
		{"二、本法中華民國八十八年二月五日修正生效後，由直轄市、縣（市）主管機關公開甄選並儲訓合格之校長候用人員。", Zh, false},
		{"2019年5月3日，全国人大常委会通过了新修订的法律。", Zh, false},
		{"2017年，国内生产总值增长6.9%。", Zh, false},
		{"中华人民共和国婚姻法", Zh, false},
		{"第一章 总 则", Zh, false},
		{"今年是改革开放40周年。", Zh, false},
		{"2020年1月1日起施行的新规定", Zh, false}, // a date and an act, but no organ: a phrase, not a record
		// English: the official abridgements
		{"1.Promulgated by Presidential Order on June 23, 2004", En, true},
		{"3.Amended by Presidential Order on February 3, 2010", En, true},
		{"2. Amended on December 25, 1947", En, true},
		{"6.33 Articles amended and promulgated in full by Ministerial Order on 8 October 2003.", En, true},
		{"3.Articles 6～8, 11, 15, 16, 19, 20, 41, 45, 53, 54 amended and promulgated on December 30, 2015", En, true},
		{"Article 1-1 added, Articles 48, 56 amended and promulgated on May 31, 2023", En, true},
		{"Title and the full text of 56 articles amended and promulgated on May 26, 2010", En, true},
		{"2. Amendment of Referendum Law revises Articles 7, 42 and 64, promulgated with ROC President 1 Yi 09500075651 Note on May 30th, 2006", En, true},
		{"1. 71 Articles promulgated in full by the Presidential Order on Aug.11,1993. Ref：Hua-Zong -(1)- Yi Tze No.3912", En, true},
		{"Date：2001.12.28 ( Announced )", En, true},
		{"1. The full text of 17 Articles was promulgated on July 22, 1944, by the National Government.", En, true},
		{"4.Last Amended on Aug.28, 2017", En, true},
		{"(Adopted at the Third Session of the Fifth National People's Congress on September 10, 1980 and promulgated by Order No.9 of the Chairman of the Standing Committee of the National People’s Congress on September 10, 1980; and amended in accordance with the Decision on Amending the Marriage Law of the People's Republic of China, adopted at the 21st Meeting of the Standing Committee of the Ninth National People's Congress on April 28, 2001)", En, true},
		{"Issued on: October 19, 2020", En, true},
		// English provisions and prose: not notes
		{"Article 30 A private social education institution established before January 30, 2015, the date on which the amendments to these Regulations were promulgated, shall make corrections within one year.", En, false},
		{"2. The amended regulation shall take effect on August 27, 2022.", En, false},
		{"The Senate adopted the bill on May 3, 2019.", En, false},
		{"China successfully hosted the G20 2016 Hangzhou Summit.", En, false},
		{"Amendments to this Act shall be proposed by the Executive Yuan.", En, false},
		{"Chapter I General Provisions", En, false},
		{"Promulgated by Presidential Order", En, false}, // no date: a heading, not a record
		{"President Trump signed the order on August 6, 2020, and it was amended later.", En, false},
	} {
		assert.Equal(t, c.want, IsHistoryNote(c.text, c.l), "%q", c.text)
	}
}

// TestClassifyHistory: Classify gives history notes their own kind, on
// both sides, and leaves furniture and headings as they were.
func TestClassifyHistory(t *testing.T) {
	for _, c := range []struct {
		text string
		l    Lang
		want Kind
	}{
		{"1.中華民國三十六年三月三十一日國民政府制定公布全文 15 條", Zh, KindHistory},
		{"1.Promulgated on March 31, 1947", En, KindHistory},
		{"（2020年5月28日第十三届全国人民代表大会第三次会议通过）", Zh, KindHistory},
		{"中华人民共和国民法典", Zh, KindHeading},
		{"Back to top", En, KindFurniture},
		{"第 1 條　本法依憲法制定之。", Zh, KindBody},
	} {
		assert.Equal(t, c.want, Classify(&Block{Text: c.text, Lang: c.l}), "%q", c.text)
	}
}

// TestIsMonthAt compares isMonthAt with the months compared in turn, as
// it did before its switch, on every three bytes.
func TestIsMonthAt(t *testing.T) {
	months := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	b := []byte("xabc")
	for x := range 1 << 24 {
		b[1], b[2], b[3] = byte(x>>16), byte(x>>8), byte(x)
		want := false
		for _, m := range months {
			want = want || b[1]|0x20 == m[0] && b[2]|0x20 == m[1] && b[3]|0x20 == m[2]
		}
		if got := isMonthAt(string(b), 1); got != want {
			t.Fatalf("isMonthAt(%q, 1) = %v, want %v", b, got, want)
		}
	}
}

// TestEnHistoryDateIn: enHistoryDateIn answers as enHistoryDate.MatchString
// on the data texts, on every text of up to six pieces from a small set,
// and on random texts; TestEnModalIn does the same for enModalIn.
func TestEnHistoryDateIn(t *testing.T) {
	compareWithExpression(t, enHistoryDateIn, enHistoryDate, []string{"May", "x", " ", ",", ".", "1", "2020", "-", "ſ", "3rd", "_", "é"}, 5)
}

func TestEnModalIn(t *testing.T) {
	compareWithExpression(t, enModalIn, enModal, []string{"Shall", "must", "x", " ", "sHould", "will", "ſ", "_", "1", "é", "wil"}, 6)
}

// compareWithExpression compares in with re.MatchString on the data texts,
// on every text of up to depth of pieces and on random texts, and asks that
// both answers come up often enough for the comparison to test something.
func compareWithExpression(t *testing.T, in func(string) bool, re *regexp.Regexp, pieces []string, depth int) {
	skipExhaustiveInShort(t)
	counts := [2]int{}
	check := func(s string) {
		want := re.MatchString(s)
		if got := in(s); got != want {
			t.Fatalf("%q: got %v, the expression says %v", s, got, want)
		}
		if want {
			counts[1]++
		} else {
			counts[0]++
		}
	}
	for _, s := range kindTexts(t) {
		check(s)
	}
	var walk func(prefix string, n int)
	walk = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			walk(prefix+p, n-1)
		}
	}
	walk("", depth)
	rng := rand.New(rand.NewSource(18))
	for range 200000 {
		check(randomKindText(rng, furniturePhrases))
	}
	if counts[0] < 1000 || counts[1] < 1000 {
		t.Errorf("%d texts without a match, %d with one: the comparison tests little", counts[0], counts[1])
	}
}
