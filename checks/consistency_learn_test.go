package checks

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
	"github.com/aligncheck/aligncheck/internal/cputime"
	"github.com/aligncheck/aligncheck/internal/testref"
)

// TestPartOfLongerTerm: partOfLongerTerm marks exactly the terms the
// pairwise definition does (a term of at least min occurrences held by a
// longer one as frequent), on random terms of a four-character alphabet
// (so that terms hold one another often) mixed with Latin and
// three-byte and four-byte characters.
func TestPartOfLongerTerm(t *testing.T) {
	alphabet := []string{"国", "家", "安", "全", "𠀋", "a"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		counts := map[string]int{}
		for k := 0; k < 1+rng.IntN(40); k++ {
			var b strings.Builder
			for n := 1 + rng.IntN(5); n > 0; n-- {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			counts[b.String()] = 1 + rng.IntN(5)
		}
		terms := make([]string, 0, len(counts))
		for z := range counts {
			terms = append(terms, z)
		}
		sort.Strings(terms)
		want := map[string]bool{}
		for _, z := range terms {
			if counts[z] < 3 {
				continue
			}
			for _, y := range terms {
				if counts[y] == counts[z] && len(y) > len(z) && strings.Contains(y, z) {
					want[z] = true
				}
			}
		}
		require.Equal(t, want, partOfLongerTerm(terms, counts, 3), "round %d: %v", round, counts)
	}
}

// BenchmarkLearnTerms: the consistency check's term learning on a
// two-file document of the reference document's pairs, rounds times over
// (a long document that keeps its terms: each recurs in every round).
// Compare cpu-s/op across the sizes too: it should grow about linearly.
func BenchmarkLearnTerms(b *testing.B) {
	require.NoError(b, lexicon.Load())
	pairs, err := testref.TextPairs()
	require.NoError(b, err)
	for _, rounds := range []int{4, 40} {
		var zh, en []string
		for r := 0; r < rounds; r++ {
			for _, p := range pairs {
				zh, en = append(zh, p[0]), append(en, p[1])
			}
		}
		dir := b.TempDir()
		zp, ep := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
		require.NoError(b, os.WriteFile(zp, []byte(strings.Join(zh, "\n\n")), 0o644))
		require.NoError(b, os.WriteFile(ep, []byte(strings.Join(en, "\n\n")), 0o644))
		doc, err := input.OpenPair(zp, ep, nil, input.Options{})
		require.NoError(b, err)
		al := align.Align(doc, align.Options{Lex: lexicon.Default()})
		wd := words.Of(al)
		b.Run(fmt.Sprint(len(zh)), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cputime.Process()
			for b.Loop() {
				p := &Pass{Check: Consistency, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}}
				learnTermsOnce(p, wd)
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// TestTermObsSize: a long document's term learning holds hundreds of
// thousands of observations at once; a field added to termObs costs
// megabytes there.
func TestTermObsSize(t *testing.T) {
	require.LessOrEqual(t, unsafe.Sizeof(termObs{}), uintptr(56))
}

// TestTermObsWrittenForms: an observation keeps no written forms but a
// quoted term's; the others are read back from its places, and are what
// its term and key were made from: the term is the Chinese as written,
// simplified, and the key the stems of the English.
func TestTermObsWrittenForms(t *testing.T) {
	require.NoError(t, lexicon.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	var zh, en []string
	for r := 0; r < 4; r++ {
		for _, p := range pairs {
			zh, en = append(zh, p[0]), append(en, p[1])
		}
	}
	doc, err := input.TwoFiles("zh.txt", strings.Join(zh, "\n\n"), "en.txt", strings.Join(en, "\n\n"))
	require.NoError(t, err)
	al := align.Align(doc, align.Options{Lex: lexicon.Default()})
	p := &Pass{Check: Consistency, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}}
	pools := learnTermsOnce(p, words.Of(al))
	for i, pool := range pools {
		require.NotEmpty(t, pool, "pool %d", i)
		for _, o := range pool {
			require.Equal(t, i == 0, o.quote != nil)
			if o.quote != nil {
				continue
			}
			require.Equal(t, o.zh, lang.Simplify(o.zhText()))
			require.Equal(t, o.key, enKey(o.enText()))
		}
	}
}

// TestNameCountsBound: the first pass of learnTermsOnce counts the
// candidates of nameCandidates without the gloss test, so that its count
// of a term is at least the places the second pass, with it, finds: the
// candidates with the test are those without it, in the same order, less
// single words the dictionary does not gloss.
func TestNameCountsBound(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	trad := [][2]string{{"總體國家安全觀是習近平主席提出的。澳門特別行政區和香港，呃呃咯咯。", "Macao and Hong Kong."}}
	type cand struct {
		z          string
		block      int
		start, end int
	}
	lex := lexicon.Default()
	extra := 0
	for _, set := range [][][2]string{pairs, trad} {
		p := pairsPass(t, set)
		names := newNameScanner(lex)
		var with, without []cand
		for _, v := range pairViews(p) {
			names.nameCandidates(v, true, func(z string, blk *align.Block, start, end int) {
				with = append(with, cand{z, blk.Index, start, end})
			})
			names.nameCandidates(v, false, func(z string, blk *align.Block, start, end int) {
				without = append(without, cand{z, blk.Index, start, end})
			})
		}
		require.NotEmpty(t, with)
		k := 0
		for _, c := range without {
			if k < len(with) && c == with[k] {
				k++
				continue
			}
			text := p.Doc.Zh[c.block].Text[c.start:c.end]
			extra++
			require.Empty(t, lex.Glosses(text), "%q left out", text)
			require.Len(t, lang.ZhTokens(text), 1, "%q left out", text)
		}
		require.Equal(t, len(with), k, "candidates with the gloss test missing without it")
	}
	require.Positive(t, extra, "no word left out by the gloss test")
}

// TestCannotBeName: cannotBeName holds exactly when every way the
// places left can turn out (each capitalised, not, or telling nothing)
// fails isName, but for a term with no place capitalised and none left
// (learnTermsOnce asks only while places are left). Exhaustive up to 12
// places.
func TestCannotBeName(t *testing.T) {
	const most = 12
	// fails: whether every outcome of left places fails isName
	var fails func(y, n, left int) bool
	fails = func(y, n, left int) bool {
		if left == 0 {
			return !isName(y, n)
		}
		return fails(y+1, n, left-1) && fails(y, n+1, left-1) && fails(y, n, left-1)
	}
	cut, tight := 0, 0
	for y := 0; y <= most; y++ {
		for n := 0; y+n <= most; n++ {
			for left := 0; y+n+left <= most; left++ {
				all := fails(y, n, left)
				if cannotBeName(y, n, left) {
					require.True(t, all, "yes %d, no %d, left %d", y, n, left)
					cut++
				} else if all && y+left > 0 {
					tight++ // sure to fail, yet weighed to the end
				}
			}
		}
	}
	require.Positive(t, cut)
	require.Zero(t, tight, "cannotBeName lets through terms that cannot be names")
}

// TestIsZhEdgeStop: isZhEdgeStop is zhEdgeStop's look-up.
func TestIsZhEdgeStop(t *testing.T) {
	for w := range zhEdgeStop {
		require.True(t, isZhEdgeStop(w), w)
	}
	for _, w := range []string{"", "a", "我", "们", "我们的", "国家", "的的", "中", "我们"} {
		require.Equal(t, zhEdgeStop[w], isZhEdgeStop(w), w)
	}
	// every rune, and every string of three bytes that starts as a
	// rune of three bytes does, valid or not
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if w := string(r); isZhEdgeStop(w) != zhEdgeStop[w] {
			t.Fatalf("%U: isZhEdgeStop %v", r, isZhEdgeStop(w))
		}
	}
	b := make([]byte, 3)
	// and a few other leads whose low bits are those of a Han lead
	for _, b0 := range []int{0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
		0x64, 0xc4, 0xd5, 0xf4, 0xf9} {
		for b1 := range 256 {
			for b2 := range 256 {
				b[0], b[1], b[2] = byte(b0), byte(b1), byte(b2)
				if isZhEdgeStop(string(b)) != zhEdgeStop[string(b)] {
					t.Fatalf("% x: isZhEdgeStop %v", b, isZhEdgeStop(string(b)))
				}
			}
		}
	}
}

// TestSentenceAtAsSearch: sentenceAt's binary search is sort.Search's, on
// random blocks of sentences and every offset.
func TestSentenceAtAsSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 2000; round++ {
		blk := &align.Block{}
		at := 0
		for n := rng.IntN(8); n > 0; n-- {
			at += rng.IntN(3) // gaps between sentences, or none
			end := at + 1 + rng.IntN(5)
			blk.Sents = append(blk.Sents, lang.Span{Start: at, End: end})
			at = end
		}
		for off := -1; off <= at+2; off++ {
			i := sort.Search(len(blk.Sents), func(i int) bool { return blk.Sents[i].End > off })
			if i == len(blk.Sents) {
				i--
			}
			if i > 0 && blk.Sents[i].Start > off {
				i--
			}
			require.Equal(t, i, sentenceAt(blk, off), "%v at %d", blk.Sents, off)
		}
	}
}

// TestZhGlossIDsAsBefore: zhGlossIDs gives the ids it gave when it made
// each word inside the term from its runes, in the same order, on random
// terms of Han characters, Latin letters and invalid bytes.
func TestZhGlossIDsAsBefore(t *testing.T) {
	require.NoError(t, lexicon.Load())
	lex := lexicon.Default()
	alphabet := []string{"国", "家", "安", "全", "部", "教", "育", "中", "华", "人", "民", "a", "\xe5", "\xff", "𠀋"}
	rng := rand.New(rand.NewPCG(13, 14))
	ids := 0
	for round := 0; round < 20000; round++ {
		var b strings.Builder
		for n := rng.IntN(10); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		z := b.String()
		var got, want []uint32
		zhGlossIDs(lex, z, func(id uint32) { got = append(got, id) })
		zhGlossIDsSlow(lex, z, func(id uint32) { want = append(want, id) })
		require.Equal(t, want, got, "%q", z)
		ids += len(got)
	}
	require.Greater(t, ids, 1000)
}

// TestLinkedCandidatesAsBefore: linkedCandidates gives the candidates it
// gave when it read each token's key for every run and placed every
// token, in the same order, on the reference document and the parallel
// documents of ../shared/data, each with the hash of its key; it gives
// the terms of known too (the caller leaves them out where it needs to),
// which it left out then.
func TestLinkedCandidatesAsBefore(t *testing.T) {
	type cand struct {
		pair, lo, hi int
		key          string
	}
	for _, p := range termDocs(t) {
		wd := words.Of(p.Align)
		byBead := viewsByBead(p, pairViews(p))
		for _, known := range []map[string]bool{{}, {"国家安全": true, "中国": true}} {
			var want []cand
			linkedCandidatesSlow(wd, byBead, known, func(k, lo, hi int, key []byte) { want = append(want, cand{k, lo, hi, string(key)}) })
			require.NotEmpty(t, want, p.Doc.Name)
			// without a record of joined words, then recording one, then
			// reading it (as learnLinkedTerms' second pass does)
			joined := &joinedWords{}
			for _, j := range []*joinedWords{nil, joined, joined} {
				var got []cand
				linkedCandidates(wd, byBead, j, func(k, lo, hi int, h uint64, s *linkedScan) {
					key := s.key(lo, hi)
					require.Equal(t, termHashMix(termHashOf(string(key))), h, "%q", key)
					if !known[string(key)] {
						got = append(got, cand{k, lo, hi, string(key)})
					}
				})
				require.Equal(t, want, got, p.Doc.Name)
			}
			require.True(t, joined.done)
		}
	}
}

// TestZhContentKeysHanAsText: a Chinese content word of the word
// alignment is all Han exactly when its key is, on the reference
// document and the parallel documents of ../shared/data; and, for every
// rune, a Han character simplified is Han, and a word character that is
// not Han makes no key of Han.
func TestZhContentKeysHanAsText(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if lang.IsHan(r) {
			require.True(t, allHan(lang.Simplify(s)), "%q", s)
		} else if k, ok := lang.Keyword(s); ok {
			require.False(t, allHan(k), "%q", s)
		}
	}
	han, other := 0, 0
	for _, p := range termDocs(t) {
		wd := words.Of(p.Align)
		for k := range wd.Pairs {
			pr := &wd.Pairs[k]
			for _, tok := range pr.Zh {
				if tok.Kind() != words.Content {
					continue
				}
				text := pr.Text(tok)
				require.Equal(t, allHan(text), allHan(pr.Key(tok)), "%q", text)
				if allHan(text) {
					han++
				} else {
					other++
				}
			}
		}
	}
	require.Positive(t, han)
	require.Positive(t, other)
}

// termDocs returns passes of the reference document's pairs and of each
// Chinese document of ../shared/data/parallel with its English, aligned.
func termDocs(t *testing.T) []*Pass {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	out := []*Pass{pairsPass(t, pairs)}
	zhs, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "parallel", "*", "*.zh.txt"))
	for _, zp := range zhs {
		ep := strings.TrimSuffix(zp, ".zh.txt") + ".en.txt"
		if _, err := os.Stat(ep); err != nil {
			continue
		}
		doc, err := input.OpenPair(zp, ep, nil, input.Options{})
		require.NoError(t, err)
		al := align.Align(doc, align.Options{Lex: lexicon.Default()})
		out = append(out, &Pass{Check: Consistency, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}})
	}
	return out
}

// zhGlossIDsSlow is zhGlossIDs as it was.
func zhGlossIDsSlow(lex *lexicon.Lexicon, z string, f func(uint32)) {
	for _, id := range lex.Glosses(z) {
		f(id)
	}
	rs := []rune(z)
	if len(rs) >= 3 {
		// the head of a compound: 部 "ministry, department" in 教育部
		for _, id := range lex.Glosses(string(rs[len(rs)-1])) {
			f(id)
		}
	}
	for i := range rs {
		// words of two characters or more: single characters gloss too
		// freely (马 "horse" in 马克思主义)
		for j := i + 2; j <= len(rs) && j <= i+8; j++ {
			for _, id := range lex.Glosses(string(rs[i:j])) {
				f(id)
			}
		}
	}
}

// linkedCandidatesSlow is linkedCandidates as it was.
func linkedCandidatesSlow(wd *words.Doc, byBead []*pairView, known map[string]bool, f func(pair, lo, hi int, key []byte)) {
	var key []byte
	// per token of a pair: whether it is all Han, and whether it begins
	// where the one before it ends (read once a token, not once a run)
	var han, joined []bool
	for k := range wd.Pairs {
		pr := &wd.Pairs[k]
		if len(pr.En) == 0 || byBead[pr.Bead] == nil {
			continue
		}
		han, joined = han[:0], joined[:0]
		prevEnd := -1
		for _, t := range pr.Zh {
			b, start, end := pr.Place(t)
			han = append(han, allHan(wd.Alignment.Doc.Zh[b].Text[start:end]))
			joined = append(joined, start == prevEnd)
			prevEnd = end
		}
		for lo := range pr.Zh {
			if pr.Zh[lo].Kind() != words.Content || !han[lo] {
				continue
			}
			key = key[:0]
			runes := 0
			for hi := lo + 1; hi <= len(pr.Zh) && hi-lo <= linkedMaxToks; hi++ {
				t := pr.Zh[hi-1]
				if t.Kind() == words.Punct || !han[hi-1] || hi-1 > lo && !joined[hi-1] {
					break
				}
				if t.Kind() != words.Content || zhEdgeStop[pr.Key(t)] {
					break // a term is content words only: 要完善 is not one
				}
				key = append(key, pr.Key(t)...)
				runes += utf8.RuneCountInString(pr.Key(t))
				if runes > linkedMaxRunes {
					break
				} else if runes < linkedMinRunes || known[string(key)] {
					continue
				}
				f(k, lo, hi, key)
			}
		}
	}
}

// TestTitleNearAsLoop: titleNear's rune test lets through every term the
// titles' loop finds a title for, on random text of title characters,
// other Han, Latin letters and invalid bytes around random terms.
func TestTitleNearAsLoop(t *testing.T) {
	alphabet := []string{"习", "近", "平", "主", "席", "总", "书", "记", "同", "志", "理", "长", "部", "生", "先", "a", "\xe5", "\xff", "𠀋"}
	for _, tt := range sourceTitles {
		alphabet = append(alphabet, tt)
	}
	rng := rand.New(rand.NewPCG(15, 16))
	word := func(max int) string {
		var b strings.Builder
		for n := rng.IntN(max + 1); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	found := 0
	for round := 0; round < 50000; round++ {
		term, after, before := word(3), word(2), word(2)
		want := ""
		for _, tt := range sourceTitles {
			if strings.HasSuffix(term, tt) || strings.HasPrefix(after, tt) || strings.HasSuffix(before, tt) {
				want = tt
				break
			}
		}
		if want != "" {
			found++
		}
		require.Equal(t, want, titleNear(term, after, before), "%q %q %q", before, term, after)
	}
	require.Greater(t, found, 1000)
}

// TestZhSentsAsSentBead: the table of zhSents gives every Chinese place
// of every view the pair of the sentence bead its view's sentBead gives,
// when that bead has both sides, and -1 otherwise, on random beads
// (sentence beads that leave sentences out, hold one twice, or more than
// manySents of them, where sentBead maps them; beads without a view) and
// on the reference document's pairs, aligned, whose word alignment's
// pairs are compared too.
func TestZhSentsAsSentBead(t *testing.T) {
	check := func(p *Pass) int {
		views := pairViews(p)
		sents := newZhSents(p, views)
		// the index of each bead's first pair, counted apart
		first := make([]int, len(p.Align.Beads)+1)
		for bi, b := range p.Align.Beads {
			first[bi+1] = first[bi] + len(b.Sents)
		}
		var wd *words.Doc
		if p.Doc.Zh[0].Text != strings.Repeat("x", len(p.Doc.Zh[0].Text)) {
			wd = words.Of(p.Align)
			require.Len(t, wd.Pairs, first[len(p.Align.Beads)])
		}
		n := 0
		for _, v := range views {
			for _, b := range v.Bead.Zh {
				blk := p.Doc.Zh[b]
				end := len(blk.Text)
				if k := len(blk.Sents); k > 0 {
					end = max(end, blk.Sents[k-1].End)
				}
				for off := 0; off <= end+1; off++ {
					sb := v.sentBead(textPos{Lang: align.Zh, Block: b, Start: off, End: off})
					want := -1
					if v.both(sb) {
						want = first[v.Index] + sb
					}
					got := sents.pairAt(b, off)
					require.Equal(t, want, got, "bead %d block %d offset %d", v.Index, b, off)
					if want >= 0 {
						if wd != nil {
							require.Same(t, wd.Pair(v.Index, sb), &wd.Pairs[got])
						}
						n++
					}
				}
			}
		}
		return n
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 300; round++ {
		doc := &align.Document{}
		al := &align.Alignment{Doc: doc}
		for len(doc.Zh) < 12 {
			bead := align.Bead{}
			for k := rng.IntN(3); k >= 0; k-- {
				blk := &align.Block{Lang: align.Zh, Index: len(doc.Zh)}
				at := 0
				for s := rng.IntN(2 * manySents / 3); s > 0; s-- {
					at += rng.IntN(2)
					end := at + 1 + rng.IntN(4)
					blk.Sents = append(blk.Sents, lang.Span{Start: at, End: end})
					at = end
				}
				blk.Text = strings.Repeat("x", at+rng.IntN(2))
				bead.Zh = append(bead.Zh, blk.Index)
				doc.Zh = append(doc.Zh, blk)
			}
			en := &align.Block{Lang: align.En, Index: len(doc.En), Text: "x"}
			doc.En = append(doc.En, en)
			bead.En = []int{en.Index}
			for s := rng.IntN(2 * manySents); s > 0; s-- {
				sb := align.SentBead{En: []align.SentRef{{Block: en.Index}}}
				for k := rng.IntN(3); k > 0; k-- {
					b := bead.Zh[rng.IntN(len(bead.Zh))]
					if n := len(doc.Zh[b].Sents); n > 0 {
						sb.Zh = append(sb.Zh, align.SentRef{Block: b, Sent: rng.IntN(n)})
					}
				}
				bead.Sents = append(bead.Sents, sb)
			}
			if rng.IntN(4) == 0 {
				bead.En = nil // no view, but pairs all the same
			}
			al.Beads = append(al.Beads, bead)
		}
		check(&Pass{Check: Consistency, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}})
	}
	require.NoError(t, lexicon.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	require.Positive(t, check(pairsPass(t, pairs)))
}

// TestNamePlacesAsBefore: namePlaces, which asks the dictionary once a
// name written as its simplified form, keeps the places that filtering
// nameCandidates (glossed) by the count kept, on the reference document,
// the parallel documents of ../shared/data and a document of
// traditional script (whose candidates are written otherwise than
// their simplified form), with the counts of the document and with
// counts that let every candidate through.
func TestNamePlacesAsBefore(t *testing.T) {
	passes := termDocs(t)
	passes = append(passes, pairsPass(t, [][2]string{
		{"總體國家安全觀是習近平主席提出的。澳門特別行政區和香港，呃呃咯咯。", "The holistic approach to national security was put forward by President Xi Jinping. Macao and Hong Kong."},
		{"國家安全，国家安全。澳門和澳门。香港香港香港。呃呃咯咯，呃呃咯咯。", "National security. Macao. Hong Kong."},
		// 學习 and 维護, written half in traditional characters, are not
		// in the dictionary; 学习 and 维护 are
		{"學习，学习，學习。学习，學习。维护和维護，维護和维护。", "Study. Safeguard."},
	}))
	lex := lexicon.Default()
	for _, p := range passes {
		views := pairViews(p)
		names := newNameScanner(lex)
		for _, times := range []int{1, 3} {
			counts := newRunCounts(1000)
			for _, v := range views {
				names.candidates(v, func(z string, _ *align.Block, _, _ int, _ bool) {
					for k := 0; k < times; k++ {
						counts.addString(z)
					}
				})
			}
			want := map[string][]zhOcc{}
			for _, v := range views {
				names.nameCandidates(v, true, func(z string, blk *align.Block, start, end int) {
					if counts.countString(z) >= 3 {
						want[z] = append(want[z], zhOcc{int32(blk.Index), int32(start), int32(end)})
					}
				})
			}
			keys, lists := namePlaces(views, names, counts)
			got := map[string][]zhOcc{}
			for i, z := range keys {
				got[z] = lists[i]
			}
			require.NotEmpty(t, want, p.Doc.Name)
			require.Equal(t, want, got, p.Doc.Name)
		}
	}
}

// TestPartOfLongerAsCounted: majorityBeside gives the count of the word
// beside more than half of a list's places whenever the words beside
// them, counted in a map (as partOfLonger did), hold one, so that
// partOfLonger answers as it did; on the lists of places of the linked
// candidates of the reference document and the parallel documents of
// ../shared/data, and on random lists of their runs.
func TestPartOfLongerAsCounted(t *testing.T) {
	counted := func(wd *words.Doc, list []linkedOcc, side int) map[string]int {
		m := map[string]int{}
		for _, occ := range list {
			pr, r := &wd.Pairs[occ.pair], occ.r()
			if side < 0 && r.Lo > 0 && pr.Zh[r.Lo-1].Kind() == words.Content {
				m[pr.Key(pr.Zh[r.Lo-1])]++
			}
			if side > 0 && r.Hi < len(pr.Zh) && pr.Zh[r.Hi].Kind() == words.Content {
				m[pr.Key(pr.Zh[r.Hi])]++
			}
		}
		return m
	}
	rng := rand.New(rand.NewPCG(9, 10))
	parts, majorities := 0, 0
	for _, p := range termDocs(t) {
		wd := words.Of(p.Align)
		byKey := map[string][]linkedOcc{}
		var all []linkedOcc
		linkedCandidates(wd, viewsByBead(p, pairViews(p)), nil, func(k, lo, hi int, _ uint64, s *linkedScan) {
			key := s.key(lo, hi)
			o := linkedOcc{int32(k), int32(lo), int32(hi)}
			byKey[string(key)] = append(byKey[string(key)], o)
			all = append(all, o)
		})
		lists := make([][]linkedOcc, 0, len(byKey))
		for _, l := range byKey {
			lists = append(lists, l)
		}
		for n := 0; n < 300 && len(all) > 0; n++ {
			// a few runs, drawn from a few pairs' neighbourhood so that
			// words beside them repeat
			var l []linkedOcc
			at := rng.IntN(len(all))
			for k := rng.IntN(9); k >= 0; k-- {
				l = append(l, all[min(len(all)-1, at+rng.IntN(6))])
			}
			lists = append(lists, l)
		}
		for _, l := range lists {
			want := false
			for _, side := range []int{-1, 1} {
				got := majorityBeside(wd, l, side)
				for _, n := range counted(wd, l, side) {
					if 2*n > len(l) {
						require.Equal(t, n, got)
						majorities++
					}
					if 2*n > len(l) && n >= linkedMinSents {
						want = true
					}
				}
			}
			require.Equal(t, want, partOfLonger(wd, l))
			if want {
				parts++
			}
		}
	}
	require.Positive(t, parts)
	require.Greater(t, majorities, parts)
}

// TestWordCounterpartAsLinks: wordCounterpart gives what Counterpart of
// the pair's word links (appendWordLinks, the links it made for every
// place before) and unlinkedWords of them give, for every range of up
// to six tokens of every pair of the reference document and the
// parallel documents of ../shared/data.
func TestWordCounterpartAsLinks(t *testing.T) {
	compared, found := 0, 0
	for _, p := range termDocs(t) {
		wd := words.Of(p.Align)
		for k := range wd.Pairs {
			pr := &wd.Pairs[k]
			links := appendWordLinks(nil, pr)
			for lo := range pr.Zh {
				for hi := lo + 1; hi <= len(pr.Zh) && hi-lo <= 6; hi++ {
					r := words.Range{Lo: lo, Hi: hi}
					wantEn, wantOK := pr.Counterpart(links, align.Zh, r)
					en, ok, unlinked := wordCounterpart(pr, r)
					require.Equal(t, wantOK, ok, "%s: pair %d, %v", p.Doc.Name, k, r)
					require.Equal(t, wantEn, en, "%s: pair %d, %v", p.Doc.Name, k, r)
					require.Equal(t, unlinkedWords(links, r), unlinked, "%s: pair %d, %v", p.Doc.Name, k, r)
					compared++
					if ok {
						found++
					}
				}
			}
		}
	}
	require.Greater(t, found, 1000)
	t.Logf("%d ranges compared, %d with a counterpart", compared, found)
}

// appendWordLinks appends to out the grow-diag-final links of a pair
// between words: a comma linked to the hyphen of "zero-COVID" does not
// make the term's rendering inconsistent.
func appendWordLinks(out []words.Link, pr *words.Pair) []words.Link {
	for _, l := range pr.GDF {
		if pr.Zh[l.Zh].Kind() != words.Punct && pr.En[l.En].Kind() != words.Punct {
			out = append(out, l)
		}
	}
	return out
}

// unlinkedWords counts the words of the run without a link. A rendering
// of part of a term ("apply" for 申請特約) is not a rendering of the term;
// but one word left unlinked is often the aligner's miss (中国 in "a
// peaceful and safe country" for 平安中国): such a place counts towards its
// rendering and is not reported.
func unlinkedWords(links []words.Link, r words.Range) int {
	unlinked := 0
	for k := r.Lo; k < r.Hi; k++ {
		linked := false
		for _, l := range links {
			if int(l.Zh) == k {
				linked = true
				break
			}
		}
		if !linked {
			unlinked++
		}
	}
	return unlinked
}

// nameCandidates calls f with each candidate name of v's Chinese
// (nameScanner.candidates), leaving out, when glossed, a single word the
// dictionary does not gloss: the two readings term learning makes, for
// the tests that compare with them.
func (s *nameScanner) nameCandidates(v *pairView, glossed bool, f func(z string, blk *align.Block, start, end int)) {
	s.candidates(v, func(z string, blk *align.Block, start, end int, word bool) {
		if !glossed || !word || s.glossed(blk, start, end) {
			f(z, blk, start, end)
		}
	})
}

// TestHashIndexAsMap: a hashIndex numbers strings as a map from each to
// the count of strings before it did, finding each by its own hash, by
// a hash that many strings share (every probe past the first), and as
// bytes; on random strings, many of them repeated.
func TestHashIndexAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 4))
	rc := newRunCounts(0)
	for _, hashOf := range []func(string) uint64{
		rc.hashString,
		func(s string) uint64 { return uint64(len(s) % 3) }, // collisions
	} {
		// with no room made, and room for fewer keys than are added
		// and for more
		for _, room := range []int{0, 10, 10000} {
			testHashIndexAsMap(t, rng, hashOf, room)
		}
	}
}

func testHashIndexAsMap(t *testing.T, rng *rand.Rand, hashOf func(string) uint64, room int) {
	{
		var x hashIndex
		x.reserve(room)
		want := map[string]int32{}
		for range 5000 {
			b := make([]byte, rng.IntN(6))
			for k := range b {
				b[k] = "ab国c"[rng.IntN(4)]
			}
			s := string(b)
			h := hashOf(s)
			i, ok := x.find(h, s)
			j, okBytes := x.findBytes(h, b)
			w, okWant := want[s]
			require.Equal(t, okWant, ok, "%q", s)
			require.Equal(t, okWant, okBytes, "%q", s)
			if !okWant {
				w = int32(len(want))
				want[s] = w
				i = x.add(h, s)
				j = i
			}
			require.Equal(t, w, i, "%q", s)
			require.Equal(t, w, j, "%q", s)
			require.Equal(t, s, x.keys[i])
		}
		require.Len(t, x.keys, len(want))
	}
}

// TestThreeOrMore: threeOrMore counts the counters at 3 or more, as a
// loop over them does, on random counters of every value.
func TestThreeOrMore(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 3))
	for _, n := range []int{0, 1, 100, 5000} {
		rc := newRunCounts(n)
		for range 50 {
			for k := range rc.c {
				rc.c[k] = uint8(rng.IntN(256))
				if rng.IntN(2) == 0 {
					rc.c[k] = uint8(rng.IntN(5))
				}
			}
			want := 0
			for _, c := range rc.c {
				if c >= 3 {
					want++
				}
			}
			require.Equal(t, want, rc.threeOrMore())
			// and past a length of whole words
			rc.c = rc.c[:len(rc.c)-3]
			want = 0
			for _, c := range rc.c {
				if c >= 3 {
					want++
				}
			}
			require.Equal(t, want, rc.threeOrMore())
			rc.c = rc.c[:len(rc.c)+3]
		}
	}
}

// TestTermHashOfParts: the hash of a key made from the hashes of its
// parts, as linkedCandidates makes it, is that of the whole key however
// it is cut, on random keys of Han characters (of three and four bytes)
// and other bytes.
func TestTermHashOfParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 18))
	pieces := []string{"国", "家", "安", "全", "𠀀", "a", "\xff", ""}
	for range 20000 {
		var parts []string
		whole := ""
		for n := rng.IntN(5); n >= 0; n-- {
			var b strings.Builder
			for m := rng.IntN(3); m >= 0; m-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			parts = append(parts, b.String())
			whole += b.String()
		}
		if len(whole) >= len(termHashPow) {
			continue
		}
		var h uint64
		for _, w := range parts {
			h = h*termHashPow[len(w)] + termHashOf(w)
		}
		require.Equal(t, termHashOf(whole), h, "%q", parts)
	}
	require.NotEqual(t, termHashOf("国家"), termHashOf("家国"))
}

// TestLinkedScanKey: linkedScan.key gives the keys of the tokens of a run
// joined, asked in any order: runs of one start longer and shorter, the
// same run again, and runs of other starts, as a pair's tokens are
// replaced by the next pair's; on the sentence pairs of the reference
// document.
func TestLinkedScanKey(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	wd := words.Of(pairsPass(t, pairs).Align)
	rng := rand.New(rand.NewPCG(8, 19))
	s := &linkedScan{}
	asked := 0
	for k := range wd.Pairs {
		pr := &wd.Pairs[k]
		if len(pr.Zh) == 0 {
			continue
		}
		s.ws, s.pr, s.lo = make([]tokWord, len(pr.Zh)), pr, -1
		for range 20 {
			lo := rng.IntN(len(pr.Zh))
			hi := lo + 1 + rng.IntN(min(len(pr.Zh)-lo, 5))
			want := ""
			for _, tok := range pr.Zh[lo:hi] {
				want += pr.Key(tok)
			}
			require.Equal(t, want, string(s.key(lo, hi)), "pair %d [%d, %d)", k, lo, hi)
			asked++
		}
	}
	require.Greater(t, asked, 1000)
}

// TestCountFields: countFields is len(strings.Fields), on every rune
// between words and random texts of words, spaces of every kind and
// broken bytes.
func TestCountFields(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "secur " + string(r) + "a" + string(r)
		require.Equal(t, len(strings.Fields(s)), countFields(s), "%q", s)
	}
	pieces := []string{"china", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u3000", "\u2009", "国", "\xff", "\xc2", "a"}
	rng := rand.New(rand.NewPCG(31, 32))
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(10); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		require.Equal(t, len(strings.Fields(s)), countFields(s), "%q", s)
	}
}

// TestFirstRuneLen: firstRuneLen is the length utf8.DecodeRuneInString
// gives of every rune, alone and followed by another.
func TestFirstRuneLen(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), string(r) + "中"} {
			if _, n := utf8.DecodeRuneInString(s); firstRuneLen(s) != n {
				t.Fatalf("firstRuneLen(%q) = %d, want %d", s, firstRuneLen(s), n)
			}
		}
	}
}

// TestContainsWordsAsFields: containsWords and sameWords, which read the
// words one at a time or count them first, answer as they did with the
// fields of strings.Fields, on random texts of words, spaces of every
// kind and broken bytes; lang.NextField gives the fields strings.Fields does.
func TestContainsWordsAsFields(t *testing.T) {
	containsFields := func(a, b string) bool {
		aw, bw := strings.Fields(a), strings.Fields(b)
		if len(bw) == 0 {
			return false
		}
		i := 0
		for _, w := range aw {
			if i < len(bw) && w == bw[i] {
				i++
			}
		}
		return i == len(bw)
	}
	sameFields := func(a, b string) bool {
		wa, wb := strings.Fields(a), strings.Fields(b)
		if len(wa) != len(wb) || len(wa) < 2 {
			return false
		}
		sort.Strings(wa)
		sort.Strings(wb)
		return slices.Equal(wa, wb)
	}
	pieces := []string{"china", "sea", "china", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u3000", "\u2009", "国", "\xff", "\xc2", "a"}
	rng := rand.New(rand.NewPCG(33, 34))
	text := func() string {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	contains, same := 0, 0
	for range 50000 {
		a, b := text(), text()
		if rng.IntN(4) == 0 {
			// a's words in another order, or some of them
			w := strings.Fields(a)
			rng.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
			b = strings.Join(w[:rng.IntN(len(w)+1)], pieces[3+rng.IntN(8)])
		}
		require.Equal(t, containsFields(a, b), containsWords(a, b), "%q, %q", a, b)
		require.Equal(t, sameFields(a, b), sameWords(a, b), "%q, %q", a, b)
		if containsFields(a, b) {
			contains++
		}
		if sameFields(a, b) {
			same++
		}
		got := []string{}
		for rest := a; ; {
			var f string
			if f, rest = lang.NextField(rest); f == "" {
				break
			}
			got = append(got, f)
		}
		require.Equal(t, strings.Fields(a), got, "%q", a)
	}
	// both answers are met often
	require.Greater(t, contains, 1000)
	require.Greater(t, same, 100)
}
