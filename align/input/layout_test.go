package input_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
)

// TestLayoutOrderOfASplitPage: a page that follows each Chinese paragraph
// with the several English paragraphs it became (here the reference
// document's English cut into sentences) is read Chinese first, as is the
// page; the single neighbours, a piece of a translation against a whole
// paragraph either way round, chose the wrong order. Pages that alternate
// paragraph by paragraph are read in their own order as before.
func TestLayoutOrderOfASplitPage(t *testing.T) {
	pairs, err := refTextPairs()
	require.NoError(t, err)
	sentences := func(en string) []string {
		var out []string
		for _, s := range lang.SplitEn(en) {
			out = append(out, strings.TrimSpace(en[s.Start:s.End]))
		}
		return out
	}
	var split, zhFirst, enFirst []string
	for _, p := range pairs {
		split = append(append(split, p[0]), sentences(p[1])...)
		zhFirst = append(zhFirst, p[0], p[1])
		enFirst = append(enFirst, p[1], p[0])
	}
	for _, c := range []struct {
		name   string
		blocks []string
		first  align.Lang
	}{
		{"Chinese, then its English in sentences", split, align.Zh},
		{"Chinese, then English", zhFirst, align.Zh},
		{"English, then Chinese", enFirst, align.En},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := input.Interleaved("page.txt", strings.Join(c.blocks, "\n\n")+"\n")
			require.NoError(t, err)
			require.Len(t, doc.Zh, len(pairs))
			require.Len(t, doc.Layout, len(pairs))
			for _, l := range doc.Layout {
				zs, es := doc.Zh[l.Zh].Seq, doc.En[l.En].Seq
				if c.first == align.Zh {
					assert.Equal(t, zs+1, es, "link %v: the English right after its Chinese", l)
				} else {
					assert.Equal(t, es+1, zs, "link %v: the Chinese right after its English", l)
				}
			}
		})
	}
}

// TestNoLinkBetweenRunsOfSeveral: on a page that gives two English
// paragraphs and then their two Chinese ones, the last English and the
// first Chinese meet but are not each other's translation; no link is made
// there, while a single paragraph a side still links.
func TestNoLinkBetweenRunsOfSeveral(t *testing.T) {
	pairs, err := refTextPairs()
	require.NoError(t, err)
	zhOf := map[string]string{}
	var blocks []string
	single := 0
	for k := 1; k+1 < len(pairs); k += 3 {
		// two by two, then one by one
		blocks = append(blocks, pairs[k][1], pairs[k+1][1], pairs[k][0], pairs[k+1][0])
		if k+2 < len(pairs) {
			blocks = append(blocks, pairs[k+2][1], pairs[k+2][0])
			single++
		}
	}
	for _, p := range pairs {
		zhOf[p[1]] = p[0]
	}
	doc, err := input.Interleaved("page.txt", strings.Join(blocks, "\n\n")+"\n")
	require.NoError(t, err)
	assert.Len(t, doc.Layout, single, "one link per paragraph laid out alone")
	for _, l := range doc.Layout {
		assert.Equal(t, zhOf[doc.En[l.En].Text], doc.Zh[l.Zh].Text, "link %v pairs a translation", l)
	}
}
