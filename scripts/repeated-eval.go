//go:build ignore

// repeated-eval.go — how alignment/repeated does on translation memories
// made from published documents. Run by scripts/repeated-eval.sh.
//
// Every document of ../shared/data/realdocs (MANIFEST.tsv gives its files,
// shape and direction) is aligned by aligncheck, and its sentence beads of
// one sentence or more on each side are written as a pre-aligned file (one
// JSONL unit a bead): a memory as a sentence aligner makes one. Intact:
// alignment/repeated on each memory as made; every finding is a false
// alarm, since each translation there renders its own original. Injected:
// in each memory one unit, chosen by a fixed seed among those whose
// predecessor's translation is long enough to be compared, is given its
// predecessor's translation (a row copied down, a machine's output
// repeated), and the memory is checked again; the copy is found when a
// finding is placed on that unit. The data is read where it lies; the
// memories are made in memory, never written.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
)

type unit struct{ zh, en string }

func main() {
	dataDir := flag.String("data", "../shared/data/realdocs", "the published documents")
	verbose := flag.Bool("v", false, "list the false alarms and the copies missed")
	flag.Parse()
	manifest, err := os.ReadFile(filepath.Join(*dataDir, "MANIFEST.tsv"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "repeated-eval:", *dataDir, "not found; skipped")
		return
	}
	if err := driver.Load(); err != nil {
		fail(err)
	}
	rng := rand.New(rand.NewPCG(14, 2026))
	var docs, units, falseAlarms, injected, found int
	for i, line := range strings.Split(strings.TrimSpace(string(manifest)), "\n") {
		c := strings.Split(line, "\t")
		if i == 0 || len(c) < 3 {
			continue
		}
		src := align.Zh
		if strings.HasPrefix(c[2], "en") {
			src = align.En
		}
		doc := open(*dataDir, c[0], c[1])
		res, err := driver.Check(context.Background(), doc, driver.Setup{Settings: checks.DefaultSettings(), Checks: []*checks.Check{}})
		if err != nil {
			fail(fmt.Errorf("%s: %w", c[0], err))
		}
		mem := memory(res.Align)
		if len(mem) < 2 {
			continue
		}
		docs++
		units += len(mem)
		set := checks.DefaultSettings()
		set.Source = src
		for _, f := range check(mem, set) {
			falseAlarms++
			if *verbose {
				fmt.Printf("intact %s: %s\n", c[0], f.Message)
			}
		}
		// the copy: one unit given its predecessor's translation, when
		// that translation is long enough to be compared
		tgt := src.Other()
		var cands []int
		for k := 1; k < len(mem); k++ {
			if long(mem[k-1].side(tgt), tgt) && mem[k-1].side(tgt) != mem[k].side(tgt) {
				cands = append(cands, k)
			}
		}
		if len(cands) == 0 {
			continue
		}
		k := cands[rng.IntN(len(cands))]
		copied := append([]unit(nil), mem...)
		if tgt == align.En {
			copied[k].en = mem[k-1].en
		} else {
			copied[k].zh = mem[k-1].zh
		}
		injected++
		hit := false
		for _, f := range check(copied, set) {
			if f.Zh != nil && f.Zh.Line == k+1 || f.En != nil && f.En.Line == k+1 {
				hit = true
			}
		}
		if hit {
			found++
		} else if *verbose {
			fmt.Printf("missed %s unit %d: %q (its own) against %q (the one before)\n", c[0], k+1, mem[k].side(src), mem[k-1].side(src))
		}
	}
	fmt.Printf("documents: %d, units (sentence beads with both sides): %d\n", docs, units)
	fmt.Printf("intact: %d findings (%.2f per 1,000 units)\n", falseAlarms, 1000*float64(falseAlarms)/float64(max(units, 1)))
	fmt.Printf("copied down: %d of %d found (%.0f %%)\n", found, injected, 100*float64(found)/float64(max(injected, 1)))
}

func (u unit) side(l align.Lang) string {
	if l == align.Zh {
		return u.zh
	}
	return u.en
}

// long reports whether a translation is long enough for alignment/repeated
// to compare (its defaults: six words, twelve characters; letters and
// digits only, as the check counts them).
func long(s string, l align.Lang) bool {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	if l == align.En {
		return len(strings.FieldsFunc(s, notWord)) >= 6
	}
	n := 0
	for _, r := range s {
		if !notWord(r) {
			n++
		}
	}
	return n >= 12
}

// open reads a document of the manifest: an interleaved file, or a pair
// written as name.{zh,en}.txt.
func open(dir, file, shape string) *align.Document {
	if shape == "pair" {
		base := strings.TrimSuffix(file, ".{zh,en}.txt")
		doc, err := input.OpenPair(filepath.Join(dir, base+".zh.txt"), filepath.Join(dir, base+".en.txt"), nil, input.Options{})
		if err != nil {
			fail(err)
		}
		return doc
	}
	docs, err := input.Open(filepath.Join(dir, file), nil, input.Options{})
	if err != nil || len(docs) != 1 {
		fail(fmt.Errorf("%s: %v (%d documents)", file, err, len(docs)))
	}
	return docs[0]
}

// memory makes the sentence beads of an alignment with both sides into
// units, each side's sentences joined by a space.
func memory(al *align.Alignment) []unit {
	var out []unit
	text := func(l align.Lang, refs []align.SentRef) string {
		var parts []string
		for _, r := range refs {
			parts = append(parts, strings.Join(strings.Fields(al.Doc.Blocks(l)[r.Block].Sentence(r.Sent)), " "))
		}
		return strings.Join(parts, " ")
	}
	for _, b := range al.Beads {
		for _, s := range b.Sents {
			if len(s.Zh) > 0 && len(s.En) > 0 {
				out = append(out, unit{text(align.Zh, s.Zh), text(align.En, s.En)})
			}
		}
	}
	return out
}

// check reads units as a JSONL memory (as standard input is, so nothing
// is written) and runs alignment/repeated on it.
func check(units []unit, set *checks.Settings) []checks.Finding {
	var b strings.Builder
	for _, u := range units {
		line, err := json.Marshal(map[string]string{"zh": u.zh, "en": u.en})
		if err != nil {
			fail(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	docs, err := input.Open("-", strings.NewReader(b.String()), input.Options{})
	if err != nil || len(docs) != 1 {
		fail(fmt.Errorf("memory of %d units: %v", len(units), err))
	}
	res, err := driver.Check(context.Background(), docs[0], driver.Setup{Settings: set, Checks: []*checks.Check{checks.AlignmentRepeated}})
	if err != nil {
		fail(err)
	}
	return res.Findings
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "repeated-eval:", err)
	os.Exit(2)
}
