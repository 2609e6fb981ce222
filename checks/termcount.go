package checks

import "strings"

// termCounter counts many terms in a text in one pass: for each term,
// what strings.Count gives (its occurrences that do not overlap, taken
// from the left). Counting each term with strings.Count took a pass over
// the text a term, and a long document quotes hundreds of terms.
type termCounter struct {
	terms []string
	// head[k] is one more than the index of the first term of two bytes
	// or more that begins with the two bytes k, and next[i] one more than
	// that of the next after term i (0 ends a chain); an array, as any
	// uint16 indexes it without a bounds check
	head *[1 << 16]int32
	next []int32
	// starts[b] tells whether a term of two bytes or more begins with
	// byte b: read before head, it passes over most of the text with one
	// small table (the continuation bytes of Chinese, the letters of
	// English no term begins with), where head's 256 KB are read at a
	// byte at most once in three
	starts [256]bool
	// short are the terms of fewer than two bytes, counted apart
	short []int
	// lastEnd[i] is where term i's last occurrence counted in the text
	// being read ends; it holds for that text only when gen[i] is its
	// generation
	lastEnd []int
	gen     []uint32
	g       uint32
}

func newTermCounter(terms []string) *termCounter {
	c := &termCounter{terms: terms, head: new([1 << 16]int32), next: make([]int32, len(terms)),
		lastEnd: make([]int, len(terms)), gen: make([]uint32, len(terms))}
	// chained in reverse, so that a chain lists its terms in order
	for i := len(terms) - 1; i >= 0; i-- {
		t := terms[i]
		if len(t) < 2 {
			c.short = append(c.short, i)
			continue
		}
		k := uint16(t[0])<<8 | uint16(t[1])
		c.starts[t[0]] = true
		c.next[i] = c.head[k]
		c.head[k] = int32(i + 1)
	}
	return c
}

// add adds to counts[i] strings.Count(text, terms[i]), for every term.
func (c *termCounter) add(text string, counts []int) {
	c.g++
	if c.g == 0 {
		clear(c.gen)
		c.g = 1
	}
	// i < last, rather than i+1 < len(text), lets the compiler see that
	// text[i] is in range: the test of a byte no term begins with, most of
	// the text, is then the loop's only work
	last := len(text) - 1
	for i := 0; i < last; i++ {
		if !c.starts[text[i]] {
			continue
		}
		for p := c.head[uint16(text[i])<<8|uint16(text[i+1])]; p != 0; p = c.next[p-1] {
			k := int(p - 1)
			if c.gen[k] == c.g && i < c.lastEnd[k] {
				continue // inside its occurrence counted last
			}
			if t := c.terms[k]; strings.HasPrefix(text[i:], t) {
				counts[k]++
				c.gen[k], c.lastEnd[k] = c.g, i+len(t)
			}
		}
	}
	for _, k := range c.short {
		counts[k] += strings.Count(text, c.terms[k])
	}
}
