package lexicon

import (
	"bytes"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon/internal/lexfile"
)

func glossWords(l *Lexicon, zh string) []string {
	var out []string
	for _, id := range l.Glosses(zh) {
		out = append(out, l.Word(id))
	}
	return out
}

func key(t *testing.T, w string) string {
	t.Helper()
	k, ok := lang.Keyword(w)
	require.True(t, ok, w)
	return k
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	require.NoError(t, Load())
	d := time.Since(start)
	t.Logf("loaded %d headwords, %d English words in %v", Default().NumHeadwords(), Default().NumWords(), d)
	// Loading views the embedded tables in place: microseconds. The bound
	// is loose because timings under -race on a shared CI machine vary
	// tenfold; BenchmarkLoad measures the real cost.
	assert.Less(t, d, 5*time.Second)

	// The fallback for corrupt embedded data is an empty, working lexicon.
	e := empty()
	assert.Nil(t, e.Glosses("国家"))
	assert.Equal(t, 0, e.NumHeadwords())
	assert.Equal(t, 0.0, e.Similarity("国家", "country"))
}

func TestKnownGlosses(t *testing.T) {
	l := Default()
	tests := []struct {
		zh   string
		want []string // English words, at least one of which must be a gloss
	}{
		{"国家", []string{"country", "state", "nation"}},
		{"國家", []string{"country", "state", "nation"}},
		{"安全", []string{"security", "safe"}},
		{"动态清零", []string{"zero", "COVID"}},
		{"北京", []string{"Beijing"}},
		{"现代化", []string{"modernization"}},
		{"体系", []string{"system"}},
		{"美国", []string{"US", "USA", "United"}},
		{"三", []string{"three", "3"}},
		{"党", []string{"party"}},
	}
	for _, tt := range tests {
		require.True(t, l.Has(tt.zh), tt.zh)
		got := glossWords(l, tt.zh)
		for _, w := range tt.want {
			assert.Contains(t, got, key(t, w), "%s: %v", tt.zh, got)
		}
	}
}

func TestCleaning(t *testing.T) {
	l := Default()
	// Function-word glosses leave a known word with nothing to match.
	assert.True(t, l.Has("我们"))
	assert.NotNil(t, l.Glosses("我们"))
	assert.Empty(t, l.Glosses("我们"))
	assert.Nil(t, l.Glosses("不存在的词语啊"))
	assert.False(t, l.Has("不存在的词语啊"))
	// No metalanguage or pinyin leaks into the gloss words.
	for _, zh := range []string{"的", "了", "打", "行", "王", "个"} {
		for _, w := range glossWords(l, zh) {
			assert.NotContains(t, []string{"sth", "sb", "classifi", "particl", "surnam", "variant", "see", "abbr", "lit", "fig", "cl"}, w, zh)
			assert.NotRegexp(t, `[0-9][a-z]|[\[\]()]`, w, zh)
		}
	}
	// Surname senses keep the name only.
	assert.Contains(t, glossWords(l, "王"), "wang")
	assert.Contains(t, glossWords(l, "王"), key(t, "king"))
}

func TestWordIDAndIDF(t *testing.T) {
	l := Default()
	sec, ok := l.WordID(key(t, "security"))
	require.True(t, ok)
	assert.Equal(t, key(t, "security"), l.Word(sec))
	_, ok = l.WordID("zzzqqq")
	assert.False(t, ok)
	assert.Equal(t, "", l.Word(1<<30))
	// Rarer gloss words weigh more.
	person, ok := l.WordID(key(t, "person"))
	require.True(t, ok)
	covid, ok := l.WordID(key(t, "COVID"))
	require.True(t, ok)
	assert.Greater(t, l.IDF(covid), l.IDF(person))
	assert.Greater(t, l.IDF(person), 0.0)
	assert.GreaterOrEqual(t, l.MaxWordLen(), 8)
	// Glosses are ascending ids within range.
	ids := l.Glosses("安全")
	assert.True(t, slices.IsSorted(ids))
	for _, id := range ids {
		assert.Less(t, int(id), l.NumWords())
	}
}

func TestCorruptData(t *testing.T) {
	enc := func(words []string, df []int, heads []string, ids [][]uint32) ([]byte, error) {
		return lexfile.Encode(3, words, df, heads, ids)
	}
	words, df := []string{"secur", "countri"}, []int{2, 1}
	heads, ids := []string{"安全", "国家"}, [][]uint32{{0}, {0, 1}}
	good, err := enc(words, df, heads, ids)
	require.NoError(t, err)
	l, err := parse(good)
	require.NoError(t, err)
	assert.Equal(t, []string{"secur", "countri"}, glossWords(l, "国家"))
	assert.Equal(t, 2, l.MaxWordLen())
	assert.Equal(t, 2, l.NumHeadwords())
	assert.Equal(t, 2, l.NumWords())

	// What the generator refuses to write.
	for name, bad := range map[string]struct {
		words []string
		df    []int
		heads []string
		ids   [][]uint32
	}{
		"descending ids": {words, df, heads, [][]uint32{{0}, {1, 0}}},
		"id range":       {words, df, heads, [][]uint32{{0}, {0, 7}}},
		"zero df":        {words, []int{2, 0}, heads, ids},
		"df range":       {words, []int{2, 4}, heads, ids},
		"duplicate":      {words, df, []string{"安全", "安全"}, ids},
		"duplicate word": {[]string{"secur", "secur"}, df, heads, ids},
	} {
		_, err := enc(bad.words, bad.df, bad.heads, bad.ids)
		assert.Error(t, err, name)
	}

	// What loading detects.
	for name, data := range map[string][]byte{
		"empty":       nil,
		"old format":  []byte("#aligncheck-lexicon 1 2 2 3\nsecur 2\ncountri 1\n安全\t0\n国家\t0,1\n"),
		"bad version": bytes.Replace(good, []byte("lexicon 3"), []byte("lexicon 4"), 1),
		"truncated":   good[:len(good)-8],
		"short":       good[:30],
	} {
		_, err := parse(data)
		assert.Error(t, err, name)
	}

	// Damage inside a section is found by Validate, and lookups survive it.
	// Every byte of the header and the small sections, a sample of the
	// rest (mostly the 64 KB table of lengths).
	for k := 0; k < len(good); k += 1 + k/512*96 {
		bad := slices.Clone(good)
		bad[k] ^= 0xa5
		d, err := lexfile.Decode(bad)
		if err != nil {
			continue
		}
		d.Validate()
		l, err := parse(bad)
		require.NoError(t, err)
		for _, h := range append(heads, "安", "国家安全") {
			l.Glosses(h)
			l.Has(h)
		}
		l.Similarity("国家安全", "national security")
	}
}

// TestEmbeddedValid checks every structure of the embedded lexicon.
func TestEmbeddedValid(t *testing.T) {
	d, err := lexfile.Decode(embedded)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
}

// FuzzParse checks that no corrupt lexicon file makes loading or looking
// up panic.
func FuzzParse(f *testing.F) {
	good, err := lexfile.Encode(3, []string{"secur", "countri"}, []int{2, 1}, []string{"安全", "国家"}, [][]uint32{{0}, {0, 1}})
	require.NoError(f, err)
	f.Add(good)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := parse(data)
		if err != nil {
			return
		}
		for h := range l.NumHeadwords() {
			l.Glosses(l.heads.At(h))
		}
		for _, s := range []string{"安全", "国家", "国家安全", "x"} {
			l.Glosses(s)
			l.Has(s)
			l.WordID(s)
		}
		l.Similarity("国家安全", "national security")
	})
}

func TestSimilarity(t *testing.T) {
	l := Default()
	tests := []struct {
		zh, en string
		min    float64
		max    float64
	}{
		{"国家", "country", 0.99, 1},
		{"国家", "the State", 0.99, 1},
		{"安全", "security", 0.99, 1},
		{"坚持动态清零", "stick to zero-COVID", 0.6, 1},
		{"推进国家安全体系和能力现代化", "Modernizing the National Security System and Capacity", 0.6, 1},
		{"到2035年基本实现国家安全体系和能力现代化", "basically realize the modernization of the national security system and capacity by 2035", 0.7, 1},
		{"推进国家安全体系和能力现代化", "The weather is nice today and I like apples.", 0, 0.1},
		{"98.62%的人", "98.62 percent of people", 0.6, 1},
		{"１０００人", "1,000 people", 0.9, 1},
		{"", "", 0, 0},
		{"的了", "of the", 0, 0},
	}
	for _, tt := range tests {
		got := l.Similarity(tt.zh, tt.en)
		assert.GreaterOrEqual(t, got, tt.min, "%s | %s", tt.zh, tt.en)
		assert.LessOrEqual(t, got, tt.max, "%s | %s", tt.zh, tt.en)
	}
	// A right pair scores above a wrong one.
	zh := "我们要坚持总体国家安全观，统筹发展和安全。"
	right := "We must adhere to the Overall National Security Outlook and coordinate development and security."
	wrong := "The police force must improve its ability to respond to emergencies."
	assert.Greater(t, l.Similarity(zh, right), l.Similarity(zh, wrong)+0.2)
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := Default()
			for range 10 {
				if l.Similarity("国家安全", "national security") < 0.9 {
					t.Error("low similarity")
					return
				}
			}
		}()
	}
	wg.Wait()
}

const benchZh = "党的二十大报告从党和国家事业发展全局出发，对推进国家安全体系和能力现代化作出战略部署，" +
	"为我们做好维护国家安全和社会稳定工作指明了前进方向、提供了根本遵循。" +
	"我们要把学习宣传贯彻党的二十大精神作为首要政治任务，坚持以习近平新时代中国特色社会主义思想为指导。"

const benchEn = "General Secretary Xi Jinping's report at the 20th National Congress of the Chinese Communist Party " +
	"took the overall development strategy of the Party and the nation as a starting point. The report put forward " +
	"a strategic plan for modernizing the national security system and capacity; it also pointed out the direction " +
	"and provided a fundamental guidepost for us to do a good job of safeguarding national security and social stability."

func BenchmarkSimilarity(b *testing.B) {
	l := Default()
	require.NoError(b, lang.Load())
	for b.Loop() {
		l.Similarity(benchZh, benchEn)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := parse(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPrefixStop checks that stopping the headword search at the first
// string no headword starts with finds every headword in the text.
func TestPrefixStop(t *testing.T) {
	l := Default()
	data, err := os.ReadFile("../../testdata/csis-modernizing-national-security.interleaved.txt")
	require.NoError(t, err)
	text := []rune(string(data))
	found, probes := 0, 0
	for i := range text {
		if !lang.IsHan(text[i]) {
			continue
		}
		for j := i + 2; j <= len(text) && j-i <= l.MaxWordLen(); j++ {
			s := string(text[i:j])
			h, more := l.heads.Probe(s)
			probes++
			require.Equal(t, l.Has(s), h >= 0, s)
			if h >= 0 {
				found++
			}
			if !more {
				// No headword extends s.
				for k := j + 1; k <= len(text) && k-i <= l.MaxWordLen(); k++ {
					require.False(t, l.Has(string(text[i:k])), "%s after %s", string(text[i:k]), s)
				}
				break
			}
		}
	}
	t.Logf("%d headword occurrences, %d probes", found, probes)
}
