#!/bin/sh
# bigtmx.sh — issue 7's acceptance measurement: generate a TMX of SIZE bytes
# (default 200 MB) by repeating the reference document's pairs, check it
# with the built binary under /usr/bin/time -v, print peak RSS, wall and
# CPU time, and fail when the peak RSS is above LIMIT_MB (default 300).
# The file is made in a temporary directory at run time and removed after.
#
#   scripts/bigtmx.sh                  # 200 MB, --format json
#   SIZE=20000000 FORMAT=text scripts/bigtmx.sh
#   BIN=/tmp/other-build SIZE=20000000 scripts/bigtmx.sh   # an earlier build
set -eu
cd "$(dirname "$0")/.."
SIZE=${SIZE:-200000000}
LIMIT_MB=${LIMIT_MB:-300}
FORMAT=${FORMAT:-json}
REF=testdata/csis-modernizing-national-security.interleaved.txt
[ -x /usr/bin/time ] || { echo "bigtmx: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${BIN:-}
if [ -z "$bin" ]; then
	bin=$tmp/aligncheck
	go build -o "$bin" ./cmd/aligncheck
fi
# the pairs as refPairs (align/input/formats_test.go) takes them: the title
# (Chinese line 6, English line 4), then English line L with Chinese line
# L+2 for L = 19, 23, …, 123; one <tu> of four lines each, repeated
LC_ALL=C awk -v target="$SIZE" '
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
function trim(s) { sub(/^[ \t\r]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
{ line[NR] = trim($0) }
END {
  n = 0
  zh[n] = esc(line[6]); en[n] = esc(line[4]); n++
  for (l = 19; l <= 123; l += 4) { zh[n] = esc(line[l+2]); en[n] = esc(line[l]); n++ }
  printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"bigtmx\" srclang=\"zh-CN\" segtype=\"paragraph\" datatype=\"plaintext\" adminlang=\"en\" o-tmf=\"x\"/>\n<body>\n"
  size = 0; u = 0
  while (size < target) {
    for (i = 0; i < n && size < target; i++) {
      u++
      s = sprintf("<tu tuid=\"%d\">\n<tuv xml:lang=\"zh-CN\"><seg>%s</seg></tuv>\n<tuv xml:lang=\"en-US\"><seg>%s</seg></tuv>\n</tu>\n", u, zh[i], en[i])
      printf "%s", s
      size += length(s)
    }
  }
  printf "</body>\n</tmx>\n"
}' "$REF" > "$tmp/big.tmx"
bytes=$(wc -c < "$tmp/big.tmx")
units=$(grep -c '<tu ' "$tmp/big.tmx")
echo "bigtmx: $bytes bytes, $units units; aligncheck check --format $FORMAT"
set +e
/usr/bin/time -v "$bin" check --format "$FORMAT" --fail-on none -o "$tmp/report" "$tmp/big.tmx" 2> "$tmp/time"
rc=$?
set -e
if [ $rc -ne 0 ]; then
  cat "$tmp/time" >&2
  echo "bigtmx: aligncheck exited $rc" >&2
  exit 1
fi
grep -v -E '^\s' "$tmp/time" | head -1
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time")
user=$(awk -F': ' '/User time/ {print $2}' "$tmp/time")
sys=$(awk -F': ' '/System time/ {print $2}' "$tmp/time")
echo "bigtmx: report $(wc -c < "$tmp/report") bytes"
echo "bigtmx: peak RSS $((rss_kb / 1024)) MB (limit $LIMIT_MB MB); wall $wall; CPU user ${user} s + system ${sys} s"
if [ $((rss_kb / 1024)) -gt "$LIMIT_MB" ]; then
  echo "bigtmx: FAIL: peak RSS above $LIMIT_MB MB" >&2
  exit 1
fi
echo "bigtmx: ok"
