package main

import (
	"errors"
	"fmt"
	"io"
)

// Exit codes are a contract with scripts and CI:
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, input, config or internal error
)

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// report prints an error on stderr and maps it to its exit code: the one
// place where errors become exit codes.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "aligncheck: %v\nRun 'aligncheck help' for usage.\n", err)
		return exitError
	}
	fmt.Fprintf(stderr, "aligncheck: %v\n", err)
	return exitError
}
