package driver

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/internal/driver/discover"
	"github.com/aligncheck/aligncheck/reports"
)

// Task is one unit of work of a run: a discovered document, or the
// documents a front end gave (Inputs, or documents built already).
type Task struct {
	doc  discover.Doc
	docs []*align.Document // given ones; nil for discovered ones
	size int64             // bytes of the given documents

	// copies is how many tasks of the run read the same bytes (copyCounts)
	copies int
	// order is the task's place in the whole run (ShardSpec.share)
	order int
}

// Given is a task of documents built already.
func Given(docs ...*align.Document) Task {
	var size int64
	for _, d := range docs {
		if d.ZhSrc != nil {
			size += int64(len(d.ZhSrc.Text))
		}
		if d.EnSrc != nil && d.EnSrc != d.ZhSrc {
			size += int64(len(d.EnSrc.Text))
		}
	}
	return Task{docs: docs, size: size}
}

// Plan lists the tasks of a run: the inputs as one task when they are
// given or there are no paths, else the documents discovered under the
// paths (files named in paths bring their partners along).
func (d *Driver) Plan(paths []string, in Inputs) ([]Task, error) {
	if len(paths) == 0 || in.given() {
		// read before the run starts, as a single document always was
		docs, err := in.load(paths, d.opt.Stdin, d.inOpt)
		if err != nil {
			return nil, err
		}
		return d.opt.Shard.share([]Task{Given(docs...)}), nil
	}
	cfg := d.cfg
	docs, err := discover.Expand(paths, discover.Rules{
		ZhTags: cfg.Pairing.ZhTags, EnTags: cfg.Pairing.EnTags,
		ZhDirs: cfg.Pairing.ZhDirs, EnDirs: cfg.Pairing.EnDirs,
		Interleaved: cfg.Pairing.Interleaved,
		Include:     cfg.Include, Exclude: cfg.Exclude, Base: cfg.Dir,
	})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, Usagef("no documents found in %s (files taken: %s)", strings.Join(paths, " "), strings.Join(cfg.Include, " "))
	}
	ts := make([]Task, len(docs))
	for i, doc := range docs {
		ts[i] = Task{doc: doc}
	}
	return d.opt.Shard.share(ts), nil
}

// fileSizes are the sizes of the task's files (none for a task without
// files), ok false when one is unknown: standard input, a file that cannot
// be read (its error comes when the task runs).
func (t Task) fileSizes() (sizes []int64, ok bool) {
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
func (t Task) files() []string {
	if t.docs != nil {
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

// Largest is the size in bytes of the largest document of the run (a
// pair's two files together), or -1 when a size is unknown (standard
// input, a file that cannot be read: its error comes later). TuneGC takes
// it.
func Largest(tasks []Task) int64 {
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

// inParallel calls f(0), …, f(n-1) on up to workers goroutines, which
// claim the indices in order, and stops claiming once an f returns false.
// With one worker f runs on the calling goroutine.
func inParallel(n, workers int, f func(i int) bool) {
	if workers <= 1 {
		for i := 0; i < n && f(i); i++ {
		}
		return
	}
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
// remembered by the run's CopyCache, each until its last copy, so a run
// over distinct documents remembers none. Only tasks whose files have the
// sizes and extensions of another task's are read and hashed; a file that
// cannot be read counts as unique (its error comes when the task runs).
func copyCounts(tasks []Task, workers int) {
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

// taskResult is what a task produced.
type taskResult struct {
	rs  []Result
	err error
}

// do reads a task's documents, checks them (or takes a copy's result) and
// puts each through the processors.
func (d *Driver) do(ctx context.Context, t Task) taskResult {
	if err := ctx.Err(); err != nil {
		return taskResult{err: err}
	}
	var docs []*align.Document
	var err error
	// with a unit range, a document not checked in windows is the first
	// range's: taken whole there, by no other
	later := d.opt.Units != nil && d.opt.Units.From > 0
	if later && (t.docs != nil || t.doc.Kind == discover.Pair || t.doc.Kind == discover.Unpaired) {
		return taskResult{}
	}
	switch {
	case t.docs != nil:
		docs = t.docs
	case t.doc.Kind == discover.Pair:
		var doc *align.Document
		if doc, err = input.OpenPair(t.doc.Zh, t.doc.En, d.opt.Stdin, d.inOpt); err == nil {
			docs = []*align.Document{doc}
		}
	case t.doc.Kind == discover.Unpaired:
		return d.finishUnpaired(d.unpaired(t.doc.Path, t.doc.Lang, unpairedMessage(t.doc)))
	default:
		if d.spool != nil && d.git == nil && t.doc.Path != "-" {
			var w Windowed
			w, err = CheckWindows(ctx, t.doc.Path, d.inOpt, d.setup, d.newStore, d.opt.Units)
			if err == nil && w.Checked != nil {
				return taskResult{rs: []Result{{Checked: *w.Checked, Units: d.opt.Units}}}
			}
			if err == nil && later {
				return taskResult{}
			}
			docs = w.Docs
		} else {
			docs, err = input.Open(t.doc.Path, d.opt.Stdin, d.inOpt)
		}
		var ie *input.Error
		if err != nil && !t.doc.Named && errors.As(err, &ie) && oneLanguage(ie) {
			// a file in a directory with one language only (a README): say
			// so rather than stop the run
			return d.finishUnpaired(d.unpaired(t.doc.Path, "", "not checked: "+ie.Msg))
		}
	}
	if err != nil {
		return taskResult{err: err}
	}
	var out taskResult
	for _, doc := range docs {
		c, err := d.copies.Check(ctx, doc, t.copies)
		var limit *LimitError
		if errors.As(err, &limit) {
			return taskResult{err: err} // it names the document
		}
		if err != nil {
			return taskResult{err: fmt.Errorf("%s: %w", doc.Name, err)}
		}
		r := Result{Checked: c}
		keep, err := d.process(&r)
		if err != nil {
			return taskResult{err: err}
		}
		if keep {
			out.rs = append(out.rs, r)
		}
	}
	return out
}

func (d *Driver) finishUnpaired(r Result, ok bool) taskResult {
	if !ok {
		return taskResult{}
	}
	keep, err := d.process(&r)
	if err != nil || !keep {
		return taskResult{err: err}
	}
	return taskResult{rs: []Result{r}}
}

// process puts a checked document through the chain, then lets go of
// what the report does not need.
func (d *Driver) process(r *Result) (bool, error) {
	for _, p := range d.chain {
		keep, err := p.Process(r)
		if err != nil || !keep {
			return false, err
		}
	}
	if d.spool != nil {
		var st reports.PairStore
		if d.newStore != nil {
			st = d.newStore()
		}
		c, err := reports.Compact(r.Checked, st)
		if err != nil {
			return false, err
		}
		r.Checked = c
	}
	return true, nil
}
