#!/usr/bin/env bash
# Runs clang-tidy with the committed .clang-tidy over every source file of the
# program (not the tests), in parallel; fails on any finding. It configures a tree
# of its own (nothing is built) for compile_commands.json, without precompiled
# headers: clang cannot read GCC's.
#   tools/lint.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-lint}
if [ ! -f "$build/compile_commands.json" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCONGVAN_PCH=OFF -DBUILD_TESTING=OFF \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi
# The committed sources; in a tree without git's metadata, the same folders' files.
sources() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files 'app/*.cpp' 'cli/*.cpp' 'text/*.cpp' 'reading/*.cpp' 'fields/*.cpp' 'isolation/*.cpp' 'rules/*.cpp' 'report/*.cpp' 'store/*.cpp'
  else find app cli text reading fields isolation rules report store -name '*.cpp'; fi
}
sources |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option 2>/dev/null
echo "lint: clang-tidy found nothing"
