#!/usr/bin/env bash
# Pages per second of `congvan scan` on one batch — over 200 text-PDF pages and 40
# scanned pages made by the fixture script — against pdftotext (text PDFs), the
# tesseract command (scans, 1 and all processes) and `ocrmypdf --skip-text` (scans),
# as ratios, with congvan's peak RSS.
# Usage: bench/bench_scan.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
congvan=$build/cli/congvan
out=$build/bench-scan
jobs=$(nproc)
export OMP_THREAD_LIMIT=1
mkdir -p "$out/src" "$out/text" "$out/scans"
if [ ! -f "$out/.made" ]; then
  # Four distinct copies of every sample (a line apart, so every sha256 differs).
  for copy in 1 2 3 4; do
    for f in "$here"/../corpus/samples/*.txt; do
      { cat "$f"; printf '\nBản sao số %d.\n' "$copy"; } > "$out/src/$(basename "$f" .txt)-$copy.txt"
    done
  done
  /usr/bin/python3 "$here/../tools/make_fixtures.py" --no-scans "$out/text" "$out"/src/*.txt
  rm -f "$out"/text/*.plain.txt "$out"/text/*.d30*
  /usr/bin/python3 "$here/../tools/make_fixtures.py" "$out/scan-work" "$here"/../corpus/samples/{lao-cai,bgddt,bac-kan,dak-lak,hung-yen,gia-lai}*.txt
  cp "$out"/scan-work/*.scan.pdf "$out/scans/"
  touch "$out/.made"
fi

pages() { local n=0; for f in "$@"; do n=$((n + $(pdfinfo "$f" | awk '/^Pages:/{print $2}'))); done; echo $n; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
rate() { echo "scale=2; $1 / $2" | bc -l; }
row() { printf '%-48s %6s %9s %7s\n' "$@"; }

text_pdfs=("$out"/text/*.pdf)
scans=("$out"/scans/*.pdf)
tp=$(pages "${text_pdfs[@]}")
sp=$(pages "${scans[@]}")

pdftotext_all() { for f in "${text_pdfs[@]}"; do pdftotext -layout "$f" -; done; }
t_pdftotext=$(seconds pdftotext_all)
rm -f "$out"/t.sqlite*
t_scan_text=$(seconds "$congvan" scan -j "$jobs" "$out/text" --db "$out/t.sqlite")

imgs=$out/scan-pages
rm -rf "$imgs"; mkdir -p "$imgs"
for f in "${scans[@]}"; do pdfimages -j "$f" "$imgs/$(basename "$f" .pdf)"; done
tesseract_one() { for i in "$imgs"/*.jpg; do tesseract "$i" - -l Vietnamese --psm 3; done; }
tesseract_all() { ls "$imgs"/*.jpg | xargs -P "$jobs" -I{} tesseract {} - -l Vietnamese --psm 3; }
t_tess1=$(seconds tesseract_one)
t_tessN=$(seconds tesseract_all)
rm -f "$out"/s1.sqlite* "$out"/sN.sqlite*
t_scan1=$(seconds "$congvan" scan -j 1 "$out/scans" --db "$out/s1.sqlite")
/usr/bin/time -f %M -o "$out/rss" "$congvan" scan -j "$jobs" "$out/scans" --db "$out/sN.sqlite" >/dev/null 2>&1 || true
rss=$(tail -1 "$out/rss")
rm -f "$out"/sN.sqlite*
t_scanN=$(seconds "$congvan" scan -j "$jobs" "$out/scans" --db "$out/sN.sqlite")

row "what (same files)" pages pages/s ratio
row "pdftotext (one process a file), text PDFs" "$tp" "$(rate "$tp" "$t_pdftotext")" 1.00
row "congvan scan -j$jobs, text PDFs" "$tp" "$(rate "$tp" "$t_scan_text")" "$(rate "$t_pdftotext" "$t_scan_text")"
row "tesseract, 1 process, scans" "$sp" "$(rate "$sp" "$t_tess1")" 1.00
row "congvan scan -j1, scans" "$sp" "$(rate "$sp" "$t_scan1")" "$(rate "$t_tess1" "$t_scan1")"
row "tesseract, $jobs processes, scans" "$sp" "$(rate "$sp" "$t_tessN")" 1.00
row "congvan scan -j$jobs, scans (vs 1 tesseract process)" "$sp" "$(rate "$sp" "$t_scanN")" "$(rate "$t_tess1" "$t_scanN")"
row "congvan scan -j$jobs, scans (vs $jobs tesseract processes)" "$sp" "$(rate "$sp" "$t_scanN")" "$(rate "$t_tessN" "$t_scanN")"
if command -v ocrmypdf >/dev/null; then
  ocrmypdf_all() { for f in "${scans[@]}"; do ocrmypdf -q --skip-text -l Vietnamese --output-type pdf -j "$jobs" "$f" "$out/ocrmypdf.pdf"; done; }
  t_ocrmypdf=$(seconds ocrmypdf_all)
  row "ocrmypdf --skip-text -j$jobs, scans" "$sp" "$(rate "$sp" "$t_ocrmypdf")" 1.00
  row "congvan scan -j$jobs, scans" "$sp" "$(rate "$sp" "$t_scanN")" "$(rate "$t_ocrmypdf" "$t_scanN")"
else
  echo "ocrmypdf: not installed (apt-get install ocrmypdf) — that comparison is skipped"
fi
echo "peak RSS of congvan scan -j$jobs on the scans: $((rss / 1024)) MiB"
