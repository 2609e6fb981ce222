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
)

const alignUsage = `Usage: aligncheck align --zh FILE --en FILE [--presplit] [--format beads|tsv|json]

Aligns the sentences of a Chinese file and its English translation and
prints the beads. Without --presplit the files are paragraphs separated by
blank lines, split into sentences by aligncheck; sentence ids count the
sentences of each file from 0 in reading order. With --presplit each line
is one sentence as given and ids are 0-based line numbers.

Formats: beads  one bead a line in the gold syntax, [0,1]:[0] ([] for none)
         tsv    zh ids, en ids, score, Chinese text, English text
         json   an array of beads with ids, texts and scores
`

func runAlign(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("align", flag.ContinueOnError)
	zhPath := fs.String("zh", "", "Chinese `file`; - for stdin")
	enPath := fs.String("en", "", "English `file`; - for stdin")
	presplit := fs.Bool("presplit", false, "one sentence per line, as given")
	format := fs.String("format", "beads", "output `format`: beads, tsv or json")
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
	if err := alignCmd(*zhPath, *enPath, *presplit, *format, pos, stdin, stdout); err != nil {
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
	if len(pos) > 0 {
		return usagef("align: unexpected argument %q (give the files with --zh and --en)", pos[0])
	}
	if zhPath == "" || enPath == "" {
		return usagef("align: need both --zh FILE and --en FILE")
	}
	if zhPath == "-" && enPath == "-" {
		return usagef("align: only one of --zh and --en can be standard input")
	}
	switch format {
	case "beads", "tsv", "json":
	default:
		return usagef("align: --format: unknown format %q (want beads, tsv or json)", format)
	}
	zhText, zhShown, err := input.ReadFile(zhPath, stdin)
	if err != nil {
		return err
	}
	enText, enShown, err := input.ReadFile(enPath, stdin)
	if err != nil {
		return err
	}
	opt, err := alignerOptions()
	if err != nil {
		return err
	}
	var beads []alignedSentence
	if presplit {
		zh, en := splitLines(zhText), splitLines(enText)
		for _, b := range align.AlignSentences(zh, en, opt) {
			beads = append(beads, alignedSentence{
				Zh: nonNil(b.Zh), En: nonNil(b.En), ZhText: joinIDs(zh, b.Zh, ""), EnText: joinIDs(en, b.En, " "),
				Score: b.Score, Lex: b.Lex, NullConf: b.NullConf,
			})
		}
	} else {
		doc, err := input.TwoFiles(zhShown, zhText, enShown, enText)
		if err != nil {
			return err
		}
		beads = documentBeads(align.Align(doc, opt))
	}
	return writeAligned(stdout, beads, format)
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
