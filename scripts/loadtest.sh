#!/bin/sh
# Load benchmark of `aligncheck serve`'s API over loopback: 8 clients × 250
# checks of a one-paragraph pair (after a warm-up), with the real segmenter
# and lexicon. Prints p50/p90/p99 latency, throughput, heap and RSS; fails on
# any error or on heap growth across the run. Bounded: 2,000 requests, and
# go test's -timeout.
#
#   scripts/loadtest.sh                       # 8 × 250
#   CLIENTS=16 REQUESTS=100 scripts/loadtest.sh
#   FORMAT=html scripts/loadtest.sh           # the page's format
set -eu
cd "$(dirname "$0")/.."
ALIGNCHECK_LOADTEST=1 \
ALIGNCHECK_LOADTEST_CLIENTS="${CLIENTS:-8}" \
ALIGNCHECK_LOADTEST_REQUESTS="${REQUESTS:-250}" \
ALIGNCHECK_LOADTEST_FORMAT="${FORMAT:-json}" \
	exec go test -run '^TestLoad$' -count=1 -timeout 5m -v ./server/
