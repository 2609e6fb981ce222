package lang

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// zhDict is the segmentation dictionary: "word freq" lines under a
// "#count N" header, gzip-compressed. It is derived from CC-CEDICT
// (CC BY-SA 4.0) and jieba word frequencies (MIT); see NOTICE. Regenerate it
// with go generate.
//
//go:generate go run ./internal/gendict -o zhdict.txt.gz
//go:embed zhdict.txt.gz
var zhDict []byte

// Token is a word of a text with its byte offsets [Start,End).
type Token struct {
	Text       string
	Start, End int
}

// segmenter is a loaded dictionary. After loading it is only read, so it is
// safe for concurrent use.
//
// It cuts a run of Han characters into the path of dictionary words with
// the least total cost, as gse's Segmenter.Segment does, and gives the same
// cuts (TestSameAsGse): a word costs log2(total frequency) − log2(its
// frequency) in float32, a character that starts no one-character word is
// a word of cost 32, and ties go to the path found first. gse itself is not
// used because building its structures (a trie insertion and a
// sub-segmentation per word) took 0.3–0.5 s for our dictionary; a map
// takes a few milliseconds.
type segmenter struct {
	// index maps a word (ASCII letters in lower case, as gse keys them) to
	// its position in dist, and each proper prefix of a word that is not a
	// word itself to prefixOnly, so that the lookups at a position stop at
	// the first string that no word starts with.
	index map[string]int32
	dist  []float32
	// t2s maps traditional characters to simplified ones; the text is
	// converted before cutting so that the dictionary needs few
	// traditional words.
	t2s map[rune]rune
}

const prefixOnly = -1

// pseudoDist is gse's cost of a character that starts no word.
const pseudoDist = 32

var (
	defaultOnce sync.Once
	defaultSeg  *segmenter
	defaultErr  error
)

// Load loads the embedded segmentation dictionary if it is not loaded yet,
// so that a server can report ready only after it. It returns an error if
// the embedded dictionary is broken.
func Load() error {
	_, err := defaultSegmenter()
	return err
}

// UseDictionary makes the segmenter load the given dictionary instead of the
// embedded one: "word freq" lines, e.g. "国家 8000\n安全 9000\n". It is meant
// for unit tests of packages that segment Chinese and want a tiny, instant
// dictionary; it must be called before the first ZhTokens or Load, and
// returns an error otherwise or if the dictionary is malformed.
func UseDictionary(dict string) error {
	used := false
	defaultOnce.Do(func() {
		used = true
		defaultSeg, defaultErr = loadDict(dict)
	})
	if !used {
		return errors.New("lang: UseDictionary after the segmenter was loaded")
	}
	return defaultErr
}

func defaultSegmenter() (*segmenter, error) {
	defaultOnce.Do(func() {
		defaultSeg, defaultErr = loadGzip(zhDict)
	})
	return defaultSeg, defaultErr
}

func loadGzip(data []byte) (*segmenter, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("lang: segmentation dictionary: %w", err)
	}
	// The gzip trailer holds the uncompressed size.
	var b strings.Builder
	if n := len(data); n >= 4 {
		if size := int(binary.LittleEndian.Uint32(data[n-4:])); size < 64<<20 {
			b.Grow(size)
		}
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, fmt.Errorf("lang: segmentation dictionary: %w", err)
	}
	return loadDict(b.String())
}

// loadDict builds a segmenter from "word freq" lines, optionally headed by
// "#count N", which is then checked against the number of distinct words
// loaded, and "#t2s" followed by pairs of characters (traditional,
// simplified). A word listed twice keeps its first frequency. The map keys
// are substrings of dict, which is kept alive by them.
func loadDict(dict string) (*segmenter, error) {
	s := &segmenter{}
	n := countHint(dict)
	// Proper prefixes that are not words add about a third.
	s.index = make(map[string]int32, n+n/3)
	freqs := make([]float64, 0, n)
	total := 0.0

	want := -1
	lines := 0
	for len(dict) > 0 {
		var line string
		if i := strings.IndexByte(dict, '\n'); i >= 0 {
			line, dict = dict[:i], dict[i+1:]
		} else {
			line, dict = dict, ""
		}
		lines++
		if line == "" {
			continue
		}
		if line[0] == '#' {
			if rest, ok := strings.CutPrefix(line, "#count "); ok {
				n, err := strconv.Atoi(strings.TrimSpace(rest))
				if err != nil {
					return nil, fmt.Errorf("lang: segmentation dictionary line %d: bad count", lines)
				}
				want = n
			} else if rest, ok := strings.CutPrefix(line, "#t2s "); ok {
				if err := s.loadT2S(rest); err != nil {
					return nil, fmt.Errorf("lang: segmentation dictionary line %d: %w", lines, err)
				}
			}
			continue
		}
		word, freqText, ok := strings.Cut(line, " ")
		if !ok || word == "" {
			return nil, fmt.Errorf("lang: segmentation dictionary line %d: want \"word freq\"", lines)
		}
		freq, err := strconv.ParseFloat(strings.TrimSpace(freqText), 64)
		if err != nil || freq <= 0 {
			return nil, fmt.Errorf("lang: segmentation dictionary line %d: bad frequency", lines)
		}
		word = asciiLower(word)
		if i, ok := s.index[word]; ok && i != prefixOnly {
			continue // gse keeps the first entry of a word
		}
		s.index[word] = int32(len(freqs))
		freqs = append(freqs, freq)
		total += freq
		for i := range word {
			if i == 0 {
				continue
			}
			if _, ok := s.index[word[:i]]; !ok {
				s.index[word[:i]] = prefixOnly
			}
		}
	}
	if len(freqs) == 0 {
		return nil, errors.New("lang: segmentation dictionary is empty")
	}
	if want >= 0 && len(freqs) != want {
		return nil, fmt.Errorf("lang: segmentation dictionary has %d words, header says %d", len(freqs), want)
	}
	// The costs exactly as gse's CalcToken computes them.
	logTotal := float32(math.Log2(total))
	s.dist = make([]float32, len(freqs))
	for i, f := range freqs {
		s.dist[i] = logTotal - float32(math.Log2(f))
	}
	return s, nil
}

func (s *segmenter) loadT2S(table string) error {
	n := utf8.RuneCountInString(table)
	if n%2 != 0 {
		return errors.New("odd character table")
	}
	s.t2s = make(map[rune]rune, n/2)
	for len(table) > 0 {
		t, a := utf8.DecodeRuneInString(table)
		c, b := utf8.DecodeRuneInString(table[a:])
		s.t2s[t] = c
		table = table[a+b:]
	}
	return nil
}

// asciiLower lower-cases ASCII letters only, as gse does with the words it
// stores and the text it cuts.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// ZhTokens segments Chinese text. Runs of Han characters are segmented with
// gse and the embedded dictionary; each run of letters or digits (Latin or
// another script, with internal decimal points or thousands separators
// between digits) is one token; punctuation and spaces are dropped. Token
// texts are as written. If the embedded dictionary cannot be loaded, Han
// runs come back one character per token.
func ZhTokens(text string) []Token {
	s, _ := defaultSegmenter()
	return s.tokens(text)
}

func (s *segmenter) tokens(text string) []Token {
	var toks []Token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case IsHan(r):
			j := i + size
			for j < len(text) {
				r2, n := utf8.DecodeRuneInString(text[j:])
				if !IsHan(r2) {
					break
				}
				j += n
			}
			toks = s.appendHan(toks, text, i, j)
			i = j
		case isWordRune(r):
			j := scanWord(text, i)
			toks = append(toks, Token{Text: text[i:j], Start: i, End: j})
			i = j
		default:
			i += size
		}
	}
	return toks
}

func (s *segmenter) appendHan(toks []Token, text string, start, end int) []Token {
	if s == nil {
		for i, r := range text[start:end] {
			n := utf8.RuneLen(r)
			toks = append(toks, Token{Text: text[start+i : start+i+n], Start: start + i, End: start + i + n})
		}
		return toks
	}
	run := text[start:end]
	buf, pos := s.toSimp(run)
	var space [64]int32
	ends := s.cut(buf, space[:0])
	a := 0
	for _, e := range ends {
		b := int(e)
		ta, tb := a, b
		if pos != nil {
			ta, tb = pos[a], pos[b]
		}
		ta, tb = start+ta, start+tb
		toks = append(toks, Token{Text: text[ta:tb], Start: ta, End: tb})
		a = b
	}
	return toks
}

// jumper is the cheapest path found to the end of a unit: its cost and the
// unit at which its last word starts.
type jumper struct {
	dist  float32
	start int32
}

// cut segments buf and appends the end offsets of its words to ends.
//
// It is gse's Segmenter.Segment (without search mode) for our dictionary:
// buf is split into units as gse's SplitTextToWords does (each character,
// except that a run of letters and digits encoded in at most two bytes
// each is one unit), then a shortest path over the units is found with
// the same costs, the same order of relaxation and the same tie-breaking.
func (s *segmenter) cut(buf []byte, ends []int32) []int32 {
	var unitSpace [65]int32
	units := unitSpace[:0] // byte offset of each unit, then len(buf)
	upper := false
	inAlnum := false
	for i := 0; i < len(buf); {
		r, n := rune(buf[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(buf[i:])
		}
		if n <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			if !inAlnum {
				units = append(units, int32(i))
				inAlnum = true
			}
			upper = upper || 'A' <= r && r <= 'Z'
		} else {
			units = append(units, int32(i))
			inAlnum = false
		}
		i += n
	}
	units = append(units, int32(len(buf)))
	key := buf
	if upper {
		key = []byte(asciiLower(string(buf)))
	}

	n := len(units) - 1
	var jumperSpace [64]jumper
	var js []jumper
	if n <= len(jumperSpace) {
		js = jumperSpace[:n]
	} else {
		js = make([]jumper, n)
	}
	relax := func(j *jumper, d float32, start int) {
		// As gse's updateJumper: a zero cost counts as unvisited.
		if j.dist == 0 || j.dist > d {
			j.dist, j.start = d, int32(start)
		}
	}
	for cur := 0; cur < n; cur++ {
		var base float32
		if cur > 0 {
			base = js[cur-1].dist
		}
		oneUnit := false
		for end := cur + 1; end <= n; end++ {
			idx, ok := s.index[string(key[units[cur]:units[end]])]
			if !ok {
				break
			}
			if idx == prefixOnly {
				continue
			}
			oneUnit = oneUnit || end == cur+1
			relax(&js[end-1], base+s.dist[idx], cur)
		}
		if !oneUnit {
			relax(&js[cur], base+pseudoDist, cur)
		}
	}

	// Walk back from the end, then put the words in order.
	first := len(ends)
	for end := n; end > 0; end = int(js[end-1].start) {
		ends = append(ends, units[end])
	}
	slices.Reverse(ends[first:])
	return ends
}

// isWordRune reports whether r belongs to a non-Han word: a letter or digit.
func isWordRune(r rune) bool {
	return !IsHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// scanWord returns the end of the run of word runes starting at i; a '.' or
// ',' between two digits stays inside the run (3.5, 1,000).
func scanWord(text string, i int) int {
	prevDigit := false
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			prevDigit = unicode.IsDigit(r)
			i += n
			continue
		}
		if (r == '.' || r == ',') && prevDigit && i+n < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+n:])
			if unicode.IsDigit(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// countHint reads the "#count N" header, if any, to size the token table.
func countHint(dict string) int {
	rest, ok := strings.CutPrefix(dict, "#count ")
	if !ok {
		return 0
	}
	line, _, _ := strings.Cut(rest, "\n")
	n, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || n < 0 || n > 10_000_000 {
		return 0
	}
	return n
}

// toSimp converts the traditional characters of a Han run to simplified
// ones. If any character changed its byte length, pos maps each byte offset
// of buf at a character boundary (and len(buf)) to the offset in run;
// otherwise pos is nil and offsets are equal.
func (s *segmenter) toSimp(run string) (buf []byte, pos []int) {
	buf = []byte(run)
	if len(s.t2s) == 0 {
		return buf, nil
	}
	sameLen := true
	for i, r := range run {
		c, ok := s.t2s[r]
		if !ok {
			continue
		}
		if utf8.RuneLen(c) != utf8.RuneLen(r) {
			sameLen = false
			break
		}
		utf8.EncodeRune(buf[i:], c)
	}
	if sameLen {
		return buf, nil
	}
	buf = buf[:0]
	pos = make([]int, 0, len(run)+1)
	for i, r := range run {
		if c, ok := s.t2s[r]; ok {
			r = c
		}
		for range utf8.RuneLen(r) {
			pos = append(pos, i)
		}
		buf = utf8.AppendRune(buf, r)
	}
	pos = append(pos, len(run))
	return buf, pos
}
