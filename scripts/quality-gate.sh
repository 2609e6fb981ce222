#!/usr/bin/env bash
# Quality gate: the aligner's F1 on MAC-Dev and on the non-literary sets must
# not drop more than 0.01 below the figures README.md claims (its "Aligner
# quality" table). Skips cleanly when ../shared/data is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${DATA:-../shared/data}
if [ ! -d "$data/mac-dev" ]; then
  echo "quality-gate: no gold data in $data; skipped"
  exit 0
fi
claim() { # row prefix of the README table → the bold F1 figure
  grep -F "| $1" README.md | head -1 | grep -o '\*\*[0-9.]*\*\*' | tr -d '*'
}
bin=$(mktemp -d)/aligncheck
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/aligncheck
f1() { # eval args → pooled F1 of the last table line
  "$bin" eval "$@" | awk 'NF >= 6 && $6 ~ /^[0-9.]+$/ { f = $6 } END { print f }'
}
status=0
check() { # name, claimed, measured
  if awk -v c="$2" -v m="$3" 'BEGIN { exit !(m + 0.01 < c) }'; then
    echo "FAIL $1: F1 $3 is more than 0.01 below the claimed $2"; status=1
  else
    echo "ok   $1: F1 $3 (README claims $2)"
  fi
}
check "MAC-Dev" "$(claim 'MAC-Dev')" "$(f1 --set "$data/mac-dev")"
check "non-literary pooled" "$(claim 'non-literary pooled')" \
  "$(f1 --set "$data/aligner-eval-nonlit/aca" --set "$data/aligner-eval-nonlit/mag" --set "$data/aligner-eval-nonlit/pol")"
exit $status
