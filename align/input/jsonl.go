package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/internal/excerpt"
)

// maxLine bounds one JSONL record.
const maxLine = 64 << 20

// readJSONL reads one JSON object per line: {"zh": …, "en": …} (keys may be
// language codes such as "zh-CN" or "en_US", or "source"/"target" with
// "source_lang"/"target_lang", or a nested {"translation": {"zh": …, "en":
// …}} as parallel corpora ship them). Every other field is kept in
// Block.Extra (strings as they are, other values as compact JSON). Blank
// lines are skipped; a line that is not a JSON object is an error with its
// line number.
func readJSONL(s *stream, p pieces, yield func(*align.Document) error) error {
	sc := bufio.NewScanner(s.r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	m := newMapped(s, p)
	lineNo, records, kept := 0, 0, 0
	var zhSeg, enSeg, srcSeg, trgSeg segment
	for sc.Scan() {
		lineNo++
		line := sc.Bytes()
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, bomUTF8)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := validLine(s.shown, line, lineNo); err != nil {
			return err
		}
		records++
		r := jsonRecord{line: line, lineNo: lineNo, zh: &zhSeg, en: &enSeg, src: &srcSeg, trg: &trgSeg}
		zhSeg.reset()
		enSeg.reset()
		srcSeg.reset()
		trgSeg.reset()
		if err := r.parse(); err != nil {
			return &Error{Path: s.shown, Offset: -1, Line: lineNo, Msg: err.Error()}
		}
		zh, en := r.sides()
		u := unit{zh: noSpan, en: noSpan, name: "record " + strconv.Itoa(records), extra: r.extra}
		if r.id != "" {
			u.name += " (id " + r.id + ")"
		}
		if zh != nil {
			u.zh = m.add(zh)
		}
		if en != nil {
			u.en = m.add(en)
		}
		if u.zh.start >= 0 || u.en.start >= 0 {
			m.push(u)
			kept++
		}
		for m.full() {
			if err := m.next(yield); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return &Error{Path: s.shown, Offset: -1, Line: lineNo + 1, Msg: "line is longer than 64 MiB"}
		}
		return errorf(s.shown, -1, "read: %v", err)
	}
	if records == 0 {
		return errorf(s.shown, -1, "no records found")
	}
	if kept == 0 {
		return errorf(s.shown, -1, "no record has a Chinese or English text (expected keys such as \"zh\" and \"en\")")
	}
	return m.emit(yield)
}

type jsonRecord struct {
	line             []byte
	lineNo           int
	zh, en, src, trg *segment
	hasZh, hasEn     bool
	hasSrc, hasTrg   bool
	srcLang, trgLang string
	extra            map[string]string
	id               string
}

func (r *jsonRecord) parse() error {
	dec := json.NewDecoder(bytes.NewReader(r.line))
	dec.UseNumber()
	t, err := dec.Token()
	if err != nil {
		return errJSON(err)
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return errJSON(nil)
	}
	if err := r.object(dec, ""); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errJSON(nil)
	}
	return nil
}

func errJSON(err error) error {
	if err != nil && err != io.EOF {
		return &jsonError{"not a JSON object: " + err.Error()}
	}
	return &jsonError{"not a JSON object"}
}

type jsonError struct{ msg string }

func (e *jsonError) Error() string { return e.msg }

// object reads the members of an object whose '{' was read.
func (r *jsonRecord) object(dec *json.Decoder, prefix string) error {
	// A key given twice is refused: JSON parsers disagree on which one
	// counts (most take the last, this reader took the first), so the
	// record's text would depend on the tool that reads it.
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return errJSON(err)
		}
		key, _ := t.(string)
		if seen[key] {
			return &jsonError{"key " + excerpt.Quote(prefix+key) + " appears twice in the record"}
		}
		seen[key] = true
		at := valueStart(r.line, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return errJSON(err)
		}
		if prefix == "" && key == "translation" && len(raw) > 0 && raw[0] == '{' {
			sub := json.NewDecoder(bytes.NewReader(raw))
			sub.UseNumber()
			sub.Token()
			saved := r.line
			r.line = raw
			err := r.object(sub, "translation.")
			r.line = saved
			if err != nil {
				return err
			}
			continue
		}
		var str string
		isStr := len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &str) == nil
		role, known := headerRole(key)
		lk := strings.ToLower(key)
		switch {
		case isStr && known && role == roleZh && !r.hasZh:
			r.hasZh = true
			r.fill(r.zh, str, at, prefix != "")
		case isStr && known && role == roleEn && !r.hasEn:
			r.hasEn = true
			r.fill(r.en, str, at, prefix != "")
		case isStr && known && role == roleSource && !r.hasSrc:
			r.hasSrc = true
			r.fill(r.src, str, at, prefix != "")
		case isStr && known && role == roleTarget && !r.hasTrg:
			r.hasTrg = true
			r.fill(r.trg, str, at, prefix != "")
		default:
			v := str
			if !isStr {
				var b bytes.Buffer
				if json.Compact(&b, raw) == nil {
					v = b.String()
				} else {
					v = string(raw)
				}
			}
			switch lk {
			case "source_lang", "src_lang", "srclang", "source_language", "sourcelang":
				r.srcLang = v
			case "target_lang", "tgt_lang", "trglang", "target_language", "targetlang", "tgtlang":
				r.trgLang = v
			case "id", "_id", "uid":
				r.id = v
			}
			if r.extra == nil {
				r.extra = map[string]string{}
			}
			if len(v) > 1<<16 {
				v = v[:1<<16]
			}
			r.extra[prefix+key] = v
		}
	}
	_, err := dec.Token() // '}'
	if err != nil {
		return errJSON(err)
	}
	return nil
}

// valueStart skips white space and the colon after a key.
func valueStart(line []byte, off int) int {
	for off < len(line) && (line[off] == ' ' || line[off] == '\t' || line[off] == ':' || line[off] == '\r') {
		off++
	}
	return off
}

// fill puts a decoded string into seg, anchored at the value's column.
// Escaped line breaks do not move to the next line of the file: each line
// of the text is anchored to the record's line.
func (r *jsonRecord) fill(seg *segment, s string, at int, nested bool) {
	col := 1
	if !nested && at <= len(r.line) {
		col = utf8.RuneCount(r.line[:at]) + 2 // after the opening quote
	}
	seg.mark(r.lineNo, col)
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			seg.text.WriteString(s)
			return
		}
		seg.text.WriteString(s[:i+1])
		col += utf8.RuneCountInString(s[:i+1]) + 1
		seg.mark(r.lineNo, col)
		s = s[i+1:]
	}
}

// sides decides which text is Chinese and which English.
func (r *jsonRecord) sides() (zh, en *segment) {
	if r.hasZh {
		zh = r.zh
	}
	if r.hasEn {
		en = r.en
	}
	if zh != nil && en != nil || !r.hasSrc && !r.hasTrg {
		return zh, en
	}
	srcZh := false
	switch {
	case isZhCode(r.srcLang) || isEnCode(r.trgLang):
		srcZh = true
	case isZhCode(r.trgLang) || isEnCode(r.srcLang):
	default:
		srcZh = lang.Count(r.src.text.String()).Han >= lang.Count(r.trg.text.String()).Han
	}
	var src, trg *segment
	if r.hasSrc {
		src = r.src
	}
	if r.hasTrg {
		trg = r.trg
	}
	if !srcZh {
		src, trg = trg, src
	}
	if zh == nil {
		zh = src
	}
	if en == nil {
		en = trg
	}
	return zh, en
}
