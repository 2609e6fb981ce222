package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a range of byte offsets [Start,End) into a string.
type Span struct{ Start, End int }

// Split splits text into sentences with SplitZh when it has more Han
// characters than Latin letters, else with SplitEn.
func Split(text string) []Span {
	c := Count(text)
	if c.Han > c.Latin {
		return SplitZh(text)
	}
	return SplitEn(text)
}

// Closing quotes and brackets that stay with the sentence they follow, and
// the opening ones that start a sentence.
const (
	zhClosers = "”’」』）)】》〉］]＂\"'"
	zhOpeners = "“‘「『（(【《〈［["
	enClosers = "\"'”’)]}»›）"
	enOpeners = "\"'“‘([{«‹（"
)

// Punctuation after a closing quote that shows the sentence goes on.
const zhContinuers = "，、：；,:;"

// skipClosers returns the offset after the closing quotes and brackets at
// text[i:], which may be preceded by spaces (“… 。 ”” in some corpora).
func skipClosers(text string, i int, closers string) int {
	for j := i; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case strings.ContainsRune(closers, r):
			j += n
			i = j
		case r == ' ' || r == '\u3000':
			j += n
		default:
			return i
		}
	}
	return i
}

// onlyEllipsis reports whether a terminator run is an ellipsis only.
func onlyEllipsis(run string) bool {
	return strings.Trim(run, "…⋯") == ""
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' }

// SplitZh splits Chinese text into sentences.
//
// A sentence ends after a run of 。！？；!? (an ellipsis …… inside the run
// is part of it), together with the closing quotes and brackets that follow
// it (”’」』）)】》…, also after spaces), and at a blank line.
//
// Quotes: when closing quotes or brackets follow the terminator, the
// sentence ends unless the next character is punctuation that continues it
// (，、：；). So “走吧。”他说完就走了。 and 他说：“我们走吧。”然后离开了。
// are two sentences each: in the gold sentence splits of MAC, Champollion
// and aligner-eval, a quotation closed by a terminator and followed by more
// text ends a sentence in 1,016 of 1,024 cases, and the English translation
// starts a new sentence there too. “好。”，他说 stays one sentence.
//
// Ellipsis: a bare …… (not followed by a terminator or closing quote) does
// not end a sentence; in fiction it mostly marks hesitation inside one
// (我……我不知道), and the gold splits end a sentence at only a third of
// them. …… before a closing quote or at the end of the text does.
//
// ；ends a sentence: the gold splits mostly do not, but translators often
// do (a Chinese sentence with ；aligns to two or more English sentences in
// about half the cases of MAC-Test and aligner-eval pol), so the finer unit
// helps alignment.
//
// Spans are trimmed of whitespace; no span is empty.
func SplitZh(text string) []Span {
	var spans []Span
	start := 0
	i := 0
	for i < len(text) {
		if !zhStops[text[i]] {
			i++ // see zhStops
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if j, ok := blankLine(text, i); ok {
				spans = appendTrimmed(spans, text, start, i)
				start, i = j, j
				continue
			}
		case isZhTerminator(text, i):
			end := skipZhTerminators(text, i)
			closed := skipClosers(text, end, zhClosers)
			if closed < len(text) {
				next, _ := utf8.DecodeRuneInString(text[closed:])
				if closed > end && strings.ContainsRune(zhContinuers, next) {
					i = closed
					continue
				}
			}
			spans = appendTrimmed(spans, text, start, closed)
			start, i = closed, closed
			continue
		}
		i += n
	}
	return appendTrimmed(spans, text, start, len(text))
}

// zhStops and enStops mark the first bytes of the characters at which
// SplitZh and SplitEn act: a newline and their terminators. The loops step
// over any other byte without decoding it. That visits what decoding
// character by character visits: a stop byte is ASCII or a leading byte,
// never a continuation byte, so no character's decoding passes over one,
// and every character that is not a stop is passed over either way.
var (
	zhStops = stopBytes("\n。！？；!?｡…⋯")
	enStops = stopBytes("\n.!?…")
)

func stopBytes(chars string) (t [256]bool) {
	for i := range chars { // i is each character's first byte
		t[chars[i]] = true
	}
	return t
}

// isZhTerminator reports whether a sentence terminator starts at text[i].
func isZhTerminator(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '。', '！', '？', '；', '!', '?', '｡':
		return true
	case '…', '⋯':
		// An ellipsis counts only where the sentence may end: before a
		// terminator, a closer or the end of the text.
		j := skipZhTerminators(text, i)
		if j == i+n {
			return false // a single …
		}
		if j == len(text) {
			return true
		}
		r2, _ := utf8.DecodeRuneInString(text[j:])
		return !onlyEllipsis(text[i:j]) || strings.ContainsRune(zhClosers, r2) || isSpace(r2) && skipClosers(text, j, zhClosers) > j
	}
	return false
}

func skipZhTerminators(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '。', '！', '？', '；', '!', '?', '｡', '…', '⋯':
			i += n
			continue
		}
		break
	}
	return i
}

// blankLine reports whether the newline at text[i] starts a blank line: only
// whitespace up to another newline. It returns the offset after that
// whitespace.
func blankLine(text string, i int) (int, bool) {
	j := i + 1
	blank := false
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isSpace(r) {
			break
		}
		if r == '\n' {
			blank = true
		}
		j += n
	}
	return j, blank
}

func appendTrimmed(spans []Span, text string, start, end int) []Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	if start < end {
		spans = append(spans, Span{start, end})
	}
	return spans
}

// Abbreviations after which a full stop does not end an English sentence.
// titleAbbrevs precede a name or a number and never end a sentence;
// finalAbbrevs may end one, so a sentence ends after them only when the next
// word is a typical sentence opener (The, It, In …); numberAbbrevs (No. 5,
// Art. 3, p. 12) do not end a sentence when a number follows.
var (
	titleAbbrevs = setOf("Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Sen", "Rep", "Gov",
		"Col", "Lt", "Capt", "Cmdr", "Adm", "Maj", "Sgt", "Pres", "Rev", "Hon", "Amb", "Messrs", "Mme", "Mlle",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "incl", "esp", "dept", "Dept", "Univ", "Assn", "Ave", "Blvd",
		"Fig", "fig", "Figs", "Eq", "Ch", "ch", "Sec", "sec", "para", "paras", "ed", "eds", "trans", "vol", "Vol", "Vols")
	finalAbbrevs = setOf("etc", "U.S", "U.K", "U.N", "U.S.A", "E.U", "P.R.C", "D.C", "Inc", "Ltd", "Co", "Corp",
		"Jr", "Sr", "Bros", "a.m", "p.m", "A.M", "P.M", "B.C", "A.D", "al")
	numberAbbrevs = setOf("No", "no", "Nos", "nos", "Art", "art", "Arts", "p", "pp", "Vol", "vol", "Para", "Sec",
		"Ch", "Fig", "Tab", "Nr", "nr")
	sentenceOpeners = setOf("The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I",
		"You", "Our", "Their", "His", "Her", "In", "On", "At", "As", "For", "But", "And", "Yet", "So", "If", "When",
		"While", "After", "Before", "Since", "There", "Here", "A", "An", "What", "How", "Why", "Such", "Some",
		"Many", "Most", "All", "Both", "Each", "Meanwhile", "However", "Moreover", "Furthermore", "Thus", "Therefore",
		"Today", "Now", "Then", "Yesterday", "According", "Under", "With", "By", "From", "To", "Over", "Among")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// SplitEn splits English text into sentences.
//
// A sentence ends after a run of . ! ? … (with the closing quotes and
// brackets that follow it) when whitespace follows and then an upper-case
// letter, a digit, an opening quote or bracket, or a Han character; and at
// a blank line. A full stop does not end a sentence after a title or other
// abbreviation (Mr. Dr. Gen. Jan. e.g. vs. …), after an initial (J. K.
// Rowling), after No./Art./p. when a number follows, nor after an
// abbreviation that can end a sentence (etc. U.S. Inc. Jr. …) unless the
// next word is a usual sentence opener (The, It, In …). Decimals (3.5) and
// ellipses followed by a lower-case word never split, since the next
// character is no sentence start.
func SplitEn(text string) []Span {
	var spans []Span
	quotes := quoteCounter{text: text}
	start := 0
	i := 0
	for i < len(text) {
		if !enStops[text[i]] {
			i++ // see zhStops
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if j, ok := blankLine(text, i); ok {
				spans = appendTrimmed(spans, text, start, i)
				start, i = j, j
				continue
			}
		case r == '.' || r == '!' || r == '?' || r == '…':
			end := i
			for end < len(text) {
				c, m := utf8.DecodeRuneInString(text[end:])
				if c != '.' && c != '!' && c != '?' && c != '…' {
					break
				}
				end += m
			}
			for end < len(text) {
				c, m := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune(enClosers, c) {
					break
				}
				end += m
			}
			// A straight quote after spaces closes the sentence's quotation
			// the text so far has an odd number of them (`later. " Another`).
			if j := skipSpaces(text, end); j < len(text) && text[j] == '"' && j > end && quotes.odd(end) {
				end = j + 1
			}
			if enBoundary(text, start, i, end) {
				spans = appendTrimmed(spans, text, start, end)
				start = end
			}
			i = end
			continue
		}
		i += n
	}
	return appendTrimmed(spans, text, start, len(text))
}

// quoteCounter counts the straight double quotes of a text up to growing
// offsets, in one pass over the text.
type quoteCounter struct {
	text    string
	counted int // offset up to which n is known
	n       int
}

// odd reports whether text[:end] holds an odd number of '"'.
func (q *quoteCounter) odd(end int) bool {
	if end > q.counted {
		q.n += strings.Count(q.text[q.counted:end], "\"")
		q.counted = end
	}
	return q.n%2 == 1
}

func skipSpaces(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// enBoundary decides whether the terminator run text[term:end] ends the
// sentence begun at start.
func enBoundary(text string, start, term, end int) bool {
	if end >= len(text) {
		return true
	}
	// Whitespace must follow.
	next := end
	for next < len(text) {
		r, n := utf8.DecodeRuneInString(text[next:])
		if !isSpace(r) {
			break
		}
		next += n
	}
	if next == end {
		return false
	}
	if next >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[next:])
	if !(unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) || IsHan(r) ||
		strings.ContainsRune(enOpeners, r)) {
		return false
	}
	// Only a single full stop can close an abbreviation.
	if text[term] != '.' || (term+1 < len(text) && text[term+1] == '.') {
		return true
	}
	word := wordBefore(text, start, term)
	if word == "" {
		return true
	}
	nextWord := wordAt(text, next)
	if strings.TrimLeftFunc(text[start:term], isSpace) == word && isEnumerator(word) {
		// "I. Introduction", "2. The Party", "(a) …": an enumerator that
		// opens the span is a heading or list label, not a sentence.
		return false
	}
	switch {
	case titleAbbrevs[word]:
		return false
	case numberAbbrevs[word] && unicode.IsDigit(r):
		return false
	case finalAbbrevs[word]:
		return sentenceOpeners[nextWord]
	case isInitial(word):
		// "J. K. Rowling", "H. L. A. Hart", "George W. Bush"; but "… in
		// World War I. The" and "plan B. It" end a sentence.
		if isInitial(nextWord) && next+len(nextWord) < len(text) && text[next+len(nextWord)] == '.' {
			return false
		}
		return sentenceOpeners[nextWord]
	case isDottedAcronym(word):
		return sentenceOpeners[nextWord]
	}
	return true
}

// wordBefore returns the word that ends at text[term] (the full stop),
// without leading opening punctuation, e.g. "Mr", "U.S", "e.g".
func wordBefore(text string, start, term int) string {
	j := term
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if isSpace(r) || strings.ContainsRune(enOpeners, r) || r == '—' || r == '–' || r == '/' {
			break
		}
		j -= n
	}
	return text[j:term]
}

// wordAt returns the letters starting at text[i], after opening quotes.
func wordAt(text string, i int) string {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(enOpeners, r) {
			break
		}
		i += n
	}
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

// isEnumerator reports whether word is a list or section label: a Roman
// numeral, a number or a single letter, optionally in brackets.
func isEnumerator(word string) bool {
	w := strings.Trim(word, "()[]")
	if w == "" {
		return false
	}
	if strings.Trim(w, "0123456789") == "" && len(w) <= 3 {
		return true
	}
	if strings.Trim(w, "IVXLC") == "" || strings.Trim(w, "ivxlc") == "" && len(w) <= 4 {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsLetter(r)
}

// isInitial reports whether word is a single upper-case letter.
func isInitial(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && unicode.IsUpper(r)
}

// isDottedAcronym reports whether word looks like "U.S" or "e.g": single
// letters separated by dots.
func isDottedAcronym(word string) bool {
	if len(word) < 3 {
		return false
	}
	for i, r := range word {
		if i%2 == 0 && !unicode.IsLetter(r) || i%2 == 1 && r != '.' {
			return false
		}
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
