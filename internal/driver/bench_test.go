package driver_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/cputime"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/testref"
)

const reference = "../../testdata/csis-modernizing-national-security.interleaved.txt"

// bitext is one document to check: an interleaved file (en empty) or a
// pair of files.
type bitext struct {
	zhPath, zh string
	enPath, en string
}

func (b bitext) size() int64 { return int64(len(b.zh) + len(b.en)) }

func (b bitext) document(tb testing.TB) *align.Document {
	var doc *align.Document
	var err error
	if b.enPath == "" {
		doc, err = input.Interleaved(b.zhPath, b.zh)
		if err == nil && b.zhPath == reference {
			doc.Classify(align.NewFurniture(testref.Furniture())) // its site's phrases
		}
	} else {
		doc, err = input.TwoFiles(b.zhPath, b.zh, b.enPath, b.en)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func readReference(tb testing.TB) bitext {
	tb.Helper()
	data, err := os.ReadFile(reference)
	if err != nil {
		tb.Fatal(err)
	}
	return bitext{zhPath: reference, zh: string(data)}
}

// checkAll runs the whole pipeline (blocks and sentences from the text,
// paragraph and sentence alignment, all checks) on each document.
func checkAll(tb testing.TB, docs []bitext) {
	set := checks.DefaultSettings()
	for _, d := range docs {
		if _, err := driver.Check(context.Background(), d.document(tb), driver.Setup{Settings: set}); err != nil {
			tb.Fatal(err)
		}
	}
}

func load(tb testing.TB) {
	tb.Helper()
	if err := driver.Load(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkPipelineReference aligns and checks the reference document once
// the segmenter and lexicon are loaded.
func BenchmarkPipelineReference(b *testing.B) {
	load(b)
	docs := []bitext{readReference(b)}
	b.SetBytes(docs[0].size())
	b.ReportAllocs()
	for b.Loop() {
		checkAll(b, docs)
	}
}

// BenchmarkThroughput reports MB/s of bitext (Chinese plus English bytes)
// through the whole check pipeline on one core, once loaded: on the
// reference document, and on the WMT documents of ../shared/data/parallel
// (zh→en and en→zh, reference A) when that folder is beside the repository.
// The collector is set as the command sets it for documents of this size
// (TuneGC); run with -cpu 1 for the figure per core.
func BenchmarkThroughput(b *testing.B) {
	load(b)
	driver.TuneGC(1 << 20)
	sets := []struct {
		name string
		docs []bitext
	}{{"reference", []bitext{readReference(b)}}}
	if docs := wmtDocuments(b); len(docs) > 0 {
		sets = append(sets, struct {
			name string
			docs []bitext
		}{"wmt", docs})
	}
	for _, s := range sets {
		var n int64
		for _, d := range s.docs {
			n += d.size()
		}
		// warm: the words' caches hold the text from the run before, as
		// when a document is checked again; cold: they are emptied first,
		// as for a document the process has not met
		for _, cold := range []bool{false, true} {
			name := s.name
			if cold {
				name += "-cold"
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(n)
				cpu0 := cputime.Process()
				for b.Loop() {
					if cold {
						lang.ForgetCaches()
					}
					checkAll(b, s.docs)
				}
				// MB per CPU second: steadier than MB/s on a shared machine
				if cpu := (cputime.Process() - cpu0).Seconds(); cpu > 0 {
					b.ReportMetric(float64(n)*float64(b.N)/1e6/cpu, "MB/cpu-s")
				}
			})
		}
	}
}

// wmtDocuments reads the WMT general test documents of shared/data: each
// <name>.zh.txt with its <name>.en.txt.
func wmtDocuments(tb testing.TB) []bitext {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data", "parallel")
	var docs []bitext
	for _, set := range []string{"wmt22-general-test", "wmt23-general-test"} {
		zhs, _ := filepath.Glob(filepath.Join(root, set, "*.zh.txt"))
		sort.Strings(zhs)
		for _, zp := range zhs {
			ep := strings.TrimSuffix(zp, ".zh.txt") + ".en.txt"
			zh, err1 := os.ReadFile(zp)
			en, err2 := os.ReadFile(ep)
			if err1 != nil || err2 != nil {
				continue
			}
			docs = append(docs, bitext{zhPath: zp, zh: string(zh), enPath: ep, en: string(en)})
		}
	}
	return docs
}

// BenchmarkReferenceStages splits BenchmarkPipelineReference: reading the
// document (blocks and sentences), aligning it, running the checks.
func BenchmarkReferenceStages(b *testing.B) {
	load(b)
	ref := readReference(b)
	lex := lexicon.Default()
	b.Run("input", func(b *testing.B) {
		b.SetBytes(ref.size())
		for b.Loop() {
			ref.document(b)
		}
	})
	b.Run("align", func(b *testing.B) {
		b.SetBytes(ref.size())
		for b.Loop() {
			align.Align(ref.document(b), align.Options{Lex: lex})
		}
	})
	b.Run("checks", func(b *testing.B) {
		doc := ref.document(b)
		al := align.Align(doc, align.Options{Lex: lex})
		set := checks.DefaultSettings()
		b.SetBytes(ref.size())
		for b.Loop() {
			if _, err := checks.Run(doc, al, set, checks.Registry()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
