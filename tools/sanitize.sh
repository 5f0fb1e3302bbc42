#!/usr/bin/env bash
# Builds congvan under a sanitizer into build-KIND and runs the fast tests there:
# everything but the real documents, OCR, scan and memory-measuring groups (OCR is
# several times slower under a sanitizer, and a sanitizer's shadow memory makes RSS
# figures meaningless). KIND: address (ASan with UBSan) or thread (TSan).
# Usage: tools/sanitize.sh address|thread
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?address or thread}
cmake -S . -B "build-$kind" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONGVAN_SANITIZE="$kind"
cmake --build "build-$kind" -j"$(nproc)"
export OMP_THREAD_LIMIT=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
# print_suppressions=0: a suppressed leak prints no table at exit, which would add
# lines to the stderr the tests read (a batch warms Poppler, and so fontconfig, in
# its parent process).
export LSAN_OPTIONS="suppressions=$PWD/tools/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tools/tsan.supp"
cd "build-$kind" && ./tests/congvan_tests "~[real]~[ocr]~[scan]~[memory]"
