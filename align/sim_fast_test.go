package align

import (
	"math"
	"math/rand/v2"
	"testing"
)

// simWeakWords is simWeak as it was before its paths for sets of one
// word: every set ORed and weighed word by word.
func (p *pairTable) simWeakWords(i, a, j, b int) (sim, weak float64) {
	if a == 1 && b == 1 {
		return p.sim11(i, j), 0
	}
	var met, tot float64
	var buf [8]uint64
	for ii := i; ii < i+a; ii++ {
		tot += p.ztot[ii]
		zw := p.zw[ii]
		if zw == 0 {
			continue
		}
		if b == 1 {
			// met by one sentence: the pair's own weight
			var m float64
			if j >= p.lo[ii] && j <= p.hi[ii] {
				m = float64(p.zmet[p.poff[ii]+j-p.lo[ii]])
			}
			met += m
			if a > 1 {
				weak += weakness(m, p.ztot[ii])
			}
			continue
		}
		acc := buf[:0]
		if zw > len(buf) {
			acc = make([]uint64, 0, zw)
		}
		acc = acc[:zw]
		clear(acc)
		for jj := max(j, p.lo[ii]); jj < j+b && jj <= p.hi[ii]; jj++ {
			zm := p.zmask[p.zoff[ii]+(jj-p.lo[ii])*zw:][:zw]
			for k := range acc {
				acc[k] |= zm[k]
			}
		}
		m := p.weigh(acc, p.zwt, ii)
		met += m
		if a > 1 {
			weak += weakness(m, p.ztot[ii])
		}
	}
	for jj := j; jj < j+b; jj++ {
		tot += p.etot[jj]
		ew := p.ew[jj]
		if ew == 0 {
			continue
		}
		if a == 1 {
			var m float64
			if jj >= p.lo[i] && jj <= p.hi[i] {
				m = float64(p.emet[p.poff[i]+jj-p.lo[i]])
			}
			met += m
			if b > 1 {
				weak += weakness(m, p.etot[jj])
			}
			continue
		}
		acc := buf[:0]
		if ew > len(buf) {
			acc = make([]uint64, 0, ew)
		}
		acc = acc[:ew]
		clear(acc)
		for ii := i; ii < i+a; ii++ {
			if jj < p.lo[ii] || jj > p.hi[ii] {
				continue
			}
			em := p.emask[p.eoff[ii]+p.ewPre[jj]-p.ewPre[p.lo[ii]]:][:ew]
			for k := range acc {
				acc[k] |= em[k]
			}
		}
		m := p.weigh(acc, p.ewt, jj)
		met += m
		if b > 1 {
			weak += weakness(m, p.etot[jj])
		}
	}
	if tot == 0 {
		return 0, weak
	}
	return met / tot, weak
}

// TestSimWeakOneWord compares simWeak with simWeakWords, to the bit, on
// every bead of up to 4+5 sentences of random pair tables: sentences of a
// few tokens and of more than 64 (sets of several words), weighted and
// not, in full tables and in banded ones with pairs left out.
func TestSimWeakOneWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 11))
	for round := range 300 {
		nz, ne, nIDs := 1+rng.IntN(9), 1+rng.IntN(9), 1+rng.IntN(60)
		weighted := round%2 == 0
		tokens := func() int {
			if rng.IntN(6) == 0 {
				return 60 + rng.IntN(80)
			}
			return rng.IntN(12)
		}
		weights := func(n int) []float32 {
			w := make([]float32, n)
			for k := range w {
				w[k] = 1
				if weighted {
					w[k] = float32(rng.Float64() * 3)
				}
			}
			return w
		}
		zf, ef := make([]sentFeat, nz), make([]sentFeat, ne)
		for i := range zf {
			n := tokens()
			for range n {
				ids := make([]uint32, rng.IntN(3))
				for k := range ids {
					ids[k] = uint32(rng.IntN(nIDs))
				}
				zf[i].keys = append(zf[i].keys, ids)
			}
			zf[i].wts = weights(n)
		}
		for j := range ef {
			n := tokens()
			for range n {
				ef[j].ids = append(ef[j].ids, uint32(rng.IntN(nIDs)))
			}
			ef[j].wts = weights(n)
		}
		var band *Band
		pad := 0
		if round%3 == 1 {
			band = &Band{Lo: make([]int, nz+1), Hi: make([]int, nz+1)}
			for i := range band.Lo {
				c := i * ne / nz
				band.Lo[i], band.Hi[i] = max(0, c-1), min(ne, c+1)
			}
			pad = rng.IntN(2)
		}
		p := newPairTable(zf, ef, band, pad, nIDs)
		for a := 1; a <= 4; a++ {
			for b := 1; b <= 5; b++ {
				for i := 0; i+a <= nz; i++ {
					for j := 0; j+b <= ne; j++ {
						sim, weak := p.simWeak(i, a, j, b)
						wsim, wweak := p.simWeakWords(i, a, j, b)
						if math.Float64bits(sim) != math.Float64bits(wsim) || math.Float64bits(weak) != math.Float64bits(wweak) {
							t.Fatalf("round %d, bead %d+%d at %d,%d: %v, %v; want %v, %v", round, a, b, i, j, sim, weak, wsim, wweak)
						}
					}
				}
			}
		}
	}
}
