package align

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align/numerals"
)

// linesDoc builds a two-file document named name of the given paragraphs,
// split into sentences as the input does.
func linesDoc(name string, zh, en []string) *Document {
	doc := &Document{Name: name, Shape: TwoFiles}
	add := func(l Lang, paras []string) (*Source, []*Block) {
		src := NewSource(l.String()+".txt", strings.Join(paras, "\n\n"))
		var blocks []*Block
		off := 0
		for i, p := range paras {
			blocks = append(blocks, &Block{Lang: l, Index: i, Seq: i, Src: src, Start: off, End: off + len(p), Text: p})
			off += len(p) + 2
		}
		return src, blocks
	}
	doc.ZhSrc, doc.Zh = add(Zh, zh)
	doc.EnSrc, doc.En = add(En, en)
	doc.Split()
	return doc
}

// nonEmptyLines are the lines of a file that hold more than blanks.
func nonEmptyLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// sameSentencesWithoutBlockNumbers aligns the sentences of doc's paragraph
// beads twice, taking the numbers of whole-block sentences from the
// paragraph aligner's and reading every sentence, and fails unless the
// sentence beads are the same; it also checks every number it takes
// against reading the sentence.
func sameSentencesWithoutBlockNumbers(t *testing.T, name string, doc *Document) {
	t.Helper()
	a := alignParagraphs(doc, nil, nil)
	for bi := range a.Beads {
		for _, l := range []Lang{Zh, En} {
			blocks := a.Beads[bi].Zh
			if l == En {
				blocks = a.Beads[bi].En
			}
			_, texts := sentRefs(doc, l, blocks)
			for k, r := range sentNums(doc, l, blocks, a.nums[l]) {
				if !r.ok {
					continue
				}
				want := numerals.English(texts[k])
				if l == Zh {
					want = numerals.Chinese(texts[k])
				}
				if !reflect.DeepEqual(r.nums, want) {
					t.Fatalf("%s: %v sentence %q: block numbers %v, sentence numbers %v", name, l, texts[k], r.nums, want)
				}
			}
		}
	}
	b := &Alignment{Doc: a.Doc, Ratio: a.Ratio, Beads: make([]Bead, len(a.Beads))}
	copy(b.Beads, a.Beads)
	alignSentences(a, Options{})
	alignSentences(b, Options{})
	for k := range a.Beads {
		if !reflect.DeepEqual(a.Beads[k].Sents, b.Beads[k].Sents) {
			t.Fatalf("%s: bead %d: %+v with the block numbers, %+v without", name, k, a.Beads[k].Sents, b.Beads[k].Sents)
		}
	}
}

// TestSentenceNumbersFromBlocks: the sentence aligner's result is the same
// whether a whole-block sentence's numbers come from the paragraph
// aligner or are read again, on the texts of ../shared/data/parallel (read
// at run time, when present) and on random documents mixing whole-block
// and split paragraphs.
func TestSentenceNumbersFromBlocks(t *testing.T) {
	var pool [2][]string
	zhFiles, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "parallel", "*", "*.zh.txt"))
	for _, zf := range zhFiles {
		ef := strings.TrimSuffix(zf, ".zh.txt") + ".en.txt"
		if _, err := os.Stat(ef); err != nil {
			continue
		}
		zh, en := nonEmptyLines(t, zf), nonEmptyLines(t, ef)
		sameSentencesWithoutBlockNumbers(t, filepath.Base(zf), linesDoc("lines", zh, en))
		pool[Zh], pool[En] = append(pool[Zh], zh...), append(pool[En], en...)
	}
	pieces := [2][]string{
		{"去年全省共有1200名代表出席会议。", "比前年增加百分之五，", "其中三百人来自基层。", "第二十届", "2035年", "约两成", "（一）", "十四五期间", "万众一心。"},
		{"Last year 1,200 delegates attended. ", "That is 5 percent more, ", "and three hundred came from the grassroots. ", "the 20th ", "in 2035 ", "about a fifth ", "(1) ", "No. 12. ", "Twenty-one of them spoke."},
	}
	for _, l := range []Lang{Zh, En} {
		if len(pool[l]) == 0 {
			pool[l] = pieces[l]
		}
	}
	rng := rand.New(rand.NewSource(18))
	for d := 0; d < 30; d++ {
		var paras [2][]string
		n := 1 + rng.Intn(40)
		for _, l := range []Lang{Zh, En} {
			for k := n + rng.Intn(3) - 1; k >= 0; k-- {
				var b strings.Builder
				for m := rng.Intn(3); m >= 0; m-- {
					if rng.Intn(2) == 0 {
						b.WriteString(pool[l][rng.Intn(len(pool[l]))])
					} else {
						b.WriteString(pieces[l][rng.Intn(len(pieces[l]))])
					}
				}
				paras[l] = append(paras[l], b.String())
			}
		}
		sameSentencesWithoutBlockNumbers(t, "random", linesDoc("lines", paras[Zh], paras[En]))
	}
}
