package words

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// trainRef, eStepDistortionRef and eStepRef are how the model was trained
// before the M-step read its tables from locals and set the pairs no
// cell holds any more, and the null word's counts took a branch instead
// of max; eStepRef reads each row's cells in a loop of its own, with a
// branch on each cell when it prunes, as eStep did before its rows'
// functions: the reference train must equal, bit for bit, on the pairs
// that cells hold.
func (md *model) trainRef() {
	// per type: how many of its pairs the prior favours
	priorZh := make([]float64, md.nZh)
	priorEn := make([]float64, md.nEn)
	for z := range md.nZh {
		for p := md.zFirst[z]; p < md.zFirst[z+1]; p++ {
			if md.prior[p] {
				priorZh[z]++
				priorEn[md.pairEn[p]]++
			}
		}
	}
	alpha := md.opt.Prior
	md.t = make([]params, len(md.pairEn))
	md.tNullE = make([]float64, md.nEn)
	md.tNullZ = make([]float64, md.nZh)
	cNullE := make([]float64, md.nEn)
	cNullZ := make([]float64, md.nZh)
	totZ := make([]float64, md.nZh)
	totE := make([]float64, md.nEn)
	var alive []bool // after pruning: whether a pair still has cells
	for it := range md.opt.Iterations {
		for p := range md.t {
			md.t[p].count = 0
		}
		clear(cNullE)
		clear(cNullZ)
		switch {
		case it == 0:
			md.eStepDistortionRef(cNullE, cNullZ)
		case it == 1 && md.prunes():
			md.eStepRef(cNullE, cNullZ, true)
			alive = make([]bool, len(md.t))
			for k := range md.segs {
				s := &md.segs[k]
				start := 0
				for i, end := range s.rowEnd {
					if md.narrow {
						base := md.zFirst[s.zh[i]]
						for _, p := range s.pairOff[start:end] {
							alive[base+int32(p)] = true
						}
					} else {
						for _, p := range s.pair[start:end] {
							alive[p] = true
						}
					}
					start = int(end)
				}
			}
		default:
			md.eStepRef(cNullE, cNullZ, false)
		}
		// M-step: the counts plus the prior's pseudo-counts, normalised
		// per Chinese type for t(e|f) and per English type for t(f|e).
		// (The sum over a Chinese type's pairs is kept in a register: its
		// pairs are adjacent, and adding to totZ[z] in memory pair after
		// pair made each addition wait for the one before.) The pairs no
		// cell holds any more are never read again, and skipped.
		clear(totE)
		for z := range totZ {
			sum := 0.0
			for p := md.zFirst[z]; p < md.zFirst[z+1]; p++ {
				x := float64(md.t[p].count)
				sum += x
				totE[md.pairEn[p]] += x
			}
			totZ[z] = 1 / (sum + alpha*priorZh[z])
		}
		for e := range totE {
			totE[e] = 1 / (totE[e] + alpha*priorEn[e])
		}
		for z, inv := range totZ {
			for p := md.zFirst[z]; p < md.zFirst[z+1]; p++ {
				if alive != nil && !alive[p] {
					continue
				}
				x := float64(md.t[p].count)
				if md.prior[p] {
					x += alpha
				}
				md.t[p].set(x*inv, x*totE[md.pairEn[p]])
			}
		}
		normalise(md.tNullE, cNullE)
		normalise(md.tNullZ, cNullZ)
	}
}

func (md *model) eStepDistortionRef(cNullE, cNullZ []float64) {
	odds := md.opt.Null / (1 - md.opt.Null)
	var invCol, linkE []float64
	var cols []uint16
	var weights []float32
	for k := range md.segs {
		s := &md.segs[k]
		if s.rowEnd == nil {
			continue
		}
		n := len(s.en)
		if md.weighed {
			cols, weights = s.j, s.w
		} else {
			cols, weights = md.weigh(s, cols, weights)
		}
		invCol, linkE = grow(invCol, n), grow(linkE, n)
		clear(linkE)
		for j := range invCol {
			invCol[j] = math.Sqrt(odds / s.zNull[j]) // zNull is Z·odds
		}
		start := 0
		for i, end := range s.rowEnd {
			lo, z := s.lo(i), s.zh[i]
			base := md.zFirst[z]
			inv := math.Sqrt(odds / s.eNull[i])
			row := 0.0
			for c := start; c < int(end); c++ {
				j := lo + int(cols[c])
				r := float64(weights[c]) * inv * invCol[j]
				md.t[md.cellPair(s, base, c)].count += float32(r)
				linkE[j] += r
				row += r
			}
			cNullZ[z] += max(0, 1-row)
			start = int(end)
		}
		for j, e := range s.en {
			cNullE[e] += max(0, 1-linkE[j])
		}
	}
}

func (md *model) eStepRef(cNullE, cNullZ []float64, prune bool) {
	var colSum, rowSum, linkE []float64
	var cols []uint16
	var weights []float32
	tt := md.t
	for k := range md.segs {
		s := &md.segs[k]
		if s.rowEnd == nil {
			continue
		}
		m, n := len(s.zh), len(s.en)
		cols, weights = md.segCells(s, cols, weights)
		colSum, rowSum, linkE = grow(colSum, n), grow(rowSum, m), grow(linkE, n)
		clear(linkE)
		for j, e := range s.en {
			colSum[j] = s.zNull[j] * md.tNullE[e]
		}
		// The normalisers: the sum over a word's possible links (the
		// null word's included) of distortion weight × translation.
		start := 0
		for i, end := range s.rowEnd {
			lo, z := s.lo(i), s.zh[i]
			base := md.zFirst[z]
			row := s.eNull[i] * md.tNullZ[z]
			for c := start; c < int(end); c++ {
				w := float64(weights[c])
				t := &tt[md.cellPair(s, base, c)]
				colSum[lo+int(cols[c])] += w * float64(t.ez)
				row += w * float64(t.ze)
			}
			rowSum[i] = row
			start = int(end)
		}
		// The agreed count of a link, the geometric mean of its two
		// posteriors: w·√(t(e|f)·t(f|e)) / √(colSum·rowSum).
		for j := range colSum {
			colSum[j] = 1 / math.Sqrt(colSum[j])
		}
		start = 0
		out := 0 // where the next kept cell goes when pruning
		for i, end := range s.rowEnd {
			lo, z := s.lo(i), s.zh[i]
			base := md.zFirst[z]
			inv := 1 / math.Sqrt(rowSum[i])
			row := 0.0
			for c := start; c < int(end); c++ {
				j := lo + int(cols[c])
				t := &tt[md.cellPair(s, base, c)]
				w := float64(weights[c])
				r := w * float64(t.agree) * inv * colSum[j]
				t.count += float32(r)
				linkE[j] += r
				row += r
				if prune && (w*float64(t.ez)*colSum[j]*colSum[j] >= pruneBelow || w*float64(t.ze)*inv*inv >= pruneBelow) {
					if md.narrow {
						s.pairOff[out] = s.pairOff[c]
					} else {
						s.pair[out] = s.pair[c]
					}
					cols[out], weights[out] = cols[c], weights[c]
					out++
				}
			}
			cNullZ[z] += max(0, 1-row)
			start = int(end)
			if prune {
				s.rowEnd[i] = int32(out)
			}
		}
		for j, e := range s.en {
			cNullE[e] += max(0, 1-linkE[j])
		}
		if prune {
			// The cells kept move to arrays of their own size; the
			// seg's old ones go with those of the segs before it.
			if md.narrow {
				s.pairOff = md.js.copy(s.pairOff[:out])
			} else {
				s.pair = md.pairs.copy(s.pair[:out])
			}
			s.j, s.w = md.js.copy(cols[:out]), md.weights.copy(weights[:out])
		}
	}
	if prune {
		md.weighed = true
	}
}

// TestTrainExact: train gives trainRef's parameters, null words'
// probabilities and pruned cells, bit for bit, on random models narrow
// and wide, with and without pruning.
func TestTrainExact(t *testing.T) {
	for k := range 300 {
		seed := uint64(k)
		md := randomModel(rand.New(rand.NewPCG(18, seed)), k%3 == 0)
		ref := randomModel(rand.New(rand.NewPCG(18, seed)), k%3 == 0)
		if k%4 == 3 {
			md.opt.Iterations, ref.opt.Iterations = 2, 2
		}
		md.train()
		ref.trainRef()
		require.Equal(t, len(ref.t), len(md.t), "model %d", k)
		// The pairs no cell holds once pruned are set by train and
		// not by trainRef; nothing reads them.
		held := make([]bool, len(ref.t))
		for b := range ref.segs {
			s := &ref.segs[b]
			c := 0
			for i, end := range s.rowEnd {
				for ; c < int(end); c++ {
					held[ref.cellPair(s, ref.zFirst[s.zh[i]], c)] = true
				}
			}
		}
		for p := range ref.t {
			if ref.prunes() && !held[p] {
				continue
			}
			a, b := ref.t[p], md.t[p]
			for _, f := range [][2]float32{{a.ez, b.ez}, {a.ze, b.ze}, {a.agree, b.agree}, {a.count, b.count}} {
				require.Equal(t, math.Float32bits(f[0]), math.Float32bits(f[1]), "model %d pair %d", k, p)
			}
		}
		for _, f := range [][2][]float64{{ref.tNullE, md.tNullE}, {ref.tNullZ, md.tNullZ}} {
			require.Equal(t, len(f[0]), len(f[1]))
			for x := range f[0] {
				require.Equal(t, math.Float64bits(f[0][x]), math.Float64bits(f[1][x]), "model %d", k)
			}
		}
		require.Equal(t, ref.weighed, md.weighed)
		for b := range ref.segs {
			r, s := &ref.segs[b], &md.segs[b]
			require.Equal(t, r.rowEnd, s.rowEnd, "model %d bead %d", k, b)
			require.Equal(t, r.pairOff, s.pairOff, "model %d bead %d", k, b)
			require.Equal(t, r.pair, s.pair, "model %d bead %d", k, b)
			require.Equal(t, r.j, s.j, "model %d bead %d", k, b)
			require.Equal(t, r.w, s.w, "model %d bead %d", k, b)
		}
	}
}
