package input

import "strings"

// Directive is an inline suppression comment on a line of its own:
//
//	<!-- aligncheck-ignore numbers: the figure was updated in the translation -->
//	# aligncheck-ignore numbers,length: reason
//	<!-- aligncheck-ignore-file untranslated: a glossary page -->
//
// Readers skip such lines (they are not paragraphs); the driver applies them.
type Directive struct {
	File   bool     // aligncheck-ignore-file: the whole document
	Checks []string // as written, in order; may be empty (an error the driver reports)
	Reason string   // text after the colon, trimmed; empty when missing
	Text   string   // the directive without its comment markers
}

const (
	directiveKeyword     = "aligncheck-ignore"
	directiveFileKeyword = "aligncheck-ignore-file"
)

// IsDirective reports whether a trimmed line is a suppression directive.
func IsDirective(trimmed string) bool {
	_, ok := ParseDirective(trimmed)
	return ok
}

// ParseDirective reads a trimmed line as a directive: an HTML comment or a
// line starting with '#' whose text opens with aligncheck-ignore or
// aligncheck-ignore-file.
func ParseDirective(trimmed string) (Directive, bool) {
	var body string
	switch {
	case strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->") && len(trimmed) >= 7:
		body = trimmed[4 : len(trimmed)-3]
	case strings.HasPrefix(trimmed, "#"):
		body = strings.TrimLeft(trimmed, "#")
	default:
		return Directive{}, false
	}
	body = strings.TrimSpace(body)
	var d Directive
	var rest string
	switch {
	case hasKeyword(body, directiveFileKeyword):
		d.File = true
		rest = body[len(directiveFileKeyword):]
	case hasKeyword(body, directiveKeyword):
		rest = body[len(directiveKeyword):]
	default:
		return Directive{}, false
	}
	d.Text = body
	names, reason, _ := strings.Cut(rest, ":")
	d.Reason = strings.TrimSpace(reason)
	for _, n := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		d.Checks = append(d.Checks, n)
	}
	return d, true
}

// hasKeyword is true when s opens with kw followed by the end, a space or a
// colon (so "aligncheck-ignored" is not a directive).
func hasKeyword(s, kw string) bool {
	if !strings.HasPrefix(s, kw) {
		return false
	}
	if len(s) == len(kw) {
		return true
	}
	c := s[len(kw)]
	return c == ' ' || c == '\t' || c == ':'
}
