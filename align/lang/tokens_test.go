package lang

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/lang/internal/zhdict"
)

// tinyDict is a test dictionary small enough to load instantly.
const tinyDict = `#count 12
#t2s 國国體体現现們们進进
推进 500
国家 8000
安全 9000
体系 700
和 50000
能力 900
现代化 300
现代 800
化 400
我们 20000
研究 3000
研究生 200
`

func tiny(t testing.TB) *segmenter {
	t.Helper()
	s, err := loadDict(tinyDict)
	require.NoError(t, err)
	return s
}

func words(toks []Token) []string {
	out := make([]string, len(toks))
	for i, tk := range toks {
		out[i] = tk.Text
	}
	return out
}

func TestTinyTokens(t *testing.T) {
	s := tiny(t)
	tests := []struct {
		in   string
		want []string
	}{
		{"推进国家安全体系和能力现代化", []string{"推进", "国家", "安全", "体系", "和", "能力", "现代化"}},
		{"推進國家安全體系和能力現代化", []string{"推進", "國家", "安全", "體系", "和", "能力", "現代化"}},
		{"我們，COVID-19 和 3.5%、1,000人", []string{"我們", "COVID", "19", "和", "3.5", "1,000", "人"}},
		{"ＡＢＣ国家", []string{"ＡＢＣ", "国家"}},
		{"", nil},
		{"。，！", nil},
	}
	for _, tt := range tests {
		toks := s.tokens(tt.in)
		if tt.want == nil {
			assert.Empty(t, toks, tt.in)
			continue
		}
		assert.Equal(t, tt.want, words(toks), tt.in)
		for _, tk := range toks {
			assert.Equal(t, tk.Text, tt.in[tk.Start:tk.End])
		}
	}
}

func TestLoadDictErrors(t *testing.T) {
	for name, dict := range map[string]string{
		"empty":     "",
		"bad count": "#count x\n国家 3\n",
		"count":     "#count 3\n国家 3\n",
		"no freq":   "国家\n",
		"bad freq":  "国家 abc\n",
		"zero freq": "国家 0\n",
		"odd table": "#t2s 國\n国家 3\n",
	} {
		_, err := loadDict(dict)
		assert.Error(t, err, name)
	}
	good, err := zhdict.Parse(tinyDict)
	require.NoError(t, err)
	bin := zhdict.Encode(good)
	_, err = loadBin(bin)
	require.NoError(t, err)
	for name, data := range map[string][]byte{
		"empty":     nil,
		"text":      []byte(tinyDict),
		"truncated": bin[:len(bin)-8],
		"version":   bytes.Replace(bin, []byte("zhdict 1"), []byte("zhdict 2"), 1),
	} {
		_, err := loadBin(data)
		assert.Error(t, err, name)
	}
}

// TestEmbeddedBinary checks that the embedded dictionary is zhdict.txt.gz
// converted (go generate keeps them in step) and sound.
func TestEmbeddedBinary(t *testing.T) {
	d, err := zhdict.Decode(zhDictBin)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	text, err := os.ReadFile("zhdict.txt.gz")
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(text))
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	fromText, err := zhdict.Parse(string(plain))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(zhdict.Encode(fromText), zhDictBin), "zhdict.bin is stale: run go generate")
}

// TestToSimpByteLengths covers a conversion that changes the UTF-8 length.
func TestToSimpByteLengths(t *testing.T) {
	s, err := loadDict("#t2s 𠁅a\n国家 3\n")
	require.NoError(t, err)
	toks := s.tokens("国𠁅家")
	for _, tk := range toks {
		assert.Equal(t, tk.Text, "国𠁅家"[tk.Start:tk.End])
	}
	assert.Equal(t, "国𠁅家", joinTokens(toks))
}

func joinTokens(toks []Token) string {
	var b bytes.Buffer
	for _, tk := range toks {
		b.WriteString(tk.Text)
	}
	return b.String()
}

// TestEmbeddedDictionary is the integration test with the real dictionary.
func TestEmbeddedDictionary(t *testing.T) {
	start := time.Now()
	require.NoError(t, Load())
	t.Logf("loaded %d words in %v", len(defaultSeg.dict.Dist), time.Since(start))
	assert.Greater(t, len(defaultSeg.dict.Dist), 50000)
	assert.Greater(t, defaultSeg.t2s.size(), 2000)
	tests := []struct {
		in   string
		want []string
	}{
		{"推进国家安全体系和能力现代化", []string{"推进", "国家", "安全", "体系", "和", "能力", "现代化"}},
		{"推進國家安全體系和能力現代化", []string{"推進", "國家", "安全", "體系", "和", "能力", "現代化"}},
		{"乾淨的衣服", []string{"乾淨", "的", "衣服"}},
		{"後來發生了甚麼事情", []string{"後來", "發生", "了", "甚麼", "事情"}},
		{"到2035年基本实现", []string{"到", "2035", "年", "基本", "实现"}},
		{"中华人民共和国", []string{"中华人民共和国"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, words(ZhTokens(tt.in)), tt.in)
	}
	// Loading again is a no-op; UseDictionary is refused once loaded.
	require.NoError(t, Load())
	assert.Error(t, UseDictionary(tinyDict))
}

func TestZhTokensConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				toks := ZhTokens("坚持总体国家安全观，推進國家安全體系和能力現代化。")
				if len(toks) < 5 {
					t.Errorf("got %d tokens", len(toks))
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestEnTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hello, World!", []string{"hello", "world"}},
		{"China's zero-COVID policy", []string{"china", "zero", "covid", "policy"}},
		{"don't stop; it's fine", []string{"don't", "stop", "it's", "fine"}},
		{"the students' books", []string{"the", "students", "books"}},
		{"o’clock and rock’n’roll", []string{"o’clock", "and", "rock’n’roll"}},
		{"It grew 3.5% to 1,000,000 in 2035.", []string{"it", "grew", "3.5", "to", "1,000,000", "in", "2035"}},
		{"The U.S. and the U.K., e.g. both", []string{"the", "u.s.", "and", "the", "u.k.", "e.g.", "both"}},
		{"COVID-19 vaccines", []string{"covid", "19", "vaccines"}},
		{"Article 3. End", []string{"article", "3", "end"}},
		{"naïve café", []string{"naïve", "café"}},
		{"混合 text", []string{"text"}},
		{"", nil},
	}
	for _, tt := range tests {
		toks := EnTokens(tt.in)
		if tt.want == nil {
			assert.Empty(t, toks)
			continue
		}
		assert.Equal(t, tt.want, words(toks), tt.in)
		for _, tk := range toks {
			assert.Equal(t, tk.Text, lower(tt.in[tk.Start:tk.End]), tt.in)
		}
	}
}

func lower(s string) string { return string(bytes.ToLower([]byte(s))) }

func TestKeyword(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Security", "secur", true},
		{"security", "secur", true},
		{"countries", "countri", true},
		{"the", "", false},
		{"US", "us", true},
		{"us", "", false},
		{"U.S.", "us", true},
		{"WHO", "who", true},
		{"NGOs", "ngos", true},
		{"1,000", "1000", true},
		{"3.5", "3.5", true},
		{"2035", "2035", true},
		{"'", "", false},
	}
	for _, tt := range tests {
		got, ok := Keyword(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestStemAndStopwords(t *testing.T) {
	assert.Equal(t, "modern", Stem("modernizing"))
	assert.Equal(t, "nation", Stem("national"))
	assert.Equal(t, Stem("secure"), Stem("security"))
	for _, w := range []string{"the", "of", "and", "we", "is", "don't", "it’s"} {
		assert.True(t, IsStopword(w), w)
	}
	for _, w := range []string{"security", "china", "state", "party"} {
		assert.False(t, IsStopword(w), w)
	}
}

func BenchmarkZhTokens(b *testing.B) {
	require.NoError(b, Load())
	text := "推进国家安全体系和能力现代化，是以习近平同志为核心的党中央着眼全面建设社会主义现代化国家作出的重大战略部署。" +
		"我们要坚持总体国家安全观，统筹发展和安全，到2035年基本实现国家安全体系和能力现代化。"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ZhTokens(text)
	}
}

func BenchmarkEnTokens(b *testing.B) {
	text := "The report put forward a strategic plan for modernizing the national security system and capacity; " +
		"it also pointed out the direction and provided a fundamental guidepost for the U.S. in 2035."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		EnTokens(text)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadBin(zhDictBin); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzTokens(f *testing.F) {
	s, err := loadDict(tinyDict)
	require.NoError(f, err)
	for _, in := range []string{"推進國家安全COVID-19，3.5%", "China's U.S. don't 1,000.", "𠁅ａ'’-", "e.g.x"} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, toks := range [][]Token{s.tokens(in), EnTokens(in)} {
			prev := 0
			for _, tk := range toks {
				if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
					t.Fatalf("bad token %+v in %q", tk, in)
				}
				prev = tk.End
			}
		}
	})
}

// referenceText returns the reference document, Chinese and English
// paragraphs interleaved.
func referenceText(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile("../../testdata/csis-modernizing-national-security.interleaved.txt")
	require.NoError(tb, err)
	return string(data)
}

func BenchmarkEnTokensReference(b *testing.B) {
	text := referenceText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		EnTokens(text)
	}
}

func BenchmarkZhTokensReference(b *testing.B) {
	require.NoError(b, Load())
	text := referenceText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ZhTokens(text)
	}
}

// BenchmarkKeyword maps every English word of the reference document.
func BenchmarkKeyword(b *testing.B) {
	text := referenceText(b)
	var words []string
	for _, t := range EnTokens(text) {
		words = append(words, text[t.Start:t.End])
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, w := range words {
			Keyword(w)
		}
	}
}

// enTokensGeneral is EnTokens without its ASCII fast path: the general
// scan alone, as it was before the fast path.
func enTokensGeneral(text string) []Token {
	var toks []Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isEnWordRune(r) {
			i += n
			continue
		}
		j := scanEnWord(text, i)
		toks = append(toks, Token{Text: strings.ToLower(text[i:j]), Start: i, End: j})
		i = skipPossessive(text, j)
	}
	return toks
}

func TestEnTokensFastPath(t *testing.T) {
	texts := []string{referenceText(t), "U.S. 3.5 1,000 a.b. it's China's don’t 1,x 3. x, e.g. ab.cd 1.2.3 é café", "a", "1.", "x.y"}
	for _, path := range sharedEnglish(t) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		texts = append(texts, string(data))
	}
	for _, text := range texts {
		require.Equal(t, enTokensGeneral(text), EnTokens(text))
	}
}

func FuzzEnTokensFastPath(f *testing.F) {
	for _, s := range []string{"U.S. 3.5 1,000", "it's China's", "1.a", "a1.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := EnTokens(s), enTokensGeneral(s); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	})
}

// sharedEnglish lists English files of ../shared/data, if it is there.
func sharedEnglish(t testing.TB) []string {
	root := filepath.Join("..", "..", "..", "shared", "data")
	var paths []string
	for _, glob := range []string{"mac-dev/en/*", "aligner-eval-nonlit/*/tgt/*", "parallel/*/*.en.txt"} {
		m, _ := filepath.Glob(filepath.Join(root, glob))
		paths = append(paths, m...)
	}
	return paths
}

// BenchmarkZhTokensUncached segments the reference document with an empty
// cut cache each time: the cost of segmenting new text.
func BenchmarkZhTokensUncached(b *testing.B) {
	require.NoError(b, Load())
	text := referenceText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s := *defaultSeg
		s.cuts = &cutCache{m: map[string][]int32{}}
		s.tokens(text)
	}
}

// TestAppendEnTokens: tokens appended to a buffer, reused line after line,
// are EnTokens' tokens, and what the buffer held before stays.
func TestAppendEnTokens(t *testing.T) {
	var buf []Token
	for _, line := range strings.Split(referenceText(t), "\n") {
		want := EnTokens(line)
		buf = AppendEnTokens(buf[:0], line)
		if len(want) == 0 {
			assert.Empty(t, buf, line)
			continue
		}
		assert.Equal(t, want, buf, line)
	}
	head := []Token{{Text: "x", Start: 0, End: 1}}
	got := AppendEnTokens(head, "China's G.D.P. rose 3.5%")
	assert.Equal(t, append([]Token{{Text: "x", Start: 0, End: 1}}, EnTokens("China's G.D.P. rose 3.5%")...), got)
}

// BenchmarkAppendEnTokens is BenchmarkEnTokensReference line by line into
// one buffer, as the aligner's stages tokenize: no allocation per line.
func BenchmarkAppendEnTokens(b *testing.B) {
	lines := strings.Split(referenceText(b), "\n")
	b.SetBytes(int64(len(referenceText(b))))
	b.ReportAllocs()
	var buf []Token
	for b.Loop() {
		for _, l := range lines {
			buf = AppendEnTokens(buf[:0], l)
		}
	}
}

// TestAppendZhTokens: as TestAppendEnTokens, for Chinese.
func TestAppendZhTokens(t *testing.T) {
	require.NoError(t, Load())
	var buf []Token
	for _, line := range strings.Split(referenceText(t), "\n") {
		want := ZhTokens(line)
		buf = AppendZhTokens(buf[:0], line)
		if len(want) == 0 {
			assert.Empty(t, buf, line)
			continue
		}
		assert.Equal(t, want, buf, line)
	}
	head := []Token{{Text: "x", Start: 0, End: 1}}
	got := AppendZhTokens(head, "推进国家安全体系和能力现代化")
	assert.Equal(t, append([]Token{{Text: "x", Start: 0, End: 1}}, ZhTokens("推进国家安全体系和能力现代化")...), got)
}

// simplifiedCutTokens is what appendHan did before its cut cache was keyed
// by the run as written: simplify the run, cut the simplified text, and map
// each end back through toSimp's offsets. Nothing is remembered.
func simplifiedCutTokens(s *segmenter, text string, start, end int) []Token {
	var toks []Token
	buf, pos := s.toSimp(text[start:end])
	a := 0
	for _, e := range s.cut(buf, nil) {
		b := int(e)
		ta, tb := a, b
		if pos != nil {
			ta, tb = pos[a], pos[b]
		}
		ta, tb = start+ta, start+tb
		toks = append(toks, Token{Text: text[ta:tb], Start: ta, End: tb})
		a = b
	}
	return toks
}

// TestCutCacheByRun: the tokens of a Han run, whether cut afresh or read
// from the cache by the run as written, are those of cutting its simplified
// form, for simplified and traditional text and for conversions that change
// a character's length in UTF-8, whichever form is met first.
func TestCutCacheByRun(t *testing.T) {
	require.NoError(t, Load())
	wide, err := loadDict("#t2s 𠁅a國国\n国家 3\na国 5\n家a 2\n")
	require.NoError(t, err)
	ref := referenceText(t)
	texts := []string{
		"推进国家安全体系和能力现代化", "推進國家安全體系和能力現代化",
		"乾淨的衣服，後來發生了甚麼事情", "国𠁅家𠁅国𠁅𠁅國家", "𠁅國家国家𠁅",
	}
	for _, seg := range []*segmenter{tiny(t), wide, defaultSeg} {
		seg := *seg
		seg.cuts = &cutCache{m: map[string][]int32{}}
		runs := 0
		for pass := range 2 { // the second pass reads every run from the cache
			for _, text := range append(texts, ref) {
				for i := 0; i < len(text); {
					r, n := utf8.DecodeRuneInString(text[i:])
					if !IsHan(r) {
						i += n
						continue
					}
					j := i + n
					for j < len(text) {
						r2, m := utf8.DecodeRuneInString(text[j:])
						if !IsHan(r2) {
							break
						}
						j += m
					}
					want := simplifiedCutTokens(&seg, text, i, j)
					got := seg.appendHan(nil, text, i, j)
					if !slices.Equal(got, want) {
						t.Fatalf("pass %d, run %q: got %v, want %v", pass, text[i:j], got, want)
					}
					runs++
					i = j
				}
			}
		}
		require.Greater(t, runs, 10)
	}
}

// TestEnTokensFastPathShort compares EnTokens with the general scan on
// every string of up to five pieces from letters of both cases, a digit,
// the marks the fast path stops at and a non-ASCII letter, and checks
// asciiClass against IsASCIIAlnum for every byte.
func TestEnTokensFastPathShort(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		require.Equal(t, IsASCIIAlnum(b), asciiClass[b] != 0, c)
		require.Equal(t, 'A' <= b && b <= 'Z', asciiClass[b] == asciiUpper, c)
	}
	pieces := []string{"a", "Z", "1", ".", ",", "'", " ", "é", "s"}
	var grow func(s string, n int)
	grow = func(s string, n int) {
		if got, want := EnTokens(s), enTokensGeneral(s); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, p := range pieces {
			grow(s+p, n-1)
		}
	}
	grow("", 5)
}

// asciiLowerPlain is asciiLowerString as it was, a byte at a time.
func asciiLowerPlain(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// TestASCIILowerWords: eight bytes at a time lower what a byte at a time
// does, for every byte value in every place of a word among random
// neighbours, and for random strings of every length up to 40.
func TestASCIILowerWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 5))
	for c := range 256 {
		for at := range 8 {
			for range 8 {
				var b [8]byte
				for k := range b {
					b[k] = byte(rng.IntN(256))
				}
				b[at] = byte(c)
				s := string(b[:])
				require.Equal(t, asciiLowerPlain(s), asciiLowerString(s), "% x", b)
			}
		}
	}
	pieces := []string{"A", "Z", "a", "z", "@", "[", "`", "{", "0", " ", "é", "É", "\xc1", "\xda", "\xff"}
	for n := range 41 {
		for range 200 {
			var b strings.Builder
			for range n {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			s := b.String()
			require.Equal(t, asciiLowerPlain(s), asciiLowerString(s), "%q", s)
		}
	}
	assert.Equal(t, "", asciiLowerString(""))
}
