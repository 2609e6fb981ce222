package lang

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
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

// segmenter wraps a loaded gse segmenter. After loading it is only read, so
// it is safe for concurrent use.
type segmenter struct {
	seg gse.Segmenter
	// t2s maps traditional characters to simplified ones; the text is
	// converted before cutting so that the dictionary needs few
	// traditional words.
	t2s map[rune]rune
}

var (
	defaultOnce sync.Once
	defaultSeg  *segmenter
	defaultErr  error

	// gse keeps some state in package variables; loading is serialised so
	// that two segmenters (the default one and a test one) never load at
	// the same time.
	loadMu sync.Mutex
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
// "#count N", which is then checked against the number of words loaded,
// and "#t2s" followed by pairs of characters (traditional, simplified).
//
// Words go in through gse's AddToken and one CalcToken at the end rather
// than LoadDictStr, which would reset every one-character word to frequency
// 2 (making 的 as rare as the rarest word) and give no error on bad lines.
func loadDict(dict string) (*segmenter, error) {
	loadMu.Lock()
	defer loadMu.Unlock()

	s := &segmenter{}
	// No HMM: its model lives in package variables of gse/hmm and is not
	// used by the shortest-path segmentation below.
	s.seg.NotLoadHMM = true
	s.seg.SkipLog = true
	s.seg.Dict = gse.NewDict()
	s.seg.Load = true
	s.seg.Init()
	if n := countHint(dict); n > 0 {
		s.seg.Dict.Tokens = make([]gse.Token, 0, n)
	}

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
		if rest, ok := strings.CutPrefix(line, "#count "); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				return nil, fmt.Errorf("lang: segmentation dictionary line %d: bad count", lines)
			}
			want = n
			continue
		}
		if rest, ok := strings.CutPrefix(line, "#t2s "); ok {
			rs := []rune(rest)
			if len(rs)%2 != 0 {
				return nil, fmt.Errorf("lang: segmentation dictionary line %d: odd character table", lines)
			}
			s.t2s = make(map[rune]rune, len(rs)/2)
			for i := 0; i < len(rs); i += 2 {
				s.t2s[rs[i]] = rs[i+1]
			}
			continue
		}
		if line[0] == '#' {
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
		if err := s.seg.AddToken(word, freq); err != nil {
			return nil, fmt.Errorf("lang: segmentation dictionary line %d: %w", lines, err)
		}
	}
	n := s.seg.Dict.NumTokens()
	if n == 0 {
		return nil, errors.New("lang: segmentation dictionary is empty")
	}
	if want >= 0 && n != want {
		return nil, fmt.Errorf("lang: segmentation dictionary has %d words, header says %d", n, want)
	}
	s.seg.CalcToken()
	return s, nil
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
	for _, sg := range s.seg.Segment(buf) {
		a, b := sg.Start(), sg.End()
		if pos != nil {
			a, b = pos[a], pos[b]
		}
		a, b = start+a, start+b
		toks = append(toks, Token{Text: text[a:b], Start: a, End: b})
	}
	return toks
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
