package words_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
	"github.com/aligncheck/aligncheck/internal/cputime"
)

// reference reads the reference document, repeated times over, and aligns
// its paragraphs and sentences.
func reference(tb testing.TB, times int) *align.Alignment {
	tb.Helper()
	data, err := os.ReadFile(refDocPath())
	if err != nil {
		tb.Fatal(err)
	}
	text := strings.TrimRight(string(data), "\n")
	text = strings.Repeat(text+"\n\n", times)
	doc, err := input.Interleaved("reference.txt", text)
	if err != nil {
		tb.Fatal(err)
	}
	return align.Align(doc, align.Options{Lex: lexicon.Default()})
}

// BenchmarkReference word-aligns the reference document (53 KB, its
// sentence beads already aligned): what word alignment adds to checking
// it. Compare with pipeline's BenchmarkPipelineReference, the whole check:
//
//	go test ./align/words -run '^$' -bench Reference -benchtime 20x -count 3
//	go test ./pipeline -run '^$' -bench PipelineReference -benchtime 20x -count 3
func BenchmarkReference(b *testing.B) {
	a := reference(b, 1)
	lex := lexicon.Default()
	b.ReportAllocs()
	cpu0 := cputime.Process()
	for b.Loop() {
		words.Align(a, lex, words.Options{})
	}
	b.ReportMetric((cputime.Process()-cpu0).Seconds()*1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkScaling word-aligns the reference document and the same eight
// times over in one document: the model is learnt on the whole document,
// so the time per copy shows whether the cost is linear in its length.
func BenchmarkScaling(b *testing.B) {
	lex := lexicon.Default()
	for _, times := range []int{1, 8} {
		a := reference(b, times)
		b.Run(fmt.Sprintf("copies=%d", times), func(b *testing.B) {
			cpu0 := cputime.Process()
			for b.Loop() {
				words.Align(a, lex, words.Options{})
			}
			cpu := (cputime.Process() - cpu0).Seconds()
			b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(cpu*1000/float64(b.N)/float64(times), "cpu-ms/copy")
		})
	}
}

// refDocPath is the reference document in the repository's testdata, found
// from this file so that a test that changes directory finds it too.
func refDocPath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "csis-modernizing-national-security.interleaved.txt")
}

// BenchmarkHeld: the heap a document's word alignment keeps once it is
// learnt (tokens, links, strengths, backing; the model is gone by then),
// per token, on the reference document eight times over: what a long
// document holds for the checks that read the links.
//
//	go test ./align/words -run '^$' -bench Held -benchtime 3x
func BenchmarkHeld(b *testing.B) {
	lex := lexicon.Default()
	a := reference(b, 8)
	var held, toks float64
	for b.Loop() {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		d := words.Align(a, lex, words.Options{})
		runtime.GC()
		runtime.ReadMemStats(&m1)
		n := 0
		for k := range d.Pairs {
			n += len(d.Pairs[k].Zh) + len(d.Pairs[k].En)
		}
		held, toks = float64(m1.HeapAlloc)-float64(m0.HeapAlloc), float64(n)
		runtime.KeepAlive(d)
	}
	b.ReportMetric(held/toks, "held-B/token")
	b.ReportMetric(toks, "tokens")
}
