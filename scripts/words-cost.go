//go:build ignore

// words-cost.go — what word alignment adds to checking the reference
// document, in CPU time. Run by scripts/words-cost.sh.
//
// One goroutine on one core (GOMAXPROCS 1) alternates, n times over: the
// whole check of the reference document (reading it, aligning paragraphs
// and sentences, every check: driver.Check, as the driver's benchmark of the reference document
// runs it), then word-aligning its sentence beads (words.Align on an
// alignment made beforehand). The process's CPU time is summed for each
// kind. Alternating one run of each exposes both to the same load on a
// shared machine, which taking the fastest of separate benchmarks did not.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/cputime"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/driver/config"
)

// refDoc is the reference document, refConfig its configuration (its
// site's furniture phrases); the script runs from the repository root.
const (
	refDoc    = "testdata/csis-modernizing-national-security.interleaved.txt"
	refConfig = "testdata/csis-modernizing-national-security.aligncheck.yaml"
)

func main() {
	n := flag.Int("n", 40, "runs of each")
	cold := flag.Bool("cold", false, "one run of each in this fresh process (the check first, as a check that asks for word links would), CPU ms printed as two numbers")
	flag.Parse()
	runtime.GOMAXPROCS(1)
	if err := driver.Load(); err != nil {
		fail(err)
	}
	data, err := os.ReadFile(refDoc)
	if err != nil {
		fail(err)
	}
	text := string(data)
	cfg, err := config.Load(refConfig, nil)
	if err != nil {
		fail(err)
	}
	site := align.NewFurniture(cfg.Furniture)
	doc := func() *align.Document {
		d, err := input.Interleaved(refDoc, text)
		if err != nil {
			fail(err)
		}
		d.Classify(site)
		return d
	}
	set := checks.DefaultSettings()
	var a *align.Alignment
	check := func() {
		if _, err := driver.Check(context.Background(), doc(), driver.Setup{Settings: set}); err != nil {
			fail(err)
		}
	}
	wordAlign := func() { words.Align(a, lexicon.Default(), words.Options{}) }
	t0 := cputime.Process()
	check()
	t1 := cputime.Process()
	// the alignment the check made, made again outside the CPU measured
	a = align.Align(doc(), align.Options{Lex: lexicon.Default()})
	t2 := cputime.Process()
	wordAlign()
	t3 := cputime.Process()
	if *cold {
		fmt.Printf("%.2f %.2f\n", (t1-t0).Seconds()*1000, (t3-t2).Seconds()*1000)
		return
	}
	var cCheck, cWords float64
	for range *n {
		t0 := cputime.Process()
		check()
		t1 := cputime.Process()
		wordAlign()
		t2 := cputime.Process()
		cCheck += (t1 - t0).Seconds()
		cWords += (t2 - t1).Seconds()
	}
	fmt.Printf("whole check     %6.1f ms CPU\n", cCheck*1000/float64(*n))
	fmt.Printf("word alignment  %6.1f ms CPU\n", cWords*1000/float64(*n))
	fmt.Printf("ratio           %6.1f %%\n", 100*cWords/cCheck)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "words-cost:", err)
	os.Exit(2)
}
