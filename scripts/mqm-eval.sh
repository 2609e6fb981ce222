#!/usr/bin/env bash
# mqm-eval.sh — aligncheck's findings against human MQM error annotations of
# zh→en TED translations (../shared/data/mqm-ted-zhen): how many segments with
# a major omission of 10+ Chinese characters are flagged, and how many
# segments raters found faultless are flagged at warning or above
# (scripts/mqm-eval.go says how the documents are built). Not a tuning set
# for any check. Skips when the data is absent.
#
# Usage: scripts/mqm-eval.sh [-v] [-pairs] [-min N]
#   -pairs  give each talk as its segment pairs (pre-aligned) instead of two
#           texts the tool aligns
#   -min N  count major omissions of N+ Chinese characters (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run scripts/mqm-eval.go "$@"
