package driver

import (
	"io"
	"os"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
)

// Paths that findings show for texts given directly rather than in files:
// --zh-text and --en-text, the API's "zh", "en" and "text".
const (
	ZhTextPath = "<zh-text>"
	EnTextPath = "<en-text>"
	TextPath   = "<text>"
)

// Inputs are documents a front end names directly instead of paths to
// discover: a Chinese and an English file (--zh, --en; "-" for standard
// input), or a Chinese and an English text (--zh-text, --en-text; each a
// paragraph or several separated by blank lines, "-" for standard input).
type Inputs struct {
	Zh, En         string
	ZhText, EnText string
}

func (in Inputs) given() bool {
	return in.Zh != "" || in.En != "" || in.ZhText != "" || in.EnText != ""
}

// load reads the inputs, or the files named in pos when there are none.
func (in Inputs) load(pos []string, stdin io.Reader, opt input.Options) ([]*align.Document, error) {
	if in.ZhText != "" || in.EnText != "" {
		return in.texts(pos, stdin, opt.Furniture)
	}
	if in.Zh != "" || in.En != "" {
		if in.Zh == "" || in.En == "" {
			return nil, Usagef("--zh and --en go together")
		}
		if len(pos) > 0 {
			return nil, Usagef("give either --zh/--en or a file, not both")
		}
		if in.Zh == "-" && in.En == "-" {
			return nil, Usagef("only one of --zh and --en can read stdin")
		}
		if sameFile(in.Zh, in.En) {
			return nil, Usagef("--zh and --en name the same file %s", in.Zh)
		}
		d, err := input.OpenPair(in.Zh, in.En, stdin, opt)
		if err != nil {
			return nil, err
		}
		return []*align.Document{d}, nil
	}
	if len(pos) == 0 {
		return nil, Usagef("check: no input (give a FILE, or --zh FILE --en FILE)")
	}
	var docs []*align.Document
	for _, p := range pos {
		ds, err := input.Open(p, stdin, opt)
		if err != nil {
			return nil, err
		}
		docs = append(docs, ds...)
	}
	return docs, nil
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) bool {
	if a == "-" || b == "-" {
		return false
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// texts builds the document of --zh-text and --en-text (the two-file
// shape). Positions in findings count from the start of each text.
func (in Inputs) texts(pos []string, stdin io.Reader, f *align.Furniture) ([]*align.Document, error) {
	switch {
	case in.ZhText == "" || in.EnText == "":
		return nil, Usagef("--zh-text and --en-text go together")
	case in.Zh != "" || in.En != "" || len(pos) > 0:
		return nil, Usagef("give either --zh-text/--en-text or files, not both")
	case in.ZhText == "-" && in.EnText == "-":
		return nil, Usagef("only one of --zh-text and --en-text can read stdin")
	}
	zh, err := commandLineText(ZhTextPath, in.ZhText, stdin)
	if err != nil {
		return nil, err
	}
	en, err := commandLineText(EnTextPath, in.EnText, stdin)
	if err != nil {
		return nil, err
	}
	d, err := input.TwoFiles(ZhTextPath, zh, EnTextPath, en)
	if err != nil {
		return nil, err
	}
	d.Furnish(f)
	return []*align.Document{d}, nil
}

// commandLineText is the text of one --*-text flag: the argument itself, or
// standard input for "-", held to the same rules as a file (UTF-8, no
// binary data).
func commandLineText(shown, arg string, stdin io.Reader) (string, error) {
	if arg == "-" {
		text, _, err := input.ReadFile("-", stdin)
		if err != nil {
			if ie, ok := err.(*input.Error); ok {
				ie.Path = shown + " (stdin)"
			}
			return "", err
		}
		return text, nil
	}
	if strings.TrimSpace(arg) == "" {
		return "", Usagef("%s: the text is empty", shown)
	}
	return input.Decode(shown, []byte(arg))
}

// TextDocument is the document of a Chinese and an English text given as
// they are (the API's "zh" and "en"), read as --zh-text and --en-text are,
// page furniture told by f (Driver.Furniture; nil for the built-in phrases).
func TextDocument(zh, en string, f *align.Furniture) (*align.Document, error) {
	z, err := input.Decode(ZhTextPath, []byte(zh))
	if err != nil {
		return nil, err
	}
	e, err := input.Decode(EnTextPath, []byte(en))
	if err != nil {
		return nil, err
	}
	d, err := input.TwoFiles(ZhTextPath, z, EnTextPath, e)
	if err != nil {
		return nil, err
	}
	d.Furnish(f)
	return d, nil
}

// InterleavedText is the document of a text holding both languages
// interleaved (the API's "text"), read as an interleaved file is, page
// furniture told by f (nil for the built-in phrases).
func InterleavedText(text string, f *align.Furniture) (*align.Document, error) {
	t, err := input.Decode(TextPath, []byte(text))
	if err != nil {
		return nil, err
	}
	d, err := input.Interleaved(TextPath, t)
	if err != nil {
		return nil, err
	}
	d.Furnish(f)
	return d, nil
}
