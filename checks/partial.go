package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
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
paragraph, and the translation is short by half the clause or more; 0.4
(info) otherwise: the links say which clause is unrendered, but a free
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
clause or more — and info otherwise. A sentence pair with more than
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
	ratio := partialRatio(wd, l)
	if ratio <= 0 {
		return
	}
	for bi := range p.Align.Beads {
		if !pairedBody(p, &p.Align.Beads[bi]) {
			continue
		}
		for k := range wd.Bead(bi) {
			pr := &wd.Bead(bi)[k]
			this, other := pr.Tokens(l), pr.Tokens(l.Other())
			if len(this) == 0 || len(other) == 0 || len(this) > maxTokens || len(other) > maxTokens {
				continue
			}
			thisUnits, otherUnits := sideUnits(l, this), sideUnits(l.Other(), other)
			for _, c := range pr.Clauses(l) {
				ct := this[c.Lo:c.Hi]
				if l == align.Zh && sideUnits(l, ct) < minChars || l == align.En && wordCount(ct) < minWords {
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
					glossed = min(content, pr.Glossed(l, c, wd.Bead(bi))+spelledAnchors(p, &p.Align.Beads[bi], l, ct))
					if 5*glossed > content {
						continue
					}
				}
				clauseUnits := sideUnits(l, ct)
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
					if linked == 0 && glossed == 0 && content >= 5 && excess >= 0.5 {
						f.Confidence = 0.7 // else capped to info
					}
					f.Message = fmt.Sprintf("%s clause not rendered in the %s: %q (%d of %d content words with no backed link)",
						langName(l), langName(l.Other()), quote, content-linked, content)
				}
				p.Report(f)
			}
		}
	}
}

// partialRatio is the document's length ratio, side l's units per unit of
// the other side: the median over the sentence pairs with both sides. 0
// when there are none.
func partialRatio(wd *words.Doc, l align.Lang) float64 {
	var rs []float64
	for k := range wd.Pairs {
		pr := &wd.Pairs[k]
		a, b := sideUnits(l, pr.Tokens(l)), sideUnits(l.Other(), pr.Tokens(l.Other()))
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

// sideUnits measures tokens for the length ratio: Chinese characters on
// the Chinese side, letters and digits on the English side.
func sideUnits(l align.Lang, toks []words.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == words.Punct {
			continue
		}
		if l == align.En {
			n += len(t.Text)
			continue
		}
		for _, r := range t.Text {
			if lang.IsHan(r) {
				n++
			}
		}
	}
	return n
}

// wordCount counts the tokens that are words.
func wordCount(toks []words.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind != words.Punct && strings.TrimSpace(t.Text) != "" {
			n++
		}
	}
	return n
}

// spelledAnchors counts the numbers written in words (四百, five) in
// tokens toks of side l whose value the other side of bead b also has:
// anchors the word links cannot see, since the lexicon does not gloss
// 四百 as "400". Numbers in digits match by their tokens already.
func spelledAnchors(p *Pass, b *align.Bead, l align.Lang, toks []words.Token) int {
	if len(toks) == 0 {
		return 0
	}
	blk, start, end := toks[0].Block, toks[0].Start, toks[len(toks)-1].End
	if toks[len(toks)-1].Block != blk {
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
