package driver_test

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/reports"
)

// onceInput is one document as files: one path (interleaved, a memory) or
// two (Chinese, English); content by file name relative to a directory.
type onceInput struct {
	name  string
	files map[string]string
	zh    string // the Chinese file, or the one file
	en    string // the English file; "" for one file
}

func (in onceInput) open(t *testing.T, dir string) *align.Document {
	t.Helper()
	for name, text := range in.files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	if in.en == "" {
		docs, err := input.Open(filepath.Join(dir, in.zh), nil, input.Options{})
		require.NoError(t, err)
		require.Len(t, docs, 1)
		return docs[0]
	}
	doc, err := input.OpenPair(filepath.Join(dir, in.zh), filepath.Join(dir, in.en), nil, input.Options{})
	require.NoError(t, err)
	return doc
}

// onceInputs are documents with findings on both sides: the reference
// document with a number changed, Chinese left in the English and an
// English paragraph dropped, as an interleaved file, as Markdown pairs and
// as a TMX (whose lines come from anchors).
func onceInputs(t *testing.T) []onceInput {
	t.Helper()
	pairs, err := refTextPairs()
	require.NoError(t, err)
	var zh, en []string
	for i, p := range pairs {
		z, e := p[0], p[1]
		switch i {
		case 5:
			e = strings.Replace(e, "the", "the 250", 1)
		case 9:
			e += " 国家安全是民族复兴的根基。"
		case 14:
			e = ""
		}
		zh = append(zh, z)
		if e != "" {
			en = append(en, e)
		}
	}
	var inter strings.Builder
	for i := range zh {
		inter.WriteString(zh[i] + "\n\n")
		if i < len(en) {
			inter.WriteString(en[i] + "\n\n")
		}
	}
	var tmx strings.Builder
	tmx.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="paragraph" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>` + "\n")
	for i, p := range pairs {
		e := p[1]
		if i == 5 {
			e = strings.Replace(e, "the", "the 250", 1)
		}
		fmt.Fprintf(&tmx, "<tu tuid=\"%d\">\n<tuv xml:lang=\"zh-CN\"><seg>%s</seg></tuv>\n<tuv xml:lang=\"en\"><seg>%s</seg></tuv>\n</tu>\n", i+1, html.EscapeString(p[0]), html.EscapeString(e))
	}
	tmx.WriteString("</body></tmx>\n")
	return []onceInput{
		{name: "interleaved", files: map[string]string{"doc.txt": inter.String()}, zh: "doc.txt"},
		{name: "markdown pair", files: map[string]string{"zh/doc.md": strings.Join(zh, "\n\n") + "\n", "en/doc.md": strings.Join(en, "\n\n") + "\n"}, zh: "zh/doc.md", en: "en/doc.md"},
		{name: "tmx", files: map[string]string{"doc.tmx": tmx.String()}, zh: "doc.tmx"},
	}
}

// TestOnceGivesWhatCheckingGives: a copy of a document under other names
// takes the first copy's result, and that result is what checking the copy
// gives, finding for finding (paths, lines, columns, texts, fingerprints)
// and bead for bead.
func TestOnceGivesWhatCheckingGives(t *testing.T) {
	for _, in := range onceInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			first := in.open(t, t.TempDir())
			// the copy sits deeper, so its lines differ from nothing but
			// its paths do
			copyDir := filepath.Join(t.TempDir(), "release", "2026")
			copied := in.open(t, copyDir)
			require.NotEqual(t, first.ZhSrc.Path, copied.ZhSrc.Path)

			once := driver.NewCopyCache(driver.Setup{})
			c1, err := once.Check(context.Background(), first, 2)
			require.NoError(t, err)
			assert.Equal(t, 1, once.Remembered())
			c2, err := once.Check(context.Background(), copied, 2)
			require.NoError(t, err)
			assert.Equal(t, 0, once.Remembered(), "let go after the last copy")
			fresh, err := driver.Check(context.Background(), in.open(t, copyDir), driver.Setup{})
			require.NoError(t, err)

			require.NotEmpty(t, fresh.Findings)
			assert.Same(t, copied, c2.Doc)
			assert.Same(t, copied, c2.Align.Doc)
			assert.Equal(t, fresh.Findings, c2.Findings)
			assert.Equal(t, fresh.Align.Beads, c2.Align.Beads)
			assert.Equal(t, fresh.Align.Ratio, c2.Align.Ratio)
			for _, f := range c2.Findings {
				for _, sp := range []*align.Span{f.Zh, f.En} {
					if sp != nil {
						assert.True(t, strings.HasPrefix(sp.Path, copyDir), sp.Path)
					}
				}
			}
			// the first copy's findings are its own, untouched by the copy
			own, err := driver.Check(context.Background(), in.open(t, t.TempDir()), driver.Setup{})
			require.NoError(t, err)
			assert.Equal(t, len(own.Findings), len(c1.Findings))
			assert.Equal(t, reportJSON(t, fresh), reportJSON(t, c2))
		})
	}
}

// TestOnceOtherPathOrder: a copy whose English path sorts before its
// Chinese one where the first copy's sorted after is checked on its own
// (its findings are ordered, and repeated ones numbered, by path), and so
// still gives what checking it gives.
func TestOnceOtherPathOrder(t *testing.T) {
	in := onceInputs(t)[1]
	first := in.open(t, t.TempDir())
	flipped := onceInput{files: map[string]string{
		"b/doc.md": in.files["zh/doc.md"], "a/doc.md": in.files["en/doc.md"]}, zh: "b/doc.md", en: "a/doc.md"}
	dir := t.TempDir()
	once := driver.NewCopyCache(driver.Setup{})
	_, err := once.Check(context.Background(), first, 2)
	require.NoError(t, err)
	c, err := once.Check(context.Background(), flipped.open(t, dir), 2)
	require.NoError(t, err)
	fresh, err := driver.Check(context.Background(), flipped.open(t, dir), driver.Setup{})
	require.NoError(t, err)
	assert.Equal(t, fresh.Findings, c.Findings)
}

// TestOnceConcurrent: copies checked at the same time all get the result.
func TestOnceConcurrent(t *testing.T) {
	in := onceInputs(t)[0]
	const n = 8
	docs := make([]*align.Document, n)
	for i := range docs {
		docs[i] = in.open(t, filepath.Join(t.TempDir(), fmt.Sprint(i)))
	}
	once := driver.NewCopyCache(driver.Setup{})
	out := make([]reports.Checked, n)
	errs := make(chan error, n)
	for i := range docs {
		go func() {
			var err error
			out[i], err = once.Check(context.Background(), docs[i], n)
			errs <- err
		}()
	}
	for range docs {
		require.NoError(t, <-errs)
	}
	assert.Equal(t, 0, once.Remembered())
	want, err := driver.Check(context.Background(), docs[n-1], driver.Setup{})
	require.NoError(t, err)
	assert.Equal(t, want.Findings, out[n-1].Findings)
	for i := range out {
		assert.Equal(t, len(want.Findings), len(out[i].Findings))
	}
}

// TestOnceRemembersOnlyCopies: a document the caller expects once is
// checked and not remembered; more copies than announced start again.
func TestOnceRemembersOnlyCopies(t *testing.T) {
	in := onceInputs(t)[0]
	once := driver.NewCopyCache(driver.Setup{})
	for range 2 {
		c, err := once.Check(context.Background(), in.open(t, t.TempDir()), 1)
		require.NoError(t, err)
		assert.NotEmpty(t, c.Findings)
		assert.Equal(t, 0, once.Remembered())
	}
	var counts []int
	for range 3 {
		c, err := once.Check(context.Background(), in.open(t, t.TempDir()), 2)
		require.NoError(t, err)
		counts = append(counts, len(c.Findings))
	}
	assert.Equal(t, counts[0], counts[1])
	assert.Equal(t, counts[0], counts[2])
	assert.Equal(t, 1, once.Remembered(), "the third copy started again, expecting one more")
}

func reportJSON(t *testing.T, c reports.Checked) string {
	t.Helper()
	r := reports.Build(reports.Tool{Name: "aligncheck"}, nil, align.Zh, []reports.Checked{c})
	var b strings.Builder
	require.NoError(t, reports.JSON{}.Write(&b, r))
	return b.String()
}

// BenchmarkContentKey: what a copy costs beyond its reading and report.
func BenchmarkContentKey(b *testing.B) {
	docs, err := input.Open(refDocFile, nil, input.Options{})
	require.NoError(b, err)
	b.SetBytes(int64(len(docs[0].ZhSrc.Text)))
	for b.Loop() {
		docs[0].ContentKey()
	}
}
