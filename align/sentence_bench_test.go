package align_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/eval"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

// sharedData locates ../shared/data beside the repository, or skips.
func sharedData(tb testing.TB) string {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "shared", "data")
	if _, err := os.Stat(dir); err != nil {
		tb.Skip("no ../shared/data beside the repository")
	}
	return dir
}

func lexOptions(tb testing.TB) align.Options {
	tb.Helper()
	if err := lexicon.Load(); err != nil {
		tb.Fatal(err)
	}
	return align.Options{Lex: lexicon.Default()}
}

func readPair(tb testing.TB, zhPath, enPath string) (zh, en []string) {
	tb.Helper()
	zh, err := eval.ReadLines(zhPath)
	if err != nil {
		tb.Fatal(err)
	}
	en, err = eval.ReadLines(enPath)
	if err != nil {
		tb.Fatal(err)
	}
	return zh, en
}

// BenchmarkAlignSentences aligns one MAC-Test chapter.
func BenchmarkAlignSentences(b *testing.B) {
	d := sharedData(b)
	zh, en := readPair(b, filepath.Join(d, "mac-test", "src", "001"), filepath.Join(d, "mac-test", "tgt", "001"))
	opt := lexOptions(b)
	b.ResetTimer()
	for b.Loop() {
		align.AlignSentences(zh, en, opt)
	}
}

// BenchmarkAlignSentencesBible aligns the 6,301 × 5,000 sentence Bible.
func BenchmarkAlignSentencesBible(b *testing.B) {
	d := sharedData(b)
	zh, en := readPair(b, filepath.Join(d, "bible-en-zh", "zh", "001"), filepath.Join(d, "bible-en-zh", "en", "001"))
	opt := lexOptions(b)
	b.ResetTimer()
	for b.Loop() {
		align.AlignSentences(zh, en, opt)
	}
}

func repeat(s []string, n int) []string {
	out := make([]string, 0, len(s)*n)
	for range n {
		out = append(out, s...)
	}
	return out
}

// BenchmarkAlignScaling aligns a chapter once and eight times over: the
// second must cost about eight times the first, not 64 (the band keeps the
// DP linear). Compare the two sub-benchmarks' ns/op.
func BenchmarkAlignScaling(b *testing.B) {
	d := sharedData(b)
	zh, en := readPair(b, filepath.Join(d, "mac-dev", "zh", "001"), filepath.Join(d, "mac-dev", "en", "001"))
	opt := lexOptions(b)
	for _, n := range []int{1, 8} {
		z, e := repeat(zh, n), repeat(en, n)
		b.Run("x"+string(rune('0'+n)), func(b *testing.B) {
			for b.Loop() {
				align.AlignSentences(z, e, opt)
			}
		})
	}
}
