package server

import (
	"errors"
	"strings"

	"github.com/aligncheck/aligncheck/checks/glossary"
)

// glossaryPath names the request's glossary in error messages.
const glossaryPath = "<glossary>"

// parseGlossary reads the request's glossary for the terminology check:
// the format of a glossary file (TSV, CSV or TBX), except that the header
// row may be left out — "zh<TAB>en" lines, optionally with forbidden and
// note columns, as one pastes them. Errors name the line as the user wrote
// it. Nil when there is none.
func parseGlossary(text string) (*glossary.Glossary, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	data, added := withHeader(text)
	g := glossary.New()
	if err := g.Parse(glossaryPath, []byte(data)); err != nil {
		var ge *glossary.Error
		if errors.As(err, &ge) {
			if ge.Line > added {
				ge.Line -= added
			}
			ge.Path = glossaryPath
		}
		return nil, badRequest("glossary: %v", err)
	}
	return g, nil
}

// withHeader puts a header row in front of a glossary that has none, and
// says how many lines it added.
func withHeader(text string) (string, int) {
	first := ""
	for _, ln := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(ln); t != "" && !strings.HasPrefix(t, "#") {
			first = t
			break
		}
	}
	if strings.HasPrefix(first, "<") { // TBX
		return text, 0
	}
	sep := "\t"
	if !strings.Contains(first, "\t") && strings.Contains(first, ",") {
		sep = ","
	}
	// A first field naming a column makes a header (a misspelt one is then
	// reported); no Chinese term is spelt "zh".
	f, _, _ := strings.Cut(first, sep)
	switch strings.ToLower(strings.TrimSpace(f)) {
	case "zh", "en", "forbidden", "note":
		return text, 0
	}
	return strings.Join([]string{"zh", "en", "forbidden", "note"}, sep) + "\n" + text, 1
}
