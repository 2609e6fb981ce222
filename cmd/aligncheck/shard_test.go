package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/internal/driver"
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

// TestUnitsMerge: a memory and a JSONL file (with an interleaved document
// beside them in the tree) checked in unit ranges that cut windows
// anywhere, merged, give the whole run's report byte for byte in every
// format merge writes, fingerprints of findings repeated across the
// ranges numbered as one run numbers them; ranges that leave a gap or
// overlap are refused.
func TestUnitsMerge(t *testing.T) {
	defer func(u, o int) { driver.WindowUnits, driver.WindowOverlap = u, o }(driver.WindowUnits, driver.WindowOverlap)
	driver.WindowUnits, driver.WindowOverlap = 7, 3
	dir := t.TempDir()
	units := windowFixture(t) // the reference pairs three times: repeated findings
	writeTMX(t, filepath.Join(dir, "mem.tmx"), units)
	writeJSONL(t, filepath.Join(dir, "mem.jsonl"), units)
	genDistinctTree(t, filepath.Join(dir, "docs"), 2, 4)
	// memories are named (a directory run takes text and Markdown)
	paths := []string{filepath.Join(dir, "mem.tmx"), filepath.Join(dir, "mem.jsonl"), filepath.Join(dir, "docs")}
	out := t.TempDir()
	for _, tc := range []struct {
		shards  int
		ranges  []string
		formats []string
	}{
		{1, []string{"0:20", "20:50", "50:"}, []string{"json", "text", "jsonl", "sarif", "junit", "github", "markdown"}},
		{2, []string{"0:1", "1:"}, []string{"json"}},
	} {
		shards, ranges := tc.shards, tc.ranges
		var parts []string
		for k := 1; k <= shards; k++ {
			for _, u := range ranges {
				p := filepath.Join(out, fmt.Sprintf("%d-%d-%s.json", shards, k, strings.ReplaceAll(u, ":", "_")))
				args := []string{"check", "--quiet", "--format", "json", "--fail-on", "none", "--units", u, "-o", p}
				if shards > 1 {
					args = append(args, "--shard", fmt.Sprintf("%d/%d", k, shards))
				}
				c, _, errs := runCmd(t, append(args, paths...)...)
				require.Equal(t, exitOK, c, errs)
				parts = append(parts, p)
			}
		}
		for _, f := range tc.formats {
			args := []string{"--quiet", "--format", f, "--show", "info", "--color", "never", "--fail-on", "none"}
			_, want, _ := runCmd(t, append(append([]string{"check"}, args...), paths...)...)
			c, got, errs := runCmd(t, append(append([]string{"merge"}, args...), parts...)...)
			require.Equal(t, exitOK, c, errs)
			assert.True(t, want == got, "%d shard(s), units %v: merged %s equals the whole run's", shards, ranges, f)
			if f == "json" {
				assert.True(t, strings.Contains(got, `mem.jsonl"`), "the memory is in the report")
				assert.GreaterOrEqual(t, strings.Count(got, `"check": "alignment/shift"`), 2, "the fixture's shift is found in both files")
			}
		}
	}
	part := func(u string) string {
		p := filepath.Join(out, "x"+strings.ReplaceAll(u, ":", "_")+".json")
		c, _, errs := runCmd(t, append([]string{"check", "--quiet", "--format", "json", "--fail-on", "none", "--units", u, "-o", p}, paths...)...)
		require.Equal(t, exitOK, c, errs)
		return p
	}
	for _, tc := range []struct {
		ranges []string
		want   string
	}{
		{[]string{"0:20", "30:"}, "units 20 to 30 are in no report"},
		{[]string{"0:20", "20:40"}, "units from 40 to the end are in no report"},
		{[]string{"0:", "20:"}, "overlap"},
		{[]string{"20:"}, "units 0 to 20 are in no report"},
	} {
		var ps []string
		for _, u := range tc.ranges {
			ps = append(ps, part(u))
		}
		c, _, errs := runCmd(t, append([]string{"merge"}, ps...)...)
		assert.Equal(t, exitError, c, "%v", tc.ranges)
		assert.Contains(t, errs, tc.want, "%v", tc.ranges)
	}
	for _, bad := range []string{"x", "5", "-1:", "9:3", "3:3"} {
		c, _, errs := runCmd(t, "check", "--units", bad, dir)
		assert.Equal(t, exitError, c, bad)
		assert.Contains(t, errs, "--units", bad)
	}
}
