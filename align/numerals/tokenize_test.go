package numerals

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// tokenizeDecoding is tokenizeInto as it was before it classed ASCII
// bytes by table: every character decoded and tested in turn.
func tokenizeDecoding(s string) []tok {
	var out []tok
	space := true
	upper := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpace(r):
			space = true
			i += size
			continue
		case isASCIILetter(r):
			j := i
			up := false
			for j < len(s) && isASCIILetter(rune(s[j])) {
				up = up || s[j] <= 'Z'
				j++
			}
			low := s[i:j]
			if up {
				low = ""
				upper += j - i
			}
			out = append(out, tok{kind: tWord, text: s[i:j], low: low, start: i, end: j, space: space})
			i = j
		case r >= '0' && r <= '9':
			out = append(out, numTok(s, i, space))
			i = out[len(out)-1].end
		default:
			out = append(out, tok{kind: tPunct, text: s[i : i+size], start: i, end: i + size, space: space})
			i += size
		}
		space = false
	}
	if upper > 0 {
		lowerWords(out, upper)
	}
	return out
}

func sameTokens(t *testing.T, s string) {
	t.Helper()
	got, want := tokenizeInto(nil, s), tokenizeDecoding(s)
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("tokens of %q:\n got %+v\nwant %+v", s, got, want)
	}
}

// TestTokenizeByClass: tokenizeInto cuts as when it decoded every
// character, on the reference document, the English and Chinese texts of
// ../shared/data (when it is there), every string of up to four pieces
// and random longer ones; and enByteClass classes every ASCII byte as the
// tests it replaces do.
func TestTokenizeByClass(t *testing.T) {
	for c := range 256 {
		r := rune(c)
		ascii := c < utf8.RuneSelf
		require.Equal(t, ascii && isSpace(r), enByteClass[c] == enSpace, c)
		require.Equal(t, ascii && isASCIILetter(r), enByteClass[c]&enLetter != 0, c)
		require.Equal(t, ascii && isASCIILetter(r) && r <= 'Z', enByteClass[c]&enUpper != 0, c)
		require.Equal(t, ascii && '0' <= r && r <= '9', enByteClass[c] == enDigit, c)
	}
	data, err := os.ReadFile("../../testdata/csis-modernizing-national-security.interleaved.txt")
	require.NoError(t, err)
	sameTokens(t, string(data))
	root := filepath.Join("..", "..", "..", "shared", "data")
	for _, glob := range []string{"mac-dev/*/*", "parallel/*/*.txt"} {
		paths, _ := filepath.Glob(filepath.Join(root, glob))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				sameTokens(t, string(data))
			}
		}
	}
	pieces := []string{"A", "z", "7", "1,000", "3.5", " ", "\t", "\u00a0", "\u3000", "\ufeff", "é", "国", ".", ",", "-", "\xff", "\xe3\x80", "%"}
	var grow func(s string, n int)
	grow = func(s string, n int) {
		sameTokens(t, s)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			grow(s+p, n-1)
		}
	}
	grow("", 4)
	rng := rand.New(rand.NewSource(18))
	for range 5000 {
		sameTokens(t, randomText(rng, pieces, 60))
	}
}
