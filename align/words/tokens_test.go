package words

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

// tokenized gives the tokens of one Chinese or English text with their
// types' kinds and glosses, as link sets them.
// tokenized aligns one pair of texts and returns it.
func tokenized(t *testing.T, zh, en string) *Pair {
	t.Helper()
	lex := lexicon.Default()
	pairs := AlignTexts(lex, [][2]string{{zh, en}}, Options{})
	require.Len(t, pairs, 1)
	return &pairs[0]
}

// show renders tokens of p as "text/kind/key", space separated.
func show(p *Pair, toks []Token) string {
	parts := make([]string, len(toks))
	for k, t := range toks {
		parts[k] = p.Text(t) + "/" + t.Kind().String()[:1] + "/" + p.Key(t)
	}
	return strings.Join(parts, " ")
}

func TestZhTokens(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"longest headwords first", "印度尼西亚外交部发表新闻公报",
			"印度尼西亚/c/印度尼西亚 外交部/c/外交部 发表/c/发表 新闻/c/新闻 公报/c/公报"},
		{"function words", "我们的合作",
			"我们/f/我们 的/f/的 合作/c/合作"},
		{"punctuation folded to classes, 、 a comma", "甲、乙，丙。“丁”（戊）",
			"甲/c/甲 、/p/, 乙/c/乙 ，/p/, 丙/c/丙 。/p/. “/p/\" 丁/c/丁 ”/p/\" （/p/( 戊/c/戊 ）/p/)"},
		{"Latin and digits as in English", "COVID-19疫情增长3.5%",
			"COVID/c/covid -/p/- 19/c/19 疫情/c/疫情 增长/c/增长 3.5/c/3.5 %/p/%"},
		{"a run of one mark is one token", "等等……——",
			"等等/c/等等 ……/p/… ——/p/-"},
		{"traditional characters, keyed simplified", "國家安全",
			"國家安全/c/国家安全"},
		{"spaces dropped", "中国 \u3000美国",
			"中国/c/中国 美国/c/美国"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tokenized(t, tc.text, "x")
			assert.Equal(t, tc.want, show(p, p.Zh))
			for _, tk := range p.Zh {
				_, start, end := p.Place(tk)
				assert.Equal(t, p.Text(tk), tc.text[start:end])
			}
		})
	}
}

func TestEnTokens(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"stems and function words", "The policies were reiterated",
			"The/f/_the policies/c/polici were/f/_were reiterated/c/reiter"},
		{"possessive and hyphen", "China's zero-COVID policy",
			"China/c/china 's/f/_'s zero/c/zero -/p/- COVID/c/covid policy/c/polici"},
		{"numbers and acronyms", "1,000 people in the U.S. (3.5%)",
			"1,000/c/1000 people/c/peopl in/f/_in the/f/_the U.S./c/us (/p/( 3.5/c/3.5 %/p/% )/p/)"},
		{"ellipsis, quotes, dashes", `wait... "no" — yes`,
			`wait/c/wait .../p/… "/p/" no/f/_no "/p/" —/p/- yes/f/_yes`},
		{"curly possessive", "people’s", "people/c/peopl ’s/f/_'s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tokenized(t, "中", tc.text)
			assert.Equal(t, tc.want, show(p, p.En))
			for _, tk := range p.En {
				_, start, end := p.Place(tk)
				assert.Equal(t, p.Text(tk), tc.text[start:end])
			}
		})
	}
}

// TestGlosses: a Chinese word has its CC-CEDICT glosses, and a word of
// three or more characters those of the headwords inside it too; an
// English content word the id of its stem, which is how the two meet.
func TestGlosses(t *testing.T) {
	lex := lexicon.Default()
	p := tokenized(t, "动态清零", "dynamic zero-COVID clearing")
	require.Len(t, p.Zh, 1)
	words := map[string]bool{}
	for _, id := range p.Glosses(p.Zh[0]) {
		words[lex.Word(id)] = true
	}
	for _, w := range []string{"dynam", "zero", "covid", "clear"} {
		assert.True(t, words[w], "gloss %q of 动态清零 (own or of 动态, 清零)", w)
	}
	for _, tk := range p.En {
		if tk.Kind() == Content {
			require.Len(t, p.Glosses(tk), 1, p.Text(tk))
			assert.Equal(t, p.Key(tk), lex.Word(p.Glosses(tk)[0]))
		}
	}
}

// TestGloss: a token's only gloss, kept with its spelling, is what its
// type's glosses hold when they hold one, and there is none when they
// hold none or several; for every token of the reference document, whose
// words have from none to dozens of glosses.
func TestGloss(t *testing.T) {
	d := Align(windowRef(t), lexicon.Default(), Options{})
	seen := map[int]int{} // tokens by the number of their glosses, up to 2
	for k := range d.Pairs {
		p := &d.Pairs[k]
		for _, tk := range append(slices.Clip(p.Zh), p.En...) {
			gl := p.Glosses(tk)
			g, ok := p.Gloss(tk)
			seen[min(len(gl), 2)]++
			if len(gl) == 1 {
				require.True(t, ok, p.Text(tk))
				require.Equal(t, gl[0], g, p.Text(tk))
			} else {
				require.False(t, ok, p.Text(tk))
			}
		}
	}
	for n := range 3 {
		assert.Greater(t, seen[n], 100, "tokens with %d glosses (2: or more)", n)
	}
}

// TestTokenSize: a document of 50,000 paragraph pairs holds five million
// tokens at once (the checks read them after the word alignment), so a
// field added to Token costs tens of megabytes there; the type's key and
// glosses are shared through its type, the text is the block's. A link
// is kept while the checks run too.
func TestTokenSize(t *testing.T) {
	assert.Equal(t, uintptr(8), unsafe.Sizeof(Token{}))
	assert.Equal(t, uintptr(8), unsafe.Sizeof(Link{}))
}

// TestTokenFields: what a token packs, and what its spelling holds, comes
// back out: tokens of one type and one length share a spelling, another
// length makes another, and the first of each type is found without the
// table of the others.
func TestTokenFields(t *testing.T) {
	v := &vocab{other: map[uint64]uint32{}}
	a, b := v.add(tokType{key: "a"}), v.add(tokType{key: "b"})
	type made struct {
		ty    int32
		kind  Kind
		start int
		n     int
	}
	var toks []Token
	var want []made
	for k, m := range []made{
		{a, Content, 0, 3}, {a, Function, 5, 3}, {b, Punct, 9, 1}, {a, Content, 12, 6},
		{a, Content, math.MaxUint32 - 7, 6}, {b, Punct, math.MaxUint32 - 1, 1}, {b, Function, 20, 3},
	} {
		tk := v.token(m.ty, m.kind, m.start, m.start+m.n)
		toks, want = append(toks, tk), append(want, m)
		for i, tk := range toks {
			w := want[i]
			assert.Equal(t, w, made{v.ty(tk), tk.Kind(), int(tk.start), v.len(tk)}, "token %d after %d made", i, k+1)
		}
	}
	assert.Len(t, v.spells, 4, "a 3, b 1, a 6, b 3")
	assert.Len(t, v.other, 2, "a 6, b 3")
	assert.Equal(t, toks[0].spell(), toks[1].spell())
	assert.Equal(t, toks[3].spell(), toks[4].spell())
	assert.Panics(t, func() { fits(math.MaxUint32 + 1) })
	assert.NotPanics(t, func() { fits(math.MaxUint32) })
}

// TestBlockAt: the block of an offset, found near it, is the one a binary
// search over all the blocks finds (the last that begins at or before
// it), for blocks of random lengths, empty ones among them.
func TestBlockAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 100 {
		n := 1 + rng.IntN(60)
		texts := make([]string, n)
		for b := range texts {
			switch rng.IntN(4) {
			case 0: // empty
			case 1:
				texts[b] = strings.Repeat("x", 1+rng.IntN(3))
			default:
				texts[b] = strings.Repeat("x", 1+rng.IntN(600))
			}
		}
		if round%5 == 0 {
			// a run of empty blocks longer than blocks.at steps over
			at := rng.IntN(n + 1)
			texts = slices.Insert(texts, at, make([]string, nearSteps+1+rng.IntN(20))...)
			n = len(texts)
		}
		v := newVocab(nil, n, n, func(_ align.Lang, b int) string { return texts[b] })
		base := v.blocks[align.Zh].base
		for off := uint32(0); off < base[n]; off++ {
			i, _ := slices.BinarySearch(base, off+1)
			b, at := v.blocks[align.Zh].at(off)
			require.Equal(t, i-1, int(b), "round %d: offset %d of %v", round, off, base)
			require.Equal(t, base[b], at, "round %d: offset %d of %v", round, off, base)
		}
	}
}

// TestEnWordsFound: English words whose type is found by their spelling
// (vocab.enWords, from the second time on) have the key and kind enKey
// gives them, as the first has; across texts, in any case and stem.
func TestEnWordsFound(t *testing.T) {
	words := []string{"The", "the", "THE", "running", "runs", "run", "COVID", "2022", "of", "Of", "policies", "policy", "U.S.", "it", "It's"}
	rng := rand.New(rand.NewPCG(18, 7))
	var texts [][2]string
	for range 20 {
		var sb strings.Builder
		for range 30 {
			sb.WriteString(words[rng.IntN(len(words))])
			sb.WriteString(" ")
		}
		texts = append(texts, [2]string{"政策", sb.String()})
	}
	pairs := AlignTexts(lexicon.Default(), texts, Options{})
	n := 0
	for k := range pairs {
		p := &pairs[k]
		for _, tok := range p.En {
			if tok.Kind() == Punct {
				continue
			}
			text := p.Text(tok)
			if strings.HasPrefix(text, "'") {
				continue // the possessive's s, cut apart from its word
			}
			key, kind := enKey(text)
			require.Equal(t, key, p.Key(tok), "%q", text)
			require.Equal(t, kind, tok.Kind(), "%q", text)
			n++
		}
	}
	assert.Greater(t, n, 500)
}

// TestHanRunsRemembered: Chinese texts tokenized with the words of the
// runs of Han characters met before (vocab.hanRuns), with the first few
// runs only, and with none, give the same tokens, types and spellings:
// texts drawn from a few clauses, in simplified and traditional
// characters, with Latin words, numbers and punctuation between.
func TestHanRunsRemembered(t *testing.T) {
	defer func(n int) { maxHanRuns = n }(maxHanRuns)
	lex := lexicon.Default()
	parts := []string{"动态清零政策", "國家安全", "国家安全", "我们的", "经济发展和社会稳定", "中华人民共和国", "一", "的",
		"，", "。", "、", "（COVID-19）", " 2022年", "3.5%", "“", "”", "U.S.", "現代化", "现代化"}
	rng := rand.New(rand.NewPCG(18, 11))
	texts := make([]string, 200)
	for k := range texts {
		var sb strings.Builder
		for range 1 + rng.IntN(12) {
			sb.WriteString(parts[rng.IntN(len(parts))])
		}
		texts[k] = sb.String()
	}
	tokenizeAll := func(most int) (*vocab, [][]Token) {
		maxHanRuns = most
		v := newVocab(lex, len(texts), len(texts), func(_ align.Lang, b int) string { return texts[b] })
		toks := make([][]Token, len(texts))
		for k, text := range texts {
			toks[k] = zhTokens(v, text, v.offset(align.Zh, k), nil)
		}
		return v, toks
	}
	vNone, want := tokenizeAll(0)
	require.Empty(t, vNone.hanRuns)
	for _, most := range []int{3, 1 << 15} {
		v, got := tokenizeAll(most)
		if most == 3 {
			require.Len(t, v.hanRuns, 3)
		} else {
			// the runs recur: fewer are remembered than were met
			require.Less(t, len(v.hanRuns), hanRunCount(texts)/2)
		}
		require.Equal(t, want, got, "at most %d runs", most)
		require.Equal(t, vNone.types, v.types, "at most %d runs", most)
		require.Equal(t, vNone.spells, v.spells, "at most %d runs", most)
	}
}

// hanRunCount counts the runs of Han characters of texts.
func hanRunCount(texts []string) int {
	n := 0
	for _, text := range texts {
		in := false
		for _, r := range text {
			han := lang.IsHan(r)
			if han && !in {
				n++
			}
			in = han
		}
	}
	return n
}
