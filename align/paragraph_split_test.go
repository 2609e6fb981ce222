package align_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

// A unit is one translation unit of a test document: its Chinese and its
// English paragraphs (either may be none). The gold alignment pairs the
// paragraphs of each unit.
type unit struct{ zh, en []string }

// refUnits are the reference document's pairs, one paragraph a side.
func refUnits(t *testing.T) []unit {
	t.Helper()
	pairs, err := refTextPairs()
	require.NoError(t, err)
	us := make([]unit, len(pairs))
	for k, p := range pairs {
		us[k] = unit{zh: []string{p[0]}, en: []string{p[1]}}
	}
	return us
}

// sentencesOf cuts an English paragraph into its sentences, one paragraph
// each: a translator's split.
func sentencesOf(en string) []string {
	var out []string
	for _, s := range lang.SplitEn(en) {
		out = append(out, strings.TrimSpace(en[s.Start:s.End]))
	}
	return out
}

// Edits of the reference units.
func splitEn(k int) func([]unit) []unit {
	return func(us []unit) []unit { us[k].en = sentencesOf(us[k].en[0]); return us }
}

func dropEn(k int) func([]unit) []unit {
	return func(us []unit) []unit { us[k].en = nil; return us }
}

func dropZh(k int) func([]unit) []unit {
	return func(us []unit) []unit { us[k].zh = nil; return us }
}

// joinZh makes units k..k+n-1 one unit whose Chinese is their paragraphs
// run together (one Chinese paragraph translated by n English ones).
func joinZh(k, n int) func([]unit) []unit {
	return func(us []unit) []unit {
		j := unit{zh: []string{""}}
		for _, u := range us[k : k+n] {
			j.zh[0] += u.zh[0]
			j.en = append(j.en, u.en...)
		}
		return append(append(append([]unit{}, us[:k]...), j), us[k+n:]...)
	}
}

// joinEn is joinZh the other way round.
func joinEn(k, n int) func([]unit) []unit {
	return func(us []unit) []unit {
		j := unit{en: []string{""}}
		for _, u := range us[k : k+n] {
			j.zh = append(j.zh, u.zh...)
			j.en[0] = strings.TrimSpace(j.en[0] + " " + u.en[0])
		}
		return append(append(append([]unit{}, us[:k]...), j), us[k+n:]...)
	}
}

type shape int

const (
	twoFiles shape = iota
	zhFirst        // interleaved, each unit's Chinese then its English
	enFirst        // interleaved, English first
)

func (s shape) String() string { return [...]string{"two files", "zh first", "en first"}[s] }

// build writes the units as a document of the given shape and reads it
// with the input package.
func build(t *testing.T, us []unit, sh shape) *align.Document {
	t.Helper()
	dir := t.TempDir()
	var zh, en, all []string
	for _, u := range us {
		zh = append(zh, u.zh...)
		en = append(en, u.en...)
		if sh == enFirst {
			all = append(append(all, u.en...), u.zh...)
		} else {
			all = append(append(all, u.zh...), u.en...)
		}
	}
	var doc *align.Document
	var err error
	if sh == twoFiles {
		doc, err = input.TwoFiles(filepath.Join(dir, "doc.zh.txt"), strings.Join(zh, "\n\n")+"\n",
			filepath.Join(dir, "doc.en.txt"), strings.Join(en, "\n\n")+"\n")
	} else {
		doc, err = input.Interleaved(filepath.Join(dir, "doc.txt"), strings.Join(all, "\n\n")+"\n")
	}
	require.NoError(t, err)
	require.Len(t, doc.Zh, len(zh), "Chinese blocks")
	require.Len(t, doc.En, len(en), "English blocks")
	return doc
}

// beads lists an alignment's paragraph beads as "zh blocks ↔ en blocks",
// and gold does so for the units.
func beads(a *align.Alignment) []string {
	var out []string
	for _, b := range a.Beads {
		out = append(out, fmt.Sprint(b.Zh, "↔", b.En))
	}
	return out
}

func gold(us []unit) []string {
	var out []string
	z, e := 0, 0
	for _, u := range us {
		var zs, es []int
		for range u.zh {
			zs = append(zs, z)
			z++
		}
		for range u.en {
			es = append(es, e)
			e++
		}
		if len(zs) == 0 && len(es) == 0 {
			continue
		}
		out = append(out, fmt.Sprint(zs, "↔", es))
	}
	return out
}

// TestParagraphSplitsAndOmissions: on the reference document, a paragraph
// translated by several (up to eight, and beyond where the page's layout
// groups them), several translated by one, and a paragraph with no
// counterpart beside such a split: each is found as the unit it is, in
// two files and in both interleaved orders. The omission beside a split is
// left unpaired, not swallowed by the split.
func TestParagraphSplitsAndOmissions(t *testing.T) {
	require.NoError(t, lexicon.Load())
	opt := align.Options{Lex: lexicon.Default()}
	cases := []struct {
		name   string
		edits  []func([]unit) []unit
		shapes []shape
	}{
		{"split into sentences", []func([]unit) []unit{splitEn(16)}, nil},
		{"split into 8 sentences", []func([]unit) []unit{splitEn(14)}, nil},
		{"two splits in a row", []func([]unit) []unit{splitEn(16), splitEn(17)}, nil},
		{"English missing after a split", []func([]unit) []unit{splitEn(16), dropEn(17)}, nil},
		{"English missing before a split", []func([]unit) []unit{dropEn(15), splitEn(16)}, nil},
		{"Chinese missing after a split", []func([]unit) []unit{splitEn(16), dropZh(17)}, nil},
		{"Chinese missing before a split", []func([]unit) []unit{dropZh(15), splitEn(16)}, nil},
		{"heading missing before a split", []func([]unit) []unit{dropEn(22), splitEn(23)}, nil},
		{"one Chinese paragraph, 4 English", []func([]unit) []unit{joinZh(8, 4)}, nil},
		{"one Chinese paragraph, 8 English", []func([]unit) []unit{joinZh(5, 8)}, nil},
		{"8 English, then English missing", []func([]unit) []unit{dropEn(13), joinZh(5, 8)}, nil},
		{"4 Chinese paragraphs, one English", []func([]unit) []unit{joinEn(8, 4)}, nil},
		{"one Chinese paragraph, 12 English", []func([]unit) []unit{joinZh(5, 12)}, []shape{zhFirst, enFirst}},
	}
	for _, c := range cases {
		shapes := c.shapes
		if shapes == nil {
			shapes = []shape{twoFiles, zhFirst, enFirst}
		}
		for _, sh := range shapes {
			t.Run(c.name+", "+sh.String(), func(t *testing.T) {
				us := refUnits(t)
				for _, e := range c.edits {
					us = e(us)
				}
				a := align.Align(build(t, us, sh), opt)
				assert.Equal(t, gold(us), beads(a))
			})
		}
	}
}

// TestParagraphBoundsWithLayout: the paragraph DP's bounds hold on the
// reference document with a split, a merge and an omission, in two files
// and in both interleaved orders (layout links, groups, interruptions).
func TestParagraphBoundsWithLayout(t *testing.T) {
	require.NoError(t, lexicon.Load())
	for _, sh := range []shape{twoFiles, zhFirst, enFirst} {
		us := refUnits(t)
		for _, e := range []func([]unit) []unit{splitEn(16), dropEn(20), joinEn(8, 3)} {
			us = e(us)
		}
		require.NoError(t, align.CheckParagraphBounds(build(t, us, sh), lexicon.Default()), sh.String())
	}
}
