package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShardsMerge: a generated tree checked in four shards and merged
// gives the single run's report byte for byte, in every format merge
// writes, with the same exit code; every document is in exactly one shard.
func TestShardsMerge(t *testing.T) {
	dir := t.TempDir()
	genDistinctTree(t, dir, 24, 5)
	gateWrite(t, dir, "pairs/lonely.zh.txt", "这一段没有译文。\n")
	out := t.TempDir()
	for _, failOn := range []string{"error", "none"} {
		code, whole, errs := runCmd(t, "check", "--quiet", "--format", "json", "--fail-on", failOn, dir)
		require.NotEqual(t, exitError, code, errs)
		var shards []string
		docs := 0
		for k := 1; k <= 4; k++ {
			p := filepath.Join(out, "shard"+strconv.Itoa(k)+".json")
			c, _, errs := runCmd(t, "check", "--quiet", "--format", "json", "--fail-on", failOn,
				"--shard", strconv.Itoa(k)+"/4", "-o", p, dir)
			require.NotEqual(t, exitError, c, errs)
			var r jsonReport
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &r))
			assert.Positive(t, len(r.Documents), "shard %d/4 has documents", k)
			docs += len(r.Documents)
			shards = append(shards, p)
		}
		assert.Equal(t, 25, docs, "each document in one shard")
		// given in any order
		shards[0], shards[3] = shards[3], shards[0]
		c, merged, errs := runCmd(t, append([]string{"merge", "--quiet", "--format", "json"}, shards...)...)
		assert.Equal(t, code, c, "exit code, --fail-on %s: %s", failOn, errs)
		assert.True(t, whole == merged, "merged JSON equals the single run's, --fail-on %s", failOn)
		for _, f := range []string{"text", "jsonl", "sarif", "junit", "github", "markdown"} {
			args := []string{"--quiet", "--format", f, "--show", "info", "--color", "never"}
			_, want, _ := runCmd(t, append(append([]string{"check", "--fail-on", failOn}, args...), dir)...)
			c, got, errs := runCmd(t, append(append([]string{"merge"}, args...), shards...)...)
			assert.Equal(t, code, c, errs)
			assert.True(t, want == got, "merged %s equals the single run's", f)
		}
	}
}

func TestMergeErrors(t *testing.T) {
	dir := t.TempDir()
	genDistinctTree(t, dir, 6, 3)
	out := t.TempDir()
	shard := func(spec, name string, extra ...string) string {
		p := filepath.Join(out, name)
		args := append([]string{"check", "--quiet", "--format", "json", "--fail-on", "none", "--shard", spec, "-o", p}, extra...)
		c, _, errs := runCmd(t, append(args, dir)...)
		require.Equal(t, exitOK, c, errs)
		return p
	}
	a, b := shard("1/2", "a.json"), shard("2/2", "b.json")
	other := shard("1/3", "c.json")
	plain := filepath.Join(out, "plain.json")
	c, _, errs := runCmd(t, "check", "--quiet", "--format", "json", "--fail-on", "none", "-o", plain, dir)
	require.Equal(t, exitOK, c, errs)
	disabled := shard("2/2", "d.json", "--disable", "numbers")
	require.NoError(t, os.WriteFile(filepath.Join(out, "bad.json"), []byte("{\"version\": 1,"), 0o644))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{a}, "shard 2/2 is missing"},
		{[]string{a, a}, "given twice"},
		{[]string{a, other}, "another split"},
		{[]string{a, plain}, "not a shard's report"},
		{[]string{a, disabled}, "other checks or settings"},
		{[]string{a, filepath.Join(out, "bad.json")}, "bad.json: not a JSON report"},
		{[]string{a, filepath.Join(out, "none.json")}, "none.json"},
		{[]string{"--format", "html", a, b}, "cannot be merged"},
		{nil, "no reports given"},
	} {
		c, stdout, errs := runCmd(t, append([]string{"merge"}, tc.args...)...)
		assert.Equal(t, exitError, c, "%v", tc.args)
		assert.Empty(t, stdout)
		assert.Contains(t, errs, tc.want, "%v", tc.args)
	}
	for _, bad := range []string{"0/4", "5/4", "x", "1/0", "2"} {
		c, _, errs := runCmd(t, "check", "--shard", bad, dir)
		assert.Equal(t, exitError, c, bad)
		assert.Contains(t, errs, "--shard", bad)
	}
	c, _, errs = runCmd(t, "check", "--shard", "1/2", "--write-baseline", filepath.Join(out, "base.json"), dir)
	assert.Equal(t, exitError, c)
	assert.Contains(t, errs, "--write-baseline")
}
