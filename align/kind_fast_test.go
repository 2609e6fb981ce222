package align

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/aligncheck/aligncheck/align/lang"
)

// kindTexts are texts to compare a fast path of the classifier with the
// computation it replaces: the lines and blank-line blocks of the reference
// document and of the texts of ../shared/data/parallel and realdocs (read
// at run time, when present).
func kindTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	add := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
		for _, b := range strings.Split(string(data), "\n\n") {
			// a file without blank lines is no block
			if len(b) < 1<<14 {
				texts = append(texts, b)
			}
		}
	}
	add("../testdata/csis-modernizing-national-security.interleaved.txt")
	for _, dir := range []string{"parallel", "realdocs"} {
		root := filepath.Join("..", "..", "shared", "data", dir)
		_ = filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(path, ".txt") {
				add(path)
			}
			return nil
		})
	}
	return texts
}

// randomKindText makes a text of the pieces the classifier's fast paths
// turn on: phrases in any case, glued or spaced, Han, digits, dates, the
// letters that fold to ASCII ones.
func randomKindText(rng *rand.Rand, phrases []string) string {
	pieces := []string{" ", " ", "  ", "\t", "\n", "-", ".", ",", "|", ":", "(", ")", "a", "x", "X", "s",
		"中", "国", "顶", "年", "月", "ſ", "\u212a", "İ", "ǅ", "é", "\xff", "0", "1", "2", "12", "1999",
		"2021", "31st", "Jan", "may", "MAR", "sep", "Sept.", "december", "oct", "novel", "shall", "amended",
		"Promulgated", "on", "date", "/", "the", "Article",
		// invalid three-byte sequences, each U+FFFD to range: an overlong
		// "A", a surrogate, a cut 中 (mostlyFurniture decodes Han inline)
		"\xe0\x81\x81", "\xed\xa0\x80", "\xe4\xb8"}
	var b strings.Builder
	for n := rng.Intn(14); n >= 0; n-- {
		if rng.Intn(3) == 0 {
			p := phrases[rng.Intn(len(phrases))]
			switch rng.Intn(3) {
			case 0:
				p = strings.ToUpper(p)
			case 1:
				if p != "" {
					p = strings.ToUpper(p[:1]) + p[1:]
				}
			}
			b.WriteString(p)
		} else {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
	}
	return b.String()
}

// withoutAllPhrases is withoutPhrases as first written, without skipping
// the phrases the text does not contain: the oracle of the skip.
func (f *Furniture) withoutAllPhrases(t string) []rune {
	orig := []rune(t)
	low := make([]rune, len(orig))
	for i, r := range orig {
		low[i] = unicode.ToLower(r)
	}
	boundary := func(i int) bool {
		if i <= 0 || i >= len(orig) {
			return true
		}
		a, b := orig[i-1], orig[i]
		if !unicode.IsLetter(a) || !unicode.IsLetter(b) || lang.IsHan(a) || lang.IsHan(b) {
			return true
		}
		return unicode.IsLower(a) && unicode.IsUpper(b)
	}
	for _, p := range f.runes {
		for i := 0; i+len(p) <= len(low); i++ {
			if !equalRunes(low[i:i+len(p)], p) || !boundary(i) || !boundary(i+len(p)) {
				continue
			}
			for k := i; k < i+len(p); k++ {
				low[k] = ' '
			}
			i += len(p) - 1
		}
	}
	return low
}

// TestWithoutPhrasesSkip: skipping the phrases a text does not contain
// blanks what blanking every phrase does, for the built-in phrases and
// for configured ones chosen to make blanks next to spaced phrases (a
// one-letter phrase inside "a b", Han between Latin words), on the data
// texts and on random ones.
func TestWithoutPhrasesSkip(t *testing.T) {
	skipExhaustiveInShort(t)
	sets := []*Furniture{
		builtinFurniture,
		NewFurniture([]string{"a b", "x", "中", "to x top", "b", "share print"}),
		NewFurniture([]string{"s", "ss", "s s", "ſ", "\u212a"}),
		// not spaced: the skip is off, and the result the same
		newFurniture([]string{"a  b", " x", "x ", "a b"}),
	}
	if !sets[0].spaced || !sets[1].spaced || sets[3].spaced {
		t.Fatalf("spaced: %v %v %v", sets[0].spaced, sets[1].spaced, sets[3].spaced)
	}
	texts := kindTexts(t)
	texts = append(texts, "a中b", "a x b", "to中top", "toXtop", "a b", "aXb", "s ſ s", "share中print")
	rng := rand.New(rand.NewSource(18))
	for _, f := range sets {
		for _, s := range texts {
			if got, want := string(f.withoutPhrases(s)), string(f.withoutAllPhrases(s)); got != want {
				t.Fatalf("%q: got %q, want %q", s, got, want)
			}
		}
		for range 50000 {
			s := randomKindText(rng, f.strs)
			if got, want := string(f.withoutPhrases(s)), string(f.withoutAllPhrases(s)); got != want {
				t.Fatalf("%q: got %q, want %q", s, got, want)
			}
		}
	}
}

// TestMayHaveHistoryDate: the pre-test never turns down a text in which
// enHistoryDate matches: on the data texts, on every text of up to six
// pieces from a small set, and on random texts.
func TestMayHaveHistoryDate(t *testing.T) {
	skipExhaustiveInShort(t)
	check := func(s string) {
		if !mayHaveHistoryDate(s) && enHistoryDate.MatchString(s) {
			t.Fatalf("%q: the pre-test says no, the expression matches", s)
		}
	}
	matched := 0
	for _, s := range kindTexts(t) {
		check(s)
		if enHistoryDate.MatchString(s) {
			matched++
		}
	}
	if matched < 3 {
		t.Errorf("only %d texts with a date: the comparison tests little", matched)
	}
	pieces := []string{"May", "x", " ", ",", ".", "1", "2020", "-", "ſ", "3rd", "\n"}
	var walk func(prefix string, n int)
	walk = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			walk(prefix+p, n-1)
		}
	}
	walk("", 6)
	rng := rand.New(rand.NewSource(18))
	for range 100000 {
		check(randomKindText(rng, furniturePhrases))
	}
}

// mostlyFurnitureRule is mostlyFurniture as first written, rune by rune
// through unicode.ToLower and unicode.IsLetter, with the letters of the
// phrases in a map: the oracle of its fast paths and early answer.
func (f *Furniture) mostlyFurnitureRule(t string) bool {
	inPhrase := map[rune]bool{}
	for _, p := range f.runes {
		for _, r := range p {
			inPhrase[r] = true
		}
	}
	total, inPhrases := 0, 0
	for _, r := range t {
		if r = unicode.ToLower(r); unicode.IsLetter(r) {
			total++
			if inPhrase[r] {
				inPhrases++
			}
		}
	}
	if total == 0 || inPhrases*4 < total*3 {
		return false
	}
	return float64(total-countLetters(string(f.withoutAllPhrases(t))))/float64(total) >= 0.75
}

// TestMostlyFurnitureFast: mostlyFurniture answers as the rule does, on
// the data texts, on random texts and on texts made mostly of phrases.
func TestMostlyFurnitureFast(t *testing.T) {
	skipExhaustiveInShort(t)
	for r := rune(hanFirst); r <= hanLast; r++ {
		if !unicode.IsLetter(r) || unicode.ToLower(r) != r {
			t.Fatalf("%U: not a letter without case", r)
		}
	}
	sets := []*Furniture{builtinFurniture, NewFurniture([]string{"返回列表", "Cite This Page", "ǅemal", "İstanbul", "x", "→ next", "« back"})}
	texts := kindTexts(t)
	rng := rand.New(rand.NewSource(18))
	for _, f := range sets {
		yes := 0
		check := func(s string) {
			want := f.mostlyFurnitureRule(s)
			if got := f.mostlyFurniture(s); got != want {
				t.Fatalf("%q: got %v, the rule says %v", s, got, want)
			}
			if want {
				yes++
			}
		}
		for _, s := range texts {
			check(s)
		}
		for range 50000 {
			s := randomKindText(rng, f.strs)
			check(s)
			// the early answer near its bound: phrases, then other letters
			check(strings.Repeat(f.strs[rng.Intn(len(f.strs))]+" ", rng.Intn(4)) + s)
		}
		if yes < 300 {
			t.Errorf("only %d texts of furniture: the comparison tests little", yes)
		}
	}
}

// TestSpaceScans: fieldsAtMost and spacedOnce answer as the strings.Fields
// they stand for, on the data texts, on every code point between words and
// on random texts with invalid bytes.
func TestSpaceScans(t *testing.T) {
	skipExhaustiveInShort(t)
	check := func(s string) {
		fields := strings.Fields(s)
		for _, n := range []int{0, 1, 2, max(0, len(fields)-1), len(fields), furnitureWords} {
			if got, want := fieldsAtMost(s, n), len(fields) <= n; got != want {
				t.Fatalf("fieldsAtMost(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
		if got, want := spacedOnce(s), strings.Join(fields, " ") == s; got != want {
			t.Fatalf("spacedOnce(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range kindTexts(t) {
		check(s)
	}
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		check("a" + string(r) + "b")
		check(string(r) + " 中")
	}
	pieces := []string{"a", " ", "  ", "\u3000", "、", "中", "\u00a0", "\u2029", "\xe3\x80", "\xe4", "\xbf", "\t", "\n", "é"}
	rng := rand.New(rand.NewSource(18))
	for range 200000 {
		var b strings.Builder
		for n := rng.Intn(8); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// skipExhaustiveInShort skips an exhaustive exactness test under -short:
// the race detector's run (-race -short in CI) makes each of them minutes
// long, and the plain `go test ./...` runs them in full.
func skipExhaustiveInShort(t *testing.T) {
	if testing.Short() {
		t.Skip("exhaustive: runs without -short")
	}
}

// TestLettersLeftBytes: on texts whose runes beyond ASCII are no letters,
// lower to themselves and occur in no phrase, lettersLeftBytes counts the
// letters withoutAllPhrases leaves, for the built-in phrases and for
// configured ones, some of which lower to ASCII from beyond it (K, İ) or
// hold punctuation beyond it, on such lines and blocks of the data texts
// and on random ones.
func TestLettersLeftBytes(t *testing.T) {
	skipExhaustiveInShort(t)
	sets := []*Furniture{
		builtinFurniture,
		NewFurniture([]string{"a b", "x", "中", "to x top", "b", "share print", "Cite This Page"}),
		NewFurniture([]string{"s", "ss", "s s", "ſ", "\u212a", "İstanbul", "\u212aey", "→ next", "« back", "x—y"}),
		newFurniture([]string{"a  b", " x", "x ", "a b", "aa", "aaa"}),
	}
	pieces := []string{"’", "“", "”", "—", "→", "«", "\xff", "\xe2\x80", "Ⅰ", "é", "中", " "}
	// bytewise is the condition written out, rune by rune
	bytewise := func(f *Furniture, s string) bool {
		for _, r := range s {
			if r < 0x80 {
				continue
			}
			if unicode.IsLetter(r) || unicode.ToLower(r) != r {
				return false
			}
			for _, p := range f.strs {
				if strings.ContainsRune(p, r) {
					return false
				}
			}
		}
		return true
	}
	texts := kindTexts(t)
	texts = append(texts, "", "aXb", "a b", "toXtop", "xX", "Xx", "aaaa", "aaaaa", "istanbul", "Istanbul", "iSTANBUL", "key", "KEY",
		strings.Repeat("Share ", 200), "Back to top", "back to topBack To Top", "HomeNextPrevious", "→ next", "x—y", "“Share”",
		"Print’s", "email—share", "\xffshare\xff", "a\xe2\x80b")
	rng := rand.New(rand.NewSource(18))
	checked := 0
	for _, f := range sets {
		check := func(s string) {
			if !bytewise(f, s) {
				return
			}
			want := countLetters(string(f.withoutAllPhrases(s)))
			if got := f.lettersLeftBytes(s); got != want {
				t.Fatalf("%q: got %d letters left, want %d", s, got, want)
			}
			checked++
		}
		for _, s := range texts {
			check(s)
		}
		for range 50000 {
			s := randomKindText(rng, f.strs)
			for range rng.Intn(4) {
				k := rng.Intn(len(s) + 1)
				s = s[:k] + pieces[rng.Intn(len(pieces))] + s[k:]
			}
			check(s)
			check(strings.Repeat(f.strs[rng.Intn(len(f.strs))]+" ", rng.Intn(4)) + s)
		}
	}
	if checked < 150000 {
		t.Errorf("only %d texts checked", checked)
	}
}

// TestPlain8 checks plain8 against a test of each byte, for
// every byte in every place among random neighbours drawn mostly from
// the bytes it tells apart.
func TestPlain8(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	near := []byte{' ', ' ', 'a', 0x1f, 0x7f, 0x80, 0xa0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe3, 0xe4, 0xef}
	for c := range 256 {
		for k := range 8 {
			for range 64 {
				var b [8]byte
				for m := range b {
					b[m] = near[rng.Intn(len(near))]
					if rng.Intn(4) == 0 {
						b[m] = byte(rng.Intn(256))
					}
				}
				b[k] = byte(c)
				var want uint64
				wantOK := true
				for m, x := range b {
					if x == ' ' {
						want |= 0x80 << (8 * m)
					}
					wantOK = wantOK && x >= ' ' && x != 0xc2 && !(0xe0 <= x && x <= 0xe3)
				}
				sp, ok := plain8(lang.Load8(string(b[:])))
				if sp != want || ok != wantOK {
					t.Fatalf("% x: %x, %v; want %x, %v", b, sp, ok, want, wantOK)
				}
			}
		}
	}
}

// TestSpacedOnceLong compares spacedOnce and fieldsAtMost with
// strings.Fields on random texts long enough for their scans by eight
// bytes, with spaces single and doubled, white space beyond ASCII,
// characters of every length and invalid bytes.
func TestSpacedOnceLong(t *testing.T) {
	pieces := []string{"a", "word", " ", " ", "  ", "\u3000", "。", "中文", "“", "\u00a0", "\u00e9", "\u2029", "\u2014", "\xe3\x80", "\xe4", "\xbf", "\t", "\x7f", "\U0001F600"}
	rng := rand.New(rand.NewSource(81))
	spaced := 0
	for range 100000 {
		// most texts of the first pieces alone, which are spaced once
		// as often as not
		k := len(pieces)
		if rng.Intn(2) == 0 {
			k = 9
		}
		var b strings.Builder
		for n := rng.Intn(24); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(k)])
		}
		s := b.String()
		fields := strings.Fields(s)
		want := strings.Join(fields, " ") == s
		if got := spacedOnce(s); got != want {
			t.Fatalf("spacedOnce(%q) = %v, want %v", s, got, want)
		}
		for _, n := range []int{0, 1, len(fields) / 2, max(0, len(fields)-1), len(fields)} {
			if got, want := fieldsAtMost(s, n), len(fields) <= n; got != want {
				t.Fatalf("fieldsAtMost(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
		if want {
			spaced++
		}
	}
	if spaced < 5000 {
		t.Errorf("only %d texts spaced once", spaced)
	}
}
