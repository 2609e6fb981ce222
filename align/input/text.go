package input

import (
	"math"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
)

// rawBlock is a run of text between blank lines, or a run of lines of one
// language inside such a run.
type rawBlock struct {
	start, end int    // byte offsets, trimmed of surrounding white space
	unit       string // Block.Unit, for formats without useful lines
}

// LangOf classifies a text by script: Chinese when Han characters are more
// than a third of the Latin letters (a Han character carries about as much
// as an English word of four or five letters), English when it has Latin
// letters, neither otherwise.
func LangOf(text string) (align.Lang, bool) {
	c := lang.Count(text)
	switch {
	case c.Han > 0 && c.Han*3 >= c.Latin:
		return align.Zh, true
	case c.Latin > 0:
		return align.En, true
	}
	return align.En, false
}

// splitBlocks cuts text into blocks separated by blank lines. In Markdown,
// front matter, fenced code and HTML comments are skipped and heading
// markers are left out of the block.
func splitBlocks(text string, markdown bool) []rawBlock {
	var out []rawBlock
	start := -1 // start of the current block
	end := 0
	inFence := false
	lineStart := 0
	first := true
	inFront := false
	for lineStart < len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		next := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
			next = lineEnd + 1
		}
		line := text[lineStart:lineEnd]
		trimmed := strings.TrimSpace(line)
		closeBlock := func() {
			if start >= 0 {
				out = append(out, rawBlock{start: start, end: end})
				start = -1
			}
		}
		switch {
		case markdown && first && trimmed == "---":
			inFront = true
			closeBlock()
		case inFront:
			if trimmed == "---" || trimmed == "..." {
				inFront = false
			}
		case markdown && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			closeBlock()
			inFence = !inFence
		case inFence:
		case trimmed == "":
			closeBlock()
		case IsDirective(trimmed):
			// an aligncheck-ignore line is for the driver, not a paragraph
			closeBlock()
		case markdown && strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->"):
			closeBlock()
		default:
			s := lineStart + strings.Index(line, trimmed)
			if markdown && strings.HasPrefix(trimmed, "#") {
				h := strings.TrimLeft(trimmed, "#")
				if len(trimmed)-len(h) <= 6 && (h == "" || h[0] == ' ' || h[0] == '\t') {
					closeBlock()
					h = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), "#"))
					if h != "" {
						hs := lineStart + strings.Index(line, h)
						out = append(out, rawBlock{start: hs, end: hs + len(h)})
					}
					break
				}
			}
			if markdown {
				if skip, ok := listMarker(trimmed); ok {
					closeBlock()
					if rest := strings.TrimSpace(trimmed[skip:]); rest != "" {
						start = s + skip + strings.Index(trimmed[skip:], rest)
						end = s + len(trimmed)
					}
					break
				}
			}
			if start < 0 {
				start = s
			}
			end = s + len(trimmed)
		}
		if trimmed != "" {
			first = false
		}
		lineStart = next
	}
	if start >= 0 {
		out = append(out, rawBlock{start: start, end: end})
	}
	return out
}

// listMarker recognises the start of a Markdown list item. It returns how
// many bytes of a bullet ("- ", "* ", "+ ") to leave out of the block; an
// ordered marker ("3. ", "3) ") stays in the text, since its number is
// content the numbering check compares.
func listMarker(line string) (skip int, ok bool) {
	if len(line) >= 2 && strings.ContainsRune("-*+", rune(line[0])) && (line[1] == ' ' || line[1] == '\t') {
		if strings.Trim(line, "-*+ \t") == "" {
			return 0, false // a thematic break
		}
		return 2, true
	}
	i := 0
	for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && (line[i+1] == ' ' || line[i+1] == '\t') {
		return 0, true
	}
	return 0, false
}

// splitByLanguage cuts a block whose lines are in different languages into
// runs of lines of one language (a heading line in Chinese followed by a
// navigation line in English, as saved web pages have).
func splitByLanguage(text string, b rawBlock) []rawBlock {
	body := text[b.start:b.end]
	if !strings.Contains(body, "\n") {
		return []rawBlock{b}
	}
	type line struct {
		s, e int
		l    align.Lang
		ok   bool
	}
	var lines []line
	off := b.start
	for _, ln := range strings.Split(body, "\n") {
		t := strings.TrimSpace(ln)
		if t != "" {
			s := off + strings.Index(ln, t)
			l, ok := LangOf(t)
			lines = append(lines, line{s, s + len(t), l, ok})
		}
		off += len(ln) + 1
	}
	var out []rawBlock
	cur := rawBlock{start: -1, end: -1, unit: b.unit}
	var curLang align.Lang
	for _, ln := range lines {
		if cur.start >= 0 && (!ln.ok || ln.l == curLang) {
			cur.end = ln.e
			continue
		}
		if cur.start >= 0 {
			out = append(out, cur)
		}
		cur = rawBlock{start: ln.s, end: ln.e, unit: b.unit}
		curLang = ln.l
	}
	if cur.start >= 0 {
		out = append(out, cur)
	}
	return out
}

func isMarkdown(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")
}

// Interleaved builds a document from one file in which English and Chinese
// paragraphs alternate (in either order), with whatever furniture the page
// had. The language of each block is decided by its script.
func Interleaved(path, text string) (*align.Document, error) {
	return interleavedFrom(path, align.NewSource(path, text), splitBlocks(text, isMarkdown(path)))
}

// interleavedFrom builds an interleaved document from blocks of a source,
// cutting blocks whose lines are in different languages.
func interleavedFrom(path string, src *align.Source, blocks []rawBlock) (*align.Document, error) {
	text := src.Text
	doc := &align.Document{Name: path, Shape: align.Interleaved, ZhSrc: src, EnSrc: src}
	seq := 0
	for _, rb := range blocks {
		for _, b := range splitByLanguage(text, rb) {
			t := text[b.start:b.end]
			l, ok := LangOf(t)
			blk := &align.Block{Lang: l, Seq: seq, Src: src, Start: b.start, End: b.end, Text: t, Unit: rb.unit}
			seq++
			switch {
			case !ok:
				doc.Other = append(doc.Other, blk)
			case l == align.Zh:
				blk.Index = len(doc.Zh)
				doc.Zh = append(doc.Zh, blk)
			default:
				blk.Index = len(doc.En)
				doc.En = append(doc.En, blk)
			}
		}
	}
	if len(doc.Zh) == 0 {
		return nil, errorf(path, -1, "no Chinese paragraph found (an interleaved file needs both languages)")
	}
	if len(doc.En) == 0 {
		return nil, errorf(path, -1, "no English paragraph found (an interleaved file needs both languages)")
	}
	if err := checkSizes(doc); err != nil {
		return nil, err
	}
	doc.Layout = layoutLinks(doc)
	doc.Split()
	return doc, nil
}

// layoutLinks pairs each block with its neighbour of the other language, in
// whichever order (English first or Chinese first) the page mostly follows:
// the order whose groups have the most consistent length ratio. A group is
// a run of blocks of the first language with the run of the other language
// after it, measured together: a page that follows each Chinese paragraph
// with the several English paragraphs it became is read in its own order,
// where the single neighbours of either order would measure a piece of a
// translation against a whole paragraph.
func layoutLinks(doc *align.Document) []align.Link {
	var all []*align.Block
	all = append(all, doc.Zh...)
	all = append(all, doc.En...)
	sort.Slice(all, func(a, b int) bool { return all[a].Seq < all[b].Seq })
	// several blocks of one language followed by several of the other
	// (a date line and a name, each translated in two lines) say that
	// they belong together, not that the two that meet pair
	several := func(k int) bool {
		return k > 0 && all[k-1].Lang == all[k].Lang && k+2 < len(all) && all[k+2].Lang == all[k+1].Lang
	}
	try := func(first align.Lang) []align.Link {
		var links []align.Link
		for k := 0; k+1 < len(all); k++ {
			a, b := all[k], all[k+1]
			if a.Lang == first && b.Lang != first && b.Seq == a.Seq+1 && !several(k) {
				if first == align.Zh {
					links = append(links, align.Link{Zh: a.Index, En: b.Index})
				} else {
					links = append(links, align.Link{Zh: b.Index, En: a.Index})
				}
				k++
			}
		}
		return links
	}
	// the log length ratio of each group when first leads
	groups := func(first align.Lang) []float64 {
		var rs []float64
		k := 0
		for k < len(all) {
			if all[k].Lang != first {
				k++
				continue
			}
			var n [2]int // lengths: first's run, the other's
			for ; k < len(all) && all[k].Lang == first; k++ {
				n[0] += align.Length(all[k].Text)
			}
			if k == len(all) {
				break
			}
			for ; k < len(all) && all[k].Lang != first; k++ {
				n[1] += align.Length(all[k].Text)
			}
			z, e := n[0], n[1]
			if first == align.En {
				z, e = e, z
			}
			rs = append(rs, math.Log(float64(e+1)/float64(z+1)))
		}
		return rs
	}
	score := func(rs []float64) int {
		if len(rs) == 0 {
			return 0
		}
		s := append([]float64(nil), rs...)
		sort.Float64s(s)
		med := s[len(s)/2]
		n := 0
		for _, r := range rs {
			if math.Abs(r-med) < 0.5 {
				n++
			}
		}
		return n
	}
	if score(groups(align.Zh)) > score(groups(align.En)) {
		return try(align.Zh)
	}
	return try(align.En)
}

// TwoFiles builds a document from a Chinese file and an English file, one
// paragraph per blank-line-separated block. Blocks belong to the side of
// their file whatever their script (a check reports an English paragraph on
// the Chinese side).
func TwoFiles(zhPath, zhText, enPath, enText string) (*align.Document, error) {
	zs, es := align.NewSource(zhPath, zhText), align.NewSource(enPath, enText)
	return twoFilesFrom(zs, splitBlocks(zhText, isMarkdown(zhPath)), es, splitBlocks(enText, isMarkdown(enPath)))
}

// sideOf makes the blocks of one file of a two-file pair, cut from one
// array: a long document has tens of thousands, kept for the run, and
// each allocated alone took its allocator size class's rounding up (8
// bytes a block) besides.
func sideOf(l align.Lang, src *align.Source, raw []rawBlock) []*align.Block {
	if len(raw) == 0 {
		return nil
	}
	blocks := make([]align.Block, len(raw))
	out := make([]*align.Block, len(raw))
	for i, b := range raw {
		blocks[i] = align.Block{Lang: l, Index: i, Seq: i, Src: src, Start: b.start, End: b.end, Text: src.Text[b.start:b.end], Unit: b.unit}
		out[i] = &blocks[i]
	}
	return out
}

// twoFilesFrom builds a two-file document from the blocks of two sources.
func twoFilesFrom(zs *align.Source, zb []rawBlock, es *align.Source, eb []rawBlock) (*align.Document, error) {
	if !lang.HasHan(zs.Text) {
		return nil, errorf(zs.Path, -1, "no Chinese text found in the Chinese file")
	}
	if !lang.HasLatin(es.Text) {
		return nil, errorf(es.Path, -1, "no English text found in the English file")
	}
	doc := &align.Document{Name: zs.Path + " | " + es.Path, Shape: align.TwoFiles, ZhSrc: zs, EnSrc: es}
	doc.Zh, doc.En = sideOf(align.Zh, zs, zb), sideOf(align.En, es, eb)
	if err := checkSizes(doc); err != nil {
		return nil, err
	}
	doc.Split()
	return doc, nil
}
