#!/usr/bin/env bash
# words-grid.sh — word-alignment error rates around the default parameters.
#
# The defaults of align/words were chosen on the DeNero–Macherey gold set
# (testdata/zh-en-word-alignment): this reruns `aligncheck eval --words` on
# it over EM iterations 3–5, prior pseudo-counts 1, 2, 4 and diagonal
# tension λ 1, 1.5, 2 (p0 and the minimum posterior at their defaults) and
# prints one line per setting, intersection and grow-diag-final AER, then
# how many settings keep both at or below 0.30.
#
# Usage: scripts/words-grid.sh [gold-set-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
set_dir=${1:-testdata/zh-en-word-alignment}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/aligncheck" ./cmd/aligncheck
printf '%-4s %-5s %-6s %8s %8s\n' it prior lambda inter gdf
for it in 3 4 5; do
	for prior in 1 2 4; do
		for lambda in 1 1.5 2; do
			"$tmp/aligncheck" eval --words --set "$set_dir" --iterations "$it" --prior "$prior" --lambda "$lambda" |
				awk -v it="$it" -v p="$prior" -v l="$lambda" '
					$2 == "intersection" { i = $8 } $2 == "grow-diag-final" { g = $8 }
					END { printf "%-4s %-5s %-6s %8s %8s\n", it, p, l, i, g }'
		done
	done
done | tee "$tmp/grid"
awk '{ n++; if ($4 <= 0.30 && $5 <= 0.30) ok++ } END { printf "%d of %d settings at or below 0.30 in both\n", ok, n }' "$tmp/grid"
