package strtab

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHashFixed pins the hash: tables built at generate time depend on it.
func TestHashFixed(t *testing.T) {
	got := fmt.Sprintf("%x %x %x %x %x", Hash(""), Hash("a"), Hash("国家"), Hash("securiti"), Hash("中华人民共和国国务院总理"))
	assert.Equal(t, "42bc986dc5eec4d3 3b85f273497d00d0 1ed83ad44bc45ffd 758e2a22a42342e1 f0cb76ad4d82247e", got)
}

func TestHashSpread(t *testing.T) {
	// Strings of every length up to 40 differ in every bucket bit.
	seen := map[uint64]string{}
	for n := range 41 {
		for c := range 64 {
			s := strings.Repeat("x", n) + string(rune('0'+c))
			h := Hash(s) & (1<<20 - 1)
			if prev, ok := seen[h]; ok {
				t.Logf("bucket collision %q %q", prev, s)
			}
			seen[h] = s
		}
	}
	assert.Greater(t, len(seen), 41*64-20)
}

func TestBuildProbe(t *testing.T) {
	words := []string{"国家", "安全", "国家安全观", "中华人民共和国", "a", "securiti"}
	tb, err := Build(words, 2)
	require.NoError(t, err)
	require.NoError(t, tb.Validate())
	for i, w := range words {
		assert.Equal(t, i, tb.Find(w), w)
		assert.Equal(t, w, tb.At(i))
	}
	for _, s := range []string{"国", "家", "国家安", "中华人民共", "b", ""} {
		assert.Equal(t, -1, tb.Find(s), s)
	}
	// Proper prefixes of two runes or more are marked, others not.
	for _, s := range []string{"国家安", "国家安全", "中华", "中华人民共和"} {
		_, seen := tb.Probe(s)
		assert.True(t, seen, s)
	}
	for _, s := range []string{"国家观", "华人", "中华人民共和国人"} {
		_, seen := tb.Probe(s)
		assert.False(t, seen, s)
	}
	_, err = Build([]string{"国家", "国家"}, 0)
	assert.Error(t, err)

	one, err := Build([]string{"国家"}, 1)
	require.NoError(t, err)
	_, seen := one.Probe("国")
	assert.True(t, seen)

	empty, err := Build(nil, 1)
	require.NoError(t, err)
	assert.Equal(t, -1, empty.Find("x"))
	assert.Equal(t, 0, empty.Len())
}

func TestFileRoundTrip(t *testing.T) {
	tb, err := Build([]string{"国家", "安全"}, 2)
	require.NoError(t, err)
	var w Writer
	w.AddU32([]uint32{1, 2, 3})
	w.AddTable(tb)
	w.AddF32([]float32{1.5, -2})
	w.AddF64([]float64{3.25})
	w.Add([]byte("odd"))
	data := w.Bytes("#test 1\n")

	check := func(data []byte) {
		sec, err := Sections(data, "#test 1\n", 7)
		require.NoError(t, err)
		u, err := U32s(sec[0])
		require.NoError(t, err)
		assert.Equal(t, []uint32{1, 2, 3}, u)
		v, err := ViewTable(sec, 1, tb.IdxBits)
		require.NoError(t, err)
		require.NoError(t, v.Validate())
		assert.Equal(t, 1, v.Find("安全"))
		f, err := F32s(sec[4])
		require.NoError(t, err)
		assert.Equal(t, []float32{1.5, -2}, f)
		d, err := F64s(sec[5])
		require.NoError(t, err)
		assert.Equal(t, []float64{3.25}, d)
		assert.Equal(t, "odd", String(sec[6]))
	}
	check(data)
	// Misaligned data is copied, not viewed.
	shifted := append(make([]byte, 1, len(data)+1), data...)[1:]
	check(shifted)

	_, err = Sections(data, "#test 2\n", 7)
	assert.Error(t, err)
	_, err = Sections(data, "#test 1\n", 6)
	assert.Error(t, err)
	_, err = Sections(data[:40], "#test 1\n", 7)
	assert.Error(t, err)
	_, err = U32s([]byte{1, 2, 3})
	assert.Error(t, err)
}

// FuzzTable checks that no corrupt table makes a lookup panic.
func FuzzTable(f *testing.F) {
	tb, err := Build([]string{"国家", "安全", "国家安全"}, 2)
	require.NoError(f, err)
	var w Writer
	w.AddTable(tb)
	f.Add(w.Bytes("#t\n"), uint8(tb.IdxBits), "国家")
	f.Fuzz(func(t *testing.T, data []byte, bits uint8, s string) {
		sec, err := Sections(data, "#t\n", 3)
		if err != nil {
			return
		}
		v, err := ViewTable(sec, 0, uint(bits))
		if err != nil {
			return
		}
		v.Probe(s)
		for i := range v.Len() + 2 {
			v.Find(v.At(i - 1))
		}
		v.Validate()
	})
}

func BenchmarkHash(b *testing.B) {
	words := []string{"国家", "安全", "现代化", "中华人民共和国", "securiti", "modern"}
	for b.Loop() {
		for _, w := range words {
			Hash(w)
		}
	}
}

// TestTagOf compares tagOf with the top 32-IdxBits bits of the hash
// shifted back in place, and mark with 1<<IdxBits - 1, for every IdxBits
// a table may have.
func TestTagOf(t *testing.T) {
	h := uint64(0x9e3779b97f4a7c15)
	for range 2000 {
		h = h*6364136223846793005 + 1442695040888963407
		for bits := uint(1); bits <= 32; bits++ {
			want := uint32(h>>(32+bits)) << bits
			if bits == 32 {
				want = 0
			}
			tb := &Table{IdxBits: bits}
			require.Equal(t, uint32(1)<<bits-1, tb.mark(), "%d bits", bits)
			require.Equal(t, want, tagOf(h, tb.mark()), "h %#x, %d bits", h, bits)
		}
	}
}

// TestProbeShaped: Probe of a table whose shape was checked once
// (shaped) answers as Probe testing the shape on each call does, for the
// table's strings, their prefixes (marks) and strings it lacks, on
// tables built and viewed; and a table made otherwise is still tested.
func TestProbeShaped(t *testing.T) {
	strs := []string{"国家", "安全", "国家安全", "体系", "能力", "现代化", "a", "ab", "abc"}
	for n := 0; n < 300; n++ {
		strs = append(strs, fmt.Sprintf("词%d", n*7))
	}
	tb, err := Build(strs, 1)
	require.NoError(t, err)
	var w Writer
	w.AddTable(tb)
	sec, err := Sections(w.Bytes("#t\n"), "#t\n", 3)
	require.NoError(t, err)
	view, err := ViewTable(sec, 0, tb.IdxBits)
	require.NoError(t, err)
	asks := []string{"", "国", "国家安", "b", "abcd", "词", "词1", "词2100"}
	for _, s := range strs {
		asks = append(asks, s, s+"x")
	}
	for _, shaped := range []*Table{tb, view} {
		require.True(t, shaped.shaped)
		plain := *shaped
		plain.shaped = false
		for _, s := range asks {
			i, seen := shaped.Probe(s)
			wi, wseen := plain.Probe(s)
			assert.Equal(t, wi, i, "%q", s)
			assert.Equal(t, wseen, seen, "%q", s)
		}
	}
	for _, bad := range []Table{{IdxBits: 0, Slots: []uint32{1, 2}}, {IdxBits: 33, Slots: []uint32{1, 2}}, {IdxBits: 4, Slots: []uint32{1, 2, 3}}, {IdxBits: 4}} {
		i, seen := bad.Probe("a")
		assert.Equal(t, -1, i)
		assert.False(t, seen)
	}
	// a built table's slots cut to other than a power of two, or its
	// IdxBits out of range, hold no string
	cut, wide := *tb, *tb
	cut.shaped, cut.Slots = false, cut.Slots[:len(cut.Slots)-1]
	wide.shaped, wide.IdxBits = false, 33
	for _, bad := range []*Table{&cut, &wide} {
		for _, s := range strs {
			i, seen := bad.Probe(s)
			assert.Equal(t, -1, i, "%q", s)
			assert.False(t, seen, "%q", s)
		}
	}
}
