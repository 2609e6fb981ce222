package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
)

func runVersion(stdout io.Writer) int {
	fmt.Fprintf(stdout, "aligncheck %s\n", driver.Version)
	return exitOK
}

func runChecks(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return report(stderr, usagef("checks takes no arguments"))
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tCATEGORY\tSEVERITY\tTITLE")
	for _, c := range driver.AllChecks() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Name, c.Category, c.Severity, c.Title())
	}
	tw.Flush()
	return exitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return report(stderr, usagef("explain takes one check name"))
	}
	c := driver.LookupCheck(args[0])
	if c == nil {
		return report(stderr, usagef("unknown check %q (see 'aligncheck checks')", args[0]))
	}
	fmt.Fprintf(stdout, "%s (category %s, default severity %s)\n\n%s\n", c.Name, c.Category, c.Severity, c.Doc)
	fmt.Fprintf(stdout, "\nConfidence:\n%s\n%s\n", strings.TrimSpace(c.Confidence), checks.ConfidenceRule)
	if len(c.Options) > 0 {
		fmt.Fprintf(stdout, "\nOptions (.aligncheck.yaml: checks: {%s: {OPTION: VALUE}}):\n", c.Name)
		for _, o := range c.Options {
			fmt.Fprintf(stdout, "  %s  %s, default %s: %s\n", o.Name, o.Type, o.DefaultString(), o.Doc)
		}
	}
	return exitOK
}
