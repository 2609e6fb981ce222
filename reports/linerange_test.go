package reports

import (
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
)

// TestLineRangeAsSpans: lineRange, which works out a lone block's span
// once, gives the lines of the first block's span and the last one's, for
// every block alone and every run of blocks of a document with long and
// wrapped lines.
func TestLineRangeAsSpans(t *testing.T) {
	zh := "第一段。\n\n第二段，很长很长很长。\r\n第二段的第二行。\n\n\n第三段。"
	en := "First.\n\nSecond, a long one,\nwrapped.\n\nThird."
	doc, err := input.TwoFiles("a.zh.txt", zh, "a.en.txt", en)
	if err != nil {
		t.Fatal(err)
	}
	for _, blocks := range [][]*align.Block{doc.Zh, doc.En} {
		if len(blocks) < 2 {
			t.Fatalf("%d blocks: the test needs runs of several", len(blocks))
		}
		for i := range blocks {
			for j := i; j < len(blocks); j++ {
				var idx []int
				for k := i; k <= j; k++ {
					idx = append(idx, k)
				}
				want := Range{Line: blocks[i].Span().Line, EndLine: blocks[j].Span().EndLine}
				if got := lineRange(blocks, idx); *got != want {
					t.Fatalf("blocks %d to %d: %+v, the spans say %+v", i, j, *got, want)
				}
			}
		}
	}
	if lineRange(doc.Zh, nil) != nil {
		t.Error("no blocks, yet a range")
	}
}
