package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/aligncheck/aligncheck/internal/cli"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/outfile"
	"github.com/aligncheck/aligncheck/internal/profile"
	"github.com/aligncheck/aligncheck/internal/progress"
	"github.com/aligncheck/aligncheck/reports"
)

type checkFlags struct {
	zh, en          string
	zhText, enText  string
	format, output  string
	failOn, source  string
	enable, disable string
	quiet           bool
	encoding        string
	lists           cli.Lists          // --glossary, --furniture
	extraOut        map[string]*string // format → file, for --html, --sarif, …
	config          string
	baseline        string
	writeBaseline   string
	newFromRev      string
	reportUnused    bool
	compareTo       string
	view            viewFlags
	profile         profile.Files
	shard           string
	units           string
	given           map[string]bool // flags set on the command line
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	var f checkFlags
	fs.StringVar(&f.zh, "zh", "", "Chinese `file` (with --en); - for stdin")
	fs.StringVar(&f.en, "en", "", "English `file` (with --zh); - for stdin")
	fs.StringVar(&f.format, "format", "text", "output `format`: "+strings.Join(reports.Formats(), ", "))
	fs.StringVar(&f.output, "o", "", "write the report to `file` instead of stdout")
	fs.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above this `severity`: error, warning, info, none")
	fs.StringVar(&f.source, "source", "zh", "`language` of the original: zh or en")
	fs.StringVar(&f.disable, "disable", "", "comma-separated `checks` not to run")
	fs.StringVar(&f.enable, "enable", "", "run only these comma-separated `checks`")
	fs.BoolVar(&f.quiet, "quiet", false, "no summary line on stderr")
	fs.StringVar(&f.encoding, "encoding", "", "text `encoding` of the inputs (default: detect)")
	fs.StringVar(&f.zhText, "zh-text", "", "Chinese `text` given on the command line (- for stdin)")
	fs.StringVar(&f.enText, "en-text", "", "English `text` given on the command line (- for stdin)")
	f.lists.Flags(fs)
	f.extraOut = map[string]*string{}
	for _, name := range reports.ExtraFormats {
		f.extraOut[name] = fs.String(name, "", "also write the "+name+" report to `file`")
	}
	fs.StringVar(&f.config, "config", "", "configuration `file` (default: .aligncheck.yaml found by walking up from the working directory)")
	fs.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline `file`")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in this baseline `file` (and exit 0)")
	fs.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings on pairs whose text changed since this git `revision`")
	fs.BoolVar(&f.reportUnused, "report-unused-ignores", false, "report aligncheck-ignore directives that suppressed nothing")
	f.view.register(fs, " and of the HTML table")
	fs.StringVar(&f.compareTo, "compare-to", "", "older revision `file` of the translation (or of the interleaved file): the HTML report shows what changed in each paragraph")
	fs.StringVar(&f.shard, "shard", "", "check only the `K/N` share of the documents (by a hash of the path); with --format json the report carries what aligncheck merge needs")
	fs.StringVar(&f.units, "units", "", "check only the windows of a TMX, XLIFF, CSV/TSV or JSONL file that start in units `FROM:TO` (FROM: to the end); with --format json the report carries what aligncheck merge needs")
	f.profile.Flags(fs)
	pos, code, done := parseCommand(fs, args, stdout, stderr)
	if done {
		return code
	}
	f.given = cli.Given(fs)
	if err := f.profile.Start(); err != nil {
		return report(stderr, err)
	}
	// SIGINT and SIGTERM stop the run (the aligner stops within
	// milliseconds) and a report being written is removed unfinished,
	// leaving the old file; a second signal ends the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	code, err := check(ctx, f, pos, stdin, stdout, stderr)
	if perr := f.profile.Stop(); err == nil && perr != nil {
		err = perr
	}
	if err != nil && ctx.Err() != nil && errors.Is(err, context.Canceled) {
		err = errors.New("interrupted: no report written, earlier files left as they were")
	}
	if err != nil {
		return report(stderr, err)
	}
	return code
}

// overrides are the flags that override the configuration file.
func (f *checkFlags) overrides() driver.Overrides {
	o := driver.Overrides{Enable: driver.Names(f.enable), Disable: driver.Names(f.disable)}
	if f.given["source"] {
		o.Source = &f.source
	}
	if f.given["fail-on"] {
		o.FailOn = &f.failOn
	}
	f.lists.Override(&o)
	return o
}

func check(ctx context.Context, f checkFlags, pos []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	// configuration file first, flags over it
	cfg, err := driver.LoadConfig(f.config, f.overrides())
	if err != nil {
		return 0, err
	}
	if _, ok := reports.Lookup(f.format); !ok {
		return 0, usagef("--format: unknown format %q (want %s)", f.format, strings.Join(reports.Formats(), ", "))
	}
	shard, units, err := driver.ParseSplit(f.shard, f.units, f.writeBaseline != "")
	if err != nil {
		return 0, err
	}
	keep := driver.KeepCounts // the report needs no document whole: each is let go once checked
	switch {
	case f.format == "html" || *f.extraOut["html"] != "" || f.compareTo != "":
		keep = driver.KeepDocuments
	case f.format == "json":
		keep = driver.KeepPairs
	}
	d, err := driver.New(driver.Options{Config: cfg, Enable: driver.Names(f.enable), Disable: driver.Names(f.disable),
		Encoding: f.encoding, Stdin: stdin, Baseline: f.baseline, WriteBaseline: f.writeBaseline,
		NewFromRev: f.newFromRev, ReportUnused: f.reportUnused, Keep: keep, Shard: shard, Units: units})
	if err != nil {
		return 0, err
	}
	defer d.Close()
	var out io.Writer // the terminal the report goes to, if any
	if f.output == "" {
		out = stdout
	}
	view, err := f.view.view(f.given, cfg, d.FailOn, out)
	if err != nil {
		return 0, err
	}
	tasks, err := d.Plan(pos, driver.Inputs{Zh: f.zh, En: f.en, ZhText: f.zhText, EnText: f.enText})
	if err != nil {
		return 0, err
	}
	outputs := driver.Outputs(f.format, f.output, f.extraOut)
	if err := driver.CheckOutputs(outputs); err != nil {
		return 0, err
	}
	if err := outfile.Check(f.writeBaseline); err != nil {
		return 0, fmt.Errorf("--write-baseline: %w", err)
	}
	driver.TuneGC(driver.Largest(tasks))
	bar := progress.New(stderr, len(tasks), f.quiet)
	rep, err := d.Run(ctx, tasks, bar.Step)
	bar.Stop()
	if err != nil {
		return 0, err
	}
	if f.compareTo != "" {
		if err := driver.Compare(rep, f.compareTo, stdin); err != nil {
			return 0, err
		}
	}
	rep.View = view
	if err := driver.WriteOutputs(ctx, outputs, rep, stdout); err != nil {
		return 0, err
	}
	if !f.quiet {
		fmt.Fprintf(stderr, "%d document(s): %d error(s), %d warning(s), %d info%s\n",
			rep.Summary.Documents, rep.Summary.Error, rep.Summary.Warning, rep.Summary.Info, d.Note())
	}
	if f.writeBaseline != "" || !d.Fails(rep) {
		return exitOK, nil // with --write-baseline every finding is now in the baseline
	}
	return exitFindings, nil
}
