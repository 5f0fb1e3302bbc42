#!/usr/bin/env bash
# Makes docs/examples/ from a build: the HTML report of the bundled documents, the
# site of a small scan, and two screenshots of them in headless Chromium. Run by the
# build target `examples` (`cmake --build build --target examples`); the test
# `examples current` (tests/CMakeLists.txt) holds that the committed report is the one
# the build's congvan writes now.
#   tools/make_examples.sh BUILD_DIR OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
congvan=$build/cli/congvan
# The record paths in the outputs are relative to the repository's root.
cd "$root"
export CONGVAN_MINISTRY_DIR=corpus/ministry
"$congvan" check --format html -o "$out/corpus-report.html" corpus/samples/*.txt || [ $? = 1 ]

# The site: the bundled texts, a degraded scan the build made and a truncated PDF
# (which cannot be read), scanned from a folder beside a link to the records.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/archive" "$work/corpus"
cp corpus/samples/*.txt "$build/fixtures/bac-kan-2022-ke-hoach.scan.pdf" "$build/fixtures/bad/truncated.pdf" "$work/archive/"
ln -s "$root/corpus/ministry" "$work/corpus/ministry"
# exit 2: the truncated PDF could not be read, as intended
status=0
(cd "$work" && "$congvan" scan archive --db archive.sqlite -q >/dev/null 2>&1) || status=$?
[ "$status" -le 2 ]
(cd "$work" && "$congvan" check --format html -o scan-report.html archive/bac-kan-2022-ke-hoach.scan.pdf || [ $? = 1 ])
rm -rf "$out/archive-site"
(cd "$work" && "$congvan" report --db archive.sqlite -o "$out/archive-site")

if [ -n "${CONGVAN_EXAMPLES_NO_SCREENSHOTS:-}" ]; then
  :  # the test that compares the HTML does not need them
elif command -v chromium >/dev/null; then
  shot() {
    chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
      --hide-scrollbars --window-size="$2" --screenshot="$3" "file://$1" >/dev/null 2>&1
  }
  shot "$out/archive-site/index.html" 1200,900 "$out/archive-overview.png"
  shot "$work/scan-report.html" 1000,1400 "$out/scan-report.png"
else
  echo "make_examples: no chromium: the screenshots were not made" >&2
fi
