package input

import (
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// posReader hands bytes to an xml.Decoder one at a time (the decoder uses
// io.ByteReader directly, with no read-ahead of its own) and keeps the line
// and the column in characters of the next byte.
type posReader struct {
	r    *bufio.Reader
	off  int64
	line int
	col  int // characters read on the current line
}

func newPosReader(r *bufio.Reader) *posReader { return &posReader{r: r, line: 1} }

func (p *posReader) ReadByte() (byte, error) {
	c, err := p.r.ReadByte()
	if err != nil {
		return c, err
	}
	p.off++
	switch {
	case c == '\n':
		p.line++
		p.col = 0
	case c&0xc0 != 0x80:
		p.col++
	}
	return c, nil
}

func (p *posReader) Read(b []byte) (int, error) {
	for i := range b {
		c, err := p.ReadByte()
		if err != nil {
			return i, err
		}
		b[i] = c
	}
	return len(b), nil
}

// xmlIn is an XML input being read token by token.
type xmlIn struct {
	d    *xml.Decoder
	pos  *posReader
	path string
}

func newXMLIn(s *stream) *xmlIn {
	pr := newPosReader(s.r)
	d := xml.NewDecoder(pr)
	d.Strict = true
	d.CharsetReader = charsetReader
	if s.decoded {
		d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	}
	return &xmlIn{d: d, pos: pr, path: s.shown}
}

// charsetReader serves the encoding an XML declaration names. Input that
// had a byte-order mark was decoded to UTF-8 already; its declaration
// ("UTF-16") is then only history.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	name := strings.ToLower(strings.ReplaceAll(label, "_", "-"))
	switch name {
	case "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii":
		return in, nil
	}
	e, _, err := lookupEncoding(name)
	if err != nil {
		return nil, err
	}
	return transform.NewReader(in, e.NewDecoder()), nil
}

// here is the line and column of the next character the decoder reads. The
// decoder may have read one byte ahead (the '<' ending character data).
func (x *xmlIn) here() (int, int) {
	back := x.pos.off - x.d.InputOffset()
	return x.pos.line, x.pos.col + 1 - int(back)
}

// token returns the next token, rejecting DOCTYPE declarations that declare
// entities (billion laughs, external entities) and turning syntax errors
// into *Error with the line.
func (x *xmlIn) token() (xml.Token, error) {
	t, err := x.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		return nil, x.wrap(err)
	}
	if dir, ok := t.(xml.Directive); ok {
		s := strings.ToUpper(string(dir))
		if strings.HasPrefix(strings.TrimSpace(s), "DOCTYPE") && strings.Contains(s, "ENTITY") {
			return nil, &Error{Path: x.path, Offset: -1, Line: x.pos.line,
				Msg: "DOCTYPE declares entities; refused (entity expansion and external entities are not supported)"}
		}
	}
	return t, nil
}

func (x *xmlIn) wrap(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{Path: x.path, Offset: -1, Line: se.Line, Msg: "XML: " + se.Msg}
	}
	var ie *Error
	if errors.As(err, &ie) {
		return ie
	}
	return &Error{Path: x.path, Offset: -1, Line: x.pos.line, Msg: err.Error()}
}

// skip consumes tokens up to the end of the element just started.
func (x *xmlIn) skip() error {
	depth := 1
	for depth > 0 {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return x.errorf("unexpected end of file")
			}
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (x *xmlIn) errorf(format string, args ...any) error {
	e := errorf(x.path, -1, format, args...)
	e.Line = x.pos.line
	return e
}

// text reads the character data of the element just started (markup
// inside is dropped), for notes and props.
func (x *xmlIn) text() (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return "", x.errorf("unexpected end of file")
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if b.Len() < 1<<16 {
				b.Write(t)
			}
		}
	}
	return strings.TrimSpace(b.String()), nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// lang reads xml:lang (or TMX 1.1's lang).
func langAttr(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Local == "lang" {
			return a.Value
		}
	}
	return ""
}

// Inline tag handling, by element name.
const (
	inlineKeep  = iota // keep the content, no placeholder (hi, mrk, sub outside codes)
	inlinePair         // placeholder at start and end, keep content (g, pc)
	inlineCode         // one placeholder, drop content (ph, bpt, ept, it, ut, x, bx, ex, sc, ec)
	inlineClose        // one closing placeholder, drop content (ept, ex, ec)
	inlineDrop         // no placeholder, drop content (sm, em markers)
	inlineCP           // a code point (XLIFF 2 cp)
)

func inlineKind(local string) int {
	switch local {
	case "g", "pc":
		return inlinePair
	case "ph", "bpt", "it", "ut", "x", "bx", "sc":
		return inlineCode
	case "ept", "ex", "ec":
		return inlineClose
	case "sm", "em":
		return inlineDrop
	case "cp":
		return inlineCP
	}
	return inlineKeep
}

// tagID names a placeholder: the attribute that pairs codes across the two
// languages, else a running number.
func tagID(e xml.StartElement, closing bool, n *int) string {
	var keys []string
	switch {
	case closing:
		keys = []string{"rid", "startRef", "i", "id", "x"}
	case e.Name.Local == "bpt":
		keys = []string{"rid", "i", "id", "x"}
	case e.Name.Local == "bx":
		keys = []string{"rid", "id"}
	default:
		keys = []string{"id", "x", "i"}
	}
	for _, k := range keys {
		if v := strings.Map(func(r rune) rune {
			if r == '{' || r == '}' || r <= ' ' {
				return -1
			}
			return r
		}, attr(e, k)); v != "" {
			if len(v) > 32 {
				v = v[:32]
			}
			return v
		}
	}
	*n++
	return strconv.Itoa(*n)
}

// segment reads the content of the element just started (a TMX seg, an
// XLIFF source or target) into seg: text with inline codes as
// placeholders, anchored to the file.
func (x *xmlIn) segment(seg *segment) error {
	seg.reset()
	type open struct {
		kind int
		id   string
	}
	var stack []open
	n := 0
	line, col := x.here()
	seg.mark(line, col)
	for {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return x.errorf("unexpected end of file inside a segment")
			}
			return err
		}
		switch t := t.(type) {
		case xml.CharData:
			seg.text.Write(t)
			continue
		case xml.StartElement:
			k := inlineKind(t.Name.Local)
			switch k {
			case inlinePair:
				id := tagID(t, false, &n)
				seg.text.WriteString("{" + id + "}")
				stack = append(stack, open{k, id})
			case inlineCode, inlineClose:
				seg.text.WriteString(placeholder(tagID(t, k == inlineClose, &n), k == inlineClose))
				if err := x.skip(); err != nil {
					return err
				}
			case inlineDrop:
				if err := x.skip(); err != nil {
					return err
				}
			case inlineCP:
				if v, err := strconv.ParseUint(attr(t, "hex"), 16, 32); err == nil && utf8.ValidRune(rune(v)) {
					seg.text.WriteRune(rune(v))
				}
				if err := x.skip(); err != nil {
					return err
				}
			default:
				stack = append(stack, open{k, ""})
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return nil
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.kind == inlinePair {
				seg.text.WriteString("{/" + o.id + "}")
			}
		default:
			continue
		}
		line, col := x.here()
		seg.mark(line, col)
	}
}

func placeholder(id string, closing bool) string {
	if closing {
		return "{/" + id + "}"
	}
	return "{" + id + "}"
}
