package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/checks/glossary"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/reports"
)

type checkFlags struct {
	zh, en   string
	format   string
	output   string
	failOn   string
	source   string
	disable  string
	enable   string
	quiet    bool
	encoding string
	zhText   string
	enText   string
	glossary stringList
	extraOut map[string]*string // format → file, for --html, --sarif, …
	gateFlags
	compareFlags
}

// extraFormats are the formats that can be written to a file of their own
// beside the main output (--html FILE, …) when a writer is registered.
var extraFormats = []string{"html", "sarif", "junit", "markdown"}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	var f checkFlags
	fs.StringVar(&f.zh, "zh", "", "Chinese `file` (with --en); - for stdin")
	fs.StringVar(&f.en, "en", "", "English `file` (with --zh); - for stdin")
	fs.StringVar(&f.format, "format", "text", "output `format`: "+strings.Join(formatNames(), ", "))
	fs.StringVar(&f.output, "o", "", "write the report to `file` instead of stdout")
	fs.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above this `severity`: error, warning, info, none")
	fs.StringVar(&f.source, "source", "zh", "`language` of the original: zh or en")
	fs.StringVar(&f.disable, "disable", "", "comma-separated `checks` not to run")
	fs.StringVar(&f.enable, "enable", "", "run only these comma-separated `checks`")
	fs.BoolVar(&f.quiet, "quiet", false, "no summary line on stderr")
	fs.StringVar(&f.encoding, "encoding", "", "text `encoding` of the inputs (default: detect)")
	fs.StringVar(&f.zhText, "zh-text", "", "Chinese `text` given on the command line (- for stdin)")
	fs.StringVar(&f.enText, "en-text", "", "English `text` given on the command line (- for stdin)")
	fs.Var(&f.glossary, "glossary", "glossary `file` (TSV, CSV or TBX); repeatable")
	f.extraOut = map[string]*string{}
	for _, name := range extraFormats {
		f.extraOut[name] = fs.String(name, "", "also write the "+name+" report to `file`")
	}
	registerGateFlags(fs, &f.gateFlags)
	registerCompareFlags(fs, &f.compareFlags)
	pos, err := parseFlags(fs, args)
	if err != nil {
		if err == flag.ErrHelp || strings.Contains(err.Error(), flag.ErrHelp.Error()) {
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "Usage: aligncheck check [flags] FILE | --zh FILE --en FILE")
			fs.PrintDefaults()
			return exitOK
		}
		return report(stderr, err)
	}
	f.given = givenFlags(fs)
	code, err := check(f, pos, stdin, stdout, stderr)
	if err != nil {
		return report(stderr, err)
	}
	return code
}

func check(f checkFlags, pos []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	// configuration file first, flags over it
	cfg, err := effectiveConfig(&f)
	if err != nil {
		return 0, err
	}
	failOn, err := parseFailOn(cfg.FailOn)
	if err != nil {
		return 0, err
	}
	w, ok := writers[f.format]
	if !ok {
		return 0, usagef("--format: unknown format %q (want %s)", f.format, strings.Join(formatNames(), ", "))
	}
	set := checks.DefaultSettings()
	switch cfg.Source {
	case "zh":
		set.Source = align.Zh
	case "en":
		set.Source = align.En
	default:
		return 0, usagef("--source: want zh or en, not %q", cfg.Source)
	}
	list, err := selectChecks(f.enable, f.disable)
	if err != nil {
		return 0, err
	}
	if list, err = applyConfig(cfg, set, list); err != nil {
		return 0, err
	}
	if len(f.glossary) > 0 {
		// a *glossary.Error names the file and line; report maps it to exit 2
		if set.Glossary, err = glossary.Load(f.glossary...); err != nil {
			return 0, err
		}
	}
	for _, name := range extraFormats {
		if *f.extraOut[name] != "" && writers[name] == nil {
			return 0, usagef("--%s: this build has no %s writer", name, name)
		}
	}
	opts := driver.Options{Settings: set, Checks: list}
	// many documents: discovered under the paths, checked in parallel,
	// then the gate's filters (suppressions, changed-only, baseline)
	g, err := newGate(&f, cfg, opts, stdin, stderr)
	if err != nil {
		return 0, err
	}
	if f.format != "html" && *f.extraOut["html"] == "" && f.compareTo == "" {
		// the report needs no document whole: each is let go once checked
		if g.spool, err = reports.NewSpool(); err != nil {
			return 0, err
		}
		defer g.spool.Close()
		g.keepPairs = f.format == "json"
	}
	tasks, err := g.plan(pos, func() ([]*align.Document, error) { return loadDocuments(f, pos, stdin) })
	if err != nil {
		return 0, err
	}
	driver.TuneGC(largestInput(tasks))
	checked, shapes, err := g.run(tasks, newProgress(stderr, len(tasks), f.quiet))
	if err != nil {
		return 0, err
	}
	if f.writeBaseline != "" {
		if err := g.writeBaseline(f.writeBaseline, checked); err != nil {
			return 0, err
		}
	}
	checked = g.applyBaseline(checked)
	rep := reports.Build(driver.Tool(), list, set.Source, checked)
	finish(rep, shapes, set)
	if err := f.compare(rep, stdin); err != nil {
		return 0, err
	}
	if f.output != "" {
		if err := writeReport(f.output, w, rep); err != nil {
			return 0, fmt.Errorf("write %s report: %w", f.format, err)
		}
	} else {
		bw := bufio.NewWriterSize(stdout, 256<<10)
		err := w.Write(bw, rep)
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			return 0, fmt.Errorf("write %s report: %w", f.format, err)
		}
	}
	for _, name := range extraFormats {
		path := *f.extraOut[name]
		if path == "" {
			continue
		}
		if err := writeReport(path, writers[name], rep); err != nil {
			return 0, fmt.Errorf("write %s report: %w", name, err)
		}
	}
	if !f.quiet {
		fmt.Fprintf(stderr, "%d document(s): %d error(s), %d warning(s), %d info%s\n",
			rep.Summary.Documents, rep.Summary.Error, rep.Summary.Warning, rep.Summary.Info, g.note())
	}
	if f.writeBaseline != "" {
		return exitOK, nil // every finding is now in the baseline
	}
	return exitCode(rep, failOn), nil
}

// writeReport writes a report to a file through a temporary file beside it,
// renamed once complete: a failed write leaves no half report, and a large
// one is not held in memory first.
func writeReport(path string, w reports.Writer, rep *reports.Report) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		// a device or pipe (/dev/stdout): written as it is
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(out, 256<<10)
		err = w.Write(bw, rep)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 256<<10)
	err = w.Write(bw, rep)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// exitCode is 1 when any finding is at or above failOn (0 means never).
func exitCode(r *reports.Report, failOn checks.Severity) int {
	if failOn == 0 {
		return exitOK
	}
	s := r.Summary
	if s.Error > 0 && failOn <= checks.Error || s.Warning > 0 && failOn <= checks.Warning || s.Info > 0 && failOn <= checks.Info {
		return exitFindings
	}
	return exitOK
}

func selectChecks(enable, disable string) ([]*checks.Check, error) {
	all := checks.Registry()
	byName := map[string]*checks.Check{}
	for _, c := range all {
		byName[c.Name] = c
	}
	names := func(s string) ([]string, error) {
		var out []string
		for _, n := range strings.Split(s, ",") {
			if n = strings.TrimSpace(n); n == "" {
				continue
			}
			if byName[n] == nil {
				return nil, usagef("unknown check %q (see 'aligncheck checks')", n)
			}
			out = append(out, n)
		}
		return out, nil
	}
	en, err := names(enable)
	if err != nil {
		return nil, err
	}
	dis, err := names(disable)
	if err != nil {
		return nil, err
	}
	off := map[string]bool{}
	for _, n := range dis {
		off[n] = true
	}
	var list []*checks.Check
	if len(en) > 0 {
		for _, n := range en {
			if !off[n] {
				list = append(list, byName[n])
			}
		}
		return list, nil
	}
	for _, c := range all {
		if !off[c.Name] {
			list = append(list, c)
		}
	}
	return list, nil
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) bool {
	if a == "-" || b == "-" {
		return false
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func loadDocuments(f checkFlags, pos []string, stdin io.Reader) ([]*align.Document, error) {
	if f.zhText != "" || f.enText != "" {
		return textDocuments(f, pos, stdin)
	}
	opt := input.Options{Encoding: f.encoding}
	if f.zh != "" || f.en != "" {
		if f.zh == "" || f.en == "" {
			return nil, usagef("--zh and --en go together")
		}
		if len(pos) > 0 {
			return nil, usagef("give either --zh/--en or a file, not both")
		}
		if f.zh == "-" && f.en == "-" {
			return nil, usagef("only one of --zh and --en can read stdin")
		}
		if sameFile(f.zh, f.en) {
			return nil, usagef("--zh and --en name the same file %s", f.zh)
		}
		d, err := input.OpenPair(f.zh, f.en, stdin, opt)
		if err != nil {
			return nil, err
		}
		return []*align.Document{d}, nil
	}
	if len(pos) == 0 {
		return nil, usagef("check: no input (give a FILE, or --zh FILE --en FILE)")
	}
	var docs []*align.Document
	for _, p := range pos {
		ds, err := input.Open(p, stdin, opt)
		if err != nil {
			return nil, err
		}
		docs = append(docs, ds...)
	}
	return docs, nil
}
