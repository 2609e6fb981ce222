package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

const alignUsage = `Usage: aligncheck align --zh FILE --en FILE [--presplit] [--format beads|tsv|json]
       aligncheck align --words --zh FILE --en FILE [--presplit] [--links L] [--format pharaoh|tsv|json]

Aligns the sentences of a Chinese file and its English translation and
prints the beads. Without --presplit the files are paragraphs separated by
blank lines, split into sentences by aligncheck; sentence ids count the
sentences of each file from 0 in reading order. With --presplit each line
is one sentence as given and ids are 0-based line numbers.

Formats: beads  one bead a line in the gold syntax, [0,1]:[0] ([] for none)
         tsv    zh ids, en ids, score, Chinese text, English text
         json   an array of beads with ids, texts and scores

With --words it also aligns the words inside each sentence bead (a model
learnt on the two files alone, with the embedded CC-CEDICT lexicon as a
prior) and prints, one line per sentence bead, the links between its
tokens: Chinese token i with English token j as "i-j", 0-based, in the
bead's own tokens (the Pharaoh format of fast_align and Moses). --links
chooses the symmetrised set: grow-diag-final (default; more links, for
term renderings) or intersection (the links both directions agree on:
fewer, surer).

Formats with --words:
         pharaoh  the links, one sentence bead a line (empty: no links)
         tsv      zh ids, en ids, Chinese tokens, English tokens (tokens
                  separated by spaces), links
         json     an array of beads: ids, texts, tokens (text, kind, link
                  strength, byte offsets start/end: into the file, or with
                  --presplit into the bead's zh_text/en_text), and both
                  link sets as [zh token, en token] pairs
`

func runAlign(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("align", flag.ContinueOnError)
	zhPath := fs.String("zh", "", "Chinese `file`; - for stdin")
	enPath := fs.String("en", "", "English `file`; - for stdin")
	presplit := fs.Bool("presplit", false, "one sentence per line, as given")
	format := fs.String("format", "", "output `format`: beads, tsv or json; with --words pharaoh, tsv or json")
	wordsFlag := fs.Bool("words", false, "align the words inside each sentence bead")
	links := fs.String("links", "grow-diag-final", "with --words, the `links` printed: grow-diag-final or intersection")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if strings.Contains(err.Error(), flag.ErrHelp.Error()) {
			fmt.Fprint(stdout, alignUsage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return exitOK
		}
		return report(stderr, err)
	}
	if *wordsFlag {
		err = alignWordsCmd(*zhPath, *enPath, *presplit, *format, *links, pos, stdin, stdout)
	} else if *links != "grow-diag-final" {
		err = usagef("align: --links needs --words")
	} else {
		err = alignCmd(*zhPath, *enPath, *presplit, *format, pos, stdin, stdout)
	}
	if err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// alignedSentence is one bead of `aligncheck align`, with sentence ids that
// count from 0 over each whole file.
type alignedSentence struct {
	Zh       []int   `json:"zh"`
	En       []int   `json:"en"`
	ZhText   string  `json:"zh_text"`
	EnText   string  `json:"en_text"`
	Score    float64 `json:"score"`
	Lex      float64 `json:"lex"`
	NullConf float64 `json:"null_conf,omitempty"`
}

func alignCmd(zhPath, enPath string, presplit bool, format string, pos []string, stdin io.Reader, stdout io.Writer) error {
	switch format {
	case "":
		format = "beads"
	case "beads", "tsv", "json":
	default:
		return usagef("align: --format: unknown format %q (want beads, tsv or json)", format)
	}
	in, err := readAlignInput(zhPath, enPath, pos, stdin)
	if err != nil {
		return err
	}
	opt, err := alignerOptions()
	if err != nil {
		return err
	}
	var beads []alignedSentence
	if presplit {
		zh, en := splitLines(in.zhText), splitLines(in.enText)
		for _, b := range align.AlignSentences(zh, en, opt) {
			beads = append(beads, alignedSentence{
				Zh: nonNil(b.Zh), En: nonNil(b.En), ZhText: joinIDs(zh, b.Zh, ""), EnText: joinIDs(en, b.En, " "),
				Score: b.Score, Lex: b.Lex, NullConf: b.NullConf,
			})
		}
	} else {
		doc, err := input.TwoFiles(in.zhShown, in.zhText, in.enShown, in.enText)
		if err != nil {
			return err
		}
		beads = documentBeads(align.Align(doc, opt))
	}
	return writeAligned(stdout, beads, format)
}

// alignInput is what `aligncheck align` reads: the two files' texts and
// the names they are shown by.
type alignInput struct {
	zhText, zhShown string
	enText, enShown string
}

func readAlignInput(zhPath, enPath string, pos []string, stdin io.Reader) (alignInput, error) {
	var in alignInput
	if len(pos) > 0 {
		return in, usagef("align: unexpected argument %q (give the files with --zh and --en)", pos[0])
	}
	if zhPath == "" || enPath == "" {
		return in, usagef("align: need both --zh FILE and --en FILE")
	}
	if zhPath == "-" && enPath == "-" {
		return in, usagef("align: only one of --zh and --en can be standard input")
	}
	var err error
	if in.zhText, in.zhShown, err = input.ReadFile(zhPath, stdin); err != nil {
		return in, err
	}
	if in.enText, in.enShown, err = input.ReadFile(enPath, stdin); err != nil {
		return in, err
	}
	return in, nil
}

// alignerOptions loads the segmenter and the lexicon once and returns the
// options the sentence aligner runs with.
func alignerOptions() (align.Options, error) {
	if err := lang.Load(); err != nil {
		return align.Options{}, err
	}
	if err := lexicon.Load(); err != nil {
		return align.Options{}, err
	}
	return align.Options{Lex: lexicon.Default()}, nil
}

// splitLines cuts presplit text into its lines; a final newline does not
// make an empty last sentence, and a "\r" before "\n" is dropped.
func splitLines(text string) []string {
	text = strings.TrimSuffix(text, "\n")
	lines := strings.Split(text, "\n")
	for k, l := range lines {
		lines[k] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// documentBeads flattens the sentence beads of an aligned document, with
// sentence ids counted over each whole file in reading order.
func documentBeads(a *align.Alignment) []alignedSentence {
	first := func(blocks []*align.Block) []int {
		off := make([]int, len(blocks)+1)
		for k, b := range blocks {
			off[k+1] = off[k] + len(b.Sents)
		}
		return off
	}
	zOff, eOff := first(a.Doc.Zh), first(a.Doc.En)
	var out []alignedSentence
	for _, b := range a.Beads {
		for _, s := range b.Sents {
			o := alignedSentence{Zh: []int{}, En: []int{}, Score: s.Score, Lex: s.Lex, NullConf: s.NullConf}
			var zt, et []string
			for _, r := range s.Zh {
				o.Zh = append(o.Zh, zOff[r.Block]+r.Sent)
				zt = append(zt, a.Doc.Zh[r.Block].Sentence(r.Sent))
			}
			for _, r := range s.En {
				o.En = append(o.En, eOff[r.Block]+r.Sent)
				et = append(et, a.Doc.En[r.Block].Sentence(r.Sent))
			}
			o.ZhText, o.EnText = strings.Join(zt, ""), strings.Join(et, " ")
			out = append(out, o)
		}
	}
	return out
}

func nonNil(ids []int) []int {
	if ids == nil {
		return []int{}
	}
	return ids
}

func joinIDs(sents []string, ids []int, sep string) string {
	parts := make([]string, len(ids))
	for k, i := range ids {
		parts[k] = sents[i]
	}
	return strings.Join(parts, sep)
}

func formatIDs(ids []int) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for k, id := range ids {
		if k > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(strconv.Itoa(id))
	}
	sb.WriteByte(']')
	return sb.String()
}

// tsvField keeps a text on one TSV line.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
}

func writeAligned(w io.Writer, beads []alignedSentence, format string) error {
	if format == "json" {
		if beads == nil {
			beads = []alignedSentence{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(beads)
	}
	bw := bufio.NewWriter(w)
	for _, b := range beads {
		switch format {
		case "beads":
			fmt.Fprintf(bw, "%s:%s\n", formatIDs(b.Zh), formatIDs(b.En))
		case "tsv":
			fmt.Fprintf(bw, "%s\t%s\t%.3f\t%s\t%s\n", formatIDs(b.Zh), formatIDs(b.En), b.Score, tsvField(b.ZhText), tsvField(b.EnText))
		}
	}
	return bw.Flush()
}

// alignedWords is one sentence bead of `aligncheck align --words`.
type alignedWords struct {
	Zh       []int        `json:"zh"`
	En       []int        `json:"en"`
	ZhText   string       `json:"zh_text"`
	EnText   string       `json:"en_text"`
	ZhTokens []wordToken  `json:"zh_tokens"`
	EnTokens []wordToken  `json:"en_tokens"`
	Inter    [][2]int     `json:"intersection"`
	GDF      [][2]int     `json:"grow_diag_final"`
	links    []words.Link // the set printed in the text formats
}

// wordToken is a token in the JSON output: its text, byte offsets [start,
// end), kind (content, function, punct) and link strength (unlinked,
// one-way, grown, sure).
type wordToken struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Kind     string `json:"kind"`
	Strength string `json:"strength"`
}

func alignWordsCmd(zhPath, enPath string, presplit bool, format, links string, pos []string, stdin io.Reader, stdout io.Writer) error {
	switch format {
	case "":
		format = "pharaoh"
	case "pharaoh", "tsv", "json":
	default:
		return usagef("align: --format: unknown format %q with --words (want pharaoh, tsv or json)", format)
	}
	if links != "grow-diag-final" && links != "intersection" {
		return usagef("align: --links: unknown link set %q (want grow-diag-final or intersection)", links)
	}
	in, err := readAlignInput(zhPath, enPath, pos, stdin)
	if err != nil {
		return err
	}
	opt, err := alignerOptions()
	if err != nil {
		return err
	}
	lex := lexicon.Default()
	var out []alignedWords
	if presplit {
		zh, en := splitLines(in.zhText), splitLines(in.enText)
		beads := align.AlignSentences(zh, en, opt)
		texts := make([][2]string, len(beads))
		for k, b := range beads {
			texts[k] = [2]string{joinIDs(zh, b.Zh, ""), joinIDs(en, b.En, " ")}
		}
		pairs := words.AlignTexts(lex, texts, words.Options{})
		for k, b := range beads {
			out = append(out, wordsOf(&pairs[k], nonNil(b.Zh), nonNil(b.En), texts[k][0], texts[k][1],
				func(align.Lang, words.Token) int { return 0 }))
		}
	} else {
		doc, err := input.TwoFiles(in.zhShown, in.zhText, in.enShown, in.enText)
		if err != nil {
			return err
		}
		a := align.Align(doc, opt)
		d := words.Align(a, lex, words.Options{})
		sents := documentBeads(a)
		for k := range d.Pairs {
			s := sents[k]
			out = append(out, wordsOf(&d.Pairs[k], s.Zh, s.En, s.ZhText, s.EnText,
				func(l align.Lang, t words.Token) int { return doc.Blocks(l)[t.Block].Start }))
		}
	}
	for k := range out {
		if links == "intersection" {
			out[k].links = toLinks(out[k].Inter)
		} else {
			out[k].links = toLinks(out[k].GDF)
		}
	}
	return writeWords(stdout, out, format)
}

// wordsOf gives the output of one pair; base is the offset of a token's
// block in what the offsets count in.
func wordsOf(p *words.Pair, zh, en []int, zhText, enText string, base func(align.Lang, words.Token) int) alignedWords {
	toks := func(l align.Lang) []wordToken {
		out := []wordToken{}
		for k, t := range p.Tokens(l) {
			b := base(l, t)
			out = append(out, wordToken{Text: t.Text, Start: b + t.Start, End: b + t.End, Kind: t.Kind.String(), Strength: p.Strength(l, k).String()})
		}
		return out
	}
	pairs := func(ls []words.Link) [][2]int {
		out := [][2]int{}
		for _, l := range ls {
			out = append(out, [2]int{l.Zh, l.En})
		}
		return out
	}
	return alignedWords{Zh: zh, En: en, ZhText: zhText, EnText: enText, ZhTokens: toks(align.Zh), EnTokens: toks(align.En),
		Inter: pairs(p.Inter), GDF: pairs(p.GDF)}
}

func toLinks(ps [][2]int) []words.Link {
	out := make([]words.Link, len(ps))
	for k, p := range ps {
		out[k] = words.Link{Zh: p[0], En: p[1]}
	}
	return out
}

func writeWords(w io.Writer, beads []alignedWords, format string) error {
	if format == "json" {
		if beads == nil {
			beads = []alignedWords{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(beads)
	}
	bw := bufio.NewWriter(w)
	for _, b := range beads {
		if format == "tsv" {
			fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t", formatIDs(b.Zh), formatIDs(b.En), tokenLine(b.ZhTokens), tokenLine(b.EnTokens))
		}
		for k, l := range b.links {
			if k > 0 {
				bw.WriteByte(' ')
			}
			fmt.Fprintf(bw, "%d-%d", l.Zh, l.En)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// tokenLine joins tokens with spaces, a space inside a token (none in
// practice) made a no-break space so that the columns still split.
func tokenLine(toks []wordToken) string {
	parts := make([]string, len(toks))
	for k, t := range toks {
		parts[k] = strings.ReplaceAll(tsvField(t.Text), " ", "\u00a0")
	}
	return strings.Join(parts, " ")
}
