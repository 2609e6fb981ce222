package eval

import (
	"fmt"

	"github.com/aligncheck/aligncheck/align/words"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WordSet is a gold set of word alignments: a directory with gold.zh and
// gold.en (one sentence a line, tokens separated by spaces) and gold.align
// (per line, links "i-j" from 0-based Chinese token i to English token j;
// "i-j-P" marks a possible link, the others are sure), as DeNero and
// Macherey's Chinese–English data gives them.
type WordSet struct {
	Dir   string
	Sents []WordSent
}

// WordSent is one gold sentence pair. ZhText and EnText hold it as plain
// text, for an aligner with its own tokens: the Chinese tokens joined
// without spaces (with one between two Latin-script or digit tokens), the
// English tokens joined with spaces except before 's and n't, with the
// Penn Treebank escapes (-LRB-, a quote of two apostrophes) turned back
// into the characters.
// ZhSpans and EnSpans are the byte spans of the gold tokens in those texts.
type WordSent struct {
	Zh, En           []string
	ZhText, EnText   string
	ZhSpans, EnSpans [][2]int
	Sure, Possible   map[WordLink]bool // Possible holds the sure links too
}

// WordLink is a link between Chinese token Zh and English token En.
type WordLink struct{ Zh, En int }

// ReadWordSet reads a word-alignment gold set.
func ReadWordSet(dir string) (*WordSet, error) {
	zh, err := ReadLines(filepath.Join(dir, "gold.zh"))
	if err != nil {
		return nil, fmt.Errorf("word set %s: %w", dir, err)
	}
	en, err := ReadLines(filepath.Join(dir, "gold.en"))
	if err != nil {
		return nil, fmt.Errorf("word set %s: %w", dir, err)
	}
	alignPath := filepath.Join(dir, "gold.align")
	al, err := ReadLines(alignPath)
	if err != nil {
		return nil, fmt.Errorf("word set %s: %w", dir, err)
	}
	if len(zh) != len(en) || len(zh) != len(al) {
		return nil, fmt.Errorf("word set %s: gold.zh has %d lines, gold.en %d, gold.align %d (want equal)", dir, len(zh), len(en), len(al))
	}
	s := &WordSet{Dir: dir}
	for k := range zh {
		ws := WordSent{Zh: strings.Fields(zh[k]), En: strings.Fields(en[k]),
			Sure: map[WordLink]bool{}, Possible: map[WordLink]bool{}}
		for _, f := range strings.Fields(al[k]) {
			parts := strings.Split(f, "-")
			possible := len(parts) == 3 && parts[2] == "P"
			if len(parts) != 2 && !possible {
				return nil, fmt.Errorf("%s:%d: bad link %q (want i-j or i-j-P)", alignPath, k+1, f)
			}
			i, err1 := strconv.Atoi(parts[0])
			j, err2 := strconv.Atoi(parts[1])
			if err1 != nil || err2 != nil || i < 0 || j < 0 || i >= len(ws.Zh) || j >= len(ws.En) {
				return nil, fmt.Errorf("%s:%d: bad link %q (%d Chinese and %d English tokens)", alignPath, k+1, f, len(ws.Zh), len(ws.En))
			}
			l := WordLink{i, j}
			ws.Possible[l] = true
			if !possible {
				ws.Sure[l] = true
			}
		}
		ws.ZhText, ws.ZhSpans = joinZh(ws.Zh)
		ws.EnText, ws.EnSpans = joinEn(ws.En)
		s.Sents = append(s.Sents, ws)
	}
	return s, nil
}

func joinZh(toks []string) (string, [][2]int) {
	var sb strings.Builder
	spans := make([][2]int, len(toks))
	for k, t := range toks {
		if k > 0 && latinEdge(toks[k-1], true) && latinEdge(t, false) {
			sb.WriteByte(' ')
		}
		spans[k] = [2]int{sb.Len(), sb.Len() + len(t)}
		sb.WriteString(t)
	}
	return sb.String(), spans
}

// latinEdge reports whether the last (or first) character of t is an ASCII
// letter or digit.
func latinEdge(t string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(t)
	} else {
		r, _ = utf8.DecodeRuneInString(t)
	}
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

var ptbEscapes = map[string]string{"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
	"-LCB-": "{", "-RCB-": "}", "``": `"`, "''": `"`}

func joinEn(toks []string) (string, [][2]int) {
	var sb strings.Builder
	spans := make([][2]int, len(toks))
	for k, t := range toks {
		if e, ok := ptbEscapes[t]; ok {
			t = e
		}
		if k > 0 && t != "'s" && t != "n't" {
			sb.WriteByte(' ')
		}
		spans[k] = [2]int{sb.Len(), sb.Len() + len(t)}
		sb.WriteString(t)
	}
	return sb.String(), spans
}

// MapLinks turns a system's links between its own tokens into links between
// the gold tokens: a system token stands for every gold token its bytes
// overlap. zh and en are the byte spans of the system's tokens in
// WordSent.ZhText and EnText.
func (ws *WordSent) MapLinks(zh, en [][2]int, links []WordLink) map[WordLink]bool {
	over := func(sys [2]int, gold [][2]int) []int {
		var out []int
		for k, g := range gold {
			if g[0] < sys[1] && sys[0] < g[1] {
				out = append(out, k)
			}
		}
		return out
	}
	out := map[WordLink]bool{}
	for _, l := range links {
		for _, i := range over(zh[l.Zh], ws.ZhSpans) {
			for _, j := range over(en[l.En], ws.EnSpans) {
				out[WordLink{i, j}] = true
			}
		}
	}
	return out
}

// WordScore holds pooled counts for the alignment error rate (Och & Ney
// 2003): with A the system's links, S the sure and P the sure plus possible
// gold links.
type WordScore struct {
	Sys, Sure          int // |A|, |S|
	SysSure, SysPossib int // |A∩S|, |A∩P|
}

// Add scores one sentence's links (in gold tokens) and adds the counts.
func (s *WordScore) Add(ws *WordSent, links map[WordLink]bool) {
	s.Sys += len(links)
	s.Sure += len(ws.Sure)
	for l := range links {
		if ws.Sure[l] {
			s.SysSure++
		}
		if ws.Possible[l] {
			s.SysPossib++
		}
	}
}

// Precision is |A∩P|/|A|.
func (s WordScore) Precision() float64 { return ratio(s.SysPossib, s.Sys) }

// Recall is |A∩S|/|S|.
func (s WordScore) Recall() float64 { return ratio(s.SysSure, s.Sure) }

// AER is 1 − (|A∩S| + |A∩P|)/(|A| + |S|).
func (s WordScore) AER() float64 {
	if s.Sys+s.Sure == 0 {
		return 0
	}
	return 1 - float64(s.SysSure+s.SysPossib)/float64(s.Sys+s.Sure)
}

// WordAlignment is a system's output for one sentence pair of a WordSet:
// the byte spans of its own tokens in ZhText and EnText, and its links
// between them, one list per link set scored (intersection, grow-diag-final …).
type WordAlignment struct {
	Zh, En [][2]int
	Links  [][]WordLink
}

// Score scores a system's output, one WordAlignment per sentence pair in
// order, and returns the pooled counts of each link set.
func (s *WordSet) Score(out []WordAlignment) ([]WordScore, error) {
	if len(out) != len(s.Sents) {
		return nil, fmt.Errorf("word set %s: %d alignments for %d sentence pairs", s.Dir, len(out), len(s.Sents))
	}
	var scores []WordScore
	for k, a := range out {
		for len(scores) < len(a.Links) {
			scores = append(scores, WordScore{})
		}
		for set, links := range a.Links {
			scores[set].Add(&s.Sents[k], s.Sents[k].MapLinks(a.Zh, a.En, links))
		}
	}
	return scores, nil
}

// FromPairs gives the tokens' spans and the intersection and
// grow-diag-final links of each word-aligned pair, for WordSet.Score.
func FromPairs(pairs []words.Pair) []WordAlignment {
	spans := func(p *words.Pair, toks []words.Token) [][2]int {
		s := make([][2]int, len(toks))
		for k, t := range toks {
			_, start, end := p.Place(t)
			s[k] = [2]int{start, end}
		}
		return s
	}
	links := func(ls []words.Link) []WordLink {
		o := make([]WordLink, len(ls))
		for k, l := range ls {
			o[k] = WordLink{Zh: int(l.Zh), En: int(l.En)}
		}
		return o
	}
	out := make([]WordAlignment, len(pairs))
	for k := range pairs {
		p := &pairs[k]
		out[k] = WordAlignment{Zh: spans(p, p.Zh), En: spans(p, p.En), Links: [][]WordLink{links(p.Inter()), links(p.GDF)}}
	}
	return out
}
