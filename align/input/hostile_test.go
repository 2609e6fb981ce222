package input_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/input"
)

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>&lol3;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
`

const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="zh" target-language="en"><body>
<trans-unit id="1"><source>&xxe;</source><target>x</target></trans-unit></body></file></xliff>
`

// bomb is a DOCX whose document.xml declares size bytes uncompressed but
// holds a few kilobytes: what a zip bomb looks like from its directory.
func bomb(t *testing.T, size uint64) []byte {
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.BestCompression)
	require.NoError(t, err)
	fw.Write(bytes.Repeat([]byte("<w:p/>"), 1<<12))
	require.NoError(t, fw.Close())
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: size})
	require.NoError(t, err)
	w.Write(packed.Bytes())
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	ref := genTMX(refPairs(t)).data
	truncated := docxZip(wp("中文段落。") + wp("An English paragraph."))
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"laughs.tmx", []byte(billionLaughs), "DOCTYPE declares entities"},
		{"xxe.xlf", []byte(externalEntity), "DOCTYPE declares entities"},
		{"bomb.docx", bomb(t, 10<<30), "word/document.xml declares"},
		{"ratio.docx", bomb(t, 64<<20), "likely zip bomb"},
		{"truncated.docx", truncated[:len(truncated)/2], "not a valid DOCX file"},
		{"nozh.tmx", []byte(strings.NewReplacer(`xml:lang="zh-CN"`, `xml:lang="de"`).Replace(string(ref))), "no Chinese segment"},
		{"unclosed.tmx", ref[:len(ref)/2], "unexpected EOF"},
		{"bad.jsonl", []byte("{\"zh\": \"中文\", \"en\": \"x\"}\n{\"zh\": oops}\n"), "bad.jsonl:2: not a JSON object"},
		{"open.csv", []byte("zh,en\n中文,\"never closed\n"), "open.csv:2: quoted field is not closed"},
		{"onecol.csv", []byte("中文\n英文\n"), "two columns"},
		{"shortrows.csv", []byte("source,target\nfoo\n"), "two columns"}, // rows narrower than the header
		{"notxml.tmx", []byte("hello"), "no <tmx> element"},
		{"notxliff.xlf", []byte("<?xml version=\"1.0\"?><tmx/>"), "not an XLIFF file"},
		{"binary.html", []byte("<p>abc\x00def</p>"), "binary data"},
		{"dupkey.jsonl", []byte("{\"zh\": \"中文\", \"en\": \"x\"}\n{\"zh\": \"中文\", \"en\": \"x\", \"zh\": \"别的\"}\n"), `dupkey.jsonl:2: key "zh" appears twice`},
		{"dupnested.jsonl", []byte("{\"translation\": {\"zh\": \"中文\", \"en\": \"x\", \"en\": \"y\"}}\n"), `dupnested.jsonl:1: key "translation.en" appears twice`},
		{"twice.docx", twoDocuments(), "word/document.xml twice"},
		{"ffutf8.txt", []byte("\xff\xfe国家安全。\n\nNational security.\n"), "starts with FF FE, the UTF-16 little-endian byte-order mark, but what follows is UTF-8 text"},
		{"ffodd.txt", []byte("\xff\xfe\x01\x02\x03"), "starts with FF FE, the UTF-16 little-endian byte-order mark, but is not UTF-16 text"},
		{"ffbinary.txt", append([]byte("\xff\xfe"), bytes.Repeat([]byte("\x81\x82\x83\x84"), 32)...), "but is not UTF-16 text (no line break"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			require.NoError(t, os.WriteFile(p, c.data, 0o644))
			start := time.Now()
			_, err := input.Open(p, nil, input.Options{})
			took := time.Since(start)
			require.Error(t, err)
			var ie *input.Error
			require.ErrorAs(t, err, &ie)
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), c.name, "the error names the file")
			assert.Less(t, took, time.Second)
			t.Logf("%s (%v)", err, took.Round(time.Millisecond))
		})
	}
}

// twoDocuments is a DOCX archive with word/document.xml twice (once in
// other letters' case): which one a reader takes differs.
func twoDocuments() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"word/document.xml", "Word/Document.xml"} {
		f, _ := zw.Create(name)
		f.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			wp("中文段落。") + wp("An English paragraph.") + `</w:body></w:document>`))
	}
	zw.Close()
	return buf.Bytes()
}

// TestCROnlyLineEndings: lines ended by CR alone (old Mac editors) are
// lines, and blank ones separate paragraphs, as with LF and CRLF.
func TestCROnlyLineEndings(t *testing.T) {
	for name, text := range map[string]string{
		"cr":    "国家安全。\r\rNational security.\r",
		"mixed": "国家安全。\r\n\rNational security.\r\n",
	} {
		doc, err := input.Interleaved(name+".txt", mustDecode(t, text))
		require.NoError(t, err, name)
		require.Len(t, doc.Zh, 1, name)
		require.Len(t, doc.En, 1, name)
		assert.Equal(t, "国家安全。", doc.Zh[0].Text, name)
		assert.Equal(t, "National security.", doc.En[0].Text, name)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "mac.txt")
	require.NoError(t, os.WriteFile(p, []byte("国家安全。\r\rNational security.\r"), 0o644))
	docs, err := input.Open(p, nil, input.Options{})
	require.NoError(t, err)
	require.Len(t, docs, 1)
	assert.Len(t, docs[0].Zh, 1)
	assert.Len(t, docs[0].En, 1)
}

func mustDecode(t *testing.T, s string) string {
	t.Helper()
	text, err := input.Decode("x.txt", []byte(s))
	require.NoError(t, err)
	return text
}
