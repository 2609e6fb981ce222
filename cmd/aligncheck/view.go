package main

import (
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
