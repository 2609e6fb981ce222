package checks

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

// OmissionPartial reports a clause of the original left out of the
// translation of its sentence.
var OmissionPartial = &Check{
	Name:     "omission/partial",
	Category: CatOmission,
	Severity: Warning,
	Run:      runOmissionPartial,
	Options:  []*Option{partialMinChars, partialMinWords, omissionUncovered, partialLength, partialMaxTokens},
	Confidence: `0.7 (a warning) when five content words of the clause or more have no
backed link, the dictionary finds none of them in the translation of the
paragraph, the translation is short by half the clause or more, and no
sign of a free rendering stands: words of the translation no link or
gloss explains where the clause's rendering would stand (three or more,
and three tenths of the clause's content words), the original saying the
clause again in the sentence before or after, rendered there (six tenths
of its content words, in order), or a dictionary word inside the clause,
however its characters are cut, glossed by an unlinked word of the
paragraph's translation (more than one in five of its characters). Four
content words are enough when nothing of the translation stands where
the clause would and its sentence has another clause. 0.4 (info)
otherwise: the links say which clause is unrendered, but a free
translation looks much the same to them.`,
	Doc: `a clause of the original left out of the translation of its sentence

Inside each aligned sentence pair the words are aligned (align/words: a
model learnt on the document, with the dictionary as a prior). A clause of
the original (Chinese by default, see --source) — the text between ，；：。
and the like, of at least omission/partial.min-chars Chinese characters
(default 8; an English clause: omission/partial.min-words words, default
6) — is reported when all three hold:
  the share of its content words that no backed link renders is at least
  omission/partial.uncovered (default 0.85) — a backed link is a sure one
  (both directions of the model agree on it) that more than this sentence
  backs: the dictionary glosses one word by the other, they are the same
  number or Latin-script word, or the document's sure links join the same
  two words elsewhere; a link without backing is the model's guess from
  position and from the words left over, which is what the words of a
  clause with no translation take;
  at most one in five of those words has a translation among the words of
  the paragraph's translation that no backed link takes — one the
  dictionary gives, or one the document's backed links give elsewhere
  (本法 and "Act" in a law), and a number written in words whose value the
  paragraph's translation has (四百 and 400): more, and the clause is
  likely rendered in words the links missed, or in the next sentence; and
  the translation of the sentence is shorter than the document's own
  length ratio expects for the whole original sentence, by at least
  omission/partial.length (default 0) times what it expects for the
  clause: the length says something is missing, the links say what.
A clause translated freely keeps some backed links, glosses or its length;
a clause left out loses all three. The finding is a warning when the
evidence is strong — five content words or more, none with a backed link
or a translation in the paragraph, and the translation short by half the
clause or more — and info otherwise. It is info all the same when the
translation shows a free rendering: three words or more (and three
tenths of the clause) that no backed link and no dictionary gloss of the
rest of the sentence explains, standing where the clause's rendering
would (between the renderings of what precedes and what follows it); the
original saying the clause again in the sentence before or after, where
the translation renders it (a speaker starting a sentence again); or a
dictionary word inside the clause that the segmentation cut apart,
glossed by an unlinked word of the paragraph's translation. A clause of
four content words is a warning when nothing of the translation stands
where it would and its sentence has another clause. A sentence pair with more than
omission/partial.max-tokens words and marks on either side (default 120:
long lists and run-on articles) is not weighed: its links are too loose.

Measured by deleting the English of one clause from sentences of the WMT
news documents (scripts/partial-eval.sh, the set the thresholds were chosen
on): see the README's table for the share found and the false alarms per
100 intact sentences. The paragraph rule was added after reading warnings
on published laws and reports (scripts/falsealarms.sh realdocs).

Example: zh 会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。 /
en "The meeting stressed that the new development philosophy must be
applied fully." → Chinese clause not rendered in the English: "要坚持稳中求进
工作总基调" (6 of 6 content words with no backed link)`,
}

// AdditionPartial reports a clause of the translation that renders nothing
// of the original.
var AdditionPartial = &Check{
	Name:     "addition/partial",
	Category: CatAddition,
	Severity: Info,
	Run:      runAdditionPartial,
	Options:  []*Option{partialMinChars, partialMinWords, partialUncovered, partialLength, partialMaxTokens},
	Confidence: `0.7 (a warning) when six content words of the clause or more have no link
at all and the sentence is longer than expected by the whole clause; 0.4
(info) otherwise: translators add explanations on purpose.`,
	Doc: `a clause of the translation that renders nothing of the original

The mirror of omission/partial: a clause of the translation (English by
default) of at least addition/partial.min-words words (default 6; a Chinese
clause: addition/partial.min-chars characters, default 8) whose content
words are at least addition/partial.uncovered (default 0.8) without a sure
link, in a sentence longer than the document's length ratio expects by at
least addition/partial.length (default 0) times the clause; sentence pairs
longer than addition/partial.max-tokens words and marks (default 120) are
not weighed. Translators add
explanations on purpose, so this is info; it is a warning when the clause
is strong evidence: six content words or more, none of them linked even one
way, and the sentence longer than expected by the whole clause or more.

Example: zh 会议强调，要坚持稳中求进。 / en "The meeting stressed, as the
official news agency reported on Friday evening, that stability must come
first." → English clause renders nothing of the Chinese: "as the official
news agency reported on Friday evening"`,
}

// The options of omission/partial and addition/partial (each check has
// its own values under its own name).
var (
	partialMinChars = &Option{Name: "min-chars", Type: Integer, Default: 8,
		Doc: "a Chinese clause with fewer Chinese characters than this is not weighed"}
	partialMinWords = &Option{Name: "min-words", Type: Integer, Default: 6,
		Doc: "an English clause with fewer words than this is not weighed"}
	partialUncovered = &Option{Name: "uncovered", Type: Real, Default: 0.8,
		Doc: "the least share of a clause's content words without a sure link that is reported"}
	// omission/partial counts backed links, fewer than sure ones: on the
	// WMT documents (the tuning set) 0.85 of them finds about as many
	// deleted clauses as 0.8 and half as many intact ones.
	omissionUncovered = &Option{Name: "uncovered", Type: Real, Default: 0.85,
		Doc: "the least share of a clause's content words without a backed sure link that is reported"}
	partialMaxTokens = &Option{Name: "max-tokens", Type: Integer, Default: 120,
		Doc: "a sentence pair with more words and marks than this on either side is not weighed: its word links are not reliable enough"}
	partialLength = &Option{Name: "length", Type: Real, Default: 0,
		Doc: "how much longer than the document's length ratio expects the clause's side of the sentence must be, in clause lengths (0: any longer)"}
)

func runOmissionPartial(p *Pass) error {
	reportPartial(p, p.Settings.Source, false)
	return nil
}

func runAdditionPartial(p *Pass) error {
	reportPartial(p, p.Settings.Source.Other(), true)
	return nil
}

// reportPartial reports the clauses of side l that the other side of
// their sentence does not render.
func reportPartial(p *Pass, l align.Lang, addition bool) {
	minChars, minWords := p.Int(partialMinChars), p.Int(partialMinWords)
	uncovered, minExcess := p.Float(partialUncovered), p.Float(partialLength)
	if !addition {
		uncovered = p.Float(omissionUncovered)
	}
	maxTokens := p.Int(partialMaxTokens)
	wd := words.Of(p.Align)
	units := Get(p, pairUnitsFact)
	ratio := partialRatio(units, l)
	if ratio <= 0 {
		return
	}
	for k := range wd.Pairs {
		pr := &wd.Pairs[k]
		bi := pr.Bead
		if !pairedBody(p, &p.Align.Beads[bi]) {
			continue
		}
		this, other := pr.Tokens(l), pr.Tokens(l.Other())
		if len(this) == 0 || len(other) == 0 || len(this) > maxTokens || len(other) > maxTokens {
			continue
		}
		thisUnits, otherUnits := int(units[k][l]), int(units[k][l.Other()])
		for _, c := range pr.Clauses(l) {
			ct := this[c.Lo:c.Hi]
			if l == align.Zh && !unitsAtLeast(pr, l, ct, minChars) || l == align.En && !wordsAtLeast(pr, ct, minWords) {
				continue
			}
			var linked, content int
			if addition {
				linked, content = pr.Coverage(l, c, words.Sure)
			} else {
				linked, content = pr.Backing(l, c)
			}
			if content == 0 || float64(content-linked) < uncovered*float64(content)-1e-9 {
				continue
			}
			// The dictionary (or the document's backed links) finds
			// more than one in five of its words among the words of
			// the paragraph's translation that no backed link takes:
			// the clause is likely there, in words the links missed,
			// or in a neighbouring sentence.
			glossed := 0
			if !addition {
				glossed = min(content, pr.Glossed(l, c, wd.Bead(bi))+spelledAnchors(p, pr, &p.Align.Beads[bi], l, ct))
				if 5*glossed > content {
					continue
				}
			}
			clauseUnits := sideUnits(pr, l, ct)
			excess := (float64(thisUnits) - float64(otherUnits)*ratio) / float64(clauseUnits)
			if excess < minExcess {
				continue
			}
			f := Finding{Bead: bi, About: SideOf(l)}
			cs := wd.SpanOf(l, ct)
			os := wd.SpanOf(l.Other(), other)
			if l == align.Zh {
				f.Zh, f.En = &cs, &os
			} else {
				f.En, f.Zh = &cs, &os
			}
			quote := excerpt(wd.Text(l, ct), 60)
			f.Evidence = "clause " + align.NormText(wd.Text(l, ct))
			// Weaker evidence is info: a free translation looks the
			// same to the links.
			f.Confidence = 0.4
			if addition {
				// Strong evidence: no content word of six or more
				// linked even one way, and the length long by the
				// whole clause or more.
				anyLink, _ := pr.Coverage(l, c, words.OneWay)
				if anyLink == 0 && content >= 6 && excess >= 1 {
					f.Severity, f.Confidence = Warning, 0.7
				}
				f.Message = fmt.Sprintf("%s clause renders nothing of the %s: %q (%d of %d content words unlinked)",
					langName(l), langName(l.Other()), quote, content-linked, content)
			} else {
				// Strong evidence: no content word of five or more
				// with a backed link, none the dictionary finds in
				// the translation, and the length short by half the
				// clause or more (on the WMT documents, the tuning
				// set: half the deleted clauses, none of the intact
				// ones).
				if linked == 0 && glossed == 0 && excess >= 0.5 && strongClause(wd, k, l, c, content, strongRules) {
					f.Confidence = 0.7 // else capped to info
				}
				f.Message = fmt.Sprintf("%s clause not rendered in the %s: %q (%d of %d content words with no backed link)",
					langName(l), langName(l.Other()), quote, content-linked, content)
			}
			p.Report(f)
		}
	}
}

// pairUnitsFact: the sideUnits of each sentence pair of the word
// alignment (wd.Pairs), its Chinese and its English, indexed by language.
// omission/partial and addition/partial each read them all for the
// document's ratio and again pair by pair: reading the Chinese
// characters of every token took more than either check's own work.
var pairUnitsFact = &Fact[[][2]int32]{Name: "pair units", Compute: func(p *Pass) [][2]int32 {
	wd := words.Of(p.Align)
	out := make([][2]int32, len(wd.Pairs))
	for k := range wd.Pairs {
		pr := &wd.Pairs[k]
		for _, l := range []align.Lang{align.Zh, align.En} {
			out[k][l] = int32(sideUnits(pr, l, pr.Tokens(l)))
		}
	}
	return out
}}

// partialRatio is the document's length ratio, side l's units per unit of
// the other side: the median over the sentence pairs with both sides
// (units, pairUnitsFact). 0 when there are none.
func partialRatio(units [][2]int32, l align.Lang) float64 {
	var rs []float64
	for k := range units {
		a, b := int(units[k][l]), int(units[k][l.Other()])
		if a > 0 && b > 0 {
			rs = append(rs, float64(a)/float64(b))
		}
	}
	if len(rs) == 0 {
		return 0
	}
	sort.Float64s(rs)
	return rs[len(rs)/2]
}

// sideUnits measures tokens (of pr) for the length ratio: Chinese
// characters on the Chinese side, letters and digits on the English side.
// A Chinese token all of U+4E00 to U+9FFF, nearly every one, is told by
// its bytes (lang.UnifiedHanRun), without decoding it; the others are
// counted by lang.Count (TestSideUnitsAsByRunes).
func sideUnits(pr *words.Pair, l align.Lang, toks []words.Token) int {
	n := 0
	for _, t := range toks {
		n += tokenUnits(pr, l, t)
	}
	return n
}

// tokenUnits is sideUnits of one token.
func tokenUnits(pr *words.Pair, l align.Lang, t words.Token) int {
	if t.Kind() == words.Punct {
		return 0
	}
	if l == align.En {
		return pr.Len(t)
	}
	s := pr.Text(t)
	if lang.UnifiedHanRun(s) == len(s) {
		return len(s) / 3
	}
	return lang.Count(s).Han
}

// unitsAtLeast reports whether sideUnits(pr, l, toks) >= least,
// reading the tokens only until their units reach it: no token has fewer
// than none, and a clause is weighed only with min-chars of them, a few
// tokens, where reading each token's text (words.Pair.Text, which looks
// for its block) for every clause of every pair cost more than the rest
// of the check (TestAtLeastAsCounted).
func unitsAtLeast(pr *words.Pair, l align.Lang, toks []words.Token, least int) bool {
	n := 0
	for _, t := range toks {
		if n >= least {
			return true
		}
		n += tokenUnits(pr, l, t)
	}
	return n >= least
}

// isWordToken reports whether token t (of pr) is a word: not punctuation,
// and not blank.
func isWordToken(pr *words.Pair, t words.Token) bool {
	return t.Kind() != words.Punct && strings.TrimSpace(pr.Text(t)) != ""
}

// wordsAtLeast reports whether toks (of pr) hold at least least words
// (isWordToken), reading the tokens only until their count reaches it,
// as unitsAtLeast does.
func wordsAtLeast(pr *words.Pair, toks []words.Token, least int) bool {
	n := 0
	for _, t := range toks {
		if n >= least {
			return true
		}
		if isWordToken(pr, t) {
			n++
		}
	}
	return n >= least
}

// spelledAnchors counts the numbers written in words (四百, five) in
// tokens toks (of pr) of side l whose value the other side of bead b also has:
// anchors the word links cannot see, since the lexicon does not gloss
// 四百 as "400". Numbers in digits match by their tokens already.
func spelledAnchors(p *Pass, pr *words.Pair, b *align.Bead, l align.Lang, toks []words.Token) int {
	if len(toks) == 0 {
		return 0
	}
	blk, start, _ := pr.Place(toks[0])
	last, _, end := pr.Place(toks[len(toks)-1])
	if last != blk {
		end = len(p.Doc.Blocks(l)[blk].Text)
	}
	others := b.En
	if l == align.En {
		others = b.Zh
	}
	n := 0
	for _, x := range p.Numbers(l, blk) {
		if !x.Spelled || x.Start < start || x.End > end {
			continue
		}
	find:
		for _, o := range others {
			for _, y := range p.Numbers(l.Other(), o) {
				if y.Value == x.Value {
					n++
					break find
				}
			}
		}
	}
	return n
}

// clauseRules are the signs of a free rendering that keep a clause with
// no backed link, no gloss in the paragraph's translation and a short
// translation at info (strongClause). The values (strongRules) were chosen
// on the clauses deleted from the WMT documents and on the intact ones
// (scripts/partial-eval.sh, the tuning set): together they keep 44 of the
// 45 deletions the warning found without them, and let 8 more of four
// content words be warnings, with no intact clause made a warning.
type clauseRules struct {
	// freeWords is the least number of unexplained words of the
	// translation, standing where the clause's rendering would, that
	// may render the clause freely, and freeShare the least share of
	// the clause's content words they must make: of the deleted clauses
	// found at warning, 44 of 45 leave fewer than three such words.
	freeWords int
	freeShare float64
	// repeatedShare is the least share of a clause's content words, in
	// their order, that a neighbouring sentence of the original says
	// again and its translation renders.
	repeatedShare float64
	// subGlossShare: the dictionary's words inside the clause, however
	// its characters are cut, find a rendering among the unlinked words
	// of the paragraph's translation for more than this share of the
	// clause's characters (one in five, as Glossed asks of its words).
	subGlossShare float64
}

var strongRules = clauseRules{freeWords: 3, freeShare: 0.3, repeatedShare: 0.6, subGlossShare: 0.2}

// strongClause weighs the evidence that clause c of side l of pair k of
// wd, content content words none of them backed or glossed, is left out
// rather than rendered in words the links and the dictionary miss: a
// warning needs five content words, or four when nothing of the
// translation stands where the clause would and the sentence has another
// clause (a clause alone in its sentence, against a translation the
// sentence aligner paired with it, is rendered by that translation in
// some way); and none of the signs of a free rendering of rules.
func strongClause(wd *words.Doc, k int, l align.Lang, c words.Range, content int, rules clauseRules) bool {
	pr := &wd.Pairs[k]
	free := freeRendering(pr, l, c)
	if content < 4 || content == 4 && (free != 0 || len(pr.Clauses(l)) < 2) {
		return false
	}
	if free >= rules.freeWords && float64(free) >= rules.freeShare*float64(content) {
		// the translation holds words nothing else explains where the
		// clause's rendering would stand: an idiom or a paraphrase
		// (敲锣打鼓、轻轻松松就能实现的 as "no walk in the park")
		return false
	}
	if float64(repeatedNearby(wd, k, l, c)) >= rules.repeatedShare*float64(content)-1e-9 {
		// the original says it again next door, and it is rendered
		// there: a speaker who starts a sentence again, a restated
		// condition; a translation may say it once
		return false
	}
	if l == align.Zh {
		if covered, han := subwordGlossed(wd.Bead(pr.Bead), pr, c); han > 0 && float64(covered) > rules.subGlossShare*float64(han) {
			// a word of the clause the segmentation cut otherwise
			// (须经行政院 as 须/经行/政/院) is in the translation
			return false
		}
	}
	return true
}

// freeRendering counts the content words of the other side of pr that
// no backed link explains and that stand where the rendering of clause c
// of side l would: after the last word rendering what precedes the
// clause and before the first rendering what follows it, by the backed
// links of their neighbours. A word the dictionary gives as a
// translation of a word outside the clause, and a number, are explained.
// −1 when no word of the other side has a backed link: there is no
// place to read.
func freeRendering(pr *words.Pair, l align.Lang, c words.Range) int {
	this, other := pr.Tokens(l), pr.Tokens(l.Other())
	// anchor[j]: the word of side l that other-side word j's backed
	// link joins, or −1
	anchor := make([]int, len(other))
	for j := range anchor {
		anchor[j] = -1
	}
	anchored := false
	for k, lk := range pr.GDF {
		if !pr.IsInter(k) {
			continue
		}
		a, b := int(lk.Zh), int(lk.En)
		if l == align.En {
			a, b = b, a
		}
		if pr.Backed(l.Other(), b) {
			anchor[b] = a
			anchored = true
		}
	}
	if !anchored {
		return -1
	}
	n := 0
	for j, t := range other {
		if t.Kind() != words.Content || anchor[j] >= 0 || isDigits(pr.Text(t)) {
			continue
		}
		if before := nearestAnchor(anchor, j, -1); before >= c.Hi {
			continue // after the rendering of what follows the clause
		}
		if after := nearestAnchor(anchor, j, 1); after >= 0 && after < c.Lo {
			continue // before the rendering of what precedes it
		}
		explained := false
		for i, u := range this {
			if (i < c.Lo || i >= c.Hi) && mayTranslate(pr, u, t) {
				explained = true
				break
			}
		}
		if !explained {
			n++
		}
	}
	return n
}

// nearestAnchor returns the anchor of the nearest anchored word from j in
// direction step (−1 or 1), or −1 when there is none.
func nearestAnchor(anchor []int, j, step int) int {
	for x := j + step; x >= 0 && x < len(anchor); x += step {
		if anchor[x] >= 0 {
			return anchor[x]
		}
	}
	return -1
}

// mayTranslate reports whether the dictionary says content words a and b
// of pr (of different sides) may translate each other: the same word, or
// a gloss in common.
func mayTranslate(pr *words.Pair, a, b words.Token) bool {
	if a.Kind() != words.Content || b.Kind() != words.Content {
		return false
	}
	if pr.Key(a) == pr.Key(b) {
		return true
	}
	for _, g := range pr.Glosses(a) {
		if slices.Contains(pr.Glosses(b), g) {
			return true
		}
	}
	return false
}

// isDigits: a number written in digits (1996, 20,000, 3.5).
func isDigits(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return s != ""
}

// repeatedNearby counts the content words of clause c of side l of pair
// k that the sentence before or after it (on side l, in the next or
// previous pair of the document) says again, in the same order, with a
// backed link there: the longest common subsequence of their words.
func repeatedNearby(wd *words.Doc, k int, l align.Lang, c words.Range) int {
	pr := &wd.Pairs[k]
	var clause []string
	for _, t := range pr.Tokens(l)[c.Lo:c.Hi] {
		if t.Kind() == words.Content {
			clause = append(clause, pr.Key(t))
		}
	}
	best := 0
	row := make([]int, len(clause)+1)
	for _, q := range []int{k - 1, k + 1} {
		if q < 0 || q >= len(wd.Pairs) {
			continue
		}
		qp := &wd.Pairs[q]
		clear(row)
		for j, t := range qp.Tokens(l) {
			if t.Kind() != words.Content || !qp.Backed(l, j) {
				continue
			}
			// one row of the LCS table, updated in place: diag is the
			// previous row's value left of the cell being written
			diag, key := 0, qp.Key(t)
			for i := 1; i <= len(clause); i++ {
				up := row[i]
				if clause[i-1] == key {
					row[i] = diag + 1
				} else {
					row[i] = max(row[i], row[i-1])
				}
				diag = up
			}
		}
		best = max(best, row[len(clause)])
	}
	return best
}

// subwordGlossed counts the Han characters of Chinese clause c of pr that
// lie inside a dictionary word of two to six characters, wherever it
// starts (the clause cut otherwise than the tokens cut it), that has a
// gloss among the English content words of the paragraph's translation
// (the pairs of bead) that no backed link takes; and the clause's Han
// characters.
func subwordGlossed(bead []words.Pair, pr *words.Pair, c words.Range) (covered, han int) {
	free := map[uint32]bool{}
	for q := range bead {
		qp := &bead[q]
		for j, t := range qp.En {
			if t.Kind() == words.Content && !qp.Backed(align.En, j) {
				for _, g := range qp.Glosses(t) {
					free[g] = true
				}
			}
		}
	}
	var rs []rune
	for _, t := range pr.Zh[c.Lo:c.Hi] {
		rs = append(rs, []rune(lang.Simplify(pr.Text(t)))...)
	}
	in := make([]bool, len(rs))
	lex := lexicon.Default()
	for i := range rs {
		for j := i + 2; j <= len(rs) && j-i <= 6; j++ {
			if !lang.IsHan(rs[j-1]) {
				break
			}
			for _, g := range lex.Glosses(string(rs[i:j])) {
				if free[g] {
					for x := i; x < j; x++ {
						in[x] = true
					}
					break
				}
			}
		}
	}
	for i, r := range rs {
		if lang.IsHan(r) {
			han++
			if in[i] {
				covered++
			}
		}
	}
	return covered, han
}
