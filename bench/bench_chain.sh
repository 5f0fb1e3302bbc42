#!/usr/bin/env bash
# What comparing the documents along their citations (docs/chain.md) costs a scan:
# `congvan scan` of an archive-sized folder (tools/make_archive.py, the same folders
# as bench/bench_archive.sh) into a fresh database with `--no-chain` and without,
# seconds and peak RSS of each, and their ratio; beside them pdftotext run once per
# PDF and cat once per text file on the same folder (a bare reading of every file).
# The pass alone: a scan of the --no-chain database that finds nothing new compares
# the whole archive (its seconds and peak RSS: the memory the pass holds).
# Then, on the database the chain scan left, a scan that finds nothing new and one
# that finds ten new documents (copies of the first ten, made distinct): what a pass
# of the changes costs against comparing the whole archive again.
# Usage: bench/bench_chain.sh [BUILD_DIR] [SIZES...]   (sizes default to 20000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shift || true
[ $# -gt 0 ] && sizes=("$@") || sizes=(20000)
congvan=$build/cli/congvan
out=$build/bench-archive
jobs=$(nproc)
mkdir -p "$out"
samples=("$here"/../corpus/samples/*.txt)
pdfs=()
for s in "${samples[@]}"; do pdfs+=("$build/fixtures/$(basename "$s" .txt).pdf"); done

# One scan: "seconds peak-MiB"; the database is made fresh unless KEEP is set.
scan() {
  local db=$out/chain-bench.sqlite t0 t1
  [ -n "${KEEP:-}" ] || rm -f "$db"*
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$out/rss" "$congvan" scan -q -j "$jobs" "$@" --db "$db" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc -l) $(( $(tail -1 "$out/rss") / 1024 ))"
}
# Ten new documents in the folder: the first ten, each with a line more.
arrive() {
  local new=$1/zz-arrivals f
  mkdir -p "$new"
  find -H "$1" -path "$new" -prune -o -type f -print | sort | sed -n 1,10p | while read -r f; do
    cp "$f" "$new/"
    printf '\n%s\n' "arrived $(date +%s%N)" >>"$new/$(basename "$f")"
  done
}
baseline() {
  local t0 t1
  t0=$(date +%s.%N)
  find -H "$1" -name '*.pdf' -print0 | xargs -0 -r -P "$jobs" -n 1 sh -c 'pdftotext "$0" - >/dev/null'
  find -H "$1" -name '*.txt' -print0 | xargs -0 -r -P "$jobs" -n 200 cat >/dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

printf '%-9s %12s %10s %7s %12s %10s %8s %9s %12s %12s %10s\n' documents "no-chain s" "chain s" ratio "no-chain RSS" "chain RSS" \
  "pass s" "pass RSS" "pdftotext+cat" "nothing new s" "10 new s"
for n in "${sizes[@]}"; do
  folder=$out/archive-$n
  [ -d "$folder" ] || /usr/bin/python3 "$here/../tools/make_archive.py" "$folder" "$n" "${samples[@]}" "${pdfs[@]}"
  rm -rf "$folder/zz-arrivals"
  read -r t0 m0 < <(scan --no-chain "$folder")
  read -r tp mp < <(KEEP=1 scan "$folder")
  read -r t1 m1 < <(scan "$folder")
  read -r t2 _ < <(KEEP=1 scan "$folder")
  arrive "$folder"
  read -r t3 _ < <(KEEP=1 scan "$folder")
  rm -rf "$folder/zz-arrivals" "$out"/chain-bench.sqlite*
  printf '%-9s %12.1f %10.1f %7.3f %8s MiB %6s MiB %8.2f %5s MiB %12.1f %12.2f %10.2f\n' "$n" "$t0" "$t1" "$(echo "$t1 / $t0" | bc -l)" \
    "$m0" "$m1" "$tp" "$mp" "$(baseline "$folder")" "$t2" "$t3"
done
