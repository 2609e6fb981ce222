package main

import (
	"fmt"
	"io"
)

const usage = `aligncheck checks a Chinese text against its English translation.

Usage:
  aligncheck check FILE                 an interleaved file (paragraphs of both languages alternating)
  aligncheck check --zh FILE --en FILE  a Chinese file and its English translation
  aligncheck check PATH...              files and directories (pairs name.zh.md + name.en.md, zh/ + en/)
  aligncheck check --zh-text T --en-text T   one paragraph pair given on the command line
  aligncheck check PATH... --shard K/N --format json -o K.json   one share of a run split across machines
  aligncheck merge K.json...            the shards' reports combined: the report of the whole run
  aligncheck serve [--addr 127.0.0.1:8080]  a local page and JSON API for spot checks
  aligncheck config                     print the effective configuration (.aligncheck.yaml + flags)
  aligncheck align --zh FILE --en FILE  print the sentence alignment
  aligncheck eval --set DIR             score the aligner on a gold set
  aligncheck terms FILE                 print the document's term table (a draft glossary, TSV)
  aligncheck checks                     list the checks
  aligncheck explain CHECK              print a check's documentation
  aligncheck version                    print the version

Run 'aligncheck COMMAND -h' for a command's flags.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 error.
`

// run is the whole program; main only calls it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(rest, stdin, stdout, stderr)
	case "merge":
		return runMerge(rest, stdout, stderr)
	case "align":
		return runAlign(rest, stdin, stdout, stderr)
	case "eval":
		return runEval(rest, stdin, stdout, stderr)
	case "terms":
		return runTerms(rest, stdin, stdout, stderr)
	case "serve":
		return runServe(rest, stdin, stdout, stderr)
	case "checks":
		return runChecks(rest, stdout, stderr)
	case "config":
		return runConfig(rest, stdout, stderr)
	case "explain":
		return runExplain(rest, stdout, stderr)
	case "version", "--version":
		return runVersion(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	return report(stderr, usagef("unknown command %q", cmd))
}
