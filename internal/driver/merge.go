package driver

import (
	"bufio"
	"os"

	"github.com/aligncheck/aligncheck/reports"
)

// MergeFiles reads the JSON reports of the shards of a run (check --shard
// K/N --format json, with or without --units) and combines them into the
// report of the whole run; failOn is the shards' own --fail-on.
func MergeFiles(paths []string) (rep *reports.Report, failOn string, err error) {
	if len(paths) == 0 {
		return nil, "", Usagef("merge: no reports given (want the JSON reports of check --shard K/N)")
	}
	parts := make([]*reports.Report, len(paths))
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, "", err
		}
		parts[i], err = reports.ReadShard(p, bufio.NewReaderSize(f, 256<<10))
		f.Close()
		if err != nil {
			return nil, "", err
		}
	}
	rep, err = reports.Merge(paths, parts)
	if err != nil {
		return nil, "", err
	}
	return rep, parts[0].Shard.FailOn, nil
}
