package reports_test

import (
	"os"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// refPath is the reference document, named as a user in the repository
// root would name it.
const (
	refFile = "../testdata/csis-modernizing-national-security.interleaved.txt"
	refPath = "testdata/csis-modernizing-national-security.interleaved.txt"
)

// Hostile text: markup, a CDATA end and control characters in both
// languages, to check that no writer lets them through.
const hostileZh = "一、关于<script>alert(1)</script>的说明\n\n" +
	"（一）本段包含\"><img src=x onerror=alert(1)>字样，以及]]>结尾和控制字符\x01\x02\x1b[31m。今年新招录人员1200名。\n\n" +
	"（二）第二段也有<b onmouseover=alert(1)>粗体</b>和&amp;实体，覆盖全国31个省份。\n"

const hostileEn = "I. About <script>alert(1)</script>\n\n" +
	"(1) This paragraph contains \"><img src=x onerror=alert(1)> and ends with ]]> and control characters \x01\x02\x1b[31m. This year 1,200 new staff were recruited.\n\n" +
	"(2) The second one has <b onmouseover=alert(1)>bold</b> and &amp; entities, covering 21 provinces.\n"

var (
	refOnce sync.Once
	refRep  *reports.Report
	refErr  error
)

// check aligns and checks a document as the driver does, with the
// embedded segmenter and lexicon and every check.
func check(d *align.Document) (reports.Checked, error) {
	if err := lexicon.Load(); err != nil {
		return reports.Checked{}, err
	}
	if err := lang.Load(); err != nil {
		return reports.Checked{}, err
	}
	al := align.Align(d, align.Options{Lex: lexicon.Default()})
	fs, err := checks.Run(d, al, checks.DefaultSettings(), checks.Registry())
	return reports.Checked{Doc: d, Align: al, Findings: fs}, err
}

// checkDoc aligns and checks documents and builds their report.
func checkDoc(t *testing.T, docs ...*align.Document) *reports.Report {
	t.Helper()
	var cs []reports.Checked
	for _, d := range docs {
		c, err := check(d)
		require.NoError(t, err)
		cs = append(cs, c)
	}
	return reports.Build(reports.Tool{Name: "aligncheck", Version: "test"}, checks.Registry(), align.Zh, cs)
}

// refReport is the report of the reference document, built once.
func refReport(t testing.TB) *reports.Report {
	t.Helper()
	refOnce.Do(func() {
		var text []byte
		text, refErr = os.ReadFile(refFile)
		if refErr != nil {
			return
		}
		var doc *align.Document
		doc, refErr = input.Interleaved(refPath, string(text))
		if refErr != nil {
			return
		}
		var c reports.Checked
		c, refErr = check(doc)
		if refErr != nil {
			return
		}
		refRep = reports.Build(reports.Tool{Name: "aligncheck", Version: "test"}, checks.Registry(), align.Zh, []reports.Checked{c})
	})
	require.NoError(t, refErr)
	return refRep
}

func hostileReport(t *testing.T) *reports.Report {
	t.Helper()
	doc, err := input.TwoFiles("hostile.zh.txt", hostileZh, "hostile.en.txt", hostileEn)
	require.NoError(t, err)
	return checkDoc(t, doc)
}
