package reports_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// TestFindingExcerptBounded: a finding's location quotes at most
// MaxExcerpt bytes of its span, cut at a character, while its lines and
// columns still span all of it; short texts are quoted whole.
func TestFindingExcerptBounded(t *testing.T) {
	long := strings.Repeat("国家安全体系和能力现代化。", 1000) // 39,000 bytes
	src := align.NewSource("a.zh.txt", long+"\n")
	doc := &align.Document{Name: "a.zh.txt", ZhSrc: src, EnSrc: src}
	whole, word := src.Span(0, len(long)), src.Span(0, 6)
	fs := []checks.Finding{
		{Check: "tags", Severity: checks.Error, Message: "m", Zh: &word, En: &whole, Bead: -1},
	}
	r := reports.Build(reports.Tool{Name: "aligncheck"}, nil, align.Zh, []reports.Checked{{Doc: doc, Findings: fs}})
	require.Len(t, r.Documents[0].Findings, 1)
	f := r.Documents[0].Findings[0]
	assert.Equal(t, "国家", f.Zh.Text)
	assert.LessOrEqual(t, len(f.En.Text), reports.MaxExcerpt)
	assert.True(t, utf8.ValidString(f.En.Text))
	assert.True(t, strings.HasSuffix(f.En.Text, "…"))
	assert.True(t, strings.HasPrefix(long, strings.TrimSuffix(f.En.Text, "…")))
	assert.Equal(t, whole.EndColumn, f.En.EndColumn)
}
