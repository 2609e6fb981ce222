package lexicon

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/aligncheck/aligncheck/align/lang"
)

// Chinese function words left out of the Chinese side of Similarity: their
// glosses are mostly function words or rare senses (的: target, taxi) that
// would only add noise. Traditional forms where they differ. Each is one
// character (zhUnitsScratch looks up no longer token; TestZhStopOneRune).
var zhStop = func() map[string]bool {
	const words = "的 地 得 了 着 過 过 之 其 和 與 与 及 或 而 並 并 且 也 都 就 又 還 还 才 便 即 則 则 " +
		"是 在 於 于 為 为 以 對 对 把 被 將 将 從 从 向 由 給 给 讓 让 使 等 個 个 這 这 那 此 該 该 " +
		"各 每 所 中 上 下 裡 里 嗎 吗 呢 吧 啊 麼 么 會 会"
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}()

// ZhSide is the Chinese side of a comparison, prepared once so that a
// segment can be compared with many English candidates.
type ZhSide struct {
	units []zhUnit
	// glossSet is the union of the gloss ids of all units.
	glossSet map[uint32]bool
	// literal keys of Latin and digit tokens (lower case, no separators).
	literals map[string]bool
}

type zhUnit struct {
	glosses []uint32 // may repeat ids
	literal string   // non-empty for Latin/digit tokens
	weight  float64
}

// EnSide is the English side of a comparison.
type EnSide struct {
	words []enWord
	keys  map[string]bool
}

type enWord struct {
	key    string
	lit    string // literalKey of the written word: also a key
	id     uint32
	known  bool
	weight float64
}

// PrepareZh segments a Chinese segment and looks its words up. Each gse
// token is a unit; its glosses are those of the token and of every headword
// found in the same run of Han characters that contains the token or lies
// inside it, so compounds that gse cuts differently (动态/清零 against the
// headword 动态清零) still match. An unknown token falls back to its
// characters. Function words (的, 了, 我们 …) are not units.
func (l *Lexicon) PrepareZh(zh string) *ZhSide {
	s := &ZhSide{units: l.zhUnits(zh), glossSet: map[uint32]bool{}, literals: map[string]bool{}}
	for _, u := range s.units {
		if u.literal != "" {
			s.literals[u.literal] = true
		}
		for _, id := range u.glosses {
			s.glossSet[id] = true
		}
	}
	return s
}

// zhUnits returns the units of PrepareZh.
func (l *Lexicon) zhUnits(zh string) []zhUnit {
	return l.zhUnitsScratch(zh, nil)
}

// zhUnitsScratch is zhUnits with its tokens and headword occurrences in
// scratch when it is not nil, for a caller that prepares many texts one
// after the other.
func (l *Lexicon) zhUnitsScratch(zh string, scratch *zhScratch) []zhUnit {
	var toks []lang.Token
	if scratch != nil {
		scratch.toks = lang.AppendZhTokens(scratch.toks[:0], zh)
		toks = scratch.toks
	} else {
		toks = lang.ZhTokens(zh)
	}
	if len(toks) == 0 {
		return nil
	}
	// A unit per token at most: room for them from the start. With
	// scratch, the units are the scratch's, and the glosses of those that
	// join several lists are gathered in its glosses, one unit's after the
	// other's (an array that it outgrows stays with the units that use
	// it): a caller with scratch is done with the units of a text before
	// it asks for the next one's, and a new slice of units a text and of
	// glosses a unit were 9.8 MB of a 5k-pair document's allocations.
	var units []zhUnit
	var glosses []uint32
	// Headword occurrences of two or more characters in each Han run, by
	// start.
	var occs []occ
	var run []hanChar
	if scratch != nil {
		units, glosses = slices.Grow(scratch.units[:0], len(toks)), scratch.glosses[:0]
		occs, run = scratch.occs[:0], scratch.run[:0]
		defer func() {
			scratch.units, scratch.glosses = units[:0], glosses[:0]
			scratch.occs, scratch.run = occs[:0], run[:0]
		}()
	} else {
		units = make([]zhUnit, 0, len(toks))
	}
	occs, run = l.appendOccs(occs, run, zh)
	// Only occurrences that start less than the longest headword before a
	// token's end can contain the token or lie inside it; lo is the first
	// of them.
	// The bound only grows from token to token, so lo is moved on for the
	// tokens that look at occurrences alone (not literals, not function
	// words). The longest occurrence of this text, in bytes, bounds them
	// much more tightly than the longest headword does (most headwords
	// are two to four characters; the near walk below was a third of
	// zhUnits' instructions).
	maxBytes := 0
	for _, o := range occs {
		maxBytes = max(maxBytes, o.end-o.start)
	}
	lo := 0
	for _, t := range toks {
		r, n := utf8.DecodeRuneInString(t.Text)
		if !lang.IsHan(r) {
			key := literalKey(t.Text)
			if key == "" {
				continue
			}
			units = append(units, zhUnit{literal: key, weight: l.defaultIDF})
			continue
		}
		// (the function words are single characters: a longer token is
		// not looked up in the map)
		if n == len(t.Text) && zhStop[t.Text] {
			continue
		}
		for lo < len(occs) && occs[lo].start < min(t.Start, t.End-maxBytes) {
			lo++
		}
		// One walk over the occurrences from lo finds where they stop
		// (the first that starts at or after t's end); the one of
		// exactly t's span (at most one: appendOccs finds a span once),
		// whose headword appendOccs found with the same probe lookup
		// would make (most tokens of two or more characters are
		// headwords, and these probes were some 4 % of a 5k-pair
		// document's CPU); whether one strictly contains t; and the
		// first whose glosses join t's unit, from which on the glosses
		// are gathered (most tokens have none).
		near := occs[lo:]
		exact, first, longer := -1, -1, false
		for k, o := range near {
			if o.start >= t.End {
				near = near[:k]
				break
			}
			if o.start <= t.Start && t.End <= o.end {
				// o contains t: it is t's span or longer
				if o.end-o.start > t.End-t.Start {
					longer = true
					if first < 0 {
						first = k
					}
				} else {
					exact = k
				}
			} else if first < 0 && t.Start <= o.start && o.end <= t.End {
				// o lies inside t and is not t's span: it is shorter
				first = k
			}
		}
		var own []uint32
		known := true
		if exact >= 0 {
			own = l.glossesAt(near[exact].head)
		} else {
			own, known = l.lookup(t.Text)
		}
		if known && len(own) == 0 && !longer {
			// A known function word (我们, 不).
			continue
		}
		u := zhUnit{glosses: own[:len(own):len(own)]}
		if scratch == nil {
			u.glosses = l.appendJoined(u.glosses, 0, t, near, first, known)
		} else if first >= 0 || !known {
			// own's ids and those joined after them, as appending to
			// own's copy gives them; own alone (capped, as above) when
			// none are joined
			at := len(glosses)
			glosses = l.appendJoined(append(glosses, own...), at, t, near, first, known)
			if len(glosses) > at+len(own) {
				u.glosses = glosses[at:len(glosses):len(glosses)]
			} else {
				glosses = glosses[:at]
			}
		}
		u.weight = l.meanIDF(own, u.glosses)
		units = append(units, u)
	}
	if len(units) == 0 {
		return nil
	}
	return units
}

// appendJoined appends to dst[at:], which holds token t's own glosses,
// the glosses of the occurrences near it (from first, -1 for none) that
// contain it or lie inside it, and, when t is not a headword and there
// are none, those of its characters.
func (l *Lexicon) appendJoined(dst []uint32, at int, t lang.Token, near []occ, first int, known bool) []uint32 {
	if first >= 0 {
		for _, o := range near[first:] {
			if o.start <= t.Start && t.End <= o.end && o.end-o.start > t.End-t.Start ||
				t.Start <= o.start && o.end <= t.End && o.end-o.start < t.End-t.Start {
				dst = append(dst, l.glossesAt(o.head)...)
			}
		}
	}
	if !known && len(dst) == at {
		for i, c := range t.Text {
			ids, _ := l.lookup(t.Text[i : i+utf8.RuneLen(c)])
			dst = append(dst, ids...)
		}
	}
	return dst
}

// zhScratch holds zhUnits' buffers between texts.
type zhScratch struct {
	units   []zhUnit
	glosses []uint32
	toks    []lang.Token
	occs    []occ
	run     []hanChar
}

// hanChar is a character of a run of Han characters and where it ends.
type hanChar struct {
	r   rune
	end int
}

// appendOccs appends to occs the headword occurrences of two or more
// characters in each run of Han characters of zh, by start and then by
// end; run is scratch. Each character of a run is decoded and classified
// once, not once for every start it may be a part of.
func (l *Lexicon) appendOccs(occs []occ, run []hanChar, zh string) ([]occ, []hanChar) {
	for i := 0; i < len(zh); {
		r, n := utf8.DecodeRuneInString(zh[i:])
		if !lang.IsHan(r) {
			i += n
			continue
		}
		run = append(run[:0], hanChar{r, i + n})
		for j := i + n; j < len(zh); {
			r2, m := utf8.DecodeRuneInString(zh[j:])
			if !lang.IsHan(r2) {
				break
			}
			j += m
			run = append(run, hanChar{r2, j})
		}
		for c, start := range run {
			from := i
			if c > 0 {
				from = run[c-1].end
			}
			// the headwords of 2 to maxLen characters from character c
			last := min(len(run), c+l.maxLenAt(start.r))
			for e := c + 1; e < last; e++ {
				h, more := l.heads.Probe(zh[from:run[e].end])
				if h >= 0 {
					occs = append(occs, occ{from, run[e].end, h})
				}
				if !more {
					break // no headword starts with zh[from:run[e].end]
				}
			}
		}
		i = run[len(run)-1].end
	}
	return occs, run
}

// occ is an occurrence of a headword in a text.
type occ struct{ start, end, head int }

// meanIDF weighs a Chinese word by the mean idf of its own glosses (else of
// its extended glosses): words with rare translations weigh more.
func (l *Lexicon) meanIDF(own, ext []uint32) float64 {
	if len(own) > 0 {
		sum := 0.0
		for _, id := range own {
			sum += l.IDF(id)
		}
		return sum / float64(len(own))
	}
	if len(ext) > 0 {
		sum := 0.0
		for _, id := range ext {
			sum += l.IDF(id)
		}
		return sum / float64(len(ext))
	}
	return l.defaultIDF
}

// PrepareEn tokenizes an English segment into content-word keys.
func (l *Lexicon) PrepareEn(en string) *EnSide {
	s := &EnSide{words: l.enWords(en), keys: map[string]bool{}}
	for _, w := range s.words {
		s.keys[w.key] = true
		s.keys[w.lit] = true
	}
	return s
}

// enWords returns the words of PrepareEn.
func (l *Lexicon) enWords(en string) []enWord {
	return l.enWordsScratch(en, nil)
}

// enWordsScratch is enWords tokenizing into *scratch when it is not nil,
// for a caller that prepares many texts one after the other.
func (l *Lexicon) enWordsScratch(en string, scratch *[]lang.Token) []enWord {
	words := l.appendEnWords(nil, en, scratch)
	if len(words) == 0 {
		return nil
	}
	return words
}

// appendEnWords appends the words of en to dst (see enWordsScratch).
func (l *Lexicon) appendEnWords(dst []enWord, en string, scratch *[]lang.Token) []enWord {
	var toks []lang.Token
	if scratch != nil {
		*scratch = lang.AppendEnTokens((*scratch)[:0], en)
		toks = *scratch
	} else {
		toks = lang.EnTokens(en)
	}
	if len(toks) == 0 {
		return dst
	}
	if dst == nil {
		// a word per token at most: room for them from the start
		dst = make([]enWord, 0, len(toks))
	}
	for _, t := range toks {
		key, ok := lang.Keyword(en[t.Start:t.End])
		if !ok {
			continue
		}
		w := enWord{key: key, lit: literalKey(t.Text), weight: l.defaultIDF}
		if id, ok := l.WordID(key); ok {
			w.id, w.known, w.weight = id, true, l.idf[id]
		}
		dst = append(dst, w)
	}
	return dst
}

// Similarity returns how well a Chinese and an English segment match, in
// [0,1]: the mean of the idf-weighted share of Chinese words whose glosses
// meet the English content words and the idf-weighted share of English
// content words met by some Chinese word's glosses. Numbers and Latin-script
// tokens count on both sides and match when equal (1,000 = 1000, full-width
// digits folded). A side with no content words is left out; with none on
// either side the result is 0.
func (l *Lexicon) Similarity(zh, en string) float64 {
	return l.SimilarityPrepared(l.PrepareZh(zh), l.PrepareEn(en))
}

// SimilarityPrepared is Similarity over prepared sides.
func (l *Lexicon) SimilarityPrepared(z *ZhSide, e *EnSide) float64 {
	enIDs := make(map[uint32]bool, len(e.words))
	for _, w := range e.words {
		if w.known {
			enIDs[w.id] = true
		}
	}
	var zhMet, zhAll float64
	for _, u := range z.units {
		zhAll += u.weight
		if u.literal != "" {
			if e.keys[u.literal] {
				zhMet += u.weight
			}
			continue
		}
		for _, id := range u.glosses {
			if enIDs[id] {
				zhMet += u.weight
				break
			}
		}
	}
	var enMet, enAll float64
	for _, w := range e.words {
		enAll += w.weight
		if w.known && z.glossSet[w.id] || z.literals[w.key] {
			enMet += w.weight
		}
	}
	switch {
	case zhAll == 0 && enAll == 0:
		return 0
	case zhAll == 0:
		return enMet / enAll
	case enAll == 0:
		return zhMet / zhAll
	}
	return (zhMet/zhAll + enMet/enAll) / 2
}

// literalKey normalises a Latin or digit token for exact matching: width
// folded, lower case, thousands separators removed; "" if it has no letter
// or digit.
func literalKey(s string) string {
	if !isASCII(s) {
		// Width folding leaves ASCII as it is; it is slow.
		s = width.Fold.String(s)
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "0123456789") {
		s = strings.ReplaceAll(s, ",", "")
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return s
		}
	}
	return ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// IsFunctionWord reports whether a Chinese word is one of the function
// words that Similarity leaves out (的, 了, 是, 在 …), whatever its glosses.
func IsFunctionWord(zh string) bool { return zhStop[zh] }
