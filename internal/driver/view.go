package driver

import (
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

// ViewOptions choose how text, GitHub and Markdown output show the
// findings; none changes what is found or the exit code. Show and Sort
// come from the flags when given, else from the configuration.
type ViewOptions struct {
	Show, Sort, Color string
	FailOn            checks.Severity
	// Out is where the main report goes (nil for a file): colour is on
	// for a terminal unless NO_COLOR is set or TERM is dumb, or as Color
	// says.
	Out io.Writer
}

// View builds a report's view. Without a threshold, warnings and errors
// are listed, and whatever --fail-on fails on: a run never fails on
// findings it hides.
func View(o ViewOptions) (reports.View, error) {
	var v reports.View
	if o.Show != "" {
		sev, err := checks.ParseSeverity(o.Show)
		if err != nil || sev == 0 {
			return v, Usagef("--show: want info, warning or error, not %q", o.Show)
		}
		v.Show = sev
	} else if o.FailOn > 0 && o.FailOn < reports.DefaultShow {
		v.Show = o.FailOn
	}
	switch strings.ToLower(o.Sort) {
	case "", "severity":
	case "file":
		v.ByFile = true
	default:
		return v, Usagef("--sort: want severity or file, not %q", o.Sort)
	}
	switch strings.ToLower(o.Color) {
	case "always":
		v.Color = true
	case "never":
	case "auto", "":
		v.Color = colorTerminal(o.Out)
	default:
		return v, Usagef("--color: want auto, always or never, not %q", o.Color)
	}
	return v, nil
}

// colorTerminal reports whether w is a terminal that wants colour: not
// with NO_COLOR set to anything (no-color.org) or TERM=dumb.
func colorTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}
