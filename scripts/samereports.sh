#!/usr/bin/env bash
# samereports.sh — do two builds give the same reports? Issue 18's work on
# memory and start-up must change no result: this runs an earlier build
# (BEFORE) and a later one (AFTER, default: this tree, built) over the
# reference document and every zh/en pair of ../shared/data/parallel in
# every format (text, json, jsonl, html, sarif, junit, github, markdown),
# over ../shared/data/realdocs as JSON, and over generated two-file
# documents (scripts/gendocs.sh; default 1000 and 5000 pairs) as JSON and
# text, and compares reports and exit codes byte for byte. Prints each
# difference and exits 1 on any; 0 when all are equal. Research data is
# read at run time, never copied into the tree.
#
#   go build -o /tmp/before ./cmd/aligncheck   # before an edit
#   scripts/samereports.sh /tmp/before         # after it
#   SIZES="1000" scripts/samereports.sh /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: samereports.sh BEFORE-BINARY [AFTER-BINARY]}
data=${ALIGNCHECK_DATA:-../shared/data}
sizes=${SIZES:-1000 5000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
after=${2:-}
if [ -z "$after" ]; then
	after=$tmp/after
	go build -o "$after" ./cmd/aligncheck
fi
fail=0
n=0
# The reference document is checked with its site's furniture phrases
# (refconfig), by a build that reads the "furniture" key; an earlier build
# had them built in and is given no configuration.
refconfig=testdata/csis-modernizing-national-security.aligncheck.yaml
site_args() { # BINARY → the arguments that give it the reference's site
	if "$1" config --config "$refconfig" >/dev/null 2>&1; then
		echo "--config $refconfig"
	fi
}
before_site=$(site_args "$before")
after_site=$(site_args "$after")
# run NAME FORMATS ARGS...: both builds, each format, reports and exit
# codes compared; with site=1 in the environment, each build gets the
# reference's site configuration as it reads it
run() {
	local name=$1 formats=$2
	shift 2
	local f b rc
	for f in $formats; do
		for b in before after; do
			local bin=$before extra=""
			[ $b = after ] && bin=$after
			if [ "${site:-}" = 1 ]; then
				extra=$before_site
				[ $b = after ] && extra=$after_site
			fi
			set +e
			# shellcheck disable=SC2086 # extra is empty or two words without spaces
			"$bin" check --quiet --fail-on warning --format "$f" $extra "$@" >"$tmp/$b.out" 2>"$tmp/$b.err"
			rc=$?
			set -e
			echo "exit $rc" >>"$tmp/$b.out"
		done
		n=$((n + 1))
		if ! cmp -s "$tmp/before.out" "$tmp/after.out"; then
			echo "DIFFERENT: $name --format $f" >&2
			diff "$tmp/before.out" "$tmp/after.out" | head -5 >&2 || true
			fail=1
		fi
	done
}
all="text json jsonl html sarif junit github markdown"
site=1 run reference "$all" testdata/csis-modernizing-national-security.interleaved.txt
for z in "$data"/parallel/*/*.zh*.txt; do
	base=${z%.zh*.txt}
	for e in "$base".en*.txt; do
		[ -f "$e" ] || continue
		run "$(basename "$z") + $(basename "$e")" "$all" --zh "$z" --en "$e"
	done
done
run realdocs "json" "$data/realdocs"
for s in $sizes; do
	scripts/gendocs.sh "$s" "$tmp/gen$s"
	run "generated $s pairs" "json text" --zh "$tmp/gen$s/zh.txt" --en "$tmp/gen$s/en.txt"
	rm -rf "${tmp:?}/gen$s"
done
if [ $fail -ne 0 ]; then
	echo "samereports: reports differ" >&2
	exit 1
fi
echo "samereports: $n reports equal"
