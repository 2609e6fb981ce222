package main

import (
	"flag"
	"io"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/reports/beads"
)

func runAlign(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("align", flag.ContinueOnError)
	zhPath := fs.String("zh", "", "Chinese `file`; - for stdin")
	enPath := fs.String("en", "", "English `file`; - for stdin")
	presplit := fs.Bool("presplit", false, "one sentence per line, as given")
	format := fs.String("format", "", "output `format`: beads, tsv or json; with --words pharaoh, tsv or json")
	wordsFlag := fs.Bool("words", false, "align the words inside each sentence bead")
	links := fs.String("links", "grow-diag-final", "with --words, the `links` printed: grow-diag-final or intersection")
	pos, code, done := parseCommand(fs, args, stdout, stderr)
	if done {
		return code
	}
	var err error
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
	a, err := alignFiles(zhPath, enPath, presplit, pos, stdin)
	if err != nil {
		return err
	}
	if a.doc != nil {
		return beads.Write(stdout, beads.Document(a.doc), format)
	}
	return beads.Write(stdout, beads.Presplit(a.zh, a.en, a.beads), format)
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
	a, err := alignFiles(zhPath, enPath, presplit, pos, stdin)
	if err != nil {
		return err
	}
	out := beads.DocumentWords
	if a.doc == nil {
		out = func(lex *lexicon.Lexicon, _ *align.Alignment) []beads.Words {
			return beads.PresplitWords(lex, a.zh, a.en, a.beads)
		}
	}
	return beads.WriteWords(stdout, out(lexicon.Default(), a.doc), format, links == "intersection")
}

// aligned is what `aligncheck align` prints from: a document's alignment,
// or with --presplit the lines and their sentence beads.
type aligned struct {
	doc    *align.Alignment
	zh, en []string
	beads  []align.SentenceBead
}

// alignFiles reads the two files and aligns them.
func alignFiles(zhPath, enPath string, presplit bool, pos []string, stdin io.Reader) (*aligned, error) {
	switch {
	case len(pos) > 0:
		return nil, usagef("align: unexpected argument %q (give the files with --zh and --en)", pos[0])
	case zhPath == "" || enPath == "":
		return nil, usagef("align: need both --zh FILE and --en FILE")
	case zhPath == "-" && enPath == "-":
		return nil, usagef("align: only one of --zh and --en can be standard input")
	}
	zhText, zhShown, err := input.ReadFile(zhPath, stdin)
	if err != nil {
		return nil, err
	}
	enText, enShown, err := input.ReadFile(enPath, stdin)
	if err != nil {
		return nil, err
	}
	opt, err := alignerOptions()
	if err != nil {
		return nil, err
	}
	if presplit {
		zh, en := beads.Lines(zhText), beads.Lines(enText)
		return &aligned{zh: zh, en: en, beads: align.AlignSentences(zh, en, opt)}, nil
	}
	doc, err := input.TwoFiles(zhShown, zhText, enShown, enText)
	if err != nil {
		return nil, err
	}
	return &aligned{doc: align.Align(doc, opt)}, nil
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
