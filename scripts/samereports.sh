#!/usr/bin/env bash
# samereports.sh — guard for speed work (issue 18): the reports of this
# tree's build must equal, byte for byte, those of an earlier build BEFORE
# on the reference document and every zh/en pair of ../shared/data/parallel
# (all eight formats), on the ../shared/data/realdocs tree (JSON) and on
# the generated 1k- and 5k-pair two-file documents (JSON and text). The
# earlier build's reports are kept in a cache directory named after its
# SHA-256, so they are computed once. Prints one line per difference and
# exits 1 on any; exit 2 on a usage error.
#
#   go build -o /tmp/before ./cmd/aligncheck     # before the change
#   BEFORE=/tmp/before scripts/samereports.sh
#   BEFORE=/tmp/before QUICK=1 scripts/samereports.sh   # skip realdocs and 5k
set -euo pipefail
cd "$(dirname "$0")/.."
before=${BEFORE:?set BEFORE to the earlier build}
data=${ALIGNCHECK_DATA:-../shared/data}
[ -d "$data/parallel" ] || { echo "samereports: $data/parallel not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/aligncheck" ./cmd/aligncheck
sum=$(sha256sum "$before" | cut -c1-16)
cache=${CACHE:-${TMPDIR:-/tmp}/samereports-$sum}
mkdir -p "$cache"

# every zh/en pair (reference translations refB included)
pairs=()
for z in "$data"/parallel/*/*.zh*.txt; do
	stem=${z%.zh*.txt}
	for e in "$stem".en*.txt; do
		[ -f "$e" ] && pairs+=("$z $e")
	done
done
gen=()
sizes=(1000 5000)
[ -n "${QUICK:-}" ] && sizes=(1000)
for n in "${sizes[@]}"; do
	if [ ! -f "$cache/gen$n/zh.txt" ]; then
		scripts/gendocs.sh "$n" "$cache/gen$n" >/dev/null
	fi
	gen+=("$n")
done

# run BIN OUTDIR: writes every report of every input into OUTDIR
run() {
	local bin=$1 out=$2 i=0 p z e
	mkdir -p "$out"
	allformats() { # NAME ARGS...
		local name=$1
		shift
		"$bin" check --quiet --fail-on none --show info --color never "$@" --format json -o "$out/$name.json" \
			--html "$out/$name.html" --sarif "$out/$name.sarif" --junit "$out/$name.junit" --markdown "$out/$name.md"
		for f in text jsonl github; do
			"$bin" check --quiet --fail-on none --show info --color never "$@" --format "$f" -o "$out/$name.$f"
		done
	}
	allformats ref testdata/csis-modernizing-national-security.interleaved.txt
	for p in "${pairs[@]}"; do
		read -r z e <<<"$p"
		allformats "pair$i" --zh "$z" --en "$e"
		i=$((i + 1))
	done
	for n in "${gen[@]}"; do
		"$bin" check --quiet --fail-on none --format json -o "$out/gen$n.json" --zh "$cache/gen$n/zh.txt" --en "$cache/gen$n/en.txt"
		"$bin" check --quiet --fail-on none --show info --color never -o "$out/gen$n.text" --zh "$cache/gen$n/zh.txt" --en "$cache/gen$n/en.txt"
	done
	if [ -z "${QUICK:-}" ] && [ -d "$data/realdocs" ]; then
		"$bin" check --quiet --fail-on none --format json -o "$out/realdocs.json" "$data/realdocs"
	fi
}
key=${#pairs[@]}-${QUICK:+quick}
if [ ! -f "$cache/done-$key" ]; then
	rm -rf "$cache/before-$key"
	run "$before" "$cache/before-$key"
	touch "$cache/done-$key"
fi
run "$tmp/aligncheck" "$tmp/after"
fail=0
n=0
for f in "$cache/before-$key"/*; do
	b=$(basename "$f")
	n=$((n + 1))
	if ! cmp -s "$f" "$tmp/after/$b"; then
		echo "samereports: $b differs" >&2
		fail=1
	fi
done
[ "$(ls "$tmp/after" | wc -l)" -eq "$n" ] || { echo "samereports: report count differs" >&2; fail=1; }
if [ $fail -eq 0 ]; then
	echo "samereports: $n reports identical (${#pairs[@]} parallel pairs, reference, generated ${gen[*]}${QUICK:+, quick})"
fi
exit $fail
