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
// glosses of the tokens, links of both directions, symmetrised links,
// strengths and backing.
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
		for _, x := range p.EnLink {
			put(int(x))
		}
		for _, x := range p.ZhLink {
			put(int(x))
		}
		for _, ls := range [][]Link{p.Inter, p.GDF} {
			put(len(ls))
			for _, l := range ls {
				put(int(l.Zh), int(l.En))
			}
		}
		for i := range p.Zh {
			put(int(p.ZhStrength[i]), b2i(p.ZhBacked[i]))
		}
		for j := range p.En {
			put(int(p.EnStrength[j]), b2i(p.EnBacked[j]))
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
// (the digest was taken from the build before that change).
func TestWindowWithin(t *testing.T) {
	a := windowRef(t)
	lex := lexicon.Default()
	d := Align(a, lex, Options{})
	n := len(d.Pairs)
	require.Greater(t, n, 50)
	require.LessOrEqual(t, n, windowBeads)
	assert.Equal(t, "baf8f80e455106082bef72abd76dc239024678c9d8cfe475514f5c59a6dc9302", linkDigest(d.Pairs))
	// a window of exactly the document's length is one window
	e := tokenize(a, lex)
	linkWindows(e.shared, e.Pairs, Options{}, n)
	assert.Equal(t, linkDigest(d.Pairs), linkDigest(e.Pairs))
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
			require.Equal(t, q.EnLink, p.EnLink)
			require.Equal(t, q.ZhLink, p.ZhLink)
			require.Equal(t, q.Inter, p.Inter)
			require.Equal(t, q.GDF, p.GDF)
			require.Equal(t, q.ZhStrength, p.ZhStrength)
			require.Equal(t, q.EnStrength, p.EnStrength)
			if !slices.Equal(p.ZhLink, whole.Pairs[lo+i].ZhLink) || !slices.Equal(p.EnLink, whole.Pairs[lo+i].EnLink) {
				differ = true
			}
			// backed: by the lexicon, as in the window alone, or by the
			// same words' sure links elsewhere in the document
			for _, l := range p.Inter {
				if q.ZhBacked[l.Zh] {
					require.True(t, p.ZhBacked[l.Zh])
					continue
				}
				key := [2]string{p.Key(p.Zh[l.Zh]), p.Key(p.En[l.En])}
				times := 0
				for r := range w.Pairs {
					for _, m := range w.Pairs[r].Inter {
						if [2]string{p.Key(w.Pairs[r].Zh[m.Zh]), p.Key(w.Pairs[r].En[m.En])} == key {
							times++
						}
					}
				}
				require.Equal(t, times > 1, p.ZhBacked[l.Zh], "%v", key)
				require.Equal(t, times > 1, p.EnBacked[l.En], "%v", key)
				if times > 1 && hi-lo >= 1 {
					crossBacked++
				}
			}
		}
	}
	assert.True(t, differ, "windows learnt apart should link some word otherwise than the whole")
	assert.Positive(t, crossBacked)
}
