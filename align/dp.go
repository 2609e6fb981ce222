package align

import "math"

// BeadType is a shape of bead: how many units of each side it covers.
type BeadType struct {
	Zh, En int
	Prior  float64 // cost in nats: -log of the prior probability of the type
}

// String gives the conventional name, "1-2".
func (t BeadType) String() string { return itoa(t.Zh) + "-" + itoa(t.En) }

func itoa(n int) string {
	if n >= 0 && n < 10 {
		return string(rune('0' + n))
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if s == "" {
		return "0"
	}
	return s
}

// Cell is one bead of a DP solution: Zh[I:I+Type.Zh] with En[J:J+Type.En].
type Cell struct {
	I, J int
	Type BeadType
	Cost float64
}

// CostFunc gives the cost of a bead covering zh[i:i+t.Zh] and en[j:j+t.En]
// (without the prior, which the DP adds). +Inf forbids the bead.
type CostFunc func(i, j int, t BeadType) float64

// Band restricts the DP to en positions Lo[i] <= j <= Hi[i] for each zh
// position i in 0..nZh. Lo and Hi must be non-decreasing. A nil Band is the
// full matrix.
type Band struct{ Lo, Hi []int }

// DiagonalBand is a band of half-width w around the length-proportional
// diagonal (or around a path given as the centre of each row).
func DiagonalBand(nZh, nEn, w int) *Band {
	b := &Band{Lo: make([]int, nZh+1), Hi: make([]int, nZh+1)}
	for i := 0; i <= nZh; i++ {
		c := 0
		if nZh > 0 {
			c = int(math.Round(float64(i) * float64(nEn) / float64(nZh)))
		}
		b.Lo[i] = max(0, c-w)
		b.Hi[i] = min(nEn, c+w)
	}
	b.fix(nEn)
	return b
}

// PathBand is a band of half-width w around a previous solution's path:
// row i admits the en positions the path visits within w rows of i, widened
// by w on both sides.
func PathBand(nZh, nEn int, path []Cell, w int) *Band {
	lo := make([]int, nZh+1)
	hi := make([]int, nZh+1)
	for i := range lo {
		lo[i], hi[i] = nEn, 0
	}
	mark := func(i, j int) {
		lo[i] = min(lo[i], j)
		hi[i] = max(hi[i], j)
	}
	mark(0, 0)
	for _, c := range path {
		for a := 0; a <= c.Type.Zh; a++ {
			mark(c.I+a, c.J)
			mark(c.I+a, c.J+c.Type.En)
		}
	}
	mark(nZh, nEn)
	b := &Band{Lo: make([]int, nZh+1), Hi: make([]int, nZh+1)}
	for i := range lo {
		l, h := nEn, 0
		for k := max(0, i-w); k <= min(nZh, i+w); k++ {
			l = min(l, lo[k])
			h = max(h, hi[k])
		}
		if l > h {
			l, h = 0, nEn
		}
		b.Lo[i], b.Hi[i] = max(0, l-w), min(nEn, h+w)
	}
	b.fix(nEn)
	return b
}

// Holds reports whether every cell of band o is one of b's. Solving in
// o a path found in b, which o holds, then gives that path again: each of
// its cells is reached at the same total (no path o admits is cheaper than
// the best in b), and a cell's bead is the first of the cheapest, none of
// which o adds.
func (b *Band) Holds(o *Band) bool {
	if len(o.Lo) != len(b.Lo) {
		return false
	}
	for i := range o.Lo {
		if o.Lo[i] < b.Lo[i] || o.Hi[i] > b.Hi[i] {
			return false
		}
	}
	return true
}

// fix makes the band monotone and guarantees a path from (0,0) to the end.
func (b *Band) fix(nEn int) {
	n := len(b.Lo)
	b.Lo[0] = 0
	b.Hi[n-1] = nEn
	for i := 1; i < n; i++ {
		b.Lo[i] = max(b.Lo[i], b.Lo[i-1])
	}
	for i := n - 2; i >= 0; i-- {
		b.Hi[i] = min(b.Hi[i], b.Hi[i+1])
	}
	for i := 0; i < n; i++ {
		if b.Hi[i] < b.Lo[i] {
			b.Hi[i] = b.Lo[i]
		}
	}
	// consecutive rows must overlap or touch so 1-0 / 1-1 steps connect
	for i := 1; i < n; i++ {
		if b.Lo[i] > b.Hi[i-1] {
			b.Hi[i-1] = b.Lo[i]
		}
	}
	for i := n - 2; i >= 0; i-- {
		b.Hi[i] = min(b.Hi[i], b.Hi[i+1])
	}
}

// Solve runs the monotone dynamic programme: the cheapest sequence of beads
// covering all nZh and nEn units in order. Memory and time are proportional
// to the band area times the number of bead types.
func Solve(nZh, nEn int, types []BeadType, cost CostFunc, band *Band) []Cell {
	return SolveBounded(nZh, nEn, types, cost, nil, band)
}

// SolveBounded is Solve with a lower bound of the cost: a bead whose bound
// cannot beat the best way found so far into a cell is not costed. The
// result is the same as Solve's as long as bound ≤ cost for every bead
// (floating-point addition is monotone, so the comparison keeps its
// outcome); a nil bound costs every bead.
func SolveBounded(nZh, nEn int, types []BeadType, cost, bound CostFunc, band *Band) []Cell {
	return SolveExtra(nZh, nEn, types, nil, cost, bound, band)
}

// extraBead marks, in SolveExtra's back pointers, a cell reached by one of
// the extra beads rather than by a bead type.
const extraBead = int8(-2)

// SolveExtra is SolveBounded with extra candidate beads: each Cell of extra
// (I, J, Type; Cost ignored) may be placed from (I, J) as well, whatever
// its shape. A caller that knows a few places where an unusually shaped
// bead may lie (the groups of a page's layout) offers them here without
// adding a bead type to every cell. Extras outside the band are ignored.
// With no extras the result is SolveBounded's; an extra wins a cell only
// when strictly cheaper than every bead type.
func SolveExtra(nZh, nEn int, types []BeadType, extra []Cell, cost, bound CostFunc, band *Band) []Cell {
	return SolveRefined(nZh, nEn, types, extra, cost, bound, nil, band)
}

// SolveRefined is SolveExtra with a second, dearer lower bound of the
// cost, asked only of a bead that the first bound lets through: a bead
// whose refined bound cannot beat the best way found so far into a cell
// is not costed either. As with bound, the result is SolveExtra's as long
// as refine ≤ cost for every bead; a nil refine is SolveExtra.
func SolveRefined(nZh, nEn int, types []BeadType, extra []Cell, cost, bound, refine CostFunc, band *Band) []Cell {
	var refines []CostFunc
	if refine != nil {
		refines = []CostFunc{refine}
	}
	return SolveStaged(nZh, nEn, types, extra, cost, bound, refines, band)
}

// SolveStaged is SolveRefined with any number of refined bounds, each
// dearer than the one before, asked in turn of a bead that the ones
// before let through. The result is SolveExtra's as long as each of them
// is at most cost for every bead. A caller whose refined bound has a dear
// part that rarely decides (a sum over the blocks of a split) splits it
// into a bound without that part and the whole. A bead of one unit (1-0,
// 0-1) is costed without any bound, bound's or these: leaving a bound
// out never changes the result, and such a bead's cost is commonly as
// cheap as a bound (the paragraph aligner's is a table lookup).
func SolveStaged(nZh, nEn int, types []BeadType, extra []Cell, cost, bound CostFunc, refines []CostFunc, band *Band) []Cell {
	var until boundUntil
	if bound != nil {
		until = func(i, j int, t BeadType, _, _, _ float64) float64 { return bound(i, j, t) }
	}
	return solveStaged(nZh, nEn, types, extra, cost, until, refinesTest(refines), nil, nil, band, nil)
}

// A boundUntil is a bound that may stop early. Given the floor of the
// bead's type and what the bound must stay under for the bead to win
// (need: the best cost so far less the cost of reaching the bead's start
// and the type's prior), it may return, once what it has added up shows
// that the bound is above need, that partial sum plus floor: a lower bound
// of the bound, so that solving with it is solving with a weaker bound,
// which changes no result. need is only a hint: the DP tests what is
// returned as it tests a bound. part is the partial sum that the row's
// lows (lowsFunc) added the floor to for the bead, which the bound need
// not add up again, or NaN when they did not give one.
type boundUntil func(i, j int, t BeadType, part, floor, need float64) float64

// dpTables are the DP's tables, kept by a caller that solves again (the
// paragraph aligner solves twice or more, each time over some 650 k
// cells on a 5k-pair document). back holds a byte for every cell of the
// band; total only the rows a bead can reach back over (ring): the costs
// along the path are summed again once it is traced. (Totals for every
// cell, 8 bytes each, were the largest table of a long document's
// paragraph alignment: 55 MB on a 50,000-pair one.)
type dpTables struct {
	ring []float64
	back []int8
}

// get returns a ring of r cells and back pointers for n cells, reused
// when they are large enough; a nil receiver allocates. Every cell is
// set before it is read.
func (d *dpTables) get(r, n int) ([]float64, []int8) {
	if d == nil {
		return make([]float64, r), make([]int8, n)
	}
	if cap(d.ring) < r {
		d.ring = make([]float64, r)
	}
	if cap(d.back) < n {
		d.back = make([]int8, n)
	}
	return d.ring[:r], d.back[:n]
}

// A floorFunc gives a floor of bound for the beads of type types[ti]
// whose Chinese side starts at row pi: floor(pi, ti) ≤ bound(pi, j,
// types[ti]) for every j, and at most what the bound's terms after its
// partial sum can add, so that a boundUntil may be given it.
type floorFunc func(pi, ti int) float64

// A lowsFunc sets out[j-lo], for the beads of type types[ti] from row pi
// of origin that lead to the cells j = lo..hi of their row (each from
// (pi, j-types[ti].En)), to a lower bound of bound for the bead (of cost
// for a bead bound is not asked of): what a boundUntil given the row's
// floor may return for it, and parts[j-lo] to the partial sum it added
// the floor to (out[j-lo] is parts[j-lo] + floor), or NaN, which the DP
// gives the boundUntil. Or it sets out to the beads' costs, to the bit,
// and reports exact: cost is then not asked of them, and parts is not
// read. Given prevs, the totals at the beads' starts (a type whose
// starts lie in a row above), it sets out[j-lo] to prevs[j-lo] plus that
// plus prior, the sum the DP tests, added in that order (addStarts);
// given nil, to that alone. The DP asks it
// once a row and type (for a stretch of lowChunk cells at a time), so
// that the cheap part of the bound, added up in one loop for the row,
// settles most beads without a call each, and a null bead's cost, a
// block's alone, is looked up without one.
//
// Given ceil (not nil, only with prevs), ceil[j-lo] is at least the
// total the cell j will be given: the sum of an exact type from a row
// above (the 1-0 bead's), which the DP tests before the bead. A bead
// whose sum is above it cannot win the cell, so a lowsFunc may set
// out[j-lo] to +Inf where prevs[j-lo] plus the floor plus prior is above
// ceil[j-lo] (so is the sum, whatever the lower bound adds to the floor):
// the DP's first test fails the bead as it failed the sum, and
// parts[j-lo] is not read. On a 5k-pair document this rules out some 40 %
// of the paired beads lows adds up, before their length terms.
type lowsFunc func(pi, ti int, floor float64, lo, hi int, prevs []float64, prior float64, out, parts, ceil []float64) (exact bool)

// addStarts adds to each out[k] the total prevs[k] at its bead's start
// before and the type's prior after, as a lowsFunc does given prevs (nil:
// none).
func addStarts(out, prevs []float64, prior float64) {
	if prevs == nil {
		return
	}
	out = out[:len(prevs)]
	for k, prev := range prevs {
		out[k] = prev + out[k] + prior
	}
}

// lowChunk is how many cells of a row the DP asks lows of at once: the
// buffers stay small (lowChunk values a type) even when a row of the full
// matrix is tens of thousands of cells wide.
const lowChunk = 256

// lowStride is how far apart two types' lows (and parts) lie in the DP's
// buffers: a stretch and one cache line more. The DP's innermost loop
// reads one value of each type in every cell; at a stride of lowChunk,
// 2 KB, their lines fell in two of the 64 sets of a 32 KB 8-way L1 cache,
// nine lines a set for the paragraph aligner's 18 types, and evicted one
// another in every cell; a line more apart, each type has a set of its own.
const lowStride = lowChunk + 8

// typeFloors is the floorFunc of one floor per bead type, whatever the row.
func typeFloors(floor []float64) floorFunc {
	return func(_, ti int) float64 { return floor[ti] }
}

// solveStaged is SolveStaged with the refined bounds as one test (nil for
// none), a floor of bound for each bead type and
// row of origin (nil for none), the lower bounds of bound of a row's
// beads (lows, asked of the beads bound is asked of; nil for the floor
// alone) and the tables to reuse. The floor is asked once a row and the
// lows once a stretch of a row, and they are checked in the loop, without
// a call: a cell off the path is mostly reached far more cheaply than a
// bead from a dearer neighbour can reach it, whatever the bead holds, and
// then bound need not be asked.
func solveStaged(nZh, nEn int, types []BeadType, extra []Cell, cost CostFunc, bound boundUntil, refined refineTest, floor floorFunc, lows lowsFunc, band *Band, tables *dpTables) []Cell {
	return solveTested(nZh, nEn, types, extra, cost, stagedTest(bound, refined), floor, lows, band, tables)
}

// A beadTest is solveStaged's bound and refined bounds of a bead of
// several units in one call: whether the bead of type t (index ti) from
// (pi, pj), reached at prev, passes the bound given part and floor
// (boundUntil) against the best way into its cell (best, by a bead of
// type bt), and then, given refine, the refined bounds (refineTest). The
// DP asks it of some 2 M beads on a 5k-pair document: one call, not two,
// and a caller whose refined bounds start from what its bound added up
// (the paragraph aligner's) goes on from it without keeping it aside.
type beadTest func(pi, pj int, t *BeadType, part, floor, prev, best float64, bt, ti int8, refine bool) bool

// stagedTest is the beadTest of bound and refined (either may be nil;
// nil when both are), asked in turn as solveStaged asks them: the bound
// with need the best less prev and the type's prior, tested as the DP
// tests a bead's sum, then refined.
func stagedTest(bound boundUntil, refined refineTest) beadTest {
	if bound == nil && refined == nil {
		return nil
	}
	return func(pi, pj int, t *BeadType, part, floor, prev, best float64, bt, ti int8, refine bool) bool {
		if bound != nil {
			if v := prev + bound(pi, pj, *t, part, floor, best-prev-t.Prior) + t.Prior; !(v < best || v == best && ti < bt) {
				return false
			}
		}
		return !refine || refined == nil || refined(pi, pj, t, prev, best, bt, ti)
	}
}

// solveTested is solveStaged with its bound and refined bounds as one
// test (nil for none).
func solveTested(nZh, nEn int, types []BeadType, extra []Cell, cost CostFunc, test beadTest, floor floorFunc, lows lowsFunc, band *Band, tables *dpTables) []Cell {
	if band == nil {
		band = &Band{Lo: make([]int, nZh+1), Hi: make([]int, nZh+1)}
		for i := range band.Hi {
			band.Hi[i] = nEn
		}
	}
	// row i stores cells j in [Lo[i], Hi[i]]
	off := make([]int, nZh+2)
	for i := 0; i <= nZh; i++ {
		off[i+1] = off[i] + band.Hi[i] - band.Lo[i] + 1
	}
	at := func(i, j int) int {
		if i < 0 || i > nZh || j < band.Lo[i] || j > band.Hi[i] {
			return -1
		}
		return off[i] + j - band.Lo[i]
	}
	// The totals of the rows a bead may reach back over (the most Chinese
	// units of a type or an extra in the band), in a ring of rows each as
	// wide as the widest: row i's cell j is total[row(i)+j].
	reach, width := 0, 0
	for _, t := range types {
		reach = max(reach, t.Zh)
	}
	for _, c := range extra {
		if at(c.I, c.J) >= 0 {
			reach = max(reach, c.Type.Zh)
		}
	}
	for i := 0; i <= nZh; i++ {
		width = max(width, band.Hi[i]-band.Lo[i]+1)
	}
	rows := min(reach+1, nZh+1)
	// A bead type is tried in every cell of a row, reading its start's
	// total before testing it: where the type has no start in the band
	// the read falls beside its row of origin, and its first test (low,
	// NaN there) fails it. The ring is padded so that such reads stay in
	// it: pad cells before the first row, up to size cells in all.
	pad, size := 0, rows*width
	for i := 0; i <= nZh; i++ {
		for _, t := range types {
			if pi := i - t.Zh; pi >= 0 {
				base := pi%rows*width - band.Lo[pi] - t.En
				pad = max(pad, -(base + band.Lo[i]))
				size = max(size, base+band.Hi[i]+1)
			}
		}
	}
	total, back := tables.get(pad+size, off[nZh+1])
	for k := range back {
		back[k] = -1
	}
	row := func(i int) int { return pad + i%rows*width - band.Lo[i] }
	tot := func(i, j int) float64 { return total[row(i)+j] }
	// the extras by the cell they end in, and the one chosen there
	var ending map[int][]int
	var chosen map[int]int
	for x, c := range extra {
		if at(c.I, c.J) < 0 {
			continue
		}
		if k := at(c.I+c.Type.Zh, c.J+c.Type.En); k >= 0 {
			if ending == nil {
				ending, chosen = map[int][]int{}, map[int]int{}
			}
			ending[k] = append(ending[k], x)
		}
	}
	// The types are tried beads of one unit first: they need no lexical
	// comparison, and the cost they set is what the bounds of the others
	// must beat (a cell off the path is mostly settled by them). Which
	// type wins does not depend on the order tried (beats).
	//
	// Each type's row of origin is the same for a whole row of cells:
	// its band and its offset in total are looked up once a row (tried).
	//
	// The cells a type may start from in a row are given by the cells
	// they lead to (lo, hi) and read at base plus the cell's j, so that a
	// type that cannot win the cell is passed over without working out
	// where it starts from. A start no bead reaches (+Inf) fails the
	// floor's test: the sum is +Inf, or NaN with a floor of -Inf.
	//
	// The first test of a bead is against low[tr.low+j]: a lower bound
	// of its bound from lows, or the floor. The sum tested, the total at
	// the bead's start plus that plus the type's prior, is added up in
	// low itself, in the place of the lower bound, which nothing else
	// reads: for a type whose start lies in a row above, whose totals are
	// all set before this row's, for a stretch of the row at once
	// (setLows), by lows in its loop over the type's cells, which has the
	// lower bound at hand (or by addStarts); for a type whose start
	// lies in the row at hand, once the cell's is set, in the cell: a
	// 0-1's start is the cell before, whose total is at hand (step,
	// last), another's is read (live). The DP's innermost loop (firstPassing), over every
	// type in every cell, then reads one value for each type, not two and
	// the type's prior: the same sum, in the same order.
	tried := make([]dpTry, 0, len(types))
	for pass := 0; pass < 2; pass++ {
		for ti := range types {
			if t := types[ti]; (t.Zh+t.En == 1) == (pass == 0) {
				several := t.Zh+t.En > 1
				tried = append(tried, dpTry{ti: int8(ti), t: t, floor: math.Inf(-1), test: test != nil && several})
			}
		}
	}
	// (part[tr.low+j] is the partial sum of the bead's low[tr.low+j])
	low, part := make([]float64, len(tried)*lowStride), make([]float64, len(tried)*lowStride)
	var step *dpTry
	var live []*dpTry
	for x := range tried {
		switch t := tried[x].t; {
		case t.Zh == 0 && t.En == 1 && step == nil:
			step = &tried[x]
		case t.Zh == 0:
			live = append(live, &tried[x])
		}
	}
	nan := math.NaN()
	// (the 0-1 bead's prior and index, in the cell loop's variables)
	stepPrior, stepTi := 0.0, int8(0)
	if step != nil {
		stepPrior, stepTi = step.t.Prior, step.ti
	}
	// (and the first type's index)
	firstTi := int8(-1)
	if len(tried) > 0 {
		firstTi = tried[0].ti
	}
	// setLows fills low for the cells from..to-1 of row i (at most
	// lowChunk of them): lows, else the floor, and NaN for the cells the
	// type does not reach; and part, NaN where lows gives none. The first
	// exact type from a row above (the 1-0 bead, tried first) has its sums
	// complete once set: they bound each cell's best from above, and are
	// given to lows for the types after it as ceil (NaN, which no sum is
	// above, where the type does not reach the cell). (setLows is
	// declared apart so that it is not inlined: once a stretch, its
	// variables in the DP's cell loop took registers from the loop's own,
	// some 35 M instructions more on a 5k-pair document.)
	//
	// It reports whether the first of tried is exact in the stretch: the
	// cell loop settles that one without firstPassing.
	var setLows func(i, from, to int) bool
	setLows = func(i, from, to int) bool {
		ceil := -1 // (low[ceil+k-from] is the cell k's, when set)
		for x := range tried {
			tr := &tried[x]
			out := low[x*lowStride : x*lowStride+to-from]
			tr.low, tr.exact = x*lowStride-from, false
			lo, hi := max(from, tr.lo), min(to-1, tr.hi)
			if lo > hi {
				for k := range out {
					out[k] = nan
				}
				continue
			}
			for k := range out[:lo-from] {
				out[k] = nan
			}
			for k := hi - from + 1; k < len(out); k++ {
				out[k] = nan
			}
			in := out[lo-from : hi-from+1]
			parts := part[x*lowStride+lo-from : x*lowStride+hi-from+1]
			var prevs []float64
			if tr.t.Zh > 0 {
				prevs = total[tr.base+lo : tr.base+hi+1]
			}
			if lows != nil {
				var c []float64
				if ceil >= 0 && prevs != nil {
					c = low[ceil+lo-from : ceil+hi-from+1]
				}
				tr.exact = lows(i-tr.t.Zh, int(tr.ti), tr.floor, lo, hi, prevs, tr.t.Prior, in, parts, c)
				if tr.exact && prevs != nil && ceil < 0 {
					ceil = x * lowStride
				}
				continue
			}
			for k := range in {
				in[k], parts[k] = tr.floor, nan
			}
			addStarts(in, prevs, tr.t.Prior)
		}
		return len(tried) > 0 && tried[0].exact
	}
	total[row(0)] = 0
	inf := math.Inf(1)
	for i := 0; i <= nZh; i++ {
		for x := range tried {
			tr := &tried[x]
			if pi := i - tr.t.Zh; pi >= 0 {
				tr.lo, tr.hi, tr.base = max(0, band.Lo[pi])+tr.t.En, band.Hi[pi]+tr.t.En, row(pi)-tr.t.En
				if floor != nil {
					tr.floor = floor(pi, int(tr.ti))
				}
			} else {
				tr.lo, tr.hi, tr.base = 1, 0, row(i) // (read, then failed)
			}
		}
		rowI := row(i)
		backI := off[i] - band.Lo[i] // back[backI+j] is the cell j's
		stretch := band.Lo[i]        // low holds the cells before stretch
		from := stretch              // from from on
		firstExact := false          // whether tried[0] is exact in the stretch
		stepExact := false           // and the 0-1 bead too, tried next (stepLow)
		stepLow := 0                 // low[stepLow+j] is the 0-1 bead's
		// the total of the cell before (a 0-1 does not reach the row's
		// first cell, whose low is NaN)
		last := nan
		// (the row's last cell in a variable: the loop read it from the
		// band in every cell)
		hiI := band.Hi[i]
		for j := band.Lo[i]; j <= hiI; j++ {
			if j == stretch {
				from, stretch = j, min(j+lowChunk, hiI+1)
				firstExact = setLows(i, j, stretch)
				if step != nil {
					stepLow = step.low
					stepExact = firstExact && len(tried) > 1 && step == &tried[1] && step.exact
				}
			}
			if i == 0 && j == 0 {
				last = total[rowI]
				continue
			}
			k := backI + j
			if step != nil && !stepExact {
				low[stepLow+j] = last + low[stepLow+j] + stepPrior
			}
			if live != nil {
				for _, tr := range live {
					low[tr.low+j] = total[tr.base+j] + low[tr.low+j] + tr.t.Prior
				}
			}
			best, bt := inf, int8(-1)
			at := j - from
			// An exact type tried first (the 1-0 bead's) is settled here,
			// as the loop below settles it, without a call of firstPassing:
			// no bead reaches the cell yet (bt is -1), so a sum below +Inf
			// passes and wins.
			x0 := 0
			if firstExact {
				if v := low[at]; v < inf {
					best, bt = v, firstTi
				}
				x0 = 1
				// The 0-1 bead, exact and tried next, is settled here
				// too, as firstPassing and the loop below settle it,
				// its sum not stored for them to read.
				if stepExact {
					if v := last + low[stepLow+j] + stepPrior; v <= best && (v < best || stepTi < bt) {
						best, bt = v, stepTi
					}
					x0 = 2
				}
			}
			for x, v := firstPassing(tried, x0, low, at, best, bt); x < len(tried); x, v = firstPassing(tried, x+1, low, at, best, bt) {
				tr := &tried[x]
				t, ti := &tr.t, tr.ti
				if tr.exact {
					// v is prev + c + t.Prior, which wins (a c of +Inf
					// or NaN made v fail)
					best, bt = v, ti
					continue
				}
				prev := total[tr.base+j]
				pi, pj := i-t.Zh, j-t.En
				// (while no bead reaches the cell, a refined bound could
				// rule out only a bead whose cost is +Inf, which cost
				// rules out)
				if tr.test && !test(pi, pj, t, part[tr.low+j], tr.floor, prev, best, bt, ti, bt >= 0) {
					continue
				}
				c := cost(pi, pj, *t)
				if c == inf || c != c { // +Inf or NaN
					continue
				}
				if v := prev + c + t.Prior; v < best || v == best && ti < bt {
					best, bt = v, ti
				}
			}
			if ending == nil {
				total[rowI+j], back[k], last = best, bt, best
				continue
			}
			for _, x := range ending[k] {
				e := extra[x]
				prev := tot(e.I, e.J)
				if math.IsInf(prev, 1) {
					continue
				}
				// (an extra bead must be strictly cheaper: as the type
				// of the best, extraBead is listed after none; with a
				// floor of -Inf the bound does not stop early)
				if test != nil && !test(e.I, e.J, &e.Type, nan, math.Inf(-1), prev, best, extraBead, extraBead, best < math.Inf(1)) {
					continue
				}
				c := cost(e.I, e.J, e.Type)
				if math.IsInf(c, 1) || math.IsNaN(c) {
					continue
				}
				if v := prev + c + e.Type.Prior; v < best {
					best, bt = v, extraBead
					chosen[k] = x
				}
			}
			total[rowI+j], back[k], last = best, bt, best
		}
	}
	// Trace back twice: once to count the beads, once to fill a path
	// made at that length from its end. Growing it from empty copied and
	// discarded as much again as it holds, for each of the thousands of
	// texts a document's sentence aligner solves.
	beadAt := func(i, j int) (BeadType, bool) {
		k := at(i, j)
		if k < 0 || back[k] == -1 {
			return BeadType{}, false
		}
		if back[k] == extraBead {
			return extra[chosen[k]].Type, true
		}
		return types[back[k]], true
	}
	n := 0
	for i, j := nZh, nEn; i > 0 || j > 0; n++ {
		t, ok := beadAt(i, j)
		if !ok {
			return nil // no path inside the band
		}
		i, j = i-t.Zh, j-t.En
	}
	if n == 0 {
		return nil
	}
	path := make([]Cell, n)
	for x, i, j := n-1, nZh, nEn; x >= 0; x-- {
		t, _ := beadAt(i, j)
		pi, pj := i-t.Zh, j-t.En
		path[x] = Cell{I: pi, J: pj, Type: t}
		i, j = pi, pj
	}
	// Each bead's cost is what it added to the total, summed again along
	// the path as the DP summed it (the bead that won a cell reached it
	// at the total before it plus its cost plus its prior): the same bits
	// as the difference of the two totals the DP kept.
	sum := 0.0
	for x := range path {
		c := &path[x]
		v := sum + cost(c.I, c.J, c.Type) + c.Type.Prior
		c.Cost, sum = v-sum, v
	}
	return path
}

// A refineTest is SolveStaged's refined bounds asked in turn of a bead, as
// passes asks them, in one call: a caller whose refined bounds share
// their dear part (the paragraph aligner's) works it out once, without a
// call for each bound.
type refineTest func(pi, pj int, t *BeadType, prev, best float64, bt, ti int8) bool

// refinesTest is the refineTest of the refined bounds refines (passes),
// nil when there are none.
func refinesTest(refines []CostFunc) refineTest {
	if len(refines) == 0 {
		return nil
	}
	return func(pi, pj int, t *BeadType, prev, best float64, bt, ti int8) bool {
		return passes(refines, prev, pi, pj, t, best, bt, ti)
	}
}

// passes reports whether a bead of type t (index ti) from (pi, pj),
// reached at prev, still beats the best way into its cell (best, by a
// bead of type bt) by each of the bounds in turn: cheaper, or as cheap
// and of a type listed earlier. An extra bead (ti == extraBead) must be
// strictly cheaper.
func passes(bounds []CostFunc, prev float64, pi, pj int, t *BeadType, best float64, bt, ti int8) bool {
	for _, b := range bounds {
		if v := prev + b(pi, pj, *t) + t.Prior; !(v < best || v == best && ti < bt) {
			return false
		}
	}
	return true
}

// A dpTry is a bead type as solveStaged tries it in the cells of a row.
type dpTry struct {
	ti     int8
	t      BeadType
	floor  float64
	test   bool // the beadTest is asked
	lo, hi int  // the cells j of the row reached from the row of origin; empty when none
	base   int  // total[base+j] is the cell (row of origin, j-t.En)
	low    int  // low[low+j] is the sum of the bead's first test, in the stretch of the row at hand
	exact  bool // and its cost
}

// firstPassing returns the first of tried[x:] whose bead into the cell
// at of the stretch of the row at hand passes its first test, with the
// sum tested (low[x*lowStride+at]), or len(tried). It is the DP's
// innermost loop, over every type in every cell, most of which fail
// there: it makes no call and reads a type's dpTry only on a tie, so that
// what it needs stays in registers. low holds lowStride values for each
// of tried, and 0 ≤ at < lowChunk < lowStride: the loop runs over k, the
// type's value, while k < len(low), which holds exactly while the type
// is one of tried and spares the range check of low[k] (some 23 M reads
// on a 5k-pair document); x, the type's index in tried, is counted
// beside k rather than worked out from it.
func firstPassing(tried []dpTry, x int, low []float64, at int, best float64, bt int8) (int, float64) {
	for k := uint(x*lowStride + at); k < uint(len(low)); k, x = k+lowStride, x+1 {
		// (a NaN fails a type that does not reach the cell)
		// a bead of type ti reaching the cell at v wins it over the best
		// so far when cheaper, or as cheap and of a type listed earlier
		// (the types are tried in order, not listed)
		// (v <= best first: one comparison fails the most, a NaN too)
		if v := low[k]; v <= best && (v < best || tried[x].ti < bt) {
			return x, v
		}
	}
	return len(tried), 0
}
