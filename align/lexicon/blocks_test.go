package lexicon

import (
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/lang"
)

// pair returns the bitsets of the pair (zh k, en l), computing them on
// first use, followed by the pairWords words of its sums, as the aligner's
// asks get them (keptSet, else pairAfresh). The slice is valid until the
// next call, and not to be written.
func (s *Blocks) pair(k, l int) []uint64 {
	if set, ok := s.keptSet(k, l, int(s.zh[k].words+s.en[l].words+pairWords)); ok {
		return set
	}
	return s.pairAfresh(k, l)
}

// referenceBlocks returns the Chinese and English paragraphs of the
// reference document.
func referenceBlocks(tb testing.TB) (zh, en []string) {
	tb.Helper()
	data, err := os.ReadFile("../../testdata/csis-modernizing-national-security.interleaved.txt")
	require.NoError(tb, err)
	for _, b := range strings.Split(string(data), "\n\n") {
		b = strings.TrimSpace(b)
		c := lang.Count(b)
		switch {
		case b == "":
		case c.Han > c.Latin/3:
			zh = append(zh, b)
		default:
			en = append(en, b)
		}
	}
	return zh, en
}

// TestBlocksSameAsSimilarity checks that Blocks gives, to the bit, what
// Similarity gives on the joined runs.
func TestBlocksSameAsSimilarity(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	zh = append(zh, "", "１０００人，COVID-19", "的了")
	en = append(en, "", "1,000 people with COVID-19", "of the")
	// Latin words on the Chinese side whose English stems are not their
	// literals (policies: polici), met by the literal
	zh = append(zh, "他们的policies和Reports，还有Python")
	en = append(en, "Their policies and reports, and Python")
	s := l.NewBlocks(zh, en)
	n := 0
	for i := range zh {
		for j := range en {
			for a := 1; a <= 3 && i+a <= len(zh); a++ {
				for b := 1; b <= 3 && j+b <= len(en); b++ {
					if (i-j > 3 || j-i > 3) && i < len(zh)-3 {
						continue // far from the diagonal: nothing new, only time
					}
					want := l.Similarity(strings.Join(zh[i:i+a], "\n"), strings.Join(en[j:j+b], "\n"))
					if got := s.Similarity(i, a, j, b); got != want {
						t.Fatalf("Similarity(%d,%d,%d,%d) = %v, want %v", i, a, j, b, got, want)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d runs compared", n)

	// The rows of a long document (narrow windows, forgotten behind the
	// aligner, pairs out of the window computed afresh) give the same.
	far := l.NewBlocks(zh, en)
	far.long, far.window, far.budget = true, 6, 0
	for i := range len(zh) - 2 {
		for j := max(0, i-2); j < min(len(en)-2, i+3); j++ {
			require.Equal(t, s.Similarity(i, 2, j, 1), far.Similarity(i, 2, j, 1))
			require.Equal(t, s.Similarity(i, 1, j, 3), far.Similarity(i, 1, j, 3))
			// a pair far off the window of its row
			require.Equal(t, s.Similarity(i, 1, len(en)-1, 1), far.Similarity(i, 1, len(en)-1, 1))
		}
		far.Forget(i - 1)
	}
	far.Forget(len(zh))
	require.Equal(t, s.Similarity(0, 3, 0, 2), far.Similarity(0, 3, 0, 2))
}

// TestBlocksBounds: SimilarityBound and SharesBound are never below what
// they bound, on the runs of a paragraph bead (one block against up to
// eight, or two against two) near the diagonal
// of the reference document, for a short document's rows and for a long
// one's (pairs computed afresh outside the window); and they are not
// vacuous: the bound of a 1-1 run is its similarity, to the margin.
func TestBlocksBounds(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	zh = append(zh, "", "１０００人，COVID-19", "的了")
	en = append(en, "", "1,000 people with COVID-19", "of the")
	far := l.NewBlocks(zh, en)
	far.long, far.window, far.budget = true, 6, 0
	for _, s := range []*Blocks{l.NewBlocks(zh, en), far} {
		n := 0
		for i := range zh {
			for j := max(0, i-10); j < min(len(en), i+10); j++ {
				zs, es := s.Shares(i, 1, j, 1)
				zb, eb := s.SharesBound(i, j)
				require.GreaterOrEqual(t, zb, zs)
				require.GreaterOrEqual(t, eb, es)
				for a := 1; a <= 8 && i+a <= len(zh); a++ {
					for b := 1; b <= 8 && j+b <= len(en); b++ {
						if a > 1 && b > 1 && a+b > 4 {
							continue // no such bead: splits, merges and 2-2
						}
						sim, ub := s.Similarity(i, a, j, b), s.SimilarityBound(i, a, j, b)
						require.GreaterOrEqual(t, ub, sim, "(%d,%d,%d,%d)", i, a, j, b)
						if a == 1 && b == 1 {
							require.InDelta(t, sim, ub, 2*boundMargin)
						}
						n++
					}
				}
			}
			s.Forget(i - 10)
		}
		t.Logf("%d runs bounded", n)
	}
}

// TestSimilarityBoundGathered: SimilarityBound, which looks each pair up
// once and gathers the English blocks' sums as it goes, gives the bits of
// the sums taken the plain way, a Chinese block then an English block at
// a time.
func TestSimilarityBoundGathered(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	for _, negative := range []bool{false, true} {
		s := l.NewBlocks(zh, en)
		require.False(t, s.exceeds, "the lexicon's weights are not negative")
		if negative {
			// some items weigh less than nothing, so that a pair's sum
			// may exceed its block's and SimilarityBound's caps must
			// be taken (exceeds)
			for _, side := range [][]blockSide{s.zh, s.en} {
				for k := range side {
					if w := side[k].weights; len(w) > 2 && k%3 == 0 {
						w[len(w)/2] = -100 * w[len(w)/2]
					}
				}
			}
			zhNonNeg, enNonNeg := sumRuns(s.zh), sumRuns(s.en)
			s.exceeds = !zhNonNeg || !enNonNeg
			require.True(t, s.exceeds)
		}
		testSimilarityBoundGathered(t, s, len(zh), len(en))
	}
}

// TestSimilarityBoundCapsBind: SimilarityBound's caps of a bead's met
// sums at its sums of all weights, which bind when the pairs meet every
// item of a bead of two or three blocks a side and the sum of all, added
// up item by item, rounds below the sum of the blocks' capped sums. Here
// those sums of all are halved so that the caps bind for many beads: the
// bits stay the plain way's, which caps each side once.
func TestSimilarityBoundCapsBind(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	s := l.NewBlocks(zh, en)
	for _, side := range [][]blockSide{s.zh, s.en} {
		for k := range side {
			side[k].all[1] /= 2
			side[k].all[2] /= 2
		}
	}
	// the caps bind: beads of one block a side and two or three the
	// other whose met sums exceed the halved sums of all
	zhBind, enBind := 0, 0
	for i := range len(zh) - 2 {
		for j := range len(en) - 2 {
			for n := 2; n <= 3; n++ {
				m := 0.0
				for k := i; k < i+n; k++ {
					zm, _ := s.pairSums(k, j)
					m += min(zm, s.zh[k].all[0])
				}
				if m > s.zh[i].all[n-1] {
					zhBind++
				}
				m = 0.0
				for k := j; k < j+n; k++ {
					_, em := s.pairSums(i, k)
					m += min(em, s.en[k].all[0])
				}
				if m > s.en[j].all[n-1] {
					enBind++
				}
			}
		}
	}
	require.Greater(t, zhBind, 10)
	require.Greater(t, enBind, 10)
	testSimilarityBoundGathered(t, s, len(zh), len(en))
}

func testSimilarityBoundGathered(t *testing.T, s *Blocks, nZh, nEn int) {
	plain := func(i, a, j, b int) float64 {
		zhAll, enAll := boundSum(s.zh, i, a), boundSum(s.en, j, b)
		var zhMet, enMet float64
		for k := i; k < i+a; k++ {
			m := 0.0
			for l := j; l < j+b; l++ {
				zm, _ := s.pairSums(k, l)
				m += zm
			}
			zhMet += min(m, s.zh[k].all[0])
		}
		for l := j; l < j+b; l++ {
			m := 0.0
			for k := i; k < i+a; k++ {
				_, em := s.pairSums(k, l)
				m += em
			}
			enMet += min(m, s.en[l].all[0])
		}
		if zhAll > 0 {
			zhMet = min(zhMet, zhAll)
		}
		if enAll > 0 {
			enMet = min(enMet, enAll)
		}
		return min(1, similarity(zhMet, zhAll, enMet, enAll)) + boundMargin
	}
	n := 0
	for i := range nZh {
		for j := max(0, i-6); j < min(nEn, i+6); j++ {
			for a := 1; a <= 3 && i+a <= nZh; a++ {
				for b := 1; b <= 11 && j+b <= nEn; b++ {
					require.Equal(t, math.Float64bits(plain(i, a, j, b)), math.Float64bits(s.SimilarityBound(i, a, j, b)), "(%d,%d,%d,%d)", i, a, j, b)
					n++
				}
			}
		}
	}
	require.Greater(t, n, 1000)
	// 1-n and n-1 beads go on from the sums kept of a shorter one from
	// the same start (splitSums): asked in a scrambled order, longer and shorter,
	// from starts whose slots collide, the bits stay the plain way's
	h := uint64(7)
	for range 20000 {
		h ^= h << 13
		h ^= h >> 7
		h ^= h << 17
		i, j, b := int(h%uint64(nZh)), int(h>>20%uint64(nEn)), 1+int(h>>40%6)
		if j+b > nEn {
			continue
		}
		require.Equal(t, math.Float64bits(plain(i, 1, j, b)), math.Float64bits(s.SimilarityBound(i, 1, j, b)), "(%d,1,%d,%d)", i, j, b)
		// and its neighbours, as a DP asks them
		if j+b < nEn {
			require.Equal(t, math.Float64bits(plain(i, 1, j, b+1)), math.Float64bits(s.SimilarityBound(i, 1, j, b+1)), "(%d,1,%d,%d)", i, j, b+1)
		}
		// and the n-1 beads the same way (mergeSlot), i and j swapped
		i, j, a := int(h>>20%uint64(nZh)), int(h%uint64(nEn)), 1+int(h>>40%6)
		if i+a > nZh {
			continue
		}
		require.Equal(t, math.Float64bits(plain(i, a, j, 1)), math.Float64bits(s.SimilarityBound(i, a, j, 1)), "(%d,%d,%d,1)", i, a, j)
		if i+a < nZh {
			require.Equal(t, math.Float64bits(plain(i, a+1, j, 1)), math.Float64bits(s.SimilarityBound(i, a+1, j, 1)), "(%d,%d,%d,1)", i, a+1, j)
		}
	}
}

// TestPairUnitsMet: the Chinese half of a pair (its bits and its sum)
// is what walking each unit's features against those the English block
// offers gives, the way it was computed before, and the English half
// (from indexEn's lists) what walking each word's features against those
// the Chinese block offers gives, whichever Chinese block was marked
// last: the pairs are asked row by row and then back and forth between
// rows. A pair whose blocks share no feature, all 0, is not held. Blocks
// of more than 64 items a side (their lists not bits), of fewer, and pairs
// of each with each are asked.
func TestPairUnitsMet(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	zh = append(zh, "", "１０００人，COVID-19", "的了", strings.Join(zh[:6], ""))
	en = append(en, "", "1,000 people with COVID-19", "of the", strings.Join(en[:6], " "))
	var s *Blocks
	// the English words' features, block by block
	var words [][]span32
	prepare := func() {
		s = l.newBlocks(zh, en, true, &words)
		require.Len(t, words, len(en))
		for j, b := range s.en {
			require.Len(t, words[j], len(b.weights))
		}
	}
	prepare()
	// (blocks of more than 64 items and of at most 64, each side)
	long := func(side []blockSide) (n int) {
		for _, b := range side {
			if b.words > 1 {
				n++
			}
		}
		return n
	}
	require.Positive(t, long(s.zh))
	require.Less(t, long(s.zh), len(zh)-1)
	require.Positive(t, long(s.en))
	require.Less(t, long(s.en), len(en)-1)
	require.Greater(t, s.zh[len(zh)-1].words, int32(1))
	require.Greater(t, s.en[len(en)-1].words, int32(1))
	disjoint := 0
	check := func(k, j int) {
		z, e := &s.zh[k], &s.en[j]
		offered := map[int32]bool{}
		for _, f := range s.feats[e.offers.start:e.offers.end] {
			offered[f] = true
		}
		want := make([]uint64, z.words)
		sum := 0.0
		for n, fs := range z.feats {
			for _, f := range s.feats[fs.start:fs.end] {
				if offered[f] {
					want[n/64] |= 1 << (n % 64)
					sum += z.weights[n]
					break
				}
			}
		}
		// the English half: each word's features (in place) against
		// those the Chinese block offers
		zhOffered := map[int32]bool{}
		for _, f := range s.feats[z.offers.start:z.offers.end] {
			zhOffered[f] = true
		}
		wantEn := make([]uint64, e.words)
		enSum := 0.0
		for n, w := range e.weights {
			if fs := words[j][n]; zhOffered[fs.start] || fs.end >= 0 && zhOffered[fs.end] {
				wantEn[n/64] |= 1 << (n % 64)
				enSum += w
			}
		}
		set := s.pair(k, j)
		require.Equal(t, want, set[:z.words], "(%d,%d)", k, j)
		require.Equal(t, wantEn, set[z.words:z.words+e.words], "(%d,%d)", k, j)
		zm, em := s.pairSums(k, j)
		require.Equal(t, math.Float64bits(sum), math.Float64bits(zm), "(%d,%d)", k, j)
		require.Equal(t, math.Float64bits(enSum), math.Float64bits(em), "(%d,%d)", k, j)
		shared := false
		for f := range offered {
			shared = shared || zhOffered[f]
		}
		if r := &s.rows[k]; j-r.lo >= 0 && j-r.lo < len(r.offs) {
			require.Equal(t, !shared, r.offs[j-r.lo] < 0, "(%d,%d) held", k, j)
		}
		if !shared {
			disjoint++
		}
	}
	n := 0
	for k := range zh {
		for j := max(0, k-5); j < min(len(en), k+5); j++ {
			check(k, j)
			n++
		}
		// and pairs far apart, which more often share nothing
		for j := k + 20; j < len(en); j += 7 {
			check(k, j)
		}
	}
	require.Positive(t, disjoint, "pairs sharing no feature")
	// afresh, alternating rows, from a long block marked first
	prepare()
	check(len(zh)-1, len(en)-1)
	check(len(zh)-1, 0)
	check(0, len(en)-1)
	for j := range en {
		for k := max(0, j-3); k < min(len(zh), j+3); k++ {
			check(k, j)
		}
	}
	require.Greater(t, n, 200)
}

func BenchmarkBlocks(b *testing.B) {
	l := Default()
	require.NoError(b, lang.Load())
	zh, en := referenceBlocks(b)
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			l.NewBlocks(zh, en)
		}
	})
	// a band as the paragraph DP asks it, row by row: preparing the
	// blocks, then every pair within eight blocks of the diagonal computed
	// (less "new": the pairs' cost)
	b.Run("band", func(b *testing.B) {
		for b.Loop() {
			s := l.NewBlocks(zh, en)
			for i := range zh {
				for j := max(0, i-8); j < min(len(en), i+9); j++ {
					s.Similarity(i, 1, j, 1)
				}
			}
		}
	})
	s := l.NewBlocks(zh, en)
	b.Run("similarity", func(b *testing.B) {
		for b.Loop() {
			for i := range min(len(zh), len(en)) - 1 {
				s.Similarity(i, 1, i, 1)
				s.Similarity(i, 2, i, 1)
				s.Similarity(i, 1, i, 2)
				s.Similarity(i, 2, i, 2)
			}
		}
	})
}

// TestBlocksListsOnce: the feature lists of the units, words and blocks
// are kept once each, so a document that repeats itself keeps no more of
// them than one copy; and the copy compares as the original.
func TestBlocksListsOnce(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	one := l.NewBlocks(zh, en)
	two := l.NewBlocks(append(zh[:len(zh):len(zh)], zh...), append(en[:len(en):len(en)], en...))
	require.NotEmpty(t, one.feats)
	require.Equal(t, len(one.feats), len(two.feats))
	for i := range min(len(zh), len(en)) - 1 {
		require.Equal(t, one.Similarity(i, 1, i, 2), two.Similarity(len(zh)+i, 1, len(en)+i, 2))
	}
}

// TestIDFeats: a word's feature is found where it was set, in the slots
// or past them, and no other word has one.
func TestIDFeats(t *testing.T) {
	m := idFeats{dense: make([]int32, 10)}
	for _, id := range []uint32{0, 9, 10, 1 << 31} {
		_, ok := m.get(id)
		require.False(t, ok, id)
	}
	m.set(0, 0)
	m.set(9, 7)
	m.set(10, 3)
	m.set(1<<31, 0)
	for id, want := range map[uint32]int32{0: 0, 9: 7, 10: 3, 1 << 31: 0} {
		f, ok := m.get(id)
		require.True(t, ok, id)
		require.Equal(t, want, f, id)
	}
	for _, id := range []uint32{1, 8, 11} {
		_, ok := m.get(id)
		require.False(t, ok, id)
	}
}

// TestBlocksHeldCounted: what the rows hold by Blocks' count is what they
// hold, row by row as a band's pairs are computed and forgotten: Forget
// lets rows go by that count, and a count that misses some of their room
// keeps a long document's every pair.
func TestBlocksHeldCounted(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	far := l.NewBlocks(zh, en)
	far.long, far.window, far.budget = true, 12, 4096
	for _, s := range []*Blocks{l.NewBlocks(zh, en), far} {
		for i := range zh {
			for j := max(0, i-5); j < min(len(en), i+6); j++ {
				s.SimilarityBound(i, 1, j, 1)
				if i >= 2 {
					s.SimilarityBound(i-2, 3, j, 1)
				}
			}
			s.Forget(i - 4)
			held := 0
			for _, r := range s.rows {
				held += 8*cap(r.bits) + 4*len(r.offs)
			}
			require.Equal(t, held, s.held, "row %d", i)
		}
		if s == far {
			require.Positive(t, s.live, "no row forgotten")
		}
	}
}

// TestRowWindowFromRowBefore: a row's first window reaches from the
// English block asked to the end of the row before's window when that
// holds the block, and is the block's alone when it does not; a pair
// past it widens it, and the pairs are those of a row made pair by pair.
func TestRowWindowFromRowBefore(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	require.Greater(t, len(en), 20)
	s, plain := l.NewBlocks(zh, en), l.NewBlocks(zh, en)
	for j := 3; j < 12; j++ {
		s.pair(0, j)
	}
	require.Equal(t, 3, s.rows[0].lo)
	hi := s.rows[0].lo + len(s.rows[0].offs)
	require.GreaterOrEqual(t, hi, 12)
	s.pair(1, 5)
	require.Equal(t, 5, s.rows[1].lo)
	require.Len(t, s.rows[1].offs, hi-5)
	s.pair(1, hi)
	require.Equal(t, 5, s.rows[1].lo)
	require.Greater(t, len(s.rows[1].offs), hi-5)
	s.pair(2, 1)
	require.Equal(t, 1, s.rows[2].lo)
	require.Len(t, s.rows[2].offs, 1)
	for k := range 3 {
		for j := range 20 {
			want := append([]uint64(nil), plain.pairFresh(k, j)...)
			require.Equal(t, want, s.pair(k, j), "(%d,%d)", k, j)
		}
	}
}

// pairFresh is pair(k, l) computed into the scratch, whatever the rows
// hold.
func (s *Blocks) pairFresh(k, l int) []uint64 {
	z, e := &s.zh[k], &s.en[l]
	n := int(z.words + e.words + pairWords)
	set := make([]uint64, n)
	s.fill(set, k, z, e)
	return set
}

// TestPairsFilledOnce checks that a pair is computed into its row once,
// however it is asked for (the bounds, Similarity of one pair and of
// runs, Shares): the callers compute a pair (pairAfresh) only where the
// row says it is not kept, and pairAfresh does not look again. A row then
// holds exactly the bits of its pairs kept.
func TestPairsFilledOnce(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	s := l.NewBlocks(zh, en)
	for pass := range 2 {
		for i := range zh {
			for j := max(0, i-4); j < min(len(en), i+5); j++ {
				for a := 1; a <= 3 && i+a <= len(zh); a++ {
					for b := 1; b <= 3 && j+b <= len(en); b++ {
						s.SimilarityBound(i, a, j, b)
						if pass == 1 {
							s.Similarity(i, a, j, b)
							s.Shares(i, a, j, b)
						}
					}
				}
				s.SharesBound(i, j)
			}
		}
	}
	kept := 0
	for k, r := range s.rows {
		words := 0
		for x, off := range r.offs {
			if off > 0 {
				words += int(s.zh[k].words+s.en[r.lo+x].words) + pairWords
				kept++
			}
		}
		require.Equal(t, words, len(r.bits), "row %d", k)
	}
	require.Greater(t, kept, 100)
}

// TestPruneEnSamePairs checks that the English side's pruned features
// (pruneEn) leave every pair of blocks as it was, bitsets and sums to the
// bit, and that they are pruned: most English words' keys meet no
// Chinese unit.
func TestPruneEnSamePairs(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	// Latin words and numbers on the Chinese side make some keys and
	// literals live; blocks that repeat share their interned lists
	zh = append(zh, "", "１０００人，COVID-19", "的了", "COVID-19疫情和WHO", "COVID-19疫情和WHO", "他们用Python写程序，读Shakespeare")
	en = append(en, "", "1,000 people with COVID-19", "of the", "the WHO and COVID-19", "the WHO and COVID-19", "they write programs in Python and read Shakespeare")
	pruned, whole := l.newBlocks(zh, en, true, nil), l.newBlocks(zh, en, false, nil)
	offers := func(s *Blocks) (n int) {
		for _, b := range s.en {
			n += int(b.offers.end - b.offers.start)
		}
		return n
	}
	require.Less(t, offers(pruned), offers(whole)/2, "English features pruned")
	require.Positive(t, offers(pruned))
	for k := range zh {
		for l := range en {
			got, want := pruned.pair(k, l), whole.pair(k, l)
			require.Equal(t, want, got, "pair (%d, %d)", k, l)
		}
	}
	for i := 0; i+2 <= len(zh); i++ {
		for j := max(0, i-4); j < min(len(en)-2, i+4); j++ {
			require.Equal(t, math.Float64bits(whole.Similarity(i, 2, j, 2)), math.Float64bits(pruned.Similarity(i, 2, j, 2)))
			require.Equal(t, math.Float64bits(whole.SimilarityBound(i, 1, j, 3)), math.Float64bits(pruned.SimilarityBound(i, 1, j, 3)))
		}
	}
}

// TestPairSumsKept: pairSums reads a kept pair where its row points,
// and pair the bitsets before it: both are what computing the pair afresh
// gives, for pairs asked for the first time and again, kept in a row's
// window, beyond it (a long document's) and after Forget. met of one
// pair, which reads the pair's sums, is the walk over its bits, to the
// bit.
func TestPairSumsKept(t *testing.T) {
	l := Default()
	require.NoError(t, lang.Load())
	zh, en := referenceBlocks(t)
	far := l.NewBlocks(zh, en)
	far.long, far.window, far.budget = true, 6, 0
	metSums := 0
	for _, s := range []*Blocks{l.NewBlocks(zh, en), far} {
		fresh := func(k, l int) []uint64 {
			z, e := &s.zh[k], &s.en[l]
			set := make([]uint64, z.words+e.words+pairWords)
			s.fill(set, k, z, e)
			return set
		}
		for i := range zh {
			// each pair twice: first from one end of the row, then from
			// the other, so that windows grow both ways
			for pass := 0; pass < 2; pass++ {
				for x := 0; x < 20; x++ {
					j := max(0, i-10) + x
					if pass == 1 {
						j = min(len(en), i+10) - 1 - x
					}
					if j < 0 || j >= len(en) {
						continue
					}
					want := fresh(i, j)
					sums := want[len(want)-pairWords:]
					zs, es := s.pairSums(i, j)
					require.Equal(t, sums[0], math.Float64bits(zs), "(%d,%d)", i, j)
					require.Equal(t, sums[1], math.Float64bits(es), "(%d,%d)", i, j)
					require.Equal(t, want, s.pair(i, j), "(%d,%d)", i, j)
					got := [4]float64{}
					got[0], got[1], got[2], got[3] = s.met(i, 1, j, 1)
					walk := [4]float64{}
					walk[0], walk[1], walk[2], walk[3] = s.metWalk(i, 1, j, 1)
					for x := range got {
						require.Equal(t, math.Float64bits(walk[x]), math.Float64bits(got[x]), "(%d,%d) met %v, walk %v", i, j, got, walk)
					}
					if walk[0] > 0 && walk[2] > 0 {
						metSums++
					}
				}
			}
			s.Forget(i - 3)
		}
	}
	require.Positive(t, metSums, "pairs that meet")
}

// pairSums is a pair's sums as the Blocks' callers ask them: rowSums,
// else pairSumsAfresh.
func (s *Blocks) pairSums(k, l int) (zh, en float64) {
	if zh, en, ok := rowSums(&s.rows[k], l); ok {
		return zh, en
	}
	return s.pairSumsAfresh(k, l)
}

// sumItems is the sum of the weights of the items of blocks, added in
// order from 0: what sumRuns keeps for runs of one to three blocks and
// runSum gives for any run.
func sumItems(blocks []blockSide) float64 {
	sum := 0.0
	for _, b := range blocks {
		for _, w := range b.weights {
			sum += w
		}
	}
	return sum
}

// TestRunSumSameAsWalk checks that runSum, which goes on from the sum of
// a run's first three blocks, gives to the bit the sum of the run's
// weights added in order from 0 (sumItems), on blocks of random weights
// of many magnitudes, so that the additions round.
func TestRunSumSameAsWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 10))
	side := make([]blockSide, 40)
	for k := range side {
		side[k].weights = make([]float64, rng.IntN(9))
		for w := range side[k].weights {
			side[k].weights[w] = math.Ldexp(rng.Float64(), rng.IntN(40)-20)
		}
	}
	sumRuns(side)
	for i := range side {
		for n := 1; n <= 8 && i+n <= len(side); n++ {
			want := sumItems(side[i : i+n])
			require.Equal(t, math.Float64bits(want), math.Float64bits(runSum(side, i, n)), "run %d+%d", i, n)
		}
	}
}

// TestPairSumsWithinBlock checks what SimilarityBound relies on when no
// weight is negative (Blocks.exceeds): the sum of the weights of any
// subset of a block's items, added in order from 0, is at most the sum
// of all of them added the same way, on random weights of many
// magnitudes (so that the additions round) and random subsets.
func TestPairSumsWithinBlock(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 11))
	for range 20000 {
		weights := make([]float64, 1+rng.IntN(64))
		for w := range weights {
			weights[w] = math.Ldexp(rng.Float64(), rng.IntN(60)-30)
		}
		all := sumItems([]blockSide{{weights: weights}})
		met := rng.Uint64() & rng.Uint64()
		if len(weights) < 64 {
			met &= 1<<len(weights) - 1
		}
		require.LessOrEqual(t, wordSum(met, weights), all)
		require.LessOrEqual(t, bitsSum([]uint64{met}, weights), all)
	}
}

// TestAtMostOneIsMin checks atMostOne against min(1, x) to the bit, on the
// values where min's handling differs from a compare (zeros, NaN,
// infinities, 1 and its neighbours) and on random ones.
func TestAtMostOneIsMin(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1),
		1, math.Nextafter(1, 2), math.Nextafter(1, 0), -1, 0.5, 2, math.MaxFloat64,
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(13, 13))
	for range 100000 {
		xs = append(xs, math.Float64frombits(rng.Uint64()), rng.Float64()*3-1)
	}
	for _, x := range xs {
		if got, want := atMostOne(x), min(1, x); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("atMostOne(%v) = %v (%#x), min(1, x) = %v (%#x)", x, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	}
}
