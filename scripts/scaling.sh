#!/usr/bin/env bash
# scaling.sh — does `aligncheck check` stay linear in the size of a document?
#
# Builds, at run time and in a temporary directory (the text is never copied
# into the repository), a two-file bitext from ../shared/data/bible-en-zh:
# the 5,000 English and 6,301 Chinese sentences grouped into one paragraph
# per chapter by their verse ids (150 chapters), then the same repeated 10
# times (1,500 paragraphs, 50,000 English sentences). Checks both with the
# built binary under /usr/bin/time and reports wall and CPU seconds, peak
# RSS, and the ratio of the large run's time to ten times the small one's.
#
# Targets (issue 9): ratio ≤ 1.3, peak RSS of the large run ≤ 1 GB.
# Usage: scripts/scaling.sh [repeat]   (repeat defaults to 10)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${ALIGNCHECK_DATA:-../shared/data}/bible-en-zh
n=${1:-10}
if [ ! -d "$data" ]; then
	echo "scaling: $data not found" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/aligncheck" ./cmd/aligncheck

# chapters LANG SEP: one paragraph per book:chapter, sentences joined by SEP
chapters() {
	paste -d '\t' "$data/$1.verse" "$data/$1/001" | awk -F '\t' -v sep="$2" '
		{ split($1, v, ":"); key = v[1] ":" v[2]
		  if (key != last) { if (NR > 1) printf "\n\n"; printf "%s", $2; last = key }
		  else printf "%s%s", sep, $2 }
		END { printf "\n" }'
}
chapters zh "" >"$tmp/zh.1"
chapters en " " >"$tmp/en.1"
for l in zh en; do
	: >"$tmp/$l.$n"
	for ((k = 0; k < n; k++)); do
		cat "$tmp/$l.1" >>"$tmp/$l.$n"
		echo >>"$tmp/$l.$n"
	done
done

# Both runs with the same collector setting: by default the command lets
# the heap grow further for inputs up to 4 MiB (driver.TuneGC), which
# would favour the small run and measure the collector, not the scaling.
export GOGC=${GOGC:-100}
measure() { # size → "wall cpu rss_kb"
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$tmp/aligncheck" check --quiet --fail-on none \
		--zh "$tmp/zh.$1" --en "$tmp/en.$1" >/dev/null
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$tmp/time"
}
read -r w1 c1 m1 < <(measure 1)
read -r wn cn mn < <(measure "$n")
paras=$(grep -c . "$tmp/en.1")
echo "x1:  $paras paragraphs, $(wc -l <"$data/en/001") English sentences: ${w1} s wall, ${c1} s CPU, $((m1 / 1024)) MB peak RSS"
echo "x$n: $((paras * n)) paragraphs: ${wn} s wall, ${cn} s CPU, $((mn / 1024)) MB peak RSS"
awk -v w1="$w1" -v c1="$c1" -v wn="$wn" -v cn="$cn" -v n="$n" -v mn="$mn" 'BEGIN {
	rw = wn / (n * w1); rc = cn / (n * c1)
	printf "time against %d × the small run: %.2f (wall), %.2f (CPU); target ≤ 1.3\n", n, rw, rc
	ok = rc <= 1.3 && mn <= 1024 * 1024
	print ok ? "ok" : "FAIL"
	exit ok ? 0 : 1 }'
