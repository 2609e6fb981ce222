package words

// Link joins token Zh of a pair's Chinese side with token En of its
// English side. (A pair's links are kept while the checks run: int32
// halves them.)
type Link struct{ Zh, En int32 }

// Strength is how firmly a token is linked: the strongest of its links.
type Strength uint8

const (
	// Unlinked: neither direction of the model aligns the token to a word.
	Unlinked Strength = iota
	// OneWay: one direction aligns it, and grow-diag-final did not keep
	// the link.
	OneWay
	// Grown: linked by grow-diag-final, not by both directions.
	Grown
	// Sure: both directions agree (the intersection).
	Sure
)

func (s Strength) String() string {
	return [...]string{"unlinked", "one-way", "grown", "sure"}[s]
}

// symmetriser symmetrises the links of pair after pair, reusing its
// scratch slices.
type symmetriser struct {
	inZE, inEZ []bool
	zhAl, enAl []int32
	next       []int32
	union      []Link
	tried      []bool
	inter, gdf []Link
}

// symmetrise combines the two directional alignments of a pair: ez[j] is
// the Chinese word of English word j, ze[i] the English word of Chinese
// word i (−1: none). It returns the intersection and grow-diag-final (Koehn,
// Och & Marcu 2003, "Statistical Phrase-Based Translation"; "final" with
// "or": a link of either direction is added when either of its words is
// still unlinked), both sorted by Chinese then English position.
func symmetrise(ez, ze []int32) (inter, gdf []Link) {
	var s symmetriser
	return s.symmetrise(ez, ze)
}

// symmetrise is symmetrise; what it returns is valid until the next call.
func (s *symmetriser) symmetrise(ez, ze []int32) (inter, gdf []Link) {
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
	// A link's neighbours are tried one by one (take reports whether it
	// took one), in the order that decides which is taken first: above,
	// left, below, right, then the diagonals. (A loop over a table of
	// their offsets cost a sixth more of symmetrise.)
	//
	// A link in the set has both its words linked (add counts them), so
	// that a link with a word still unlinked is not in the set: take
	// asks that first, which turns down most neighbours (their words
	// are linked) without reading the union, and never whether the link
	// is in the set already.
	//
	// (A word out of range is tested for with one comparison a
	// language, unsigned: a negative index becomes a large one. It
	// compares the index as an int with the slice's length, which is
	// m or n, so that the compiler checks no bounds of zhAl and enAl
	// after it.)
	take := func(i, j int32) bool {
		zi, ej := int(i), int(j)
		if uint(zi) >= uint(len(zhAl)) || uint(ej) >= uint(len(enAl)) || zhAl[zi] != 0 && enAl[ej] != 0 || !inU(i, j) {
			return false
		}
		add(i, j)
		return true
	}
	// takeZh and takeEn are take for a neighbour above or below, and
	// left or right: the link's other word is linked, so only the
	// neighbour's own word is asked about.
	takeZh := func(i, j int32) bool {
		zi := int(i)
		if uint(zi) >= uint(len(zhAl)) || zhAl[zi] != 0 || !inU(i, j) {
			return false
		}
		add(i, j)
		return true
	}
	takeEn := func(i, j int32) bool {
		ej := int(j)
		if uint(ej) >= uint(len(enAl)) || enAl[ej] != 0 || !inU(i, j) {
			return false
		}
		add(i, j)
		return true
	}
	// A link is grown from once: what take turns down it turns down
	// for good (the set and the words' links only grow), and what it
	// takes is then in the set, so a second try of a link's neighbours
	// takes nothing. Each pass tries the links of the set not tried
	// yet (those added behind it in the pass before), in the same
	// order as trying every link again would take them.
	tried := reuse(&s.tried, len(union))
	for added := true; added; {
		added = false
		for k, l := range union {
			if tried[k] || !in(l.Zh, l.En) {
				continue
			}
			tried[k] = true
			i, j := l.Zh, l.En
			if takeZh(i-1, j) {
				added = true
			}
			if takeEn(i, j-1) {
				added = true
			}
			if takeZh(i+1, j) {
				added = true
			}
			if takeEn(i, j+1) {
				added = true
			}
			if take(i-1, j-1) {
				added = true
			}
			if take(i-1, j+1) {
				added = true
			}
			if take(i+1, j-1) {
				added = true
			}
			if take(i+1, j+1) {
				added = true
			}
		}
	}
	// final: each direction's links whose words are not both linked
	for _, dir := range [2]bool{false, true} {
		for _, l := range union {
			if dir && ze[l.Zh] != l.En || !dir && ez[l.En] != l.Zh {
				continue
			}
			if zhAl[l.Zh] == 0 || enAl[l.En] == 0 { // (then not in the set)
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

// reuse returns *buf cut or grown to n elements, cleared.
func reuse[T any](buf *[]T, n int) []T {
	*buf = grow(*buf, n)
	clear(*buf)
	return *buf
}
