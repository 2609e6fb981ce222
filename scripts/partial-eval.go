//go:build ignore

// partial-eval.go — how omission/partial does on clauses deleted from real
// translations, and how often it fires on intact ones. Run by
// scripts/partial-eval.sh.
//
// The documents are the zh→en WMT documents under ../shared/data/parallel
// (the en→zh ones, with a second Chinese reference, are left out: their
// original is English). Intact: every check of omission/partial and
// addition/partial on each document as published; a finding at warning or
// above is counted against the sentence pairs with both sides. Injected:
// among the sentence pairs of one Chinese and one English sentence with
// two clauses or more, every Chinese clause of 8 or more characters whose
// English the grow-diag-final word links give as one consistent phrase,
// shorter than the sentence, is a candidate; n of them, evenly spread, have
// that English deleted (with a comma after it), one per sentence, and the
// documents are checked again. A deletion is found when an omission/partial
// finding points at a Chinese span overlapping the clause.
//
// With -part, the English deleted is that of part of a clause instead: its
// head or tail of 8 or more characters, leaving 6 or more, both parts with
// a consistent English phrase (the omissions human raters mark are mostly
// of this kind); a deletion is found when a finding overlaps the part.
//
// The deleted span comes from the tool's own links, so the test measures
// the check on clauses whose English the word aligner could locate; a
// human deleting a clause would not always cut where the links do.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
)

type cand struct {
	doc        int
	zhBlock    int
	zhS, zhE   int // the clause, bytes in its Chinese block
	enBlock    int
	enS, enE   int // the English deleted, bytes in its block
	clauseText string
}

type docFiles struct{ zhPath, zh, enPath, en string }

func main() {
	dataDir := flag.String("data", "../shared/data/parallel", "the WMT documents")
	n := flag.Int("n", 100, "sentences to delete a clause from")
	verbose := flag.Bool("v", false, "list the deletions missed, the false alarms and the intact clauses reported at info")
	part := flag.Bool("part", false, "delete the English of part of a clause (8 or more characters, leaving 6 or more) instead of a whole clause")
	dump := flag.String("dump", "", "also write each document with its deletions to this directory (NAME.zh.txt, NAME.en.txt, and NAME.cut.tsv: block, start, end of each clause whose English was deleted)")
	flag.Parse()
	if err := driver.Load(); err != nil {
		fail(err)
	}
	files, _ := filepath.Glob(filepath.Join(*dataDir, "*", "*.zh.txt"))
	sort.Strings(files)
	var docs []docFiles
	for _, zf := range files {
		base := strings.TrimSuffix(zf, ".zh.txt")
		if _, err := os.Stat(base + ".zh-refB.txt"); err == nil {
			continue
		}
		zt, err1 := os.ReadFile(zf)
		et, err2 := os.ReadFile(base + ".en.txt")
		if err1 != nil || err2 != nil {
			continue
		}
		docs = append(docs, docFiles{zf, string(zt), base + ".en.txt", string(et)})
	}
	if len(docs) == 0 {
		fmt.Fprintln(os.Stderr, "partial-eval: no documents under", *dataDir, "; skipped")
		return
	}
	lex := lexicon.Default()
	set := checks.DefaultSettings()
	list := []*checks.Check{checks.OmissionPartial, checks.AdditionPartial}
	sentences, falseOm, falseAdd, infoOm := 0, 0, 0, 0
	var cands []cand
	for di, df := range docs {
		doc := read(df.zhPath, df.zh, df.enPath, df.en)
		res, err := driver.Check(context.Background(), doc, driver.Setup{Settings: set, Checks: list, Lex: lex})
		if err != nil {
			fail(err)
		}
		for _, f := range res.Findings {
			if f.Check == checks.OmissionPartial.Name {
				infoOm++
				if *verbose && f.Severity < checks.Warning {
					fmt.Printf("intact %s: info %s: %s\n", filepath.Base(df.zhPath), f.Check, f.Message)
				}
			}
			if f.Severity < checks.Warning {
				continue
			}
			if f.Check == checks.OmissionPartial.Name {
				falseOm++
			} else {
				falseAdd++
			}
			if *verbose {
				fmt.Printf("intact %s: %s: %s\n    en: %s\n", filepath.Base(df.zhPath), f.Check, f.Message, f.En.Text)
			}
		}
		wd := words.Of(res.Align)
		for k := range wd.Pairs {
			p := &wd.Pairs[k]
			if len(p.Zh) == 0 || len(p.En) == 0 {
				continue
			}
			sentences++
			sb := res.Align.Beads[p.Bead].Sents[p.Sent]
			cls := p.Clauses(align.Zh)
			if len(sb.Zh) != 1 || len(sb.En) != 1 || len(cls) < 2 {
				continue
			}
			for _, c := range cls {
				if hanCount(p, p.Zh[c.Lo:c.Hi]) < 8 {
					continue
				}
				if *part {
					var ok bool
					if c, ok = partOf(p, c); !ok {
						continue
					}
				}
				r, ok := p.Counterpart(p.GDF, align.Zh, c)
				if !ok || r.Len() >= len(p.En)-2 {
					continue
				}
				_, _, e := p.Place(p.En[r.Hi-1])
				if r.Hi < len(p.En) && p.Text(p.En[r.Hi]) == "," {
					_, _, e = p.Place(p.En[r.Hi])
				}
				zb, zs, _ := p.Place(p.Zh[c.Lo])
				_, _, ze := p.Place(p.Zh[c.Hi-1])
				eb, es, _ := p.Place(p.En[r.Lo])
				cands = append(cands, cand{doc: di, zhBlock: zb, zhS: zs, zhE: ze,
					enBlock: eb, enS: es, enE: e, clauseText: wd.Text(align.Zh, p.Zh[c.Lo:c.Hi])})
				break // one clause per sentence
			}
		}
	}
	// n candidates, evenly spread
	var pick []cand
	for k := 0; k < *n && k < len(cands); k++ {
		pick = append(pick, cands[k*len(cands)/min(*n, len(cands))])
	}
	byDoc := map[int][]cand{}
	for _, c := range pick {
		byDoc[c.doc] = append(byDoc[c.doc], c)
	}
	found, foundWarn := 0, 0
	for di := range docs {
		cs := byDoc[di]
		if len(cs) == 0 {
			continue
		}
		df := docs[di]
		doc := read(df.zhPath, df.zh, df.enPath, df.en)
		var paras []string
		for bi, blk := range doc.En {
			t := blk.Text
			var ds []cand
			for _, c := range cs {
				if c.enBlock == bi {
					ds = append(ds, c)
				}
			}
			sort.Slice(ds, func(a, b int) bool { return ds[a].enS > ds[b].enS })
			for _, c := range ds {
				t = t[:c.enS] + t[c.enE:]
			}
			paras = append(paras, strings.Join(strings.Fields(t), " "))
		}
		mod := read(df.zhPath, df.zh, df.enPath, strings.Join(paras, "\n\n")+"\n")
		if *dump != "" {
			writeDump(*dump, df, strings.Join(paras, "\n\n")+"\n", cs)
		}
		res, err := driver.Check(context.Background(), mod, driver.Setup{Settings: set, Checks: list, Lex: lex})
		if err != nil {
			fail(err)
		}
		for _, c := range cs {
			hit, warn := false, false
			for _, f := range res.Findings {
				if f.Check != checks.OmissionPartial.Name || f.Zh == nil {
					continue
				}
				blk := mod.Zh[c.zhBlock]
				if f.Zh.Path == blk.Src.Path && overlaps(f.Zh, blk, c.zhS, c.zhE) {
					hit = true
					warn = warn || f.Severity >= checks.Warning
				}
			}
			if warn {
				foundWarn++
			}
			if hit {
				found++
			} else if *verbose {
				fmt.Printf("missed %s: %q\n", filepath.Base(df.zhPath), c.clauseText)
			}
		}
	}
	fmt.Printf("documents: %d (zh→en WMT), sentence pairs with both sides: %d\n", len(docs), sentences)
	fmt.Printf("intact: omission/partial at any severity: %d (%.2f per 100 sentence pairs)\n", infoOm, 100*float64(infoOm)/float64(max(sentences, 1)))
	fmt.Printf("intact: omission/partial at warning+: %d (%.2f per 100 sentence pairs); addition/partial at warning+: %d (%.2f)\n",
		falseOm, 100*float64(falseOm)/float64(max(sentences, 1)), falseAdd, 100*float64(falseAdd)/float64(max(sentences, 1)))
	fmt.Printf("injected: %d candidates, %d clauses deleted, %d found (%.0f %%), %d of them at warning (%.0f %%)\n", len(cands), len(pick), found,
		100*float64(found)/float64(max(len(pick), 1)), foundWarn, 100*float64(foundWarn)/float64(max(len(pick), 1)))
}

// writeDump writes a document with its deletions, and where they are, to
// directory dir: the material for studying the evidence of deleted
// clauses against intact ones.
func writeDump(dir string, df docFiles, en string, cs []cand) {
	name := filepath.Join(dir, strings.TrimSuffix(filepath.Base(df.zhPath), ".zh.txt"))
	var cut strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&cut, "%d\t%d\t%d\n", c.zhBlock, c.zhS, c.zhE)
	}
	for path, text := range map[string]string{".zh.txt": df.zh, ".en.txt": en, ".cut.tsv": cut.String()} {
		if err := os.WriteFile(name+path, []byte(text), 0o644); err != nil {
			fail(err)
		}
	}
}

func read(zhPath, zh, enPath, en string) *align.Document {
	d, err := input.TwoFiles(zhPath, zh, enPath, en)
	if err != nil {
		fail(err)
	}
	return d
}

// overlaps: does span s lie over bytes [start, end) of block blk?
func overlaps(s *align.Span, blk *align.Block, start, end int) bool {
	whole := blk.SubSpan(start, end)
	return s.Start < whole.End && whole.Start < s.End
}

// partOf returns a part of clause c of p whose English the links locate:
// its tail or its head, of 8 Chinese characters or more, leaving 6 or more
// of the clause (the tail first, the longest first).
func partOf(p *words.Pair, c words.Range) (words.Range, bool) {
	var parts []words.Range
	for s := c.Hi - 1; s > c.Lo; s-- {
		parts = append(parts, words.Range{Lo: s, Hi: c.Hi})
	}
	for s := c.Lo + 1; s < c.Hi; s++ {
		parts = append(parts, words.Range{Lo: c.Lo, Hi: s})
	}
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].Len() > parts[b].Len() })
	for _, r := range parts {
		rest := words.Range{Lo: c.Lo, Hi: r.Lo}
		if r.Lo == c.Lo {
			rest = words.Range{Lo: r.Hi, Hi: c.Hi}
		}
		if hanCount(p, p.Zh[r.Lo:r.Hi]) < 8 || hanCount(p, p.Zh[rest.Lo:rest.Hi]) < 6 {
			continue
		}
		if _, ok := p.Counterpart(p.GDF, align.Zh, r); !ok {
			continue
		}
		if _, ok := p.Counterpart(p.GDF, align.Zh, rest); !ok {
			continue
		}
		return r, true
	}
	return c, false
}

func hanCount(p *words.Pair, toks []words.Token) int {
	n := 0
	for _, t := range toks {
		for _, r := range p.Text(t) {
			if lang.IsHan(r) {
				n++
			}
		}
	}
	return n
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "partial-eval:", err)
	os.Exit(2)
}
