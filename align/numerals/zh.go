package numerals

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese extracts the numbers of a Chinese text, in order, without overlaps.
// Traditional and simplified characters are read alike (萬 = 万, 億 = 亿,
// 個 = 个), and blanks inside a number are ignored ("第 1 條", "12 月 24 日",
// "近 300 万"); spans and Text are those of the text as given.
func Chinese(text string) []Number {
	folded := fold(text)
	sq, back := squeeze(folded)
	out := zhScan(sq)
	out = zhJoin(sq, out)
	out = dropIdioms(sq, out)
	markQuoted(sq, out)
	unsqueeze(text, back, out)
	for i := range out {
		out[i].Text = text[out[i].Start:out[i].End]
		out[i].Read &^= ReadWords
		if out[i].Spelled {
			out[i].Read |= ReadWords
		}
	}
	out = zhDayLists(text, dropEnumerators(text, folded, out))
	sharePercent(text, out, zhUnitGaps)
	shareLeadingPercent(text, out, zhUnitGaps)
	markZhBases(text, out)
	return out
}

// zhScan reads the numbers zhAt finds in s, left to right, where a
// character may open one.
func zhScan(s string) []Number {
	var out []Number
	var nb *[]Number // where out is gathered (numBufs), once a number is read
	for i := 0; i < len(s); {
		// Most characters of Chinese text open no number: three bytes
		// no starter has are stepped over at once (TestZhScan). An
		// overlong or surrogate sequence is three bytes that each
		// decode to U+FFFD, which opens none either.
		if i+3 <= len(s) && seq3(s, i) && !zhStarters.has3(s[i], s[i+1], s[i+2]) {
			i += 3
			continue
		}
		r, size := decodeRune(s[i:])
		if !zhCanStart(r) {
			i += size
			continue
		}
		if n, ok := zhAt(s, i); ok && n.End > i {
			if nb == nil {
				nb = numBufs.Get().(*[]Number)
				out = (*nb)[:0]
			}
			out = append(out, n)
			i = n.End
			continue
		}
		i += size
	}
	return gathered(nb, out)
}

// zhJoin joins a number ending in 亿 or 万 with a smaller number written
// right after it with a magnitude of its own: 1亿3千多万 (over 130 million),
// 75万7千 (757,000), 3亿5000万. The approximation of the second part
// applies to the whole.
func zhJoin(s string, ns []Number) []Number {
	if len(ns) < 2 {
		return ns
	}
	out := ns[:1]
	for _, n := range ns[1:] {
		prev := &out[len(out)-1]
		pt := s[prev.Start:prev.End]
		unit := 0.0
		switch {
		case strings.HasSuffix(pt, "亿"):
			unit = 1e8
		case strings.HasSuffix(pt, "万"):
			unit = 1e4
		}
		nt := s[n.Start:n.End]
		if unit > 0 && prev.End == n.Start && prev.Kind == KindCardinal && n.Kind == KindCardinal &&
			!prev.IsRange() && !n.IsRange() && prev.Approx == "" && n.Value < unit && n.Value > 0 &&
			strings.ContainsAny(nt, "十百千万") && !strings.ContainsAny(nt, "约近超逾至不少") {
			prev.Value += n.Value
			prev.Hi = prev.Value
			prev.End = n.End
			prev.Text = s[prev.Start:prev.End]
			prev.Approx = n.Approx
			prev.Spelled = prev.Spelled && n.Spelled
			prev.Read |= n.Read | ReadJoined
			if n.Unit != "" {
				prev.Unit = n.Unit
			}
			continue
		}
		out = append(out, n)
	}
	return out
}

// zhCanStart reports runes that may open a number: digits, numerals and the
// first characters of the words zhAt looks for.
func zhCanStart(r rune) bool {
	return zhStarters.has(r)
}

var zhStarters = newRuneSet("0123456789０１２３４５６７８９零〇○一二两三四五六七八九十百千万亿" +
	"第周星礼数几上成约大将接近超逾至不少中民")

// zhPrefixes are approximation words written before a number, longest first.
var zhPrefixes = []struct{ word, approx string }{
	{"大约", ApproxAbout}, {"约", ApproxAbout},
	{"将近", ApproxNearly}, {"接近", ApproxNearly}, {"近", ApproxNearly},
	{"超过", ApproxMore}, {"逾", ApproxMore}, {"超", ApproxMore}, {"至少", ApproxMore},
	{"不到", ApproxLess}, {"不足", ApproxLess}, {"少于", ApproxLess},
}

// zhSuffixes are approximation words written after a number or its measure word.
var zhSuffixes = []struct{ word, approx string }{
	{"左右", ApproxAbout}, {"上下", ApproxAbout},
	{"以上", ApproxMore}, {"多", ApproxMore}, {"余", ApproxMore},
	{"以下", ApproxLess}, {"以内", ApproxLess},
}

// zhMeasures are measure words and units that make a bare Chinese numeral a
// count. Longer entries come first so that 个月 wins over 个.
var zhMeasures = []string{
	"平方公里", "平方米", "个百分点", "百分点",
	"个月", "小时", "分钟", "公里", "千米", "公顷", "美元", "季度", "世纪", "周年", "方面", "星期",
	"个", "人", "名", "位", "次", "项", "条", "件", "种", "倍", "家", "所", "座", "户", "元",
	"吨", "米", "亩", "批", "场", "轮", "支", "台", "辆", "架", "艘", "篇", "部", "本", "张",
	"份", "类", "层", "级", "度", "期", "章", "节", "款", "步", "例", "起", "处", "套", "枚",
	"颗", "只", "头", "册", "卷", "句", "段", "组", "队", "代", "省", "市", "县", "岁", "天", "号",
	"周", "年", "秒", "届", "国", "对", "股", "道", "片", "方",
}

// zhTimeMeasures may follow a lone 一 (一年, 一倍); other measures after a
// lone 一 are the indefinite article (一项任务 "a task") and are skipped.
var zhTimeMeasures = map[string]bool{
	"年": true, "个月": true, "天": true, "周": true, "小时": true, "分钟": true, "秒": true,
	"季度": true, "世纪": true, "倍": true, "星期": true,
}

// zhMeasureList is zhMeasures with the units of zhUnits, longest first, so
// that a prefix match finds 平方公里 before 公里 and 个月 before 个.
var zhMeasureList = func() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range zhMeasures {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	for m := range zhUnits {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := utf8.RuneCountInString(out[i]), utf8.RuneCountInString(out[j])
		if a != b {
			return a > b
		}
		return out[i] < out[j]
	})
	return out
}()

// zhMeasureIndex lists the measure words by their first rune.
var zhMeasureIndex = func() map[rune][]string {
	idx := map[rune][]string{}
	for _, m := range zhMeasureList {
		r, _ := utf8.DecodeRuneInString(m)
		idx[r] = append(idx[r], m)
	}
	return idx
}()

func matchMeasure(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	for _, m := range zhMeasureIndex[r] {
		if strings.HasPrefix(s, m) {
			return m
		}
	}
	return ""
}

// matchQianMeasure is matchMeasure("千"+s) without making that string
// (a copy of the rest of the text, for every number read).
func matchQianMeasure(s string) string {
	for _, m := range zhMeasureIndex['千'] {
		if strings.HasPrefix(s, m[len("千"):]) {
			return m
		}
	}
	return ""
}

var zhWeekdays = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '日': 7, '天': 7}

// zhSkipWords start with a numeral but are not numbers.
var zhSkipWords = []string{"第一时间", "第一线", "一线", "万一", "一一", "一五一十", "三三两两"}

// zhAt tries to read a number starting at byte offset i.
func zhAt(s string, i int) (Number, bool) {
	rest := s[i:]
	for _, w := range zhSkipWords {
		if strings.HasPrefix(rest, w) {
			return Number{}, false
		}
	}
	if strings.HasPrefix(rest, "十分") && !strings.HasPrefix(rest, "十分钟") && !strings.HasPrefix(rest, "十分之") {
		return Number{}, false // 十分重要 "very important"
	}
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case r == '中' || r == '民':
		return zhMinguo(s, i)
	case r == '第':
		return zhOrdinal(s, i)
	case strings.HasPrefix(rest, "百分之"), strings.HasPrefix(rest, "千分之"):
		return zhPercentWords(s, i)
	case r == '周' || r == '星' || r == '礼':
		if n, ok := zhWeekday(s, i); ok {
			return n, true
		}
	case r == '数' || r == '几' || r == '上' || r == '成':
		if n, ok := zhMany(s, i); ok {
			return n, true
		}
	}
	for _, p := range zhPrefixes {
		if strings.HasPrefix(rest, p.word) {
			n, ok := zhNumber(s, i+len(p.word))
			if !ok {
				break
			}
			if p.word == "近" && n.Kind == KindCardinal && zhPastPeriod(s[n.End:]) {
				return n, true // 近5年: "the past five years", not "nearly"
			}
			if n.Approx == "" {
				n.Approx = p.approx
			}
			n.Start = i
			return finish(s, n), true
		}
	}
	return zhNumber(s, i)
}

// zhPastPeriod reports 年, 个月, 天, 周 after 近N: 近5年 is "the past five years".
func zhPastPeriod(rest string) bool {
	for _, w := range []string{"年", "个月", "天", "周", "日"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// zhCore is a bare numeral: Arabic digits (with separators and a decimal
// part) or a Chinese numeral run (with 点 decimals).
type zhCore struct {
	start, end int
	value      float64
	isInt      bool
	arabic     bool
	digits     int  // count of integer digits for Arabic, runes for a digit-by-digit Han run
	byDigit    bool // Han run without units: 二〇二二
	hasUnit    bool // Han run with 十百千万亿
	lone       rune // the only rune of a one-rune Han run, else 0
	guess      bool // an exponent read from flattened superscripts (×1011)
}

func zhCoreAt(s string, i int) (zhCore, bool) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if isDigit(r) {
		return arabicAt(s, i, true)
	}
	if !isHanNumeral(r) {
		return zhCore{}, false
	}
	if d, isD := hanDigit(r); isD && d == 0 && !hasDecimalPoint(s[i+utf8.RuneLen(r):]) {
		return zhCore{}, false // 零 opens no number but 零点五 (0.5)
	}
	if p := prevRune(s, i); isHanNumeral(p) || isDigit(p) {
		return zhCore{}, false
	}
	if _, unit := hanUnit(r); unit && r != '十' {
		return zhCore{}, false // 百姓, 千方百计, 万物, 亿万
	}
	end := scanHan(s, i)
	run := s[i:end]
	v, ok := parseHan(run)
	if !ok {
		return zhCore{}, false
	}
	c := zhCore{start: i, end: end, value: float64(v), isInt: true}
	c.hasUnit = strings.ContainsAny(run, "十百千万亿")
	n := utf8.RuneCountInString(run)
	c.byDigit = !c.hasUnit && n > 1
	c.digits = n
	if n == 1 {
		c.lone = r
	}
	// 三点五: a decimal part written with 点 (or ‧, as Taiwan writes
	// 百分之二‧六 and ○‧○七).
	if hasDecimalPoint(s[end:]) && !c.byDigit {
		j := end + len("点")
		k := j
		frac := ""
		for k < len(s) {
			fr, size := utf8.DecodeRuneInString(s[k:])
			d, isD := hanDigit(fr)
			if !isD || fr == '两' {
				break
			}
			frac += strconv.Itoa(d)
			k += size
		}
		if frac != "" {
			f, _ := strconv.ParseFloat("0."+frac, 64)
			c.value += f
			c.isInt = false
			c.end = k
			c.lone = 0
		}
	}
	return c, true
}

// arabicAt reads digits with thousands separators (1,000 1，000) and a decimal
// part (3.5 3．5). It refuses digits glued to Latin letters (COVID-19, G20,
// 5G), times (10:30) and versions (3.2.1). With zh, a full-width comma only
// separates thousands when exactly three digits follow.
func arabicAt(s string, i int, zh bool) (zhCore, bool) {
	if p := prevRune(s, i); isDigit(p) || isLatinLetter(p) {
		return zhCore{}, false
	}
	if inPlaceholder(s, i) {
		return zhCore{}, false
	}
	if p := prevRune(s, i); p != 0 {
		_, psize := utf8.DecodeLastRuneInString(s[:i])
		q := prevRune(s, i-psize)
		switch {
		case strings.ContainsRune(".:．：", p) && isDigit(q):
			return zhCore{}, false // inside 3.2.1, 10:30
		case (p == '-' || p == '/' || p == '－') && isLatinLetter(q):
			return zhCore{}, false // COVID-19
		}
	}
	var b strings.Builder
	j := i
	intDigits := 0
	spaced := false // groups separated by spaces: 1 000 000
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if d, ok := digitValue(r); ok {
			b.WriteByte(byte('0' + d))
			intDigits++
			j += size
			continue
		}
		if zh && (r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f') && intDigits > 0 && (intDigits <= 3 || spaced) && intDigits <= 3+4*3 {
			// 4 000人, 1 000多公斤: a space between groups of three
			if k, ok := threeDigits(s, j+size); ok {
				for _, dr := range s[j+size : k] {
					d, _ := digitValue(dr)
					b.WriteByte(byte('0' + d))
				}
				intDigits += 3
				j = k
				spaced = true
				continue
			}
		}
		if (r == ',' || r == '，') && intDigits > 0 && intDigits <= 3+4*3 && !spaced {
			if k, ok := threeDigits(s, j+size); ok {
				for _, dr := range s[j+size : k] {
					d, _ := digitValue(dr)
					b.WriteByte(byte('0' + d))
				}
				intDigits += 3
				j = k
				continue
			}
		}
		break
	}
	c := zhCore{start: i, value: 0, isInt: true, arabic: true, digits: intDigits}
	if r, size := utf8.DecodeRuneInString(s[j:]); r == '.' || r == '．' {
		k := j + size
		frac := ""
		for k < len(s) {
			fr, fsize := utf8.DecodeRuneInString(s[k:])
			d, ok := digitValue(fr)
			if !ok {
				break
			}
			frac += strconv.Itoa(d)
			k += fsize
		}
		if frac != "" {
			if r2, _ := utf8.DecodeRuneInString(s[k:]); r2 == '.' || r2 == '．' {
				if r3, _ := utf8.DecodeRuneInString(s[k+1:]); isDigit(r3) {
					return zhCore{}, false // 3.2.1
				}
			}
			b.WriteString("." + frac)
			c.isInt = false
			j = k
		}
	}
	if r, size := utf8.DecodeRuneInString(s[j:]); r == ':' || r == '：' {
		if r2, _ := utf8.DecodeRuneInString(s[j+size:]); isDigit(r2) {
			return zhCore{}, false // 10:30
		}
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); zh && isLatinLetter(r) {
		if _, _, _, ok := sciExponent(s, j); !ok || c.isInt {
			return zhCore{}, false // 5G, 3D; the English reader handles 20th, 1990s, 1.4bn itself
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil || math.IsInf(v, 0) {
		return zhCore{}, false
	}
	if e, end, flat, ok := sciExponent(s, j); ok && !c.isInt && v >= 1 && v < 10 {
		// 1.85 ×1011 (10¹¹ flattened), 3.7×10^10: scientific notation
		v *= math.Pow(10, float64(e))
		c.isInt = false
		c.guess = flat
		j = end
	}
	c.value, c.end = v, j
	return c, true
}

func threeDigits(s string, j int) (int, bool) {
	k := j
	for n := 0; n < 3; n++ {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !isDigit(r) {
			return 0, false
		}
		k += size
	}
	if r, _ := utf8.DecodeRuneInString(s[k:]); isDigit(r) {
		return 0, false
	}
	return k, true
}

func isLatinLetter(r rune) bool {
	return r < utf8.RuneSelf && unicode.IsLetter(r) || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// zhMagnitude reads magnitude characters after Arabic digits (14亿, 3千万,
// 2.5万亿) and returns their product.
func zhMagnitude(s string, j int) (float64, int) {
	if strings.HasPrefix(s[j:], "百分") || strings.HasPrefix(s[j:], "千分") {
		return 1, j
	}
	m := 1.0
	k := j
	big := 0.0 // last of 万 亿 seen; they must increase (万亿, not 亿万)
	for k < len(s) {
		r, size := utf8.DecodeRuneInString(s[k:])
		u, ok := hanUnit(r)
		if !ok {
			break
		}
		f := float64(u)
		if u < 10000 {
			if k > j {
				break // 十 百 千 only first: 3千万, not 3万千
			}
		} else {
			if f <= big {
				break
			}
			big = f
		}
		m *= f
		k += size
	}
	return m, k
}

// zhItem is one number before range merging and suffixes.
type zhItem struct {
	n       Number
	core    zhCore
	mult    bool   // a magnitude followed the digits
	mark    bool   // a unit mark (%, 年, 月, 日, 大, 届) is part of Text
	measure string // measure word after the number, not part of Text
}

// zhItemAt reads a core numeral with its magnitude, inner 多/余 and unit.
func zhItemAt(s string, i int) (zhItem, bool) {
	c, ok := zhCoreAt(s, i)
	if !ok {
		return zhItem{}, false
	}
	it := zhItem{core: c}
	n := Number{Start: i, Value: c.value, Spelled: !c.arabic}
	if c.guess {
		n.Read |= ReadGuess
	}
	j := c.end
	inner := false
	run := s[c.start:c.end]
	endsUnit := !c.arabic && c.isInt && strings.ContainsAny(lastRune(run), "十百千万亿")
	switch {
	case (strings.HasPrefix(s[j:], "多") || strings.HasPrefix(s[j:], "余")) && (endsUnit || c.arabic && c.isInt && c.value >= 10):
		n.Approx, inner = ApproxMore, true // 二十多, 十余, 100多, 500多万
		j += len("多")
	case strings.HasPrefix(s[j:], "几") && strings.HasSuffix(run, "十"):
		n.Approx, inner = ApproxMore, true // 十几
		j += len("几")
	}
	if c.arabic || inner || !c.isInt {
		if m, k := zhMagnitude(s, j); k > j {
			n.Value *= m
			it.mult = true
			j = k
		}
	}
	if !inner && it.mult && (strings.HasPrefix(s[j:], "多") || strings.HasPrefix(s[j:], "余")) {
		n.Approx, inner = ApproxMore, true // 14亿多
		j += len("多")
		// 4万多亿 (over 4 trillion), 3千多万 (over 30 million): a larger
		// magnitude after 多 multiplies the whole
		if m, k := zhMagnitude(s, j); k > j && m >= 1e4 && m > n.Value/c.value {
			n.Value *= m
			j = k
		}
	}
	n.End = j
	rest := s[j:]
	plain := !it.mult && !inner && c.isInt
	iv := int(c.value)
	switch {
	case strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "％"):
		n.Kind = KindPercent
		_, size := utf8.DecodeRuneInString(rest)
		n.End += size
		it.mark = true
	case strings.HasPrefix(rest, "个百分点") || strings.HasPrefix(rest, "百分点"):
		n.Kind = KindPoints
		if strings.HasPrefix(rest, "个") {
			n.End += len("个百分点")
		} else {
			n.End += len("百分点")
		}
		it.mark = true
	case strings.HasPrefix(rest, "分之"):
		return zhFraction(s, it, n)
	case strings.HasPrefix(rest, "世纪") && plain && iv >= 1 && iv <= 30 && zhDecadeAt(s, j+len("世纪")) > 0:
		// 20世纪70年代 = the 1970s
		d := zhDecadeAt(s, j+len("世纪"))
		dc, _ := zhSmallInt(s, j+len("世纪"))
		n.Kind, n.Approx, n.Value = KindYear, ApproxAbout, float64((iv-1)*100+d)
		n.End = dc.end + len("年代")
		it.mark = true
	case strings.HasPrefix(rest, "年代") && plain && (iv%10 == 0 && iv >= 10 && iv <= 90 || iv >= 1000 && iv <= 2100):
		n.Kind, n.Approx = KindYear, ApproxAbout
		if iv < 100 {
			n.Value = float64(1900 + iv)
		}
		n.End += len("年代")
		it.mark = true
	case strings.HasPrefix(rest, "年") && plain && iv >= 1000 && iv <= 2100 && c.digits == 4:
		n.Kind, n.Value = KindYear, float64(iv)
		n.End += len("年")
		it.mark = true
		if d, end, ok := zhMonthDay(s, n.End); ok {
			d.Year = iv
			n.Kind, n.Date, n.End = KindDate, d, end
		}
	case strings.HasPrefix(rest, "年度") && plain && iv >= 10 && iv <= maxMinguo && (!c.byDigit || c.digits == 3):
		// 一百零七年度, 107年度: a Minguo (fiscal) year in a Taiwan text;
		// a count of years is written N年 or N个年度
		n.Kind, n.Value = KindYear, float64(iv+minguoEpoch)
		n.Read |= ReadMinguo | ReadGuess
		n.End += len("年度")
		it.mark = true
	case strings.HasPrefix(rest, "年") && plain && iv >= 1 && iv <= maxMinguo && (!c.byDigit || c.digits == 3) && zhFullDate(s, n.End+len("年")):
		// 一百十一年一月四日 in a Taiwan law: a Minguo date whose 民國 was
		// said once, earlier in the document
		d, end, _ := zhMonthDay(s, n.End+len("年"))
		d.Year = iv + minguoEpoch
		n.Kind, n.Date, n.End = KindDate, d, end
		n.Read |= ReadMinguo | ReadGuess
		it.mark = true
	case strings.HasPrefix(rest, "月") && plain && iv >= 1 && !c.byDigit && zhBound(rest[len("月"):]):
		// 处六月以上五年以下有期徒刑: legal Chinese writes N月 for N months
		// before 以上, 以下, 以内
		it.measure = "月"
	case strings.HasPrefix(rest, "月") && plain && iv >= 1 && iv <= 12 && !c.byDigit:
		if d, end, ok := zhMonthDay(s, i); ok {
			n.Kind, n.Date, n.End = KindDate, d, end
			it.mark = true
		}
	case strings.HasPrefix(rest, "日") && plain && iv >= 1 && iv <= 31 && !c.byDigit && c.lone != '一':
		// (a lone 一日 is "one day", 前一日 "the day before", not the 1st)
		n.Kind, n.Date = KindDate, &Date{Day: iv}
		n.End += 3
		it.mark = true
	case strings.HasPrefix(rest, "中全会") && plain && iv >= 1 && iv <= 9:
		n.Kind = KindOrdinal
		n.End += len("中全会")
		it.mark = true
	case strings.HasPrefix(rest, "大") && plain && iv >= 10 && iv <= 30:
		n.Kind = KindOrdinal // 十八大, 二十大
		n.End += len("大")
		it.mark = true
	case strings.HasPrefix(rest, "届") && plain:
		n.Kind = KindOrdinal // 二十届
		n.End += len("届")
		it.mark = true
	case strings.HasPrefix(rest, "成") && plain && !c.arabic && iv >= 1 && iv <= 10 && !zhChengWord(rest):
		n.Kind, n.Value = KindPercent, float64(iv*10) // 三成 = 30%
		n.End += len("成")
		it.mark = true
	default:
		it.measure = matchMeasure(rest)
		n.Unit = zhUnits[it.measure]
		if u := zhUnits[matchQianMeasure(rest)]; u != "" && it.measure != "" && !c.arabic && !it.mult && strings.HasSuffix(s[c.start:c.end], "千") {
			// 一千克, 三千米: the 千 is the unit's (kilogram, kilometre), as
			// the translation reads it ("one kilogram", not "1,000 grams")
			n.Value /= 1000
			n.Unit = u
		}
		if strings.HasPrefix(rest, "大") && plain && iv < 10 {
			it.measure = "大" // 三大任务
		}
	}
	// Which bare Chinese numerals count: see the package doc.
	if !c.arabic && !it.mark && it.measure == "" && !it.mult && !strings.Contains(s[c.start:c.end], "‧") {
		// (a decimal written with ‧, ○‧○二, is a number whatever follows)
		if !c.hasUnit || c.lone == '十' && !inner {
			return zhItem{}, false
		}
	}
	if c.lone == '一' && !it.mult {
		ok := n.Kind == KindDate || n.Kind == KindPercent || zhTimeMeasures[it.measure]
		if !ok {
			return zhItem{}, false // 一项, 一些, 统一, 之一
		}
	}
	if c.byDigit && n.Kind != KindYear && n.Kind != KindDate {
		return zhItem{}, false // 五四, 九二
	}
	it.n = n
	return it, true
}

func lastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}

func nextRuneAfter(s string, j int) rune {
	if j >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return r
}

// zhChengWord reports 成 starting a word (成为, 成立, 成果) rather than "tenths".
func zhChengWord(rest string) bool {
	r := nextRuneAfter(rest, len("成"))
	return strings.ContainsRune("为立功果本员就熟长效绩了", r)
}

// zhMonthDay reads M月[D日|号] starting at i, with a day range 8日至10日.
func zhMonthDay(s string, i int) (*Date, int, bool) {
	m, ok := zhSmallInt(s, i)
	if !ok || m.value < 1 || m.value > 12 || !strings.HasPrefix(s[m.end:], "月") {
		return nil, 0, false
	}
	d := &Date{Month: int(m.value)}
	end := m.end + len("月")
	if day, ok := zhSmallInt(s, end); ok && day.value >= 1 && day.value <= 31 {
		rest := s[day.end:]
		if strings.HasPrefix(rest, "日") || strings.HasPrefix(rest, "号") {
			d.Day = int(day.value)
			end = day.end + 3
		}
	}
	return d, end, true
}

// zhSmallInt reads an integer written in digits or Chinese numerals at i.
func zhSmallInt(s string, i int) (zhCore, bool) {
	if i >= len(s) {
		return zhCore{}, false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	var c zhCore
	var ok bool
	if isDigit(r) {
		c, ok = arabicAt(s, i, true)
	} else if isHanNumeral(r) && r != '两' {
		end := scanHan(s, i)
		var v int64
		v, ok = parseHan(s[i:end])
		c = zhCore{start: i, end: end, value: float64(v), isInt: true}
	}
	return c, ok && c.isInt
}

// zhNumber reads a number, a range of two, and a trailing approximation.
func zhNumber(s string, i int) (Number, bool) {
	it, ok := zhItemAt(s, i)
	if !ok {
		// 三至五年, 五到十个: a bare numeral opening a range whose second
		// end carries the measure word
		c, cok := zhCoreAt(s, i)
		if !cok || c.arabic || c.byDigit {
			return Number{}, false
		}
		a := zhItem{core: c, n: Number{Start: i, End: c.end, Value: c.value, Spelled: true}}
		merged, rok := zhRange(s, a)
		if !rok || merged.measure == "" || merged.core.arabic {
			return Number{}, false
		}
		it = merged
	}
	n := it.n
	if merged, ok := zhRange(s, it); ok {
		n = merged.n
		it = merged
	}
	// Approximation after the number, or after its measure word (5年以上).
	j := n.End
	adjacent := true
	if it.measure != "" && !it.mark {
		j += len(it.measure)
		adjacent = false
	}
	for _, sfx := range zhSuffixes {
		if !strings.HasPrefix(s[j:], sfx.word) {
			continue
		}
		if (sfx.word == "多" || sfx.word == "余") && adjacent {
			break // after the digits this is handled, or refused (5多), by zhItemAt
		}
		if n.Approx == "" {
			n.Approx = sfx.approx
		}
		if adjacent {
			n.End = j + len(sfx.word)
		}
		break
	}
	return finish(s, n), true
}

var zhRangeMarks = []string{"至", "到", "-", "—", "–", "~", "～", "－", "〜"}

// zhRange extends an item into a range: 8日至10日, 127万到250万, 138至143亿, 5%-8%.
func zhRange(s string, a zhItem) (zhItem, bool) {
	j := a.n.End
	mark := ""
	for _, m := range zhRangeMarks {
		if strings.HasPrefix(s[j:], m) {
			mark = m
			break
		}
	}
	if mark == "" {
		return a, false
	}
	b, ok := zhItemAt(s, j+len(mark))
	if !ok {
		// the second part may be a bare day or number the item reader refuses
		return a, false
	}
	an, bn := a.n, b.n
	switch {
	case an.Kind == KindDate && bn.Kind == KindDate:
		ad, bd := an.Date, bn.Date
		if ad.Day == 0 || bd.Day <= ad.Day || bd.Year != 0 && bd.Year != ad.Year || bd.Month != 0 && bd.Month != ad.Month {
			return a, false
		}
		d := *ad
		d.DayHi = bd.Day
		an.Date = &d
	case an.Kind == KindCardinal && !a.mark && a.measure == "" && bn.Kind == KindDate && bn.Date.Month == 0 && bn.Date.Year == 0:
		if a.core.value < 1 || bn.Date.Day <= int(a.core.value) || !a.core.isInt {
			return a, false
		}
		an.Kind, an.Date = KindDate, &Date{Day: int(a.core.value), DayHi: bn.Date.Day}
	case an.Kind == KindCardinal && !a.mark && a.measure == "" && bn.Kind == KindYear && b.core.digits == 4:
		if a.core.digits != 4 || a.core.value < 1000 || a.core.value >= bn.Value {
			return a, false
		}
		an.Kind, an.Hi = KindYear, bn.Value
		an.Approx = ""
	case an.Kind == bn.Kind || an.Kind == KindCardinal && !a.mark && a.measure == "":
		if an.Kind == KindDate || an.Kind == KindYear || an.Kind == KindWeekday {
			return a, false
		}
		if an.Kind == KindCardinal && bn.Kind != KindCardinal && (bn.Kind == KindOrdinal || bn.Kind == KindFraction) {
			return a, false
		}
		if !a.mult && b.mult && b.core.value != 0 {
			an.Value *= b.n.Value / b.core.value // 138至143亿
		}
		if an.Value >= bn.Value {
			return a, false
		}
		an.Kind, an.Hi = bn.Kind, bn.Value
		if an.Approx == "" {
			an.Approx = bn.Approx
		}
	default:
		return a, false
	}
	an.End = bn.End
	an.Spelled = an.Spelled && bn.Spelled
	return zhItem{n: an, core: a.core, mult: a.mult || b.mult, mark: b.mark, measure: b.measure}, true
}

// zhFraction reads X分之Y after the denominator X.
func zhFraction(s string, it zhItem, n Number) (zhItem, bool) {
	j := n.End + len("分之")
	num, ok := zhSmallFloat(s, j)
	den := it.core.value
	if !ok || den == 0 || it.mult || it.n.Approx != "" {
		return zhItem{}, false
	}
	n.Kind, n.Value, n.End = KindFraction, num.value/den, num.end
	it.n, it.mark = n, true
	return it, true
}

// zhSmallFloat reads a number in digits or Chinese numerals (with 点) at j.
func zhSmallFloat(s string, j int) (zhCore, bool) {
	if j >= len(s) {
		return zhCore{}, false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if isDigit(r) {
		return arabicAt(s, j, true)
	}
	if !isHanNumeral(r) {
		return zhCore{}, false
	}
	end := scanHan(s, j)
	v, ok := parseHan(s[j:end])
	if !ok {
		return zhCore{}, false
	}
	c := zhCore{start: j, end: end, value: float64(v), isInt: true}
	if hasDecimalPoint(s[end:]) {
		k := end + len("点")
		frac := ""
		for k < len(s) {
			fr, size := utf8.DecodeRuneInString(s[k:])
			d, isD := hanDigit(fr)
			if !isD || fr == '两' {
				break
			}
			frac += strconv.Itoa(d)
			k += size
		}
		if frac != "" {
			f, _ := strconv.ParseFloat("0."+frac, 64)
			c.value += f
			c.end = k
			c.isInt = false
		}
	}
	return c, true
}

// zhPercentWords reads 百分之X (percent) and 千分之X (per mille, as percent).
func zhPercentWords(s string, i int) (Number, bool) {
	per := 1.0
	if strings.HasPrefix(s[i:], "千") {
		per = 0.1
	}
	j := i + len("百分之")
	c, ok := zhSmallFloat(s, j)
	if !ok {
		if strings.HasPrefix(s[j:], "百") && per == 1 { // 百分之百
			c, ok = zhCore{end: j + len("百"), value: 100}, true
		} else {
			return Number{}, false
		}
	}
	n := Number{Start: i, End: c.end, Value: c.value * per, Kind: KindPercent, Spelled: !isDigit(nextRuneAfter(s, j))}
	// 百分之五至百分之八
	for _, m := range zhRangeMarks {
		if strings.HasPrefix(s[n.End:], m) && strings.HasPrefix(s[n.End+len(m):], "百分之") {
			if b, ok := zhPercentWords(s, n.End+len(m)); ok && b.Value > n.Value && per == 1 {
				n.Hi, n.End = b.Value, b.End
			}
			break
		}
	}
	for _, sfx := range zhSuffixes {
		if strings.HasPrefix(s[n.End:], sfx.word) && sfx.word != "多" && sfx.word != "余" {
			n.Approx = sfx.approx
			n.End += len(sfx.word)
			break
		}
	}
	return finish(s, n), true
}

// zhOrdinal reads 第 + number: 第三, 第19批, 第二十一.
func zhOrdinal(s string, i int) (Number, bool) {
	j := i + len("第")
	c, ok := zhSmallInt(s, j)
	if !ok || c.value < 1 {
		return Number{}, false
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); r == '两' {
		return Number{}, false
	}
	n := Number{Start: i, End: c.end, Value: c.value, Kind: KindOrdinal, Spelled: !isDigit(nextRuneAfter(s, j))}
	if strings.HasPrefix(s[c.end:], "号") {
		n.Kind = KindID // 国务院令第3号, 华总一义字第 09800015711 号: "No. 3"
		n.End += len("号")
	}
	return finish(s, n), true
}

// zhWeekday reads 周五, 星期五, 礼拜五, 星期天.
func zhWeekday(s string, i int) (Number, bool) {
	rest := s[i:]
	var j int
	switch {
	case strings.HasPrefix(rest, "星期"):
		j = i + len("星期")
	case strings.HasPrefix(rest, "礼拜"):
		j = i + len("礼拜")
	case strings.HasPrefix(rest, "周"):
		j = i + len("周")
	default:
		return Number{}, false
	}
	if p := prevRune(s, i); isHanNumeral(p) || isDigit(p) {
		return Number{}, false // 两周, 3星期
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	v, ok := zhWeekdays[r]
	if !ok {
		return Number{}, false
	}
	after := s[j+size:]
	if nr, _ := utf8.DecodeRuneInString(after); isHanNumeral(nr) || isDigit(nr) || strings.ContainsRune("次个年天遍回趟", nr) {
		return Number{}, false // 每周一次, 周年
	}
	return finish(s, Number{Start: i, End: j + size, Value: float64(v), Kind: KindWeekday, Spelled: true}), true
}

// zhMany reads vague magnitudes: 数十, 几百, 数万, 上万, 成千上万, 数以万计.
func zhMany(s string, i int) (Number, bool) {
	rest := s[i:]
	for _, w := range []struct {
		word  string
		value float64
	}{{"成千上万", 1000}, {"成百上千", 100}, {"数以万计", 1e4}, {"数以千计", 1e3}, {"数以百计", 100}, {"数以亿计", 1e8}, {"数以十万计", 1e5}, {"数以百万计", 1e6}} {
		if strings.HasPrefix(rest, w.word) {
			return finish(s, Number{Start: i, End: i + len(w.word), Value: w.value, Approx: ApproxMany, Spelled: true}), true
		}
	}
	r, size := utf8.DecodeRuneInString(rest)
	approx := ApproxMany
	if r == '上' {
		approx = ApproxMore
	} else if r == '成' {
		return Number{}, false
	}
	if p := prevRune(s, i); r == '上' && (p == '以' || p == '向' || p == '之') || r == '数' && (p == '多' || p == '少' || p == '倍' || p == '分' || p == '参' || p == '指' || p == '人' || p == '次') {
		return Number{}, false // 以上, 多数, 人数
	}
	m, k := zhMagnitude(s, i+size)
	if k == i+size {
		return Number{}, false
	}
	if r == '上' && m < 100 {
		return Number{}, false // 上十 is not used
	}
	return finish(s, Number{Start: i, End: k, Value: m, Approx: approx, Spelled: true}), true
}

// minguoEpoch is added to a Minguo year to give the Gregorian year: 民國元年
// is 1912. maxMinguo bounds the years read as Minguo (114 is 2025).
const (
	minguoEpoch = 1911
	maxMinguo   = 200
)

// zhFullDate reports M月D日 (or 号) at i, both month and day present.
func zhFullDate(s string, i int) bool {
	d, _, ok := zhMonthDay(s, i)
	return ok && d.Day != 0
}

// zhMinguo reads a year of the Minguo calendar introduced by 中华民国 or
// 民国 (folded from 中華民國, 民國): 中華民國三十六年 = 1947, 民國99年1月1日 =
// 1 January 2010. Text includes the era name.
func zhMinguo(s string, i int) (Number, bool) {
	j := i
	switch {
	case strings.HasPrefix(s[i:], "中华民国"):
		j += len("中华民国")
	case strings.HasPrefix(s[i:], "民国"):
		j += len("民国")
	default:
		return Number{}, false
	}
	if strings.HasPrefix(s[j:], "元年") {
		return finish(s, Number{Start: i, End: j + len("元年"), Value: 1912, Kind: KindYear, Spelled: true, Read: ReadMinguo}), true
	}
	c, ok := zhSmallInt(s, j)
	if !ok || c.value < 1 || c.value > maxMinguo || !strings.HasPrefix(s[c.end:], "年") {
		return Number{}, false
	}
	y := int(c.value) + minguoEpoch
	n := Number{Start: i, End: c.end + len("年"), Value: float64(y), Kind: KindYear, Spelled: !c.arabic, Read: ReadMinguo}
	if d, end, ok := zhMonthDay(s, n.End); ok {
		d.Year = y
		n.Kind, n.Date, n.End = KindDate, d, end
	}
	return finish(s, n), true
}

// zhDecadeAt reads the decade of M0年代 at i (10 … 90), or 0.
func zhDecadeAt(s string, i int) int {
	c, ok := zhSmallInt(s, i)
	if !ok || !strings.HasPrefix(s[c.end:], "年代") {
		return 0
	}
	v := int(c.value)
	if v%10 != 0 || v < 10 || v > 90 {
		return 0
	}
	return v
}

// hasDecimalPoint reports 点 or ‧ (U+2027, Taiwan's decimal point in
// numerals: 百分之二‧六) followed by a numeral digit.
func hasDecimalPoint(rest string) bool {
	if !strings.HasPrefix(rest, "点") && !strings.HasPrefix(rest, "‧") {
		return false
	}
	d, _ := utf8.DecodeRuneInString(rest[len("点"):])
	_, ok := hanDigit(d)
	return ok && d != '两'
}

// zhBound reports 以上, 以下, 以内 (or 以內, folded): a bound after a
// quantity.
func zhBound(rest string) bool {
	return strings.HasPrefix(rest, "以上") || strings.HasPrefix(rest, "以下") || strings.HasPrefix(rest, "以内")
}
