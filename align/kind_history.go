package align

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A legislative-history note (沿革) records when a law or regulation was
// made, amended and put in force: the Taiwan form is one numbered line per
// event ("3.中華民國九十九年二月三日總統華總一義字第 09900024181 號令修正公布第
// 2、3、7 條條文；並自公布日施行"), the PRC form one bracketed note under the
// title ("（1980年9月10日第五届全国人民代表大会第三次会议通过 根据2001年4月28日…
// 修正）"). Official English versions abridge such notes by convention
// ("3.Amended on February 3, 2010", "(Adopted at … on September 10, 1980 …)"):
// the order number, the articles touched and the date of entry into force
// are left out. The checks treat the difference between two versions of a
// note as what it is, a convention of the genre and not a defect of the
// translation.

var (
	// zhHistoryHead: after an optional list number and an optional
	// opening bracket, the note starts with its date: a Minguo or
	// Western year, a month and usually a day, in digits or Han numerals.
	zhHistoryHead = regexp.MustCompile(`^(?:[0-9０-９]{1,3}\s*[.．、]\s*|[一二三四五六七八九十]{1,3}\s*、\s*|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[)）]\s*)?[（(]?\s*(?:中華民國|中华民国|民國|民国)?\s*[0-9０-９一二三四五六七八九十百零〇○]{1,6}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月`)
	// zhHistoryAct: what happened on that date.
	zhHistoryAct = regexp.MustCompile(`公布|發布|发布|施行|通過|通过|修正|修訂|修订|制定|訂定|订定|增訂|增订|刪除|删除|廢止|废止|公告|批准`)
	// zhHistoryOrgan: and who did it — a note names the organ or its
	// order (總統令, 國民政府, 行政院, 全国人民代表大会…会议).
	zhHistoryOrgan = regexp.MustCompile(`總統|总统|政府|院|部|會|会|令|署|局`)

	// enHistoryDate: a date as English history notes write it ("March
	// 31, 1947", "Aug.11,1993", "8 October 2003", "2001.12.28").
	enHistoryDate = regexp.MustCompile(enHistoryDateExpr)
	// enHistoryDateAt is enHistoryDate anchored at the start of the text:
	// enHistoryDateIn tries it only where a match can start.
	enHistoryDateAt = regexp.MustCompile(`^(?:` + enHistoryDateExpr + `)`)
	// enModal: a provision, not a record.
	enModal = regexp.MustCompile(`(?i)\b(?:shall|must|should|will)\b`)
)

// enHistoryDateExpr is enHistoryDate's expression.
const enHistoryDateExpr = `(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s*,?\s*)?\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b`

// enHistoryVerbs start the words that say what happened to the text; a
// note leads with one of them, after at most a few words naming what was
// changed ("Articles 48, 56 amended", "The full text of 45 articles
// enacted").
var enHistoryVerbs = []string{"promulgat", "amend", "enact", "adopt", "revis", "announc", "issu",
	"abolish", "repeal", "added", "deleted", "publish", "approv", "ratif"}

// enHistorySubject are the words that may come before that verb: what was
// changed, never who did it or why.
var enHistorySubject = map[string]bool{
	"the": true, "a": true, "an": true, "full": true, "text": true, "title": true, "name": true,
	"all": true, "of": true, "and": true, "article": true, "articles": true, "art": true,
	"section": true, "sections": true, "paragraph": true, "paragraphs": true, "item": true,
	"items": true, "chapter": true, "chapters": true, "law": true, "act": true, "regulations": true,
	"regulation": true, "rules": true, "this": true, "these": true, "entire": true, "whole": true,
	"provisions": true, "in": true, "its": true, "to": true, "original": true, "partial": true,
	"last": true, "as": true, "was": true, "were": true, "is": true, "are": true, "has": true,
	"have": true, "been": true,
}

// enHistoryWords is the most words an unbracketed English note has; a
// bracketed one (the PRC form, which names the session, the order and the
// decision) may run to enHistoryBracketWords.
const (
	enHistoryWords        = 60
	enHistoryBracketWords = 150
	zhHistoryRunes        = 400
)

// IsHistoryNote reports whether a block's text is a legislative-history
// or promulgation note in language l: a record of when the text was made,
// amended or put in force, not a provision of it.
func IsHistoryNote(t string, l Lang) bool {
	t = strings.TrimSpace(t)
	if t == "" {
		return false
	}
	if l == Zh {
		return zhHistoryNote(t)
	}
	return enHistoryNote(t)
}

func zhHistoryNote(t string) bool {
	// a note records; it has no sentences of prose (a news paragraph that
	// opens with a date ends its sentences with 。)
	if !strings.Contains(t, "年") || strings.ContainsAny(t, "。！？") || utf8.RuneCountInString(t) > zhHistoryRunes {
		return false
	}
	return zhHistoryHead.MatchString(t) && zhHistoryAct.MatchString(t) && zhHistoryOrgan.MatchString(t)
}

func enHistoryNote(t string) bool {
	bracketed := (strings.HasPrefix(t, "(") || strings.HasPrefix(t, "（")) && (strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）"))
	if !strings.ContainsAny(t, "0123456789") {
		return false
	}
	limit := enHistoryWords
	if bracketed {
		limit = enHistoryBracketWords
	}
	if !fieldsAtMost(t, limit) || !mayHaveHistoryDate(t) || !enHistoryDateIn(t) || enModalIn(t) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ','
	})
	i := 0
	// a list number ("3.", "10.") is its own word here
	for i < len(words) && isDigits(words[i]) {
		i++
	}
	if i < len(words) && words[i] == "on" {
		// "On Feb. 22, 2021, …": the date first, then the event
		for i < len(words) && !strings.HasSuffix(words[i], ",") {
			i++
		}
		for i < len(words) && strings.HasSuffix(words[i], ",") {
			i++
		}
	}
	if i < len(words) && strings.TrimSuffix(words[i], ",") == "date" {
		// "Date：2001.12.28 ( Announced )"
		return true
	}
	for ; i < len(words); i++ {
		w := strings.TrimSuffix(words[i], ",")
		for _, v := range enHistoryVerbs {
			if strings.HasPrefix(w, v) {
				return true
			}
		}
		if !enHistorySubject[w] && !isDigits(w) {
			return false
		}
	}
	return false
}

// mayHaveHistoryDate is a quick pre-test for enHistoryDate, whose
// backtracking costs more than the rest of the classifier: false means
// none of its three forms can match in t. Each ends in four digits. The
// first two have a month's first three letters, then more letters, an
// optional full stop, an optional comma and white space, then a digit;
// the third has a full stop, slash or hyphen right after four digits.
// The letters that (?i) folds to ASCII ones (ſ to s, the Kelvin sign to
// k) are not looked at here: a text with one goes to the expression.
func mayHaveHistoryDate(t string) bool {
	if strings.Contains(t, "ſ") || strings.Contains(t, "\u212a") {
		return true
	}
	four, month := false, false
	run := 0 // digits in a row up to i
	for i := 0; i < len(t); i++ {
		c := t[i]
		if '0' <= c && c <= '9' {
			if run++; run >= 4 {
				four = true
				if i+1 < len(t) && (t[i+1] == '.' || t[i+1] == '/' || t[i+1] == '-') {
					return true
				}
			}
			continue
		}
		run = 0
		if !month && monthLead[c] && i+3 <= len(t) && isMonthAt(t, i) && digitAfterMonth(t, i+3) {
			month = true
		}
	}
	return four && month
}

// monthLead holds the first letters of the months, in either case.
var monthLead = [256]bool{'j': true, 'f': true, 'm': true, 'a': true, 's': true, 'o': true, 'n': true, 'd': true,
	'J': true, 'F': true, 'M': true, 'A': true, 'S': true, 'O': true, 'N': true, 'D': true}

// isMonthAt: t has a month's first three letters, in any case, at i.
// The three bytes, each with the bit 20 set as (?i) would fold a capital,
// are one key for a switch rather than compared with the months in turn
// (TestIsMonthAt).
func isMonthAt(t string, i int) bool {
	key := uint32(t[i]|0x20)<<16 | uint32(t[i+1]|0x20)<<8 | uint32(t[i+2]|0x20)
	switch key {
	case 'j'<<16 | 'a'<<8 | 'n', 'f'<<16 | 'e'<<8 | 'b', 'm'<<16 | 'a'<<8 | 'r', 'a'<<16 | 'p'<<8 | 'r',
		'm'<<16 | 'a'<<8 | 'y', 'j'<<16 | 'u'<<8 | 'n', 'j'<<16 | 'u'<<8 | 'l', 'a'<<16 | 'u'<<8 | 'g',
		's'<<16 | 'e'<<8 | 'p', 'o'<<16 | 'c'<<8 | 't', 'n'<<16 | 'o'<<8 | 'v', 'd'<<16 | 'e'<<8 | 'c':
		return true
	}
	return false
}

// digitAfterMonth: after the rest of a month's letters at i, an optional
// full stop, an optional comma and white space (as \s has it) lead to a
// digit.
func digitAfterMonth(t string, i int) bool {
	for i < len(t) && ('a' <= t[i]|0x20 && t[i]|0x20 <= 'z') {
		i++
	}
	if i < len(t) && t[i] == '.' {
		i++
	}
	if i < len(t) && t[i] == ',' {
		i++
	}
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\f' || t[i] == '\r') {
		i++
	}
	return i < len(t) && '0' <= t[i] && t[i] <= '9'
}

func isDigits(w string) bool {
	w = strings.TrimSuffix(w, ",")
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isWordByte reports the bytes \b counts as word characters: Go's regexp
// reads \b as ASCII word boundaries, and a byte beyond ASCII is part of a
// rune that is no word character.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

// enHistoryDateIn is enHistoryDate.MatchString(t) without the backtracker
// trying every byte of t as the start of a match (TestEnHistoryDateIn).
// Each of the expression's three forms opens with \b and a month's first
// three letters or a digit, so a match starts only at a word's first byte
// that is a digit or where isMonthAt holds; there the anchored expression
// decides, as \b at its start holds when the byte before is no word
// character. The two letters that (?i) folds to ASCII ones, ſ and the
// Kelvin sign, could spell a month that isMonthAt does not see: a text
// with either goes to the expression whole.
func enHistoryDateIn(t string) bool {
	if strings.Contains(t, "ſ") || strings.Contains(t, "\u212a") {
		return enHistoryDate.MatchString(t)
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if i > 0 && isWordByte(t[i-1]) {
			continue
		}
		if '0' <= c && c <= '9' || monthLead[c] && i+3 <= len(t) && isMonthAt(t, i) {
			if enHistoryDateAt.MatchString(t[i:]) {
				return true
			}
		}
	}
	return false
}

// enModalIn is enModal.MatchString(t) on t's bytes (TestEnModalIn): one of
// the four words, in any case, between word boundaries. ſ, which (?i)
// folds to s, sends a text to the expression.
func enModalIn(t string) bool {
	if strings.Contains(t, "ſ") {
		return enModal.MatchString(t)
	}
	for i := 0; i < len(t); i++ {
		c := t[i] | 0x20
		if c != 's' && c != 'm' && c != 'w' || i > 0 && isWordByte(t[i-1]) {
			continue
		}
		for _, w := range [...]string{"shall", "must", "should", "will"} {
			if e := i + len(w); e <= len(t) && asciiFoldEqual(t[i:e], w) && (e == len(t) || !isWordByte(t[e])) {
				return true
			}
		}
	}
	return false
}

// asciiFoldEqual: s is w, a lower-case ASCII word, in any case of ASCII.
func asciiFoldEqual(s, w string) bool {
	for j := 0; j < len(w); j++ {
		if c := s[j]; c != w[j] && c|0x20 != w[j] {
			return false
		}
	}
	return true
}
