package input

import (
	"io"

	"github.com/aligncheck/aligncheck/align"
)

// Options steer reading.
type Options struct {
	// Encoding forces a text encoding ("utf-8", "gb18030", "big5",
	// "utf-16le", …); empty detects it.
	Encoding string
}

// Open reads one input path (or "-" for stdin) and returns the documents it
// holds. The format is chosen by the file name: interleaved text or
// Markdown for .txt, .md and anything unknown.
func Open(path string, stdin io.Reader, opt Options) ([]*align.Document, error) {
	text, shown, err := ReadFile(path, stdin)
	if err != nil {
		return nil, err
	}
	d, err := Interleaved(shown, text)
	if err != nil {
		return nil, err
	}
	return []*align.Document{d}, nil
}

// OpenPair reads a Chinese and an English file as one document.
func OpenPair(zhPath, enPath string, stdin io.Reader, opt Options) (*align.Document, error) {
	zt, zp, err := ReadFile(zhPath, stdin)
	if err != nil {
		return nil, err
	}
	et, ep, err := ReadFile(enPath, stdin)
	if err != nil {
		return nil, err
	}
	return TwoFiles(zp, zt, ep, et)
}
