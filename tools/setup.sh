#!/usr/bin/env bash
# Sets congvan up on Debian 12. Without arguments: the packages that building and
# running the binary need (.ci/packages-build.txt), and the binary alone, into
# build/ (no tests, no fixtures: a first run in minutes). With --tests: the test
# packages too (.ci/packages-test.txt), and everything the tests need. Safe to run
# again; a later --tests reuses the binary already built.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF
[ "${1:-}" = "--tests" ] && tests=ON
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
lists=.ci/packages-build.txt
[ "$tests" = ON ] && lists="$lists .ci/packages-test.txt"
$SUDO apt-get update -qq
# shellcheck disable=SC2046
$SUDO apt-get install -y -qq --no-install-recommends $(cat $lists | grep -v '^#') >/dev/null
# Release at -O2 without debug information: the binary builds in about 60 % of the
# time RelWithDebInfo takes (README, "Setup times"); the same flags for --tests, so
# that the second command reuses the first one's objects.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" -DBUILD_TESTING=$tests >/dev/null
if [ "$tests" = ON ]; then
    cmake --build build -j"$(nproc)"
else
    cmake --build build -j"$(nproc)" --target congvan
fi
