package words

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCellWeights: the weights laid out by stepping along each row equal
// fast_align's exp(−λ·|i/m − j/n|), punctuation cells only where both are
// punctuation, in beads inside and past MaxCells; worked out seg by seg
// (before pruning), they and the cells' words are those stored, and the
// weights those of the band's (segWeights, which weigh sums), bit for
// bit.
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
			md := &model{opt: Options{MaxCells: tc.maxCells, Lambda: 1.7, Iterations: tc.iterations}.withDefaults()}
			zh, en := make([]int32, tc.m), make([]int32, tc.n)
			zp, ep := make([]bool, tc.m), make([]bool, tc.n)
			for i := range zh {
				zh[i] = int32(i)
				zp[i] = i%5 == 4
			}
			for j := range en {
				en[j] = int32(j)
				ep[j] = j%4 == 3
			}
			md.nZh, md.nEn = tc.m, tc.n
			md.build([][]int32{zh}, [][]int32{en}, [][]bool{zp}, [][]bool{ep}, func(int32, func(int32)) {})
			s := &md.segs[0]
			c := 0
			width := md.width(tc.m, tc.n)
			stored, storedJ := s.w, s.j
			assert.Equal(t, md.prunes(), stored == nil)
			assert.Equal(t, md.prunes(), storedJ == nil)
			assert.Equal(t, md.weighed, stored != nil)
			md.weighed = false
			cols, weights := md.segCells(s, nil, nil)
			if stored != nil {
				require.Equal(t, storedJ, cols)
				require.Equal(t, stored, weights)
			}
			// the weights the null word's are weighed against (weigh),
			// as stored
			segW := md.segWeights(s, nil)
			start := 0
			colZ, rowZ := make([]float64, tc.n), make([]float64, tc.m)
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
			for i := range tc.m {
				lo := s.lo(i)
				for j := lo; j < lo+width; j++ {
					if zp[i] != ep[j] {
						continue
					}
					require.Less(t, c, len(weights))
					assert.Equal(t, j, lo+int(cols[c]))
					want := math.Exp(-1.7 * math.Abs(float64(i+1)/float64(tc.m)-float64(j+1)/float64(tc.n)))
					assert.InDelta(t, want, float64(weights[c]), 1e-6, "cell %d,%d", i, j)
					p := md.cellPair(s, md.zFirst[zh[i]], c)
					assert.Equal(t, md.pairZh(p), zh[i])
					assert.Equal(t, md.pairEn[p], en[j])
					c++
				}
				assert.Equal(t, c, int(s.rowEnd[i]))
			}
			assert.Len(t, weights, c)
			if tc.maxCells > 0 {
				assert.LessOrEqual(t, c, tc.maxCells)
			}
		})
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
