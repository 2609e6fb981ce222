package beads

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

// Words is one sentence bead of `aligncheck align --words`: its ids and
// texts, its tokens and both symmetrised link sets.
type Words struct {
	Zh       []int    `json:"zh"`
	En       []int    `json:"en"`
	ZhText   string   `json:"zh_text"`
	EnText   string   `json:"en_text"`
	ZhTokens []Token  `json:"zh_tokens"`
	EnTokens []Token  `json:"en_tokens"`
	Inter    [][2]int `json:"intersection"`
	GDF      [][2]int `json:"grow_diag_final"`
}

// Token is a token in the JSON output: its text, byte offsets [start,
// end), kind (content, function, punct) and link strength (unlinked,
// one-way, grown, sure).
type Token struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Kind     string `json:"kind"`
	Strength string `json:"strength"`
}

// WordFormats are the formats WriteWords knows.
var WordFormats = []string{"pharaoh", "tsv", "json"}

// PresplitWords word-aligns sentence beads of presplit lines; offsets
// count in each bead's own texts.
func PresplitWords(lex *lexicon.Lexicon, zh, en []string, bs []align.SentenceBead) []Words {
	sents := Presplit(zh, en, bs)
	texts := make([][2]string, len(sents))
	for k, s := range sents {
		texts[k] = [2]string{s.ZhText, s.EnText}
	}
	pairs := words.AlignTexts(lex, texts, words.Options{})
	out := make([]Words, len(sents))
	for k, s := range sents {
		out[k] = wordsOf(&pairs[k], s, func(align.Lang, int) int { return 0 })
	}
	return out
}

// DocumentWords word-aligns the sentence beads of an aligned document;
// offsets count in the files.
func DocumentWords(lex *lexicon.Lexicon, a *align.Alignment) []Words {
	d := words.Align(a, lex, words.Options{})
	sents := Document(a)
	out := make([]Words, len(d.Pairs))
	for k := range d.Pairs {
		out[k] = wordsOf(&d.Pairs[k], sents[k], func(l align.Lang, block int) int { return a.Doc.Blocks(l)[block].Start })
	}
	return out
}

// wordsOf gives the output of one pair; base is the offset of a block in
// what the offsets count in.
func wordsOf(p *words.Pair, s Sentence, base func(l align.Lang, block int) int) Words {
	toks := func(l align.Lang) []Token {
		out := []Token{}
		for k, t := range p.Tokens(l) {
			block, start, end := p.Place(t)
			b := base(l, block)
			out = append(out, Token{Text: p.Text(t), Start: b + start, End: b + end, Kind: t.Kind().String(), Strength: p.Strength(l, k).String()})
		}
		return out
	}
	pairs := func(ls []words.Link) [][2]int {
		out := [][2]int{}
		for _, l := range ls {
			out = append(out, [2]int{int(l.Zh), int(l.En)})
		}
		return out
	}
	return Words{Zh: s.Zh, En: s.En, ZhText: s.ZhText, EnText: s.EnText, ZhTokens: toks(align.Zh), EnTokens: toks(align.En),
		Inter: pairs(p.Inter()), GDF: pairs(p.GDF)}
}

// WriteWords prints word-aligned beads as format: pharaoh (the links
// "i-j", a bead a line), tsv (ids, tokens, links) or json. intersection
// chooses the link set the text formats print.
func WriteWords(w io.Writer, beads []Words, format string, intersection bool) error {
	if format == "json" {
		if beads == nil {
			beads = []Words{}
		}
		return writeJSON(w, beads)
	}
	bw := bufio.NewWriter(w)
	for _, b := range beads {
		if format == "tsv" {
			fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t", IDs(b.Zh), IDs(b.En), tokenLine(b.ZhTokens), tokenLine(b.EnTokens))
		}
		links := b.GDF
		if intersection {
			links = b.Inter
		}
		for k, l := range links {
			if k > 0 {
				bw.WriteByte(' ')
			}
			fmt.Fprintf(bw, "%d-%d", l[0], l[1])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// tokenLine joins tokens with spaces, a space inside a token (none in
// practice) made a no-break space so that the columns still split.
func tokenLine(toks []Token) string {
	parts := make([]string, len(toks))
	for k, t := range toks {
		parts[k] = strings.ReplaceAll(field(t.Text), " ", "\u00a0")
	}
	return strings.Join(parts, " ")
}
