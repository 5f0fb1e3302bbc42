#!/usr/bin/python3
"""Validates SARIF logs against the SARIF 2.1.0 schema (tests/data/sarif-2.1.0-rtm.5.json,
the final 2.1.0 schema as published by SchemaStore, taken from the MIT-licensed npm
package @microsoft/jest-sarif 1.0.0-beta.0), formats included (uri-reference, through
python3-rfc3987). Prints each problem with its path and exits 1 when there is one.

Usage: validate_sarif.py SCHEMA LOG...
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = 0
    for path in sys.argv[2:]:
        log = json.load(open(path, encoding="utf-8"))
        for error in validator.iter_errors(log):
            problems += 1
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
