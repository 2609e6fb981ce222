package align

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// oneEachBoth aligns one Chinese sentence with one English one (as the
// only sentences of a paragraph bead, with the document's ratio in hint)
// both ways: by the direct path (pairSim11) that alignSentenceTextsReusing
// takes, and by the general one it replaced, a pair table for the pair.
// It returns the two beads and the two raw similarities.
func oneEachBoth(zh, en string, opt Options, hint LengthModel) (direct, general SentenceBead, dsim, gsim float64) {
	zf, ef, vocab := sentFeatures([]string{zh}, []string{en}, opt.Lex.(Glosser))
	s := newSentAligner(zf, ef, vocab, hint)
	c := Cell{Type: BeadType{Zh: 1, En: 1}}
	dsim = pairSim11(&zf[0], &ef[0], len(vocab.enTypes))
	s.table = newPairTable(zf, ef, nil, 0, len(vocab.enTypes))
	gsim = s.table.sim(0, 1, 0, 1)
	general = s.bead(c)
	direct = alignSentenceTextsReusing([]string{zh}, []string{en}, nil, nil, opt, hint, nil)[0]
	return direct, general, dsim, gsim
}

// sameBeadBits fails unless two beads are the same, floats to the bit.
func sameBeadBits(a, b SentenceBead) bool {
	same := func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }
	return fmt.Sprint(a.Zh, a.En) == fmt.Sprint(b.Zh, b.En) && same(a.Cost, b.Cost) &&
		same(a.Score, b.Score) && same(a.Lex, b.Lex) && same(a.NullConf, b.NullConf)
}

// OneSentenceBeadsDiffer compares, for every paragraph bead of a that
// has one sentence a side, the direct path with the general one, and
// describes the first difference ("" when none). n counts the beads
// compared. For the external test that reads documents with align/input.
func OneSentenceBeadsDiffer(a *Alignment, opt Options) (n int, diff string) {
	hint := LengthModel{Ratio: a.Ratio}
	for bi := range a.Beads {
		b := &a.Beads[bi]
		_, zt := sentRefs(a.Doc, Zh, b.Zh)
		_, et := sentRefs(a.Doc, En, b.En)
		if len(zt) != 1 || len(et) != 1 {
			continue
		}
		n++
		d, g, ds, gs := oneEachBoth(zt[0], et[0], opt, hint)
		if math.Float64bits(ds) != math.Float64bits(gs) || !sameBeadBits(d, g) {
			return n, fmt.Sprintf("bead %d %q / %q: direct %+v sim %v, general %+v sim %v", bi, zt[0], et[0], d, ds, g, gs)
		}
	}
	return n, ""
}

// TestPairSim11Random compares the direct path of a one-sentence pair with
// the pair table's on random sentences made of words the lexicon knows,
// words it does not, Latin-script tokens on both sides, repeats (so that
// weights and shared keys vary), numbers and marks; and on a few whose
// weights are all 1 and none (no keys on one side or both).
func TestPairSim11Random(t *testing.T) {
	opt := lexOpt(t)
	zhWords := []string{"国家", "安全", "体系", "能力", "现代化", "重要", "任务", "我们", "必须", "坚持",
		"总体", "观", "经济", "发展", "人民", "政府", "韦小宝", "GDP", "iPhone", "的", "了", "和", "在",
		"三百", "2035年", "百分之五", "“", "”", "？", "！", "，", "。", "中", "国", "安", "全"}
	enWords := []string{"national", "security", "system", "capabilities", "modernizing", "important",
		"task", "we", "must", "adhere", "holistic", "approach", "economy", "development", "people",
		"government", "Wei", "GDP", "iPhone", "the", "of", "and", "in", "300", "2035", "5 percent",
		"\"", "?", "!", ",", ".", "China", "safe", "xyzzy"}
	rng := rand.New(rand.NewSource(1105))
	pick := func(words []string, sep string) string {
		var b strings.Builder
		for k := rng.Intn(25); k >= 0; k-- {
			if k > 0 && sep != "" {
				b.WriteString(sep)
			}
			b.WriteString(words[rng.Intn(len(words))])
		}
		return b.String()
	}
	pairs := [][2]string{{"", "the"}, {"的了", "the of"}, {"韦小宝", "xyzzy"}, {"国家", ""}, {"GDP", "GDP"}}
	for range 3000 {
		pairs = append(pairs, [2]string{pick(zhWords, ""), pick(enWords, " ")})
	}
	for k, p := range pairs {
		for _, ratio := range []float64{0.5, 3.1, 4} {
			d, g, ds, gs := oneEachBoth(p[0], p[1], opt, LengthModel{Ratio: ratio})
			if math.Float64bits(ds) != math.Float64bits(gs) || !sameBeadBits(d, g) {
				t.Fatalf("pair %d %q / %q: direct %+v sim %v, general %+v sim %v", k, p[0], p[1], d, ds, g, gs)
			}
		}
	}
}

// TestIdfWeights compares the table of rarity weights that rekey reads
// with idfWeight, to the bit, for texts of 1 to 300 sentences (the table
// in the caller's buffer and in one of its own).
func TestIdfWeights(t *testing.T) {
	var buf [64]float32
	for n := 1; n <= 300; n++ {
		wt := idfWeights(n, buf[:])
		if len(wt) != n+1 {
			t.Fatalf("n=%d: %d weights", n, len(wt))
		}
		for d := 1; d <= n; d++ {
			if want := idfWeight(float64(d), n); math.Float32bits(wt[d]) != math.Float32bits(want) {
				t.Fatalf("n=%d df=%d: table %v, idfWeight %v", n, d, wt[d], want)
			}
		}
	}
}
