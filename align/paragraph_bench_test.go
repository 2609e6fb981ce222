package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/internal/cputime"
)

// splitBenchDoc is a two-file document of n Chinese paragraphs of three
// sentences each; every fourth is translated by three English paragraphs
// (one a sentence), the others by one.
func splitBenchDoc(n int) *Document {
	topics := [][2]string{
		{"农业", "agriculture"}, {"教育", "education"}, {"医疗", "health care"}, {"交通", "transport"},
		{"能源", "energy"}, {"环境", "the environment"}, {"科技", "technology"}, {"住房", "housing"},
		{"就业", "employment"}, {"文化", "culture"}, {"旅游", "tourism"}, {"金融", "finance"},
	}
	var zh, en []string
	for k := 0; k < n; k++ {
		a, b := topics[k%len(topics)], topics[(k*7+3)%len(topics)]
		zh = append(zh, fmt.Sprintf("去年全省%s领域共有%d名代表出席会议。%s方面的投入比前年增加%d%%。其中%d个项目来自基层。", a[0], 1000+k*7, b[0], 3+k%40, 200+k))
		s := []string{
			fmt.Sprintf("Last year %d delegates from %s across the province attended the meeting.", 1000+k*7, a[1]),
			fmt.Sprintf("Spending on %s rose by %d%% over the year before.", b[1], 3+k%40),
			fmt.Sprintf("Of the projects, %d came from the grassroots.", 200+k),
		}
		if k%4 == 0 {
			en = append(en, s...)
		} else {
			en = append(en, strings.Join(s, " "))
		}
	}
	return linesDoc("bench", zh, en)
}

// BenchmarkAlignParagraphs: the paragraph DP at three sizes (the first in
// the full matrix, the others banded). Time and memory per op should grow
// linearly with the number of paragraphs: compare cpu-s/op (the process's
// CPU time, steadier than wall time on a shared machine) and B/op across
// the sizes.
func BenchmarkAlignParagraphs(b *testing.B) {
	if err := lexicon.Load(); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{300, 3000, 12000} {
		doc := splitBenchDoc(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cputime.Process()
			for b.Loop() {
				alignParagraphs(doc, lexicon.Default(), nil)
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
