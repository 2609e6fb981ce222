package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver/discover"
	"github.com/aligncheck/aligncheck/reports"
)

// Unpaired reports a file of one language whose translation is missing, and
// a file found in a directory that holds only one language.
var Unpaired = &checks.Check{
	Name:       "unpaired",
	Category:   checks.CatOmission,
	Severity:   checks.Info,
	Run:        func(*checks.Pass) error { return nil },
	Confidence: `1: the file is there and its partner is not.`,
	Doc: `a file whose translation was not found

When aligncheck checks a directory, it pairs name.zh.ext with name.en.ext
(any zh-…/en-… tag), zh/… with en/… in mirrored trees, and reads a file
without a language tag as an interleaved document. A tagged or mirrored file
without its partner is reported here instead of being skipped silently, and
so is an untagged file found in a directory that holds only one language.
The report lists it as a document of shape "unpaired" with this one finding.

Example: docs/intro.zh.md with no docs/intro.en.md → Chinese file has no
English translation (looked for docs/intro.en.md)`,
}

// shapeUnpaired is the shape the report shows for an unpaired file.
const shapeUnpaired = "unpaired"

// oneLanguage tells the reader's "no Chinese/English paragraph found" apart
// from errors that must stop the run (unreadable, not text).
func oneLanguage(e *input.Error) bool {
	return e.Offset < 0 && e.Line == 0 && (strings.HasPrefix(e.Msg, "no Chinese paragraph found") || strings.HasPrefix(e.Msg, "no English paragraph found"))
}

func unpairedMessage(d discover.Doc) string {
	if d.Lang == "zh" {
		return fmt.Sprintf("Chinese file has no English translation (looked for %s)", d.Want)
	}
	return fmt.Sprintf("English file has no Chinese original (looked for %s)", d.Want)
}

// unpaired makes the pseudo-document that carries an unpaired finding; ok
// is false when the check is off.
func (d *Driver) unpaired(path, lang, msg string) (r Result, ok bool) {
	if d.set.Disabled[Unpaired.Name] {
		return Result{}, false
	}
	src := align.NewSource(path, "")
	none := align.NewSource("", "")
	doc := &align.Document{Name: path, Shape: align.TwoFiles, ZhSrc: src, EnSrc: none}
	sp := src.Span(0, 0)
	f := checks.Finding{Check: Unpaired.Name, Category: Unpaired.Category, Severity: Unpaired.Severity,
		Message: msg, Bead: -1, Evidence: lang}
	if s, ok := d.set.Severity[Unpaired.Name]; ok {
		f.Severity = s
	}
	if lang == "en" {
		doc.ZhSrc, doc.EnSrc = none, src
		f.En = &sp
	} else {
		f.Zh = &sp
	}
	// the fingerprint names the file: there is no text to name it by
	h := sha256.Sum256([]byte(strings.Join([]string{f.Check, lang, path, msg}, "\x00")))
	f.Fingerprint = hex.EncodeToString(h[:8])
	al := &align.Alignment{Doc: doc}
	return Result{Checked: reports.Checked{Doc: doc, Align: al, Findings: []checks.Finding{f}}, Shape: shapeUnpaired}, true
}
