package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// JSON writes the report as one indented JSON object, version 1.
//
// It writes the object piece by piece, each document's pairs one at a
// time (from the spool when they are there), so that a report on a large
// memory is never held whole; the bytes are those encoding/json gives for
// the Report with two-space indentation (the golden and schema tests hold
// it to that).
type JSON struct{}

func (JSON) Write(w io.Writer, r *Report) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 256<<10)}
	jw.str("{\n  \"version\": ")
	jw.val(r.Version, "  ")
	jw.str(",\n  \"tool\": ")
	jw.val(r.Tool, "  ")
	jw.str(",\n  \"documents\": ")
	if r.Documents == nil {
		jw.str("null")
	} else {
		jw.documents(r.Documents)
	}
	jw.str(",\n  \"summary\": ")
	jw.val(r.Summary, "  ")
	if r.Shard != nil {
		jw.str(",\n  \"shard\": ")
		jw.val(r.Shard, "  ")
	}
	jw.str("\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

func (jw *jsonWriter) documents(ds []*Document) {
	jw.str("[")
	for i, d := range ds {
		if i > 0 {
			jw.str(",")
		}
		jw.str("\n    ")
		if d == nil {
			jw.str("null")
			continue
		}
		jw.document(d, "    ")
	}
	if len(ds) > 0 {
		jw.str("\n  ")
	}
	jw.str("]")
}

type jsonWriter struct {
	w       *bufio.Writer
	buf     bytes.Buffer
	scratch []byte // raw's output, reused
	compact []byte // findings' compact JSON, reused
	err     error
}

func (j *jsonWriter) str(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// val writes v as encoding/json indents it at this prefix.
func (j *jsonWriter) val(v any, prefix string) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if j.err = enc.Encode(v); j.err != nil {
		return
	}
	_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
}

// findings writes fs as val would, without reflection where
// appendFindingsJSON can write it.
func (j *jsonWriter) findings(fs []*Finding, prefix string) {
	if j.err != nil {
		return
	}
	b, ok := appendFindingsJSON(j.compact[:0], fs)
	if !ok {
		j.val(fs, prefix)
		return
	}
	j.compact = b
	j.raw(b, prefix)
}

// write writes b as it is.
func (j *jsonWriter) write(b []byte) error {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
	return j.err
}

// raw writes compact JSON indented at this prefix (JSON already indented
// is indented again by json.Indent).
func (j *jsonWriter) raw(b []byte, prefix string) error {
	if j.err != nil {
		return j.err
	}
	out, ok := appendIndented(j.scratch[:0], b, prefix)
	if ok {
		j.scratch = out
	} else {
		j.buf.Reset()
		if j.err = json.Indent(&j.buf, b, prefix, "  "); j.err != nil {
			return j.err
		}
		out = j.buf.Bytes()
	}
	_, j.err = j.w.Write(out)
	return j.err
}

// appendIndented appends compact JSON (as encoding/json writes it: no
// white space outside strings) indented as json.Indent(dst, src, prefix,
// "  ") indents it, several times faster: the findings are a large part
// of a JSON report. It does not validate: src is JSON the report's encoder wrote.
// ok is false, and nothing is to be used, where src is plainly not such
// JSON (empty, white space, an unclosed string or bracket); json.Indent
// then does it and says what is wrong.
func appendIndented(dst, src []byte, prefix string) (out []byte, ok bool) {
	if len(src) == 0 {
		return nil, false
	}
	// nl is a line break, the prefix and the indentation of the deepest
	// level so far: a line's start is one slice of it.
	var nlBuf [128]byte
	nl := append(append(nlBuf[:0], '\n'), prefix...)
	base, depth := len(nl), 0
	open := false // after { or [, its line not begun
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != ']' && c != '}' {
			open = false
			n := base + 2*depth
			for len(nl) < n {
				nl = append(nl, ' ')
			}
			dst = append(dst, nl[:n]...)
		}
		switch c {
		case '"':
			// The string ends at the first quote after it that an odd
			// run of backslashes does not escape; it is copied whole.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					return nil, false
				}
				k += j
				b := k
				for b > j && src[b-1] == '\\' {
					b--
				}
				j = k + 1
				if (k-b)%2 == 0 {
					break
				}
			}
			dst = append(dst, src[i:j]...)
			i = j - 1
		case '{', '[':
			dst = append(dst, c)
			depth++
			open = true
		case ',':
			dst = append(dst, c)
			n := base + 2*depth
			for len(nl) < n {
				nl = append(nl, ' ')
			}
			dst = append(dst, nl[:n]...)
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			if depth == 0 {
				return nil, false
			}
			depth--
			if open {
				open = false // empty: {} and [] stay on their line
			} else {
				n := base + 2*depth
				dst = append(dst, nl[:n]...)
			}
			dst = append(dst, c)
		case ' ', '\t', '\n', '\r':
			return nil, false
		default:
			dst = append(dst, c)
		}
	}
	if depth != 0 {
		return nil, false
	}
	return dst, true
}

// document writes one document object, its fields in the order of the
// Document struct.
func (j *jsonWriter) document(d *Document, p string) {
	in := p + "  "
	j.str("{\n" + in + "\"zh\": ")
	j.val(d.Zh, in)
	j.str(",\n" + in + "\"en\": ")
	j.val(d.En, in)
	j.str(",\n" + in + "\"shape\": ")
	j.val(d.Shape, in)
	j.str(",\n" + in + "\"ratio\": ")
	j.val(d.Ratio, in)
	j.str(",\n" + in + "\"pairs\": ")
	switch {
	case d.stored != nil && d.stored.Len() > 0:
		j.str("[")
		k := 0
		err := d.stored.Each(func(b []byte) error {
			if k > 0 {
				j.str(",")
			}
			k++
			j.str("\n" + in + "  ")
			if in+"  " == pairPrefix {
				// the record is indented for here (PairStore)
				return j.write(b)
			}
			return j.raw(b, in+"  ")
		})
		if j.err == nil {
			j.err = err
		}
		j.str("\n" + in + "]")
	case d.stored != nil || d.Pairs == nil && d.pairCount > 0:
		j.str("[]")
	default:
		j.val(d.Pairs, in)
	}
	j.str(",\n" + in + "\"findings\": ")
	j.findings(d.Findings, in)
	j.str(",\n" + in + "\"summary\": ")
	j.val(d.Summary, in)
	j.str("\n" + p + "}")
}

// JSONL writes one JSON object per line: one per finding, each carrying its
// document's paths, for streaming consumers.
type JSONL struct{}

type jsonlFinding struct {
	ZhPath string `json:"zhPath"`
	EnPath string `json:"enPath"`
	*Finding
}

func (JSONL) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			if err := enc.Encode(jsonlFinding{d.Zh.Path, d.En.Path, f}); err != nil {
				return err
			}
		}
	}
	return nil
}
