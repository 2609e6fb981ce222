package main

import (
	"fmt"
	"io"
	"testing"

	"github.com/aligncheck/aligncheck/pipeline"
)

// BenchmarkCheckTree checks a directory of n full copies of the reference
// document (each with a small variation; a third interleaved, a third
// name.zh.txt + name.en.txt pairs, a third zh/ + en/ trees) in one run. The
// segmenter and lexicon are loaded before the timer starts, as a process
// loads them once. Compare the 100 and 200 times:
//
//	go test ./cmd/aligncheck -run '^$' -bench CheckTree -benchtime 3x
func BenchmarkCheckTree(b *testing.B) {
	if err := pipeline.Load(); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 200} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			genTree(b, dir, n, 0)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if code := run([]string{"check", "--format", "json", "--fail-on", "none", "--quiet", dir}, nil, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/doc")
		})
	}
}
