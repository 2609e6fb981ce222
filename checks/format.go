package checks

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
)

// Format reports typing slips in either text.
var Format = &Check{
	Name:     "format",
	Category: CatFormat,
	Severity: Warning,
	Run:      runFormat,
	Confidence: `1: the doubled word or control character is in the text; 0.4 (info) for a
run of zero-width spaces only, which are invisible in the published text
(web pages put them in as line-break hints).`,
	Doc: `doubled words and stray control characters

- A word typed twice in the English, "the the", "of of" (case is ignored;
  only white space between the two). "had had", "that that", a few
  reduplications ("bye bye", "ha ha", "no no", the "very very" and "so
  so" of speech) and names that repeat a
  capitalised word ("Run Run Shaw", "Bora Bora") are not reported.
- A control character in either text: C0 and C1 controls other than tab,
  line feed and carriage return, a byte order mark or zero-width space
  inside the text, line and paragraph separators (U+2028, U+2029), and the
  replacement character U+FFFD that a failed decoding leaves behind.

White space is reported apart, at severity info: see "format/whitespace".

Example: en "The the committee approved the plan." → word "the" is doubled`,
}

// FormatWhitespace reports white space defects.
var FormatWhitespace = &Check{
	Name:       "format/whitespace",
	Category:   CatFormat,
	Severity:   Info,
	Run:        runFormatWhitespace,
	Confidence: `1: the white space is in the text.`,
	Options:    []*Option{whitespaceInterleavedEnds},
	Doc: `doubled spaces and white space at the ends of a line

Two or more spaces (or tabs, no-break or ideographic spaces) between two
words of a paragraph, and white space at the start or end of a line of a
paragraph. Harmless to a reader, but a sign of careless editing, and it
shows in a diff; reported as info. Lines of Markdown files are not checked
at their ends (indentation and two trailing spaces mean something there),
nor are texts extracted from structured formats.

The ends of lines of an interleaved document — a page saved from the web,
its lines ending as the browser copied them — are checked only with
format/whitespace.interleaved-line-ends set to true (default false): there
the white space comes from the page's markup, not from anyone's editing.
Doubled spaces inside its paragraphs are reported either way.

Example: en "National security is the foundation.␠" (a space before the
line break) → trailing white space at the end of the line`,
}

var whitespaceInterleavedEnds = &Option{Name: "interleaved-line-ends", Type: Boolean, Default: 0,
	Doc: "also report white space at the start and end of the lines of an interleaved document (a saved web page)"}

// doubledOK are words that are correctly written twice.
var doubledOK = map[string]bool{"had": true, "that": true, "bye": true, "ha": true, "no": true, "blah": true,
	"knock": true, "tut": true, "chop": true, "tsk": true, "is": false,
	// emphasis and idiom of speech, as transcripts print it: "very very
	// strongly", "so so"
	"very": true, "so": true}

func runFormat(p *Pass) error {
	for _, blk := range p.Doc.En {
		if blk.Kind == align.KindFurniture {
			continue
		}
		for _, d := range doubledWords(blk.Text) {
			sp := blk.SubSpan(d[0], d[1])
			w := blk.Text[d[2]:d[1]]
			p.Report(Finding{Bead: p.Align.BeadOf(align.En, blk.Index), En: &sp, Evidence: "doubled " + strings.ToLower(w),
				Message: fmt.Sprintf("word %q is doubled: %q", w, blk.Text[d[0]:d[1]])})
		}
	}
	for _, l := range []align.Lang{align.Zh, align.En} {
		for _, blk := range p.Doc.Blocks(l) {
			for _, c := range controlRuns(blk.Text) {
				sp := blk.SubSpan(c[0], c[1])
				r, _ := utf8.DecodeRuneInString(blk.Text[c[0]:])
				f := Finding{Bead: p.Align.BeadOf(l, blk.Index), Evidence: fmt.Sprintf("control %U", r),
					Message: fmt.Sprintf("control character %U in the %s", r, langName(l))}
				if c[1]-c[0] > utf8.RuneLen(r) {
					f.Message = fmt.Sprintf("control characters (%U …) in the %s", r, langName(l))
				}
				if strings.Trim(blk.Text[c[0]:c[1]], "\u200b") == "" {
					// a zero-width space shows nothing: a page's hint
					// where a line may break, copied with the text
					f.Confidence = 0.4
				}
				if l == align.Zh {
					f.Zh = &sp
				} else {
					f.En = &sp
				}
				p.Report(f)
			}
		}
	}
	return nil
}

// doubledWords returns [start of first, end of second, start of second]
// for each word written twice in a row.
func doubledWords(s string) [][3]int {
	var out [][3]int
	prevStart, prevEnd := -1, -1
	for i := 0; i < len(s); {
		// a word starts at an ASCII letter, whose byte is one no other
		// rune's bytes hold: the text is read a byte at a time, as
		// fast as a rune at a time where it is ASCII, and faster where
		// it is not (no byte of 80 to FF is an ASCII letter either)
		if !isASCIILetter(rune(s[i])) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && (isASCIILetter(rune(s[j])) || s[j] == '\'' && j+1 < len(s) && isASCIILetter(rune(s[j+1]))) {
			j++
		}
		// Most words stand between ASCII bytes and cannot double the
		// word before: a word is ASCII letters and apostrophes, which
		// fold only to one another, so two words of different lengths
		// or first letters are not equal but for case. Those are told
		// here without a call, which kept the loop's values in memory
		// (TestDoubledWordsByBytes); the rest go to doubledWordAt.
		before, after := byte(' '), byte(' ')
		if i > 0 {
			before = s[i-1]
		}
		if j < len(s) {
			after = s[j]
		}
		if before < utf8.RuneSelf && after < utf8.RuneSelf &&
			(prevStart < 0 || j-i != prevEnd-prevStart || s[i]|0x20 != s[prevStart]|0x20) {
			if gluedASCII[before] || gluedASCII[after] {
				prevStart = -1
			} else {
				prevStart, prevEnd = i, j
			}
			i = j
			continue
		}
		var d [3]int
		var ok bool
		prevStart, prevEnd, d, ok = doubledWordAt(s, i, j, prevStart, prevEnd)
		if ok {
			out = append(out, d)
		}
		i = j
	}
	return out
}

// doubledWordAt is doubledWords' reading of the word s[i:j] after the
// word s[prevStart:prevEnd] (prevStart -1 when there is none or it does
// not count): the word before for the next (-1 when this one is glued to
// the text beside it), and whether the two are one doubled word, d.
//
//go:noinline
func doubledWordAt(s string, i, j, prevStart, prevEnd int) (int, int, [3]int, bool) {
	// a word glued to other letters or digits (Xi’s, é) is not a word
	// here; what stands beside a word is mostly ASCII, told without
	// decoding or the tables
	if i > 0 && gluedBefore(s[:i]) || j < len(s) && gluedAfter(s[j:]) {
		return -1, prevEnd, [3]int{}, false
	}
	// a word is ASCII letters and apostrophes, which fold only to
	// one another: two words of different lengths are not equal
	// but for case
	if prevStart >= 0 && j-i == prevEnd-prevStart && strings.TrimSpace(s[prevEnd:i]) == "" && strings.EqualFold(s[prevStart:prevEnd], s[i:j]) &&
		!doubledOK[strings.ToLower(s[i:j])] && !doubledName(s[prevStart:prevEnd], s[i:j]) {
		return i, j, [3]int{prevStart, j, i}, true
	}
	return i, j, [3]int{}, false
}

// gluedBefore and gluedAfter report whether the rune that ends t or
// starts it, t not empty, is a letter, a digit, a hyphen or ’: what glues
// a word to the text beside it. An ASCII byte, what stands beside nearly
// every word, is told where they are called (they are inlined, gluedTo
// is not).
func gluedBefore(t string) bool {
	if c := t[len(t)-1]; c < utf8.RuneSelf {
		return gluedASCII[c]
	}
	return gluedTo(t, true)
}

func gluedAfter(t string) bool {
	if c := t[0]; c < utf8.RuneSelf {
		return gluedASCII[c]
	}
	return gluedTo(t, false)
}

// gluedASCII holds the ASCII bytes that glue a word: unicode's letters
// and digits of ASCII, and the hyphen.
var gluedASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isASCIILetter(rune(c)) || '0' <= c && c <= '9' || c == '-'
	}
	return t
}()

// gluedTo reports whether the rune that ends t (before) or starts it
// (!before), t not empty, glues a word to the text beside it, as
// gluedBefore and gluedAfter do.
func gluedTo(t string, before bool) bool {
	var c byte
	if before {
		c = t[len(t)-1]
	} else {
		c = t[0]
	}
	if c < utf8.RuneSelf {
		// unicode's letters and digits of ASCII
		return isASCIILetter(rune(c)) || '0' <= c && c <= '9' || c == '-'
	}
	var r rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(t)
	} else {
		r, _ = utf8.DecodeRuneInString(t)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’'
}

// doubledName: a name that repeats a word, "Run Run Shaw", "Bora Bora":
// both capitalised and not a function word.
func doubledName(a, b string) bool {
	return unicode.IsUpper(lang.FirstRune(a)) && unicode.IsUpper(lang.FirstRune(b)) && !lang.IsStopword(strings.ToLower(a))
}

// isASCIILetter reports the letters of ASCII, A to Z and a to z, which are
// unicode.IsLetter's below utf8.RuneSelf, in one comparison: setting bit 5
// maps the upper-case letters onto the lower-case ones and no other rune
// onto them (TestIsASCIILetter). doubledWords asks it of every byte of
// every English paragraph.
func isASCIILetter(r rune) bool { return uint32(r|0x20)-'a' < 26 }

// isStrayControl reports control characters that have no business in a
// paragraph.
func isStrayControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r':
		return false
	case '\ufeff', '\u200b', '\u2028', '\u2029', '\ufffd':
		return true
	}
	return unicode.IsControl(r)
}

// controlRuns returns byte ranges of runs of stray control characters.
// It reads every paragraph; the bytes of ASCII that are no stray control
// (plainByte) and the Chinese characters of U+3000 to U+9FFF (lead bytes
// E3 to E9, and two continuation bytes) are passed over without decoding
// them (TestControlRunsIsByRunes).
func controlRuns(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if plainByte[s[i]] {
			i++
			// after ASCII, more ASCII most likely: eight bytes at a time
			// while they are all printable (the plain bytes but the
			// line ends and tabs)
			for i+8 <= len(s) && printable8(s[i:i+8]) {
				i += 8
			}
			continue
		}
		if cjk3At(s, i) {
			// and the characters that follow it, in a loop of their own
			for i += 3; cjk3At(s, i); i += 3 {
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			r = '\ufffd'
		}
		if !isStrayControl(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, m := utf8.DecodeRuneInString(s[j:])
			if !isStrayControl(r2) {
				break
			}
			j += m
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// cjk3At reports whether s holds at byte i a character of U+3000 to
// U+9FFF: a lead byte E3 to E9 and two continuation bytes, which are
// always a valid character, passed over without decoding by the scans of
// text for what Chinese characters are not (controlRuns,
// appendLatinTokens).
func cjk3At(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	c := s[i]
	return 0xe3 <= c && c <= 0xe9 && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80
}

// printable8 reports whether the 8 bytes of s are all printable ASCII,
// 0x20 to 0x7E, read as one word: no byte has its high bit set, none is
// below 0x20 (subtracting 0x20 from each borrows from the high bit of
// the first below) and none is 0x7F (XOR with 0x7F leaves it 0, and
// subtracting 1 borrows).
func printable8(s string) bool {
	x := lang.Load8(s)
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x|(x-0x20*ones)|((x^0x7f*ones)-ones))&highs == 0
}

// plainByte holds the ASCII bytes that are not stray controls
// (isStrayControl): printable ones, tab and the line ends.
var plainByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !isStrayControl(rune(c))
	}
	return t
}()

func isBlankRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000' || r == '\u2009' || r == '\u202f'
}

// blankLead holds the bytes a blank rune (isBlankRune) starts with: space
// and tab, and the lead bytes of U+00A0, U+2009, U+202F and U+3000. No
// other byte starts one, and none of these is a continuation byte, so a
// scan that steps over every other byte one at a time meets each blank
// rune where a scan rune by rune would.
var blankLead = func() (t [256]bool) {
	for _, r := range []rune{' ', '\t', '\u00a0', '\u2009', '\u202f', '\u3000'} {
		t[string(r)[0]] = true
	}
	return t
}()

// doubledBlanks returns the runs of two blank runes or more inside text t
// (not at the start or the end of one of its lines): each run's start,
// end and runes. Most of a text is neither blank nor a lead byte of one,
// and is passed over a byte at a time without decoding
// (TestDoubledBlanksAsByRunes).
func doubledBlanks(t string) [][3]int {
	if !mayHaveDoubledBlank(t) {
		return nil
	}
	var out [][3]int
	for i := 0; i < len(t); {
		c := t[i]
		if !blankLead[c] {
			i++
			continue
		}
		if c == ' ' && i+1 < len(t) && !blankLead[t[i+1]] {
			// one space between words, most of the blanks of English:
			// the byte after it is passed over too, as it would be
			i += 2
			continue
		}
		if c != ' ' && c != '\t' {
			r, n := utf8.DecodeRuneInString(t[i:])
			if !isBlankRune(r) {
				i += n
				continue
			}
		}
		j, count := i, 0
		for j < len(t) {
			if c := t[j]; c == ' ' || c == '\t' {
				j++
				count++
				continue
			} else if !blankLead[c] {
				break
			}
			r2, m := utf8.DecodeRuneInString(t[j:])
			if !isBlankRune(r2) {
				break
			}
			j += m
			count++
		}
		if count >= 2 && j < len(t) && t[j] != '\n' && t[j] != '\r' && i > 0 && t[i-1] != '\n' {
			out = append(out, [3]int{i, j, count})
		}
		i = j
	}
	return out
}

// mayHaveDoubledBlank reports whether text t may hold two blank runes in
// a row (isBlankRune): false when it holds no two spaces in a row and
// none of the other blanks, the case of nearly every paragraph, which
// doubledBlanks then need not read byte by byte. Each is looked for by
// strings.Index and IndexByte, which read many bytes an instruction.
func mayHaveDoubledBlank(t string) bool {
	return strings.Contains(t, "  ") || strings.IndexByte(t, '\t') >= 0 || strings.Contains(t, "\u00a0") ||
		strings.Contains(t, "\u3000") || strings.Contains(t, "\u2009") || strings.Contains(t, "\u202f")
}

func runFormatWhitespace(p *Pass) error {
	if p.Doc.Shape == align.PreAligned {
		return nil
	}
	for _, l := range []align.Lang{align.Zh, align.En} {
		for _, blk := range p.Doc.Blocks(l) {
			if blk.Kind == align.KindFurniture {
				continue
			}
			report := func(start, end int, what string) {
				sp := blk.Src.Span(start, end)
				f := Finding{Bead: p.Align.BeadOf(l, blk.Index), Evidence: what, Message: what}
				if l == align.Zh {
					f.Zh = &sp
				} else {
					f.En = &sp
				}
				p.Report(f)
			}
			// doubled spaces inside the text
			for _, r := range doubledBlanks(blk.Text) {
				report(blk.Start+r[0], blk.Start+r[1], fmt.Sprintf("%d spaces in a row inside the %s paragraph", r[2], langName(l)))
			}
			if isMarkdown(blk.Src.Path) || p.Doc.Shape == align.Interleaved && !p.Bool(whitespaceInterleavedEnds) {
				continue
			}
			// the ends of each line of the block, as the file has them
			src := blk.Src.Text
			ls := strings.LastIndexByte(src[:blk.Start], '\n') + 1
			for ls <= blk.End && ls < len(src) {
				le := strings.IndexByte(src[ls:], '\n')
				if le < 0 {
					le = len(src)
				} else {
					le += ls
				}
				line := strings.TrimSuffix(src[ls:le], "\r")
				body := strings.TrimFunc(line, isBlankRune)
				if body != "" {
					if lead := strings.Index(line, body); lead > 0 {
						report(ls, ls+lead, fmt.Sprintf("white space at the start of a line of the %s paragraph", langName(l)))
					}
					if end := strings.Index(line, body) + len(body); end < len(line) {
						report(ls+end, ls+len(line), fmt.Sprintf("trailing white space at the end of a line of the %s paragraph", langName(l)))
					}
				}
				ls = le + 1
			}
		}
	}
	return nil
}

func isMarkdown(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown":
		return true
	}
	return false
}
