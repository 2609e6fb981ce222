package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/aligncheck/aligncheck/internal/cli"
	"github.com/aligncheck/aligncheck/internal/driver"
)

// runConfig prints the effective configuration: the defaults, the
// configuration file over them, and the flags over that, as YAML that
// aligncheck reads back.
func runConfig(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("config", flag.ContinueOnError)
	var f checkFlags
	fs.StringVar(&f.config, "config", "", "configuration `file` (default: .aligncheck.yaml found by walking up)")
	fs.StringVar(&f.failOn, "fail-on", "error", "failing `severity`: error, warning, info, none")
	fs.StringVar(&f.source, "source", "zh", "`language` of the original: zh or en")
	fs.StringVar(&f.disable, "disable", "", "comma-separated `checks` not to run")
	fs.StringVar(&f.enable, "enable", "", "run only these comma-separated `checks`")
	f.lists.Flags(fs)
	pos, code, done := parseCommand(fs, args, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		return report(stderr, usagef("config takes no arguments"))
	}
	f.given = cli.Given(fs)
	o := f.overrides()
	if _, err := driver.Select(nil, o.Enable, o.Disable); err != nil {
		return report(stderr, err)
	}
	cfg, err := driver.LoadConfig(f.config, o)
	if err != nil {
		return report(stderr, err)
	}
	if _, err := driver.ParseSource(cfg.Source); err != nil {
		return report(stderr, err)
	}
	if _, err := driver.ParseFailOn(cfg.FailOn); err != nil {
		return report(stderr, err)
	}
	wd, _ := os.Getwd()
	data, err := cfg.YAML(wd)
	if err != nil {
		return report(stderr, fmt.Errorf("print configuration: %w", err))
	}
	from := "no configuration file: defaults"
	if cfg.File != "" {
		from = "from " + cfg.File
	}
	fmt.Fprintf(stdout, "# aligncheck effective configuration (%s)\n", from)
	stdout.Write(data)
	return exitOK
}
