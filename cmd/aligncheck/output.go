package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/outfile"
	"github.com/aligncheck/aligncheck/reports"
)

// output is one report to write: a format, and a file ("" for stdout).
type output struct{ format, path string }

// outputsOf lists the main report and the extra ones (--html FILE, …).
func outputsOf(format, path string, extra map[string]*string) []output {
	outs := []output{{format, path}}
	for _, name := range reports.ExtraFormats {
		if p := extra[name]; p != nil && *p != "" {
			outs = append(outs, output{name, *p})
		}
	}
	return outs
}

// checkOutputs makes sure every output is writable before the run, so
// that none is found unwritable after it with half of them written.
func checkOutputs(outs []output) error {
	for _, o := range outs {
		if err := outfile.Check(o.path); err != nil {
			return fmt.Errorf("cannot write the %s report: %w", o.format, err)
		}
	}
	return nil
}

// writeOutputs writes rep in each format: a file whole or not at all,
// stdout through a buffer.
func writeOutputs(ctx context.Context, outs []output, rep *reports.Report, stdout io.Writer) error {
	for _, o := range outs {
		w, ok := reports.Lookup(o.format)
		if !ok {
			return usagef("--format: unknown format %q", o.format)
		}
		var err error
		if o.path == "" {
			bw := bufio.NewWriterSize(stdout, 256<<10)
			if err = w.Write(bw, rep); err == nil {
				err = bw.Flush()
			}
		} else {
			err = driver.WriteReport(ctx, o.path, w, rep)
		}
		if err != nil {
			return fmt.Errorf("write %s report: %w", o.format, err)
		}
	}
	return nil
}
