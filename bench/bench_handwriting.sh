#!/usr/bin/env bash
# The digit reader against the `tesseract` command on the same crops: the real
# handwritten blanks of corpus/real/handwriting (docs/handwriting.md). Prints each
# one's exact-string accuracy and time per crop, and their ratio.
# Usage: bench/bench_handwriting.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
crops=$here/../corpus/real/handwriting
export OMP_THREAD_LIMIT=1
n=0; right=0
t0=$(date +%s.%N)
while IFS=$'\t' read -r file kind truth source; do
  [ "$file" = crop ] && continue
  got=$(tesseract "$crops/$file" - --psm 7 -c tessedit_char_whitelist=0123456789 2>/dev/null | tr -dc 0-9)
  n=$((n + 1)); [ "$got" = "$truth" ] && right=$((right + 1))
done < "$crops/crops.tsv"
t1=$(date +%s.%N)
t_tess=$(echo "($t1 - $t0) * 1000 / $n" | bc -l)
# The reader's figure and time, from the test that measures it on the same crops.
t0=$(date +%s.%N)
line=$("$build/tests/congvan_tests" "handwriting: the reader on the real blanks*" -s 2>&1 | grep -o 'digit reader [0-9]*/[0-9]*.*' | head -1)
t1=$(date +%s.%N)
t_reader=$(echo "($t1 - $t0) * 1000 / $n" | bc -l)
printf 'crops: %d\n' "$n"
printf 'tesseract --psm 7 (digits only): %d/%d right, %.0f ms a crop (a process each)\n' "$right" "$n" "$t_tess"
printf 'congvan %s; %.0f ms a crop (with the test'"'"'s Tesseract pass)\n' "$line" "$t_reader"
