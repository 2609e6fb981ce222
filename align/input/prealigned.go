package input

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/aligncheck/aligncheck/align"
)

// Formats without useful lines of their own (translation memories, tables,
// HTML, DOCX) give a Source made with align.NewMappedSource: its Text holds
// only the extracted segments, one after another, and anchors map each
// segment back to the line and column where it starts in the file. Inline
// tags become placeholders in the text: "{1}" for a standalone tag or the
// opening tag of a pair with id 1, "{/1}" for the closing tag; entities are
// decoded. So a block's Text equals Src.Text[Start:End] as everywhere, a
// finding points at the right line of the file, and a 200 MB memory is
// held once (its segments), not twice.

// segment is extracted text with anchors relative to its own start.
type segment struct {
	text    strings.Builder
	anchors []align.Anchor
}

// mark notes that what is appended next starts at line:col of the file.
func (s *segment) mark(line, col int) {
	off := int32(s.text.Len())
	if n := len(s.anchors); n > 0 && s.anchors[n-1].Off == off {
		s.anchors[n-1] = align.Anchor{Off: off, Line: int32(line), Column: int32(col)}
		return
	}
	s.anchors = append(s.anchors, align.Anchor{Off: off, Line: int32(line), Column: int32(col)})
}

func (s *segment) reset() {
	s.text.Reset()
	s.anchors = s.anchors[:0]
}

// span is a byte range in a mapped text; start < 0 when absent.
type span struct{ start, end int }

var noSpan = span{-1, -1}

// unit is one pair a pre-aligned format gives.
type unit struct {
	zh, en span
	name   string
	extra  map[string]string
	rawEnd int // where the unit's last side ends in the mapped text (push sets it)
}

// mapped accumulates the extracted text of one document, or of one window
// of it when the file is read in pieces.
type mapped struct {
	path    string
	text    strings.Builder
	anchors []align.Anchor
	units   []unit

	pieces
	first int // index in the file of units[0]
	lead  int // units read again from the previous window, as context
}

// pieces is how a file is cut into windows: chunk units of its own each
// (0: the file is one document), with overlap units of context read again
// on either side.
type pieces struct{ chunk, overlap int }

// push adds a unit whose text has been added, in reading order.
func (m *mapped) push(u unit) {
	u.rawEnd = max(u.zh.end, u.en.end)
	m.units = append(m.units, u)
}

// full reports whether the window holds its own units and the context
// after them.
func (m *mapped) full() bool {
	return m.chunk > 0 && len(m.units) >= m.lead+m.chunk+m.overlap
}

// add appends a segment, trimmed of surrounding white space, and returns
// its range; noSpan when it is empty.
func (m *mapped) add(s *segment) span {
	t := s.text.String()
	lead := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
	trail := len(strings.TrimRightFunc(t, unicode.IsSpace))
	if lead >= trail {
		return noSpan
	}
	base := m.text.Len()
	if base > 0 {
		m.text.WriteByte('\n')
		base++
	}
	for _, a := range s.anchors {
		a.Off += int32(base)
		m.anchors = append(m.anchors, a)
	}
	m.text.WriteString(t)
	return span{base + lead, base + trail}
}

// preAligned builds the document of the first n units: each unit's sides
// become blocks, units with both sides become Layout links.
func (m *mapped) preAligned(n int) *align.Document {
	src := align.NewMappedSource(m.path, m.text.String(), m.anchors)
	doc := &align.Document{Name: m.path, Shape: align.PreAligned, ZhSrc: src, EnSrc: src}
	seq := 0
	mk := func(l align.Lang, sp span, u *unit) *align.Block {
		b := &align.Block{Lang: l, Seq: seq, Src: src, Start: sp.start, End: sp.end,
			Text: src.Text[sp.start:sp.end], Unit: u.name, Extra: u.extra}
		seq++
		return b
	}
	for i := range m.units[:n] {
		u := &m.units[i]
		var zb, eb *align.Block
		if u.zh.start >= 0 {
			zb = mk(align.Zh, u.zh, u)
			zb.Index = len(doc.Zh)
			doc.Zh = append(doc.Zh, zb)
		}
		if u.en.start >= 0 {
			eb = mk(align.En, u.en, u)
			eb.Index = len(doc.En)
			doc.En = append(doc.En, eb)
		}
		if zb != nil && eb != nil {
			doc.Layout = append(doc.Layout, align.Link{Zh: zb.Index, En: eb.Index})
		}
	}
	doc.Split()
	return doc
}

// emit hands the units so far to yield as one document (the last window
// of a file read in pieces) and starts afresh.
func (m *mapped) emit(yield func(*align.Document) error) error {
	for m.chunk > 0 && len(m.units)-m.lead > m.chunk {
		if err := m.next(yield); err != nil {
			return err
		}
	}
	if len(m.units) == 0 {
		return nil
	}
	d := m.preAligned(len(m.units))
	if err := checkSizes(d); err != nil {
		return err
	}
	if m.chunk > 0 {
		d.Window = &align.Window{First: m.first, Home: m.lead, HomeEnd: len(m.units)}
	}
	*m = mapped{path: m.path, pieces: m.pieces}
	return yield(d)
}

// next hands over a full window and starts the next one with the units it
// shares with it: the last overlap units of this window's own and its
// trailing context. Their text is copied, with anchors that keep every
// position where it was, so the next window's spans point at the same
// lines and columns of the file.
func (m *mapped) next(yield func(*align.Document) error) error {
	homeEnd := m.lead + m.chunk
	d := m.preAligned(min(len(m.units), homeEnd+m.overlap))
	if err := checkSizes(d); err != nil {
		return err
	}
	d.Window = &align.Window{First: m.first, Home: m.lead, HomeEnd: homeEnd}
	keep := homeEnd - m.overlap
	text, anchors, units := d.ZhSrc.Text, m.anchors, m.units[keep:]
	rawStart := 0
	if keep > 0 {
		rawStart = m.units[keep-1].rawEnd
	}
	line, col := d.ZhSrc.Position(rawStart)
	*m = mapped{path: m.path, pieces: m.pieces, first: m.first + keep, lead: homeEnd - keep}
	m.text.WriteString(text[rawStart:])
	m.anchors = append(m.anchors, align.Anchor{Off: 0, Line: int32(line), Column: int32(col)})
	for _, a := range anchors {
		if int(a.Off) < rawStart {
			continue
		}
		a.Off -= int32(rawStart)
		if a.Off == 0 {
			m.anchors[0] = a
			continue
		}
		m.anchors = append(m.anchors, a)
	}
	shift := func(sp span) span {
		if sp.start < 0 {
			return sp
		}
		return span{sp.start - rawStart, sp.end - rawStart}
	}
	for _, u := range units {
		u.zh, u.en, u.rawEnd = shift(u.zh), shift(u.en), u.rawEnd-rawStart
		m.units = append(m.units, u)
	}
	return yield(d)
}

// langPrefix reports whether a language code (zh-Hans, zh_TW, en-GB, EN)
// names the language with the given two-letter code.
func langPrefix(code, want string) bool {
	c := strings.ToLower(strings.TrimSpace(code))
	if !strings.HasPrefix(c, want) {
		return false
	}
	return len(c) == len(want) || c[len(want)] == '-' || c[len(want)] == '_'
}

func isZhCode(code string) bool {
	return langPrefix(code, "zh") || langPrefix(code, "cmn") || langPrefix(code, "yue") ||
		langPrefix(code, "chi") || langPrefix(code, "zho")
}

func isEnCode(code string) bool { return langPrefix(code, "en") || langPrefix(code, "eng") }

// stream is an input read incrementally, decoded to UTF-8.
type stream struct {
	r      *bufio.Reader
	closer io.Closer
	shown  string
	size   int64 // of the file, 0 when not known
	// decoded is set when the bytes were transcoded to UTF-8 already (a
	// byte-order mark or --encoding), so an XML declaration's encoding no
	// longer applies.
	decoded bool
}

// newMapped starts the text of a document read from s; a whole file read
// as one document reserves its size up front, so that the text is not
// copied (and held twice) as it grows.
func newMapped(s *stream, p pieces) *mapped {
	m := &mapped{path: s.shown, pieces: p}
	if p.chunk == 0 && s.size > 0 && s.size <= MaxFileSize {
		m.text.Grow(int(s.size))
	}
	return m
}

func (s *stream) Close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

// openStream opens a file (or stdin) for incremental reading, decoding it
// to UTF-8: a byte-order mark or enc decides the encoding; without either
// the first 64 KiB decide between UTF-8 (checked by the reader as it goes),
// GB18030 and Big5. For XML the declaration may still name an encoding.
func openStream(path string, stdin io.Reader, enc string, xml bool) (*stream, error) {
	s := &stream{shown: path}
	var r io.Reader
	if path == "-" {
		s.shown = "<stdin>"
		if stdin == nil {
			return nil, errorf(s.shown, -1, "no standard input")
		}
		r = stdin
	} else {
		if err := statRegular(path); err != nil {
			return nil, err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, errorf(path, -1, "%v", unwrapPathError(err))
		}
		r, s.closer = f, f
		if st, err := f.Stat(); err == nil {
			s.size = st.Size()
		}
	}
	br := bufio.NewReaderSize(r, 1<<20)
	head, _ := br.Peek(64 << 10)
	var t transform.Transformer
	switch {
	case enc != "":
		name := strings.ToLower(strings.ReplaceAll(enc, "_", "-"))
		switch name {
		case "utf-8", "utf8":
			skipBOM(br, bomUTF8)
		case "utf-16", "utf16", "utf-16le", "utf16le", "utf-16be", "utf16be":
			be := strings.HasSuffix(name, "be") || name == "utf-16" && bytes.HasPrefix(head, bomUTF16BE)
			t = utf16Decoder(be)
		default:
			e, _, err := lookupEncoding(name)
			if err != nil {
				s.Close()
				return nil, errorf(s.shown, -1, "%v", err)
			}
			t = e.NewDecoder()
		}
	case bytes.HasPrefix(head, bomUTF8):
		skipBOM(br, bomUTF8)
	case bytes.HasPrefix(head, bomUTF16LE):
		t = utf16Decoder(false)
	case bytes.HasPrefix(head, bomUTF16BE):
		t = utf16Decoder(true)
	default:
		if be, ok := looksUTF16(head); ok {
			t = utf16Decoder(be)
			break
		}
		if xml {
			break // the declaration names the encoding, UTF-8 by default
		}
		sample := head
		if len(head) == 64<<10 {
			sample = trimPartial(head)
		}
		if utf8.Valid(sample) || bytes.IndexByte(sample, 0) >= 0 {
			break
		}
		gbErr, b5Err := validGB18030(sample), validBig5(sample)
		switch {
		case gbErr < 0 && b5Err < 0:
			g, _ := decodeWith("", sample, gb18030, nil, 0)
			b, _ := decodeWith("", sample, big5, nil, 0)
			if hanScore(b) > hanScore(g) {
				t = big5.NewDecoder()
			} else {
				t = gb18030.NewDecoder()
			}
		case gbErr < 0:
			t = gb18030.NewDecoder()
		case b5Err < 0:
			t = big5.NewDecoder()
		}
	}
	if t != nil {
		s.decoded = true
		s.r = bufio.NewReaderSize(transform.NewReader(br, t), 1<<20)
	} else {
		s.r = br
	}
	return s, nil
}

func skipBOM(br *bufio.Reader, bom []byte) {
	if h, _ := br.Peek(len(bom)); bytes.Equal(h, bom) {
		br.Discard(len(bom))
	}
}

// trimPartial drops an incomplete multi-byte character at the end of a
// sample cut at an arbitrary byte.
func trimPartial(b []byte) []byte {
	for k := 1; k <= 3 && k <= len(b); k++ {
		if b[len(b)-k] < 0x80 {
			return b[:len(b)-k+1]
		}
	}
	return b[:max(0, len(b)-3)]
}
