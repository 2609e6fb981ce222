package main

import (
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver/config"
	"github.com/aligncheck/aligncheck/reports"
)

// viewFlags are the flags that choose how text, GitHub and Markdown output
// show the findings; none changes what is found or the exit code.
type viewFlags struct {
	show, sort, color string
}

// view builds the report's view from the flags over the configuration
// (show, sort). Without a threshold, warnings and errors are listed, and
// whatever --fail-on fails on: a run never fails on findings it hides.
// out is where the main report goes (nil for a file): colour is on for a
// terminal unless NO_COLOR is set or TERM is dumb, or as --color says.
func (f viewFlags) view(given map[string]bool, cfg *config.Config, failOn checks.Severity, out io.Writer) (reports.View, error) {
	var v reports.View
	show := cfg.Show
	if given["show"] {
		show = f.show
	}
	if show != "" {
		sev, err := checks.ParseSeverity(show)
		if err != nil || sev == 0 {
			return v, usagef("--show: want info, warning or error, not %q", show)
		}
		v.Show = sev
	} else if failOn > 0 && failOn < reports.DefaultShow {
		v.Show = failOn
	}
	order := cfg.Sort
	if given["sort"] {
		order = f.sort
	}
	switch strings.ToLower(order) {
	case "", "severity":
	case "file":
		v.ByFile = true
	default:
		return v, usagef("--sort: want severity or file, not %q", order)
	}
	switch strings.ToLower(f.color) {
	case "always":
		v.Color = true
	case "never":
	case "auto", "":
		v.Color = colorTerminal(out)
	default:
		return v, usagef("--color: want auto, always or never, not %q", f.color)
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
