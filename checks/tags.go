package checks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aligncheck/aligncheck/align"
)

// Tags compares the inline-tag placeholders of each aligned pair.
var Tags = &Check{
	Name:       "tags",
	Category:   CatFormat,
	Severity:   Error,
	Run:        runTags,
	Confidence: `1: tags are read exactly.`,
	Doc: `an inline tag or placeholder missing, extra or broken in the translation

Translation memories and XLIFF files carry formatting as inline codes
(<g>, <x/>, <ph>, <bpt>/<ept>, <pc>, <sc>/<ec> …). aligncheck reads each
as a placeholder in the text: "{1}" for a standalone code or the opening
code of a pair with id 1, "{/1}" for the closing code; plain texts may
hold such placeholders literally ("{0} files"). Each placeholder of the
source must appear in its translation, as often:
- a placeholder of the source missing in the translation;
- a placeholder in the translation that the source does not have;
- a closing placeholder before its opening one on one side.
The same placeholders in another order are reported apart, as a warning,
under "tags/order" (word order may move a tag on purpose).

Example: zh "点击{1}保存{/1}按钮。" / en "Click the Save button." →
tag {1} of the Chinese is missing in the English`,
}

// TagsOrder is the sub-check for placeholders in a different order.
var TagsOrder = &Check{
	Name:       "tags/order",
	Category:   CatFormat,
	Severity:   Warning,
	Run:        runTagsOrder,
	Confidence: `1: tags are read exactly.`,
	Doc: `inline tags in a different order in the translation

The translation has the same placeholders as the source, but not in the
same order. Often word order moves a tag on purpose; a swapped pair of
tags around different words is worth a look.

Example: zh "{1}国家{/1}和{2}安全{/2}" / en "{2}security{/2} and {1}state{/1}" →
tags in a different order: Chinese {1}{/1}{2}{/2}, English {2}{/2}{1}{/1}`,
}

var placeholderRe = regexp.MustCompile(`\{/?[A-Za-z0-9_.:\-]{1,32}\}`)

type tagOcc struct {
	text  string
	blk   *align.Block
	start int // in blk.Text
}

func beadTags(p *Pass, idx []int, l align.Lang) []tagOcc {
	var out []tagOcc
	blocks := p.Doc.Blocks(l)
	for _, i := range idx {
		b := blocks[i]
		if !strings.ContainsRune(b.Text, '{') {
			continue
		}
		for _, m := range placeholderRe.FindAllStringIndex(b.Text, -1) {
			out = append(out, tagOcc{b.Text[m[0]:m[1]], b, m[0]})
		}
	}
	return out
}

func (t tagOcc) span() *align.Span {
	s := t.blk.SubSpan(t.start, t.start+len(t.text))
	return &s
}

// tagSides returns the placeholders of the source and translation sides.
func tagSides(p *Pass, b *align.Bead) (src, trg []tagOcc, sl align.Lang) {
	sl = p.Settings.Source
	zh, en := beadTags(p, b.Zh, align.Zh), beadTags(p, b.En, align.En)
	if sl == align.Zh {
		return zh, en, sl
	}
	return en, zh, sl
}

func runTags(p *Pass) error {
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		src, trg, sl := tagSides(p, b)
		if len(src) == 0 && len(trg) == 0 {
			continue
		}
		tl := sl.Other()
		report := func(own *align.Span, ownLang align.Lang, msg, ev string) {
			f := Finding{Bead: bi, Message: msg, Evidence: ev, About: SideOf(ownLang)}
			other := p.SideSpan(b, ownLang.Other())
			if ownLang == align.Zh {
				f.Zh, f.En = own, other
			} else {
				f.En, f.Zh = own, other
			}
			p.Report(f)
		}
		count := func(ts []tagOcc) map[string]int {
			m := map[string]int{}
			for _, t := range ts {
				m[t.text]++
			}
			return m
		}
		cs, ct := count(src), count(trg)
		seen := map[string]int{}
		for _, t := range src {
			seen[t.text]++
			if seen[t.text] > ct[t.text] {
				report(t.span(), sl, fmt.Sprintf("tag %s of the %s is missing in the %s", t.text, langName(sl), langName(tl)), "missing "+t.text)
			}
		}
		seen = map[string]int{}
		for _, t := range trg {
			seen[t.text]++
			if seen[t.text] > cs[t.text] {
				report(t.span(), tl, fmt.Sprintf("tag %s in the %s is not in the %s", t.text, langName(tl), langName(sl)), "extra "+t.text)
			}
		}
		for _, side := range []struct {
			ts []tagOcc
			l  align.Lang
		}{{src, sl}, {trg, tl}} {
			open, all := map[string]int{}, count(side.ts)
			for _, t := range side.ts {
				id, closing := strings.CutPrefix(strings.Trim(t.text, "{}"), "/")
				if !closing {
					open[id]++
					continue
				}
				if open[id] > 0 {
					open[id]--
					continue
				}
				if all["{"+id+"}"] > 0 {
					report(t.span(), side.l, fmt.Sprintf("tag %s closes before {%s} opens in the %s", t.text, id, langName(side.l)), "order "+t.text)
				}
			}
		}
	}
	return nil
}

func runTagsOrder(p *Pass) error {
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		src, trg, sl := tagSides(p, b)
		if len(src) < 2 || len(src) != len(trg) {
			continue
		}
		var ss, ts []string
		for i := range src {
			ss = append(ss, src[i].text)
			ts = append(ts, trg[i].text)
		}
		a, c := strings.Join(ss, ""), strings.Join(ts, "")
		if a == c || !sameMultiset(ss, ts) {
			continue
		}
		tl := sl.Other()
		f := Finding{Bead: bi, Evidence: a + "\x00" + c,
			Message: fmt.Sprintf("tags in a different order: %s %s, %s %s", langName(sl), a, langName(tl), c)}
		f.Zh, f.En = p.SideSpan(b, align.Zh), p.SideSpan(b, align.En)
		p.Report(f)
	}
	return nil
}

func sameMultiset(a, b []string) bool {
	m := map[string]int{}
	for _, s := range a {
		m[s]++
	}
	for _, s := range b {
		m[s]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}
