// Package suppress applies inline suppressions: a comment line before a
// paragraph silences named checks on that paragraph's pair,
//
//	<!-- aligncheck-ignore numbers: the figure was updated after translation -->
//	# aligncheck-ignore numbers: … (plain text)
//
// and aligncheck-ignore-file silences them in the whole document. Directives
// in either language's file apply. A directive without a reason, or naming
// a check that does not exist, is itself a finding (check "suppression");
// on request, so is one that suppressed nothing ("suppression/unused").
package suppress

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// Check documents the findings about directives themselves; the driver
// reports them, the check never runs on its own.
var Check = &checks.Check{
	Name:       "suppression",
	Category:   checks.CatFormat,
	Severity:   checks.Warning,
	Run:        func(*checks.Pass) error { return nil },
	Confidence: `1: the directive is read as written.`,
	Doc: `an aligncheck-ignore directive without a reason or naming an unknown check

A line "<!-- aligncheck-ignore CHECK[,CHECK…]: REASON -->" (or, in plain
text, "# aligncheck-ignore CHECK: REASON") before a paragraph silences those
checks on the paragraph's pair; "aligncheck-ignore-file" silences them in the
whole document. A check name also covers its sub-checks ("numbering" covers
"numbering/missing"). The reason is required: a directive without one is
reported and not applied. A check name that does not exist is reported.

Example: "<!-- aligncheck-ignore numbers -->" → aligncheck-ignore numbers has
no reason and is not applied: write "aligncheck-ignore numbers: <why>"`,
}

// Unused documents the findings --report-unused-ignores adds.
var Unused = &checks.Check{
	Name:       "suppression/unused",
	Category:   checks.CatFormat,
	Severity:   checks.Warning,
	Run:        func(*checks.Pass) error { return nil },
	Confidence: `1: the directive suppressed nothing.`,
	Doc: `an aligncheck-ignore directive that suppressed nothing

Reported only with --report-unused-ignores: a directive whose checks found
nothing on its paragraph (or, for aligncheck-ignore-file, in its document)
is left over from a problem since fixed, and can go.`,
}

// Options steer Apply.
type Options struct {
	// Known reports whether a check name exists.
	Known func(name string) bool
	// ReportUnused adds a finding for every directive (and check name in
	// it) that suppressed nothing.
	ReportUnused bool
	// Settings apply to the findings this package reports (disabled,
	// severity) and give the source language for sorting.
	Settings *checks.Settings
}

// directive is one parsed directive with where it sits and what it covers.
type directive struct {
	input.Directive
	src    *align.Source
	lang   align.Lang // the side its findings are reported on
	start  int        // byte offsets of the line
	end    int
	target *align.Block // the paragraph it applies to; nil for a file directive or none
	bead   int          // the target's pair, -1 when none
	valid  []string     // known check names
	used   map[string]int
}

// Apply removes the findings the document's directives suppress and adds
// findings about the directives; the result is sorted.
func Apply(doc *align.Document, al *align.Alignment, fs []checks.Finding, opt Options) []checks.Finding {
	set := opt.Settings
	if set == nil {
		set = checks.DefaultSettings()
	}
	ds := parse(doc, al)
	if len(ds) == 0 {
		return fs
	}
	var out, extra []checks.Finding
	report := func(c *checks.Check, d *directive, msg string) {
		if set.Disabled[c.Name] {
			return
		}
		f := checks.Finding{Check: c.Name, Category: c.Category, Severity: c.Severity, Message: msg,
			Bead: d.bead, Evidence: d.Text}
		if s, ok := set.Severity[c.Name]; ok {
			f.Severity = s
		}
		sp := d.src.Span(d.start, d.end)
		if d.lang == align.Zh {
			f.Zh = &sp
		} else {
			f.En = &sp
		}
		extra = append(extra, f)
	}
	for _, d := range ds {
		kw := "aligncheck-ignore"
		if d.File {
			kw = "aligncheck-ignore-file"
		}
		if len(d.Checks) == 0 {
			report(Check, d, fmt.Sprintf("%s names no check: write \"%s CHECK: <why>\"", kw, kw))
			continue
		}
		for _, n := range d.Checks {
			if opt.Known != nil && !opt.Known(n) {
				report(Check, d, fmt.Sprintf("%s names unknown check %q (see 'aligncheck checks')", kw, n))
				continue
			}
			d.valid = append(d.valid, n)
		}
		if d.Reason == "" && len(d.valid) > 0 {
			names := strings.Join(d.valid, ",")
			report(Check, d, fmt.Sprintf("%s %s has no reason and is not applied: write \"%s %s: <why>\"", kw, names, kw, names))
			d.valid = nil
		}
	}
	for _, f := range fs {
		if !suppressed(&f, ds) {
			out = append(out, f)
		}
	}
	if opt.ReportUnused {
		for _, d := range ds {
			for _, n := range d.valid {
				if d.used[n] > 0 {
					continue
				}
				where := "on the next paragraph"
				if d.File {
					where = "in this document"
				} else if d.target == nil {
					where = "(no paragraph follows)"
				}
				report(Unused, d, fmt.Sprintf("unused suppression: no %q finding %s", n, where))
			}
		}
	}
	fingerprint(extra, al)
	out = append(out, extra...)
	checks.Sort(out, set.Source)
	return out
}

func suppressed(f *checks.Finding, ds []*directive) bool {
	hit := false
	for _, d := range ds {
		for _, n := range d.valid {
			if f.Check != n && !strings.HasPrefix(f.Check, n+"/") {
				continue
			}
			if d.File || d.covers(f) {
				d.used[n]++
				hit = true
			}
		}
	}
	return hit
}

// covers reports whether a finding is on the directive's paragraph: in its
// pair, or (for findings outside any pair) inside the paragraph itself.
func (d *directive) covers(f *checks.Finding) bool {
	if d.target == nil {
		return false
	}
	if f.Bead >= 0 {
		return f.Bead == d.bead
	}
	for _, sp := range []*align.Span{f.Zh, f.En} {
		if sp != nil && sp.Path == d.src.Path && sp.Start >= d.target.Start && sp.End <= d.target.End {
			return true
		}
	}
	return false
}

// parse finds the directives in the document's files and the paragraph
// each applies to: the first block that starts after it in the same file.
func parse(doc *align.Document, al *align.Alignment) []*directive {
	var out []*directive
	for _, side := range []struct {
		src  *align.Source
		lang align.Lang
	}{{doc.ZhSrc, align.Zh}, {doc.EnSrc, align.En}} {
		src := side.src
		if src == nil || side.lang == align.En && doc.EnSrc == doc.ZhSrc {
			continue
		}
		var blocks []*align.Block
		for _, b := range append(append(append([]*align.Block(nil), doc.Zh...), doc.En...), doc.Other...) {
			if b.Src == src {
				blocks = append(blocks, b)
			}
		}
		sort.Slice(blocks, func(a, b int) bool { return blocks[a].Start < blocks[b].Start })
		md := isMarkdown(src.Path)
		inFence := false
		for off := 0; off < len(src.Text); {
			end := strings.IndexByte(src.Text[off:], '\n')
			next := len(src.Text)
			if end < 0 {
				end = len(src.Text)
			} else {
				end += off
				next = end + 1
			}
			line := src.Text[off:end]
			t := strings.TrimSpace(line)
			if md && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")) {
				inFence = !inFence
			}
			if pd, ok := input.ParseDirective(t); ok && !inFence {
				s := off + strings.Index(line, t)
				d := &directive{Directive: pd, src: src, lang: side.lang, start: s, end: s + len(t), bead: -1, used: map[string]int{}}
				if !d.File {
					k := sort.Search(len(blocks), func(i int) bool { return blocks[i].Start >= end })
					if k < len(blocks) {
						d.target = blocks[k]
						d.bead = beadOf(al, d.target)
					}
				}
				out = append(out, d)
			}
			off = next
		}
	}
	return out
}

func beadOf(al *align.Alignment, b *align.Block) int {
	if al == nil {
		return -1
	}
	switch {
	case b.Lang == align.Zh && b.Index < len(al.ZhBead) && al.Doc.Zh[b.Index] == b:
		return al.ZhBead[b.Index]
	case b.Lang == align.En && b.Index < len(al.EnBead) && al.Doc.En[b.Index] == b:
		return al.EnBead[b.Index]
	}
	return -1 // a block in neither language
}

func isMarkdown(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")
}

// fingerprint identifies a directive finding by the directive and the text
// of its paragraph, not by line.
//
// A paragraph's text is normalised once however many directives point at
// it, and repeats are counted under the key's digest, so that the count
// does not hold a copy of the paragraph per directive.
func fingerprint(fs []checks.Finding, al *align.Alignment) {
	seen := map[[sha256.Size]byte]int{}
	paras := map[int]string{}
	for i := range fs {
		f := &fs[i]
		var para string
		if al != nil && f.Bead >= 0 && f.Bead < len(al.Beads) {
			var ok bool
			if para, ok = paras[f.Bead]; !ok {
				b := &al.Beads[f.Bead]
				para = align.NormText(al.Text(b, align.Zh)) + "\x00" + align.NormText(al.Text(b, align.En))
				paras[f.Bead] = para
			}
		}
		key := strings.Join([]string{f.Check, align.NormText(f.Evidence), para, f.Message}, "\x00")
		d := sha256.Sum256([]byte(key))
		n := seen[d]
		seen[d] = n + 1
		h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
		f.Fingerprint = hex.EncodeToString(h[:8])
	}
}
