#!/usr/bin/env bash
# gendocs.sh — make a long two-file document for measuring throughput and
# memory (issue 18): N paragraph pairs, the reference document's pairs
# followed by those of the WMT22/23 news documents of
# ../shared/data/parallel, round after round, cut at N. Writes DIR/zh.txt
# and DIR/en.txt, one paragraph per blank-line block. The research text is
# read at run time; call it with a temporary DIR, never one in the tree.
#
#   scripts/gendocs.sh 5000 "$(mktemp -d)"
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: gendocs.sh PAIRS DIR}
dir=${2:?usage: gendocs.sh PAIRS DIR}
data=${ALIGNCHECK_DATA:-../shared/data}/parallel
ref=testdata/csis-modernizing-national-security.interleaved.txt
if [ ! -d "$data" ]; then
	echo "gendocs: $data not found" >&2
	exit 2
fi
mkdir -p "$dir"
pool=$(mktemp -d)
trap 'rm -rf "$pool"' EXIT
# the reference document's pairs as bigtmx.sh takes them: the title
# (Chinese line 6, English line 4), then English line L with Chinese line
# L+2 for L = 19, 23, …, 123
awk '
function trim(s) { sub(/^[ \t\r]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
{ line[NR] = trim($0) }
END {
	print line[6] > zh; print line[4] > en
	for (l = 19; l <= 123; l += 4) { print line[l+2] > zh; print line[l] > en }
}' zh="$pool/zh" en="$pool/en" "$ref"
# each news document's paragraphs, one a line (the documents are aligned
# paragraph by paragraph: as many blocks a side)
for z in "$data"/wmt2[23]-general-test/*.zh.txt; do
	for l in zh en; do
		awk -v RS= '{ gsub(/\n/, " "); print }' "${z%.zh.txt}.$l.txt" >>"$pool/$l"
	done
done
[ "$(wc -l <"$pool/zh")" -eq "$(wc -l <"$pool/en")" ] || { echo "gendocs: sides differ in paragraphs" >&2; exit 1; }
for l in zh en; do
	awk -v n="$n" '{ p[NR] = $0 } END { for (i = 0; i < n; i++) { if (i) printf "\n"; print p[i % NR + 1] } }' \
		"$pool/$l" >"$dir/$l.txt"
done
