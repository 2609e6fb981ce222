package reports_test

import (
	"fmt"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// The golden fixture is built by hand, block by block and bead by bead,
// so the goldens change only when a writer does, not when the aligner,
// the sentence splitter or a check does.

const fixtureZh = `一、总体要求

(一)加强统筹协调。各地区各部门要把安全工作摆在突出位置，建立健全工作机制。确保各项任务落到实处。

(二)完善制度体系。到2025年，基本形成系统完备的制度体系，覆盖全国31个省份。

(三)提高治理能力。要坚持以人民为中心的发展思想，着力解决群众最关心最直接最现实的问题，不断增强人民群众的获得感、幸福感、安全感。

(四)加强队伍建设。注意<script>alert(1)</script>和"><img src=x onerror=alert(1)>以及]]>与控制符` + "\x01\x07" + `。

这一段没有英文译文，整段漏译。
`

const fixtureEn = `I. General Requirements

(1) Strengthen overall coordination. All regions and departments must give security work a prominent place and establish sound working mechanisms. Ensure that every task is carried out.

(2) Improve the system. By 2025, a complete system will basically be formed, covering 21 provinces.

(4) Improve governance capacity.

(4) Strengthen the team. Watch for <script>alert(1)</script> and "><img src=x onerror=alert(1)> and ]]> and a control character` + "\x01\x07" + `.

An English paragraph that has no Chinese source.
`

// The English as it was in an older revision, for --compare-to.
const fixtureEnOld = `I. General Requirements

(1) Strengthen coordination. All regions and departments must give security work a prominent place and establish working mechanisms. Ensure that every task is carried out.

(2) Improve the system. By 2025, a complete system will basically be formed, covering 21 provinces.

A paragraph that was removed.

(4) Improve governance.

(4) Strengthen the team. Watch for <script>alert(1)</script> and "><img src=x onerror=alert(1)> and ]]> and a control character` + "\x01\x07" + `.
`

const secondZh = "第一条 为了规范管理，制定本办法。\n"
const secondEn = "Article 1 These measures are formulated to regulate management.\n"

// fixtureChecks stand in for the registry, with documentation that does not
// change when a real check's does.
var fixtureChecks = []*checks.Check{
	{Name: "omission", Category: checks.CatOmission, Severity: checks.Error, Doc: "a paragraph or sentence left out\n\nA source paragraph with no counterpart in the translation."},
	{Name: "addition", Category: checks.CatAddition, Severity: checks.Warning, Doc: "a translation paragraph with no source\n\nEnglish text with no Chinese counterpart."},
	{Name: "length", Category: checks.CatLength, Severity: checks.Warning, Doc: "a pair whose length ratio is far from the document's own\n\nRobust z-score of log(en/zh) ≥ 3.5.\n  Example: an English paragraph cut short."},
	{Name: "numbering", Category: checks.CatNumbering, Severity: checks.Error, Doc: "enumerators that disagree across a pair\n\n\"(4)\" against \"(三)\"."},
	{Name: "numbers", Category: checks.CatNumbers, Severity: checks.Error, Doc: "numbers that differ\n\n\"31\" against \"21\"."},
	{Name: "terminology", Category: checks.CatTerminology, Severity: checks.Warning, Doc: "a term rendered unlike the glossary\n\n<b>not bold</b>: documentation is text, never markup."},
	{Name: "format", Category: checks.CatFormat, Severity: checks.Info, Doc: "markup and control characters in the text\n\nHTML tags or control characters in a paragraph."},
	{Name: "alignment", Category: checks.CatAlignment, Severity: checks.Warning, Doc: "pairs out of step\n\nLayout and content disagree."},
}

// fixtureDoc splits two texts into blank-line blocks and each block into
// sentences after 。！？ or ". ".
func fixtureDoc(zhPath, zh, enPath, en string) *align.Document {
	zs, es := align.NewSource(zhPath, zh), align.NewSource(enPath, en)
	doc := &align.Document{Name: zhPath + " | " + enPath, Shape: align.TwoFiles, ZhSrc: zs, EnSrc: es}
	doc.Zh = fixtureBlocks(zs, align.Zh)
	doc.En = fixtureBlocks(es, align.En)
	return doc
}

func fixtureBlocks(src *align.Source, l align.Lang) []*align.Block {
	var out []*align.Block
	text := src.Text
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		t := strings.TrimRight(text[start:end], "\n")
		if t != "" {
			b := &align.Block{Lang: l, Index: len(out), Seq: len(out), Src: src, Start: start, End: start + len(t), Text: t}
			b.Sents = fixtureSents(t, l)
			out = append(out, b)
		}
		start = end + 2
	}
	return out
}

func fixtureSents(t string, l align.Lang) []lang.Span {
	var out []lang.Span
	s := 0
	for i, r := range t {
		end := -1
		if l == align.Zh && strings.ContainsRune("。！？", r) {
			end = i + len(string(r))
		}
		if l == align.En && r == '.' && (i+1 == len(t) || t[i+1] == ' ') {
			end = i + 1
		}
		if end > 0 {
			out = append(out, lang.Span{Start: s, End: end})
			s = end
			for s < len(t) && t[s] == ' ' {
				s++
			}
		}
	}
	if s < len(t) {
		out = append(out, lang.Span{Start: s, End: len(t)})
	}
	return out
}

// fixtureAlign pairs blocks as given; inside each bead the i-th sentences
// of both sides pair up, and the rest stand alone.
func fixtureAlign(doc *align.Document, beads [][2][]int, ratio float64) *align.Alignment {
	al := &align.Alignment{Doc: doc, Ratio: ratio, ZhBead: make([]int, len(doc.Zh)), EnBead: make([]int, len(doc.En))}
	for bi, p := range beads {
		b := align.Bead{Zh: p[0], En: p[1], Score: 0.9, SwappedWith: -1}
		if len(p[0]) == 0 || len(p[1]) == 0 {
			b.Score = 0
		}
		var zs, es []align.SentRef
		for _, i := range p[0] {
			al.ZhBead[i] = bi
			for k := range doc.Zh[i].Sents {
				zs = append(zs, align.SentRef{Block: i, Sent: k})
			}
		}
		for _, j := range p[1] {
			al.EnBead[j] = bi
			for k := range doc.En[j].Sents {
				es = append(es, align.SentRef{Block: j, Sent: k})
			}
		}
		for k := 0; k < max(len(zs), len(es)); k++ {
			sb := align.SentBead{Score: 0.8}
			if k < len(zs) {
				sb.Zh = []align.SentRef{zs[k]}
			}
			if k < len(es) {
				sb.En = []align.SentRef{es[k]}
			}
			if len(sb.Zh) == 0 || len(sb.En) == 0 {
				sb.Score = 0
			}
			b.Sents = append(b.Sents, sb)
		}
		al.Beads = append(al.Beads, b)
	}
	return al
}

// at locates the first occurrence of sub in block i of language l.
func at(doc *align.Document, l align.Lang, i int, sub string) *align.Span {
	b := doc.Blocks(l)[i]
	k := strings.Index(b.Text, sub)
	if k < 0 {
		panic(fmt.Sprintf("%q not in %s block %d", sub, l, i))
	}
	s := b.SubSpan(k, k+len(sub))
	return &s
}

func whole(doc *align.Document, l align.Lang, i int) *align.Span {
	s := doc.Blocks(l)[i].Span()
	return &s
}

// fixtureReport is two documents: the main fixture with findings of every
// kind (and its English compared with an older revision), and a clean one.
func fixtureReport() *reports.Report {
	doc := fixtureDoc("a.zh.txt", fixtureZh, "a.en.txt", fixtureEn)
	al := fixtureAlign(doc, [][2][]int{
		{{0}, {0}}, {{1}, {1}}, {{2}, {2}}, {{3}, {3}}, {{4}, {4}}, {{5}, nil}, {nil, {5}},
	}, 2.2)
	fs := []checks.Finding{
		{Check: "numbers", Category: checks.CatNumbers, Severity: checks.Error, Bead: 2,
			Message: `number "31" in Chinese; English has "21"`, Zh: at(doc, align.Zh, 2, "31"), En: at(doc, align.En, 2, "21")},
		{Check: "terminology", Category: checks.CatTerminology, Severity: checks.Warning, Bead: 2,
			Message: `"制度体系" is rendered "complete system"; the glossary has "institutional system"`,
			Zh:      at(doc, align.Zh, 2, "系统完备的制度体系"), En: at(doc, align.En, 2, "a complete system will basically be formed, covering 21")},
		{Check: "numbering", Category: checks.CatNumbering, Severity: checks.Error, Bead: 3,
			Message: `enumerator "(三)" (3) in Chinese; English has "(4)"`, Zh: at(doc, align.Zh, 3, "(三)"), En: at(doc, align.En, 3, "(4)")},
		{Check: "length", Category: checks.CatLength, Severity: checks.Warning, Bead: 3, Confidence: 0.734,
			Message: "English is 21 % of the length expected from the Chinese (ratio 0.5, document 2.2)", Zh: whole(doc, align.Zh, 3), En: whole(doc, align.En, 3)},
		{Check: "format", Category: checks.CatFormat, Severity: checks.Info, Bead: 4,
			Message: `markup "<script>alert(1)</script>" in the English`, En: at(doc, align.En, 4, "<script>alert(1)</script>")},
		{Check: "format", Category: checks.CatFormat, Severity: checks.Info, Bead: 4,
			Message: "control characters \"\x01\x07\" in the Chinese\r\nand a second line with 100% and a:b,c", Zh: at(doc, align.Zh, 4, "\x01\x07")},
		{Check: "omission", Category: checks.CatOmission, Severity: checks.Error, Bead: 5,
			Message: "Chinese paragraph has no English counterpart", Zh: whole(doc, align.Zh, 5)},
		{Check: "addition", Category: checks.CatAddition, Severity: checks.Warning, Bead: 6,
			Message: "English paragraph has no Chinese source", En: whole(doc, align.En, 5)},
		{Check: "alignment", Category: checks.CatAlignment, Severity: checks.Info, Bead: -1,
			Message: "the layout pairs 7 paragraphs; the alignment agrees with 6"},
	}
	for i := range fs {
		fs[i].Fingerprint = fmt.Sprintf("%016x", 0x1111*(i+1))
	}
	checks.Sort(fs, align.Zh)

	doc2 := fixtureDoc("b.zh.txt", secondZh, "b.en.txt", secondEn)
	al2 := fixtureAlign(doc2, [][2][]int{{{0}, {0}}}, 3.1)

	r := reports.Build(reports.Tool{Name: "aligncheck", Version: "test"}, fixtureChecks, align.Zh, []reports.Checked{
		{Doc: doc, Align: al, Findings: fs},
		{Doc: doc2, Align: al2},
	})
	reports.Compare(r.Documents[0], align.En, "a.en.old.txt", oldParagraphs(fixtureEnOld))
	return r
}

func oldParagraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
