#!/usr/bin/env bash
# throughput.sh — issue 18's acceptance measurement: whole-process cost of
# `aligncheck check` on two-file documents of 1k, 5k and 50k paragraph
# pairs (scripts/gendocs.sh, made in a temporary directory) and on the
# reference document, cold. Each is run RUNS times (default 5) under
# /usr/bin/time; prints the medians of CPU seconds (user + system) and of
# peak RSS, MB per CPU-second, and the cost per byte of each size against
# that of the smallest. CPU seconds, not wall time: the machine is shared.
#
#   scripts/throughput.sh                 # 1000 5000 50000 pairs
#   RUNS=3 scripts/throughput.sh 1000 5000
#   BIN=/tmp/other-build scripts/throughput.sh 5000   # an earlier build
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 50000)
[ -x /usr/bin/time ] || { echo "throughput: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${BIN:-}
if [ -z "$bin" ]; then
	bin=$tmp/aligncheck
	go build -o "$bin" ./cmd/aligncheck
fi
# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# measure NAME BYTES ARGS...: RUNS runs; prints "NAME cpu rss_mb"
measure() {
	local name=$1 bytes=$2
	shift 2
	: >"$tmp/cpu"
	: >"$tmp/rss"
	for ((r = 0; r < runs; r++)); do
		/usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" check --quiet --fail-on none "$@" >/dev/null
		awk '{ printf "%.3f\n", $1 + $2 }' "$tmp/time" >>"$tmp/cpu"
		awk '{ printf "%.1f\n", $3 / 1024 }' "$tmp/time" >>"$tmp/rss"
	done
	local cpu rss
	cpu=$(median <"$tmp/cpu")
	rss=$(median <"$tmp/rss")
	awk -v n="$name" -v b="$bytes" -v c="$cpu" -v m="$rss" -v r="$runs" 'BEGIN {
		printf "%-10s %6.2f MB  CPU %7.3f s  peak RSS %7.1f MB  %5.2f MB per CPU-second  (median of %d)\n", n, b / 1e6, c, m, b / 1e6 / c, r }'
	echo "$bytes $cpu" >>"$tmp/perbyte"
}
ref=testdata/csis-modernizing-national-security.interleaved.txt
measure reference "$(wc -c <"$ref")" --config testdata/csis-modernizing-national-security.aligncheck.yaml "$ref"
: >"$tmp/perbyte"
for n in "${sizes[@]}"; do
	scripts/gendocs.sh "$n" "$tmp/$n"
	measure "$n pairs" "$(cat "$tmp/$n/zh.txt" "$tmp/$n/en.txt" | wc -c)" --zh "$tmp/$n/zh.txt" --en "$tmp/$n/en.txt"
	rm -rf "${tmp:?}/$n"
done
awk 'NR == 1 { b0 = $1; c0 = $2 } NR > 1 { printf "cost per byte at %.2f MB: %.3f × that at %.2f MB\n", $1 / 1e6, ($2 / $1) / (c0 / b0), b0 / 1e6 }' "$tmp/perbyte"
