package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// parseTBX reads the basic TBX dialect: each termEntry (conceptEntry in
// TBX v3) holds langSets marked with xml:lang, each holding tig (ntig,
// termSec) elements with a term and optional termNotes. A term whose
// termNote of type administrativeStatus is deprecatedTerm-admn-sts or
// supersededTerm-admn-sts is forbidden; other English terms are allowed.
// Every non-deprecated Chinese term of an entry becomes a glossary entry
// with the entry's English terms. Entries without a Chinese or an English
// term (other language pairs of a multilingual file) are skipped. A
// descrip or note element gives the note.
func (g *Glossary) parseTBX(path string, data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	r := &tbxReader{g: g, path: path, line: func() int { l, _ := d.InputPos(); return l }}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return errorf(path, se.Line, "bad TBX: %s", se.Msg)
			}
			return errorf(path, r.line(), "bad TBX: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.CharData:
			if r.inTerm || r.inTermNote || r.inNote {
				r.text.Write(t)
			}
		case xml.EndElement:
			if err := r.end(t.Name.Local); err != nil {
				return err
			}
		}
	}
	if !r.sawEntry {
		return errorf(path, 0, "bad TBX: no termEntry")
	}
	return nil
}

// tbxReader is the state of parseTBX: the entry being read, its terms by
// language, and the element whose text is being gathered.
type tbxReader struct {
	g    *Glossary
	path string
	line func() int // of the decoder's position

	inEntry    bool
	entryLine  int
	lang       string
	zh, en     []tbxTerm
	note       string
	cur        *tbxTerm
	inTerm     bool
	noteType   string // type attribute of the open termNote
	inTermNote bool
	inNote     bool
	text       strings.Builder
	sawEntry   bool
}

type tbxTerm struct {
	text       string
	deprecated bool
	line       int
}

func (r *tbxReader) start(t xml.StartElement) {
	switch t.Name.Local {
	case "termEntry", "conceptEntry":
		r.inEntry, r.entryLine, r.sawEntry = true, r.line(), true
		r.zh, r.en, r.note = nil, nil, ""
	case "langSet", "langSec":
		r.lang = ""
		for _, a := range t.Attr {
			if a.Name.Local == "lang" {
				r.lang = strings.ToLower(a.Value)
			}
		}
	case "tig", "ntig", "termSec":
		r.cur = &tbxTerm{line: r.line()}
	case "term":
		if r.cur == nil {
			r.cur = &tbxTerm{line: r.line()}
		}
		r.inTerm = true
		r.text.Reset()
	case "termNote":
		r.inTermNote, r.noteType = true, ""
		for _, a := range t.Attr {
			if a.Name.Local == "type" {
				r.noteType = a.Value
			}
		}
		r.text.Reset()
	case "descrip", "note", "definition":
		if r.inEntry {
			r.inNote = true
			r.text.Reset()
		}
	}
}

func (r *tbxReader) end(name string) error {
	switch name {
	case "term":
		r.inTerm = false
		if r.cur != nil {
			r.cur.text = strings.Join(strings.Fields(r.text.String()), " ")
		}
	case "termNote":
		r.inTermNote = false
		if r.cur != nil && r.noteType == "administrativeStatus" {
			s := strings.TrimSpace(r.text.String())
			r.cur.deprecated = s == "deprecatedTerm-admn-sts" || s == "supersededTerm-admn-sts"
		}
	case "descrip", "note", "definition":
		if r.inNote && r.note == "" {
			r.note = strings.Join(strings.Fields(r.text.String()), " ")
		}
		r.inNote = false
	case "tig", "ntig", "termSec":
		if r.cur != nil {
			if r.cur.text == "" {
				return errorf(r.path, r.cur.line, "empty term")
			}
			switch {
			case strings.HasPrefix(r.lang, "zh"):
				r.zh = append(r.zh, *r.cur)
			case strings.HasPrefix(r.lang, "en"):
				r.en = append(r.en, *r.cur)
			}
		}
		r.cur = nil
	case "termEntry", "conceptEntry":
		r.inEntry = false
		return r.entry()
	}
	return nil
}

// entry adds the glossary entries of a finished termEntry: each Chinese
// term not deprecated, with the entry's English terms.
func (r *tbxReader) entry() error {
	if len(r.zh) == 0 || len(r.en) == 0 {
		return nil
	}
	var allowed, forbidden []string
	for _, e := range r.en {
		if e.deprecated {
			forbidden = append(forbidden, e.text)
		} else {
			allowed = append(allowed, e.text)
		}
	}
	for _, z := range r.zh {
		if z.deprecated {
			continue
		}
		e := &Entry{Written: z.text, Allowed: allowed, Forbidden: forbidden, Note: r.note, Path: r.path, Line: r.entryLine}
		if err := r.g.add(e); err != nil {
			return err
		}
	}
	return nil
}
