package suppress

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// oneToOne aligns block i with block i.
func oneToOne(doc *align.Document) *align.Alignment {
	al := &align.Alignment{Doc: doc, ZhBead: make([]int, len(doc.Zh)), EnBead: make([]int, len(doc.En))}
	for i := range doc.Zh {
		al.Beads = append(al.Beads, align.Bead{Zh: []int{i}, En: []int{i}})
		al.ZhBead[i], al.EnBead[i] = i, i
	}
	return al
}

func known(n string) bool { return checks.Lookup(n) != nil }

func TestDirectiveLinesAreNotParagraphs(t *testing.T) {
	doc, err := input.TwoFiles("a.zh.txt", "第一段。\n\n# aligncheck-ignore numbering: 原文编号有误\n第二段。\n",
		"a.en.txt", "First.\n\n<!-- aligncheck-ignore numbering: the source numbers this wrongly -->\n\nSecond.\n")
	require.NoError(t, err)
	require.Len(t, doc.Zh, 2)
	require.Len(t, doc.En, 2)
	assert.Equal(t, "第二段。", doc.Zh[1].Text)
	assert.Equal(t, "Second.", doc.En[1].Text)
}

func TestApply(t *testing.T) {
	zh := "（一）第一段。\n\n（二）第二段。\n\n（三）第三段。\n\n（四）第四段。\n"
	en := "(1) First.\n\n" +
		"<!-- aligncheck-ignore numbering: the source skips a number -->\n(3) Second.\n\n" +
		"# aligncheck-ignore length\n(3) Third.\n\n" +
		"<!-- aligncheck-ignore nosuch, numbering/missing: typo -->\n(5) Fourth.\n"
	doc, err := input.TwoFiles("a.zh.txt", zh, "a.en.txt", en)
	require.NoError(t, err)
	require.Len(t, doc.En, 4)
	al := oneToOne(doc)
	finding := func(check string, bead int) checks.Finding {
		sp := doc.En[bead].Span()
		return checks.Finding{Check: check, Severity: checks.Error, Bead: bead, En: &sp, Message: check + " here"}
	}
	fs := []checks.Finding{
		finding("numbering", 1),          // suppressed by the directive before it
		finding("numbering/sequence", 1), // a sub-check: suppressed too
		finding("numbering", 0),          // another paragraph: kept
		finding("length", 2),             // directive without a reason: kept
		finding("numbering", 3),          // numbering/missing does not cover numbering
	}
	out := Apply(doc, al, fs, Options{Known: known, ReportUnused: true})
	var got []string
	for _, f := range out {
		got = append(got, f.Check+": "+f.Message)
		if f.Category == checks.CatFormat {
			assert.NotEmpty(t, f.Fingerprint)
		}
	}
	assert.Equal(t, []string{
		"numbering: numbering here",
		"suppression: aligncheck-ignore length has no reason and is not applied: write \"aligncheck-ignore length: <why>\"",
		"length: length here",
		"suppression: aligncheck-ignore names unknown check \"nosuch\" (see 'aligncheck checks')",
		"suppression/unused: unused suppression: no \"numbering/missing\" finding on the next paragraph",
		"numbering: numbering here",
	}, got)
	// directive findings sit on the directive's line
	assert.Equal(t, 6, out[1].En.Line)
	assert.Equal(t, "a.en.txt", out[1].En.Path)
}

func TestFileDirectiveEitherLanguage(t *testing.T) {
	zh := "<!-- aligncheck-ignore-file numbering: 旧版编号 -->\n\n（一）第一段。\n\n（二）第二段。\n"
	en := "(1) First.\n\n(3) Second.\n"
	doc, err := input.TwoFiles("a.zh.md", zh, "a.en.md", en)
	require.NoError(t, err)
	al := oneToOne(doc)
	sp := doc.En[1].Span()
	fs := []checks.Finding{{Check: "numbering", Bead: 1, En: &sp}, {Check: "length", Bead: 0}}
	out := Apply(doc, al, fs, Options{Known: known, ReportUnused: true})
	require.Len(t, out, 1)
	assert.Equal(t, "length", out[0].Check)

	// settings apply to the directive findings
	doc, err = input.TwoFiles("b.zh.txt", "# aligncheck-ignore numbering\n第一段。\n", "b.en.txt", "First.\n")
	require.NoError(t, err)
	set := checks.DefaultSettings()
	set.Severity["suppression"] = checks.Error
	out = Apply(doc, oneToOne(doc), nil, Options{Known: known, Settings: set})
	require.Len(t, out, 1)
	assert.Equal(t, checks.Error, out[0].Severity)
	assert.Equal(t, 0, out[0].Bead)
	set.Disabled["suppression"] = true
	assert.Empty(t, Apply(doc, oneToOne(doc), nil, Options{Known: known, Settings: set}))
}

func TestParseDirective(t *testing.T) {
	cases := []struct {
		line   string
		ok     bool
		file   bool
		checks []string
		reason string
	}{
		{"<!-- aligncheck-ignore numbers: updated figure -->", true, false, []string{"numbers"}, "updated figure"},
		{"<!--aligncheck-ignore numbers,length: r-->", true, false, []string{"numbers", "length"}, "r"},
		{"# aligncheck-ignore numbers", true, false, []string{"numbers"}, ""},
		{"## aligncheck-ignore-file untranslated: glossary page", true, true, []string{"untranslated"}, "glossary page"},
		{"# aligncheck-ignored numbers: x", false, false, nil, ""},
		{"# Heading", false, false, nil, ""},
		{"<!-- a comment -->", false, false, nil, ""},
		{"aligncheck-ignore numbers: not a comment", false, false, nil, ""},
	}
	for _, c := range cases {
		d, ok := input.ParseDirective(c.line)
		assert.Equal(t, c.ok, ok, c.line)
		if ok {
			assert.Equal(t, c.file, d.File, c.line)
			assert.Equal(t, c.checks, d.Checks, c.line)
			assert.Equal(t, c.reason, d.Reason, c.line)
		}
	}
}
