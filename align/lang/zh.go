package lang

import (
	_ "embed"
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang/internal/zhdict"
)

// zhDictBin is the segmentation dictionary in the form of internal/zhdict:
// words with their costs and a hash index, used in place, so that loading
// takes microseconds. It is built from zhdict.txt.gz ("word freq" lines
// under a "#count N" header, not embedded), which is derived from
// CC-CEDICT (CC BY-SA 4.0) and jieba word frequencies (MIT); see NOTICE.
// Regenerate both with go generate.
//
//go:generate go run ./internal/gendict -o zhdict.txt.gz
//go:generate go run ./internal/genbin -o zhdict.bin zhdict.txt.gz
//go:embed zhdict.bin
var zhDictBin []byte

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
// sub-segmentation per word) took 0.3–0.5 s for our dictionary, and a Go
// map of the words still 50–80 ms; the embedded table needs no building.
type segmenter struct {
	dict *zhdict.Dict
	cuts *cutCache
	// t2s maps traditional characters to simplified ones; the text is
	// converted before cutting so that the dictionary needs few
	// traditional words.
	t2s *t2sTable
}

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
		var d *zhdict.Dict
		if d, defaultErr = zhdict.Decode(zhDictBin); defaultErr == nil {
			defaultSeg = newSegmenter(d)
			defaultSeg.t2s = embeddedT2S() // the table Simplify uses
		}
	})
	return defaultSeg, defaultErr
}

// loadBin views a dictionary in the binary form of internal/zhdict.
func loadBin(data []byte) (*segmenter, error) {
	d, err := zhdict.Decode(data)
	if err != nil {
		return nil, err
	}
	s := newSegmenter(d)
	s.t2s = t2sMap(d.T2S)
	return s, nil
}

// loadDict builds a segmenter from the text form: "word freq" lines,
// optionally headed by "#count N", which is then checked against the number
// of distinct words loaded, and "#t2s" followed by pairs of characters
// (traditional, simplified). A word listed twice keeps its first frequency.
func loadDict(dict string) (*segmenter, error) {
	d, err := zhdict.Parse(dict)
	if err != nil {
		return nil, err
	}
	s := newSegmenter(d)
	s.t2s = t2sMap(d.T2S)
	return s, nil
}

func newSegmenter(d *zhdict.Dict) *segmenter {
	return &segmenter{dict: d, cuts: &cutCache{m: map[string][]int32{}}}
}

// ZhTokens segments Chinese text. Runs of Han characters are segmented with
// the embedded dictionary, as gse would cut them; each run of letters or digits (Latin or
// another script, with internal decimal points or thousands separators
// between digits) is one token; punctuation and spaces are dropped. Token
// texts are as written. If the embedded dictionary cannot be loaded, Han
// runs come back one character per token.
func ZhTokens(text string) []Token {
	s, _ := defaultSegmenter()
	return s.tokens(text)
}

// AppendZhTokens appends the tokens of ZhTokens(text) to toks and returns
// the extended slice, for a caller that reads the tokens and lets them go
// (see AppendEnTokens).
func AppendZhTokens(toks []Token, text string) []Token {
	s, _ := defaultSegmenter()
	return s.appendTokens(toks, text)
}

func (s *segmenter) tokens(text string) []Token {
	// A Chinese word takes about five or six bytes.
	toks := s.appendTokens(make([]Token, 0, len(text)/5+1), text)
	if len(toks) == 0 {
		return nil
	}
	return toks
}

func (s *segmenter) appendTokens(toks []Token, text string) []Token {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case IsHan(r):
			j := i + size
			for j < len(text) {
				// the common case, without decoding
				if j += UnifiedHanRun(text[j:]); j == len(text) {
					break
				}
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

// UnifiedHanRun returns the length in bytes of the characters of the CJK
// Unified Ideographs block (U+4E00 to U+9FFF, all Han and all three bytes
// long: E4 B8–BF or E5–E9 80–BF, then a continuation byte) at the start
// of s, tested three bytes at a time on what is left of s, so that the
// compiler checks no index (TestUnifiedHanRun). Nearly every character of
// a Chinese text is one: a scan passes over them without decoding.
func UnifiedHanRun(s string) int {
	n := 0
	for len(s) >= 3 {
		c0, c1, c2 := s[0], s[1], s[2]
		if !(c0 == 0xe4 && c1 >= 0xb8 || c0-0xe5 <= 0xe9-0xe5) || c1&0xc0 != 0x80 || c2&0xc0 != 0x80 {
			break
		}
		s = s[3:]
		n += 3
	}
	return n
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
	ends := s.cuts.get(run)
	if ends == nil {
		ends = s.cutRun(run)
		s.cuts.put(run, ends)
	}
	a := start
	for _, e := range ends {
		b := start + int(e)
		toks = append(toks, Token{Text: text[a:b], Start: a, End: b})
		a = b
	}
	return toks
}

// cutRun returns the ends of the words of a Han run as byte offsets into
// run: the cut of its simplified form, mapped back to run's offsets where
// simplifying changed a character's length. The cut cache is keyed by the
// run as written, so that a run met again, the common case, is neither
// simplified nor mapped again (toSimp was most of the cost of a cached run).
func (s *segmenter) cutRun(run string) []int32 {
	buf, pos := s.toSimp(run)
	ends := s.cut(buf, nil)
	if pos != nil {
		for k, e := range ends {
			ends[k] = int32(pos[e])
		}
	}
	return ends
}

// cutCache remembers the cuts of Han runs: the aligner and the checks
// segment the same paragraphs and sentences several times (each run of the
// reference document about four times), and a lookup costs a small
// fraction of a cut. It is bounded for a long-running server: when full it
// starts again empty.
type cutCache struct {
	sync.RWMutex
	m     map[string][]int32
	bytes int
}

// maxCutCacheBytes bounds the text held by a cutCache.
const maxCutCacheBytes = 4 << 20

// get returns the cuts of run (as written, not simplified), or nil. The
// slice must not be modified.
func (c *cutCache) get(run string) []int32 {
	c.RLock()
	ends := c.m[run]
	c.RUnlock()
	return ends
}

func (c *cutCache) put(run string, ends []int32) {
	c.Lock()
	if c.bytes+len(run) > maxCutCacheBytes {
		clear(c.m)
		c.bytes = 0
	}
	if _, ok := c.m[run]; !ok {
		// A copy, so that the cache does not keep the caller's text alive.
		c.m[strings.Clone(run)] = slices.Clip(ends)
		c.bytes += len(run)
	}
	c.Unlock()
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
func (s *segmenter) cut(buf string, ends []int32) []int32 {
	var unitSpace [65]int32
	units := unitSpace[:0] // byte offset of each unit, then len(buf)
	upper := false
	inAlnum := false
	for i := 0; i < len(buf); {
		r, n := rune(buf[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(buf[i:])
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
		key = zhdict.ASCIILower(buf)
	}

	n := len(units) - 1
	var jumperSpace [64]jumper
	var js []jumper
	if n <= len(jumperSpace) {
		js = jumperSpace[:n]
	} else {
		js = make([]jumper, n)
	}
	words, dist := s.dict.Words, s.dict.Dist
	for cur := 0; cur < n; cur++ {
		var base float32
		if cur > 0 {
			base = js[cur-1].dist
		}
		oneUnit := false
		for end := cur + 1; end <= n; end++ {
			w, more := words.Probe(key[units[cur]:units[end]])
			if w >= 0 && w < len(dist) {
				oneUnit = oneUnit || end == cur+1
				relax(&js[end-1], base+dist[w], cur)
			}
			if !more {
				break // no word starts with this
			}
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

// relax records a path to the end of a unit if it is cheaper, as gse's
// updateJumper does (a cost of zero counts as no path yet).
func relax(j *jumper, d float32, start int) {
	if j.dist == 0 || j.dist > d {
		j.dist, j.start = d, int32(start)
	}
}

// isWordRune reports whether r belongs to a non-Han word: a letter or digit.
//
// Between Han runs, Chinese text is mostly punctuation, for which the
// unicode tables take three searches of a few hundred ranges each: the
// answers for ASCII and for the blocks of that punctuation are kept as bits
// (wordWindows), worked out by wordRuneSlow itself (TestIsWordRune).
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r] != 0
	}
	for i := range wordWindows {
		if k := uint32(r - wordWindows[i].lo); k < 128 {
			return wordWindows[i].bits[k>>6]>>(k&63)&1 != 0
		}
	}
	return wordRuneSlow(r)
}

func wordRuneSlow(r rune) bool {
	return !IsHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// wordWindows hold wordRuneSlow for 128 runes from each lo: General
// Punctuation (quotation marks, dashes, the ellipsis), CJK Symbols and
// Punctuation, and the fullwidth forms (，：；！？（）).
var wordWindows = func() (w [3]struct {
	lo   rune
	bits [2]uint64
}) {
	for i, lo := range []rune{0x2000, 0x3000, 0xff00} {
		w[i].lo = lo
		for k := range rune(128) {
			if wordRuneSlow(lo + k) {
				w[i].bits[k>>6] |= 1 << (k & 63)
			}
		}
	}
	return w
}()

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

// toSimp converts the traditional characters of a Han run to simplified
// ones. If any character changed its byte length, pos maps each byte offset
// of buf at a character boundary (and len(buf)) to the offset in run;
// otherwise pos is nil and offsets are equal.
func (s *segmenter) toSimp(run string) (buf string, pos []int) {
	if s.t2s.size() == 0 {
		return run, nil
	}
	changed, sameLen := false, true
	for _, r := range run {
		if c, ok := s.t2s.get(r); ok {
			changed = true
			if utf8.RuneLen(c) != utf8.RuneLen(r) {
				sameLen = false
				break
			}
		}
	}
	if !changed {
		return run, nil
	}
	b := make([]byte, 0, len(run)+8)
	if sameLen {
		for _, r := range run {
			if c, ok := s.t2s.get(r); ok {
				r = c
			}
			b = utf8.AppendRune(b, r)
		}
		return string(b), nil
	}
	pos = make([]int, 0, len(run)+1)
	for i, r := range run {
		if c, ok := s.t2s.get(r); ok {
			r = c
		}
		for range utf8.RuneLen(r) {
			pos = append(pos, i)
		}
		b = utf8.AppendRune(b, r)
	}
	pos = append(pos, len(run))
	return string(b), pos
}
