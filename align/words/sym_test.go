package words

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
)

func TestSymmetrise(t *testing.T) {
	for _, tc := range []struct {
		name      string
		ez, ze    []int32 // English → Chinese, Chinese → English
		inter     []Link
		growDiagF []Link
	}{
		{"agreeing", []int32{0, 1, 2}, []int32{0, 1, 2},
			[]Link{{0, 0}, {1, 1}, {2, 2}}, []Link{{0, 0}, {1, 1}, {2, 2}}},
		{"one Chinese word, two English words (外交部: Foreign Ministry)", []int32{0, 0}, []int32{1},
			[]Link{{0, 1}}, []Link{{0, 0}, {0, 1}}},
		{"unlinked on one side", []int32{-1, 1}, []int32{-1, 1},
			[]Link{{1, 1}}, []Link{{1, 1}}},
		// grow-diag adds a neighbour of the union when one of its words is
		// still unlinked; a far link of the union is left to final, which
		// adds it only when a word of it is unlinked
		{"a diagonal neighbour joins", []int32{0, 1, 0}, []int32{0, 1, 2},
			[]Link{{0, 0}, {1, 1}}, []Link{{0, 0}, {0, 2}, {1, 1}, {2, 2}}},
		{"a far link whose words are both linked stays out", []int32{0, 1, 2, 0}, []int32{0, 1, 2, 3},
			[]Link{{0, 0}, {1, 1}, {2, 2}}, []Link{{0, 0}, {1, 1}, {2, 2}, {3, 3}}},
		{"nothing", []int32{-1}, []int32{-1}, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inter, gdf := symmetrise(tc.ez, tc.ze)
			assert.Equal(t, tc.inter, inter)
			assert.Equal(t, tc.growDiagF, gdf)
		})
	}
}

// TestSymmetriseInvariants: over every pair of directional alignments of a
// 3×3 pair, the intersection lies in grow-diag-final, which lies in the
// union and links every word the union links.
func TestSymmetriseInvariants(t *testing.T) {
	const m, n = 3, 3
	choices := []int32{-1, 0, 1, 2}
	var ze, ez [3]int32
	var reused symmetriser // pair after pair, as linkWindow uses it
	var rec func(k int)
	rec = func(k int) {
		if k < m+n {
			for _, c := range choices {
				if k < m {
					ze[k] = c
				} else {
					ez[k-m] = c
				}
				rec(k + 1)
			}
			return
		}
		inter, gdf := symmetrise(ez[:], ze[:])
		rInter, rGDF := reused.symmetrise(ez[:], ze[:])
		assert.True(t, slices.Equal(inter, rInter) && slices.Equal(gdf, rGDF), "reused scratch (ze %v ez %v)", ze, ez)
		inU := func(l Link) bool { return ze[l.Zh] == l.En || ez[l.En] == l.Zh }
		inG := map[Link]bool{}
		zhLinked, enLinked := map[int32]bool{}, map[int32]bool{}
		for _, l := range gdf {
			assert.True(t, inU(l), "gdf link %v not in the union (ze %v ez %v)", l, ze, ez)
			inG[l] = true
			zhLinked[l.Zh], enLinked[l.En] = true, true
		}
		for _, l := range inter {
			assert.True(t, inG[l], "intersection link %v not in gdf (ze %v ez %v)", l, ze, ez)
		}
		for i, j := range ze {
			if j >= 0 {
				assert.True(t, zhLinked[int32(i)] && enLinked[j], "union link %d-%d: a word left unlinked (ze %v ez %v)", i, j, ze, ez)
			}
		}
		for j, i := range ez {
			if i >= 0 {
				assert.True(t, zhLinked[i] && enLinked[int32(j)], "union link %d-%d: a word left unlinked (ze %v ez %v)", i, j, ze, ez)
			}
		}
	}
	rec(0)
}

// TestSetLinksInter: the intersection links, kept as a bit per
// grow-diag-final link, come back as they were given, across the bytes
// of the mask; a link outside GDF is refused.
func TestSetLinksInter(t *testing.T) {
	var gdf []Link
	for i := range int32(7) {
		for j := range int32(3) {
			gdf = append(gdf, Link{i, j + i})
		}
	}
	for _, pick := range []func(k int) bool{
		func(int) bool { return false },
		func(int) bool { return true },
		func(k int) bool { return k%3 == 1 },
		func(k int) bool { return k == 7 || k == 8 || k == 20 },
	} {
		var inter []Link
		for k, l := range gdf {
			if pick(k) {
				inter = append(inter, l)
			}
		}
		p := &Pair{Zh: make([]Token, 7), En: make([]Token, 9)}
		p.setLinks(inter, gdf, &linkSlabs{})
		assert.Equal(t, inter, p.Inter())
		assert.Equal(t, gdf, p.GDF)
		for k := range gdf {
			assert.Equal(t, pick(k), p.IsInter(k), "link %d", k)
		}
		for _, l := range []align.Lang{align.Zh, align.En} {
			for i := range p.Tokens(l) {
				assert.Equal(t, Unlinked, p.Strength(l, i))
				assert.False(t, p.Backed(l, i))
			}
		}
	}
	p := &Pair{Zh: make([]Token, 2), En: make([]Token, 2)}
	assert.Panics(t, func() { p.setLinks([]Link{{1, 0}}, []Link{{0, 0}, {1, 1}}, nil) })
}

func cmpLink(a, b Link) int {
	if a.Zh != b.Zh {
		return int(a.Zh) - int(b.Zh)
	}
	return int(a.En) - int(b.En)
}

// TestSymmetriseUnion: the union symmetrise lays out in order is that of
// both directions' links, sorted by Chinese then English word (as it was
// made before: appended and sorted), on random links of random pairs,
// with the scratch reused.
func TestSymmetriseUnion(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 9))
	var s symmetriser
	for k := range 2000 {
		m, n := 1+rng.IntN(30), 1+rng.IntN(30)
		ze, ez := make([]int32, m), make([]int32, n)
		for i := range ze {
			ze[i] = int32(rng.IntN(n+1)) - 1
		}
		for j := range ez {
			ez[j] = int32(rng.IntN(m+1)) - 1
			if k%3 == 0 && rng.IntN(2) == 0 {
				// agreeing links, so that some of the union's come from both
				if i := rng.IntN(m); ze[i] >= 0 {
					ez[ze[i]] = int32(i)
				}
			}
		}
		var want []Link
		for i, j := range ze {
			if j >= 0 {
				want = append(want, Link{int32(i), j})
			}
		}
		for j, i := range ez {
			if i >= 0 && ze[i] != int32(j) {
				want = append(want, Link{i, int32(j)})
			}
		}
		slices.SortFunc(want, cmpLink)
		s.symmetrise(ez, ze)
		require.Equal(t, len(want), len(s.union), "pair %d", k)
		for x := range want {
			require.Equal(t, want[x], s.union[x], "pair %d (ze %v ez %v)", k, ze, ez)
		}
	}
}

// symmetriseRef is symmetrise as it was before grow-diag tried each
// link's neighbours by name rather than from a table, and tried every
// link of the set again in each pass: the reference it must equal, link
// for link.
func symmetriseRef(ez, ze []int32) (inter, gdf []Link) {
	var s symmetriser
	m, n := int32(len(ze)), int32(len(ez))
	inU := func(i, j int32) bool { return ze[i] == j || ez[j] == i }
	// Every link of either set is a link of the union, which has at most
	// one link per word and direction: whether one is in the current set
	// is kept per union link.
	inZE := reuse(&s.inZE, int(m)) // (i, ze[i]) is in the set
	inEZ := reuse(&s.inEZ, int(n)) // (ez[j], j) is in the set
	zhAl := reuse(&s.zhAl, int(m)) // links of each word in the set
	enAl := reuse(&s.enAl, int(n))
	in := func(i, j int32) bool { return ze[i] == j && inZE[i] || ez[j] == i && inEZ[j] }
	add := func(i, j int32) {
		if ze[i] == j {
			inZE[i] = true
		}
		if ez[j] == i {
			inEZ[j] = true
		}
		zhAl[i]++
		enAl[j]++
	}
	// The union, sorted by Chinese word, then English, without a sort:
	// next[i] is where the next link of Chinese word i goes, its links
	// from ez put there in English order, then its own (ze) moved back
	// past those of later English words.
	next := reuse(&s.next, int(m)+1)
	for j, i := range ez {
		if i >= 0 && ze[i] != int32(j) {
			next[i+1]++
		}
	}
	for i, j := range ze {
		if j >= 0 {
			next[i+1]++
		}
	}
	for i := range m {
		next[i+1] += next[i]
	}
	union := grow(s.union, int(next[m]))
	for j, i := range ez {
		if i >= 0 && ze[i] != int32(j) {
			union[next[i]] = Link{i, int32(j)}
			next[i]++
		}
	}
	for i, j := range ze {
		if j >= 0 {
			k := next[i]
			for ; k > 0 && union[k-1].Zh == int32(i) && union[k-1].En > j; k-- {
				union[k] = union[k-1]
			}
			union[k] = Link{int32(i), j}
		}
	}
	s.union = union
	inter = s.inter[:0]
	for _, l := range union {
		if ze[l.Zh] == l.En && ez[l.En] == l.Zh {
			inter = append(inter, l)
			add(l.Zh, l.En)
		}
	}
	s.inter = inter
	// grow-diag: from each link of the set, take neighbouring links of the
	// union (diagonals too) that link a word still unlinked, until none.
	neighbours := [8][2]int32{{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}}
	for added := true; added; {
		added = false
		for _, l := range union {
			if !in(l.Zh, l.En) {
				continue
			}
			for _, d := range neighbours {
				i, j := l.Zh+d[0], l.En+d[1]
				if i < 0 || i >= m || j < 0 || j >= n || !inU(i, j) || in(i, j) {
					continue
				}
				if zhAl[i] == 0 || enAl[j] == 0 {
					add(i, j)
					added = true
				}
			}
		}
	}
	// final: each direction's links whose words are not both linked
	for _, dir := range [2]bool{false, true} {
		for _, l := range union {
			if dir && ze[l.Zh] != l.En || !dir && ez[l.En] != l.Zh {
				continue
			}
			if !in(l.Zh, l.En) && (zhAl[l.Zh] == 0 || enAl[l.En] == 0) {
				add(l.Zh, l.En)
			}
		}
	}
	gdf = s.gdf[:0]
	for _, l := range union {
		if in(l.Zh, l.En) {
			gdf = append(gdf, l)
		}
	}
	s.gdf = gdf
	return inter, gdf
}

// TestSymmetriseRandom: symmetrise gives symmetriseRef's intersection and
// grow-diag-final on random directional alignments, near the diagonal
// (so that grow-diag has neighbours to take) and anywhere.
func TestSymmetriseRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 12))
	var s symmetriser
	for k := range 3000 {
		m, n := 1+rng.IntN(25), 1+rng.IntN(25)
		ze, ez := make([]int32, m), make([]int32, n)
		near := func(x, from, to int) int32 {
			if rng.IntN(4) == 0 {
				return -1
			}
			if k%2 == 0 {
				return int32(rng.IntN(to))
			}
			c := x*to/from + rng.IntN(5) - 2
			return int32(min(max(c, 0), to-1))
		}
		for i := range ze {
			ze[i] = near(i, m, n)
		}
		for j := range ez {
			ez[j] = near(j, n, m)
		}
		wantInter, wantGDF := symmetriseRef(ez, ze)
		inter, gdf := s.symmetrise(ez, ze)
		// (a symmetriser reused gives empty slices where a new one
		// gives nil)
		require.Equal(t, append([]Link{}, wantInter...), append([]Link{}, inter...), "ze %v ez %v", ze, ez)
		require.Equal(t, append([]Link{}, wantGDF...), append([]Link{}, gdf...), "ze %v ez %v", ze, ez)
	}
}
