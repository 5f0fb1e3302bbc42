#!/usr/bin/env bash
# Fails when a committed C++ file is not laid out as the committed .clang-format says
# (Debian 12's clang-format 14). Mend with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
echo "check_format: every C++ file is laid out as .clang-format says"
