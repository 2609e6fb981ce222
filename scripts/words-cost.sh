#!/usr/bin/env bash
# words-cost.sh — what word alignment adds to checking the reference document.
#
# Alternates, on one core, the whole check of the reference document
# (pipeline.Check: reading, paragraph and sentence alignment, every check,
# as BenchmarkPipelineReference runs it) and the word alignment of its
# sentence beads (align/words, as its BenchmarkReference runs it), and
# prints the mean CPU time of each and their ratio (scripts/words-cost.go).
# Taking turns run by run exposes both to the same load on a shared
# machine. Issue 14's budget: the check may take at most 30 % more CPU once
# word alignment runs in it.
#
# Usage: scripts/words-cost.sh [runs]   (runs of each, default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run scripts/words-cost.go -n "${1:-40}"
