#!/usr/bin/env bash
# peakmem.sh — where a long two-file document's memory goes (issue 18):
# checks the document of N paragraph pairs (scripts/gendocs.sh, made in a
# temporary directory) once under /usr/bin/time with --memprofile-peak,
# and prints CPU seconds (user + system), peak RSS, the heap live at the
# peak and its largest holders (go tool pprof, inuse_space). One run:
# at 50,000 pairs it takes a minute or more of CPU.
#
#   scripts/peakmem.sh 50000
#   BIN=/tmp/other-build scripts/peakmem.sh 5000    # an earlier build
#   TOP=20 scripts/peakmem.sh 5000                  # more holders
#   ENABLE=length scripts/peakmem.sh 50000          # only these checks: with
#                                                   # one that needs no word
#                                                   # links, the alignment's peak
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: peakmem.sh PAIRS}
[ -x /usr/bin/time ] || { echo "peakmem: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${BIN:-}
if [ -z "$bin" ]; then
	bin=$tmp/aligncheck
	go build -o "$bin" ./cmd/aligncheck
fi
scripts/gendocs.sh "$n" "$tmp/doc"
enable=()
[ -z "${ENABLE:-}" ] || enable=(--enable "$ENABLE")
/usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" check --quiet --fail-on none --format json "${enable[@]}" \
	--zh "$tmp/doc/zh.txt" --en "$tmp/doc/en.txt" --memprofile-peak "$tmp/peak.prof" >/dev/null
awk -v n="$n" '{ printf "%s pairs: CPU %.2f s  peak RSS %.1f MB\n", n, $1 + $2, $3 / 1024 }' "$tmp/time"
go tool pprof -sample_index=inuse_space -top -nodecount="${TOP:-12}" "$bin" "$tmp/peak.prof" 2>/dev/null |
	sed -n '/^Showing nodes/,$p'
