package words

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
type Token struct {
	Text  string // as written
	Block int    // the block (index among the blocks of its language) that holds it
	// Start and End are byte offsets of the token in its block's Text.
	Start, End int
	Kind       Kind
	// ty is the token's type, shared by the tokens of one side of the
	// pairs aligned together that have its Key: 8 bytes a token where
	// the Key and a pointer to the glosses took 24 (a document of 50,000
	// paragraph pairs holds five million tokens).
	ty *tokType
}

// tokType is a word type of one language: what its tokens share.
type tokType struct {
	key     string
	glosses []uint32 // nil when none
	kind    Kind     // the kind of its tokens
}

// Key is the type the model learns on: a Chinese word in simplified
// characters; an English content word as lang.Keyword gives it (stemmed,
// or an acronym's letters); a function word "_" and its lower-case form;
// punctuation its class ("," for ，、 and ,; `"` for every quotation mark).
// Two tokens of one side with the same Key are the same word to the model.
func (t Token) Key() string {
	if t.ty == nil {
		return ""
	}
	return t.ty.key
}

// Glosses returns the lexicon word ids (lexicon.Lexicon.Word): for a Chinese
// word the stemmed English content words of its CC-CEDICT glosses and,
// for a word of three or more characters, of the headwords inside it
// (动态清零: zero, covid, dynamic, clear …); for an English word the id
// of its Key, if a gloss uses it. Sorted, without repeats; nil when
// none. A Chinese and an English token share an id when the lexicon
// says one may translate the other. Must not be modified.
func (t Token) Glosses() []uint32 {
	if t.ty == nil {
		return nil
	}
	return t.ty.glosses
}

// types interns the word types of the pairs aligned together, one table a
// language; a type's kind and glosses are worked out when it is first met.
type types struct {
	lex    *lexicon.Lexicon
	zh, en map[string]*tokType
}

func newTypes(lex *lexicon.Lexicon) *types {
	return &types{lex: lex, zh: map[string]*tokType{}, en: map[string]*tokType{}}
}

// zhType returns the Chinese type of key and its kind: for a word of Han
// characters the lexicon's (zhLexical), else kind, the kind of the first
// token met with the key (which the key decides: a word's keyword, "_"
// and a function word, a punctuation class).
func (ts *types) zhType(key string, kind Kind) (*tokType, Kind) {
	if ty, ok := ts.zh[key]; ok {
		return ty, ty.kind
	}
	ty := &tokType{key: key, kind: kind}
	if r, _ := utf8.DecodeRuneInString(key); lang.IsHan(r) {
		ty.kind, ty.glosses = zhLexical(ts.lex, key)
	}
	ts.zh[key] = ty
	return ty, ty.kind
}

// enType returns the English type of key; kind is that of the first token
// met with the key, which the key decides.
func (ts *types) enType(key string, kind Kind) *tokType {
	if ty, ok := ts.en[key]; ok {
		return ty
	}
	ty := &tokType{key: key, kind: kind}
	if kind == Content {
		if g, ok := ts.lex.WordID(key); ok {
			ty.glosses = []uint32{g}
		}
	}
	ts.en[key] = ty
	return ty
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
func zhTokens(ts *types, text string, block, off int, toks []Token) []Token {
	lex := ts.lex
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
			// Traditional characters are matched, and keyed, in their
			// simplified form: a document in either script gets the same
			// words and links.
			run, back := text[i:j], []int(nil)
			if simp := lang.Simplify(run); simp != run {
				run, back = lang.SimplifyMap(run)
			}
			for a := 0; a < len(run); {
				k := lex.LongestPrefix(run[a:], maxWordRunes)
				if k == 0 {
					_, k = utf8.DecodeRuneInString(run[a:])
				}
				s, e := a, a+k
				if back != nil {
					s, e = back[a], back[a+k]
				}
				ty, kind := ts.zhType(run[a:a+k], Content)
				toks = append(toks, Token{Text: text[i+s : i+e], Block: block, Start: off + i + s, End: off + i + e, Kind: kind, ty: ty})
				a += k
			}
			i = j
		case isWordRune(r):
			j := scanWord(text, i)
			w := text[i:j]
			t := Token{Text: w, Block: block, Start: off + i, End: off + j}
			key, kind := enKey(w)
			t.ty, t.Kind = ts.zhType(key, kind)
			toks = append(toks, t)
			i = j
		case isSpace(r):
			i += n
		default:
			j := sameRun(text, i, r, n)
			ty, kind := ts.zhType(runClass(r, j-i), Punct)
			toks = append(toks, Token{Text: text[i:j], Block: block, Start: off + i, End: off + j, Kind: kind, ty: ty})
			i = j
		}
	}
	return toks
}

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
func enTokens(ts *types, text string, block, off int, toks []Token) []Token {
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
				toks = append(toks, Token{Text: text[i:j], Block: block, Start: off + i, End: off + j, Kind: Function, ty: ts.enType("_"+strings.ToLower(text[i:j]), Function)})
				i = j
			case isApostrophe(r) && i+n < to && (text[i+n] == 's' || text[i+n] == 'S'):
				j := i + n + 1
				toks = append(toks, Token{Text: text[i:j], Block: block, Start: off + i, End: off + j, Kind: Function, ty: ts.enType("_'s", Function)})
				i = j
			default:
				j := min(sameRun(text, i, r, n), to)
				toks = append(toks, Token{Text: text[i:j], Block: block, Start: off + i, End: off + j, Kind: Punct, ty: ts.enType(runClass(r, j-i), Punct)})
				i = j
			}
		}
	}
	prev := 0
	for _, w := range lang.EnTokens(text) {
		gap(prev, w.Start)
		written := text[w.Start:w.End]
		t := Token{Text: written, Block: block, Start: off + w.Start, End: off + w.End}
		var key string
		key, t.Kind = enKey(written)
		t.ty = ts.enType(key, t.Kind)
		toks = append(toks, t)
		prev = w.End
	}
	gap(prev, len(text))
	return toks
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
