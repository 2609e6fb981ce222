package driver

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/aligncheck/aligncheck/reports"
)

// ShardSpec is one share of a run split across machines (check --shard
// K/N): the K-th of N. The zero value is the whole run.
type ShardSpec struct{ K, N int }

// ParseShard reads "K/N" (1 ≤ K ≤ N).
func ParseShard(s string) (ShardSpec, error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return ShardSpec{}, Usagef("--shard: %q is not K/N with 1 ≤ K ≤ N", s)
	}
	return ShardSpec{K: k, N: n}, nil
}

// takes reports whether the shard takes the document sorted by key. The
// share is by a hash of the path, so that it does not depend on the other
// documents of the run: a file added to a tree moves no other file to
// another shard.
func (s ShardSpec) takes(key string) bool {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64()%uint64(s.N))+1 == s.K
}

// share keeps the tasks of the shard, each knowing its place in the
// whole run.
func (s ShardSpec) share(ts []Task) []Task {
	for i := range ts {
		ts[i].order = i
	}
	if s.N == 0 {
		return ts
	}
	var out []Task
	for _, t := range ts {
		if s.takes(t.key()) {
			out = append(out, t)
		}
	}
	return out
}

// key is the path a task is sorted and sharded by.
func (t Task) key() string {
	if t.docs == nil {
		return t.doc.Key()
	}
	if len(t.docs) > 0 {
		return t.docs[0].Name
	}
	return ""
}

// shardReport adds to a shard's report what merging needs.
func (d *Driver) shardReport(rep *reports.Report, orders []int, units []*reports.Units) {
	k, n := d.opt.Shard.K, d.opt.Shard.N
	if n == 0 {
		if d.opt.Units == nil {
			return
		}
		k, n = 1, 1 // a unit range of the whole run
	}
	rep.Shard = reports.NewShard(rep, k, n, d.FailOn.String(), orders, units)
	rep.Shard.Units = d.opt.Units
}

// ParseUnits reads "FROM:TO" or "FROM:" (to the end of each file).
func ParseUnits(s string) (*reports.Units, error) {
	fs, ts, ok := strings.Cut(s, ":")
	from, err1 := strconv.Atoi(fs)
	to, err2 := 0, error(nil)
	if ts != "" {
		to, err2 = strconv.Atoi(ts)
	}
	if !ok || err1 != nil || err2 != nil || from < 0 || ts != "" && to <= from {
		return nil, Usagef("--units: %q is not FROM:TO (0 ≤ FROM < TO) or FROM: (to the end)", s)
	}
	return &reports.Units{From: from, To: to}, nil
}

// ParseSplit reads --shard and --units ("" for none). A baseline cannot be
// written from a share of a run: it would record that share's findings
// only.
func ParseSplit(shard, units string, writeBaseline bool) (ShardSpec, *reports.Units, error) {
	var s ShardSpec
	var u *reports.Units
	var err error
	if shard != "" {
		if s, err = ParseShard(shard); err != nil {
			return s, nil, err
		}
	}
	if units != "" {
		if u, err = ParseUnits(units); err != nil {
			return s, nil, err
		}
	}
	if (shard != "" || units != "") && writeBaseline {
		return s, nil, Usagef("--shard, --units: --write-baseline would record one share's findings only; write it from a whole run")
	}
	return s, u, nil
}
