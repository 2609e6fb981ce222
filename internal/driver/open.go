package driver

import (
	"io"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
)

// OpenOne opens the one document a command works on (cmd names it in
// errors): a Chinese file and its English (zhPath, enPath), or one FILE
// given as the only argument that holds one document.
func OpenOne(cmd, zhPath, enPath string, pos []string, stdin io.Reader) (*align.Document, error) {
	switch {
	case zhPath != "" || enPath != "":
		if zhPath == "" || enPath == "" {
			return nil, Usagef("%s: need both --zh FILE and --en FILE", cmd)
		}
		if len(pos) > 0 {
			return nil, Usagef("%s: unexpected argument %q with --zh and --en", cmd, pos[0])
		}
		return input.OpenPair(zhPath, enPath, stdin, input.Options{})
	case len(pos) == 1:
		docs, err := input.Open(pos[0], stdin, input.Options{})
		if err != nil {
			return nil, err
		}
		if len(docs) != 1 {
			return nil, Usagef("%s: %s holds %d documents; give one", cmd, pos[0], len(docs))
		}
		return docs[0], nil
	}
	return nil, Usagef("%s: give one FILE, or --zh FILE --en FILE", cmd)
}
