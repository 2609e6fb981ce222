package numerals

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a number counts or names.
type Kind int

// Kinds of numbers. Cardinal, ordinal and year form one family for Equal.
const (
	KindCardinal Kind = iota // 250万, "2.5 million", 二十, "five"
	KindOrdinal              // 第三, 二十大, 二十届, "third", "20th"
	KindYear                 // 2035年, "2035", 90年代 / "1990s" (Approx about)
	KindDate                 // 11月24日, "November 24, 2022"; see Number.Date
	KindWeekday              // 周五, 星期五, "Friday": Value 1 (Monday) … 7 (Sunday)
	KindPercent              // 98.62%, 百分之五, 三成, "5 percent": Value in percent
	KindPoints               // 5个百分点, "5 percentage points"
	KindFraction             // 三分之二, "two-thirds": Value is the ratio (0.666…)
	KindID                   // a document, order or law number: 字第 0980001 號, 第3号, "No. 12"
)

var kindNames = [...]string{
	KindCardinal: "cardinal",
	KindOrdinal:  "ordinal",
	KindYear:     "year",
	KindDate:     "date",
	KindWeekday:  "weekday",
	KindPercent:  "percent",
	KindPoints:   "points",
	KindFraction: "fraction",
	KindID:       "id",
}

// String returns a stable lower-case name such as "percent".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Normalised values of Number.Approx.
const (
	ApproxMore   = "more"   // 多 余 以上 超过 逾 上万 至少 / more than, over, above, at least, or more
	ApproxAbout  = "about"  // 约 大约 左右 上下 / about, around, roughly, approximately, some, or so
	ApproxNearly = "nearly" // 近 将近 接近 / nearly, almost, close to
	ApproxLess   = "less"   // 不到 不足 少于 以下 以内 / less than, fewer than, under, below, up to
	ApproxMany   = "many"   // 数万 几十 成千上万 / dozens, hundreds of, tens of thousands: Value is the magnitude
)

// Date is the calendar part of a KindDate number. Fields are 0 when absent.
type Date struct {
	Year, Month, Day int
	DayHi            int // last day of a range such as 8日至10日; 0 when not a range
}

// Number is a numeric expression found in a text.
type Number struct {
	Value  float64 // normalised value: 14亿 → 1.4e9, 98.62% → 98.62; for a date Year*10000+Month*100+Day
	Hi     float64 // upper end of a range (127万到250万 → 2.5e6); equal to Value otherwise
	Kind   Kind
	Approx string // "", or one of the Approx constants
	Date   *Date  // set when Kind is KindDate
	Text   string // the expression as written, approximation words included when adjacent
	Start  int    // byte offset of Text in the input
	End    int
	// Spelled is true when the number is written in words ("five", 二十)
	// rather than digits; checks may tolerate these more.
	Spelled bool
	// Base is true when the number is the base of a rate: a power of ten
	// from 100 up right after 每 or after "per", "every", "each"
	// (每一百万, 每十万人, "per 1,000 people", "per million"). A
	// translation states a base in its own way (‰, "per thousand", "per
	// capita") or not at all. It says what the number is, not how it was
	// read: a base read from digits is as plain as any other number.
	Base bool
	// Unit is the unit of measure written after the number, canonical
	// ("km", "km2", "mu", "t", "jin", "kW" …; see Units), or "" when none is
	// known. Value stays in that unit; SI converts.
	Unit string
	// Read says how the number was read, for the confidence of a finding
	// that rests on it; 0 for digits read as written.
	Read Reading
}

// Reading flags say how a number was read: what was inferred, converted or
// may be a figure of speech. A finding that rests on a flagged number rests
// on weaker evidence than one on digits read as written.
type Reading uint16

// Reading flags.
const (
	// ReadWords: written (partly) in words: 二十, 两个, "five", "half a
	// million". Mirrors Spelled.
	ReadWords Reading = 1 << iota
	// ReadMinguo: a year of the Minguo (Republic of China) calendar,
	// converted: 中華民國九十九年 → 2010, 民國 99 年 1 月 1 日 → 2010-01-01,
	// "the 108th year of the Republic of China" → 2019.
	ReadMinguo
	// ReadGuess: read by a rule that may be wrong: a bare Minguo date
	// without 民國 (一百十一年一月四日 in a Taiwan law), a spelled round number
	// that may be a figure of speech ("a thousand", "ten thousand").
	ReadGuess
	// ReadName: inside a short quoted name (“十三五”, “两个一百年”, 《2022年
	// 报告》): a figure, but the translation may render the name rather than
	// the number.
	ReadName
	// ReadJoined: joined from parts written apart: 1亿3千多万, 75万7千,
	// "one and a half billion".
	ReadJoined
)

// Confidence is how far a finding may trust this number, from 1 (digits
// read as written) down: words 0.7, a Minguo year converted 0.9, a guessed
// reading 0.5, a name 0.4, a vague magnitude (数万, "dozens") 0.5, a
// document number 0.6; factors multiply.
func (n Number) Confidence() float64 {
	c := 1.0
	if n.Spelled || n.Read&ReadWords != 0 {
		c *= 0.7
	}
	if n.Read&ReadMinguo != 0 {
		c *= 0.9
	}
	if n.Read&ReadGuess != 0 {
		c *= 0.5
	}
	if n.Read&ReadName != 0 {
		c *= 0.4
	}
	if n.Approx == ApproxMany {
		c *= 0.5
	}
	if n.Kind == KindID {
		c *= 0.6
	}
	return c
}

// Plain reports a number that is strong evidence on its own: digits read as
// written, not approximate, not converted, not a name or a document
// number. An error ("numbers", severity error) should need a plain number
// on both sides; anything else is at most a warning.
func (n Number) Plain() bool {
	return !n.Spelled && n.Read == 0 && n.Approx == "" && n.Kind != KindID
}

// IsRange reports whether n spans two values.
func (n Number) IsRange() bool { return n.Hi != n.Value && n.Hi != 0 }

// dropEnumerators removes numbers that overlap a list marker or heading
// found by All ("(1)", "(十一)", "第三条", "Article 3", "First,"): those
// belong to the numbering check, and one side often writes them in words.
//
// folded is fold(text) when the caller has it (Chinese), else "".
func dropEnumerators(text, folded string, ns []Number) []Number {
	if len(ns) == 0 {
		return ns // most sentences: no need to look for enumerators
	}
	if folded == "" {
		folded = fold(text)
	}
	// an enumerator that starts where the last number ends or later
	// overlaps none: the text is read only up to there
	end := 0
	for _, n := range ns {
		end = max(end, n.End)
	}
	es := allFoldedUntil(text, folded, end)
	if len(es) == 0 {
		return ns
	}
	out := ns[:0]
	j := 0
	for _, n := range ns {
		for j < len(es) && es[j].End <= n.Start {
			j++
		}
		if j < len(es) && es[j].Start < n.End {
			continue
		}
		out = append(out, n)
	}
	return out
}

type family int

const (
	famCount family = iota
	famPercent
	famPoints
	famFraction
	famDate
	famWeekday
)

func familyOf(k Kind) family {
	switch k {
	case KindPercent:
		return famPercent
	case KindPoints:
		return famPoints
	case KindFraction:
		return famFraction
	case KindDate:
		return famDate
	case KindWeekday:
		return famWeekday
	}
	return famCount
}

// Equal reports whether two numbers denote the same quantity:
//
//   - same family of kinds: cardinal, ordinal and year are one family
//     (二十大 = "20th", 2035年 = "2035"); percent, percentage points,
//     fractions, dates and weekdays are each their own;
//
//   - same Value and Hi within a relative tolerance of 1e-9, so a range only
//     equals a range with the same ends;
//
//   - when both are ApproxMany, the same order of magnitude is enough
//     (数十 = "dozens");
//
//   - dates are compared field by field, a Year or Month of 0 on either side
//     matching anything, days exactly (DayHi included), and at least one
//     field must be present on both sides; a bare day (8日) also equals the
//     count or ordinal of the same value ("the 8th").
//
//   - a fraction equals the same percentage (二分之一 = "50%");
//
//   - numbers in different units of one dimension are also equal when they
//     are the same quantity, within the rounding of the converted figure
//     (20万千瓦 = "200 megawatts", 8000万亩 = "5.33 million hectares").
//
// Approx is otherwise not compared: "14亿多" equals "1.4 billion"; a check
// that cares compares Approx itself. Compare grades approximate agreement
// (approximations, ranges, rounding, converted units).
func Equal(a, b Number) bool {
	fa, fb := familyOf(a.Kind), familyOf(b.Kind)
	if fa == famDate && fb == famCount {
		return dayOnly(a, b.Value)
	}
	if fb == famDate && fa == famCount {
		return dayOnly(b, a.Value)
	}
	if fa == famFraction && fb == famPercent || fa == famPercent && fb == famFraction {
		sa, sb := percentScale(a), percentScale(b)
		return closeTo(a.Value*sa, b.Value*sb) && closeTo(hi(a)*sa, hi(b)*sb)
	}
	if fa != fb {
		return false
	}
	if fa == famDate {
		return datesEqual(a.Date, b.Date)
	}
	if a.Approx == ApproxMany && b.Approx == ApproxMany {
		return magnitude(a.Value) == magnitude(b.Value)
	}
	if closeTo(a.Value, b.Value) && closeTo(hi(a), hi(b)) {
		return true
	}
	if a.Unit == "" || b.Unit == "" || a.Unit == b.Unit {
		// siEqual would refuse: no unit is "" (TestEqualWithoutUnits),
		// and it compares only different units. Most numbers have no
		// unit, and siEqual's two lookups by string were most of what
		// comparing the numbers of a document cost.
		return false
	}
	return siEqual(a, b)
}

// siEqual reports two numbers in different units of one dimension that
// are the same quantity: exactly (20万千瓦 and "200 megawatts", 5000米 and
// "5 kilometres") or within the rounding of a converted figure (8000万亩
// and "5.33 million hectares", 1.33万亿斤 and "665 million tonnes", 5公里
// and "3.1 miles"): the two differ by at most half a unit of the last
// digit of the finer one, or half a percent for rounded conversion factors.
func siEqual(a, b Number) bool {
	ua, okA := unitTable[a.Unit]
	ub, okB := unitTable[b.Unit]
	if !okA || !okB || ua.dim != ub.dim || a.Unit == b.Unit || a.Approx == ApproxMany || b.Approx == ApproxMany {
		return false
	}
	slack := math.Min(Step(a)*ua.si, Step(b)*ub.si) / 2
	near := func(x, y float64) bool {
		return math.Abs(x-y) <= math.Max(slack, 0.005*math.Max(math.Abs(x), math.Abs(y)))*(1+1e-9)
	}
	return near(a.Value*ua.si, b.Value*ub.si) && near(hi(a)*ua.si, hi(b)*ub.si)
}

// dayOnly reports a bare day of month (8日) facing the same count or
// ordinal ("the 8th").
func dayOnly(d Number, v float64) bool {
	return d.Date != nil && d.Date.Year == 0 && d.Date.Month == 0 && d.Date.DayHi == 0 && float64(d.Date.Day) == v
}

func hi(n Number) float64 {
	if n.Hi == 0 && n.Value != 0 {
		return n.Value // a Number built by hand without Hi
	}
	return n.Hi
}

func magnitude(v float64) int {
	if v <= 0 {
		return 0
	}
	return int(math.Floor(math.Log10(v) + 1e-9))
}

func closeTo(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	m := math.Max(math.Abs(a), math.Abs(b))
	return d <= 1e-9*m
}

func datesEqual(a, b *Date) bool {
	if a == nil || b == nil {
		return false
	}
	common := false
	for _, f := range [][2]int{{a.Year, b.Year}, {a.Month, b.Month}} {
		if f[0] != 0 && f[1] != 0 {
			if f[0] != f[1] {
				return false
			}
			common = true
		}
	}
	if a.Day != b.Day || a.DayHi != b.DayHi {
		return false
	}
	return common || a.Day != 0
}

func dateValue(d *Date) float64 {
	return float64(d.Year*10000 + d.Month*100 + d.Day)
}

// finish fills Text from the span and defaults Hi.
func finish(s string, n Number) Number {
	n.Text = s[n.Start:n.End]
	if n.Spelled {
		n.Read |= ReadWords
	}
	if n.Hi == 0 {
		n.Hi = n.Value
	}
	if n.Kind == KindDate && n.Date != nil {
		n.Value = dateValue(n.Date)
		n.Hi = n.Value
		if n.Date.DayHi != 0 {
			n.Hi = float64(n.Date.Year*10000 + n.Date.Month*100 + n.Date.DayHi)
		}
	}
	return n
}

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if i == 0 {
		return 0
	}
	return r
}

// percentScale turns a fraction into a percentage (二分之一 → 50).
func percentScale(n Number) float64 {
	if n.Kind == KindFraction {
		return 100
	}
	return 1
}

// markZhBases sets Base on the numbers of a Chinese text that are a
// rate's base: rateBase, with 每 right before them, white space aside.
// Other numbers after 每 count what they say: 每3年, 每人610元. (English
// marks its bases as it reads them: afterRateWord.)
func markZhBases(text string, ns []Number) {
	for i := range ns {
		if rateBase(ns[i]) && strings.HasSuffix(strings.TrimRightFunc(text[:ns[i].Start], unicode.IsSpace), "每") {
			ns[i].Base = true
		}
	}
}

// rateBase reports whether n may be a rate's base: a single value that
// is a power of ten, 100 or more.
func rateBase(n Number) bool {
	if n.IsRange() || n.Kind != KindCardinal || n.Value < 100 || n.Value > 1e12 {
		return false
	}
	v := n.Value
	for v > 1 && math.Mod(v, 10) == 0 {
		v /= 10
	}
	return v == 1
}
