#!/usr/bin/env bash
# partial-eval.sh — omission/partial on clauses deleted from the English of
# the WMT documents (../shared/data/parallel), and its false alarms on the
# intact documents: the share of deletions found and the findings at
# warning or above per 100 intact sentence pairs (scripts/partial-eval.go
# says how the deletions are made). Skips when the data is absent.
#
# Usage: scripts/partial-eval.sh [-n 100] [-v] [-part] [-dump DIR]   (-part: delete part
# of a clause instead of a whole one; -dump: also write the
# documents with their deletions, and where the deleted clauses are, to DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run scripts/partial-eval.go "$@"
