package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
)

// Untranslated reports text left in the wrong language.
var Untranslated = &Check{
	Name:     "untranslated",
	Category: CatUntranslated,
	Severity: Error,
	Run:      runUntranslated,
	Confidence: `1: the script of the text is read, not guessed; 0.6 for Chinese inside an
English original (a page that runs both languages into one paragraph), 0.4
(info) when that paragraph is a quarter or more in each script (it holds
its own translation).`,
	Doc: `text left untranslated: Chinese in the English, English on the Chinese side

Three cases:
- Han characters in an English paragraph: a run of Chinese left in the
  translation. A short gloss in brackets right after its English rendering,
  "Fengqiao Experience (枫桥经验)", is a common courtesy and not reported;
  neither is a run inside the title of a cited work.
- A paragraph on the Chinese side of a two-file pair that is English.
- A pair whose two sides are the same text (copied, not translated).

Page furniture and text outside the body (see "extra") are not checked.`,
}

// glossMax is the longest bracketed Han run taken as a gloss.
const glossMax = 12

func runUntranslated(p *Pass) error {
	extra := map[[2]int]bool{}
	for _, u := range unpairedBlocks(p) {
		if ok, _ := isExtra(p, u); ok {
			extra[[2]int{int(u.lang), u.block}] = true
		}
	}
	for _, blk := range p.Doc.En {
		if extra[[2]int{int(align.En), blk.Index}] {
			continue
		}
		for _, r := range hanRuns(blk.Text) {
			if isGloss(blk.Text, r[0], r[1]) {
				continue
			}
			sp := blk.SubSpan(r[0], r[1])
			txt := blk.Text[r[0]:r[1]]
			conf := 1.0
			if p.Settings.Source == align.En {
				// Chinese in an English original (a bilingual page
				// that runs both languages into one paragraph): worth
				// a look, not a defect of the translation
				conf = 0.6
				if mixedScripts(blk.Text) {
					// a quarter of it at least in each script: the
					// paragraph holds its own translation
					conf = 0.4
				}
			}
			p.Report(Finding{Bead: p.Align.BeadOf(align.En, blk.Index), En: &sp, Evidence: txt, Confidence: conf,
				Message: fmt.Sprintf("Chinese left in the English: %q", excerpt(txt, 30))})
		}
	}
	if p.Doc.Shape == align.TwoFiles {
		for _, blk := range p.Doc.Zh {
			if l, ok := input.LangOf(blk.Text); ok && l == align.En {
				sp := blk.Span()
				p.Report(Finding{Bead: p.Align.BeadOf(align.Zh, blk.Index), Zh: &sp, Evidence: "english on zh side",
					Message: fmt.Sprintf("English paragraph on the Chinese side: %q", excerpt(blk.Text, 40))})
			}
		}
	}
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		zt, et := align.NormText(p.Align.Text(b, align.Zh)), align.NormText(p.Align.Text(b, align.En))
		if zt == et && lang.Count(zt).Latin+lang.Count(zt).Han > 0 {
			p.Report(Finding{Bead: bi, Zh: p.SideSpan(b, align.Zh), En: p.SideSpan(b, align.En), Evidence: "identical",
				Message: fmt.Sprintf("both sides are the same text, not translated: %q", excerpt(zt, 40))})
		}
	}
	return nil
}

// hanRuns returns byte ranges of runs of Han characters, allowing Chinese
// punctuation and spaces inside a run.
//
// It reads every English paragraph twice (untranslated, punctuation), most
// of them without a Han character: outside a run only a Han character
// matters, and none is below U+2E80, whose first byte is E2 or more, a
// byte that never continues a character. So the bytes below E2 are
// passed over without decoding them; where the loop stops a character
// starts, as ranging over s would find it (TestHanRunsIsByRunes).
func hanRuns(s string) [][2]int {
	var out [][2]int
	start, end := -1, -1
	for i := 0; i < len(s); {
		if start < 0 {
			// ASCII eight bytes at a time (lang.NextNonASCII), then the rest
			// below E2 one by one
			i = lang.NextNonASCII(s, i)
			for i < len(s) && s[i] < 0xe2 {
				i = lang.NextNonASCII(s, i+1)
			}
			if i == len(s) {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case lang.IsHan(r):
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
		case start >= 0 && (strings.ContainsRune("，。、；：！？“”‘’《》（）·%％ ", r) || '0' <= r && r <= '9'):
			// punctuation continues a run only if Han follows; decided below
		default:
			if start >= 0 {
				out = append(out, [2]int{start, end})
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		out = append(out, [2]int{start, end})
	}
	return out
}

// isGloss: a short Han run that sits inside brackets or quotes of its own,
// "(枫桥经验)", "[推进…]", or is in the title of a cited work.
func isGloss(s string, a, b int) bool {
	if utf8.RuneCountInString(s[a:b]) > glossMax {
		return false
	}
	before := strings.TrimRight(s[:a], " ")
	after := strings.TrimLeft(s[b:], " ")
	open, _ := utf8.DecodeLastRuneInString(before)
	close, _ := utf8.DecodeRuneInString(after)
	pairs := map[rune]rune{'(': ')', '（': '）', '[': ']', '【': '】', '“': '”', '"': '"', '《': '》', '「': '」'}
	if c, ok := pairs[open]; ok && c == close {
		return true
	}
	return false
}
