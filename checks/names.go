package checks

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
)

// Names compares Latin-script names, codes, URLs and e-mail addresses.
var Names = &Check{
	Name:     "names",
	Category: CatNames,
	Severity: Warning,
	Run:      runNames,
	Confidence: `1: the name is written in Latin script on one side and absent from the other;
0.4 (info) for a name a Chinese translation puts in brackets beside its
rendering (“薩菲爾號”(Saffir), HUD(住房城市發展部)), a courtesy;
0.4 (info) in a legislative-history note, whose order numbers
(華總一義字第 1040024404B 號) official translations leave out by convention.`,
	Doc: `a name, code, URL or e-mail address that does not carry over

Chinese text keeps some things in Latin script: acronyms (CPC, AIIB, G20,
WHO), foreign names (Ján Kubiš), product and model codes (COVID-19, C919,
5G), URLs and e-mail addresses. Each must appear in the aligned English
sentence, or failing that in the paragraph pair. Matching ignores case,
width (ＣＰＣ), accents, hyphens and dots (Covid-19 = COVID 19, U.S. = US),
and a plural or possessive "s"; an acronym also matches its spelled-out
form (WHO = "World Health Organization"), and a name of several words is
found when one of its words is (奥拉夫•肖尔茨 (Olaf Scholz) against
"Scholz"). Text copied from web pages is read as its reader sees it:
invisible format characters inside a word are ignored ("Musical.<U+200B>ly"
is Musical.ly), a footnote call glued to a word or code is no part of it
("chain70", "COVID-19.79"), a name is found inside a hyphenated compound
("Defeat-ISIS"), and a code may be cited with a space ("50 U.S.C. 1701"
for 50 U.S.C.1701). Single letters and unit symbols (km, kg, MW) are not checked.

The other way, English names are normally translated into Chinese, so only
codes that mix letters and digits (COVID-19, G20, F-35 — not "20th",
"1990s", "5km"), URLs and e-mail addresses must appear on the Chinese side;
a code that Chinese writes in words passes when its number is there (G7 as
七国集团, 3D as 三维) or, for COVID-19, 新冠 or 疫情 (official Chinese
says "the epidemic" where the English names the disease).

Example: zh "亚投行（AIIB）成员增至106个。" / en "The Asian bank now has 106
members." → "AIIB" in the Chinese does not appear in the English`,
}

var (
	urlRe   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[a-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+`)
	emailRe = regexp.MustCompile(`(?i)\b[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+`)
)

// unitSymbols are Latin tokens that are units, not names.
var unitSymbols = map[string]bool{
	"km": true, "kg": true, "cm": true, "mm": true, "m": true, "g": true, "t": true, "kw": true, "kwh": true,
	"mw": true, "gw": true, "mb": true, "gb": true, "tb": true, "kb": true, "hz": true, "mhz": true, "ghz": true,
	"ml": true, "l": true, "h": true, "min": true, "s": true, "am": true, "pm": true, "mph": true, "ft": true,
	"lb": true, "oz": true, "pm2": true, "mg": true, "μg": true, "ug": true, "dB": true, "db": true,
	"st": true, "nd": true, "rd": true, "th": true, "bn": true, "mn": true, "m2": true, "m3": true, "km2": true,
}

// latinToken is a run of Latin letters and digits, with - . / & + '
// between them.
type latinToken struct {
	start, end int
	text       string
}

func isLatinRune(r rune) bool {
	if r < utf8.RuneSelf {
		// the Latin script's ASCII letters are letters: the table
		// look-ups below are for the rest (a space or a comma went
		// through all of them)
		return lang.IsASCIIAlnum(byte(r))
	}
	if r >= 0x3000 && r < 0xa000 {
		return false // CJK: most of a Chinese text (TestLatinRuneTables)
	}
	return unicode.Is(unicode.Latin, r) || r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// isMark is unicode.Is(unicode.Mn, r), and isFormat unicode.Is(unicode.Cf,
// r): ASCII holds neither, and most of what follows a word is ASCII.
func isMark(r rune) bool   { return r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) }
func isFormat(r rune) bool { return r >= utf8.RuneSelf && unicode.Is(unicode.Cf, r) }

// latinTokens finds the Latin-script tokens of a text.
func latinTokens(s string) []latinToken { return appendLatinTokens(nil, s) }

// appendLatinTokens appends the Latin-script tokens of a text to out.
func appendLatinTokens(out []latinToken, s string) []latinToken {
	for i := 0; i < len(s); {
		// Most of a Chinese text starts no token: ASCII other than
		// letters and digits, and Han, whose lead byte 0xe3 to 0xe9
		// with two continuation bytes is a rune of U+3000 to U+9FFF
		// (isLatinRune's CJK), are passed over undecoded
		// (TestLatinTokensAsByRunes).
		if c := s[i]; c < utf8.RuneSelf {
			if !lang.IsASCIIAlnum(c) {
				i++
				continue
			}
		} else if cjk3At(s, i) {
			for i += 3; cjk3At(s, i); i += 3 {
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLatinRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf && lang.IsASCIIAlnum(c) {
				j++ // most of a token: a letter isLatinRune, told undecoded
				continue
			}
			r2, m := utf8.DecodeRuneInString(s[j:])
			if isLatinRune(r2) || isMark(r2) {
				j += m
				continue
			}
			// invisible format characters a web page leaves inside
			// words (the zero-width space of "Musical.<U+200B>ly", a soft
			// hyphen) belong to the word when a letter follows them
			k := j
			for k < len(s) {
				r4, q := utf8.DecodeRuneInString(s[k:])
				if !isFormat(r4) {
					break
				}
				k += q
			}
			if k > j {
				if r3, _ := utf8.DecodeRuneInString(s[k:]); isLatinRune(r3) {
					j = k
					continue
				}
			}
			if strings.ContainsRune("-./&+'’－", r2) && j+m < len(s) {
				k := j + m
				for k < len(s) {
					r4, q := utf8.DecodeRuneInString(s[k:])
					if !isFormat(r4) {
						break
					}
					k += q
				}
				if r3, _ := utf8.DecodeRuneInString(s[k:]); k < len(s) && isLatinRune(r3) {
					j = k
					continue
				}
			}
			break
		}
		out = append(out, latinToken{i, j, s[i:j]})
		i = j
	}
	return out
}

// nameKey folds a token for comparison: width, case, accents, and
// everything but letters and digits.
func nameKey(s string) string {
	if k, ok := asciiNameKey(s); ok {
		return k
	}
	s = foldWidth(s)
	s = norm.NFD.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// asciiNameKey is nameKey of text in ASCII, which width and accents leave
// as it is: its letters and digits, lower-cased (s itself when it is
// nothing else, as most words are). ok is false for other text.
func asciiNameKey(s string) (string, bool) {
	keep := true // s is its own key
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		default:
			keep = false
		}
	}
	if keep {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b), true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// hasDigitFast is hasDigit, reading ASCII a byte at a time, and eight
// bytes at a time (lang.ASCIIDigits) while they are all ASCII: it reads
// the whole of every English paragraph without a digit
// (TestHasDigitFast).
func hasDigitFast(s string) bool {
	const highs = 0x8080808080808080
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if w := lang.Load8(s[i:]); w&highs == 0 {
				if lang.ASCIIDigits(w) != 0 {
					return true
				}
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsDigit(r) {
			return true
		}
		i += n
	}
	return false
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// ordinalOrUnitRe matches an ordinal, a decade or a number with its unit:
// 20th, 1990s, 5km.
var ordinalOrUnitRe = regexp.MustCompile(`^[0-9][0-9.,]*((?i:st|nd|rd|th|s|'s|am|pm|bn|mn)|km|kg|m|h|min|g|t|mm|cm|ml|l|kW|kWh|MW|GW|GB|MB|TB|KB|ft|lb|mph|x|k)$`)

// ordinalOrUnit is ordinalOrUnitRe.MatchString(t), which matches only a
// t that starts with an ASCII digit: the others (most tokens: G20, H7N9,
// COVID-19) are let go without running the expression.
func ordinalOrUnit(t string) bool {
	return t != "" && '0' <= t[0] && t[0] <= '9' && ordinalOrUnitRe.MatchString(t)
}

// isCode reports an English token that mixes letters and digits the way a
// code does: G20, C919, 5G, H7N9, COVID-19, F-35; not 20th, 1990s, 5km,
// mid-2022, Rescue-2021.
func isCode(t string) bool {
	if !hasLetter(t) || !hasDigit(t) || ordinalOrUnit(t) {
		return false
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	for _, p := range parts {
		if hasLetter(p) && hasDigit(p) && !ordinalOrUnit(p) {
			return true // letters and digits glued: G20, 5G, H7N9
		}
	}
	// letters and digits in separate parts: COVID-19, F-35, but not mid-2022
	for _, p := range parts {
		if hasLetter(p) && !hasDigit(p) {
			letters := 0
			for _, r := range p {
				if unicode.IsLetter(r) {
					letters++
					if !unicode.IsUpper(r) {
						return false
					}
				}
			}
			if letters == 0 {
				return false
			}
		}
	}
	return true
}

// nameSide is the text of one side of a unit prepared for look-ups.
type nameSide struct {
	keys   map[string]bool // keys of tokens, and of runs of 2 and 3 tokens
	joined string          // all keys run together
	words  []string        // words as written, for acronyms
}

func newNameSide(texts []string) *nameSide {
	s := &nameSide{keys: map[string]bool{}}
	var all strings.Builder
	var toks []latinToken // each text's, in one array
	for _, t := range texts {
		toks = appendLatinTokens(toks[:0], t)
		// a word a token: the room for them made at once
		s.words = slices.Grow(s.words, len(toks))
		for i := range toks {
			k := ""
			for j := i; j < len(toks) && j < i+3; j++ {
				if j > i && !runGap(t[toks[j-1].end:toks[j].start]) {
					break
				}
				k += nameKey(toks[j].text)
				s.keys[k] = true
			}
			if f, ok := withoutFootnote(toks[i].text); ok {
				// "COVID-19.79": the code, then a footnote call
				s.keys[nameKey(f)] = true
			}
			if strings.ContainsAny(toks[i].text, "-－") {
				// "Defeat-ISIS": a name inside a compound
				for _, part := range strings.FieldsFunc(toks[i].text, func(r rune) bool { return r == '-' || r == '－' }) {
					s.keys[nameKey(part)] = true
				}
			}
			s.words = append(s.words, toks[i].text)
			all.WriteString(nameKey(toks[i].text))
		}
		all.WriteByte(' ')
	}
	s.joined = all.String()
	return s
}

// withoutFootnote returns a token without the footnote call glued to it,
// as text copied from a page with superscript notes reads: "chain70",
// "sanctions96", "COVID-19.79", "falling.188A" (a lower-case word of three
// letters or more, or anything ending in a letter or digit followed by a
// full stop, then one to three digits and perhaps a capital). Codes of
// the genre are written in capitals (G20, C919, H7N9) and their numbers
// are not cut off by a full stop, so neither is taken for one. A decimal
// ("2.3", "1.85") is not a call either.
//
// It is the expression
// ^(?:([a-z]{3,})|(.*[A-Za-z0-9])\.)[0-9]{1,3}[A-Z]?$ read by hand (the
// expression took a tenth of the names check): the call's digits are the
// run before the optional capital that ends t, and the word or code is
// what stands before them, all lower-case letters, or ending in a full
// stop after a letter or digit (the last full stop of t, since the call
// holds none).
func withoutFootnote(t string) (string, bool) {
	end := len(t)
	if end > 0 && t[end-1] >= 'A' && t[end-1] <= 'Z' {
		end--
	}
	d := end
	for d > 0 && t[d-1] >= '0' && t[d-1] <= '9' {
		d--
	}
	if n := end - d; n < 1 || n > 3 {
		return "", false
	}
	word := t[:d]
	if len(word) >= 3 && strings.IndexFunc(word, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
		return word, true
	}
	if len(word) < 2 || word[len(word)-1] != '.' || !lang.IsASCIIAlnum(word[len(word)-2]) || strings.IndexByte(word, '\n') >= 0 {
		return "", false
	}
	if code := word[:len(word)-1]; hasLetter(code) {
		return code, true
	}
	return "", false
}

// translatorGloss reports a Latin name that a Chinese rendering stands
// next to in brackets: the name bracketed right after Chinese
// (“薩菲爾號”(Saffir)), or the Chinese bracketed right after the name
// (HUD(住房城市發展部)).
func translatorGloss(s string, start, end int) bool {
	before := strings.TrimRight(s[:start], " ")
	after := strings.TrimLeft(s[end:], " ")
	if open, n := utf8.DecodeLastRuneInString(before); open == '(' || open == '（' {
		if close, _ := utf8.DecodeRuneInString(after); close == ')' || close == '）' {
			prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before[:len(before)-n], " ”」’\""))
			return unicode.Is(unicode.Han, prev)
		}
	}
	if open, n := utf8.DecodeRuneInString(after); open == '(' || open == '（' {
		next, _ := utf8.DecodeRuneInString(after[n:])
		return unicode.Is(unicode.Han, next)
	}
	return false
}

// runGap: what may stand between two tokens of one name or code: white
// space, or a full stop, hyphen or slash with white space ("U.S.C. 1701"
// for U.S.C.1701).
func runGap(g string) bool {
	g = strings.TrimSpace(g)
	return g == "" || len(g) == 1 && strings.ContainsAny(g, ".-/")
}

func (s *nameSide) has(key string) bool {
	if s.keys[key] || s.keys[key+"s"] || strings.HasSuffix(key, "s") && s.keys[strings.TrimSuffix(key, "s")] {
		return true
	}
	return false
}

// spelledOut reports an acronym written out in capitalised words:
// WHO = "World Health Organization", CPC = "Communist Party of China".
func (s *nameSide) spelledOut(acr string) bool {
	if len(acr) < 2 || len(acr) > 8 {
		return false
	}
	for _, r := range acr {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	skip := map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "de": true, "to": true, "&": true}
	for i := range s.words {
		k, j := 0, i
		for j < len(s.words) && k < len(acr) {
			w := s.words[j]
			if skip[strings.ToLower(w)] && j > i {
				j++
				continue
			}
			c, _ := utf8.DecodeRuneInString(w)
			if unicode.ToUpper(c) != rune(acr[k]) || !unicode.IsUpper(c) {
				break
			}
			k++
			j++
		}
		if k == len(acr) {
			return true
		}
	}
	return false
}

type nameItem struct {
	start, end int
	text, key  string
	kind       string // "name", "code", "URL", "e-mail address"
	run        int    // items of one run of words ("Olaf Scholz") share it
}

// codeRenderings are codes that Chinese writes in words.
var codeRenderings = map[string][]string{
	// official Chinese says 疫情 ("the epidemic") where the English names
	// the disease
	"covid19":  {"新冠", "新型冠状病毒", "新型冠狀病毒", "疫情", "肺炎"},
	"sarscov2": {"新冠", "新型冠状病毒", "新型冠狀病毒"},
}

// codeInChinese: an English code rendered in Chinese words — COVID-19 as
// 新冠, G7 as 七国集团, 3D as 三维 (the number of the code written in the
// Chinese).
func codeInChinese(key, zh string) bool {
	for _, w := range codeRenderings[key] {
		if strings.Contains(zh, w) {
			return true
		}
	}
	var digits strings.Builder
	for _, r := range key {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		} else if digits.Len() > 0 {
			break
		}
	}
	v, err := strconv.ParseInt(digits.String(), 10, 64)
	if err != nil || v <= 0 {
		return false
	}
	for _, h := range hanSpellings(v, 0) {
		if strings.Contains(zh, h) {
			return true
		}
	}
	return hasDigitRun(zh, digits.String())
}

// nameItems returns the things of a text that must carry over: on the
// Chinese side every Latin token (names, acronyms, codes), on the English
// side codes only; URLs and e-mail addresses on both.
//
// toks is room for the text's Latin tokens, returned for the next text
// (an English text is mostly Latin tokens, and its nearly all are let go).
func nameItems(s string, l align.Lang, toks []latinToken) ([]nameItem, []latinToken) {
	var out []nameItem
	var taken [][2]int
	for _, re := range []*regexp.Regexp{urlRe, emailRe} {
		kind := "URL"
		if re == emailRe {
			kind = "e-mail address"
		}
		// the expressions cannot match without these; most sentences have none
		if re == urlRe && !align.MayHaveURL(s) || re == emailRe && !strings.Contains(s, "@") {
			continue
		}
		for _, m := range re.FindAllStringIndex(s, -1) {
			t := strings.TrimRight(s[m[0]:m[1]], ".,;:!?)'")
			overlap := false
			for _, tk := range taken {
				if m[0] < tk[1] && tk[0] < m[1] {
					overlap = true
				}
			}
			if overlap {
				continue
			}
			taken = append(taken, [2]int{m[0], m[0] + len(t)})
			out = append(out, nameItem{m[0], m[0] + len(t), t, urlKey(t), kind, -1 - len(out)})
		}
	}
	if l == align.En && !hasDigitFast(s) {
		// English keeps codes only, tokens with a digit (below)
		return out, toks
	}
	run, prevEnd := 0, -1
	toks = appendLatinTokens(toks[:0], s)
	for _, t := range toks {
		// one space, the usual gap, trims to nothing
		if gap := s[max(prevEnd, 0):t.start]; prevEnd < 0 || gap != " " && strings.Trim(gap, " \u00a0•·・‧") != "" {
			run++
		}
		prevEnd = t.end
		if l == align.En && !hasDigitFast(t.text) {
			// only codes are kept in English, and a code has a digit:
			// neither the footnote call cut off below nor width
			// folding makes one (TestFoldWidthMakesNoDigit)
			continue
		}
		inside := false
		for _, tk := range taken {
			if t.start < tk[1] && tk[0] < t.end {
				inside = true
			}
		}
		if inside {
			continue
		}
		key := nameKey(t.text)
		if utf8.RuneCountInString(key) < 2 || unitSymbols[key] || !hasLetter(key) {
			continue
		}
		if f, ok := withoutFootnote(t.text); ok && l == align.En {
			// the English original's footnote call is no part of the
			// code or word it is glued to
			t.text, t.end = f, t.start+len(f)
			key = nameKey(f)
			if utf8.RuneCountInString(key) < 2 || unitSymbols[key] {
				continue
			}
		}
		code := isCode(foldWidth(t.text))
		if l == align.En && !code {
			continue
		}
		kind := "name"
		if code {
			kind = "code"
		}
		out = append(out, nameItem{t.start, t.end, t.text, key, kind, run})
	}
	return out, toks
}

func urlKey(u string) string {
	u = strings.ToLower(u)
	for _, p := range []string{"https://", "http://", "www."} {
		u = strings.TrimPrefix(u, p)
	}
	return strings.TrimRight(u, "/")
}

func runNames(p *Pass) error {
	var toks []latinToken
	for _, v := range pairViews(p) {
		cache := map[[2]int]*nameSide{}
		side := func(l align.Lang, sb int) *nameSide {
			k := [2]int{int(l), sb}
			if s, ok := cache[k]; ok {
				return s
			}
			var texts []string
			for _, seg := range v.segments(l, sb) {
				texts = append(texts, v.text(seg))
			}
			s := newNameSide(texts)
			cache[k] = s
			return s
		}
		// the other side's whole text, lower-cased, made when an item
		// asks for it: most pairs have no URL, and no code in English
		var otherTexts [2]string
		var otherMade [2]bool
		otherText := func(l align.Lang) string {
			if !otherMade[l] {
				t := p.Align.Text(v.Bead, l)
				if l == align.Zh {
					t = foldWidth(t)
				}
				otherTexts[l], otherMade[l] = strings.ToLower(t), true
			}
			return otherTexts[l]
		}
		for _, l := range []align.Lang{align.Zh, align.En} {
			seen := map[string]bool{}
			for _, blk := range v.blocks(l) {
				if blk.Kind == align.KindFurniture {
					continue
				}
				var items []nameItem
				items, toks = nameItems(blk.Text, l, toks)
				runFound := map[int]bool{}
				var missing []nameItem
				for _, it := range items {
					if seen[it.key] {
						continue
					}
					pos := textPos{Lang: l, Block: blk.Index, Start: it.start, End: it.end}
					sb := v.sentBead(pos)
					if !v.both(sb) {
						sb = -1
					}
					o := l.Other()
					found := false
					switch it.kind {
					case "URL", "e-mail address":
						found = strings.Contains(otherText(o), it.key)
					default:
						found = side(o, sb).has(it.key) || side(o, -1).has(it.key) ||
							l == align.Zh && (side(o, sb).spelledOut(it.text) || side(o, -1).spelledOut(it.text)) ||
							l == align.En && (strings.Contains(nameKey(otherText(o)), it.key) || codeInChinese(it.key, otherText(o)))
					}
					if found {
						runFound[it.run] = true
						continue
					}
					missing = append(missing, it)
				}
				for _, it := range missing {
					if runFound[it.run] || seen[it.key] {
						continue // "Olaf Scholz" shortened to "Scholz"
					}
					pos := textPos{Lang: l, Block: blk.Index, Start: it.start, End: it.end}
					sb := v.sentBead(pos)
					if !v.both(sb) {
						sb = -1
					}
					o := l.Other()
					seen[it.key] = true
					f := Finding{Bead: v.Index, Evidence: it.key, About: SideOf(l), Confidence: 1,
						Message: fmt.Sprintf("%s %q in the %s does not appear in the %s", it.kind, it.text, langName(l), langName(o))}
					if it.kind == "name" {
						f.Message = fmt.Sprintf("%q in the %s does not appear in the %s", it.text, langName(l), langName(o))
					}
					if historyBead(p, v.Index) {
						f.Confidence = historyConfidence
					}
					if l == align.Zh && p.Settings.Source == align.En && translatorGloss(blk.Text, it.start, it.end) {
						// “薩菲爾號”(Saffir), HUD(住房城市發展部): the
						// translation glosses its rendering with the
						// name in Latin script, a courtesy
						f.Confidence = 0.4
					}
					sp, other := v.span(pos), v.unitSpan(o, sb)
					if l == align.Zh {
						f.Zh, f.En = sp, other
					} else {
						f.En, f.Zh = sp, other
					}
					p.Report(f)
				}
			}
		}
	}
	return nil
}
