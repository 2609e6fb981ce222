package input

import (
	"bytes"
	"io"
	"os"
	"unicode/utf8"
)

// MaxFileSize bounds what one input may hold; larger inputs are refused
// rather than exhausting memory.
const MaxFileSize = 256 << 20

// ReadFile reads a named file, or standard input for "-", and decodes it.
// It refuses directories, devices and other non-regular files by name.
func ReadFile(path string, stdin io.Reader) (text string, shown string, err error) {
	var data []byte
	shown = path
	if path == "-" {
		shown = "<stdin>"
		if stdin == nil {
			return "", shown, errorf(shown, -1, "no standard input")
		}
		data, err = io.ReadAll(io.LimitReader(stdin, MaxFileSize+1))
		if err != nil {
			return "", shown, errorf(shown, -1, "read: %v", err)
		}
	} else {
		st, serr := os.Stat(path)
		if serr != nil {
			return "", shown, errorf(shown, -1, "%v", unwrapPathError(serr))
		}
		if st.IsDir() {
			return "", shown, errorf(shown, -1, "is a directory, not a file")
		}
		if !st.Mode().IsRegular() {
			return "", shown, errorf(shown, -1, "not a regular file")
		}
		if st.Size() > MaxFileSize {
			return "", shown, errorf(shown, -1, "file is %d bytes; the limit is %d", st.Size(), MaxFileSize)
		}
		data, err = os.ReadFile(path)
		if err != nil {
			return "", shown, errorf(shown, -1, "%v", unwrapPathError(err))
		}
	}
	if len(data) > MaxFileSize {
		return "", shown, errorf(shown, -1, "input is larger than the limit of %d bytes", MaxFileSize)
	}
	text, err = Decode(shown, data)
	return text, shown, err
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Decode checks that data is UTF-8 text and drops a byte-order mark.
// Binary data (NUL bytes) and invalid UTF-8 are errors with the byte offset.
func Decode(path string, data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", errorf(path, -1, "file is empty")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", errorf(path, i, "binary data (NUL byte); expected text")
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return "", errorf(path, i, "invalid UTF-8")
		}
		i += n
	}
	return string(data), nil
}
