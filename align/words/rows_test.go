package words

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// randomModel builds a model on random beads: types drawn from a few so
// that they repeat within and across beads, punctuation on either side,
// beads past MaxCells and beads with a side empty; with the prior
// favouring some pairs. A model of a small window (narrow) unless wide.
func randomModel(rng *rand.Rand, wide bool) *model {
	nZh, nEn := 1+rng.IntN(12), 1+rng.IntN(12)
	maxCells := 0
	if rng.IntN(2) == 0 {
		maxCells = 1 + rng.IntN(200)
	}
	md := &model{opt: Options{MaxCells: maxCells}.withDefaults(), nZh: nZh, nEn: nEn}
	beads := 1 + rng.IntN(8)
	zh, en := make([][]int32, beads), make([][]int32, beads)
	zp, ep := make([][]bool, beads), make([][]bool, beads)
	// Punctuation is a type of its own on each side, as the keys make it.
	punctZh, punctEn := int32(nZh-1), int32(nEn-1)
	for k := range beads {
		m, n := rng.IntN(30), rng.IntN(30)
		zh[k], zp[k] = make([]int32, m), make([]bool, m)
		en[k], ep[k] = make([]int32, n), make([]bool, n)
		for i := range m {
			zh[k][i] = int32(rng.IntN(nZh))
			zp[k][i] = zh[k][i] == punctZh && nZh > 1
		}
		for j := range n {
			en[k][j] = int32(rng.IntN(nEn))
			ep[k][j] = en[k][j] == punctEn && nEn > 1
		}
	}
	favoured := func(z int32, mark func(int32)) {
		for e := range int32(nEn) {
			if (int(z)*7+int(e)*3)%5 == 0 {
				mark(e)
			}
		}
	}
	if wide {
		defer func(n int) { narrowTypes = n }(narrowTypes)
		narrowTypes = 0
	}
	md.build(zh, en, zp, ep, favoured)
	return md
}

// TestNumberRows: build numbers the type pairs as they were numbered in
// one loop (numberRowRef's order: Chinese type by Chinese type, its rows
// in bead order, their cells in order), each cell holding its pair, and
// the prior's pairs marked; the tables made to the size countPairs
// counts.
func TestNumberRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 9))
	for k := range 300 {
		md := randomModel(rng, k%3 == 0)
		require.Equal(t, k%3 != 0, md.narrow)
		// the reference numbering
		type pair struct{ z, e int32 }
		number := map[pair]int32{}
		var pairEn []int32
		var prior []bool
		zFirst := make([]int32, md.nZh+1)
		for z := range int32(md.nZh) {
			zFirst[z] = int32(len(pairEn))
			for _, s := range md.segs {
				if s.rowEnd == nil {
					continue
				}
				width := md.width(len(s.zh), len(s.en))
				for i, zi := range s.zh {
					if zi != z {
						continue
					}
					for j := s.lo(i); j < s.lo(i)+width; j++ {
						if s.enPunct[j] != s.zhPunct[i] {
							continue
						}
						e := s.en[j]
						if _, ok := number[pair{z, e}]; !ok {
							number[pair{z, e}] = int32(len(pairEn))
							pairEn = append(pairEn, e)
							prior = append(prior, (int(z)*7+int(e)*3)%5 == 0)
						}
					}
				}
			}
		}
		zFirst[md.nZh] = int32(len(pairEn))
		require.Equal(t, zFirst, md.zFirst, "model %d", k)
		require.Equal(t, pairEn, md.pairEn, "model %d", k)
		require.Equal(t, prior, md.prior, "model %d", k)
		// countPairs counted them: the tables were made to size
		require.Equal(t, len(pairEn), cap(md.pairEn), "model %d", k)
		require.Equal(t, len(pairEn), cap(md.prior), "model %d", k)
		for b, s := range md.segs {
			c := 0
			width := md.width(len(s.zh), len(s.en))
			for i := range s.rowEnd {
				for j := s.lo(i); j < s.lo(i)+width; j++ {
					if s.enPunct[j] != s.zhPunct[i] {
						continue
					}
					want := number[pair{s.zh[i], s.en[j]}]
					require.Equal(t, want, md.cellPair(&md.segs[b], md.zFirst[s.zh[i]], c), "model %d bead %d cell %d", k, b, c)
					c++
				}
				require.Equal(t, c, int(s.rowEnd[i]))
			}
		}
	}
}

// viterbiRef is how viterbi read the links off each row's cells before
// viterbiRow, in one loop over the seg's cells: the reference it must
// equal.
func (md *model) viterbiRef(k int, ez, ze []int32) {
	s := &md.segs[k]
	m, n := len(s.zh), len(s.en)
	bestE, sumE := make([]float64, n), make([]float64, n)
	for j := range ez {
		ez[j] = -1
	}
	for i := range ze {
		ze[i] = -1
	}
	if m == 0 || n == 0 {
		return
	}
	for j, e := range s.en {
		bestE[j] = s.zNull[j] * md.tNullE[e]
		sumE[j] = bestE[j]
	}
	c := 0
	for i, end := range s.rowEnd {
		best := s.eNull[i] * md.tNullZ[s.zh[i]]
		sum := best
		lo := s.lo(i)
		base := md.zFirst[s.zh[i]]
		for ; c < int(end); c++ {
			j := lo + int(s.j[c])
			w := float64(s.w[c])
			t := &md.t[md.cellPair(s, base, c)]
			a, b := w*float64(t.ez), w*float64(t.ze)
			sumE[j] += a
			sum += b
			if a > bestE[j] {
				bestE[j], ez[j] = a, int32(i)
			}
			if b > best {
				best, ze[i] = b, int32(j)
			}
		}
		if ze[i] >= 0 && best < md.opt.MinPosterior*sum {
			ze[i] = -1
		}
	}
	for j := range ez {
		if ez[j] >= 0 && bestE[j] < md.opt.MinPosterior*sumE[j] {
			ez[j] = -1
		}
	}
}

// TestViterbiRows: viterbi gives viterbiRef's links, on trained random
// models and on the same with their probabilities and weights rounded to
// a few values, so that ties (which go to the lower position) and words
// whose best link is the null word's are common.
func TestViterbiRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 10))
	for k := range 300 {
		md := randomModel(rng, k%3 == 0)
		md.train()
		if k%2 == 1 {
			levels := []float32{0.125, 0.25, 0.5}
			for p := range md.t {
				md.t[p].ez, md.t[p].ze = levels[rng.IntN(3)], levels[rng.IntN(3)]
			}
			for b := range md.segs {
				for c := range md.segs[b].w {
					md.segs[b].w[c] = levels[rng.IntN(3)]
				}
			}
			for e := range md.tNullE {
				md.tNullE[e] = float64(levels[rng.IntN(3)]) / 8
			}
			for z := range md.tNullZ {
				md.tNullZ[z] = float64(levels[rng.IntN(3)]) / 8
			}
		}
		for b, s := range md.segs {
			ez, ze := make([]int32, len(s.en)), make([]int32, len(s.zh))
			ezRef, zeRef := make([]int32, len(s.en)), make([]int32, len(s.zh))
			md.viterbi(b, ez, ze)
			md.viterbiRef(b, ezRef, zeRef)
			require.Equal(t, ezRef, ez, "model %d bead %d", k, b)
			require.Equal(t, zeRef, ze, "model %d bead %d", k, b)
		}
	}
}
