// Package beads writes what `aligncheck align` prints: the sentence beads
// of an alignment, and with --words the links between the words of each
// bead, in the gold syntax, as TSV or as JSON.
package beads

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/align"
)

// Sentence is one sentence bead, with sentence ids that count from 0 over
// each whole file (or, for presplit input, the 0-based line numbers).
type Sentence struct {
	Zh       []int   `json:"zh"`
	En       []int   `json:"en"`
	ZhText   string  `json:"zh_text"`
	EnText   string  `json:"en_text"`
	Score    float64 `json:"score"`
	Lex      float64 `json:"lex"`
	NullConf float64 `json:"null_conf,omitempty"`
}

// Formats are the formats Write knows.
var Formats = []string{"beads", "tsv", "json"}

// Lines cuts presplit text into its lines; a final newline does not make
// an empty last sentence, and a "\r" before "\n" is dropped.
func Lines(text string) []string {
	text = strings.TrimSuffix(text, "\n")
	lines := strings.Split(text, "\n")
	for k, l := range lines {
		lines[k] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// Presplit gives the beads of sentences aligned as given, one a line.
func Presplit(zh, en []string, bs []align.SentenceBead) []Sentence {
	out := make([]Sentence, 0, len(bs))
	for _, b := range bs {
		out = append(out, Sentence{
			Zh: nonNil(b.Zh), En: nonNil(b.En), ZhText: join(zh, b.Zh, ""), EnText: join(en, b.En, " "),
			Score: b.Score, Lex: b.Lex, NullConf: b.NullConf,
		})
	}
	return out
}

// Document flattens the sentence beads of an aligned document, with
// sentence ids counted over each whole file in reading order.
func Document(a *align.Alignment) []Sentence {
	first := func(blocks []*align.Block) []int {
		off := make([]int, len(blocks)+1)
		for k, b := range blocks {
			off[k+1] = off[k] + len(b.Sents)
		}
		return off
	}
	zOff, eOff := first(a.Doc.Zh), first(a.Doc.En)
	var out []Sentence
	for _, b := range a.Beads {
		for _, s := range b.Sents {
			o := Sentence{Zh: []int{}, En: []int{}, Score: s.Score, Lex: s.Lex, NullConf: s.NullConf}
			var zt, et []string
			for _, r := range s.Zh {
				o.Zh = append(o.Zh, zOff[r.Block]+r.Sent)
				zt = append(zt, a.Doc.Zh[r.Block].Sentence(r.Sent))
			}
			for _, r := range s.En {
				o.En = append(o.En, eOff[r.Block]+r.Sent)
				et = append(et, a.Doc.En[r.Block].Sentence(r.Sent))
			}
			o.ZhText, o.EnText = strings.Join(zt, ""), strings.Join(et, " ")
			out = append(out, o)
		}
	}
	return out
}

// Write prints beads as format: beads (the gold syntax, [0,1]:[0]), tsv
// or json.
func Write(w io.Writer, beads []Sentence, format string) error {
	if format == "json" {
		if beads == nil {
			beads = []Sentence{}
		}
		return writeJSON(w, beads)
	}
	bw := bufio.NewWriter(w)
	for _, b := range beads {
		switch format {
		case "beads":
			fmt.Fprintf(bw, "%s:%s\n", IDs(b.Zh), IDs(b.En))
		case "tsv":
			fmt.Fprintf(bw, "%s\t%s\t%.3f\t%s\t%s\n", IDs(b.Zh), IDs(b.En), b.Score, field(b.ZhText), field(b.EnText))
		}
	}
	return bw.Flush()
}

// IDs formats sentence ids as the gold syntax does: [0,1], [] for none.
func IDs(ids []int) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for k, id := range ids {
		if k > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(strconv.Itoa(id))
	}
	sb.WriteByte(']')
	return sb.String()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func nonNil(ids []int) []int {
	if ids == nil {
		return []int{}
	}
	return ids
}

func join(sents []string, ids []int, sep string) string {
	parts := make([]string, len(ids))
	for k, i := range ids {
		parts[k] = sents[i]
	}
	return strings.Join(parts, sep)
}

// field keeps a text on one TSV line.
func field(s string) string {
	return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
}
