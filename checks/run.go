package checks

import (
	"crypto/sha256"
	"encoding"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"sort"
	"strconv"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks/glossary"
)

// Settings are what configuration can change about the checks.
type Settings struct {
	// Disabled checks do not run.
	Disabled map[string]bool
	// Severity overrides a check's default severity.
	Severity map[string]Severity
	// Options hold the values configuration gives the checks' options
	// (Check.Options) as "check.option" → value; an option not here has
	// its default.
	Options map[string]float64
	// Source is the language of the original; the other side is the
	// translation. It decides the primary location of a finding and which
	// way sentence-level omission and addition point.
	Source align.Lang
	// Glossary holds the terms the terminology check enforces; nil or
	// empty when no glossary was given.
	Glossary *glossary.Glossary
}

// DefaultSettings has every check on at its default severity, Chinese as
// the source language.
func DefaultSettings() *Settings {
	return &Settings{Disabled: map[string]bool{}, Severity: map[string]Severity{}, Options: map[string]float64{}}
}

// Run runs the enabled checks over one aligned document and returns the
// findings with severities applied, fingerprints set, in a stable order.
func Run(doc *align.Document, al *align.Alignment, set *Settings, list []*Check) ([]Finding, error) {
	return run(doc, al, set, list, nil)
}

// Whole is what a run over one window of a pre-aligned document read in
// pieces (Document.Window) takes from the rest of the document, so that
// the windows together give the findings of the whole: the document's
// length norm, and the fingerprints given so far (a repeated finding is
// numbered across the document).
type Whole struct {
	// Length is the norm of the length check over the whole document,
	// from LengthSample on each window.
	Length *LengthNorm
	// Keys keeps each finding's FingerprintKey.
	Keys bool

	seen map[string]int
}

// RunWindow runs the checks over one window of a document read in pieces
// and returns the findings on the window's own pairs (Window.Home to
// HomeEnd; the context pairs are the neighbours' own), sorted, with
// fingerprints numbered on from the windows before. Bead indices stay
// those of the window.
func RunWindow(doc *align.Document, al *align.Alignment, set *Settings, list []*Check, whole *Whole) ([]Finding, error) {
	if whole == nil || doc.Window == nil {
		return nil, fmt.Errorf("%s: RunWindow needs a window and its whole", doc.Name)
	}
	return run(doc, al, set, list, whole)
}

func run(doc *align.Document, al *align.Alignment, set *Settings, list []*Check, whole *Whole) ([]Finding, error) {
	if set == nil {
		set = DefaultSettings()
	}
	var all []Finding
	shared := facts{}
	drop := letGoAfter(list, set)
	for i, c := range list {
		if set.Disabled[c.Name] {
			continue
		}
		p := &Pass{Check: c, Doc: doc, Align: al, Settings: set, Whole: whole, facts: shared}
		if err := c.Run(p); err != nil {
			return nil, fmt.Errorf("check %s: %w", c.Name, err)
		}
		for _, f := range drop[i] {
			delete(shared, f)
		}
		for _, f := range p.findings {
			if whole != nil && !own(doc.Window, f.Bead) {
				continue
			}
			if s, ok := set.Severity[f.Check]; ok {
				f.Severity = s
			}
			f.Severity = CapSeverity(f.Severity, f.Confidence)
			all = append(all, f)
		}
	}
	Sort(all, set.Source)
	var seen map[string]int
	if whole != nil {
		if whole.seen == nil {
			whole.seen = map[string]int{}
		}
		seen = whole.seen
	}
	fingerprint(all, al, seen, whole != nil && whole.Keys)
	return all, nil
}

// own reports whether a finding on bead b belongs to the window: its pair
// is one of the window's own, or it has none and the window is the first.
func own(w *align.Window, b int) bool {
	if b < 0 {
		return w.First == 0
	}
	return b >= w.Home && b < w.HomeEnd
}

// Primary is the location a one-line report shows: the translation's side
// when a finding has both, else the side it has.
func Primary(f *Finding, source align.Lang) *align.Span {
	zh, en := f.Zh, f.En
	if source == align.En {
		zh, en = en, zh
	}
	if en != nil {
		return en
	}
	return zh
}

// Sort orders findings by primary location, then check and message.
func Sort(fs []Finding, source align.Lang) {
	sort.SliceStable(fs, func(a, b int) bool {
		pa, pb := Primary(&fs[a], source), Primary(&fs[b], source)
		if (pa == nil) != (pb == nil) {
			return pa == nil
		}
		if pa != nil {
			if pa.Path != pb.Path {
				return pa.Path < pb.Path
			}
			if pa.Line != pb.Line {
				return pa.Line < pb.Line
			}
			if pa.Column != pb.Column {
				return pa.Column < pb.Column
			}
		}
		if fs[a].Check != fs[b].Check {
			return fs[a].Check < fs[b].Check
		}
		return fs[a].Message < fs[b].Message
	})
}

// fingerprint derives a fingerprint from what a finding is about, not where:
// the check, the normalised text of its aligned pair and its evidence, so it
// survives line shifts, edits elsewhere and reflowed white space. Repeats of
// the same finding in the same pair are numbered.
//
// The fingerprint is the first 8 bytes of SHA-256 over
// check NUL zh NUL en NUL evidence NUL n, as baselines written by earlier
// versions hold it. Hashing that string afresh for every finding cost
// findings × pair length (20,000 placeholders missing from one 130 KB
// paragraph: over 6 GB), so the pair's text is normalised once per pair,
// repeats are counted under a key holding the pair's number (or digest, in
// a windowed run), and the hash state after "check NUL zh NUL en NUL" is
// computed once per check and pair and cloned for each of its findings.
func fingerprint(fs []Finding, al *align.Alignment, seen map[string]int, keys bool) {
	// A run of one piece (no seen from pieces before) tells equal pairs by
	// their text, numbered in a map of this call, instead of by a digest:
	// the same classes, without hashing every pair with SHA-256 once more
	// (half of fingerprint's cost). Pieces of a windowed run keep the
	// digest, which seen holds across them without the windows' text.
	local := seen == nil
	if local {
		seen = map[string]int{}
	}
	texts := make([][2]string, len(fs)) // each finding's normalised pair
	byBead := map[int][2]string{}       // bead → its normalised pair
	var ids map[[2]string]uint32        // normalised pair → its number, when local
	if local {
		ids = map[[2]string]uint32{}
	}
	nth := make([]int, len(fs))
	var pair []byte
	for i := range fs {
		f := &fs[i]
		if b := pairOf(f, al); b >= 0 {
			t, ok := byBead[b]
			if !ok {
				t[0], t[1] = pairText(f, al)
				byBead[b] = t
			}
			texts[i] = t
		} else {
			texts[i][0], texts[i][1] = pairText(f, al)
		}
		if local {
			id, ok := ids[texts[i]]
			if !ok {
				id = uint32(len(ids))
				ids[texts[i]] = id
			}
			pair = binary.LittleEndian.AppendUint32(pair[:0], id)
		} else {
			d := pairDigest(texts[i][0], texts[i][1])
			pair = append(pair[:0], d[:]...)
		}
		// the pair's part has a fixed length and a check holds no NUL:
		// equal keys are equal checks, pairs and evidence
		key := f.Check + "\x00" + string(pair) + "\x00" + evidenceOf(f)
		nth[i] = seen[key]
		seen[key] = nth[i] + 1
	}

	// hash the findings pair by pair, each pair's text normalised once
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return pairOf(&fs[order[a]], al) < pairOf(&fs[order[b]], al) })
	var num []byte
	for start := 0; start < len(order); {
		end := start + 1
		bead := pairOf(&fs[order[start]], al)
		if bead >= 0 {
			for end < len(order) && pairOf(&fs[order[end]], al) == bead {
				end++
			}
		}
		zh, en := texts[order[start]][0], texts[order[start]][1]
		prefix := map[string]hash.Hash{} // check → state after the pair
		for _, i := range order[start:end] {
			f := &fs[i]
			p, ok := prefix[f.Check]
			if !ok {
				p = sha256.New()
				for _, s := range []string{f.Check, zh, en} {
					io.WriteString(p, s)
					p.Write([]byte{0})
				}
				prefix[f.Check] = p
			}
			h, err := p.(hash.Cloner).Clone()
			if err != nil {
				panic(err) // SHA-256 always clones
			}
			io.WriteString(h, evidenceOf(f))
			if keys {
				st, err := h.(encoding.BinaryMarshaler).MarshalBinary()
				if err != nil {
					panic(err) // SHA-256 always marshals its state
				}
				f.FingerprintKey = hex.EncodeToString(st)
			}
			num = strconv.AppendInt(append(num[:0], 0), int64(nth[i]), 10)
			h.Write(num)
			f.Fingerprint = hex.EncodeToString(h.Sum(nil)[:8])
		}
		start = end
	}
}

// pairOf is the bead whose pair text keys a finding, or -1 when the
// finding's own spans do.
func pairOf(f *Finding, al *align.Alignment) int {
	if al != nil && f.Bead >= 0 && f.Bead < len(al.Beads) {
		return f.Bead
	}
	return -1
}

// pairText is the normalised text that keys a finding: its pair's, or
// its own spans' when it has no pair.
func pairText(f *Finding, al *align.Alignment) (zh, en string) {
	if b := pairOf(f, al); b >= 0 {
		bead := &al.Beads[b]
		return align.NormText(al.Text(bead, align.Zh)), align.NormText(al.Text(bead, align.En))
	}
	if f.Zh != nil {
		zh = align.NormText(f.Zh.Text)
	}
	if f.En != nil {
		en = align.NormText(f.En.Text)
	}
	return zh, en
}

// pairDigest digests the two sides with their lengths, so that no two
// pairs run together.
func pairDigest(zh, en string) [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	for _, s := range []string{zh, en} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	var d [sha256.Size]byte
	h.Sum(d[:0])
	return d
}

func evidenceOf(f *Finding) string {
	if f.Evidence == "" {
		return f.Message
	}
	return f.Evidence
}

// NumberedFingerprint is the fingerprint of the n-th repeat (from 0) of a
// finding whose FingerprintKey is key: the key is the hash state after
// "check NUL zh NUL en NUL evidence", so that a run split by unit ranges
// can number repeats across its pieces as one run numbers them, without
// carrying the pair's text.
func NumberedFingerprint(key string, n int) (string, error) {
	st, err := hex.DecodeString(key)
	h := sha256.New()
	if err == nil {
		err = h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st)
	}
	if err != nil {
		return "", fmt.Errorf("not a fingerprint key")
	}
	h.Write(strconv.AppendInt([]byte{0}, int64(n), 10))
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}
