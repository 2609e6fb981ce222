package driver

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/aligncheck/aligncheck/internal/outfile"
	"github.com/aligncheck/aligncheck/reports"
)

// Output is one report to write: a format, and a file ("" for stdout).
type Output struct{ Format, Path string }

// Outputs lists the main report and the extra ones (--html FILE, …).
func Outputs(format, path string, extra map[string]*string) []Output {
	outs := []Output{{format, path}}
	for _, name := range reports.ExtraFormats {
		if p := extra[name]; p != nil && *p != "" {
			outs = append(outs, Output{name, *p})
		}
	}
	return outs
}

// CheckOutputs makes sure every output is writable before the run, so
// that none is found unwritable after it with half of them written.
func CheckOutputs(outs []Output) error {
	for _, o := range outs {
		if err := outfile.Check(o.Path); err != nil {
			return fmt.Errorf("cannot write the %s report: %w", o.Format, err)
		}
	}
	return nil
}

// WriteOutputs writes rep in each format: a file whole or not at all,
// stdout through a buffer.
func WriteOutputs(ctx context.Context, outs []Output, rep *reports.Report, stdout io.Writer) error {
	for _, o := range outs {
		w, ok := reports.Lookup(o.Format)
		if !ok {
			return Usagef("--format: unknown format %q", o.Format)
		}
		var err error
		if o.Path == "" {
			bw := bufio.NewWriterSize(stdout, 256<<10)
			if err = w.Write(bw, rep); err == nil {
				err = bw.Flush()
			}
		} else {
			err = WriteReport(ctx, o.Path, w, rep)
		}
		if err != nil {
			return fmt.Errorf("write %s report: %w", o.Format, err)
		}
	}
	return nil
}
