#!/usr/bin/env bash
# falsealarms.sh — how many of aligncheck's warnings and errors are wrong.
#
#   scripts/falsealarms.sh [wmt] [-v]        the reference document and every zh/en pair
#                                            under ../shared/data/parallel (the WMT set the
#                                            tool was tuned on)
#   scripts/falsealarms.sh realdocs [-v]     every folder of ../shared/data/realdocs (published
#                                            official documents the tool was NOT tuned on),
#                                            one table row per folder
#   scripts/falsealarms.sh realdocs --dump   every warning and error not yet judged, with the
#                                            texts of its pair, for judging
#
# The data is read where it lies and never copied into the repository; a set that
# is absent is skipped (exit 0).
#
# wmt: findings listed in scripts/falsealarms.real (one "name<TAB>check<TAB>line"
# per line: a real defect in the translation, classified by reading it) are
# counted as real; every other warning or error is a false alarm. The acceptance
# rule is at most one false alarm per 20 paragraph pairs.
#
# realdocs: scripts/falsealarms.realdocs holds a judgement of every finding at
# warning or above: "folder/name<TAB>check<TAB>line<TAB>real|false<TAB>why", the
# line being that of the finding's location in the translation (the English for
# zh→en folders, the Chinese for en→zh ones, as MANIFEST.tsv gives the direction).
# A finding without a judgement is "unjudged": new since the judging, it is counted
# apart, and with the false alarms against the limits (at most 2 false alarms at
# warning or above and 0.2 false errors per 100 paragraph pairs). Paragraph pairs
# are counted as min(Chinese paragraphs, English paragraphs) per document, which
# does not depend on the aligner.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=wmt
case "${1:-}" in
wmt | realdocs) set_name=$1; shift ;;
esac
verbose=${1:-}
bin=$(mktemp -d)/aligncheck
out=$(mktemp)
trap 'rm -rf "$(dirname "$bin")" "$out"' EXIT

if [ "$set_name" = realdocs ]; then
	data=${ALIGNCHECK_REALDOCS:-../shared/data/realdocs}
	if [ ! -d "$data" ]; then
		echo "falsealarms: $data not found; skipped" >&2
		exit 0
	fi
	go build -o "$bin" ./cmd/aligncheck
	for dir in "$data"/*/; do
		folder=$(basename "$dir")
		# the folder's direction, from the manifest (zh→en unless it says en→zh)
		src=zh
		if awk -F'\t' -v f="$folder/" 'index($1, f) == 1 && $3 ~ /^en/ { found = 1 } END { exit !found }' "$data/MANIFEST.tsv"; then
			src=en
		fi
		"$bin" check --format json --quiet --fail-on none --source "$src" "$dir" |
			jq -r --arg folder "$folder" --arg src "$src" '
				def name: (.en.path // .zh.path) | split("/") | last | sub("\\.(interleaved|en|zh)\\.[a-z]+$"; "");
				def trunc(n): if length > n then .[0:n] + "…" else . end;
				.documents[] | select(.shape != "unpaired") | . as $d | ($folder + "/" + ($d | name)) as $name |
				"PAIRS\t\($folder)\t\([$d.zh.paragraphs, $d.en.paragraphs] | min)",
				($d.findings[] | select(.severity != "info") |
					(if $src == "en" then (.zh // .en) else (.en // .zh) end) as $loc |
					(if .pair >= 0 then $d.pairs[.pair] else null end) as $p |
					"F\t\($folder)\t\($name)\t\(.check)\t\($loc.line)\t\(.severity)\t\(.message | gsub("[\t\n]"; " "))\t\(
						if $p == null then "" else ([$p.sentences[].zh[]?.text] | join(" ") | gsub("[\t\n]"; " ") | trunc(700)) end)\t\(
						if $p == null then "" else ([$p.sentences[].en[]?.text] | join(" ") | gsub("[\t\n]"; " ") | trunc(1400)) end)")' >>"$out"
	done
	awk -F'\t' -v verbose="$verbose" '
		FILENAME == ARGV[1] {
			if ($0 !~ /^#/ && NF >= 4) judged[$1 "\t" $2 "\t" $3] = $4
			next
		}
		$1 == "PAIRS" { pairs[$2] += $3; docs[$2]++; folders[$2] = 1; next }
		$1 == "F" {
			f = $2; key = $3 "\t" $4 "\t" $5; err = ($6 == "error")
			v = (key in judged) ? judged[key] : "unjudged"
			n[f, v]++; if (err) e[f, v]++
			if (v != "real") { bad[f]++; if (err) ebad[f]++ }
			if (verbose == "--dump" && v == "unjudged")
				printf "=== %s\t%s: %s\n    zh: %s\n    en: %s\n", key, $6, $7, $8, $9
			else if (verbose == "-v")
				printf "%-8s %s:%s: %s: %s [%s]\n", v, $3, $5, $6, $7, $4
		}
		END {
			if (verbose == "--dump") exit 0
			printf "%-26s %5s %6s | %-25s | %-25s | %s\n", "folder", "docs", "pairs",
				"warning+error real/false/?", "error real/false/?", "not-real per 100 pairs: w+e, errors"
			status = 0
			for (f in folders) {
				p = pairs[f] > 0 ? pairs[f] : 1
				we = 100 * bad[f] / p; ee = 100 * ebad[f] / p
				ok = (we <= 2 && ee <= 0.2) ? "ok" : "OVER"
				if (ok != "ok") status = 1
				printf "%-26s %5d %6d | %7d %7d %7d   | %7d %7d %7d   | %5.2f %5.2f  %s\n", f, docs[f], pairs[f],
					n[f, "real"], n[f, "false"], n[f, "unjudged"], e[f, "real"], e[f, "false"], e[f, "unjudged"], we, ee, ok
			}
			printf "limits: not-real warnings+errors <= 2 and errors <= 0.2 per 100 pairs (unjudged count as not real)\n"
			exit status
		}' scripts/falsealarms.realdocs "$out"
	exit $?
fi

data=${ALIGNCHECK_DATA:-../shared/data/parallel}
if [ ! -d "$data" ]; then
	echo "falsealarms: $data not found; skipped" >&2
	exit 0
fi
go build -o "$bin" ./cmd/aligncheck

run() { # name, then check arguments
	local name=$1
	shift
	"$bin" check --format json --quiet --fail-on none "$@" |
		jq -r --arg name "$name" '.documents[] |
			"PAIRS\t\($name)\t\([.pairs[] | select(.type != "1-0" and .type != "0-1")] | length)",
			(.findings[] | select(.severity != "info") |
				"F\t\($name)\t\(.check)\t\((.en // .zh).line)\t\(.severity)\t\(.message)")' >>"$out"
}

# the reference page with its site's furniture phrases (the WMT pairs and
# realdocs are read with the built-in phrases alone)
run reference --config testdata/csis-modernizing-national-security.aligncheck.yaml testdata/csis-modernizing-national-security.interleaved.txt
for zh in "$data"/*/*.zh.txt; do
	base=${zh%.zh.txt}
	name=$(basename "$base")
	# en→zh documents (those with a second Chinese reference) have English as the source
	src=zh
	[ -f "$base.zh-refB.txt" ] && src=en
	[ -f "$base.en.txt" ] && run "$name" --source "$src" --zh "$zh" --en "$base.en.txt"
	[ -f "$base.en-refB.txt" ] && run "$name.refB" --source "$src" --zh "$zh" --en "$base.en-refB.txt"
	[ -f "$base.zh-refB.txt" ] && run "$name.zhrefB" --source "$src" --zh "$base.zh-refB.txt" --en "$base.en.txt"
done

real=scripts/falsealarms.real
awk -F'\t' -v verbose="$verbose" '
	FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF >= 3) real[$1 "\t" $2 "\t" $3] = 1; next }
	$1 == "PAIRS" { pairs += $3; docs++; next }
	$1 == "F" {
		key = $2 "\t" $3 "\t" $4
		total[$3]++
		if (key in real) { r[$3]++; tag = "real " } else { fa[$3]++; nfa++; tag = "FALSE" }
		if (verbose != "") printf "%s %s:%s: %s: %s [%s]\n", tag, $2, $4, $5, $6, $3
	}
	END {
		printf "%d documents, %d paragraph pairs\n", docs, pairs
		printf "%-22s %6s %6s %6s\n", "check", "found", "real", "false"
		for (c in total) printf "%-22s %6d %6d %6d\n", c, total[c], r[c], fa[c]
		printf "false alarms: %d (allowed: %d = pairs/20)\n", nfa, int(pairs / 20)
		exit (nfa > int(pairs / 20))
	}' "$real" "$out"
