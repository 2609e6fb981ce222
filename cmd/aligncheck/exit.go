package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/aligncheck/aligncheck/internal/driver"
)

// Exit codes are a contract with scripts and CI:
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, input, config or internal error
)

// usagef makes a mistake on the command line.
func usagef(format string, args ...any) error { return driver.Usagef(format, args...) }

// report prints an error on stderr and maps it to its exit code: the one
// place where errors become exit codes.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var ue *driver.UsageError
	var uc *driver.UnknownCheckError
	if errors.As(err, &ue) || errors.As(err, &uc) {
		fmt.Fprintf(stderr, "aligncheck: %v\nRun 'aligncheck help' for usage.\n", err)
		return exitError
	}
	fmt.Fprintf(stderr, "aligncheck: %v\n", err)
	return exitError
}
