#!/usr/bin/env bash
# mqm-eval.sh — aligncheck's findings against human MQM error annotations of
# zh→en TED translations (../shared/data/mqm-ted-zhen): how many segments with
# a major omission of 10+ Chinese characters are flagged, and how many
# segments raters found faultless are flagged at warning or above
# (scripts/mqm-eval.go says how the documents are built). Not a tuning set
# for any check. Skips when the data is absent.
#
# Usage: scripts/mqm-eval.sh [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run scripts/mqm-eval.go "$@"
