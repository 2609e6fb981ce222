package input_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/checks"
)

const refDoc = "../../testdata/csis-modernizing-national-security.interleaved.txt"

// refPairs returns the reference document's pairs: the title (English line
// 4, Chinese line 6) and English line L with Chinese line L+2 for
// L = 19, 23, …, 123.
func refPairs(t testing.TB) [][2]string {
	pairs, err := refTextPairs()
	require.NoError(t, err)
	for _, p := range pairs {
		require.NotEmpty(t, p[0])
		require.NotEmpty(t, p[1])
		l0, _ := input.LangOf(p[0])
		l1, _ := input.LangOf(p[1])
		require.Equal(t, align.Zh, l0, p[0])
		require.Equal(t, align.En, l1, p[1])
	}
	return pairs
}

// A generated file and where each pair's sides start in it (1-based lines;
// for DOCX the paragraph numbers).
type generated struct {
	name       string
	data       []byte
	zhLine     []int
	enLine     []int
	unitPrefix string
}

func xmlEsc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func genTMX(pairs [][2]string) generated {
	g := generated{name: "ref.tmx", unitPrefix: "unit "}
	var b strings.Builder
	line := 1
	w := func(s string) {
		b.WriteString(s)
		b.WriteString("\n")
		line++
	}
	w(`<?xml version="1.0" encoding="UTF-8"?>`)
	w(`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`)
	w(`<tmx version="1.4">`)
	w(`<header creationtool="test" srclang="zh-CN" segtype="paragraph" datatype="plaintext" adminlang="en" o-tmf="x"/>`)
	w(`<body>`)
	for i, p := range pairs {
		w(fmt.Sprintf(`<tu tuid="%d"><prop type="x-doc">ref</prop>`, i+1))
		g.zhLine = append(g.zhLine, line)
		w(`<tuv xml:lang="zh-CN"><seg>` + xmlEsc(p[0]) + `</seg></tuv>`)
		g.enLine = append(g.enLine, line)
		w(`<tuv xml:lang="en-US"><seg>` + xmlEsc(p[1]) + `</seg></tuv>`)
		w(`</tu>`)
	}
	w(`</body>`)
	w(`</tmx>`)
	g.data = []byte(b.String())
	return g
}

func genXLIFF12(pairs [][2]string) generated {
	g := generated{name: "ref.xlf", unitPrefix: "unit "}
	var b strings.Builder
	line := 1
	w := func(s string) {
		b.WriteString(s + "\n")
		line++
	}
	w(`<?xml version="1.0" encoding="UTF-8"?>`)
	w(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">`)
	w(`<file original="ref.txt" source-language="en-US" target-language="zh-Hans" datatype="plaintext"><body>`)
	for i, p := range pairs {
		w(fmt.Sprintf(`<trans-unit id="%d">`, i+1))
		g.enLine = append(g.enLine, line)
		w(`<source>` + xmlEsc(p[1]) + `</source>`)
		g.zhLine = append(g.zhLine, line)
		w(`<target state="translated">` + xmlEsc(p[0]) + `</target>`)
		w(`<alt-trans><source>decoy</source><target>诱饵</target></alt-trans>`)
		w(`</trans-unit>`)
	}
	w(`</body></file></xliff>`)
	g.data = []byte(b.String())
	return g
}

func genXLIFF2(pairs [][2]string) generated {
	g := generated{name: "ref.xliff", unitPrefix: "unit "}
	var b strings.Builder
	line := 1
	w := func(s string) {
		b.WriteString(s + "\n")
		line++
	}
	w(`<?xml version="1.0" encoding="UTF-8"?>`)
	w(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">`)
	w(`<file id="f1">`)
	for i, p := range pairs {
		w(fmt.Sprintf(`<unit id="u%d"><notes><note>n%d</note></notes><segment id="s1">`, i+1, i+1))
		g.zhLine = append(g.zhLine, line)
		w(`<source>` + xmlEsc(p[0]) + `</source>`)
		g.enLine = append(g.enLine, line)
		w(`<target>` + xmlEsc(p[1]) + `</target>`)
		w(`</segment></unit>`)
	}
	w(`</file></xliff>`)
	g.data = []byte(b.String())
	return g
}

func csvQuote(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func genCSV(pairs [][2]string) generated {
	g := generated{name: "ref.csv", unitPrefix: "row "}
	var b strings.Builder
	b.WriteString("id,en,zh\r\n")
	for i, p := range pairs {
		g.enLine = append(g.enLine, i+2)
		g.zhLine = append(g.zhLine, i+2)
		b.WriteString(fmt.Sprintf("%d,%s,%s\r\n", i+1, csvQuote(p[1]), csvQuote(p[0])))
	}
	g.data = []byte(b.String())
	return g
}

func genTSV(pairs [][2]string) generated {
	g := generated{name: "ref.tsv", unitPrefix: "row "}
	var b strings.Builder
	for i, p := range pairs { // no header: columns found by script
		g.enLine = append(g.enLine, i+1)
		g.zhLine = append(g.zhLine, i+1)
		b.WriteString(p[0] + "\t" + p[1] + "\n")
	}
	g.data = []byte(b.String())
	return g
}

func genJSONL(pairs [][2]string) generated {
	g := generated{name: "ref.jsonl", unitPrefix: "record "}
	var b strings.Builder
	for i, p := range pairs {
		rec := map[string]any{"id": i + 1, "zh": p[0], "en": p[1], "score": 0.9}
		data, _ := json.Marshal(rec)
		b.Write(data)
		b.WriteString("\n")
		g.enLine = append(g.enLine, i+1)
		g.zhLine = append(g.zhLine, i+1)
	}
	g.data = []byte(b.String())
	return g
}

func genHTML(pairs [][2]string) generated {
	g := generated{name: "ref.html"}
	var b strings.Builder
	line := 1
	w := func(s string) {
		b.WriteString(s + "\n")
		line++
	}
	w(`<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>`)
	w(`<script>var a = "<p>not text</p>";</script></head><body>`)
	w(`<nav><ul><li>Home</li><li>About</li></ul></nav>`)
	w(`<header><p>Site header text that is English</p></header>`)
	for i, p := range pairs {
		tag := "p"
		if i == 0 {
			tag = "h1"
		}
		g.enLine = append(g.enLine, line)
		w("<" + tag + ` class="en">` + html.EscapeString(p[1]) + "</" + tag + ">")
		g.zhLine = append(g.zhLine, line)
		w("<" + tag + `>` + html.EscapeString(p[0]) + "</" + tag + ">")
	}
	w(`<footer><p>Copyright footer</p></footer></body></html>`)
	g.data = []byte(b.String())
	return g
}

func docxZip(body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, _ := zw.Create("[Content_Types].xml")
	f.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	f, _ = zw.Create("word/document.xml")
	f.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	zw.Close()
	return buf.Bytes()
}

func wp(s string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + xmlEsc(s) + `</w:t></w:r></w:p>`
}

// genDOCXTable: a two-column bilingual table, one pair per row.
func genDOCXTable(pairs [][2]string) generated {
	g := generated{name: "table.docx", unitPrefix: "table 1 row "}
	var b strings.Builder
	b.WriteString(wp("A bilingual table"))
	b.WriteString("<w:tbl>")
	n := 1
	for _, p := range pairs {
		n++
		g.zhLine = append(g.zhLine, n)
		n++
		g.enLine = append(g.enLine, n)
		b.WriteString("<w:tr><w:tc>" + wp(p[0]) + "</w:tc><w:tc>" + wp(p[1]) + "</w:tc></w:tr>")
	}
	b.WriteString("</w:tbl>")
	g.data = docxZip(b.String())
	return g
}

// genDOCXParas: paragraphs, English then Chinese, as a saved page has them.
func genDOCXParas(pairs [][2]string) generated {
	g := generated{name: "paras.docx", unitPrefix: "paragraph "}
	var b strings.Builder
	n := 0
	for _, p := range pairs {
		n++
		g.enLine = append(g.enLine, n)
		b.WriteString(wp(p[1]))
		b.WriteString(`<w:p></w:p>`) // empty paragraphs do not count
		n++
		g.zhLine = append(g.zhLine, n)
		b.WriteString(wp(p[0]))
	}
	g.data = docxZip(b.String())
	return g
}

type norm struct {
	check string
	bead  int
	msg   string
}

var lineRe = regexp.MustCompile(`(line|lines|paragraph|paragraphs) \d+`)

func normalise(fs []checks.Finding) []norm {
	var out []norm
	for _, f := range fs {
		out = append(out, norm{f.Check, f.Bead, lineRe.ReplaceAllString(f.Message, "$1 N")})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].bead != out[b].bead {
			return out[a].bead < out[b].bead
		}
		if out[a].check != out[b].check {
			return out[a].check < out[b].check
		}
		return out[a].msg < out[b].msg
	})
	return out
}

func twoFileDoc(t testing.TB, pairs [][2]string) *align.Document {
	var zh, en []string
	for _, p := range pairs {
		zh = append(zh, p[0])
		en = append(en, p[1])
	}
	d, err := input.TwoFiles("zh.txt", strings.Join(zh, "\n\n")+"\n", "en.txt", strings.Join(en, "\n\n")+"\n")
	require.NoError(t, err)
	return d
}

func checkDoc(t testing.TB, d *align.Document) []checks.Finding {
	_, fs := alignAndCheck(t, d)
	return fs
}

// alignAndCheck aligns a document with the embedded lexicon and runs every
// check on it, as the driver does.
func alignAndCheck(t testing.TB, d *align.Document) (*align.Alignment, []checks.Finding) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	al := align.Align(d, align.Options{Lex: lexicon.Default()})
	fs, err := checks.Run(d, al, nil, checks.Registry())
	require.NoError(t, err)
	return al, fs
}

func openOne(t testing.TB, path string, opt input.Options) *align.Document {
	docs, err := input.Open(path, nil, opt)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	return docs[0]
}

var generators = []func([][2]string) generated{genTMX, genXLIFF12, genXLIFF2, genCSV, genTSV, genJSONL, genHTML, genDOCXTable, genDOCXParas}

// TestFormatsMatchTwoFiles: each format made from the reference document's
// pairs gives the same findings as the plain two-file shape, and every
// block points at the line (or paragraph) of its unit.
func TestFormatsMatchTwoFiles(t *testing.T) {
	pairs := refPairs(t)
	want := normalise(checkDoc(t, twoFileDoc(t, pairs)))
	dir := t.TempDir()
	for _, gen := range generators {
		g := gen(pairs)
		t.Run(g.name, func(t *testing.T) {
			p := filepath.Join(dir, g.name)
			require.NoError(t, os.WriteFile(p, g.data, 0o644))
			d := openOne(t, p, input.Options{})
			require.Len(t, d.Zh, len(pairs))
			require.Len(t, d.En, len(pairs))
			for i := range pairs {
				assert.Equal(t, pairs[i][0], d.Zh[i].Text)
				assert.Equal(t, pairs[i][1], d.En[i].Text)
				assert.Equal(t, d.Zh[i].Text, d.Zh[i].Src.Text[d.Zh[i].Start:d.Zh[i].End])
				assert.Equal(t, g.zhLine[i], d.Zh[i].Span().Line, "zh %d", i)
				assert.Equal(t, g.enLine[i], d.En[i].Span().Line, "en %d", i)
				if g.unitPrefix != "" {
					assert.True(t, strings.HasPrefix(d.Zh[i].Unit, g.unitPrefix), d.Zh[i].Unit)
				}
			}
			got := normalise(checkDoc(t, d))
			assert.Equal(t, want, got)
		})
	}
}

// TestFormatsInjectedChange: a numbering change ("(3)" → "(4)") in one
// English unit is found at that unit, in every format; so is a changed
// number when the numbers check exists.
func TestFormatsInjectedChange(t *testing.T) {
	pairs := refPairs(t)
	k := -1
	for i, p := range pairs {
		if strings.HasPrefix(p[1], "(3) ") && k < 0 {
			k = i
		}
	}
	require.GreaterOrEqual(t, k, 0)
	mod := append([][2]string(nil), pairs...)
	mod[k][1] = "(4)" + mod[k][1][3:]
	nk := -1
	if checks.Lookup("numbers") != nil {
		for i, p := range mod {
			if strings.Contains(p[1], "2035") && strings.Contains(p[0], "2035") {
				nk = i
				mod[i][1] = strings.Replace(p[1], "2035", "2045", 1)
				break
			}
		}
		require.GreaterOrEqual(t, nk, 0)
	}
	dir := t.TempDir()
	for _, gen := range generators {
		g := gen(mod)
		t.Run(g.name, func(t *testing.T) {
			p := filepath.Join(dir, g.name)
			require.NoError(t, os.WriteFile(p, g.data, 0o644))
			fs := checkDoc(t, openOne(t, p, input.Options{}))
			found := false
			foundNum := false
			for _, f := range fs {
				if f.Check == "numbering" && f.En != nil && f.En.Line == g.enLine[k] {
					found = true
				}
				if f.Check == "numbers" && f.En != nil && f.En.Line == g.enLine[nk] {
					foundNum = true
				}
			}
			assert.True(t, found, "no numbering finding at line %d: %v", g.enLine[k], fs)
			if nk >= 0 {
				assert.True(t, foundNum, "no numbers finding at line %d", g.enLine[nk])
			}
		})
	}
}

// unitSpans lists, per unit of a pre-aligned document in reading order,
// the located text of its two sides.
func unitSpans(d *align.Document) [][2]align.Span {
	var out [][2]align.Span
	zi, ei := 0, 0
	for zi < len(d.Zh) || ei < len(d.En) {
		var u [2]align.Span
		var zb, eb *align.Block
		if zi < len(d.Zh) {
			zb = d.Zh[zi]
		}
		if ei < len(d.En) {
			eb = d.En[ei]
		}
		switch {
		case zb != nil && eb != nil && zb.Unit == eb.Unit:
			u[0], u[1] = zb.Span(), eb.Span()
			zi++
			ei++
		case eb == nil || zb != nil && zb.Seq < eb.Seq:
			u[0] = zb.Span()
			zi++
		default:
			u[1] = eb.Span()
			ei++
		}
		u[0].Start, u[0].End, u[1].Start, u[1].End = 0, 0, 0, 0 // offsets into the extracted text differ
		out = append(out, u)
	}
	return out
}

// TestWindows: a pre-aligned file read in windows (Chunk, Overlap) gives
// every unit once as a window's own, at the lines and columns the whole
// file gives it, with the neighbours' units as context; a span across
// units (a shifted run) reads the same text as in the whole file.
func TestWindows(t *testing.T) {
	pairs := refPairs(t)
	pairs[3][0] = "  " // a unit with one side only
	dir := t.TempDir()
	for _, gen := range []func([][2]string) generated{genTMX, genXLIFF12, genXLIFF2, genCSV, genTSV, genJSONL} {
		g := gen(pairs)
		t.Run(g.name, func(t *testing.T) {
			p := filepath.Join(dir, g.name)
			require.NoError(t, os.WriteFile(p, g.data, 0o644))
			whole := openOne(t, p, input.Options{})
			want := unitSpans(whole)
			require.Len(t, want, len(pairs))
			for _, c := range []struct{ chunk, overlap int }{{5, 2}, {1, 0}, {3, 3}, {7, 0}, {100, 4}} {
				var got [][2]align.Span
				next := 0
				err := input.Each(p, nil, input.Options{Chunk: c.chunk, Overlap: c.overlap}, func(d *align.Document) error {
					w := d.Window
					require.NotNil(t, w)
					us := unitSpans(d)
					require.Equal(t, next, w.First+w.Home, "windows follow each other")
					require.LessOrEqual(t, w.HomeEnd-w.Home, c.chunk)
					require.LessOrEqual(t, w.Home, c.overlap)
					require.LessOrEqual(t, len(us)-w.HomeEnd, c.overlap)
					assert.Equal(t, want[w.First:w.First+len(us)], us, "context units too")
					got = append(got, us[w.Home:w.HomeEnd]...)
					next = w.First + w.HomeEnd
					// a span from the first to the last Chinese block
					if n := len(d.Zh); n > 1 {
						a, b := d.Zh[0], d.Zh[n-1]
						wa := whole.Zh[w.First]
						if w.First > 3 {
							wa = whole.Zh[w.First-1] // the unit without Chinese is before
						}
						ws := wa.Src.Span(wa.Start, wa.Start+(b.End-a.Start))
						gs := a.Src.Span(a.Start, b.End)
						if wa.Text == a.Text {
							assert.Equal(t, ws.Text, gs.Text)
							assert.Equal(t, [4]int{ws.Line, ws.Column, ws.EndLine, ws.EndColumn}, [4]int{gs.Line, gs.Column, gs.EndLine, gs.EndColumn})
						}
					}
					return nil
				})
				require.NoError(t, err, "chunk %d overlap %d", c.chunk, c.overlap)
				assert.Equal(t, want, got, "chunk %d overlap %d", c.chunk, c.overlap)
			}
		})
	}
}
