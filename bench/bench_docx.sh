#!/usr/bin/env bash
# Reading a 30-page Word draft against reading the same text as a text-layer PDF:
# `congvan text` on each (one job, 20 runs), and `pdftotext` on the PDF as the
# baseline of a bare reading. The draft and the PDF are made by
# tools/make_long_draft.py from the Quảng Trị 2021 dispatch repeated to 30 pages.
# Usage: bench/bench_docx.sh [BUILD_DIR] [PAGES] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
pages=${2:-30}
runs=${3:-20}
congvan=$build/cli/congvan
out=$build/bench-docx
mkdir -p "$out"
stem=$out/long-$pages
[ -f "$stem.docx" ] || /usr/bin/python3 "$here/../tools/make_long_draft.py" "$stem" "$pages" "$here/../corpus/samples/quang-tri-2021-cong-van.txt"

seconds() {  # total seconds of RUNS runs of the command, output discarded
  local t0 t1
  t0=$(date +%s.%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s.%N)
  echo "($t1 - $t0) / $runs" | bc -l
}

pdf_pages=$(pdfinfo "$stem.pdf" | awk '/^Pages:/ {print $2}')
lines_docx=$("$congvan" text -j1 "$stem.docx" | wc -l)
lines_pdf=$("$congvan" text -j1 "$stem.pdf" | wc -l)
t_pdftotext=$(seconds pdftotext "$stem.pdf" -)
t_pdf=$(seconds "$congvan" text -j1 "$stem.pdf")
t_docx=$(seconds "$congvan" text -j1 "$stem.docx")
echo "the same text: $pdf_pages PDF pages; congvan text: $lines_pdf lines from the PDF, $lines_docx from the draft"
printf '%-32s %10s %14s\n' reading "seconds" "× congvan PDF"
printf '%-32s %10.3f %14.2f\n' "pdftotext, PDF" "$t_pdftotext" "$(echo "$t_pdftotext / $t_pdf" | bc -l)"
printf '%-32s %10.3f %14.2f\n' "congvan text -j1, PDF" "$t_pdf" 1
printf '%-32s %10.3f %14.2f\n' "congvan text -j1, Word draft" "$t_docx" "$(echo "$t_docx / $t_pdf" | bc -l)"
