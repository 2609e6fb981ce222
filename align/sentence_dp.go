package align

import "math"

// dp is Solve specialised to the sentence cost: the same monotone dynamic
// programme, with the bead cost computed in two steps so that a bead whose
// cheap part (prior, length, and the largest reward the lexicon and the
// anchors could still give) cannot beat the best bead found for the cell is
// not scored further.
//
// A coarse DP (coarse set) scores the lexical part of a many-sentence bead
// from the 1-1 pairs it contains (pairTable.simApprox): close enough to
// find the path a fine pass then refines, at a fraction of the cost.
func (s *sentAligner) dp(types []BeadType, band *Band, coarse bool) []Cell {
	nz, ne := len(s.zh), len(s.en)
	if band == nil {
		band = &Band{Lo: make([]int, nz+1), Hi: make([]int, nz+1)}
		for i := range band.Hi {
			band.Hi[i] = ne
		}
	}
	lo, hi := band.Lo, band.Hi
	off := make([]int, nz+2)
	for i := 0; i <= nz; i++ {
		off[i+1] = off[i] + hi[i] - lo[i] + 1
	}
	s.work += off[nz+1] * len(types)
	total := make([]float64, off[nz+1])
	back := make([]int8, off[nz+1])
	inf := math.Inf(1)
	for k := range total {
		total[k] = inf
		back[k] = -1
	}
	total[0] = 0 // (0,0): lo[0] is 0
	maxReward := 3*flagAgree + 3*sentNumBonus
	if s.lex {
		maxReward += sentLexWeight
	}
	for i := 0; i <= nz; i++ {
		s.stop.poll()
		for j := lo[i]; j <= hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, bt := inf, int8(-1)
			for ti, t := range types {
				pi, pj := i-t.Zh, j-t.En
				if pi < 0 || pj < lo[pi] || pj > hi[pi] {
					continue
				}
				prev := total[off[pi]+pj-lo[pi]]
				if prev == inf {
					continue
				}
				var c float64
				if t.Zh == 0 || t.En == 0 {
					c = prev + t.Prior + nullCost
				} else {
					lz, le := s.lengths(pi, t.Zh, pj, t.En)
					c = prev + t.Prior + fastTailCost(s.model.Delta(lz, le))
					if c-maxReward >= best {
						continue
					}
					c += s.anchors(pi, t.Zh, pj, t.En)
					// The lexical part is at least −sentLexWeight (a
					// similarity is at most 1, as the weights met are
					// some of those added up to the total, in the same
					// order; a weakness at least 0): a bead it cannot
					// bring under best is not scored.
					if s.lex && lexBoundPrune && c-sentLexWeight >= best {
						continue
					}
					switch {
					case !s.lex:
					case coarse:
						c -= sentLexWeight * s.table.simApprox(pi, t.Zh, pj, t.En)
					default:
						sim, weak := s.table.simWeak(pi, t.Zh, pj, t.En)
						c += weakPenalty*weak - sentLexWeight*sim
					}
				}
				if c < best {
					best, bt = c, int8(ti)
				}
			}
			k := off[i] + j - lo[i]
			total[k], back[k] = best, bt
		}
	}
	var path []Cell
	i, j := nz, ne
	for i > 0 || j > 0 {
		if j < lo[i] || j > hi[i] {
			return nil
		}
		k := off[i] + j - lo[i]
		if back[k] < 0 {
			return nil // no path inside the band
		}
		t := types[back[k]]
		pi, pj := i-t.Zh, j-t.En
		path = append(path, Cell{I: pi, J: pj, Type: t, Cost: total[k] - total[off[pi]+pj-lo[pi]]})
		i, j = pi, pj
	}
	for a, b := 0, len(path)-1; a < b; a, b = a+1, b-1 {
		path[a], path[b] = path[b], path[a]
	}
	return path
}

// lexBoundPrune: the DP skips the lexical part of a bead that cannot
// beat the best bead of its cell even with the largest reward the lexicon
// could give. A variable for the test that compares the paths with and
// without it.
var lexBoundPrune = true

// covers reports whether the pair table was built for a band that holds
// band, so that it can serve a DP in band.
func (p *pairTable) covers(band *Band) bool {
	switch {
	case p == nil:
		return false
	case p.band == nil:
		return true // the whole matrix
	case band == nil:
		return false
	}
	for i := range band.Lo {
		if band.Lo[i] < p.band.Lo[i] || band.Hi[i] > p.band.Hi[i] {
			return false
		}
	}
	return true
}
