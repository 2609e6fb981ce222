package align

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hashCost is a deterministic cost that varies with everything it is given.
func hashCost(seed uint64) CostFunc {
	return func(i, j int, t BeadType) float64 {
		h := seed ^ uint64(i)*0x9e3779b97f4a7c15 ^ uint64(j)*0xc2b2ae3d27d4eb4f ^ uint64(t.Zh*16+t.En)*0x165667b19e3779f9
		h ^= h >> 29
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 32
		return float64(h%1000) / 100
	}
}

// TestSolveExtraWithoutExtrasIsSolveBounded: SolveBounded now runs through
// SolveExtra; with no extra beads the path must be the one the plain
// programme finds, for the full matrix and in a band.
func TestSolveExtraWithoutExtrasIsSolveBounded(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		nz, ne := int(5+seed%7), int(4+seed*3%11)
		cost := hashCost(seed)
		for _, band := range []*Band{nil, DiagonalBand(nz, ne, 3)} {
			want := plainSolve(nz, ne, paragraphTypes, cost, band)
			got := SolveExtra(nz, ne, paragraphTypes, nil, cost, nil, band)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d band %v", seed, band != nil)
			// a lower bound of the cost prunes without changing the path
			bound := func(i, j int, t BeadType) float64 { return cost(i, j, t) - float64(seed%3) }
			got = SolveBounded(nz, ne, paragraphTypes, cost, bound, band)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "bounded, seed %d band %v", seed, band != nil)
			// and so does a second, tighter one (ties included: the
			// costs are multiples of 0.01, the refined bound often
			// equals the cost)
			refine := func(i, j int, t BeadType) float64 { return cost(i, j, t) - float64((i+j)%2)/100 }
			got = SolveRefined(nz, ne, paragraphTypes, nil, cost, bound, refine, band)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "refined, seed %d band %v", seed, band != nil)
			// and so does a floor per type: the least bound of any bead
			// of the type, reached by some bead (ties again)
			floor := leastBounds(nz, ne, bound)
			whole := func(i, j int, t BeadType, _, _, _ float64) float64 { return bound(i, j, t) }
			got = solveStaged(nz, ne, paragraphTypes, nil, cost, whole, refinesTest([]CostFunc{refine}), typeFloors(floor), nil, band, &dpTables{})
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "floored, seed %d band %v", seed, band != nil)
			// and a bound that stops early where the bead loses, with
			// something between the floor and the bound, at times enough
			// to rule the bead out and at times not
			stops := 0
			until := func(i, j int, t BeadType, _, floor, need float64) float64 {
				b := bound(i, j, t)
				if b > need && floor > math.Inf(-1) {
					stops++
					return floor + (b-floor)*float64((i+j)%3)/2
				}
				return b
			}
			got = solveStaged(nz, ne, paragraphTypes, nil, cost, until, refinesTest([]CostFunc{refine}), typeFloors(floor), nil, band, &dpTables{})
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "stopped early, seed %d band %v", seed, band != nil)
			require.Positive(t, stops)
		}
	}
}

// TestSolveUnreachedCells: a third of the beads forbidden (+Inf), null
// beads too, leaves cells no bead reaches, which the DP passes over by the
// floor's test alone (floors of -Inf and finite ones): the path is the
// plain programme's, or none when the end is not reached.
func TestSolveUnreachedCells(t *testing.T) {
	unreached := 0
	for seed := uint64(1); seed <= 40; seed++ {
		nz, ne := int(5+seed%7), int(4+seed*3%11)
		h := hashCost(seed)
		cost := func(i, j int, t BeadType) float64 {
			if c := h(i, j, t); int(c*100)%3 != 0 {
				return c
			}
			return math.Inf(1)
		}
		bound := func(i, j int, t BeadType) float64 { return cost(i, j, t) - 1 }
		until := func(i, j int, t BeadType, _, _, _ float64) float64 { return bound(i, j, t) }
		floor := make([]float64, len(paragraphTypes))
		for ti := range floor {
			floor[ti] = -1
		}
		for _, band := range []*Band{nil, DiagonalBand(nz, ne, 3)} {
			want := func() (path []Cell) {
				defer func() {
					if recover() != nil {
						path = nil // the end is not reached
					}
				}()
				return plainSolve(nz, ne, paragraphTypes, cost, band)
			}()
			// count the cells of the band no bead reaches
			in := func(i, j int) bool { return band == nil || j >= band.Lo[i] && j <= band.Hi[i] }
			reached := map[[2]int]bool{{0, 0}: true}
			for i := 0; i <= nz; i++ {
				for j := 0; j <= ne; j++ {
					for _, bt := range paragraphTypes {
						pi, pj := i-bt.Zh, j-bt.En
						if in(i, j) && pi >= 0 && pj >= 0 && in(pi, pj) && reached[[2]int{pi, pj}] && !math.IsInf(cost(pi, pj, bt), 1) {
							reached[[2]int{i, j}] = true
						}
					}
					if in(i, j) && !reached[[2]int{i, j}] {
						unreached++
					}
				}
			}
			for _, f := range []floorFunc{nil, typeFloors(floor)} {
				got := solveStaged(nz, ne, paragraphTypes, nil, cost, until, refinesTest([]CostFunc{bound}), f, nil, band, &dpTables{})
				require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d band %v floor %v", seed, band != nil, f != nil)
			}
			// and with the null beads' costs, +Inf among them, given
			// a row at a time (exact lows)
			nulls := func(pi, ti int, f float64, lo, hi int, prevs []float64, prior float64, out, _, _ []float64) bool {
				bt := paragraphTypes[ti]
				for j := lo; j <= hi; j++ {
					out[j-lo] = f
					if bt.Zh+bt.En == 1 {
						out[j-lo] = cost(pi, j-bt.En, bt)
					}
				}
				addStarts(out, prevs, prior)
				return bt.Zh+bt.En == 1
			}
			got := solveStaged(nz, ne, paragraphTypes, nil, cost, until, refinesTest([]CostFunc{bound}), typeFloors(floor), nulls, band, &dpTables{})
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d band %v exact nulls", seed, band != nil)
		}
	}
	require.Positive(t, unreached, "cells no path reaches")
}

// TestSolveTiesAsListed: SolveRefined tries beads of one unit first, yet
// a cell goes, among equally cheap beads, to the type listed first, as in
// the textbook programme: costs of a few integer values and no priors
// make ties everywhere. So it does with every type's costs given a row
// at a time (exact lows), whose ties the DP's innermost loop settles
// itself (firstPassing), by the index of the type it reads.
func TestSolveTiesAsListed(t *testing.T) {
	types := make([]BeadType, len(paragraphTypes))
	for k, bt := range paragraphTypes {
		types[k] = BeadType{Zh: bt.Zh, En: bt.En}
	}
	for seed := uint64(1); seed <= 40; seed++ {
		nz, ne := int(5+seed%9), int(4+seed*3%13)
		h := hashCost(seed)
		cost := func(i, j int, t BeadType) float64 { return math.Floor(h(i, j, t) / 4) }
		bound := func(i, j int, t BeadType) float64 { return cost(i, j, t) - float64(seed%2) }
		lows := func(pi, ti int, _ float64, lo, hi int, prevs []float64, prior float64, out, _, _ []float64) bool {
			for k := range out {
				out[k] = cost(pi, lo+k-types[ti].En, types[ti])
			}
			addStarts(out, prevs, prior)
			return true
		}
		for _, band := range []*Band{nil, DiagonalBand(nz, ne, 3)} {
			want := plainSolve(nz, ne, types, cost, band)
			got := SolveRefined(nz, ne, types, nil, cost, bound, cost, band)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d band %v", seed, band != nil)
			got = solveStaged(nz, ne, types, nil, cost, nil, nil, nil, lows, band, &dpTables{})
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "exact lows, seed %d band %v", seed, band != nil)
		}
	}
}

// plainSolve is the textbook programme, for reference: every cell, every
// type, no bound.
func plainSolve(nz, ne int, types []BeadType, cost CostFunc, band *Band) []Cell {
	in := func(i, j int) bool { return band == nil || j >= band.Lo[i] && j <= band.Hi[i] }
	best := make([][]float64, nz+1)
	from := make([][]int, nz+1)
	for i := range best {
		best[i], from[i] = make([]float64, ne+1), make([]int, ne+1)
		for j := range best[i] {
			best[i][j], from[i][j] = math.Inf(1), -1
		}
	}
	best[0][0] = 0
	for i := 0; i <= nz; i++ {
		for j := 0; j <= ne; j++ {
			if i+j == 0 || !in(i, j) {
				continue
			}
			for k, t := range types {
				pi, pj := i-t.Zh, j-t.En
				if pi < 0 || pj < 0 || !in(pi, pj) || math.IsInf(best[pi][pj], 1) {
					continue
				}
				if v := best[pi][pj] + cost(pi, pj, t) + t.Prior; v < best[i][j] {
					best[i][j], from[i][j] = v, k
				}
			}
		}
	}
	var path []Cell
	for i, j := nz, ne; i+j > 0; {
		t := types[from[i][j]]
		path = append([]Cell{{I: i - t.Zh, J: j - t.En, Type: t, Cost: best[i][j] - best[i-t.Zh][j-t.En]}}, path...)
		i, j = i-t.Zh, j-t.En
	}
	return path
}

// TestSolveExtraTakesAnExtraBead: a cheap bead of a shape no type has is
// taken where it is offered, and ignored outside the band.
func TestSolveExtraTakesAnExtraBead(t *testing.T) {
	const nz, ne = 6, 18
	big := BeadType{1, 12, 1}
	cost := func(i, j int, t BeadType) float64 {
		switch {
		case t == big:
			return -100
		case t.Zh == 1 && t.En == 1:
			return 1
		}
		return 5
	}
	extra := []Cell{{I: 2, J: 3, Type: big}}
	path := SolveExtra(nz, ne, paragraphTypes, extra, cost, nil, nil)
	require.NotNil(t, path)
	assert.Contains(t, path, Cell{I: 2, J: 3, Type: big, Cost: -99})
	// the band around the diagonal holds (2,3) but not (3,15)
	band := DiagonalBand(nz, ne, 4)
	require.Less(t, band.Hi[3], 15)
	assert.Equal(t, fmt.Sprint(SolveExtra(nz, ne, paragraphTypes, nil, cost, nil, band)),
		fmt.Sprint(SolveExtra(nz, ne, paragraphTypes, extra, cost, nil, band)))
}

// TestDefaultPriorsKeepTheOldTypes: the bead types the aligner always had
// keep their priors; the longer splits continue the geometric family.
func TestDefaultPriorsKeepTheOldTypes(t *testing.T) {
	old := map[string]float64{"1-1": 0.86, "1-0": 0.02, "0-1": 0.03, "1-2": 0.035, "2-1": 0.035, "2-2": 0.004, "1-3": 0.006, "3-1": 0.006}
	got := map[string]float64{}
	for _, ty := range paragraphTypes {
		got[ty.String()] = ty.Prior
	}
	for name, p := range old {
		assert.InDelta(t, -math.Log(p), got[name], 1e-12, name)
	}
	require.Len(t, paragraphTypes, 6+2*(maxSplit-2))
	step := got["1-4"] - got["1-3"]
	assert.InDelta(t, -math.Log(0.006/0.035), step, 1e-12)
	assert.InDelta(t, got["1-3"]+5*step, got["1-8"], 1e-9)
	assert.InDelta(t, got["8-1"], got["1-8"], 1e-12)
}

// TestEstimatePriors: a document that splits throughout gets split priors
// that expect it; one that never splits keeps about the defaults; the other
// shapes keep their proportions.
func TestEstimatePriors(t *testing.T) {
	doc := numberedDoc(10, [2]int{0, 0})
	p := newParagraphAligner(doc, nil)
	path := func(n11, n14 int) []Cell {
		var cs []Cell
		for k := 0; k < n11; k++ {
			cs = append(cs, Cell{Type: BeadType{1, 1, 0}})
		}
		for k := 0; k < n14; k++ {
			cs = append(cs, Cell{Type: BeadType{1, 4, 0}})
		}
		return cs
	}
	d := defaultPriors
	splits := p.estimatePriors(path(70, 30))
	assert.InDelta(t, (30+priorWeight*d.splitEn)/(100+priorWeight), splits.splitEn, 1e-12)
	assert.InDelta(t, (60+priorWeight*d.decay)/(60+30+priorWeight), splits.decay, 1e-12)
	assert.Less(t, splits.cost(1, 6), d.cost(1, 6)-5, "a six-piece split is far likelier")
	assert.InDelta(t, d.zhNull/d.enNull, splits.zhNull/splits.enNull, 1e-12)
	assert.InDelta(t, 1, splits.one+splits.zhNull+splits.enNull+splits.twoTwo+splits.splitZh+splits.splitEn, 0.01)

	none := p.estimatePriors(path(100, 0))
	assert.Less(t, none.splitEn, d.splitEn)
	assert.Greater(t, none.splitEn, d.splitEn/10)
	assert.Equal(t, d.decay, none.decay)
	assert.Equal(t, d, p.estimatePriors(nil))
}

// TestInnerBandSamePath: solving again in a band that the first band holds
// and that holds the first path gives that path, bead for bead and cost for
// cost, ties included (costs in whole units tie often); the paragraph
// aligner skips that second solve (Band.Holds).
func TestInnerBandSamePath(t *testing.T) {
	skipped := 0
	for seed := uint64(1); seed <= 200; seed++ {
		nz, ne := int(30+seed%40), int(30+seed*7%40)
		h := hashCost(seed)
		cost := func(i, j int, tp BeadType) float64 { return math.Floor(h(i, j, tp)) + float64(i-j)*float64(i-j)/50 }
		outer := DiagonalBand(nz, ne, 12)
		first := SolveExtra(nz, ne, paragraphTypes, nil, cost, nil, outer)
		if first == nil {
			continue
		}
		for _, w := range []int{1, 2, 4, 8} {
			inner := PathBand(nz, ne, first, w)
			if !outer.Holds(inner) {
				continue
			}
			skipped++
			require.Equal(t, first, SolveExtra(nz, ne, paragraphTypes, nil, cost, nil, inner), "seed %d, width %d", seed, w)
		}
	}
	assert.Greater(t, skipped, 100, "the case is exercised")
	b := DiagonalBand(10, 10, 2)
	assert.True(t, b.Holds(b))
	assert.False(t, b.Holds(DiagonalBand(10, 10, 3)))
	assert.False(t, b.Holds(DiagonalBand(11, 10, 2)))
}

func TestFmin(t *testing.T) {
	vals := []float64{math.Inf(-1), -2, -1e-300, math.Copysign(0, -1), 0, 1e-300, 0.5, 8, math.Inf(1), math.NaN()}
	for _, a := range vals {
		for _, b := range vals {
			got, want := fmin(a, b), math.Min(a, b)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("fmin(%v, %v) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestSolveExtraReachingFarBack: the DP keeps the totals of only the rows
// a bead can reach back over, and sums each bead's cost again along the
// path. Extra beads that span more Chinese units than any type widen that
// reach; the path and every bead's cost must still be the plain
// programme's, bit for bit, in the full matrix and in a band.
func TestSolveExtraReachingFarBack(t *testing.T) {
	reach := 0
	for _, t := range paragraphTypes {
		reach = max(reach, t.Zh)
	}
	wins := 0
	for seed := uint64(1); seed <= 30; seed++ {
		tall := BeadType{Zh: reach + 1 + int(seed%3), En: 1 + int(seed%3), Prior: 0.25}
		nz, ne := 2*tall.Zh+int(seed%5), tall.Zh+int(seed*7%9)
		base := hashCost(seed)
		var extra []Cell
		for i := int(seed % 3); i+tall.Zh <= nz; i += 3 {
			extra = append(extra, Cell{I: i, J: min(ne-tall.En, i*ne/nz), Type: tall})
		}
		cost := func(i, j int, t BeadType) float64 {
			if t == tall {
				return base(i, j, t) - 30 // cheap enough to win at times
			}
			return base(i, j, t)
		}
		for _, band := range []*Band{nil, DiagonalBand(nz, ne, 4)} {
			want := plainSolveExtra(nz, ne, paragraphTypes, extra, cost, band)
			got := SolveExtra(nz, ne, paragraphTypes, extra, cost, nil, band)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d band %v", seed, band != nil)
			for _, c := range got {
				if c.Type == tall {
					wins++
				}
			}
		}
	}
	require.Greater(t, wins, 10, "tall extra beads on the paths")
}

// plainSolveExtra is plainSolve with extra beads, each taking its cell
// only when strictly cheaper than every type, as SolveExtra's do.
func plainSolveExtra(nz, ne int, types []BeadType, extra []Cell, cost CostFunc, band *Band) []Cell {
	in := func(i, j int) bool { return i <= nz && j <= ne && (band == nil || j >= band.Lo[i] && j <= band.Hi[i]) }
	best := make([][]float64, nz+1)
	from := make([][]BeadType, nz+1)
	for i := range best {
		best[i], from[i] = make([]float64, ne+1), make([]BeadType, ne+1)
		for j := range best[i] {
			best[i][j] = math.Inf(1)
		}
	}
	best[0][0] = 0
	for i := 0; i <= nz; i++ {
		for j := 0; j <= ne; j++ {
			if i+j == 0 || !in(i, j) {
				continue
			}
			for _, t := range types {
				pi, pj := i-t.Zh, j-t.En
				if pi < 0 || pj < 0 || !in(pi, pj) || math.IsInf(best[pi][pj], 1) {
					continue
				}
				if v := best[pi][pj] + cost(pi, pj, t) + t.Prior; v < best[i][j] {
					best[i][j], from[i][j] = v, t
				}
			}
			for _, e := range extra {
				if e.I+e.Type.Zh != i || e.J+e.Type.En != j || !in(e.I, e.J) || math.IsInf(best[e.I][e.J], 1) {
					continue
				}
				if v := best[e.I][e.J] + cost(e.I, e.J, e.Type) + e.Type.Prior; v < best[i][j] {
					best[i][j], from[i][j] = v, e.Type
				}
			}
		}
	}
	var path []Cell
	for i, j := nz, ne; i+j > 0; {
		t := from[i][j]
		path = append([]Cell{{I: i - t.Zh, J: j - t.En, Type: t, Cost: best[i][j] - best[i-t.Zh][j-t.En]}}, path...)
		i, j = i-t.Zh, j-t.En
	}
	return path
}

// TestSolveLows: lower bounds of the bound given a row at a time (lows),
// at times the floor, at times more, and the null beads' costs given so
// (exact), leave the path as the plain
// programme finds it, in bands and in a full matrix whose rows are wider
// than a stretch of lows (lowChunk).
// leastBounds is a floor per paragraph bead type: the least bound of any
// bead of the type in an nz × ne matrix, reached by some bead.
func leastBounds(nz, ne int, bound CostFunc) []float64 {
	floor := make([]float64, len(paragraphTypes))
	for ti, bt := range paragraphTypes {
		floor[ti] = math.Inf(1)
		for i := 0; i+bt.Zh <= nz; i++ {
			for j := 0; j+bt.En <= ne; j++ {
				floor[ti] = min(floor[ti], bound(i, j, bt))
			}
		}
	}
	return floor
}

func TestSolveLows(t *testing.T) {
	calls, ceiled := 0, 0
	for seed := uint64(1); seed <= 20; seed++ {
		for _, size := range [][2]int{{int(5 + seed%7), int(4 + seed*3%11)}, {3, lowChunk + 40 + int(seed)}} {
			nz, ne := size[0], size[1]
			cost := hashCost(seed)
			bound := func(i, j int, t BeadType) float64 { return cost(i, j, t) - float64(seed%3) }
			floor := leastBounds(nz, ne, bound)
			// the null beads' costs, the others' lows, with their
			// parts, which the bound is handed (NaN for some)
			part := func(i, j int, t BeadType) float64 {
				if (i+j)%5 == 0 {
					return math.NaN()
				}
				return (bound(i, j, t) - floor[slices.Index(paragraphTypes, t)]) * float64((i+j)%2) / 2
			}
			whole := func(i, j int, t BeadType, got, _, _ float64) float64 {
				if want := part(i, j, t); math.Float64bits(got) != math.Float64bits(want) {
					panic(fmt.Sprintf("bead (%d,%d) %v: part %v, not %v", i, j, t, got, want))
				}
				return bound(i, j, t)
			}
			lows := func(pi, ti int, f float64, lo, hi int, prevs []float64, prior float64, out, parts, ceil []float64) bool {
				calls++
				bt := paragraphTypes[ti]
				require.Equal(t, floor[ti], f)
				require.Len(t, out, hi-lo+1)
				require.Len(t, parts, hi-lo+1)
				for j := lo; j <= hi; j++ {
					if bt.Zh+bt.En == 1 {
						out[j-lo] = cost(pi, j-bt.En, bt)
						continue
					}
					parts[j-lo] = part(pi, j-bt.En, bt)
					out[j-lo] = f + (bound(pi, j-bt.En, bt)-f)*float64((pi+j)%2)/2
				}
				addStarts(out, prevs, prior)
				// a bead whose start, floor and prior are above the
				// ceil, set to +Inf (lowMerged), cannot win its cell
				if ceil != nil {
					require.Len(t, ceil, hi-lo+1)
					for k := range out {
						if prevs[k]+f+prior > ceil[k] {
							out[k] = math.Inf(1)
							ceiled++
						}
					}
				}
				return bt.Zh+bt.En == 1
			}
			for _, band := range []*Band{nil, DiagonalBand(nz, ne, 3)} {
				want := plainSolve(nz, ne, paragraphTypes, cost, band)
				got := solveStaged(nz, ne, paragraphTypes, nil, cost, whole, nil, typeFloors(floor), lows, band, &dpTables{})
				require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d size %v band %v", seed, size, band != nil)
			}
		}
	}
	require.Positive(t, calls)
	require.Positive(t, ceiled, "beads ruled out by the ceil")
}

// TestSolveNarrowBandsReusedTables: the DP reads a type's start in every
// cell of a row, beside its row of origin where the type does not reach
// the cell (the ring is padded for those reads, and a NaN low fails the
// type there). In narrow, steep bands (rows that barely overlap, a row of
// origin far to the left of the row it leads to) and with tables reused
// from larger and smaller solves, whose stale totals those reads meet,
// the path is the plain programme's, with and without lows.
func TestSolveNarrowBandsReusedTables(t *testing.T) {
	tables := &dpTables{}
	for seed := uint64(1); seed <= 120; seed++ {
		nz, ne := int(3+seed%17), int(2+seed*5%43)
		cost := hashCost(seed)
		// a path of random steps, some of them wide, to band around
		var path []Cell
		i, j := 0, 0
		for k := uint64(0); i < nz || j < ne; k++ {
			h := cost(i, j, BeadType{Zh: int(k % 5)})
			a, b := min(nz-i, int(h)%3), min(ne-j, int(h*7)%6)
			if a+b == 0 {
				a, b = min(nz-i, 1), min(ne-j, 1)
			}
			path = append(path, Cell{I: i, J: j, Type: BeadType{Zh: a, En: b}})
			i, j = i+a, j+b
		}
		for _, w := range []int{0, 1, 2} {
			band := PathBand(nz, ne, path, w)
			want := plainSolve(nz, ne, paragraphTypes, cost, band)
			got := solveStaged(nz, ne, paragraphTypes, nil, cost, nil, nil, nil, nil, band, tables)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d width %d", seed, w)
			// lows of the exact costs for every type
			lows := func(pi, ti int, _ float64, lo, hi int, prevs []float64, prior float64, out, _, _ []float64) bool {
				for k := range out {
					out[k] = cost(pi, lo+k-paragraphTypes[ti].En, paragraphTypes[ti])
				}
				addStarts(out, prevs, prior)
				return true
			}
			got = solveStaged(nz, ne, paragraphTypes, nil, cost, nil, nil, nil, lows, band, tables)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "lows, seed %d width %d", seed, w)
		}
	}
}

// TestSolveTypesFromTheRow: a type with nothing on the Chinese side
// starts in the row it leads to, whose totals are set cell by cell: the
// DP adds its start's total in the cell (a 0-1 from the cell before, a
// 0-2 or a second 0-1 read), and the path is the plain programme's,
// with and without lows, in the full matrix and in bands. The costs of
// odd seeds are whole numbers, whose many ties go to the type listed
// first, the null beads, tried first, listed after the others.
func TestSolveTypesFromTheRow(t *testing.T) {
	types := append(slices.Clone(paragraphTypes), BeadType{Zh: 0, En: 2, Prior: 1.5}, BeadType{Zh: 2, En: 0, Prior: 1.5}, BeadType{Zh: 0, En: 1, Prior: 0.25})
	tables := &dpTables{}
	for seed := uint64(1); seed <= 80; seed++ {
		nz, ne := int(3+seed%11), int(2+seed*5%17)
		cost := hashCost(seed)
		if seed%2 == 1 {
			h := cost
			cost = func(i, j int, t BeadType) float64 { return math.Floor(h(i, j, t) / 4) }
		}
		lows := func(pi, ti int, _ float64, lo, hi int, prevs []float64, prior float64, out, _, _ []float64) bool {
			for k := range out {
				out[k] = cost(pi, lo+k-types[ti].En, types[ti])
			}
			addStarts(out, prevs, prior)
			return true
		}
		for _, band := range []*Band{nil, DiagonalBand(nz, ne, 2)} {
			want := plainSolve(nz, ne, types, cost, band)
			got := solveStaged(nz, ne, types, nil, cost, nil, nil, nil, nil, band, tables)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "seed %d band %v", seed, band != nil)
			got = solveStaged(nz, ne, types, nil, cost, nil, nil, nil, lows, band, tables)
			require.Equal(t, fmt.Sprint(want), fmt.Sprint(got), "lows, seed %d band %v", seed, band != nil)
		}
	}
}
