package eval

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// File is one document pair of a gold set: the sentences of both sides, one
// a line as the set gives them, and the gold beads. Src is the gold's left
// side.
type File struct {
	Name     string // the file name shared by both sides, e.g. "001"
	SrcPath  string
	TgtPath  string
	GoldPath string
	Src, Tgt []string
	Gold     []Bead
}

// Set is a directory of document pairs with gold alignments, laid out as
// {zh|src}/NNN, {en|tgt}/NNN and gold/NNN.align.
type Set struct {
	Dir   string
	Files []File

	// SrcVerse and TgtVerse hold the verse id of every sentence when the set
	// has verse files (the Bible: en.verse, zh.verse), for MergeByVerse. The
	// verse files of several documents are not supported: they describe the
	// set's single document.
	SrcVerse, TgtVerse []string
}

// ReadSet reads a set directory. The left (source) side is the directory
// "src" if there is one, else "zh" — or "en" when enFirst is set (sets whose
// gold lists English first, such as the Bible); the right side is the other.
func ReadSet(dir string, enFirst bool) (*Set, error) {
	srcName, tgtName := "zh", "en"
	if enFirst {
		srcName, tgtName = "en", "zh"
	}
	if isDir(filepath.Join(dir, "src")) {
		srcName, tgtName = "src", "tgt"
	}
	srcDir, tgtDir, goldDir := filepath.Join(dir, srcName), filepath.Join(dir, tgtName), filepath.Join(dir, "gold")
	for _, d := range []string{srcDir, tgtDir, goldDir} {
		if !isDir(d) {
			return nil, fmt.Errorf("set %s: no directory %s (want {zh|src}/, {en|tgt}/, gold/)", dir, d)
		}
	}
	ents, err := os.ReadDir(srcDir)
	if err != nil {
		return nil, err
	}
	s := &Set{Dir: dir}
	var names []string
	for _, e := range ents {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		f := File{
			Name:     name,
			SrcPath:  filepath.Join(srcDir, name),
			TgtPath:  filepath.Join(tgtDir, name),
			GoldPath: filepath.Join(goldDir, name+".align"),
		}
		if _, err := os.Stat(f.GoldPath); errors.Is(err, os.ErrNotExist) {
			continue // a source file without gold is not part of the set
		}
		if f.Src, err = ReadLines(f.SrcPath); err != nil {
			return nil, err
		}
		if f.Tgt, err = ReadLines(f.TgtPath); err != nil {
			return nil, err
		}
		if f.Gold, err = ReadBeadsFile(f.GoldPath); err != nil {
			return nil, err
		}
		if err := checkIDs(f); err != nil {
			return nil, err
		}
		s.Files = append(s.Files, f)
	}
	if len(s.Files) == 0 {
		return nil, fmt.Errorf("set %s: no file in %s has a gold alignment in %s", dir, srcDir, goldDir)
	}
	srcLang, tgtLang := "zh", "en"
	if enFirst {
		srcLang, tgtLang = "en", "zh"
	}
	sv, tv := filepath.Join(dir, srcLang+".verse"), filepath.Join(dir, tgtLang+".verse")
	if isFile(sv) && isFile(tv) {
		if s.SrcVerse, err = ReadLines(sv); err != nil {
			return nil, err
		}
		if s.TgtVerse, err = ReadLines(tv); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func checkIDs(f File) error {
	for _, b := range f.Gold {
		for _, id := range b.Src {
			if id >= len(f.Src) {
				return fmt.Errorf("%s: bead %s: %s has only %d sentences", f.GoldPath, b, f.SrcPath, len(f.Src))
			}
		}
		for _, id := range b.Tgt {
			if id >= len(f.Tgt) {
				return fmt.Errorf("%s: bead %s: %s has only %d sentences", f.GoldPath, b, f.TgtPath, len(f.Tgt))
			}
		}
	}
	return nil
}

// SrcIsEnglish guesses, from the scripts of the text, whether the set's left
// side is English: true when it has more Latin letters than Han characters
// and the right side the opposite.
func (f *File) SrcIsEnglish() bool {
	sh, sl := scripts(f.Src)
	th, tl := scripts(f.Tgt)
	return sl > sh && th > tl
}

func scripts(lines []string) (han, latin int) {
	for _, l := range lines {
		for _, r := range l {
			switch {
			case r < 0x80:
				if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
					latin++
				}
			case unicode.Is(unicode.Han, r):
				han++
			}
		}
	}
	return han, latin
}

// ReadLines reads a file of one sentence per line; a trailing "\r" is
// dropped, and a final newline does not make an extra empty sentence.
func ReadLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lines, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
