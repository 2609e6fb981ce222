package align_test

import (
	"path/filepath"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/eval"
)

// TestSentenceQuality is the aligner's quality gate on the gold sets
// (strict bead F1, pooled, null beads included). It tunes nothing; it fails
// when a change makes the aligner worse than the figures it reached. MAC-Test
// is the published benchmark and is not tuned on.
func TestSentenceQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("quality gate skipped in -short mode")
	}
	d := sharedData(t)
	opt := lexOptions(t)
	aligner := func(zh, en []string) []eval.Bead {
		var out []eval.Bead
		for _, b := range align.AlignSentences(zh, en, opt) {
			out = append(out, eval.Bead{Src: b.Zh, Tgt: b.En})
		}
		return out
	}
	for _, tc := range []struct {
		name       string
		sets       []string
		enFirst    bool
		verse      bool
		minF1      float64
		minNullRec float64
	}{
		{name: "MAC-Dev", sets: []string{"mac-dev"}, minF1: 0.87},
		{name: "MAC-Test", sets: []string{"mac-test"}, minF1: 0.86},
		{name: "non-literary", sets: []string{"aligner-eval-nonlit/aca", "aligner-eval-nonlit/mag", "aligner-eval-nonlit/pol"}, minF1: 0.97},
		{name: "Champollion", sets: []string{"champollion-ec-eval"}, minF1: 0.93, minNullRec: 0.5},
		{name: "Bible", sets: []string{"bible-en-zh"}, enFirst: true, verse: true, minF1: 0.96},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sc eval.Score
			for _, s := range tc.sets {
				set, err := eval.ReadSet(filepath.Join(d, s), tc.enFirst)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range eval.Run(set, aligner, eval.RunOptions{EnFirst: tc.enFirst, Verse: tc.verse}) {
					sc.Merge(r.Score)
				}
			}
			t.Logf("P %.3f R %.3f F1 %.3f null P %.3f R %.3f", sc.Precision(), sc.Recall(), sc.F1(), sc.NullPrecision(), sc.NullRecall())
			if sc.F1() < tc.minF1 {
				t.Errorf("F1 %.3f, want at least %.3f", sc.F1(), tc.minF1)
			}
			if sc.NullRecall() < tc.minNullRec {
				t.Errorf("null-bead recall %.3f, want at least %.3f", sc.NullRecall(), tc.minNullRec)
			}
		})
	}
}
