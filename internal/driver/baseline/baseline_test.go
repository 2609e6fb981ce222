package baseline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func item(fp, check, path, msg, ev string) Item {
	return Item{Fingerprint: fp, Check: check, Path: path, Message: msg, Evidence: ev}
}

func TestRoundTripAndCounts(t *testing.T) {
	items := []Item{
		item("f1", "length", "a.en.txt", "too short", "ratio"),
		item("f2", "numbering", "a.en.txt", "(4) against (三)", "(4) (三)"),
		item("f1", "length", "b.en.txt", "too short", "ratio"), // the same finding in a copy
	}
	p := filepath.Join(t.TempDir(), "baseline.json")
	require.NoError(t, New(items).WriteFile(p))
	b, err := Read(p)
	require.NoError(t, err)
	var got []string
	for _, e := range b.Findings {
		got = append(got, e.Fingerprint+" "+e.Path+" "+e.Check+": "+e.Message)
		assert.Equal(t, 1, e.Count)
		assert.Len(t, e.Evidence, 16)
	}
	assert.Equal(t, []string{"f1 a.en.txt length: too short", "f2 a.en.txt numbering: (4) against (三)", "f1 b.en.txt length: too short"}, got)

	assert.Equal(t, []bool{false, false, false}, b.New(items), "the same findings are known")
	// a second identical finding in the same file is new
	more := append(append([]Item(nil), items...), items[1])
	assert.Equal(t, []bool{false, false, false, true}, b.New(more))
	// a file renamed: matched by fingerprint alone
	assert.Equal(t, []bool{false}, b.New([]Item{item("f2", "numbering", "renamed.en.txt", "", "")}))
	// a new fingerprint is new
	assert.Equal(t, []bool{true, false}, b.New([]Item{item("f3", "numbers", "a.en.txt", "", "250万"), items[0]}))
	// the paragraph was edited (new fingerprint), the finding is the same
	assert.Equal(t, []bool{false, true}, b.New([]Item{
		item("f9", "numbering", "a.en.txt", "", "(4) (三)"),
		item("f8", "numbering", "a.en.txt", "", "(4) (三)"), // but only once
	}))
	// the same evidence in another file is new
	assert.Equal(t, []bool{true}, b.New([]Item{item("f9", "numbering", "c.en.txt", "", "(4) (三)")}))
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "b.json")
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	_, err := Read(filepath.Join(dir, "missing.json"))
	assert.ErrorContains(t, err, "read baseline: open ")
	p := write(`{"version": 2, "findings": []}`)
	_, err = Read(p)
	assert.EqualError(t, err, "read baseline "+p+": version 2; this aligncheck reads version 1")
	p = write(`{"version": 1, "findings": [{"fingerprint": "x", "count": 0}]}`)
	_, err = Read(p)
	assert.EqualError(t, err, "read baseline "+p+": finding 1: needs a fingerprint and a count of at least 1")
	p = write(`{"version": 1, "findings": [], "extra": 1}`)
	_, err = Read(p)
	assert.ErrorContains(t, err, `unknown field "extra"`)
}
