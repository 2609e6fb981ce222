package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

//go:embed help/*.txt
var helpTexts embed.FS

// help is the text printed before a command's flags by -h (help/NAME.txt).
func help(name string) string {
	b, err := helpTexts.ReadFile("help/" + name + ".txt")
	if err != nil {
		panic(err) // every command has its text; TestHelp runs them all
	}
	return string(b)
}

// parseCommand parses a command's flags. With -h it prints the command's
// help and flags on stdout; on a mistake, the error on stderr. done says
// the command ends there, with code.
func parseCommand(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (pos []string, code int, done bool) {
	pos, err := parseFlags(fs, args)
	switch {
	case err == nil:
		return pos, 0, false
	case errors.Is(err, flag.ErrHelp) || strings.Contains(err.Error(), flag.ErrHelp.Error()):
		fmt.Fprint(stdout, help(fs.Name()))
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return nil, exitOK, true
	}
	return nil, report(stderr, err), true
}

// parseFlags parses flags that may come before or after positional
// arguments ("check doc.txt --format json"); "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
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

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// givenFlags lists the flags set on the command line.
func givenFlags(fs *flag.FlagSet) map[string]bool {
	m := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m[f.Name] = true })
	return m
}
