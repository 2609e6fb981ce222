package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DiffOp is one run of a word-level diff: Op is -1 for text only in the old
// version, 0 for text in both, 1 for text only in the new one.
type DiffOp struct {
	Op   int
	Text string
}

// Tokens cuts text into the units a reader compares: a run of letters or
// digits (a word), a run of white space, each Han (or other CJK) character,
// and each other character on its own. Chinese has no spaces, so it is
// diffed character by character; English word by word.
func Tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case isCJK(r):
		case isWordRune(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) || isCJK(r2) {
					// An apostrophe or hyphen inside a word keeps it whole.
					if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < len(s) {
						r3, _ := utf8.DecodeRuneInString(s[j+n2:])
						if isWordRune(r3) && !isCJK(r3) {
							j += n2
							continue
						}
					}
					break
				}
				j += n2
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// tokenRune numbers token k as a rune that survives go-diff's conversions to
// string and back: it skips the surrogate range, which would turn into
// U+FFFD.
func tokenRune(k int) rune {
	r := rune(k + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// diffTokens diffs two token lists and returns runs of whole tokens.
func diffTokens(a, b []string) []DiffOp {
	var ops []DiffOp
	i, j := 0, 0
	for _, run := range diffSeq(a, b) {
		var sb strings.Builder
		for k := 0; k < run.N; k++ {
			switch {
			case run.Op < 0:
				sb.WriteString(a[i])
				i++
			case run.Op > 0:
				sb.WriteString(b[j])
				j++
			default:
				sb.WriteString(b[j])
				i, j = i+1, j+1
			}
		}
		ops = append(ops, DiffOp{Op: run.Op, Text: sb.String()})
	}
	return tidyDiff(ops)
}

// WordDiff diffs two texts of one language token by token (see Tokens).
func WordDiff(old, new string) []DiffOp { return diffTokens(Tokens(old), Tokens(new)) }

// tidyDiff makes a diff easier to read: white space left equal between two
// changes is folded into them, so "a b c" →
// "x y z" reads as one replacement instead of three, and runs of the same
// kind are merged, deletions before insertions.
func tidyDiff(ops []DiffOp) []DiffOp {
	trivial := func(s string) bool {
		n := 0
		for _, r := range s {
			if !unicode.IsSpace(r) {
				n++
			}
		}
		return n == 0
	}
	for changed := true; changed; {
		changed = false
		var out []DiffOp
		for i := 0; i < len(ops); i++ {
			o := ops[i]
			if o.Op == 0 && i > 0 && i+1 < len(ops) && ops[i-1].Op != 0 && ops[i+1].Op != 0 && trivial(o.Text) {
				out = append(out, DiffOp{-1, o.Text}, DiffOp{1, o.Text})
				changed = true
				continue
			}
			out = append(out, o)
		}
		ops = mergeRuns(out)
	}
	return ops
}

// mergeRuns merges neighbouring runs: between two equal runs, all deleted
// text comes first, then all inserted text.
func mergeRuns(ops []DiffOp) []DiffOp {
	var out []DiffOp
	for i := 0; i < len(ops); {
		if ops[i].Op == 0 {
			if ops[i].Text != "" {
				if len(out) > 0 && out[len(out)-1].Op == 0 {
					out[len(out)-1].Text += ops[i].Text
				} else {
					out = append(out, ops[i])
				}
			}
			i++
			continue
		}
		var del, ins string
		for ; i < len(ops) && ops[i].Op != 0; i++ {
			if ops[i].Op < 0 {
				del += ops[i].Text
			} else {
				ins += ops[i].Text
			}
		}
		if del != "" {
			out = append(out, DiffOp{-1, del})
		}
		if ins != "" {
			out = append(out, DiffOp{1, ins})
		}
	}
	return out
}
