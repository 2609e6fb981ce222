package checks

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/words"
)

// Consistency reports a term translated one way in most places and another
// way elsewhere.
var Consistency = &Check{
	Name:     "consistency",
	Category: CatTerminology,
	Severity: Warning,
	Run:      runConsistency,
	Confidence: `1 for quoted terms and names: the renderings are counted in the document.
Unquoted terms rest on the word links: 0.6 when the usual rendering holds
three places or more and twice this one's, 0.4 (info) otherwise. At most
0.4 (info) when English is the source (--source en): the English wordings
compared are then the original's, which the translation has unified.`,
	Doc: `a term rendered one way in most places and differently elsewhere

No glossary needed: the document's own term pairs are learnt from its
alignment, three ways.
- Quoted terms and titles: a Chinese “…” or 《…》 term (up to 12 characters,
  20 for titles, no sentence punctuation inside) and an English “…” or
  "…" term (up to 6 words) in the same aligned sentence are a pair when the
  dictionary links them (or they are the only quoted terms on each side).
- Names: a Chinese word that recurs (3 times or more) is linked in each
  aligned sentence to the longest run of English words that its dictionary
  glosses give (澳门 → "Macao" or "Macau", 习近平 → "Xi Jinping"). Only
  terms whose English is capitalised in at least two thirds of the places
  are kept: a common word (安全: security, safety) may honestly be
  rendered in several ways.
- Unquoted terms, from the word links (align/words): a run of one to four
  Chinese content words, three characters or more, that recurs in three
  sentences or more (动态清零, 平安中国). Its English in each sentence is
  the phrase the grow-diag-final links give it. A place counts only when
  all four evidence rules hold: the links give a consistent phrase (no
  word of it linked to Chinese outside the term); the phrase holds a word
  one of the term's dictionary glosses gives (or a gloss of a word inside
  it); the term is not part of a longer candidate (the same word beside
  it in most of its places, three or more); and renderings one
  inside the other are one. A term that opens with a negation (不平等,
  非法) does not count a place whose phrase leaves the negation outside,
  after "not", "no" or "less" ("less equal" gives "equal", the term's
  antonym). Terms the two ways above learn are left to them.

A name is one term only under one source title: 习近平总书记 ("General
Secretary Xi Jinping"), 习近平主席 ("President Xi Jinping") and 习近平同志
("Comrade Xi Jinping") are counted apart, as are 里根总统 and 里根 alone.
A place whose English sentence also holds the usual rendering is not
reported (what was taken there is another mention), and renderings with
the same content words in another order are one ("Department of Justice",
"Justice Department").

A quoted term or a name is reported when one rendering is used in at least
two places and at least twice as often as another one; each place of the
other rendering is a finding, with the majority rendering in the message.
An unquoted term is reported when one rendering is used in at least two
places and more than any other; each place of every other rendering is a
finding that names all the renderings with their counts: a warning when the
usual rendering holds three places or more and twice as many as the one
here, info otherwise (word links are weaker evidence than quotation marks). Renderings are
compared on word stems, case ignored ("Two Establishes" = "two
establishment"), and one contained in the other is the same rendering
("Xi" = "Xi Jinping").

One English term standing for two different Chinese terms is reported
under "consistency/shared" (info).

Example: zh “两个确立” three times; en "Two Establishes" twice and "two
affirmations" once → “两个确立” is rendered "Two Establishes" in 2 places but
"two affirmations" here

Example, no quotation marks: zh 动态清零 three times; en "dynamic
zero-COVID" twice and "dynamic clearing" once → “动态清零” is rendered 2
ways: "dynamic zero-COVID" (2), "dynamic clearing" (1); here "dynamic
clearing"`,
}

// ConsistencyShared reports one English term used for two Chinese terms.
var ConsistencyShared = &Check{
	Name:       "consistency/shared",
	Category:   CatTerminology,
	Severity:   Info,
	Run:        runConsistencyShared,
	Confidence: `1: the renderings are counted in the document.`,
	Doc: `one English term used for two different Chinese terms

From the quoted term pairs "consistency" learns, an English rendering that
stands for two Chinese terms, neither part of the other: “两个确立” and
“两个维护” both rendered "Two Establishes". Names linked through the
dictionary are left out (香港 and 港澳 share the gloss "Hong Kong"). Often
harmless (中共 and 中国共产党 both "CPC"), so reported as info, at the
places of the less frequent term.

Example: zh “四个自信” / en "four confidences", and zh “四个意识” / en "four
confidences" → "four confidences" renders both “四个自信” (1) and “四个意识” (1)`,
}

// termObs is one place where a Chinese term and its English rendering
// were seen together (56 bytes: a long document holds hundreds of
// thousands, 300,000 at 50,000 pairs). The term and its rendering as
// written are the text at zhAt and enAt, read when asked for (zhText,
// enText), except for a quoted term, whose forms are inside the marks.
type termObs struct {
	// termKeys are the term and the key of its rendering, shared by
	// the places of one term rendered alike (a few thousand pairs of
	// keys for 300,000 places; two strings at each took 7 MB).
	*termKeys
	v *pairView // its pair; the bead is v.Index
	// quote holds a quoted term's written forms; nil for the others.
	quote *quotedForms
	zhAt  at32 // located when a finding needs it: most
	enAt  at32 // observations never become one
	caps  int8 // 1 capitalised, -1 not, 0 cannot tell (sentence start)
	// loose: learnt from word links with a word of the term unlinked; it
	// counts towards its rendering, and is not reported.
	loose bool
}

// quotedForms are a quoted term and its quoted rendering as written,
// without the marks around them.
type quotedForms struct{ zh, en string }

// termKeys are what the places of a term rendered alike share.
type termKeys struct {
	zh  string // the term, simplified
	key string // stems of its rendering's content words
}

// obsList gathers a pool of observations in arrays of their own (64
// places, then as many as gathered so far, up to 4,096: none is copied
// to grow) and makes the pool, of its length, at the end. Grown by
// appending, by a quarter at a time once large, a pool's arrays came to
// four times its length and each was copied into the next (6.7 MB for
// the name and the linked pools at 5,000 pairs, 1.7 MB of them kept).
type obsList struct {
	chunks [][]termObs
	n      int
}

func (l *obsList) add(o termObs) {
	k := len(l.chunks) - 1
	if k < 0 || len(l.chunks[k]) == cap(l.chunks[k]) {
		l.chunks = append(l.chunks, make([]termObs, 0, min(max(64, l.n), 4096)))
		k++
	}
	l.chunks[k] = append(l.chunks[k], o)
	l.n++
}

// pool returns the observations added, in order; nil when there are
// none.
func (l *obsList) pool() []termObs {
	if l.n == 0 {
		return nil
	}
	out := make([]termObs, 0, l.n)
	for _, c := range l.chunks {
		out = append(out, c...)
	}
	return out
}

// keysOf shares the termKeys of the observations being learnt.
type keysOf map[termKeys]*termKeys

// of returns the shared termKeys of term zh and rendering key.
func (m keysOf) of(zh, key string) *termKeys {
	k := termKeys{zh, key}
	if p, ok := m[k]; ok {
		return p
	}
	p := &k
	m[k] = p
	return p
}

// zhText is the term as written.
func (o *termObs) zhText() string {
	if o.quote != nil {
		return o.quote.zh
	}
	return o.v.p.Doc.Zh[o.zhAt.block].Text[o.zhAt.start:o.zhAt.end]
}

// enText is the rendering as written.
func (o *termObs) enText() string {
	if o.quote != nil {
		return o.quote.en
	}
	return o.v.p.Doc.En[o.enAt.block].Text[o.enAt.start:o.enAt.end]
}

// at32 is a textPos of a known language in 12 bytes.
type at32 struct{ block, start, end int32 }

func atOf(p textPos) at32 { return at32{int32(p.Block), int32(p.Start), int32(p.End)} }

func (a at32) pos(l align.Lang) textPos {
	return textPos{Lang: l, Block: int(a.block), Start: int(a.start), End: int(a.end)}
}

func (o *termObs) zhPos() textPos      { return o.zhAt.pos(align.Zh) }
func (o *termObs) enPos() textPos      { return o.enAt.pos(align.En) }
func (o *termObs) zhSpan() *align.Span { return o.v.span(o.zhPos()) }
func (o *termObs) enSpan() *align.Span { return o.v.span(o.enPos()) }

func runConsistency(p *Pass) error {
	pools := learnTerms(p)
	var fs []Finding
	for i, pool := range pools[:2] {
		fs = append(fs, outliers(pool, i == 0)...)
	}
	fs = append(fs, linkedOutliers(pools[2])...)
	for _, f := range fs {
		if p.Settings.Source == align.En {
			// the renderings compared are the English ones: with
			// English the original, they are the original's own
			// wording ("U.S." and "USA" for one 美国), which the
			// translation unified — not a defect of the translation
			f.Confidence = math.Min(clamp01(f.Confidence), 0.4)
		}
		p.Report(f)
	}
	return nil
}

func runConsistencyShared(p *Pass) error {
	// only the quoted pairs: names are linked through their glosses, and
	// two words that share a gloss (香港, 港澳: "Hong Kong") would report
	// themselves
	all := learnTerms(p)[0]
	byKey := map[string]map[string][]termObs{}
	for _, o := range all {
		if o.key == "" {
			continue
		}
		if byKey[o.key] == nil {
			byKey[o.key] = map[string][]termObs{}
		}
		byKey[o.key][o.zh] = append(byKey[o.key][o.zh], o)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := byKey[k]
		if len(m) < 2 {
			continue
		}
		zhs := make([]string, 0, len(m))
		for z := range m {
			zhs = append(zhs, z)
		}
		sort.Slice(zhs, func(a, b int) bool {
			if len(m[zhs[a]]) != len(m[zhs[b]]) {
				return len(m[zhs[a]]) > len(m[zhs[b]])
			}
			return zhs[a] < zhs[b]
		})
		first := zhs[0]
		for _, z := range zhs[1:] {
			if strings.Contains(first, z) || strings.Contains(z, first) {
				continue
			}
			for _, o := range m[z] {
				p.Report(Finding{Bead: o.v.Index, Zh: o.zhSpan(), En: o.enSpan(), Evidence: k + "\x00" + z,
					Message: fmt.Sprintf("%q renders both %s (%d) and %s (%d)", o.enText(), zhQuote(m[first][0].zhText()), len(m[first]),
						zhQuote(o.zhText()), len(m[z]))})
			}
		}
	}
	return nil
}

func zhQuote(s string) string { return "“" + s + "”" }

// outliers finds, per Chinese term, the places rendered against the
// majority.
func outliers(pool []termObs, quotedPool bool) []Finding {
	// observations are gathered and grouped by their index in the pool:
	// copies (112 bytes each, twice over) took 56 MB at 50,000 pairs
	// a name under different source titles is not one term:
	// 习近平总书记 is "General Secretary Xi Jinping", 习近平主席
	// "President Xi Jinping", 习近平同志 "Comrade Xi Jinping". The term
	// and its title are the key as they are, not joined into a string
	// made for each place: a title (one of sourceTitles) has no zero
	// byte, so the two were one key exactly when they were joined by one.
	type termTitle struct{ zh, title string }
	byZh := map[termTitle][]int32{}
	var order []termTitle
	for i := range pool {
		o := &pool[i]
		k := termTitle{o.zh, sourceTitle(o)}
		if _, ok := byZh[k]; !ok {
			order = append(order, k)
		}
		byZh[k] = append(byZh[k], int32(i))
	}
	var out []Finding
	for _, zk := range order {
		obs := byZh[zk]
		// the term as far as a zero byte in it, as when it was cut from
		// the joined key
		z, _, _ := strings.Cut(zk.zh, "\x00")
		if len(obs) < 3 {
			continue
		}
		// group renderings; one contained in another is the same
		type group struct {
			key   string
			en    string
			n     int
			items []int32
		}
		var groups []*group
		for _, oi := range obs {
			o := &pool[oi]
			var g *group
			for _, c := range groups {
				if containsWords(c.key, o.key) || containsWords(o.key, c.key) || sameWords(c.key, o.key) {
					g = c
					if countFields(o.key) > countFields(c.key) {
						c.key, c.en = o.key, o.enText()
					}
					break
				}
			}
			if g == nil {
				g = &group{key: o.key, en: o.enText()}
				groups = append(groups, g)
			}
			g.n++
			g.items = append(g.items, oi)
		}
		if len(groups) < 2 {
			continue
		}
		sort.SliceStable(groups, func(a, b int) bool { return groups[a].n > groups[b].n })
		maj := groups[0]
		if maj.n < 2 || maj.n == groups[1].n {
			continue
		}
		// the majority's most frequent written form
		seen := map[string]int{}
		for _, i := range maj.items {
			seen[pool[i].enText()]++
		}
		majEn := maj.en
		for e, n := range seen {
			if n > seen[majEn] || n == seen[majEn] && e < majEn {
				majEn = e
			}
		}
		for _, g := range groups[1:] {
			if maj.n < 2*g.n {
				continue
			}
			if !quotedPool && !namesDiffer(majEn, g.en) {
				continue
			}
			for _, i := range g.items {
				it := &pool[i]
				if unitHas(it, maj.key) {
					// the sentence renders the term the usual way
					// too: what was taken here is another mention
					// or a longer phrase around it
					continue
				}
				out = append(out, Finding{Bead: it.v.Index, Zh: it.zhSpan(), En: it.enSpan(), Evidence: z + "\x00" + it.key,
					Message: fmt.Sprintf("%s is rendered %q in %d places but %q here", zhQuote(it.zhText()), majEn, maj.n, it.enText())})
			}
		}
	}
	return out
}

// countFields is len(strings.Fields(s)), without making the fields. It
// asks lang.IsSpace, unicode.IsSpace read from a table for ASCII, what
// nearly every key is (TestCountFields).
func countFields(s string) int {
	// ASCII is read a byte at a time; the first other byte hands the rest
	// to countFieldsRunes (a loop that may call the decoder keeps its
	// counters on the stack, a store of each at every byte)
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return n + countFieldsRunes(s[i:], in)
		}
		sp := lang.IsSpace(rune(c))
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// countFieldsRunes is countFields of s, after text whose last rune is not
// white space when in: a field that began there is not counted again.
func countFieldsRunes(s string, in bool) int {
	n := 0
	for _, r := range s {
		sp := lang.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// sourceTitles are the titles and forms of address Chinese writes next to
// a name (after it, as a rule: 习近平主席, 川普總統, 李克强总理; or before
// it: 国家主席习近平), longest first.
var sourceTitles = func() []string {
	t := []string{"总书记", "總書記", "主席", "同志", "总统", "總統", "副总统", "副總統", "总理", "總理",
		"副总理", "副總理", "国务卿", "國務卿", "部长", "部長", "先生", "女士", "大使", "议员", "議員",
		"参议员", "參議員", "众议员", "眾議員", "博士", "将军", "將軍", "秘书长", "秘書長", "书记", "書記",
		"委员长", "委員長", "首相", "总检察长", "總檢察長", "局长", "局長", "州长", "州長", "市长", "市長",
		"主任", "院长", "院長", "教授", "总督", "總督", "国王", "國王", "女王", "亲王", "親王"}
	sort.SliceStable(t, func(a, b int) bool { return len(t[a]) > len(t[b]) })
	return t
}()

// titleBegins and titleEnds are the first and the last runes of the
// sourceTitles.
var titleBegins, titleEnds = func() (map[rune]bool, map[rune]bool) {
	b, e := map[rune]bool{}, map[rune]bool{}
	for _, t := range sourceTitles {
		r, _ := utf8.DecodeRuneInString(t)
		b[r] = true
		r, _ = utf8.DecodeLastRuneInString(t)
		e[r] = true
	}
	return b, e
}()

// sourceTitle returns the title standing next to the Chinese term of an
// observation (or ending the term itself), "" when there is none.
func sourceTitle(o *termObs) string {
	pos := o.zhPos()
	if o.v == nil || pos.Block < 0 || pos.Block >= len(o.v.p.Doc.Zh) {
		return ""
	}
	text := o.v.p.Doc.Zh[pos.Block].Text
	if pos.End > len(text) || pos.Start > pos.End {
		return ""
	}
	return titleNear(text[pos.Start:pos.End], text[pos.End:], text[:pos.Start])
}

// titleNear returns the title that ends term or the text before it, or
// begins the text after it; "" when there is none.
func titleNear(term, after, before string) string {
	// a title ends the term or the text before it, or begins the text
	// after: most terms stand next to no rune a title ends or begins with
	last, _ := utf8.DecodeLastRuneInString(term)
	next, _ := utf8.DecodeRuneInString(after)
	prev, _ := utf8.DecodeLastRuneInString(before)
	if !titleEnds[last] && !titleBegins[next] && !titleEnds[prev] {
		return ""
	}
	for _, t := range sourceTitles {
		if strings.HasSuffix(term, t) || strings.HasPrefix(after, t) || strings.HasSuffix(before, t) {
			return t
		}
	}
	return ""
}

// unitHas reports whether the English of an observation's sentence pair
// holds the rendering key (word stems in order) anywhere.
func unitHas(o *termObs, key string) bool {
	if o.v == nil || key == "" {
		return false
	}
	sb := o.v.sentBead(o.zhPos())
	var b strings.Builder
	for _, seg := range o.v.segments(align.En, sb) {
		b.WriteString(o.v.text(seg))
		b.WriteByte(' ')
	}
	return containsWords(enKey(b.String()), key)
}

// sameWords: two renderings with the same content words in another order
// ("Department of Justice", "Justice Department") are one.
func sameWords(a, b string) bool {
	// most pairs differ in their number of words, told without making
	// them
	if n := countFields(a); n != countFields(b) || n < 2 {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	sort.Strings(wa)
	sort.Strings(wb)
	return slices.Equal(wa, wb)
}

// namesDiffer decides whether two capitalised renderings of a name are
// really different names rather than two honest forms of one: an acronym
// and its expansion (U.S. / United States, EU / European Union, G7 /
// Group) are one name; so are a name and a part of it. Two spellings of
// one word (Macao / Macau) differ, and so do two names of several words
// that share a word but not their order or wording (Communist Party of
// China / Chinese Communist Party; CCP / Communist Party of China).
func namesDiffer(a, b string) bool {
	wa, wb := contentWords(a), contentWords(b)
	if len(wa) == 0 || len(wb) == 0 || !capitalised(wa) || !capitalised(wb) {
		return false
	}
	acrA, acrB := acronymOf(a), acronymOf(b)
	switch {
	case acrA != "" && acrB != "":
		return acrA != acrB
	case acrA != "" || acrB != "":
		acr, other := acrA, wb
		if acr == "" {
			acr, other = acrB, wa
		}
		if len(other) < 2 {
			return false
		}
		var ini strings.Builder
		for _, w := range other {
			r, _ := utf8.DecodeRuneInString(w)
			ini.WriteRune(unicode.ToUpper(r))
		}
		return !subsequence(ini.String(), acr) && !subsequence(acr, ini.String())
	}
	if len(wa) == 1 && len(wb) == 1 {
		return spellingVariant(wa[0], wb[0])
	}
	if len(wa) < 2 || len(wb) < 2 {
		return false
	}
	for _, x := range wa {
		for _, y := range wb {
			if strings.EqualFold(x, y) || spellingVariant(x, y) {
				return true
			}
		}
	}
	return false
}

func capitalised(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// contentWords are the words of s that are not function words.
func contentWords(s string) []string {
	var out []string
	for _, t := range lang.EnTokens(s) {
		w := s[t.Start:t.End]
		if _, ok := lang.Keyword(w); ok {
			out = append(out, w)
		}
	}
	return out
}

// acronymOf returns the capitals of an acronym (U.S. → US, G7 → G), or "".
func acronymOf(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " ") {
		return ""
	}
	var b strings.Builder
	lower := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			lower++
		}
	}
	if b.Len() < 1 || lower > 0 || b.Len() == 1 && !strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return b.String()
}

// subsequence reports whether the letters of b appear in a in order.
func subsequence(a, b string) bool {
	i := 0
	for _, r := range a {
		if i < len(b) && byte(r) == b[i] {
			i++
		}
	}
	return i == len(b)
}

// spellingVariant: two spellings of one word, Macao / Macau, Kiev / Kyiv —
// close in letters but not the same.
func spellingVariant(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b || len(a) < 4 || len(b) < 4 || strings.HasPrefix(a, b) || strings.HasPrefix(b, a) || lang.Stem(a) == lang.Stem(b) {
		return false // Russia / Russian: a word and its derivative
	}
	d := editDistance(a, b)
	return d <= 2 && float64(d) <= 0.34*float64(max(len(a), len(b)))
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// containsWords reports whether the words of b appear in a, in order.
// It reads the words one at a time (lang.NextField): the fields of both, made
// for every place against every group of its term, were most of what
// outliers allocated (TestContainsWordsAsFields).
func containsWords(a, b string) bool {
	bw, b := lang.NextField(b)
	if bw == "" {
		return false
	}
	for {
		var aw string
		if aw, a = lang.NextField(a); aw == "" {
			return false
		}
		if aw == bw {
			if bw, b = lang.NextField(b); bw == "" {
				return true
			}
		}
	}
}

// learnTerms returns three pools of observations: quoted terms and titles,
// recurring names linked through the dictionary, and recurring terms
// linked through the word alignment.
func learnTerms(p *Pass) [][]termObs {
	// the word links first: Memo is not reentrant
	wd := words.Of(p.Align)
	return p.Align.Memo("consistency.terms", func() any { return learnTermsOnce(p, wd) }).([][]termObs)
}

func learnTermsOnce(p *Pass, wd *words.Doc) [][]termObs {
	lex := lexicon.Default()
	var quotedPool []termObs
	var nameObs obsList // the name pool's
	keys := keysOf{}
	views := pairViews(p)
	byBead := viewsByBead(p, views)
	sents := newZhSents(p, views)
	// Candidate names are counted first and kept with their places only
	// when seen three times or more (as in learnLinkedTerms): the places
	// of every candidate took 80 MB at 50,000 pairs. Fewer places make no
	// name, and partOfLongerTerm weighs no term of fewer.
	toks := 0
	for _, blk := range p.Doc.Zh {
		toks += len(blk.Text) / 3
	}
	counts1 := newRunCounts(toks)
	names := newNameScanner(lex)
	// The count is an upper bound for the candidates of the second pass,
	// which is all the threshold needs: the first counts the single words
	// the dictionary does not gloss too, rather than look up every word
	// twice. (A word the count lets through is kept only with three
	// places or more, which are all its own; partOfLongerTerm weighs no
	// term of fewer: TestNameCountsBound.)
	for _, v := range views {
		names.candidates(v, func(z string, _ *align.Block, _, _ int, _ bool) { counts1.addString(z) })
	}
	for _, v := range views {
		// quoted terms, per sentence unit
		for _, u := range unitsOf(v) {
			quotedPool = append(quotedPool, quotedPairs(v, u, lex, keys)...)
		}
	}
	names1, lists := namePlaces(views, names, counts1)
	// the names in the order of their text; name names1[byText[j]] is
	// terms[j]
	byText := make([]int32, len(names1))
	for i := range byText {
		byText[i] = int32(i)
	}
	slices.SortFunc(byText, func(a, b int32) int { return strings.Compare(names1[a], names1[b]) })
	terms := make([]string, len(names1))
	counts := make(map[string]int, len(names1))
	for j, i := range byText {
		terms[j] = names1[i]
		counts[names1[i]] = len(lists[i])
	}
	partOf := partOfLongerTerm(terms, counts, 3)
	gf := newGlossFinder(lex, wd)
	// the renderings found for one term; observations are made of them
	// only when the term proves a name
	type found struct {
		o     int // in the term's occurrences
		en    string
		enPos textPos
		caps  int
	}
	var fs []found
	for j, z := range terms {
		i := byText[j]
		list := lists[i]
		// the places of the terms done are let go as the renderings
		// found grow: all of them took 44 MB at 50,000 pairs
		lists[i] = nil
		if len(list) < 3 || partOf[z] {
			continue
		}
		gf.setTerm(z)
		fs = fs[:0]
		capsYes, capsNo := 0, 0
		// the run found in the sentence pair of the place before: a term
		// said twice in a sentence has one run there
		var lastPr *words.Pair
		var last found
		lastOK := false
		for k, o := range list {
			if cannotBeName(capsYes, capsNo, len(list)-k) {
				// most candidates are common words, rendered in lower
				// case: a third of their places tell
				break
			}
			pi := sents.pairAt(int(o.block), int(o.start))
			if pi < 0 {
				continue
			}
			pr := &wd.Pairs[pi]
			if pr != lastPr {
				last.en, last.enPos, last.caps, lastOK = glossRun(p.Doc.En, pr, gf)
				lastPr = pr
			}
			en, enPos, caps, ok := last.en, last.enPos, last.caps, lastOK
			if !ok {
				continue
			}
			fs = append(fs, found{k, en, enPos, caps})
			switch caps {
			case 1:
				capsYes++
			case -1:
				capsNo++
			}
		}
		if !isName(capsYes, capsNo) {
			continue // not a name: a common word may be rendered freely
		}
		for _, f := range fs {
			o := list[f.o]
			pos := textPos{Lang: align.Zh, Block: int(o.block), Start: int(o.start), End: int(o.end)}
			// its written forms are the text at its places
			nameObs.add(termObs{termKeys: keys.of(z, gf.key(f.en)), v: byBead[p.Align.BeadOf(align.Zh, int(o.block))],
				zhAt: atOf(pos), enAt: atOf(f.enPos), caps: int8(f.caps)})
		}
	}
	// the pools are kept for the run: without the room their growing
	// left (up to half of the quoted one), or the arrays of the names',
	// which the linked terms can use
	quotedPool, namePool := slices.Clone(quotedPool), nameObs.pool()
	known := map[string]bool{}
	for _, o := range quotedPool {
		known[o.zh] = true
	}
	for _, o := range namePool {
		known[o.zh] = true
	}
	return [][]termObs{quotedPool, namePool, learnLinkedTerms(wd, byBead, known, keys, gf)}
}

// zhOcc is a place of a candidate name: Chinese block's text [start,
// end), as written (12 bytes: there are millions in a long document); its
// view is that of the bead holding the block.
type zhOcc struct {
	block, start, end int32
}

// namePlaces returns the places of the candidate names of views
// (candidates, single words only when glossed) that counts, an upper bound of their
// number, lets through (three or more): those of name z are
// lists[occs[z]], in reading order (TestNamePlacesAsBefore).
func namePlaces(views []*pairView, names *nameScanner, counts *runCounts) ([]string, [][]zhOcc) {
	// one look-up a place, by the hash the count took; glossedAs[i] is
	// whether the dictionary glosses name i as written when that is its
	// simplified form (1 yes, -1 no, 0 not asked yet): a word recurs,
	// and most candidates are of blocks with nothing to simplify
	var occs hashIndex
	about := counts.threeOrMore() / 2 // the candidates kept, near enough
	occs.reserve(about)
	lists := make([][]zhOcc, 0, about)
	glossedAs := make([]int8, 0, about)
	for _, v := range views {
		names.candidates(v, func(z string, blk *align.Block, start, end int, word bool) {
			// the count first: the dictionary is asked only of the
			// words it lets through
			h := counts.hashString(z)
			n := counts.countHash(h)
			if n < 3 {
				return
			}
			i, ok := occs.find(h, z)
			if word {
				var glossed bool
				if ok && z == blk.Text[start:end] {
					if glossedAs[i] == 0 {
						glossedAs[i] = -1
						if names.glossed(blk, start, end) {
							glossedAs[i] = 1
						}
					}
					glossed = glossedAs[i] == 1
				} else {
					glossed = names.glossed(blk, start, end)
				}
				if !glossed {
					return
				}
			}
			if !ok {
				// room for the count, which is at least the places and
				// nearly always just that: lists grown by appending took
				// half as much again
				i = occs.add(h, z)
				lists = append(lists, make([]zhOcc, 0, n))
				glossedAs = append(glossedAs, 0)
			}
			lists[i] = append(lists[i], zhOcc{int32(blk.Index), int32(start), int32(end)})
		})
	}
	return occs.keys, lists
}

// isName reports whether a term whose renderings were capitalised in
// capsYes places and not in capsNo is a name: some are, and at least two
// thirds of those that tell.
func isName(capsYes, capsNo int) bool { return capsYes > 0 && 3*capsYes >= 2*(capsYes+capsNo) }

// cannotBeName reports whether a term whose renderings so far were
// capitalised in capsYes places and not in capsNo fails isName whatever
// its left places give: a place adds one to capsYes at most, and takes
// none from capsNo (TestCannotBeName).
func cannotBeName(capsYes, capsNo, left int) bool { return capsYes+left < 2*capsNo }

// nameScanner finds candidate names (candidates) with buffers kept
// from one pair to the next: the candidates of the whole document are
// read twice.
type nameScanner struct {
	lex  *lexicon.Lexicon
	toks []lang.Token
	// flags of each token: whether it is all Han, whether it is a word a
	// term does not start or end with, whether it is one character
	flags []uint8
	// simple[b] is 1 when Chinese block b has nothing to simplify, 2
	// when it has, 0 while not known: the blocks are read twice (a
	// scanner reads the blocks of one document)
	simple []uint8
}

const (
	tokHan uint8 = 1 << iota
	tokEdgeStop
	tokOneRune
)

func newNameScanner(lex *lexicon.Lexicon) *nameScanner { return &nameScanner{lex: lex} }

// candidates calls f with each candidate name of v's Chinese (one to
// three dictionary words, two characters or more, outside page
// furniture): the name simplified, its block, its byte range there, and
// whether it is a single word. Term learning keeps a single word only
// when the dictionary glosses it (glossed); the count of candidates
// before it takes every one.
func (s *nameScanner) candidates(v *pairView, f func(z string, blk *align.Block, start, end int, word bool)) {
	if s.simple == nil {
		s.simple = make([]uint8, len(v.p.Doc.Zh))
	}
	for _, blk := range v.blocks(align.Zh) {
		if blk.Kind == align.KindFurniture {
			continue
		}
		toks := lang.AppendZhTokens(s.toks[:0], blk.Text)
		s.toks = toks
		flags := s.flags[:0]
		for k := range toks {
			t := toks[k].Text
			var fl uint8
			if allHan(t) {
				fl |= tokHan
				// a text of Han characters is valid UTF-8: its first
				// character's length is told by its lead byte
				if firstRuneLen(t) == len(t) {
					fl |= tokOneRune
				}
			}
			if isZhEdgeStop(t) {
				fl |= tokEdgeStop
			}
			flags = append(flags, fl)
		}
		s.flags = flags
		// a candidate of a block with nothing to simplify is itself
		// (Simplify converts character for character)
		if s.simple[blk.Index] == 0 {
			s.simple[blk.Index] = 2
			if lang.Simplified(blk.Text) {
				s.simple[blk.Index] = 1
			}
		}
		simple := s.simple[blk.Index] == 1
		text := blk.Text
		for i := range toks {
			if flags[i]&^tokOneRune != tokHan {
				continue // 党的二十: a phrase, not a name
			}
			// the first candidate is token i alone, a single word, and
			// the others go on while the tokens are Han and joined
			start, end := toks[i].Start, toks[i].End
			if flags[i]&tokOneRune == 0 {
				// a candidate of two tokens or more, all Han, has two
				// characters or more
				t := text[start:end]
				if !simple {
					t = lang.Simplify(t)
				}
				f(t, blk, start, end, true)
			}
			for j := i + 1; j < len(toks) && j < i+3; j++ {
				if flags[j]&^tokOneRune != tokHan || toks[j].Start != end {
					break
				}
				end = toks[j].End
				t := text[start:end]
				if !simple {
					t = lang.Simplify(t)
				}
				f(t, blk, start, end, false)
			}
		}
	}
}

// glossed reports whether the dictionary glosses the text of blk at
// [start, end), as written.
func (s *nameScanner) glossed(blk *align.Block, start, end int) bool {
	return len(s.lex.Glosses(blk.Text[start:end])) != 0
}

// unitsOf lists the sentence beads of a pair with both sides, or -1 (the
// whole pair) when it has none.
func unitsOf(v *pairView) []int {
	var us []int
	for sb := range v.Bead.Sents {
		if v.both(sb) {
			us = append(us, sb)
		}
	}
	if len(us) == 0 {
		us = []int{-1}
	}
	return us
}

// glossFinder looks for the renderings of candidate names, one term at a
// time, in the English words of sentence beads as the word alignment
// tokenized them (words.Pair.En): a Content token is a word lang.Keyword
// gives a stem, and its one gloss id is the lexicon's id of that stem, so
// a word is a gloss of the term when that id is among the term's gloss
// ids. (It used to tokenize and stem the English of every sentence bead
// again, and keep it all: 31 MB at 50,000 pairs.) The keys of renderings
// are remembered, since a name's renderings recur.
type glossFinder struct {
	lex  *lexicon.Lexicon
	keys map[string]string
	// glossed holds gloss<<32 | spelling for every spelling
	// (words.Token.Spelling) of the document's tokens that has one gloss
	// (words.Doc.SpellingGloss), sorted: the spellings setTerm marks
	// for each of a term's gloss ids.
	glossed []uint64
	// glossed[from[b]:from[b+1]] are the entries whose gloss id has
	// id>>shift == b: where setTerm looks for an id, a few entries, not a
	// binary search of all (15 M instructions at 5,000 pairs), for 4
	// bytes an entry or fewer
	from  []int32
	shift uint
	// stamp[sp] == gen marks the spellings whose one gloss is a gloss of
	// the term being looked for (setTerm). glossRun asks of every English
	// token of a sentence pair, for each place of each term: a read of
	// the token's own spelling id, rather than of its spelling's gloss in
	// the document's table of spellings and then of the gloss's mark (a
	// third of glossRun's instructions, and a read far away).
	stamp []uint32
	gen   uint32
	runs  []glossRunAt // glossRun's, kept for the next call
}

// glossRunAt is a run of glosses glossRun found.
type glossRunAt struct {
	block      int
	start, end int // byte offsets in the block
	words      int
	first      int // the index of its first token
	last       int // and of its last
}

// newGlossFinder makes the glossFinder of the words wd aligned.
func newGlossFinder(lex *lexicon.Lexicon, wd *words.Doc) *glossFinder {
	n := wd.Spellings()
	var glossed []uint64
	for sp := range n {
		if gl, ok := wd.SpellingGloss(sp); ok {
			glossed = append(glossed, uint64(gl)<<32|uint64(sp))
		}
	}
	slices.Sort(glossed)
	g := &glossFinder{lex: lex, keys: map[string]string{}, glossed: slices.Clip(glossed), stamp: make([]uint32, n)}
	g.index()
	return g
}

// index makes from and shift of g.glossed: four buckets an entry, or
// fewer. (The gloss ids of a document's words crowd together: with one
// bucket an entry, glossedOf stepped over some twenty entries a call.)
func (g *glossFinder) index() {
	maxID := uint32(0)
	if len(g.glossed) > 0 {
		maxID = uint32(g.glossed[len(g.glossed)-1] >> 32)
	}
	g.shift = 0
	for maxID>>g.shift > 4*uint32(len(g.glossed)) {
		g.shift++
	}
	g.from = make([]int32, maxID>>g.shift+2)
	k := 0
	for b := range g.from {
		for k < len(g.glossed) && uint32(g.glossed[k]>>32)>>g.shift < uint32(b) {
			k++
		}
		g.from[b] = int32(k)
	}
}

// glossedOf returns the entries of g.glossed of gloss id.
func (g *glossFinder) glossedOf(id uint32) []uint64 {
	b := int(id >> g.shift)
	if b+1 >= len(g.from) {
		return nil
	}
	es := g.glossed[g.from[b]:g.from[b+1]]
	k := 0
	for k < len(es) && uint32(es[k]>>32) < id {
		k++
	}
	es = es[k:]
	for k = 0; k < len(es) && uint32(es[k]>>32) == id; k++ {
	}
	return es[:k]
}

// setTerm makes the glosses of Chinese term z (zhGlossIDs) the words
// glossRun looks for: it marks the spellings that have one gloss, and
// that one of them.
func (g *glossFinder) setTerm(z string) {
	g.gen++
	if g.gen == 0 {
		clear(g.stamp)
		g.gen = 1
	}
	zhGlossIDs(g.lex, z, func(id uint32) {
		for _, e := range g.glossedOf(id) {
			g.stamp[uint32(e)] = g.gen
		}
	})
}

// isGloss reports whether English token t of the document is a gloss of
// the current term: a Content word whose one gloss (words.Pair.Gloss) is
// among the term's.
func (g *glossFinder) isGloss(t words.Token) bool {
	return t.Kind() == words.Content && g.stamp[t.Spelling()] == g.gen
}

// nextGloss returns the index of the first token of toks from i on that
// isGloss, or len(toks) when there is none: glossRun's scan for the
// start of a run, in a loop of its own that keeps the marks in registers
// (most tokens are not glosses: the scan was a third of glossRun). The
// loop's bound, tested unsigned, proves i a valid index of toks: the
// compiler checks no index.
func (g *glossFinder) nextGloss(toks []words.Token, i int) int {
	stamp, gen := g.stamp, g.gen
	for ; uint(i) < uint(len(toks)); i++ {
		if t := toks[i]; t.Kind() == words.Content && stamp[t.Spelling()] == gen {
			return i
		}
	}
	return len(toks)
}

// sameKey reports whether a and b have one key (enKey). It is kept out
// of glossRun, which asks it only of runs that tie and are written
// differently.
//
//go:noinline
func (g *glossFinder) sameKey(a, b string) bool { return g.key(a) == g.key(b) }

// key is enKey(s).
func (g *glossFinder) key(s string) string {
	k, ok := g.keys[s]
	if !ok {
		k = enKey(s)
		g.keys[s] = k
	}
	return k
}

// enKey is the stems of a rendering's content words.
func enKey(s string) string {
	var ks []string
	for _, t := range lang.EnTokens(s) {
		if k, ok := lang.Keyword(s[t.Start:t.End]); ok {
			ks = append(ks, k)
		}
	}
	return strings.Join(ks, " ")
}

type quoteAt struct {
	pos   textPos
	inner string
}

// quotedPairs pairs the quoted terms and titles of one unit.
func quotedPairs(v *pairView, sb int, lex *lexicon.Lexicon, keys keysOf) []termObs {
	var zq, eq []quoteAt
	for _, seg := range v.segments(align.Zh, sb) {
		t := v.text(seg)
		for _, q := range v.p.Quotes(seg) {
			if isZhTerm(q.inner) {
				zq = append(zq, quoteAt{textPos{align.Zh, seg.Block, seg.Start + q.start, seg.Start + q.end}, q.inner})
			}
		}
		if !strings.Contains(t, "《") {
			continue // no title: most sentences
		}
		for _, q := range pairedQuotes(t, titleQuotePairs, false) {
			if n := utf8.RuneCountInString(q.inner); n >= 2 && n <= 20 {
				zq = append(zq, quoteAt{textPos{align.Zh, seg.Block, seg.Start + q.start, seg.Start + q.end}, q.inner})
			}
		}
	}
	if len(zq) == 0 {
		return nil
	}
	for _, seg := range v.segments(align.En, sb) {
		for _, q := range v.p.Quotes(seg) {
			if isEnTerm(q.inner) {
				eq = append(eq, quoteAt{textPos{align.En, seg.Block, seg.Start + q.start, seg.Start + q.end}, q.inner})
			}
		}
	}
	if len(eq) == 0 {
		return nil
	}
	sort.Slice(zq, func(a, b int) bool {
		return zq[a].pos.Block < zq[b].pos.Block || zq[a].pos.Block == zq[b].pos.Block && zq[a].pos.Start < zq[b].pos.Start
	})
	var out []termObs
	used := map[int]bool{}
	for _, z := range zq {
		best, bestSim := -1, 0.0
		for k, e := range eq {
			if used[k] {
				continue
			}
			s := lex.Similarity(z.inner, e.inner)
			if s > bestSim {
				best, bestSim = k, s
			}
		}
		if best < 0 && len(zq) == 1 && len(eq) == 1 {
			best = 0 // the only quoted term on each side
		}
		if best < 0 || bestSim < 0.15 && !(len(zq) == 1 && len(eq) == 1) {
			continue
		}
		used[best] = true
		e := eq[best]
		key := enKey(e.inner)
		if key == "" {
			continue
		}
		out = append(out, termObs{termKeys: keys.of(lang.Simplify(strings.Join(strings.Fields(z.inner), "")), key),
			quote: &quotedForms{z.inner, e.inner}, v: v, zhAt: atOf(z.pos), enAt: atOf(e.pos)})
	}
	return out
}

// glossRun finds in the English of sentence pair pr (en is the
// document's English blocks, by block number) the longest run of words
// whose stems are glosses of a term (function words may sit inside the
// run: "University of Macau"). It reports whether the
// run is capitalised (1), not (-1), or cannot tell (0, a single word
// opening a sentence). ok is false when there is no run or two runs tie.
// A run stays within one stretch of a block (the sentences of the bead
// that follow one another there), and what stands between its words is
// read from the text: punctuation tokens are not words.
//
// The term is the one last given to g.setTerm.
func glossRun(en []*align.Block, pr *words.Pair, g *glossFinder) (string, textPos, int, bool) {
	// the longest runs, tied, in g's array kept from one call to the
	// next: a common word's gloss found in many places ties with itself
	// (4 runs on the stack were outgrown, 4.5 MB at 5,000 pairs)
	best := g.runs[:0]
	toks := pr.En
	for i := g.nextGloss(toks, 0); i < len(toks); i = g.nextGloss(toks, i) {
		block, start, end := pr.Place(toks[i])
		text := "" // the block's, read when a word may go on the run
		prevEnd, last, lastEnd, n := end, i, end, 1
		bridged := false // a bridge word since the last gloss
		for j := i + 1; j < len(toks); j++ {
			t := toks[j]
			if t.Kind() == words.Punct {
				continue
			}
			// a word that is neither a gloss nor a bridge the run may
			// take ends it, whatever stands before it: most runs end at
			// the word after their first, without reading the text
			gloss := g.isGloss(t)
			if !gloss && (t.Kind() == words.Content || bridged) {
				break
			}
			tb, ts, te := pr.Place(t)
			if tb != block || ts < prevEnd {
				break // another stretch of text
			}
			if text == "" {
				text = en[block].Text
			}
			// one space or none, the usual gaps, trim to nothing
			gap := text[prevEnd:ts]
			if gap != " " && gap != "" && strings.TrimSpace(gap) != "" && gap != "-" {
				break
			}
			if gloss {
				prevEnd, last, lastEnd, n, bridged = te, j, te, n+1, false
				continue
			}
			if isBridgeWord(text[ts:te]) {
				prevEnd, bridged = te, true // "University of Macau"
				continue
			}
			break
		}
		r := glossRunAt{block: block, start: start, end: lastEnd, words: n, first: i, last: last}
		if len(best) == 0 || n > best[0].words {
			best = append(best[:0], r)
		} else if n == best[0].words {
			best = append(best, r)
		}
		i = last + 1
	}
	g.runs = best
	if len(best) == 0 {
		return "", textPos{}, 0, false
	}
	// ties only matter when they differ; a run without a tie needs no
	// key here (a name's renderings get theirs later, and most runs
	// found are not a name's: the key was a quarter of glossRun)
	// (nor where they are written alike, as a word said twice in a
	// sentence is: a key is its text's)
	if len(best) > 1 {
		t0 := en[best[0].block].Text[best[0].start:best[0].end]
		for _, r := range best[1:] {
			if t := en[r.block].Text[r.start:r.end]; t != t0 && !g.sameKey(t0, t) {
				return "", textPos{}, 0, false
			}
		}
	}
	r := best[0]
	text := en[r.block].Text
	return text[r.start:r.end], textPos{Lang: align.En, Block: r.block, Start: r.start, End: r.end}, capsOf(pr, text, r.start, toks[r.first:r.last+1]), true
}

// isBridgeWord reports a word that may sit inside a name, in any case:
// "University of Macau", "Bank for International Settlements"; not "and",
// which joins two names. It does not lower w or hash it: the words are two
// or three ASCII letters, and no character but an ASCII capital lowers to
// an ASCII letter of theirs (the Kelvin sign lowers to k, İ to i;
// TestIsBridgeWord compares it with the list lowered by strings.ToLower).
func isBridgeWord(w string) bool {
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	var b [3]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	switch string(b[:len(w)]) {
	case "of", "the", "for", "de", "du", "la", "von", "van", "on":
		return true
	}
	return false
}

// capsOf: are the content words of a run of English tokens (toks, of
// pr, in one block whose text is text, the first at byte start there)
// capitalised? A single word at a sentence start cannot tell. The run's tokens are read as the word
// alignment cut them: its content words are those lang.Keyword gives a
// stem, as the words of its text would be
// (TestGlossRunSameAsRetokenized).
func capsOf(pr *words.Pair, text string, start int, toks []words.Token) int {
	sentStart := trimOpeners(text[:start])
	atStart := sentStart == "" || strings.HasSuffix(sentStart, ".") || strings.HasSuffix(sentStart, ":") ||
		strings.HasSuffix(sentStart, "?") || strings.HasSuffix(sentStart, "!")
	content, capsN := 0, 0
	for i, t := range toks {
		if t.Kind() != words.Content {
			continue
		}
		if i == 0 && atStart {
			continue
		}
		content++
		if r, _ := utf8.DecodeRuneInString(pr.Text(t)); unicode.IsUpper(r) {
			capsN++
		}
	}
	switch {
	case content == 0:
		return 0
	case capsN == content:
		return 1
	}
	return -1
}

// trimOpeners is strings.TrimRight(s, " \"“‘("), the marks that may open a
// sentence, read from the end by bytes: TrimRight, given a cutset that is
// not all ASCII, decoded the end of s rune by rune (TestTrimOpeners).
func trimOpeners(s string) string {
	for {
		switch {
		case s == "":
			return s
		case s[len(s)-1] == ' ' || s[len(s)-1] == '"' || s[len(s)-1] == '(':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "“") || strings.HasSuffix(s, "‘"):
			s = s[:len(s)-len("“")]
		default:
			return s
		}
	}
}

// partOfLongerTerm returns the candidate terms, of those with at least
// min occurrences, that are always part of one longer candidate (国家安全
// inside 国家安全体系 when every 国家安全 is one): a term y as often as z
// that holds z. The terms are text of whole characters, so each of y's
// substrings that is a candidate starts and ends at a character of y;
// they are looked up, rather than every term compared with every other
// of the same count.
func partOfLongerTerm(terms []string, counts map[string]int, min int) map[string]bool {
	out := map[string]bool{}
	var starts []int
	for _, y := range terms {
		n := counts[y]
		if n < min {
			continue
		}
		starts = starts[:0]
		for i := range y {
			starts = append(starts, i)
		}
		starts = append(starts, len(y))
		for a := 0; a < len(starts)-1; a++ {
			for b := a + 1; b < len(starts); b++ {
				if a == 0 && b == len(starts)-1 {
					continue // y itself
				}
				if z := y[starts[a]:starts[b]]; counts[z] == n {
					out[z] = true
				}
			}
		}
	}
	return out
}

// zhEdgeStop are function words a Chinese term does not start or end with.
var zhEdgeStop = map[string]bool{"的": true, "了": true, "和": true, "与": true, "及": true, "在": true, "是": true,
	"为": true, "对": true, "把": true, "被": true, "从": true, "向": true, "等": true, "也": true, "都": true,
	"就": true, "而": true, "并": true, "之": true, "其": true, "这": true, "那": true, "各": true, "每": true,
	"要": true, "我们": true, "以": true, "于": true, "将": true, "更": true, "不": true, "有": true, "着": true}

// isZhEdgeStop is zhEdgeStop[s]: its words are one character of three
// bytes, or 我们, and a character is told by a switch on the rune rather
// than a map look-up of the string (every token of the name candidates,
// twice; TestIsZhEdgeStop). A string of three bytes decodes to one of
// those runes only when it is its encoding.
//
// The rune is lang.FirstRune's, which decodes a valid three-byte
// sequence inline rather than in utf8.DecodeRuneInString's call (every
// character); anything else it decodes to is not one of the runes.
func isZhEdgeStop(s string) bool {
	if len(s) != 3 {
		return s == "我们"
	}
	switch lang.FirstRune(s) {
	case '的', '了', '和', '与', '及', '在', '是', '为', '对', '把', '被', '从', '向', '等', '也', '都',
		'就', '而', '并', '之', '其', '这', '那', '各', '每', '要', '以', '于', '将', '更', '不', '有', '着':
		return true
	}
	return false
}

// firstRuneLen is the length in bytes of the first character of s, valid
// UTF-8 and not empty, told by its lead byte (what
// utf8.DecodeRuneInString gives of valid text, without the call).
func firstRuneLen(s string) int {
	switch c := s[0]; {
	case c < 0x80:
		return 1
	case c < 0xe0:
		return 2
	case c < 0xf0:
		return 3
	}
	return 4
}

// allHan reports whether s is one or more Han characters (lang.IsHan).
// Characters of U+4E00 to U+9FFF (lang.IsHan's first range, nearly every
// character of a Chinese text) are told by their bytes, without decoding
// (lang.UnifiedHanRun; TestAllHanAsByRunes).
func allHan(s string) bool {
	for i := 0; i < len(s); {
		if n := lang.UnifiedHanRun(s[i:]); n > 0 {
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !lang.IsHan(r) {
			return false
		}
		i += n
	}
	return s != ""
}

// zhGlossIDs calls f with the gloss ids of a Chinese term and of the
// dictionary words of two characters or more inside it (an id may come
// more than once).
func zhGlossIDs(lex *lexicon.Lexicon, z string, f func(uint32)) {
	for _, id := range lex.Glosses(z) {
		f(id)
	}
	// The words inside are looked up as parts of z, rather than strings
	// made anew from its runes: they are the same where z is valid
	// UTF-8, as a term of Han words is, and z made of its runes is.
	if !utf8.ValidString(z) {
		z = string([]rune(z))
	}
	var buf [16]int
	at := buf[:0] // byte offsets of z's runes, and its end
	for i := range z {
		at = append(at, i)
	}
	at = append(at, len(z))
	n := len(at) - 1 // runes
	if n >= 3 {
		// the head of a compound: 部 "ministry, department" in 教育部
		for _, id := range lex.Glosses(z[at[n-1]:]) {
			f(id)
		}
	}
	for i := 0; i < n; i++ {
		// words of two characters or more: single characters gloss too
		// freely (马 "horse" in 马克思主义)
		for j := i + 2; j <= n && j <= i+8; j++ {
			for _, id := range lex.Glosses(z[at[i]:at[j]]) {
				f(id)
			}
		}
	}
}

// The unquoted terms consistency learns from word links (issue 14): a run
// of Chinese words recurring in different sentences, its English in each
// given by the grow-diag-final links.
const (
	linkedMinRunes = 3 // shorter words are common words, rendered freely
	linkedMaxToks  = 4 // words in a term
	linkedMinSents = 3 // sentences a term recurs in
	linkedMaxRunes = 8 // longer runs are phrases, not terms
)

// linkedOcc is one place of a candidate term: the run of Chinese tokens
// [lo, hi) of sentence pair wd.Pairs[pair] (12 bytes: a long document has
// millions).
type linkedOcc struct {
	pair, lo, hi int32
}

func (o linkedOcc) r() words.Range { return words.Range{Lo: int(o.lo), Hi: int(o.hi)} }

// linkedCandidates calls f with each candidate term of the pairs of wd
// whose bead has a view in byBead (a run of content words,
// linkedMinRunes to linkedMaxRunes characters), in
// reading order: the pair, the run, the term's hash (termHash of its
// key, the tokens' keys one after another), and the scan, whose key gives
// the term itself (in a buffer f must not keep). The hash of a run is
// worked out from its tokens' (one multiplication and one addition a
// token, from a table by spelling), not from the key's bytes: the key is
// made only where f asks for it, and the counting pass, which sees every
// run, never does.
//
// joined, when not nil, carries which words begin where the word before
// them ends from one call to the next over the same wd and byBead: the
// first call records them, and a later one reads them instead of placing
// the words again (TestLinkedCandidatesAsBefore).
func linkedCandidates(wd *words.Doc, byBead []*pairView, joined *joinedWords, f func(pair, lo, hi int, h uint64, s *linkedScan)) {
	s := &linkedScan{}
	replay := joined != nil && joined.done
	// the index of the pair's first Chinese token among those of the
	// pairs read
	at := 0
	// spellRunes[sp] is, for the tokens of spelling sp that are content
	// words, the characters of their key when a term may hold them (at
	// most linkedMaxRunes+1), with the key's length in bytes shifted left
	// by 8 when they are not more than linkedMaxRunes, -1 when a term may
	// not hold them, and 0 while not yet worked out: the key, and so the
	// answer, is the spelling's (words.Token.Spelling), and most words
	// recur. (4 bytes a spelling: 28 KB in the 5k document.) spellHash[sp]
	// is then termHashOf of the key (8 bytes a spelling).
	spellRunes := make([]int32, wd.Spellings())
	spellHash := make([]uint64, wd.Spellings())
	for k := range wd.Pairs {
		pr := &wd.Pairs[k]
		if len(pr.En) == 0 || byBead[pr.Bead] == nil {
			continue
		}
		ws := s.ws[:0]
		for _, t := range pr.Zh {
			w := tokWord{}
			if t.Kind() == words.Content {
				sp := t.Spelling()
				n := spellRunes[sp]
				if n == 0 {
					// a content word is all Han when its key is: a Han
					// word's key is its characters simplified, Han too,
					// and a word of other letters has no Han in it nor
					// in its key (TestZhContentKeysHanAsText)
					n = -1
					if kt := pr.Key(t); allHan(kt) && !isZhEdgeStop(kt) {
						// a word of more characters than a term holds
						// ends every run that reaches it, as one of
						// linkedMaxRunes+1 does, whose bytes are never
						// read
						n = int32(min(utf8.RuneCountInString(kt), linkedMaxRunes+1))
						if n <= linkedMaxRunes {
							n |= int32(len(kt)) << 8
						}
						spellHash[sp] = termHashOf(kt)
					}
					spellRunes[sp] = n
				}
				if n > 0 {
					w = tokWord{hash: spellHash[sp], runes: uint8(n), bytes: uint8(n >> 8), word: true}
				}
			}
			ws = append(ws, w)
		}
		s.ws, s.pr, s.lo = ws, pr, -1
		if replay {
			joined.read(ws, at)
		} else {
			// Where a word stands is read only beside another word a
			// term may hold: the others end every run that reaches
			// them.
			placed, prevEnd := -1, 0 // the last token placed, and its end
			for i := 1; i < len(ws); i++ {
				if !ws[i].word || !ws[i-1].word {
					continue
				}
				if placed != i-1 {
					_, _, prevEnd = pr.Place(pr.Zh[i-1])
				}
				_, start, end := pr.Place(pr.Zh[i])
				ws[i].joined = start == prevEnd
				placed, prevEnd = i, end
				if joined != nil && ws[i].joined {
					joined.set(at + i)
				}
			}
		}
		at += len(ws)
		for lo := range ws {
			if !ws[lo].word {
				continue
			}
			var h uint64
			n := 0
			for hi := lo + 1; hi <= len(ws) && hi-lo <= linkedMaxToks; hi++ {
				w := &ws[hi-1]
				if !w.word || hi-1 > lo && !w.joined {
					break // a term is content words only: 要完善 is not one
				}
				n += int(w.runes)
				if n > linkedMaxRunes {
					break
				}
				// the key of a run of at most linkedMaxRunes characters
				// has at most 4 bytes a character
				h = h*termHashPow[w.bytes] + w.hash
				if n < linkedMinRunes {
					continue
				}
				f(k, lo, hi, termHashMix(h), s)
			}
		}
	}
	if joined != nil && !replay {
		joined.grow(at) // every token read has its bit to read again
		joined.done = true
	}
}

// joinedWords is linkedCandidates' record of the Chinese tokens of the
// pairs it reads that begin where the token before them ends, for the
// words a term may hold after another: one bit a token (25 KB in the 5k
// document), set by the first of learnLinkedTerms' two passes, where
// placing the words takes one or two calls of words.Pair.Place a pair of
// adjacent words (120 k calls in the 5k document, 11 M instructions).
type joinedWords struct {
	bits []uint64
	done bool
}

func (j *joinedWords) set(i int) {
	j.grow(i + 1)
	j.bits[i/64] |= 1 << (uint(i) % 64)
}

// read sets the joined of the tokens ws of a pair, whose first is token
// at, from their bits (the others stay false), going from one set bit to
// the next rather than reading every token's.
func (j *joinedWords) read(ws []tokWord, at int) {
	end := at + len(ws)
	for w := at / 64; w*64 < end; w++ {
		b := j.bits[w]
		if lo := at - w*64; lo > 0 {
			b &^= 1<<uint(lo) - 1 // bits before the pair's
		}
		for b != 0 {
			i := w*64 + bits.TrailingZeros64(b)
			if i >= end {
				break
			}
			ws[i-at].joined = true
			b &= b - 1
		}
	}
}

// grow makes room for the bits of n tokens.
func (j *joinedWords) grow(n int) {
	if w := (n + 63) / 64; w > len(j.bits) {
		j.bits = append(j.bits, make([]uint64, w-len(j.bits))...)
	}
}

// linkedScan is what linkedCandidates keeps of the pair it reads, pr: per
// token, whether it is a word a term may hold (a content word all Han,
// not one a term does not start or end with), and for such a word its
// key's hash, bytes and characters (read once a token, not once a run);
// and whether it begins where the one before it ends, for such a word
// after another. (No pointer, and 16 bytes a token: the keys are read
// from pr where one is asked for.)
type linkedScan struct {
	pr *words.Pair
	ws []tokWord
	// buf holds the key of the run of tokens [lo, hi) of the pair, when
	// lo >= 0
	buf    []byte
	lo, hi int
}

type tokWord struct {
	hash         uint64
	runes, bytes uint8
	word, joined bool
}

// key returns the key of the run of tokens [lo, hi) of the pair being
// read, in a buffer the next call overwrites. The runs of one lo come
// longer one after another: a key that goes on the last is made by
// appending the words it adds.
func (s *linkedScan) key(lo, hi int) []byte {
	if lo != s.lo || hi < s.hi {
		s.buf, s.lo, s.hi = s.buf[:0], lo, lo
	}
	for ; s.hi < hi; s.hi++ {
		s.buf = append(s.buf, s.pr.Key(s.pr.Zh[s.hi])...)
	}
	return s.buf
}

// The hash of a candidate term is a polynomial in its key's bytes, so
// that a run's hash is made from its words' as the key is: termHashOf(a
// + b) is termHashOf(a)*termHashPow[len(b)] + termHashOf(b) (wrapping), and
// the same key has the same hash however its characters were cut into
// words. termHashMix spreads it to every bit for runCounts and hashIndex,
// which read its low and its high half. Only the number of collisions
// depends on it: a count is an upper bound whatever the hash, and
// hashIndex compares the keys.
const termHashMul = 0x100000001b3

// termHashPow[n] is termHashMul to the power n, for the keys of up to
// linkedMaxRunes characters of 4 bytes.
var termHashPow = func() (t [4*linkedMaxRunes + 1]uint64) {
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * termHashMul
	}
	return t
}()

func termHashOf(s string) uint64 {
	var h uint64
	for i := 0; i < len(s); i++ {
		h = h*termHashMul + uint64(s[i])
	}
	return h
}

// termHashMix is the finaliser of SplitMix64.
func termHashMix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// learnLinkedTerms observes the renderings of recurring unquoted terms.
// Terms the other pools already hold (quoted, names) are left to them.
// Each observation must pass the filters: the links give a consistent
// English phrase for the run; the phrase holds a word one of the term's
// dictionary glosses gives; and the term is not, in most of its places,
// part of one longer run (the same word beside it). Only terms observed
// in two places or more are returned: the term table (Terms) lists no
// other, and linkedOutliers weighs none with fewer than linkedMinSents.
//
// Most candidate runs occur once or twice; keeping each with its places
// until all were seen took 90 MB at 50,000 pairs. A first pass counts the
// runs in a table of counters indexed by two hashes of the term (a
// counter never falls short of its terms' count, so the smaller of the
// two is at least the term's own), and only runs whose count reaches
// linkedMinSents are kept in the second: the same terms, in the same
// order, as keeping every run. A rendering's key is gf's, whose memo the
// name renderings fill too.
func learnLinkedTerms(wd *words.Doc, byBead []*pairView, known map[string]bool, shared keysOf, gf *glossFinder) []termObs {
	toks := 0
	for k := range wd.Pairs {
		toks += len(wd.Pairs[k].Zh)
	}
	counts := newRunCounts(toks)
	// the terms of known are counted too: a count is an upper bound
	// all the same, and they are left out below
	joined := &joinedWords{bits: make([]uint64, toks/64+1)}
	linkedCandidates(wd, byBead, joined, func(_, _, _ int, h uint64, _ *linkedScan) { counts.addHash(h) })
	// the places of term occs.keys[i] are lists[i]: one look-up a place,
	// by the hash the count took; known is asked only of the terms not
	// numbered yet, and a term of known is never numbered
	var occs hashIndex
	// the terms kept, near enough (with linkedMinSents 3; it is only
	// room)
	about := counts.threeOrMore() / 2
	occs.reserve(about)
	lists := make([][]linkedOcc, 0, about)
	linkedCandidates(wd, byBead, joined, func(k, lo, hi int, h uint64, s *linkedScan) {
		// the count first, the cheaper test, which lets few through
		n := counts.countHash(h)
		if n < linkedMinSents {
			return
		}
		key := s.key(lo, hi)
		i, ok := occs.findBytes(h, key)
		if !ok {
			if known[string(key)] {
				return
			}
			i = occs.add(h, string(key))
			lists = append(lists, make([]linkedOcc, 0, n)) // as the name candidates' places
		}
		lists[i] = append(lists[i], linkedOcc{int32(k), int32(lo), int32(hi)})
	})
	order := occs.keys
	occs = hashIndex{}
	var out obsList
	var obs []termObs // a term's, the array kept from one term to the next
	for i, z := range order {
		list := lists[i]
		// the places of the terms done are let go as the observations
		// grow (18 MB at 50,000 pairs)
		lists[i] = nil
		if distinctPairs(list) < linkedMinSents || partOfLonger(wd, list) {
			continue
		}
		obs = obs[:0]
		for _, occ := range list {
			pr, r := &wd.Pairs[occ.pair], occ.r()
			en, ok, unlinked := wordCounterpart(pr, r)
			if !ok || unlinked > 1 || unlinked == r.Len() {
				continue
			}
			en = trimFunction(pr.En, en)
			if en.Len() == 0 || !glossIn(pr, pr.Zh[r.Lo:r.Hi], pr.En[en.Lo:en.Hi]) || negationCut(pr, z, en) {
				continue
			}
			zt, et := pr.Zh[r.Lo:r.Hi], pr.En[en.Lo:en.Hi]
			zb, zs, _ := pr.Place(zt[0])
			zb2, _, ze := pr.Place(zt[len(zt)-1])
			eb, es, _ := pr.Place(et[0])
			eb2, _, ee := pr.Place(et[len(et)-1])
			if zb != zb2 || eb != eb2 {
				continue
			}
			// one block each: the text as written is a part of it (what
			// wd.Text gives, without a copy)
			text := wd.Alignment.Doc.En[eb].Text[es:ee]
			key := gf.key(text) // a term's renderings recur: their keys are made once
			if key == "" || countFields(key) > 2*len(zt)+1 {
				continue // a clause, not a rendering of the term
			}
			// its written forms are the text at its places
			obs = append(obs, termObs{termKeys: shared.of(z, key), v: byBead[pr.Bead], loose: unlinked > 0,
				zhAt: at32{int32(zb), int32(zs), int32(ze)},
				enAt: at32{int32(eb), int32(es), int32(ee)}})
		}
		if len(obs) < 2 {
			continue
		}
		for _, o := range obs {
			out.add(o)
		}
	}
	return out.pool()
}

// negationCut reports whether the rendering en (tokens of pr's English)
// of a Chinese term that opens with a negation (不平等, 非法, 无效) leaves
// the negation out: the word before it negates ("less equal", "not
// legal") and the rendering has no negative prefix of its own. Such a
// rendering is the antonym of the term ("equal" for 不平等), a cut of the
// links rather than a rendering to compare with the others.
func negationCut(pr *words.Pair, z string, en words.Range) bool {
	if r, _ := utf8.DecodeRuneInString(z); !strings.ContainsRune("不非无未没", r) || en.Lo == 0 {
		return false
	}
	if !negator(strings.ToLower(pr.Text(pr.En[en.Lo-1]))) {
		return false
	}
	first := strings.ToLower(pr.Text(pr.En[en.Lo]))
	for _, p := range []string{"un", "in", "im", "il", "ir", "non", "dis"} {
		if strings.HasPrefix(first, p) {
			return false
		}
	}
	return true
}

// negator reports whether an English word (lower case) negates what
// follows it: not, no, less, never, without, nor, cannot, and a word
// with n't ("aren't", "isn’t").
func negator(w string) bool {
	switch w {
	case "not", "no", "less", "never", "without", "non", "nor", "cannot":
		return true
	}
	return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// runCounts counts strings in saturating 8-bit counters, two per string
// (by two halves of its hash): a count is never below the times a string
// was added, and rarely above. The hash is maphash's (addString,
// countString), or one the caller gives (addHash, countHash), the same
// for a string every time.
type runCounts struct {
	seed maphash.Seed
	c    []uint8
	mask uint64
}

// newRunCounts makes counters for about n strings: twice as many
// counters, so that a string met once seldom finds both of its own
// raised by others.
func newRunCounts(n int) *runCounts {
	size := 1024
	for size < 2*n {
		size *= 2
	}
	return &runCounts{seed: maphash.MakeSeed(), c: make([]uint8, size), mask: uint64(size - 1)}
}

func (rc *runCounts) slots(h uint64) (uint64, uint64) {
	return h & rc.mask, (h >> 32) & rc.mask
}

func (rc *runCounts) addString(key string) { rc.addHash(maphash.String(rc.seed, key)) }

func (rc *runCounts) addHash(h uint64) {
	a, b := rc.slots(h)
	if rc.c[a] < math.MaxUint8 {
		rc.c[a]++
	}
	if rc.c[b] < math.MaxUint8 {
		rc.c[b]++
	}
}

// countString is the count of a string.
func (rc *runCounts) countString(key string) int { return rc.countHash(maphash.String(rc.seed, key)) }

func (rc *runCounts) countHash(h uint64) int {
	a, b := rc.slots(h)
	return int(min(rc.c[a], rc.c[b]))
}

// threeOrMore is the number of counters at 3 or more, read eight at a
// time. A string counted three times or more raises two counters that
// far (a few share one), so half of it is about the number of such
// strings: the room namePlaces and learnLinkedTerms make for the terms
// they keep (12,209 for 12,113 names at 5,000 pairs, 10,405 for 10,179
// linked terms), rather than grow their index and lists from empty. It
// is only room: more terms grow them as before (TestThreeOrMore).
func (rc *runCounts) threeOrMore() int {
	const low7, high, to128 = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080, 0x7d7d7d7d7d7d7d7d
	n := 0
	c := rc.c
	for ; len(c) >= 8; c = c[8:] {
		// a byte is 3 or more when its top bit is set or its low seven
		// bits make 3 or more: adding 125 to them carries into the top
		// bit then (and never out of the byte: 127+125 < 256)
		w := binary.LittleEndian.Uint64(c)
		n += bits.OnesCount64(((w & low7) + to128 | w) & high)
	}
	for _, x := range c {
		if x >= 3 {
			n++
		}
	}
	return n
}

// hashString is the hash rc counts key by: a caller that counts a key
// and then looks it up in a hashIndex hashes it once. (A caller that has
// a hash of its own, as linkedCandidates', counts by addHash and
// countHash.)
func (rc *runCounts) hashString(key string) uint64 { return maphash.String(rc.seed, key) }

// hashIndex numbers distinct strings in the order they are first added,
// found by a hash the caller has already worked out (runCounts.hash): the
// candidate terms' places look their term up once a place, and a map
// keyed by the string hashed it a second time (TestHashIndexAsMap).
type hashIndex struct {
	keys  []string   // by number
	slots []hashSlot // open addressing, a power of two
	mask  uint64
}

// hashSlot is a slot of a hashIndex: a key's hash and its number plus
// one, 0 when the slot is empty.
type hashSlot struct {
	h uint64
	i int32
}

// find returns the number of key, whose hash is h, and whether it was
// added.
func (x *hashIndex) find(h uint64, key string) (int32, bool) { return findKey(x, h, key) }

// findBytes is find of key as a string, without making one.
func (x *hashIndex) findBytes(h uint64, key []byte) (int32, bool) { return findKey(x, h, key) }

// findKey is find and findBytes: the comparison with string(key) makes no
// string of a []byte.
func findKey[K string | []byte](x *hashIndex, h uint64, key K) (int32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	for k := h & x.mask; ; k = (k + 1) & x.mask {
		sl := x.slots[k]
		if sl.i == 0 {
			return 0, false
		}
		if sl.h == h && x.keys[sl.i-1] == string(key) {
			return sl.i - 1, true
		}
	}
}

// add numbers key, whose hash is h and which find did not find, and
// returns its number.
func (x *hashIndex) add(h uint64, key string) int32 {
	if 2*(len(x.keys)+1) > len(x.slots) {
		x.grow()
	}
	i := int32(len(x.keys))
	x.keys = append(x.keys, key)
	x.put(hashSlot{h, i + 1})
	return i
}

func (x *hashIndex) put(sl hashSlot) {
	k := sl.h & x.mask
	for x.slots[k].i != 0 {
		k = (k + 1) & x.mask
	}
	x.slots[k] = sl
}

// reserve makes room for n keys: the slots add makes for them, made
// once.
func (x *hashIndex) reserve(n int) {
	if len(x.keys) > 0 || n <= 0 {
		return
	}
	size := 64
	for size < 2*n {
		size *= 2
	}
	x.keys = make([]string, 0, n)
	x.slots, x.mask = make([]hashSlot, size), uint64(size-1)
}

// grow doubles the slots (at least 64), keeping the table at most half
// full.
func (x *hashIndex) grow() {
	old := x.slots
	n := max(64, 2*len(old))
	x.slots, x.mask = make([]hashSlot, n), uint64(n-1)
	for _, sl := range old {
		if sl.i != 0 {
			x.put(sl)
		}
	}
}

// wordCounterpart returns what pr.Counterpart gives of Chinese range r
// through the pair's links between words (a comma linked to the hyphen
// of "zero-COVID" does not make the term's rendering inconsistent), and
// how many words of r have none of them (one word left unlinked is often
// the aligner's miss: 中国 in "a peaceful and safe country" for 平安中国;
// a rendering of part of a term, "apply" for 申請特約, is not one of the
// term), without making the links: the links
// of r's words are those of a stretch of GDF, sorted by Zh, and the
// links of the rest are read only to ask whether one reaches into the
// English found. (Made for every place of every linked term, the links
// and the two passes over them took 60 % of learnLinkedTerms.)
func wordCounterpart(pr *words.Pair, r words.Range) (en words.Range, ok bool, unlinked int) {
	gdf := pr.GDF
	k, _ := slices.BinarySearchFunc(gdf, r.Lo, func(l words.Link, lo int) int { return cmp.Compare(int(l.Zh), lo) })
	en = words.Range{Lo: -1}
	linked, lastZh := 0, -1 // the words of r with a link; the last of them
	for ; k < len(gdf) && int(gdf[k].Zh) < r.Hi; k++ {
		l := gdf[k]
		if pr.Zh[l.Zh].Kind() == words.Punct || pr.En[l.En].Kind() == words.Punct {
			continue
		}
		if int(l.Zh) != lastZh {
			linked, lastZh = linked+1, int(l.Zh)
		}
		b := int(l.En)
		if en.Lo < 0 || b < en.Lo {
			en.Lo = b
		}
		if b+1 > en.Hi {
			en.Hi = b + 1
		}
	}
	unlinked = r.Len() - linked
	if en.Lo < 0 {
		return words.Range{}, false, unlinked
	}
	for _, l := range gdf {
		if b, a := int(l.En), int(l.Zh); b >= en.Lo && b < en.Hi && (a < r.Lo || a >= r.Hi) &&
			pr.Zh[l.Zh].Kind() != words.Punct && pr.En[l.En].Kind() != words.Punct {
			return words.Range{}, false, unlinked
		}
	}
	return en, true, unlinked
}

func distinctPairs(list []linkedOcc) int {
	n := 0
	for k, o := range list {
		if k == 0 || o.pair != list[k-1].pair {
			n++
		}
	}
	return n
}

// partOfLonger: the same token stands before, or after, the run in more
// than half of its places, and often enough for the longer run to be a
// candidate itself — the run is part of a longer term, which is the
// candidate to weigh (坚持 before 动态清零 twice in three is not).
func partOfLonger(wd *words.Doc, list []linkedOcc) bool {
	for _, side := range [2]int{-1, 1} {
		if n := majorityBeside(wd, list, side); 2*n > len(list) && n >= linkedMinSents {
			return true
		}
	}
	return false
}

// majorityBeside returns how many places of list have beside them,
// before the run (side -1) or after it (1), the content word that one
// pass of Boyer and Moore's majority vote picks: the word beside more
// than half of the places that have one, if there is such a word (else
// some other word, or none and 0). A word beside more than half of all
// the places is such a word: one pass finds it and a second counts it,
// with no map a term (TestPartOfLongerAsCounted).
func majorityBeside(wd *words.Doc, list []linkedOcc, side int) int {
	var cand string
	votes := 0
	for _, occ := range list {
		k, ok := besideKey(wd, occ, side)
		switch {
		case !ok:
		case votes == 0:
			cand, votes = k, 1
		case k == cand:
			votes++
		default:
			votes--
		}
	}
	if votes == 0 {
		return 0
	}
	n := 0
	for _, occ := range list {
		if k, ok := besideKey(wd, occ, side); ok && k == cand {
			n++
		}
	}
	return n
}

// besideKey returns the key of the content word just before the run of
// occ (side -1) or just after it (1), and false when there is none.
func besideKey(wd *words.Doc, occ linkedOcc, side int) (string, bool) {
	pr, r := &wd.Pairs[occ.pair], occ.r()
	k := r.Hi
	if side < 0 {
		k = r.Lo - 1
	}
	if k < 0 || k >= len(pr.Zh) || pr.Zh[k].Kind() != words.Content {
		return "", false
	}
	return pr.Key(pr.Zh[k]), true
}

// trimFunction leaves out function words and punctuation at the edges of
// a range of English tokens.
func trimFunction(toks []words.Token, r words.Range) words.Range {
	for r.Lo < r.Hi && toks[r.Lo].Kind() != words.Content {
		r.Lo++
	}
	for r.Hi > r.Lo && toks[r.Hi-1].Kind() != words.Content {
		r.Hi--
	}
	return r
}

// glossIn: a word of en is one a dictionary gloss of a word of zh gives
// (tokens of pr).
func glossIn(pr *words.Pair, zh, en []words.Token) bool {
	for _, z := range zh {
		for _, e := range en {
			if sharesGloss(pr.Glosses(z), pr.Glosses(e)) {
				return true
			}
		}
	}
	return false
}

// sharesGloss reports whether two sorted lists of gloss ids meet.
func sharesGloss(a, b []uint32) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// linkedOutliers reports, per learnt term, the places of every rendering
// but the most frequent, each naming all renderings with their counts. A
// term is weighed when at least linkedMinSents places give a rendering,
// the renderings are not all one (one contained in another is the same)
// and one of them, used in two places or more, is used more than any
// other.
func linkedOutliers(pool []termObs) []Finding {
	// gathered by index, copied one term at a time (as outliers): the
	// places of term k are chained from first[k] by next, in the order of
	// the pool, and counted in n[k] (a list grown by appending for each
	// term took twice the room)
	byZh := map[string]int32{}
	var order []string
	var first, last, n []int32
	next := make([]int32, len(pool))
	for i := range pool {
		z := pool[i].zh
		k, ok := byZh[z]
		if !ok {
			k = int32(len(order))
			byZh[z] = k
			order = append(order, z)
			first, last, n = append(first, int32(i)), append(last, int32(i)), append(n, 0)
		} else {
			next[last[k]] = int32(i)
			last[k] = int32(i)
		}
		n[k]++
	}
	var out []Finding
	var obs []termObs // one term's places, the array kept from one to the next
	for k, z := range order {
		if n[k] < linkedMinSents {
			continue
		}
		obs = obs[:0]
		for i, left := first[k], n[k]; left > 0; i, left = next[i], left-1 {
			obs = append(obs, pool[i])
		}
		groups := renderingGroups(obs)
		if len(groups) < 2 {
			continue
		}
		sort.SliceStable(groups, func(a, b int) bool { return len(groups[a].items) > len(groups[b].items) })
		if len(groups[0].items) < 2 || len(groups[0].items) == len(groups[1].items) {
			continue // no usual rendering to hold the others to
		}
		var names []string
		for _, g := range groups {
			names = append(names, fmt.Sprintf("%q (%d)", g.en, len(g.items)))
		}
		all := strings.Join(names, ", ")
		for _, g := range groups[1:] {
			// Learnt from links, a term is weaker evidence than a quoted
			// one: a warning only when its usual rendering holds at
			// least three places and twice this one's.
			conf := 0.4 // capped to info
			if n := len(groups[0].items); n >= 3 && n >= 2*len(g.items) {
				conf = 0.6
			}
			for _, it := range g.items {
				if it.loose {
					continue
				}
				out = append(out, Finding{Bead: it.v.Index, Zh: it.zhSpan(), En: it.enSpan(), Evidence: z + "\x00" + it.key, Confidence: conf,
					Message: fmt.Sprintf("%s is rendered %d ways: %s; here %q", zhQuote(it.zhText()), len(groups), all, it.enText())})
			}
		}
	}
	return out
}

// renderingGroup is the places of one rendering of a term.
type renderingGroup struct {
	en    string // the longest rendering of the group, as written
	items []termObs
}

// renderingGroups groups the renderings of one term. A rendering whose
// stems are all among another's is a form of it ("reform draft", "draft
// reform"; "industry", "tourism industry"): the maximal renderings (in no
// other) make the groups, and each other place joins the one maximal
// rendering holding it — or is left out when several different ones do
// ("China" in both "a more secure China" and "peace and safety in China"
// says nothing). Groups come in the order of their first place.
func renderingGroups(obs []termObs) []*renderingGroup {
	// Each key's set of stems, sorted and without repeats: the places
	// rendered alike share their keys, and so one set (a map a place
	// was most of the grouping's time). What the grouping asks of a place
	// (whether its set is maximal, which representatives hold it) it asks
	// of its set: it is answered once a key, not once a place (a term has
	// a few keys and up to hundreds of places).
	ids := make([]int32, len(obs)) // the key of each place, in sets
	var sets [][]string            // by key, in the order first met
	var first []int                // the first place of each key
	byKey := map[string]int32{}
	for i, o := range obs {
		id, ok := byKey[o.key]
		if !ok {
			set := strings.Fields(o.key)
			slices.Sort(set)
			id = int32(len(sets))
			sets, first = append(sets, slices.Compact(set)), append(first, i)
			byKey[o.key] = id
		}
		ids[i] = id
	}
	subset := func(a, b []string) bool {
		// both sorted: every stem of a is met walking b once
		j := 0
		for _, w := range a {
			for j < len(b) && b[j] < w {
				j++
			}
			if j == len(b) || b[j] != w {
				return false
			}
			j++
		}
		return true
	}
	same := func(a, b []string) bool { return slices.Equal(a, b) }
	// the maximal renderings, one representative place per distinct set:
	// the first place of the first key that has the set (a later place of
	// a key has the set of a representative already)
	var reps []int32 // by key
	for d, set := range sets {
		maximal := true
		for _, other := range sets {
			if len(other) > len(set) && subset(set, other) {
				maximal = false
				break
			}
		}
		if !maximal {
			continue
		}
		dup := false
		for _, r := range reps {
			if same(sets[r], set) {
				dup = true
				break
			}
		}
		if !dup {
			reps = append(reps, int32(d))
		}
	}
	// one array of groups, and one of their places: each group's places
	// are counted first and take their part of it (grown by appending,
	// the places were a third of the check's calls to growslice)
	all := make([]renderingGroup, len(reps))
	for k, r := range reps {
		all[k].en = obs[first[r]].enText()
	}
	// the group of each key: that of the one representative holding its
	// set, -1 when two or more do (in two different renderings: says
	// nothing)
	groupOf := make([]int32, len(sets))
	for d, set := range sets {
		groupOf[d] = -1
		holders := 0
		for k, r := range reps {
			if subset(set, sets[r]) {
				groupOf[d] = int32(k)
				holders++
			}
		}
		if holders != 1 {
			groupOf[d] = -1
		}
	}
	places := make([]int, len(reps))
	total, groups := 0, 0
	for i := range obs {
		if k := groupOf[ids[i]]; k >= 0 {
			if places[k] == 0 {
				groups++
			}
			places[k]++
			total++
		}
	}
	items := make([]termObs, total)
	for k, n := range places {
		all[k].items, items = items[:0:n], items[n:]
	}
	// groups in the order of their first place: a group's first place
	// is the one it has none before
	order := make([]*renderingGroup, 0, groups)
	for i, o := range obs {
		k := groupOf[ids[i]]
		if k < 0 {
			continue
		}
		g := &all[k]
		if len(g.items) == 0 {
			order = append(order, g)
		}
		g.items = append(g.items, o)
	}
	return order
}
