package numerals

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSharedPercent: a list or range that writes "percent" once makes each
// of its numbers a percentage, in both languages; an amount and its share
// stay apart.
func TestSharedPercent(t *testing.T) {
	type read struct {
		text string
		kind Kind
	}
	for _, c := range []struct {
		text string
		zh   bool
		want []read
	}{
		{"the ratio has dropped from 10.2 to 3.1 percent.", false, []read{{"10.2", KindPercent}, {"3.1 percent", KindPercent}}},
		{"fell 3, 4 and 5 percent", false, []read{{"3", KindPercent}, {"4", KindPercent}, {"5 percent", KindPercent}}},
		{"grew 6 or 7 percent", false, []read{{"6", KindPercent}, {"7 percent", KindPercent}}},
		{"rose from 5 to 8 percent", false, []read{{"5 to 8 percent", KindPercent}}},
		{"spent $164 billion, or 0.7 percent of GDP", false, []read{{"164 billion", KindCardinal}, {"0.7 percent", KindPercent}}},
		{"in 12 provinces, 30 percent of them", false, []read{{"12", KindCardinal}, {"30 percent", KindPercent}}},
		{"下腳變價時提撥百分之二十至四十。", true, []read{{"百分之二十", KindPercent}, {"四十", KindPercent}}},
		{"贫困发生率由10.2%下降到3.1%", true, []read{{"10.2%", KindPercent}, {"3.1%", KindPercent}}},
		{"增长百分之五，新增12个", true, []read{{"百分之五", KindPercent}, {"12", KindCardinal}}},
	} {
		ns := English(c.text)
		if c.zh {
			ns = Chinese(c.text)
		}
		var got []read
		for _, n := range ns {
			got = append(got, read{n.Text, n.Kind})
		}
		assert.Equal(t, c.want, got, c.text)
	}
}

// TestZhDayLists: days listed under one month (3月22、28、30日) are each a
// date of that month; a single date and a range are read as before.
func TestZhDayLists(t *testing.T) {
	for _, c := range []struct {
		text string
		want []float64 // Value of each number: Year*10000+Month*100+Day
	}{
		{"包括2020年3月22、28、30日和2020年4月2、7、13日的备忘录", []float64{20200322, 20200328, 20200330, 20200402, 20200407, 20200413}},
		{"2020年4月20、28日和5月8、20日的", []float64{20200420, 20200428, 508, 520}},
		{"分别于3月5和6日举行", []float64{305, 306}},
		{"3月5日", []float64{305}},
		{"12月8日至10日", []float64{1208}},
		{"於每年一月、四月、七月及十月末日前", []float64{100, 400, 700, 1000}},
		{"3月共有22、28个", []float64{300, 22, 28}},
	} {
		var got []float64
		for _, n := range Chinese(c.text) {
			got = append(got, n.Value)
		}
		assert.Equal(t, c.want, got, c.text)
	}
}

// TestEnDayLists: days listed under one month ("March 22, 28, and 30,
// 2020") are each a date of that month and of the year closing the list;
// a full date followed by a count, or a count after a comma, is not a list.
func TestEnDayLists(t *testing.T) {
	for _, c := range []struct {
		text string
		want []float64
	}{
		{"dated March 22, 28, and 30, 2020", []float64{20200322, 20200328, 20200330, 2020}},
		{"on March 3, 4 and 5", []float64{303, 304, 305}},
		{"April 20 and 28", []float64{420, 428}},
		{"on May 5, 2020, 12 people", []float64{20200505, 12}},
		{"On June 1, 3 people died", []float64{601, 3}},
		{"on June 1", []float64{601}},
	} {
		var got []float64
		for _, n := range English(c.text) {
			got = append(got, n.Value)
		}
		assert.Equal(t, c.want, got, c.text)
	}
}

// TestEnYearSpans: a span of years with the second cut to two digits is
// one range; a year and a count apart are two numbers.
func TestEnYearSpans(t *testing.T) {
	for _, c := range []struct {
		text   string
		lo, hi []float64
	}{
		{"between 2010-16. Over", []float64{2010}, []float64{2016}},
		{"the 1998-99 season", []float64{1998}, []float64{1999}},
		{"in 2010-2016", []float64{2010}, []float64{2016}},
		{"in 2010 - 16 units", []float64{2010, 16}, []float64{2010, 16}},
		{"from 2019-18", []float64{2019, 18}, []float64{2019, 18}},
	} {
		var lo, hi []float64
		for _, n := range English(c.text) {
			lo, hi = append(lo, n.Value), append(hi, n.Hi)
		}
		assert.Equal(t, c.lo, lo, c.text)
		assert.Equal(t, c.hi, hi, c.text)
	}
}

// TestMonthTheDay: "January the 20th" is January 20; a month and an
// ordinal apart are not a date.
func TestMonthTheDay(t *testing.T) {
	for _, c := range []struct {
		text string
		want []float64
	}{
		{"who will be sworn in on January the 20th. The", []float64{120}},
		{"on March the 3rd and May the 21st", []float64{303, 521}},
		{"in January, the 20th anniversary", []float64{100, 20}},
		{"on the 4th of July", []float64{704}},
	} {
		var got []float64
		for _, n := range English(c.text) {
			got = append(got, n.Value)
		}
		assert.Equal(t, c.want, got, c.text)
	}
}

// TestMonthTheDigit: the cheap test in front of monthTheDay never says no
// where the expression matches (its white space, case, digits and case
// folding), and says no to the usual sentence with "the" and no spoken
// date.
func TestMonthTheDigit(t *testing.T) {
	for _, s := range []string{
		"on January the 20th.", "MARCH THE 3RD", "may\tthe\n\n21st", "x june\fThe\r1st y",
		"December the 31st", "augu\u017ft the 1st", "in mAy   the 9",
	} {
		assert.True(t, monthTheDigit(s), "%q", s)
	}
	assert.NotNil(t, monthTheDay.FindStringIndex("augu\u017ft the 1st"), "the expression folds ſ to s")
	for _, s := range []string{
		"", "the 4", " the 4", "a\nthe 9", "the people of the country", "other 4", "bathe 4", "the4th",
		"in the\u00a04th", "January the twentieth", "the ", "in the 1990s", "the 20th century", "Mayor the 4th", "Sept. (May) the 4",
	} {
		assert.False(t, monthTheDigit(s), "%q", s)
		assert.Nil(t, monthTheDay.FindStringIndex(s), "%q: the expression matches where the test says no", s)
	}
}

// FuzzMonthTheDigit: wherever monthTheDay matches, monthTheDigit holds.
func FuzzMonthTheDigit(f *testing.F) {
	for _, s := range []string{"on January the 20th.", "MARCH THE 3RD", "the people", "May  the\t1st", "augu\u017ft the 1st"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if monthTheDay.MatchString(s) && !monthTheDigit(s) {
			t.Fatalf("%q matches but monthTheDigit says no", s)
		}
	})
}

// TestMonthTheDigitComposed: on strings put together slot by slot from
// the pieces of a spoken date and their near misses, monthTheDigit holds
// wherever the expression matches.
func TestMonthTheDigitComposed(t *testing.T) {
	slots := [][]string{
		{"", "on ", "x", "é", "(", "1"},
		{"January", "may", "MARCH", "augu\u017ft", "septembe", "Mayor", "bathe", ""},
		{" ", "  ", "\t", "\n \r", "\u00a0", "", "."},
		{"the", "THE", "tHe", "thee", "he"},
		{" ", "\f", "\u00a0", ""},
		{"1", "21", "x", "123"},
		{"st", "th", "ND", "s", ""},
		{"", ".", " y", "x"},
	}
	rng := rand.New(rand.NewPCG(5, 6))
	matched := 0
	for range 100000 {
		var b strings.Builder
		for _, sl := range slots {
			b.WriteString(sl[rng.IntN(len(sl))])
		}
		s := b.String()
		if monthTheDay.MatchString(s) {
			matched++
			if !monthTheDigit(s) {
				t.Fatalf("%q matches but monthTheDigit says no", s)
			}
		}
	}
	require.Greater(t, matched, 50)
}

// monthTheDigitBytewise is monthTheDigit as it was, one position at a
// time.
func monthTheDigitBytewise(text string) bool {
	for i := 1; i+4 < len(text); i++ {
		if text[i]|0x20 != 't' || text[i+1]|0x20 != 'h' || text[i+2]|0x20 != 'e' || !reSpace(text[i-1]) {
			continue
		}
		k := i + 3
		if !reSpace(text[k]) {
			continue
		}
		for k < len(text) && reSpace(text[k]) {
			k++
		}
		if k < len(text) && text[k] >= '0' && text[k] <= '9' && monthEnds(text[:i-1]) {
			return true
		}
	}
	return false
}

// TestMonthTheDigitSkips: monthTheDigit, skipping eight bytes without 'h'
// at a time, answers as it did position by position, on the texts of
// TestMonthTheDigitComposed's pieces with filler of every length, and
// hasH answers as a byte loop for every byte in every place.
func TestMonthTheDigitSkips(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 7))
	for c := range 256 {
		for at := range 8 {
			b := []byte("abcdefgx")
			for k := range b {
				b[k] = byte(rng.IntN(256))
				if b[k]|0x20 == 'h' {
					b[k] = 'a'
				}
			}
			b[at] = byte(c)
			require.Equal(t, byte(c)|0x20 == 'h', hasH(string(b)), "% x", b)
		}
	}
	pieces := []string{"January", "may", "augu\u017ft", "the", "THE", "tHe", "he", "h", "H", " ", "\t", "\n", "1", "21", "x", "abcdefg", "é", "."}
	yes := 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := monthTheDigitBytewise(s)
		if got := monthTheDigit(s); got != want {
			t.Fatalf("monthTheDigit(%q) = %v, position by position %v", s, got, want)
		}
		if want {
			yes++
		}
	}
	require.Greater(t, yes, 20)
}

// TestTheThenNumber: wherever monthTheDay matches, theThenNumber holds on
// the text's tokens, so that English may leave enMonthTheDay out where it
// does not (the texts are put together slot by slot from the pieces of a
// spoken date and their near misses); and it does not hold on every text.
func TestTheThenNumber(t *testing.T) {
	slots := [][]string{
		{"", "on ", "x", "é", "(", "1", "the 1 "},
		{"January", "may", "MARCH", "augu\u017ft", "septembe", "Mayor", "bathe", "", "the"},
		{" ", "  ", "\t", "\n \r", "\u00a0", "", ".", "\u2003"},
		{"the", "THE", "tHe", "thee", "he", "th", "the_"},
		{" ", "\f", "\u00a0", "", "\u2003", " \u2003", "-"},
		{"1", "21", "x", "123", "٣"},
		{"st", "th", "ND", "s", ""},
		{"", ".", " y", "x"},
	}
	rng := rand.New(rand.NewPCG(7, 8))
	matched, refused := 0, 0
	for range 200000 {
		var b strings.Builder
		for _, sl := range slots {
			b.WriteString(sl[rng.IntN(len(sl))])
		}
		s := b.String()
		has := theThenNumber(tokenizeInto(nil, s))
		if !has {
			refused++
		}
		if monthTheDay.MatchString(s) {
			matched++
			if !has {
				t.Fatalf("%q matches but theThenNumber says no", s)
			}
		}
	}
	require.Greater(t, matched, 300)
	require.Greater(t, refused, 1000)
}
