// Command genbin converts the segmentation dictionary of package lang from
// its text form (zhdict.txt.gz, written by gendict) to the binary form that
// lang embeds (zhdict.bin; see internal/zhdict).
//
// Usage (from align/lang, through go generate):
//
//	go run ./internal/genbin [-o zhdict.bin] [zhdict.txt.gz]
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/aligncheck/aligncheck/align/lang/internal/zhdict"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "genbin:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("genbin", flag.ContinueOnError)
	out := fs.String("o", "zhdict.bin", "output file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	in := "zhdict.txt.gz"
	if fs.NArg() > 0 {
		in = fs.Arg(0)
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	d, err := zhdict.Parse(string(text))
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	bin := zhdict.Encode(d)
	if err := os.WriteFile(*out, bin, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genbin: %d words, %d bytes -> %s\n", d.Words.Len(), len(bin), *out)
	return nil
}
