#!/usr/bin/env bash
# Runs every fuzz target of the repository with the budget FUZZTIME (default 3s).
#   scripts/fuzz.sh                  # a short smoke run
#   FUZZTIME=3000x scripts/fuzz.sh   # the CI run: a count of executions per target
#   FUZZTIME=60s scripts/fuzz.sh     # the long run done before resolving a parser change
# A crash makes the script fail; go test writes the crashing input under the
# package's testdata/fuzz/ so it becomes a regression seed once committed.
#
# A duration budget can end in a bare "context deadline exceeded" with no input
# written: a race in Go's fuzzing coordinator when a worker is mid-call as the
# deadline fires on a loaded machine (golang/go#51484, golang/go#75804), not a
# finding. Such a run is retried once; a count budget ("Nx") has no deadline
# and cannot hit it, which is why CI uses one. Anything else that fails — a
# written reproducer, a panic, a failed seed — fails the script.
#
# Each new interesting input is minimized before fuzzing goes on, for up to a
# minute by default: on a target whose inputs are whole documents (hundreds of
# sentences a side) that stalls a smoke run for minutes at a time, and more as
# the corpus cached under $(go env GOCACHE)/fuzz grows between runs.
# FUZZMINIMIZE (default 100x, a count of executions) bounds each minimization;
# a failing input is still written, only less minimized.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-3s}"
minimize="${FUZZMINIMIZE:-100x}"
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# deadline_only reports whether the log shows the coordinator race and nothing else.
deadline_only() {
  grep -q 'context deadline exceeded' "$log" &&
    ! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:|fuzz: minimizing' "$log"
}

while read -r file name; do
  pkg="./$(dirname "$file")"
  echo "-- $pkg $name ($fuzztime)"
  for attempt in 1 2; do
    if go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" -fuzzminimizetime="$minimize" "$pkg" >"$log" 2>&1; then
      break
    fi
    if [ "$attempt" = 1 ] && deadline_only; then
      echo "   (fuzz coordinator deadline race, no input written; running again)"
      continue
    fi
    echo "FAIL: $pkg $name"; tail -30 "$log"; status=1
    break
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
  grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | while read -r n; do echo "${f#./} $n"; done
done)
exit $status
