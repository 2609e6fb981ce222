package driver

import (
	"cmp"
	"context"
	"sync"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// CopyCache checks the documents of a run, each distinct content once: a document
// whose content (align.Document.ContentKey) was checked before in the run
// takes that alignment and those findings, placed in its own files. Copies
// of a document in a tree (a release directory beside the working one, the
// same pair under two names) then cost a read and a hash. The findings are
// the ones checking the copy would give: the aligner and the checks read the
// content, never the names, and a finding's line and column are computed
// again from the copy's own sources. Safe for concurrent use; a copy that
// arrives while its first is being checked waits for it.
//
// A result is remembered only for a content the caller says will come
// again, and only until its last copy has taken it, so a run over distinct
// documents remembers nothing and pays nothing.
type CopyCache struct {
	setup Setup

	mu   sync.Mutex
	seen map[[32]byte]*cacheEntry
}

type cacheEntry struct {
	ready chan struct{} // closed when the first copy is checked
	left  int           // copies still to come; guarded by CopyCache.mu

	// set before ready is closed; ok false when the first copy could not be
	// checked or its findings cannot be placed in another copy: each copy
	// is then checked on its own
	ok       bool
	zh, en   string // the paths of the first copy's sources
	al       *align.Alignment
	findings []checks.Finding
}

// NewCopyCache checks with this setup.
func NewCopyCache(s Setup) *CopyCache {
	return &CopyCache{setup: s, seen: map[[32]byte]*cacheEntry{}}
}

// Check checks a document, or takes the result of a copy of it checked
// before. copies is how many documents of the run the caller expects to
// have this content, this one included (counted from the files' bytes,
// say): below 2 the document is simply checked. The result is let go when
// that many have asked for it; should more come, they start again.
func (o *CopyCache) Check(ctx context.Context, doc *align.Document, copies int) (reports.Checked, error) {
	if copies < 2 || doc.ZhSrc == nil || doc.EnSrc == nil {
		return Check(ctx, doc, o.setup)
	}
	key, ok := doc.ContentKey()
	if !ok {
		return Check(ctx, doc, o.setup)
	}
	o.mu.Lock()
	e, found := o.seen[key]
	if !found {
		e = &cacheEntry{ready: make(chan struct{}), left: copies}
		o.seen[key] = e
	}
	if e.left--; e.left <= 0 {
		delete(o.seen, key)
	}
	o.mu.Unlock()
	if found {
		<-e.ready
		if e.ok {
			if c, ok := e.place(doc); ok {
				return c, nil
			}
		}
		return Check(ctx, doc, o.setup)
	}
	c, err := Check(ctx, doc, o.setup)
	if err == nil {
		e.keep(c)
	}
	close(e.ready)
	return c, err
}

// keep records what the copies take: the alignment without its document
// and the findings, when every finding lies in one of the two sources.
func (e *cacheEntry) keep(c reports.Checked) {
	zh, en := c.Doc.ZhSrc, c.Doc.EnSrc
	if zh != en && zh.Path == en.Path {
		return // two sources with one name: a span's path cannot tell them apart
	}
	fs := make([]checks.Finding, len(c.Findings))
	for i, f := range c.Findings {
		for _, sp := range []*align.Span{f.Zh, f.En} {
			if sp != nil && sp.Path != zh.Path && sp.Path != en.Path {
				return
			}
		}
		// kept apart from the document's text, which can go
		reports.Detach(&f)
		for _, sp := range []*align.Span{f.Zh, f.En} {
			if sp != nil {
				sp.Text = ""
			}
		}
		fs[i] = f
	}
	e.ok, e.zh, e.en = true, zh.Path, en.Path
	e.al = c.Align.On(nil)
	e.findings = fs
}

// place makes the checked copy: the kept alignment on doc and the findings'
// spans taken again from doc's sources. Findings are sorted by path first
// (checks.Sort), and a repeated finding is numbered in that order, so the
// copy's two paths must sort as the first copy's did; else (false) the copy
// is checked on its own.
func (e *cacheEntry) place(doc *align.Document) (reports.Checked, bool) {
	zh, en := doc.ZhSrc, doc.EnSrc
	if (zh != en && zh.Path == en.Path) || cmp.Compare(zh.Path, en.Path) != cmp.Compare(e.zh, e.en) {
		return reports.Checked{}, false
	}
	fs := make([]checks.Finding, len(e.findings))
	for i, f := range e.findings {
		for _, sp := range []**align.Span{&f.Zh, &f.En} {
			if *sp == nil {
				continue
			}
			src := en
			if (*sp).Path == e.zh {
				src = zh
			}
			moved := src.Span((*sp).Start, (*sp).End)
			*sp = &moved
		}
		fs[i] = f
	}
	return reports.Checked{Doc: doc, Align: e.al.On(doc), Findings: fs}, true
}
