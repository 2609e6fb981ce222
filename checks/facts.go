package checks

import (
	"slices"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// A Fact is something about a document that several checks read: computed
// once per run of the checks over the document, on the first check's
// asking, and shared through the Pass (go/analysis shares an analyzer's
// result with the analyzers that require it, Requires and ResultOf, the
// same way). Compute reads the document, its alignment and Whole; never
// the asking check or its settings, since the result is shared.
type Fact[T any] struct {
	Name    string
	Compute func(*Pass) T
}

// facts holds the facts computed in one run, by *Fact.
type facts map[any]any

// Get returns fact f about the pass's document, computing it on the first
// ask of the run. A Pass made outside a run (no cache) computes it anew.
func Get[T any](p *Pass, f *Fact[T]) T {
	if factAsked != nil {
		factAsked(p, f)
	}
	if p.facts == nil {
		return f.Compute(p)
	}
	if v, ok := p.facts[f]; ok {
		return v.(T)
	}
	v := f.Compute(p)
	p.facts[f] = v
	return v
}

// The facts the checks share.
var (
	// numbersFact: the numbers of each block (numbers, numbers/missing,
	// alignment/shift).
	numbersFact = &Fact[*blockNumbers]{Name: "numbers", Compute: func(p *Pass) *blockNumbers {
		return &blockNumbers{doc: p.Doc, read: [2][][]numerals.Number{make([][]numerals.Number, len(p.Doc.Zh)), make([][]numerals.Number, len(p.Doc.En))},
			done: [2][]bool{make([]bool, len(p.Doc.Zh)), make([]bool, len(p.Doc.En))}}
	}}
	// numberPairsFact: the numbers of every pair matched across it, with
	// the mismatches (numbers, numbers/missing).
	numberPairsFact = &Fact[[]numResult]{Name: "number pairs", Compute: compareNumbers}
	// leadingFact: the enumerator that opens each block (numbering,
	// numbering/missing, numbering/sequence).
	leadingFact = &Fact[*leadingEnums]{Name: "enumerators", Compute: func(p *Pass) *leadingEnums {
		return &leadingEnums{read: [2][]leading{make([]leading, len(p.Doc.Zh)), make([]leading, len(p.Doc.En))}}
	}}
	// quotesFact: the quotations of a stretch of a block, a whole block or
	// a sentence (punctuation/quotes, consistency).
	quotesFact = &Fact[map[textPos][]quoted]{Name: "quotations", Compute: func(*Pass) map[textPos][]quoted {
		return map[textPos][]quoted{}
	}}
)

// factAsked, when set (by a test), is called on every Get.
var factAsked func(p *Pass, f any)

// letGo are facts a run lets go after the last of their readers it runs,
// rather than at its end: the numbers of the blocks and of the pairs, the
// largest facts a run keeps (21 MB at 50,000 pairs), which no check after
// the numbers checks reads — while the consistency check, later, makes
// the run's largest heap of its own. Readers are the checks that ask
// for either fact, directly or through a function they call
// (TestLetGoReaders checks the list on the checks' fixtures); a check
// missing here would compute the facts again, to the same result.
var letGo = []struct {
	facts   []any
	readers []string
}{
	{facts: []any{numbersFact, numberPairsFact}, readers: []string{"omission", "addition", "omission/partial",
		"addition/partial", "alignment/shift", "length", "numbers", "numbers/missing"}},
}

// letGoAfter returns, for each check of list, the facts to let go after
// it runs: those whose last reader among the checks to run it is.
func letGoAfter(list []*Check, set *Settings) [][]any {
	out := make([][]any, len(list))
	for _, g := range letGo {
		last := -1
		for i, c := range list {
			if !set.Disabled[c.Name] && slices.Contains(g.readers, c.Name) {
				last = i
			}
		}
		if last >= 0 {
			out[last] = append(out[last], g.facts...)
		}
	}
	return out
}

// blockNumbers reads the numbers of a block on the first ask: in Chinese
// as chineseNumbers does, in English as numerals.English.
type blockNumbers struct {
	doc  *align.Document
	read [2][][]numerals.Number // by language, block
	done [2][]bool
}

// Numbers are the numbers of block i of language l.
func (p *Pass) Numbers(l align.Lang, i int) []numerals.Number {
	n := Get(p, numbersFact)
	if !n.done[l][i] {
		text := n.doc.Blocks(l)[i].Text
		if none, ok := n.known(p, l, i); ok && none {
			// the aligner read none in the same text: neither does
			// numerals.English, nor chineseNumbers, which only drops
			// some of what numerals.Chinese reads
		} else if l == align.Zh {
			n.read[l][i] = chineseNumbers(text)
		} else {
			n.read[l][i] = numerals.English(text)
		}
		n.done[l][i] = true
	}
	return n.read[l][i]
}

// known is the aligner's Alignment.NoNumbers for block i, when the
// alignment is of the document whose numbers are read.
func (n *blockNumbers) known(p *Pass, l align.Lang, i int) (none, ok bool) {
	if p.Align == nil || p.Align.Doc != n.doc {
		return false, false
	}
	return p.Align.NoNumbers(l, i)
}

// leading is the enumerator that opens a block, once read: e is nil when
// the block opens with none (most do; an Enumerator takes 80 bytes).
type leading struct {
	e     *numerals.Enumerator
	known bool
}

type leadingEnums struct{ read [2][]leading }

// Leading is the enumerator that opens a block (leadingOf), read once.
func (p *Pass) Leading(b *align.Block) (numerals.Enumerator, bool) {
	ls := Get(p, leadingFact)
	if b.Index >= len(ls.read[b.Lang]) || p.Doc.Blocks(b.Lang)[b.Index] != b {
		return leadingOf(b) // not one of the document's blocks
	}
	r := &ls.read[b.Lang][b.Index]
	if !r.known {
		if e, ok := leadingOf(b); ok {
			r.e = new(numerals.Enumerator) // e itself stays on the stack
			*r.e = e
		}
		r.known = true
	}
	if r.e == nil {
		return numerals.Enumerator{}, false
	}
	return *r.e, true
}

// Quotes are the quotations in a stretch of a block (zhQuotes or
// enQuotes over its text), found once.
func (p *Pass) Quotes(pos textPos) []quoted {
	m := Get(p, quotesFact)
	if qs, ok := m[pos]; ok {
		return qs
	}
	text := p.Doc.Blocks(pos.Lang)[pos.Block].Text[pos.Start:pos.End]
	var qs []quoted
	if pos.Lang == align.Zh {
		if !containsAnyOf(text, zhOpenQuoteList) {
			return nil // most stretches: none kept for them
		}
		qs = zhQuotes(text)
	} else {
		if !containsAnyOf(text, enOpenQuoteList) {
			return nil
		}
		qs = enQuotes(text)
	}
	m[pos] = qs
	return qs
}

// lexiconGlosses looks a Chinese word up in the embedded lexicon for
// numerals.WithoutFixedExpressions: a four- to six-character headword
// whose English glosses name no number (一天到晚 "all day long", 万众一心
// "united as one") holds numerals that count nothing.
func lexiconGlosses(w string) ([]string, bool) {
	lex := lexicon.Default()
	ids := lex.Glosses(w)
	if ids == nil {
		return nil, false
	}
	ws := make([]string, len(ids))
	for i, id := range ids {
		ws[i] = lex.Word(id)
	}
	return ws, true
}
