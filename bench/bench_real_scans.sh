#!/usr/bin/env bash
# Pages per second of congvan on the real signed scans the repository ships
# (corpus/real/scans: colour, 300 dpi, stamps and seals, handwriting; its README
# says where each comes from) against the tesseract command on the same pages
# (each PDF page drawn at 300 dpi by pdftoppm first, as a user would, the drawing
# counted) and `ocrmypdf --skip-text` where it is installed, as ratios, with
# congvan's peak RSS. The bench's synthetic grey scans are bench_scan.sh's.
# Usage: bench/bench_real_scans.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
congvan=$build/cli/congvan
src=$here/../corpus/real/scans
out=$build/bench-real-scans
jobs=$(nproc)
export OMP_THREAD_LIMIT=1
rm -rf "$out"; mkdir -p "$out/docs" "$out/pages"
cp "$src"/*.pdf "$src"/*.jpg "$out/docs/"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
rate() { echo "scale=2; $1 / $2" | bc -l; }
row() { printf '%-52s %6s %9s %7s\n' "$@"; }

pdfs=("$out"/docs/*.pdf)
images=("$out"/docs/*.jpg)
pages=${#images[@]}
for f in "${pdfs[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/{print $2}'))); done

# One page: drawn (a PDF's) then read, as `tesseract` is run by hand.
one_page() {
  case $1 in
    *.jpg) tesseract "$1" - -l Vietnamese --psm 3 ;;
    *) pdftoppm -r 300 -f "$2" -l "$2" -png "$1" "$3" && tesseract "$3"-*.png - -l Vietnamese --psm 3 && rm -f "$3"-*.png ;;
  esac
}
export -f one_page
page_list() {
  for i in "${images[@]}"; do echo "$i 1 -"; done
  local n=0
  for f in "${pdfs[@]}"; do
    for p in $(seq 1 "$(pdfinfo "$f" | awk '/^Pages:/{print $2}')"); do n=$((n + 1)); echo "$f $p $out/pages/p$n"; done
  done
}
tesseract_by() { page_list | xargs -P "$1" -L 1 bash -c 'one_page "$0" "$1" "$2"'; }
t_tess1=$(seconds tesseract_by 1)
t_tessN=$(seconds tesseract_by "$jobs")
rm -f "$out"/s1.sqlite* "$out"/sN.sqlite*
t_scan1=$(seconds "$congvan" scan -j 1 "$out/docs" --db "$out/s1.sqlite")
/usr/bin/time -f %M -o "$out/rss" "$congvan" scan -j "$jobs" "$out/docs" --db "$out/sN.sqlite" >/dev/null 2>&1 || true
rss=$(tail -1 "$out/rss")
rm -f "$out"/sN.sqlite*
t_scanN=$(seconds "$congvan" scan -j "$jobs" "$out/docs" --db "$out/sN.sqlite")

echo "${#pdfs[@]} PDFs and ${#images[@]} page images, $pages pages"
row "what (same files)" pages pages/s ratio
row "tesseract (pdftoppm -r 300 first), 1 process" "$pages" "$(rate "$pages" "$t_tess1")" 1.00
row "congvan scan -j1" "$pages" "$(rate "$pages" "$t_scan1")" "$(rate "$t_tess1" "$t_scan1")"
row "tesseract (pdftoppm -r 300 first), $jobs processes" "$pages" "$(rate "$pages" "$t_tessN")" 1.00
row "congvan scan -j$jobs (vs $jobs tesseract processes)" "$pages" "$(rate "$pages" "$t_scanN")" "$(rate "$t_tessN" "$t_scanN")"
if command -v ocrmypdf >/dev/null; then
  ocrmypdf_all() { for f in "${pdfs[@]}"; do ocrmypdf -q --skip-text -l Vietnamese --output-type pdf -j "$jobs" "$f" "$out/ocrmypdf.pdf"; done; }
  t_ocrmypdf=$(seconds ocrmypdf_all)
  pdf_pages=$((pages - ${#images[@]}))
  t_scan_pdfs=$(seconds "$congvan" scan -j "$jobs" "${pdfs[@]}" --db "$out/p.sqlite" --force)
  row "ocrmypdf --skip-text -j$jobs, the PDFs" "$pdf_pages" "$(rate "$pdf_pages" "$t_ocrmypdf")" 1.00
  row "congvan scan -j$jobs, the PDFs" "$pdf_pages" "$(rate "$pdf_pages" "$t_scan_pdfs")" "$(rate "$t_ocrmypdf" "$t_scan_pdfs")"
else
  echo "ocrmypdf: not installed (apt-get install ocrmypdf) — that comparison is skipped"
fi
echo "peak RSS of congvan scan -j$jobs: $((rss / 1024)) MiB"
