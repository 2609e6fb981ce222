package input

import (
	"archive/zip"
	"bufio"
	"bytes"
	"testing"

	"github.com/aligncheck/aligncheck/align"
)

// Every reader of outside input is fuzzed: on any input it returns a
// document or an *Error, never panics, and every block it makes is an
// exact span of its source with a valid location.

func checkDocs(t *testing.T, docs []*align.Document, err error) {
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("error is %T, not *Error: %v", err, err)
		}
		return
	}
	for _, d := range docs {
		for _, blocks := range [][]*align.Block{d.Zh, d.En, d.Other} {
			for _, b := range blocks {
				if b.Start < 0 || b.End < b.Start || b.End > len(b.Src.Text) || b.Src.Text[b.Start:b.End] != b.Text {
					t.Fatalf("block %q is not Src.Text[%d:%d]", b.Text, b.Start, b.End)
				}
				sp := b.Span()
				if sp.Line < 1 || sp.Column < 1 || sp.EndLine < sp.Line {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
		for _, l := range d.Layout {
			if l.Zh < 0 || l.Zh >= len(d.Zh) || l.En < 0 || l.En >= len(d.En) {
				t.Fatalf("bad link %+v", l)
			}
		}
	}
}

func streamOf(name string, data []byte) *stream {
	return &stream{r: bufio.NewReader(bytes.NewReader(data)), shown: name}
}

func collect(read func(*stream, pieces, func(*align.Document) error) error, name string, data []byte, chunk int) ([]*align.Document, error) {
	var docs []*align.Document
	p := pieces{chunk: chunk}
	if chunk > 0 {
		p.overlap = chunk / 2 // windows that share context, as the checker reads them
	}
	err := read(streamOf(name, data), p, func(d *align.Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

const seedTMX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="zh-CN"/><body>
<tu tuid="1"><prop type="x-doc">a</prop><tuv xml:lang="zh-CN"><seg>点击<bpt i="1">&lt;b&gt;</bpt>保存<ept i="1">&lt;/b&gt;</ept>按钮。</seg></tuv>
<tuv xml:lang="en-GB"><seg>Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>.<ph x="2"/></seg></tuv></tu>
<tu><tuv lang="ZH-TW"><seg>國家安全。</seg></tuv><tuv lang="EN"><seg>National &amp; security.</seg></tuv></tu>
</body></tmx>`

const seedXLIFF12 = `<?xml version="1.0"?>
<xliff version="1.2"><file source-language="en" target-language="zh-Hans"><body>
<trans-unit id="a"><source>Click <g id="1">Save</g><x id="2"/>.</source><target>点击<g id="1">保存</g><x id="2"/>。</target><note>n</note></trans-unit>
<group><trans-unit id="b"><source>Hi <bx id="3"/>there<ex id="4" rid="3"/></source><target></target></trans-unit></group>
</body></file></xliff>`

const seedXLIFF2 = `<?xml version="1.0"?>
<xliff version="2.0" srcLang="zh" trgLang="en-US"><file id="f"><unit id="u1">
<segment id="s1"><source>国家<pc id="1">安全</pc><ph id="2"/><cp hex="4E2D"/></source><target>National <pc id="1">security</pc><ph id="2"/></target></segment>
<ignorable><source> </source></ignorable><segment><source><sc id="3"/>二<ec startRef="3"/></source><target>two</target></segment></unit></file></xliff>`

func FuzzTMX(f *testing.F) {
	f.Add([]byte(seedTMX), 0)
	f.Add([]byte(`<tmx><body><tu><tuv xml:lang="zh"><seg>中</seg></tuv></tu></body></tmx>`), 1)
	f.Fuzz(func(t *testing.T, data []byte, chunk int) {
		docs, err := collect(readTMX, "f.tmx", data, chunk%4)
		checkDocs(t, docs, err)
	})
}

func FuzzXLIFF(f *testing.F) {
	f.Add([]byte(seedXLIFF12))
	f.Add([]byte(seedXLIFF2))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := collect(readXLIFF, "f.xlf", data, 0)
		checkDocs(t, docs, err)
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("zh,en,note\r\n国家安全,\"National \"\"security\"\"\",x\r\n\"多\n行\",two lines\r\n"), false)
	f.Add([]byte("中文\tEnglish\n第二行\tSecond \"row\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		name := "f.csv"
		if tsv {
			name = "f.tsv"
		}
		docs, err := collect(readTable, name, data, 0)
		checkDocs(t, docs, err)
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"zh": "国家\n安全", "en": "National security", "id": 3, "score": [1,2]}` + "\n\n" +
		`{"translation": {"zh-CN": "二", "en": "two"}}` + "\n" + `{"source": "one", "target": "一", "source_lang": "en"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := collect(readJSONL, "f.jsonl", data, 1)
		checkDocs(t, docs, err)
	})
}

func FuzzHTML(f *testing.F) {
	f.Add("<html><head><title>t</title><script>x<y</script></head><body><nav>Home</nav><h1>Title &amp; more</h1>\n<p>国家安全<br>体系。</p><p>National\n  security &lt;system&gt;.</p><table><tr><td>一</td><td>One</td></tr></table></body></html>")
	f.Fuzz(func(t *testing.T, page string) {
		d, err := HTMLDoc("f.html", page)
		var docs []*align.Document
		if d != nil {
			docs = append(docs, d)
		}
		checkDocs(t, docs, err)
	})
}

func seedDOCX(body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	zw.Close()
	return buf.Bytes()
}

func FuzzDOCX(f *testing.F) {
	f.Add(seedDOCX(`<w:p><w:r><w:t>国家安全。</w:t><w:br/><w:tab/><w:t>体系</w:t></w:r></w:p><w:p><w:r><w:t>National security.</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>`))
	f.Add(seedDOCX(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>One</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>二</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := DOCXDoc("f.docx", data)
		var docs []*align.Document
		if d != nil {
			docs = append(docs, d)
		}
		checkDocs(t, docs, err)
	})
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("\xef\xbb\xbf国家安全\r\nNational security"), "")
	f.Add([]byte("\xff\xfeA\x00\x2d\x4e"), "")
	f.Add([]byte("\xb9\xfa\xbc\xd2\xb0\xb2\xc8\xab"), "")
	f.Add([]byte("\xb0\xea\xae\x61"), "big5")
	f.Add([]byte("abc"), "utf-16be")
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		s, err := DecodeAs("f.txt", data, enc)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error is %T", err)
			}
			return
		}
		if !utf8Valid(s) {
			t.Fatalf("decoded text is not UTF-8")
		}
	})
}

func utf8Valid(s string) bool { return bytes.Equal([]byte(s), bytes.ToValidUTF8([]byte(s), nil)) }

func FuzzInterleaved(f *testing.F) {
	f.Add("国家安全。\n\nNational security.\n\n第二段。\nSecond.\n", false)
	f.Add("---\ntitle: x\n---\n# 标题\n\n- 一项\n- One item\n1. 第一\n\n```\ncode\n```\n", true)
	f.Fuzz(func(t *testing.T, text string, md bool) {
		name := "f.txt"
		if md {
			name = "f.md"
		}
		d, err := Interleaved(name, text)
		var docs []*align.Document
		if d != nil {
			docs = append(docs, d)
		}
		checkDocs(t, docs, err)
	})
}

func FuzzOpenStdin(f *testing.F) {
	f.Add([]byte(seedTMX))
	f.Add([]byte(seedXLIFF2))
	f.Add([]byte(`{"zh": "中", "en": "x"}`))
	f.Add([]byte("\xff\xfe<\x00t\x00m\x00x\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Open("-", bytes.NewReader(data), Options{})
		checkDocs(t, docs, err)
	})
}
