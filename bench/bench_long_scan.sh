#!/usr/bin/env bash
# One long scanned PDF alone (six of the build's degraded scans joined: 40 pages),
# as an auditor's or a clerk's one file, or an archivist's lone register:
# `congvan text -j1` against `-jN`, and `congvan scan -j1` against `-jN`, where the
# jobs left over read the document's pages in parallel; with the
# `tesseract` command on the same pages, one process and N, as the baseline.
# Usage: bench/bench_long_scan.sh [BUILD_DIR]   (a build with its fixtures)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
congvan=$build/cli/congvan
out=$build/bench-long-scan
jobs=$(nproc)
export OMP_THREAD_LIMIT=1
rm -rf "$out"; mkdir -p "$out/one" "$out/pages"
parts=()
for name in lao-cai-2022-cong-van bgddt-2020-huong-dan bac-kan-2022-ke-hoach dak-lak-2023-ke-hoach hung-yen-2021-bao-cao gia-lai-2020-ke-hoach; do
  parts+=("$build/fixtures/$name.scan.pdf")
done
pdfunite "${parts[@]}" "$out/one/register.pdf"
pages=$(pdfinfo "$out/one/register.pdf" | awk '/^Pages:/{print $2}')
pdfimages -j "$out/one/register.pdf" "$out/pages/p"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
rate() { echo "scale=2; $1 / $2" | bc -l; }
row() { printf '%-52s %6s %9s %7s\n' "$@"; }
read_text() { "$congvan" text -j "$1" "$out/one/register.pdf"; }

t1=$(seconds read_text 1)
tN=$(seconds read_text "$jobs")
/usr/bin/time -f %M -o "$out/rss" "$congvan" text -j "$jobs" "$out/one/register.pdf" >/dev/null 2>&1 || true
scan_alone() { rm -f "$out/scan.sqlite"*; "$congvan" scan -q --no-chain -j "$1" "$out/one" --db "$out/scan.sqlite"; }
s1=$(seconds scan_alone 1)
sN=$(seconds scan_alone "$jobs")
tesseract_one() { for i in "$out"/pages/*.jpg; do tesseract "$i" - -l Vietnamese --psm 3; done; }
tesseract_all() { ls "$out"/pages/*.jpg | xargs -P "$jobs" -I{} tesseract {} - -l Vietnamese --psm 3; }
tt1=$(seconds tesseract_one)
ttN=$(seconds tesseract_all)

row "one scanned PDF of $pages pages" pages pages/s ratio
row "congvan text -j1" "$pages" "$(rate "$pages" "$t1")" 1.00
row "congvan text -j$jobs (its pages in parallel)" "$pages" "$(rate "$pages" "$tN")" "$(rate "$t1" "$tN")"
row "congvan scan -j1 (the folder of that one file)" "$pages" "$(rate "$pages" "$s1")" 1.00
row "congvan scan -j$jobs (its pages in parallel)" "$pages" "$(rate "$pages" "$sN")" "$(rate "$s1" "$sN")"
row "tesseract, 1 process (vs congvan -j1)" "$pages" "$(rate "$pages" "$tt1")" "$(rate "$tt1" "$t1")"
row "tesseract, $jobs processes (vs congvan -j$jobs)" "$pages" "$(rate "$pages" "$ttN")" "$(rate "$ttN" "$tN")"
echo "peak RSS of congvan text -j$jobs on it: $(( $(tail -1 "$out/rss") / 1024 )) MiB"
