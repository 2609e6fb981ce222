package driver

import (
	"bufio"
	"context"
	"io"

	"github.com/aligncheck/aligncheck/internal/outfile"
	"github.com/aligncheck/aligncheck/reports"
)

// WriteReport writes a report to a file with outfile.Write: through a
// temporary file beside it, synced and renamed once complete, so a failed
// or interrupted write leaves the old file as it was and no half report,
// and a large report is not held in memory first. A path that is not a
// regular file (/dev/stdout, a pipe) is written as it is; "" writes
// nothing.
func WriteReport(ctx context.Context, path string, w reports.Writer, rep *reports.Report) error {
	if path == "" {
		return nil
	}
	return outfile.Write(ctx, path, func(out io.Writer) error {
		bw := bufio.NewWriterSize(out, 256<<10)
		if err := w.Write(bw, rep); err != nil {
			return err
		}
		return bw.Flush()
	})
}
