// Package input reads the files a user gives and turns them into an
// align.Document whose every block keeps its exact location in the file.
package input

import "fmt"

// Error is a problem with an input file: unreadable, not text, not the
// expected language. Offset is a byte offset in the file, or -1.
type Error struct {
	Path   string
	Offset int
	Line   int // 1-based, 0 when not known
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	case e.Offset >= 0:
		return fmt.Sprintf("%s: byte %d: %s", e.Path, e.Offset, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
}

func errorf(path string, offset int, format string, args ...any) *Error {
	return &Error{Path: path, Offset: offset, Msg: fmt.Sprintf(format, args...)}
}
