package reports

import (
	"fmt"
	"io"
)

// Text writes one line per finding, `path:line:col: severity: message [check]`,
// in the report's order (sorted by location), then nothing else: a summary
// line goes to stderr from the command, not here.
type Text struct{}

func (Text) Write(w io.Writer, r *Report) error {
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			l := r.Primary(f)
			pos := d.Zh.Path
			if l != nil {
				pos = fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column)
			}
			if _, err := fmt.Fprintf(w, "%s: %s: %s [%s]\n", pos, f.Severity, oneLine(f.Message), f.Check); err != nil {
				return err
			}
		}
	}
	return nil
}
