//go:build ignore

// mqm-eval.go — aligncheck's findings against human MQM annotations of
// zh→en TED translations (../shared/data/mqm-ted-zhen, Google's WMT21
// annotations of 15 systems, two of them human). Run by
// scripts/mqm-eval.sh.
//
// Each system's translation of each talk is made a document, in one of two
// framings. By default, two texts the tool aligns: one paragraph per
// segment, in segment order, the Chinese the source with the error markers
// taken out, the English the target likewise. With -pairs, the segments
// as the pairs they are (JSONL, one segment a line): the pre-aligned path a
// translation memory or a system's output per segment takes, where the
// tool judges each given pair, as the raters did, and reports pairs out of
// step (alignment/shift) instead of pairing the texts anew. Every check
// runs; a segment is flagged when a finding's place on either side covers
// its paragraph (or row): from the line it starts on to the line it ends on.
// Reported: the share of segments with a Major Accuracy/Omission whose
// marked source span holds 10 or more Chinese characters (-min) that are flagged
// (by any check, and by omission/partial alone), and the share of segments
// every rater found faultless (No-error) flagged at warning or above.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
)

type segment struct {
	seg        int
	src, tgt   string
	noError    bool // one row, No-error
	bigOmit    bool // a Major Accuracy/Omission of -min (10) or more Chinese characters
	rows       int
	anyF, warn bool // flagged: by any finding, at warning or above
	partial    bool // flagged by omission/partial
}

var marker = regexp.MustCompile(`</?v>`)
var span = regexp.MustCompile(`<v>(.*?)</v>`)

func main() {
	path := flag.String("data", "../shared/data/mqm-ted-zhen/mqm_ted_zhen.tsv", "the annotations")
	verbose := flag.Bool("v", false, "list the findings on No-error segments at warning or above, and on the major omissions (and the major omissions not flagged)")
	minHan := flag.Int("min", 10, "the fewest Chinese characters of a major omission's marked span counted (10: the acceptance set)")
	pairs := flag.Bool("pairs", false, "give each talk as its segment pairs (JSONL, pre-aligned) instead of two texts to align")
	flag.Parse()
	f, err := os.Open(*path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mqm-eval:", *path, "not found; skipped")
		return
	}
	defer f.Close()
	if err := driver.Load(); err != nil {
		fail(err)
	}
	docs := map[string]map[int]*segment{} // system|talk → segments
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 9 {
			continue
		}
		key := c[0] + "|" + c[1]
		id, err := strconv.Atoi(c[3])
		if err != nil {
			continue
		}
		if docs[key] == nil {
			docs[key] = map[int]*segment{}
		}
		s := docs[key][id]
		if s == nil {
			s = &segment{seg: id, src: marker.ReplaceAllString(c[5], ""), tgt: marker.ReplaceAllString(c[6], ""), noError: true}
			docs[key][id] = s
		}
		s.rows++
		if c[7] != "No-error" {
			s.noError = false
		}
		if c[7] == "Accuracy/Omission" && c[8] == "Major" {
			if m := span.FindStringSubmatch(c[5]); m != nil && hanCount(m[1]) >= *minHan {
				s.bigOmit = true
			}
		}
	}
	keys := make([]string, 0, len(docs))
	for k := range docs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	set := checks.DefaultSettings()
	var omit, omitF, omitW, omitP, clean, cleanW, cleanF int
	for _, k := range keys {
		var segs []*segment
		for _, s := range docs[k] {
			segs = append(segs, s)
		}
		sort.Slice(segs, func(a, b int) bool { return segs[a].seg < segs[b].seg })
		name := strings.ReplaceAll(k, "|", ".")
		var doc *align.Document
		// seg is the index into segs of the paragraph (or row) on a line,
		// -1 for none.
		var seg func(line int) int
		if *pairs {
			doc = pairsDoc(segs)
			seg = func(line int) int { return line - 1 }
		} else {
			var zh, en strings.Builder
			for _, s := range segs {
				zh.WriteString(oneLine(s.src) + "\n\n")
				en.WriteString(oneLine(s.tgt) + "\n\n")
			}
			d, err := input.TwoFiles(name+".zh", zh.String(), name+".en", en.String())
			if err != nil {
				fail(err)
			}
			doc = d
			seg = func(line int) int {
				if (line-1)%2 != 0 {
					return -1
				}
				return (line - 1) / 2
			}
		}
		res, err := driver.Check(context.Background(), doc, driver.Setup{Settings: set})
		if err != nil {
			fail(err)
		}
		for _, fd := range res.Findings {
			// a finding placed on both sides of one segment counts (and
			// is listed) once
			var at []int
			for _, sp := range []*align.Span{fd.Zh, fd.En} {
				if sp == nil || sp.Line <= 0 {
					continue
				}
				for line := sp.Line; line <= max(sp.Line, sp.EndLine); line++ {
					if i := seg(line); i >= 0 && i < len(segs) && !slices.Contains(at, i) {
						at = append(at, i)
					}
				}
			}
			for _, i := range at {
				s := segs[i]
				s.anyF = true
				if fd.Severity >= checks.Warning {
					s.warn = true
					if *verbose && s.noError {
						fmt.Printf("%s seg %d: %s: %s\n", k, s.seg, fd.Check, fd.Message)
					}
				}
				if fd.Check == checks.OmissionPartial.Name {
					s.partial = true
				}
				if *verbose && s.bigOmit {
					fmt.Printf("omission segment %s seg %d: %s %s: %s\n", k, s.seg, fd.Severity, fd.Check, fd.Message)
				}
			}
		}
		for _, s := range segs {
			if s.bigOmit {
				if *verbose && !s.anyF {
					fmt.Printf("omission segment %s seg %d: not flagged\n  zh: %s\n  en: %s\n", k, s.seg, oneLine(s.src), oneLine(s.tgt))
				}
				omit++
				omitF += b2i(s.anyF)
				omitW += b2i(s.warn)
				omitP += b2i(s.partial)
			}
			if s.noError {
				clean++
				cleanW += b2i(s.warn)
				cleanF += b2i(s.anyF)
			}
		}
	}
	pc := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	fmt.Printf("documents: %d (system × talk)\n", len(keys))
	fmt.Printf("segments with a Major Accuracy/Omission of %d+ Chinese characters: %d\n", *minHan, omit)
	fmt.Printf("  flagged by any finding: %d (%.1f %%); at warning or above: %d (%.1f %%); by omission/partial: %d (%.1f %%)\n",
		omitF, pc(omitF, omit), omitW, pc(omitW, omit), omitP, pc(omitP, omit))
	fmt.Printf("segments rated No-error: %d\n", clean)
	fmt.Printf("  flagged at warning or above: %d (%.1f %%); by any finding: %d (%.1f %%)\n", cleanW, pc(cleanW, clean), cleanF, pc(cleanF, clean))
}

// pairsDoc reads segs as a JSONL file of pairs, one segment a line (a
// pre-aligned document; read as standard input is, so nothing is written).
func pairsDoc(segs []*segment) *align.Document {
	var b strings.Builder
	for _, s := range segs {
		line, err := json.Marshal(map[string]string{"zh": oneLine(s.src), "en": oneLine(s.tgt)})
		if err != nil {
			fail(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	docs, err := input.Open("-", strings.NewReader(b.String()), input.Options{})
	if err != nil {
		fail(err)
	}
	if len(docs) != 1 {
		fail(fmt.Errorf("%d documents, want 1", len(docs)))
	}
	return docs[0]
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if lang.IsHan(r) {
			n++
		}
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mqm-eval:", err)
	os.Exit(2)
}
