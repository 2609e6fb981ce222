package words

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

// Kind says what a token is.
type Kind uint8

const (
	// Content is a word that carries meaning of its own: a noun, verb,
	// adjective, adverb, a number, a name, a Latin-script word in Chinese.
	Content Kind = iota
	// Function is a function word (的, 了, 我们, the, of, 's).
	Function
	// Punct is punctuation or a symbol (，。“” , . % —).
	Punct
)

func (k Kind) String() string {
	switch k {
	case Content:
		return "content"
	case Function:
		return "function"
	default:
		return "punct"
	}
}

// Token is a word or a punctuation mark of one side of a sentence bead.
// It is 8 bytes: a document of 50,000 paragraph pairs holds some five
// million tokens, all kept while the checks run. What its text, Key and
// Glosses are, and where it stands, is asked of its pair (Pair.Text,
// Pair.Key, Pair.Glosses, Pair.Place, Pair.Len), which knows the word
// types and the blocks' text of the pairs aligned together, as a
// token.FileSet knows the files of a token.Pos.
type Token struct {
	// tk is the token's spelling (an index into its vocab's spells: its
	// type and its length in bytes) shifted left by two, and its Kind.
	// (A token's length is its spelling's rather than its own, 4 bytes
	// a token: the tokens of a type are written in a few lengths.)
	tk uint32
	// start is the token's byte offset in the text of its language's
	// blocks read one after another: block b's text begins at
	// vocab.blocks[lang].base[b]. (The block is not kept, 4 bytes a token: it is
	// the block whose text holds start, found by a binary search where a
	// reader asks for it. fits refuses a language's text of 4 GiB or
	// more.)
	start uint32
}

// fits panics unless a text of n bytes, or n blocks, can be indexed by
// a token's uint32 offsets.
func fits(n int) {
	if uint64(n) > math.MaxUint32 {
		panic(fmt.Sprintf("words: a text of %d bytes or %[1]d blocks: more than a token's offsets hold", n))
	}
}

// maxSpells bounds the spellings of the word types of the pairs aligned
// together: a spelling's id takes the 30 bits of Token.tk above its Kind.
const maxSpells = 1 << 30

// Kind says whether the token is a content word, a function word or
// punctuation.
func (t Token) Kind() Kind { return Kind(t.tk & 3) }

func (t Token) spell() uint32 { return t.tk >> 2 }

// Spelling returns the id of token t's spelling: the tokens of one word
// type written with one length share it, and with it their Key, Glosses,
// Gloss and Len. The ids of the tokens of a Doc run from 0 to
// Doc.Spellings()-1. A reader that asks the same of many tokens (is this
// a gloss of a term?) can work out the answer once a spelling, in a table
// it indexes by the id, rather than read the token's type at every
// token.
func (t Token) Spelling() int { return int(t.spell()) }

// spelling is what the tokens of one type and one length share.
type spelling struct {
	ty int32  // the type
	n  uint32 // the length in bytes
	// gloss is the type's only gloss plus one, 0 when it has none or
	// several: what the checks ask of most tokens, one read from the
	// token's spelling rather than through its type to its glosses (4
	// bytes a spelling, and a type has one or two).
	gloss uint32
}

// tokType is a word type of one language: what its tokens share.
type tokType struct {
	key     string
	glosses []uint32 // nil when none
	kind    Kind     // the kind of the first token met with the key
	lang    align.Lang
	// spell is the id of the type's first spelling (that of the first
	// token met with the key) plus one; 0 while there is none.
	spell uint32
}

// vocab is what the tokens of the pairs aligned together share: their
// word types, one table for both languages (a type's kind and glosses are
// worked out when it is first met), and the text of their blocks.
type vocab struct {
	lex   *lexicon.Lexicon
	types []tokType
	// zh and en find a type by its key while tokenizing; nil after.
	zh, en map[string]int32
	// enWords finds, while tokenizing, the type and kind of an English
	// word by its spelling (nil after): most words recur, and their key,
	// a stem, costs more to work out again than to look up.
	enWords map[string]enWord
	// hanRuns finds, while tokenizing, the words of a run of Han
	// characters met before (nil after), at most maxHanRuns runs: a
	// document's clauses and set phrases recur, and matching a run's
	// words over the lexicon, prefix by prefix, and looking up their
	// types costs more than looking up the run. (In the documents of
	// ../shared/data a run in four recurs; in the generated documents
	// thirteen in fourteen.) The words are cut from runWords.
	hanRuns  map[string][]hanWord
	runWords slab[hanWord]
	// spells are the spellings of the types, the tokens' spelling ids
	// index it; other finds, while tokenizing, a spelling that is not
	// its type's first by type<<32 | length.
	spells []spelling
	other  map[uint64]uint32
	// block returns the text of a block of one language.
	block func(l align.Lang, block int) string
	// blocks[l] finds the blocks of language l in the text of its blocks
	// read one after another (the offsets of a Token).
	blocks [2]blocks
}

// blocks are where the blocks of one language begin, and a table that
// finds the block of an offset near it.
type blocks struct {
	// base[b] is the offset of block b in the text of the language's
	// blocks read one after another; base[n], for n blocks, is the
	// length of that text.
	base []uint32
	// near[k] is the block whose text holds offset k<<shift (the last of
	// those that begin there): the block of an offset is looked for
	// between those of the two offsets around it, one block or two when
	// the blocks are about 1<<shift bytes long, rather than among all (a
	// binary search over 50,000 blocks was a tenth of the words' and the
	// checks' reading of a token's place).
	near  []uint32
	shift uint
}

// newVocab makes the vocabulary of pairs whose blocks are the nZh and nEn
// texts block gives.
func newVocab(lex *lexicon.Lexicon, nZh, nEn int, block func(align.Lang, int) string) *vocab {
	v := &vocab{lex: lex, zh: map[string]int32{}, en: map[string]int32{}, enWords: map[string]enWord{}, hanRuns: map[string][]hanWord{}, other: map[uint64]uint32{}, block: block}
	for l, n := range [2]int{nZh, nEn} {
		base := make([]uint32, n+1)
		at := 0
		for b := range n {
			base[b] = uint32(at)
			at += len(block(align.Lang(l), b))
			fits(at)
		}
		base[n] = uint32(at)
		v.blocks[l].base = base
		v.blocks[l].near, v.blocks[l].shift = nearBlocks(base)
	}
	return v
}

// nearBlocks makes blocks.near and blocks.shift of a language whose blocks
// begin at base (and base[len(base)-1] is the length of their text):
// about one entry a block.
func nearBlocks(base []uint32) ([]uint32, uint) {
	n, size := len(base)-1, base[len(base)-1]
	shift := uint(0)
	// (size < 1<<32: with n ≥ 1 the loop stops by shift 31.)
	for n > 0 && size>>shift > uint32(n) {
		shift++
	}
	near := make([]uint32, size>>shift+2)
	b := 0
	for k := range near {
		off := uint64(k) << shift
		for b+1 < n && uint64(base[b+1]) <= off {
			b++
		}
		near[k] = uint32(b)
	}
	return near, shift
}

// at returns the block whose text holds offset off (off less than the
// length of the language's text), and the offset at which the block's
// text begins (base[block]). It is small enough for the compiler to
// inline in place, which the checks call a million times in the
// generated document of 5,000 pairs: as a method of vocab taking the
// language, with a call for its binary search, it was a call of its own
// and read the language's three fields from arrays of two, each
// checked (some twenty instructions a token more).
func (bs *blocks) at(off uint32) (block, begin uint32) {
	// (nearBlocks leaves shift at most 31: the mask spares the shift
	// its test for a count of 32 or more.)
	k, base := off>>(bs.shift&31), bs.base
	lo, hi := bs.near[k], bs.near[k+1]
	// The last block that begins at or before off, among those from the
	// block of k<<shift to that of (k+1)<<shift: a block without text
	// begins where the next does, and holds no token. There are one or
	// two, but for short or empty blocks: a step or two from lo costs
	// less than a binary search, and stays within a few steps. More than
	// nearSteps apart, the two are brought closer by halving first (the
	// block looked for stays between them: it begins at or before off,
	// and the block after it after). The steps need not test hi: the
	// block after hi begins after off (after (k+1)<<shift, or it is
	// base[n], the length of the text), and a hi that halving has set
	// begins after off itself.
	for hi-lo > nearSteps {
		if mid := lo + (hi-lo)/2; base[mid] > off {
			hi = mid
		} else {
			lo = mid
		}
	}
	for base[lo+1] <= off {
		lo++
	}
	return lo, base[lo]
}

// nearSteps is the most blocks at steps over before it searches
// instead.
const nearSteps = 8

// offset is the offset of block b of language l in the text of the
// language's blocks read one after another: what a token's offsets in
// the block are moved by.
func (v *vocab) offset(l align.Lang, b int) int { return int(v.blocks[l].base[b]) }

// place returns the language of token t, the block that holds it, and
// its offsets in the block's text.
func (v *vocab) place(t Token) (l align.Lang, block, start, end int) {
	sp := v.spells[t.spell()]
	l = v.types[sp.ty].lang
	b, at := v.blocks[l].at(t.start)
	start = int(t.start - at)
	return l, int(b), start, start + int(sp.n)
}

// ty is the type of token t.
func (v *vocab) ty(t Token) int32 { return v.spells[t.spell()].ty }

// len is the length of token t in bytes.
func (v *vocab) len(t Token) int { return int(v.spells[t.spell()].n) }

// token makes a token of type ty and kind at offsets [start, end) of its
// language's text (see Token).
func (v *vocab) token(ty int32, kind Kind, start, end int) Token {
	n := uint32(end - start)
	t := &v.types[ty]
	var sp uint32
	switch {
	case t.spell == 0:
		sp = v.addSpelling(ty, n)
		t.spell = sp + 1
	case v.spells[t.spell-1].n == n:
		sp = t.spell - 1
	default:
		k := uint64(ty)<<32 | uint64(n)
		var ok bool
		if sp, ok = v.other[k]; !ok {
			sp = v.addSpelling(ty, n)
			v.other[k] = sp
		}
	}
	return Token{tk: sp<<2 | uint32(kind), start: uint32(start)}
}

// addSpelling appends a spelling of type ty, n bytes long, and returns
// its id.
func (v *vocab) addSpelling(ty int32, n uint32) uint32 {
	if len(v.spells) >= maxSpells {
		panic("words: more than 2^30 word spellings")
	}
	sp := spelling{ty: ty, n: n}
	if gl := v.types[ty].glosses; len(gl) == 1 {
		sp.gloss = gl[0] + 1 // a lexicon holds fewer than 2^32-1 words
	}
	v.spells = append(v.spells, sp)
	return uint32(len(v.spells) - 1)
}

// done drops the tables tokenizing needs and nothing after it.
func (v *vocab) done() {
	v.zh, v.en, v.enWords, v.other = nil, nil, nil, nil
	v.hanRuns, v.runWords = nil, slab[hanWord]{}
	v.types = slices.Clip(v.types)
	v.spells = slices.Clip(v.spells)
}

// Key is the type the model learns on: a Chinese word in simplified
// characters; an English content word as lang.Keyword gives it (stemmed,
// or an acronym's letters); a function word "_" and its lower-case form;
// punctuation its class ("," for ，、 and ,; `"` for every quotation mark).
// Two tokens of one side with the same Key are the same word to the model.
func (v *vocab) key(t Token) string { return v.types[v.ty(t)].key }

// glosses: see Pair.Glosses.
func (v *vocab) glosses(t Token) []uint32 { return v.types[v.ty(t)].glosses }

// gloss: see Pair.Gloss.
func (v *vocab) gloss(t Token) (uint32, bool) {
	g := v.spells[t.spell()].gloss
	return g - 1, g != 0
}

// text is the token as written.
func (v *vocab) text(t Token) string {
	l, b, start, end := v.place(t)
	return v.block(l, b)[start:end]
}

// add appends a type and returns its id.
func (v *vocab) add(ty tokType) int32 {
	if len(v.types) >= maxSpells {
		panic("words: more than 2^30 word types")
	}
	v.types = append(v.types, ty)
	return int32(len(v.types) - 1)
}

// zhType returns the Chinese type of key and its kind: for a word of Han
// characters the lexicon's (zhLexical), else kind, the kind of the first
// token met with the key (which the key decides: a word's keyword, "_"
// and a function word, a punctuation class).
func (v *vocab) zhType(key string, kind Kind) (int32, Kind) {
	if id, ok := v.zh[key]; ok {
		return id, v.types[id].kind
	}
	ty := tokType{key: key, kind: kind, lang: align.Zh}
	if r, _ := utf8.DecodeRuneInString(key); lang.IsHan(r) {
		ty.kind, ty.glosses = zhLexical(v.lex, key)
	}
	id := v.add(ty)
	v.zh[key] = id
	return id, ty.kind
}

// enType returns the English type of key; kind is that of the first token
// met with the key, which the key decides.
func (v *vocab) enType(key string, kind Kind) int32 {
	if id, ok := v.en[key]; ok {
		return id
	}
	ty := tokType{key: key, kind: kind, lang: align.En}
	if kind == Content {
		if g, ok := v.lex.WordID(key); ok {
			ty.glosses = []uint32{g}
		}
	}
	id := v.add(ty)
	v.en[key] = id
	return id
}

// maxWordRunes bounds the headwords the Chinese segmentation matches: longer
// CC-CEDICT entries are idioms and set phrases whose parts are better
// linked one by one.
const maxWordRunes = 6

// zhTokens cuts Chinese text into tokens by forward maximum match over the
// lexicon's headwords (at most maxWordRunes characters); a character no
// headword starts with is a token alone. Runs of letters or digits
// (3.5, 1,000, COVID) are one token; each punctuation mark is one (a run
// of the same mark, …… or ——, is one). Offsets are text's plus off.
func zhTokens(v *vocab, text string, off int, toks []Token) []Token {
	lex := v.lex
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case lang.IsHan(r):
			j := i + n
			for j < len(text) {
				r2, m := utf8.DecodeRuneInString(text[j:])
				if !lang.IsHan(r2) {
					break
				}
				j += m
			}
			if words, ok := v.hanRuns[text[i:j]]; ok {
				for _, w := range words {
					toks = append(toks, v.token(w.ty, w.kind, off+i+int(w.start), off+i+int(w.end)))
				}
				i = j
				break
			}
			// Traditional characters are matched, and keyed, in their
			// simplified form: a document in either script gets the same
			// words and links.
			run, back := text[i:j], []int(nil)
			if simp := lang.Simplify(run); simp != run {
				run, back = lang.SimplifyMap(run)
			}
			first := len(toks)
			for a := 0; a < len(run); {
				k := lex.LongestPrefix(run[a:], maxWordRunes)
				if k == 0 {
					_, k = utf8.DecodeRuneInString(run[a:])
				}
				s, e := a, a+k
				if back != nil {
					s, e = back[a], back[a+k]
				}
				ty, kind := v.zhType(run[a:a+k], Content)
				toks = append(toks, v.token(ty, kind, off+i+s, off+i+e))
				a += k
			}
			if len(v.hanRuns) < maxHanRuns {
				words := v.runWords.make(len(toks) - first)
				for k, t := range toks[first:] {
					start := int(t.start) - off - i
					words[k] = hanWord{ty: v.ty(t), kind: t.Kind(), start: uint32(start), end: uint32(start + v.len(t))}
				}
				v.hanRuns[text[i:j]] = words
			}
			i = j
		case isWordRune(r):
			j := scanWord(text, i)
			ty, kind := v.zhType(enKey(text[i:j]))
			toks = append(toks, v.token(ty, kind, off+i, off+j))
			i = j
		case isSpace(r):
			i += n
		default:
			j := sameRun(text, i, r, n)
			ty, kind := v.zhType(runClass(r, j-i), Punct)
			toks = append(toks, v.token(ty, kind, off+i, off+j))
			i = j
		}
	}
	return toks
}

// hanWord is a word of a run of Han characters (vocab.hanRuns): its type
// and kind, and its offsets in the run.
type hanWord struct {
	ty         int32
	kind       Kind
	start, end uint32
}

// maxHanRuns bounds the runs of Han characters vocab.hanRuns holds (some
// 3 MB at most, with their words), so that a long document whose runs
// seldom recur does not keep one entry a run while it is tokenized. A
// variable only so that a test can tokenize without it.
var maxHanRuns = 1 << 15

// zhLexical gives the kind and the glosses of a Chinese word.
func zhLexical(lex *lexicon.Lexicon, w string) (Kind, []uint32) {
	own := lex.Glosses(w)
	known := own != nil
	gl := slices.Clone(own)
	if utf8.RuneCountInString(w) >= 3 {
		// CC-CEDICT often glosses a compound by its sense alone (动态清零:
		// "zero-COVID"); the translation may render its parts.
		for i := range w {
			for j := i; j < len(w); {
				_, m := utf8.DecodeRuneInString(w[j:])
				j += m
				if j-i == len(w) || utf8.RuneCountInString(w[i:j]) < 2 {
					continue
				}
				gl = append(gl, lex.Glosses(w[i:j])...)
			}
		}
	}
	if len(gl) > 0 {
		slices.Sort(gl)
		gl = slices.Compact(gl)
	} else {
		gl = nil
	}
	switch {
	case lexicon.IsFunctionWord(w):
		return Function, gl
	case known && len(gl) == 0:
		// Known, but every gloss is a function word (我们, 不).
		return Function, gl
	}
	return Content, gl
}

// enTokens cuts English text into tokens: lang.EnTokens' words, the
// possessive 's it drops, and each punctuation mark (a run of the same
// mark, ... or --, is one). Offsets are text's plus off.
func enTokens(v *vocab, text string, off int, toks []Token) []Token {
	gap := func(from, to int) {
		for i := from; i < to; {
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case isSpace(r):
				i += n
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				// What lang.EnTokens leaves between words: the s of a
				// possessive 's, which joins its apostrophe.
				j := i + n
				for j < to {
					r2, m := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += m
				}
				toks = append(toks, v.token(v.enType("_"+strings.ToLower(text[i:j]), Function), Function, off+i, off+j))
				i = j
			case isApostrophe(r) && i+n < to && (text[i+n] == 's' || text[i+n] == 'S'):
				j := i + n + 1
				toks = append(toks, v.token(v.enType("_'s", Function), Function, off+i, off+j))
				i = j
			default:
				j := min(sameRun(text, i, r, n), to)
				toks = append(toks, v.token(v.enType(runClass(r, j-i), Punct), Punct, off+i, off+j))
				i = j
			}
		}
	}
	prev := 0
	for _, w := range lang.EnTokens(text) {
		gap(prev, w.Start)
		written := text[w.Start:w.End]
		word, ok := v.enWords[written]
		if !ok {
			key, kind := enKey(written)
			word = enWord{v.enType(key, kind), kind}
			v.enWords[written] = word
		}
		toks = append(toks, v.token(word.ty, word.kind, off+w.Start, off+w.End))
		prev = w.End
	}
	gap(prev, len(text))
	return toks
}

// enWord is the type and kind of an English word (vocab.enWords).
type enWord struct {
	ty   int32
	kind Kind
}

// enKey gives the Key and Kind of a word in Latin script or digits, in an
// English or a Chinese text alike, so that the same word has the same key
// on both sides.
func enKey(written string) (string, Kind) {
	if k, ok := lang.Keyword(written); ok {
		return k, Content
	}
	return "_" + strings.ToLower(written), Function
}

// runClass is the key of a run of one punctuation mark, bytes long: an
// ellipsis written as dots is one.
func runClass(r rune, bytes int) string {
	if r == '.' && bytes > 1 || r == '．' && bytes > 3 {
		return "…"
	}
	return punctClass(r)
}

// punctClass folds punctuation marks that translate each other, Chinese
// and English forms, to one key.
func punctClass(r rune) string {
	switch r {
	case '，', '、', ',', '﹐', '､':
		return ","
	case '。', '.', '．', '｡':
		return "."
	case '；', ';':
		return ";"
	case '：', ':':
		return ":"
	case '？', '?':
		return "?"
	case '！', '!':
		return "!"
	case '“', '”', '"', '‘', '’', '\'', '「', '」', '『', '』', '＂', '«', '»':
		return `"`
	case '（', '(', '[', '【', '［', '〔':
		return "("
	case '）', ')', ']', '】', '］', '〕':
		return ")"
	case '《', '〈':
		return "<"
	case '》', '〉':
		return ">"
	case '—', '–', '-', '－', '―', '‐':
		return "-"
	case '…', '⋯':
		return "…"
	case '％', '%':
		return "%"
	case '／', '/':
		return "/"
	}
	return string(r)
}

// sameRun returns the end of the run of rune r (n bytes) starting at i.
func sameRun(text string, i int, r rune, n int) int {
	j := i + n
	for j < len(text) {
		r2, m := utf8.DecodeRuneInString(text[j:])
		if r2 != r {
			break
		}
		j += m
	}
	return j
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isWordRune reports whether r belongs to a word that is not Han: a letter,
// a digit or a combining mark.
func isWordRune(r rune) bool {
	return !lang.IsHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// scanWord returns the end of the run of word runes starting at i; a '.' or
// ',' between two digits stays inside it (3.5, 1,000), as in lang's tokens.
func scanWord(text string, i int) int {
	prevDigit := false
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			prevDigit = unicode.IsDigit(r)
			i += n
			continue
		}
		if (r == '.' || r == ',') && prevDigit && i+n < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+n:])
			if unicode.IsDigit(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}
