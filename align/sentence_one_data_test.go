package align_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
)

// TestOneSentenceBeadsOnData compares the sentence aligner's direct path
// for a paragraph bead of one sentence a side with the general one on
// every such bead of the documents of ../shared/data/parallel and
// realdocs (read at run time).
func TestOneSentenceBeadsOnData(t *testing.T) {
	d := sharedData(t)
	opt := lexOptions(t)
	var docs []*align.Document
	for _, dir := range []string{"parallel", "realdocs"} {
		files, _ := filepath.Glob(filepath.Join(d, dir, "*", "*.txt"))
		for _, f := range files {
			switch {
			case strings.HasSuffix(f, ".zh.txt"):
				ef := strings.TrimSuffix(f, ".zh.txt") + ".en.txt"
				if _, err := os.Stat(ef); err != nil {
					continue
				}
				doc, err := input.OpenPair(f, ef, nil, input.Options{})
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, doc)
			case strings.Contains(filepath.Base(f), ".en"), strings.Contains(filepath.Base(f), ".zh"):
				// the English of a pair, or another reference translation
			default:
				ds, err := input.Open(f, nil, input.Options{})
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, ds...)
			}
		}
	}
	total := 0
	for _, doc := range docs {
		n, diff := align.OneSentenceBeadsDiffer(align.AlignParagraphs(doc, opt.Lex), opt)
		if diff != "" {
			t.Fatalf("%s: %s", doc.Name, diff)
		}
		total += n
	}
	if total < 1000 {
		t.Fatalf("only %d one-sentence beads in %d documents: the test compares too few", total, len(docs))
	}
	t.Logf("%d one-sentence beads in %d documents", total, len(docs))
}
