//go:build unix

package main

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/aligncheck/aligncheck/internal/cputime"
	"github.com/aligncheck/aligncheck/pipeline"
)

// BenchmarkCheckTree checks a directory of n full copies of the reference
// document (each with a small variation; a third interleaved, a third
// name.zh.txt + name.en.txt pairs, a third zh/ + en/ trees) in one run. The
// segmenter and lexicon are loaded before the timer starts, as a process
// loads them once. Besides the wall time it reports the CPU time of the
// process per run (user + system), which other load on the machine disturbs
// less, and the parallel efficiency (CPU time / wall time / workers).
// Compare the 100 and 200 times:
//
//	go test ./cmd/aligncheck -run '^$' -bench CheckTree -benchtime 2x
func BenchmarkCheckTree(b *testing.B) {
	if err := pipeline.Load(); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 200} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			genTree(b, dir, n, 0)
			b.ResetTimer()
			cpu0 := cputime.Process()
			for i := 0; i < b.N; i++ {
				if code := run([]string{"check", "--format", "json", "--fail-on", "none", "--quiet", dir}, nil, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
			cpu := cputime.Process() - cpu0
			wall := b.Elapsed()
			workers := min(runtime.NumCPU(), runtime.GOMAXPROCS(0))
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(wall.Milliseconds())/float64(b.N)/float64(n), "ms/doc")
			b.ReportMetric(cpu.Seconds()/wall.Seconds()/float64(workers), "efficiency")
		})
	}
}
