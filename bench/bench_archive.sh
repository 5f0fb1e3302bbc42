#!/usr/bin/env bash
# Documents per second and peak RSS of `congvan scan` on archive-sized folders of
# 200, 2,000 and 20,000 small documents (text files and text-layer PDFs in turn, made
# by tools/make_archive.py), against pdftotext run once per PDF and cat once per
# text file on the same folder: the cost of a bare reading of every file.
# Usage: bench/bench_archive.sh [BUILD_DIR] [SIZES...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shift || true

[ $# -gt 0 ] && sizes=("$@") || sizes=(200 2000 20000)
congvan=$build/cli/congvan
out=$build/bench-archive
jobs=$(nproc)
fixtures=$build/fixtures
mkdir -p "$out"
samples=("$here"/../corpus/samples/*.txt)
pdfs=()
for s in "${samples[@]}"; do pdfs+=("$fixtures/$(basename "$s" .txt).pdf"); done

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
baseline() {  # one bare reading of every file, as many at once as congvan runs
  find -H "$1" -name '*.pdf' -print0 | xargs -0 -r -P "$jobs" -n 1 sh -c 'pdftotext "$0" - >/dev/null'
  find -H "$1" -name '*.txt' -print0 | xargs -0 -r -P "$jobs" -n 200 cat >/dev/null
}

printf '%-9s %10s %12s %16s %8s %10s\n' documents seconds documents/s "baseline docs/s" ratio "peak RSS"
for n in "${sizes[@]}"; do
  folder=$out/archive-$n
  if [ ! -d "$folder" ]; then /usr/bin/python3 "$here/../tools/make_archive.py" "$folder" "$n" "${samples[@]}" "${pdfs[@]}"; fi
  rm -f "$out/archive-$n.sqlite"*
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$out/rss" "$congvan" scan -j "$jobs" "$folder" --db "$out/archive-$n.sqlite" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  t=$(echo "$t1 - $t0" | bc -l)
  tb=$(seconds baseline "$folder")
  rate=$(echo "scale=1; $n / $t" | bc -l)
  brate=$(echo "scale=1; $n / $tb" | bc -l)
  printf '%-9s %10.1f %12s %16s %8.2f %7s MiB\n' "$n" "$t" "$rate" "$brate" "$(echo "$rate / $brate" | bc -l)" \
    "$(( $(tail -1 "$out/rss") / 1024 ))"
done
