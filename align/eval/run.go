package eval

import (
	"runtime"
	"sync"
	"time"
)

// AlignFunc aligns Chinese sentences with English ones and returns beads
// with the Chinese ids in Src and the English ids in Tgt.
type AlignFunc func(zh, en []string) []Bead

// Result is the outcome of aligning one file of a set.
type Result struct {
	File    *File
	EnFirst bool   // the file's left side is English
	Sys     []Bead // in the gold's orientation, merged by verse when asked
	Score   Score
	Elapsed time.Duration
}

// RunOptions steer Run.
type RunOptions struct {
	// EnFirst says the left side of every file is English. When false the
	// side is guessed per file from its script (File.SrcIsEnglish).
	EnFirst bool
	// Verse merges system beads by verse before scoring (MergeByVerse), when
	// the set has verse files.
	Verse bool
	// Workers aligns that many files at a time; 0 means GOMAXPROCS.
	Workers int
}

// Run aligns every file of a set with align and scores it against the gold.
// Results come back in the set's order whatever the number of workers.
func Run(s *Set, align AlignFunc, o RunOptions) []Result {
	res := make([]Result, len(s.Files))
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(s.Files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				res[k] = runFile(s, &s.Files[k], align, o)
			}
		}()
	}
	for k := range s.Files {
		next <- k
	}
	close(next)
	wg.Wait()
	return res
}

func runFile(s *Set, f *File, align AlignFunc, o RunOptions) Result {
	r := Result{File: f, EnFirst: o.EnFirst || f.SrcIsEnglish()}
	start := time.Now()
	if r.EnFirst {
		for _, b := range align(f.Tgt, f.Src) {
			r.Sys = append(r.Sys, b.Swap())
		}
	} else {
		r.Sys = align(f.Src, f.Tgt)
	}
	r.Elapsed = time.Since(start)
	if o.Verse && len(s.SrcVerse) > 0 && len(s.TgtVerse) > 0 {
		r.Sys = MergeByVerse(r.Sys, s.SrcVerse, s.TgtVerse)
	}
	r.Score.Add(r.Sys, f.Gold)
	return r
}
