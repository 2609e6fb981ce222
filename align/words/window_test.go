package words

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/internal/testref"
)

// windowRef is the reference document, its paragraphs and sentences
// aligned.
func windowRef(t *testing.T) *align.Alignment {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "csis-modernizing-national-security.interleaved.txt"))
	require.NoError(t, err)
	doc, err := input.Interleaved("reference.txt", string(data))
	require.NoError(t, err)
	doc.Classify(align.NewFurniture(testref.Furniture())) // the page's site's furniture
	return align.Align(doc, align.Options{Lex: lexicon.Default()})
}

// linkDigest is a digest of everything link fills in: kinds, keys and
// glosses of the tokens, symmetrised links, strengths and backing. (Each
// direction's links are not kept; the strengths say which tokens they
// linked.)
func linkDigest(pairs []Pair) string {
	h := sha256.New()
	put := func(xs ...int) {
		for _, x := range xs {
			_ = binary.Write(h, binary.LittleEndian, int64(x))
		}
	}
	for k := range pairs {
		p := &pairs[k]
		put(k, len(p.Zh), len(p.En))
		for _, toks := range [][]Token{p.Zh, p.En} {
			for _, t := range toks {
				h.Write([]byte(p.Key(t)))
				put(int(t.Kind()), len(p.Glosses(t)))
				for _, g := range p.Glosses(t) {
					put(int(g))
				}
			}
		}
		for _, ls := range [][]Link{p.Inter(), p.GDF} {
			put(len(ls))
			for _, l := range ls {
				put(int(l.Zh), int(l.En))
			}
		}
		for i := range p.Zh {
			put(int(p.Strength(align.Zh, i)), b2i(p.Backed(align.Zh, i)))
		}
		for j := range p.En {
			put(int(p.Strength(align.En, j)), b2i(p.Backed(align.En, j)))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestWindowWithin: a document within one window is learnt whole, and
// gets exactly the links it got before the model was learnt in windows
// (the digest was taken from the build before that change: baf8f80e…
// with each direction's links, 3318e548… without them, from the same
// build, once the pairs no longer kept them).
func TestWindowWithin(t *testing.T) {
	a := windowRef(t)
	lex := lexicon.Default()
	d := Align(a, lex, Options{})
	n := len(d.Pairs)
	require.Greater(t, n, 50)
	require.LessOrEqual(t, n, windowBeads)
	assert.Equal(t, "3318e5488e4c5446413895810a779ec8ee25555ba1dbdf2c965e987d47416a27", linkDigest(d.Pairs))
	// a window of exactly the document's length is one window
	e := tokenize(a, lex)
	linkWindows(e.shared, e.Pairs, Options{}, n)
	assert.Equal(t, linkDigest(d.Pairs), linkDigest(e.Pairs))
}

// TestWideWindow: a window with too many English types for its cells'
// type pairs to be kept as 16-bit offsets keeps them whole, and learns
// the same links.
func TestWideWindow(t *testing.T) {
	a := windowRef(t)
	lex := lexicon.Default()
	narrow := Align(a, lex, Options{})
	defer func(n int) { narrowTypes = n }(narrowTypes)
	narrowTypes = 0
	wide := Align(a, lex, Options{})
	assert.Equal(t, "3318e5488e4c5446413895810a779ec8ee25555ba1dbdf2c965e987d47416a27", linkDigest(wide.Pairs))
	assert.Equal(t, linkDigest(narrow.Pairs), linkDigest(wide.Pairs))
}

// TestWindowsApart: a document longer than a window is learnt window by
// window, each window's model on its pairs alone; the backing by repeated
// links is the whole document's.
func TestWindowsApart(t *testing.T) {
	a := windowRef(t)
	lex := lexicon.Default()
	whole := Align(a, lex, Options{})
	n := len(whole.Pairs)
	const window = 40
	w := tokenize(a, lex)
	linkWindows(w.shared, w.Pairs, Options{}, window)
	windows := (n + window - 1) / window
	require.GreaterOrEqual(t, windows, 2)
	differ, crossBacked := false, 0
	for k := range windows {
		lo, hi := k*n/windows, (k+1)*n/windows
		require.LessOrEqual(t, hi-lo, window)
		// the window learnt alone
		td := tokenize(a, lex)
		alone := td.Pairs[lo:hi]
		linkWindow(td.shared.vocab, alone, Options{}, &linkSlabs{})
		for i := range alone {
			p, q := &w.Pairs[lo+i], &alone[i]
			require.Equal(t, q.Inter(), p.Inter())
			require.Equal(t, q.GDF, p.GDF)
			for _, l := range []align.Lang{align.Zh, align.En} {
				for j := range p.Tokens(l) {
					require.Equal(t, q.Strength(l, j), p.Strength(l, j))
					if p.Strength(l, j) != whole.Pairs[lo+i].Strength(l, j) {
						differ = true
					}
				}
			}
			if !slices.Equal(p.GDF, whole.Pairs[lo+i].GDF) {
				differ = true
			}
			// backed: by the lexicon, as in the window alone, or by the
			// same words' sure links elsewhere in the document
			for _, l := range p.Inter() {
				if q.Backed(align.Zh, int(l.Zh)) {
					require.True(t, p.Backed(align.Zh, int(l.Zh)))
					continue
				}
				key := [2]string{p.Key(p.Zh[l.Zh]), p.Key(p.En[l.En])}
				times := 0
				for r := range w.Pairs {
					for _, m := range w.Pairs[r].Inter() {
						if [2]string{p.Key(w.Pairs[r].Zh[m.Zh]), p.Key(w.Pairs[r].En[m.En])} == key {
							times++
						}
					}
				}
				require.Equal(t, times > 1, p.Backed(align.Zh, int(l.Zh)), "%v", key)
				require.Equal(t, times > 1, p.Backed(align.En, int(l.En)), "%v", key)
				if times > 1 && hi-lo >= 1 {
					crossBacked++
				}
			}
		}
	}
	assert.True(t, differ, "windows learnt apart should link some word otherwise than the whole")
	assert.Positive(t, crossBacked)
}
