#!/usr/bin/env bash
# Runs one libFuzzer target (fuzz/, built with -DCONGVAN_FUZZ=ON and clang) for a
# time on its corpus, seeding the corpus on first use from what the repository
# holds; fails on any crash, timeout or out-of-memory. CTest runs every target this
# way under the label `fuzz` (fuzz/CMakeLists.txt); run it by hand for longer.
#   tools/fuzz.sh build-fuzz/fuzz/fuzz_grammar 600 build-fuzz/fuzz-corpus
set -euo pipefail
binary=$1 seconds=${2:-20} root=${3:-build-fuzz/fuzz-corpus}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
target=$(basename "$binary")
corpus=$root/$target
max_len=2048
case $target in
  fuzz_pdf|fuzz_docx) max_len=65536 ;;
  fuzz_stored_record) max_len=16384 ;;
  fuzz_grammar) max_len=512 ;;
esac

seed() {
  mkdir -p "$corpus"
  # The corpus a long run grew, minimised (fuzz/corpus/TARGET.tar.xz, fuzz/README.md):
  # a new run starts where that one ended, then takes the repository's files too.
  if [ -f "$source_dir/fuzz/corpus/$target.tar.xz" ]; then
    tar -xJf "$source_dir/fuzz/corpus/$target.tar.xz" -C "$corpus"
  fi
  case $target in
    fuzz_text_document)
      cp "$source_dir"/corpus/samples/*.txt "$corpus"/
      find "$source_dir/tests/fuzz-regressions" -type f ! -name '*.md' -exec cp {} "$corpus"/ \; ;;
    fuzz_grammar)
      # The lines of the samples that hold a digit: dates, times, numbers.
      grep -h '[0-9]' "$source_dir"/corpus/samples/*.txt | head -n 600 | split -l 1 - "$corpus/line-" ;;
    fuzz_pdf)
      # The small PDFs the repository and its build hold, but not the resource bombs
      # (make_bad_inputs.py: q-bomb.pdf, flate-bomb.pdf): they exhaust memory by
      # design, and congvan bounds them by reading each file in a process of its own
      # with a memory limit, which an in-process fuzz target does not have.
      find "$source_dir" -name '*.pdf' -size -64k ! -path '*/build-fuzz/*' ! -name '*-bomb.pdf' \
        -exec cp {} "$corpus"/ \; ;;
    fuzz_docx)
      # The main part of each Word draft the build made (tools/make_docx.py).
      for docx in "$source_dir"/build/fixtures/*.docx; do
        [ -f "$docx" ] || continue
        /usr/bin/python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' \
          "$docx" > "$corpus/$(basename "$docx" .docx).xml"
      done ;;
    fuzz_stored_record)
      # Records as a scan stores them, when a congvan is built beside (build/).
      if [ -x "$source_dir/build/cli/congvan" ]; then
        db=$(mktemp -d)/seed.sqlite
        "$source_dir/build/cli/congvan" scan "$source_dir/corpus/samples" --db "$db" -q >/dev/null 2>&1 || true
        sqlite3 -batch "$db" "SELECT record FROM documents WHERE record IS NOT NULL" | split -l 1 - "$corpus/record-"
      fi ;;
  esac
}
[ -d "$corpus" ] || seed

log=$(mktemp)
status=0
# libFuzzer's timeout is wall-clock time: on a shared machine (a build or the test
# suite on the other cores) a unit that takes 0.5 s alone was starved past 10 s
# three times, inside ASan's allocator. 30 s still catches a real stall.
timeout=${CONGVAN_FUZZ_TIMEOUT:-30}
"$binary" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb=2048 \
  -print_final_stats=1 >"$log" 2>&1 || status=$?
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
if [ "$status" != 0 ]; then
  tail -n 60 "$log"
  echo "$target: FAILED after $executions executions (artifacts beside the working directory)"
  exit 1
fi
echo "$target: $executions executions in ${seconds} s, no crash, timeout or out-of-memory"
