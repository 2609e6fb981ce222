package checks

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// Punctuation reports broken pairs and the wrong script's punctuation.
var Punctuation = &Check{
	Name:     "punctuation",
	Category: CatPunctuation,
	Severity: Warning,
	Run:      runPunctuation,
	Doc: `unbalanced quotes and brackets; Chinese punctuation in the English

- Within each paragraph, on either side, quotes and brackets must pair up:
  “ ” ( ) （ ） [ ] 【 】 《 》 「 」 『 』 〈 〉, and straight double quotes
  must come in even numbers. A closing mark with no opening one, or an
  opening one never closed, is reported where it stands. Not reported: the
  brackets of list markers ("1)", "a)"), and an English quotation running
  over several paragraphs, where each paragraph opens with “ and only the
  last one closes it. Single quotes are not checked in English (’ is also
  the apostrophe). A quotation or bracket opened with one style of mark
  and closed with another (‘not guilty”, “term", 縣(市）) is reported once,
  where it closes: "‘ is closed with ”".
- Full-width punctuation in English text — ， 。 ： ； ！ ？ （ ） 、 ＂ —
  outside a run of Chinese (see "untranslated" for those).

Quoted terms that lose or gain their quotes in translation are reported
under "punctuation/quotes".

A slip in the original is reported as such (confidence 0.6), full-width
punctuation in an English original at info, and so is an unbalanced mark
of the translation whose aligned original has the same one: the
translation follows its original there.

Example: en "the so-called “Two Establishes, which …" → opening “ is never
closed in the English paragraph`,
	Confidence: `1 for a mark of the translation; 0.6 for one of the original; 0.4 (info)
for one the original's aligned paragraph has too, and for full-width marks
in an English original.`,
}

// PunctuationQuotes reports quoted terms whose quotes are lost.
var PunctuationQuotes = &Check{
	Name:     "punctuation/quotes",
	Category: CatPunctuation,
	Severity: Info,
	Run:      runPunctuationQuotes,
	Doc: `a quoted term on one side, no quotation on the other

A short quoted term in a Chinese sentence — “两个确立”, “放管服”, up to 12
characters without sentence punctuation inside — whose aligned English
sentence has no quotation at all (neither “ ” nor " " nor ‘ ’). With
--source en it is the other way: a quoted term of the English (up to 6
words) whose Chinese sentence has no quotes and no 《》. Quotes the
translation adds are not reported. Quoted speech (longer quotations) is not compared:
translations turn it into reported speech and back. To stay clear of quotes
used for emphasis, a term is only reported when it is quoted in the
source language every time it occurs in the document, and the translation
quotes some other term in the document (so it does use quotes for terms).

Info by default: translations of the genre drop the quotes of a term as
often as they keep them (“十三五” → the 13th Five-Year Plan), so this is a
matter of house style. A house that wants the quotes kept raises it in
.aligncheck.yaml (checks: {punctuation/quotes: {severity: warning}}).

Example: zh "增强“四个意识”。" / en "strengthen the four consciousnesses." →
quoted “四个意识” in the Chinese has no quotation in the English`,
	Confidence: `1: the quotation marks are there or not.`,
}

type bracketPair struct {
	open, close rune
	lang        int // 0 both, 1 zh only
}

var bracketPairs = []bracketPair{
	{'“', '”', 0}, {'(', ')', 0}, {'（', '）', 0}, {'[', ']', 0}, {'【', '】', 0}, {'《', '》', 0},
	{'「', '」', 1}, {'『', '』', 1}, {'〈', '〉', 1}, {'‘', '’', 1},
}

// bracketLead marks the bytes that begin a mark of bracketPairs.
var bracketLead = func() (t [256]bool) {
	for _, bp := range bracketPairs {
		for _, r := range []rune{bp.open, bp.close} {
			t[string(r)[0]] = true
		}
	}
	return t
}()

// markAt is a character of a text at byte i.
type markAt struct {
	i int
	r rune
}

// bracketMarks returns the pairs of bracketPairs whose opening or closing
// mark s holds, as bit k for pair k (what strings.ContainsRune says of
// each mark), and appends to at the marks, where ranging over s finds
// them, of the pairs that apply to language l, with the fullwidth ＂: the
// marks the pairs' passes of unbalanced act on. One pass over s does both
// (TestBracketMarks): each mark begins with a byte of bracketLead (＂ with
// the lead of （), ASCII or the lead of a multi-byte character, which
// never continues another. A mark of a pair that does not apply to l (’ in
// English) would only be passed over, and is not listed.
func bracketMarks(s string, l align.Lang, at []markAt) (uint32, []markAt) {
	var m uint32
	for i := 0; i < len(s); i++ {
		if !bracketLead[s[i]] {
			// no mark begins in most runs of eight bytes: passed at once,
			// up to the first byte that may begin one
			for i+9 <= len(s) {
				if m := bracketMask8(lang.Load8(s[i+1:])); m != 0 {
					i += bits.TrailingZeros64(m) / 8 // i++ reaches it
					break
				}
				i += 8
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if r == '＂' {
			at = append(at, markAt{i, r})
			continue
		}
		// the marks of bracketPairs are all different: one at most is r
		for k, bp := range bracketPairs {
			if r == bp.open || r == bp.close {
				m |= 1 << k
				if bp.lang == 0 || l == align.Zh {
					at = append(at, markAt{i, r})
				}
				break
			}
		}
	}
	return m, at
}

// bracketMask8 sets the high bit of the first of the eight bytes of x
// (lang.Load8) that may be one of bracketLead, ( ) [ ] and the lead bytes
// E2, E3 and EF, and is 0 when none is (TestBracketMask8); the bits above
// it say nothing. A byte b is b' when b^b' is zero, and subtracting 1 from
// a zero byte borrows into its high bit, which was not set; bytes below
// the first zero one borrow nothing, so the lowest bit set is exact. (
// and ) are the bytes that OR 0x01 makes 0x29, E2 and E3 those it makes
// 0xE3, and [ and ] are among those OR 0x06 makes 0x5F (with Y and _,
// read one by one).
func bracketMask8(x uint64) uint64 {
	const ones = 0x0101010101010101
	a, b, c, d := (x|ones)^0x29*ones, (x|0x06*ones)^0x5f*ones, (x|ones)^0xe3*ones, x^0xef*ones
	return lang.HasZeroByte(a) | lang.HasZeroByte(b) | lang.HasZeroByte(c) | lang.HasZeroByte(d)
}

// unbalanced returns the marks of s that do not pair up: closing marks
// with no opening one, opening ones never closed, an odd straight quote,
// and an opening “ (or ＂ in Chinese) standing where the closing mark
// belongs.
func unbalanced(s string, l align.Lang) []punctIssue {
	// bytes of enumerators ("(3)", "1)"): their brackets pair with nothing;
	// found only once a bracket is seen, nil when there are none
	var skip []bool
	enumerated := false
	var out []punctIssue
	fullQuoteCloses := 0 // ＂ used to close “ in Chinese
	// the marks a pair's pass below acts on, listed once for all pairs
	// rather than each pass ranging over every character of s
	var buf [16]markAt
	marks, at := bracketMarks(s, l, buf[:0])
	for k, bp := range bracketPairs {
		if bp.lang == 1 && l == align.En {
			continue
		}
		// without either mark nothing below happens (＂ closes only an
		// open “)
		if marks&(1<<k) == 0 {
			continue
		}
		if !enumerated {
			enumerated = true
			// skip is read only at the marks: an enumerator that starts
			// after the last one covers none, so the text is read for
			// enumerators only up to there
			limit := 0
			if len(at) > 0 {
				limit = at[len(at)-1].i + 1
			}
			for _, e := range numerals.AllUntil(s, limit) {
				if skip == nil {
					skip = make([]bool, len(s))
				}
				for i := e.Start; i < e.End && i < len(s); i++ {
					skip[i] = true
				}
			}
		}
		var opens []int
		for _, m := range at {
			i, r := m.i, m.r
			if skip != nil && skip[i] {
				continue
			}
			switch {
			case r == bp.open && bp.open == '“' && closingPosition(s, i):
				out = append(out, punctIssue{i, i + utf8.RuneLen(r), "opening “ where the closing ” belongs", "wrong"})
				if len(opens) > 0 {
					opens = opens[:len(opens)-1]
				}
			case r == '＂' && bp.open == '“' && l == align.Zh && len(opens) > 0:
				out = append(out, punctIssue{i, i + utf8.RuneLen(r), "“ is closed with ＂", "wrong"})
				opens = opens[:len(opens)-1]
				fullQuoteCloses++
			case r == bp.open:
				opens = append(opens, i)
			case r == bp.close:
				if len(opens) == 0 {
					if r == ')' && smileyOrLabel(s, i) {
						continue
					}
					out = append(out, punctIssue{i, i + utf8.RuneLen(r), fmt.Sprintf("closing %c has no opening %c", r, bp.open), "close" + string(bp.open)})
					continue
				}
				opens = opens[:len(opens)-1]
			}
		}
		for _, i := range opens {
			out = append(out, punctIssue{i, i + utf8.RuneLen(bp.open), fmt.Sprintf("opening %c is never closed", bp.open), "open" + string(bp.open)})
		}
	}
	// straight double quotes (and ＂ in Chinese) in even numbers
	for _, q := range []rune{'"', '＂'} {
		var at []int
		switch {
		case q == '"':
			// an ASCII byte is always the rune it stands for
			for i := strings.IndexByte(s, '"'); i >= 0; {
				at = append(at, i)
				j := strings.IndexByte(s[i+1:], '"')
				if j < 0 {
					break
				}
				i += 1 + j
			}
		case strings.Contains(s, "＂"):
			for i, r := range s {
				if r == q {
					at = append(at, i)
				}
			}
		}
		if q == '＂' {
			at = at[min(fullQuoteCloses, len(at)):]
		}
		if len(at)%2 == 1 {
			i := at[len(at)-1]
			out = append(out, punctIssue{i, i + utf8.RuneLen(q), fmt.Sprintf("odd number of %c quotes", q), "straight" + string(q)})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	return mixedPairs(s, l, out)
}

// mixedPairs reports a quotation or a bracket opened with one style of
// mark and closed with another — ‘not guilty”, “competent authority",
// "enterprise”, 縣(市）— once, where it closes, instead of as a mark
// never closed and another with no opening one: the pair is there, typed
// with two styles. out is sorted by position.
func mixedPairs(s string, l align.Lang, out []punctIssue) []punctIssue {
	family := func(kind string) int {
		switch kind {
		case "open“", "close“", "straight\"", "straight＂", "open‘", "close‘":
			return 1
		case "open(", "close(", "open（", "close（":
			return 2
		}
		return 0
	}
	opener := func(kind string) bool { return strings.HasPrefix(kind, "open") || strings.HasPrefix(kind, "straight") }
	closer := func(kind string) bool { return strings.HasPrefix(kind, "close") || strings.HasPrefix(kind, "straight") }
	mark := func(is punctIssue) string { return s[is.start:is.end] }
	used := make([]bool, len(out))
	var merged []punctIssue
	for j := range out {
		c := out[j]
		if used[j] || !closer(c.kind) || family(c.kind) == 0 {
			continue
		}
		found := false
		for i := j - 1; i >= 0; i-- {
			o := out[i]
			if used[i] || !opener(o.kind) || family(o.kind) != family(c.kind) || mark(o) == mark(c) {
				continue
			}
			used[i], used[j], found = true, true, true
			merged = append(merged, punctIssue{c.start, c.end, fmt.Sprintf("%s is closed with %s", mark(o), mark(c)), "wrong"})
			break
		}
		if found || l != align.En || family(c.kind) != 1 {
			continue
		}
		// English single quotes are not tracked (’ is also the
		// apostrophe): a ‘ before the closing mark with no ’ after it
		if k := strings.LastIndex(s[:c.start], "‘"); k >= 0 && !strings.Contains(s[k:c.start], "’") &&
			!strings.ContainsAny(s[k:c.start], "“”\"") {
			used[j] = true
			merged = append(merged, punctIssue{c.start, c.end, fmt.Sprintf("‘ is closed with %s", mark(c)), "wrong"})
		}
	}
	if len(merged) == 0 {
		return out
	}
	var kept []punctIssue
	for i, is := range out {
		if !used[i] {
			kept = append(kept, is)
		}
	}
	kept = append(kept, merged...)
	sort.Slice(kept, func(a, b int) bool { return kept[a].start < kept[b].start })
	return kept
}

// smileyOrLabel: a ")" right after ":" or ";", an emoticon.
func smileyOrLabel(s string, i int) bool {
	return strings.HasSuffix(s[:i], ":") || strings.HasSuffix(s[:i], ";")
}

// closingPosition: a “ with nothing after it in the paragraph, or right
// after sentence punctuation with a space after it — where ” belongs.
func closingPosition(s string, i int) bool {
	rest := s[i+len("“"):]
	if strings.TrimSpace(rest) == "" {
		return true
	}
	before := strings.TrimRight(s[:i], " ")
	r, _ := utf8.DecodeLastRuneInString(before)
	n, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(".!?,", r) && unicode.IsSpace(n) && len(before) < i
}

// quoteRunBlocks is how many paragraphs a quotation may run over.
const quoteRunBlocks = 5

type pendingQuote = struct {
	blk int
	is  punctIssue
}

func closes(open []pendingQuote, kind string, bi int) bool {
	for _, o := range open {
		if o.is.kind == kind && bi-o.blk < quoteRunBlocks && bi > o.blk {
			return true
		}
	}
	return false
}

// dropPending removes the most recent waiting quote of a kind.
func dropPending(open []pendingQuote, kind string) []pendingQuote {
	for k := len(open) - 1; k >= 0; k-- {
		if open[k].is.kind == kind {
			return append(open[:k], open[k+1:]...)
		}
	}
	return open
}

type punctIssue struct {
	start, end int
	msg        string
	kind       string
}

// fullWidth are the Chinese marks that have no place in English text.
const fullWidth = "，。：；！？（）、＂"

func runPunctuation(p *Pass) error {
	for _, l := range []align.Lang{align.Zh, align.En} {
		blocks := p.Doc.Blocks(l)
		type pending = pendingQuote
		var open []pending // unclosed quotes waiting for a later paragraph
		report := func(blk *align.Block, is punctIssue) {
			sp := blk.SubSpan(is.start, is.end)
			f := Finding{Bead: p.Align.BeadOf(l, blk.Index), Evidence: is.msg,
				Message: is.msg + " in the " + langName(l) + " paragraph"}
			switch {
			case l == p.Settings.Source:
				// the original's own slip: worth knowing (the
				// translation may have followed it), though not a
				// defect of the translation
				f.Confidence = 0.6
			case sourceHasIssue(p, f.Bead, is.kind):
				// the translation keeps what the original does (a
				// quotation running on into the next paragraph)
				f.Confidence = 0.4
			}
			if l == align.Zh {
				f.Zh = &sp
			} else {
				f.En = &sp
			}
			p.Report(f)
		}
		for bi, blk := range blocks {
			if blk.Kind == align.KindFurniture {
				continue
			}
			for _, is := range unbalanced(blk.Text, l) {
				switch {
				case is.kind == "open“" && l == align.En && bi+1 < len(blocks) && strings.HasPrefix(blocks[bi+1].Text, "“"):
					// the English convention: a quotation running over
					// several paragraphs reopens each one
				case is.kind == "open“" || strings.HasPrefix(is.kind, "straight"):
					// a quotation may run on into the next paragraphs (a
					// source cut into sentences): wait for its close
					if strings.HasPrefix(is.kind, "straight") && closes(open, is.kind, bi) {
						open = dropPending(open, is.kind)
						continue
					}
					open = append(open, pending{bi, is})
				case is.kind == "close“" && closes(open, "open“", bi):
					open = dropPending(open, "open“")
				default:
					report(blk, is)
				}
			}
			// what waited too long is reported
			for len(open) > 0 && bi-open[0].blk >= quoteRunBlocks {
				report(blocks[open[0].blk], open[0].is)
				open = open[1:]
			}
		}
		for _, o := range open {
			report(blocks[o.blk], o.is)
		}
	}
	han := map[int]bool{}
	for _, blk := range p.Doc.En {
		if blk.Kind == align.KindFurniture {
			continue
		}
		clear(han)
		for _, r := range hanRuns(blk.Text) {
			for i := r[0]; i <= r[1]; i++ {
				han[i] = true
			}
		}
		for _, i := range fullWidthAt(blk.Text, han) {
			r, _ := utf8.DecodeRuneInString(blk.Text[i:])
			sp := blk.SubSpan(i, i+utf8.RuneLen(r))
			conf := 1.0
			if p.Settings.Source == align.En {
				conf = 0.4 // in the original
			}
			p.Report(Finding{Bead: p.Align.BeadOf(align.En, blk.Index), En: &sp, Evidence: string(r), Confidence: conf,
				Message: fmt.Sprintf("full-width %q in the English; use %q", string(r), string(halfWidth(r)))})
		}
	}
	return nil
}

// fullWidthAt returns the places in English text s of the full-width
// marks (fullWidth) that are neither in a run of Han (han) nor next to a
// Han character: the marks that ranging over s finds, reading the runs of
// ASCII, most of an English text, eight bytes at a time
// (TestFullWidthAtAsRange).
func fullWidthAt(s string, han map[int]bool) []int {
	var out []int
	for i := 0; i < len(s); {
		if i = lang.NextNonASCII(s, i); i == len(s) {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(fullWidth, r) && !han[i] && !nextToHan(s, i) {
			out = append(out, i)
		}
		i += n
	}
	return out
}

// sourceHasIssue reports whether the original's side of bead bi has an
// unbalanced mark of the same kind ("open“", "close“" …).
func sourceHasIssue(p *Pass, bi int, kind string) bool {
	if bi < 0 || bi >= len(p.Align.Beads) {
		return false
	}
	b := &p.Align.Beads[bi]
	src := p.Settings.Source
	idx := b.Zh
	if src == align.En {
		idx = b.En
	}
	for _, i := range idx {
		for _, is := range unbalanced(p.Doc.Blocks(src)[i].Text, src) {
			if is.kind == kind {
				return true
			}
		}
	}
	return false
}

// nextToHan: a full-width mark that belongs to Chinese text next to it.
func nextToHan(s string, i int) bool {
	before := strings.TrimRightFunc(s[:i], unicode.IsSpace)
	r1, _ := utf8.DecodeLastRuneInString(before)
	_, n := utf8.DecodeRuneInString(s[i:])
	after := strings.TrimLeftFunc(s[i+n:], unicode.IsSpace)
	r2, _ := utf8.DecodeRuneInString(after)
	return lang.IsHan(r1) || lang.IsHan(r2)
}

func halfWidth(r rune) rune {
	switch r {
	case '，':
		return ','
	case '。':
		return '.'
	case '：':
		return ':'
	case '；':
		return ';'
	case '！':
		return '!'
	case '？':
		return '?'
	case '（':
		return '('
	case '）':
		return ')'
	case '、':
		return ','
	case '＂':
		return '"'
	}
	return r
}

// quoted is a quoted stretch of text.
type quoted struct {
	start, end int // of the whole quotation, marks included
	inner      string
}

// zhQuotes finds “…” 「…」 『…』 quotations in Chinese text (and ＂ used
// as a closing mark).
func zhQuotes(s string) []quoted {
	return pairedQuotes(s, zhQuotePairs, false)
}

// enQuotes finds “…” and "…" quotations in English text.
func enQuotes(s string) []quoted {
	return pairedQuotes(s, enQuotePairs, true)
}

// zhOpenQuotes and enOpenQuotes are the runes that open a quotation for
// zhQuotes and enQuotes: a text without any has none.
const (
	zhOpenQuotes = "“「『"
	enOpenQuotes = "“‘\""
)

// zhOpenQuoteList and enOpenQuoteList are the runes of zhOpenQuotes and
// enOpenQuotes, each written out.
var (
	zhOpenQuoteList = runeStrings(zhOpenQuotes)
	enOpenQuoteList = runeStrings(enOpenQuotes)
)

func runeStrings(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// containsAnyOf is strings.ContainsAny(s, strings.Join(runes, "")) for
// runes written out each: a search for each in turn skips along the text
// (bytealg) where ContainsAny decodes every rune of it and looks each up.
// A rune's bytes stand in text only where it is decoded, invalid UTF-8
// or not: no lead byte is a continuation byte.
func containsAnyOf(s string, runes []string) bool {
	for _, r := range runes {
		if strings.Contains(s, r) {
			return true
		}
	}
	return false
}

// quotePair is a quotation's opening mark and its closing one.
type quotePair struct{ open, close rune }

// The marks of zhQuotes, enQuotes and of titles (《…》).
var (
	zhQuotePairs    = []quotePair{{'“', '”'}, {'「', '」'}, {'『', '』'}}
	enQuotePairs    = []quotePair{{'“', '”'}, {'‘', '’'}}
	titleQuotePairs = []quotePair{{'《', '》'}}
)

func pairedQuotes(s string, pairs []quotePair, straight bool) []quoted {
	var out []quoted
	for i := 0; i < len(s); {
		// every opening mark of the pairs (“ ‘ 「 『 《) begins with the
		// byte E2 or E3, and " is itself: a byte that is none of these
		// begins no opening mark, and since none of them continues
		// another character, reading rune by rune would reach each of
		// them. The bytes between are passed over, eight at a time where
		// none of them is one (TestPairedQuotesIsByRunes,
		// TestQuoteOpenersLead).
		if c := s[i]; c != '"' && c|1 != 0xe3 {
			i++
			for i+8 <= len(s) {
				if m := quoteLead8(lang.Load8(s[i:])); m != 0 {
					i += bits.TrailingZeros64(m) / 8
					break
				}
				i += 8
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		// a few marks, compared in turn: a map look-up a rune took
		// more than the rest of the reading
		var closeR rune
		ok := false
		for _, qp := range pairs {
			if qp.open == r {
				closeR, ok = qp.close, true
				break
			}
		}
		if straight && r == '"' {
			closeR, ok = '"', true
		}
		if !ok {
			i += n
			continue
		}
		if r == '‘' {
			// ‘ in English opens a quote only before a letter
			if nr, _ := utf8.DecodeRuneInString(s[i+n:]); !unicode.IsLetter(nr) {
				i += n
				continue
			}
		}
		j := strings.IndexRune(s[i+n:], closeR)
		if j < 0 {
			i += n
			continue
		}
		end := i + n + j + utf8.RuneLen(closeR)
		// "“Two Establishes.”": the stop inside the quotes is the sentence's
		inner := strings.TrimRight(strings.TrimSpace(s[i+n:i+n+j]), ".,;:!?。，；：！？ ")
		out = append(out, quoted{start: i, end: end, inner: inner})
		i = end
	}
	return out
}

// quoteLead8 sets the high bit of the first of the eight bytes of x
// (lang.Load8) that is E2, E3 or ", and is 0 when none is
// (TestQuoteLead8); the bits above it say nothing. E2 and E3 are the bytes
// that OR 0x01 makes 0xE3; a byte equal to another is zero after XOR, and
// subtracting 1 from a zero byte borrows into its high bit, which was not
// set, as bracketMask8 finds its bytes.
func quoteLead8(x uint64) uint64 {
	const ones = 0x0101010101010101
	a, b := (x|ones)^0xe3*ones, x^'"'*ones
	return lang.HasZeroByte(a) | lang.HasZeroByte(b)
}

// isZhTerm: a quotation short enough and without sentence punctuation to
// be a term rather than quoted speech.
func isZhTerm(q string) bool {
	n := utf8.RuneCountInString(q)
	return n >= 2 && n <= 12 && !strings.ContainsAny(q, "，。；：！？,;:!?") && lang.Count(q).Han > 0
}

func isEnTerm(q string) bool {
	w := strings.Fields(q)
	if len(w) == 0 || len(w) > 6 || strings.ContainsAny(q, ".;:!?") || strings.HasSuffix(q, ",") {
		return false
	}
	return hasLetter(q)
}

func hasAnyQuote(s string, l align.Lang) bool {
	if l == align.Zh {
		return strings.ContainsAny(s, "“”「」『』《》‘’\"＂")
	}
	return strings.ContainsAny(s, "“”\"‘")
}

func runPunctuationQuotes(p *Pass) error {
	// a term counts only when the source quotes it every time it occurs,
	// and the translation quotes terms elsewhere
	type side struct {
		l      align.Lang
		quotes func(string) []quoted
		isTerm func(string) bool
	}
	sides := []side{{align.Zh, zhQuotes, isZhTerm}, {align.En, enQuotes, isEnTerm}}
	blockQuotes := func(blk *align.Block) []quoted {
		return p.Quotes(textPos{Lang: blk.Lang, Block: blk.Index, Start: 0, End: len(blk.Text)})
	}
	quotesTerms := map[align.Lang]bool{}
	for _, sd := range sides {
		for _, blk := range p.Doc.Blocks(sd.l) {
			for _, q := range blockQuotes(blk) {
				if sd.isTerm(q.inner) {
					quotesTerms[sd.l] = true
				}
			}
		}
	}
	// the whole text of a side, joined when first asked (only the
	// source's ever is) in a buffer of its final size: at 50,000 pairs
	// both sides joined by a growing buffer took 58 MB
	whole := map[align.Lang]string{}
	wholeText := func(l align.Lang) string {
		if s, ok := whole[l]; ok {
			return s
		}
		n := 0
		for _, blk := range p.Doc.Blocks(l) {
			n += len(blk.Text) + 1
		}
		var b strings.Builder
		b.Grow(n)
		for _, blk := range p.Doc.Blocks(l) {
			b.WriteString(blk.Text)
			b.WriteByte('\n')
		}
		whole[l] = b.String()
		return whole[l]
	}
	// whether a term is quoted every time it occurs in the whole text:
	// as often in it as inside its quotations. The terms asked about are
	// gathered first and counted together, in one pass over the text (a
	// long text quotes hundreds of terms, and a pass a term took four
	// fifths of this check's time at 5,000 pairs).
	type termKey struct {
		l     align.Lang
		inner string
	}
	views := pairViews(p)
	asks := func(sd side) bool {
		// a translation may quote a term the original does not
		return sd.l == p.Settings.Source && quotesTerms[sd.l.Other()]
	}
	every := map[termKey]bool{}
	for _, sd := range sides {
		if !asks(sd) {
			continue
		}
		var terms []string
		for _, v := range views {
			for _, blk := range v.blocks(sd.l) {
				if blk.Kind == align.KindFurniture {
					continue
				}
				for _, q := range blockQuotes(blk) {
					k := termKey{sd.l, q.inner}
					if _, ok := every[k]; ok || !sd.isTerm(q.inner) {
						continue
					}
					every[k] = false
					terms = append(terms, q.inner)
				}
			}
		}
		if len(terms) == 0 {
			continue
		}
		c := newTermCounter(terms)
		inText, inQuotes := make([]int, len(terms)), make([]int, len(terms))
		c.add(wholeText(sd.l), inText)
		for _, q := range sd.quotes(wholeText(sd.l)) {
			c.add(q.inner, inQuotes)
		}
		for i, t := range terms {
			every[termKey{sd.l, t}] = inText[i] == inQuotes[i]
		}
	}
	for _, v := range views {
		for _, sd := range sides {
			if !asks(sd) {
				continue
			}
			o := sd.l.Other()
			for _, blk := range v.blocks(sd.l) {
				if blk.Kind == align.KindFurniture {
					continue
				}
				for _, q := range blockQuotes(blk) {
					if !sd.isTerm(q.inner) {
						continue
					}
					// quoted every time it occurs
					if !every[termKey{sd.l, q.inner}] {
						continue
					}
					pos := textPos{Lang: sd.l, Block: blk.Index, Start: q.start, End: q.end}
					sb := v.sentBead(pos)
					if !v.both(sb) {
						continue
					}
					other := ""
					for _, seg := range v.segments(o, sb) {
						other += v.text(seg)
					}
					if hasAnyQuote(other, o) {
						continue
					}
					f := Finding{Bead: v.Index, Evidence: q.inner, About: SideOf(sd.l),
						Message: fmt.Sprintf("quoted %s in the %s has no quotation in the %s", blk.Text[q.start:q.end], langName(sd.l), langName(o))}
					sp, osp := v.span(pos), v.unitSpan(o, sb)
					if sd.l == align.Zh {
						f.Zh, f.En = sp, osp
					} else {
						f.En, f.Zh = sp, osp
					}
					p.Report(f)
				}
			}
		}
	}
	return nil
}
