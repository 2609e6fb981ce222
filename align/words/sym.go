package words

import "slices"

// Link joins token Zh of a pair's Chinese side with token En of its
// English side.
type Link struct{ Zh, En int }

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

// symmetrise combines the two directional alignments of a pair: ez[j] is
// the Chinese word of English word j, ze[i] the English word of Chinese
// word i (−1: none). It returns the intersection and grow-diag-final (Koehn,
// Och & Marcu 2003, "Statistical Phrase-Based Translation"; "final" with
// "or": a link of either direction is added when either of its words is
// still unlinked), both sorted by Chinese then English position.
func symmetrise(ez, ze []int) (inter, gdf []Link) {
	m, n := len(ze), len(ez)
	inU := func(i, j int) bool { return ze[i] == j || ez[j] == i }
	// Every link of either set is a link of the union, which has at most
	// one link per word and direction: whether one is in the current set
	// is kept per union link.
	inZE := make([]bool, m) // (i, ze[i]) is in the set
	inEZ := make([]bool, n) // (ez[j], j) is in the set
	zhAl := make([]int, m)  // links of each word in the set
	enAl := make([]int, n)
	in := func(i, j int) bool { return ze[i] == j && inZE[i] || ez[j] == i && inEZ[j] }
	add := func(i, j int) {
		if ze[i] == j {
			inZE[i] = true
		}
		if ez[j] == i {
			inEZ[j] = true
		}
		zhAl[i]++
		enAl[j]++
	}
	var union []Link
	for i, j := range ze {
		if j >= 0 {
			union = append(union, Link{i, j})
		}
	}
	for j, i := range ez {
		if i >= 0 && ze[i] != j {
			union = append(union, Link{i, j})
		}
	}
	slices.SortFunc(union, cmpLink)
	for _, l := range union {
		if ze[l.Zh] == l.En && ez[l.En] == l.Zh {
			inter = append(inter, l)
			add(l.Zh, l.En)
		}
	}
	// grow-diag: from each link of the set, take neighbouring links of the
	// union (diagonals too) that link a word still unlinked, until none.
	neighbours := [8][2]int{{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}}
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
	for _, l := range union {
		if in(l.Zh, l.En) {
			gdf = append(gdf, l)
		}
	}
	return inter, gdf
}

func cmpLink(a, b Link) int {
	if a.Zh != b.Zh {
		return a.Zh - b.Zh
	}
	return a.En - b.En
}
