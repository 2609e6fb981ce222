package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/driver/baseline"
	"github.com/aligncheck/aligncheck/internal/driver/changed"
	"github.com/aligncheck/aligncheck/internal/driver/config"
	"github.com/aligncheck/aligncheck/internal/driver/discover"
	"github.com/aligncheck/aligncheck/internal/driver/suppress"
	"github.com/aligncheck/aligncheck/reports"
)

// gateFlags are the flags of the CI gate: configuration, baseline,
// changed-only and inline suppressions.
type gateFlags struct {
	config        string
	baseline      string
	writeBaseline string
	newFromRev    string
	reportUnused  bool
	given         map[string]bool // flags set on the command line
}

func registerGateFlags(fs *flag.FlagSet, g *gateFlags) {
	fs.StringVar(&g.config, "config", "", "configuration `file` (default: .aligncheck.yaml found by walking up from the working directory)")
	fs.StringVar(&g.baseline, "baseline", "", "report only findings not recorded in this baseline `file`")
	fs.StringVar(&g.writeBaseline, "write-baseline", "", "record the current findings in this baseline `file` (and exit 0)")
	fs.StringVar(&g.newFromRev, "new-from-rev", "", "report only findings on pairs whose text changed since this git `revision`")
	fs.BoolVar(&g.reportUnused, "report-unused-ignores", false, "report aligncheck-ignore directives that suppressed nothing")
}

// givenFlags lists the flags set on the command line.
func givenFlags(fs *flag.FlagSet) map[string]bool {
	m := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m[f.Name] = true })
	return m
}

// Unpaired reports a file of one language whose translation is missing, and
// a file found in a directory that holds only one language.
var Unpaired = &checks.Check{
	Name:     "unpaired",
	Category: checks.CatOmission,
	Severity: checks.Info,
	Run:      func(*checks.Pass) error { return nil },
	Doc: `a file whose translation was not found

When aligncheck checks a directory, it pairs name.zh.ext with name.en.ext
(any zh-…/en-… tag), zh/… with en/… in mirrored trees, and reads a file
without a language tag as an interleaved document. A tagged or mirrored file
without its partner is reported here instead of being skipped silently, and
so is an untagged file found in a directory that holds only one language.
The report lists it as a document of shape "unpaired" with this one finding.

Example: docs/intro.zh.md with no docs/intro.en.md → Chinese file has no
English translation (looked for docs/intro.en.md)`,
}

// driverChecks are reported by the command, not run over an alignment.
var driverChecks = []*checks.Check{suppress.Check, suppress.Unused, Unpaired}

// catalog lists every check the configuration may name, with the
// thresholds each documents.
func catalog() []config.CheckInfo {
	var out []config.CheckInfo
	for _, c := range append(append([]*checks.Check(nil), checks.Registry()...), driverChecks...) {
		out = append(out, config.CheckInfo{Name: c.Name, Severity: c.Severity.String(), Thresholds: config.DocThresholds(c.Name, c.Doc)})
	}
	return out
}

func knownCheck(name string) bool {
	if checks.Lookup(name) != nil {
		return true
	}
	for _, c := range driverChecks {
		if c.Name == name {
			return true
		}
	}
	return false
}

// effectiveConfig reads the configuration file (--config, or the first
// .aligncheck.yaml up from the working directory) and applies the
// command-line flags over it.
func effectiveConfig(f *checkFlags) (*config.Config, error) {
	cat := catalog()
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	path := f.config
	if path == "" {
		if path, err = config.Find(wd); err != nil {
			return nil, err
		}
	}
	cfg := config.Default(cat, wd)
	if path != "" {
		if cfg, err = config.Load(path, cat); err != nil {
			return nil, err
		}
	}
	given := f.given
	if given["source"] {
		cfg.Source = f.source
	}
	if given["fail-on"] {
		cfg.FailOn = f.failOn
	}
	on := func(list string) map[string]bool {
		m := map[string]bool{}
		for _, n := range strings.Split(list, ",") {
			if n = strings.TrimSpace(n); n != "" {
				m[n] = true
			}
		}
		return m
	}
	if en := on(f.enable); len(en) > 0 {
		for i := range cfg.Checks {
			cfg.Checks[i].Enabled = en[cfg.Checks[i].Name] || isDriverCheck(cfg.Checks[i].Name) && cfg.Checks[i].Enabled
		}
	}
	for n := range on(f.disable) {
		if c := cfg.Lookup(n); c != nil {
			c.Enabled = false
		}
	}
	if given["glossary"] {
		cfg.Glossary = append([]string(nil), f.glossary...)
	} else {
		f.glossary = append(stringList(nil), cfg.Glossary...)
	}
	return cfg, nil
}

func isDriverCheck(name string) bool {
	for _, c := range driverChecks {
		if c.Name == name {
			return true
		}
	}
	return false
}

// applyConfig carries the configuration into the check settings and the
// list of checks to run.
func applyConfig(cfg *config.Config, set *checks.Settings, list []*checks.Check) ([]*checks.Check, error) {
	defaults := map[string]float64{}
	for _, ci := range catalog() {
		for _, t := range ci.Thresholds {
			defaults[ci.Name+"."+t.Name] = t.Value
		}
	}
	for k, v := range cfg.Thresholds() {
		if d, ok := defaults[k]; !ok || d != v {
			set.Thresholds[k] = v
		}
	}
	defSev := map[string]string{}
	for _, ci := range catalog() {
		defSev[ci.Name] = ci.Severity
	}
	for _, c := range cfg.Checks {
		if !c.Enabled {
			set.Disabled[c.Name] = true
		}
		if c.Severity == defSev[c.Name] {
			continue // only overrides: a check's own severities stand
		}
		s, err := checks.ParseSeverity(c.Severity)
		if err != nil {
			return nil, fmt.Errorf("%s: check %s: %w", cfg.File, c.Name, err)
		}
		set.Severity[c.Name] = s
	}
	var out []*checks.Check
	for _, c := range list {
		if !set.Disabled[c.Name] {
			out = append(out, c)
		}
	}
	return out, nil
}

// gate runs many documents through the pipeline and the gate's filters.
type gate struct {
	f      *checkFlags
	cfg    *config.Config
	set    *checks.Settings
	opts   driver.Options
	inOpt  input.Options
	stdin  io.Reader
	stderr io.Writer
	git    *changed.Git
	base   *baseline.File

	// spool, when set, lets each document go as soon as it is checked
	// (reports.Compact): the report needs no document or alignment (no
	// HTML, no --compare-to). Pre-aligned files are then checked in
	// windows (driver.CheckWindows), unless --new-from-rev needs the
	// whole document. keepPairs: the report shows pairs (JSON).
	spool     *reports.Spool
	keepPairs bool

	known int // findings the baseline hid

	// once checks each distinct document content once in the run
	once *driver.Once
}

func newGate(f *checkFlags, cfg *config.Config, opts driver.Options, stdin io.Reader, stderr io.Writer) (*gate, error) {
	g := &gate{f: f, cfg: cfg, set: opts.Settings, opts: opts, inOpt: input.Options{Encoding: f.encoding}, stdin: stdin, stderr: stderr,
		once: driver.NewOnce(opts)}
	if f.newFromRev != "" {
		g.git = changed.NewGit(f.newFromRev)
	}
	if f.baseline != "" {
		b, err := baseline.Read(f.baseline)
		if err != nil {
			return nil, err
		}
		g.base = b
	}
	return g, nil
}

// task is one unit of work: a discovered document, or the documents the
// --zh/--en style flags name.
type task struct {
	doc  discover.Doc
	load func() ([]*align.Document, error) // flag inputs; nil for discovered ones
	size int64                             // bytes of the flag inputs, read already

	// copies is how many tasks of the run read the same bytes (copyCounts)
	copies int
}

// fileSizes are the sizes of the task's files (none for a task without
// files), ok false when one is unknown: standard input, a file that cannot
// be read (its error comes when the task runs).
func (t task) fileSizes() (sizes []int64, ok bool) {
	for _, p := range t.files() {
		fi, err := os.Stat(p)
		if p == "-" || err != nil {
			return nil, false
		}
		sizes = append(sizes, fi.Size())
	}
	return sizes, true
}

// files are the files a discovered task reads, nil for the others.
func (t task) files() []string {
	if t.load != nil {
		return nil
	}
	switch t.doc.Kind {
	case discover.Pair:
		return []string{t.doc.Zh, t.doc.En}
	case discover.Unpaired:
		return nil
	}
	return []string{t.doc.Path}
}

// largestInput is the size in bytes of the largest document of the run (a
// pair's two files together), or -1 when a size is unknown (standard
// input, a file that cannot be read: its error comes later).
func largestInput(tasks []task) int64 {
	var largest int64
	for _, t := range tasks {
		sizes, ok := t.fileSizes()
		if !ok {
			return -1
		}
		n := t.size
		for _, s := range sizes {
			n += s
		}
		largest = max(largest, n)
	}
	return largest
}

// result is what a task produced: checked documents, each with the shape to
// show when it is not the document's own ("unpaired").
type result struct {
	checked []reports.Checked
	shapes  []string
	err     error
}

// plan lists the tasks: the flag inputs as one task when there are no
// paths, else the documents discovered under the paths.
func (g *gate) plan(pos []string, flagInputs func() ([]*align.Document, error)) ([]task, error) {
	if len(pos) == 0 || g.f.zh != "" || g.f.en != "" || g.f.zhText != "" || g.f.enText != "" {
		// read before the run starts, as a single document always was
		docs, err := flagInputs()
		if err != nil {
			return nil, err
		}
		var size int64
		for _, d := range docs {
			if d.ZhSrc != nil {
				size += int64(len(d.ZhSrc.Text))
			}
			if d.EnSrc != nil && d.EnSrc != d.ZhSrc {
				size += int64(len(d.EnSrc.Text))
			}
		}
		return []task{{load: func() ([]*align.Document, error) { return docs, nil }, size: size}}, nil
	}
	docs, err := discover.Expand(pos, discover.Rules{
		ZhTags: g.cfg.Pairing.ZhTags, EnTags: g.cfg.Pairing.EnTags,
		ZhDirs: g.cfg.Pairing.ZhDirs, EnDirs: g.cfg.Pairing.EnDirs,
		Interleaved: g.cfg.Pairing.Interleaved,
		Include:     g.cfg.Include, Exclude: g.cfg.Exclude, Base: g.cfg.Dir,
	})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, usagef("no documents found in %s (files taken: %s)", strings.Join(pos, " "), strings.Join(g.cfg.Include, " "))
	}
	ts := make([]task, len(docs))
	for i, d := range docs {
		ts[i] = task{doc: d}
	}
	return ts, nil
}

// run checks every task, in parallel up to the number of CPUs, and returns
// the checked documents in task order (sorted by path): the output does not
// depend on scheduling.
func (g *gate) run(tasks []task, prog *progress) ([]reports.Checked, []string, error) {
	defer prog.stop()
	// the segmenter and lexicon load once, before any goroutine uses them
	if err := driver.Load(); err != nil {
		return nil, nil, err
	}
	results := make([]result, len(tasks))
	// one worker per CPU (GOMAXPROCS lowers it: go test -cpu 1,2 measures
	// the speed-up)
	workers := max(1, min(runtime.NumCPU(), runtime.GOMAXPROCS(0), len(tasks)))
	copyCounts(tasks, workers)
	// tasks are claimed in order, so every task before a failing one runs:
	// the first error by position is deterministic
	inParallel(len(tasks), workers, func(i int) bool {
		results[i] = g.do(tasks[i])
		prog.add(1)
		return results[i].err == nil
	})
	var out []reports.Checked
	var shapes []string
	for _, r := range results {
		if r.err != nil {
			return nil, nil, r.err
		}
		out = append(out, r.checked...)
		shapes = append(shapes, r.shapes...)
	}
	return out, shapes, nil
}

// inParallel calls f(0), …, f(n-1) on up to workers goroutines, which
// claim the indices in order, and stops claiming once an f returns false.
func inParallel(n, workers int, f func(i int) bool) {
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || stop.Load() {
					return
				}
				if !f(i) {
					stop.Store(true)
				}
			}
		}()
	}
	wg.Wait()
}

// copyCounts sets each task's copies: how many tasks of the run read files
// of the same extensions and bytes. Only the documents of such tasks are
// remembered by the run's driver.Once, each until its last copy, so a
// run over distinct documents remembers none. Only tasks whose files have
// the sizes and extensions of another task's are read and hashed; a file
// that cannot be read counts as unique (its error comes when the task
// runs).
func copyCounts(tasks []task, workers int) {
	bySize := map[string]int{}
	sigs := make([]string, len(tasks))
	for i, t := range tasks {
		tasks[i].copies = 1
		sizes, ok := t.fileSizes()
		if !ok || len(sizes) == 0 {
			continue
		}
		var b strings.Builder
		for k, p := range t.files() {
			fmt.Fprintf(&b, "%s\x00%d\x00", strings.ToLower(filepath.Ext(p)), sizes[k])
		}
		sigs[i] = b.String()
		bySize[sigs[i]]++
	}
	keys := make([][32]byte, len(tasks))
	has := make([]bool, len(tasks))
	inParallel(len(tasks), workers, func(i int) bool {
		if sigs[i] != "" && bySize[sigs[i]] > 1 {
			keys[i], has[i] = filesKey(tasks[i].files())
		}
		return true
	})
	n := map[[32]byte]int{}
	for i := range tasks {
		if has[i] {
			n[keys[i]]++
		}
	}
	for i := range tasks {
		if has[i] {
			tasks[i].copies = n[keys[i]]
		}
	}
}

// filesKey is a digest of the files' extensions, sizes and bytes, in order.
func filesKey(paths []string) (key [32]byte, ok bool) {
	h := sha256.New()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return key, false
		}
		n, err := io.Copy(h, f)
		f.Close()
		if err != nil {
			return key, false
		}
		fmt.Fprintf(h, "\x00%d\x00%s\x00", n, strings.ToLower(filepath.Ext(p)))
	}
	h.Sum(key[:0])
	return key, true
}

func (g *gate) do(t task) result {
	var docs []*align.Document
	var err error
	switch {
	case t.load != nil:
		docs, err = t.load()
	case t.doc.Kind == discover.Pair:
		var d *align.Document
		if d, err = input.OpenPair(t.doc.Zh, t.doc.En, g.stdin, g.inOpt); err == nil {
			docs = []*align.Document{d}
		}
	case t.doc.Kind == discover.Unpaired:
		return g.unpaired(t.doc.Path, t.doc.Lang, unpairedMessage(t.doc))
	default:
		if g.spool != nil && g.git == nil && t.doc.Path != "-" {
			var w driver.Windowed
			w, err = driver.CheckWindows(t.doc.Path, g.inOpt, g.opts, g.spool, g.keepPairs)
			if err == nil && w.Checked != nil {
				return result{checked: []reports.Checked{*w.Checked}, shapes: []string{""}}
			}
			docs = w.Docs
		} else {
			docs, err = input.Open(t.doc.Path, g.stdin, g.inOpt)
		}
		var ie *input.Error
		if err != nil && !t.doc.Named && errors.As(err, &ie) && oneLanguage(ie) {
			// a file in a directory with one language only (a README): say
			// so rather than stop the run
			return g.unpaired(t.doc.Path, "", "not checked: "+ie.Msg)
		}
	}
	if err != nil {
		return result{err: err}
	}
	var r result
	for _, d := range docs {
		c, err := g.once.Check(d, t.copies)
		if err != nil {
			return result{err: fmt.Errorf("%s: %w", d.Name, err)}
		}
		c.Findings = suppress.Apply(d, c.Align, c.Findings, suppress.Options{Known: knownCheck, ReportUnused: g.f.reportUnused, Settings: g.set})
		if g.git != nil {
			ch, err := changed.Since(g.git, d, g.inOpt)
			if err != nil {
				return result{err: err}
			}
			c.Findings = ch.Filter(c.Findings, c.Align)
		}
		if g.spool != nil {
			if c, err = reports.Compact(c, g.spool, g.keepPairs); err != nil {
				return result{err: err}
			}
		}
		r.checked = append(r.checked, c)
		r.shapes = append(r.shapes, "")
	}
	return r
}

// oneLanguage tells the reader's "no Chinese/English paragraph found" apart
// from errors that must stop the run (unreadable, not text).
func oneLanguage(e *input.Error) bool {
	return e.Offset < 0 && e.Line == 0 && (strings.HasPrefix(e.Msg, "no Chinese paragraph found") || strings.HasPrefix(e.Msg, "no English paragraph found"))
}

func unpairedMessage(d discover.Doc) string {
	if d.Lang == "zh" {
		return fmt.Sprintf("Chinese file has no English translation (looked for %s)", d.Want)
	}
	return fmt.Sprintf("English file has no Chinese original (looked for %s)", d.Want)
}

// unpaired makes the pseudo-document that carries an unpaired finding.
func (g *gate) unpaired(path, lang, msg string) result {
	if g.set.Disabled[Unpaired.Name] {
		return result{}
	}
	if g.git != nil && !g.fileChanged(path) {
		return result{}
	}
	src := align.NewSource(path, "")
	none := align.NewSource("", "")
	doc := &align.Document{Name: path, Shape: align.TwoFiles, ZhSrc: src, EnSrc: none}
	sp := src.Span(0, 0)
	f := checks.Finding{Check: Unpaired.Name, Category: Unpaired.Category, Severity: Unpaired.Severity,
		Message: msg, Bead: -1, Evidence: lang}
	if s, ok := g.set.Severity[Unpaired.Name]; ok {
		f.Severity = s
	}
	if lang == "en" {
		doc.ZhSrc, doc.EnSrc = none, src
		f.En = &sp
	} else {
		f.Zh = &sp
	}
	// the fingerprint names the file: there is no text to name it by
	h := sha256.Sum256([]byte(strings.Join([]string{f.Check, lang, path, msg}, "\x00")))
	f.Fingerprint = hex.EncodeToString(h[:8])
	al := &align.Alignment{Doc: doc}
	c := reports.Checked{Doc: doc, Align: al, Findings: []checks.Finding{f}}
	if g.spool != nil {
		var err error
		if c, err = reports.Compact(c, g.spool, g.keepPairs); err != nil {
			return result{err: err}
		}
	}
	return result{checked: []reports.Checked{c}, shapes: []string{"unpaired"}}
}

// fileChanged reports whether a file differs from its content at the
// revision (or did not exist then).
func (g *gate) fileChanged(path string) bool {
	old, ok, err := g.git.Old(path)
	if err != nil || !ok {
		return true
	}
	cur, err := os.ReadFile(path)
	return err != nil || !bytes.Equal(old, cur)
}

// items lists the findings of checked documents for the baseline, in
// report order.
func items(docs []reports.Checked) [][]baseline.Item {
	out := make([][]baseline.Item, len(docs))
	for i, c := range docs {
		for _, f := range c.Findings {
			path := c.DocName()
			if sp := checks.Primary(&f, align.Zh); sp != nil && sp.Path != "" {
				path = sp.Path
			}
			ev := f.Evidence
			if ev == "" {
				ev = f.Message
			}
			out[i] = append(out[i], baseline.Item{Fingerprint: f.Fingerprint, Check: f.Check, Path: path, Message: f.Message, Evidence: ev})
		}
	}
	return out
}

func flatten(ii [][]baseline.Item) []baseline.Item {
	var out []baseline.Item
	for _, x := range ii {
		out = append(out, x...)
	}
	return out
}

// applyBaseline drops the findings the baseline knows.
func (g *gate) applyBaseline(docs []reports.Checked) []reports.Checked {
	if g.base == nil {
		return docs
	}
	per := items(docs)
	isNew := g.base.New(flatten(per))
	k := 0
	for i := range docs {
		var keep []checks.Finding
		for _, f := range docs[i].Findings {
			if isNew[k] {
				keep = append(keep, f)
			} else {
				g.known++
			}
			k++
		}
		docs[i].Findings = keep
	}
	return docs
}

// writeBaseline records the findings of a run.
func (g *gate) writeBaseline(path string, docs []reports.Checked) error {
	return baseline.New(flatten(items(docs))).WriteFile(path)
}

// finish adjusts the report for what the gate added: the shape of
// pseudo-documents and the documentation of the command's own checks.
func finish(rep *reports.Report, shapes []string, set *checks.Settings) {
	for i, s := range shapes {
		if s != "" && i < len(rep.Documents) {
			rep.Documents[i].Shape = s
		}
	}
	for _, c := range driverChecks {
		if set.Disabled[c.Name] {
			continue
		}
		sev := c.Severity
		if s, ok := set.Severity[c.Name]; ok {
			sev = s
		}
		rep.Checks = append(rep.Checks, reports.CheckInfo{Name: c.Name, Title: c.Title(), Doc: c.Doc, Category: string(c.Category), Severity: sev.String()})
	}
}

func parseFailOn(s string) (checks.Severity, error) {
	sev, err := checks.ParseSeverity(s)
	if err != nil {
		return 0, usagef("--fail-on: %v", err)
	}
	return sev, nil
}

// note is what the summary line adds about the gate's filters.
func (g *gate) note() string {
	var parts []string
	if g.git != nil {
		parts = append(parts, "only pairs changed since "+g.f.newFromRev)
	}
	if g.base != nil {
		parts = append(parts, fmt.Sprintf("%d in the baseline not shown", g.known))
	}
	if g.f.writeBaseline != "" {
		parts = append(parts, "baseline written to "+g.f.writeBaseline)
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, "; ")
}
