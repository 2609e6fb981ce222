package main

import (
	"flag"
	"io"

	"github.com/aligncheck/aligncheck/align"
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
	doc, err := driver.OpenOne("terms", zhPath, enPath, pos, stdin)
	if err != nil {
		return err
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
