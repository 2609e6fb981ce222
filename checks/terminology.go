package checks

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/checks/glossary"
)

// Terminology enforces a glossary.
var Terminology = &Check{
	Name:     "terminology",
	Category: CatTerminology,
	Severity: Warning,
	Run:      runTerminology,
	Confidence: `1: the glossary term and its rendering are read from the text. 0.4 (info)
when the pair's English has the rendering, fewer times than the Chinese
has the term: a translation may render two places once ("safeguarding and
shaping national security"), one by a pronoun, or in another word order.`,
	Doc: `a glossary term not rendered as the glossary says

Runs only with a glossary (--glossary FILE, repeatable): TSV or CSV with a
header row naming the columns zh, en (allowed renderings separated by "|"),
and optionally forbidden (renderings that must not be used, "|"-separated)
and note; lines starting with # are comments. TBX files (termEntry,
langSet xml:lang, tig, term; a termNote administrativeStatus of
deprecatedTerm-admn-sts marks a forbidden term) are read too. A glossary
error (bad header, empty term, an entry repeated with other renderings, an
unreadable file) stops the run with exit code 2 and names file and line.

Each Chinese term found on the Chinese side — in simplified or traditional
characters — requires one of its allowed renderings in the aligned English
sentence, or failing that anywhere in the paragraph pair; a rendering
stands for one place only, so a term the Chinese says twice and the
English renders once is reported, as info, at the place left without one
("dynamic clearing" beside "dynamic zero-COVID" in one paragraph).
Renderings match case-insensitively, word by word, on word stems:
"Establishes" matches "Establish", "outlooks" matches "Outlook",
"zero-COVID" matches "zero COVID". A term inside a longer glossary term found at the same place
is left to the longer one. One finding per term and paragraph pair.

Example: glossary row "两个确立<TAB>Two Establishes"; zh "深刻领悟“两个确立”
的决定性意义" / en "understand the decisive significance of the 'two
affirmations'" → term "两个确立" is not rendered as "Two Establishes" in the
English`,
}

// TerminologyForbidden reports forbidden renderings.
var TerminologyForbidden = &Check{
	Name:       "terminology/forbidden",
	Category:   CatTerminology,
	Severity:   Error,
	Run:        runTerminologyForbidden,
	Confidence: `1: the forbidden rendering is in the text.`,
	Doc: `a rendering the glossary forbids, used in the English

A rendering listed in a glossary entry's forbidden column (or a TBX term
marked deprecatedTerm-admn-sts) anywhere in the English is an error,
whatever the Chinese says; matching is as in "terminology". A forbidden
rendering that is part of an allowed one at the same place ("zero-COVID"
inside an allowed "dynamic zero-COVID") is not reported.

Example: glossary row "动态清零<TAB>dynamic zero<TAB>zero-COVID"; en "the
zero-COVID policy" → forbidden rendering "zero-COVID" for "动态清零"; use
"dynamic zero"`,
}

// enWords is an English text cut into lower-case word stems.
type enWords struct {
	stems      []string
	start, end []int // byte offsets of each word
}

func stemWords(text string) enWords {
	var w enWords
	for _, t := range lang.EnTokens(text) {
		w.stems = append(w.stems, lang.Stem(t.Text))
		w.start = append(w.start, t.Start)
		w.end = append(w.end, t.End)
	}
	return w
}

// phrase is a rendering cut into stems.
func phrase(s string) []string { return stemWords(s).stems }

// find returns the word index of each match of ph whose words lie in
// [from, to) bytes.
func (w enWords) find(ph []string, from, to int) []int {
	var out []int
	if len(ph) == 0 {
		return nil
	}
	for i := 0; i+len(ph) <= len(w.stems); i++ {
		if w.start[i] < from || w.end[i+len(ph)-1] > to {
			continue
		}
		ok := true
		for k, s := range ph {
			if w.stems[i+k] != s {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// termIndex holds a glossary prepared for matching.
type termIndex struct {
	entries   []*glossary.Entry
	allowed   [][][]string // per entry, per rendering, stems
	forbidden [][][]string
	byFirst   map[rune][]int // entries by the first rune of the term
}

func newTermIndex(g *glossary.Glossary) *termIndex {
	ix := &termIndex{byFirst: map[rune][]int{}}
	for _, e := range g.Entries {
		k := len(ix.entries)
		ix.entries = append(ix.entries, e)
		var al, fb [][]string
		for _, r := range e.Allowed {
			al = append(al, phrase(r))
		}
		for _, r := range e.Forbidden {
			fb = append(fb, phrase(r))
		}
		ix.allowed = append(ix.allowed, al)
		ix.forbidden = append(ix.forbidden, fb)
		r, _ := utf8.DecodeRuneInString(e.Zh)
		ix.byFirst[r] = append(ix.byFirst[r], k)
	}
	return ix
}

type termOcc struct {
	entry      int
	start, end int // byte offsets in the original text
}

// occurrences finds the glossary terms in a Chinese text (simplified
// first); an occurrence inside a longer one is dropped.
func (ix *termIndex) occurrences(text string) []termOcc {
	simp, back := lang.SimplifyMap(text)
	var occs []termOcc
	for i, r := range simp {
		for _, k := range ix.byFirst[r] {
			z := ix.entries[k].Zh
			if strings.HasPrefix(simp[i:], z) {
				occs = append(occs, termOcc{entry: k, start: back[i], end: back[i+len(z)-1] + 1})
			}
		}
	}
	for i := range occs {
		// extend the end to the whole last character of the original
		for occs[i].end < len(text) && !utf8.RuneStart(text[occs[i].end]) {
			occs[i].end++
		}
	}
	sort.SliceStable(occs, func(a, b int) bool {
		if occs[a].start != occs[b].start {
			return occs[a].start < occs[b].start
		}
		return occs[a].end > occs[b].end
	})
	var out []termOcc
	for _, o := range occs {
		covered := false
		for _, p := range out {
			if p.start <= o.start && o.end <= p.end && p.end-p.start > o.end-o.start {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, o)
		}
	}
	return out
}

// enCache keeps the stems of each English block.
type enCache map[int]enWords

func (c enCache) get(blk *align.Block) enWords {
	w, ok := c[blk.Index]
	if !ok {
		w = stemWords(blk.Text)
		c[blk.Index] = w
	}
	return w
}

func renderingList(rs []string) string {
	q := make([]string, len(rs))
	for i, r := range rs {
		q[i] = fmt.Sprintf("%q", r)
	}
	if len(q) <= 2 {
		return strings.Join(q, " or ")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func runTerminology(p *Pass) error {
	g := p.Settings.Glossary
	if g.Len() == 0 {
		return nil
	}
	ix := newTermIndex(g)
	cache := enCache{}
	for _, v := range pairViews(p) {
		// each term's places in the pair's Chinese, in reading order
		var order []int
		places := map[int][]termPlace{}
		for _, zb := range v.blocks(align.Zh) {
			if zb.Kind == align.KindFurniture {
				continue
			}
			for _, o := range ix.occurrences(zb.Text) {
				if len(ix.allowed[o.entry]) == 0 {
					continue
				}
				pos := textPos{Lang: align.Zh, Block: zb.Index, Start: o.start, End: o.end}
				sb := v.sentBead(pos)
				if !v.both(sb) {
					sb = -1
				}
				if places[o.entry] == nil {
					order = append(order, o.entry)
				}
				places[o.entry] = append(places[o.entry], termPlace{pos, sb})
			}
		}
		for _, k := range order {
			if f, ok := unrendered(v, cache, ix, k, places[k]); ok {
				p.Report(f)
			}
		}
	}
	return nil
}

// termPlace is a place of a glossary term in a pair's Chinese, and its
// sentence bead (-1 when the sentence has no counterpart).
type termPlace struct {
	pos textPos
	sb  int
}

// unrendered finds the first place of glossary entry k that its allowed
// renderings do not account for, and makes its finding. A place is
// rendered when its aligned English sentence holds a rendering; failing
// that, by a rendering elsewhere in the pair's English that no other
// place takes: the term twice in the Chinese and its rendering once (the
// second place "dynamic clearing") leaves one place unrendered, however
// the renderings are spread. One finding per term and pair.
func unrendered(v *pairView, cache enCache, ix *termIndex, k int, places []termPlace) (Finding, bool) {
	allowed := ix.allowed[k]
	// the renderings left in each sentence bead's English, and those
	// the places of their own sentences took
	left := map[int]int{}
	taken := 0
	var loose []termPlace
	for _, pl := range places {
		if pl.sb >= 0 {
			n, ok := left[pl.sb]
			if !ok {
				n = v.renderings(cache, allowed, pl.sb)
			}
			if n > 0 {
				left[pl.sb] = n - 1
				taken++
				continue
			}
			left[pl.sb] = 0
		}
		loose = append(loose, pl)
	}
	if len(loose) == 0 {
		return Finding{}, false
	}
	all := v.renderings(cache, allowed, -1)
	spare := all - taken
	if spare >= len(loose) {
		return Finding{}, false
	}
	pl := loose[max(spare, 0)]
	e := ix.entries[k]
	msg := fmt.Sprintf("term %q is not rendered as %s in the English", v.text(pl.pos), renderingList(e.Allowed))
	conf := 1.0
	if all > 0 {
		// the pair renders it, fewer times than the Chinese says it: a
		// translation may render two places once, or one by a pronoun
		msg = fmt.Sprintf("term %q is not rendered as %s here: the pair's English has it %d of %d times",
			v.text(pl.pos), renderingList(e.Allowed), all, len(places))
		conf = 0.4
	}
	if e.Note != "" {
		msg += " (" + e.Note + ")"
	}
	return Finding{Bead: v.Index, Zh: v.span(pl.pos), En: v.unitSpan(align.En, pl.sb),
		Evidence: e.Zh, Message: msg, Confidence: conf}, true
}

// renderings counts the places in the English of sentence bead sb (the
// whole pair when sb < 0) where one of the phrases stands; phrases that
// overlap are one place ("dynamic zero-COVID" and "zero-COVID" both
// allowed: one place), the longest kept.
func (v *pairView) renderings(cache enCache, phrases [][]string, sb int) int {
	n := 0
	for _, seg := range v.segments(align.En, sb) {
		w := cache.get(v.p.Doc.En[seg.Block])
		var spans [][2]int // words [start, end) of each match
		for _, ph := range phrases {
			for _, i := range w.find(ph, seg.Start, seg.End) {
				spans = append(spans, [2]int{i, i + len(ph)})
			}
		}
		slices.SortFunc(spans, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return b[1] - a[1]
		})
		end := -1
		for _, sp := range spans {
			if sp[0] >= end {
				n++
				end = sp[1]
			}
		}
	}
	return n
}

func runTerminologyForbidden(p *Pass) error {
	g := p.Settings.Glossary
	if g.Len() == 0 {
		return nil
	}
	ix := newTermIndex(g)
	for _, blk := range p.Doc.En {
		if blk.Kind == align.KindFurniture {
			continue
		}
		w := stemWords(blk.Text)
		for k, e := range ix.entries {
			for fi, ph := range ix.forbidden[k] {
				for _, i := range w.find(ph, 0, len(blk.Text)) {
					start, end := w.start[i], w.end[i+len(ph)-1]
					if insideAllowed(w, ix.allowed[k], start, end) {
						continue
					}
					sp := blk.SubSpan(start, end)
					msg := fmt.Sprintf("forbidden rendering %q for %q", blk.Text[start:end], e.Written)
					if len(e.Allowed) > 0 {
						msg += "; use " + renderingList(e.Allowed)
					}
					if e.Note != "" {
						msg += " (" + e.Note + ")"
					}
					p.Report(Finding{Bead: p.Align.BeadOf(align.En, blk.Index), En: &sp,
						Evidence: e.Zh + "\x00" + e.Forbidden[fi], Message: msg})
				}
			}
		}
	}
	return nil
}

// insideAllowed reports whether [start,end) lies inside a match of an
// allowed rendering.
func insideAllowed(w enWords, allowed [][]string, start, end int) bool {
	for _, ph := range allowed {
		for _, i := range w.find(ph, 0, 1<<62) {
			if w.start[i] <= start && end <= w.end[i+len(ph)-1] {
				return true
			}
		}
	}
	return false
}
