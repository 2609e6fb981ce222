// Package discover turns the paths given on the command line (files and
// directories) into the documents to check, pairing files by the naming
// conventions of translation projects:
//
//   - two files with language tags: name.zh.md + name.en.md (also zh-CN,
//     zh-Hans, zh-TW, en-US, … and zh_CN);
//   - mirrored trees: zh/guide/a.md + en/guide/a.md, when a directory holds
//     both a zh… and an en… subdirectory;
//   - interleaved single files: a .md or .txt with no language tag, outside
//     a mirrored tree, holds both languages.
//
// A tagged or mirrored file found in a directory whose partner does not
// exist is returned as Unpaired, so the caller reports it instead of
// skipping it silently; a file named on the command line without a partner
// is read as it is (Single).
package discover

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Rules say which files a directory run takes and how they pair.
type Rules struct {
	ZhTags, EnTags []string // tag patterns of name.TAG.ext
	ZhDirs, EnDirs []string // names of mirrored tree roots
	// Interleaved: untagged files found in directories are interleaved
	// documents; when false they are skipped. Files named on the command
	// line are always read.
	Interleaved bool
	// Include and Exclude filter files found in directories (not files
	// named on the command line), against their path relative to Base.
	Include, Exclude []string
	Base             string
}

// Kind is what a discovered document is.
type Kind uint8

const (
	// Single is one file read as it is (interleaved text, or any format
	// the readers know).
	Single Kind = iota
	// Pair is a Chinese file and its English translation.
	Pair
	// Unpaired is a file of one language whose partner was not found.
	Unpaired
)

// Doc is one document to check.
type Doc struct {
	Kind   Kind
	Path   string // Single and Unpaired: the file
	Zh, En string // Pair: the two files
	Lang   string // Unpaired: the language of Path, "zh" or "en"
	Want   string // Unpaired: where the partner was looked for
	// Named is true when the file was named on the command line rather than
	// found in a directory.
	Named bool
}

// Key is the path documents are sorted by: the file, or the Chinese file of
// a pair.
func (d Doc) Key() string {
	if d.Kind == Pair {
		return d.Zh
	}
	return d.Path
}

type file struct {
	path     string
	lang     string // "zh", "en" or "" (untagged)
	key      string // the path with its language marks replaced by {}
	tagged   bool
	mirrored bool
	named    bool
	// for finding partners
	tag      string // the file's tag (tagged)
	langComp int    // index of the language directory in dirParts (mirrored)
	dirParts []string
}

type expander struct {
	r     Rules
	dirs  map[string][]os.DirEntry
	seen  map[string]bool
	files []*file
}

// Expand lists the documents under the given paths, sorted by Key. "-"
// stands for standard input; a path that does not exist is returned as a
// Single document so that reading it reports the error.
func Expand(paths []string, r Rules) ([]Doc, error) {
	x := &expander{r: r, dirs: map[string][]os.DirEntry{}, seen: map[string]bool{}}
	var docs []Doc
	for _, p := range paths {
		if p == "-" {
			docs = append(docs, Doc{Kind: Single, Path: p, Named: true})
			continue
		}
		st, err := os.Stat(p)
		switch {
		case err != nil || !st.IsDir():
			x.add(p, true)
		default:
			if err := x.walk(p); err != nil {
				return nil, err
			}
		}
	}
	docs = append(docs, x.pair()...)
	sort.SliceStable(docs, func(a, b int) bool { return docs[a].Key() < docs[b].Key() })
	return docs, nil
}

func (x *expander) walk(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", p, unwrapPath(err))
		}
		rel := x.rel(p)
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || x.excluded(rel+"/") || x.excluded(rel)) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !x.included(rel) || x.excluded(rel) {
			return nil
		}
		x.add(p, false)
		return nil
	})
}

// rel is p relative to the base, slash-separated; p itself when it lies
// outside.
func (x *expander) rel(p string) string {
	base := x.r.Base
	if base == "" {
		base = "."
	}
	ab, err1 := filepath.Abs(base)
	ap, err2 := filepath.Abs(p)
	if err1 == nil && err2 == nil {
		if r, err := filepath.Rel(ab, ap); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

func (x *expander) included(rel string) bool {
	if len(x.r.Include) == 0 {
		return true
	}
	for _, g := range x.r.Include {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

func (x *expander) excluded(rel string) bool {
	for _, g := range x.r.Exclude {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

func (x *expander) add(p string, named bool) {
	id := p
	if a, err := filepath.Abs(p); err == nil {
		id = a
	}
	if x.seen[id] {
		if named {
			for _, f := range x.files {
				if f.path == p {
					f.named = true
				}
			}
		}
		return
	}
	x.seen[id] = true
	x.files = append(x.files, x.classify(p, named))
}

func (x *expander) classify(p string, named bool) *file {
	f := &file{path: p, named: named, langComp: -1}
	dir, base := filepath.Dir(p), filepath.Base(p)
	// a language tag in the name: name.TAG.ext
	parts := strings.Split(base, ".")
	if len(parts) >= 3 && parts[0] != "" {
		tag := parts[len(parts)-2]
		switch {
		case matchName(x.r.ZhTags, tag):
			f.lang, f.tagged = "zh", true
		case matchName(x.r.EnTags, tag):
			f.lang, f.tagged = "en", true
		}
		if f.tagged {
			f.tag = tag
			base = strings.Join(parts[:len(parts)-2], ".") + ".{}." + parts[len(parts)-1]
		}
	}
	// a mirrored tree: …/zh/… beside …/en/…
	f.dirParts = strings.Split(filepath.ToSlash(dir), "/")
	for i, c := range f.dirParts {
		l := x.dirLang(c)
		if l == "" || len(x.siblings(f.parentOf(i), other(l))) == 0 {
			continue
		}
		f.mirrored, f.langComp = true, i
		if !f.tagged {
			f.lang = l
		}
		break
	}
	parts2 := append([]string(nil), f.dirParts...)
	if f.mirrored {
		parts2[f.langComp] = "{}"
	}
	f.key = strings.Join(append(parts2, base), "/")
	return f
}

// parentOf is the directory holding dirParts[i].
func (f *file) parentOf(i int) string {
	if i == 0 {
		return "."
	}
	p := strings.Join(f.dirParts[:i], "/")
	if p == "" {
		return "/"
	}
	return filepath.FromSlash(p)
}

func (x *expander) dirLang(name string) string {
	switch {
	case name == "" || name == "." || name == "..":
		return ""
	case matchName(x.r.ZhDirs, name):
		return "zh"
	case matchName(x.r.EnDirs, name):
		return "en"
	}
	return ""
}

func other(l string) string {
	if l == "zh" {
		return "en"
	}
	return "zh"
}

func (x *expander) list(dir string) []os.DirEntry {
	if es, ok := x.dirs[dir]; ok {
		return es
	}
	es, _ := os.ReadDir(dir)
	x.dirs[dir] = es
	return es
}

// siblings are the subdirectories of parent named as language l's tree.
func (x *expander) siblings(parent, l string) []string {
	pats := x.r.ZhDirs
	if l == "en" {
		pats = x.r.EnDirs
	}
	var out []string
	for _, e := range x.list(parent) {
		if e.IsDir() && matchName(pats, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

func (x *expander) tags(l string) []string {
	if l == "zh" {
		return x.r.ZhTags
	}
	return x.r.EnTags
}

func (x *expander) dirNames(l string) []string {
	if l == "zh" {
		return x.r.ZhDirs
	}
	return x.r.EnDirs
}

// partners finds the files of the other language that f pairs with on disk.
func (x *expander) partners(f *file) []string {
	o := other(f.lang)
	var dirs []string
	if f.mirrored {
		parent := f.parentOf(f.langComp)
		for _, s := range x.siblings(parent, o) {
			parts := append([]string(nil), f.dirParts...)
			parts[f.langComp] = s
			dirs = append(dirs, filepath.FromSlash(strings.Join(parts, "/")))
		}
	} else {
		dirs = []string{filepath.Dir(f.path)}
	}
	var out []string
	base := filepath.Base(f.path)
	for _, d := range dirs {
		if !f.tagged {
			p := filepath.Join(d, base)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				out = append(out, p)
			}
			continue
		}
		parts := strings.Split(base, ".")
		stem, ext := strings.Join(parts[:len(parts)-2], "."), parts[len(parts)-1]
		for _, e := range x.list(d) {
			ps := strings.Split(e.Name(), ".")
			if e.IsDir() || len(ps) < 3 || strings.Join(ps[:len(ps)-2], ".") != stem || ps[len(ps)-1] != ext {
				continue
			}
			if matchName(x.tags(o), ps[len(ps)-2]) {
				out = append(out, filepath.Join(d, e.Name()))
			}
		}
	}
	return out
}

// want names the partner a file was expected to have.
func (x *expander) want(f *file) string {
	o := other(f.lang)
	dir := filepath.Dir(f.path)
	if f.mirrored {
		parts := append([]string(nil), f.dirParts...)
		parts[f.langComp] = literal(x.dirNames(o), o)
		dir = filepath.FromSlash(strings.Join(parts, "/"))
	}
	base := filepath.Base(f.path)
	if f.tagged {
		parts := strings.Split(base, ".")
		parts[len(parts)-2] = literal(x.tags(o), o)
		base = strings.Join(parts, ".")
	}
	return filepath.Join(dir, base)
}

func (x *expander) pair() []Doc {
	type group struct{ zh, en []*file }
	groups := map[string]*group{}
	var keys []string
	var docs []Doc
	for _, f := range x.files {
		if f.lang == "" {
			if f.named || x.r.Interleaved {
				docs = append(docs, Doc{Kind: Single, Path: f.path, Named: f.named})
			}
			continue
		}
		g := groups[f.key]
		if g == nil {
			g = &group{}
			groups[f.key] = g
			keys = append(keys, f.key)
		}
		if f.lang == "zh" {
			g.zh = append(g.zh, f)
		} else {
			g.en = append(g.en, f)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		// a partner on disk that the walk did not take (outside the paths
		// given, or excluded)
		for _, side := range [][]*file{g.zh, g.en} {
			if len(side) == 0 {
				continue
			}
			if (side[0].lang == "zh" && len(g.en) > 0) || (side[0].lang == "en" && len(g.zh) > 0) {
				continue
			}
			for _, f := range side {
				for _, p := range x.partners(f) {
					pf := &file{path: p, lang: other(f.lang)}
					if pf.lang == "zh" {
						g.zh = appendUnique(g.zh, pf)
					} else {
						g.en = appendUnique(g.en, pf)
					}
				}
			}
		}
		sort.Slice(g.zh, func(a, b int) bool { return g.zh[a].path < g.zh[b].path })
		sort.Slice(g.en, func(a, b int) bool { return g.en[a].path < g.en[b].path })
		switch {
		case len(g.en) == 0 || len(g.zh) == 0:
			for _, f := range append(g.zh, g.en...) {
				if f.named {
					// a file named on the command line is read as it is
					docs = append(docs, Doc{Kind: Single, Path: f.path, Named: true})
					continue
				}
				docs = append(docs, Doc{Kind: Unpaired, Path: f.path, Lang: f.lang, Want: x.want(f)})
			}
		default:
			for _, z := range g.zh {
				for _, e := range g.en {
					docs = append(docs, Doc{Kind: Pair, Zh: z.path, En: e.path, Named: z.named || e.named})
				}
			}
		}
	}
	return docs
}

func appendUnique(fs []*file, f *file) []*file {
	for _, g := range fs {
		if filepath.Clean(g.path) == filepath.Clean(f.path) {
			return fs
		}
	}
	return append(fs, f)
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
