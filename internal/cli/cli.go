// Package cli holds the command line's plumbing that is not about any one
// command: flags that may follow positional arguments, repeatable flags,
// and which flags were given.
package cli

import (
	"flag"
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/driver/config"
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

// Lists are the repeatable flags that add to the configuration's lists,
// which check and config share: --glossary FILE and --furniture PHRASE.
type Lists struct {
	Glossary  List
	Furniture Phrases
}

// Flags registers the flags on fs.
func (l *Lists) Flags(fs *flag.FlagSet) {
	fs.Var(&l.Glossary, "glossary", "glossary `file` (TSV, CSV or TBX); repeatable")
	fs.Var(&l.Furniture, "furniture", "page furniture `phrase` of the site read (a label of its own links or notices), added to the built-in ones and the configuration's; repeatable")
}

// Override sets the flags given over the configuration: --glossary
// replaces its glossary files, --furniture adds to its phrases.
func (l *Lists) Override(o *driver.Overrides) {
	if l.Glossary != nil {
		o.Glossary = l.Glossary
	}
	o.Furniture = l.Furniture
}

// Phrases is a repeatable flag of furniture phrases, each checked as the
// configuration file's are.
type Phrases []string

func (s *Phrases) String() string { return strings.Join(*s, ",") }
func (s *Phrases) Set(v string) error {
	if err := config.FurniturePhrase(v); err != nil {
		return err
	}
	*s = append(*s, v)
	return nil
}
