// Package cli holds the command line's plumbing that is not about any one
// command: flags that may follow positional arguments, repeatable flags,
// and which flags were given.
package cli

import (
	"flag"
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/internal/driver"
)

// Parse parses flags that may come before or after positional arguments
// ("check doc.txt --format json"); "--" ends the flags. A mistake is a
// usage error.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, driver.Usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// List is a repeatable string flag.
type List []string

func (s *List) String() string     { return strings.Join(*s, ",") }
func (s *List) Set(v string) error { *s = append(*s, v); return nil }

// Given lists the flags set on the command line.
func Given(fs *flag.FlagSet) map[string]bool {
	m := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m[f.Name] = true })
	return m
}
