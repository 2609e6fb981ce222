package numerals

import (
	"math"
	"strconv"
	"strings"
)

// Match is how well two numbers agree, from the strongest down.
type Match int

// Matches, weakest first.
const (
	// MatchNone: the numbers disagree.
	MatchNone Match = iota
	// MatchApprox: they agree within an approximation, a range or the
	// rounding of the coarser one: 4万多亿 / "over 4 trillion", 近14亿 /
	// "1.39 billion", 13.86亿 / "1.4 billion", 数十 / "dozens".
	MatchApprox
	// MatchConverted: they agree after converting units, within the
	// rounding of the converted figure: 5公里 / "3.1 miles", 1.8亿亩 /
	// "12 million hectares".
	MatchConverted
	// MatchExact: Equal.
	MatchExact
)

var matchNames = [...]string{MatchNone: "none", MatchApprox: "approx", MatchConverted: "converted", MatchExact: "exact"}

// String returns "none", "approx", "converted" or "exact".
func (m Match) String() string {
	if m >= 0 && int(m) < len(matchNames) {
		return matchNames[m]
	}
	return "none"
}

// Compare grades the agreement of two numbers (one from each side of a
// pair). Two exact figures (no approximation word) agree only when equal,
// converted or rounded; intervals are compared only when an approximation
// is written. A check should treat MatchExact as a match, MatchApprox and
// MatchConverted as a match too (they are how careful translators write:
// approximations kept, units converted, figures rounded) and report
// MatchNone only. The evidence that two numbers differ is strong (an error)
// only when both are Plain; otherwise it is at most a warning.
//
// Units: when both numbers carry units of one dimension, their SI values
// are compared, whatever the units (5公里 against "5 miles" is MatchNone
// even though Equal, which compares values, says they are equal). When
// only one side has a unit, values are compared.
func Compare(a, b Number) Match {
	fa, fb := familyOf(a.Kind), familyOf(b.Kind)
	if fa == famDate || fb == famDate || fa == famWeekday || fb == famWeekday {
		if Equal(a, b) {
			return MatchExact
		}
		return MatchNone
	}
	ua, ub := unitTable[a.Unit], unitTable[b.Unit]
	sameDim := ua.dim != "" && ua.dim == ub.dim
	converted := sameDim && a.Unit != b.Unit
	switch {
	case converted && exactSI(a, b):
		return MatchExact
	case converted && siEqual(a, b):
		return MatchConverted
	case !sameDim && Equal(a, b), sameDim && !converted && Equal(a, b):
		return MatchExact
	}
	if fa != fb && !(fa == famFraction && fb == famPercent || fa == famPercent && fb == famFraction) {
		return MatchNone
	}
	if a.IsRange() != b.IsRange() {
		// "from 52.6 to 58.5 percent" is not 52.6%: a range meets its two
		// ends written as two numbers, which a check pairs itself
		return MatchNone
	}
	sa, sb := percentScale(a), percentScale(b)
	if a.Approx == "" && b.Approx == "" && !converted {
		// two exact figures agree only by rounding: "between 1.27 and 25
		// million" is not 127万到250万, however the ranges overlap
		if fa == fb {
			sa, sb = 1, 1
		}
		if rounded(a.Value*sa, Step(a)*sa, b.Value*sb, Step(b)*sb, a.IsRange() || b.IsRange()) {
			return MatchApprox
		}
		return MatchNone
	}
	la, ha := bounds(a)
	lb, hb := bounds(b)
	if fa == fb {
		sa, sb = 1, 1
	}
	if sameDim {
		sa, sb = ua.si, ub.si
	}
	la, ha, lb, hb = la*sa, ha*sa, lb*sb, hb*sb
	if converted {
		// the rounding of the converted figure, as in siEqual
		slack := math.Min(Step(a)*sa, Step(b)*sb) / 2
		slack = math.Max(slack, 0.005*math.Max(math.Abs(ha), math.Abs(hb)))
		la, ha = la-slack, ha+slack
	}
	if !overlap(la, ha, lb, hb) {
		if !converted && rounded(a.Value*sa, Step(a)*sa, b.Value*sb, Step(b)*sb, a.IsRange() || b.IsRange()) {
			return MatchApprox
		}
		return MatchNone
	}
	if converted {
		return MatchConverted
	}
	return MatchApprox
}

// exactSI reports two numbers in different units that are exactly the
// same quantity (5000米, "5 kilometres").
func exactSI(a, b Number) bool {
	ua, ub := unitTable[a.Unit], unitTable[b.Unit]
	return closeTo(a.Value*ua.si, b.Value*ub.si) && closeTo(hi(a)*ua.si, hi(b)*ub.si)
}

// bounds is the interval a number as written stands for: its value (or
// range) when exact; with more (多, "over") up to one more step of its last
// digit (4万多亿: 4–5 trillion); with nearly or less one step below; with
// about a step either side; a vague magnitude (数十, "dozens") its whole
// order of magnitude.
func bounds(n Number) (lo, hi float64) {
	lo, hi = n.Value, hiOfRange(n)
	st := Step(n)
	switch n.Approx {
	case ApproxMore:
		hi += st
	case ApproxNearly, ApproxLess:
		lo -= st
	case ApproxAbout:
		lo, hi = lo-st, hi+st
	case ApproxMany:
		lo, hi = n.Value, n.Value*10
	}
	return lo, hi
}

func hiOfRange(n Number) float64 {
	h := hi(n)
	if h < n.Value {
		return n.Value
	}
	return h
}

// overlap reports two closed intervals that meet, within a relative 1e-9.
func overlap(la, ha, lb, hb float64) bool {
	eps := 1e-9 * math.Max(math.Max(math.Abs(ha), math.Abs(hb)), 1e-300)
	return la <= hb+eps && lb <= ha+eps
}

// rounded reports a figure written with two or more significant digits that
// equals the other rounded to its last digit: 13.86亿 / "1.4 billion",
// 1,386 / "1,390", 三分之一 / "33%"; never one significant digit (250
// against 300 is a different number, not a rounding). Values and steps are
// on one scale.
func rounded(va, sta, vb, stb float64, isRange bool) bool {
	if isRange || va <= 0 || vb <= 0 {
		return false
	}
	coarse, cst, fine, fst := va, sta, vb, stb
	if sta < stb {
		coarse, cst, fine, fst = vb, stb, va, sta
	}
	if cst <= fst*(1+1e-9) || sigDigits(coarse) < 2 {
		return false
	}
	return closeTo(math.Round(fine/cst)*cst, coarse)
}

// Step returns the place value of the last significant digit of a number's
// value (its upper end for a range): 1.33万亿 → 1e10, 4万多亿 → 1e12, 3.1 →
// 0.1, 2023 → 1, "130 million" → 1e7. Trailing zeros count as rounding.
func Step(n Number) float64 {
	v := math.Abs(n.Value)
	if n.IsRange() {
		v = math.Min(v, math.Abs(n.Hi))
	}
	return stepOf(v)
}

func stepOf(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 1
	}
	// twelve significant digits hide the noise of 89.6*1e8
	s := strconv.FormatFloat(v, 'e', 11, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.TrimRight(strings.Replace(mant, ".", "", 1), "0")
	return math.Pow(10, float64(e-(len(digits)-1)))
}

// sigDigits is the count of significant digits of v (trailing zeros not
// counted).
func sigDigits(v float64) int {
	s := strconv.FormatFloat(math.Abs(v), 'e', 11, 64)
	mant, _, _ := strings.Cut(s, "e")
	return len(strings.TrimRight(strings.Replace(mant, ".", "", 1), "0"))
}

// PairConfidence is the confidence a finding about two numbers (one from
// each side) may claim: the lower of their Confidence, lowered further when
// the comparison itself rests on a conversion or an approximation.
func PairConfidence(a, b Number, m Match) float64 {
	c := math.Min(a.Confidence(), b.Confidence())
	switch m {
	case MatchConverted:
		c *= 0.8
	case MatchApprox:
		c *= 0.7
	}
	return c
}
