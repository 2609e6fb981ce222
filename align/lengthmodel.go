package align

import (
	"math"
	"sort"
)

// LengthModel is the Gale–Church length model with its parameters estimated
// from the document: English length ≈ Ratio × Chinese length, with variance
// S2 per unit of length.
type LengthModel struct {
	Ratio float64
	S2    float64
}

// Delta is the Gale–Church delta of a pair of lengths, using the mean of the
// two lengths (in Chinese units) so that null beads are defined too.
func (m LengthModel) Delta(lz, le int) float64 {
	mean := (float64(lz) + float64(le)/m.Ratio) / 2
	if mean <= 0 {
		return 0
	}
	return (float64(le) - m.Ratio*float64(lz)) / math.Sqrt(m.S2*mean)
}

// Cost is -log P(|δ| ≥ observed) under a standard normal, in nats.
func (m LengthModel) Cost(lz, le int) float64 { return tailCost(m.Delta(lz, le)) }

// Prob is the two-sided tail probability of the pair's delta: 1 for a pair
// exactly at the document's ratio, falling towards 0 for outliers.
func (m LengthModel) Prob(lz, le int) float64 {
	return math.Erfc(math.Abs(m.Delta(lz, le)) / math.Sqrt2)
}

// CappedCost is min(Cost, limit), without the tail function when the delta
// alone shows the cost is past the limit: erfc(z) ≤ exp(−z²) for z ≥ 0, so
// the cost is at least z² (and for a limit of 8 or more, at least 1.6 nats
// above it where z² reaches the limit, far beyond rounding).
func (m LengthModel) CappedCost(lz, le int, limit float64) float64 {
	d := m.Delta(lz, le)
	if z := math.Abs(d) / math.Sqrt2; z*z >= limit && limit >= 8 {
		return limit
	}
	return fmin(tailCost(d), limit)
}

// lowSquare is a lower bound of Cost(lz, le) and of CappedCost: z² for
// z = |δ|/√2 (erfc(z) ≤ exp(−z²)), computed without Delta's square root
// and lowered by a billionth against the rounding of the two ways of
// computing it; the tail cost exceeds z² by far more (by 2z/√π − z² near
// 0, by log(z√π) for large z). With the mean (lz + le/r)/2 of Delta,
// z² = x² / (2·S2·mean) = x²·r / (S2·(r·lz + le)) for x = le − r·lz:
// one division, not two, for it is asked of every candidate bead.
func (m LengthModel) lowSquare(lz, le int) float64 {
	return m.lowSquareFrom(m.Ratio*float64(lz), le)
}

// lowSquareFrom is lowSquare(lz, le) given rlz = m.Ratio·lz, the same
// operations in the same order, for a caller that asks it of many le
// with one lz.
func (m LengthModel) lowSquareFrom(rlz float64, le int) float64 {
	if m.Ratio <= 0 {
		return 0
	}
	return lowSq(float64(le), rlz, m.Ratio, m.S2, lowShrink)
}

// lowSq is lowSquareFrom's term for a positive ratio r and the variance
// s2, with le as a float: the one expression that lowSquareFrom and the
// paragraph DP's row loops (lowLengths, lowMerged), which take the test
// of the ratio out of their loops, share. It is small enough to be
// inlined there. shrink is lowShrink: a loop that reads it from the
// variable once keeps it in a register, where the constant was loaded
// again for every bead (as enumMerge was: lowMerged).
func lowSq(le, rlz, r, s2, shrink float64) float64 {
	d := rlz + le
	if d <= 0 {
		return 0
	}
	x := le - rlz
	return x * x * r / (s2 * d) * shrink
}

// lowShrink is the factor that keeps lowSq below the term it bounds
// despite rounding, and loopEnumMerge enumMerge, as variables (see
// lowSq).
var lowShrink, loopEnumMerge = 1 - 1e-9, float64(enumMerge)

// fmin is math.Min, inlined where the DP asks it of every candidate bead:
// the comparisons decide all but equal values and NaNs, which math.Min
// still does (its -0 and NaN rules).
func fmin(a, b float64) float64 {
	if a < b {
		return a
	}
	if b < a {
		return b
	}
	return math.Min(a, b)
}

func tailCost(delta float64) float64 {
	z := math.Abs(delta) / math.Sqrt2
	if z < 20 {
		p := math.Erfc(z)
		if p > 0 {
			return -math.Log(p)
		}
	}
	// asymptotic: erfc(z) ≈ exp(-z²)/(z√π)
	return z*z + math.Log(z*math.Sqrt(math.Pi))
}

// EstimateLengthModel fits the model to pairs of lengths believed to
// correspond: the ratio from the pooled lengths, the variance from the median
// squared residual (robust to the few wrong pairs a first pass makes).
func EstimateLengthModel(pairs [][2]int, fallback LengthModel) LengthModel {
	var sz, se float64
	for _, p := range pairs {
		sz += float64(p[0])
		se += float64(p[1])
	}
	if len(pairs) < 3 || sz <= 0 || se <= 0 {
		return fallback
	}
	// ratio: median of per-pair ratios weighted by length is close to the
	// pooled ratio but not dragged by one mispaired long paragraph
	type rw struct{ r, w float64 }
	rs := make([]rw, 0, len(pairs))
	for _, p := range pairs {
		if p[0] > 0 {
			rs = append(rs, rw{float64(p[1]) / float64(p[0]), float64(p[0])})
		}
	}
	sort.Slice(rs, func(a, b int) bool { return rs[a].r < rs[b].r })
	half, acc := sz/2, 0.0
	ratio := se / sz
	for _, x := range rs {
		acc += x.w
		if acc >= half {
			ratio = x.r
			break
		}
	}
	m := LengthModel{Ratio: ratio, S2: 1}
	res := make([]float64, 0, len(pairs))
	for _, p := range pairs {
		d := m.Delta(p[0], p[1])
		res = append(res, d*d)
	}
	sort.Float64s(res)
	med := res[len(res)/2]
	// the median of a χ²(1) variable is 0.455
	m.S2 = med / 0.455
	if m.S2 < fallback.S2/8 {
		m.S2 = fallback.S2 / 8
	}
	if m.S2 <= 0 || math.IsNaN(m.S2) {
		m.S2 = fallback.S2
	}
	return m
}
