package align

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// checkParagraphBounds checks on every bead of the full matrix of a
// document that the DP's bounds are bounds: bound ≤ cost and refine ≤
// cost, and the type's floor ≤ its row's floor ≤ bound, and a row's lows
// (lowRow) are the bound stopped at once (or +Inf above a ceil), with the first pass's model and
// priors and with those re-estimated from it, and with the layout weighed
// and ignored (swap detection). The paragraph DP's result is the
// unbounded programme's only as long as they hold.
func checkParagraphBounds(doc *Document, lex Similarity) error {
	p := newParagraphAligner(doc, lex)
	stops, raised, lows, parted, ruledOut := 0, 0, 0, 0, 0
	var refinedSeen, testSeen [2]int
	check := func() error {
		// (layoutAnchors' answer is kept with the layout flag)
		if want := !p.ignoreLayout && (len(p.layout) > 0 || len(p.groups) > 0); p.layoutAnchors() != want {
			return fmt.Errorf("layoutAnchors %v, the layout flag %v and the page's layout say %v", p.layoutAnchors(), p.ignoreLayout, want)
		}
		floor := p.floors()
		rows := p.rowFloors(floor)
		for i := 0; i <= len(p.zh); i++ {
			for j := 0; j <= len(p.en); j++ {
				for ti, t := range p.types {
					if i+t.Zh > len(p.zh) || j+t.En > len(p.en) {
						continue
					}
					c := p.cost(i, j, t)
					b, r := p.bound(i, j, t), p.refine(i, j, t)
					row := rows(i, ti)
					if !(floor[ti] <= row && row <= b) {
						return fmt.Errorf("bead (%d,%d) %v: floor %v, row's floor %v, bound %v", i, j, t, floor[ti], row, b)
					}
					if row > floor[ti] {
						raised++
					}
					if !(b <= c && r <= c || math.IsInf(c, 1)) {
						return fmt.Errorf("bead (%d,%d) %v: bound %v, refine %v, cost %v", i, j, t, b, r, c)
					}
					// a bound stopped early is at most the bound, and is
					// the bound where it does not stop
					for _, f := range []float64{floor[ti], row} {
						for _, need := range []float64{math.Inf(-1), b - 5, b - 1e-3, b, b + 1, math.Inf(1)} {
							u := p.boundUntil(i, j, t, f, need)
							if !(u <= b) || u != b && !(u > need) {
								return fmt.Errorf("bead (%d,%d) %v: bound %v, floor %v, until %v: %v", i, j, t, b, f, need, u)
							}
							if u != b {
								stops++
							}
							if err := sameUntilInFull(p, i, j, t, f, need, u); err != nil {
								return err
							}
							// the refined bounds' parts after a bound
							// (which may keep its sum for them) are
							// those of a fresh lexLow, to the bit
							if t.Zh+t.En > 1 {
								// (the DP's bound of a paired bead)
								if v := p.pairedUntil(i, j, t, math.NaN(), f, need); math.Float64bits(v) != math.Float64bits(u) {
									return fmt.Errorf("bead (%d,%d) %v: boundUntil %v, pairedUntil %v", i, j, t, u, v)
								}
								if err := sameLexLow(p, i, j, t); err != nil {
									return err
								}
							}
						}
					}
					if t.Zh+t.En > 1 {
						if err := sameRefined(p, i, j, t, &refinedSeen); err != nil {
							return err
						}
						// (the DP's test over its whole grid of costs:
						// a fifth of the cells under -short, which CI
						// runs with the race detector, where the grid of
						// every cell took minutes)
						if !testing.Short() || (i+j)%5 == 0 {
							for _, f := range []float64{floor[ti], row} {
								if err := sameTest(p, i, j, ti, f, &testSeen); err != nil {
									return err
								}
							}
						}
					}
				}
			}
		}
		// the lows of a row are what the bound stopped at once gives,
		// to the bit, over the whole row and a stretch of it, and a null
		// bead's its cost
		for i := 0; i <= len(p.zh); i++ {
			for ti, t := range p.types {
				if i+t.Zh > len(p.zh) || t.En > len(p.en) {
					continue
				}
				for _, f := range []float64{floor[ti], rows(i, ti)} {
					lo, hi := t.En, len(p.en)
					for _, r := range [][2]int{{lo, hi}, {lo + 1, hi - 1}, {hi, hi}} {
						if r[0] > r[1] {
							continue
						}
						out, parts := make([]float64, r[1]-r[0]+1), make([]float64, r[1]-r[0]+1)
						null := t.Zh+t.En == 1
						if exact := p.lowRow(i, ti, f, r[0], r[1], nil, 0, out, parts, nil); exact != null {
							return fmt.Errorf("row %d %v: lowRow exact %v", i, t, exact)
						}
						// given the totals at the beads' starts, the sums
						// the DP tests: those totals, then the lows, then
						// the prior, added in that order, and the same parts
						sums, sumParts := make([]float64, len(out)), make([]float64, len(out))
						prevs := make([]float64, len(out))
						for k := range prevs {
							prevs[k] = float64((i*7+k*13)%29) / 3
							if k%11 == 5 {
								prevs[k] = math.Inf(1)
							}
						}
						prior := t.Prior + float64(i%3)/7
						p.lowRow(i, ti, f, r[0], r[1], prevs, prior, sums, sumParts, nil)
						for k := range out {
							want := prevs[k] + out[k] + prior
							if math.Float64bits(sums[k]) != math.Float64bits(want) || !null && math.Float64bits(sumParts[k]) != math.Float64bits(parts[k]) {
								return fmt.Errorf("row %d %v cell %d: lowRow given starts %v (part %v), not %v (part %v)", i, t, r[0]+k, sums[k], sumParts[k], want, parts[k])
							}
						}
						// given a ceil about the sums too, the same sums,
						// or +Inf where the starts, the floor and the prior
						// are already above it (and so is the sum)
						ceil := make([]float64, len(out))
						for k := range ceil {
							ceil[k] = prevs[k] + f + prior + float64(k%5-2)/4
							if k%7 == 3 {
								ceil[k] = math.NaN()
							}
						}
						ceiled, ceilParts := make([]float64, len(out)), make([]float64, len(out))
						p.lowRow(i, ti, f, r[0], r[1], prevs, prior, ceiled, ceilParts, ceil)
						for k := range out {
							if math.IsInf(ceiled[k], 1) && prevs[k]+f+prior > ceil[k] && !(sums[k] <= ceil[k]) {
								ruledOut++
								continue
							}
							if math.Float64bits(ceiled[k]) != math.Float64bits(sums[k]) || !null && math.Float64bits(ceilParts[k]) != math.Float64bits(sumParts[k]) {
								return fmt.Errorf("row %d %v cell %d: lowRow given ceil %v: %v (part %v), not %v (part %v)", i, t, r[0]+k, ceil[k], ceiled[k], ceilParts[k], sums[k], sumParts[k])
							}
						}
						for k, got := range out {
							j := r[0] + k - t.En
							want := p.boundUntil(i, j, t, f, math.Inf(-1))
							if null {
								want = p.cost(i, j, t)
							}
							if math.Float64bits(got) != math.Float64bits(want) {
								return fmt.Errorf("bead (%d,%d) %v: lowRow %v, boundUntil stopped at once %v", i, j, t, got, want)
							}
							lows++
							if null {
								continue
							}
							// the bound from the part of the low is the
							// bound, and leaves lexLow's parts alike
							part := parts[k]
							if math.IsInf(got, 1) {
								continue // (furniture: the DP never asks)
							}
							if part != part || math.Float64bits(part+f) != math.Float64bits(got) {
								return fmt.Errorf("bead (%d,%d) %v: lowRow %v, part %v", i, j, t, got, part)
							}
							b := p.bound(i, j, t)
							for _, need := range []float64{math.Inf(-1), b - 1e-3, b, math.Inf(1)} {
								u := p.pairedUntil(i, j, t, math.NaN(), f, need)
								if v := p.pairedUntil(i, j, t, part, f, need); math.Float64bits(v) != math.Float64bits(u) {
									return fmt.Errorf("bead (%d,%d) %v: pairedUntil %v, from lowRow's part %v", i, j, t, u, v)
								}
								if err := sameLexLow(p, i, j, t); err != nil {
									return err
								}
								parted++
							}
						}
					}
				}
			}
		}
		return nil
	}
	for pass := 0; pass < 2; pass++ {
		for _, ignore := range []bool{false, true} {
			p.setIgnoreLayout(ignore)
			if err := check(); err != nil {
				return fmt.Errorf("pass %d, ignoreLayout %v: %w", pass+1, ignore, err)
			}
		}
		p.setIgnoreLayout(false)
		path := p.solve()
		var pairs [][2]int
		for _, c := range path {
			if c.Type.Zh > 0 && c.Type.En > 0 {
				pairs = append(pairs, [2]int{p.span(Zh, c.I, c.Type.Zh), p.span(En, c.J, c.Type.En)})
			}
		}
		p.setModel(EstimateLengthModel(pairs, p.model), p.estimatePriors(path), p.estimateBackground(path))
	}
	if stops == 0 {
		return fmt.Errorf("boundUntil never stopped")
	}
	if raised == 0 {
		return fmt.Errorf("no row raised a floor")
	}
	if lows == 0 {
		return fmt.Errorf("no lows of a row compared")
	}
	if parted == 0 {
		return fmt.Errorf("no bound from a row's parts compared")
	}
	if ruledOut == 0 && !p.interleaved { // (lowSums takes no ceil)
		return fmt.Errorf("no bead of a row ruled out by a ceil")
	}
	if testSeen[0] == 0 || testSeen[1] == 0 {
		return fmt.Errorf("the DP's test passed %d beads and failed %d", testSeen[1], testSeen[0])
	}
	if refinedSeen[0] == 0 || refinedSeen[1] == 0 {
		return fmt.Errorf("refined passed %d beads and failed %d", refinedSeen[1], refinedSeen[0])
	}
	return nil
}

// sameUntilInFull compares boundUntil's value u with what it is when
// it looks every bead's blocks up as if the document had furniture,
// enumerators and interleaved runs, which it leaves out when the
// document has none (paragraphAligner.anyFurn): the same bits.
func sameUntilInFull(p *paragraphAligner, i, j int, t BeadType, floor, need, u float64) error {
	furn, enums, inter := p.anyFurn, p.anyEnums, p.interleaved
	p.anyFurn, p.anyEnums, p.interleaved = true, true, true
	full := p.boundUntil(i, j, t, floor, need)
	p.anyFurn, p.anyEnums, p.interleaved = furn, enums, inter
	if math.Float64bits(full) != math.Float64bits(u) {
		return fmt.Errorf("bead (%d,%d) %v: boundUntil %v, in full %v", i, j, t, u, full)
	}
	return nil
}

// sameRefined compares the DP's refined test of a paired bead with
// refineSim and refine asked in turn (passes), for costs of reaching its
// cell around their values, ties of either order and of an extra bead
// (which must be strictly cheaper), and the bead reached
// at 0 and further on; seen counts its outcomes (false, true).
func sameRefined(p *paragraphAligner, i, j int, t BeadType, seen *[2]int) error {
	sim, full := p.refineSim(i, j, t)+t.Prior, p.refine(i, j, t)+t.Prior
	for _, prev := range []float64{0, 1.5} {
		for _, best := range []float64{sim, full, (sim + full) / 2, sim - 1, full + 1, math.Inf(1)} {
			best += prev
			for _, order := range [][2]int8{{0, 1}, {1, 0}, {extraBead, extraBead}} {
				ti, bt := order[0], order[1]
				want := passes([]CostFunc{p.refineSim, p.refine}, prev, i, j, &t, best, bt, ti)
				got := p.refined(i, j, &t, prev, best, bt, ti)
				if got != want {
					return fmt.Errorf("bead (%d,%d) %v, prev %v, best %v, types %d %d: refined %v, passes %v", i, j, t, prev, best, ti, bt, got, want)
				}
				if got {
					seen[1]++
				} else {
					seen[0]++
				}
			}
		}
	}
	return nil
}

// sameTest compares the DP's test of a paired bead (tester) with its
// bound and then its refined bounds asked in turn (stagedTest of
// pairedUntil and refined, which the DP asked before), for the bead's
// part as lowRow gives it and none (NaN), costs of reaching its cell
// around the bounds' values (the sum of the bound's length part and
// floor too, where the bound stops early and may pass on a tie), ties of
// either order and of an extra bead, with and without the refined
// bounds; seen counts its outcomes (false, true).
func sameTest(p *paragraphAligner, i, j, ti int, floor float64, seen *[2]int) error {
	t := p.types[ti]
	out, parts := make([]float64, 1), make([]float64, 1)
	p.lowRow(i, ti, floor, j+t.En, j+t.En, nil, 0, out, parts, nil)
	if math.IsInf(out[0], 1) {
		return nil // (furniture: the DP's first test fails the bead)
	}
	var refined refineTest
	if p.lx != nil {
		refined = p.refined
	}
	want, got := stagedTest(p.pairedUntil, refined), p.tester()
	b := p.pairedUntil(i, j, t, math.NaN(), floor, math.Inf(1))
	sim, full := p.refineSim(i, j, t), p.refine(i, j, t)
	for _, part := range []float64{math.NaN(), parts[0]} {
		for _, prev := range []float64{0, 1.5} {
			for _, v := range []float64{b, sim, full, (b + full) / 2, parts[0] + floor, b - 1, full + 1, math.Inf(1)} {
				best := prev + v + t.Prior
				for _, order := range [][2]int8{{0, 1}, {1, 0}, {extraBead, extraBead}} {
					ti, bt := order[0], order[1]
					for _, refine := range []bool{false, true} {
						w := want(i, j, &t, part, floor, prev, best, bt, ti, refine)
						g := got(i, j, &t, part, floor, prev, best, bt, ti, refine)
						if g != w {
							return fmt.Errorf("bead (%d,%d) %v, part %v, floor %v, prev %v, best %v, types %d %d, refine %v: test %v, bound then refined %v", i, j, t, part, floor, prev, best, ti, bt, refine, g, w)
						}
						if g {
							seen[1]++
						} else {
							seen[0]++
						}
					}
				}
			}
		}
	}
	return nil
}

// sameLexLow compares lexLow of a bead as the last bound left it with
// lexLow computed afresh.
func sameLexLow(p *paragraphAligner, i, j int, t BeadType) error {
	r := p.lexLow(i, j, t)
	c, lex, sim := r.c, r.lex, r.sim
	p.lastLex = lastLex{}
	w := p.lexLow(i, j, t)
	if math.Float64bits(c) != math.Float64bits(w.c) || lex != w.lex || lex && math.Float64bits(sim) != math.Float64bits(w.sim) {
		return fmt.Errorf("bead (%d,%d) %v: lexLow after bound %v %v %v, afresh %v %v %v", i, j, t, c, lex, sim, w.c, w.lex, w.sim)
	}
	return nil
}

// TestParagraphBoundsTwoFiles: the bounds hold on two-file documents with
// splits, numbers and an omission (the interleaved shapes, with layout,
// are checked in paragraph_split_test.go).
func TestParagraphBoundsTwoFiles(t *testing.T) {
	require.NoError(t, lexicon.Load())
	// (a document with no furniture, enumerators or interleaving, whose
	// bounds leave them out: sameUntilInFull)
	p := newParagraphAligner(splitBenchDoc(24), lexicon.Default())
	require.False(t, p.anyFurn || p.anyEnums || p.interleaved)
	require.NoError(t, checkParagraphBounds(splitBenchDoc(24), lexicon.Default()))
	require.NoError(t, checkParagraphBounds(numberedDoc(30, [2]int{6, 9}), lexicon.Default()))
}

// TestParagraphBoundsFurniture: the bounds hold, and the lows of a row
// are the bound's, with page furniture on both sides (a paired bead
// that holds a block of it costs +Inf).
func TestParagraphBoundsFurniture(t *testing.T) {
	require.NoError(t, lexicon.Load())
	doc := numberedDoc(30, [2]int{6, 9})
	for _, b := range []*Block{doc.Zh[3], doc.Zh[17], doc.En[8], doc.En[9], doc.En[22]} {
		b.Kind = KindFurniture
	}
	p := newParagraphAligner(doc, lexicon.Default())
	require.True(t, p.anyFurn)
	require.NoError(t, checkParagraphBounds(doc, lexicon.Default()))
}

// TestLexLowAfterChanges: the refined bounds' parts kept for the last bead
// (lastLex) are forgotten when the model or the layout flag changes
// (setModel, setIgnoreLayout): lexLow of the same bead is then what it
// is afresh, not the kept one, which the change made different.
func TestLexLowAfterChanges(t *testing.T) {
	require.NoError(t, lexicon.Load())
	p := newParagraphAligner(numberedDoc(30, [2]int{6, 9}), lexicon.Default())
	one := BeadType{Zh: 1, En: 2, Prior: p.types[0].Prior}
	changes := []func(){
		func() {
			p.setModel(LengthModel{Ratio: p.model.Ratio * 1.5, S2: p.model.S2 / 3}, p.priors, p.background)
		},
		func() { p.setIgnoreLayout(true) },
		func() { p.setIgnoreLayout(false) },
	}
	changed := 0
	for _, change := range changes {
		for i := 0; i+1 <= len(p.zh); i++ {
			for j := 0; j+2 <= len(p.en); j++ {
				before := p.lexLow(i, j, one).c
				change()
				got := p.lexLow(i, j, one).c
				p.lastLex = lastLex{}
				want := p.lexLow(i, j, one).c
				require.Equal(t, math.Float64bits(want), math.Float64bits(got), "bead (%d,%d) after change", i, j)
				if math.Float64bits(before) != math.Float64bits(want) {
					changed++
				}
			}
		}
	}
	require.Positive(t, changed, "beads whose parts a change changed")
}

// TestMatchNumbersCounts: matchNumbers counts the numbers of a bead's sides
// from the prefix sums (anchorSums), not by a loop over its blocks; its
// matches must be those of the loop's count (oldMatchNumbers), for every
// bead of every type near the diagonal, with and without a limit.
func TestMatchNumbersCounts(t *testing.T) {
	p := newParagraphAligner(numberedDoc(30, [2]int{6, 9}), nil)
	seen := 0
	for i := range p.zh {
		for j := max(0, i-6); j < min(len(p.en), i+6); j++ {
			for _, ty := range p.types {
				if i+ty.Zh > len(p.zh) || j+ty.En > len(p.en) {
					continue
				}
				for _, limit := range []int{-1, 1, maxNumberBonus} {
					var got, want [][2]numerals.Number
					g := p.matchNumbers(i, j, ty, limit, func(zn, en numerals.Number) { got = append(got, [2]numerals.Number{zn, en}) })
					w := oldMatchNumbers(p, i, j, ty, limit, func(zn, en numerals.Number) { want = append(want, [2]numerals.Number{zn, en}) })
					require.Equal(t, w, g, "bead (%d,%d) %v, limit %d", i, j, ty, limit)
					require.Equal(t, want, got, "bead (%d,%d) %v, limit %d", i, j, ty, limit)
					if g > 0 {
						seen++
					}
				}
			}
		}
	}
	require.Greater(t, seen, 100, "beads with matched numbers")
}

// oldMatchNumbers is matchNumbers as it counted the sides' numbers before,
// block by block.
func oldMatchNumbers(p *paragraphAligner, i, j int, t BeadType, limit int, found func(zn, en numerals.Number)) int {
	nz, ne := 0, 0
	for a := i; a < i+t.Zh; a++ {
		nz += len(p.zh[a].nums)
	}
	for b := j; b < j+t.En; b++ {
		ne += len(p.en[b].nums)
	}
	if nz == 0 || ne == 0 {
		return 0
	}
	used := make([]bool, ne)
	matched := 0
	for a := i; a < i+t.Zh; a++ {
		for _, zn := range p.zh[a].nums {
			k := 0
		search:
			for b := j; b < j+t.En; b++ {
				for _, en := range p.en[b].nums {
					if !used[k] && numerals.Equal(zn, en) {
						used[k] = true
						matched++
						found(zn, en)
						if matched == limit {
							return matched
						}
						break search
					}
					k++
				}
			}
		}
	}
	return matched
}
