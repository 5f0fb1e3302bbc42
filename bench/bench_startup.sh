#!/usr/bin/env bash
# What starting the binary costs, library by library: an empty program linked to
# the libraries the binary names (its NEEDED entries), in groups (what every command
# needs, qpdf and libtiff, libpq, Leptonica), started N times each, against
# `pdftotext -v`; then the same with the engines' module's libraries (Tesseract,
# OpenCV: what a process that recognises a page loads, reading/engines/), and the
# binary itself reading a one-line text file (no module) and printing --version
# (which loads the module to name Tesseract's version).
# Usage: bench/bench_startup.sh [BUILD_DIR] [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
runs=${2:-100}
congvan=$build/cli/congvan
out=$build/bench-startup
rm -rf "$out"; mkdir -p "$out"
echo 'int main(void) { return 0; }' >"$out/empty.c"

# The binary's libraries, as the dynamic loader finds them.
declare -A path_of
while read -r name _ path _; do path_of[$name]=$path; done < <(ldd "$congvan" | grep '=> /')
module=$build/lib/libcongvan_engines.so
while read -r name _ path _; do path_of[$name]=$path; done < <(ldd "$module" | grep '=> /')
needed=$(readelf -d "$congvan" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
needed="$needed $(readelf -d "$module" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')"
# libpq, which the first PostgreSQL connection loads (store/libpq.h).
path_of[libpq.so.5]=$(ldconfig -p | awk '$1 == "libpq.so.5" {print $NF; exit}')
needed="$needed libpq.so.5"
group_of() {
  case $1 in
    libtesseract* | libopencv*) echo engines ;;
    liblept*) echo lept ;;
    libpq*) echo pq ;;
    libqpdf* | libtiff*) echo pdf ;;
    *) echo core ;;
  esac
}
libs_in() {  # the libraries of the groups named
  for lib in $needed; do
    [ -n "${path_of[$lib]:-}" ] || continue  # the dynamic loader itself
    for g in "$@"; do [ "$(group_of "$lib")" = "$g" ] && echo "${path_of[$lib]}"; done
  done | sort -u
}
link() {  # NAME GROUP...
  local name=$1; shift
  # shellcheck disable=SC2046
  gcc "$out/empty.c" -o "$out/$name" -Wl,--no-as-needed $(libs_in "$@")
}
ms_a_start() {  # COMMAND...: mean wall milliseconds of one start over $runs
  local t0 t1
  t0=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  echo "scale=1; ($t1 - $t0) / $runs / 1000000" | bc -l
}

link core core
link pdf core pdf
link all core pdf lept
link pq core pdf lept pq
link engines core pdf lept engines
echo x >"$out/one-line.txt"
base=$(ms_a_start pdftotext -v)
row() { printf '%-62s %5s %9s %7s\n' "$@"; }
ratio() { echo "scale=2; $base / $1" | bc -l; }
row "start of (mean of $runs)" libs "ms" "× pdftotext"
row "pdftotext -v" "$(ldd "$(command -v pdftotext)" | wc -l)" "$base" 1.00
for name in core pdf all pq engines; do
  ms=$(ms_a_start "$out/$name")
  case $name in
    core) what="empty program, what every command needs" ;;
    pdf) what="  + qpdf, libtiff" ;;
    all) what="  + Leptonica (all the binary names)" ;;
    pq) what="  + libpq (with the first PostgreSQL connection)" ;;
    engines) what="  + the engines' module's (with the first page to OCR)" ;;
  esac
  row "$what" "$(ldd "$out/$name" | wc -l)" "$ms" "$(ratio "$ms")"
done
ms=$(ms_a_start "$congvan" text -j1 "$out/one-line.txt")
row "congvan text, a one-line text file" "$(ldd "$congvan" | wc -l)" "$ms" "$(ratio "$ms")"
ms=$(ms_a_start "$congvan" --version)
row "congvan --version (loads the module)" "$(ldd "$congvan" | wc -l)" "$ms" "$(ratio "$ms")"
