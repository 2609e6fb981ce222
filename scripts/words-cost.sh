#!/usr/bin/env bash
# words-cost.sh — what word alignment adds to checking the reference document.
#
# Warm (default): one process alternates, on one core, the whole check of
# the reference document (driver.Check: reading, paragraph and sentence
# alignment, every check, as the driver benchmarks it) and the
# word alignment of its sentence beads (align/words, as its
# BenchmarkReference runs it), and prints the mean CPU time of each and
# their ratio (scripts/words-cost.go). Taking turns run by run exposes both
# to the same load on a shared machine.
# Cold (--cold N): N fresh processes, each checking the document once and
# then word-aligning it once, as a single `aligncheck check` would; means.
# Issue 14's budget: the check may take at most 30 % more CPU once word
# alignment runs in it.
#
# Usage: scripts/words-cost.sh [runs]         (warm; runs of each, default 40)
#        scripts/words-cost.sh --cold [procs] (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--cold" ]; then
	exec go run scripts/words-cost.go -n "${1:-40}"
fi
n=${2:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/cost" scripts/words-cost.go
for ((k = 0; k < n; k++)); do
	GOMAXPROCS=1 "$tmp/cost" -cold
done | awk '{ c += $1; w += $2 } END {
	printf "whole check     %6.1f ms CPU (first in a process)\nword alignment  %6.1f ms CPU (first in a process)\nratio           %6.1f %%\n", c / NR, w / NR, 100 * w / c }'
