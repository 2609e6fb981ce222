// Package driver runs aligncheck over a set of documents for every front
// end alike — the command line and the server: it reads the configuration,
// selects the checks, plans the documents (files named or discovered under
// directories, or texts given directly), checks them in parallel (each
// distinct content once), puts the findings of each through one chain of
// processors (inline suppressions, changed-only, the baseline) and builds
// the report. Front ends map their flags or requests to Options and write
// the report.
//
// Beneath it: config (.aligncheck.yaml), discover (paths → documents),
// suppress (aligncheck-ignore directives), baseline and changed (git).
package driver

import (
	"context"
	"io"
	"runtime"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/checks/glossary"
	"github.com/aligncheck/aligncheck/internal/driver/baseline"
	"github.com/aligncheck/aligncheck/internal/driver/changed"
	"github.com/aligncheck/aligncheck/internal/driver/config"
	"github.com/aligncheck/aligncheck/internal/driver/suppress"
	"github.com/aligncheck/aligncheck/reports"
)

// Keep says what a report needs of each checked document.
type Keep int

const (
	// KeepDocuments keeps documents and alignments whole: the report
	// shows their text (HTML, --compare-to).
	KeepDocuments Keep = iota
	// KeepPairs lets each document go once checked, its pairs kept in a
	// spool on disk (JSON shows pairs).
	KeepPairs
	// KeepCounts lets each document go once checked, its pairs only
	// counted.
	KeepCounts
)

// Options are what a front end asks of a run.
type Options struct {
	// Config is the effective configuration (LoadConfig); nil for the
	// defaults.
	Config *config.Config
	// Checks are the checks to choose from; nil for the registry.
	Checks []*checks.Check
	// Enable runs only these checks, in this order; Disable skips these.
	// A name that is not a check is an *UnknownCheckError.
	Enable, Disable []string
	// Glossary is the terminology check's glossary; nil to load the
	// configuration's glossary files.
	Glossary *glossary.Glossary
	// Encoding of the inputs; "" to detect.
	Encoding string
	// Stdin is what "-" reads.
	Stdin io.Reader
	// Baseline, when set, is a baseline file: findings it records are
	// not reported. WriteBaseline records the run's findings in a file.
	Baseline, WriteBaseline string
	// NewFromRev, when set, keeps only findings on pairs whose text
	// changed since this git revision.
	NewFromRev string
	// ReportUnused reports aligncheck-ignore directives that suppressed
	// nothing.
	ReportUnused bool
	// Keep is what the report needs of each document.
	Keep Keep
	// Shard, when set, checks only that share of the documents Plan
	// finds; the report then carries what merging the shards needs.
	Shard ShardSpec
	// Units, when set, checks only the windows of a pre-aligned file
	// (TMX, XLIFF, CSV/TSV, JSONL checked in windows) that start in this
	// range of units; a document not checked in windows goes with the
	// range from 0. Merging the ranges' reports gives the whole's.
	Units *reports.Units
}

// Driver runs the checks over documents with one set of options.
type Driver struct {
	opt   Options
	cfg   *config.Config
	set   *checks.Settings
	list  []*checks.Check
	setup Setup
	inOpt input.Options
	chain []Processor

	// FailOn is the configuration's failing severity (0: never fail).
	FailOn checks.Severity

	git      *changed.Git
	spool    *Spool
	newStore func() reports.PairStore // nil: pairs only counted
	copies   *CopyCache
}

// New prepares a run: the configuration's severities, options and
// selection applied to the checks, the glossary and the baseline read.
func New(opt Options) (*Driver, error) {
	cfg := opt.Config
	if cfg == nil {
		cfg = DefaultConfig()
	}
	// the furniture matcher is made once for the run and shared by its
	// documents; without phrases of the configuration it is the built-in one
	d := &Driver{opt: opt, cfg: cfg, inOpt: input.Options{Encoding: opt.Encoding, Furniture: align.NewFurniture(cfg.Furniture)}}
	var err error
	if d.FailOn, err = ParseFailOn(cfg.FailOn); err != nil {
		return nil, err
	}
	d.set = checks.DefaultSettings()
	if d.set.Source, err = ParseSource(cfg.Source); err != nil {
		return nil, err
	}
	if d.list, err = Select(opt.Checks, opt.Enable, opt.Disable); err != nil {
		return nil, err
	}
	if d.list, err = applyConfig(cfg, d.set, d.list); err != nil {
		return nil, err
	}
	d.set.Glossary = opt.Glossary
	if opt.Glossary == nil && len(cfg.Glossary) > 0 {
		// a *glossary.Error names the file and line
		if d.set.Glossary, err = glossary.Load(cfg.Glossary...); err != nil {
			return nil, err
		}
	}
	d.setup = Setup{Settings: d.set, Checks: d.list}
	d.copies = NewCopyCache(d.setup)
	known := func(name string) bool { return LookupCheck(name) != nil }
	d.chain = []Processor{suppressions{suppress.Options{Known: known, ReportUnused: opt.ReportUnused, Settings: d.set}}}
	if opt.NewFromRev != "" {
		d.git = changed.NewGit(opt.NewFromRev)
		d.chain = append(d.chain, changedOnly{d.git, d.inOpt})
	}
	if opt.Baseline != "" || opt.WriteBaseline != "" {
		b := &baselined{write: opt.WriteBaseline}
		if opt.Baseline != "" {
			if b.base, err = baseline.Read(opt.Baseline); err != nil {
				return nil, err
			}
		}
		d.chain = append(d.chain, b)
	}
	if opt.Keep != KeepDocuments {
		if d.spool, err = NewSpool(); err != nil {
			return nil, err
		}
		if opt.Keep == KeepPairs {
			d.newStore = d.spool.NewStore
		}
	}
	return d, nil
}

// Furniture is the run's page furniture matcher: the built-in phrases and
// the configuration's. Documents a front end builds itself (TextDocument,
// InterleavedText) are read with it, as the driver reads files.
func (d *Driver) Furniture() *align.Furniture { return d.inOpt.Furniture }

// Close removes what the run kept on disk.
func (d *Driver) Close() error { return d.spool.Close() }

// Check checks documents built already, as one task, on the calling
// goroutine.
func (d *Driver) Check(ctx context.Context, docs ...*align.Document) (*reports.Report, error) {
	return d.Run(ctx, []Task{Given(docs...)}, nil)
}

// Run checks every task, in parallel up to the number of CPUs, and builds
// the report with the documents in task order (sorted by path): the output
// does not depend on scheduling. done, when set, is called as each task
// ends. When ctx is done the run stops (no task is started, the aligner
// gives up the one it is in) and returns ctx's error.
func (d *Driver) Run(ctx context.Context, tasks []Task, done func()) (*reports.Report, error) {
	// the segmenter and lexicon load once, before any goroutine uses them
	if err := Load(); err != nil {
		return nil, err
	}
	results := make([]taskResult, len(tasks))
	// one worker per CPU (GOMAXPROCS lowers it: go test -cpu 1,2 measures
	// the speed-up)
	workers := max(1, min(runtime.NumCPU(), runtime.GOMAXPROCS(0), len(tasks)))
	copyCounts(tasks, workers)
	// tasks are claimed in order, so every task before a failing one runs:
	// the first error by position is deterministic
	inParallel(len(tasks), workers, func(i int) bool {
		results[i] = d.do(ctx, tasks[i])
		if done != nil {
			done()
		}
		return results[i].err == nil
	})
	var rs []Result
	var orders []int // each result's task in the whole run
	var units []*reports.Units
	for i, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		rs = append(rs, r.rs...)
		for _, x := range r.rs {
			orders = append(orders, tasks[i].order)
			units = append(units, x.Units)
		}
	}
	for _, p := range d.chain {
		if err := p.Finish(rs); err != nil {
			return nil, err
		}
	}
	checked := make([]reports.Checked, len(rs))
	for i, r := range rs {
		checked[i] = r.Checked
	}
	rep := reports.Build(Tool(), d.list, d.set.Source, checked)
	for i, r := range rs {
		if r.Shape != "" {
			rep.Documents[i].Shape = r.Shape
		}
	}
	// the driver's own checks are documented in every report
	for _, c := range DriverChecks {
		if d.set.Disabled[c.Name] {
			continue
		}
		sev := c.Severity
		if s, ok := d.set.Severity[c.Name]; ok {
			sev = s
		}
		rep.Checks = append(rep.Checks, reports.CheckInfo{Name: c.Name, Title: c.Title(), Doc: c.Doc, Category: string(c.Category), Severity: sev.String()})
	}
	d.shardReport(rep, orders, units)
	return rep, nil
}

// Fails reports whether a report has a finding at or above FailOn.
func (d *Driver) Fails(r *reports.Report) bool { return Fails(d.FailOn, r) }

// Fails reports whether a report has a finding at or above failOn (0:
// never): the exit-code rule, for a run and for merged shards alike.
func Fails(failOn checks.Severity, r *reports.Report) bool {
	s := r.Summary
	return failOn != 0 && (s.Error > 0 && failOn <= checks.Error || s.Warning > 0 && failOn <= checks.Warning || s.Info > 0 && failOn <= checks.Info)
}

// Note is what the summary line adds about the processors' work.
func (d *Driver) Note() string {
	var s string
	for _, p := range d.chain {
		if n := p.Note(); n != "" {
			s += "; " + n
		}
	}
	return s
}
