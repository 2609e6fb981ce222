package lang

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/require"
)

// gseSegmenter loads a dictionary into gse the way this package did before
// it cut text itself: AddToken for each word, then CalcToken.
func gseSegmenter(t testing.TB, dict string) *gse.Segmenter {
	t.Helper()
	seg := &gse.Segmenter{NotLoadHMM: true, SkipLog: true, Dict: gse.NewDict(), Load: true}
	seg.Init()
	for _, line := range strings.Split(dict, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		word, f, ok := strings.Cut(line, " ")
		require.True(t, ok, line)
		freq, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		require.NoError(t, err, line)
		require.NoError(t, seg.AddToken(word, freq))
	}
	seg.CalcToken()
	return seg
}

// hanRuns returns the runs of Han characters of text, converted by s as
// tokens converts them: what the segmenter cuts.
func hanRuns(s *segmenter, text string) [][]byte {
	var runs [][]byte
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
		buf, _ := s.toSimp(text[i:j])
		runs = append(runs, []byte(buf))
		i = j
	}
	return runs
}

// sameCuts compares the cuts of every Han run of the texts and returns the
// number of runs compared.
func sameCuts(t *testing.T, s *segmenter, g *gse.Segmenter, texts ...string) int {
	t.Helper()
	n := 0
	for _, text := range texts {
		for _, run := range hanRuns(s, text) {
			var want []int32
			for _, sg := range g.Segment(run) {
				want = append(want, int32(sg.End()))
			}
			got := s.cut(string(run), nil)
			if !slicesEqual(got, want) {
				t.Fatalf("cuts of %q: got %v, gse %v", run, got, want)
			}
			n++
		}
	}
	return n
}

func slicesEqual(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSameAsGseTiny checks the shortest-path cut against gse on small
// dictionaries with ties, duplicates, letters and a one-word dictionary
// (cost 0, which gse treats as unvisited).
func TestSameAsGseTiny(t *testing.T) {
	dicts := []string{
		tinyDict,
		"国家 1\n",
		"国家 5\n国 5\n家 5\n国家 7\n",
		"AB 3\n国ab 4\n国 1\nab家 2\n",
		"甲乙 4\n乙丙 4\n甲 2\n丙 2\n甲乙丙 1\n",
	}
	texts := []string{
		"推进国家安全体系和能力现代化", "研究生研究现代化国家", "国家国家国", "国ab家",
		"甲乙丙甲乙丙丙乙甲", "未知的字国家未知",
	}
	for _, d := range dicts {
		s, err := loadDict(d)
		require.NoError(t, err)
		s.t2s = newT2S(map[rune]rune{'𠁅': 'A', '𠁆': 'b'})
		g := gseSegmenter(t, d)
		sameCuts(t, s, g, append(texts, "国𠁅𠁆家", "𠁅𠁆家")...)
	}
}

// TestSameAsGse checks that the embedded dictionary cuts the reference
// document (and, unless -short, the Chinese of ../shared/data) exactly as gse
// loaded with the same dictionary does.
func TestSameAsGse(t *testing.T) {
	s := embedded(t)
	gz, err := os.ReadFile("zhdict.txt.gz")
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	dict, err := io.ReadAll(zr)
	require.NoError(t, err)
	g := gseSegmenter(t, string(dict))

	ref, err := os.ReadFile("../../testdata/csis-modernizing-national-security.interleaved.txt")
	require.NoError(t, err)
	n := sameCuts(t, s, g, string(ref), "推進國家安全體系和能力現代化，後來發生了甚麼事情")
	if !testing.Short() {
		for _, path := range sharedChinese(t) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			n += sameCuts(t, s, g, string(data))
		}
	}
	t.Logf("%d runs cut alike", n)
}

func embedded(t testing.TB) *segmenter {
	t.Helper()
	s, err := loadBin(zhDictBin)
	require.NoError(t, err)
	return s
}

// sharedChinese lists Chinese files of ../shared/data, if it is there.
func sharedChinese(t testing.TB) []string {
	root := filepath.Join("..", "..", "..", "shared", "data")
	var paths []string
	for _, glob := range []string{
		"mac-dev/zh/*", "mac-test/src/*", "aligner-eval-nonlit/*/src/*", "champollion-ec-eval/zh/*",
		"parallel/*/*.zh.txt", "bible-en-zh/zh/*",
	} {
		m, _ := filepath.Glob(filepath.Join(root, glob))
		paths = append(paths, m...)
	}
	return paths
}

// FuzzSameAsGse compares the cuts with gse's on any text, with a small
// dictionary whose words overlap.
func FuzzSameAsGse(f *testing.F) {
	dict := strings.Replace(tinyDict, "#count 12", "#count 16", 1) + "国家安全 50\n安全体系 40\n家安 3\n系和 2\n"
	s, err := loadDict(dict)
	require.NoError(f, err)
	g := gseSegmenter(f, dict)
	f.Add("推进国家安全体系和能力现代化")
	f.Add("研究生研究国家安全家安")
	f.Fuzz(func(t *testing.T, text string) {
		for _, run := range hanRuns(s, text) {
			var want []int32
			for _, sg := range g.Segment(run) {
				want = append(want, int32(sg.End()))
			}
			if got := s.cut(string(run), nil); !slicesEqual(got, want) {
				t.Fatalf("cuts of %q: got %v, gse %v", run, got, want)
			}
		}
	})
}
