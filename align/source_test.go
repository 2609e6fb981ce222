package align

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// naivePosition is Position for a plain source as first written: the line
// by search, the column by counting the line's runes up to the offset.
func naivePosition(s *Source, off int) (int, int) {
	off = max(0, min(off, len(s.Text)))
	i := sort.Search(len(s.lineStarts), func(k int) bool { return s.lineStarts[k] > off }) - 1
	return i + 1, utf8.RuneCountInString(s.Text[s.lineStarts[i]:off]) + 1
}

// naiveMappedPosition is Position for a mapped source as first written:
// counting from the anchor before the offset.
func naiveMappedPosition(s *Source, off int) (int, int) {
	off = max(0, min(off, len(s.Text)))
	k := sort.Search(len(s.anchors), func(k int) bool { return int(s.anchors[k].Off) > off }) - 1
	if k < 0 {
		return 1, utf8.RuneCountInString(s.Text[:off]) + 1
	}
	a := s.anchors[k]
	seg := s.Text[a.Off:off]
	nl := strings.LastIndexByte(seg, '\n')
	if nl < 0 {
		return int(a.Line), int(a.Column) + utf8.RuneCountInString(seg)
	}
	return int(a.Line) + strings.Count(seg, "\n"), utf8.RuneCountInString(seg[nl+1:]) + 1
}

// checkMappedPositions compares a mapped source's Position with
// naiveMappedPosition, at the offsets checkPositions takes.
func checkMappedPositions(t *testing.T, text string, anchors []Anchor) {
	t.Helper()
	comparePositions(t, NewMappedSource("x.tmx", text, anchors), naiveMappedPosition)
}

// checkPositions compares Position with naivePosition.
func checkPositions(t *testing.T, text string) {
	t.Helper()
	comparePositions(t, NewSource("x.txt", text), naivePosition)
}

// comparePositions compares s.Position with counting at every offset of
// its text (each rune's bytes included, so cuts inside runes too); in a
// text above 20 KB, whose every offset would take the count minutes, at
// every 61st offset and at every offset within 8 bytes of a multiple of
// the mark step.
func comparePositions(t *testing.T, s *Source, count func(*Source, int) (int, int)) {
	t.Helper()
	text := s.Text
	for off := -1; off <= len(text)+1; off++ {
		if d := off % runeMarkStep; len(text) > 20_000 && off%61 != 0 && d > 8 && d < runeMarkStep-8 {
			continue
		}
		l, c := s.Position(off)
		wl, wc := count(s, off)
		if l != wl || c != wc {
			t.Fatalf("offset %d of %d: got %d:%d, counting gives %d:%d", off, len(text), l, c, wl, wc)
		}
	}
}

// TestPositionLongLines: columns far into long lines, counted from the
// marks, are the counted ones: one line of 120 KB of mixed scripts, long
// lines with short ones between, CRLF, invalid bytes, a line that ends
// exactly at a mark.
func TestPositionLongLines(t *testing.T) {
	unit := "National security 国家安全是民族复兴的根基。 Ünïcödé 𝕏 "
	long := strings.Repeat(unit, 120_000/len(unit))
	checkPositions(t, long)
	checkPositions(t, long+"\n短\n"+long+"\r\n"+long[:5000])
	checkPositions(t, strings.Repeat("a", runeMarkStep)+"\n"+strings.Repeat("中", runeMarkStep))
	checkPositions(t, strings.Repeat("国\xff\xe5\x9b", 2000)+"\n"+strings.Repeat("x\xc3", 3000))
	checkPositions(t, "")
	checkPositions(t, "\n\n")
}

// TestMappedPositionLongSegments: the same for a memory's text, whose
// segments (between anchors) can be long and hold newlines: text before
// the first anchor, an anchor inside a rune and on invalid bytes.
func TestMappedPositionLongSegments(t *testing.T) {
	unit := "National security 国家安全是民族复兴的根基。 Ünïcödé 𝕏 "
	long := strings.Repeat(unit, 60_000/len(unit))
	text := long + "\n" + long + "\n\n" + long + strings.Repeat("\xff中\xe5\x9b", 500) + long
	var anchors []Anchor
	for i, off := range []int{len(long) / 2, len(long) + 1, len(long) + 2, 2*len(long) + 3, 2*len(long) + 3 + 1, 3*len(long) + 3 + 1} {
		anchors = append(anchors, Anchor{Off: int32(off), Line: int32(10 * (i + 1)), Column: int32(i + 1)})
	}
	// the fifth anchor is inside 国 (its second byte), the last after
	// invalid bytes
	checkMappedPositions(t, text, anchors)
	checkMappedPositions(t, text, []Anchor{})
	checkMappedPositions(t, "", []Anchor{{0, 1, 1}})
}

func FuzzMappedPosition(f *testing.F) {
	f.Add("国家安全\nsecurity", uint16(190), uint8(3), uint16(5))
	f.Add("\xff\xe5\x9b中\n", uint16(450), uint8(7), uint16(1))
	f.Fuzz(func(t *testing.T, piece string, repeat uint16, anchors uint8, stride uint16) {
		// up to 4 KB: every offset is compared, at a quadratic cost
		if piece == "" || len(piece)*int(repeat) > 1<<12 {
			return
		}
		text := strings.Repeat(piece, int(repeat))
		as := []Anchor{} // a memory always has anchors: nil would make a plain source
		for i := range int(anchors % 16) {
			off := (i + 1) * (int(stride) + 1)
			if off > len(text) {
				break
			}
			as = append(as, Anchor{Off: int32(off), Line: int32(i + 2), Column: int32(i%3 + 1)})
		}
		checkMappedPositions(t, text, as)
	})
}

func FuzzPosition(f *testing.F) {
	f.Add("国家安全\nsecurity", 3, uint16(7))
	f.Add("\xff\xe5\x9b中", 2, uint16(300))
	f.Fuzz(func(t *testing.T, piece string, lines int, repeat uint16) {
		lines = max(1, min(lines, 4))
		// up to 4 KB: every offset is compared, at a quadratic cost
		if piece == "" || len(piece)*int(repeat)*lines > 1<<12 {
			return
		}
		var b strings.Builder
		for range lines {
			b.WriteString(strings.Repeat(piece, int(repeat)))
			b.WriteByte('\n')
		}
		checkPositions(t, b.String())
	})
}

// BenchmarkSpansOneLongLine: the spans of every sentence of a document
// that is one line of 480 KB (8,000 sentences), as a report asks for them.
// Counting each column from the line's start made this quadratic: a check
// of that document (and its Chinese, one line too) took 7.2 s, 81 % of it
// counting columns; 1.1 s with the marks, which take 3–4 ms here.
func BenchmarkSpansOneLongLine(b *testing.B) {
	unit := "National security is the foundation of national rejuvenation. Social stability is the prerequisite for a strong country. "
	text := strings.Repeat(unit, 4000)
	var starts []int
	for i := 0; i+len(unit)/2 <= len(text); i += len(unit) / 2 {
		starts = append(starts, i)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s := NewSource("x.txt", text)
		for _, st := range starts {
			s.Span(st, st+len(unit)/2-1)
		}
	}
}

// TestMarksStepAsDecoding: the marks are where decoding from the start
// steps, with the runes before them: mark's steps by bytes give what
// utf8.DecodeRuneInString gives, on every one- to three-byte sequence
// followed by text, and on random texts of valid and invalid pieces.
func TestMarksStepAsDecoding(t *testing.T) {
	check := func(text string) {
		t.Helper()
		s := &Source{Text: text}
		s.mark()
		want := []runeMark{{0, 0}}
		next := runeMarkStep
		for i, runes := 0, 0; i < len(text); runes++ {
			if i >= next {
				want = append(want, runeMark{i, runes})
				next = i + runeMarkStep
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
		if !reflect.DeepEqual(s.marks, want) {
			t.Fatalf("%q: marks %v, decoding gives %v", text, s.marks, want)
		}
	}
	// every byte pair, and a third byte of each kind after it, at and
	// across the first mark, and cut short by the end of the text
	pad := strings.Repeat("a", runeMarkStep-2)
	thirds := []byte{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc3, 0xe4, 0xed, 0xf0, 0xff}
	for x := range 1 << 16 {
		b := []byte{byte(x >> 8), byte(x)}
		check(pad + string(b))
		check(pad + "a" + string(b))
		for _, c := range thirds {
			check(pad + string(append(b, c)) + "中x")
		}
	}
	pieces := []string{"a", " ", "中", "\u00e9", "𝕏", "\xe4", "\xbf", "\xed\xa0\x80", "\xe0\x80", "\xc3", "\n", "国家", "\xf0\x9f",
		"a run of ASCII words", "中华人民共和国", "\xe4\xb8", "\xe9\xbf\xbf"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for n := rng.IntN(400); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// TestRuneCount: mark finds whether a text is valid UTF-8; runeCount is
// utf8.RuneCountInString of every piece of valid and invalid texts, cut
// anywhere (inside runes too); startBytes counts the runes of valid texts
// of every length up to 40 bytes, each character at every place of the
// eight bytes read at once.
func TestRuneCount(t *testing.T) {
	pieces := []string{"a", " ", "中", "\u00e9", "𝕏", "\xe4", "\xbf", "\xed\xa0\x80", "\xe0\x80", "\xc3", "\n", "国家",
		"\xf0\x9f", "National", "\u2028", "\x7f", "\xef\xbf\xbd"}
	rng := rand.New(rand.NewPCG(11, 12))
	valid := 0
	for range 3000 {
		var b strings.Builder
		for n := rng.IntN(30); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := &Source{Text: b.String()}
		s.mark()
		if s.valid != utf8.ValidString(s.Text) {
			t.Fatalf("%q: valid %v, utf8.ValidString says no", s.Text, s.valid)
		}
		if s.valid {
			valid++
		}
		for a := 0; a <= len(s.Text); a++ {
			for e := a; e <= len(s.Text); e++ {
				if got, want := s.runeCount(a, e), utf8.RuneCountInString(s.Text[a:e]); got != want {
					t.Fatalf("%q[%d:%d]: %d runes, decoding counts %d", s.Text, a, e, got, want)
				}
			}
		}
	}
	if valid < 100 {
		t.Errorf("only %d valid texts: the fast count is tested little", valid)
	}
	for n := 0; n <= 40; n++ {
		for _, r := range []string{"a", "é", "中", "𝕏"} {
			for k := 0; k+len(r) <= n; k++ {
				text := strings.Repeat("x", k) + r + strings.Repeat("y", n-k-len(r))
				if got, want := startBytes(text), utf8.RuneCountInString(text); got != want {
					t.Fatalf("%q: %d, decoding counts %d", text, got, want)
				}
			}
		}
	}
}
