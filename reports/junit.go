package reports

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// JUnit writes JUnit XML for CI dashboards: a testsuite per document and a
// testcase per check that ran (every check in Report.Checks, so passing
// checks show as passing). Every finding is listed. A testcase fails when
// its check reported at least one error or warning; its one failure element
// has type = the most severe of them and holds one line per error and
// warning finding. Info findings never fail a testcase: they are listed in
// its system-out. Characters XML cannot carry (control characters) are
// written as \uXXXX.
type JUnit struct{}

type junitSuite struct {
	name     string
	failures int
	cases    []junitCase
}

type junitCase struct {
	name                  string
	failType, failMessage string
	failText, systemOut   string
}

func (JUnit) Write(w io.Writer, r *Report) error {
	var suites []junitSuite
	tests, failures := 0, 0
	for _, d := range r.Documents {
		suite := junitSuite{name: docName(d)}
		byCheck := map[string][]*Finding{}
		var order []string
		for _, c := range r.Checks {
			if _, ok := byCheck[c.Name]; !ok {
				order = append(order, c.Name)
				byCheck[c.Name] = nil
			}
		}
		for _, f := range d.Findings {
			if _, ok := byCheck[f.Check]; !ok {
				order = append(order, f.Check)
			}
			byCheck[f.Check] = append(byCheck[f.Check], f)
		}
		for _, check := range order {
			tc := junitCase{name: check}
			var fail, info []string
			counts := map[string]int{}
			for _, f := range byCheck[check] {
				line := findingLine(r, d, f)
				counts[f.Severity]++
				if f.Severity == "error" || f.Severity == "warning" {
					fail = append(fail, line)
					if sevRank(f.Severity) > sevRank(tc.failType) {
						tc.failType = f.Severity
					}
				} else {
					info = append(info, line)
				}
			}
			if len(fail) > 0 {
				var parts []string
				for _, sev := range []string{"error", "warning"} {
					if counts[sev] > 0 {
						parts = append(parts, plural(counts[sev], sev))
					}
				}
				tc.failMessage = strings.Join(parts, ", ")
				tc.failText = strings.Join(fail, "\n") + "\n"
				suite.failures++
			}
			if len(info) > 0 {
				tc.systemOut = strings.Join(info, "\n") + "\n"
			}
			suite.cases = append(suite.cases, tc)
		}
		tests += len(suite.cases)
		failures += suite.failures
		suites = append(suites, suite)
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<testsuites name=%s tests=\"%d\" failures=\"%d\" errors=\"0\">\n", xmlAttr(r.Tool.Name), tests, failures)
	for _, s := range suites {
		fmt.Fprintf(&b, "  <testsuite name=%s tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">\n", xmlAttr(s.name), len(s.cases), s.failures)
		for _, c := range s.cases {
			fmt.Fprintf(&b, "    <testcase name=%s classname=%s", xmlAttr(c.name), xmlAttr(s.name))
			if c.failType == "" && c.systemOut == "" {
				b.WriteString("/>\n")
				continue
			}
			b.WriteString(">\n")
			if c.failType != "" {
				fmt.Fprintf(&b, "      <failure type=%s message=%s>%s</failure>\n", xmlAttr(c.failType), xmlAttr(c.failMessage), xmlText(c.failText))
			}
			if c.systemOut != "" {
				fmt.Fprintf(&b, "      <system-out>%s</system-out>\n", xmlText(c.systemOut))
			}
			b.WriteString("    </testcase>\n")
		}
		b.WriteString("  </testsuite>\n")
	}
	b.WriteString("</testsuites>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// xmlText escapes character data; line breaks stay as they are.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(xmlSafe(s))
}

// xmlAttr quotes and escapes an attribute value; white space other than
// the space is written as a reference, since parsers normalise it away.
func xmlAttr(s string) string {
	return `"` + strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#10;", "\r", "&#13;", "\t", "&#9;").Replace(xmlSafe(s)) + `"`
}

// findingLine is a finding as one line: path:line:col: severity: message
// [check], and the other side's place when it has both, as text output
// writes it.
func findingLine(r *Report, d *Document, f *Finding) string {
	pos := d.Zh.Path
	if l := r.Primary(f); l != nil {
		pos = fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column)
	}
	line := fmt.Sprintf("%s: %s: %s [%s]", pos, f.Severity, oneLine(f.Message), f.Check)
	if o := r.otherSide(f); o != "" {
		line += " " + o
	}
	return line
}

// xmlSafe replaces what XML 1.0 cannot carry (most control characters,
// U+FFFE, U+FFFF, invalid UTF-8) with a visible \uXXXX escape.
func xmlSafe(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case !xmlChar(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
