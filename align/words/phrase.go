package words

import (
	"slices"
	"strings"
	"sync"

	"github.com/aligncheck/aligncheck/align"
)

// Range is the tokens [Lo, Hi) of one side of a pair.
type Range struct{ Lo, Hi int }

// Len is the number of tokens.
func (r Range) Len() int { return r.Hi - r.Lo }

// Phrase is a phrase pair: a range of Chinese and a range of English
// tokens of one pair.
type Phrase struct{ Zh, En Range }

// Counterpart returns the other side's tokens that render tokens r of side
// l under links (Inter or GDF): the tightest range holding every token
// linked to r, if it is consistent with the links — no token in it is
// linked to a token of side l outside r (the phrase-pair rule of Och &
// Ney 2004 and Koehn et al. 2003). ok is false when r has no link, or
// when the rendering is not consistent (r is part of a larger unit the
// links do not split, or the translation reorders across it). Unlinked
// tokens at the edges are left out.
func (p *Pair) Counterpart(links []Link, l align.Lang, r Range) (Range, bool) {
	out := Range{Lo: -1}
	for _, k := range links {
		a, b := int(k.Zh), int(k.En)
		if l == align.En {
			a, b = b, a
		}
		if a < r.Lo || a >= r.Hi {
			continue
		}
		if out.Lo < 0 || b < out.Lo {
			out.Lo = b
		}
		if b+1 > out.Hi {
			out.Hi = b + 1
		}
	}
	if out.Lo < 0 {
		return Range{}, false
	}
	for _, k := range links {
		a, b := int(k.Zh), int(k.En)
		if l == align.En {
			a, b = b, a
		}
		if b >= out.Lo && b < out.Hi && (a < r.Lo || a >= r.Hi) {
			return Range{}, false
		}
	}
	return out, true
}

// Phrases lists the phrase pairs of p consistent with links, each side at
// most maxLen tokens: for each Chinese range with a link, its Counterpart,
// and that English range widened over unlinked English tokens at either
// edge (the standard extraction of phrase-based translation). Pairs come
// in order of Chinese start, Chinese end, English start, English end.
func (p *Pair) Phrases(links []Link, maxLen int) []Phrase {
	enLinked := make([]bool, len(p.En))
	for _, k := range links {
		enLinked[k.En] = true
	}
	var out []Phrase
	for lo := range p.Zh {
		for hi := lo + 1; hi <= len(p.Zh) && hi-lo <= maxLen; hi++ {
			zh := Range{lo, hi}
			en, ok := p.Counterpart(links, align.Zh, zh)
			if !ok || en.Len() > maxLen {
				continue
			}
			for a := en.Lo; a >= 0 && (a == en.Lo || !enLinked[a]); a-- {
				for b := en.Hi; b <= len(p.En) && (b == en.Hi || !enLinked[b-1]); b++ {
					if b-a > maxLen {
						break
					}
					out = append(out, Phrase{Zh: zh, En: Range{a, b}})
				}
			}
		}
	}
	return out
}

// Clauses returns the clauses of one side: the ranges of tokens between
// clause punctuation (，；：。？！… and , ; : . ? !), without the marks;
// the enumeration comma 、 does not end a clause. Empty ranges are left
// out.
func (p *Pair) Clauses(l align.Lang) []Range {
	toks := p.Tokens(l)
	var out []Range
	lo := 0
	for k, t := range toks {
		if t.Kind() == Punct && p.endsClause(t) {
			if k > lo {
				out = append(out, Range{lo, k})
			}
			lo = k + 1
		}
	}
	if len(toks) > lo {
		out = append(out, Range{lo, len(toks)})
	}
	return out
}

func (p *Pair) endsClause(t Token) bool {
	switch p.Key(t) {
	case ",":
		return strings.Trim(p.Text(t), "、､") != ""
	case ".", ";", ":", "?", "!", "…":
		return true
	}
	return false
}

// Coverage counts the content words among tokens r of side l, and how
// many of them are linked at least as firmly as min: what a check of
// clauses left untranslated weighs.
func (p *Pair) Coverage(l align.Lang, r Range, min Strength) (linked, content int) {
	toks := p.Tokens(l)
	for k := r.Lo; k < r.Hi; k++ {
		if toks[k].Kind() != Content {
			continue
		}
		content++
		if p.Strength(l, k) >= min {
			linked++
		}
	}
	return linked, content
}

// Backing counts the content words among tokens r of side l, and how many
// of them have a backed sure link (Pair.Backed): what a check of clauses
// left untranslated weighs when a link the model guessed must not count
// as a rendering.
func (p *Pair) Backing(l align.Lang, r Range) (backed, content int) {
	toks := p.Tokens(l)
	for k := r.Lo; k < r.Hi; k++ {
		if toks[k].Kind() != Content {
			continue
		}
		content++
		if p.Backed(l, k) {
			backed++
		}
	}
	return backed, content
}

// Glossed counts the content words among tokens r of side l that have no
// backed link of their own while a translation of them stands among the
// other side's tokens that no backed link takes — in p itself and in the
// pairs of in (the sentence beads of its paragraph, say; nil for p
// alone): words the
// text may well render, though the links do not say where. A translation
// is one the lexicon gives (Token.Glosses, or the same number or
// Latin-script word) or one the document's backed links give elsewhere
// (本法 linked to "Act" in other sentences of a law).
func (p *Pair) Glossed(l align.Lang, r Range, in []Pair) int {
	this := p.Tokens(l)
	n := 0
	for k := r.Lo; k < r.Hi; k++ {
		if this[k].Kind() != Content || p.Backed(l, k) {
			continue
		}
		if p.glossedIn(l, this[k], p) {
			n++
			continue
		}
		for q := range in {
			if &in[q] != p && p.glossedIn(l, this[k], &in[q]) {
				n++
				break
			}
		}
	}
	return n
}

// glossedIn reports whether token t of side l of p has a translation among
// the tokens of q's other side that no backed link takes.
func (p *Pair) glossedIn(l align.Lang, t Token, q *Pair) bool {
	for j, o := range q.Tokens(l.Other()) {
		if q.Backed(l.Other(), j) || o.Kind() != Content {
			continue
		}
		if p.doc.vocab.lexical(t, o) {
			return true
		}
		if l == align.Zh && p.doc.attested(t, o) || l == align.En && p.doc.attested(o, t) {
			return true
		}
	}
	return false
}

// shared is what the pairs aligned together share: the vocabulary of
// their tokens, and the pairs of word types their backed links join,
// gathered the first time a check asks.
type shared struct {
	vocab *vocab
	pairs []Pair
	once  sync.Once
	set   map[uint64]struct{} // typePair
}

// attested reports whether a backed link joins the types of Chinese
// token zh and English token en somewhere in the document.
func (d *shared) attested(zh, en Token) bool {
	d.once.Do(func() {
		d.set = map[uint64]struct{}{}
		for k := range d.pairs {
			q := &d.pairs[k]
			for i, l := range q.GDF {
				if q.IsInter(i) && q.Backed(align.Zh, int(l.Zh)) {
					d.set[d.vocab.typePair(q.Zh[l.Zh], q.En[l.En])] = struct{}{}
				}
			}
		}
	})
	_, ok := d.set[d.vocab.typePair(zh, en)]
	return ok
}

// lexical reports whether the lexicon says tokens a and b (of different
// sides) may translate each other: a gloss in common, or the same number
// or Latin-script word.
func (v *vocab) lexical(a, b Token) bool {
	if a.Kind() == Punct || b.Kind() == Punct {
		return false
	}
	if v.key(a) == v.key(b) && a.Kind() == Content && b.Kind() == Content {
		return true
	}
	ga, gb := v.glosses(a), v.glosses(b)
	if len(ga) > len(gb) {
		ga, gb = gb, ga
	}
	for _, g := range ga {
		if _, ok := slices.BinarySearch(gb, g); ok {
			return true
		}
	}
	return false
}
