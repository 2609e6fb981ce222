package reports

import (
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Revision is an older revision of one side of a document (usually the
// translation), compared paragraph by paragraph with the current text
// (--compare-to). The HTML report shows a word-level diff under each changed
// paragraph.
type Revision struct {
	Path      string   // the older file as the user named it
	Lang      string   // the side compared: "zh" or "en"
	Changes   []Change // changed and added paragraphs, in the current order
	Removed   []string // old paragraphs that have no counterpart now
	Unchanged int      // paragraphs equal in both (white space aside)
}

// Change is one paragraph of the compared side that differs from the older
// revision.
type Change struct {
	Pair  int      // index of the pair holding the paragraph, -1 if unknown
	Block int      // index of the paragraph among its language's blocks
	Added bool     // new paragraph: nothing in the old revision matches it
	Old   string   // the old paragraph, white space folded
	Diff  []DiffOp // old → new, word by word; nil when Added
}

// minParaSim is the word overlap (Dice) above which an old and a new
// paragraph in a changed stretch count as two revisions of one paragraph.
const minParaSim = 0.2

// Compare sets d.Revision from the paragraphs of an older revision of side
// l. Paragraphs are matched in order: equal ones (white space aside) by a
// diff over whole paragraphs; in each stretch between them, old and new
// paragraphs are paired by word overlap, in order, and each pair is diffed
// word by word.
func Compare(d *Document, l align.Lang, path string, old []string) {
	rev := &Revision{Path: path, Lang: l.String(), Changes: []Change{}, Removed: []string{}}
	d.Revision = rev
	if d.Doc == nil {
		return
	}
	blocks := d.Doc.Blocks(l)
	cur := make([]string, len(blocks))
	for i, b := range blocks {
		cur[i] = align.NormText(b.Text)
	}
	prev := make([]string, len(old))
	for i, t := range old {
		prev[i] = align.NormText(t)
	}
	pairOf := func(j int) int {
		if d.Align != nil && j < len(d.Align.EnBead) && l == align.En {
			return d.Align.EnBead[j]
		}
		if d.Align != nil && j < len(d.Align.ZhBead) && l == align.Zh {
			return d.Align.ZhBead[j]
		}
		return -1
	}
	i, j := 0, 0 // next old, next current paragraph
	flush := func(dels, ins []int) {
		match := matchParagraphs(prev, cur, dels, ins)
		used := map[int]bool{}
		for _, nj := range ins {
			oi, ok := match[nj]
			if !ok {
				rev.Changes = append(rev.Changes, Change{Pair: pairOf(nj), Block: nj, Added: true})
				continue
			}
			used[oi] = true
			rev.Changes = append(rev.Changes, Change{Pair: pairOf(nj), Block: nj, Old: prev[oi], Diff: WordDiff(prev[oi], cur[nj])})
		}
		for _, oi := range dels {
			if !used[oi] {
				rev.Removed = append(rev.Removed, prev[oi])
			}
		}
	}
	var dels, ins []int
	for _, run := range diffSeq(prev, cur) {
		switch run.Op {
		case 0:
			flush(dels, ins)
			dels, ins = nil, nil
			i += run.N
			j += run.N
			rev.Unchanged += run.N
		case -1:
			for k := 0; k < run.N; k++ {
				dels = append(dels, i)
				i++
			}
		case 1:
			for k := 0; k < run.N; k++ {
				ins = append(ins, j)
				j++
			}
		}
	}
	flush(dels, ins)
}

// matchParagraphs pairs old paragraphs (dels) with current ones (ins) of one
// changed stretch, keeping their order and maximising the summed word
// overlap; it returns current index → old index.
func matchParagraphs(prev, cur []string, dels, ins []int) map[int]int {
	out := map[int]int{}
	if len(dels) == 0 || len(ins) == 0 {
		return out
	}
	bags := func(idx []int, texts []string) []map[string]int {
		bs := make([]map[string]int, len(idx))
		for k, i := range idx {
			bs[k] = wordBag(texts[i])
		}
		return bs
	}
	a, b := bags(dels, prev), bags(ins, cur)
	n, m := len(a), len(b)
	score := make([][]float64, n+1)
	for k := range score {
		score[k] = make([]float64, m+1)
	}
	sim := make([][]float64, n)
	for x := 0; x < n; x++ {
		sim[x] = make([]float64, m)
		for y := 0; y < m; y++ {
			sim[x][y] = dice(a[x], b[y])
		}
	}
	for x := 1; x <= n; x++ {
		for y := 1; y <= m; y++ {
			s := max(score[x-1][y], score[x][y-1])
			if v := sim[x-1][y-1]; v >= minParaSim && score[x-1][y-1]+v > s {
				s = score[x-1][y-1] + v
			}
			score[x][y] = s
		}
	}
	for x, y := n, m; x > 0 && y > 0; {
		switch {
		case score[x][y] == score[x-1][y]:
			x--
		case score[x][y] == score[x][y-1]:
			y--
		default:
			out[ins[y-1]] = dels[x-1]
			x, y = x-1, y-1
		}
	}
	return out
}

func wordBag(s string) map[string]int {
	bag := map[string]int{}
	for _, t := range Tokens(s) {
		r, _ := utf8.DecodeRuneInString(t)
		if isWordRune(r) {
			bag[t]++
		}
	}
	return bag
}

func dice(a, b map[string]int) float64 {
	na, nb, both := 0, 0, 0
	for t, c := range a {
		na += c
		both += min(c, b[t])
	}
	for _, c := range b {
		nb += c
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(both) / float64(na+nb)
}

// seqRun is a run of n tokens of a diff: -1 only in the first sequence, 0
// in both, 1 only in the second.
type seqRun struct{ Op, N int }

// maxTokenKinds is how many distinct tokens tokenRune can code.
const maxTokenKinds = 0x10FFFF - 0x800 - 1

// diffSeq diffs two sequences of tokens (words, or whole paragraphs) with
// go-diff, each distinct token coded as one rune, without a time limit.
func diffSeq(a, b []string) []seqRun {
	ids := map[string]int{}
	encode := func(ts []string) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			k, ok := ids[t]
			if !ok {
				k = len(ids)
				ids[t] = k
			}
			rs[i] = tokenRune(k)
		}
		return rs
	}
	ra, rb := encode(a), encode(b)
	if len(ids) > maxTokenKinds {
		// More distinct tokens than runes to code them: say all changed.
		return []seqRun{{-1, len(a)}, {1, len(b)}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var out []seqRun
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		op := 0
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = -1
		case diffmatchpatch.DiffInsert:
			op = 1
		}
		if n := utf8.RuneCountInString(d.Text); n > 0 {
			out = append(out, seqRun{op, n})
		}
	}
	return out
}
