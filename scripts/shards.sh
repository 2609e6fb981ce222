#!/usr/bin/env bash
# shards.sh — issue 18's sharding acceptance on real documents: check a
# tree (default ../shared/data/realdocs) whole, then in N shares
# (check --shard K/N, default N = 4) and merge them; the merged report must
# equal the whole run's byte for byte in every format merge writes, with
# the same exit code. Fails (exit 1) on any difference; exit 2 when the
# tree is missing.
#
#   scripts/shards.sh                      # realdocs, 4 shards
#   scripts/shards.sh ../shared/data/parallel 3
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-${ALIGNCHECK_DATA:-../shared/data}/realdocs}
n=${2:-4}
if [ ! -d "$tree" ]; then
	echo "shards: $tree not found" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/aligncheck" ./cmd/aligncheck
ac=$tmp/aligncheck
fail=0
for failon in error none; do
	set +e
	"$ac" check "$tree" --quiet --fail-on "$failon" --format json -o "$tmp/whole.json"
	whole=$?
	shards=()
	for ((k = 1; k <= n; k++)); do
		"$ac" check "$tree" --quiet --fail-on "$failon" --shard "$k/$n" --format json -o "$tmp/shard-$k.json"
		rc=$?
		[ $rc -le 1 ] || { echo "shards: shard $k/$n exited $rc" >&2; exit 1; }
		shards+=("$tmp/shard-$k.json")
	done
	"$ac" merge --quiet --format json "${shards[@]}" >"$tmp/merged.json"
	merged=$?
	set -e
	docs=$(grep -c '"task":' "$tmp"/shard-*.json | awk -F: '{ printf "%s ", $2 }')
	if [ "$whole" != "$merged" ]; then
		echo "shards: --fail-on $failon: exit code $merged merged, $whole whole" >&2
		fail=1
	fi
	if cmp -s "$tmp/whole.json" "$tmp/merged.json"; then
		echo "shards: --fail-on $failon: json identical ($(wc -c <"$tmp/whole.json") bytes; documents per shard: $docs; exit code $whole)"
	else
		echo "shards: --fail-on $failon: json differs" >&2
		fail=1
	fi
	for f in text jsonl sarif junit github markdown; do
		set +e
		"$ac" check "$tree" --quiet --fail-on "$failon" --format "$f" --show info --color never >"$tmp/whole.$f"
		"$ac" merge --quiet --format "$f" --show info --color never "${shards[@]}" >"$tmp/merged.$f"
		set -e
		if cmp -s "$tmp/whole.$f" "$tmp/merged.$f"; then
			echo "shards: --fail-on $failon: $f identical"
		else
			echo "shards: --fail-on $failon: $f differs" >&2
			fail=1
		fi
	done
done
[ $fail -eq 0 ] && echo "shards: ok" || { echo "shards: FAIL" >&2; exit 1; }
