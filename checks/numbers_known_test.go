package checks

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// TestNumbersOfNumberlessBlocks: Pass.Numbers, which takes the aligner's
// word (Alignment.NoNumbers) for a block without numbers instead of
// reading it, gives what reading every block gives (chineseNumbers,
// numerals.English), and the aligner knows every block of an aligned
// document, on the texts of ../shared/data/parallel (read at run time,
// when present) and on random documents of pieces with and without
// numbers.
func TestNumbersOfNumberlessBlocks(t *testing.T) {
	require.NoError(t, lexicon.Load())
	var docs [][2]string
	zhFiles, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "parallel", "*", "*.zh.txt"))
	for _, zf := range zhFiles {
		zh, err := os.ReadFile(zf)
		require.NoError(t, err)
		en, err := os.ReadFile(strings.TrimSuffix(zf, ".zh.txt") + ".en.txt")
		if err != nil {
			continue
		}
		docs = append(docs, [2]string{string(zh), string(en)})
	}
	pieces := [2][]string{
		{"去年全省共有1200名代表出席会议。", "比前年增加百分之五，", "其中三百人来自基层。", "第二十届", "2035年", "约两成",
			"（一）", "十四五期间", "万众一心。", "一心一意。", "会议在北京举行。", "三心二意，", "第三条 "},
		{"Last year 1,200 delegates attended. ", "That is 5 percent more, ", "and three hundred came from the grassroots. ",
			"the 20th ", "in 2035 ", "about a fifth ", "(1) ", "No. 12. ", "Twenty-one of them spoke. ", "The meeting was held in Beijing. ",
			"one of them ", "Article 3 ", "First, "},
	}
	rng := rand.New(rand.NewSource(18))
	for range 30 {
		var texts [2]string
		n := 1 + rng.Intn(30)
		for l := range texts {
			var paras []string
			for k := n + rng.Intn(3) - 1; k >= 0; k-- {
				var b strings.Builder
				for m := rng.Intn(3); m >= 0; m-- {
					b.WriteString(pieces[l][rng.Intn(len(pieces[l]))])
				}
				paras = append(paras, b.String())
			}
			texts[l] = strings.Join(paras, "\n\n") + "\n"
		}
		docs = append(docs, texts)
	}
	skipped := 0
	for _, texts := range docs {
		doc, err := input.TwoFiles("zh.txt", texts[0], "en.txt", texts[1])
		require.NoError(t, err)
		al := align.Align(doc, align.Options{Lex: lexicon.Default()})
		p := &Pass{Check: Numbers, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}}
		for _, l := range []align.Lang{align.Zh, align.En} {
			for i, b := range doc.Blocks(l) {
				want := numerals.English(b.Text)
				if l == align.Zh {
					want = chineseNumbers(b.Text)
				}
				none, ok := al.NoNumbers(l, i)
				require.True(t, ok, "block %d of %v unknown", i, l)
				if none {
					skipped++
				}
				if got := p.Numbers(l, i); len(got) != 0 || len(want) != 0 {
					require.True(t, reflect.DeepEqual(got, want), "%v block %q: %v, read %v", l, b.Text, got, want)
				}
			}
		}
	}
	require.Positive(t, skipped, "no block was spared reading")
}
