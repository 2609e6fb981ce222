package main

import (
	"fmt"
	"io"
)

// run is the whole program; main only calls it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, help("aligncheck"))
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
		fmt.Fprint(stdout, help("aligncheck"))
		return exitOK
	}
	return report(stderr, usagef("unknown command %q", cmd))
}
