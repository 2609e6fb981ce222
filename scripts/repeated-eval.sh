#!/usr/bin/env bash
# repeated-eval.sh — alignment/repeated on translation memories made from
# the published documents of ../shared/data/realdocs (scripts/repeated-eval.go
# says how): findings on the memories as made (every one a false alarm), and
# how many rows copied down from the row before are found. Not a tuning set:
# the check's defaults were set before it was run. Skips when the data is
# absent.
#
# Usage: scripts/repeated-eval.sh [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run scripts/repeated-eval.go "$@"
