package words

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCellWeights: the weights laid out by stepping along each row equal
// fast_align's exp(−λ·|i/m − j/n|), punctuation cells only where both are
// punctuation, in beads inside and past MaxCells; worked out seg by seg
// (before pruning, by segCells and by weigh's sweep), they and the
// cells' words are those stored, and the weights those of the band's
// (segWeights, which weigh sums), bit for bit.
func TestCellWeights(t *testing.T) {
	for _, tc := range []struct {
		name       string
		m, n       int
		maxCells   int
		iterations int
	}{
		{"square", 7, 7, 0, 0},
		{"wide", 5, 23, 0, 0},
		{"tall", 31, 4, 0, 0},
		{"banded", 40, 60, 600, 0},
		{"stored: no pruning", 7, 7, 0, 2},
		{"stored, banded", 40, 60, 600, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			zp, ep := make([]bool, tc.m), make([]bool, tc.n)
			for i := range zp {
				zp[i] = i%5 == 4
			}
			for j := range ep {
				ep[j] = j%4 == 3
			}
			checkCellWeights(t, tc.maxCells, tc.iterations, zp, ep)
		})
	}
}

// TestCellWeightsRandom: as TestCellWeights, on beads of random shapes,
// bands and punctuation, so that the diagonal falls at every place in a
// row's band (before it, at its first column, within, past its end).
func TestCellWeightsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 5))
	for k := range 300 {
		m, n := 1+rng.IntN(60), 1+rng.IntN(60)
		maxCells := 0
		if rng.IntN(2) == 0 {
			maxCells = 1 + rng.IntN(m*n)
		}
		iterations := 0
		if k%4 == 0 {
			iterations = 2
		}
		zp, ep := make([]bool, m), make([]bool, n)
		share := rng.Float64() // of punctuation
		for i := range zp {
			zp[i] = rng.Float64() < share
		}
		for j := range ep {
			ep[j] = rng.Float64() < share
		}
		t.Run(fmt.Sprintf("%d:%dx%d,%d", k, m, n, maxCells), func(t *testing.T) {
			checkCellWeights(t, maxCells, iterations, zp, ep)
		})
	}
}

// checkCellWeights builds a model of one bead whose words' punctuation is
// zp and ep, each word a type of its own, and checks its cells' words and
// weights and its null word's weights.
func checkCellWeights(t *testing.T, maxCells, iterations int, zp, ep []bool) {
	m, n := len(zp), len(ep)
	md := &model{opt: Options{MaxCells: maxCells, Lambda: 1.7, Iterations: iterations}.withDefaults()}
	zh, en := make([]int32, m), make([]int32, n)
	for i := range zh {
		zh[i] = int32(i)
	}
	for j := range en {
		en[j] = int32(j)
	}
	md.nZh, md.nEn = m, n
	md.build([][]int32{zh}, [][]int32{en}, [][]bool{zp}, [][]bool{ep}, func(int32, func(int32)) {})
	s := &md.segs[0]
	c := 0
	width := md.width(m, n)
	stored, storedJ := s.w, s.j
	assert.Equal(t, md.prunes(), stored == nil)
	assert.Equal(t, md.prunes(), storedJ == nil)
	assert.Equal(t, md.weighed, stored != nil)
	assert.Equal(t, md.prunes(), s.zNull == nil, "weighed in build only when stored")
	md.weighed = false
	cols, weights := md.segCells(s, nil, nil)
	if stored != nil {
		require.Equal(t, storedJ, cols)
		require.Equal(t, stored, weights)
	} else {
		// the first E-step's sweep, which weighs the seg
		weighJ, weighW := md.weigh(s, nil, nil)
		require.Equal(t, cols, weighJ)
		require.Equal(t, weights, weighW)
	}
	// the weights the null word's are weighed against (weigh),
	// as stored
	segW := md.segWeights(s, nil)
	start := 0
	colZ, rowZ := make([]float64, n), make([]float64, m)
	for i, end := range s.rowEnd {
		for c := start; c < int(end); c++ {
			w := segW[i*width+int(cols[c])]
			require.Equal(t, float32(w), weights[c], "cell %d", c)
			colZ[s.lo(i)+int(cols[c])] += w
			rowZ[i] += w
		}
		start = int(end)
	}
	odds := md.opt.Null / (1 - md.opt.Null)
	for j := range colZ {
		require.Equal(t, colZ[j]*odds, s.zNull[j], "column %d", j)
	}
	for i := range rowZ {
		require.Equal(t, rowZ[i]*odds, s.eNull[i], "row %d", i)
	}
	for i := range m {
		lo := s.lo(i)
		for j := lo; j < lo+width; j++ {
			if zp[i] != ep[j] {
				continue
			}
			require.Less(t, c, len(weights))
			assert.Equal(t, j, lo+int(cols[c]))
			want := math.Exp(-1.7 * math.Abs(float64(i+1)/float64(m)-float64(j+1)/float64(n)))
			assert.InDelta(t, want, float64(weights[c]), 1e-6, "cell %d,%d", i, j)
			p := md.cellPair(s, md.zFirst[zh[i]], c)
			assert.Equal(t, md.pairZh(p), zh[i])
			assert.Equal(t, md.pairEn[p], en[j])
			c++
		}
		assert.Equal(t, c, int(s.rowEnd[i]))
	}
	assert.Len(t, weights, c)
	if maxCells > 0 {
		// a row keeps at least one column
		assert.LessOrEqual(t, c, max(maxCells, m))
	}
}

// segWeights returns the distortion weights of every column of the band
// of every row of seg s, whether a cell or not: row i's weight of column
// j at i·width + j − lo, in buf grown as needed. (How the model worked
// them out before segCells and weigh stepped along the cells alone: the
// reference they must equal bit for bit.)
func (md *model) segWeights(s *seg, buf []float64) []float64 {
	m, n := len(s.zh), len(s.en)
	width := md.width(m, n)
	buf = grow(buf, m*width)
	lam := md.opt.Lambda
	step := math.Exp(-lam / float64(n))
	back := 1 / step
	for i := range m {
		lo := s.lo(i)
		// exp(−λ|(i+1)/m − (j+1)/n|) along the row is geometric either
		// side of the diagonal: two exponentials a row, not one a cell.
		// The columns before cross lie at or left of the diagonal,
		// (j+1)/n ≤ (i+1)/m.
		x := float64(i+1) / float64(m)
		cross := (i + 1) * n / m
		w := math.Exp(-lam * math.Abs(x-float64(lo+1)/float64(n)))
		row := buf[i*width : (i+1)*width]
		for j := lo; j < lo+width; j++ {
			if j == cross && j > lo {
				w = math.Exp(-lam * (float64(j+1)/float64(n) - x))
			}
			row[j-lo] = w
			if j < cross {
				w *= back
			} else {
				w *= step
			}
		}
	}
	return buf
}

// pairZh is the Chinese type of type pair p.
func (md *model) pairZh(p int32) int32 {
	z, _ := slices.BinarySearch(md.zFirst, p+1)
	return int32(z - 1)
}

// TestPairsGrouped: type pairs are numbered Chinese type by Chinese type,
// each once.
func TestPairsGrouped(t *testing.T) {
	md := &model{opt: Options{}.withDefaults(), nZh: 3, nEn: 3}
	md.build([][]int32{{2, 0, 2}, {1, 0}}, [][]int32{{0, 1}, {2, 1}},
		[][]bool{{false, false, false}, {false, false}}, [][]bool{{false, false}, {false, false}},
		func(z int32, mark func(int32)) { mark(z) })
	assert.Equal(t, []int32{0, 3, 5, 7}, md.zFirst)
	for p, z := range []int32{0, 0, 0, 1, 1, 2, 2} {
		assert.Equal(t, z, md.pairZh(int32(p)))
	}
	assert.Equal(t, []int32{0, 1, 2, 2, 1, 0, 1}, md.pairEn)
	assert.Equal(t, []bool{true, false, false, false, true, false, false}, md.prior)
}

// TestWideRow: a row wider than 16 bits can count is cut to a band, even
// when MaxCells would allow it whole.
func TestWideRow(t *testing.T) {
	md := &model{opt: Options{MaxCells: 1 << 20}.withDefaults()}
	assert.Equal(t, maxWidth, md.width(1, 100000))
	assert.Equal(t, 5000, md.width(200, 5000))
	assert.Equal(t, 1<<20/300, md.width(300, 5000))
}

// countRowRef is how eStep added a row's agreed counts and pruned its
// cells before countRow and pruneRow: a branch on each cell. The
// reference they must equal bit for bit.
func countRowRef(tz []params, pairs []uint16, js []uint16, ws []float32, inv float64, col, link []float64, allPairs []uint16, keptJs []uint16, keptWs []float32, out int, prune bool) (float64, int) {
	row := 0.0
	for k, p := range pairs[:len(js)] {
		j := js[k]
		t := &tz[p]
		w := float64(ws[k])
		r := w * float64(t.agree) * inv * col[j]
		t.count += float32(r)
		link[j] += r
		row += r
		if prune && (w*float64(t.ez)*col[j]*col[j] >= pruneBelow || w*float64(t.ze)*inv*inv >= pruneBelow) {
			allPairs[out], keptJs[out], keptWs[out] = p, j, ws[k]
			out++
		}
	}
	return row, out
}

// TestCountRows: countRow and pruneRow, and their narrow forms
// (countRowNarrow, pruneRowNarrow), on random rows of a seg whose
// kept cells move down over the cells read (as in eStep), give the
// counts, sums and cells kept of countRowRef, bit for bit.
func TestCountRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 6))
	for k := range 500 {
		prune := k%2 == 0
		nPairs, n := 1+rng.IntN(50), 1+rng.IntN(80)
		cells := rng.IntN(n + 1)
		start := rng.IntN(20) // cells of the rows before
		tz := make([]params, nPairs)
		for p := range tz {
			// Some pairs far more likely than others, so that both
			// posteriors fall on either side of pruneBelow.
			ez, ze := math.Pow(rng.Float64(), 4), math.Pow(rng.Float64(), 4)
			tz[p].set(ez, ze)
			tz[p].count = float32(rng.Float64())
		}
		pairs := make([]uint16, start+cells)
		js := make([]uint16, start+cells)
		ws := make([]float32, start+cells)
		cols := rng.Perm(n)[:cells]
		slices.Sort(cols)
		for c := range pairs {
			pairs[c] = uint16(rng.IntN(nPairs))
			ws[c] = float32(rng.Float64())
			if c >= start {
				js[c] = uint16(cols[c-start])
			}
		}
		col := make([]float64, n)
		for j := range col {
			col[j] = 1 / math.Sqrt(0.05+4*rng.Float64())
		}
		inv := 1 / math.Sqrt(0.05+4*rng.Float64())
		out := rng.IntN(start + 1) // where the rows before left off

		tzRef := slices.Clone(tz)
		pairsRef, jsRef, wsRef := slices.Clone(pairs), slices.Clone(js), slices.Clone(ws)
		linkRef := make([]float64, n)
		rowRef, outRef := countRowRef(tzRef, pairsRef[start:], jsRef[start:], wsRef[start:], inv, col, linkRef, pairsRef, jsRef, wsRef, out, prune)

		// The row's type's pairs and its band's columns, as eStep hands
		// them over: inside the parameters of all types (from tlo) and
		// the columns of the whole bead (from lo), with maxWidth more;
		// for countRowNarrow and pruneRowNarrow, maxWidth pairs from tlo
		// (newParams).
		tlo, lo := rng.IntN(5), rng.IntN(5)
		for _, narrow := range []bool{false, true} {
			pad := rng.IntN(5)
			if narrow {
				pad = maxWidth - nPairs + rng.IntN(5)
			}
			tt := append(append(make([]params, tlo), tz...), make([]params, pad)...)
			colAll := append(append(make([]float64, lo), col...), make([]float64, maxWidth+rng.IntN(5))...)
			linkAll := make([]float64, len(colAll))
			pairs, js, ws := slices.Clone(pairs), slices.Clone(js), slices.Clone(ws)
			a := &rowArgs[uint16]{tt: tt, pairs: pairs, js: js, ws: ws, col: colAll, link: linkAll}
			var row float64
			got := out
			switch {
			case narrow && prune:
				row, got = pruneRowNarrow(a, start, start+cells, tlo, out, (*[maxWidth]float64)(colAll[lo:]), (*[maxWidth]float64)(linkAll[lo:]), inv, pruneBelow)
			case prune:
				row, got = pruneRow(a, start, start+cells, lo, tlo, tlo+nPairs, out, inv)
			case narrow:
				row = countRowNarrow(a, start, start+cells, tlo, (*[maxWidth]float64)(colAll[lo:]), (*[maxWidth]float64)(linkAll[lo:]), inv)
			default:
				row = countRow(a, start, start+cells, lo, tlo, tlo+nPairs, inv)
			}
			tz, link := tt[tlo:tlo+nPairs], linkAll[lo:lo+n]
			require.Equal(t, math.Float64bits(rowRef), math.Float64bits(row), "row %d", k)
			require.Equal(t, outRef, got, "row %d", k)
			require.Equal(t, tzRef, tz, "row %d", k)
			require.Equal(t, make([]params, pad), tt[tlo+nPairs:], "row %d: the pad written", k)
			require.Equal(t, linkRef, link, "row %d", k)
			require.Equal(t, pairsRef[:outRef], pairs[:got], "row %d", k)
			require.Equal(t, jsRef[:outRef], js[:got], "row %d", k)
			require.Equal(t, wsRef[:outRef], ws[:got], "row %d", k)
		}
	}
}

// TestRowStartsShared: beads of one shape share their rows' starting
// weights (rowStarts), and each bead's cells and null word's weights are
// still its own band's (segWeights), bit for bit, whatever its
// punctuation.
func TestRowStartsShared(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 8))
	for k := range 50 {
		// Shapes sharing a side with another, and one twice.
		m, n := 1+rng.IntN(50), 1+rng.IntN(50)
		m2, n2 := m+1+rng.IntN(9), n+1+rng.IntN(9)
		shapes := [][2]int{{m, n}, {m, n2}, {m2, n}, {m, n}}
		maxCells := 0
		if k%2 == 0 {
			maxCells = 1 + rng.IntN(m*n)
		}
		md := &model{opt: Options{MaxCells: maxCells, Lambda: 1.3}.withDefaults()}
		var zh, en [][]int32
		var zp, ep [][]bool
		for _, shape := range shapes {
			m, n := shape[0], shape[1]
			z, e := make([]int32, m), make([]int32, n)
			for i := range z {
				z[i] = int32(i)
			}
			for j := range e {
				e[j] = int32(j)
			}
			pz, pe := make([]bool, m), make([]bool, n)
			for i := range pz {
				pz[i] = rng.IntN(4) == 0
			}
			for j := range pe {
				pe[j] = rng.IntN(4) == 0
			}
			zh, en, zp, ep = append(zh, z), append(en, e), append(zp, pz), append(ep, pe)
		}
		md.nZh, md.nEn = m2, n2
		md.build(zh, en, zp, ep, func(int32, func(int32)) {})
		odds := md.opt.Null / (1 - md.opt.Null)
		for b, shape := range shapes {
			m, n := shape[0], shape[1]
			width := md.width(m, n)
			s := &md.segs[b]
			cols, weights := md.weigh(s, nil, nil)
			segW := md.segWeights(s, nil)
			colZ := make([]float64, n)
			start := 0
			for i, end := range s.rowEnd {
				rowZ := 0.0
				for c := start; c < int(end); c++ {
					w := segW[i*width+int(cols[c])]
					require.Equal(t, float32(w), weights[c], "bead %d cell %d", b, c)
					colZ[s.lo(i)+int(cols[c])] += w
					rowZ += w
				}
				require.Equal(t, rowZ*odds, s.eNull[i])
				start = int(end)
			}
			for j := range colZ {
				require.Equal(t, colZ[j]*odds, s.zNull[j])
			}
		}
		assert.Len(t, md.starts, 3)
	}
}
