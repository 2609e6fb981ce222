package driver

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"sync"

	"github.com/aligncheck/aligncheck/reports"
)

// Spool keeps the pairs of compacted documents on disk, in one temporary
// file, so that a run over a large file or many files holds what its
// report needs in memory (counts, findings) and not every pair with its
// sentences. Each document's pairs are a few extents of the file, written
// whole: a document costs no file of its own. Close removes the file.
type Spool struct {
	mu   sync.Mutex // guards writes and end; documents are checked in parallel
	f    *os.File
	end  int64
	werr error // the first write error: later writes fail with it

	unlinked bool // the file's name was removed once it was open
}

// NewSpool makes a spool in a new temporary file.
func NewSpool() (*Spool, error) {
	f, err := os.CreateTemp("", "aligncheck-spool-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	// The file is reached through f only: unlinked at once, it goes with
	// the process however the process ends (a kill leaves no spool of
	// tens of MB in the temporary directory). Where an open file cannot
	// be removed (Windows), Close removes it.
	s := &Spool{f: f}
	if os.Remove(f.Name()) == nil {
		s.unlinked = true
	}
	return s, nil
}

// Close removes the spool's file; documents that use it cannot be written
// after.
func (s *Spool) Close() error {
	if s == nil || s.f == nil {
		return nil
	}
	err := s.f.Close()
	if !s.unlinked {
		if rerr := os.Remove(s.f.Name()); err == nil {
			err = rerr
		}
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

// pairFile holds a document's pairs in the spool, each record after its
// length (a uvarint: a record, indented JSON, spans lines), in order, as
// extents of the spool's file.
type pairFile struct {
	sp      *Spool
	buf     *bytes.Buffer // records not yet written; nil once done
	extents []extent
	n       int
}

type extent struct{ off, n int64 }

// NewStore starts a document's pairs in the spool.
func (s *Spool) NewStore() reports.PairStore {
	buf := extentBufs.Get().(*bytes.Buffer)
	buf.Reset()
	return &pairFile{sp: s, buf: buf}
}

func (p *pairFile) Len() int { return p.n }

func (p *pairFile) Add(record []byte) error {
	p.n++
	var n [binary.MaxVarintLen64]byte
	p.buf.Write(binary.AppendUvarint(n[:0], uint64(len(record))))
	p.buf.Write(record)
	if p.buf.Len() >= extentSize {
		return p.flush()
	}
	return nil
}

// flush writes the gathered records as an extent.
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

// Done finishes writing.
func (p *pairFile) Done() error {
	if p.buf == nil {
		return nil
	}
	err := p.flush()
	if p.buf.Cap() <= 4*extentSize {
		extentBufs.Put(p.buf)
	}
	p.buf = nil
	return err
}

// Each hands each record to f, in order.
func (p *pairFile) Each(f func([]byte) error) error {
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
			n, k := binary.Uvarint(rest)
			if k <= 0 || uint64(len(rest)-k) < n {
				return fmt.Errorf("spool: a record cut short")
			}
			if err := f(rest[k : k+int(n)]); err != nil {
				return err
			}
			rest = rest[k+int(n):]
		}
	}
	return nil
}
