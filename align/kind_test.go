package align

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"

	"github.com/aligncheck/aligncheck/align/lang"
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
	return float64(total-letters(string(builtinFurniture.withoutPhrases(t))))/float64(total) >= 0.75 && len(strings.Fields(t)) <= furnitureWords
}

func furnitureFast(t string) bool {
	return fieldsAtMost(t, furnitureWords) && builtinFurniture.mostlyFurniture(t)
}

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

// TestConfiguredFurniture: a run's own phrases make furniture of the
// blocks made of them, matched as the built-in ones are (whole words,
// any case, white space folded); without them the same blocks are text.
func TestConfiguredFurniture(t *testing.T) {
	site := NewFurniture([]string{"Return  to the\tLibrary", "Cite This Page", "", "返回列表"})
	for _, c := range []struct {
		text       string
		site, base bool
	}{
		{"Return to the Library", true, false},
		{"RETURN TO THE LIBRARY", true, false},
		{"Cite This Page | Share", true, false},
		{"返回列表", true, false},
		{"Return to the Libraryship", false, false},
		{"Excite this page", false, false},
		{"Share | Print", true, true},     // the built-in phrases stay
		{"Research", false, false},        // whole words, built in
		{"Cite this pages", false, false}, // whole words, configured
		{"We will return to the library question in the next section.", false, false},
	} {
		b := &Block{Text: c.text, Lang: En}
		if lang.Count(c.text).Han > 0 {
			b.Lang = Zh
		}
		assert.Equal(t, c.site, site.Classify(b) == KindFurniture, "configured: %q", c.text)
		assert.Equal(t, c.base, Classify(b) == KindFurniture, "built in: %q", c.text)
		assert.Equal(t, c.base, DefaultFurniture().Classify(b) == KindFurniture, "built in: %q", c.text)
	}
	// no phrases of its own: the built-in matcher itself, made once
	assert.Same(t, DefaultFurniture(), NewFurniture(nil))
	assert.Same(t, DefaultFurniture(), NewFurniture([]string{" ", ""}))
	// a built-in phrase given again changes nothing
	again := NewFurniture([]string{"Share", "PRINT"})
	assert.Equal(t, len(builtinFurniture.runes), len(again.runes))
}

// TestFurnitureOrderFree: the matcher does not depend on the order its
// phrases were given in (longest first, then a fixed order).
func TestFurnitureOrderFree(t *testing.T) {
	a := NewFurniture([]string{"Cite This Page", "This Page", "Cite"})
	b := NewFurniture([]string{"Cite", "This Page", "Cite This Page"})
	assert.Equal(t, a.runes, b.runes)
}

// TestFurnitureConcurrent: documents read at once with different phrase
// sets (a server's requests, a run's files in parallel) each get their
// own kinds: a matcher holds no state of a run.
func TestFurnitureConcurrent(t *testing.T) {
	texts := []string{"Return to the Library", "Cite This Page", "Share | Print", "Ordinary prose, a sentence."}
	sets := [][]string{nil, {"Return to the Library"}, {"Cite This Page"}, {"Return to the Library", "Cite This Page"}}
	want := [][]bool{
		{false, false, true, false},
		{true, false, true, false},
		{false, true, true, false},
		{true, true, true, false},
	}
	var wg sync.WaitGroup
	for round := 0; round < 8; round++ {
		for s := range sets {
			wg.Add(1)
			go func(s int) {
				defer wg.Done()
				f := NewFurniture(sets[s])
				doc := &Document{}
				for _, x := range texts {
					doc.En = append(doc.En, &Block{Text: x, Lang: En})
				}
				doc.Classify(f)
				for i, b := range doc.En {
					assert.Equal(t, want[s][i], b.Kind == KindFurniture, "set %v: %q", sets[s], texts[i])
				}
			}(s)
		}
	}
	wg.Wait()
}
