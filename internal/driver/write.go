package driver

import (
	"bufio"
	"io"
	"os"
	"path/filepath"

	"github.com/aligncheck/aligncheck/reports"
)

// WriteReport writes a report to a file through a temporary file beside
// it, renamed once complete: a failed write leaves no half report, and a
// large one is not held in memory first. A path that is not a regular file
// (/dev/stdout, a pipe) is written as it is; "" writes nothing.
func WriteReport(path string, w reports.Writer, rep *reports.Report) error {
	if path == "" {
		return nil
	}
	write := func(out io.Writer) error {
		bw := bufio.NewWriterSize(out, 256<<10)
		if err := w.Write(bw, rep); err != nil {
			return err
		}
		return bw.Flush()
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		err = write(out)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	err = write(tmp)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
