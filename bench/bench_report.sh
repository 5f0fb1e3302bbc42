#!/usr/bin/env bash
# Time, size and peak RSS of `congvan report` (the static site over a scan database)
# on a database of N documents (10,000 by default): a folder made by
# tools/make_archive.py (text files and text-layer PDFs of the samples in turn) is
# scanned once, then the site is written with page images (every PDF page with a
# finding drawn by Poppler) and without (--no-pages), against `congvan export
# --format jsonl` of the same database: the cost of reading every row back out.
# Usage: bench/bench_report.sh [BUILD_DIR] [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-10000}
congvan=$build/cli/congvan
out=$build/bench-report
jobs=$(nproc)
mkdir -p "$out"
samples=("$here"/../corpus/samples/*.txt)
pdfs=()
for s in "${samples[@]}"; do pdfs+=("$build/fixtures/$(basename "$s" .txt).pdf"); done

folder=$out/archive-$n
db=$out/archive-$n.sqlite
if [ ! -d "$folder" ]; then /usr/bin/python3 "$here/../tools/make_archive.py" "$folder" "$n" "${samples[@]}" "${pdfs[@]}"; fi
if [ ! -f "$db" ]; then "$congvan" scan -j "$jobs" "$folder" --db "$db" >/dev/null 2>&1 || true; fi

run() {  # seconds and peak RSS (MiB) of one command, its output discarded
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$out/rss" "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc -l) $(( $(tail -1 "$out/rss") / 1024 ))"
}

read -r export_s export_rss < <(run "$congvan" export --db "$db" --format jsonl)
documents=$(sqlite3 "$db" "SELECT COUNT(*) FROM documents")
findings=$(sqlite3 "$db" "SELECT COUNT(*) FROM findings")
echo "database: $documents documents, $findings findings; congvan export --format jsonl: $(printf '%.1f' "$export_s") s"
printf '%-22s %9s %12s %8s %9s %10s %12s\n' report seconds documents/s files "size MiB" "peak RSS" "× export"
for variant in pages no-pages; do
  site=$out/site-$n-$variant
  rm -rf "$site"
  args=(report --db "$db" -o "$site" -j "$jobs")
  [ "$variant" = no-pages ] && args+=(--no-pages)
  read -r s rss < <(run "$congvan" "${args[@]}")
  files=$(find "$site" -type f | wc -l)
  size=$(( $(du -sk "$site" | cut -f1) / 1024 ))
  printf '%-22s %9.1f %12.0f %8d %9d %7d MiB %12.1f\n' "$variant" "$s" "$(echo "$documents / $s" | bc -l)" "$files" "$size" "$rss" \
    "$(echo "$s / $export_s" | bc -l)"
done
