#!/usr/bin/env bash
# words-cost.sh — what word alignment adds to checking the reference document.
#
# Runs, in turns, the benchmark of the whole check of the reference document
# (pipeline: BenchmarkPipelineReference — reading, paragraph and sentence
# alignment, every check) and the benchmark of word-aligning it
# (align/words: BenchmarkReference — its sentence beads already aligned),
# both on one core, and prints the fastest run of each and their ratio: the
# fastest run is the one other load on the machine disturbed least, and
# taking turns exposes both to the same load. Issue 14's budget: the check
# may take at most 30 % more once word alignment runs in it.
#
# Usage: scripts/words-cost.sh [rounds]   (rounds defaults to 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/pipeline.test" ./pipeline
go test -c -o "$tmp/words.test" ./align/words
best() { sort -n | head -1; }
for ((r = 0; r < rounds; r++)); do
	(cd pipeline && "$tmp/pipeline.test" -test.run '^$' -test.bench '^BenchmarkPipelineReference$' \
		-test.benchtime 10x -test.cpu 1) | awk '/^BenchmarkPipelineReference/ { print $3 }' >>"$tmp/check"
	(cd align/words && "$tmp/words.test" -test.run '^$' -test.bench '^BenchmarkReference$' \
		-test.benchtime 10x -test.cpu 1) | awk '/^BenchmarkReference/ { print $3 }' >>"$tmp/words"
done
check=$(best <"$tmp/check")
words=$(best <"$tmp/words")
awk -v c="$check" -v w="$words" 'BEGIN {
	printf "whole check   %6.1f ms\nword alignment %5.1f ms\nratio          %5.1f %%\n", c / 1e6, w / 1e6, 100 * w / c }'
