#!/usr/bin/env bash
# Pages per second of `congvan text` against `pdftotext` (text-layer PDFs) and the
# `tesseract` command (scans, 1 job and all cores), on the same files, as ratios.
# Usage: bench/bench_text.sh [BUILD_DIR]   (fixtures are made under BUILD_DIR/bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
congvan=$build/cli/congvan
out=$build/bench
jobs=$(nproc)
export OMP_THREAD_LIMIT=1   # the same for tesseract and congvan: one thread an engine
mkdir -p "$out"
[ -f "$out/.made" ] || { /usr/bin/python3 "$here/../tools/make_fixtures.py" "$out" "$here"/../corpus/samples/*.txt; touch "$out/.made"; }

pages() { local n=0; for f in "$@"; do n=$((n + $(pdfinfo "$f" | awk '/^Pages:/{print $2}'))); done; echo $n; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
best_of_3() { local best=999999 t; for _ in 1 2 3; do t=$(seconds "$@"); best=$(echo "if ($t < $best) $t else $best" | bc -l); done; echo "$best"; }
rate() { echo "scale=2; $1 / $2" | bc -l; }

text_pdfs=()
for f in "$out"/*.pdf; do case $f in *.scan.pdf|*.mixed.pdf|*.scan-page1.pdf|*.d30*.pdf) ;; *) text_pdfs+=("$f");; esac; done
scans=("$out"/*.scan.pdf)
text_pages=$(pages "${text_pdfs[@]}")
scan_pages=$(pages "${scans[@]}")

# pdftotext is one process a file, as a person would run it over a folder.
pdftotext_all() { for f in "${text_pdfs[@]}"; do pdftotext -layout "$f" -; done; }
t_pdftotext=$(best_of_3 pdftotext_all)
t_congvan_text=$(best_of_3 "$congvan" text -j 1 "${text_pdfs[@]}")
# scan on all cores, the same PDFs, into a fresh database each time.
scan_text() { rm -rf "$out/scan-text" && mkdir -p "$out/scan-text" && cp "${text_pdfs[@]}" "$out/scan-text/" &&
  "$congvan" scan -j "$jobs" "$out/scan-text" --db "$out/scan-text.sqlite"; }
scan_text_fresh() { rm -f "$out"/scan-text.sqlite*; local t0 t1; t0=$(date +%s.%N); "$congvan" scan -j "$jobs" "$out/scan-text" --db "$out/scan-text.sqlite" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
scan_text >/dev/null 2>&1 || true
t_scan_text=999999
for _ in 1 2 3; do t=$(scan_text_fresh); t_scan_text=$(echo "if ($t < $t_scan_text) $t else $t_scan_text" | bc -l); done

# tesseract reads each page's image (what pdfimages extracts: the scan's JPEG).
imgs=$out/scan-pages
rm -rf "$imgs"; mkdir -p "$imgs"
for f in "${scans[@]}"; do pdfimages -j "$f" "$imgs/$(basename "$f" .scan.pdf)"; done
tesseract_one() { for i in "$imgs"/*.jpg; do tesseract "$i" - -l Vietnamese --psm 3 >/dev/null 2>&1; done; }
tesseract_all() { ls "$imgs"/*.jpg | xargs -P "$jobs" -I{} tesseract {} - -l Vietnamese --psm 3 >/dev/null 2>&1; }
t_tess1=$(seconds tesseract_one)
t_cv1=$(seconds "$congvan" text -j 1 "${scans[@]}")
t_tessN=$(seconds tesseract_all)
t_cvN=$(seconds "$congvan" text -j "$jobs" "${scans[@]}")
rss_text=$( { /usr/bin/time -f %M "$congvan" text -j 1 "${text_pdfs[@]}" >/dev/null; } 2>&1 | tail -1)
rss_scan=$( { /usr/bin/time -f %M "$congvan" text -j "$jobs" "${scans[@]}" >/dev/null; } 2>&1 | tail -1)

printf '%-44s %8s %10s %8s\n' "what (same files)" "pages" "pages/s" "ratio"
printf '%-44s %8d %10s %8s\n' "pdftotext, text-layer PDFs" "$text_pages" "$(rate "$text_pages" "$t_pdftotext")" "1.00"
printf '%-44s %8d %10s %8s\n' "congvan text -j1, text-layer PDFs" "$text_pages" "$(rate "$text_pages" "$t_congvan_text")" "$(rate "$t_pdftotext" "$t_congvan_text")"
printf '%-44s %8d %10s %8s\n' "congvan scan -j$jobs, text-layer PDFs" "$text_pages" "$(rate "$text_pages" "$t_scan_text")" "$(rate "$t_pdftotext" "$t_scan_text")"
printf '%-44s %8d %10s %8s\n' "tesseract (Vietnamese, psm 3), 1 process" "$scan_pages" "$(rate "$scan_pages" "$t_tess1")" "1.00"
printf '%-44s %8d %10s %8s\n' "congvan text -j1, scans" "$scan_pages" "$(rate "$scan_pages" "$t_cv1")" "$(rate "$t_tess1" "$t_cv1")"
printf '%-44s %8d %10s %8s\n' "tesseract, $jobs processes" "$scan_pages" "$(rate "$scan_pages" "$t_tessN")" "1.00"
printf '%-44s %8d %10s %8s\n' "congvan text -j$jobs, scans" "$scan_pages" "$(rate "$scan_pages" "$t_cvN")" "$(rate "$t_tessN" "$t_cvN")"
echo "peak RSS: congvan text -j1 on text PDFs $((rss_text / 1024)) MiB; -j$jobs on scans $((rss_scan / 1024)) MiB"
