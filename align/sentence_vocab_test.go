package align

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// TestVocabularyEntriesAcrossBeads: the features of bead after bead read
// with one spare vocabulary, whose entries remember each string's
// glosses and type across beads, are those a fresh vocabulary reads for
// the bead alone (a map of the bead's types, emptied for each bead, as
// before the entries), with the memos unbounded, full from the start, and
// filling up in the middle of a bead, and across the wrap of the
// generation that tells one bead's types from another's.
func TestVocabularyEntriesAcrossBeads(t *testing.T) {
	d := testData(t)
	zh := readLines(t, d+"/mac-dev/zh/001")
	en := readLines(t, d+"/mac-dev/en/001")
	// Latin words on both sides (zhType.latin, enTypeOf), as written in
	// two ways, and a word repeated in a bead
	zh = append(zh, "他用iPhone和COVID-19的数据说话。", "iPhone，iphone，IPHONE。")
	en = append(en, "He spoke with data from his iPhone and COVID-19.", "IPhone, iphone, Iphone, iPhones.")
	gl := lexOpt(t).Lex.(Glosser)
	defer func(n int) { maxMemo = n }(maxMemo)
	for _, limit := range []int{0, 40, 700, 1 << 15} {
		maxMemo = limit
		rng := rand.New(rand.NewPCG(uint64(limit), 9))
		spare := &docVocab{}
		for bead := range 300 {
			if bead == 150 {
				spare.gen = math.MaxUint32 - 3 // the next resets wrap
			}
			// pieces of the chapter from anywhere, so that a bead meets
			// strings of beads long before
			n, m := 1+rng.IntN(4), rng.IntN(4)
			i, j := rng.IntN(len(zh)-n+1), rng.IntN(len(en)-m+1)
			if bead%7 == 0 {
				i, j = len(zh)-2, len(en)-2
				n, m = 2, 2
			}
			z, e := zh[i:i+n], en[j:j+m]
			wzf, wef, wv := sentFeaturesReusing(z, e, nil, nil, gl, nil)
			gzf, gef, gv := sentFeaturesReusing(z, e, nil, nil, gl, spare)
			if !reflect.DeepEqual(wzf, gzf) || !reflect.DeepEqual(wef, gef) {
				t.Fatalf("limit %d, bead %d: features differ:\n got %+v %+v\nwant %+v %+v", limit, bead, gzf, gef, wzf, wef)
			}
			if !sameList(wv.zhTypes, gv.zhTypes) || !sameList(wv.enTypes, gv.enTypes) {
				t.Fatalf("limit %d, bead %d: types differ:\n got %+v %+v\nwant %+v %+v", limit, bead, gv.zhTypes, gv.enTypes, wv.zhTypes, wv.enTypes)
			}
			// and both are what maps of the bead's types give
			rz, rzt := refZhWords(z, gl)
			re, ret := refEnWords(e, gl)
			for k := range gzf {
				if !reflect.DeepEqual(gzf[k].types, rz[k].types) || !sameList(gzf[k].extra, rz[k].extra) {
					t.Fatalf("limit %d, bead %d: %q: types %v extra %v, want %v %v", limit, bead, z[k], gzf[k].types, gzf[k].extra, rz[k].types, rz[k].extra)
				}
			}
			for k := range gef {
				if !reflect.DeepEqual(gef[k].types, re[k]) {
					t.Fatalf("limit %d, bead %d: %q: types %v, want %v", limit, bead, e[k], gef[k].types, re[k])
				}
			}
			for k, z := range gv.zhTypes {
				if k >= len(rzt) || z.text != rzt[k].text || !reflect.DeepEqual(z.glosses, rzt[k].glosses) {
					t.Fatalf("limit %d, bead %d: Chinese type %d %+v, want %+v", limit, bead, k, z, rzt)
				}
			}
			for k, e := range gv.enTypes {
				if k >= len(ret) || e.key != ret[k].key || e.lexID != ret[k].lexID || e.inLex != ret[k].inLex {
					t.Fatalf("limit %d, bead %d: English type %d %+v, want %+v", limit, bead, k, e, ret)
				}
			}
			if len(gv.zhTypes) != len(rzt) || len(gv.enTypes) != len(ret) {
				t.Fatalf("limit %d, bead %d: %d and %d types, want %d and %d", limit, bead, len(gv.zhTypes), len(gv.enTypes), len(rzt), len(ret))
			}
		}
		if len(spare.zhMemo) > limit || len(spare.enMemo) > limit || len(spare.keyMemo) > limit {
			t.Errorf("limit %d: memos hold %d, %d and %d", limit, len(spare.zhMemo), len(spare.enMemo), len(spare.keyMemo))
		}
		// a bead's own entries go with it
		spare.reset(gl)
		if len(spare.zhEntries) != len(spare.zhMemo) || len(spare.enEntries) != len(spare.enMemo) {
			t.Errorf("limit %d: after a reset %d and %d entries, for %d and %d strings remembered", limit, len(spare.zhEntries), len(spare.enEntries), len(spare.zhMemo), len(spare.enMemo))
		}
		if spare.gen > 1000 {
			t.Errorf("limit %d: generation %d: it never wrapped", limit, spare.gen)
		}
	}
}

// sameList reports whether two lists hold equal elements (an empty list
// and nil alike: a spare vocabulary keeps its lists' room).
func sameList[T any](a, b []T) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

// refZhWords is what zhWords gave each sentence of a bead before the
// vocabulary's entries: the bead's types in a map of their texts, the
// lexicon asked directly. Only types, extras and the types' texts and
// glosses are filled in.
func refZhWords(sents []string, gl Glosser) ([]sentFeat, []zhType) {
	index := map[string]int32{}
	var types []zhType
	newType := func(text string) int32 {
		index[text] = int32(len(types))
		types = append(types, zhType{text: text})
		return int32(len(types) - 1)
	}
	out := make([]sentFeat, len(sents))
	for i, s := range sents {
		toks := lang.ZhTokens(s)
		f := &out[i]
		for ti, t := range toks {
			if zhFunctionWords[t.Text] {
				continue
			}
			if isLatinWord(t.Text) {
				if _, ok := lang.Keyword(t.Text); ok {
					typ, ok := index[t.Text]
					if !ok {
						typ = newType(t.Text)
					}
					if indexOf(f.types, typ) < 0 {
						f.types = append(f.types, typ)
					}
				}
				continue
			}
			if !lang.IsHan(lang.FirstRune(t.Text)) {
				continue
			}
			typ, seen := index[t.Text]
			if !seen {
				g := gl.Glosses(t.Text)
				if g != nil && len(g) == 0 {
					continue
				}
				typ = newType(t.Text)
				ids := g[:len(g):len(g)]
				if g == nil {
					for k, r := range t.Text {
						ids = append(ids, gl.Glosses(t.Text[k:k+utf8.RuneLen(r)])...)
					}
				}
				types[typ].glosses = ids
			}
			var extra []uint32
			if ti > 0 && toks[ti-1].End == t.Start {
				extra = append(extra, gl.Glosses(s[toks[ti-1].Start:t.End])...)
			}
			if ti+1 < len(toks) && toks[ti+1].Start == t.End {
				extra = append(extra, gl.Glosses(s[t.Start:toks[ti+1].End])...)
			}
			k := indexOf(f.types, typ)
			if k < 0 {
				f.types = append(f.types, typ)
				k = len(f.types) - 1
			}
			if len(extra) > 0 {
				f.extra = growTo(f.extra, len(f.types))
				f.extra[k] = append(f.extra[k], extra...)
			}
		}
	}
	return out, types
}

// refEnWords is what enWords gave each sentence of a bead before the
// vocabulary's entries: the bead's types in a map of their keywords.
func refEnWords(sents []string, gl Glosser) ([][]int32, []enType) {
	index := map[string]int32{}
	var types []enType
	out := make([][]int32, len(sents))
	for i, s := range sents {
		for _, t := range lang.EnTokens(s) {
			key, ok := lang.Keyword(s[t.Start:t.End])
			if !ok || !isLatinWord(key) {
				continue
			}
			e, ok := index[key]
			if !ok {
				e = int32(len(types))
				index[key] = e
				id, in := gl.WordID(key)
				types = append(types, enType{key: key, lexID: id, inLex: in})
			}
			out[i] = appendUnique(out[i], e)
		}
	}
	return out, types
}

// TestLexBoundPruneExact: the sentence DP finds the same beads, costs to
// the bit, whether or not it skips the beads whose lexical part could not
// make them the best of their cell (lexBoundPrune), in full and banded
// searches, on chapters and on pieces of them paired out of order; and
// the bound holds: no bead's similarity is above 1 nor its weakness below
// 0.
func TestLexBoundPruneExact(t *testing.T) {
	d := testData(t)
	opt := lexOpt(t)
	defer func(p bool, n int) { lexBoundPrune, fullMatrixCells = p, n }(lexBoundPrune, fullMatrixCells)
	align := func(zh, en []string, prune bool) []SentenceBead {
		lexBoundPrune = prune
		return AlignSentences(zh, en, opt)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	chapters := []string{"001", "002", "003"}
	if testing.Short() {
		chapters = chapters[:1]
	}
	for _, name := range chapters {
		zh := readLines(t, d+"/mac-dev/zh/"+name)
		en := readLines(t, d+"/mac-dev/en/"+name)
		for _, cells := range []int{0, 1 << 40} {
			fullMatrixCells = cells
			if want, got := align(zh, en, false), align(zh, en, true); !reflect.DeepEqual(want, got) {
				t.Fatalf("mac-dev %s, full search below %d cells: the pruned DP gives other beads", name, cells)
			}
		}
		fullMatrixCells = 1 << 40
		for range 40 {
			n, m := 2+rng.IntN(12), 2+rng.IntN(12)
			i, j := rng.IntN(len(zh)-n+1), rng.IntN(len(en)-m+1)
			if rng.IntN(2) == 0 {
				j = min(len(en)-m, i*len(en)/len(zh)+rng.IntN(3))
			}
			z, e := zh[i:i+n], en[j:j+m]
			if want, got := align(z, e, false), align(z, e, true); !reflect.DeepEqual(want, got) {
				t.Fatalf("mac-dev %s [%d:%d] × [%d:%d]: the pruned DP gives %v, unpruned %v", name, i, i+n, j, j+m, got, want)
			}
			zf, ef, v := sentFeatures(z, e, opt.Lex.(Glosser))
			p := newPairTable(zf, ef, nil, 0, len(v.enTypes))
			for a := 1; a <= 4; a++ {
				for b := 1; b <= 5; b++ {
					for ii := 0; ii+a <= n; ii++ {
						for jj := 0; jj+b <= m; jj++ {
							sim, weak := p.simWeak(ii, a, jj, b)
							if sim > 1 || weak < 0 || p.simApprox(ii, a, jj, b) > 1 {
								t.Fatalf("bead %d+%d at %d,%d: similarity %v, weakness %v, approximated %v", a, b, ii, jj, sim, weak, p.simApprox(ii, a, jj, b))
							}
						}
					}
				}
			}
		}
	}
}

// indexOf is the place of x in s, or -1.
func indexOf(s []int32, x int32) int {
	for k, y := range s {
		if y == x {
			return k
		}
	}
	return -1
}

// appendUnique appends x to s unless s holds it.
func appendUnique(s []int32, x int32) []int32 {
	if indexOf(s, x) >= 0 {
		return s
	}
	return append(s, x)
}
