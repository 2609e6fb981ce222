package main

import (
	"embed"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/aligncheck/aligncheck/internal/cli"
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
	pos, err := cli.Parse(fs, args)
	switch {
	case err == nil:
		return pos, 0, false
	case strings.Contains(err.Error(), flag.ErrHelp.Error()): // cli.Parse wraps it in a usage error
		fmt.Fprint(stdout, help(fs.Name()))
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return nil, exitOK, true
	}
	return nil, report(stderr, err), true
}
