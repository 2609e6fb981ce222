#!/usr/bin/env bash
# Runs every fuzz target of the repository for FUZZTIME each (default 3s).
#   scripts/fuzz.sh            # the short smoke run CI does
#   FUZZTIME=60s scripts/fuzz.sh   # the long run done before resolving a parser change
# A crash makes the script fail; go test writes the crashing input under the
# package's testdata/fuzz/ so it becomes a regression seed once committed.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-3s}"
status=0
while read -r file name; do
  pkg="./$(dirname "$file")"
  echo "-- $pkg $name ($fuzztime)"
  if ! go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$pkg" >/tmp/fuzz-$$.log 2>&1; then
    echo "FAIL: $pkg $name"; tail -30 /tmp/fuzz-$$.log; status=1
  fi
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
  grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | while read -r n; do echo "${f#./} $n"; done
done)
rm -f /tmp/fuzz-$$.log
exit $status
