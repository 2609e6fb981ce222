package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
)

// Spool keeps the pairs of built documents on disk, in one temporary file,
// so that a run over a large file or many files holds what its report
// needs in memory (counts, findings) and not every pair with its
// sentences. Each document's pairs are a few extents of the file, written
// whole: a document costs no file of its own. Close removes the file.
type Spool struct {
	mu   sync.Mutex // guards writes and end; documents are checked in parallel
	f    *os.File
	end  int64
	werr error // the first write error: later writes fail with it
}

// NewSpool makes a spool in a new temporary file.
func NewSpool() (*Spool, error) {
	f, err := os.CreateTemp("", "aligncheck-spool-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return &Spool{f: f}, nil
}

// Close removes the spool's file; documents that use it cannot be written
// after.
func (s *Spool) Close() error {
	if s == nil || s.f == nil {
		return nil
	}
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	s.f = nil
	return err
}

// write appends b to the file and returns where it starts.
func (s *Spool) write(b []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.werr != nil {
		return 0, s.werr
	}
	off := s.end
	if _, err := s.f.WriteAt(b, off); err != nil {
		s.werr = fmt.Errorf("spool: %w", err)
		return 0, s.werr
	}
	s.end += int64(len(b))
	return off, nil
}

// extentSize is how many bytes of a document's pairs are gathered in
// memory before they go to the file as one extent.
var extentSize = 1 << 20

var extentBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// pairFile holds a document's pairs in the spool, one compact JSON object
// a line, in order, as extents of the spool's file.
type pairFile struct {
	sp      *Spool
	buf     *bytes.Buffer // pairs not yet written; nil once done
	enc     *json.Encoder
	extents []extent
	n       int
}

type extent struct{ off, n int64 }

// newPairFile starts a document's pairs in the spool.
func (s *Spool) newPairFile() *pairFile {
	buf := extentBufs.Get().(*bytes.Buffer)
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &pairFile{sp: s, buf: buf, enc: enc}
}

func (p *pairFile) add(x *Pair) error {
	p.n++
	if err := p.enc.Encode(x); err != nil {
		return err
	}
	if p.buf.Len() >= extentSize {
		return p.flush()
	}
	return nil
}

// flush writes the gathered pairs as an extent.
func (p *pairFile) flush() error {
	if p.buf.Len() == 0 {
		return nil
	}
	off, err := p.sp.write(p.buf.Bytes())
	if err != nil {
		return err
	}
	p.extents = append(p.extents, extent{off, int64(p.buf.Len())})
	p.buf.Reset()
	return nil
}

// done finishes writing.
func (p *pairFile) done() error {
	if p.buf == nil {
		return nil
	}
	err := p.flush()
	if p.buf.Cap() <= 4*extentSize {
		extentBufs.Put(p.buf)
	}
	p.buf, p.enc = nil, nil
	return err
}

// each hands each pair's compact JSON (no newline) to f, in order.
func (p *pairFile) each(f func([]byte) error) error {
	var b []byte
	for _, e := range p.extents {
		if int64(cap(b)) < e.n {
			b = make([]byte, e.n)
		}
		b = b[:e.n]
		if _, err := p.sp.f.ReadAt(b, e.off); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		for rest := b; len(rest) > 0; {
			line, after, _ := bytes.Cut(rest, []byte("\n"))
			if err := f(line); err != nil {
				return err
			}
			rest = after
		}
	}
	return nil
}

// PairCount is the number of pairs of the document, whether held in Pairs
// or in a spool.
func (d *Document) PairCount() int {
	if d.spilled != nil {
		return d.spilled.n
	}
	if len(d.Pairs) == 0 && d.pairCount > 0 {
		return d.pairCount
	}
	return len(d.Pairs)
}

// Pairs builds the pairs of an aligned document, beads from to to, as the
// report shows them.
func Pairs(doc Checked, from, to int) []Pair {
	out := make([]Pair, 0, max(0, to-from))
	for bi := from; bi < to; bi++ {
		out = append(out, buildPair(doc.Doc, &doc.Align.Beads[bi]))
	}
	return out
}

// Builder builds the report document of a document checked in pieces:
// its header first, then its pairs as they come (kept in a spool, or only
// counted when the report does not show them), then its findings.
type Builder struct {
	d *Document
}

// NewBuilder starts a document with the header given; keep says whether
// the report shows pairs (sp holds them) or only counts them.
func NewBuilder(zh, en Side, shape string, ratio float64, sp *Spool, keep bool) *Builder {
	d := &Document{Zh: zh, En: en, Shape: shape, Ratio: float64(int(ratio*100+0.5)) / 100, Pairs: []Pair{}, Findings: []*Finding{}}
	if keep {
		d.spilled = sp.newPairFile()
	}
	return &Builder{d: d}
}

// Add appends pairs.
func (b *Builder) Add(ps []Pair) error {
	if b.d.spilled == nil {
		b.d.pairCount += len(ps)
		return nil
	}
	for i := range ps {
		if err := b.d.spilled.add(&ps[i]); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
	}
	return nil
}

// Abort lets go of a document that will not be reported.
func (b *Builder) Abort() {
	if b.d.spilled != nil {
		b.d.spilled.done()
	}
}

// Done finishes the document; its findings come from the Checked that
// carries it (Build).
func (b *Builder) Done() (*Document, error) {
	if b.d.spilled != nil {
		if err := b.d.spilled.done(); err != nil {
			return nil, err
		}
	}
	return b.d, nil
}

// Detach copies the text a finding holds (its message, evidence and the
// excerpts of its spans), which otherwise points into its document's
// source: a finding kept after its document is let go must not keep the
// whole text alive.
func Detach(f *checks.Finding) {
	f.Message, f.Evidence = strings.Clone(f.Message), strings.Clone(f.Evidence)
	f.Fingerprint = strings.Clone(f.Fingerprint)
	for _, sp := range []**align.Span{&f.Zh, &f.En} {
		if *sp != nil {
			c := **sp
			c.Path, c.Text = strings.Clone(c.Path), strings.Clone(c.Text)
			*sp = &c
		}
	}
}

// Compact builds the report document of a checked document now and lets
// go of the document and its alignment: a run over many documents then
// holds what the report shows, not every alignment. With keep the pairs go
// to the spool; without, they are only counted (the formats that show
// pairs are JSON and HTML, and HTML needs the documents themselves).
func Compact(c Checked, sp *Spool, keep bool) (Checked, error) {
	if c.Built != nil || c.Doc == nil {
		return c, nil
	}
	d := buildDocument(Checked{Doc: c.Doc, Align: c.Align})
	d.Doc, d.Align = nil, nil
	if keep {
		pf := sp.newPairFile()
		for i := range d.Pairs {
			if err := pf.add(&d.Pairs[i]); err != nil {
				pf.done()
				return c, fmt.Errorf("spool: %w", err)
			}
		}
		if err := pf.done(); err != nil {
			return c, err
		}
		d.spilled = pf
	} else {
		d.pairCount = len(d.Pairs)
	}
	d.Pairs = []Pair{}
	fs := make([]checks.Finding, len(c.Findings))
	for i, f := range c.Findings {
		Detach(&f)
		fs[i] = f
	}
	return Checked{Name: strings.Clone(c.Doc.Name), Findings: fs, Built: d}, nil
}
