package lang

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/kljensen/snowball/english"
)

// EnTokens splits English text into words: runs of letters and digits,
// with '.' or ',' between digits kept inside (3.5, 1,000) and dotted
// acronyms kept whole (U.S., e.g.). Hyphenated compounds are split into
// their parts (zero-COVID → zero, covid). An apostrophe between letters
// stays inside the word (don't, it's, o'clock), except that a possessive
// 's or a bare trailing apostrophe is dropped (China's → china). Text is the
// written form lower-cased; Start and End are byte offsets into text.
func EnTokens(text string) []Token {
	// English has a word every six bytes or so; a little more room than
	// that spares growing the slice, which costs more than the room.
	toks := AppendEnTokens(make([]Token, 0, len(text)/5+2), text)
	if len(toks) == 0 {
		return nil
	}
	return toks
}

// AppendEnTokens appends the tokens of EnTokens(text) to toks and returns
// the extended slice. A caller that reads the tokens and lets them go
// passes the same buffer each time (toks[:0]) and allocates nothing once
// it has grown: a long document's English is tokenized by several stages,
// and the slices EnTokens makes were a tenth of a whole run's allocation.
func AppendEnTokens(toks []Token, text string) []Token {
	// lower is text with ASCII letters in lower case, made when first
	// needed: ASCII words are cut from it instead of being lower-cased one
	// by one.
	lower := ""
	lowerASCII := func(i, j int) string {
		w := text[i:j]
		upper := false
		for k := 0; k < len(w); k++ {
			if c := w[k]; c >= utf8.RuneSelf {
				return strings.ToLower(w)
			} else if 'A' <= c && c <= 'Z' {
				upper = true
			}
		}
		if !upper {
			return w
		}
		if lower == "" {
			lower = asciiLowerString(text)
		}
		return lower[i:j]
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && asciiClass[c] == 0 {
			// Space or ASCII punctuation: no word starts here, as
			// asciiWord and isEnWordRune would say after a call each.
			i++
			continue
		}
		if j, upper, ok := asciiWord(text, i); ok {
			// The common case, a plain ASCII word, without the general scan;
			// asciiWord has seen whether it needs lowering.
			w := text[i:j]
			if upper {
				if lower == "" {
					lower = asciiLowerString(text)
				}
				w = lower[i:j]
			}
			toks = append(toks, Token{Text: w, Start: i, End: j})
			i = j
			continue
		}
		r, n := decodeRune(text, i)
		if !isEnWordRune(r) {
			i += n
			continue
		}
		j := scanEnWord(text, i)
		toks = append(toks, Token{Text: lowerASCII(i, j), Start: i, End: j})
		i = skipPossessive(text, j)
	}
	return toks
}

// asciiWord returns the end of the word at text[i] if it is a run of ASCII
// letters and digits that the general scan (scanEnWord, skipPossessive)
// would end where the run ends; ok is false when text[i] starts no word or
// when the run ends at a character that needs that scan: an apostrophe,
// a dot or comma that may continue a number or an acronym, or a non-ASCII
// character. upper reports whether the word has an upper-case letter: the
// scan reads every byte anyway, and lowering the word would read them again.
func asciiWord(text string, i int) (end int, upper, ok bool) {
	j := i
	var seen uint8
	for j < len(text) {
		c := asciiClass[text[j]]
		if c == 0 {
			break
		}
		seen |= c
		j++
	}
	if j == i {
		return 0, false, false
	}
	upper = seen&asciiUpper != 0
	if j == len(text) {
		return j, upper, true
	}
	switch c := text[j]; {
	case c >= utf8.RuneSelf, c == '\'':
		return 0, false, false
	case c == '.' || c == ',':
		if c == '.' && j == i+1 {
			return 0, false, false // maybe U.S.
		}
		if isASCIIDigit(text[j-1]) && j+1 < len(text) && (isASCIIDigit(text[j+1]) || text[j+1] >= utf8.RuneSelf) {
			return 0, false, false // maybe 3.5 or 1,000
		}
	}
	return j, upper, true
}

// The classes of asciiClass: 0 for a byte that is no ASCII letter or digit.
const (
	asciiLowerOrDigit = 1 << iota
	asciiUpper
)

// asciiClass classes every byte for asciiWord, one load a byte instead of
// IsASCIIAlnum's three ranges and a test for capitals.
var asciiClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = asciiUpper
		case IsASCIIAlnum(byte(c)):
			t[c] = asciiLowerOrDigit
		}
	}
	return t
}()

// asciiLowerString lower-cases the ASCII letters of s, leaving every other
// byte where it is. It works on eight bytes at a time (lowerASCII8): a
// text is lowered whole once a word of it has a capital, so this reads
// every byte of most English paragraphs.
func asciiLowerString(s string) string {
	if s == "" {
		return ""
	}
	b := make([]byte, len(s))
	i := 0
	for ; i+8 <= len(s); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], lowerASCII8(Load8(s[i:])))
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	// b is never written again: the string may share its bytes, as
	// strings.Builder's does.
	return unsafe.String(&b[0], len(b))
}

// lowerASCII8 lower-cases the ASCII capitals among the eight bytes of w.
// Each byte's low seven bits x are added to at once, with no carry into the
// next byte (x is at most 7F): x+3F has its high bit set when x ≥ 'A', x+25
// when x > 'Z'. A byte of w with its own high bit set is no ASCII and is
// left alone. A capital gets 0x20, the high bit shifted down by two.
func lowerASCII8(w uint64) uint64 {
	const hi = 0x8080808080808080
	x := w &^ hi
	ge := x + 0x3f3f3f3f3f3f3f3f
	gt := x + 0x2525252525252525
	return w | (ge&^gt&^w&hi)>>2
}

// IsASCIIAlnum reports whether c is an ASCII letter or digit.
func IsASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func isEnWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	// The same test as a Chinese word's, with curly quotes and dashes
	// answered from its bits (TestIsWordRune).
	return isWordRune(r)
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with ASCII inlined.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanEnWord returns the end of the English word starting at text[i].
func scanEnWord(text string, i int) int {
	start := i
	// Dotted acronym: letter '.' letter '.' …
	if j := scanDotted(text, i); j > i {
		return j
	}
	prev := rune(0)
	for i < len(text) {
		r, n := decodeRune(text, i)
		if isEnWordRune(r) {
			prev = r
			i += n
			continue
		}
		if i+n >= len(text) {
			break
		}
		next, m := decodeRune(text, i+n)
		if (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
			i += n
			continue
		}
		if isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(next) {
			// Possessive 's ends the word before the apostrophe.
			after := i + n + m
			if (next == 's' || next == 'S') && (after >= len(text) || !isEnWordRune(FirstRune(text[after:]))) &&
				!isContraction(text[start:after]) {
				break
			}
			i += n
			continue
		}
		break
	}
	return i
}

// skipPossessive returns the offset after a possessive 's at text[i], or i.
func skipPossessive(text string, i int) int {
	r, n := utf8.DecodeRuneInString(text[i:])
	if !isApostrophe(r) || i+n >= len(text) || text[i+n] != 's' && text[i+n] != 'S' {
		return i
	}
	if j := i + n + 1; j >= len(text) || !isEnWordRune(FirstRune(text[j:])) {
		return j
	}
	return i
}

// FirstRune is the first character of s as utf8.DecodeRuneInString gives
// it, with a valid three-byte sequence, a Chinese character, decoded
// inline: utf8's general decoder is a call that most tokens of a Chinese
// text took (TestFirstRune).
func FirstRune(s string) rune {
	if len(s) >= 3 && s[0]&0xf0 == 0xe0 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 {
		r := rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f)
		if r >= 0x800 && (r < 0xd800 || r > 0xdfff) {
			return r
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// scanDotted returns the end of a dotted acronym (U.S., e.g., U.S.A.)
// starting at text[i], or i if there is none. The final dot is included.
func scanDotted(text string, i int) int {
	j := i
	letters := 0
	for j+1 < len(text) {
		r := text[j]
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') || text[j+1] != '.' {
			break
		}
		letters++
		j += 2
	}
	if letters < 2 {
		return i
	}
	// The acronym must not run on into a word: "U.S.based" is not one.
	if j < len(text) && isEnWordRune(FirstRune(text[j:])) {
		return i
	}
	return j
}

var contractions = setOf("it's", "that's", "he's", "she's", "what's", "there's", "here's", "let's", "who's",
	"where's", "how's", "when's", "why's")

func isContraction(w string) bool {
	return contractions[strings.ReplaceAll(strings.ToLower(w), "’", "'")]
}

// Stem returns the Snowball (Porter2) English stem of a lower-case word.
// Stop words are stemmed too, so every word maps the same way.
//
// Stems are remembered: the Snowball stemmer takes about a microsecond a
// word, and the aligner and the checks stem the same few thousand words of
// a document again and again.
func Stem(word string) string {
	stems.RLock()
	s, ok := stems.m[word]
	stems.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(word, true)
	stems.Lock()
	if len(stems.m) < maxStems {
		// Copies, so that the cache does not keep the caller's text alive.
		s = strings.Clone(s)
		stems.m[strings.Clone(word)] = s
	}
	stems.Unlock()
	return s
}

// maxStems bounds the stem cache (a few MB) for a long-running server.
const maxStems = 1 << 16

var stems = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// IsStopword reports whether word (lower case) is an English function word:
// articles, pronouns, auxiliaries, prepositions, conjunctions and the like.
func IsStopword(word string) bool {
	return stopwords[strings.ReplaceAll(word, "’", "'")]
}

// Keyword maps a written English word to the form used for lexical
// matching: acronyms written in capitals (US, U.S., UN, WHO) become their
// letters in lower case, unstemmed, even when they spell a function word;
// other words are lower-cased and stemmed; function words and words
// without a letter or digit are dropped (ok false).
//
// Results are remembered, as stems are (see Stem).
func Keyword(written string) (key string, ok bool) {
	keywords.RLock()
	k, found := keywords.m[written]
	keywords.RUnlock()
	if found {
		return k.key, k.ok
	}
	key, ok = keyword(written)
	keywords.Lock()
	if len(keywords.m) < maxKeywords {
		keywords.m[strings.Clone(written)] = keywordResult{strings.Clone(key), ok}
	}
	keywords.Unlock()
	return key, ok
}

type keywordResult struct {
	key string
	ok  bool
}

// maxKeywords bounds the keyword cache (a few MB) for a long-running server.
const maxKeywords = 1 << 16

var keywords = struct {
	sync.RWMutex
	m map[string]keywordResult
}{m: map[string]keywordResult{}}

func keyword(written string) (key string, ok bool) {
	w := strings.TrimRight(written, ".")
	if w == "" {
		return "", false
	}
	if isAcronym(w) {
		return strings.ToLower(strings.ReplaceAll(w, ".", "")), true
	}
	lw := strings.ToLower(w)
	if IsStopword(lw) {
		return "", false
	}
	hasAlnum := false
	for _, r := range lw {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			hasAlnum = true
			break
		}
	}
	if !hasAlnum {
		return "", false
	}
	if strings.ContainsAny(lw, "0123456789") {
		return strings.ReplaceAll(lw, ",", ""), true
	}
	return Stem(lw), true
}

// isAcronym reports whether w is two or more capitals, optionally dotted
// (US, U.S, WHO), possibly with a trailing lower-case s (NGOs).
func isAcronym(w string) bool {
	caps := 0
	for i, r := range w {
		switch {
		case 'A' <= r && r <= 'Z':
			caps++
		case r == '.':
		case r == 's' && i == len(w)-1 && caps >= 2:
		default:
			return false
		}
	}
	return caps >= 2
}

var stopwords = setOf(
	// articles, determiners, quantifiers
	"a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "either", "neither",
	"no", "not", "nor", "all", "both", "such", "own", "same", "other", "another", "much", "many", "more",
	"most", "less", "least", "few", "fewer", "several", "enough", "very", "too", "so", "only", "just", "even",
	"also", "than", "then", "there", "here", "thus", "hence", "therefore", "however", "yet", "still", "already",
	"quite", "rather", "else", "ever", "never", "always", "often", "again", "once", "perhaps",
	// pronouns
	"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
	"yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
	"itself", "they", "them", "their", "theirs", "themselves", "one", "oneself", "who", "whom", "whose",
	"which", "what", "whatever", "whoever", "whichever", "someone", "somebody", "something", "anyone",
	"anybody", "anything", "everyone", "everybody", "everything", "nobody", "nothing",
	// auxiliaries and copulas
	"be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does",
	"did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
	"ought", "let", "get", "gets", "got",
	// contractions
	"i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he's", "he'd", "he'll", "she's",
	"she'd", "she'll", "it's", "it'd", "it'll", "we're", "we've", "we'd", "we'll", "they're", "they've",
	"they'd", "they'll", "that's", "there's", "here's", "what's", "who's", "let's", "isn't", "aren't",
	"wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't", "wouldn't",
	"shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "mightn't", "needn't", "'s",
	// prepositions
	"of", "in", "on", "at", "by", "for", "with", "without", "within", "from", "to", "into", "onto", "upon",
	"about", "above", "below", "over", "under", "between", "among", "amongst", "through", "throughout",
	"during", "before", "after", "since", "until", "till", "against", "toward", "towards", "across", "along",
	"around", "behind", "beyond", "beside", "besides", "near", "off", "out", "up", "down", "via", "per",
	"despite", "except", "like", "unlike", "amid", "amidst", "upon", "whereby", "thereby", "therein",
	"thereof", "herein", "hereby",
	// conjunctions and relative adverbs
	"and", "or", "but", "if", "unless", "because", "as", "while", "whilst", "whereas", "although", "though",
	"whether", "when", "whenever", "where", "wherever", "why", "how", "once", "lest",
	// others
	"etc", "ie", "eg", "via", "yes", "oh",
)
