// Package checks holds the checks: each a value with a name, documentation,
// a category, a default severity and a Run function that reads the
// alignment through a Pass and reports findings.
package checks

import (
	"fmt"
	"strings"

	"github.com/aligncheck/aligncheck/align"
)

// Severity of a finding. The order matters: higher is more severe.
type Severity int

const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// ParseSeverity reads "error", "warning", "info" (and "none" as 0 for
// thresholds that disable failing).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	case "none", "off":
		return 0, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or none)", s)
}

// Category is the stable vocabulary of ARCHITECTURE.md.
type Category string

const (
	CatAlignment    Category = "alignment"
	CatOmission     Category = "omission"
	CatAddition     Category = "addition"
	CatLength       Category = "length"
	CatNumbering    Category = "numbering"
	CatNumbers      Category = "numbers"
	CatTerminology  Category = "terminology"
	CatNames        Category = "names"
	CatPunctuation  Category = "punctuation"
	CatUntranslated Category = "untranslated"
	CatFormat       Category = "format"
)

// Categories lists every category in documentation order.
var Categories = []Category{CatAlignment, CatOmission, CatAddition, CatLength, CatNumbering,
	CatNumbers, CatTerminology, CatNames, CatPunctuation, CatUntranslated, CatFormat}

// Check is one check. Doc holds its whole documentation: a title line, a
// blank line, the explanation with examples; `aligncheck explain NAME`
// prints it as is, then the Options.
type Check struct {
	Name     string
	Doc      string
	Category Category
	Severity Severity
	Run      func(*Pass) error
	// Options are the settings configuration may change (options.go).
	Options []*Option
	// Confidence says what raises and what lowers the confidence of the
	// check's findings (confidence.go); explain prints it.
	Confidence string
}

// Title is the first line of the documentation.
func (c *Check) Title() string {
	t, _, _ := strings.Cut(c.Doc, "\n")
	return strings.TrimSpace(t)
}

// Finding is one thing a check reports. Zh and En locate it on each side; one
// of them is nil when the finding concerns one side only.
type Finding struct {
	Check    string
	Category Category
	Severity Severity
	Message  string
	Zh       *align.Span
	En       *align.Span
	Bead     int // the paragraph bead it belongs to, -1 for document-level findings
	// About says which side a finding with both locations is about when
	// only one of them holds its evidence and the other is context: a
	// number of the Chinese missing from the English sentence is about the
	// Chinese. One-line reports point at that side. BothSides (zero) when
	// both are evidence (a number that differs): they point at the
	// translation.
	About Side
	// Confidence is the strength of the finding's evidence, 0 to 1 (0 when
	// the check does not say: full confidence). CapSeverity caps the
	// severity by it.
	Confidence float64

	// Evidence is what identifies the finding apart from where it is (the
	// quoted values, the term); it feeds the fingerprint.
	Evidence    string
	Fingerprint string
	// FingerprintKey is what Fingerprint numbers repeats of, kept only
	// when Whole.Keys asks (a unit range of a file checked in windows, so
	// that merging the ranges numbers repeats across them:
	// NumberedFingerprint).
	FingerprintKey string
}

// Side names the side of a finding that one-line reports point at.
type Side uint8

const (
	BothSides Side = iota
	ZhSide
	EnSide
)

// SideOf is the Side of a language.
func SideOf(l align.Lang) Side {
	if l == align.Zh {
		return ZhSide
	}
	return EnSide
}

func (s Side) String() string {
	switch s {
	case ZhSide:
		return "zh"
	case EnSide:
		return "en"
	}
	return ""
}

// Pass is what a check sees: the document, its alignment, its settings, and
// a way to report.
type Pass struct {
	Check    *Check
	Doc      *align.Document
	Align    *align.Alignment
	Settings *Settings
	// Whole is set when Doc is one window of a document read in pieces:
	// what the checks compare a pair with is taken from it, not the window.
	Whole *Whole

	findings []Finding
	facts    facts // shared by the passes of one run (facts.go)
}

// Report records a finding with the check's name, category and severity.
func (p *Pass) Report(f Finding) {
	f.Check = p.Check.Name
	if f.Category == "" {
		f.Category = p.Check.Category
	}
	if f.Severity == 0 {
		f.Severity = p.Check.Severity
	}
	f.Confidence = clamp01(f.Confidence)
	p.findings = append(p.findings, f)
}

// BlockSpan locates a whole block.
func (p *Pass) BlockSpan(l align.Lang, i int) *align.Span {
	s := p.Doc.Blocks(l)[i].Span()
	return &s
}

// SideSpan locates one side of a bead: from its first block to its last.
// Nil for an empty side.
func (p *Pass) SideSpan(b *align.Bead, l align.Lang) *align.Span {
	idx := b.Zh
	if l == align.En {
		idx = b.En
	}
	if len(idx) == 0 {
		return nil
	}
	blocks := p.Doc.Blocks(l)
	first, last := blocks[idx[0]], blocks[idx[len(idx)-1]]
	s := first.Src.Span(first.Start, last.End)
	return &s
}
