// Package regular reads files a configuration names, refusing anything
// that is not a regular file: a device or a FIFO could block the run or
// never end, and /proc files could put what they hold (the environment)
// into an error message.
package regular

import (
	"errors"
	"io"
	"os"
)

// ErrNotRegular is the error for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// Read reads a regular file whole.
func Read(path string) ([]byte, error) {
	// stat before opening: opening a FIFO blocks until a writer comes
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat() // the file opened, in case the path changed since
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	return io.ReadAll(f)
}
