#!/usr/bin/env bash
# check-cost.sh — CPU time of `aligncheck check` on the reference document,
# this tree against another revision (default: main), in turns so that both
# see the same load on a shared machine. Each run is a fresh process, as a
# user's check is; user+system CPU seconds from /usr/bin/time, mean over
# the runs. Issue 14's budget: the check may take at most 30 % more CPU
# once the word-link checks run in it.
#
# Usage: scripts/check-cost.sh [runs] [revision]     (default 20, main)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
rev=${2:-main}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
doc=testdata/csis-modernizing-national-security.interleaved.txt
go build -o "$tmp/new" ./cmd/aligncheck
mkdir "$tmp/old-src"
git archive "$rev" | tar -x -C "$tmp/old-src"
(cd "$tmp/old-src" && go build -o "$tmp/old" ./cmd/aligncheck)
# the document's site furniture phrases, for a build that reads the
# "furniture" key (an earlier one had them built in)
refconfig=testdata/csis-modernizing-national-security.aligncheck.yaml
for b in old new; do
	if "$tmp/$b" config --config "$refconfig" >/dev/null 2>&1; then
		echo "--config $refconfig" >"$tmp/$b.site"
	else
		: >"$tmp/$b.site"
	fi
done
for ((k = 0; k < runs; k++)); do
	for b in old new; do
		# shellcheck disable=SC2046 # empty or two words without spaces
		/usr/bin/time -f "$b %U %S" -a -o "$tmp/times" "$tmp/$b" check --quiet --fail-on none $(cat "$tmp/$b.site") "$doc" >/dev/null
	done
done
awk -v rev="$rev" '{ cpu[$1] += $2 + $3; n[$1]++ } END {
	printf "%-10s %6.3f s CPU per check (mean of %d)\n", rev, cpu["old"] / n["old"], n["old"]
	printf "%-10s %6.3f s CPU per check (mean of %d)\n", "this tree", cpu["new"] / n["new"], n["new"]
	printf "ratio      %6.1f %%\n", 100 * cpu["new"] / n["new"] / (cpu["old"] / n["old"])
}' "$tmp/times"
