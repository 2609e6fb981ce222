package align

import (
	"sync"

	"github.com/aligncheck/aligncheck/align/numerals"
)

// SentRef names a sentence: block index (in its language) and sentence index
// inside the block.
type SentRef struct{ Block, Sent int }

// SentBead is a sentence-level bead inside a paragraph bead. Either side may be
// empty (a sentence with no counterpart).
type SentBead struct {
	Zh    []SentRef
	En    []SentRef
	Score float64 // 0..1, how well the two sides correspond
	Lex   float64 // lexical similarity 0..1 (-1 when not measured)

	// Null marks a bead with one empty side that the sentence aligner is
	// confident about (strong evidence, not just a leftover): the checks
	// report these as omission/addition. Set by the sentence aligner.
	Null bool
	// NullConf is, for a bead with one side empty, the confidence in [0,1]
	// that the sentence really has no counterpart (from the margin by which
	// the aligner preferred leaving it alone to joining it to a neighbouring
	// bead); Null is NullConf >= NullThreshold. 0 on beads with both sides.
	NullConf float64
}

// Type gives the bead shape, e.g. "1-2".
func (s SentBead) Type() string { return itoa(len(s.Zh)) + "-" + itoa(len(s.En)) }

// Bead is a paragraph-level bead: consecutive Chinese blocks with consecutive
// English blocks (either side may be empty).
type Bead struct {
	Zh []int // block indices, consecutive
	En []int

	Cost     float64 // DP cost of the bead, nats, prior included
	Score    float64 // 0..1 confidence that the two sides correspond
	LenDelta float64 // Gale–Church delta of the lengths under the document's model
	Lex      float64 // lexical similarity 0..1 (-1 when not measured)
	Anchors  []string
	Layout   bool // the input's layout suggested exactly this pairing

	// SwappedWith is the index of a neighbouring bead whose English fits
	// this bead's Chinese (and the reverse) clearly better than their own:
	// a swapped pair. -1 when none.
	SwappedWith int

	Sents []SentBead
}

// Type gives the bead shape, e.g. "1-1" or "0-1".
func (b *Bead) Type() string { return itoa(len(b.Zh)) + "-" + itoa(len(b.En)) }

// Alignment is the result of aligning a document: paragraph beads in order,
// with sentence beads inside.
type Alignment struct {
	Doc      *Document
	Beads    []Bead
	Ratio    float64 // English characters per Chinese character, estimated
	Variance float64 // Gale–Church s², per Chinese character

	// ZhBead[i] is the bead holding Chinese block i; likewise EnBead.
	ZhBead []int
	EnBead []int

	memoMu sync.Mutex
	memo   map[string]any

	// nums holds the numbers of every block of each language (by Lang,
	// block index) as the paragraph aligner read them: numerals.Chinese or
	// numerals.English of the block's text. The sentence aligner reads a
	// sentence that is its whole block from them, and lets go of them: kept
	// for the checks, they would add to the peak memory of a long
	// document. nil when not read (a pre-aligned document) or let go.
	nums [2][][]numerals.Number
	// numbered[l] has bit i set when the paragraph aligner read some
	// number in block i of language l (nums[l][i] not empty); what is
	// kept of nums when they are let go, a bit a block, so that the
	// checks need not read a block again to find it has none (more than
	// half the blocks of the generated documents). nil when nums were
	// never read.
	numbered [2][]uint64
}

// NoNumbers reports whether block i of language l holds no number as
// numerals.Chinese or numerals.English (by l) reads its text, when the
// aligner knows: the paragraph aligner read them. ok is false when it
// does not know (a pre-aligned document, or an alignment made by On).
func (a *Alignment) NoNumbers(l Lang, i int) (none, ok bool) {
	bits := a.numbered[l]
	if bits == nil || i < 0 || i >= len(a.Doc.Blocks(l)) {
		return false, false
	}
	return bits[i/64]&(1<<(i%64)) == 0, true
}

// keepNumbered sets numbered from nums.
func (a *Alignment) keepNumbered() {
	for l, nums := range a.nums {
		if nums == nil {
			continue
		}
		bits := make([]uint64, (len(nums)+63)/64)
		for i, ns := range nums {
			if len(ns) > 0 {
				bits[i/64] |= 1 << (i % 64)
			}
		}
		a.numbered[l] = bits
	}
}

// Memo returns the value computed for key on this alignment, computing it
// with f the first time: what several checks derive from the same alignment
// (learned term pairs, say) is computed once.
func (a *Alignment) Memo(key string, f func() any) any {
	a.memoMu.Lock()
	defer a.memoMu.Unlock()
	if v, ok := a.memo[key]; ok {
		return v
	}
	if a.memo == nil {
		a.memo = map[string]any{}
	}
	v := f()
	a.memo[key] = v
	return v
}

// BeadOf returns the index of the bead holding block i of language l.
func (a *Alignment) BeadOf(l Lang, i int) int {
	if l == Zh {
		return a.ZhBead[i]
	}
	return a.EnBead[i]
}

// Text returns the joined text of one side of a bead.
func (a *Alignment) Text(b *Bead, l Lang) string {
	idx := b.Zh
	if l == En {
		idx = b.En
	}
	s := ""
	for k, i := range idx {
		if k > 0 {
			s += "\n\n"
		}
		s += a.Doc.Blocks(l)[i].Text
	}
	return s
}

func (a *Alignment) index() {
	a.ZhBead = make([]int, len(a.Doc.Zh))
	a.EnBead = make([]int, len(a.Doc.En))
	for bi, b := range a.Beads {
		for _, i := range b.Zh {
			a.ZhBead[i] = bi
		}
		for _, j := range b.En {
			a.EnBead[j] = bi
		}
	}
}

// On returns the alignment for another document with the same content
// (Document.ContentKey): the same beads, sharing their slices, which nothing
// changes once the aligner has made them.
func (a *Alignment) On(doc *Document) *Alignment {
	return &Alignment{Doc: doc, Beads: a.Beads, Ratio: a.Ratio, Variance: a.Variance, ZhBead: a.ZhBead, EnBead: a.EnBead}
}
