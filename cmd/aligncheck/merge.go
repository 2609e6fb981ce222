package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/internal/cli"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/reports"
)

// runMerge combines the JSON reports of the shards of a run
// (check --shard K/N --format json) into the report of the whole run, in
// any format but HTML (which shows the documents' text, not in a JSON
// report), with the exit code the whole run has.
func runMerge(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	var (
		format, output, failOn, config string
		quiet                          bool
		view                           viewFlags
	)
	formats := reports.MergeFormats()
	fs.StringVar(&format, "format", "text", "output `format`: "+strings.Join(formats, ", "))
	fs.StringVar(&output, "o", "", "write the report to `file` instead of stdout")
	fs.StringVar(&failOn, "fail-on", "", "exit 1 when a finding is at or above this `severity`: error, warning, info, none (default: the shards' --fail-on)")
	fs.StringVar(&config, "config", "", "configuration `file` for show and sort (default: .aligncheck.yaml found by walking up from the working directory)")
	fs.BoolVar(&quiet, "quiet", false, "no summary line on stderr")
	extra := map[string]*string{}
	for _, name := range reports.ExtraFormats {
		if name != "html" {
			extra[name] = fs.String(name, "", "also write the "+name+" report to `file`")
		}
	}
	view.register(fs, "")
	pos, code, done := parseCommand(fs, args, stdout, stderr)
	if done {
		return code
	}
	given := cli.Given(fs)
	code, err := merge(pos, format, output, failOn, config, quiet, view, given, extra, stdout, stderr)
	if err != nil {
		return report(stderr, err)
	}
	return code
}

func merge(paths []string, format, output, failOn, config string, quiet bool, view viewFlags, given map[string]bool,
	extra map[string]*string, stdout, stderr io.Writer) (int, error) {
	if _, ok := reports.Lookup(format); !ok || format == "html" {
		return 0, usagef("--format: %q cannot be merged (want %s; HTML shows the documents' text, which a JSON report does not hold)", format, strings.Join(reports.MergeFormats(), ", "))
	}
	rep, shardsFailOn, err := driver.MergeFiles(paths)
	if err != nil {
		return 0, err
	}
	if !given["fail-on"] {
		failOn = shardsFailOn
	}
	sev, err := driver.ParseFailOn(failOn)
	if err != nil {
		return 0, err
	}
	cfg, err := driver.LoadConfig(config, driver.Overrides{})
	if err != nil {
		return 0, err
	}
	var out io.Writer
	if output == "" {
		out = stdout
	}
	if rep.View, err = view.view(given, cfg, sev, out); err != nil {
		return 0, err
	}
	outputs := driver.Outputs(format, output, extra)
	if err := driver.CheckOutputs(outputs); err != nil {
		return 0, err
	}
	if err := driver.WriteOutputs(context.Background(), outputs, rep, stdout); err != nil {
		return 0, err
	}
	if !quiet {
		fmt.Fprintf(stderr, "%d document(s): %d error(s), %d warning(s), %d info\n",
			rep.Summary.Documents, rep.Summary.Error, rep.Summary.Warning, rep.Summary.Info)
	}
	if driver.Fails(sev, rep) {
		return exitFindings, nil
	}
	return exitOK, nil
}
