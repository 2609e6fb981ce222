package align

import (
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// Lang is the language of a block.
type Lang uint8

const (
	Zh Lang = iota
	En
)

func (l Lang) String() string {
	if l == Zh {
		return "zh"
	}
	return "en"
}

// Other returns the other language.
func (l Lang) Other() Lang { return 1 - l }

// Shape says how a document was given.
type Shape uint8

const (
	// Interleaved: one file, paragraphs of both languages alternating.
	Interleaved Shape = iota
	// TwoFiles: a Chinese file and an English file.
	TwoFiles
	// PreAligned: the format gives the pairing (translation memories, tables).
	PreAligned
)

func (s Shape) String() string {
	switch s {
	case Interleaved:
		return "interleaved"
	case TwoFiles:
		return "two-files"
	default:
		return "pre-aligned"
	}
}

// Block is a paragraph (or heading, list item, table cell, memory segment):
// the unit a reader sees separated from its neighbours.
type Block struct {
	Lang  Lang
	Index int     // position among the blocks of its language
	Seq   int     // position in reading order of the whole input (interleaved files)
	Src   *Source // the file it comes from
	Start int     // byte offset of Text in Src.Text
	End   int
	Text  string // Src.Text[Start:End]

	// Unit names the block in formats without useful lines (a DOCX paragraph
	// number, a TMX unit id); empty for plain text.
	Unit string
	// Extra holds what the format records about the unit beyond its text
	// (JSONL fields, TMX props and notes, extra table columns); nil for
	// plain text. Both blocks of a unit share the map.
	Extra map[string]string

	Sents []lang.Span // sentences, byte offsets relative to Text
	Kind  Kind        // body, heading, page furniture or history note
}

// Span locates the whole block.
func (b *Block) Span() Span { return b.Src.Span(b.Start, b.End) }

// SubSpan locates Text[start:end] of the block.
func (b *Block) SubSpan(start, end int) Span { return b.Src.Span(b.Start+start, b.Start+end) }

// Sentence returns the text of sentence i.
func (b *Block) Sentence(i int) string { s := b.Sents[i]; return b.Text[s.Start:s.End] }

// Link is an expected pairing of a Chinese and an English block, from the
// layout of the input (adjacency in an interleaved file) or given by the
// format (a translation unit).
type Link struct{ Zh, En int }

// Document is what every reader produces and everything downstream reads.
type Document struct {
	Name  string // display name: the file, or "zh-file | en-file"
	Shape Shape
	ZhSrc *Source // the same Source for an interleaved file
	EnSrc *Source
	Zh    []*Block
	En    []*Block

	// Layout holds the pairing the input's layout suggests. For Interleaved
	// it is evidence the aligner weighs; for PreAligned it is the alignment.
	Layout []Link

	// Other holds blocks of the input that are in neither language (only
	// digits, symbols or a third script); kept so nothing is silently lost.
	Other []*Block

	// Window, when set, says that the document is one window of a
	// pre-aligned file read in pieces (input.Options.Chunk).
	Window *Window
}

// Window places a piece of a pre-aligned file in the file. Each unit of
// the file gives one bead, in order, so unit and bead indices coincide.
// Units [Home, HomeEnd) of the piece are its own; the units before and
// after are context, the neighbours' own units, read again so that checks
// comparing a pair with the next or previous one see across the cut.
type Window struct {
	First   int // index in the file of the piece's first unit
	Home    int
	HomeEnd int
}

// Blocks returns the blocks of one language.
func (d *Document) Blocks(l Lang) []*Block {
	if l == Zh {
		return d.Zh
	}
	return d.En
}

// Source returns the source of one language.
func (d *Document) Source(l Lang) *Source {
	if l == Zh {
		return d.ZhSrc
	}
	return d.EnSrc
}

// Split fills in the sentences and kind of every block, the kind with the
// built-in furniture phrases. Readers call it last.
func (d *Document) Split() {
	d.Classify(builtinFurniture)
	for _, b := range d.Zh {
		b.Sents = lang.SplitZh(b.Text)
		if len(b.Sents) == 0 {
			b.Sents = []lang.Span{{Start: 0, End: len(b.Text)}}
		}
	}
	for _, b := range d.En {
		b.Sents = lang.SplitEn(b.Text)
		if len(b.Sents) == 0 {
			b.Sents = []lang.Span{{Start: 0, End: len(b.Text)}}
		}
	}
}

// Furnish classifies the blocks again with f when f is a matcher other
// than the built-in one Split used (a site's own phrases); nil or the
// built-in matcher leaves the kinds as they are.
func (d *Document) Furnish(f *Furniture) {
	if f != nil && f != builtinFurniture {
		d.Classify(f)
	}
}

// Classify sets the kind of every block with f's furniture phrases. A
// reader told of a site's own phrases (input.Options.Furniture) calls it
// after Split; the kinds depend on nothing else, so it gives what a Split
// with f would.
func (d *Document) Classify(f *Furniture) {
	for _, bs := range [][]*Block{d.Zh, d.En, d.Other} {
		for _, b := range bs {
			b.Kind = f.Classify(b)
		}
	}
}

// Length is the length measure the aligner uses: characters that are not
// white space. The ratio between languages is estimated per document.
func Length(s string) int { return lang.NonSpace(s) }

// NormText folds white space runs to one space and trims: the form used
// wherever text must compare equal across reflowing.
func NormText(s string) string {
	if spacedOnce(s) {
		return s // as strings.Join(strings.Fields(s), " ") would give it
	}
	return joinFields(s)
}

// joinFields is strings.Join(strings.Fields(s), " ") without the slice of
// fields: one pass over the fields (lang.NextField) measures the result,
// another writes it into a buffer of that length (the 5,000-pair
// document's checks asked it of 1.4 MB of fields).
func joinFields(s string) string {
	n, fields, first := 0, 0, ""
	for f, rest := lang.NextField(s); f != ""; f, rest = lang.NextField(rest) {
		if fields == 0 {
			first = f
		}
		n += len(f)
		fields++
	}
	switch fields {
	case 0:
		return ""
	case 1:
		return first // (strings.Join returns a lone field itself)
	}
	var b strings.Builder
	b.Grow(n + fields - 1)
	for f, rest := lang.NextField(s); f != ""; f, rest = lang.NextField(rest) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// spacedOnce reports whether s is in NormText's form already: no white
// space but single ASCII spaces between other characters. Most texts
// are, and NormText is asked of every pair's text by several checks.
//
// It reads bytes, decoding only where a white space character beyond
// ASCII may start: every such character (U+0085, U+00A0, U+1680,
// U+2000 to U+205F, U+3000) has the lead byte C2, E1, E2 or E3. Any
// other byte from 0x80 on is a character that is not white space, a part
// of one, or a byte that ranging over s reads as U+FFFD, not white space
// either; and no character that ranging over s reads starts inside one
// the byte scan passes over, since the bytes after a lead are
// continuation bytes, neither ASCII nor those leads (TestSpaceScans). So
// a run of such bytes is passed over at once.
//
// Eight bytes are passed over at once where none of them is such a lead
// or a control character (plain8), nor a space next to another: in them
// only their spaces are white space, single ones.
func spacedOnce(s string) bool {
	space := true // a space here would lead
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if sp, ok := plain8(lang.Load8(s[i:])); ok && sp&(sp<<8) == 0 && !(space && sp&0x80 != 0) {
				space = sp>>63 != 0 // the last byte a space
				i += 8
				continue
			}
		}
		c := s[i]
		var r rune
		switch {
		case ' ' < c && c < utf8.RuneSelf:
			// a word: ASCII beyond the space is none
			space = false
			for i++; i < len(s) && ' ' < s[i] && s[i] < utf8.RuneSelf; i++ {
			}
			continue
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c == 0xc2 || 0xe1 <= c && c <= 0xe3:
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		default:
			// and the continuation bytes after it, alike
			space = false
			for i++; i < len(s) && s[i]&0xc0 == 0x80; i++ {
			}
			continue
		}
		if !lang.IsSpace(r) {
			space = false
			continue
		}
		if r != ' ' || space {
			return false
		}
		space = true
	}
	return !space || s == ""
}

// plain8 marks the spaces among the eight bytes of w by their high bits
// in sp, and reports whether the bytes hold neither a control character
// (below the space) nor a byte C2 or E0 to E3 (a lead of every white
// space character beyond ASCII, and of other characters): then the
// spaces are the only white space of the bytes, and any other byte is
// part of a character that is none, or of one led before them. Each
// byte's low seven bits x are added to with no carry into the next byte:
// x+60 has its high bit set from the space on, (x^20)+7F unless x is the
// space. A byte with its own high bit set is no ASCII; it is C2 when w^C2
// has a zero byte there, E0 to E3 when w&FC^E0 has one (TestPlain8).
func plain8(w uint64) (sp uint64, ok bool) {
	const (
		hi   = 0x8080808080808080
		ones = 0x0101010101010101
	)
	x := w &^ hi
	ctrl := ^(x + 0x60*ones | w) & hi
	sp = ^((x ^ 0x20*ones) + 0x7f*ones | w) & hi
	lead := lang.HasZeroByte(w^0xc2*ones) | lang.HasZeroByte(w&(0xfc*ones)^0xe0*ones)
	return sp, ctrl|lead == 0
}
