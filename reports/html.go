package reports

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
)

//go:embed html/report.html.tmpl html/style.css html/script.js
var htmlFiles embed.FS

// The template is parsed the first time a page is written, not when the
// program starts: most runs write no HTML, and parsing it was a third of
// the program's initialisation.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{"plural": plural}).ParseFS(htmlFiles, "html/report.html.tmpl"))
})

func mustRead(name string) string {
	b, err := htmlFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// htmlAssets are the page's inline style sheet and script.
var htmlAssets = sync.OnceValues(func() (template.CSS, template.JS) {
	return template.CSS(mustRead("html/style.css")), template.JS(mustRead("html/script.js"))
})

// HTML writes one self-contained page: a summary, a chart of the length
// ratio along each document (errors and unpaired paragraphs marked), the
// table of findings (open, in the view's order: errors first), the aligned
// text side by side (Chinese | English, one row per paragraph pair,
// sentence pairs numbered inside it) with each finding highlighted where it
// applies, and the documentation of the checks that fired. CSS and script
// are inline and nothing is loaded from the network; without script the
// page shows everything. The script adds a severity filter (at or above a
// severity; it starts at the view's threshold), category filters, counts
// that follow them, and "previous"/"next" controls (keys k and j) that
// step through the findings shown, most severe first, each scrolled below
// the sticky bar. In an iframe it tells its parent when the filters change
// and takes filters and a "go to the first finding" from it (postMessage),
// so a page that reloads the report keeps them.
//
// Anchors are stable: #pair-N is the N-th paragraph pair (pairs[N-1] in the
// JSON report), #finding-N the N-th finding, #check-NAME a check's
// documentation; in the second and later documents pair and finding anchors
// carry a prefix, #d2-pair-N.
type HTML struct{}

func (HTML) Write(w io.Writer, r *Report) error {
	return htmlTemplate().Execute(w, buildHTMLView(r))
}

type hView struct {
	Title        string // short: file names, not paths
	Tool         Tool
	SevFilters   []hSevFilter
	Order        string // "severity" or "file"
	Verdict      string
	VerdictClass string
	Summary      Summary
	Sevs         []hCount
	Cats         []hCount
	Docs         []*hDoc
	Checks       []*hCheck
	Multi        bool
	CSS          template.CSS
	JS           template.JS
}

type hCount struct {
	Name string
	N    int
}

// hSevFilter is one choice of the severity filter: findings at or above
// Value.
type hSevFilter struct {
	Value, ID, Label string
	N                int
	Checked          bool
}

type hCheck struct {
	Name, ID, Title, Body, Category, Severity string
	N                                         int
}

type hDoc struct {
	N                int
	ID, Prefix, Name string
	Short            string // the files' names without directories
	Zh, En           Side
	ZhRole, EnRole   string
	Shape, Ratio     string
	Counts           Counts
	Chart            *hChart
	Findings         []*hFinding
	Table            []*hFinding // the findings in the view's order
	Loose            []*hFinding // findings that belong to no pair
	Pairs            []*hPair
	Rev              *hRev
	Terms            []hTerm
}

// hTerm is a row of the term table: a Chinese term and its renderings.
type hTerm struct {
	Zh, Source string
	Renderings []hRendering
}

type hRendering struct {
	En     string
	N      int
	Places []hPlace
}

type hPlace struct {
	Href, Label string
}

type hFinding struct {
	N                                   int
	ID, Sev, Cat, Check, CheckID, Title string
	Message                             string
	Zh, En                              *hExcerpt
	PairN                               int
	PairID                              string
}

type hExcerpt struct {
	Where, Path, Text string
}

type hPair struct {
	N        int
	ID       string
	Type     string
	Score    string
	Zh, En   hCell
	Findings []*hFinding
	Changed  bool
}

type hCell struct {
	Lang   string
	Gap    bool
	Flag   string // the most severe finding about the whole paragraph
	Blocks []*hBlock
}

type hBlock struct {
	Pieces []hPiece
	Change *hChange
}

// hPiece is a sentence (S > 0, the number of its sentence pair) or text
// between sentences (S == 0).
type hPiece struct {
	S     int
	Class string
	Label string
	Segs  []hSeg
}

type hSeg struct {
	Text  string
	Marks []hMark
}

type hMark struct {
	F, Sev, Cat, Title string
}

type hChange struct {
	Added bool
	Ops   []DiffOp
	Words int
}

type hRev struct {
	Path, Lang                string
	Changed, Added, Unchanged int
	Removed                   []string
}

type hChart struct {
	W, H, ML, Top, Bottom, Right int
	Grid                         []hGrid
	Line                         string
	Points                       []hPoint
	Gaps                         []hPoint
	Outliers                     int
	Errors                       int // pairs with an error, unpaired ones included
	Omissions                    int // unpaired paragraphs with an error
}

type hGrid struct {
	Y     string
	Label string
	Main  bool
}

type hPoint struct {
	X, Y, R, Href, Title string
	Outlier              bool
	Err                  bool // the pair has an error
}

func sevRank(s string) int {
	switch s {
	case "error":
		return 3
	case "warning":
		return 2
	case "info":
		return 1
	}
	return 0
}

func buildHTMLView(r *Report) *hView {
	css, js := htmlAssets()
	v := &hView{Tool: r.Tool, Summary: r.Summary, Multi: len(r.Documents) > 1, CSS: css, JS: js, Order: "severity"}
	if r.View.ByFile {
		v.Order = "file"
	}
	v.Title = "aligncheck report"
	switch len(r.Documents) {
	case 1:
		v.Title = "aligncheck: " + shortName(r.Documents[0])
	case 0:
	default:
		v.Title = fmt.Sprintf("aligncheck: %d documents", len(r.Documents))
	}
	s := r.Summary
	show := r.View.Threshold()
	v.SevFilters = []hSevFilter{
		{Value: "error", ID: "sev-error", Label: "errors", N: s.Error, Checked: show == checks.Error},
		{Value: "warning", ID: "sev-warning", Label: "warnings and errors", N: s.Error + s.Warning, Checked: show == checks.Warning},
		{Value: "info", ID: "sev-all", Label: "all", N: s.Error + s.Warning + s.Info, Checked: show == checks.Info},
	}
	switch {
	case s.Error > 0:
		v.Verdict, v.VerdictClass = plural(s.Error, "error")+" to fix", "error"
	case s.Warning > 0:
		v.Verdict, v.VerdictClass = "No errors; "+plural(s.Warning, "warning")+" to review", "warning"
	case s.Info > 0:
		v.Verdict, v.VerdictClass = "No errors or warnings; "+plural(s.Info, "note"), "info"
	default:
		v.Verdict, v.VerdictClass = "No findings", "clean"
	}
	v.Sevs = []hCount{{"error", s.Error}, {"warning", s.Warning}, {"info", s.Info}}
	cats := map[string]int{}
	fired := map[string]int{}
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			cats[f.Category]++
			fired[f.Check]++
		}
	}
	v.Cats = categoryCounts(cats)
	known := map[string]bool{}
	for _, c := range r.Checks {
		known[c.Name] = true
		if fired[c.Name] == 0 {
			continue
		}
		_, body, _ := strings.Cut(c.Doc, "\n")
		v.Checks = append(v.Checks, &hCheck{Name: c.Name, ID: "check-" + c.Name, Title: c.Title,
			Body: strings.Trim(body, "\n"), Category: c.Category, Severity: c.Severity, N: fired[c.Name]})
	}
	var unknown []string
	for name := range fired {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		v.Checks = append(v.Checks, &hCheck{Name: name, ID: "check-" + name, Title: "(no documentation in this report)", N: fired[name]})
	}
	for i, d := range r.Documents {
		v.Docs = append(v.Docs, buildHTMLDoc(r, i, d))
	}
	return v
}

func categoryCounts(m map[string]int) []hCount {
	var out []hCount
	seen := map[string]bool{}
	for _, c := range checks.Categories {
		seen[string(c)] = true
		if m[string(c)] > 0 {
			out = append(out, hCount{string(c), m[string(c)]})
		}
	}
	var rest []string
	for c := range m {
		if !seen[c] {
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	for _, c := range rest {
		out = append(out, hCount{c, m[c]})
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// shortName names a document by its files' names, without directories:
// a title, not a location.
func shortName(d *Document) string {
	base := func(p string) string {
		if i := strings.LastIndexAny(p, `/\`); i >= 0 && i < len(p)-1 {
			return p[i+1:]
		}
		return p
	}
	if d.Zh.Path == d.En.Path || d.En.Path == "" {
		return base(d.Zh.Path)
	}
	if d.Zh.Path == "" {
		return base(d.En.Path)
	}
	return base(d.Zh.Path) + " | " + base(d.En.Path)
}

// docName is how reports name a document.
func docName(d *Document) string {
	if d.Doc != nil && d.Doc.Name != "" {
		return d.Doc.Name
	}
	if d.Zh.Path == d.En.Path {
		return d.Zh.Path
	}
	return d.Zh.Path + " | " + d.En.Path
}

// markRange is a finding's span inside one block, in bytes of the block's
// text.
type markRange struct {
	start, end int
	f          *hFinding
}

func buildHTMLDoc(r *Report, i int, d *Document) *hDoc {
	hd := &hDoc{N: i + 1, ID: fmt.Sprintf("doc-%d", i+1), Name: docName(d), Short: shortName(d), Zh: d.Zh, En: d.En,
		Shape: d.Shape, Ratio: strconv.FormatFloat(d.Ratio, 'f', 2, 64), Counts: d.Summary}
	if i > 0 {
		hd.Prefix = fmt.Sprintf("d%d-", i+1)
	}
	hd.ZhRole, hd.EnRole = "original", "translation"
	if r.Source == "en" {
		hd.ZhRole, hd.EnRole = "translation", "original"
	}
	b := &htmlDocBuilder{d: d, hd: hd, marks: [2]map[int][]markRange{{}, {}}, flags: [2]map[int]string{{}, {}},
		offs: map[*align.Source]*lineIndex{}, outliers: map[int]bool{}, errors: map[int]bool{}, changes: map[int]*hChange{}}
	al := d.Align
	b.havePairs = d.Doc != nil && al != nil && len(al.Beads) == len(d.Pairs)
	if b.havePairs {
		for bi := range al.Beads {
			bd := &al.Beads[bi]
			hd.Pairs = append(hd.Pairs, &hPair{N: bi + 1, ID: fmt.Sprintf("%spair-%d", hd.Prefix, bi+1),
				Type: bd.Type(), Score: strconv.FormatFloat(bd.Score, 'f', 2, 64),
				Zh: hCell{Lang: "zh", Gap: len(bd.Zh) == 0}, En: hCell{Lang: "en", Gap: len(bd.En) == 0}})
		}
	}
	byFinding := map[*Finding]*hFinding{}
	for k, f := range d.Findings {
		byFinding[f] = b.finding(k, f)
	}
	for _, it := range r.Ordered(d) {
		hd.Table = append(hd.Table, byFinding[it.F])
	}
	b.revision()
	if b.havePairs {
		for bi := range al.Beads {
			b.cells(bi)
		}
		hd.Chart = buildChart(d, hd, b.outliers, b.errors)
		hd.Terms = termRows(d, hd.Prefix)
	}
	return hd
}

// termRows is the document's term table (checks.Terms) for the report:
// each rendering with its count and links to the pairs it is used in.
func termRows(d *Document, prefix string) []hTerm {
	var out []hTerm
	for _, t := range checks.Terms(d.Doc, d.Align) {
		ht := hTerm{Zh: t.Zh, Source: t.Source}
		for _, r := range t.Renderings {
			hr := hRendering{En: r.En, N: len(r.Places)}
			last := -1
			for _, pl := range r.Places {
				if pl.Bead == last {
					continue
				}
				last = pl.Bead
				hr.Places = append(hr.Places, hPlace{Href: fmt.Sprintf("%spair-%d", prefix, pl.Bead+1), Label: strconv.Itoa(pl.Bead + 1)})
			}
			ht.Renderings = append(ht.Renderings, hr)
		}
		out = append(out, ht)
	}
	return out
}

// htmlDocBuilder builds the view of one document: the findings placed in
// their pairs and marked in their blocks, the revision's changes, the
// aligned text.
type htmlDocBuilder struct {
	d         *Document
	hd        *hDoc
	havePairs bool // the document and its alignment are there to show
	// marks[lang][block] are the findings' spans inside each block;
	// flags[lang][block] the severest finding spanning a whole block.
	marks    [2]map[int][]markRange
	flags    [2]map[int]string
	offs     map[*align.Source]*lineIndex
	outliers map[int]bool // pairs with a length finding
	errors   map[int]bool // pairs with an error
	changes  map[int]*hChange
}

// finding adds finding k: to the list, to its pair (or the loose ones),
// and as marks on the blocks it covers.
func (b *htmlDocBuilder) finding(k int, f *Finding) *hFinding {
	hd := b.hd
	hf := &hFinding{N: k + 1, ID: fmt.Sprintf("%sfinding-%d", hd.Prefix, k+1), Sev: f.Severity, Cat: f.Category,
		Check: f.Check, CheckID: "check-" + f.Check, Message: ShowControls(f.Message), PairN: -1}
	hf.Title = f.Check + ": " + oneLine(hf.Message)
	if f.Zh != nil {
		hf.Zh = excerpt(f.Zh)
	}
	if f.En != nil {
		hf.En = excerpt(f.En)
	}
	pair := f.Pair
	if b.d.Doc != nil {
		for _, side := range []struct {
			l   align.Lang
			loc *Location
		}{{align.Zh, f.Zh}, {align.En, f.En}} {
			if side.loc != nil && b.d.Doc.Source(side.l) != nil {
				pair = b.mark(side.l, side.loc, f, hf, pair)
			}
		}
	}
	if b.havePairs && pair >= 0 && pair < len(hd.Pairs) {
		hf.PairN = pair + 1
		hf.PairID = hd.Pairs[pair].ID
		hd.Pairs[pair].Findings = append(hd.Pairs[pair].Findings, hf)
		if f.Category == string(checks.CatLength) {
			b.outliers[pair] = true
		}
		if f.Severity == "error" {
			b.errors[pair] = true
		}
	} else {
		hd.Loose = append(hd.Loose, hf)
	}
	hd.Findings = append(hd.Findings, hf)
	return hf
}

// mark records a finding's span on one side in the blocks it touches: a
// mark inside a block, or a flag on a block it covers whole. It returns the
// finding's pair, taken from its first block when the finding has none.
func (b *htmlDocBuilder) mark(l align.Lang, loc *Location, f *Finding, hf *hFinding, pair int) int {
	doc, al := b.d.Doc, b.d.Align
	src := doc.Source(l)
	li := b.offs[src]
	if li == nil {
		li = newLineIndex(src.Text)
		b.offs[src] = li
	}
	start := li.offset(loc.Line, loc.Column)
	end := li.offset(loc.EndLine, loc.EndColumn)
	for bi, blk := range doc.Blocks(l) {
		inside := start < blk.End && end > blk.Start || start == end && start >= blk.Start && start < blk.End
		if blk.Src != src || !inside {
			continue
		}
		if pair < 0 && al != nil {
			pair = al.BeadOf(l, bi)
		}
		if start <= blk.Start && end >= blk.End {
			if sevRank(f.Severity) > sevRank(b.flags[l][bi]) {
				b.flags[l][bi] = f.Severity
			}
			continue
		}
		if start < end {
			b.marks[l][bi] = append(b.marks[l][bi], markRange{max(start, blk.Start) - blk.Start, min(end, blk.End) - blk.Start, hf})
		}
	}
	return pair
}

// revision adds the comparison with an older revision (--compare-to).
func (b *htmlDocBuilder) revision() {
	rev := b.d.Revision
	if rev == nil {
		return
	}
	hr := &hRev{Path: rev.Path, Lang: rev.Lang, Unchanged: rev.Unchanged}
	b.hd.Rev = hr
	for _, t := range rev.Removed {
		hr.Removed = append(hr.Removed, ShowControls(t))
	}
	for _, c := range rev.Changes {
		hc := &hChange{Added: c.Added}
		for _, o := range c.Diff {
			if o.Op != 0 {
				hc.Words += countWords(o.Text)
			}
			hc.Ops = append(hc.Ops, DiffOp{Op: o.Op, Text: ShowControls(o.Text)})
		}
		if c.Added {
			hr.Added++
		} else {
			hr.Changed++
		}
		b.changes[c.Block] = hc
	}
}

// cells fills the two cells of pair bi with the text of its blocks.
func (b *htmlDocBuilder) cells(bi int) {
	doc, d := b.d.Doc, b.d
	bd := &d.Align.Beads[bi]
	p := b.hd.Pairs[bi]
	for _, side := range []struct {
		l    align.Lang
		idx  []int
		cell *hCell
	}{{align.Zh, bd.Zh, &p.Zh}, {align.En, bd.En, &p.En}} {
		for _, blkIdx := range side.idx {
			blk := doc.Blocks(side.l)[blkIdx]
			hb := &hBlock{Pieces: blockPieces(blk, bd, side.l, blkIdx, b.marks[side.l][blkIdx])}
			if sevRank(b.flags[side.l][blkIdx]) > sevRank(side.cell.Flag) {
				side.cell.Flag = b.flags[side.l][blkIdx]
			}
			if d.Revision != nil && d.Revision.Lang == side.l.String() {
				if c := b.changes[blkIdx]; c != nil {
					hb.Change = c
					p.Changed = true
				}
			}
			side.cell.Blocks = append(side.cell.Blocks, hb)
		}
	}
}

func excerpt(l *Location) *hExcerpt {
	return &hExcerpt{Where: fmt.Sprintf("line %d, col %d", l.Line, l.Column), Path: l.Path, Text: ShowControls(shorten(oneLine(l.Text), 160))}
}

// ShowControls replaces control characters other than tab and line breaks
// with visible symbols (U+2400…, the Control Pictures): in a report they
// are something to see, and HTML has no place for them.
func ShowControls(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !isControl(r):
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7F:
			b.WriteRune(0x2421)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r < 0xA0
}

// shorten cuts s to at most n characters, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	k := 0
	for i := range s {
		if k == n-1 {
			return s[:i] + "…"
		}
		k++
	}
	return s
}

func countWords(s string) int {
	n := 0
	for _, t := range Tokens(s) {
		r, _ := utf8.DecodeRuneInString(t)
		if isWordRune(r) {
			n++
		}
	}
	return n
}

// lineIndex converts 1-based lines and character columns back into byte
// offsets of a text.
type lineIndex struct {
	text   string
	starts []int
	// the last offset asked for: findings come in order of position, so
	// the next column of the same line counts on from it, and thousands of
	// findings on one long line do not each count from the line's start
	lastLine, lastCol, lastOff int
}

func newLineIndex(text string) *lineIndex {
	li := &lineIndex{text: text, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// offset is the byte offset of (line, col); columns count characters, and
// a column past the end of its line stops at the line's end.
func (li *lineIndex) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(li.starts) {
		return len(li.text)
	}
	off, k := li.starts[line-1], 1
	if line == li.lastLine && col >= li.lastCol {
		off, k = li.lastOff, li.lastCol
	}
	for ; k < col && off < len(li.text) && li.text[off] != '\n'; k++ {
		_, n := utf8.DecodeRuneInString(li.text[off:])
		off += n
	}
	// off is column col, or the end of a shorter line, which any later
	// column of it also gives
	li.lastLine, li.lastCol, li.lastOff = line, col, off
	return off
}

// blockPieces cuts a block's text at its sentence boundaries and at the
// edges of the findings' spans, so each piece can be shaded by its sentence
// pair and highlighted by the findings over it.
func blockPieces(blk *align.Block, b *align.Bead, l align.Lang, blkIdx int, marks []markRange) []hPiece {
	text := blk.Text
	// bead number (1-based) of each sentence of the block, and whether the
	// sentence pair has one side only; first marks the first sentence of
	// its pair on this side.
	sentBead := make([]int, len(blk.Sents))
	null := make([]bool, len(blk.Sents))
	first := make([]bool, len(blk.Sents))
	for k, sb := range b.Sents {
		refs := sb.Zh
		if l == align.En {
			refs = sb.En
		}
		for n, ref := range refs {
			if ref.Block == blkIdx && ref.Sent < len(sentBead) {
				sentBead[ref.Sent] = k + 1
				null[ref.Sent] = len(sb.Zh) == 0 || len(sb.En) == 0
				first[ref.Sent] = n == 0
			}
		}
	}
	cuts := []int{0, len(text)}
	for _, s := range blk.Sents {
		cuts = append(cuts, clampInt(s.Start, 0, len(text)), clampInt(s.End, 0, len(text)))
	}
	for _, m := range marks {
		cuts = append(cuts, clampInt(m.start, 0, len(text)), clampInt(m.end, 0, len(text)))
	}
	sort.Ints(cuts)
	sentAt := func(p int) int {
		for i, s := range blk.Sents {
			if p >= s.Start && p < s.End {
				return i
			}
		}
		return -1
	}
	var pieces []hPiece
	cur := -2
	for k := 0; k+1 < len(cuts); k++ {
		a, z := cuts[k], cuts[k+1]
		if a == z {
			continue
		}
		si := sentAt(a)
		if si != cur || len(pieces) == 0 {
			p := hPiece{}
			if si >= 0 && sentBead[si] > 0 {
				p.S = sentBead[si]
				p.Class = "s s" + strconv.Itoa(p.S%2)
				if null[si] {
					p.Class += " s-null"
				}
				if first[si] {
					p.Label = strconv.Itoa(p.S)
				}
			}
			pieces = append(pieces, p)
			cur = si
		}
		var ms []hMark
		for _, m := range marks {
			if m.start <= a && m.end >= z {
				ms = append(ms, hMark{F: m.f.ID, Sev: m.f.Sev, Cat: m.f.Cat, Title: m.f.Title})
			}
		}
		p := &pieces[len(pieces)-1]
		seg := ShowControls(text[a:z])
		if n := len(p.Segs); n > 0 && sameMarks(p.Segs[n-1].Marks, ms) {
			p.Segs[n-1].Text += seg
		} else {
			p.Segs = append(p.Segs, hSeg{Text: seg, Marks: ms})
		}
	}
	return pieces
}

func sameMarks(a, b []hMark) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].F != b[i].F {
			return false
		}
	}
	return true
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }

// buildChart plots the length ratio (English characters per Chinese
// character) of every pair with both sides, in document order, on a log
// scale around the document's ratio; pairs with a length finding are
// outliers, pairs with an error are marked apart, and an unpaired
// paragraph with an error (an omission) stands out from one without (page
// furniture, a note).
func buildChart(d *Document, hd *hDoc, outliers, errors map[int]bool) *hChart {
	al := d.Align
	ratio := al.Ratio
	if ratio <= 0 {
		ratio = d.Ratio
	}
	if ratio <= 0 || len(al.Beads) == 0 {
		return nil
	}
	c := &hChart{W: 900, H: 220, ML: 44, Top: 12, Right: 888, Bottom: 192}
	const top, span = 12.0, 2.0 // plot from 2^-span to 2^span times the ratio
	plotH := float64(c.Bottom) - top
	yOf := func(v float64) float64 { return top + (span-v)/(2*span)*plotH }
	xOf := func(bi int) float64 {
		return float64(c.ML) + (float64(c.Right-c.ML))*(float64(bi)+0.5)/float64(len(al.Beads))
	}
	for v := span; v >= -span; v-- {
		lab := strconv.FormatFloat(ratio*math.Exp2(v), 'f', 1, 64)
		c.Grid = append(c.Grid, hGrid{Y: num(yOf(v)), Label: lab, Main: v == 0})
	}
	var line []string
	for bi := range al.Beads {
		b := &al.Beads[bi]
		p := hd.Pairs[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			g := hPoint{X: num(xOf(bi)), Y: num(float64(c.Bottom) - 3), Href: p.ID,
				Title: fmt.Sprintf("pair %d: %s, unpaired", p.N, b.Type())}
			if errors[bi] {
				g.Err, g.Y = true, num(float64(c.Bottom)-18)
				g.Title += ", with an error"
				c.Omissions++
				c.Errors++
			}
			c.Gaps = append(c.Gaps, g)
			continue
		}
		lz, le := align.Length(al.Text(b, align.Zh)), align.Length(al.Text(b, align.En))
		if lz == 0 || le == 0 {
			continue
		}
		r := float64(le) / float64(lz)
		v := math.Max(-span, math.Min(span, math.Log2(r/ratio)))
		pt := hPoint{X: num(xOf(bi)), Y: num(yOf(v)), R: "3", Href: p.ID,
			Title: fmt.Sprintf("pair %d: %d en / %d zh characters = %.2f", p.N, le, lz, r)}
		if outliers[bi] {
			pt.Outlier, pt.R = true, "6"
			pt.Title += " (length finding)"
			c.Outliers++
		}
		if errors[bi] {
			pt.Err = true
			pt.Title += " (error)"
			c.Errors++
		}
		line = append(line, pt.X+","+pt.Y)
		c.Points = append(c.Points, pt)
	}
	c.Line = strings.Join(line, " ")
	return c
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
