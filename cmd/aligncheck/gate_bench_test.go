//go:build unix

package main

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/aligncheck/aligncheck/internal/cputime"
	"github.com/aligncheck/aligncheck/internal/driver"
)

// BenchmarkCheckTree checks a directory of n documents made from the
// reference document in one run. The segmenter and lexicon are loaded
// before the timer starts, as a process loads them once. Besides the wall
// time it reports the CPU time of the process per run (user + system),
// which other load on the machine disturbs less, and the parallel
// efficiency (CPU time / wall time / workers). Compare the 100 and 200
// times:
//
//	go test ./cmd/aligncheck -run '^$' -bench CheckTree -benchtime 2x
//
// Two trees. tree=reference is the tree the CI-gate issue names: full
// copies of the reference document, each with one of five small
// variations, a third interleaved, a third name.zh.txt + name.en.txt pairs,
// a third zh/ + en/ Markdown trees — 15 distinct contents however many
// documents, so from the 16th on a document is a copy the run has checked
// already (driver.CopyCache) and costs its reading and its report.
// tree=distinct adds to each document a last pair naming its number, so
// every document is checked in full: the time is linear in the documents.
func BenchmarkCheckTree(b *testing.B) {
	if err := driver.Load(); err != nil {
		b.Fatal(err)
	}
	trees := []struct {
		name string
		gen  func(testing.TB, string, int, int)
	}{{"reference", genTree}, {"distinct", genDistinctTree}}
	for _, tree := range trees {
		for _, n := range []int{100, 200} {
			b.Run(fmt.Sprintf("tree=%s/docs=%d", tree.name, n), func(b *testing.B) {
				dir := b.TempDir()
				tree.gen(b, dir, n, 0)
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
}
