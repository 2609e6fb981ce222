package align

import (
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// Source is one input file (or stdin, or a text given on the command line)
// held in memory exactly as decoded. Every span the tool reports points into
// a Source, so positions always refer to what the user gave.
type Source struct {
	Path string // as the user named it; "<stdin>" for "-"
	Text string // decoded text, byte for byte as read when it was UTF-8

	lineStarts []int // byte offset of the first byte of each line

	// anchors, when set, tie offsets of Text to positions in the file it
	// was extracted from (see NewMappedSource).
	anchors []Anchor

	// marks count the runes of Text at steps through it, made on the first
	// column asked for far into a long line (runesBetween)
	marksOnce sync.Once
	marks     []runeMark
	// valid: Text is valid UTF-8, so that the runes of a piece cut at
	// rune starts are its bytes that start one (runeCount); set with the
	// marks
	valid bool
}

// runeMark: off is a rune boundary of Text (as utf8 decodes it from the
// start), runes the number of runes before it.
type runeMark struct{ off, runes int }

// runeMarkStep is the spacing of the marks in bytes; a column within this
// many bytes of its line's start is counted directly.
const runeMarkStep = 256

// Anchor ties a byte offset of a mapped Source's Text to the 1-based line and
// column (in characters) of the same character in the file the text was
// extracted from. Fields are int32 to keep a large memory's map small.
type Anchor struct {
	Off, Line, Column int32
}

// NewMappedSource makes a Source whose Text is extracted from a file rather
// than the file itself: the segments of a translation memory with their
// entities decoded and inline tags replaced by placeholders, the text of an
// HTML page, the paragraphs of a DOCX. anchors, sorted by Off, say where in
// the file each piece of Text starts; a position between anchors is
// counted on from the last anchor before it (characters on the same line,
// lines at each newline of Text), so lines stay right and columns are exact
// up to the first entity or tag after an anchor.
func NewMappedSource(path, text string, anchors []Anchor) *Source {
	return &Source{Path: path, Text: text, anchors: anchors, lineStarts: lineStarts(text)}
}

// NewSource indexes text for line and column look-ups.
func NewSource(path, text string) *Source {
	return &Source{Path: path, Text: text, lineStarts: lineStarts(text)}
}

// lineStarts lists the offset of each line of text: 0, and each byte after
// a newline.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return starts
}

// lineOf is the index of the line holding offset off.
func (s *Source) lineOf(off int) int {
	return sort.Search(len(s.lineStarts), func(k int) bool { return s.lineStarts[k] > off }) - 1
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
	if s.anchors != nil {
		return s.mappedPosition(off)
	}
	i := s.lineOf(off)
	return i + 1, s.runesBetween(s.lineStarts[i], off) + 1
}

// runesBetween is utf8.RuneCountInString(s.Text[a:b]): counted directly
// near a, else from the marks, so that the columns of a line a megabyte
// long do not cost a pass each. The marks serve when a is where decoding
// from the start steps too, which holds at every byte that does not
// continue a rune (a multi-byte step takes only continuation bytes after
// its first): a line's start, an anchor.
func (s *Source) runesBetween(a, b int) int {
	s.marksOnce.Do(s.mark)
	if b-a <= runeMarkStep || a < len(s.Text) && !utf8.RuneStart(s.Text[a]) {
		return s.runeCount(a, b)
	}
	return s.runesTo(b) - s.runesTo(a)
}

// runeCount is utf8.RuneCountInString(s.Text[a:b]). In valid text cut at
// rune starts at both ends, the piece is valid too and has as many runes
// as bytes that are no continuation byte (10xxxxxx), counted eight at a
// time; otherwise a cut inside a rune or an invalid byte counts as the
// decoder steps, one by one (TestRuneCount). A column is asked for at
// each end of every span a report shows, and counting by decoding took
// most of a span's time.
func (s *Source) runeCount(a, b int) int {
	t := s.Text
	if !s.valid || a < len(t) && !utf8.RuneStart(t[a]) || b < len(t) && !utf8.RuneStart(t[b]) {
		return utf8.RuneCountInString(t[a:b])
	}
	return startBytes(t[a:b])
}

// startBytes is the number of bytes of s that are no continuation byte.
// A continuation byte has bit 7 set and bit 6 clear: shifted left by one,
// bit 6 of each byte lands on its bit 7.
func startBytes(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := lang.Load8(s[i:])
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			n--
		}
	}
	return n
}

// runesTo is the number of runes of s.Text[:x]. Counting on from a mark
// gives the same as counting from the start, since a mark is where the
// decoder from the start steps, and a cut inside a rune counts its bytes
// alike either way.
func (s *Source) runesTo(x int) int {
	k := sort.Search(len(s.marks), func(k int) bool { return s.marks[k].off > x }) - 1
	m := s.marks[k]
	return m.runes + s.runeCount(m.off, x)
}

// mark steps through the whole text once, as the decoder does: an ASCII
// byte, and a lead byte of a two-byte character or of a three-byte one
// other than E0 and ED followed by continuation bytes (which make a valid
// character whatever they are), are stepped over without decoding; other
// bytes are decoded (TestMarksStepAsDecoding). Eight ASCII bytes, and a
// run of CJK Unified Ideographs (lang.UnifiedHanRun), the bulk of most
// texts, are stepped over in one go, up to the next mark. What it steps
// over without decoding is valid, so the text is valid UTF-8 unless a
// decoding takes one byte for U+FFFD (TestRuneCount compares s.valid
// with utf8.ValidString).
func (s *Source) mark() {
	text := s.Text
	s.valid = true
	s.marks = make([]runeMark, 1, len(text)/runeMarkStep+1) // {0, 0}
	next := runeMarkStep
	for i, runes := 0, 0; i < len(text); runes++ {
		if i >= next {
			s.marks = append(s.marks, runeMark{i, runes})
			next = i + runeMarkStep
		}
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			// and the ASCII bytes after it up to the next mark
			lim := min(next, len(text))
			for i++; i+8 <= lim && lang.Load8(text[i:])&0x8080808080808080 == 0; i += 8 {
				runes += 8
			}
			for ; i < lim && text[i] < utf8.RuneSelf; i++ {
				runes++
			}
		case 0xe4 <= c && c <= 0xe9:
			// and the ideographs after it up to the next mark, when
			// it is one
			if k := lang.UnifiedHanRun(text[i:min(next, len(text))]); k > 0 {
				i += k
				runes += k/3 - 1
				break
			}
			if i+2 < len(text) && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80 {
				i += 3
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			s.valid = s.valid && (r != utf8.RuneError || size > 1)
			i += size
		case 0xc2 <= c && c <= 0xdf && i+1 < len(text) && text[i+1]&0xc0 == 0x80:
			i += 2
		case 0xe1 <= c && c <= 0xef && c != 0xed && i+2 < len(text) && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80:
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			s.valid = s.valid && (r != utf8.RuneError || size > 1)
			i += size
		}
	}
}

func (s *Source) mappedPosition(off int) (line, col int) {
	k := sort.Search(len(s.anchors), func(k int) bool { return int(s.anchors[k].Off) > off }) - 1
	if k < 0 {
		return 1, s.runesBetween(0, off) + 1
	}
	// the lines of Text from the anchor to off: on the anchor's line the
	// column counts on from the anchor's, after a newline from 1
	a := s.anchors[k]
	i := s.lineOf(off)
	if newlines := i - s.lineOf(int(a.Off)); newlines > 0 {
		return int(a.Line) + newlines, s.runesBetween(s.lineStarts[i], off) + 1
	}
	return int(a.Line), int(a.Column) + s.runesBetween(int(a.Off), off)
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
