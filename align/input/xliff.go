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
	x := newXMLIn(s)
	m := newMapped(s, p)
	var seg segment
	root := false
	var srcLang, trgLang string
	total := 0
	// Sides are recorded as source/target and resolved per file element.
	type pending struct {
		src, trg span
		name     string
		extra    map[string]string
	}
	var units []pending
	var srcHan, trgHan int
	cur := -1
	flush := func() error {
		srcZh := isZhCode(srcLang)
		trgZh := isZhCode(trgLang)
		switch {
		case srcZh && trgZh:
			return errorf(s.shown, -1, "both languages are Chinese (source %q, target %q)", srcLang, trgLang)
		case !srcZh && !trgZh && (srcLang != "" || trgLang != ""):
			return errorf(s.shown, -1, "no Chinese side: source language %q, target language %q", srcLang, trgLang)
		case !srcZh && !trgZh:
			srcZh = srcHan >= trgHan
		}
		for _, p := range units {
			u := unit{zh: p.src, en: p.trg, name: p.name, extra: p.extra}
			if !srcZh {
				u.zh, u.en = p.trg, p.src
			}
			m.push(u)
		}
		units = units[:0]
		cur = -1
		srcHan, trgHan = 0, 0
		for m.full() {
			if err := m.next(yield); err != nil {
				return err
			}
		}
		return nil
	}
	var unitID string
	hanOf := func(sp span) int {
		if sp.start < 0 || srcLang != "" || trgLang != "" {
			return 0
		}
		// the builder holds the text: count Han in what was just added
		t := m.text.String()[sp.start:sp.end]
		return lang.Count(t).Han
	}
	for {
		t, err := x.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if !root {
				if name != "xliff" {
					return x.errorf("not an XLIFF file: the root element is <%s>, not <xliff>", name)
				}
				root = true
				srcLang, trgLang = attr(t, "srcLang"), attr(t, "trgLang")
				continue
			}
			switch name {
			case "file":
				if v := attr(t, "source-language"); v != "" {
					srcLang = v
				}
				if v := attr(t, "target-language"); v != "" {
					trgLang = v
				}
			case "trans-unit", "unit":
				unitID = attr(t, "id")
				total++
				if name == "trans-unit" {
					units = append(units, pending{src: noSpan, trg: noSpan, name: unitName(unitID, total, "")})
					cur = len(units) - 1
				}
			case "segment":
				total++
				units = append(units, pending{src: noSpan, trg: noSpan, name: unitName(unitID, total, attr(t, "id"))})
				cur = len(units) - 1
			case "source", "target":
				if cur < 0 || name == "source" && units[cur].src.start >= 0 || name == "target" && units[cur].trg.start >= 0 {
					if err := x.skip(); err != nil {
						return err
					}
					continue
				}
				if err := x.segment(&seg); err != nil {
					return err
				}
				sp := m.add(&seg)
				if name == "source" {
					units[cur].src = sp
					srcHan += hanOf(sp)
				} else {
					units[cur].trg = sp
					trgHan += hanOf(sp)
				}
			case "note":
				v, err := x.text()
				if err != nil {
					return err
				}
				if cur >= 0 && v != "" {
					p := &units[cur]
					if p.extra == nil {
						p.extra = map[string]string{}
					}
					if old, ok := p.extra["note"]; ok {
						v = old + "\n" + v
					}
					p.extra["note"] = v
				}
			case "alt-trans", "seg-source", "ignorable", "originalData", "metadata", "context-group", "header", "skeleton":
				if err := x.skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "trans-unit", "segment":
				cur = -1
			case "unit":
				unitID = ""
			case "file":
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if !root {
		return errorf(s.shown, -1, "not an XLIFF file: no <xliff> element")
	}
	if len(units) > 0 {
		if err := flush(); err != nil {
			return err
		}
	}
	if total == 0 {
		return errorf(s.shown, -1, "no translation unit found")
	}
	return m.emit(yield)
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
