#!/usr/bin/env bash
# falsealarms.sh — run `aligncheck check` over the reference document and every
# zh/en pair under ../shared/data/parallel (two-file shape, never copied into
# the repository) and count the warning and error findings per check.
#
# Findings listed in scripts/falsealarms.real (one "name<TAB>check<TAB>line"
# per line: a real defect in the translation, classified by reading it) are
# counted as real; every other warning or error is a false alarm. The
# acceptance rule is at most one false alarm per 20 paragraph pairs.
#
# Usage: scripts/falsealarms.sh [-v]   (-v lists every finding)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${ALIGNCHECK_DATA:-../shared/data/parallel}
verbose=${1:-}
if [ ! -d "$data" ]; then
	echo "falsealarms: $data not found; skipped" >&2
	exit 0
fi
bin=$(mktemp -d)/aligncheck
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/aligncheck

out=$(mktemp)
run() { # name, then check arguments
	local name=$1
	shift
	"$bin" check --format json --quiet --fail-on none "$@" |
		jq -r --arg name "$name" '.documents[] |
			"PAIRS\t\($name)\t\([.pairs[] | select(.type != "1-0" and .type != "0-1")] | length)",
			(.findings[] | select(.severity != "info") |
				"F\t\($name)\t\(.check)\t\((.en // .zh).line)\t\(.severity)\t\(.message)")' >>"$out"
}

run reference testdata/csis-modernizing-national-security.interleaved.txt
for zh in "$data"/*/*.zh.txt; do
	base=${zh%.zh.txt}
	name=$(basename "$base")
	# en→zh documents (those with a second Chinese reference) have English as the source
	src=zh
	[ -f "$base.zh-refB.txt" ] && src=en
	[ -f "$base.en.txt" ] && run "$name" --source "$src" --zh "$zh" --en "$base.en.txt"
	[ -f "$base.en-refB.txt" ] && run "$name.refB" --source "$src" --zh "$zh" --en "$base.en-refB.txt"
	[ -f "$base.zh-refB.txt" ] && run "$name.zhrefB" --source "$src" --zh "$base.zh-refB.txt" --en "$base.en.txt"
done

real=scripts/falsealarms.real
awk -F'\t' -v verbose="$verbose" '
	FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF >= 3) real[$1 "\t" $2 "\t" $3] = 1; next }
	$1 == "PAIRS" { pairs += $3; docs++; next }
	$1 == "F" {
		key = $2 "\t" $3 "\t" $4
		total[$3]++
		if (key in real) { r[$3]++; tag = "real " } else { fa[$3]++; nfa++; tag = "FALSE" }
		if (verbose != "") printf "%s %s:%s: %s: %s [%s]\n", tag, $2, $4, $5, $6, $3
	}
	END {
		printf "%d documents, %d paragraph pairs\n", docs, pairs
		printf "%-22s %6s %6s %6s\n", "check", "found", "real", "false"
		for (c in total) printf "%-22s %6d %6d %6d\n", c, total[c], r[c], fa[c]
		printf "false alarms: %d (allowed: %d = pairs/20)\n", nfa, int(pairs / 20)
		exit (nfa > int(pairs / 20))
	}' "$real" "$out"
