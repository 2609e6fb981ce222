package checks

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// Numbers compares the numbers of each aligned pair.
var Numbers = &Check{
	Name:     "numbers",
	Category: CatNumbers,
	Severity: Error,
	Run:      runNumbers,
	Confidence: `That of the weaker of the two numbers (align/numerals Confidence: words
0.7, Minguo year 0.9, a guessed reading 0.5, inside a name 0.4, a document
number 0.6); at most 0.85 (a warning) unless both are digits as written or
structured Chinese numerals (二十大) and they stand in one aligned sentence
pair; lowered by 0.85 more when they were paired only as the last ones of
their kind left in the paragraph. At most 0.4 (info) in a legislative-history
note, where a translation may date another event of the same amendment.`,
	Doc: `a number that differs between the Chinese and its translation

Numbers, dates, percentages, ordinals and ranges are read on both sides
(250万, 二十大, 12月8日至10日, 98.62%; "2.5 million", "20th", "December 8
to 10", "98.62 percent") and normalised. Each number must find an equal
value on the other side of its aligned sentence; one that does not is looked
for in the whole paragraph pair before anything is reported, so a sentence
split differently in translation is not an error.

A number is reported as different (this check, error) when a number left
over on one side faces one left over on the other side that is plainly the
same quantity written wrong:
- the same digits at another magnitude: 250万 (2.5 million) against
  "25 million";
- dates that share the month or year but not the day: 12月8日至10日 against
  "December 8 to 12";
- the only left-over number of its kind (cardinal, ordinal, year,
  percent …) on each side of a sentence pair, within a factor of 10:
  二十大 against "21st" (not when one of them is ten or less and written
  in words: 耶鲁等3所 against "Yale and two other").
Everything else left over is reported under "numbers/missing".
Chinese written with spaces ("12 月 24 日", "近 300 万") and 万 numbers
with a smaller part (75万7千) are read as one number.

Tolerated: approximations (20多年 against "two decades", 数十 against
"dozens"; 约, 多, "about", "over" are not compared), a range against its
two ends (从5增加到8 against "from 5 to 8"), a value repeated on one side
and written once on the other, a year against a full date in that year,
numbers inside enumerators ("(1)", "第三条": see "numbering"), numbers
inside fixed expressions the lexicon glosses with no number (万众一心
"united as one"). Numbers are matched in two passes: equal values first,
then agreement within tolerance (align/numerals Compare): an approximation
kept (4万多亿 / "over 4 trillion"), a unit converted (5公里 / "3.1 miles",
亩 to hectares, 斤 to tonnes), a figure rounded (13.86亿 / "1.4 billion"), a
Minguo year converted (中華民國三十六年 / 1947).

A difference is an error only when both numbers are digits as written (or
a structured Chinese numeral such as 二十大) in one aligned sentence pair;
anything that rests on a reading (words, a name, a guess, a document
number) is a warning at most, and the message says how the number was
read.

Example: zh "项目投资250万元。" / en "The project cost 25 million yuan." →
number "250万" (2.5 million) in Chinese; English has "25 million"`,
}

// NumbersMissing is the sub-check for a number with no counterpart.
var NumbersMissing = &Check{
	Name:     "numbers/missing",
	Category: CatNumbers,
	Severity: Warning,
	Run:      runNumbersMissing,
	Confidence: `0.7 times the number's own confidence: a plain number left over is a
warning, one read from words, a document number, a number inside a quoted
name or a guessed reading is info. Times 0.6 (info) for a year, decade
or ordinal left over in the translation (an explicitation), and when the
pair is a
length outlier whose other side is the short one: the abridgement is
reported once, by "length", and for a year the other side names relative
to the time of the text ("last year", "the year just passed", 去年). At most 0.4 (info) in a legislative-history
note (中華民國…修正公布全文 15 條 against "Amended on …"), which official
translations abridge by convention.`,
	Doc: `a number on one side with no counterpart in the other

A number left over after the comparison of "numbers" (neither equal to a
number of the aligned sentence or paragraph, nor plainly a wrong version of
one), in either direction. Not reported:
- numbers spelled out in words up to ten (二, "three": translations add and
  drop these freely), vague quantities (数十, "dozens", "hundreds of"), a
  second mention of a value already matched in the pair;
- a rate's base, a power of ten from 100 up right after 每 or "per",
  "every", "each" (每千人口, 每一百万, "per 1,000 people", "per
  million"), when the other side words a rate too (每, 人均, ‰, 千分之;
  per, every, each, ‰): it states the base its own way or leaves it
  out; 每5年 against "every year" is still reported;
- a value the other side of the pair writes in a form that is not read as
  a number: digits glued to letters ("Rescue-2021", "48h"), digits in an
  enumerator (今（11）日 / "the 11th"), 十四五 for "14th", 百年 for "100
  years", "a year" for 1年, 一半 or "half" for 50 percent, 翻一番 or
  "doubled" for 100 percent, 九二共识 for "1992 Consensus", "centenary",
  "decade", "once", "twice", "one", "dozen";
- an English ordinal that names a congress, plenum or committee the
  Chinese leaves implicit (全会 → "the sixth plenary session of the 19th
  Central Committee");
- a count written as "X and two other universities" for 耶鲁等3所;
- what the genre writes without a number of the same value: 零度 for
  "0℃"; digits read one by one in the name of an event, rate or act
  (八二三 "August 23rd", 三七五減租 "37.5%", 九八 "98%"); neighbouring
  digits before a magnitude (二、三十年 "20 and 30 years"); "sixties" for
  60; a Roman numeral after a name ("Saturn V"); a span in years and
  months against months (一年六個月, 半年 against "18 months", "6 months");
  a member of a range the other side writes by its ends, when this side
  writes the ends too (第一級至第三級 against "Schedule 1, 2 or 3");
- numbers in page furniture.
Reported at info: a document number (第 2124 號), a number inside a short
quoted name (“十三五”), a guessed reading, a number in words.

Example: zh "会议于2022年12月8日召开，32个国家出席。" / en "The meeting
opened on December 8, 2022." → number "32" in Chinese has no counterpart in
the English`,
}

// numOcc is one number found in a pair. The number itself is the one the
// numbers fact keeps for its block (Pass.Numbers), not a copy: a long
// document has hundreds of thousands.
type numOcc struct {
	n       *numerals.Number
	pos     textPos
	sb      int  // sentence bead, -1 for none
	done    bool // matched, or reported as different
	matched bool // matched to an equal value
}

type numPair struct {
	view   *pairView
	zh, en []*numOcc
	// the other side's text indexed for mentions, per side, when first
	// asked (writtenOnOther)
	other [2]*mentions
}

// writtenOnOther: the value of o is written on the other side of the pair
// only in a form the extractors leave out — inside a reference (第41篇
// for "title 41"), glued to letters, in a name (mentions.has). Such a number
// has its counterpart, so it is no partner for a left-over number of the
// same kind: 77 against "title 41" is no wrong number when 第41篇 is
// there.
func (np *numPair) writtenOnOther(o *numOcc) bool {
	i, others := 0, np.en
	if o.pos.Lang == align.En {
		i, others = 1, np.zh
	}
	for _, m := range others {
		if m.n.Value == o.n.Value {
			// the value is there as a number, matched to another
			// one: this occurrence is a second mention the other side
			// lacks (百分之八十 … 百分之二十 against "80% … the
			// remaining 80%"), still a candidate
			return false
		}
	}
	if np.other[i] == nil {
		np.other[i] = newMentions(np.otherText(o.pos.Lang), o.pos.Lang.Other())
	}
	return np.other[i].has(*o.n)
}

// numberMismatch is a pair of numbers found different.
type numberMismatch struct {
	pair   *numPair
	zh, en *numOcc
	why    string
}

func runNumbers(p *Pass) error {
	for _, np := range Get(p, numberPairsFact) {
		for _, m := range np.diffs {
			zs, es := m.pair.view.span(m.zh.pos), m.pair.view.span(m.en.pos)
			src, tr := m.zh, m.en
			srcLang := align.Zh
			if p.Settings.Source == align.En {
				src, tr, srcLang = m.en, m.zh, align.En
			}
			conf := m.confidence()
			if historyBead(p, m.pair.view.Index) {
				// an amendment history: the translation may give
				// another event's date (adoption for promulgation)
				conf = math.Min(conf, historyConfidence)
			}
			p.Report(Finding{Bead: m.pair.view.Index, Zh: zs, En: es, Confidence: conf,
				Evidence: m.zh.n.Text + "\x00" + m.en.n.Text,
				Message: fmt.Sprintf("number %s in %s; %s has %q", quoteNumber(*src.n), langName(srcLang),
					langName(srcLang.Other()), tr.n.Text)})
		}
	}
	return nil
}

func runNumbersMissing(p *Pass) error {
	for _, np := range Get(p, numberPairsFact) {
		v := np.pair.view
		for _, l := range []align.Lang{align.Zh, align.En} {
			occs := np.pair.zh
			if l == align.En {
				occs = np.pair.en
			}
			var other *mentions // indexed once per side, when first asked
			for _, o := range occs {
				text := p.Doc.Blocks(l)[o.pos.Block].Text
				if o.done || tolerated(o, occs, text) || np.pair.othersMatch(o) {
					continue
				}
				if other == nil {
					other = newMentions(np.pair.otherText(l), l.Other())
				}
				if other.has(*o.n) || np.pair.inFullDate(o) || np.pair.rangeMember(o) || np.pair.monthsOfDuration(o, text) {
					continue
				}
				if o.n.Base && other.rate() {
					// a rate's base (每千人口, "per million") where the
					// other side words a rate too: it states the base
					// its own way (‰, "per thousand", 人均) or leaves it
					// out
					continue
				}
				f := Finding{Bead: v.Index, Evidence: o.n.Text, About: SideOf(l), Confidence: missingConfidence(*o.n)}
				if l != p.Settings.Source && explicitation(*o.n) {
					// a year, decade or ordinal the translation spells
					// out where the original says 今年, 上世纪, 本届:
					// an addition that is the translator's care
					f.Confidence *= 0.6
				}
				if yearLike(*o.n) && relativeTime(np.pair.otherText(l), l.Other(), o.n.Kind == numerals.KindDate) {
					// 2017年 against "the year just passed", "last
					// year" against 去年: a year said relative to the
					// time of the text
					f.Confidence *= 0.6
				}
				if rel, ok := Get(p, lengthOutliersFact)[v.Index]; ok && (rel < 1) == (l == align.Zh) {
					// the other side abridges the whole pair, which
					// the length check reports once: this number is
					// part of that, not a finding of its own
					f.Confidence *= 0.6
				}
				if historyBead(p, v.Index) {
					// the article count, order number or date of
					// entry into force of an amendment-history
					// note, which the translation abridges by
					// convention
					f.Confidence = math.Min(f.Confidence, historyConfidence)
				}
				sp := v.span(o.pos)
				sb := o.sb
				if !v.both(sb) {
					sb = -1
				}
				other := v.unitSpan(l.Other(), sb)
				if l == align.Zh {
					f.Zh, f.En = sp, other
				} else {
					f.En, f.Zh = sp, other
				}
				f.Message = fmt.Sprintf("number %s in %s has no counterpart in the %s", quoteNumber(*o.n), langName(l), langName(l.Other()))
				p.Report(f)
			}
		}
	}
	return nil
}

// confidence of a mismatch: that of the weaker number (numerals.Number.
// Confidence: words, a Minguo year, a name, a guess lower it), and below
// what an error needs unless both are digits read as written (Plain) and
// paired by more than being the only ones of their kind left.
func (m numberMismatch) confidence() float64 {
	c := math.Min(numberConfidence(*m.zh.n), numberConfidence(*m.en.n))
	if !firm(*m.zh.n) || !firm(*m.en.n) {
		c = math.Min(c, 0.85)
	}
	if m.why == "only" && (m.zh.sb != m.en.sb || m.zh.sb < 0) {
		// the only ones of their kind left in the pair, not in one
		// aligned sentence pair: the pairing is a guess
		c *= 0.85
	}
	return c
}

// firm: a number whose reading is not in doubt — digits as written
// (numerals.Number.Plain) or a structured Chinese numeral (hanFirm).
func firm(n numerals.Number) bool {
	return n.Plain() || hanFirm(n)
}

// hanFirm: a Chinese numeral of several characters with a value above ten
// (二十大, 一百零五), exact and read from nothing but its characters. Such
// a numeral has one reading; the doubt numerals puts on numbers in words
// is for English words ("one" is also a pronoun) and lone Chinese digits
// (一 is also an article, 三 and 五 sit in idioms).
func hanFirm(n numerals.Number) bool {
	return n.Read == numerals.ReadWords && n.Approx == "" && n.Kind != numerals.KindID && !n.IsRange() &&
		n.Value > 10 && n.Value == math.Trunc(n.Value) && utf8.RuneCountInString(n.Text) >= 2 && !hasLatin(n.Text)
}

func hasLatin(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) })
}

// numberConfidence is numerals.Number.Confidence without the doubt on
// words for a firm Chinese numeral (hanFirm).
func numberConfidence(n numerals.Number) float64 {
	if hanFirm(n) {
		return 1
	}
	return n.Confidence()
}

// missingConfidence: a number with no counterpart is weaker evidence than
// one that differs (the translation may say it otherwise), so a plain
// number left over is a warning at most (0.7), and one read from words, a
// document number, a name or a guess falls to info.
func missingConfidence(n numerals.Number) float64 {
	return 0.7 * numberConfidence(n)
}

// explicitation: the kinds of number a translation adds to make explicit
// what the original leaves to context: a year (今年 → "in 2017"), a decade
// ("the 1930s" for 延安时期), an ordinal of a recurring event ("the 24th
// APEC Economic Leaders' Meeting").
func explicitation(n numerals.Number) bool {
	switch n.Kind {
	case numerals.KindYear, numerals.KindOrdinal:
		return true
	case numerals.KindDate:
		return n.Date != nil && n.Date.Day == 0
	}
	return false
}

// inFullDate: a year, or a month and day, that one side writes apart
// (2020年…6月22日; 主后一千八百六十三年 … 十月三日) and the other as one
// full date ("this twenty-second day of June, in the year of our Lord two
// thousand twenty"): the full date holds it, matched or not.
func (np *numPair) inFullDate(o *numOcc) bool {
	others := np.en
	if o.pos.Lang == align.En {
		others = np.zh
	}
	for _, m := range others {
		d := m.n.Date
		if m.n.Kind != numerals.KindDate || d == nil || d.Year == 0 || d.Month == 0 || d.Day == 0 {
			continue
		}
		switch {
		case o.n.Kind == numerals.KindDate && o.n.Date != nil && o.n.Date.Year == 0:
			if o.n.Date.Month == d.Month && o.n.Date.Day == d.Day {
				return true
			}
		case o.n.Kind == numerals.KindYear || o.n.Kind == numerals.KindCardinal:
			if o.n.Value == float64(d.Year) && o.n.Value == o.n.Hi {
				return true
			}
		}
	}
	return false
}

// yearLike: a year, or a month of a year, which a text may also name
// relative to its own time.
func yearLike(n numerals.Number) bool {
	return n.Kind == numerals.KindYear || n.Kind == numerals.KindDate && n.Date != nil && n.Date.Day == 0 && n.Date.Year != 0
}

var (
	relativeYearEn  = regexp.MustCompile(`(?i)\b(?:last|this|next|past|previous|coming|current|same|preceding)\s+year\b|\byear\s+(?:just\s+)?(?:passed|ended|gone\s+by)\b|\bthe\s+year\s+(?:before|ahead)\b`)
	relativeYearZh  = regexp.MustCompile(`今年|去年|明年|前年|上年|本年|当年|當年|同年|次年|翌年|上一年|过去一年|過去一年|刚刚过去的一年|剛剛過去的一年`)
	relativeMonthEn = regexp.MustCompile(`(?i)\b(?:last|this|next|past|previous|coming|current|same|preceding)\s+month\b`)
	relativeMonthZh = regexp.MustCompile(`本月|上月|下月|上个月|上個月|当月|當月`)
)

// relativeTime: a text in language l names a year (or, with month, a
// month) relative to its own time ("last year", 去年). A year is excused
// only by a relative year: "today (the 11th day of this month)" says
// nothing of 2021年.
func relativeTime(text string, l align.Lang, month bool) bool {
	if l == align.Zh {
		return relativeYearZh.MatchString(text) || month && relativeMonthZh.MatchString(text)
	}
	return relativeYearEn.MatchString(text) || month && relativeMonthEn.MatchString(text)
}

// othersMatch: a count written as "X and two other universities" against
// 耶鲁等3所.
func (np *numPair) othersMatch(o *numOcc) bool {
	occs := np.en
	if o.pos.Lang == align.En {
		occs = np.zh
	}
	for _, m := range occs {
		z, e := o, m
		if o.pos.Lang == align.En {
			z, e = m, o
		}
		if m.matched || e.n.Value != z.n.Value-1 || z.n.IsRange() || e.n.IsRange() {
			continue
		}
		et := np.view.p.Doc.En[e.pos.Block].Text
		rest := strings.TrimSpace(et[e.pos.End:min(len(et), e.pos.End+12)])
		if strings.HasPrefix(rest, "other") {
			return true
		}
	}
	return false
}

// blockText is the text a number occurrence stands in.
func (np *numPair) blockText(o *numOcc) string {
	return np.view.p.Doc.Blocks(o.pos.Lang)[o.pos.Block].Text
}

var (
	rangeJoinZh = regexp.MustCompile(`^[^，。；、,;]{0,4}?(?:至|到|～|~|－|-|—)[^，。；、,;]{0,2}$`)
	rangeJoinEn = regexp.MustCompile(`(?i)^\s*(?:to|through|thru|-|–|—)\s*$`)
)

// rangeMember: an integer strictly inside a range the other side writes by
// its ends, when this side writes those ends too — the range spelt out as
// its members: 第一級至第三級管制藥品 against "Schedule 1, 2 or 3
// controlled drugs", "Articles 3 to 5" against 第三條、第四條及第五條.
func (np *numPair) rangeMember(o *numOcc) bool {
	v := o.n.Value
	if o.n.IsRange() || v != math.Trunc(v) || v <= 0 {
		return false
	}
	mine, others := np.zh, np.en
	join := rangeJoinEn
	if o.pos.Lang == align.En {
		mine, others = np.en, np.zh
		join = rangeJoinZh
	}
	has := func(x float64) bool {
		for _, m := range mine {
			if m != o && !m.n.IsRange() && m.n.Value == x {
				return true
			}
		}
		return false
	}
	inside := func(lo, hi float64) bool {
		return lo < v && v < hi && hi-lo <= 20 && lo == math.Trunc(lo) && hi == math.Trunc(hi) && has(lo) && has(hi)
	}
	for i, a := range others {
		if a.n.IsRange() && inside(a.n.Value, a.n.Hi) {
			return true
		}
		if i+1 == len(others) {
			break
		}
		b := others[i+1]
		if b.pos.Block != a.pos.Block || b.pos.Start < a.pos.End || a.n.IsRange() || b.n.IsRange() {
			continue
		}
		if join.MatchString(np.blockText(a)[a.pos.End:b.pos.Start]) && inside(a.n.Value, b.n.Value) {
			return true
		}
	}
	return false
}

var (
	monthsAfterEn = regexp.MustCompile(`^(?:-|\s+)months?\b`)
	monthsAfterZh = regexp.MustCompile(`^(?:個|个)?月`)
)

// monthsOfDuration: a number of months in English that the Chinese writes
// in years and months, as laws and budgets do: 一年六個月 against "18
// months", 半年 against "6 months", 一年 against "12 months".
func (np *numPair) monthsOfDuration(o *numOcc, text string) bool {
	if o.pos.Lang != align.En || !monthsAfterEn.MatchString(text[o.pos.End:]) {
		return false
	}
	for _, m := range zhDurationsInMonths(np.otherText(align.En)) {
		if m == o.n.Value {
			return true
		}
	}
	return false
}

// zhDurationsInMonths are the spans of time a Chinese text writes in
// years, or years and months (一年六個月, 二年半, 半年), counted in months.
func zhDurationsInMonths(text string) []float64 {
	var out []float64
	if strings.Contains(text, "半年") {
		out = append(out, 6)
	}
	ns := chineseNumbers(text)
	for i, n := range ns {
		if n.IsRange() || n.Kind == numerals.KindYear || n.Kind == numerals.KindDate || n.Value <= 0 || n.Value > 100 {
			continue
		}
		rest := text[n.End:]
		switch {
		case strings.HasPrefix(rest, "年半"):
			out = append(out, 12*n.Value+6)
		case strings.HasPrefix(rest, "年"):
			total := 12 * n.Value
			if i+1 < len(ns) && ns[i+1].Start == n.End+len("年") && monthsAfterZh.MatchString(text[ns[i+1].End:]) {
				total += ns[i+1].Value
			}
			out = append(out, total)
		}
	}
	return out
}

// otherText is the whole text of the other side of the pair.
func (np *numPair) otherText(l align.Lang) string {
	return np.view.p.Align.Text(np.view.Bead, l.Other())
}

type numResult struct {
	pair  *numPair
	diffs []numberMismatch
}

// compareNumbers matches the numbers of every pair; what is left over is
// either a mismatch (in diffs) or not done. The checks take it from
// numberPairsFact: it is computed once for both.
func compareNumbers(p *Pass) []numResult {
	var out []numResult
	for _, v := range pairViews(p) {
		np := &numPair{view: v}
		for _, blk := range v.blocks(align.Zh) {
			if blk.Kind == align.KindFurniture {
				continue
			}
			nums := p.Numbers(align.Zh, blk.Index)
			for k := range nums {
				n := &nums[k]
				pos := textPos{Lang: align.Zh, Block: blk.Index, Start: n.Start, End: n.End}
				np.zh = append(np.zh, &numOcc{n: n, pos: pos, sb: v.sentBead(pos)})
			}
		}
		for _, blk := range v.blocks(align.En) {
			if blk.Kind == align.KindFurniture {
				continue
			}
			nums := p.Numbers(align.En, blk.Index)
			for k := range nums {
				n := &nums[k]
				pos := textPos{Lang: align.En, Block: blk.Index, Start: n.Start, End: n.End}
				np.en = append(np.en, &numOcc{n: n, pos: pos, sb: v.sentBead(pos)})
			}
		}
		if len(np.zh) == 0 && len(np.en) == 0 {
			continue
		}
		out = append(out, numResult{pair: np, diffs: np.compare()})
	}
	return out
}

// unitOf is the sentence bead a number is compared in: its own when that
// has both sides, else -1 (the whole pair).
func (np *numPair) unitOf(o *numOcc) int {
	if np.view.both(o.sb) {
		return o.sb
	}
	return -1
}

func (np *numPair) compare() []numberMismatch {
	inUnit := func(u int) func(*numOcc) bool {
		return func(o *numOcc) bool { return u < 0 || np.unitOf(o) == u }
	}
	units := []int{}
	for sb := range np.view.Bead.Sents {
		if np.view.both(sb) {
			units = append(units, sb)
		}
	}
	// Equal values in the sentence pair, then in the whole pair.
	for _, u := range units {
		np.matchEqual(inUnit(u))
	}
	np.matchEqual(inUnit(-1))
	// A range on one side against its two ends on the other.
	for _, u := range units {
		np.matchRanges(inUnit(u))
	}
	np.matchRanges(inUnit(-1))
	// Then agreement within tolerance (numerals.Compare): approximations
	// kept, units converted, figures rounded — in the sentence pair, then
	// in the whole pair. Equal values go first so that a rounded figure
	// does not take the partner of an exact one.
	for _, u := range units {
		np.matchClose(inUnit(u))
	}
	np.matchClose(inUnit(-1))
	// What is left: plainly the same quantity written wrong?
	var diffs []numberMismatch
	for _, u := range units {
		diffs = append(diffs, np.mismatches(inUnit(u), true)...)
	}
	diffs = append(diffs, np.mismatches(func(o *numOcc) bool { return np.unitOf(o) < 0 }, true)...)
	diffs = append(diffs, np.mismatches(inUnit(-1), false)...)
	return diffs
}

func open(occs []*numOcc, in func(*numOcc) bool) []*numOcc {
	var out []*numOcc
	for _, o := range occs {
		if !o.done && in(o) {
			out = append(out, o)
		}
	}
	return out
}

// sameNumber is numerals.Equal widened by what a translation may do: a
// year against a date in that year.
func sameNumber(a, b numerals.Number) bool {
	if numerals.Equal(a, b) {
		return true
	}
	yearIn := func(y, d numerals.Number) bool {
		return (y.Kind == numerals.KindYear || y.Kind == numerals.KindCardinal) && !y.IsRange() &&
			d.Kind == numerals.KindDate && d.Date != nil && float64(d.Date.Year) == y.Value
	}
	return yearIn(a, b) || yearIn(b, a)
}

func (np *numPair) matchEqual(in func(*numOcc) bool) {
	zs, es := open(np.zh, in), open(np.en, in)
	for i, z := range zs {
		lo, hi := within(i, len(zs), len(es))
		for _, e := range es[lo:hi] {
			if !e.done && sameNumber(*z.n, *e.n) {
				z.done, z.matched, e.done, e.matched = true, true, true, true
				break
			}
		}
	}
}

// fullMatch is the most pairs of numbers of one pair compared each with
// each (256 a side); within bounds beyond it.
const fullMatch = 1 << 16

// within is the range of English numbers the i-th of nz Chinese numbers
// is compared with: all of them up to fullMatch pairs, else a window
// around its place in proportion, as a translation keeps its numbers in
// order, so that a pair with thousands of numbers a side (a table pasted
// as one paragraph, or a hostile input) costs linear time, not n².
func within(i, nz, ne int) (lo, hi int) {
	if nz*ne <= fullMatch {
		return 0, ne
	}
	const half = fullMatch >> 10 // 64 either side
	c := i * ne / nz
	return max(0, c-half), min(ne, c+half+1)
}

// matchClose matches numbers that agree within an approximation, a unit
// conversion or a rounding (numerals.Compare), the closest first.
func (np *numPair) matchClose(in func(*numOcc) bool) {
	zs, es := open(np.zh, in), open(np.en, in)
	for i, z := range zs {
		var best *numOcc
		bm := numerals.MatchNone
		lo, hi := within(i, len(zs), len(es))
		for _, e := range es[lo:hi] {
			if e.done {
				continue
			}
			if m := numerals.Compare(*z.n, *e.n); m > bm {
				best, bm = e, m
			}
		}
		if best != nil {
			z.done, z.matched, best.done, best.matched = true, true, true, true
		}
	}
}

// matchRanges matches a range with its two ends written as two numbers on
// the other side (从5增加到8 / "from 5 to 8").
func (np *numPair) matchRanges(in func(*numOcc) bool) {
	try := func(rs, ns []*numOcc) {
		for _, r := range rs {
			if r.done || !r.n.IsRange() {
				continue
			}
			lo, hi := *r.n, *r.n
			lo.Hi, hi.Value = lo.Value, hi.Hi
			var a, b *numOcc
			for _, o := range ns {
				switch {
				case o.done || o.n.IsRange():
				case a == nil && sameNumber(*o.n, lo):
					a = o
				case b == nil && sameNumber(*o.n, hi):
					b = o
				}
			}
			if a != nil && b != nil {
				r.done, r.matched, a.done, a.matched, b.done, b.matched = true, true, true, true, true, true
			}
		}
	}
	zs, es := open(np.zh, in), open(np.en, in)
	try(zs, es)
	try(es, zs)
}

// kindClass groups kinds that can be mistaken for one another in
// translation.
func kindClass(n numerals.Number) numerals.Kind {
	return n.Kind
}

// mismatches pairs left-over numbers that are plainly the same quantity
// written wrong. With loose, the only left-over number of its kind on each
// side also counts when within a factor of 10.
func (np *numPair) mismatches(in func(*numOcc) bool, loose bool) []numberMismatch {
	zs, es := open(np.zh, in), open(np.en, in)
	if len(zs) == 0 || len(es) == 0 {
		return nil
	}
	// A pair is a candidate when both are dates that are near, when they
	// have the same significant digits (sameDigits), or, loosely, when each
	// is the only one of its kind on its side. Comparing every Chinese
	// number with every English one, and counting a kind's numbers for
	// each comparison, cost n³ on one paragraph of thousands of numbers
	// (2,000 a side: 20 s); the English numbers are indexed by kind and
	// by significant digits instead, and the candidates of each Chinese
	// number taken in the English order, as before.
	// Document numbers are labels: two that differ are two documents, not
	// one quantity written wrong.
	usable := func(o *numOcc) bool { return o.n.Approx != numerals.ApproxMany && kindClass(*o.n) != numerals.KindID }
	zCount, eCount := map[numerals.Kind]int{}, map[numerals.Kind]int{}
	for _, z := range zs {
		if usable(z) {
			zCount[kindClass(*z.n)]++
		}
	}
	type digitsKey struct {
		k numerals.Kind
		m string
	}
	byKind := map[numerals.Kind][]int{} // English indices of each kind
	byDigits := map[digitsKey][]int{}   // and of each kind and mantissa
	for j, e := range es {
		if !usable(e) {
			continue
		}
		k := kindClass(*e.n)
		eCount[k]++
		byKind[k] = append(byKind[k], j)
		if e.n.Value > 0 {
			byDigits[digitsKey{k, mantissa(e.n.Value)}] = append(byDigits[digitsKey{k, mantissa(e.n.Value)}], j)
		}
	}
	type cand struct {
		z, e *numOcc
		why  string
		dist float64
	}
	var cs []cand
	var near []int
	for _, z := range zs {
		if !usable(z) {
			continue
		}
		k := kindClass(*z.n)
		switch {
		case k == numerals.KindDate:
			near = byKind[k]
		default:
			near = near[:0:0]
			if z.n.Value > 0 {
				near = append(near, byDigits[digitsKey{k, mantissa(z.n.Value)}]...)
			}
			if loose && zCount[k] == 1 && eCount[k] == 1 && !slices.Contains(near, byKind[k][0]) {
				near = append(near, byKind[k][0])
				slices.Sort(near)
			}
		}
		for _, j := range near {
			e := es[j]
			why := ""
			switch {
			case k == numerals.KindDate:
				if datesNear(z.n.Date, e.n.Date) {
					why = "date"
				}
			case sameDigits(*z.n, *e.n):
				why = "magnitude"
			case loose && zCount[k] == 1 && eCount[k] == 1 && within10(*z.n, *e.n) && !smallSpelled(*z.n, *e.n) &&
				!np.writtenOnOther(z) && !np.writtenOnOther(e):
				why = "only"
			}
			if why != "" {
				cs = append(cs, cand{z, e, why, distance(*z.n, *e.n)})
			}
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].dist < cs[b].dist })
	var out []numberMismatch
	for _, c := range cs {
		if c.z.done || c.e.done {
			continue
		}
		c.z.done, c.e.done = true, true
		out = append(out, numberMismatch{pair: np, zh: c.z, en: c.e, why: c.why})
	}
	return out
}

// datesNear: two dates that share a year or month but differ.
func datesNear(a, b *numerals.Date) bool {
	if a == nil || b == nil {
		return false
	}
	if a.Year != 0 && b.Year != 0 && a.Year != b.Year {
		return a.Month == b.Month && a.Day == b.Day
	}
	return a.Month != 0 && a.Month == b.Month || a.Year != 0 && a.Year == b.Year
}

// sameDigits: the same significant digits at a different magnitude
// (250万 = 2.5e6 against "25 million" = 2.5e7).
func sameDigits(a, b numerals.Number) bool {
	if a.Value <= 0 || b.Value <= 0 || a.IsRange() != b.IsRange() {
		return false
	}
	if math.Max(a.Value, b.Value) < 1000 || math.Min(a.Value, b.Value) < 100 {
		return false // 5 against 50, or 7 against 7000, is as likely a different number
	}
	ma, mb := mantissa(a.Value), mantissa(b.Value)
	return ma == mb && math.Abs(math.Log10(a.Value/b.Value)) >= 0.5
}

func mantissa(v float64) string {
	e := math.Floor(math.Log10(v))
	m := v / math.Pow(10, e)
	return strconv.FormatFloat(m, 'g', 6, 64)
}

func within10(a, b numerals.Number) bool {
	if a.Value <= 0 || b.Value <= 0 {
		return a.Value == b.Value
	}
	r := a.Value / b.Value
	return r <= 10 && r >= 0.1
}

// smallSpelled: small numbers, one written in words — 3所 against "Yale
// and two other" counts differently, 两 against "three" is as often two
// different things (两岸, "three sides").
func smallSpelled(a, b numerals.Number) bool {
	return (a.Spelled || b.Spelled) && math.Min(a.Value, b.Value) <= 10
}

func distance(a, b numerals.Number) float64 {
	if a.Value <= 0 || b.Value <= 0 {
		return math.Abs(a.Value - b.Value)
	}
	return math.Abs(math.Log(a.Value / b.Value))
}

// explicitRe matches what follows an English ordinal that a translation
// makes explicit: 全会 → "the sixth plenary session of the 19th Central
// Committee", 省党代会 → "the 12th Party congress".
var explicitWords = []string{"central committee", "party congress", "national congress", "cpc central committee",
	"plenary session", "npc", "national people's congress", "cppcc"}

// tolerated: left-over numbers not worth a warning.
func tolerated(o *numOcc, same []*numOcc, text string) bool {
	n := o.n
	if n.Approx == numerals.ApproxMany {
		return true
	}
	if o.pos.Lang == align.En && n.Kind == numerals.KindOrdinal {
		rest := strings.ToLower(text[o.pos.End:min(len(text), o.pos.End+40)])
		for _, w := range explicitWords {
			if strings.HasPrefix(strings.TrimSpace(rest), w) {
				return true
			}
		}
	}

	if n.Spelled && !n.IsRange() && n.Value <= 10 && n.Kind != numerals.KindDate && n.Kind != numerals.KindPercent {
		return true
	}
	// a value said twice on one side and once on the other
	for _, m := range same {
		if m != o && m.matched && sameNumber(*m.n, *n) {
			return true
		}
	}
	return false
}

// quoteNumber quotes a number as written, with its value when the writing
// does not show it plainly: "250万" (2.5 million).
func quoteNumber(n numerals.Number) string {
	q := strconv.Quote(n.Text)
	d := describeNumber(n)
	if d == "" || d == n.Text || strings.ReplaceAll(n.Text, ",", "") == d {
		d = ""
	}
	if r := readingNote(n); r != "" {
		d = strings.TrimPrefix(d+", "+r, ", ")
	}
	if d == "" {
		return q
	}
	return q + " (" + d + ")"
}

// readingNote says how a number that is not Plain was read, so that a
// reader weighs a finding that rests on it: "read from words", "Minguo
// year", "a document number" …; "" for digits read as written.
func readingNote(n numerals.Number) string {
	var notes []string
	switch {
	case n.Kind == numerals.KindID:
		notes = append(notes, "a document number")
	case n.Read&numerals.ReadName != 0:
		notes = append(notes, "inside a name")
	}
	if n.Read&numerals.ReadMinguo != 0 {
		notes = append(notes, "Minguo year")
	}
	if n.Read&numerals.ReadGuess != 0 {
		notes = append(notes, "a guessed reading")
	}
	if (n.Spelled || n.Read&numerals.ReadWords != 0) && !hanFirm(n) {
		notes = append(notes, "read from words")
	}
	return strings.Join(notes, ", ")
}

// describeNumber writes a number's value in plain English.
func describeNumber(n numerals.Number) string {
	switch n.Kind {
	case numerals.KindDate:
		if n.Date == nil {
			return ""
		}
		d := n.Date
		var parts []string
		if d.Month != 0 {
			parts = append(parts, monthNames[d.Month-1])
		}
		if d.Day != 0 {
			day := strconv.Itoa(d.Day)
			if d.DayHi != 0 {
				day += "–" + strconv.Itoa(d.DayHi)
			}
			parts = append(parts, day)
		}
		s := strings.Join(parts, " ")
		if d.Year != 0 {
			if s != "" {
				s += ", "
			}
			s += strconv.Itoa(d.Year)
		}
		return s
	case numerals.KindWeekday:
		if n.Value >= 1 && n.Value <= 7 {
			return weekdayNames[int(n.Value)-1]
		}
		return ""
	case numerals.KindOrdinal:
		return ordinal(n.Value)
	case numerals.KindPercent:
		return valueRange(n) + "%"
	case numerals.KindPoints:
		return valueRange(n) + " percentage points"
	case numerals.KindFraction:
		return strconv.FormatFloat(n.Value, 'g', 3, 64)
	}
	return valueRange(n)
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}
var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

func valueRange(n numerals.Number) string {
	if !n.IsRange() {
		return plainValue(n.Value)
	}
	if m, name := scaleOf(n.Value); name != "" {
		if m2, _ := scaleOf(n.Hi); m2 == m {
			return strconv.FormatFloat(n.Value/m, 'g', 10, 64) + "–" + plainValue(n.Hi)
		}
	}
	return plainValue(n.Value) + "–" + plainValue(n.Hi)
}

func scaleOf(v float64) (float64, string) {
	for _, m := range []struct {
		v    float64
		name string
	}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}} {
		if math.Abs(v) >= m.v {
			return m.v, m.name
		}
	}
	return 1, ""
}

// plainValue writes 2500000 as "2.5 million", 20 as "20".
func plainValue(v float64) string {
	n, name := scaleOf(v)
	s := strconv.FormatFloat(v/n, 'g', 10, 64)
	if name != "" {
		s += " " + name
	}
	return s
}

func ordinal(v float64) string {
	if v != math.Trunc(v) || v < 0 {
		return plainValue(v)
	}
	i := int(v)
	suf := "th"
	switch {
	case i%100 >= 11 && i%100 <= 13:
	case i%10 == 1:
		suf = "st"
	case i%10 == 2:
		suf = "nd"
	case i%10 == 3:
		suf = "rd"
	}
	return strconv.Itoa(i) + suf
}

// chineseNumbers reads the numbers of a Chinese text (numerals.Chinese:
// blanks inside numbers, compound magnitudes, Minguo years) without those
// inside fixed expressions the lexicon glosses with no number word
// (万众一心 "united as one", 一天到晚): those count nothing, and their
// translation has no figure.
func chineseNumbers(text string) []numerals.Number {
	return numerals.WithoutFixedExpressions(text, numerals.Chinese(text), lexiconGlosses)
}

// mentioned reports whether the value of a number left over on one side is
// written on the other side in a way the extractors do not take as a
// number: digits glued to letters ("Rescue-2021", "48h"), inside an
// enumerator or a code ("今（11）日"), 十四五 for "14th", 百年 for "100
// years", 九二共识 for "1992 Consensus", "centenary", "once", "decade".
func mentioned(n numerals.Number, other string, otherLang align.Lang) bool {
	return newMentions(other, otherLang).has(n)
}

// mentions indexes a text for mentioned: its digit runs, and its lower
// case. Scanning the text afresh for each number cost numbers × text on a
// paragraph of thousands of numbers.
type mentions struct {
	text string
	lang align.Lang
	runs map[string]bool
	low  string
	// Chinese: runs of digit characters read one by one (三七五, 八二三),
	// as ASCII digits; English: values of Roman numerals after a name
	// ("Saturn V", "Title IX")
	spelled map[string]bool
	roman   map[int64]bool
}

// rate reports whether the text words a rate: 每, 人均, ‰ or 千分之 in
// Chinese; per, every, each or ‰ in English.
func (m *mentions) rate() bool {
	if m.lang == align.Zh {
		return strings.Contains(m.text, "每") || strings.Contains(m.text, "人均") || strings.Contains(m.text, "‰") || strings.Contains(m.text, "千分之")
	}
	return strings.Contains(m.text, "‰") || containsWord(m.low, "per") || containsWord(m.low, "every") || containsWord(m.low, "each")
}

func newMentions(text string, l align.Lang) *mentions {
	m := &mentions{text: text, lang: l, runs: digitRuns(text)}
	if l != align.Zh {
		m.low = strings.ToLower(text)
		m.roman = romanAfterNames(text)
	} else {
		m.spelled = hanDigitRuns(text)
	}
	return m
}

func (m *mentions) has(n numerals.Number) bool {
	if m.genreSpelling(n) {
		return true
	}
	if n.Kind == numerals.KindPercent && n.Value == n.Hi {
		// 减少一半 / "fallen 50 percent", 翻一番 / "up 100 percent"
		words := percentWordsEn[n.Value]
		if m.lang == align.Zh {
			words = percentWordsZh[n.Value]
		}
		for _, w := range words {
			if m.lang == align.Zh && strings.Contains(m.text, w) || m.lang != align.Zh && containsWord(m.low, w) {
				return true
			}
		}
	}
	for _, v := range []float64{n.Value, n.Hi} {
		if n.Kind == numerals.KindDate || v <= 0 || v != math.Trunc(v) || v > 1e13 {
			continue
		}
		iv := int64(v)
		if m.runs[strconv.FormatInt(iv, 10)] {
			return true
		}
		if m.lang == align.Zh {
			for _, h := range hanSpellings(iv, n.Kind) {
				if strings.Contains(m.text, h) {
					return true
				}
			}
		} else {
			words := valueWords[iv]
			if iv < int64(len(smallWords)) {
				words = append([]string{smallWords[iv]}, words...)
			}
			for _, w := range words {
				if containsWord(m.low, w) {
					return true
				}
			}
		}
	}
	return false
}

// percentWordsZh and percentWordsEn say a percentage in words: half
// (一半, "halved") is 50 percent, doubling (翻一番, "doubled") a rise of
// 100 percent.
var (
	percentWordsZh = map[float64][]string{50: {"一半", "半数", "半數", "减半", "減半", "过半", "過半"}, 100: {"翻一番", "翻番", "倍增"}}
	percentWordsEn = map[float64][]string{50: {"half", "halved", "halve"}, 100: {"doubled", "double", "doubling"}}
)

// valueWords are English words that carry a value without being numbers.
var valueWords = map[int64][]string{
	1:  {"once", "single", "first", "alone", "a year", "a month", "a week", "a day", "an hour"}, // 不足1年: "less than a year"
	2:  {"twice", "double", "both", "pair", "second", "two-"},
	3:  {"thrice", "triple", "third", "three-"},
	10: {"decade", "ten-", "tenfold"},
	12: {"dozen"},
	// an age or a span of years by its decade: 60，70 歲 against "in
	// their sixties and seventies"
	20: {"twenties"}, 30: {"thirties"}, 40: {"forties"}, 50: {"fifties"},
	60: {"sixties"}, 70: {"seventies"}, 80: {"eighties"}, 90: {"nineties"},
	100:  {"centenary", "centennial", "century", "hundred"},
	1000: {"millennium", "thousand"},
	// 24小时在线监控 against "round-the-clock online monitoring"
	24: {"round-the-clock", "around-the-clock", "round the clock", "around the clock"},
	// 突破100万件 against "passed the million mark"
	1000000: {"the million"}, 1000000000: {"the billion"},
}

var smallWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

// containsWord reports w in s with no letter right before it, and no
// letter right after it unless w ends in "-" or is a stem ("decade" in
// "decades").
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(w):])
		if !unicode.IsLetter(before) && (!unicode.IsLetter(after) || after == 's' || strings.HasSuffix(w, "-")) {
			return true
		}
		off = i + len(w)
	}
}

// hasDigitRun reports a maximal run of digits (thousands separators
// dropped) equal to d.
func hasDigitRun(s, d string) bool {
	var b strings.Builder
	flush := func() bool {
		ok := b.String() == d
		b.Reset()
		return ok
	}
	for i, r := range s {
		if dv, ok := fullDigit(r); ok {
			b.WriteByte(byte('0' + dv))
			continue
		}
		if r == ',' && b.Len() > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			continue
		}
		if flush() {
			return true
		}
	}
	return flush()
}

// digitRuns are the runs of digits of s (full-width ones as ASCII),
// thousands separators dropped, as hasDigitRun reads them: the d, other
// than "", for which hasDigitRun(s, d) holds.
func digitRuns(s string) map[string]bool {
	runs := map[string]bool{}
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			runs[b.String()] = true
			b.Reset()
		}
	}
	for i, r := range s {
		if dv, ok := fullDigit(r); ok {
			b.WriteByte(byte('0' + dv))
			continue
		}
		if r == ',' && b.Len() > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			continue
		}
		flush()
	}
	flush()
	return runs
}

func fullDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

var hanDigits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// hanSpellings are ways a value may hide in Chinese words: 十四 (十四五),
// 百 (百年), 九二 (a year's last two digits), 二〇二一 (a year digit by
// digit).
func hanSpellings(v int64, k numerals.Kind) []string {
	var out []string
	switch v {
	case 100:
		out = append(out, "百")
	case 1000:
		out = append(out, "千")
	case 10000:
		out = append(out, "万")
	}
	if v < 100 {
		var s string
		switch {
		case v < 10:
			s = hanDigits[v]
		case v < 20:
			s = "十"
			if v%10 != 0 {
				s += hanDigits[v%10]
			}
		default:
			s = hanDigits[v/10] + "十"
			if v%10 != 0 {
				s += hanDigits[v%10]
			}
		}
		out = append(out, s)
	}
	if v >= 1000 && v <= 2100 {
		d := strconv.FormatInt(v, 10)
		var full string
		for _, c := range d {
			full += hanDigits[c-'0']
		}
		out = append(out, full, hanDigits[d[2]-'0']+hanDigits[d[3]-'0'])
	}
	return out
}

// genreSpelling: ways the genre writes a value that the readers do not
// take as that number.
//   - zero as a word: 攝氏零度以下 against "below 0℃";
//   - digits read one by one, as Chinese names events, rates and acts:
//     八二三炮戰 ("the August 23rd bombardment"), 九一八 (September 18),
//     耕地三七五減租條例 ("the 37.5% Arable Land Rental Reduction
//     Act"), 按票面額九八發行 ("at 98% of the face value");
//   - two neighbouring digits before a magnitude, an approximation the
//     translation may render by both ends: 二、三十年 against "20 and 30
//     years", 三四百人 against "300 or 400 people";
//   - a Roman numeral after a name: 農神5號 against "Saturn V".
func (m *mentions) genreSpelling(n numerals.Number) bool {
	if m.lang != align.Zh {
		v := n.Value
		switch {
		case v == 0 && n.Hi == 0 && n.Kind != numerals.KindDate:
			return containsWord(m.low, "zero")
		case v >= 2 && v == n.Hi && v == math.Trunc(v) && n.Kind != numerals.KindDate:
			return m.roman[int64(v)]
		}
		return false
	}
	if n.Kind == numerals.KindDate {
		d := n.Date
		if d == nil || d.Year != 0 || d.Month == 0 || d.Day == 0 || d.DayHi != 0 {
			return false
		}
		return m.spelled[strconv.Itoa(d.Month)+strconv.Itoa(d.Day)]
	}
	if n.IsRange() {
		return false
	}
	v := n.Value
	switch {
	case v == 0:
		return hanZero(m.text)
	case v < 0:
		return false
	case v == math.Trunc(v):
		if v >= 10 && v < 1e6 && m.spelled[strconv.FormatInt(int64(v), 10)] {
			return true
		}
		return slices.Contains(hanNeighbours(m.text), v)
	default:
		d := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", "", 1)
		return len(d) >= 3 && m.spelled[strings.TrimLeft(d, "0")]
	}
}

// hanDigitValue is the value of a Chinese digit character read one by one.
var hanDigitValue = map[rune]byte{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// hanMagnitude: characters that make a run of digits a structured numeral
// (二十三, 三百), not digits read one by one.
func hanMagnitude(r rune) bool {
	return strings.ContainsRune("十拾百佰千仟万萬亿億兆廿卅两兩点點", r)
}

// hanDigitRuns are the runs of two or more Chinese digit characters with
// no magnitude beside them (三七五, 八二三, 九八), as ASCII digits.
func hanDigitRuns(s string) map[string]bool {
	runs := map[string]bool{}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if _, ok := hanDigitValue[rs[i]]; !ok {
			i++
			continue
		}
		j := i
		var b []byte
		for j < len(rs) {
			d, ok := hanDigitValue[rs[j]]
			if !ok {
				break
			}
			b = append(b, '0'+d)
			j++
		}
		before := i > 0 && hanMagnitude(rs[i-1])
		after := j < len(rs) && hanMagnitude(rs[j])
		if len(b) >= 2 && !before && !after {
			runs[string(b)] = true
		}
		i = j
	}
	return runs
}

// hanZero: 零 or 〇 standing alone as a value (零度, 零下, 零增長), not
// inside a numeral (一百零五, 二〇二一).
func hanZero(s string) bool {
	rs := []rune(s)
	for i, r := range rs {
		if r != '零' && r != '〇' {
			continue
		}
		near := func(k int) bool {
			if k < 0 || k >= len(rs) {
				return false
			}
			_, d := hanDigitValue[rs[k]]
			return d || hanMagnitude(rs[k]) || rs[k] >= '0' && rs[k] <= '9'
		}
		if !near(i-1) && !near(i+1) {
			return true
		}
	}
	return false
}

var hanNeighboursRe = regexp.MustCompile(`([一二两兩三四五六七八])、?([二三四五六七八九])([十百千万萬])`)

// hanNeighbours are the lower ends of approximations by two neighbouring
// digits before a magnitude (二三十 and 二、三十: 20; 三四百: 300), which
// the reader takes for their upper end alone.
func hanNeighbours(s string) []float64 {
	var out []float64
	for _, m := range hanNeighboursRe.FindAllStringSubmatch(s, -1) {
		a, b := []rune(m[1])[0], []rune(m[2])[0]
		av, bv := hanDigitValue[a], hanDigitValue[b]
		if a == '两' || a == '兩' {
			av = 2
		}
		if bv != av+1 {
			continue
		}
		mag := map[string]float64{"十": 10, "百": 100, "千": 1000, "万": 1e4, "萬": 1e4}[m[3]]
		out = append(out, float64(av)*mag)
	}
	return out
}

var romanRe = regexp.MustCompile(`\b[A-Z][A-Za-z]+[ -]([IVXL]{1,6})\b`)

// romanAfterNames are the values of Roman numerals written after a
// capitalised word ("Saturn V", "World War II", "Title IX"); a lone "I" is
// the pronoun and is not read.
func romanAfterNames(s string) map[int64]bool {
	out := map[int64]bool{}
	for _, m := range romanRe.FindAllStringSubmatch(s, -1) {
		if v := romanNumber(m[1]); v >= 2 {
			out[int64(v)] = true
		}
	}
	return out
}

// romanNumber is the value of a Roman numeral written in canonical form
// (II, IX, XIV), 0 for anything else (IIII, VX).
func romanNumber(w string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	total := 0
	for k := 0; k < len(w); k++ {
		if k+1 < len(w) && val[w[k+1]] > val[w[k]] {
			total -= val[w[k]]
		} else {
			total += val[w[k]]
		}
	}
	if total <= 0 || total >= 90 {
		return 0
	}
	var b strings.Builder
	r := total
	for _, p := range []struct {
		v int
		s string
	}{{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; r >= p.v; r -= p.v {
			b.WriteString(p.s)
		}
	}
	if b.String() != w {
		return 0 // IIII, VX
	}
	return total
}
