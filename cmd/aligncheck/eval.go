package main

import (
	"flag"
	"io"
	"time"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/eval"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
	"github.com/aligncheck/aligncheck/internal/cli"
)

type evalFlags struct {
	sets    cli.List
	enFirst bool
	verse   bool
	verbose bool
	noLex   bool
	write   string
	workers int
	words   bool
	wordOpt words.Options
}

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	var f evalFlags
	fs.Var(&f.sets, "set", "gold set `dir`ectory (repeatable)")
	fs.BoolVar(&f.enFirst, "en-first", false, "the left side of the gold is English")
	fs.BoolVar(&f.verse, "verse", false, "merge output beads by verse (en.verse, zh.verse) before scoring")
	fs.BoolVar(&f.verbose, "v", false, "print a line per file")
	fs.BoolVar(&f.noLex, "no-lex", false, "align by lengths and anchors only, without the lexicon")
	fs.StringVar(&f.write, "write", "", "write each file's beads to `dir`/NAME.align")
	fs.IntVar(&f.workers, "workers", 0, "files aligned at a time (0: one per CPU)")
	fs.BoolVar(&f.words, "words", false, "score word alignment on word-alignment gold sets")
	fs.IntVar(&f.wordOpt.Iterations, "iterations", 0, "with --words, EM iterations (0: the default)")
	fs.Float64Var(&f.wordOpt.Prior, "prior", 0, "with --words, the lexicon prior's pseudo-count (0: the default)")
	fs.Float64Var(&f.wordOpt.Lambda, "lambda", 0, "with --words, the diagonal tension λ (0: the default)")
	fs.Float64Var(&f.wordOpt.Null, "null", 0, "with --words, p0, the null word's probability (0: the default)")
	fs.Float64Var(&f.wordOpt.MinPosterior, "min-posterior", 0, "with --words, the posterior share a link needs (0: the default)")
	pos, code, done := parseCommand(fs, args, stdout, stderr)
	if done {
		return code
	}
	var err error
	switch {
	case len(pos) > 0:
		err = usagef("eval: unexpected argument %q (give sets with --set DIR)", pos[0])
	case len(f.sets) == 0:
		err = usagef("eval: need --set DIR")
	case f.words:
		err = evalWordsCmd(f, stdout)
	default:
		err = evalCmd(f, stdout)
	}
	if err != nil {
		return report(stderr, err)
	}
	return exitOK
}

func evalCmd(f evalFlags, stdout io.Writer) error {
	var sets []*eval.Set
	for _, dir := range f.sets {
		s, err := eval.ReadSet(dir, f.enFirst)
		if err != nil {
			return err
		}
		sets = append(sets, s)
	}
	start := time.Now()
	opt := align.Options{}
	if !f.noLex {
		var err error
		if opt, err = alignerOptions(); err != nil {
			return err
		}
	}
	aligner := func(zh, en []string) []eval.Bead {
		var out []eval.Bead
		for _, b := range align.AlignSentences(zh, en, opt) {
			out = append(out, eval.Bead{Src: b.Zh, Tgt: b.En})
		}
		return out
	}
	return eval.Table(stdout, sets, aligner, eval.TableOptions{
		RunOptions: eval.RunOptions{EnFirst: f.enFirst, Verse: f.verse, Workers: f.workers},
		Verbose:    f.verbose, Write: f.write, Load: time.Since(start)})
}

func evalWordsCmd(f evalFlags, stdout io.Writer) error {
	if f.enFirst || f.verse || f.noLex || f.write != "" {
		return usagef("eval: --en-first, --verse, --no-lex and --write do not apply to --words")
	}
	var sets []*eval.WordSet
	for _, dir := range f.sets {
		s, err := eval.ReadWordSet(dir)
		if err != nil {
			return err
		}
		sets = append(sets, s)
	}
	if err := lexicon.Load(); err != nil {
		return err
	}
	return eval.WordTable(stdout, sets, lexicon.Default(), f.wordOpt)
}
