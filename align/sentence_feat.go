package align

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// Glosser is what the sentence aligner needs from a bilingual lexicon to
// measure lexical correspondence without re-tokenizing every candidate bead:
// the English gloss words of a Chinese word (nil for a word it does not
// know, empty for a known function word), and the id of an English keyword
// (lang.Keyword) in the same id space. *lexicon.Lexicon implements it; when
// the Options' Lex does not, sentences are aligned by lengths and anchors
// alone.
type Glosser interface {
	Glosses(zh string) []uint32
	WordID(stem string) (uint32, bool)
}

// Sentence flags: cheap structural evidence that survives translation.
const (
	flagQuestion uint8 = 1 << iota
	flagExclaim
	flagQuote
)

// sentFeat is what the sentence aligner knows about one sentence, computed
// once per sentence so that many-sentence beads combine cached parts.
type sentFeat struct {
	length int // characters that are not white space
	flags  uint8
	nums   []numerals.Number

	// The words of the sentence as types of the document's vocabulary:
	// Chinese content tokens, English content words; each distinct once.
	types []int32
	extra [][]uint32 // zh: per type, lexicon ids of compounds with neighbours

	// What the similarity compares. Ids are English word types of the
	// document. Chinese side: per counted token, the English types it can
	// match (its glosses, itself for a Latin-script token, and partners
	// learned from the document). English side: the types of the words
	// that some Chinese token could match.
	keys [][]uint32 // zh
	ids  []uint32   // en
	wts  []float32  // weight of each key (zh) or id (en)
}

// docVocab holds the word types of one text pair and what the lexicon
// says about them, so that the match keys can be rebuilt cheaply when the
// aligner learns word pairs from a first alignment.
type docVocab struct {
	lex Glosser

	zhTypes []zhType
	enTypes []enType
	byLexID lexIndex // lexicon id → English type

	rekeyScratch rekeyScratch
	learnScratch learnScratch

	// The arrays of the sentence features of a bead, kept for the next
	// when this one is a spare (sentFeaturesReusing): made for each
	// paragraph bead, they were 2.2 MB of the 5,000-pair document's
	// allocation.
	zhFeats, enFeats []sentFeat

	learned [][]int32 // per Chinese type, English types learned from the text

	// scratch of zhWords and enWords, which run on two goroutines
	zhToks, enToks []lang.Token
	zhExtras       [][]uint32

	// What the lexicon said about the Chinese strings and English
	// words of earlier beads, kept by reset: a document's beads repeat
	// most of their words, and a probe of the lexicon's tables, megabytes
	// that the cache does not hold, cost more than a look in these small
	// maps. One per side, as the two sides are read on two goroutines.
	//
	// A Chinese string's entry (zhMemo[text] indexes zhEntries) also
	// holds whether it is a function word and its type in the bead being
	// read, so that a token is looked up once, not in a list of function
	// words, a map of the bead's types and the memo in turn. Entries
	// below zhKept are the document's; when zhMemo is full, a bead's
	// further strings take entries above it, found through zhOver, and
	// reset lets them go.
	zhMemo    map[string]int32
	zhEntries []zhEntry
	zhKept    int32
	zhOver    map[string]int32
	gen       uint32 // the bead being read, as the entries' gen count it
	// The English side likewise: enMemo[written] indexes enEntries, and
	// the entry that holds a keyword's type in the bead is the one
	// keyMemo (or, for a keyword only the bead's own entries have,
	// keyOver) gives for it.
	enMemo    map[string]int32
	enEntries []enEntry
	enKept    int32
	enOver    map[string]int32
	keyMemo   map[string]int32
	keyOver   map[string]int32
}

// enEntry is what a docVocab knows of an English word as written.
type enEntry struct {
	w     enWord
	canon int32  // the entry of the first word with w.key (when w.ok)
	gen   uint32 // typ is w.key's type in the bead of this generation (canon entries)
	typ   int32
}

// zhEntry is what a docVocab knows of a Chinese string of the document:
// a token, or two neighbouring tokens joined.
type zhEntry struct {
	glosses []uint32 // v.lex.Glosses of the string, once asked
	asked   bool     // glosses asked
	fn      bool     // a function word (zhFunctionWords)
	gen     uint32   // typ is the string's type in the bead of this generation
	typ     int32
}

// enWord is what enWords needs to know of an English word as written:
// its keyword (lang.Keyword), whether that is a content word in Latin
// script (ok), and what Glosser.WordID says of the keyword when it is.
type enWord struct {
	key   string
	ok    bool
	lexID uint32
	inLex bool
}

// maxMemo bounds each of a vocabulary's memos, to about 2 MB: a document
// of many distinct words stops adding to them there rather than growing
// them without end. (The generated 5,000-pair document fills the Chinese
// memo with 11,700 strings, words and the pairs of neighbours, and the
// English one with 2,200 keywords; the 50,000-pair one, made of the same
// texts, with as many.)
var maxMemo = 1 << 15 // a variable for the test of a full memo

// glosses is v.lex.Glosses(zh), remembered.
func (v *docVocab) glosses(zh string) []uint32 {
	return v.entryGlosses(v.zhEntry(zh), zh)
}

// entryGlosses is glosses of the string text of entry x.
func (v *docVocab) entryGlosses(x int32, text string) []uint32 {
	e := &v.zhEntries[x]
	if !e.asked {
		e.glosses, e.asked = v.lex.Glosses(text), true
	}
	return e.glosses
}

// zhEntry returns the index of the entry of a Chinese string, making it
// when there is none.
func (v *docVocab) zhEntry(text string) int32 {
	if x, ok := v.zhMemo[text]; ok {
		return x
	}
	if x, ok := v.zhOver[text]; ok {
		return x
	}
	x := int32(len(v.zhEntries))
	v.zhEntries = append(v.zhEntries, zhEntry{fn: zhFunctionWords[text]})
	if len(v.zhMemo) < maxMemo {
		v.zhMemo[text] = x
		v.zhKept = x + 1
	} else {
		if v.zhOver == nil {
			v.zhOver = map[string]int32{}
		}
		v.zhOver[text] = x
	}
	return x
}

// enWord tells what a written English word is, remembered: one look in
// a small map instead of one in lang.Keyword's shared, locked one and a
// probe of the lexicon.
func (v *docVocab) enWord(written string) enWord {
	return v.enEntries[v.enEntry(written)].w
}

// enEntry returns the index of the entry of a written English word,
// making it when there is none.
func (v *docVocab) enEntry(written string) int32 {
	if x, ok := v.enMemo[written]; ok {
		return x
	}
	if x, ok := v.enOver[written]; ok {
		return x
	}
	var w enWord
	w.key, w.ok = lang.Keyword(written)
	w.ok = w.ok && isLatinWord(w.key)
	if w.ok {
		w.lexID, w.inLex = v.lex.WordID(w.key)
	}
	x := int32(len(v.enEntries))
	e := enEntry{w: w, canon: x}
	kept := len(v.enMemo) < maxMemo
	if w.ok {
		if c, ok := v.keyEntry(w.key); ok {
			e.canon = c
		} else if kept {
			v.keyMemo[w.key] = x
		} else {
			if v.keyOver == nil {
				v.keyOver = map[string]int32{}
			}
			v.keyOver[w.key] = x
		}
	}
	v.enEntries = append(v.enEntries, e)
	if kept {
		v.enMemo[written] = x
		v.enKept = x + 1
	} else {
		if v.enOver == nil {
			v.enOver = map[string]int32{}
		}
		v.enOver[written] = x
	}
	return x
}

// keyEntry is the entry that holds the type of an English keyword, if
// some word has it.
func (v *docVocab) keyEntry(key string) (int32, bool) {
	if c, ok := v.keyMemo[key]; ok {
		return c, true
	}
	c, ok := v.keyOver[key]
	return c, ok
}

// enTypeOf is the type of the bead that an English keyword is, if it is
// one.
func (v *docVocab) enTypeOf(key string) (int32, bool) {
	c, ok := v.keyEntry(key)
	if !ok || v.enEntries[c].gen != v.gen {
		return 0, false
	}
	return v.enEntries[c].typ, true
}

type zhType struct {
	text    string
	glosses []uint32 // lexicon ids of its glosses (its characters' when unknown)
	latin   string   // keyword of a Latin-script token
	counted bool     // has glosses: counts in the similarity's denominator
	looked  bool     // glosses looked up
	at      int32    // its place in the types of the sentence being read, or -1
}

type enType struct {
	key   string
	lexID uint32
	inLex bool
	latin bool  // written in Latin script on the Chinese side too
	at    int32 // as zhType.at
}

// sentFeatures computes the features of both sides: lengths, flags and
// numbers always; words and match keys when lex is not nil.
func sentFeatures(zh, en []string, lex Glosser) (zf, ef []sentFeat, v *docVocab) {
	return sentFeaturesReusing(zh, en, nil, nil, lex, nil)
}

// readNums are the numbers of a sentence read already: those of its block
// when the sentence is the whole block, which the paragraph aligner read
// (numerals.Chinese or numerals.English of the same text). ok is false
// when they are not known.
type readNums struct {
	nums []numerals.Number
	ok   bool
}

// sentFeaturesReusing is sentFeatures building the vocabulary in spare
// when it is not nil: the paragraph beads of a document are aligned one
// after the other, and making three maps for each of them cost more than
// filling them (a spare is emptied first, see reset). With a spare, the
// features returned, and their key lists, are in the spare too: they hold
// until the next call with it, which overwrites them. zn and en hold the
// numbers of the sentences read already (readNums), or are nil.
func sentFeaturesReusing(zh, en []string, zn, enn []readNums, lex Glosser, spare *docVocab) (zf, ef []sentFeat, v *docVocab) {
	if spare != nil {
		// the features of the bead before, which are no longer read
		zf = scratchKept(&spare.zhFeats, len(zh), maxKeptFeats)
		ef = scratchKept(&spare.enFeats, len(en), maxKeptFeats)
	} else {
		zf = make([]sentFeat, len(zh))
		ef = make([]sentFeat, len(en))
	}
	if lex != nil {
		v = spare
		if v == nil {
			v = &docVocab{}
		}
		v.reset(lex)
	}
	// The two sides share nothing until rekey (zhWords writes only the
	// Chinese half of the vocabulary, enWords only the English half), so
	// a long text's are read on two CPUs. A short one's (a paragraph bead
	// of a long document, aligned thousands of times in a row) are read
	// in turn: starting, waking and growing the stack of a goroutine cost
	// a tenth of its work.
	chinese := func() {
		for i, s := range zh {
			zf[i] = sentFeat{}
			zf[i].length, zf[i].flags = sentLengthFlags(s)
			if zn != nil && zn[i].ok {
				zf[i].nums = zn[i].nums
			} else {
				zf[i].nums = numerals.Chinese(s)
			}
			if v != nil {
				zf[i].types = v.zhWords(s, &zf[i].extra)
			}
		}
	}
	var wg sync.WaitGroup
	parallel := textBytes(zh) >= parallelFeatureBytes && textBytes(en) >= parallelFeatureBytes
	if parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chinese()
		}()
	}
	for j, s := range en {
		ef[j] = sentFeat{}
		ef[j].length, ef[j].flags = sentLengthFlags(s)
		if enn != nil && enn[j].ok {
			ef[j].nums = enn[j].nums
		} else {
			ef[j].nums = numerals.English(s)
		}
		if v != nil {
			ef[j].types = v.enWords(s)
		}
	}
	if parallel {
		wg.Wait()
	} else {
		chinese()
	}
	if v == nil {
		return zf, ef, nil
	}
	for t, z := range v.zhTypes {
		if z.latin != "" {
			if e, ok := v.enTypeOf(z.latin); ok {
				v.enTypes[e].latin = true
			}
			v.zhTypes[t].counted = true
		}
	}
	v.rekey(zf, ef)
	return zf, ef, v
}

// parallelFeatureBytes is how long each side's text must be for
// sentFeaturesReusing to read the two sides at once. A variable for the
// test that compares the two ways.
var parallelFeatureBytes = 8 << 10

func textBytes(texts []string) int {
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	return n
}

// maxKeptTypes: a spare vocabulary whose maps held more types than this
// gets new maps rather than having them cleared, since clearing a map
// costs what it once held and one long paragraph bead would make every
// later bead pay for it.
const maxKeptTypes = 512

// reset empties v for the texts of another bead, keeping the room it has.
func (v *docVocab) reset(lex Glosser) {
	if v.lex != lex || v.zhMemo == nil {
		v.zhMemo = map[string]int32{}
		v.zhEntries, v.zhKept, v.zhOver = v.zhEntries[:0], 0, nil
		v.enMemo, v.keyMemo = map[string]int32{}, map[string]int32{}
		v.enEntries, v.enKept, v.enOver, v.keyOver = v.enEntries[:0], 0, nil, nil
	}
	v.lex = lex
	// the strings of the bead before that zhMemo had no room for
	v.zhEntries = v.zhEntries[:v.zhKept]
	if v.zhOver != nil {
		resetMap(&v.zhOver)
	}
	v.enEntries = v.enEntries[:v.enKept]
	if v.enOver != nil {
		resetMap(&v.enOver)
	}
	if v.keyOver != nil {
		resetMap(&v.keyOver)
	}
	// One generation counts the beads for both sides' entries.
	v.gen++
	if v.gen == 0 { // wrapped: an old entry could hold the new generation
		for x := range v.zhEntries {
			v.zhEntries[x].gen = 0
		}
		for x := range v.enEntries {
			v.enEntries[x].gen = 0
		}
		v.gen = 1
	}
	v.byLexID.reset()
	v.zhTypes, v.enTypes = v.zhTypes[:0], v.enTypes[:0]
	v.learned = nil
}

// lexIndex maps the lexicon ids of a bead's English types to the types.
// It is an array indexed by id rather than a map: the lexicon has some
// 34,000 words, and hashing every gloss id of every Chinese type into a
// map cost more than this array of 270 KB. A slot belongs to the bead
// whose generation it holds, so that reset empties it by counting, not by
// clearing what earlier beads set.
//
// seen has bit id%256 set for every id set in the bead: most gloss ids
// of a bead's Chinese types are no English type of the bead, and the bit
// tells so without reading a slot far off in the array, which the cache
// seldom holds.
type lexIndex struct {
	slots []lexSlot
	gen   uint32
	seen  [4]uint64
}

type lexSlot struct {
	gen uint32
	e   int32
}

// reset empties x for another bead.
func (x *lexIndex) reset() {
	x.seen = [4]uint64{}
	x.gen++
	if x.gen == 0 { // wrapped: an old slot could hold the new generation
		clear(x.slots)
		x.gen = 1
	}
}

func (x *lexIndex) set(id uint32, e int32) {
	if int(id) >= len(x.slots) {
		x.slots = slices.Grow(x.slots, int(id)+1-len(x.slots))
		x.slots = x.slots[:cap(x.slots)]
	}
	x.slots[id] = lexSlot{x.gen, e}
	x.seen[id/64%4] |= 1 << (id % 64)
}

func (x *lexIndex) get(id uint32) (int32, bool) {
	if x.seen[id/64%4]&(1<<(id%64)) == 0 || int(id) >= len(x.slots) || x.slots[id].gen != x.gen {
		return 0, false
	}
	return x.slots[id].e, true
}

func resetMap[K comparable](m *map[K]int32) {
	if *m == nil || len(*m) > maxKeptTypes {
		*m = map[K]int32{}
		return
	}
	clear(*m)
}

// zhTypeOf is the type of the bead that the string of entry x is, if it
// is one yet.
func (v *docVocab) zhTypeOf(x int32) (int32, bool) {
	e := &v.zhEntries[x]
	return e.typ, e.gen == v.gen
}

// newZhType adds a type for text, whose entry x holds none for the bead;
// latin is isLatinWord(text).
func (v *docVocab) newZhType(text string, x int32, latin bool) int32 {
	t := int32(len(v.zhTypes))
	v.zhEntries[x].gen, v.zhEntries[x].typ = v.gen, t
	z := zhType{text: text, at: -1}
	if latin {
		z.latin, _ = lang.Keyword(text)
	}
	v.zhTypes = append(v.zhTypes, z)
	return t
}

// zhWords returns the content tokens of a Chinese sentence as types.
// Function words are left out; a token the lexicon does not know takes the
// glosses of its characters; a token also takes the glosses of the
// headword it forms with a neighbour (动态|清零 against 动态清零).
//
// A type met again in the sentence is found in the sentence's types by
// its place, which the type holds while the sentence is read (at), not
// by a search of them.
func (v *docVocab) zhWords(s string, extras *[][]uint32) []int32 {
	v.zhToks = lang.AppendZhTokens(v.zhToks[:0], s)
	toks := v.zhToks
	// room for every token at once: growing the slice through every
	// doubling cost more than the bytes it may leave unused
	out := make([]int32, 0, len(toks))
	// The compounds' glosses of the types are gathered in a scratch that
	// grows as types are found, and copied out at their final length:
	// grown afresh for each sentence, the list was copied at every
	// doubling.
	ex := append(v.zhExtras[:0], *extras...)
	// the compound a token forms with the next is the one the next
	// forms with it: its glosses are kept for it (joined at, joinedG)
	joinedAt, joinedG := -1, []uint32(nil)
	for ti, t := range toks {
		// (function words are Han: the tests may come in either order)
		r := lang.FirstRune(t.Text)
		if isLatinRune(r) {
			if _, ok := lang.Keyword(t.Text); ok {
				x := v.zhEntry(t.Text)
				typ, ok := v.zhTypeOf(x)
				if !ok {
					typ = v.newZhType(t.Text, x, true)
				}
				if v.zhTypes[typ].at < 0 {
					v.zhTypes[typ].at = int32(len(out))
					out = append(out, typ)
				}
			}
			continue
		}
		if !lang.IsHan(r) {
			continue // digits: numbers are anchors of their own
		}
		x := v.zhEntry(t.Text)
		if v.zhEntries[x].fn {
			continue
		}
		// a token already a type here is no function word, and its
		// glosses are looked up: only new ones are asked for
		typ, seen := v.zhTypeOf(x)
		var g []uint32
		if !seen {
			g = v.entryGlosses(x, t.Text)
			if g != nil && len(g) == 0 {
				continue // a known function word
			}
			typ = v.newZhType(t.Text, x, false)
		}
		z := &v.zhTypes[typ]
		if !z.looked {
			z.looked = true
			ids := g[:len(g):len(g)]
			if g == nil {
				for k, r := range t.Text {
					ids = append(ids, v.glosses(t.Text[k:k+utf8.RuneLen(r)])...)
				}
			}
			z.glosses = ids
			z.counted = len(ids) > 0
		}
		// neighbours differ from one occurrence to the next
		var extra []uint32
		if ti > 0 && toks[ti-1].End == t.Start {
			g := joinedG
			if joinedAt != ti {
				g = v.glosses(s[toks[ti-1].Start:t.End])
			}
			extra = append(extra, g...)
		}
		if ti+1 < len(toks) && toks[ti+1].Start == t.End {
			g := v.glosses(s[t.Start:toks[ti+1].End])
			joinedAt, joinedG = ti+1, g
			extra = append(extra, g...)
		}
		if k := z.at; k >= 0 {
			if len(extra) > 0 {
				ex = growTo(ex, len(out))
				ex[k] = append(ex[k], extra...)
			}
			continue
		}
		z.at = int32(len(out))
		out = append(out, typ)
		if len(extra) > 0 {
			ex = growTo(ex, len(out))
			ex[len(out)-1] = extra
		}
	}
	for _, typ := range out {
		v.zhTypes[typ].at = -1
	}
	if len(ex) > 0 {
		*extras = slices.Clone(ex)
		clear(ex) // (not to keep the lists alive)
	}
	if cap(ex) <= maxKeptScratch {
		v.zhExtras = ex[:0]
	}
	return out
}

// enWords returns the content words of an English sentence as types,
// each once (found by at, as in zhWords).
func (v *docVocab) enWords(s string) []int32 {
	var out []int32
	v.enToks = lang.AppendEnTokens(v.enToks[:0], s)
	for _, t := range v.enToks {
		x := v.enEntry(s[t.Start:t.End])
		w := &v.enEntries[x].w
		if !w.ok {
			continue
		}
		c := &v.enEntries[v.enEntries[x].canon]
		e := c.typ
		if c.gen != v.gen {
			e = int32(len(v.enTypes))
			c.gen, c.typ = v.gen, e
			et := enType{key: w.key, lexID: w.lexID, inLex: w.inLex, at: -1}
			if et.inLex {
				v.byLexID.set(et.lexID, e)
			}
			v.enTypes = append(v.enTypes, et)
		}
		if et := &v.enTypes[e]; et.at < 0 {
			et.at = int32(len(out))
			out = append(out, e)
		}
	}
	for _, e := range out {
		v.enTypes[e].at = -1
	}
	return out
}

// rekey builds the match keys of every sentence from the types, the
// lexicon and what was learned.
func (v *docVocab) rekey(zf, ef []sentFeat) {
	// which English types some Chinese type can match
	sc := &v.rekeyScratch
	matchable := scratch(&sc.matchable, len(v.enTypes))
	for e, et := range v.enTypes {
		matchable[e] = et.inLex || et.latin
	}
	for _, ls := range v.learned {
		for _, e := range ls {
			matchable[e] = true
		}
	}
	// The keys of all types are laid end to end in one array (zend[t] is
	// where type t's end), those of the tokens with compounds in another:
	// a slice each cost more in allocation than in filling. Each key list
	// is capped at its length, so that no append can reach its neighbour.
	// The array is the bead's until rekey is asked for another: the keys
	// of the bead before are no longer read then.
	flat := sc.flat[:0]
	zend := scratch(&sc.zend, len(v.zhTypes))
	zcount := scratch(&sc.zcount, len(v.zhTypes))
	for t, z := range v.zhTypes {
		if z.latin != "" {
			if e, ok := v.enTypeOf(z.latin); ok {
				flat = append(flat, uint32(e))
			}
		}
		for _, id := range z.glosses {
			if e, ok := v.byLexID.get(id); ok {
				flat = append(flat, uint32(e))
			}
		}
		if t < len(v.learned) {
			for _, e := range v.learned[t] {
				flat = append(flat, uint32(e))
			}
		}
		zend[t] = len(flat)
		zcount[t] = z.counted || (t < len(v.learned) && len(v.learned[t]) > 0)
	}
	if cap(flat) <= maxKeptScratch {
		sc.flat = flat
	}
	zkeys := func(t int32) []uint32 {
		start := 0
		if t > 0 {
			start = zend[t-1]
		}
		if start == zend[t] {
			return nil
		}
		return flat[start:zend[t]:zend[t]]
	}
	zdf := scratch(&sc.zdf, len(v.zhTypes))
	for i := range zf {
		for _, t := range zf[i].types {
			zdf[t]++
		}
	}
	edf := scratch(&sc.edf, len(v.enTypes))
	for j := range ef {
		for _, e := range ef[j].types {
			edf[e]++
		}
	}
	var zbuf, ebuf [64]float32
	zwt, ewt := idfWeights(len(zf), zbuf[:]), idfWeights(len(ef), ebuf[:])
	weight := func(wt []float32, df float64, n int) float32 {
		if d := int(df); d >= 1 && d < len(wt) {
			return wt[d]
		}
		return idfWeight(df, n)
	}
	// At most one key list a type. A sentence without room for its
	// lists (every sentence at the first rekey of a bead, none at the
	// second) takes it from one array a side, kept between beads as flat
	// is: an array a sentence cost more than filling them. That array is
	// where the sentences that keep their room have it, so it is lent
	// only when none does; otherwise the room is made anew.
	need, kept := 0, false
	for i := range zf {
		if f := &zf[i]; cap(f.keys) < len(f.types) {
			need += len(f.types)
		} else if len(f.types) > 0 {
			kept = true
		}
	}
	var zkeyRoom [][]uint32
	var zwtRoom []float32
	if kept {
		zkeyRoom, zwtRoom = make([][]uint32, need), make([]float32, need)
	} else {
		zkeyRoom, zwtRoom = scratch(&sc.zkeys, need), scratch(&sc.zwts, need)
	}
	for i := range zf {
		f := &zf[i]
		f.keys = f.keys[:0]
		f.wts = f.wts[:0]
		if n := len(f.types); cap(f.keys) < n {
			f.keys, zkeyRoom = zkeyRoom[:0:n], zkeyRoom[n:]
			f.wts, zwtRoom = zwtRoom[:0:n], zwtRoom[n:]
		}
		for k, t := range f.types {
			var ex []uint32
			if k < len(f.extra) {
				for _, id := range f.extra[k] {
					if e, ok := v.byLexID.get(id); ok {
						ex = append(ex, uint32(e))
					}
				}
			}
			switch {
			case len(ex) > 0:
				f.keys = append(f.keys, append(ex, zkeys(t)...))
				f.wts = append(f.wts, weight(zwt, zdf[t], len(zf)))
			case zcount[t] || k < len(f.extra) && len(f.extra[k]) > 0:
				f.keys = append(f.keys, zkeys(t))
				f.wts = append(f.wts, weight(zwt, zdf[t], len(zf)))
			}
		}
	}
	need, kept = 0, false
	for j := range ef {
		if f := &ef[j]; cap(f.ids) < len(f.types) {
			need += len(f.types)
		} else if len(f.types) > 0 {
			kept = true
		}
	}
	var eidRoom []uint32
	var ewtRoom []float32
	if kept {
		eidRoom, ewtRoom = make([]uint32, need), make([]float32, need)
	} else {
		eidRoom, ewtRoom = scratch(&sc.eids, need), scratch(&sc.ewts, need)
	}
	for j := range ef {
		f := &ef[j]
		f.ids = f.ids[:0]
		f.wts = f.wts[:0]
		if n := len(f.types); cap(f.ids) < n {
			f.ids, eidRoom = eidRoom[:0:n], eidRoom[n:]
			f.wts, ewtRoom = ewtRoom[:0:n], ewtRoom[n:]
		}
		for _, e := range f.types {
			if matchable[e] {
				f.ids = append(f.ids, uint32(e))
				f.wts = append(f.wts, weight(ewt, edf[e], len(ef)))
			}
		}
	}
}

// rekeyScratch holds the arrays of rekey between beads: made anew for
// each of a document's thousands of beads, they cost more than filling
// them.
type rekeyScratch struct {
	flat      []uint32
	matchable []bool
	zend      []int
	zcount    []bool
	zdf, edf  []float64
	// the room of the sentences' key lists, ids and weights
	zkeys      [][]uint32
	eids       []uint32
	zwts, ewts []float32
}

// maxKeptFeats bounds the sentences whose features a spare vocabulary
// keeps room for (some 160 KB a side): a paragraph bead has a few.
const maxKeptFeats = 1 << 10

// maxKeptScratch bounds the length of an array kept between beads (a
// long text's are let go with it).
const maxKeptScratch = 1 << 14

// scratch returns n zero elements, in *buf when it has room, and keeps
// them there for the next call when n is at most maxKeptScratch.
func scratch[T any](buf *[]T, n int) []T {
	return scratchKept(buf, n, maxKeptScratch)
}

// scratchKept is scratch keeping arrays of up to keep elements.
func scratchKept[T any](buf *[]T, n, keep int) []T {
	if n > cap(*buf) {
		s := make([]T, n)
		if n <= keep {
			*buf = s
		}
		return s
	}
	s := (*buf)[:n]
	clear(s)
	return s
}

// idfWeight is the weight of a word that occurs in df of the n sentences
// of a text: words that occur in few sentences of the text say more about
// where they belong than words that occur everywhere.
func idfWeight(df float64, n int) float32 {
	return float32(math.Log(1 + float64(n)/df))
}

// idfWeights lists idfWeight(df, n) at index df for df = 1..n, in buf
// when it is long enough. Document frequencies are whole numbers up to n,
// and most texts aligned (a document's paragraph beads) are a few
// sentences of many words: n logarithms instead of one a word.
func idfWeights(n int, buf []float32) []float32 {
	wt := buf[:0]
	if n+1 > len(buf) {
		wt = make([]float32, 0, n+1)
	}
	wt = wt[:n+1]
	for d := 1; d <= n; d++ {
		wt[d] = idfWeight(float64(d), n)
	}
	return wt
}

func growTo(s [][]uint32, n int) [][]uint32 {
	for len(s) < n {
		s = append(s, nil)
	}
	return s
}

// quoteMarkAt reports whether the single quote r at s[k:] is a quotation
// mark, not an apostrophe: it does not follow a letter, or it is an
// opening one before a letter. The character before it is the one
// ranging over s gives there (a character ends where the next starts).
func quoteMarkAt(s string, k int, r rune) bool {
	prev := ' '
	if k > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:k])
	}
	next, _ := utf8.DecodeRuneInString(s[k+utf8.RuneLen(r):])
	return !unicode.IsLetter(prev) || (r == '‘' && unicode.IsLetter(next))
}

func isLatinWord(w string) bool {
	return isLatinRune(lang.FirstRune(w))
}

// isLatinRune is whether a word that starts with r is a Latin one.
func isLatinRune(r rune) bool {
	return r < 0x250 && unicode.IsLetter(r)
}

// zhFunctionWords are Chinese function words left out of the lexical
// similarity: their glosses are function words or rare senses (的: target)
// that would only add noise.
var zhFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`的 地 得 了 着 过 之 其 和 与 及 或 而 并 且 也 都 就 又 还 才 便 即 则 是 在 于 为 以 对 把 被 将 从 向 由 给 让 使 等 个 这 那 此 该 各 每 所 中 上 下 里 吗 呢 吧 啊 么 們 這 與 對 於 為 將 從 讓 個 該 會 嗎`) {
		m[w] = true
	}
	return m
}()

// Learning word pairs from a first alignment.
//
// A literary translation renders the same names and words the same way
// throughout (韦小宝 is "Trinket", 道 is "said"), and a dictionary knows few
// of them. Counting which Chinese and English words occur in the same
// beads of a first alignment finds them: a pair whose Dice coefficient is
// high over enough beads is added to the Chinese word's glosses for a
// second alignment.
const (
	learnMinCount = 3   // beads holding both words
	learnMinDice  = 0.5 // 2·both / (Chinese beads + English beads)
	learnMaxPer   = 2   // partners kept per Chinese word
)

// beadTypes appends to out the distinct word types of the sentences of one
// side of bead ci, counting each once in count; seen[t] == ci marks the
// types already taken for this bead.
func beadTypes(out []int32, sents []sentFeat, seen, count []int32, ci int32) []int32 {
	for _, f := range sents {
		for _, t := range f.types {
			if seen[t] != ci {
				seen[t] = ci
				out = append(out, t)
				count[t]++
			}
		}
	}
	return out
}

// pairCounts counts pair keys: pending holds keys as they come, runs the
// distinct keys counted so far, sorted. Merging whenever pending outgrows
// the runs keeps memory near the number of distinct pairs on a long text
// that repeats itself, at the cost of a sort per merge.
type pairCounts struct {
	pending []uint64
	runs    []pairRun
}

type pairRun struct {
	key uint64
	n   int32
}

// maxDensePairCounts is the most pairs of types counted in a table of
// every pair (1 MB): enough for the sentences of any ordinary paragraph
// bead, the aligner's usual text. A variable for the test that compares
// the two ways of counting.
var maxDensePairCounts = 1 << 18

// pairsPending is how many keys wait before a merge: enough that a text of
// ordinary length is counted with a single sort.
const pairsPending = 1 << 16

func (pc *pairCounts) merge() {
	if len(pc.pending) == 0 {
		return
	}
	slices.Sort(pc.pending)
	out := make([]pairRun, 0, len(pc.runs)+len(pc.pending)/2)
	a, p := pc.runs, pc.pending
	for len(a) > 0 || len(p) > 0 {
		if len(p) == 0 || len(a) > 0 && a[0].key < p[0] {
			out = append(out, a[0])
			a = a[1:]
			continue
		}
		r := pairRun{key: p[0]}
		for len(p) > 0 && p[0] == r.key {
			r.n++
			p = p[1:]
		}
		if len(a) > 0 && a[0].key == r.key {
			r.n += a[0].n
			a = a[1:]
		}
		out = append(out, r)
	}
	pc.runs, pc.pending = out, pc.pending[:0]
}

// learnScratch holds the arrays of learn between beads, as rekeyScratch
// those of rekey: made anew for each bead, the table of pairs alone was
// 8.7 MB of the 5,000-pair document's allocation. The table is kept up
// to its largest size (maxDensePairCounts, 1 MB).
type learnScratch struct {
	cx, cy, sx, sy []int32
	dense          []int32
	best           [][]learnCand
	learned        [][]int32 // v.learned, which reset lets go
}

// learnCand is an English partner of a Chinese type and its Dice
// coefficient.
type learnCand struct {
	y    int32
	dice float64
}

// learn sets v.learned from the beads of path and reports whether it found
// any pair.
func (v *docVocab) learn(zf, ef []sentFeat, path []Cell) bool {
	nx, ny := len(v.zhTypes), len(v.enTypes)
	sc := &v.learnScratch
	cx, cy := scratch(&sc.cx, nx), scratch(&sc.cy, ny)
	sx, sy := scratch(&sc.sx, nx), scratch(&sc.sy, ny)
	for k := range sx {
		sx[k] = -1
	}
	for k := range sy {
		sy[k] = -1
	}
	// Every (Chinese type, English type) met in a bead, once per bead,
	// counted in a table of every pair when the text has few types (a
	// paragraph bead's sentences: a few hundred a side), else by sorting
	// (pairCounts). Either is a fraction of a map's hashing and growth.
	// The candidates below come out in an order of their own, which the
	// ranking makes irrelevant (it is a total order).
	var pc pairCounts
	var dense []int32
	if nx*ny <= maxDensePairCounts {
		dense = scratchKept(&sc.dense, nx*ny, maxDensePairCounts)
	}
	var xs, ys []int32
	for ci, c := range path {
		if c.Type.Zh == 0 || c.Type.En == 0 {
			continue
		}
		xs = beadTypes(xs[:0], zf[c.I:c.I+c.Type.Zh], sx, cx, int32(ci))
		ys = beadTypes(ys[:0], ef[c.J:c.J+c.Type.En], sy, cy, int32(ci))
		if dense != nil {
			for _, x := range xs {
				row := dense[int(x)*ny : int(x+1)*ny]
				for _, y := range ys {
					row[y]++
				}
			}
			continue
		}
		pc.pending = slices.Grow(pc.pending, len(xs)*len(ys))
		for _, x := range xs {
			for _, y := range ys {
				pc.pending = append(pc.pending, uint64(x)<<32|uint64(y))
			}
		}
		if len(pc.pending) > pairsPending && len(pc.pending) > 2*len(pc.runs) {
			pc.merge()
		}
	}
	if dense != nil {
		for k, n := range dense {
			if n >= learnMinCount {
				pc.runs = append(pc.runs, pairRun{key: uint64(k/ny)<<32 | uint64(k%ny), n: n})
			}
		}
	} else {
		pc.merge()
	}
	best := scratch(&sc.best, nx)
	found := false
	for _, run := range pc.runs {
		k, n := run.key, run.n
		if n < learnMinCount {
			continue
		}
		x, y := int32(k>>32), int32(uint32(k))
		d := 2 * float64(n) / float64(cx[x]+cy[y])
		if d < learnMinDice {
			continue
		}
		b := append(best[x], learnCand{y, d})
		// keep the best few, ties broken by type id for determinism
		for a := len(b) - 1; a > 0 && (b[a].dice > b[a-1].dice || b[a].dice == b[a-1].dice && b[a].y < b[a-1].y); a-- {
			b[a], b[a-1] = b[a-1], b[a]
		}
		if len(b) > learnMaxPer {
			b = b[:learnMaxPer]
		}
		best[x] = b
		found = true
	}
	v.learned = scratch(&sc.learned, nx)
	for x, b := range best {
		for _, c := range b {
			v.learned[x] = append(v.learned[x], c.y)
		}
	}
	return found
}

// sentLengthFlags returns the length the sentence aligner compares: Length, but
// without the digits in a sentence that is mostly figures (half of its
// characters or more digits). Figures are about as long in both languages,
// so scaling them by the ratio of words makes a list of amounts look far
// too long or short for its counterpart; equal numbers are evidence of
// their own (anchors). In other sentences the digits stay counted: at a
// third, the gold sets' scores moved (Champollion F1 0.952 → 0.950), at
// half they do not.
//
// It also returns the flags of the sentence: question and exclamation
// marks, quotation marks. Both are asked of every sentence of a document,
// in one pass, and it looks at bytes where it can: ASCII, and the Han
// characters of U+4000 to U+9FFF (lead bytes E4 to E9), which are neither
// white space, a digit nor a flag mark, are passed over without decoding
// them (TestSentLengthFlagsIsByRunes).
func sentLengthFlags(s string) (int, uint8) {
	n, digits := 0, 0
	var f uint8
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// English: eight ASCII bytes at once where none of them
			// is a mark of a flag; every byte but white space counts
			// (TestSentLengthFlags8).
			if w := lang.Load8(s[i:]); w&0x8080808080808080 == 0 && !flagMark8(w) {
				n += 8 - lang.ASCIISpaces(w)
				digits += bits.OnesCount64(lang.ASCIIDigits(w))
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case lang.IsSpace(rune(c)):
			case '0' <= c && c <= '9':
				digits++
				n++
			default:
				n++
				switch c {
				case '?':
					f |= flagQuestion
				case '!':
					f |= flagExclaim
				case '"':
					f |= flagQuote
				case '\'':
					if quoteMarkAt(s, i, '\'') {
						f |= flagQuote
					}
				}
			}
			i++
			continue
		}
		if 0xe4 <= c && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			n++
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case lang.IsSpace(r):
		case unicode.IsDigit(r):
			digits++
			n++
		default:
			n++
			switch r {
			case '？':
				f |= flagQuestion
			case '！':
				f |= flagExclaim
			case '“', '”', '「', '」', '『', '』':
				f |= flagQuote
			case '‘', '’':
				if quoteMarkAt(s, i, r) {
					f |= flagQuote
				}
			}
		}
		i += size
	}
	if digits*2 >= n {
		return n - digits, f
	}
	return n, f
}

// flagMark8 reports whether one of the eight bytes of w is a mark that
// may set a flag: ? ! " or '.
func flagMark8(w uint64) bool {
	const ones = 0x0101010101010101
	return lang.HasZeroByte(w^'?'*ones)|lang.HasZeroByte(w^'!'*ones)|lang.HasZeroByte(w^'"'*ones)|lang.HasZeroByte(w^'\''*ones) != 0
}
