#!/bin/sh
# Reproduce the aligner's benchmark table: strict bead P/R/F1 (pooled over
# files, null beads included), null-bead P/R, and the wall time of the whole
# process (start-up, segmenter and lexicon loading included) per gold set.
#
#   scripts/eval.sh            # data in ../shared/data beside the repository
#   DATA=/path/to/data scripts/eval.sh
#
# The gold sets are evaluation data that never enter the repository; see
# ../shared/data/README.md. MAC-Test is reported, never tuned on.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
data=${DATA:-$root/../shared/data}
if [ ! -d "$data" ]; then
	echo "eval.sh: no gold data in $data (set DATA=...)" >&2
	exit 2
fi
bin=$(mktemp -d)/aligncheck
trap 'rm -rf "$(dirname "$bin")"' EXIT
(cd "$root" && go build -o "$bin" ./cmd/aligncheck)

now() { date +%s.%N; }

# row NAME LINE-PREFIX EVAL-ARGS...: run one evaluation, print a table row
row() {
	name=$1 prefix=$2
	shift 2
	t0=$(now)
	out=$("$bin" eval "$@")
	t1=$(now)
	line=$(printf '%s\n' "$out" | grep "^$prefix " | tail -1)
	printf '%s\n' "$line" | awk -v n="$name" -v t0="$t0" -v t1="$t1" \
		'{ printf "| %s | %s | %s | %s | %s | %s | %.2f |\n", n, $4, $5, $6, $7, $8, t1 - t0 }'
}

echo "| set | P | R | F1 | null P | null R | seconds |"
echo "|---|---|---|---|---|---|---|"
row "MAC-Dev (zh→en, 6 chapters)" mac-dev --set "$data/mac-dev"
row "MAC-Test (zh→en, 24 chapters)" mac-test --set "$data/mac-test"
row "non-literary pooled (aca, mag en→zh; pol zh→en)" pooled \
	--set "$data/aligner-eval-nonlit/aca" --set "$data/aligner-eval-nonlit/mag" --set "$data/aligner-eval-nonlit/pol"
row "Champollion (zh→en, 7 documents)" champollion-ec-eval --set "$data/champollion-ec-eval"
row "Bible (en→zh, 5,000 × 6,301 sentences, merged by verse)" bible-en-zh --set "$data/bible-en-zh" --en-first --verse
