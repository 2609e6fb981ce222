package align

import (
	"math/bits"
	"runtime"
	"sync"
)

// Lexical similarity of candidate beads.
//
// A bead's similarity is the share of its content tokens that the other
// side meets, each token weighted by its rarity in the text: a Chinese
// token counts when one of its keys (glosses, learned partners) is a word
// of the English side, an English word when it is a key of some Chinese
// token of the bead; the two sides are pooled. A many-sentence bead takes
// the union of its sentences. Computing that union anew for every
// candidate bead would re-read the same tokens a dozen times, so the pair
// table stores, for every pair of sentences (i, j) near the search band,
// which tokens of Chinese sentence i English sentence j meets and which
// words of j sentence i meets, as bit sets (and the weight a 1-1 bead of
// the pair meets); a bead ORs the bit sets of its pairs and adds up the
// weights of the bits set.

// pairTable holds the match bit sets of sentence pairs (i, j) with
// lo[i] <= j <= hi[i].
type pairTable struct {
	band   *Band // the band it was built for; nil for the whole matrix
	zh, en []sentFeat
	lo, hi []int

	zw, ew []int // 64-bit words per bit set of each sentence
	ewPre  []int // prefix sums of ew

	zoff, eoff   []int // start of row i in zmask, emask
	zmask, emask []uint64
	poff         []int     // start of row i in zmet, emet
	zmet, emet   []float32 // weight of i met by j, of j met by i, per pair

	zwt, ewt [][]float32 // token weights per sentence; nil: all 1
	ztot     []float64   // total weight per sentence
	etot     []float64
}

func wordsFor(n int) int { return (n + 63) / 64 }

// weightSum is the total of a sentence's weights, added in order, and
// whether any is not 1 (the table then weighs what is met rather than
// count it).
func weightSum(wts []float32) (sum float64, weighted bool) {
	for _, w := range wts {
		sum += float64(w)
		weighted = weighted || w != 1
	}
	return sum, weighted
}

// newPairTable computes the bit sets for every pair in the band, widened by
// pad sentences so that beads starting inside the band find their pairs.
// nIDs bounds the (dense) ids used by the features.
func newPairTable(zh, en []sentFeat, band *Band, pad, nIDs int) *pairTable {
	p := &pairTable{zh: zh, en: en, band: band}
	nz, ne := len(zh), len(en)
	p.lo, p.hi = make([]int, nz), make([]int, nz)
	p.zw, p.ew = make([]int, nz), make([]int, ne)
	p.ewPre = make([]int, ne+1)
	p.ztot, p.etot = make([]float64, nz), make([]float64, ne)
	weighted := false
	for i := range zh {
		p.zw[i] = wordsFor(len(zh[i].keys))
		var w bool
		p.ztot[i], w = weightSum(zh[i].wts)
		weighted = weighted || w
	}
	for j := range en {
		p.ew[j] = wordsFor(len(en[j].ids))
		p.ewPre[j+1] = p.ewPre[j] + p.ew[j]
		var w bool
		p.etot[j], w = weightSum(en[j].wts)
		weighted = weighted || w
	}
	if weighted {
		p.zwt, p.ewt = make([][]float32, nz), make([][]float32, ne)
		for i := range zh {
			p.zwt[i] = zh[i].wts
		}
		for j := range en {
			p.ewt[j] = en[j].wts
		}
	}
	p.zoff, p.eoff = make([]int, nz+1), make([]int, nz+1)
	for i := 0; i < nz; i++ {
		lo, hi := 0, ne-1
		if band != nil {
			// rows i-pad..i+pad of the band, widened by pad
			lo, hi = ne, 0
			for k := max(0, i-pad); k <= min(nz, i+pad+1); k++ {
				lo = min(lo, band.Lo[k])
				hi = max(hi, band.Hi[k])
			}
			lo, hi = max(0, lo-pad), min(ne-1, hi+pad)
		}
		if hi < lo {
			lo, hi = 0, -1
		}
		p.lo[i], p.hi[i] = lo, hi
		n := hi - lo + 1
		p.zoff[i+1] = p.zoff[i] + n*p.zw[i]
		if n > 0 {
			p.eoff[i+1] = p.eoff[i] + p.ewPre[hi+1] - p.ewPre[lo]
		} else {
			p.eoff[i+1] = p.eoff[i]
		}
	}
	p.zmask = make([]uint64, p.zoff[nz])
	p.emask = make([]uint64, p.eoff[nz])
	p.poff = make([]int, nz+1)
	for i := 0; i < nz; i++ {
		p.poff[i+1] = p.poff[i] + max(0, p.hi[i]-p.lo[i]+1)
	}
	p.zmet = make([]float32, p.poff[nz])
	p.emet = make([]float32, p.poff[nz])

	// rows are independent: split them between the CPUs
	workers := min(runtime.GOMAXPROCS(0), max(1, nz/256))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.fillRows(w*nz/workers, (w+1)*nz/workers, nIDs)
		}()
	}
	wg.Wait()
	return p
}

// fillRows computes the bit sets of rows [from, to).
func (p *pairTable) fillRows(from, to, nIDs int) {
	zh, en := p.zh, p.en
	// For each Chinese sentence: which of its tokens each id can meet.
	stamp := make([]int32, nIDs)
	slot := make([]int32, nIDs)
	for k := range stamp {
		stamp[k] = -1
	}
	var slotBits []uint64
	for i := from; i < to; i++ {
		zw := p.zw[i]
		if zw == 0 {
			continue
		}
		slotBits = slotBits[:0]
		nslot := int32(0)
		for t, ids := range zh[i].keys {
			for _, id := range ids {
				if stamp[id] != int32(i) {
					stamp[id] = int32(i)
					slot[id] = nslot
					nslot++
					for range zw {
						slotBits = append(slotBits, 0)
					}
				}
				slotBits[int(slot[id])*zw+t/64] |= 1 << (t % 64)
			}
		}
		for j := p.lo[i]; j <= p.hi[i]; j++ {
			zm := p.zmask[p.zoff[i]+(j-p.lo[i])*zw:][:zw]
			em := p.emask[p.eoff[i]+p.ewPre[j]-p.ewPre[p.lo[i]]:][:p.ew[j]]
			for w, id := range en[j].ids {
				if stamp[id] != int32(i) {
					continue
				}
				em[w/64] |= 1 << (w % 64)
				sb := slotBits[int(slot[id])*zw:][:zw]
				for k := range zm {
					zm[k] |= sb[k]
				}
			}
			k := p.poff[i] + j - p.lo[i]
			p.zmet[k], p.emet[k] = float32(p.weigh(zm, p.zwt, i)), float32(p.weigh(em, p.ewt, j))
		}
	}
}

// sim is the pooled similarity of the bead zh[i:i+a] with en[j:j+b], in
// [0,1]. Pairs outside the table count as meeting nothing.
func (p *pairTable) sim(i, a, j, b int) float64 {
	sim, _ := p.simWeak(i, a, j, b)
	return sim
}

// simWeak is sim and the weakness of the bead's members: on a side of
// several sentences, each sentence of at least weakMinTokens tokens that
// the other side barely meets adds up to 1 (none of its tokens met). A
// sentence glued to a bead it has nothing to do with is an omission or an
// addition, not part of a 2-1 bead.
func (p *pairTable) simWeak(i, a, j, b int) (sim, weak float64) {
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
		var m float64
		switch {
		case b == 1:
			// met by one sentence: the pair's own weight
			if j >= p.lo[ii] && j <= p.hi[ii] {
				m = float64(p.zmet[p.poff[ii]+j-p.lo[ii]])
			}
		case zw == 1:
			// A sentence of at most 64 tokens, nearly every one: the
			// words of its pairs with jj lie side by side.
			var acc uint64
			if lo, hi := max(j, p.lo[ii]), min(j+b-1, p.hi[ii]); lo <= hi {
				at := p.zoff[ii] - p.lo[ii]
				for _, x := range p.zmask[at+lo : at+hi+1] {
					acc |= x
				}
			}
			m = p.weigh1(acc, p.zwt, ii)
		default:
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
			m = p.weigh(acc, p.zwt, ii)
		}
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
		var m float64
		switch {
		case a == 1:
			if jj >= p.lo[i] && jj <= p.hi[i] {
				m = float64(p.emet[p.poff[i]+jj-p.lo[i]])
			}
		case ew == 1:
			var acc uint64
			for ii := i; ii < i+a; ii++ {
				if jj >= p.lo[ii] && jj <= p.hi[ii] {
					acc |= p.emask[p.eoff[ii]+p.ewPre[jj]-p.ewPre[p.lo[ii]]]
				}
			}
			m = p.weigh1(acc, p.ewt, jj)
		default:
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
			m = p.weigh(acc, p.ewt, jj)
		}
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

const (
	weakMinTokens = 3    // shorter sentences are never weak
	weakCoverage  = 0.15 // share of a sentence met from which it is not weak at all
)

func weakness(met, tot float64) float64 {
	if tot < weakMinTokens {
		return 0
	}
	return max(0, 1-met/tot/weakCoverage)
}

// weigh sums the weights of the set bits (their count without weights).
func (p *pairTable) weigh(set []uint64, wt [][]float32, s int) float64 {
	if wt == nil {
		n := 0
		for _, x := range set {
			n += bits.OnesCount64(x)
		}
		return float64(n)
	}
	w := wt[s]
	var sum float64
	for k, x := range set {
		for x != 0 {
			b := bits.TrailingZeros64(x)
			sum += float64(w[k*64+b])
			x &= x - 1
		}
	}
	return sum
}

// weigh1 is weigh of the one-word set x: the same additions in the same
// order.
func (p *pairTable) weigh1(x uint64, wt [][]float32, s int) float64 {
	if wt == nil {
		return float64(bits.OnesCount64(x))
	}
	w := wt[s]
	var sum float64
	for x != 0 {
		sum += float64(w[bits.TrailingZeros64(x)])
		x &= x - 1
	}
	return sum
}

// sim11 is sim for a 1-1 bead, the common case, from the precomputed met
// weight of the pair.
func (p *pairTable) sim11(i, j int) float64 {
	tot := p.ztot[i] + p.etot[j]
	if tot == 0 || j < p.lo[i] || j > p.hi[i] {
		return 0
	}
	k := p.poff[i] + j - p.lo[i]
	return float64(p.zmet[k]+p.emet[k]) / tot
}

// simApprox approximates sim from the 1-1 pairs of the bead: the weight
// met pair by pair, over the bead's total. A token met by two sentences of
// the other side counts twice, so it overrates many-sentence beads a little.
func (p *pairTable) simApprox(i, a, j, b int) float64 {
	var met, tot float64
	for ii := i; ii < i+a; ii++ {
		tot += p.ztot[ii]
		for jj := max(j, p.lo[ii]); jj < j+b && jj <= p.hi[ii]; jj++ {
			k := p.poff[ii] + jj - p.lo[ii]
			met += float64(p.zmet[k] + p.emet[k])
		}
	}
	for jj := j; jj < j+b; jj++ {
		tot += p.etot[jj]
	}
	if tot == 0 {
		return 0
	}
	return min(1, met/tot)
}

// pairSim11 is the similarity of the 1-1 bead of z and e when they are the
// only sentences of their texts: newPairTable([z], [e], nil, 0,
// nIDs).sim11(0, 0) to the bit, without the table. Most paragraph beads
// of a document are one sentence a side, and building a pair table for
// the one pair cost more than the similarity. The weights met are summed
// in the table's order (tokens and words in order, in float64, each sum
// rounded to float32 as the table stores it) and pooled as sim11 pools
// them.
func pairSim11(z, e *sentFeat, nIDs int) float64 {
	ztot, zw := weightSum(z.wts)
	etot, ew := weightSum(e.wts)
	weighted := zw || ew
	var zmet, emet float32
	if len(z.keys) > 0 {
		// mark[id]: 1 when e has the word, 2 when a token of z can meet it
		var buf [256]uint8
		mark := buf[:0]
		if nIDs > len(buf) {
			mark = make([]uint8, 0, nIDs)
		}
		mark = mark[:nIDs]
		for _, id := range e.ids {
			mark[id] = 1
		}
		var zsum float64
		zn := 0
		for t, ids := range z.keys {
			met := false
			for _, id := range ids {
				met = met || mark[id]&1 != 0
				mark[id] |= 2
			}
			if met {
				zn++
				if weighted {
					zsum += float64(z.wts[t])
				}
			}
		}
		var esum float64
		en := 0
		for w, id := range e.ids {
			if mark[id]&2 != 0 {
				en++
				if weighted {
					esum += float64(e.wts[w])
				}
			}
		}
		if !weighted {
			zsum, esum = float64(zn), float64(en)
		}
		zmet, emet = float32(zsum), float32(esum)
	}
	tot := ztot + etot
	if tot == 0 {
		return 0
	}
	return float64(zmet+emet) / tot
}
