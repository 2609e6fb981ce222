package input

import (
	"bufio"
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/aligncheck/aligncheck/align"
)

// Options steer reading.
type Options struct {
	// Encoding forces a text encoding ("utf-8", "gb18030", "big5",
	// "utf-16le", …); empty detects it.
	Encoding string
	// Chunk, when > 0, makes Each hand a pre-aligned format (TMX, XLIFF,
	// CSV/TSV, JSONL) over as documents of at most Chunk units, so that a
	// caller can check and drop each before reading on: memory then stays
	// bounded whatever the size of the file. Open ignores it. Each such
	// document has a Window; its own units are Chunk at most.
	Chunk int
	// Overlap, with Chunk, adds up to Overlap units of context before and
	// after each window's own (read again from its neighbours), so that a
	// check comparing a pair with its neighbours sees across the cut.
	Overlap int
	// Furniture, when set, tells page furniture with its phrases (the
	// built-in ones and a site's own) instead of the built-in ones alone.
	Furniture *align.Furniture
}

// Format is an input format.
type Format int

const (
	FormatText Format = iota // interleaved plain text
	FormatMarkdown
	FormatTMX
	FormatXLIFF
	FormatCSV // CSV or TSV
	FormatJSONL
	FormatHTML
	FormatDOCX
)

var formatNames = [...]string{"text", "markdown", "tmx", "xliff", "csv", "jsonl", "html", "docx"}

func (f Format) String() string { return formatNames[f] }

// FormatOf chooses a format by file extension, then, for unknown
// extensions and standard input, by the first bytes.
func FormatOf(path string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".tmx":
		return FormatTMX
	case ".xlf", ".xliff", ".sdlxliff", ".mqxliff":
		return FormatXLIFF
	case ".csv", ".tsv", ".tab":
		return FormatCSV
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".docx":
		return FormatDOCX
	case ".txt", ".text":
		return FormatText
	}
	return sniff(head)
}

func sniff(head []byte) Format {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return FormatDOCX
	}
	h := bytes.TrimPrefix(head, bomUTF8)
	if bytes.HasPrefix(h, bomUTF16LE) || bytes.HasPrefix(h, bomUTF16BE) {
		h = bytes.ReplaceAll(h[2:], []byte{0}, nil)
	}
	h = bytes.TrimSpace(h)
	low := bytes.ToLower(h[:min(len(h), 2048)])
	switch {
	case bytes.HasPrefix(low, []byte("<?xml")) || bytes.HasPrefix(low, []byte("<!doctype tmx")) || bytes.HasPrefix(low, []byte("<tmx")) || bytes.HasPrefix(low, []byte("<xliff")):
		switch {
		case bytes.Contains(low, []byte("<tmx")):
			return FormatTMX
		case bytes.Contains(low, []byte("<xliff")):
			return FormatXLIFF
		case bytes.Contains(low, []byte("<html")):
			return FormatHTML
		}
	case bytes.HasPrefix(low, []byte("<!doctype html")) || bytes.HasPrefix(low, []byte("<html")):
		return FormatHTML
	case bytes.HasPrefix(h, []byte("{")):
		return FormatJSONL
	}
	return FormatText
}

// Open reads one input path (or "-" for stdin) and returns the documents it
// holds (one per file). The format is chosen by FormatOf: interleaved text
// or Markdown, TMX, XLIFF, CSV/TSV, JSONL, HTML or DOCX.
func Open(path string, stdin io.Reader, opt Options) ([]*align.Document, error) {
	opt.Chunk = 0
	var docs []*align.Document
	err := Each(path, stdin, opt, func(d *align.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// Each reads one input like Open and hands each document to yield as soon
// as it is complete; see Options.Chunk. An error from yield stops reading
// and is returned.
func Each(path string, stdin io.Reader, opt Options, yield func(*align.Document) error) error {
	read := yield
	yield = func(d *align.Document) error {
		d.Furnish(opt.Furniture)
		return read(d)
	}
	f, stdin, err := detect(path, stdin)
	if err != nil {
		return err
	}
	switch f {
	case FormatTMX, FormatXLIFF, FormatCSV, FormatJSONL:
		s, err := openStream(path, stdin, opt.Encoding, f == FormatTMX || f == FormatXLIFF)
		if err != nil {
			return err
		}
		defer s.Close()
		p := pieces{chunk: max(0, opt.Chunk)}
		if p.chunk > 0 {
			p.overlap = min(max(0, opt.Overlap), p.chunk)
		}
		switch f {
		case FormatTMX:
			return readTMX(s, p, yield)
		case FormatXLIFF:
			return readXLIFF(s, p, yield)
		case FormatCSV:
			return readTable(s, p, yield)
		default:
			return readJSONL(s, p, yield)
		}
	case FormatDOCX:
		data, shown, err := readRaw(path, stdin)
		if err != nil {
			return err
		}
		d, err := DOCXDoc(shown, data)
		if err != nil {
			return err
		}
		return yield(d)
	}
	text, shown, err := readText(path, stdin, opt.Encoding)
	if err != nil {
		return err
	}
	var d *align.Document
	if f == FormatHTML {
		d, err = HTMLDoc(shown, text)
	} else {
		d, err = Interleaved(shown, text)
	}
	if err != nil {
		return err
	}
	return yield(d)
}

// detect peeks at the input to choose its format; for stdin it returns a
// reader that still holds the peeked bytes.
func detect(path string, stdin io.Reader) (Format, io.Reader, error) {
	var head []byte
	if path == "-" {
		if stdin == nil {
			return 0, nil, errorf("<stdin>", -1, "no standard input")
		}
		br := bufio.NewReaderSize(stdin, 64<<10)
		head, _ = br.Peek(4096)
		return sniff(head), br, nil
	}
	if f := FormatOf(path, nil); f != FormatText || strings.EqualFold(filepath.Ext(path), ".txt") {
		return f, stdin, nil
	}
	if err := statRegular(path); err != nil {
		return 0, nil, err
	}
	fh, err := os.Open(path)
	if err != nil {
		return 0, nil, errorf(path, -1, "%v", unwrapPathError(err))
	}
	defer fh.Close()
	head = make([]byte, 4096)
	n, _ := io.ReadFull(fh, head)
	return sniff(head[:n]), stdin, nil
}

// OpenPair reads a Chinese and an English file as one document. Each may
// be text, Markdown, HTML or DOCX; its paragraphs belong to its side.
func OpenPair(zhPath, enPath string, stdin io.Reader, opt Options) (*align.Document, error) {
	zs, zb, err := sideBlocks(zhPath, stdin, opt)
	if err != nil {
		return nil, err
	}
	es, eb, err := sideBlocks(enPath, stdin, opt)
	if err != nil {
		return nil, err
	}
	d, err := twoFilesFrom(zs, zb, es, eb)
	if err != nil {
		return nil, err
	}
	d.Furnish(opt.Furniture)
	return d, nil
}

// maxBlockBytes is the longest paragraph a document may hold, and
// maxSideBytes the most text one language of a document may hold: the
// word alignment keeps its tokens' byte offsets, into the text of one
// language's paragraphs read one after another, in 32 bits. (Variables so
// that a test can lower them.)
var (
	maxBlockBytes = math.MaxInt32
	maxSideBytes  = math.MaxUint32
)

// checkSizes refuses a document with a paragraph longer than
// maxBlockBytes, or with more than maxSideBytes of Chinese or of English
// text, naming the file and where the paragraph that is too long, or that
// passes the bound, starts. Every reader calls it on the document it
// builds (interleavedFrom, twoFilesFrom, and mapped.emit and mapped.next
// for the pre-aligned formats).
func checkSizes(d *align.Document) error {
	for _, bs := range [][]*align.Block{d.Zh, d.En, d.Other} {
		for _, b := range bs {
			if len(b.Text) > maxBlockBytes {
				return errorf(b.Src.Path, b.Start, "a paragraph of %d bytes: more than %d, the most one paragraph may hold; break it with blank lines", len(b.Text), maxBlockBytes)
			}
		}
	}
	for l, bs := range [][]*align.Block{d.Zh, d.En} {
		total := 0
		for _, b := range bs {
			if total += len(b.Text); total > maxSideBytes {
				return errorf(b.Src.Path, b.Start, "the document's %s text passes %d bytes at this paragraph, the most one document may hold in a language; split the document",
					[]string{"Chinese", "English"}[l], maxSideBytes)
			}
		}
	}
	return nil
}

// sideBlocks reads one side of a pair into a source and its blocks.
func sideBlocks(path string, stdin io.Reader, opt Options) (*align.Source, []rawBlock, error) {
	f, stdin, err := detect(path, stdin)
	if err != nil {
		return nil, nil, err
	}
	switch f {
	case FormatDOCX:
		data, shown, err := readRaw(path, stdin)
		if err != nil {
			return nil, nil, err
		}
		paras, err := docxParagraphs(shown, data)
		if err != nil {
			return nil, nil, err
		}
		m, blocks := docxBlocks(shown, paras)
		return align.NewMappedSource(shown, m.text.String(), m.anchors), blocks, nil
	case FormatTMX, FormatXLIFF, FormatCSV, FormatJSONL:
		return nil, nil, errorf(path, -1, "a %s file holds both languages: give it as one input, not with --zh/--en", f)
	}
	text, shown, err := readText(path, stdin, opt.Encoding)
	if err != nil {
		return nil, nil, err
	}
	if f == FormatHTML {
		m, blocks := extractHTML(shown, text)
		return align.NewMappedSource(shown, m.text.String(), m.anchors), blocks, nil
	}
	return align.NewSource(shown, text), splitBlocks(text, f == FormatMarkdown || isMarkdown(shown)), nil
}
