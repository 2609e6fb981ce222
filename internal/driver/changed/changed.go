// Package changed finds the paragraphs of a document that changed since a
// git revision, so that a gate can report only findings on pairs touched by
// a change (--new-from-rev).
//
// The old content of each file comes from `git show REV:./file`, run in the
// file's own directory (and so its own repository). It is read by the same
// reader as the new content, and the paragraphs of each language are
// matched in order by their normalised text (white space folded) with a
// sequence diff: a paragraph is new or changed when the diff inserts it. A
// paragraph deleted on one side marks the pairs around the gap it leaves,
// where an omission would now be reported. A file that did not exist at
// REV is all new.
package changed

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

// Git reads old file contents from git at one revision. It caches what it
// learns about each directory's repository; it is safe for concurrent use.
type Git struct {
	Rev string

	mu    sync.Mutex
	repos map[string]error // directory → nil when REV resolves there
}

// NewGit returns a reader at revision rev.
func NewGit(rev string) *Git { return &Git{Rev: rev, repos: map[string]error{}} }

// Old returns the content of a file at the revision; ok is false when the
// file did not exist then. An error means the revision or the repository is
// unusable.
func (g *Git) Old(path string) (data []byte, ok bool, err error) {
	dir := filepath.Dir(path)
	if err := g.check(dir); err != nil {
		return nil, false, err
	}
	cmd := exec.Command("git", "show", g.Rev+":./"+filepath.Base(path))
	cmd.Dir = dir
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, false, nil // not in that revision: a new file
		}
		return nil, false, fmt.Errorf("--new-from-rev: git show: %w", err)
	}
	return out.Bytes(), true, nil
}

func (g *Git) check(dir string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err, ok := g.repos[dir]; ok {
		return err
	}
	err := g.verify(dir)
	g.repos[dir] = err
	return err
}

func (g *Git) verify(dir string) error {
	run := func(args ...string) (string, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		var out, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &stderr
		err := cmd.Run()
		if err != nil && stderr.Len() > 0 {
			err = errors.New(strings.TrimSpace(strings.SplitN(stderr.String(), "\n", 2)[0]))
		}
		return out.String(), err
	}
	if _, err := exec.LookPath("git"); err != nil {
		return fmt.Errorf("--new-from-rev: git not found: %w", err)
	}
	if _, err := run("rev-parse", "--git-dir"); err != nil {
		return fmt.Errorf("--new-from-rev: %s is not in a git repository", dir)
	}
	if _, err := run("rev-parse", "--verify", "--quiet", g.Rev+"^{commit}"); err != nil {
		return fmt.Errorf("--new-from-rev: unknown revision %q in the repository of %s", g.Rev, dir)
	}
	return nil
}

// Changes are the paragraphs of one document that are new since the
// revision, and where paragraphs were deleted.
type Changes struct {
	All     bool            // the document is new: everything counts as changed
	blocks  [2]map[int]bool // per language: new or changed block indices
	deleted [2][]int        // per language: positions (before block i) of pure deletions
}

// Any reports whether anything changed.
func (c *Changes) Any() bool {
	return c.All || len(c.blocks[0]) > 0 || len(c.blocks[1]) > 0 || len(c.deleted[0]) > 0 || len(c.deleted[1]) > 0
}

// Block reports whether block i of language l is new or changed.
func (c *Changes) Block(l align.Lang, i int) bool { return c.All || c.blocks[l][i] }

// Since compares a document with its files at the revision. Documents not
// read from files (standard input, text on the command line) are all new.
func Since(g *Git, doc *align.Document, opt input.Options) (*Changes, error) {
	c := &Changes{blocks: [2]map[int]bool{{}, {}}}
	zp, ep := doc.ZhSrc.Path, doc.EnSrc.Path
	if !isFile(zp) || !isFile(ep) {
		c.All = true
		return c, nil
	}
	tmp, err := os.MkdirTemp("", "aligncheck-rev-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	// write the old files under their own names, so the reader takes the
	// same format decisions
	oldFile := func(path, sub string) (string, bool, error) {
		data, ok, err := g.Old(path)
		if err != nil || !ok {
			return "", ok, err
		}
		d := filepath.Join(tmp, sub)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return "", false, err
		}
		p := filepath.Join(d, filepath.Base(path))
		return p, true, os.WriteFile(p, data, 0o644)
	}
	var old []*align.Document
	if doc.ZhSrc == doc.EnSrc || zp == ep {
		p, ok, err := oldFile(zp, "a")
		if err != nil {
			return nil, err
		}
		if !ok {
			c.All = true
			return c, nil
		}
		old, err = input.Open(p, nil, opt)
		if err != nil {
			c.All = true // unreadable then: count it all as changed
			return c, nil
		}
	} else {
		zo, zok, err := oldFile(zp, "zh")
		if err != nil {
			return nil, err
		}
		eo, eok, err := oldFile(ep, "en")
		if err != nil {
			return nil, err
		}
		if !zok && !eok {
			c.All = true
			return c, nil
		}
		// a side that did not exist is compared with nothing: stand the
		// current file in for it so the pair still reads, and drop its blocks
		if !zok {
			zo = zp
		}
		if !eok {
			eo = ep
		}
		d, err := input.OpenPair(zo, eo, nil, opt)
		if err != nil {
			c.All = true
			return c, nil
		}
		if !zok {
			d.Zh = nil
		}
		if !eok {
			d.En = nil
		}
		old = []*align.Document{d}
	}
	for _, l := range []align.Lang{align.Zh, align.En} {
		var before []string
		for _, d := range old {
			for _, b := range d.Blocks(l) {
				before = append(before, align.NormText(b.Text))
			}
		}
		var after []string
		for _, b := range doc.Blocks(l) {
			after = append(after, align.NormText(b.Text))
		}
		c.blocks[l], c.deleted[l] = diff(before, after)
	}
	return c, nil
}

func isFile(p string) bool {
	if p == "" || p == "<stdin>" || p == "-" {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// diff matches two sequences of paragraphs; it returns the indices in after
// that are inserted (new or changed) and the positions in after where
// paragraphs were only deleted.
func diff(before, after []string) (map[int]bool, []int) {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // deterministic: never cut the diff short
	join := func(s []string) string {
		if len(s) == 0 {
			return ""
		}
		return strings.Join(s, "\n") + "\n"
	}
	r1, r2, _ := dmp.DiffLinesToRunes(join(before), join(after))
	ds := dmp.DiffMainRunes(r1, r2, false)
	changed := map[int]bool{}
	var deleted []int
	j := 0
	for k, d := range ds {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			j += n
		case diffmatchpatch.DiffInsert:
			for i := 0; i < n; i++ {
				changed[j+i] = true
			}
			j += n
		case diffmatchpatch.DiffDelete:
			// a deletion next to an insertion is a replacement: the
			// inserted paragraphs carry it
			replaced := k > 0 && ds[k-1].Type == diffmatchpatch.DiffInsert ||
				k+1 < len(ds) && ds[k+1].Type == diffmatchpatch.DiffInsert
			if !replaced {
				deleted = append(deleted, j)
			}
		}
	}
	return changed, deleted
}

// Beads marks the pairs of an alignment that changed: a pair with a new or
// changed paragraph on either side, and around each pure deletion the pairs
// between its two neighbours (where the deleted paragraph's counterpart now
// stands alone) or, when there are none, the neighbours themselves.
func (c *Changes) Beads(al *align.Alignment) map[int]bool {
	out := map[int]bool{}
	for bi, b := range al.Beads {
		if c.All {
			out[bi] = true
			continue
		}
		for _, i := range b.Zh {
			if c.blocks[align.Zh][i] {
				out[bi] = true
			}
		}
		for _, i := range b.En {
			if c.blocks[align.En][i] {
				out[bi] = true
			}
		}
	}
	for _, l := range []align.Lang{align.Zh, align.En} {
		n := len(al.Doc.Blocks(l))
		for _, j := range c.deleted[l] {
			lo, hi := -1, len(al.Beads)
			if j > 0 && j-1 < n {
				lo = al.BeadOf(l, j-1)
			}
			if j < n {
				hi = al.BeadOf(l, j)
			}
			if hi-lo > 1 {
				for bi := lo + 1; bi < hi; bi++ {
					out[bi] = true
				}
				continue
			}
			if lo >= 0 {
				out[lo] = true
			}
			if hi < len(al.Beads) {
				out[hi] = true
			}
		}
	}
	return out
}

// Filter keeps the findings on changed pairs. A finding outside any pair is
// kept when its location lies in a changed paragraph, or, when it has no
// location in a paragraph, when anything in the document changed.
func (c *Changes) Filter(fs []checks.Finding, al *align.Alignment) []checks.Finding {
	if c.All {
		return fs
	}
	beads := map[int]bool{}
	if al != nil {
		beads = c.Beads(al)
	}
	var out []checks.Finding
	for _, f := range fs {
		if f.Bead >= 0 {
			if beads[f.Bead] {
				out = append(out, f)
			}
			continue
		}
		if c.spanChanged(f, al) {
			out = append(out, f)
		}
	}
	return out
}

func (c *Changes) spanChanged(f checks.Finding, al *align.Alignment) bool {
	located := false
	if al != nil {
		for _, l := range []align.Lang{align.Zh, align.En} {
			sp := f.Zh
			if l == align.En {
				sp = f.En
			}
			if sp == nil {
				continue
			}
			for _, b := range al.Doc.Blocks(l) {
				if b.Src.Path == sp.Path && sp.Start >= b.Start && sp.End <= b.End {
					located = true
					if c.blocks[l][b.Index] {
						return true
					}
				}
			}
		}
	}
	return !located && c.Any()
}
