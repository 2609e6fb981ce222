// Package eval reads gold sentence alignments and scores an aligner's output
// against them with the strict bead metric of the published zh–en aligner
// tables: a system bead counts only when a gold bead has exactly the same
// sentences on both sides; counts are pooled over files; null beads
// ([i]:[] and []:[j]) count in precision and in recall alike.
package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Bead is one alignment bead: 0-based sentence ids of the left side (the
// gold's first list: the source) and of the right side. Either may be empty.
type Bead struct {
	Src, Tgt []int
}

// Null reports whether one side is empty.
func (b Bead) Null() bool { return len(b.Src) == 0 || len(b.Tgt) == 0 }

// String gives the gold syntax, "[0,1]:[0]", "[5]:[]".
func (b Bead) String() string {
	var sb strings.Builder
	writeIDs(&sb, b.Src)
	sb.WriteByte(':')
	writeIDs(&sb, b.Tgt)
	return sb.String()
}

// Swap exchanges the sides.
func (b Bead) Swap() Bead { return Bead{Src: b.Tgt, Tgt: b.Src} }

func writeIDs(sb *strings.Builder, ids []int) {
	sb.WriteByte('[')
	for k, id := range ids {
		if k > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(strconv.Itoa(id))
	}
	sb.WriteByte(']')
}

// key is a canonical form of a bead for exact comparison: ids sorted on each
// side, since beads compare as sets.
func (b Bead) key() string {
	s := Bead{Src: slices.Clone(b.Src), Tgt: slices.Clone(b.Tgt)}
	slices.Sort(s.Src)
	slices.Sort(s.Tgt)
	return s.String()
}

// ParseBead parses one line of an alignment file. It accepts the gold syntax
// "[0,1]:[0]", Python lists with spaces "[0, 1]:[0]", and a trailing
// ":score" field as Vecalign writes it.
func ParseBead(line string) (Bead, error) {
	var b Bead
	line = strings.TrimSpace(line)
	rest := line
	for side := 0; side < 2; side++ {
		rest = strings.TrimSpace(rest)
		if side == 1 {
			var ok bool
			rest, ok = strings.CutPrefix(rest, ":")
			if !ok {
				return b, fmt.Errorf("bead %q: want [ids]:[ids]", line)
			}
			rest = strings.TrimSpace(rest)
		}
		if !strings.HasPrefix(rest, "[") {
			return b, fmt.Errorf("bead %q: want [ids]:[ids]", line)
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return b, fmt.Errorf("bead %q: unclosed [", line)
		}
		var ids []int
		if inner := strings.TrimSpace(rest[1:end]); inner != "" {
			for _, f := range strings.Split(inner, ",") {
				id, err := strconv.Atoi(strings.TrimSpace(f))
				if err != nil || id < 0 {
					return b, fmt.Errorf("bead %q: bad sentence id %q", line, strings.TrimSpace(f))
				}
				ids = append(ids, id)
			}
		}
		if side == 0 {
			b.Src = ids
		} else {
			b.Tgt = ids
		}
		rest = rest[end+1:]
	}
	if rest = strings.TrimSpace(rest); rest != "" && !strings.HasPrefix(rest, ":") {
		return b, fmt.Errorf("bead %q: unexpected %q after the beads", line, rest)
	}
	return b, nil
}

// ReadBeads reads an alignment, one bead per line; blank lines are skipped.
func ReadBeads(r io.Reader) ([]Bead, error) {
	var beads []Bead
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		b, err := ParseBead(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		beads = append(beads, b)
	}
	return beads, sc.Err()
}

// ReadBeadsFile reads an alignment file.
func ReadBeadsFile(path string) ([]Bead, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	beads, err := ReadBeads(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return beads, nil
}

// WriteBeads writes beads in the gold syntax, one a line.
func WriteBeads(w io.Writer, beads []Bead) error {
	bw := bufio.NewWriter(w)
	for _, b := range beads {
		bw.WriteString(b.String())
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Score holds pooled counts of the strict metric.
type Score struct {
	Sys, Gold, Match             int // all beads
	NullSys, NullGold, NullMatch int // null beads only
}

// Add scores one file's system beads against its gold beads and adds the
// counts. A bead matches when a gold bead has the same id sets on both sides.
func (s *Score) Add(sys, gold []Bead) {
	want := make(map[string]int, len(gold))
	for _, g := range gold {
		want[g.key()]++
		s.Gold++
		if g.Null() {
			s.NullGold++
		}
	}
	for _, b := range sys {
		s.Sys++
		if b.Null() {
			s.NullSys++
		}
		k := b.key()
		if want[k] > 0 {
			want[k]--
			s.Match++
			if b.Null() {
				s.NullMatch++
			}
		}
	}
}

// Merge adds the counts of another score.
func (s *Score) Merge(o Score) {
	s.Sys += o.Sys
	s.Gold += o.Gold
	s.Match += o.Match
	s.NullSys += o.NullSys
	s.NullGold += o.NullGold
	s.NullMatch += o.NullMatch
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Precision is the share of system beads found in the gold.
func (s Score) Precision() float64 { return ratio(s.Match, s.Sys) }

// Recall is the share of gold beads the system produced.
func (s Score) Recall() float64 { return ratio(s.Match, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 { return f1(s.Precision(), s.Recall()) }

// NullPrecision is the share of the system's null beads found in the gold.
func (s Score) NullPrecision() float64 { return ratio(s.NullMatch, s.NullSys) }

// NullRecall is the share of the gold's null beads the system produced.
func (s Score) NullRecall() float64 { return ratio(s.NullMatch, s.NullGold) }

// MergeByVerse merges consecutive beads that lie inside one and the same
// verse, as the Bible gold is the finest verse-consistent grouping. srcVerse
// and tgtVerse give the verse of each sentence of either side. A bead whose
// sentences span several verses (or an empty side's bead next to one of
// another verse) starts a new group.
func MergeByVerse(beads []Bead, srcVerse, tgtVerse []string) []Bead {
	verseOf := func(ids []int, verses []string) (string, bool) {
		v := ""
		for k, id := range ids {
			if id >= len(verses) {
				return "", false
			}
			if k > 0 && verses[id] != v {
				return "", false
			}
			v = verses[id]
		}
		return v, true
	}
	var out []Bead
	last := ""
	for _, b := range beads {
		sv, sok := verseOf(b.Src, srcVerse)
		tv, tok := verseOf(b.Tgt, tgtVerse)
		v := ""
		switch {
		case !sok || !tok:
		case len(b.Src) == 0:
			v = tv
		case len(b.Tgt) == 0 || sv == tv:
			v = sv
		}
		if v != "" && v == last && len(out) > 0 {
			o := &out[len(out)-1]
			o.Src = append(o.Src, b.Src...)
			o.Tgt = append(o.Tgt, b.Tgt...)
		} else {
			out = append(out, Bead{Src: slices.Clone(b.Src), Tgt: slices.Clone(b.Tgt)})
		}
		last = v
	}
	return out
}
