package input

import (
	"encoding/xml"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/align"
)

// readTMX reads a TMX memory (1.4; 1.1's lang= too) token by token. Each
// <tu> with a Chinese and an English <tuv> (xml:lang zh…, en…, matched by
// prefix: zh-CN, zh-Hant, en-GB) becomes a pair; the first of each language
// is taken when a unit has several. Props and notes go to Block.Extra. With
// p.chunk > 0 the file is handed to yield in windows (see pieces).
func readTMX(s *stream, p pieces, yield func(*align.Document) error) error {
	x := newXMLIn(s)
	m := newMapped(s, p)
	var seg segment
	langs := map[string]int{}
	total, withZh, withEn := 0, 0, 0
	root := false
	for {
		t, err := x.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if !root {
			if se.Name.Local != "tmx" {
				return x.errorf("not a TMX file: the root element is <%s>, not <tmx>", se.Name.Local)
			}
			root = true
			continue
		}
		switch se.Name.Local {
		case "tu":
			total++
			u, err := x.tmxUnit(se, total, m, &seg, langs)
			if err != nil {
				return err
			}
			if u.zh.start >= 0 {
				withZh++
			}
			if u.en.start >= 0 {
				withEn++
			}
			if u.zh.start >= 0 || u.en.start >= 0 {
				m.push(u)
			}
			for m.full() {
				if err := m.next(yield); err != nil {
					return err
				}
			}
		case "header", "prop", "note", "ude":
			if err := x.skip(); err != nil {
				return err
			}
		}
	}
	if !root {
		return errorf(s.shown, -1, "not a TMX file: no <tmx> element")
	}
	if total == 0 {
		return errorf(s.shown, -1, "no translation unit (<tu>) found")
	}
	if withZh == 0 {
		return errorf(s.shown, -1, "no Chinese segment (xml:lang=\"zh…\") in %d units; languages found: %s", total, seenLangs(langs))
	}
	if withEn == 0 {
		return errorf(s.shown, -1, "no English segment (xml:lang=\"en…\") in %d units; languages found: %s", total, seenLangs(langs))
	}
	return m.emit(yield)
}

func seenLangs(langs map[string]int) string {
	if len(langs) == 0 {
		return "none (no xml:lang attributes)"
	}
	var l []string
	for k := range langs {
		l = append(l, k)
	}
	sort.Strings(l)
	if len(l) > 10 {
		l = append(l[:10], "…")
	}
	return strings.Join(l, ", ")
}

func (x *xmlIn) tmxUnit(tu xml.StartElement, n int, m *mapped, seg *segment, langs map[string]int) (unit, error) {
	u := unit{zh: noSpan, en: noSpan, name: "unit " + strconv.Itoa(n)}
	if id := attr(tu, "tuid"); id != "" {
		u.name += " (tuid " + id + ")"
	}
	lang := ""
	for {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return u, x.errorf("unexpected end of file inside <tu>")
			}
			return u, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			switch t.Name.Local {
			case "tu":
				return u, nil
			case "tuv":
				lang = ""
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "tuv":
				lang = langAttr(t)
				if len(langs) < 100 {
					langs[lang]++
				}
			case "seg":
				switch {
				case isZhCode(lang) && u.zh.start < 0:
					if err := x.segment(seg); err != nil {
						return u, err
					}
					u.zh = m.add(seg)
				case isEnCode(lang) && u.en.start < 0:
					if err := x.segment(seg); err != nil {
						return u, err
					}
					u.en = m.add(seg)
				default:
					if err := x.skip(); err != nil {
						return u, err
					}
				}
			case "prop", "note":
				key := attr(t, "type")
				if t.Name.Local == "note" || key == "" {
					key = t.Name.Local
				}
				if lang != "" {
					key = lang + ":" + key
				}
				v, err := x.text()
				if err != nil {
					return u, err
				}
				if u.extra == nil {
					u.extra = map[string]string{}
				}
				if old, ok := u.extra[key]; ok {
					v = old + "\n" + v
				}
				u.extra[key] = v
			default:
				if err := x.skip(); err != nil {
					return u, err
				}
			}
		}
	}
}
