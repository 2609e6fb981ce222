package input

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/align"
)

// DOCX limits: the decompressed size of word/document.xml, and the
// compression ratio above which a large entry is taken for a zip bomb.
const (
	maxDocxXML   = 256 << 20
	maxDocxRatio = 100
)

// A DOCX has no lines worth pointing at, so its paragraphs live in a mapped
// Source whose "line" is the paragraph number: report.docx:12:5 is the
// fifth character of the twelfth paragraph (counting paragraphs with text,
// table cells included, in document order), and Block.Unit says
// "paragraph 12" (or "table 1 row 3" for a bilingual table).

type docxPara struct {
	n             int // paragraph number
	text          string
	breaks        []int // byte offsets of line breaks in text
	tbl, row, col int   // -1 outside a table
}

// docxParagraphs reads the paragraphs of word/document.xml.
func docxParagraphs(path string, data []byte) ([]docxPara, error) {
	rc, size, err := openDocumentXML(path, data)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: int64(size) + 1}
	s := &stream{r: bufio.NewReaderSize(lr, 64<<10), shown: path}
	x := newXMLIn(s)
	r := &docxReader{tbl: -1, row: -1, col: -1}
	for {
		t, err := x.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var ze *Error
			if errors.As(err, &ze) {
				ze.Msg = "word/document.xml: " + ze.Msg
				return nil, ze
			}
			return nil, errorf(path, -1, "word/document.xml: %v", err)
		}
		if lr.N <= 0 {
			return nil, errorf(path, -1, "word/document.xml is larger than it declares")
		}
		switch t := t.(type) {
		case xml.StartElement:
			r.start(t.Name.Local)
		case xml.EndElement:
			r.end(t.Name.Local)
		case xml.CharData:
			if r.inPara > 0 && r.inDel == 0 && r.inInstr == 0 {
				r.cur.Write(t)
			}
		}
	}
	if lr.N <= 0 {
		return nil, errorf(path, -1, "word/document.xml is larger than it declares")
	}
	return r.paras, nil
}

// openDocumentXML opens word/document.xml of a DOCX archive, refusing one
// larger than maxDocxXML or, when large, compressed more than maxDocxRatio
// to one (a zip bomb); size is its declared size.
func openDocumentXML(path string, data []byte) (rc io.ReadCloser, size uint64, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, errorf(path, -1, "not a valid DOCX file (zip archive): %v", err)
	}
	// Part names are case-insensitive (OPC): an archive with two entries
	// for the document is refused, since which one a reader takes (Word,
	// LibreOffice, this one) differs, and a reviewer would see another
	// text than the one checked.
	var doc *zip.File
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "word/document.xml") {
			if doc != nil {
				return nil, 0, errorf(path, -1, "not a valid DOCX file: the archive holds word/document.xml twice (%q and %q)", doc.Name, f.Name)
			}
			doc = f
		}
	}
	if doc == nil {
		return nil, 0, errorf(path, -1, "not a DOCX file: the archive has no word/document.xml")
	}
	size, packed := doc.UncompressedSize64, doc.CompressedSize64
	if size > maxDocxXML {
		return nil, 0, errorf(path, -1, "word/document.xml declares %d bytes uncompressed; the limit is %d", size, maxDocxXML)
	}
	if size > 1<<20 && size > maxDocxRatio*max(packed, 1) {
		return nil, 0, errorf(path, -1, "word/document.xml expands %d:1 (%d to %d bytes); refused as a likely zip bomb", size/max(packed, 1), packed, size)
	}
	rc, err = doc.Open()
	if err != nil {
		return nil, 0, errorf(path, -1, "word/document.xml: %v", err)
	}
	return rc, size, nil
}

// docxReader gathers the paragraphs of word/document.xml: the text of each
// w:p (deleted and field-instruction text left out), with the table, row
// and cell of the outermost table it sits in.
type docxReader struct {
	paras                   []docxPara
	cur                     strings.Builder
	breaks                  []int
	inPara, inDel, inInstr  int
	tblDepth, tbl, row, col int
	n                       int // paragraphs with text so far
}

func (r *docxReader) start(name string) {
	text := r.inPara > 0 && r.inDel == 0
	switch name {
	case "p":
		r.inPara++
		if r.inPara == 1 {
			r.cur.Reset()
			r.breaks = r.breaks[:0]
		}
	case "del", "moveFrom":
		r.inDel++
	case "instrText", "delText":
		r.inInstr++
	case "tab":
		if text {
			r.cur.WriteByte('\t')
		}
	case "br", "cr":
		if text {
			r.breaks = append(r.breaks, r.cur.Len())
			r.cur.WriteByte('\n')
		}
	case "noBreakHyphen":
		if text {
			r.cur.WriteByte('-')
		}
	case "tbl":
		r.tblDepth++
		if r.tblDepth == 1 {
			r.tbl++
			r.row = -1
		}
	case "tr":
		if r.tblDepth == 1 {
			r.row++
			r.col = -1
		}
	case "tc":
		if r.tblDepth == 1 {
			r.col++
		}
	}
}

func (r *docxReader) end(name string) {
	switch name {
	case "p":
		r.inPara--
		if r.inPara == 0 {
			r.paragraph()
		}
	case "del", "moveFrom":
		r.inDel--
	case "instrText", "delText":
		r.inInstr--
	case "tbl":
		r.tblDepth--
	}
}

// paragraph ends a paragraph: kept when it has text.
func (r *docxReader) paragraph() {
	text := r.cur.String()
	if strings.TrimSpace(text) == "" {
		return
	}
	r.n++
	p := docxPara{n: r.n, text: text, breaks: append([]int(nil), r.breaks...), tbl: -1, row: -1, col: -1}
	if r.tblDepth > 0 {
		p.tbl, p.row, p.col = r.tbl, r.row, r.col
	}
	r.paras = append(r.paras, p)
}

// addPara appends a paragraph (or cell) to m, anchored at line = paragraph
// number; a line break inside stays on the same "line".
func addPara(m *mapped, ps []docxPara) span {
	var seg segment
	for k, p := range ps {
		if k > 0 {
			seg.text.WriteByte('\n')
		}
		seg.mark(p.n, 1)
		prev := 0
		for _, b := range p.breaks {
			seg.text.WriteString(p.text[prev : b+1])
			seg.mark(p.n, b+2)
			prev = b + 1
		}
		seg.text.WriteString(p.text[prev:])
	}
	return m.add(&seg)
}

// DOCXDoc builds a document from a .docx file: the rows of its bilingual
// two-column tables as pre-aligned pairs when it has such tables (other
// paragraphs are then left out), else its paragraphs as an interleaved
// document.
func DOCXDoc(path string, data []byte) (*align.Document, error) {
	paras, err := docxParagraphs(path, data)
	if err != nil {
		return nil, err
	}
	if len(paras) == 0 {
		return nil, errorf(path, -1, "the document has no text")
	}
	if d := docxTablePairs(path, paras); d != nil {
		return d, nil
	}
	m, blocks := docxBlocks(path, paras)
	src := align.NewMappedSource(path, m.text.String(), m.anchors)
	return interleavedFrom(path, src, blocks)
}

func docxBlocks(path string, paras []docxPara) (*mapped, []rawBlock) {
	m := &mapped{path: path}
	var blocks []rawBlock
	for i := range paras {
		if sp := addPara(m, paras[i:i+1]); sp.start >= 0 {
			blocks = append(blocks, rawBlock{start: sp.start, end: sp.end, unit: "paragraph " + strconv.Itoa(paras[i].n)})
		}
	}
	return m, blocks
}

// docxTablePairs finds tables whose rows hold a Chinese cell and an English
// cell (most rows, two columns) and makes their rows pairs; nil when none.
func docxTablePairs(path string, paras []docxPara) *align.Document {
	type cellKey struct{ tbl, row, col int }
	cells := map[cellKey][]docxPara{}
	var order []cellKey
	for _, p := range paras {
		if p.tbl < 0 {
			continue
		}
		k := cellKey{p.tbl, p.row, p.col}
		if _, ok := cells[k]; !ok {
			order = append(order, k)
		}
		cells[k] = append(cells[k], p)
	}
	cellLang := func(k cellKey) (align.Lang, bool) {
		var b strings.Builder
		for _, p := range cells[k] {
			b.WriteString(p.text)
		}
		return LangOf(b.String())
	}
	// per table: rows with one Chinese and one English cell among the first two
	type rowKey struct{ tbl, row int }
	good, rows := map[int]int{}, map[int]int{}
	seenRow := map[rowKey]bool{}
	for _, k := range order {
		rk := rowKey{k.tbl, k.row}
		if seenRow[rk] {
			continue
		}
		seenRow[rk] = true
		rows[k.tbl]++
		l0, ok0 := cellLang(cellKey{k.tbl, k.row, 0})
		l1, ok1 := cellLang(cellKey{k.tbl, k.row, 1})
		if ok0 && ok1 && l0 != l1 {
			good[k.tbl]++
		}
	}
	bilingual := map[int]bool{}
	for t, n := range rows {
		if good[t] >= 2 && good[t]*10 >= n*6 {
			bilingual[t] = true
		}
	}
	if len(bilingual) == 0 {
		return nil
	}
	m := &mapped{path: path}
	done := map[rowKey]bool{}
	for _, k := range order {
		rk := rowKey{k.tbl, k.row}
		if !bilingual[k.tbl] || done[rk] {
			continue
		}
		done[rk] = true
		u := unit{zh: noSpan, en: noSpan, name: "table " + strconv.Itoa(k.tbl+1) + " row " + strconv.Itoa(k.row+1)}
		for c := 0; c < 2; c++ {
			ck := cellKey{k.tbl, k.row, c}
			if len(cells[ck]) == 0 {
				continue
			}
			l, ok := cellLang(ck)
			if !ok {
				continue
			}
			if l == align.Zh && u.zh.start < 0 {
				u.zh = addPara(m, cells[ck])
			} else if l == align.En && u.en.start < 0 {
				u.en = addPara(m, cells[ck])
			}
		}
		if u.zh.start >= 0 || u.en.start >= 0 {
			m.push(u)
		}
	}
	return m.preAligned(len(m.units))
}
