package reports

import "sort"

// writers maps each format name (--format, the API's "format") to its
// writer: the one registry every front end uses.
var writers = map[string]Writer{
	"text":     Text{},
	"json":     JSON{},
	"jsonl":    JSONL{},
	"html":     HTML{},
	"sarif":    SARIF{},
	"junit":    JUnit{},
	"github":   GitHub{},
	"markdown": Markdown{},
}

// ExtraFormats are the formats a report can also be written in, each to a
// file of its own beside the main output (--html FILE, --sarif FILE, …).
var ExtraFormats = []string{"html", "sarif", "junit", "markdown"}

// Lookup returns the writer of a format; false when there is none.
func Lookup(format string) (Writer, bool) {
	w, ok := writers[format]
	return w, ok
}

// Formats lists the format names, sorted.
func Formats() []string {
	var n []string
	for k := range writers {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}
