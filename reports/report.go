// Package reports turns checked documents into one Report model and writes
// it in each output format. Writers are pure: they format a Report and
// nothing else (no files, no clock, no flags); the formats are listed in
// one registry (formats.go).
package reports

import (
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
)

// Report is version 1 of the report every writer formats. Its JSON form is
// a contract other tools read: fields are added, never renamed.
type Report struct {
	Version   int         `json:"version"`
	Tool      Tool        `json:"tool"`
	Documents []*Document `json:"documents"`
	Summary   Summary     `json:"summary"`

	// Checks describes every check that ran (for SARIF rules, HTML links).
	Checks []CheckInfo `json:"-"`
	// Source is the original's language ("zh" or "en").
	Source string `json:"-"`
	// View is how the formats for people show the findings (view.go).
	View View `json:"-"`
	// Shard, in the JSON report of one shard of a run, is what merging
	// the shards needs (shard.go); nil otherwise.
	Shard *Shard `json:"shard,omitempty"`
}

// Tool names the program.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// CheckInfo is what reports show of a check.
type CheckInfo struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Doc      string `json:"doc"`
	Category string `json:"category"`
	Severity string `json:"severity"`
}

// Document is one checked document.
type Document struct {
	Zh       Side       `json:"zh"`
	En       Side       `json:"en"`
	Shape    string     `json:"shape"`
	Ratio    float64    `json:"ratio"`
	Pairs    []Pair     `json:"pairs"`
	Findings []*Finding `json:"findings"`
	Summary  Counts     `json:"summary"`

	// Doc and Align give writers that show text (HTML) the whole document.
	Doc   *align.Document  `json:"-"`
	Align *align.Alignment `json:"-"`
	// Revision, when set (--compare-to), compares one side with an older
	// revision; the HTML report shows what changed.
	Revision *Revision `json:"-"`

	// stored holds the pairs instead of Pairs (Compact, Builder);
	// pairCount counts pairs dropped because the report does not show
	// them.
	stored    PairStore
	pairCount int
}

// Side describes one language of a document.
type Side struct {
	Path       string `json:"path"`
	Paragraphs int    `json:"paragraphs"`
	Characters int    `json:"characters"`
}

// Range is a run of lines.
type Range struct {
	Line    int `json:"line"`
	EndLine int `json:"endLine"`
}

// Pair is one paragraph bead.
type Pair struct {
	Zh        *Range     `json:"zh,omitempty"`
	En        *Range     `json:"en,omitempty"`
	Type      string     `json:"type"`
	Score     float64    `json:"score"`
	Sentences []Sentence `json:"sentences"`
}

// Sentence is one sentence bead inside a pair; Zh and En list the sentence
// spans of each side.
type Sentence struct {
	Type  string     `json:"type"`
	Score float64    `json:"score"`
	Zh    []Location `json:"zh"`
	En    []Location `json:"en"`
}

// Location is a span in a file. Columns count characters; EndColumn is
// exclusive.
type Location struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Text      string `json:"text"`
}

// Finding is one finding.
type Finding struct {
	Check       string    `json:"check"`
	Category    string    `json:"category"`
	Severity    string    `json:"severity"`
	Message     string    `json:"message"`
	Zh          *Location `json:"zh,omitempty"`
	En          *Location `json:"en,omitempty"`
	Pair        int       `json:"pair"` // index into pairs, -1 for none
	Fingerprint string    `json:"fingerprint"`
	// Confidence is the strength of the finding's evidence, 0 to 1, in
	// hundredths (checks.Finding.Confidence; additive to version 1).
	Confidence float64 `json:"confidence"`

	// About is the side a finding with both locations is about when the
	// other is context ("zh" or "en"; checks.Finding.About); "" when both
	// are evidence.
	About string `json:"-"`
	// Key is the finding's checks.Finding.FingerprintKey, when kept.
	Key string `json:"-"`
}

// Counts counts findings by severity.
type Counts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Summary counts documents and findings of the whole report.
type Summary struct {
	Documents int `json:"documents"`
	Error     int `json:"error"`
	Warning   int `json:"warning"`
	Info      int `json:"info"`
}

// Writer writes a report in one format.
type Writer interface {
	Write(w io.Writer, r *Report) error
}

// Checked is one document as the driver produced it.
type Checked struct {
	Doc      *align.Document
	Align    *align.Alignment
	Findings []checks.Finding

	// Built, when set, is the report document built already (Compact, or
	// a document checked in pieces, which never had one Doc and Align):
	// Build takes it and adds the findings. Name is then the document's
	// name.
	Built *Document
	Name  string
}

// DocName is the name of the checked document.
func (c *Checked) DocName() string {
	if c.Doc != nil {
		return c.Doc.Name
	}
	return c.Name
}

// Build makes the report model from checked documents.
func Build(tool Tool, list []*checks.Check, source align.Lang, docs []Checked) *Report {
	r := &Report{Version: 1, Tool: tool, Documents: []*Document{}, Source: source.String()}
	for _, c := range list {
		r.Checks = append(r.Checks, CheckInfo{Name: c.Name, Title: c.Title(), Doc: c.Doc, Category: string(c.Category), Severity: c.Severity.String()})
	}
	for _, cd := range docs {
		d := buildDocument(cd)
		r.Documents = append(r.Documents, d)
		r.Summary.Error += d.Summary.Error
		r.Summary.Warning += d.Summary.Warning
		r.Summary.Info += d.Summary.Info
	}
	r.Summary.Documents = len(r.Documents)
	return r
}

func side(src *align.Source, blocks []*align.Block) Side {
	s := Side{Paragraphs: len(blocks)}
	if src != nil {
		s.Path = src.Path
	}
	for _, b := range blocks {
		s.Characters += align.Length(b.Text)
	}
	return s
}

func buildDocument(cd Checked) *Document {
	if cd.Built != nil {
		d := cd.Built
		d.Findings, d.Summary = []*Finding{}, Counts{}
		addFindings(d, cd.Findings)
		return d
	}
	doc, al := cd.Doc, cd.Align
	d := &Document{
		Zh: side(doc.ZhSrc, doc.Zh), En: side(doc.EnSrc, doc.En),
		Shape: doc.Shape.String(), Pairs: []Pair{}, Findings: []*Finding{},
		Doc: doc, Align: al,
	}
	if al != nil {
		d.Ratio = float64(int(al.Ratio*100+0.5)) / 100
		for bi := range al.Beads {
			d.Pairs = append(d.Pairs, buildPair(doc, &al.Beads[bi]))
		}
	}
	addFindings(d, cd.Findings)
	return d
}

func addFindings(d *Document, fs []checks.Finding) {
	for _, f := range fs {
		rf := &Finding{Check: f.Check, Category: string(f.Category), Severity: f.Severity.String(),
			Message: f.Message, Zh: findingLoc(f.Zh), En: findingLoc(f.En), Pair: f.Bead, Fingerprint: f.Fingerprint, About: f.About.String(),
			Confidence: hundredths(f.Confidence), Key: f.FingerprintKey}
		d.Findings = append(d.Findings, rf)
		switch f.Severity {
		case checks.Error:
			d.Summary.Error++
		case checks.Warning:
			d.Summary.Warning++
		case checks.Info:
			d.Summary.Info++
		}
	}
}

func lineRange(blocks []*align.Block, idx []int) *Range {
	if len(idx) == 0 {
		return nil
	}
	// a block's span counts the columns of both its ends, in runes from
	// the start of their lines: a pair of one block a side (most pairs)
	// has it worked out once
	a := blocks[idx[0]].Span()
	b := a
	if len(idx) > 1 {
		b = blocks[idx[len(idx)-1]].Span()
	}
	return &Range{Line: a.Line, EndLine: b.EndLine}
}

func buildPair(doc *align.Document, b *align.Bead) Pair {
	// The slices are made to their length at once (and never nil: JSON
	// shows an empty one as [], not null).
	p := Pair{Zh: lineRange(doc.Zh, b.Zh), En: lineRange(doc.En, b.En), Type: b.Type(), Score: b.Score, Sentences: make([]Sentence, 0, len(b.Sents))}
	for _, s := range b.Sents {
		rs := Sentence{Type: s.Type(), Score: s.Score, Zh: make([]Location, 0, len(s.Zh)), En: make([]Location, 0, len(s.En))}
		for _, r := range s.Zh {
			blk := doc.Zh[r.Block]
			sp := blk.SubSpan(blk.Sents[r.Sent].Start, blk.Sents[r.Sent].End)
			rs.Zh = append(rs.Zh, *loc(&sp))
		}
		for _, r := range s.En {
			blk := doc.En[r.Block]
			sp := blk.SubSpan(blk.Sents[r.Sent].Start, blk.Sents[r.Sent].End)
			rs.En = append(rs.En, *loc(&sp))
		}
		p.Sentences = append(p.Sentences, rs)
	}
	return p
}

func loc(s *align.Span) *Location {
	if s == nil {
		return nil
	}
	return &Location{Path: s.Path, Line: s.Line, Column: s.Column, EndLine: s.EndLine, EndColumn: s.EndColumn, Text: s.Text}
}

// MaxExcerpt bounds the text of a finding's location, in bytes. A finding
// often names the other side's whole paragraph as context, and one pair
// can hold thousands of findings (20,000 placeholders missing from one
// paragraph): with the whole text each, the report grew with findings
// times paragraph length. A longer text is cut at a character boundary
// and ends in "…"; the location's lines and columns still span all of it.
const MaxExcerpt = 1024

// findingLoc is the location of a finding's span, its text cut to MaxExcerpt.
func findingLoc(s *align.Span) *Location {
	l := loc(s)
	if l != nil {
		l.Text = excerptText(l.Text)
	}
	return l
}

// excerptText is s cut to MaxExcerpt bytes at a character, ending in "…".
func excerptText(s string) string {
	if len(s) <= MaxExcerpt {
		return s
	}
	cut := MaxExcerpt - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Primary is the location a one-line format shows for a finding: the side
// it is about, or the translation's side when both are evidence.
func (r *Report) Primary(f *Finding) *Location {
	switch {
	case f.About == "zh" && f.Zh != nil:
		return f.Zh
	case f.About == "en" && f.En != nil:
		return f.En
	}
	zh, en := f.Zh, f.En
	if r.Source == "en" {
		zh, en = en, zh
	}
	if en != nil {
		return en
	}
	return zh
}

// oneLine folds a text to one line for formats that are line-based.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// hundredths rounds a confidence to two decimals, so that reports do not
// depend on the last bits of a product; 0 (not given) is full confidence.
func hundredths(c float64) float64 {
	if c <= 0 || c > 1 {
		return 1
	}
	return math.Round(c*100) / 100
}
