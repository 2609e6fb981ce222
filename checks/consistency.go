package checks

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

// Consistency reports a term translated one way in most places and another
// way elsewhere.
var Consistency = &Check{
	Name:       "consistency",
	Category:   CatTerminology,
	Severity:   Warning,
	Run:        runConsistency,
	Confidence: `1: the renderings are counted in the document.`,
	Doc: `a term rendered one way in most places and differently elsewhere

No glossary needed: the document's own term pairs are learnt from its
alignment, two ways.
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

A term is reported when one rendering is used in at least two places and at
least twice as often as another one; each place of the other rendering is
a finding, with the majority rendering in the message. Renderings are
compared on word stems, case ignored ("Two Establishes" = "two
establishment"), and one contained in the other is the same rendering
("Xi" = "Xi Jinping").

One English term standing for two different Chinese terms is reported
under "consistency/shared" (info).

Example: zh “两个确立” three times; en "Two Establishes" twice and "two
affirmations" once → “两个确立” is rendered "Two Establishes" in 2 places but
"two affirmations" here`,
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
// were seen together.
type termObs struct {
	zh        string // the term, simplified
	zhWritten string
	en        string // the rendering as written
	key       string // stems of its content words
	bead      int
	v         *pairView
	zhPos     textPos // located when a finding needs it: most
	enPos     textPos // observations never become one
	caps      int     // 1 capitalised, -1 not, 0 cannot tell (sentence start)
	quoted    bool
}

func (o *termObs) zhSpan() *align.Span { return o.v.span(o.zhPos) }
func (o *termObs) enSpan() *align.Span { return o.v.span(o.enPos) }

func runConsistency(p *Pass) error {
	for i, pool := range learnTerms(p) {
		for _, f := range outliers(pool, i == 0) {
			p.Report(f)
		}
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
				p.Report(Finding{Bead: o.bead, Zh: o.zhSpan(), En: o.enSpan(), Evidence: k + "\x00" + z,
					Message: fmt.Sprintf("%q renders both %s (%d) and %s (%d)", o.en, zhQuote(m[first][0].zhWritten), len(m[first]),
						zhQuote(o.zhWritten), len(m[z]))})
			}
		}
	}
	return nil
}

func zhQuote(s string) string { return "“" + s + "”" }

// outliers finds, per Chinese term, the places rendered against the
// majority.
func outliers(pool []termObs, quotedPool bool) []Finding {
	byZh := map[string][]termObs{}
	var order []string
	for _, o := range pool {
		if _, ok := byZh[o.zh]; !ok {
			order = append(order, o.zh)
		}
		byZh[o.zh] = append(byZh[o.zh], o)
	}
	var out []Finding
	for _, z := range order {
		obs := byZh[z]
		if len(obs) < 3 {
			continue
		}
		// group renderings; one contained in another is the same
		type group struct {
			key   string
			en    string
			n     int
			items []termObs
		}
		var groups []*group
		for _, o := range obs {
			var g *group
			for _, c := range groups {
				if containsWords(c.key, o.key) || containsWords(o.key, c.key) {
					g = c
					if len(strings.Fields(o.key)) > len(strings.Fields(c.key)) {
						c.key, c.en = o.key, o.en
					}
					break
				}
			}
			if g == nil {
				g = &group{key: o.key, en: o.en}
				groups = append(groups, g)
			}
			g.n++
			g.items = append(g.items, o)
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
		for _, it := range maj.items {
			seen[it.en]++
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
			for _, it := range g.items {
				out = append(out, Finding{Bead: it.bead, Zh: it.zhSpan(), En: it.enSpan(), Evidence: z + "\x00" + it.key,
					Message: fmt.Sprintf("%s is rendered %q in %d places but %q here", zhQuote(it.zhWritten), majEn, maj.n, it.en)})
			}
		}
	}
	return out
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
func containsWords(a, b string) bool {
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(bw) == 0 {
		return false
	}
	i := 0
	for _, w := range aw {
		if i < len(bw) && w == bw[i] {
			i++
		}
	}
	return i == len(bw)
}

// learnTerms returns two pools of observations: quoted terms and titles,
// and recurring names linked through the dictionary.
func learnTerms(p *Pass) [][]termObs {
	return p.Align.Memo("consistency.terms", func() any { return learnTermsOnce(p) }).([][]termObs)
}

func learnTermsOnce(p *Pass) [][]termObs {
	lex := lexicon.Default()
	var quotedPool, namePool []termObs
	type zhOcc struct {
		v      *pairView
		pos    textPos
		term   string
		tokEnd int
	}
	occs := map[string][]zhOcc{}
	views := pairViews(p)
	for _, v := range views {
		// quoted terms, per sentence unit
		for _, u := range unitsOf(v) {
			quotedPool = append(quotedPool, quotedPairs(v, u, lex)...)
		}
		// candidate names: one to three dictionary words, two characters
		// or more
		for _, blk := range v.blocks(align.Zh) {
			if blk.Kind == align.KindFurniture {
				continue
			}
			toks := lang.ZhTokens(blk.Text)
			for i := range toks {
				for j := i; j < len(toks) && j < i+3; j++ {
					if !allHan(toks[j].Text) || j > i && toks[j].Start != toks[j-1].End || zhEdgeStop[toks[i].Text] {
						break
					}
					if zhEdgeStop[toks[j].Text] {
						break // 党的二十: a phrase, not a name
					}
					t := blk.Text[toks[i].Start:toks[j].End]
					if utf8.RuneCountInString(t) < 2 || j == i && len(lex.Glosses(t)) == 0 {
						continue
					}
					z := lang.Simplify(t)
					occs[z] = append(occs[z], zhOcc{v, textPos{Lang: align.Zh, Block: blk.Index, Start: toks[i].Start, End: toks[j].End}, t, toks[j].End})
				}
			}
		}
	}
	terms := make([]string, 0, len(occs))
	for z := range occs {
		terms = append(terms, z)
	}
	sort.Strings(terms)
	byCount := map[int][]string{}
	for _, z := range terms {
		if n := len(occs[z]); n >= 3 {
			byCount[n] = append(byCount[n], z)
		}
	}
	for _, z := range terms {
		list := occs[z]
		if len(list) < 3 || !maximalTerm(z, byCount, len(list)) {
			continue
		}
		gloss := zhGlossStems(lex, z)
		var obs []termObs
		for _, o := range list {
			sb := o.v.sentBead(o.pos)
			if !o.v.both(sb) {
				continue
			}
			en, enPos, caps, ok := glossRun(o.v, sb, gloss)
			if !ok {
				continue
			}
			obs = append(obs, termObs{zh: z, zhWritten: o.term, en: en, key: enKey(en), bead: o.v.Index,
				v: o.v, zhPos: o.pos, enPos: enPos, caps: caps})
		}
		capsYes, capsNo := 0, 0
		for _, o := range obs {
			switch o.caps {
			case 1:
				capsYes++
			case -1:
				capsNo++
			}
		}
		if capsYes == 0 || 3*capsYes < 2*(capsYes+capsNo) {
			continue // not a name: a common word may be rendered freely
		}
		namePool = append(namePool, obs...)
	}
	return [][]termObs{quotedPool, namePool}
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
func quotedPairs(v *pairView, sb int, lex *lexicon.Lexicon) []termObs {
	var zq, eq []quoteAt
	for _, seg := range v.segments(align.Zh, sb) {
		t := v.text(seg)
		for _, q := range v.p.Quotes(seg) {
			if isZhTerm(q.inner) {
				zq = append(zq, quoteAt{textPos{align.Zh, seg.Block, seg.Start + q.start, seg.Start + q.end}, q.inner})
			}
		}
		for _, q := range pairedQuotes(t, map[rune]rune{'《': '》'}, false) {
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
		out = append(out, termObs{zh: lang.Simplify(strings.Join(strings.Fields(z.inner), "")), zhWritten: z.inner,
			en: e.inner, key: key, bead: v.Index, v: v, zhPos: z.pos, enPos: e.pos, quoted: true})
	}
	return out
}

// glossRun finds in the English of sentence bead sb the longest run of
// words whose stems are glosses of a term (function words may sit inside
// the run: "University of Macau"). It reports whether the run is
// capitalised (1), not (-1), or cannot tell (0, a single word opening a
// sentence). ok is false when there is no run or two runs tie.
func glossRun(v *pairView, sb int, gloss map[string]bool) (string, textPos, int, bool) {
	type run struct {
		seg        textPos
		start, end int // byte offsets in the block
		words      int
		caps       int
	}
	var best []run
	for _, seg := range v.segments(align.En, sb) {
		text := v.p.Doc.En[seg.Block].Text
		kws := v.enKeywords(seg)
		for i := 0; i < len(kws); {
			k, ok := kws[i].key, kws[i].ok
			if !ok || !gloss[k] {
				i++
				continue
			}
			j, last, n := i+1, i, 1
			for j < len(kws) {
				w2 := text[seg.Start+kws[j].tok.Start : seg.Start+kws[j].tok.End]
				gap := text[seg.Start+kws[j-1].tok.End : seg.Start+kws[j].tok.Start]
				if strings.TrimSpace(gap) != "" && gap != "-" {
					break
				}
				k2, ok2 := kws[j].key, kws[j].ok
				if ok2 && gloss[k2] {
					last, n = j, n+1
					j++
					continue
				}
				if !ok2 && j-last <= 1 && bridgeWords[strings.ToLower(w2)] {
					j++ // "University of Macau"
					continue
				}
				break
			}
			r := run{seg: seg, start: seg.Start + kws[i].tok.Start, end: seg.Start + kws[last].tok.End, words: n}
			r.caps = capsOf(text, r.start, r.end)
			if len(best) == 0 || n > best[0].words {
				best = []run{r}
			} else if n == best[0].words {
				best = append(best, r)
			}
			i = last + 1
		}
	}
	if len(best) == 0 {
		return "", textPos{}, 0, false
	}
	// ties only matter when they differ
	k0 := ""
	for i, r := range best {
		k := enKey(v.p.Doc.En[r.seg.Block].Text[r.start:r.end])
		if i == 0 {
			k0 = k
		} else if k != k0 {
			return "", textPos{}, 0, false
		}
	}
	r := best[0]
	return v.p.Doc.En[r.seg.Block].Text[r.start:r.end], textPos{Lang: align.En, Block: r.seg.Block, Start: r.start, End: r.end}, r.caps, true
}

// bridgeWords may sit inside a name: "University of Macau", "Bank for
// International Settlements"; not "and", which joins two names.
var bridgeWords = map[string]bool{"of": true, "the": true, "for": true, "de": true, "du": true, "la": true,
	"von": true, "van": true, "on": true}

// capsOf: are the content words of text[start:end] capitalised? A single
// word at a sentence start cannot tell.
func capsOf(text string, start, end int) int {
	sentStart := strings.TrimRight(text[:start], " \"“‘(")
	atStart := sentStart == "" || strings.HasSuffix(sentStart, ".") || strings.HasSuffix(sentStart, ":") ||
		strings.HasSuffix(sentStart, "?") || strings.HasSuffix(sentStart, "!")
	content, capsN := 0, 0
	for i, t := range lang.EnTokens(text[start:end]) {
		w := text[start+t.Start : start+t.End]
		if _, ok := lang.Keyword(w); !ok {
			continue
		}
		if i == 0 && atStart {
			continue
		}
		content++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
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

// maximalTerm: a term not always part of one longer candidate (国家安全
// inside 国家安全体系 when every 国家安全 is one).
func maximalTerm(z string, byCount map[int][]string, n int) bool {
	for _, y := range byCount[n] {
		if len(y) > len(z) && strings.Contains(y, z) {
			return false
		}
	}
	return true
}

// zhEdgeStop are function words a Chinese term does not start or end with.
var zhEdgeStop = map[string]bool{"的": true, "了": true, "和": true, "与": true, "及": true, "在": true, "是": true,
	"为": true, "对": true, "把": true, "被": true, "从": true, "向": true, "等": true, "也": true, "都": true,
	"就": true, "而": true, "并": true, "之": true, "其": true, "这": true, "那": true, "各": true, "每": true,
	"要": true, "我们": true, "以": true, "于": true, "将": true, "更": true, "不": true, "有": true, "着": true}

func allHan(s string) bool {
	for _, r := range s {
		if !lang.IsHan(r) {
			return false
		}
	}
	return s != ""
}

// zhGlossStems collects the gloss stems of a Chinese term and of the
// dictionary words of two characters or more inside it.
func zhGlossStems(lex *lexicon.Lexicon, z string) map[string]bool {
	out := map[string]bool{}
	for _, id := range lex.Glosses(z) {
		out[lex.Word(id)] = true
	}
	rs := []rune(z)
	if len(rs) >= 3 {
		// the head of a compound: 部 "ministry, department" in 教育部
		for _, id := range lex.Glosses(string(rs[len(rs)-1])) {
			out[lex.Word(id)] = true
		}
	}
	for i := range rs {
		// words of two characters or more: single characters gloss too
		// freely (马 "horse" in 马克思主义)
		for j := i + 2; j <= len(rs) && j <= i+8; j++ {
			for _, id := range lex.Glosses(string(rs[i:j])) {
				out[lex.Word(id)] = true
			}
		}
	}
	return out
}
