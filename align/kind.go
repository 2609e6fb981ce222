package align

import (
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
)

// furniturePhrases are the words of site furniture on saved bilingual pages.
// A block made only of such words (and punctuation) is furniture.
var furniturePhrases = []string{
	"return to the library", "back to top", "to top", "cite this page", "copy link",
	"facebook", "twitter", "linkedin", "email", "e-mail", "print", "share", "pdf",
	"original text", "english text", "chinese text", "see an error", "drop us a line",
	"view the translated and original text side-by-side", "read more", "related",
	"subscribe", "download", "menu", "search", "home", "next", "previous", "tags",
	"返回顶部", "返回", "分享", "打印", "下载", "上一篇", "下一篇", "责任编辑", "来源", "原文", "关闭窗口",
}

var (
	urlRe      = regexp.MustCompile(`(?i)\bhttps?://\S+|\bwww\.\S+`)
	citationRe = regexp.MustCompile(`(?i)\b(accessed|retrieved|cite as|available at)\b|\(\d{4}\)|, \d{4}\.$`)
)

// mostlyFurniture reports whether at least three quarters of a text's
// letters belong to furniture phrases (removed longest phrase first).
func mostlyFurniture(t string) bool {
	// the letters of strings.ToLower(t), which lowers rune by rune
	total, inPhrases := 0, 0
	for _, r := range t {
		if r = unicode.ToLower(r); unicode.IsLetter(r) {
			total++
			if furnitureLetter(r) {
				inPhrases++
			}
		}
	}
	// Removing a phrase removes only letters phrases are made of, so at
	// most inPhrases letters can go: most texts are decided here without
	// lowering them or a pass per phrase.
	if total == 0 || inPhrases*4 < total*3 {
		return false
	}
	low := strings.ToLower(t)
	for _, p := range furnitureByLength {
		low = strings.ReplaceAll(low, p, " ")
	}
	return float64(total-countLetters(low))/float64(total) >= 0.75
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

// furnitureLetter: r occurs in a furniture phrase.
func furnitureLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return furnitureASCII[r]
	}
	_, ok := furnitureOther[r]
	return ok
}

var furnitureASCII, furnitureOther = func() (ascii [utf8.RuneSelf]bool, other map[rune]struct{}) {
	other = map[rune]struct{}{}
	for _, p := range furniturePhrases {
		for _, r := range p {
			if r < utf8.RuneSelf {
				ascii[r] = true
			} else {
				other[r] = struct{}{}
			}
		}
	}
	return ascii, other
}()

// fieldsAtMost reports whether t has at most n white-space separated
// fields: len(strings.Fields(t)) <= n without making them.
func fieldsAtMost(t string, n int) bool {
	count, in := 0, false
	for _, r := range t {
		if unicode.IsSpace(r) {
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

var furnitureByLength = func() []string {
	s := append([]string(nil), furniturePhrases...)
	sort.Slice(s, func(a, b int) bool { return len(s[a]) > len(s[b]) })
	return s
}()

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

// Classify tells body prose from headings and page furniture. The aligner
// never pairs furniture, and the checks report it apart from omissions.
func Classify(b *Block) Kind {
	t := strings.TrimSpace(b.Text)
	if fieldsAtMost(t, 40) && mostlyFurniture(t) {
		return KindFurniture
	}
	if MayHaveURL(t) && urlRe.MatchString(t) && len(urlRe.ReplaceAllString(t, "")) < len(t)/2 {
		return KindFurniture
	}
	if strings.Count(t, "\"")+strings.Count(t, "“") >= 2 && bothScripts(t) && citationRe.MatchString(t) {
		// a citation line naming the work in both languages
		return KindFurniture
	}
	if isHeadingText(t, b.Lang) {
		return KindHeading
	}
	return KindBody
}

// bothScripts: t has Han characters and Latin letters.
func bothScripts(t string) bool {
	c := lang.Count(t)
	return c.Han > 0 && c.Latin > 0
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
