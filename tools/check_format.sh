#!/usr/bin/env bash
# Fails when a committed C++ file is not laid out as the committed .clang-format says
# (Debian 12's clang-format 14). Mend with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
# The committed files; in a tree without git's metadata (an exported copy), the
# program's and the tests' folders.
sources() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then git ls-files '*.cpp' '*.h'
  else find app cli text reading fields isolation rules report store tests fuzz bench -name '*.cpp' -o -name '*.h'; fi
}
sources | xargs clang-format --dry-run --Werror
echo "check_format: every C++ file is laid out as .clang-format says"
