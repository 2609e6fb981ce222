package align

import (
	"bytes"
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// Kind is what a block looks like to a reader.
type Kind int

const (
	KindBody      Kind = iota // running prose
	KindHeading               // short, no sentence punctuation: a title or heading
	KindFurniture             // page furniture: navigation, sharing, citation, PDF links
	KindHistory               // a legislative-history or promulgation note (沿革; "Amended on …")
)

// furniturePhrases are the words of page furniture on web pages in
// general: navigation, sharing, printing, downloading, tables of contents,
// the editor and source lines of Chinese news sites. A block made only of
// such words (and punctuation) is furniture. The labels one site gives its
// own links and notices are not here: a run gives them as configuration
// (.aligncheck.yaml "furniture:", check --furniture, the API's
// "furniture"), and NewFurniture adds them to these.
var furniturePhrases = []string{
	"back to top", "to top", "copy link",
	"facebook", "twitter", "linkedin", "email", "e-mail", "print", "share", "pdf",
	"read more", "related", "subscribe", "download", "menu", "search", "home", "next", "previous", "tags",
	"contents", "table of contents", "目录", "目 录", "目錄", "目 錄",
	"返回顶部", "返回", "分享", "打印", "下载", "上一篇", "下一篇", "责任编辑", "来源", "原文", "关闭窗口",
}

// Furniture recognises page furniture by its phrases: the built-in ones of
// web pages in general, and those a run adds for the sites it reads. A
// Furniture is immutable once made, so one value serves any number of
// documents at once.
type Furniture struct {
	// runes are the phrases, lowered, as runes, longest first; strs
	// holds the same phrases as strings
	runes [][]rune
	strs  []string
	// asciiPhrases are the phrases of strs made only of ASCII, in the
	// same order: the only ones lettersLeftBytes looks for
	asciiPhrases []asciiPhrase
	// spaced: every space of every phrase stands alone between two other
	// characters, which lets withoutPhrases skip a phrase its text does
	// not contain (see there)
	spaced bool
	// ascii and other hold every letter the phrases are made of: a text
	// with too few of them is decided without looking for phrases
	ascii [utf8.RuneSelf]bool
	han   [(hanLast - hanFirst + 64) / 64]uint64 // a bit per rune of the main Han block
	other map[rune]struct{}                      // the rest
}

// hanFirst and hanLast bound the main block of Han characters (CJK
// Unified Ideographs), every one a letter without case.
const (
	hanFirst = 0x4E00
	hanLast  = 0x9FFF
)

// builtinFurniture is the matcher of the built-in phrases, made once: the
// run without configured phrases costs nothing more than a lookup.
var builtinFurniture = newFurniture(furniturePhrases)

// DefaultFurniture returns the matcher of the built-in phrases.
func DefaultFurniture() *Furniture { return builtinFurniture }

// NewFurniture returns the matcher of the built-in phrases and extra ones,
// which are matched like them: as whole words, case-insensitively, white
// space folded. Without extra phrases it is the built-in matcher itself.
func NewFurniture(extra []string) *Furniture {
	all := append([]string(nil), furniturePhrases...)
	n := len(all)
	for _, p := range extra {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			all = append(all, p)
		}
	}
	if len(all) == n {
		return builtinFurniture
	}
	return newFurniture(all)
}

func newFurniture(phrases []string) *Furniture {
	f := &Furniture{other: map[rune]struct{}{}}
	seen := map[string]bool{}
	for _, p := range phrases {
		// lowered rune by rune, as the text is
		low := []rune(p)
		for i, r := range low {
			low[i] = unicode.ToLower(r)
		}
		if seen[string(low)] {
			continue
		}
		seen[string(low)] = true
		f.runes = append(f.runes, low)
		for _, r := range low {
			if r < utf8.RuneSelf {
				f.ascii[r] = true
			} else if hanFirst <= r && r <= hanLast {
				f.han[(r-hanFirst)/64] |= 1 << ((r - hanFirst) % 64)
			} else {
				f.other[r] = struct{}{}
			}
		}
	}
	// longest first; equal lengths in a fixed order, so that the result
	// does not depend on the order phrases were given in
	sort.SliceStable(f.runes, func(a, b int) bool {
		if len(f.runes[a]) != len(f.runes[b]) {
			return len(f.runes[a]) > len(f.runes[b])
		}
		return string(f.runes[a]) < string(f.runes[b])
	})
	f.spaced = true
	for _, p := range f.runes {
		f.strs = append(f.strs, string(p))
		if s := string(p); !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) {
			f.asciiPhrases = append(f.asciiPhrases, newASCIIPhrase(s))
		}
		for i, r := range p {
			if r == ' ' && (i == 0 || i == len(p)-1 || p[i-1] == ' ' || p[i+1] == ' ') {
				f.spaced = false
			}
		}
	}
	return f
}

var (
	urlRe      = regexp.MustCompile(`(?i)\bhttps?://\S+|\bwww\.\S+`)
	citationRe = regexp.MustCompile(`(?i)\b(accessed|retrieved|cite as|available at)\b|\(\d{4}\)|, \d{4}\.$`)
)

// furnitureWords is the most words a block of furniture has: a menu, a
// share bar, a "back to top" line are short (a saved page may run a share
// bar, a PDF link and a notice together into one block of some thirty
// words); a paragraph that mentions printing, sharing and downloading is
// prose.
const furnitureWords = 40

// mostlyFurniture reports whether at least three quarters of a text's
// letters belong to furniture phrases standing as whole words (removed
// longest phrase first).
func (f *Furniture) mostlyFurniture(t string) bool {
	// the letters of strings.ToLower(t), which lowers rune by rune; ASCII
	// and the main Han block (letters that have no case) on a fast path
	total, inPhrases, bytewise := 0, 0, true
	for i, size := 0, 0; i < len(t); i += size {
		// The runes of t as range yields them, a three-byte sequence
		// led by E1 to EF but ED (Han, Chinese punctuation) decoded here
		// rather than in a call for each: with those leads a sequence of
		// continuation bytes is valid, neither overlong (E0) nor a
		// surrogate (ED), which the standard decoder reads as U+FFFD
		// (TestMostlyFurnitureFast).
		var r rune
		if c := t[i]; c < utf8.RuneSelf {
			r, size = rune(c), 1
		} else if c-0xe1 < 0x0f && c != 0xed && i+2 < len(t) && t[i+1]&0xc0 == 0x80 && t[i+2]&0xc0 == 0x80 {
			r, size = rune(c&0x0f)<<12|rune(t[i+1]&0x3f)<<6|rune(t[i+2]&0x3f), 3
		} else {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' {
				total++
				if f.ascii[r] {
					inPhrases++
				}
			}
		case hanFirst <= r && r <= hanLast:
			total, bytewise = total+1, false
			if f.han[(r-hanFirst)/64]&(1<<((r-hanFirst)%64)) != 0 {
				inPhrases++
			}
		default:
			if low := unicode.ToLower(r); unicode.IsLetter(low) {
				total, bytewise = total+1, false
				if f.letter(low) {
					inPhrases++
				}
			} else if low != r || f.letter(r) {
				bytewise = false
			}
		}
		// The rest of t, len(t)-i bytes at most, has at most as many
		// letters in phrases: when three times the letters seen outside
		// them is more than those together, three quarters cannot be
		// reached. A Chinese paragraph is decided within its first half.
		if out := total - inPhrases; 3*out > inPhrases+len(t)-i {
			return false
		}
	}
	// Removing a phrase removes only letters phrases are made of, so at
	// most inPhrases letters can go: most texts are decided here without
	// lowering them or a pass per phrase.
	if total == 0 || inPhrases*4 < total*3 {
		return false
	}
	// Nearly every short English block comes this far (the phrases hold
	// all but three letters of the alphabet): one whose letters are all
	// ASCII is done on its bytes.
	var left int
	if bytewise {
		left = f.lettersLeftBytes(t)
	} else {
		left = countLetters(string(f.withoutPhrases(t)))
	}
	return float64(total-left)/float64(total) >= 0.75
}

// lettersLeftBytes is countLetters(string(f.withoutPhrases(t))) for a text
// whose every rune beyond ASCII is no letter, lowers to itself and occurs
// in no phrase (English with its curly quotes and dashes; invalid bytes
// read as U+FFFD, which is such a rune), without decoding it into runes
// and without a loop over every start of every phrase (TestLettersLeftBytes).
// In such a text only the phrases made of ASCII can occur, and they blank
// as many bytes as runes; what is next to a byte beyond ASCII is next to
// no letter, whichever rune the byte is part of; lowering, telling
// letters and their case are ASCII's. A phrase is looked for in the text
// as blanked so far, which is what withoutPhrases compares it with at
// every start, so skipping to its next occurrence skips only starts where
// it fails.
func (f *Furniture) lettersLeftBytes(t string) int {
	var buf [512]byte
	low := buf[:0]
	if len(t) > len(buf) {
		low = make([]byte, 0, len(t))
	}
	// The pairs of adjacent letters of the lowered text: blanking takes
	// letters away and makes no pair, so a phrase with a pair the text
	// lacks occurs in it at no time, and is not looked for.
	var pairs [(26*26 + 63) / 64]uint64
	n := 0 // letters left
	prev := byte(0)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low = append(low, c)
		if 'a' <= c && c <= 'z' {
			n++
			if 'a' <= prev && prev <= 'z' {
				k := letterPair(prev, c)
				pairs[k/64] |= 1 << (k % 64)
			}
		}
		prev = c
	}
phrases:
	for _, p := range f.asciiPhrases {
		for _, k := range p.pairs {
			if pairs[k/64]&(1<<(k%64)) == 0 {
				continue phrases
			}
		}
		for i := 0; i+len(p.text) <= len(low); {
			j := bytes.Index(low[i:], p.text)
			if j < 0 {
				break
			}
			i += j
			if !asciiBoundary(t, i) || !asciiBoundary(t, i+len(p.text)) {
				i++
				continue
			}
			// the letters of p, and only those, go
			for k := range p.text {
				low[i+k] = ' '
			}
			n -= p.letters
			i += len(p.text)
		}
	}
	return n
}

// asciiPhrase is a phrase of ASCII as lettersLeftBytes looks for it.
type asciiPhrase struct {
	text    []byte
	letters int      // how many letters it has
	pairs   []uint16 // its pairs of adjacent letters, as letterPair numbers them
}

func newASCIIPhrase(s string) asciiPhrase {
	p := asciiPhrase{text: []byte(s)}
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			p.letters++
			if i > 0 && 'a' <= s[i-1] && s[i-1] <= 'z' {
				p.pairs = append(p.pairs, letterPair(s[i-1], s[i]))
			}
		}
	}
	return p
}

// letterPair numbers a pair of lower-case ASCII letters.
func letterPair(a, b byte) uint16 {
	return uint16(a-'a')*26 + uint16(b-'a')
}

// asciiBoundary is withoutPhrases' boundary at byte i of a text
// lettersLeftBytes reads: no two letters meet there, or a lower-case one
// meets an upper-case one.
func asciiBoundary(t string, i int) bool {
	if i <= 0 || i >= len(t) {
		return true
	}
	a, b := t[i-1], t[i]
	if !isASCIILetterByte(a) || !isASCIILetterByte(b) {
		return true
	}
	return 'a' <= a && a <= 'z' && 'A' <= b && b <= 'Z'
}

func isASCIILetterByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// withoutPhrases returns t, lowered rune by rune, with every furniture
// phrase that stands as whole words blanked out, longest phrase first. A
// phrase stands as whole words when no letter touches it on either side,
// except across a change of case ("FacebookTwitterEmail", a menu glued
// together) or next to Chinese (which has no spaces between words): so
// "Research" is not "search", nor "Homeland" "home".
//
// Most phrases do not occur in a text at all, and a phrase that does not
// occur in the lowered text before any blanking cannot occur after it:
// the blanks a phrase leaves are len(phrase) spaces in a row, at least as
// many as the phrase being looked for has (longest first), while that
// phrase's own spaces each stand alone between two other characters
// (spaced), so no blank can take the place of one of its spaces. Such a
// phrase is skipped after one substring search of the lowered text.
func (f *Furniture) withoutPhrases(t string) []rune {
	orig := []rune(t)
	low := make([]rune, len(orig))
	for i, r := range orig {
		low[i] = unicode.ToLower(r)
	}
	var lowText string
	if f.spaced {
		lowText = string(low)
	}
	boundary := func(i int) bool {
		if i <= 0 || i >= len(orig) {
			return true
		}
		a, b := orig[i-1], orig[i]
		if !unicode.IsLetter(a) || !unicode.IsLetter(b) || lang.IsHan(a) || lang.IsHan(b) {
			return true
		}
		return unicode.IsLower(a) && unicode.IsUpper(b)
	}
	for n, p := range f.runes {
		if f.spaced && !strings.Contains(lowText, f.strs[n]) {
			continue
		}
		for i := 0; i+len(p) <= len(low); i++ {
			if !equalRunes(low[i:i+len(p)], p) || !boundary(i) || !boundary(i+len(p)) {
				continue
			}
			for k := i; k < i+len(p); k++ {
				low[k] = ' '
			}
			i += len(p) - 1
		}
	}
	return low
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// letter: r occurs in a furniture phrase.
func (f *Furniture) letter(r rune) bool {
	if r < utf8.RuneSelf {
		return f.ascii[r]
	}
	if hanFirst <= r && r <= hanLast {
		return f.han[(r-hanFirst)/64]&(1<<((r-hanFirst)%64)) != 0
	}
	_, ok := f.other[r]
	return ok
}

// fieldsAtMost reports whether t has at most n white-space separated
// fields: len(strings.Fields(t)) <= n without making them.
//
// Like spacedOnce, it decodes only what may be white space beyond ASCII
// and passes over words by bytes, and over eight bytes at once when plain8
// finds no white space in them but spaces: a field starts at each of
// their other bytes that follows a space, or follows white space before
// them (TestSpaceScans, TestSpacedOnceLong).
func fieldsAtMost(t string, n int) bool {
	count, in := 0, false
	for i := 0; i < len(t); {
		if i+8 <= len(t) {
			if sp, ok := plain8(lang.Load8(t[i:])); ok {
				const hi = 0x8080808080808080
				words := hi &^ sp
				before := words << 8 // the byte before each is no space
				if in {
					before |= 0x80
				}
				count += bits.OnesCount64(words &^ before)
				if count > n {
					return false
				}
				in = words>>63 != 0
				i += 8
				continue
			}
		}
		c := t[i]
		var r rune
		switch {
		case ' ' < c && c < utf8.RuneSelf:
			for i++; i < len(t) && ' ' < t[i] && t[i] < utf8.RuneSelf; i++ {
			}
			r = rune(c)
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c == 0xc2 || 0xe1 <= c && c <= 0xe3:
			var size int
			r, size = utf8.DecodeRuneInString(t[i:])
			i += size
		default:
			for i++; i < len(t) && t[i]&0xc0 == 0x80; i++ {
			}
			r = utf8.RuneError // not white space, as the bytes passed over
		}
		if lang.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if count++; count > n {
				return false
			}
		}
	}
	return true
}

// MayHaveURL is a quick pre-test for URL expressions: false means s
// contains neither "://" nor "www." (in any case), so none can match.
func MayHaveURL(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// Classify tells body prose from headings and page furniture, with the
// built-in furniture phrases. The aligner never pairs furniture, and the
// checks report it apart from omissions.
func Classify(b *Block) Kind { return builtinFurniture.Classify(b) }

// Classify tells body prose from headings and page furniture, with f's
// phrases.
func (f *Furniture) Classify(b *Block) Kind {
	t := strings.TrimSpace(b.Text)
	if fieldsAtMost(t, furnitureWords) && f.mostlyFurniture(t) {
		return KindFurniture
	}
	if MayHaveURL(t) && urlRe.MatchString(t) && len(urlRe.ReplaceAllString(t, "")) < len(t)/2 {
		return KindFurniture
	}
	if strings.Count(t, "\"")+strings.Count(t, "“") >= 2 && bothScripts(t) && citationRe.MatchString(t) {
		// a citation line naming the work in both languages
		return KindFurniture
	}
	if IsHistoryNote(t, b.Lang) {
		return KindHistory
	}
	if isHeadingText(t, b.Lang) {
		return KindHeading
	}
	return KindBody
}

// bothScripts: t has Han characters and Latin letters.
func bothScripts(t string) bool {
	return lang.HasHan(t) && lang.HasLatin(t)
}

// isHeadingText: short and without sentence-ending punctuation.
func isHeadingText(t string, l Lang) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, " \t\"'”’)）"))
	if strings.ContainsRune(".!?。！？；;:：…", last) {
		return false
	}
	if l == Zh {
		return utf8.RuneCountInString(t) <= 40
	}
	return len(strings.Fields(t)) <= 20
}
