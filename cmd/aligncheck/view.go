package main

import (
	"flag"
	"io"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/driver/config"
	"github.com/aligncheck/aligncheck/reports"
)

// viewFlags are --show, --sort and --color.
type viewFlags struct {
	show, sort, color string
}

// register adds --show, --sort and --color to fs; table says what --sort
// orders besides text, GitHub and Markdown output.
func (f *viewFlags) register(fs *flag.FlagSet, table string) {
	fs.StringVar(&f.show, "show", "", "list findings at or above this `severity` in text, GitHub and Markdown output: info, warning, error (default: warning, or --fail-on if lower); the rest are counted")
	fs.StringVar(&f.sort, "sort", "severity", "`order` of text, GitHub and Markdown output"+table+": severity (errors first, then by place) or file")
	fs.StringVar(&f.color, "color", "auto", "colour severities in text output: auto (on a terminal, unless NO_COLOR is set), always, never")
}

// view builds the report's view from the flags over the configuration.
func (f viewFlags) view(given map[string]bool, cfg *config.Config, failOn checks.Severity, out io.Writer) (reports.View, error) {
	o := driver.ViewOptions{Show: cfg.Show, Sort: cfg.Sort, Color: f.color, FailOn: failOn, Out: out}
	if given["show"] {
		o.Show = f.show
	}
	if given["sort"] {
		o.Sort = f.sort
	}
	return driver.View(o)
}
