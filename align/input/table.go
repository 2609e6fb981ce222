package input

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
)

// maxField bounds one table field or JSON value.
const maxField = 16 << 20

// field is one cell: its text and anchors relative to it.
type field struct {
	seg segment
}

// csvReader reads RFC 4180 records (quoted fields, doubled quotes, line
// breaks inside quotes, CRLF) keeping where each field starts. A quote in
// the middle of an unquoted field is kept as text (TSV files often have them).
type csvReader struct {
	r     *bufio.Reader
	delim byte
	path  string
	line  int
	col   int // characters read on the current line
	buf   []field
}

func (c *csvReader) read() (byte, bool) {
	b, err := c.r.ReadByte()
	if err != nil {
		return 0, false
	}
	switch {
	case b == '\n':
		c.line++
		c.col = 0
	case b&0xc0 != 0x80:
		c.col++
	}
	return b, true
}

func (c *csvReader) peek() (byte, bool) {
	b, err := c.r.Peek(1)
	if err != nil {
		return 0, false
	}
	return b[0], true
}

// record returns the next record's fields (reused between calls) and the
// line it starts on; io.EOF at the end.
func (c *csvReader) record() ([]field, int, error) {
	for {
		if _, ok := c.peek(); !ok {
			return nil, 0, io.EOF
		}
		start := c.line
		n := 0
		for {
			if n == len(c.buf) {
				c.buf = append(c.buf, field{})
			}
			f := &c.buf[n]
			n++
			f.seg.reset()
			end, err := c.field(f)
			if err != nil {
				return nil, 0, err
			}
			if end {
				break
			}
		}
		fs := c.buf[:n]
		for i := range fs {
			if t := fs[i].seg.text.String(); !utf8.ValidString(t) {
				bad, _ := utf8Stats([]byte(t))
				return nil, 0, &Error{Path: c.path, Offset: -1, Line: start, Msg: "invalid UTF-8 at byte " + strconv.Itoa(bad) + " of field " + strconv.Itoa(i+1)}
			}
		}
		if n == 1 && strings.TrimSpace(fs[0].seg.text.String()) == "" {
			continue // blank line
		}
		return fs, start, nil
	}
}

// field reads one field; end reports whether it ended its record.
func (c *csvReader) field(f *field) (end bool, err error) {
	f.seg.mark(c.line, c.col+1)
	t := &f.seg.text
	b, ok := c.peek()
	if ok && b == '"' {
		c.read()
		startLine := c.line
		for {
			b, ok := c.read()
			if !ok {
				return true, &Error{Path: c.path, Offset: -1, Line: startLine, Msg: "quoted field is not closed"}
			}
			if b == '"' {
				if n, ok := c.peek(); ok && n == '"' {
					c.read()
					t.WriteByte('"')
					f.seg.mark(c.line, c.col+1)
					continue
				}
				break
			}
			if b == '\r' {
				if n, ok := c.peek(); ok && n == '\n' {
					continue
				}
			}
			t.WriteByte(b)
			if t.Len() > maxField {
				return true, &Error{Path: c.path, Offset: -1, Line: startLine, Msg: "field is larger than 16 MiB"}
			}
		}
	}
	for {
		b, ok := c.read()
		if !ok || b == '\n' {
			return true, nil
		}
		if b == c.delim {
			return false, nil
		}
		if b == '\r' {
			if n, ok := c.peek(); ok && n == '\n' {
				continue
			}
		}
		t.WriteByte(b)
		if t.Len() > maxField {
			return true, &Error{Path: c.path, Offset: -1, Line: c.line, Msg: "field is larger than 16 MiB"}
		}
	}
}

// Column roles.
const (
	roleExtra = iota
	roleZh
	roleEn
	roleSource // language decided by script
	roleTarget
)

// headerRole recognises a column name.
func headerRole(name string) (int, bool) {
	n := strings.ToLower(strings.TrimSpace(strings.Trim(name, "\ufeff\"' ")))
	switch {
	case isZhCode(n) || n == "chinese" || n == "cn" || n == "中文" || n == "汉语" || n == "漢語" || n == "简体中文" || n == "繁體中文":
		return roleZh, true
	case isEnCode(n) || n == "english" || n == "英文" || n == "英语" || n == "英語":
		return roleEn, true
	case n == "source" || n == "src" || n == "source text" || n == "original" || n == "原文":
		return roleSource, true
	case n == "target" || n == "tgt" || n == "target text" || n == "translation" || n == "译文" || n == "譯文":
		return roleTarget, true
	}
	return roleExtra, false
}

// delimiterFor picks the delimiter: tab for .tsv/.tab, else what the first
// line has most of (tab, comma, semicolon).
func delimiterFor(path string, head []byte) byte {
	p := strings.ToLower(path)
	if strings.HasSuffix(p, ".tsv") || strings.HasSuffix(p, ".tab") {
		return '\t'
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	tabs, commas, semis := bytes.Count(line, []byte("\t")), bytes.Count(line, []byte(",")), bytes.Count(line, []byte(";"))
	switch {
	case tabs > 0 && tabs >= commas:
		return '\t'
	case semis > commas:
		return ';'
	}
	return ','
}

// readTable reads a two-column (or wider) CSV or TSV table: one pair per
// row, the columns found by a header ("zh,en", "source,target", language
// codes, 中文/英文) or, without one, by script. Other columns go to
// Block.Extra under their header name ("column 3" without a header).
func readTable(s *stream, p pieces, yield func(*align.Document) error) error {
	head, _ := s.r.Peek(4096)
	c := &csvReader{r: s.r, delim: delimiterFor(s.shown, head), path: s.shown, line: 1}
	t := &tableReader{s: s, m: newMapped(s, p)}
	row := 0
	for {
		fs, _, err := c.record()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		row++
		if row == 1 && t.header(fs) {
			continue
		}
		if !t.decided {
			t.keep(fs, row)
			if len(t.sample) >= 64 {
				if err := t.decide(); err != nil {
					return err
				}
			}
			continue
		}
		if err := addRow(t.m, fs, row, t.roles, t.names); err != nil {
			return err
		}
		for t.m.full() {
			if err := t.m.next(yield); err != nil {
				return err
			}
		}
	}
	if !t.decided {
		if len(t.sample) == 0 {
			return errorf(s.shown, -1, "no rows found")
		}
		if err := t.decide(); err != nil {
			return err
		}
	}
	return t.m.emit(yield)
}

// tableReader is the state of readTable: the column names and roles, and
// the first rows, kept until they decide the roles the header left open.
type tableReader struct {
	s       *stream
	m       *mapped
	sample  []tableRow
	names   []string // nil without a header
	roles   []int
	decided bool
}

type tableRow struct {
	fields []field
	row    int
}

// header takes the first row as the header when it names a column.
func (t *tableReader) header(fs []field) bool {
	var rs []int
	header := false
	for _, f := range fs {
		r, ok := headerRole(f.seg.text.String())
		header = header || ok
		rs = append(rs, r)
	}
	if !header {
		return false
	}
	for _, f := range fs {
		t.names = append(t.names, strings.TrimSpace(f.seg.text.String()))
	}
	t.roles = rs
	return true
}

// keep copies a row into the sample (the reader reuses its fields).
func (t *tableReader) keep(fs []field, row int) {
	cp := make([]field, len(fs))
	for i := range fs {
		cp[i].seg.text.WriteString(fs[i].seg.text.String())
		cp[i].seg.anchors = append([]align.Anchor(nil), fs[i].seg.anchors...)
	}
	t.sample = append(t.sample, tableRow{cp, row})
}

// decide fixes the columns from the header or the sample, then adds the
// sample's rows.
func (t *tableReader) decide() error {
	width := 0
	for _, r := range t.sample {
		width = max(width, len(r.fields))
	}
	if len(t.roles) < width {
		t.roles = append(t.roles, make([]int, width-len(t.roles))...)
	}
	hasZh, hasEn := t.byScript()
	if width < 2 {
		return errorf(t.s.shown, -1, "a table needs two columns, Chinese and English; found %d", width)
	}
	if !hasZh {
		return errorf(t.s.shown, -1, "no Chinese column found (no header names one and no column has Chinese text)")
	}
	if !hasEn {
		return errorf(t.s.shown, -1, "no English column found")
	}
	t.decided = true
	for _, r := range t.sample {
		if err := addRow(t.m, r.fields, r.row, t.roles, t.names); err != nil {
			return err
		}
	}
	t.sample = nil
	return nil
}

// byScript gives the Chinese and English roles the header left open to the
// columns of the sample with the largest and the smallest share of Han
// characters; the source and target roles left over become extra columns.
func (t *tableReader) byScript() (hasZh, hasEn bool) {
	roles := t.roles
	han := make([]float64, len(roles))
	latin := make([]float64, len(roles))
	for _, r := range t.sample {
		for i, f := range r.fields {
			cnt := lang.Count(f.seg.text.String())
			han[i] += float64(cnt.Han)
			latin[i] += float64(cnt.Latin)
		}
	}
	share := func(i int) float64 { return han[i] / (han[i] + latin[i] + 1) }
	var open []int // columns whose language the script decides
	for i, r := range roles {
		switch r {
		case roleZh:
			hasZh = true
		case roleEn:
			hasEn = true
		case roleSource, roleTarget:
			open = append(open, i)
		}
	}
	if t.names == nil {
		for i := range roles {
			open = append(open, i)
		}
	}
	if !hasZh {
		best := -1
		for _, i := range open {
			if han[i] > 0 && (best < 0 || share(i) > share(best)) {
				best = i
			}
		}
		if best >= 0 {
			roles[best] = roleZh
			hasZh = true
		}
	}
	if !hasEn {
		best := -1
		for _, i := range open {
			if roles[i] != roleZh && latin[i] > 0 && (best < 0 || share(i) < share(best)) {
				best = i
			}
		}
		if best >= 0 {
			roles[best] = roleEn
			hasEn = true
		}
	}
	for i := range roles {
		if roles[i] == roleSource || roles[i] == roleTarget {
			roles[i] = roleExtra
		}
	}
	return hasZh, hasEn
}

func addRow(m *mapped, fs []field, row int, roles []int, names []string) error {
	u := unit{zh: noSpan, en: noSpan, name: "row " + strconv.Itoa(row)}
	for i := range fs {
		role := roleExtra
		if i < len(roles) {
			role = roles[i]
		}
		switch role {
		case roleZh:
			if u.zh.start < 0 {
				u.zh = m.add(&fs[i].seg)
			}
		case roleEn:
			if u.en.start < 0 {
				u.en = m.add(&fs[i].seg)
			}
		default:
			v := strings.TrimSpace(fs[i].seg.text.String())
			if v == "" {
				continue
			}
			name := "column " + strconv.Itoa(i+1)
			if i < len(names) && names[i] != "" {
				name = names[i]
			}
			if u.extra == nil {
				u.extra = map[string]string{}
			}
			u.extra[name] = v
		}
	}
	if u.zh.start >= 0 || u.en.start >= 0 {
		m.push(u)
	}
	return nil
}

// validLine checks a line read from a UTF-8 stream.
func validLine(path string, line []byte, lineNo int) error {
	if !utf8.Valid(line) {
		bad, _ := utf8Stats(line)
		return &Error{Path: path, Offset: -1, Line: lineNo, Msg: "invalid UTF-8 at byte " + strconv.Itoa(bad) + " of the line"}
	}
	return nil
}
