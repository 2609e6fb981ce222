package input

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/aligncheck/aligncheck/align"
)

// HTML pages are read with the x/net/html tokenizer. Each block element
// (p, h1–h6, li, td, th, dt, dd, blockquote, div, …) starts and ends a
// block; inline elements (a, span, em, …) run on; <br> breaks a line inside
// the block. script, style, nav, header, footer, aside, form, noscript,
// template and the head are dropped with their content. White space is
// folded as a browser does and entities decoded, so the blocks live in a
// mapped Source (align.NewMappedSource) whose anchors point each run of
// text back at its line and column in the page. The blocks then make an
// interleaved document, their language decided by script, as for text.

var htmlBlockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "td": true, "th": true, "dt": true, "dd": true, "blockquote": true,
	"div": true, "section": true, "article": true, "main": true, "caption": true,
	"figcaption": true, "figure": true, "pre": true, "address": true, "table": true,
	"tr": true, "ul": true, "ol": true, "dl": true, "body": true, "hr": true, "center": true,
}

var htmlSkipTags = map[string]bool{
	"script": true, "style": true, "nav": true, "header": true, "footer": true,
	"noscript": true, "template": true, "head": true, "aside": true, "form": true,
	"svg": true, "math": true, "iframe": true, "object": true, "select": true, "button": true,
}

// htmlVoid elements have no end tag: a start tag of one never opens a
// skipped region.
var htmlVoid = map[string]bool{"br": true, "hr": true, "img": true, "input": true, "meta": true, "link": true, "wbr": true}

// extractHTML returns the text blocks of a page.
func extractHTML(path, page string) (*mapped, []rawBlock) {
	m := &mapped{path: path}
	var blocks []rawBlock
	z := html.NewTokenizer(strings.NewReader(page))
	z.SetMaxBuf(0)
	line, col := 1, 1 // position of the next raw byte
	advance := func(raw []byte) {
		for len(raw) > 0 {
			i := bytes.IndexByte(raw, '\n')
			if i < 0 {
				col += utf8.RuneCount(raw)
				return
			}
			line++
			col = 1
			raw = raw[i+1:]
		}
	}
	var seg segment
	pendingSpace := false
	flush := func() {
		if sp := m.add(&seg); sp.start >= 0 {
			blocks = append(blocks, rawBlock{start: sp.start, end: sp.end})
		}
		seg.reset()
		pendingSpace = false
	}
	skip := []string{} // open skipped elements
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		startLine, startCol := line, col
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case len(skip) > 0:
				if tt == html.StartTagToken && htmlSkipTags[tag] {
					skip = append(skip, tag)
				} else if tt == html.EndTagToken && tag == skip[len(skip)-1] {
					skip = skip[:len(skip)-1]
				}
			case htmlSkipTags[tag] && tt == html.StartTagToken && !htmlVoid[tag]:
				flush()
				skip = append(skip, tag)
			case tag == "br":
				seg.text.WriteByte('\n')
				pendingSpace = false
				advance(raw)
				seg.mark(line, col)
				continue
			case htmlBlockTags[tag]:
				flush()
			}
		case html.TextToken:
			if len(skip) > 0 {
				break
			}
			appendHTMLText(&seg, raw, startLine, startCol, &pendingSpace)
		}
		advance(raw)
	}
	flush()
	return m, blocks
}

// appendHTMLText folds white space of a raw text run, decodes entities and
// anchors each piece that follows a line break or an entity.
func appendHTMLText(seg *segment, raw []byte, line, col int, pendingSpace *bool) {
	needMark := true
	for len(raw) > 0 {
		// white space
		i := 0
		for i < len(raw) && isHTMLSpace(raw[i]) {
			if raw[i] == '\n' {
				line++
				col = 1
				needMark = true
			} else {
				col++
			}
			i++
		}
		if i > 0 {
			if seg.text.Len() > 0 {
				*pendingSpace = true
			}
			raw = raw[i:]
			continue
		}
		j := 0
		for j < len(raw) && !isHTMLSpace(raw[j]) {
			j++
		}
		word := raw[:j]
		if *pendingSpace {
			last := lastRune(seg.text.String())
			if last != '\n' {
				seg.text.WriteByte(' ')
			}
			*pendingSpace = false
		}
		if needMark {
			seg.mark(line, col)
			needMark = false
		}
		if bytes.IndexByte(word, '&') >= 0 {
			seg.text.WriteString(html.UnescapeString(string(word)))
			needMark = true
		} else {
			seg.text.Write(word)
		}
		col += utf8.RuneCount(word)
		raw = raw[j:]
	}
}

func isHTMLSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// HTMLDoc builds an interleaved document from an HTML page.
func HTMLDoc(path, page string) (*align.Document, error) {
	m, blocks := extractHTML(path, page)
	src := align.NewMappedSource(path, m.text.String(), m.anchors)
	return interleavedFrom(path, src, blocks)
}
