package checks

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
)

// Omission reports body paragraphs with no counterpart, and source sentences
// left out of an aligned pair.
var Omission = &Check{
	Name:     "omission",
	Category: CatOmission,
	Severity: Error,
	Run:      runOmission,
	Confidence: `1 for a paragraph without a counterpart; 0.6 (a warning) when a neighbouring
pair's lengths fit better with the paragraph joined to it (the translation
most likely merged it there) or when it is a heading; 0.4 (info) when the
paragraph holds both scripts, a quarter each at least (its translation is
inside it), when it is a chapter or part heading whose chapter is opened
again on its side (an entry of a table of contents), or when it is a line of a
legislative-history note that is not printed twice on its side. A sentence without a counterpart inside a
paired paragraph rests on the sentence aligner's pairing: 0.8 (a warning)
when the paragraph's lengths agree it is missing, 0.4 (info) when they do
not or when a number of it is matched in the other side's paragraph.
0.4 (info) for a sentence of a legislative-history note
(中華民國…年…月…日…修正公布; "Amended on …"): official translations
abridge the amendment history by convention.`,
	Doc: `a paragraph or sentence with no counterpart on the other side

A body paragraph (running prose, or a heading between paired paragraphs)
that the aligner could pair with nothing on the other side: a paragraph left
out of the translation, or one the original lacks. The finding points at the
paragraph that is there; its message names the side where the counterpart
is missing.

Inside a paired paragraph, a sentence of the original (Chinese by default,
see --source) that the sentence aligner pairs with nothing, with strong
evidence, is reported too.

Not reported here: page furniture, and text before the first or after the
last paired body paragraph of an interleaved page (summaries, notes, credits):
the "extra" check reports those as info.

Example:
  zh: (三)推进国家安全体系和能力现代化……   en: (nothing)
  → Chinese paragraph has no English counterpart: "(三)推进国家安全体系…"`,
}

// Extra reports unpaired page furniture and matter outside the body.
var Extra = &Check{
	Name:       "extra",
	Category:   CatAddition,
	Severity:   Info,
	Run:        runExtra,
	Confidence: `1: the block is page furniture or outside the body by the page's layout.`,
	Doc: `text on one side only that is not part of the body

Unpaired blocks that look like page furniture (navigation, share buttons,
"To top", PDF links, a citation line), and, in an interleaved page, unpaired
paragraphs before the first or after the last paired body paragraph (an
English-only summary, a translator's note, credits). Listed so nothing is
silently dropped; they are expected on saved web pages. The page furniture
of a document is one finding, at its first block, naming each block:

  English only, page furniture, 3 blocks: "Home | Search", "Share | Print",
  "To top"

Furniture is a short block made mostly of furniture phrases standing as
whole words ("Research" is not "search"). Built in are the words of web
pages in general (share, print, PDF, menu, search, next, contents, back to
top, 分享, 打印, 返回顶部, 上一篇, 责任编辑, 来源, …). The labels a site gives
its own links and notices are not: give them in .aligncheck.yaml
("furniture:" and a list of phrases), with check --furniture PHRASE, or in
the API's "furniture". Without them such a label
reads as a paragraph: joined to its neighbour's pair (alignment/merged) or
listed here as before or after the body.`,
}

// Addition reports translation sentences with no source sentence.
var Addition = &Check{
	Name:     "addition",
	Category: CatAddition,
	Severity: Warning,
	Run:      runAddition,
	Confidence: `As for sentences under "omission": 0.8 when the paragraph's lengths agree the
sentence was added, 0.4 (info) when they do not, when a number of it is
matched in the other side's paragraph, in a legislative-history note, or
for an English sentence where the Chinese holds a quoted numbered slogan
(“两学一做”, “三严三实”), which official English spells out.`,
	Doc: `a sentence of the translation with no counterpart in the original

Inside a paired paragraph, a sentence of the translation (English by
default, see --source) that the sentence aligner pairs with nothing, with
strong evidence: text added in translation, or the trace of a sentence
dropped from the original.`,
}

// unpaired lists the null paragraph beads: for each, language, block index
// and whether it lies outside the body range of an interleaved page.
type unpairedBlock struct {
	bead       int
	lang       align.Lang
	block      int
	peripheral bool
}

func unpairedBlocks(p *Pass) []unpairedBlock {
	first, last := bodyRange(p)
	var out []unpairedBlock
	for bi, b := range p.Align.Beads {
		if len(b.Zh) > 0 && len(b.En) > 0 {
			continue
		}
		periph := p.Doc.Shape == align.Interleaved && (first < 0 || bi < first || bi > last)
		for _, i := range b.Zh {
			out = append(out, unpairedBlock{bi, align.Zh, i, periph})
		}
		for _, j := range b.En {
			out = append(out, unpairedBlock{bi, align.En, j, periph})
		}
	}
	return out
}

func isExtra(p *Pass, u unpairedBlock) (bool, string) {
	blk := p.Doc.Blocks(u.lang)[u.block]
	if blk.Kind == align.KindFurniture {
		return true, "page furniture"
	}
	if u.peripheral {
		if u.bead < len(p.Align.Beads)/2 {
			return true, "before the body (a summary or note?)"
		}
		return true, "after the body (a note or credits?)"
	}
	return false, ""
}

func runOmission(p *Pass) error {
	var repeated map[string]int // normalised text of a side → blocks, when first asked
	for _, u := range unpairedBlocks(p) {
		if ok, _ := isExtra(p, u); ok {
			continue
		}
		blk := p.Doc.Blocks(u.lang)[u.block]
		f := Finding{Bead: u.bead, Evidence: "paragraph", Confidence: nullParagraphConfidence(p, u, blk)}
		if mixedScripts(blk.Text) {
			// the paragraph holds its own translation (a page that runs
			// both languages into one paragraph, a speaker label with
			// its gloss): nothing is missing
			f.Confidence = 0.4
		} else if blk.Kind == align.KindHistory {
			if repeated == nil {
				repeated = blockTexts(p)
			}
			if repeated[u.lang.String()+align.NormText(blk.Text)] < 2 {
				// a line of the amendment history: official
				// translations abridge the history by convention
				// (keeping some events, merging others); a
				// provision left out is still an error, and so is
				// a history printed twice
				f.Confidence = math.Min(f.Confidence, historyConfidence)
			}
		} else if blk.Kind == align.KindHeading {
			// a heading alone (a table of contents, a running head): a
			// translation may list, number or title its parts otherwise
			f.Confidence = math.Min(f.Confidence, 0.6)
			if repeated == nil {
				repeated = blockTexts(p)
			}
			if m := tocHeading.FindString(blk.Text); m != "" && repeated["toc "+u.lang.String()+align.NormText(m)] >= 2 {
				// the same heading stands again on its side: an entry
				// of a table of contents (or a running head) whose
				// chapter is there; the other side has no contents
				f.Confidence = math.Min(f.Confidence, 0.4)
			}
		}
		sp := blk.Span()
		if u.lang == align.Zh {
			f.Zh = &sp
		} else {
			f.En = &sp
		}
		f.Message = fmt.Sprintf("%s paragraph has no %s counterpart: %q",
			langName(u.lang), langName(u.lang.Other()), excerpt(blk.Text, 40))
		p.Report(f)
	}
	reportNullSentences(p, p.Settings.Source)
	return nil
}

func runExtra(p *Pass) error {
	var furniture []unpairedBlock
	for _, u := range unpairedBlocks(p) {
		ok, why := isExtra(p, u)
		if !ok {
			continue
		}
		blk := p.Doc.Blocks(u.lang)[u.block]
		if blk.Kind == align.KindFurniture {
			furniture = append(furniture, u)
			continue
		}
		sp := blk.Span()
		f := Finding{Bead: u.bead, Evidence: why}
		if u.lang == align.Zh {
			f.Zh = &sp
		} else {
			f.En = &sp
		}
		f.Message = fmt.Sprintf("%s only, %s: %q", langName(u.lang), why, excerpt(blk.Text, 40))
		p.Report(f)
	}
	reportFurniture(p, furniture)
	// blocks in neither language
	for _, blk := range p.Doc.Other {
		sp := blk.Span()
		p.Report(Finding{Bead: -1, En: &sp, Evidence: "no language", Message: fmt.Sprintf("block in neither language: %q", excerpt(blk.Text, 40))})
	}
	return nil
}

// furnitureListed is how many blocks of furniture a finding quotes.
const furnitureListed = 6

// reportFurniture reports a document's unpaired page furniture as one
// finding: a saved page has a dozen such blocks, and one line each buries
// what matters. The finding sits at the first block of each language and
// quotes each block, shortened.
func reportFurniture(p *Pass, us []unpairedBlock) {
	if len(us) == 0 {
		return
	}
	first := us[0]
	f := Finding{Bead: first.bead, Evidence: "page furniture"}
	var quoted []string
	n := [2]int{}
	for _, u := range us {
		blk := p.Doc.Blocks(u.lang)[u.block]
		n[u.lang]++
		if n[u.lang] == 1 {
			sp := blk.Span()
			if u.lang == align.Zh {
				f.Zh = &sp
			} else {
				f.En = &sp
			}
		}
		if len(quoted) < furnitureListed {
			quoted = append(quoted, fmt.Sprintf("%q", excerpt(blk.Text, 24)))
		}
	}
	list := strings.Join(quoted, ", ")
	if len(us) > len(quoted) {
		list += fmt.Sprintf(" and %d more", len(us)-len(quoted))
	}
	switch {
	case len(us) == 1:
		f.Message = fmt.Sprintf("%s only, page furniture: %q", langName(first.lang), excerpt(p.Doc.Blocks(first.lang)[first.block].Text, 40))
	case n[align.Zh] == 0 || n[align.En] == 0:
		f.Message = fmt.Sprintf("%s only, page furniture, %d blocks: %s", langName(first.lang), len(us), list)
	default:
		f.Message = fmt.Sprintf("page furniture on one side only, %d blocks (%d Chinese, %d English): %s", len(us), n[align.Zh], n[align.En], list)
	}
	p.Report(f)
}

func runAddition(p *Pass) error {
	reportNullSentences(p, p.Settings.Source.Other())
	return nil
}

// reportNullSentences reports the sentences of language l that the sentence
// aligner left unpaired inside paired paragraphs, when it is confident.
func reportNullSentences(p *Pass, l align.Lang) {
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 || !hasNullSentence(b, l) {
			// nothing to report: the confidence, which reads the
			// pair's whole text, is not worked out
			continue
		}
		conf := nullSentenceConfidence(p, b, l)
		if l == align.En && explicitSlogans(p, bi) {
			// an English sentence that spells out a numbered slogan
			// of the Chinese (“两学一做”): explicitation
			conf = math.Min(conf, 0.4)
		}
		if historyBead(p, bi) {
			// a clause of an amendment-history note ("；並自公布日施行")
			// that the translation's "Amended on …" leaves out by
			// convention
			conf = math.Min(conf, historyConfidence)
		}
		for _, s := range b.Sents {
			refs := s.Zh
			if l == align.En {
				refs = s.En
			}
			other := s.En
			if l == align.En {
				other = s.Zh
			}
			if len(refs) == 0 || len(other) > 0 || !s.Null {
				continue
			}
			for _, r := range refs {
				blk := p.Doc.Blocks(l)[r.Block]
				sp := blk.SubSpan(blk.Sents[r.Sent].Start, blk.Sents[r.Sent].End)
				c := conf
				if sentenceNumberMatched(p, bi, l, r.Block, blk.Sents[r.Sent].Start, blk.Sents[r.Sent].End) {
					// its figure is in the other side's paragraph: the
					// sentence is there, paired otherwise
					c = math.Min(c, 0.4)
				}
				f := Finding{Bead: bi, Evidence: "sentence " + align.NormText(sp.Text), Confidence: c}
				if l == align.Zh {
					f.Zh = &sp
				} else {
					f.En = &sp
				}
				f.Message = fmt.Sprintf("%s sentence has no %s counterpart in the aligned paragraph: %q",
					langName(l), langName(l.Other()), excerpt(sp.Text, 40))
				p.Report(f)
			}
		}
	}
}

// hasNullSentence reports whether bead b holds a sentence of language l
// that reportNullSentences reports: null, with no sentence of the other
// language paired to it.
func hasNullSentence(b *align.Bead, l align.Lang) bool {
	for _, s := range b.Sents {
		refs, other := s.Zh, s.En
		if l == align.En {
			refs, other = s.En, s.Zh
		}
		if len(refs) > 0 && len(other) == 0 && s.Null {
			return true
		}
	}
	return false
}

// nullSentenceConfidence weighs the sentences of language l that the
// sentence aligner left alone in paragraph bead b against the paragraph's
// lengths: when the translation's length fits the original better with
// them than without them, their content is most likely there, in a
// sentence cut otherwise (a Chinese article of clauses ending in ；
// against one long English sentence), and the finding rests on the
// sentence split alone: 0.4, info. When the lengths agree that they are
// missing (or added), 0.8: a warning, since the pairing of sentences is
// the sentence aligner's guess, never an error.
func nullSentenceConfidence(p *Pass, b *align.Bead, l align.Lang) float64 {
	ratio := p.Align.Ratio
	if ratio <= 0 {
		return 0.8
	}
	lz := float64(align.ZhUnits(p.Align.Text(b, align.Zh)))
	le := float64(align.Length(p.Align.Text(b, align.En)))
	var null float64
	for _, s := range b.Sents {
		refs, other := s.Zh, s.En
		if l == align.En {
			refs, other = s.En, s.Zh
		}
		if len(other) > 0 || !s.Null {
			continue
		}
		for _, r := range refs {
			blk := p.Doc.Blocks(l)[r.Block]
			t := blk.Text[blk.Sents[r.Sent].Start:blk.Sents[r.Sent].End]
			if l == align.Zh {
				null += float64(align.ZhUnits(t))
			} else {
				null += float64(align.Length(t))
			}
		}
	}
	if lz <= 0 || le <= 0 || null <= 0 {
		return 0.8
	}
	with := math.Abs(math.Log(le / (ratio * lz)))
	var without float64
	if l == align.Zh {
		if lz-null <= 0 {
			return 0.8
		}
		without = math.Abs(math.Log(le / (ratio * (lz - null))))
	} else {
		if le-null <= 0 {
			return 0.8
		}
		without = math.Abs(math.Log((le - null) / (ratio * lz)))
	}
	if with <= without {
		return 0.4
	}
	return 0.8
}

// sentenceNumberMatched reports whether a sentence (bytes start to end of
// block blk of language l, in bead bi) holds a number read with confidence
// that the numbers check matched with one of the other side.
func sentenceNumberMatched(p *Pass, bi int, l align.Lang, blk, start, end int) bool {
	for _, np := range Get(p, numberPairsFact) {
		if np.pair.view.Index != bi {
			continue
		}
		occs := np.pair.zh
		if l == align.En {
			occs = np.pair.en
		}
		for _, o := range occs {
			if o.matched && o.pos.Block == blk && o.pos.Start >= start && o.pos.End <= end && o.n.Confidence() >= 0.5 {
				return true
			}
		}
	}
	return false
}

// nullParagraphConfidence weighs a paragraph left without a counterpart
// against its neighbours: when a neighbouring pair's lengths fit better
// with this paragraph joined to its side, the translation most likely
// holds it there (merged into the paragraph before or after), and the
// finding rests on the pairing alone: 0.6, a warning. Otherwise the
// lengths agree that it is missing: 1.
func nullParagraphConfidence(p *Pass, u unpairedBlock, blk *align.Block) float64 {
	ratio := p.Align.Ratio
	if ratio <= 0 {
		return 1
	}
	var add float64
	if u.lang == align.Zh {
		add = float64(align.ZhUnits(blk.Text))
	} else {
		add = float64(align.Length(blk.Text))
	}
	for _, nb := range []int{u.bead - 1, u.bead + 1} {
		if nb < 0 || nb >= len(p.Align.Beads) {
			continue
		}
		b := &p.Align.Beads[nb]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		lz := float64(align.ZhUnits(p.Align.Text(b, align.Zh)))
		le := float64(align.Length(p.Align.Text(b, align.En)))
		if lz <= 0 || le <= 0 {
			continue
		}
		alone := math.Abs(math.Log(le / (ratio * lz)))
		var joined float64
		if u.lang == align.Zh {
			joined = math.Abs(math.Log(le / (ratio * (lz + add))))
		} else {
			joined = math.Abs(math.Log((le + add) / (ratio * lz)))
		}
		if joined < alone {
			return 0.6
		}
	}
	return 1
}

// tocHeading: a heading of a part a table of contents lists (a chapter,
// part, section or book), in either language.
var tocHeading = regexp.MustCompile(`(?i)^\s*(?:(?:chapter|part|section|book|title|division)\s+[0-9IVXLC]+\b|第\s*[0-9０-９一二三四五六七八九十百]+\s*[章编編节節篇部])`)

// blockTexts counts the blocks of each side by language and normalised
// text, and the chapter headings by the chapter they open.
func blockTexts(p *Pass) map[string]int {
	out := map[string]int{}
	for _, l := range []align.Lang{align.Zh, align.En} {
		for _, b := range p.Doc.Blocks(l) {
			out[l.String()+align.NormText(b.Text)]++
			if m := tocHeading.FindString(b.Text); m != "" {
				// the chapter a heading opens ("Chapter V"): a table
				// of contents may word its title otherwise
				out["toc "+l.String()+align.NormText(m)]++
			}
		}
	}
	return out
}

// mixedScripts: a paragraph with at least a quarter of its letters in
// each script, Han and Latin.
func mixedScripts(t string) bool {
	han, latin := 0, 0
	for _, r := range t {
		switch {
		case lang.IsHan(r):
			han++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		}
	}
	// a Han character carries about three Latin letters' worth of text
	h, l := float64(han)*3, float64(latin)
	return h+l > 0 && h >= 0.25*(h+l) && l >= 0.25*(h+l)
}
