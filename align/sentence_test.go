package align

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

func lexOpt(t testing.TB) Options {
	t.Helper()
	if err := lexicon.Load(); err != nil {
		t.Fatal(err)
	}
	return Options{Lex: lexicon.Default()}
}

// checkCover fails unless the beads cover 0..nz-1 and 0..ne-1 exactly once,
// in order, each side of a bead consecutive, no bead empty on both sides.
func checkCover(t *testing.T, beads []SentenceBead, nz, ne int) {
	t.Helper()
	zi, ei := 0, 0
	for _, b := range beads {
		if len(b.Zh) == 0 && len(b.En) == 0 {
			t.Fatalf("empty bead in %v", beads)
		}
		for _, i := range b.Zh {
			if i != zi {
				t.Fatalf("zh %d out of order in %v", i, beads)
			}
			zi++
		}
		for _, j := range b.En {
			if j != ei {
				t.Fatalf("en %d out of order in %v", j, beads)
			}
			ei++
		}
		if b.Score < 0 || b.Score > 1 || b.NullConf < 0 || b.NullConf > 1 {
			t.Fatalf("score out of range: %+v", b)
		}
		if (len(b.Zh) > 0 && len(b.En) > 0) != (b.NullConf == 0) {
			t.Fatalf("NullConf %v on bead %v:%v", b.NullConf, b.Zh, b.En)
		}
	}
	if zi != nz || ei != ne {
		t.Fatalf("covered %d zh of %d, %d en of %d", zi, nz, ei, ne)
	}
}

func TestAlignSentencesCoverage(t *testing.T) {
	opts := []Options{{}, lexOpt(t)}
	r := rand.New(rand.NewPCG(1, 2))
	zhWords := []string{"我们", "今天", "天气", "很", "好", "公园", "散步", "他", "买", "书", "三", "老师"}
	enWords := []string{"we", "today", "weather", "is", "good", "park", "walk", "he", "bought", "books", "three", "teacher"}
	sentence := func(words []string, sep, end string) string {
		n := 1 + r.IntN(12)
		var parts []string
		for range n {
			parts = append(parts, words[r.IntN(len(words))])
		}
		return strings.Join(parts, sep) + end
	}
	for _, size := range [][2]int{{0, 0}, {0, 3}, {3, 0}, {1, 1}, {1, 7}, {7, 1}, {5, 9}, {40, 31}, {150, 210}} {
		var zh, en []string
		for range size[0] {
			zh = append(zh, sentence(zhWords, "", "。"))
		}
		for range size[1] {
			en = append(en, sentence(enWords, " ", "."))
		}
		for _, opt := range opts {
			checkCover(t, AlignSentences(zh, en, opt), len(zh), len(en))
		}
	}
}

func TestAlignSentencesSmall(t *testing.T) {
	opt := lexOpt(t)
	for _, tc := range []struct {
		name   string
		zh, en []string
		want   string
	}{
		{
			name: "one to one",
			zh:   []string{"今天的天气非常好。", "我们一起去公园散步吧！", "他在书店买了三本新书。"},
			en:   []string{"The weather is very good today.", "Let's go for a walk in the park together!", "He bought three new books at the bookshop."},
			want: "[0]:[0] [1]:[1] [2]:[2]",
		},
		{
			name: "split",
			zh:   []string{"老师走进教室。", "他回到家里以后，吃了一顿丰盛的晚饭，然后在客厅里看了两个小时的电视。", "第二天早上他很早就起床了。"},
			en:   []string{"The teacher walked into the classroom.", "He went back home.", "He ate a big dinner and then watched television in the living room for two hours.", "The next morning he got up very early."},
			want: "[0]:[0] [1]:[1,2] [2]:[3]",
		},
		{
			name: "question and numbers",
			zh:   []string{"你明天来吗？", "会议在2019年召开，有150个国家参加。", "好的。"},
			en:   []string{"Are you coming tomorrow?", "The conference was held in 2019 and 150 countries took part.", "All right."},
			want: "[0]:[0] [1]:[1] [2]:[2]",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			beads := AlignSentences(tc.zh, tc.en, opt)
			checkCover(t, beads, len(tc.zh), len(tc.en))
			if got := beadString(beads); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestAlignSentencesOmission: a long Chinese sentence with no English in a
// text that otherwise matches well is left alone, and confidently so.
func TestAlignSentencesOmission(t *testing.T) {
	opt := lexOpt(t)
	zh := []string{
		"政府今天公布了新的经济计划。",
		"计划的重点是发展农业和保护环境。",
		"据报道，该计划的起草工作历时三年，先后征求了全国各地数千名专家、企业家和普通农民的意见和建议。",
		"总理表示，计划将在明年一月开始实施。",
		"许多经济学家对此表示欢迎。",
	}
	en := []string{
		"The government announced a new economic plan today.",
		"The plan focuses on developing agriculture and protecting the environment.",
		"The premier said that the plan would be implemented from January next year.",
		"Many economists welcomed it.",
	}
	beads := AlignSentences(zh, en, opt)
	checkCover(t, beads, len(zh), len(en))
	if got, want := beadString(beads), "[0]:[0] [1]:[1] [2]:[] [3]:[2] [4]:[3]"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if c := beads[2].NullConf; c < NullThreshold {
		t.Errorf("NullConf of the omission %v, want at least %v", c, NullThreshold)
	}
}

func beadString(beads []SentenceBead) string {
	var parts []string
	for _, b := range beads {
		ids := func(x []int) string {
			s := make([]string, len(x))
			for k, i := range x {
				s[k] = itoa(i)
			}
			return "[" + strings.Join(s, ",") + "]"
		}
		parts = append(parts, ids(b.Zh)+":"+ids(b.En))
	}
	return strings.Join(parts, " ")
}

// TestBandedEqualsFull: on real chapters the banded search (a coarse pass,
// then a narrow band around it) finds the same alignment as a search of the
// whole matrix.
func TestBandedEqualsFull(t *testing.T) {
	d := testData(t)
	opt := lexOpt(t)
	saved := fullMatrixCells
	defer func() { fullMatrixCells = saved }()
	for _, name := range []string{"001", "002", "003", "004", "005", "006"} {
		zh := readLines(t, d+"/mac-dev/zh/"+name)
		en := readLines(t, d+"/mac-dev/en/"+name)
		fullMatrixCells = 0
		banded := beadString(AlignSentences(zh, en, opt))
		fullMatrixCells = 1 << 40
		full := beadString(AlignSentences(zh, en, opt))
		if banded != full {
			t.Errorf("mac-dev %s: banded and full alignments differ", name)
		}
	}
}

func TestFastTailCost(t *testing.T) {
	for _, d := range []float64{0, 0.01, 0.5, 1, 1.234, 3, 7.77, 20, 39.99, 41, 100, -2.5} {
		got, want := fastTailCost(d), tailCost(d)
		if diff := got - want; diff > 1e-3*max(1, want) || diff < -1e-3*max(1, want) {
			t.Errorf("fastTailCost(%v) = %v, want %v", d, got, want)
		}
	}
}

func TestSentFlags(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want uint8
	}{
		{"你来吗？", flagQuestion},
		{"'Why not try me?'", flagQuestion | flagQuote},
		{"He didn't go.", 0},
		{"the boys' room", 0},
		{"他说：“好！”", flagExclaim | flagQuote},
	} {
		if _, got := sentLengthFlags(tc.s); got != tc.want {
			t.Errorf("sentLengthFlags(%q) flags %b, want %b", tc.s, got, tc.want)
		}
	}
}

// TestSentFeaturesInTurnAsAtOnce: the features of a text long enough to
// be read on two goroutines are those read in turn on one.
func TestSentFeaturesInTurnAsAtOnce(t *testing.T) {
	gl := lexOpt(t).Lex.(Glosser)
	doc := splitBenchDoc(120)
	zh, en := blockTexts(doc.Zh), blockTexts(doc.En)
	if textBytes(zh) < parallelFeatureBytes || textBytes(en) < parallelFeatureBytes {
		t.Fatalf("texts of %d and %d bytes are read in turn", textBytes(zh), textBytes(en))
	}
	zf, ef, v := sentFeatures(zh, en, gl)
	defer func(n int) { parallelFeatureBytes = n }(parallelFeatureBytes)
	parallelFeatureBytes = math.MaxInt
	zf1, ef1, v1 := sentFeatures(zh, en, gl)
	if !reflect.DeepEqual(zf, zf1) || !reflect.DeepEqual(ef, ef1) || !reflect.DeepEqual(v, v1) {
		t.Error("features read in turn differ from those read at once")
	}
}

func TestLearnFindsNames(t *testing.T) {
	opt := lexOpt(t)
	var zh, en []string
	for k := range 6 {
		zh = append(zh, "韦小宝笑了。", "天气很冷。")
		en = append(en, "Trinket laughed.", "It was cold.")
		_ = k
	}
	zf, ef, v := sentFeatures(zh, en, opt.Lex.(Glosser))
	var path []Cell
	for i := range zh {
		path = append(path, Cell{I: i, J: i, Type: BeadType{Zh: 1, En: 1}})
	}
	if !v.learn(zf, ef, path) {
		t.Fatal("nothing learned")
	}
	x, ok := v.zhTypeOf(v.zhEntry("韦小宝"))
	if !ok {
		t.Fatalf("no type for 韦小宝; types %v", v.zhTypes)
	}
	var got []string
	for _, y := range v.learned[x] {
		got = append(got, v.enTypes[y].key)
	}
	if !slices.Contains(got, "trinket") {
		t.Errorf("learned for 韦小宝: %v, want trinket", got)
	}
}

// TestWorkScalesLinearly: the search work (bead costs the DP considers) for
// a chapter repeated eight times is at most ten times that of the chapter.
func TestWorkScalesLinearly(t *testing.T) {
	d := testData(t)
	zh := readLines(t, d+"/mac-dev/zh/001")
	en := readLines(t, d+"/mac-dev/en/001")
	opt := lexOpt(t)
	work := func(n int) int {
		var z, e []string
		for range n {
			z, e = append(z, zh...), append(e, en...)
		}
		zf, ef, v := sentFeatures(z, e, opt.Lex.(Glosser))
		s := newSentAligner(zf, ef, v, LengthModel{})
		checkCover(t, s.run(), len(z), len(e))
		return s.work
	}
	w1, w8 := work(1), work(8)
	t.Logf("work ×1 %d, ×8 %d (%.1f times)", w1, w8, float64(w8)/float64(w1))
	if w8 > 10*w1 {
		t.Errorf("work ×8 is %.1f times work ×1, want at most 10", float64(w8)/float64(w1))
	}
}

// amounts are n sums of money in 万元 and the same in yuan (100000万元 =
// 1,000,000,000 yuan), step apart.
func amounts(n, step int) (zh, en []string) {
	for i := range n {
		a := 100_000 + i*step
		zh = append(zh, fmt.Sprintf("%d万元", a))
		en = append(en, fmt.Sprintf("%d,%03d,%03d,000 yuan", a/100_000, a/100%1000, a%100*10))
	}
	return zh, en
}

// TestOneSentenceEachIsOneBead: a paragraph bead of one sentence a side is
// one sentence bead. Aligned alone, a short Chinese sentence whose English
// explains it at length was left as an omission (an error, though nothing
// is missing) and an addition; how far the two lengths are apart is the
// length check's to judge, against the document's norm.
func TestOneSentenceEachIsOneBead(t *testing.T) {
	zh := []string{"详见附表。"}
	en := []string{"The details, broken down by province, by year and by the kind of spending, are given in the table annexed to this report, which the ministry compiled from the returns of the local finance bureaus."}
	got := alignSentenceTexts(zh, en, Options{Lex: lexicon.Default()}, LengthModel{Ratio: 3.5})
	if len(got) != 1 || len(got[0].Zh) != 1 || len(got[0].En) != 1 || got[0].NullConf != 0 {
		t.Fatalf("one sentence a side gave %+v", got)
	}
}

// TestSentenceOfFiguresInAParagraph: a sentence that is a list of 60
// amounts between two ordinary ones is paired with its translation, not
// left as an omission and an addition: its digits, as long in both
// languages, are not scaled by the ratio of words (sentLengthFlags).
func TestSentenceOfFiguresInAParagraph(t *testing.T) {
	zs, es := amounts(60, 13_577)
	zh := []string{"近年来，我国经济保持稳定增长，财政收入持续增加。", "各地区收入如下：" + strings.Join(zs, "，") + "。", "今后将继续深化改革。"}
	en := []string{"In recent years, the economy has kept growing steadily and fiscal revenue has continued to rise.",
		"Revenue by region was: " + strings.Join(es, ", ") + ".", "Reform will continue to deepen."}
	got := alignSentenceTexts(zh, en, Options{Lex: lexicon.Default()}, LengthModel{Ratio: 3.5})
	if len(got) != 3 {
		t.Fatalf("three sentences a side gave %+v", got)
	}
	for k, b := range got {
		if len(b.Zh) != 1 || len(b.En) != 1 || b.Zh[0] != k || b.En[0] != k {
			t.Errorf("bead %d: %+v", k, b)
		}
	}
}

// TestPairCounts: counting by sorting and merging gives what a map gives,
// whether the keys are merged once or many times on the way.
func TestPairCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, every := range []int{1, 7, 1000, 1 << 30} {
		var pc pairCounts
		want := map[uint64]int32{}
		for k := 0; k < 5000; k++ {
			key := uint64(rng.IntN(40))<<32 | uint64(rng.IntN(60))
			want[key]++
			pc.pending = append(pc.pending, key)
			if k%every == 0 {
				pc.merge()
			}
		}
		pc.merge()
		got := map[uint64]int32{}
		for i, r := range pc.runs {
			if i > 0 && pc.runs[i-1].key >= r.key {
				t.Fatalf("every %d: runs not sorted and distinct at %d", every, i)
			}
			got[r.key] = r.n
		}
		if len(got) != len(want) {
			t.Fatalf("every %d: %d distinct keys, want %d", every, len(got), len(want))
		}
		for k, n := range want {
			if got[k] != n {
				t.Fatalf("every %d: key %x counted %d, want %d", every, k, got[k], n)
			}
		}
	}
}

// TestLearnDenseSameAsSorted: the pairs a chapter's first alignment
// teaches are the same whether counted in a table or by sorting.
func TestLearnDenseSameAsSorted(t *testing.T) {
	d := testData(t)
	zh := readLines(t, d+"/mac-dev/zh/001")
	en := readLines(t, d+"/mac-dev/en/001")
	opt := lexOpt(t)
	learned := func(limit int) [][]int32 {
		defer func(old int) { maxDensePairCounts = old }(maxDensePairCounts)
		maxDensePairCounts = limit
		zf, ef, v := sentFeatures(zh, en, opt.Lex.(Glosser))
		s := newSentAligner(zf, ef, v, LengthModel{})
		if !v.learn(zf, ef, s.solve()) {
			t.Fatal("nothing learned")
		}
		return v.learned
	}
	dense, sorted := learned(1<<30), learned(0)
	if !slices.EqualFunc(dense, sorted, slices.Equal) {
		t.Errorf("learned pairs differ: table %v, sorting %v", dense, sorted)
	}
}

// TestSpareVocabulary: aligning piece after piece with one spare
// vocabulary gives what a fresh one gives, after small pieces and after a
// long one whose maps are replaced rather than cleared.
func TestSpareVocabulary(t *testing.T) {
	d := testData(t)
	zh := readLines(t, d+"/mac-dev/zh/001")
	en := readLines(t, d+"/mac-dev/en/001")
	opt := lexOpt(t)
	spare := &docVocab{}
	sizes := []int{3, 8, 1, len(zh) / 2, 5, 12, 2}
	zi, ei, grown := 0, 0, false
	for _, n := range sizes {
		m := max(1, n*len(en)/len(zh))
		if zi+n > len(zh) || ei+m > len(en) {
			break
		}
		z, e := zh[zi:zi+n], en[ei:ei+m]
		zi, ei = zi+n, ei+m
		want := alignSentenceTexts(z, e, opt, LengthModel{})
		got := alignSentenceTextsReusing(z, e, nil, nil, opt, LengthModel{}, spare)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%d+%d sentences: with a spare vocabulary %v, fresh %v", n, m, got, want)
		}
		grown = grown || len(spare.zhTypes) > maxKeptTypes
	}
	if !grown {
		t.Errorf("no piece had more than %d types: the maps were never replaced", maxKeptTypes)
	}
}

// TestVocabularyMemo: what a vocabulary's memos answer is what the
// lexicon answers, a word it does not know (nil) told from a function
// word (empty) included, whether the answer was remembered or not, and
// before and after the memo is full.
func TestVocabularyMemo(t *testing.T) {
	gl := lexOpt(t).Lex.(Glosser)
	zh := []string{"国家", "安全", "的", "我们", "不", "国家安全", "韦小宝", "動態", "x", "清零", "动态清零", "的国"}
	en := []string{"Nations", "security", "the", "Trinket", "zzzqx", "x", "3.5", "naïve", "COVID-19"}
	if g := gl.Glosses("我们"); g == nil || len(g) != 0 {
		t.Fatalf("Glosses(我们) = %#v: the test needs a function word", g)
	}
	if g := gl.Glosses("韦小宝"); g != nil {
		t.Fatalf("Glosses(韦小宝) = %#v: the test needs an unknown word", g)
	}
	if k, _ := lang.Keyword("security"); !isLatinWord(k) {
		t.Fatalf("Keyword(security) = %q: the test needs a content word", k)
	} else if _, ok := gl.WordID(k); !ok {
		t.Fatalf("WordID(%q) fails: the test needs a word the lexicon knows", k)
	}
	defer func(n int) { maxMemo = n }(maxMemo)
	for _, limit := range []int{0, 3, 1 << 15} {
		maxMemo = limit
		v := &docVocab{}
		v.reset(gl)
		for round := range 3 {
			for _, w := range zh {
				want, got := gl.Glosses(w), v.glosses(w)
				if (want == nil) != (got == nil) || !slices.Equal(want, got) {
					t.Errorf("limit %d, round %d: glosses(%q) = %#v, want %#v", limit, round, w, got, want)
				}
			}
			for _, w := range en {
				var want enWord
				want.key, want.ok = lang.Keyword(w)
				want.ok = want.ok && isLatinWord(want.key)
				if want.ok {
					want.lexID, want.inLex = gl.WordID(want.key)
				}
				if got := v.enWord(w); got != want {
					t.Errorf("limit %d, round %d: enWord(%q) = %+v, want %+v", limit, round, w, got, want)
				}
			}
			v.reset(gl)
		}
		if len(v.zhMemo) > limit || len(v.enMemo) > limit {
			t.Errorf("limit %d: memos hold %d and %d", limit, len(v.zhMemo), len(v.enMemo))
		}
		if limit > len(zh) && len(v.zhMemo) != len(zh) {
			t.Errorf("limit %d: the Chinese memo holds %d of %d strings after a reset", limit, len(v.zhMemo), len(zh))
		}
	}
}

// TestLexIndex: a lexIndex answers what a map emptied at every reset
// answers, across many resets and the wrap of its generation.
func TestLexIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var x lexIndex
	x.reset()
	want := map[uint32]int32{}
	for step := range 20000 {
		switch {
		case step == 10000:
			x.gen = math.MaxUint32 - 2 // the next resets wrap
			fallthrough
		case rng.IntN(50) == 0:
			x.reset()
			clear(want)
		case rng.IntN(2) == 0:
			id, e := uint32(rng.IntN(3000)), int32(rng.IntN(100))
			x.set(id, e)
			want[id] = e
		}
		id := uint32(rng.IntN(3500))
		e, ok := x.get(id)
		we, wok := want[id]
		if e != we || ok != wok {
			t.Fatalf("step %d: get(%d) = %d, %v, want %d, %v", step, id, e, ok, we, wok)
		}
	}
	if x.gen > 1000 {
		t.Errorf("generation %d: it never wrapped", x.gen)
	}
}
