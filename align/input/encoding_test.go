package input_test

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
)

// toTraditional converts simplified characters to traditional ones with the
// segmenter's character table (align/lang/zhdict.txt.gz, "#t2s" pairs,
// inverted: the first traditional form of each simplified character that
// Big5 can encode).
func toTraditional(t testing.TB, s string) string {
	f, err := os.Open("../lang/zhdict.txt.gz")
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	s2t := map[rune]rune{}
	enc := traditionalchinese.Big5.NewEncoder()
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "#t2s ")
		if !ok {
			continue
		}
		rs := []rune(rest)
		for i := 0; i+1 < len(rs); i += 2 {
			tr, sm := rs[i], rs[i+1]
			if _, ok := s2t[sm]; ok {
				continue
			}
			if _, err := enc.String(string(tr)); err == nil {
				s2t[sm] = tr
			}
		}
		break
	}
	require.Greater(t, len(s2t), 1000, "no #t2s table found")
	return strings.Map(func(r rune) rune {
		if c, ok := s2t[r]; ok {
			return c
		}
		return r
	}, s)
}

func refText(t testing.TB) string {
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	return string(data)
}

type located struct {
	check, msg string
	line       int
}

func findingsOf(t testing.TB, path string, opt input.Options) ([]located, *align.Document) {
	d := openOne(t, path, opt)
	_, fs := alignAndCheck(t, d)
	var out []located
	for _, f := range fs {
		l := 0
		if f.En != nil {
			l = f.En.Line
		} else if f.Zh != nil {
			l = f.Zh.Line
		}
		out = append(out, located{f.Check, f.Message, l})
	}
	return out, d
}

// TestEncodingsSameFindings: GB18030, Big5 (of a traditional version) and
// UTF-16 files of the reference document give the same findings, at the
// same lines, as the UTF-8 ones.
func TestEncodingsSameFindings(t *testing.T) {
	text := refText(t)
	// Big5 has no no-break space
	trad := strings.ReplaceAll(toTraditional(t, text), "\u00a0", " ")
	require.NotEqual(t, text, trad)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	encode := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		return b
	}
	simp, _ := findingsOf(t, write("simp.txt", []byte(text)), input.Options{})
	tradF, _ := findingsOf(t, write("trad.txt", []byte(trad)), input.Options{})
	require.NotEmpty(t, simp)
	cases := []struct {
		name string
		data []byte
		want []located
		opt  input.Options
	}{
		{"gb18030.txt", encode(simplifiedchinese.GB18030, text), simp, input.Options{}},
		{"utf16le.txt", encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text), simp, input.Options{}},
		{"utf16be.txt", encode(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), text), simp, input.Options{}},
		{"utf8bom.txt", append([]byte("\xef\xbb\xbf"), text...), simp, input.Options{}},
		{"crlf.txt", []byte(strings.ReplaceAll(text, "\n", "\r\n")), simp, input.Options{}},
		{"big5.txt", encode(traditionalchinese.Big5, trad), tradF, input.Options{}},
		{"forced-gb.txt", encode(simplifiedchinese.GB18030, text), simp, input.Options{Encoding: "gb18030"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := findingsOf(t, write(c.name, c.data), c.opt)
			assert.Equal(t, c.want, got)
		})
	}
}

// TestTraditionalAligns: the traditional version of the reference document
// aligns every pair as the simplified one does, and gives the same findings.
func TestTraditionalAligns(t *testing.T) {
	text := refText(t)
	trad := toTraditional(t, text)
	dir := t.TempDir()
	ps, pt := filepath.Join(dir, "s.txt"), filepath.Join(dir, "t.txt")
	require.NoError(t, os.WriteFile(ps, []byte(text), 0o644))
	require.NoError(t, os.WriteFile(pt, []byte(trad), 0o644))
	ds, dt := openOne(t, ps, input.Options{}), openOne(t, pt, input.Options{})
	rsAlign, rsFindings := alignAndCheck(t, ds)
	rtAlign, rtFindings := alignAndCheck(t, dt)
	beads := func(a *align.Alignment) []string {
		var out []string
		for _, b := range a.Beads {
			out = append(out, fmt.Sprint(b.Zh, b.En))
		}
		return out
	}
	assert.Equal(t, beads(rsAlign), beads(rtAlign))
	assert.Equal(t, kinds(withoutNumbers(normalise(rsFindings))), kinds(withoutNumbers(normalise(rtFindings))))

	// and pre-aligned: traditional pairs in a TMX
	pairs := refPairs(t)
	for i := range pairs {
		pairs[i][0] = toTraditional(t, pairs[i][0])
	}
	p := filepath.Join(dir, "trad.tmx")
	require.NoError(t, os.WriteFile(p, genTMX(pairs).data, 0o644))
	want := normalise(checkDoc(t, twoFileDoc(t, refPairs(t))))
	got := normalise(checkDoc(t, openOne(t, p, input.Options{})))
	assert.Equal(t, kinds(withoutNumbers(want)), kinds(withoutNumbers(got)))
}

// kinds keeps check and pair of each finding: messages quote the text,
// which differs between simplified and traditional.
func kinds(ns []norm) []string {
	var out []string
	for _, n := range ns {
		out = append(out, fmt.Sprint(n.check, " ", n.bead))
	}
	return out
}

// withoutNumbers drops the findings of checks that do not read traditional
// characters as simplified ones yet: numbers (align/numerals reads 14億 as
// 14 and 萬 not at all) and consistency (its terms are compared as written).
func withoutNumbers(ns []norm) []norm {
	var out []norm
	for _, n := range ns {
		if !strings.HasPrefix(n.check, "numbers") && !strings.HasPrefix(n.check, "consistency") {
			out = append(out, n)
		}
	}
	return out
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name string
		data string
		enc  string
		want string
	}{
		{"bad utf8 in utf8", "国家安全 national security \xff 国家安全体系和能力现代化", "", "byte 31: invalid UTF-8"},
		{"nul", "abc\x00def", "", "byte 3: binary data"},
		{"odd utf16", "\xff\xfeA\x00B", "", "odd number of bytes"},
		{"lone surrogate", "\xff\xfe\x00\xdcA\x00", "", "unpaired surrogate"},
		{"bad forced gb", "abc\x81\x20", "gb18030", "byte 3: invalid GB18030"},
		{"unknown encoding", "abc", "klingon", "unknown encoding"},
		{"empty", " \n", "", "file is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := input.DecodeAs("f.txt", []byte(c.data), c.enc)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var ie *input.Error
			assert.ErrorAs(t, err, &ie)
		})
	}
	// GB18030 and Big5 are told apart by their common characters.
	s := "推进国家安全体系和能力现代化，是防范化解风险挑战的必然要求。"
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(s)
	got, err := input.Decode("f.txt", []byte(gb))
	require.NoError(t, err)
	assert.Equal(t, s, got)
	tr := "推進國家安全體系和能力現代化，是防範化解風險挑戰的必然要求。"
	b5, _ := traditionalchinese.Big5.NewEncoder().String(tr)
	got, err = input.Decode("f.txt", []byte(b5))
	require.NoError(t, err)
	assert.Equal(t, tr, got)
}

// TestEncodedMemories: a TMX in UTF-16 (with a byte-order mark, the
// declaration still saying UTF-16) and one in GB18030 (named by its
// declaration, or by --encoding) read like the UTF-8 one.
func TestEncodedMemories(t *testing.T) {
	pairs := refPairs(t)
	g := genTMX(pairs)
	dir := t.TempDir()
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(
		[]byte(strings.Replace(string(g.data), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)))
	require.NoError(t, err)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(
		[]byte(strings.Replace(string(g.data), `encoding="UTF-8"`, `encoding="GB18030"`, 1)))
	require.NoError(t, err)
	jl, err := simplifiedchinese.GB18030.NewEncoder().Bytes(genJSONL(pairs).data)
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		data []byte
		opt  input.Options
	}{
		{"u16.tmx", u16, input.Options{}},
		{"gb.tmx", gb, input.Options{}},
		{"gbforced.tmx", gb, input.Options{Encoding: "gbk"}},
		{"gb.jsonl", jl, input.Options{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			require.NoError(t, os.WriteFile(p, c.data, 0o644))
			d := openOne(t, p, c.opt)
			require.Len(t, d.Zh, len(pairs))
			for i := range pairs {
				assert.Equal(t, pairs[i][0], d.Zh[i].Text)
				assert.Equal(t, pairs[i][1], d.En[i].Text)
			}
		})
	}
}
