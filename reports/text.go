package reports

import (
	"fmt"
	"io"
)

// Text writes one line per finding the view lists,
// `path:line:col: severity: message [check]`, followed by the other side's
// location when the finding has both ("(Chinese at zh.txt:3:5)"); errors
// first unless the view is by file; then one line counting the findings
// below the view's threshold, if any. A summary line goes to stderr from
// the command, not here. With View.Color, severities are coloured with
// ANSI escapes; control characters of a message are shown as symbols, so
// no text from a document moves the cursor or sets a colour.
type Text struct{}

// ANSI styles of the text output.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
)

var ansiSeverity = map[string]string{
	"error":   "\x1b[1;31m", // bold red
	"warning": "\x1b[33m",   // yellow
	"info":    "\x1b[36m",   // cyan
}

func (Text) Write(w io.Writer, r *Report) error {
	paint := func(style, s string) string {
		if !r.View.Color || style == "" {
			return s
		}
		return style + s + ansiReset
	}
	items, hidden := r.Listed()
	for _, it := range items {
		d, f := it.Doc, it.F
		l := r.Primary(f)
		pos := d.Zh.Path
		if l != nil {
			pos = fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column)
		}
		line := fmt.Sprintf("%s: %s: %s %s", paint(ansiBold, pos), paint(ansiSeverity[f.Severity], f.Severity),
			ShowControls(oneLine(f.Message)), paint(ansiDim, "["+f.Check+"]"))
		if o := r.otherSide(f); o != "" {
			line += " " + paint(ansiDim, o)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	if h := HiddenLine(hidden); h != "" {
		if _, err := fmt.Fprintln(w, paint(ansiDim, h)); err != nil {
			return err
		}
	}
	return nil
}
