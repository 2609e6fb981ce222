package align_test

import (
	"fmt"
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

// repeatedParagraph is the hostile input of issue 15: one paragraph pair
// of the same sentence over and over, kb kilobytes a side, more Chinese
// sentences than English ones (9,752 and 7,013 at 1 MB).
func repeatedParagraph(kb int) (zh, en []string) {
	const z = "国家安全体系和能力现代化是一个重要的任务，我们必须坚持总体国家安全观。"
	const e = "Modernizing the national security system and capabilities is an important task, and we must adhere to the holistic approach to national security."
	for range kb * 1024 / len(z) {
		zh = append(zh, z)
	}
	for range kb * 1024 / (len(e) + 1) {
		en = append(en, e)
	}
	return zh, en
}

// BenchmarkRepeatedParagraph aligns the sentences of one long paragraph
// pair whose sentences repeat, at 250 KB, 500 KB and 1 MB a side: the
// band must hold, so that time and memory double with the size (main
// before the cap: 4.6, 17 and 73 s, 3.4 GB at 1 MB).
func BenchmarkRepeatedParagraph(b *testing.B) {
	opt := lexOptions(b)
	for _, kb := range []int{250, 500, 1000} {
		zh, en := repeatedParagraph(kb)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				align.AlignSentences(zh, en, opt)
			}
		})
	}
}
