package input

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
)

// readXLIFF reads XLIFF 1.2 (<file source-language target-language>,
// <trans-unit><source><target>) and 2.x (<xliff srcLang trgLang>,
// <unit><segment><source><target>). The language attributes say which side
// is Chinese; when they are missing the side with more Han characters is.
// <alt-trans>, <seg-source>, <ignorable> and metadata are skipped; notes go
// to Block.Extra.
func readXLIFF(s *stream, p pieces, yield func(*align.Document) error) error {
	r := &xliffReader{s: s, x: newXMLIn(s), m: newMapped(s, p), yield: yield, cur: -1}
	root := false
	for {
		t, err := r.x.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if !root {
				if t.Name.Local != "xliff" {
					return r.x.errorf("not an XLIFF file: the root element is <%s>, not <xliff>", t.Name.Local)
				}
				root = true
				r.srcLang, r.trgLang = attr(t, "srcLang"), attr(t, "trgLang")
				continue
			}
			if err := r.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if err := r.end(t); err != nil {
				return err
			}
		}
	}
	if !root {
		return errorf(s.shown, -1, "not an XLIFF file: no <xliff> element")
	}
	if len(r.units) > 0 {
		if err := r.flush(); err != nil {
			return err
		}
	}
	if r.total == 0 {
		return errorf(s.shown, -1, "no translation unit found")
	}
	return r.m.emit(yield)
}

// xliffReader is the state of readXLIFF: the units of the current <file>
// element, recorded as source and target and resolved to Chinese and
// English when the element ends.
type xliffReader struct {
	s     *stream
	x     *xmlIn
	m     *mapped
	yield func(*align.Document) error
	seg   segment

	srcLang, trgLang string
	total            int // units and segments so far
	units            []xliffUnit
	srcHan, trgHan   int // Han characters of each side, when no language says
	cur              int // the unit being read, -1 for none
	unitID           string
}

type xliffUnit struct {
	src, trg span
	name     string
	extra    map[string]string
}

// start handles an element below the root.
func (r *xliffReader) start(t xml.StartElement) error {
	name := t.Name.Local
	switch name {
	case "file":
		if v := attr(t, "source-language"); v != "" {
			r.srcLang = v
		}
		if v := attr(t, "target-language"); v != "" {
			r.trgLang = v
		}
	case "trans-unit", "unit":
		r.unitID = attr(t, "id")
		r.total++
		if name == "trans-unit" {
			r.units = append(r.units, xliffUnit{src: noSpan, trg: noSpan, name: unitName(r.unitID, r.total, "")})
			r.cur = len(r.units) - 1
		}
	case "segment":
		r.total++
		r.units = append(r.units, xliffUnit{src: noSpan, trg: noSpan, name: unitName(r.unitID, r.total, attr(t, "id"))})
		r.cur = len(r.units) - 1
	case "source", "target":
		return r.side(name)
	case "note":
		return r.note()
	case "alt-trans", "seg-source", "ignorable", "originalData", "metadata", "context-group", "header", "skeleton":
		return r.x.skip()
	}
	return nil
}

// side reads a <source> or <target>: the first of each in a unit counts.
func (r *xliffReader) side(name string) error {
	cur := r.cur
	if cur < 0 || name == "source" && r.units[cur].src.start >= 0 || name == "target" && r.units[cur].trg.start >= 0 {
		return r.x.skip()
	}
	if err := r.x.segment(&r.seg); err != nil {
		return err
	}
	sp := r.m.add(&r.seg)
	if name == "source" {
		r.units[cur].src = sp
		r.srcHan += r.hanOf(sp)
	} else {
		r.units[cur].trg = sp
		r.trgHan += r.hanOf(sp)
	}
	return nil
}

// hanOf counts the Han characters of a side just added, when no language
// attribute will say which side is Chinese.
func (r *xliffReader) hanOf(sp span) int {
	if sp.start < 0 || r.srcLang != "" || r.trgLang != "" {
		return 0
	}
	return lang.Count(r.m.text.String()[sp.start:sp.end]).Han
}

// note adds a <note> to the unit's extra fields.
func (r *xliffReader) note() error {
	v, err := r.x.text()
	if err != nil {
		return err
	}
	if r.cur >= 0 && v != "" {
		p := &r.units[r.cur]
		if p.extra == nil {
			p.extra = map[string]string{}
		}
		if old, ok := p.extra["note"]; ok {
			v = old + "\n" + v
		}
		p.extra["note"] = v
	}
	return nil
}

func (r *xliffReader) end(t xml.EndElement) error {
	switch t.Name.Local {
	case "trans-unit", "segment":
		r.cur = -1
	case "unit":
		r.unitID = ""
	case "file":
		return r.flush()
	}
	return nil
}

// flush resolves the sides of the file's units and hands them on.
func (r *xliffReader) flush() error {
	srcZh := isZhCode(r.srcLang)
	trgZh := isZhCode(r.trgLang)
	switch {
	case srcZh && trgZh:
		return errorf(r.s.shown, -1, "both languages are Chinese (source %q, target %q)", r.srcLang, r.trgLang)
	case !srcZh && !trgZh && (r.srcLang != "" || r.trgLang != ""):
		return errorf(r.s.shown, -1, "no Chinese side: source language %q, target language %q", r.srcLang, r.trgLang)
	case !srcZh && !trgZh:
		srcZh = r.srcHan >= r.trgHan
	}
	for _, p := range r.units {
		u := unit{zh: p.src, en: p.trg, name: p.name, extra: p.extra}
		if !srcZh {
			u.zh, u.en = p.trg, p.src
		}
		r.m.push(u)
	}
	r.units = r.units[:0]
	r.cur = -1
	r.srcHan, r.trgHan = 0, 0
	for r.m.full() {
		if err := r.m.next(r.yield); err != nil {
			return err
		}
	}
	return nil
}

func unitName(id string, n int, segID string) string {
	var b strings.Builder
	b.WriteString("unit ")
	if id != "" {
		b.WriteString(id)
	} else {
		b.WriteString("#")
		b.WriteString(strconv.Itoa(n))
	}
	if segID != "" {
		b.WriteString(" segment ")
		b.WriteString(segID)
	}
	return b.String()
}
