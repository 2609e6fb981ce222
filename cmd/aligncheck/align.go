package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/reports/beads"
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
	if presplit {
		zh, en := beads.Lines(in.zhText), beads.Lines(in.enText)
		return beads.Write(stdout, beads.Presplit(zh, en, align.AlignSentences(zh, en, opt)), format)
	}
	doc, err := input.TwoFiles(in.zhShown, in.zhText, in.enShown, in.enText)
	if err != nil {
		return err
	}
	return beads.Write(stdout, beads.Document(align.Align(doc, opt)), format)
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
	var out []beads.Words
	if presplit {
		zh, en := beads.Lines(in.zhText), beads.Lines(in.enText)
		out = beads.PresplitWords(lexicon.Default(), zh, en, align.AlignSentences(zh, en, opt))
	} else {
		doc, err := input.TwoFiles(in.zhShown, in.zhText, in.enShown, in.enText)
		if err != nil {
			return err
		}
		out = beads.DocumentWords(lexicon.Default(), align.Align(doc, opt))
	}
	return beads.WriteWords(stdout, out, format, links == "intersection")
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
