package main

import (
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
)

// Paths that findings show for texts given with --zh-text and --en-text.
const (
	zhTextPath = "<zh-text>"
	enTextPath = "<en-text>"
)

// textDocuments builds the document of --zh-text and --en-text: each a
// paragraph or several separated by blank lines (the two-file shape), "-"
// for standard input. Positions in findings count from the start of each
// text.
func textDocuments(f checkFlags, pos []string, stdin io.Reader) ([]*align.Document, error) {
	switch {
	case f.zhText == "" || f.enText == "":
		return nil, usagef("--zh-text and --en-text go together")
	case f.zh != "" || f.en != "" || len(pos) > 0:
		return nil, usagef("give either --zh-text/--en-text or files, not both")
	case f.zhText == "-" && f.enText == "-":
		return nil, usagef("only one of --zh-text and --en-text can read stdin")
	}
	zh, err := commandLineText(zhTextPath, f.zhText, stdin)
	if err != nil {
		return nil, err
	}
	en, err := commandLineText(enTextPath, f.enText, stdin)
	if err != nil {
		return nil, err
	}
	d, err := input.TwoFiles(zhTextPath, zh, enTextPath, en)
	if err != nil {
		return nil, err
	}
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
		return "", usagef("%s: the text is empty", shown)
	}
	return input.Decode(shown, []byte(arg))
}
