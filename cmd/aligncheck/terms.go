package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
)

const termsUsage = `Usage: aligncheck terms FILE [--format tsv|json]
       aligncheck terms --zh FILE --en FILE [--format tsv|json]

Prints the document's bilingual term table: every Chinese term the
consistency check learns (quoted terms and titles, names, and terms that
recur without quotation marks, rendered as the word links give) seen in
two places or more, with its English renderings, how often each is used
and where.

Formats: tsv   a glossary --glossary reads back: columns zh, en (the
               renderings, most used first, separated by "|") and note
               (how the term was learnt, each rendering's count and its
               places in the English as line:column). Every rendering is
               allowed: delete the ones not wanted, and the terminology
               check enforces the rest.
         json  an array of terms: zh, source, renderings (en, count,
               places with both sides' locations)
`

func runTerms(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("terms", flag.ContinueOnError)
	zhPath := fs.String("zh", "", "Chinese `file`; - for stdin")
	enPath := fs.String("en", "", "English `file`; - for stdin")
	format := fs.String("format", "tsv", "output `format`: tsv or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if strings.Contains(err.Error(), flag.ErrHelp.Error()) {
			fmt.Fprint(stdout, termsUsage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return exitOK
		}
		return report(stderr, err)
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
	type place struct {
		Zh align.Span `json:"zh"`
		En align.Span `json:"en"`
	}
	type rendering struct {
		En     string  `json:"en"`
		Count  int     `json:"count"`
		Places []place `json:"places"`
	}
	type term struct {
		Zh         string      `json:"zh"`
		Source     string      `json:"source"`
		Renderings []rendering `json:"renderings"`
	}
	out := []term{}
	for _, t := range terms {
		jt := term{Zh: t.Zh, Source: t.Source}
		for _, r := range t.Renderings {
			jr := rendering{En: r.En, Count: len(r.Places)}
			for _, pl := range r.Places {
				jr.Places = append(jr.Places, place{pl.Zh, pl.En})
			}
			jt.Renderings = append(jt.Renderings, jr)
		}
		out = append(out, jt)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
