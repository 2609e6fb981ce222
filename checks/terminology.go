package checks

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/checks/glossary"
)

// Terminology enforces a glossary.
var Terminology = &Check{
	Name:       "terminology",
	Category:   CatTerminology,
	Severity:   Warning,
	Run:        runTerminology,
	Confidence: `1: the glossary term and its rendering are read from the text.`,
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
sentence, or failing that anywhere in the paragraph pair. Renderings match
case-insensitively, word by word, on word stems: "Establishes" matches
"Establish", "outlooks" matches "Outlook", "zero-COVID" matches
"zero COVID". A term inside a longer glossary term found at the same place
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
		reported := map[int]bool{}
		for _, zb := range v.blocks(align.Zh) {
			if zb.Kind == align.KindFurniture {
				continue
			}
			for _, o := range ix.occurrences(zb.Text) {
				if reported[o.entry] || len(ix.allowed[o.entry]) == 0 {
					continue
				}
				pos := textPos{Lang: align.Zh, Block: zb.Index, Start: o.start, End: o.end}
				sb := v.sentBead(pos)
				if !v.both(sb) {
					sb = -1
				}
				if v.rendered(cache, ix.allowed[o.entry], sb) || sb >= 0 && v.rendered(cache, ix.allowed[o.entry], -1) {
					continue
				}
				reported[o.entry] = true
				e := ix.entries[o.entry]
				msg := fmt.Sprintf("term %q is not rendered as %s in the English", zb.Text[o.start:o.end], renderingList(e.Allowed))
				if e.Note != "" {
					msg += " (" + e.Note + ")"
				}
				p.Report(Finding{Bead: v.Index, Zh: v.span(pos), En: v.unitSpan(align.En, sb),
					Evidence: e.Zh, Message: msg})
			}
		}
	}
	return nil
}

// rendered reports whether one of the phrases is in the English of
// sentence bead sb (the whole pair when sb < 0).
func (v *pairView) rendered(cache enCache, phrases [][]string, sb int) bool {
	for _, seg := range v.segments(align.En, sb) {
		w := cache.get(v.p.Doc.En[seg.Block])
		for _, ph := range phrases {
			if len(w.find(ph, seg.Start, seg.End)) > 0 {
				return true
			}
		}
	}
	return false
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
