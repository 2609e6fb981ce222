package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
)

// fingerprintV1 is the fingerprint as the first versions computed it, one
// string per finding; baselines written by them hold these values, so
// fingerprint must give the same for every finding.
func fingerprintV1(fs []Finding, al *align.Alignment, seen map[string]int) {
	for i := range fs {
		f := &fs[i]
		var zh, en string
		if al != nil && f.Bead >= 0 && f.Bead < len(al.Beads) {
			b := &al.Beads[f.Bead]
			zh, en = align.NormText(al.Text(b, align.Zh)), align.NormText(al.Text(b, align.En))
		} else {
			if f.Zh != nil {
				zh = align.NormText(f.Zh.Text)
			}
			if f.En != nil {
				en = align.NormText(f.En.Text)
			}
		}
		ev := f.Evidence
		if ev == "" {
			ev = f.Message
		}
		key := strings.Join([]string{f.Check, zh, en, ev}, "\x00")
		n := seen[key]
		seen[key] = n + 1
		h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
		f.Fingerprint = hex.EncodeToString(h[:8])
	}
}

// pairDoc is a document of one block a side per pair, paired in order.
func pairDoc(zh, en []string) (*align.Document, *align.Alignment) {
	doc := &align.Document{}
	al := &align.Alignment{Doc: doc}
	for i := range zh {
		doc.Zh = append(doc.Zh, &align.Block{Lang: align.Zh, Index: i, Text: zh[i]})
		doc.En = append(doc.En, &align.Block{Lang: align.En, Index: i, Text: en[i]})
		al.Beads = append(al.Beads, align.Bead{Zh: []int{i}, En: []int{i}})
	}
	return doc, al
}

// findingsFrom makes findings of a few checks on the pairs and outside
// them from the words of ev, repeats included.
func findingsFrom(ev string, beads int) []Finding {
	var fs []Finding
	for k, w := range strings.Fields(ev) {
		f := Finding{Check: []string{"tags", "numbers", "names"}[k%3], Bead: k%(beads+1) - 1, Message: "m " + w}
		if k%2 == 0 {
			f.Evidence = w
		}
		if f.Bead < 0 {
			f.Zh = &align.Span{Text: "  " + w + " zh"}
			if k%4 == 1 {
				f.En = &align.Span{Text: w + "\n en "}
			}
		}
		fs = append(fs, f)
	}
	return fs
}

func fingerprints(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Fingerprint)
	}
	return out
}

func TestFingerprintUnchanged(t *testing.T) {
	zh := []string{"国家 安全\n体系。", "国家 安全\n体系。", "另一段。"}
	en := []string{"National  security system.", "National security\nsystem.", "Another one."}
	_, al := pairDoc(zh, en)
	ev := "{1} {1} {2} 250 {1} x 250 250 y {1} {2} z"
	got, want := findingsFrom(ev, len(zh)), findingsFrom(ev, len(zh))
	fingerprint(got, al, nil, false)
	fingerprintV1(want, al, map[string]int{})
	assert.Equal(t, fingerprints(want), fingerprints(got))
	// the two equal pairs number their repeats together, as before
	assert.Len(t, uniq(fingerprints(got)), len(got))

	// windows: the count goes on from the findings given before
	seenNew, seenOld := map[string]int{}, map[string]int{}
	for range 2 {
		got, want := findingsFrom(ev, len(zh)), findingsFrom(ev, len(zh))
		fingerprint(got, al, seenNew, false)
		fingerprintV1(want, al, seenOld)
		assert.Equal(t, fingerprints(want), fingerprints(got))
	}
}

// Fixed values, also computed outside Go (SHA-256 of
// "tags\x00国家安全体系{1}。\x00National security system.\x00missing {1}\x000"):
// a change to the hash would break every baseline written so far, whatever
// fingerprintV1 says.
func TestFingerprintValues(t *testing.T) {
	_, al := pairDoc([]string{"国家安全体系{1}。"}, []string{"National security system."})
	fs := []Finding{
		{Check: "tags", Bead: 0, Message: "tag {1} of the Chinese is missing in the English", Evidence: "missing {1}"},
		{Check: "tags", Bead: 0, Message: "tag {1} of the Chinese is missing in the English", Evidence: "missing {1}"},
		{Check: "length", Bead: -1, Message: "short", Zh: &align.Span{Text: "国家"}},
	}
	fingerprint(fs, al, nil, true)
	want := []string{"0bfa590c8cfed1ae", "4445bd5ff56d9c72", "6974d2a35e0536e8"}
	assert.Equal(t, want, fingerprints(fs))

	// a run split by unit ranges finishes the hash from each finding's key
	for i, n := range []int{0, 1, 0} {
		got, err := NumberedFingerprint(fs[i].FingerprintKey, n)
		require.NoError(t, err)
		assert.Equal(t, want[i], got)
	}
	assert.Equal(t, fs[0].FingerprintKey, fs[1].FingerprintKey, "repeats share a key")
	assert.Less(t, len(fs[0].FingerprintKey), 300, "a key does not carry the pair's text")
	_, err := NumberedFingerprint("not hex", 0)
	assert.Error(t, err)
	_, err = NumberedFingerprint("00ff", 0)
	assert.Error(t, err)
}

func uniq(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// TestFingerprintCostPerFinding: many findings in one long pair cost
// memory for each finding, not for each finding times the pair (the first
// versions hashed and kept the pair's text per finding: 6 GB for 20,000
// placeholders in a 130 KB paragraph).
func TestFingerprintCostPerFinding(t *testing.T) {
	const n = 5000
	var zh strings.Builder
	zh.WriteString("国家安全体系")
	for i := range n {
		fmt.Fprintf(&zh, "{%d}", i)
	}
	zh.WriteString(strings.Repeat("国家安全体系和能力现代化。", 2000))
	_, al := pairDoc([]string{zh.String()}, []string{"National security system."})
	fs := make([]Finding, n)
	for i := range fs {
		fs[i] = Finding{Check: "tags", Bead: 0, Message: "missing", Evidence: fmt.Sprintf("missing {%d}", i)}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fingerprint(fs, al, nil, false)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	pair := uint64(zh.Len())
	t.Logf("pair %d bytes, %d findings: %d bytes allocated", pair, n, alloc)
	// the pair's text a few times over, and a little per finding
	require.Less(t, alloc, 4*pair+1024*n)
}

// FuzzFingerprint: the keying computed pair by pair gives the fingerprints
// of the first versions, whatever the texts and the repeats.
func FuzzFingerprint(f *testing.F) {
	f.Add("国家安全。", "National security.", "{1} {1} {2}", uint8(2))
	f.Add("", "", "a a a", uint8(0))
	f.Add("一 二", "one  two", "x y x y", uint8(5))
	f.Fuzz(func(t *testing.T, zh, en, ev string, pairs uint8) {
		if strings.ContainsRune(zh+en+ev, 0) {
			t.Skip() // inputs never hold NUL: readers refuse it
		}
		k := int(pairs%6) + 1
		zs, es := make([]string, k), make([]string, k)
		for i := range k {
			// some pairs equal, some differing in white space only
			zs[i] = zh + strings.Repeat(" ", i%2)
			es[i] = strings.Repeat(en, i%3)
		}
		_, al := pairDoc(zs, es)
		got, want := findingsFrom(ev, k), findingsFrom(ev, k)
		fingerprint(got, al, nil, false)
		fingerprintV1(want, al, map[string]int{})
		require.Equal(t, fingerprints(want), fingerprints(got))
	})
}

// BenchmarkFingerprint keys 1,000, 5,000 and 20,000 findings in one pair
// of about 130 KB: time and allocation grow with the findings (main
// before the pair digest: findings × pair, over 6 GB at 20,000).
func BenchmarkFingerprint(b *testing.B) {
	var zh strings.Builder
	zh.WriteString("国家安全体系")
	for i := range 20000 {
		fmt.Fprintf(&zh, "{%d}", i)
	}
	zh.WriteString("。")
	_, al := pairDoc([]string{zh.String()}, []string{"National security system."})
	for _, n := range []int{1000, 5000, 20000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fs := make([]Finding, n)
			b.ReportAllocs()
			for b.Loop() {
				for i := range fs {
					fs[i] = Finding{Check: "tags", Bead: 0, Message: "missing", Evidence: fmt.Sprintf("missing {%d}", i)}
				}
				fingerprint(fs, al, nil, false)
			}
		})
	}
}

// TestFingerprintRandomPairs: pairs numbered by their text (a run of one
// piece) and pairs digested (the pieces of a windowed run) number repeats
// as the first versions did, on random documents whose pairs often repeat
// or differ in white space only, findings on pairs and outside them.
func TestFingerprintRandomPairs(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	words := []string{"国家", "安全", " ", "\n", "a", "b  c", "{1}"}
	text := func() string {
		var b strings.Builder
		for k := rng.Intn(4); k > 0; k-- {
			b.WriteString(words[rng.Intn(len(words))])
		}
		return b.String()
	}
	n := 2000
	if testing.Short() {
		n = 200
	}
	for range n {
		k := 1 + rng.Intn(6)
		zs, es := make([]string, k), make([]string, k)
		for i := range k {
			zs[i], es[i] = text(), text()
		}
		_, al := pairDoc(zs, es)
		var ev strings.Builder
		for j := rng.Intn(12); j > 0; j-- {
			ev.WriteString([]string{"x ", "y ", "{1} ", "250 "}[rng.Intn(4)])
		}
		want := findingsFrom(ev.String(), k)
		fingerprintV1(want, al, map[string]int{})
		got := findingsFrom(ev.String(), k)
		fingerprint(got, al, nil, false)
		require.Equal(t, fingerprints(want), fingerprints(got), "one piece: %q %q %q", zs, es, ev.String())
		got = findingsFrom(ev.String(), k)
		fingerprint(got, al, map[string]int{}, false)
		require.Equal(t, fingerprints(want), fingerprints(got), "a window: %q %q %q", zs, es, ev.String())
	}
}
