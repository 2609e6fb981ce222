package align_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/internal/cputime"
)

// benchDoc reads the two-file document in $ALIGNCHECK_BENCHDOC (zh.txt and
// en.txt, as scripts/gendocs.sh makes them), or skips.
func benchDoc(b *testing.B) *align.Document {
	dir := os.Getenv("ALIGNCHECK_BENCHDOC")
	if dir == "" {
		b.Skip("ALIGNCHECK_BENCHDOC names no document (scripts/gendocs.sh N DIR)")
	}
	zh, err := os.ReadFile(filepath.Join(dir, "zh.txt"))
	if err != nil {
		b.Fatal(err)
	}
	en, err := os.ReadFile(filepath.Join(dir, "en.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := input.TwoFiles("zh.txt", string(zh), "en.txt", string(en))
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkAlignDoc: the paragraph and sentence aligners on a generated
// two-file document (ALIGNCHECK_BENCHDOC), in CPU seconds per op: each
// alone, then both.
//
//	scripts/gendocs.sh 5000 /tmp/d5k
//	ALIGNCHECK_BENCHDOC=/tmp/d5k go test -run XX -bench AlignDoc -count 6 ./align
func BenchmarkAlignDoc(b *testing.B) {
	opt := lexOptions(b)
	doc := benchDoc(b)
	b.Run("paragraphs", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cputime.Process()
		for b.Loop() {
			align.AlignParagraphs(doc, opt.Lex)
		}
		b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("sentences", func(b *testing.B) {
		a := align.AlignParagraphs(doc, opt.Lex)
		b.ReportAllocs()
		cpu0 := cputime.Process()
		for b.Loop() {
			align.AlignSentencesOf(a, opt)
		}
		b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cputime.Process()
		for b.Loop() {
			align.Align(doc, opt)
		}
		b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	})
}

// BenchmarkClassifyDoc: the kinds of every block of a generated two-file
// document (ALIGNCHECK_BENCHDOC), with the built-in furniture phrases.
//
//	ALIGNCHECK_BENCHDOC=/tmp/d5k go test -run XX -bench ClassifyDoc -count 6 ./align
func BenchmarkClassifyDoc(b *testing.B) {
	doc := benchDoc(b)
	f := align.DefaultFurniture()
	b.ReportAllocs()
	for b.Loop() {
		doc.Classify(f)
	}
}
