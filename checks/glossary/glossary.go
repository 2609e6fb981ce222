// Package glossary reads term lists for the terminology check: TSV or CSV
// files with a header row naming the columns zh, en (allowed renderings,
// separated by "|"), and optionally forbidden (renderings that must not be
// used, "|"-separated) and note; and TBX files (the basic dialect:
// termEntry, langSet xml:lang, tig, term, termNote administrativeStatus).
//
// Chinese terms are kept in simplified form: a term written in traditional
// characters is converted with the segmenter's character table
// (lang.Simplify), as is the text a term is looked for in.
package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/internal/excerpt"
	"github.com/aligncheck/aligncheck/internal/regular"
)

// Entry is one Chinese term with its renderings.
type Entry struct {
	Zh        string   // the term, simplified
	Written   string   // the term as the file writes it
	Allowed   []string // renderings of which one must be used
	Forbidden []string // renderings that must not be used
	Note      string
	Path      string // where the entry comes from
	Line      int
}

// Glossary is a list of entries, at most one per Chinese term.
type Glossary struct {
	Entries []*Entry
	byZh    map[string]*Entry
}

// Error is a problem with a glossary file; it names the file and line.
type Error struct {
	Path string
	Line int // 1-based, 0 when not known
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, excerpt.Message(e.Msg))
	}
	return fmt.Sprintf("%s: %s", e.Path, excerpt.Message(e.Msg))
}

func errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Load reads glossary files into one glossary. An entry that repeats a
// term of an earlier one (in any file) with other renderings is an error;
// an exact repeat is ignored.
func Load(paths ...string) (*Glossary, error) {
	g := New()
	for _, p := range paths {
		data, err := regular.Read(p)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, errorf(p, 0, "read glossary: %v", err)
		}
		if err := g.Parse(p, data); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// New returns an empty glossary.
func New() *Glossary { return &Glossary{byZh: map[string]*Entry{}} }

// Len is the number of entries.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return len(g.Entries)
}

// Lookup returns the entry of a (simplified) Chinese term.
func (g *Glossary) Lookup(zh string) *Entry {
	if g == nil {
		return nil
	}
	return g.byZh[lang.Simplify(zh)]
}

// Parse reads one file's content: TBX when the name ends in .tbx or the
// content starts like XML, CSV for .csv, TSV for .tsv and .txt; other
// names are TSV when the header has a tab, else CSV.
func (g *Glossary) Parse(path string, data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return errorf(path, 1+bytes.Count(data[:i], []byte("\n")), "binary data (a NUL byte), not a glossary")
	}
	if !utf8.Valid(data) {
		return errorf(path, lineOfInvalid(data), "not UTF-8 text")
	}
	ext := strings.ToLower(filepath.Ext(path))
	trimmed := bytes.TrimSpace(data)
	switch {
	case ext == ".tbx" || ext == ".xml" || bytes.HasPrefix(trimmed, []byte("<")):
		return g.parseTBX(path, data)
	case ext == ".csv":
		return g.parseTable(path, data, ',')
	case ext == ".tsv" || ext == ".tab":
		return g.parseTable(path, data, '\t')
	}
	if header := firstRow(data); strings.Contains(header, "\t") || !strings.Contains(header, ",") {
		return g.parseTable(path, data, '\t')
	}
	return g.parseTable(path, data, ',')
}

func lineOfInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return bytes.Count(data[:i], []byte("\n")) + 1
		}
		i += n
	}
	return 0
}

// firstRow is the first line that is neither blank nor a comment.
func firstRow(data []byte) string {
	for _, ln := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(ln)
		if t != "" && !strings.HasPrefix(t, "#") {
			return ln
		}
	}
	return ""
}

var columns = map[string]bool{"zh": true, "en": true, "forbidden": true, "note": true}

// parseTable reads a TSV (sep '\t') or CSV (sep ',') glossary.
func (g *Glossary) parseTable(path string, data []byte, sep rune) error {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = sep == ','
	// TSV files seldom follow CSV's quoting rules: a stray quote mark is
	// text there, an error in CSV.
	r.LazyQuotes = sep == '\t'

	var col map[string]int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return errorf(path, pe.Line, "%v", pe.Err)
			}
			return errorf(path, 0, "%v", err)
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if col == nil {
			col = map[string]int{}
			for i, name := range rec {
				name = strings.ToLower(strings.TrimSpace(name))
				if !columns[name] {
					return errorf(path, line, "bad header: unknown column %s (want zh, en, forbidden, note)", excerpt.Quote(strings.TrimSpace(rec[i])))
				}
				if _, dup := col[name]; dup {
					return errorf(path, line, "bad header: column %q twice", name)
				}
				col[name] = i
			}
			if _, ok := col["zh"]; !ok {
				return errorf(path, line, "bad header: no zh column (want zh, en, forbidden, note)")
			}
			if _, ok := col["en"]; !ok {
				return errorf(path, line, "bad header: no en column (want zh, en, forbidden, note)")
			}
			continue
		}
		if len(rec) > len(col) {
			return errorf(path, line, "%d fields, the header has %d", len(rec), len(col))
		}
		field := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		e := &Entry{Written: field("zh"), Allowed: split(field("en")), Forbidden: split(field("forbidden")),
			Note: field("note"), Path: path, Line: line}
		if err := g.add(e); err != nil {
			return err
		}
	}
	if col == nil {
		return errorf(path, 0, "bad header: the file is empty (want a header row: zh, en, forbidden, note)")
	}
	return nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// split cuts a "|"-separated list of renderings.
func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// add checks an entry and adds it.
func (g *Glossary) add(e *Entry) error {
	if e.Written == "" {
		return errorf(e.Path, e.Line, "empty zh term")
	}
	if len(e.Allowed) == 0 && len(e.Forbidden) == 0 {
		return errorf(e.Path, e.Line, "no English rendering for %s (en is empty)", excerpt.Quote(e.Written))
	}
	e.Zh = lang.Simplify(e.Written)
	if old, ok := g.byZh[e.Zh]; ok {
		if sameSet(old.Allowed, e.Allowed) && sameSet(old.Forbidden, e.Forbidden) {
			return nil
		}
		return errorf(e.Path, e.Line, "duplicate entry for %s conflicts with %s:%d", excerpt.Quote(e.Written), old.Path, old.Line)
	}
	g.byZh[e.Zh] = e
	g.Entries = append(g.Entries, e)
	return nil
}

func sameSet(a, b []string) bool {
	norm := func(xs []string) string {
		ys := make([]string, len(xs))
		for i, x := range xs {
			ys[i] = strings.ToLower(x)
		}
		sort.Strings(ys)
		return strings.Join(ys, "\x00")
	}
	return norm(a) == norm(b)
}
