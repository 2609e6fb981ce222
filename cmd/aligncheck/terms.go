package main

import (
	"flag"
	"io"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
)

func runTerms(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("terms", flag.ContinueOnError)
	zhPath := fs.String("zh", "", "Chinese `file`; - for stdin")
	enPath := fs.String("en", "", "English `file`; - for stdin")
	format := fs.String("format", "tsv", "output `format`: tsv or json")
	pos, code, done := parseCommand(fs, args, stdout, stderr)
	if done {
		return code
	}
	if err := termsCmd(*zhPath, *enPath, *format, pos, stdin, stdout); err != nil {
		return report(stderr, err)
	}
	return exitOK
}

func termsCmd(zhPath, enPath, format string, pos []string, stdin io.Reader, stdout io.Writer) error {
	if format != "tsv" && format != "json" {
		return usagef("terms: --format: unknown format %q (want tsv or json)", format)
	}
	var doc *align.Document
	switch {
	case zhPath != "" || enPath != "":
		if zhPath == "" || enPath == "" {
			return usagef("terms: need both --zh FILE and --en FILE")
		}
		if len(pos) > 0 {
			return usagef("terms: unexpected argument %q with --zh and --en", pos[0])
		}
		d, err := input.OpenPair(zhPath, enPath, stdin, input.Options{})
		if err != nil {
			return err
		}
		doc = d
	case len(pos) == 1:
		docs, err := input.Open(pos[0], stdin, input.Options{})
		if err != nil {
			return err
		}
		if len(docs) != 1 {
			return usagef("terms: %s holds %d documents; give one", pos[0], len(docs))
		}
		doc = docs[0]
	default:
		return usagef("terms: give one FILE, or --zh FILE --en FILE")
	}
	if err := driver.Load(); err != nil {
		return err
	}
	al := align.Align(doc, align.Options{Lex: lexicon.Default()})
	terms := checks.Terms(doc, al)
	if format == "tsv" {
		return checks.WriteTermsTSV(stdout, doc.Name, terms)
	}
	return checks.WriteTermsJSON(stdout, terms)
}
