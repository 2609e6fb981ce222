package words

import (
	"testing"

	"github.com/aligncheck/aligncheck/align/lexicon"
)

// FuzzAlignTexts: any pair of texts tokenizes into tokens that are the
// text they point at, and aligns without panicking into links in range.
func FuzzAlignTexts(f *testing.F) {
	for _, seed := range [][2]string{
		{"中国外交部重申，反对外国军队进驻。", "China's Foreign Ministry reiterated its opposition."},
		{"COVID-19疫情……“动态清零”", "zero-COVID... \"dynamic\" — 3.5%"},
		{"", "only English"},
		{"只有中文", ""},
		{"\xff\xfe中\u3000文", "bad \xff utf-8 ’s"},
	} {
		f.Add(seed[0], seed[1])
	}
	lex := lexicon.Default()
	f.Fuzz(func(t *testing.T, zh, en string) {
		pairs := AlignTexts(lex, [][2]string{{zh, en}, {en, zh}}, Options{MaxCells: 64})
		for k, p := range pairs {
			texts := [2]string{zh, en}
			if k == 1 {
				texts = [2]string{en, zh}
			}
			for side, toks := range [2][]Token{p.Zh, p.En} {
				for _, tk := range toks {
					b, start, end := p.Place(tk)
					if b != k || start < 0 || end > len(texts[side]) || start >= end || end-start != p.Len(tk) || texts[side][start:end] != p.Text(tk) {
						t.Fatalf("token %+v does not point at itself in %q", tk, texts[side])
					}
				}
			}
			for _, l := range p.GDF {
				if l.Zh < 0 || int(l.Zh) >= len(p.Zh) || l.En < 0 || int(l.En) >= len(p.En) {
					t.Fatalf("link %v out of range (%d, %d tokens)", l, len(p.Zh), len(p.En))
				}
			}
		}
	})
}
