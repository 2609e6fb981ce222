package checks

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/aligncheck/aligncheck/align"
)

// Term is one Chinese term of a document with its English renderings, as
// the consistency check learns them: a draft glossary entry.
type Term struct {
	Zh         string // as the document first writes it
	Source     string // how it was learnt: "quoted", "name" or "links"
	Renderings []Rendering
}

// Rendering is one English rendering of a term and where it is used.
type Rendering struct {
	En     string // the longest form of the rendering, as written
	Places []TermPlace
}

// TermPlace is one place of a term: the Chinese term and its English, in
// paragraph bead Bead.
type TermPlace struct {
	Zh, En align.Span
	Bead   int
}

// Count is the number of places of the term.
func (t *Term) Count() int {
	n := 0
	for _, r := range t.Renderings {
		n += len(r.Places)
	}
	return n
}

// Terms returns the bilingual term table of an aligned document: every
// term the consistency check learns (quoted terms and titles, names,
// unquoted terms from the word links) seen in two places or more, each
// with its renderings, most used first. Terms come most used first, then
// in the order of the Chinese.
func Terms(doc *align.Document, al *align.Alignment) []Term {
	p := &Pass{Check: Consistency, Doc: doc, Align: al, Settings: DefaultSettings()}
	pools := learnTerms(p)
	var out []Term
	seen := map[string]bool{} // a term quoted and also a name is listed once
	for i, pool := range pools {
		source := [...]string{"quoted", "name", "links"}[i]
		byZh := map[string][]termObs{}
		var order []string
		for _, o := range pool {
			if _, ok := byZh[o.zh]; !ok {
				order = append(order, o.zh)
			}
			byZh[o.zh] = append(byZh[o.zh], o)
		}
		for _, z := range order {
			obs := byZh[z]
			if len(obs) < 2 || seen[z] {
				continue
			}
			seen[z] = true
			t := Term{Zh: obs[0].zhText(), Source: source}
			for _, g := range renderingGroups(obs) {
				r := Rendering{En: g.en}
				for _, o := range g.items {
					r.Places = append(r.Places, TermPlace{Zh: *o.zhSpan(), En: *o.enSpan(), Bead: o.v.Index})
				}
				t.Renderings = append(t.Renderings, r)
			}
			if len(t.Renderings) == 0 {
				continue
			}
			sort.SliceStable(t.Renderings, func(a, b int) bool {
				return len(t.Renderings[a].Places) > len(t.Renderings[b].Places)
			})
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Count() > out[b].Count() })
	return out
}

// WriteTermsTSV writes a term table as a glossary (checks/glossary reads
// it back with --glossary): a header, then per term the Chinese, its
// renderings separated by "|", most used first, and a note with the
// count and the English places of each (line:column), for the editor
// who corrects it. Every rendering is allowed: delete the ones not
// wanted, and the terminology check enforces the rest.
func WriteTermsTSV(w io.Writer, name string, terms []Term) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Terms of %s, learnt by aligncheck (consistency): edit, then use with --glossary\n", cell(name))
	b.WriteString("zh\ten\tnote\n")
	for _, t := range terms {
		var ens, notes []string
		for _, r := range t.Renderings {
			ens = append(ens, strings.NewReplacer("|", "/", `"`, "").Replace(cell(r.En)))
			var at []string
			for _, pl := range r.Places {
				at = append(at, fmt.Sprintf("%d:%d", pl.En.Line, pl.En.Column))
			}
			notes = append(notes, fmt.Sprintf("%q %d× at %s", cell(r.En), len(r.Places), strings.Join(at, " ")))
		}
		fmt.Fprintf(&b, "%s\t%s\t%s: %s\n", cell(t.Zh), strings.Join(ens, "|"), t.Source, strings.Join(notes, "; "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell makes text one TSV cell: no tabs, no line breaks.
func cell(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// WriteTermsJSON writes the term table as JSON: an array of terms, each
// with its renderings, their counts and places (both sides' locations).
func WriteTermsJSON(w io.Writer, terms []Term) error {
	type place struct {
		Zh align.Span `json:"zh"`
		En align.Span `json:"en"`
	}
	type rendering struct {
		En     string  `json:"en"`
		Count  int     `json:"count"`
		Places []place `json:"places"`
	}
	type term struct {
		Zh         string      `json:"zh"`
		Source     string      `json:"source"`
		Renderings []rendering `json:"renderings"`
	}
	out := []term{}
	for _, t := range terms {
		jt := term{Zh: t.Zh, Source: t.Source}
		for _, r := range t.Renderings {
			jr := rendering{En: r.En, Count: len(r.Places)}
			for _, pl := range r.Places {
				jr.Places = append(jr.Places, place{pl.Zh, pl.En})
			}
			jt.Renderings = append(jt.Renderings, jr)
		}
		out = append(out, jt)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
