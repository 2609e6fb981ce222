package align

import (
	"sort"
	"unicode/utf8"
)

// Source is one input file (or stdin, or a text given on the command line)
// held in memory exactly as decoded. Every span the tool reports points into
// a Source, so positions always refer to what the user gave.
type Source struct {
	Path string // as the user named it; "<stdin>" for "-"
	Text string // decoded text, byte for byte as read when it was UTF-8

	lineStarts []int // byte offset of the first byte of each line
}

// NewSource indexes text for line and column look-ups.
func NewSource(path, text string) *Source {
	s := &Source{Path: path, Text: text, lineStarts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	return s
}

// Position converts a byte offset into a 1-based line and a 1-based column
// counted in characters (runes). A '\r' before '\n' counts as a character of
// the line it ends, as editors show it.
func (s *Source) Position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(s.Text) {
		off = len(s.Text)
	}
	i := sort.Search(len(s.lineStarts), func(k int) bool { return s.lineStarts[k] > off }) - 1
	return i + 1, utf8.RuneCountInString(s.Text[s.lineStarts[i]:off]) + 1
}

// Span returns the location of Text[start:end].
func (s *Source) Span(start, end int) Span {
	if end < start {
		end = start
	}
	l1, c1 := s.Position(start)
	l2, c2 := s.Position(end)
	return Span{Path: s.Path, Line: l1, Column: c1, EndLine: l2, EndColumn: c2, Start: start, End: end, Text: s.Text[start:end]}
}

// Lines is the number of lines in the source.
func (s *Source) Lines() int { return len(s.lineStarts) }

// Span is a located piece of a source: 1-based line and column of its first
// character, and of the character just after it (EndColumn is exclusive, as
// in SARIF). Start and End are byte offsets into the source text.
type Span struct {
	Path      string
	Line      int
	Column    int
	EndLine   int
	EndColumn int
	Start     int
	End       int
	Text      string
}
