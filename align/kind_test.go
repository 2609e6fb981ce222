package align

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// furnitureRule is the furniture rule as first written, kept as the oracle:
// at most 40 words, three quarters of the letters in furniture phrases.
func furnitureRule(t string) bool {
	low := strings.ToLower(t)
	letters := func(s string) int {
		n := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				n++
			}
		}
		return n
	}
	total := letters(low)
	if total == 0 {
		return false
	}
	return float64(total-letters(string(withoutPhrases(t))))/float64(total) >= 0.75 && len(strings.Fields(t)) <= furnitureWords
}

func furnitureFast(t string) bool { return fieldsAtMost(t, furnitureWords) && mostlyFurniture(t) }

// TestFurnitureWholeWords: phrases count only as whole words, in short
// blocks.
func TestFurnitureWholeWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Research", false},
		{"Homeland Research", false},
		{"Researchers print", false},
		{"Shareholders", false},
		{"Search", true},
		{"Share | Print | Email", true},
		{"FacebookTwitterLinkedInEmailPrintCopy Link", true},
		{"Back to top", true},
		{"返回顶部", true},
		{"上一篇：下一篇", true},
		{"Home > Research", false},
		{strings.Repeat("share ", 40), true},
		{strings.Repeat("share ", 41), false},
		{"Download the full report here", false},
		{"Contents", true},
		{"Table of Contents", true},
		{"目 录", true},
		{"目录", true},
		{"The contents of the report are confidential", false},
		{"目录管理办法", false},
	} {
		assert.Equal(t, c.want, furnitureFast(c.text), c.text)
	}
}

// TestFurnitureSameAsRule: the pre-test and the word count change no
// decision, on every line of the reference document and of the parallel
// documents in ../shared/data, and on furniture made up here.
func TestFurnitureSameAsRule(t *testing.T) {
	texts := []string{
		"", "Share", "Return to the Library", "FacebookTwitterLinkedInEmailPrintCopy Link",
		"返回顶部", "分享到：微信 微博", "上一篇：下一篇", "Print this page", "readprintmore",
		"Download PDF (English text)", "Home > Library > Reports", "Next | Previous | Tags: policy",
		strings.Repeat("share ", 40), strings.Repeat("share ", 41), strings.Repeat("print x ", 12),
		"İSTANBUL share", "ǅemal print",
	}
	add := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	add("../testdata/csis-modernizing-national-security.interleaved.txt")
	if files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "parallel", "*", "*.txt")); len(files) > 0 {
		for _, f := range files {
			add(f)
		}
	}
	furniture := 0
	for _, s := range texts {
		want := furnitureRule(s)
		if got := furnitureFast(s); got != want {
			t.Errorf("%q: got %v, the rule says %v", s, got, want)
		}
		if want {
			furniture++
		}
	}
	if furniture < 5 {
		t.Errorf("only %d furniture lines among %d: the comparison tests little", furniture, len(texts))
	}
}

func FuzzFurniture(f *testing.F) {
	for _, s := range []string{"Share", "返回顶部 分享", "print print x", "Cite this page: www.example.org", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := furnitureFast(s), furnitureRule(s); got != want {
			t.Errorf("%q: got %v, the rule says %v", s, got, want)
		}
	})
}
