package input_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/input"
)

// nestedXLIFF is one translation unit whose source holds depth nested
// inline <g> elements (issue 15: 100,000 of them ran past two minutes).
func nestedXLIFF(depth int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="a"><body>
<trans-unit id="1"><source>国家安全`)
	for i := range depth {
		fmt.Fprintf(&b, `<g id="%d">`, i%10)
	}
	b.WriteString("体系")
	b.WriteString(strings.Repeat("</g>", depth))
	b.WriteString("。</source><target>The national security system.</target></trans-unit></body></file></xliff>\n")
	return []byte(b.String())
}

func readNested(tb testing.TB, dir string, depth int) string {
	p := filepath.Join(dir, fmt.Sprintf("nested%d.xlf", depth))
	if err := os.WriteFile(p, nestedXLIFF(depth), 0o644); err != nil {
		tb.Fatal(err)
	}
	docs, err := input.Open(p, nil, input.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Zh) != 1 {
		tb.Fatalf("want one document of one Chinese block, got %d documents", len(docs))
	}
	return docs[0].Zh[0].Text
}

// TestXLIFFDeepNesting: 100,000 nested inline elements are read, each as
// its placeholder pair, around the text they enclose.
func TestXLIFFDeepNesting(t *testing.T) {
	if testing.Short() {
		t.Skip("a 2.8 MB unit; skipped with -short")
	}
	const depth = 100_000
	text := readNested(t, t.TempDir(), depth)
	require.True(t, strings.HasPrefix(text, "国家安全{0}{1}"), "%.40s", text)
	assert.Contains(t, text, "{9}体系{/9}")
	assert.True(t, strings.HasSuffix(text, "{/1}{/0}。"), "%.40s", text[len(text)-40:])
	assert.Equal(t, depth, strings.Count(text, "{/"))
}

// BenchmarkXLIFFNested reads a unit of 10,000, 50,000 and 100,000 nested
// inline elements: time and memory grow with the depth, not its square.
func BenchmarkXLIFFNested(b *testing.B) {
	dir := b.TempDir()
	for _, depth := range []int{10_000, 50_000, 100_000} {
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				readNested(b, dir, depth)
			}
		})
	}
}
