package checks

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
	"github.com/aligncheck/aligncheck/internal/testref"
)

// TestGlossRunSameAsRetokenized: glossRun, reading the English words the
// word alignment tokenized, finds for every candidate name of a document
// the run that tokenizing each sentence bead's English again
// (lang.EnTokens, lang.Keyword: the way it was done before, kept below as
// refGlossRun) finds: the same text, place and capitalisation, or none
// in both. The documents are the reference document's pairs and pairs
// written for the edges: possessives, hyphens, bridge words, Han and
// digits in the English, sentences in several blocks.
func TestGlossRunSameAsRetokenized(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	edges := [][2]string{
		{"澳门大学的澳门特区政府。习近平主席会见了澳门代表。", "The University of Macau's Macao SAR government. President Xi Jinping met Macau's delegates."},
		{"动态清零是中国的政策。美国国务卿布林肯访问中国。", "Dynamic zero-COVID is China's policy. U.S. Secretary of State Blinken visited China."},
		{"中华人民共和国外交部发言人表示，中国银行和美国银行。", "A spokesperson of the Ministry of Foreign Affairs of the People's Republic of China (中国) said: Bank of China and Bank of America, 2024."},
		{"香港特别行政区。\n\n香港和澳门。", "The Hong Kong Special Administrative Region.\n\nHong Kong and Macao."},
		{"北京大学、清华大学和复旦大学。国家安全委员会。", "Peking University, Tsinghua University and Fudan University. The National Security Council — the NSC — met."},
	}
	for _, set := range [][][2]string{pairs, edges} {
		p := pairsPass(t, set)
		doc, wd := p.Doc, words.Of(p.Align)
		lex := lexicon.Default()
		memo, g := newRefEnMemo(), newGlossFinder(lex, wd)
		views := pairViews(p)
		names := newNameScanner(lex)
		compared, found := 0, 0
		for vi, v := range views {
			names.nameCandidates(v, true, func(z string, blk *align.Block, start, end int) {
				memo.glosses(refGlossStems(lex, z))
				g.setTerm(z)
				// the candidate's own sentence, and that of a view
				// further on, where the term may well not be
				for _, w := range []*pairView{v, views[(vi*7+3)%len(views)]} {
					for sb := range w.Bead.Sents {
						if !w.both(sb) {
							continue
						}
						en1, pos1, caps1, ok1 := refGlossRun(w, sb, memo)
						en2, pos2, caps2, ok2 := glossRun(doc.En, wd.Pair(w.Index, sb), g)
						require.Equal(t, ok1, ok2, "%s in %q", z, w.text(textPos{Lang: align.En, Block: w.Bead.En[0], End: len(doc.En[w.Bead.En[0]].Text)}))
						require.Equal(t, en1, en2, z)
						require.Equal(t, pos1, pos2, z)
						require.Equal(t, caps1, caps2, z)
						compared++
						if ok1 {
							found++
						}
					}
				}
			})
		}
		require.Greater(t, found, 10, "too few runs found to compare")
		t.Logf("%d sentence beads compared, %d with a run", compared, found)
	}
}

// pairsDoc opens a two-file document of pairs (Chinese, English), one
// block each, from files written for it.
func pairsDoc(t testing.TB, pairs [][2]string) *align.Document {
	t.Helper()
	var zh, en []string
	for _, p := range pairs {
		zh, en = append(zh, p[0]), append(en, p[1])
	}
	dir := t.TempDir()
	zp, ep := dir+"/zh.txt", dir+"/en.txt"
	require.NoError(t, os.WriteFile(zp, []byte(strings.Join(zh, "\n\n")), 0o644))
	require.NoError(t, os.WriteFile(ep, []byte(strings.Join(en, "\n\n")), 0o644))
	doc, err := input.OpenPair(zp, ep, nil, input.Options{})
	require.NoError(t, err)
	return doc
}

// pairsPass aligns pairsDoc(pairs) and gives a consistency pass over it.
func pairsPass(t *testing.T, pairs [][2]string) *Pass {
	doc := pairsDoc(t, pairs)
	al := align.Align(doc, align.Options{Lex: lexicon.Default()})
	return &Pass{Check: Consistency, Doc: doc, Align: al, Settings: DefaultSettings(), facts: facts{}}
}

// refEnMemo remembers, within one learning of terms, the keys of renderings
// and the English of each sentence bead, tokenized: a document's
// sentences hold many candidate terms, each of which looks for its
// rendering in the English of the same sentence beads. A word is kept as
// its offsets and the number of its keyword (12 bytes; the tokens with
// their keywords as strings took 68, and were kept with the pair views
// after the learning): at 50,000 pairs the English words of every
// sentence are held at once.
type refEnMemo struct {
	keys map[string]string
	segs map[[2]int][]refEnSegment
	// ids numbers the keywords met and the gloss stems asked for;
	// stamp[id] == gen marks those of the gloss being looked for (glosses)
	ids   map[string]int32
	stamp []uint32
	gen   uint32
}

// refEnSegment is a segment of English text with its words (lang.EnTokens).
type refEnSegment struct {
	block int // the English block holding it
	words []refEnWord
}

// refEnWord is a word of an English segment: its byte offsets in the block,
// and the number of its keyword (lang.Keyword; -1 for a word that has
// none).
type refEnWord struct {
	start, end, id int32
}

func newRefEnMemo() *refEnMemo {
	return &refEnMemo{keys: map[string]string{}, segs: map[[2]int][]refEnSegment{}, ids: map[string]int32{}}
}

func (m *refEnMemo) id(k string) int32 {
	id, ok := m.ids[k]
	if !ok {
		id = int32(len(m.stamp))
		m.ids[k] = id
		m.stamp = append(m.stamp, 0)
	}
	return id
}

// glosses makes gloss the stems refGlossRun looks for: a keyword is one of
// them when its number's stamp is the current generation.
func (m *refEnMemo) glosses(gloss map[string]bool) {
	m.gen++
	if m.gen == 0 {
		clear(m.stamp)
		m.gen = 1
	}
	for k := range gloss {
		m.stamp[m.id(k)] = m.gen
	}
}

// isGloss reports whether word w is a keyword among the stems.
func (m *refEnMemo) isGloss(w refEnWord) bool {
	return w.id >= 0 && m.stamp[w.id] == m.gen
}

// key is enKey(s).
func (m *refEnMemo) key(s string) string {
	k, ok := m.keys[s]
	if !ok {
		k = enKey(s)
		m.keys[s] = k
	}
	return k
}

// segments are the English segments of sentence bead sb of v
// (pairView.segments) with their words.
func (m *refEnMemo) segments(v *pairView, sb int) []refEnSegment {
	at := [2]int{v.Index, sb}
	if es, ok := m.segs[at]; ok {
		return es
	}
	segs := v.segments(align.En, sb)
	es := make([]refEnSegment, len(segs))
	for k, seg := range segs {
		text := v.p.Doc.En[seg.Block].Text
		toks := lang.EnTokens(text[seg.Start:seg.End])
		ws := make([]refEnWord, len(toks))
		for n, t := range toks {
			s, e := seg.Start+t.Start, seg.Start+t.End
			ws[n] = refEnWord{int32(s), int32(e), -1}
			if kw, ok := lang.Keyword(text[s:e]); ok {
				ws[n].id = m.id(kw)
			}
		}
		es[k] = refEnSegment{seg.Block, ws}
	}
	m.segs[at] = es
	return es
}

// refGlossRun finds in the English of sentence bead sb the longest run of
// words whose stems are glosses of a term (function words may sit inside
// the run: "University of Macau"). It reports whether the run is
// capitalised (1), not (-1), or cannot tell (0, a single word opening a
// sentence). ok is false when there is no run or two runs tie.
//
// The stems are those last given to memo.glosses.
func refGlossRun(v *pairView, sb int, memo *refEnMemo) (string, textPos, int, bool) {
	type run struct {
		block      int
		start, end int // byte offsets in the block
		words      int
	}
	var buf [4]run
	best := buf[:0]
	segs := memo.segments(v, sb)
	for e := range segs {
		es := &segs[e]
		text, ws := v.p.Doc.En[es.block].Text, es.words
		for i := 0; i < len(ws); {
			if !memo.isGloss(ws[i]) {
				i++
				continue
			}
			j, last, n := i+1, i, 1
			for j < len(ws) {
				w2 := text[ws[j].start:ws[j].end]
				gap := text[ws[j-1].end:ws[j].start]
				if strings.TrimSpace(gap) != "" && gap != "-" {
					break
				}
				if memo.isGloss(ws[j]) {
					last, n = j, n+1
					j++
					continue
				}
				if ws[j].id < 0 && j-last <= 1 && bridgeWords[strings.ToLower(w2)] {
					j++ // "University of Macau"
					continue
				}
				break
			}
			r := run{block: es.block, start: int(ws[i].start), end: int(ws[last].end), words: n}
			if len(best) == 0 || n > best[0].words {
				best = append(best[:0], r)
			} else if n == best[0].words {
				best = append(best, r)
			}
			i = last + 1
		}
	}
	if len(best) == 0 {
		return "", textPos{}, 0, false
	}
	// ties only matter when they differ
	k0 := ""
	for i, r := range best {
		k := memo.key(v.p.Doc.En[r.block].Text[r.start:r.end])
		if i == 0 {
			k0 = k
		} else if k != k0 {
			return "", textPos{}, 0, false
		}
	}
	r := best[0]
	text := v.p.Doc.En[r.block].Text
	return text[r.start:r.end], textPos{Lang: align.En, Block: r.block, Start: r.start, End: r.end}, refCapsOf(text, r.start, r.end), true
}

// refGlossStems collects the gloss stems of a Chinese term and of the
// dictionary words of two characters or more inside it.
func refGlossStems(lex *lexicon.Lexicon, z string) map[string]bool {
	out := map[string]bool{}
	for _, id := range lex.Glosses(z) {
		out[lex.Word(id)] = true
	}
	rs := []rune(z)
	if len(rs) >= 3 {
		// the head of a compound: 部 "ministry, department" in 教育部
		for _, id := range lex.Glosses(string(rs[len(rs)-1])) {
			out[lex.Word(id)] = true
		}
	}
	for i := range rs {
		// words of two characters or more: single characters gloss too
		// freely (马 "horse" in 马克思主义)
		for j := i + 2; j <= len(rs) && j <= i+8; j++ {
			for _, id := range lex.Glosses(string(rs[i:j])) {
				out[lex.Word(id)] = true
			}
		}
	}
	return out
}

// refNameCandidates is nameCandidates as it was before its tokens were
// flagged once and simplified text went unconverted.
func refNameCandidates(v *pairView, lex *lexicon.Lexicon, f func(z string, blk *align.Block, start, end int)) {
	for _, blk := range v.blocks(align.Zh) {
		if blk.Kind == align.KindFurniture {
			continue
		}
		toks := lang.ZhTokens(blk.Text)
		for i := range toks {
			for j := i; j < len(toks) && j < i+3; j++ {
				if !allHan(toks[j].Text) || j > i && toks[j].Start != toks[j-1].End || zhEdgeStop[toks[i].Text] {
					break
				}
				if zhEdgeStop[toks[j].Text] {
					break // 党的二十: a phrase, not a name
				}
				t := blk.Text[toks[i].Start:toks[j].End]
				if utf8.RuneCountInString(t) < 2 || j == i && len(lex.Glosses(t)) == 0 {
					continue
				}
				f(lang.Simplify(t), blk, toks[i].Start, toks[j].End)
			}
		}
	}
}

// TestNameCandidatesAsBefore: the name scanner gives the candidates, in
// the same order, that it gave before, on the reference document and on a
// traditional-script one.
func TestNameCandidatesAsBefore(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	trad := [][2]string{
		{"總體國家安全觀是習近平主席提出的。澳門特別行政區和香港。", "The holistic approach to national security was put forward by President Xi Jinping. Macao and Hong Kong."},
		{"動態清零的政策，國家安全委員會的會議。", "The dynamic zero-COVID policy; the National Security Council's meeting."},
	}
	type cand struct {
		z          string
		block      int
		start, end int
	}
	for _, set := range [][][2]string{pairs, trad} {
		p := pairsPass(t, set)
		lex := lexicon.Default()
		var want, got []cand
		names := newNameScanner(lex)
		for _, v := range pairViews(p) {
			refNameCandidates(v, lex, func(z string, blk *align.Block, start, end int) {
				want = append(want, cand{z, blk.Index, start, end})
			})
			names.nameCandidates(v, true, func(z string, blk *align.Block, start, end int) {
				got = append(got, cand{z, blk.Index, start, end})
			})
		}
		require.NotEmpty(t, want)
		require.Equal(t, want, got)
	}
}

// refCapsOf is capsOf as it was, on the words of the text: are the content words of text[start:end] capitalised? A single
// word at a sentence start cannot tell.
func refCapsOf(text string, start, end int) int {
	sentStart := strings.TrimRight(text[:start], " \"“‘(")
	atStart := sentStart == "" || strings.HasSuffix(sentStart, ".") || strings.HasSuffix(sentStart, ":") ||
		strings.HasSuffix(sentStart, "?") || strings.HasSuffix(sentStart, "!")
	content, capsN := 0, 0
	for i, t := range lang.EnTokens(text[start:end]) {
		w := text[start+t.Start : start+t.End]
		if _, ok := lang.Keyword(w); !ok {
			continue
		}
		if i == 0 && atStart {
			continue
		}
		content++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capsN++
		}
	}
	switch {
	case content == 0:
		return 0
	case capsN == content:
		return 1
	}
	return -1
}

// TestIsGlossAsGlossed: the glossFinder's marks on spellings tell the
// same as a token's one gloss (words.Pair.Gloss) looked up among the
// term's gloss ids, and nextGloss finds the first token they mark, for every English token of the reference document's
// pairs and every candidate name of them, and for terms given one after
// another (the marks of the term before must not stay).
func TestIsGlossAsGlossed(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	p := pairsPass(t, pairs)
	wd := words.Of(p.Align)
	lex := lexicon.Default()
	g := newGlossFinder(lex, wd)
	require.Equal(t, wd.Spellings(), len(g.stamp))
	names := newNameScanner(lex)
	seen := map[string]bool{}
	var terms []string
	for _, v := range pairViews(p) {
		names.nameCandidates(v, true, func(z string, _ *align.Block, _, _ int) {
			if !seen[z] {
				seen[z] = true
				terms = append(terms, z)
			}
		})
	}
	require.Greater(t, len(terms), 50)
	yes, no := 0, 0
	for i, z := range terms {
		if i%16 != 0 {
			continue // the whole document for every term takes seconds
		}
		g.setTerm(z)
		ids := map[uint32]bool{}
		zhGlossIDs(lex, z, func(id uint32) { ids[id] = true })
		for k := range wd.Pairs {
			pr := &wd.Pairs[k]
			next := len(pr.En) // the first gloss from j on, as nextGloss finds it
			for j := len(pr.En) - 1; j >= 0; j-- {
				tok := pr.En[j]
				gl, ok := pr.Gloss(tok)
				want := tok.Kind() == words.Content && ok && ids[gl]
				require.Equal(t, want, g.isGloss(tok), "%s: %q", z, pr.Text(tok))
				if want {
					next = j
					yes++
				} else {
					no++
				}
				require.Equal(t, next, g.nextGloss(pr.En, j), "%s: %q", z, pr.Text(tok))
			}
			require.Equal(t, len(pr.En), g.nextGloss(pr.En, len(pr.En)))
		}
	}
	require.Greater(t, yes, 100, "too few glosses to compare")
	t.Logf("%d terms of %d, %d tokens a gloss, %d not", (len(terms)+15)/16, len(terms), yes, no)
}

// TestGlossedOfAsBinarySearch: glossedOf, which looks in the bucket of
// an id, gives the entries of the id a binary search of all of glossed
// gives, on random tables (ids dense and sparse, many spellings an id or
// one, none at all) and for ids in them, between them and beyond them.
func TestGlossedOfAsBinarySearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 18))
	for round := range 2000 {
		n := rng.IntN(300)
		if round%10 == 0 {
			n = 0
		}
		span := uint32(1 + rng.IntN(1<<(1+round%20)))
		glossed := make([]uint64, n)
		for i := range glossed {
			glossed[i] = uint64(rng.Uint32N(span))<<32 | uint64(rng.Uint32N(1000))
		}
		slices.Sort(glossed)
		g := &glossFinder{glossed: glossed}
		g.index()
		for range 200 {
			id := rng.Uint32N(span + 10)
			if n > 0 && rng.IntN(2) == 0 {
				id = uint32(glossed[rng.IntN(n)] >> 32)
			}
			k, _ := slices.BinarySearch(glossed, uint64(id)<<32)
			e := k
			for e < len(glossed) && uint32(glossed[e]>>32) == id {
				e++
			}
			want := glossed[k:e]
			if got := g.glossedOf(id); !slices.Equal(got, want) {
				t.Fatalf("glossedOf(%d) = %v, binary search %v (span %d, %d entries)", id, got, want, span, n)
			}
		}
	}
}
