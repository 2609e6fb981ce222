package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
)

// PairStore keeps the pairs of one document out of the report, each as a
// record (its JSON as the JSON report writes it, indented at pairPrefix:
// lines apart, no line break before or after), and gives them back in
// order: a
// run over a large file or many files then holds in memory what its report
// needs (counts, findings), not every pair with its sentences. The driver's
// keeps them in a temporary file; this package writes no files.
type PairStore interface {
	// Add appends one pair's record; the store copies it.
	Add(record []byte) error
	// Done ends the adding. It is called once, also for a document that
	// will not be reported.
	Done() error
	// Len is the number of records added.
	Len() int
	// Each hands the records to f, in order.
	Each(f func(record []byte) error) error
}

// pairEncoder turns pairs into the records a PairStore keeps.
type pairEncoder struct {
	buf     bytes.Buffer
	enc     *json.Encoder
	scratch []byte // appendPairJSON's output, reused
}

func newPairEncoder() *pairEncoder {
	e := &pairEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

func (e *pairEncoder) add(st PairStore, p *Pair) error {
	if out, ok := appendPairJSONIndented(e.scratch[:0], p); ok {
		e.scratch = out
		return st.Add(out)
	}
	e.buf.Reset()
	if err := e.enc.Encode(p); err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")), pairPrefix, "  "); err != nil {
		return err
	}
	return st.Add(out.Bytes())
}

// PairCount is the number of pairs of the document, whether held in Pairs
// or in a store.
func (d *Document) PairCount() int {
	if d.stored != nil {
		return d.stored.Len()
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
// its header first, then its pairs as they come (kept in a store, or only
// counted when the report does not show them), then its findings.
type Builder struct {
	d   *Document
	enc *pairEncoder
}

// NewBuilder starts a document with the header given; its pairs go to st,
// or are only counted when st is nil (the report does not show them).
func NewBuilder(zh, en Side, shape string, ratio float64, st PairStore) *Builder {
	d := &Document{Zh: zh, En: en, Shape: shape, Ratio: float64(int(ratio*100+0.5)) / 100, Pairs: []Pair{}, Findings: []*Finding{}}
	b := &Builder{d: d}
	if st != nil {
		d.stored, b.enc = st, newPairEncoder()
	}
	return b
}

// Add appends pairs.
func (b *Builder) Add(ps []Pair) error {
	if b.d.stored == nil {
		b.d.pairCount += len(ps)
		return nil
	}
	for i := range ps {
		if err := b.enc.add(b.d.stored, &ps[i]); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
	}
	return nil
}

// Abort lets go of a document that will not be reported.
func (b *Builder) Abort() {
	if b.d.stored != nil {
		b.d.stored.Done()
	}
}

// Done finishes the document; its findings come from the Checked that
// carries it (Build).
func (b *Builder) Done() (*Document, error) {
	if b.d.stored != nil {
		if err := b.d.stored.Done(); err != nil {
			return nil, err
		}
	}
	return b.d, nil
}

// Detach copies the text a finding holds (its message, evidence and the
// excerpts of its spans), which otherwise points into its document's
// source: a finding kept after its document is let go must not keep the
// whole text alive. A span's text is copied as far as a report quotes it
// (MaxExcerpt): a finding's context is often the other side's whole
// paragraph, and a copy of it per finding cost findings × paragraph
// (8,000 numbers missing from one 50 KB paragraph: 500 MB of copies).
func Detach(f *checks.Finding) {
	f.Message, f.Evidence = strings.Clone(f.Message), strings.Clone(f.Evidence)
	f.Fingerprint = strings.Clone(f.Fingerprint)
	for _, sp := range []**align.Span{&f.Zh, &f.En} {
		if *sp != nil {
			c := **sp
			c.Path, c.Text = strings.Clone(c.Path), strings.Clone(excerptText(c.Text))
			*sp = &c
		}
	}
}

// Compact builds the report document of a checked document now and lets
// go of the document and its alignment: a run over many documents then
// holds what the report shows, not every alignment. The pairs go to st,
// or are only counted when st is nil (the formats that show pairs are
// JSON and HTML, and HTML needs the documents themselves).
func Compact(c Checked, st PairStore) (Checked, error) {
	if c.Built != nil || c.Doc == nil {
		return c, nil
	}
	d := buildDocument(Checked{Doc: c.Doc, Align: c.Align})
	d.Doc, d.Align = nil, nil
	if st != nil {
		enc := newPairEncoder()
		for i := range d.Pairs {
			if err := enc.add(st, &d.Pairs[i]); err != nil {
				st.Done()
				return c, fmt.Errorf("spool: %w", err)
			}
		}
		if err := st.Done(); err != nil {
			return c, err
		}
		d.stored = st
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
