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
	type term struct {
		text       string
		deprecated bool
		line       int
	}
	var (
		inEntry    bool
		entryLine  int
		lang       string
		zh, en     []term
		note       string
		cur        *term
		inTerm     bool
		noteType   string // type attribute of the open termNote
		inTermNote bool
		inNote     bool
		text       strings.Builder
		sawEntry   bool
	)
	line := func() int { l, _ := d.InputPos(); return l }
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
			return errorf(path, line(), "bad TBX: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "termEntry", "conceptEntry":
				inEntry, entryLine, sawEntry = true, line(), true
				zh, en, note = nil, nil, ""
			case "langSet", "langSec":
				lang = ""
				for _, a := range t.Attr {
					if a.Name.Local == "lang" {
						lang = strings.ToLower(a.Value)
					}
				}
			case "tig", "ntig", "termSec":
				cur = &term{line: line()}
			case "term":
				if cur == nil {
					cur = &term{line: line()}
				}
				inTerm = true
				text.Reset()
			case "termNote":
				inTermNote, noteType = true, ""
				for _, a := range t.Attr {
					if a.Name.Local == "type" {
						noteType = a.Value
					}
				}
				text.Reset()
			case "descrip", "note", "definition":
				if inEntry {
					inNote = true
					text.Reset()
				}
			}
		case xml.CharData:
			if inTerm || inTermNote || inNote {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "term":
				inTerm = false
				if cur != nil {
					cur.text = strings.Join(strings.Fields(text.String()), " ")
				}
			case "termNote":
				inTermNote = false
				if cur != nil && noteType == "administrativeStatus" {
					s := strings.TrimSpace(text.String())
					cur.deprecated = s == "deprecatedTerm-admn-sts" || s == "supersededTerm-admn-sts"
				}
			case "descrip", "note", "definition":
				if inNote && note == "" {
					note = strings.Join(strings.Fields(text.String()), " ")
				}
				inNote = false
			case "tig", "ntig", "termSec":
				if cur != nil {
					if cur.text == "" {
						return errorf(path, cur.line, "empty term")
					}
					switch {
					case strings.HasPrefix(lang, "zh"):
						zh = append(zh, *cur)
					case strings.HasPrefix(lang, "en"):
						en = append(en, *cur)
					}
				}
				cur = nil
			case "termEntry", "conceptEntry":
				inEntry = false
				if len(zh) == 0 || len(en) == 0 {
					continue
				}
				var allowed, forbidden []string
				for _, e := range en {
					if e.deprecated {
						forbidden = append(forbidden, e.text)
					} else {
						allowed = append(allowed, e.text)
					}
				}
				for _, z := range zh {
					if z.deprecated {
						continue
					}
					e := &Entry{Written: z.text, Allowed: allowed, Forbidden: forbidden, Note: note, Path: path, Line: entryLine}
					if err := g.add(e); err != nil {
						return err
					}
				}
			}
		}
	}
	if !sawEntry {
		return errorf(path, 0, "bad TBX: no termEntry")
	}
	return nil
}
