package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Inline codes become placeholders; spans still point at the file: the
// segment's line, and the column of its first character.
func TestInlinePlaceholders(t *testing.T) {
	docs, err := collect(readTMX, "f.tmx", []byte(seedTMX), 0)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	d := docs[0]
	require.Len(t, d.Zh, 2)
	assert.Equal(t, "点击{1}保存{/1}按钮。", d.Zh[0].Text)
	assert.Equal(t, "Click {1}Save{/1}.{2}", d.En[0].Text)
	assert.Equal(t, "National & security.", d.En[1].Text)
	assert.Equal(t, "國家安全。", d.Zh[1].Text)
	sp := d.Zh[0].Span()
	assert.Equal(t, 4, sp.Line)
	assert.Equal(t, 68, sp.Column) // after <tu tuid="1"><prop …>a</prop><tuv xml:lang="zh-CN"><seg>
	assert.Equal(t, "unit 1 (tuid 1)", d.Zh[0].Unit)
	assert.Equal(t, map[string]string{"x-doc": "a"}, d.Zh[0].Extra)
	// text after a tag is anchored again: "保存" is at its own column
	s2 := d.Zh[0].SubSpan(len("点击{1}"), len("点击{1}保存"))
	assert.Equal(t, 4, s2.Line)
	assert.Equal(t, 68+2+len(`<bpt i="1">&lt;b&gt;</bpt>`), s2.Column)
	assert.Equal(t, 2, len(d.Layout))

	docs, err = collect(readXLIFF, "f.xlf", []byte(seedXLIFF12), 0)
	require.NoError(t, err)
	d = docs[0]
	assert.Equal(t, "点击{1}保存{/1}{2}。", d.Zh[0].Text)
	assert.Equal(t, "Click {1}Save{/1}{2}.", d.En[0].Text)
	assert.Equal(t, "Hi {3}there{/3}", d.En[1].Text)
	assert.Len(t, d.Zh, 1, "an empty target is no block")
	assert.Equal(t, "n", d.En[0].Extra["note"])

	docs, err = collect(readXLIFF, "f.xliff", []byte(seedXLIFF2), 0)
	require.NoError(t, err)
	d = docs[0]
	assert.Equal(t, "国家{1}安全{/1}{2}中", d.Zh[0].Text)
	assert.Equal(t, "National {1}security{/1}{2}", d.En[0].Text)
	assert.Equal(t, "{3}二{/3}", d.Zh[1].Text)
	assert.Equal(t, "unit u1 segment s1", d.Zh[0].Unit)
}

func TestJSONLExtraAndSides(t *testing.T) {
	docs, err := collect(readJSONL, "f.jsonl", []byte(`{"zh": "国家\n安全", "en": "National security", "id": 3, "score": [1, 2]}`+"\n\n"+
		`{"translation": {"zh-CN": "二", "en": "two"}}`+"\n"+`{"source": "one", "target": "一", "source_lang": "en"}`), 0)
	require.NoError(t, err)
	d := docs[0]
	require.Len(t, d.Zh, 3)
	assert.Equal(t, "国家\n安全", d.Zh[0].Text)
	assert.Equal(t, 1, d.Zh[0].SubSpan(len("国家\n"), len("国家\n安全")).Line, "an escaped line break stays on the record's line")
	assert.Equal(t, 9, d.Zh[0].Span().Column)
	assert.Equal(t, map[string]string{"id": "3", "score": "[1,2]"}, d.Zh[0].Extra)
	assert.Equal(t, "record 1 (id 3)", d.Zh[0].Unit)
	assert.Equal(t, 3, d.Zh[1].Span().Line)
	assert.Equal(t, "一", d.Zh[2].Text)
	assert.Equal(t, "one", d.En[2].Text)
}

func TestMarkdownListItems(t *testing.T) {
	md := "---\ntitle: x\n---\n# 标题\n\n- 第一项\n- The first item\n  continued\n1. 第二\n2. Second\n\n```\ncode 代码\n```\n"
	d, err := Interleaved("f.md", md)
	require.NoError(t, err)
	var zh, en []string
	for _, b := range d.Zh {
		zh = append(zh, b.Text)
	}
	for _, b := range d.En {
		en = append(en, b.Text)
	}
	assert.Equal(t, []string{"标题", "第一项", "1. 第二"}, zh)
	assert.Equal(t, []string{"The first item\n  continued", "2. Second"}, en)
}

func TestHTMLLocations(t *testing.T) {
	page := "<html><head><style>p{}</style></head><body>\n<nav><p>Menu</p></nav>\n<p>国家&amp;安全\n   体系。</p>\n<p class=x>National <b>security</b> &lt;system&gt;.</p>\n<footer>Foot</footer></body></html>"
	d, err := HTMLDoc("f.html", page)
	require.NoError(t, err)
	require.Len(t, d.Zh, 1)
	require.Len(t, d.En, 1)
	assert.Equal(t, "国家&安全 体系。", d.Zh[0].Text)
	assert.Equal(t, "National security <system>.", d.En[0].Text)
	assert.Equal(t, 3, d.Zh[0].Span().Line)
	assert.Equal(t, 4, d.Zh[0].Span().Column)
	s := d.Zh[0].SubSpan(len("国家&安全 "), len("国家&安全 体系"))
	assert.Equal(t, 4, s.Line)
	assert.Equal(t, 4, s.Column)
	assert.Equal(t, 5, d.En[0].Span().Line)
}
