package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

// TableOptions steer Table.
type TableOptions struct {
	RunOptions
	Verbose bool   // a line per file
	Write   string // when set, each file's beads go to Write/SET/NAME.align
	Load    time.Duration
}

// Table aligns every file of the sets with align and prints the strict
// scores per set, pooled when there are several, and the time taken
// (o.Load is the time spent loading before, counted in the total).
func Table(w io.Writer, sets []*Set, align AlignFunc, o TableOptions) error {
	start := time.Now().Add(-o.Load)
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprintf(bw, "%-28s %5s %6s %6s %6s %6s %6s %6s %8s\n", "set", "files", "gold", "P", "R", "F1", "nullP", "nullR", "seconds")
	var total Score
	n := 0
	for _, s := range sets {
		t0 := time.Now()
		res := Run(s, align, o.RunOptions)
		secs := time.Since(t0).Seconds()
		var sc Score
		for _, r := range res {
			sc.Merge(r.Score)
			if o.Verbose {
				dir := "zh-en"
				if r.EnFirst {
					dir = "en-zh"
				}
				scoreLine(bw, "  "+r.File.Name+" "+dir, 1, r.Score, r.Elapsed.Seconds())
			}
			if o.Write != "" {
				if err := writeResult(o.Write, s, r); err != nil {
					return err
				}
			}
		}
		scoreLine(bw, SetName(s.Dir), len(res), sc, secs)
		total.Merge(sc)
		n += len(s.Files)
	}
	if len(sets) > 1 {
		scoreLine(bw, "pooled", n, total, time.Since(start).Seconds()-o.Load.Seconds())
	}
	fmt.Fprintf(bw, "load %.3f s, total %.3f s\n", o.Load.Seconds(), time.Since(start).Seconds())
	return nil
}

// WordTable word-aligns the sentences of each word-alignment gold set as
// one document and prints precision, recall and AER of both link sets.
func WordTable(w io.Writer, sets []*WordSet, lex *lexicon.Lexicon, opt words.Options) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprintf(bw, "%-30s %-16s %5s %6s %6s %6s %6s %6s\n", "set", "links", "pairs", "sure", "found", "P", "R", "AER")
	for _, s := range sets {
		texts := make([][2]string, len(s.Sents))
		for i, ws := range s.Sents {
			texts[i] = [2]string{ws.ZhText, ws.EnText}
		}
		scores, err := s.Score(FromPairs(words.AlignTexts(lex, texts, opt)))
		if err != nil {
			return err
		}
		for i, name := range []string{"intersection", "grow-diag-final"} {
			sc := scores[i]
			fmt.Fprintf(bw, "%-30s %-16s %5d %6d %6d %6.3f %6.3f %6.3f\n", SetName(s.Dir), name, len(s.Sents), sc.Sure, sc.Sys,
				sc.Precision(), sc.Recall(), sc.AER())
		}
	}
	return nil
}

// SetName names a set by its directory and, unless that is "data", its
// parent: mac-dev/gold reads better than gold.
func SetName(dir string) string {
	d := filepath.Clean(dir)
	base := filepath.Base(d)
	if parent := filepath.Base(filepath.Dir(d)); parent != "." && parent != string(filepath.Separator) && parent != "data" {
		return parent + "/" + base
	}
	return base
}

func scoreLine(w io.Writer, name string, files int, s Score, secs float64) {
	fmt.Fprintf(w, "%-28s %5d %6d %6.3f %6.3f %6.3f %6.3f %6.3f %8.3f\n", name, files, s.Gold,
		s.Precision(), s.Recall(), s.F1(), s.NullPrecision(), s.NullRecall(), secs)
}

func writeResult(dir string, s *Set, r Result) error {
	sub := filepath.Join(dir, filepath.Base(filepath.Clean(s.Dir)))
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	path := filepath.Join(sub, r.File.Name+".align")
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteBeads(fh, r.Sys); err != nil {
		fh.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return fh.Close()
}
