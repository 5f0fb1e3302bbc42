#!/usr/bin/python3
"""check_test_groups.py TESTS SPEC...: the CTest groups partition the test cases.

Each SPEC is a group's Catch test spec (tests/CMakeLists.txt); every test case of
TESTS must be in exactly one group, so that none runs twice and none never."""
import subprocess
import sys


def names(binary, spec):
    out = subprocess.run([binary, "--list-test-names-only", spec], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def main():
    binary, specs = sys.argv[1], sys.argv[2:]
    every = names(binary, "*")
    seen = {}
    for spec in specs:
        for name in names(binary, spec):
            seen.setdefault(name, []).append(spec)
    twice = {n: s for n, s in seen.items() if len(s) > 1}
    never = [n for n in every if n not in seen]
    for n, s in twice.items():
        print(f"in {len(s)} groups ({', '.join(s)}): {n}")
    for n in never:
        print(f"in no group: {n}")
    print(f"{len(every)} test cases, {len(specs)} groups, {len(twice)} twice, {len(never)} in none")
    return 1 if twice or never or not every else 0


if __name__ == "__main__":
    sys.exit(main())
