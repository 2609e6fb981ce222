#!/usr/bin/env bash
# pgo.sh — remake cmd/aligncheck/default.pgo, the CPU profile that `go
# build` and `go install` of ./cmd/aligncheck use for profile-guided
# optimisation (Go's -pgo=auto: https://go.dev/doc/pgo). The profile
# changes only which calls the compiler inlines and how it lays out hot
# code, never what the program computes: every report stays byte for
# byte the same (scripts/samereports.sh checks it).
#
# The workload is the published official documents of
# ../shared/data/realdocs (156 documents, read at run time) and the
# reference document, checked RUNS times (default 4) by a build made
# without a profile. It is deliberately not the generated documents that
# scripts/throughput.sh measures, so that the throughput figures are of a
# profile made on other text. Remake the profile after large changes to
# the hot code (an outdated profile still builds, and helps less).
#
#   scripts/pgo.sh            # writes cmd/aligncheck/default.pgo
set -euo pipefail
cd "$(dirname "$0")/.."
data=${ALIGNCHECK_DATA:-../shared/data}/realdocs
runs=${RUNS:-4}
if [ ! -d "$data" ]; then
	echo "pgo: $data not found" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -pgo=off -o "$tmp/aligncheck" ./cmd/aligncheck
for ((r = 1; r <= runs; r++)); do
	"$tmp/aligncheck" check --quiet --fail-on none --format json \
		--cpuprofile "$tmp/cpu$r.pprof" \
		"$data" testdata/csis-modernizing-national-security.interleaved.txt >/dev/null
done
go tool pprof -proto "$tmp"/cpu*.pprof >"$tmp/merged.pgo"
mv "$tmp/merged.pgo" cmd/aligncheck/default.pgo
echo "pgo: wrote cmd/aligncheck/default.pgo ($(wc -c <cmd/aligncheck/default.pgo) bytes, $runs runs)"
