package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
)

// Spool keeps the pairs of built documents on disk, in a temporary
// directory, so that a run over a large file or many files holds what its
// report needs in memory (counts, findings) and not every pair with its
// sentences. Close removes the directory.
type Spool struct {
	dir string
	n   atomic.Int64 // files made; documents are checked in parallel
}

// NewSpool makes a spool in a new temporary directory.
func NewSpool() (*Spool, error) {
	dir, err := os.MkdirTemp("", "aligncheck-spool-")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return &Spool{dir: dir}, nil
}

// Close removes the spool's files; documents that use it cannot be
// written after.
func (s *Spool) Close() error {
	if s == nil || s.dir == "" {
		return nil
	}
	return os.RemoveAll(s.dir)
}

// pairFile holds a document's pairs on disk, one compact JSON object a
// line, in order.
type pairFile struct {
	path string
	f    *os.File
	w    *bufio.Writer
	enc  *json.Encoder
	n    int
}

// newPairFile starts a file of pairs in the spool.
func (s *Spool) newPairFile() (*pairFile, error) {
	path := fmt.Sprintf("%s/pairs-%d.jsonl", s.dir, s.n.Add(1))
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	w := bufio.NewWriterSize(f, 256<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &pairFile{path: path, f: f, w: w, enc: enc}, nil
}

func (p *pairFile) add(x *Pair) error {
	p.n++
	return p.enc.Encode(x)
}

// done closes the file for writing.
func (p *pairFile) done() error {
	if p.f == nil {
		return nil
	}
	err := p.w.Flush()
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	p.f, p.w, p.enc = nil, nil, nil
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// each hands each pair's compact JSON (no newline) to f, in order.
func (p *pairFile) each(f func([]byte) error) error {
	r, err := os.Open(p.path)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	defer r.Close()
	br := bufio.NewReaderSize(r, 256<<10)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			if err := f(bytes.TrimSuffix(line, []byte("\n"))); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("spool: %w", err)
		}
	}
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
func NewBuilder(zh, en Side, shape string, ratio float64, sp *Spool, keep bool) (*Builder, error) {
	d := &Document{Zh: zh, En: en, Shape: shape, Ratio: float64(int(ratio*100+0.5)) / 100, Pairs: []Pair{}, Findings: []*Finding{}}
	if keep {
		pf, err := sp.newPairFile()
		if err != nil {
			return nil, err
		}
		d.spilled = pf
	}
	return &Builder{d: d}, nil
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
		pf, err := sp.newPairFile()
		if err != nil {
			return c, err
		}
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
