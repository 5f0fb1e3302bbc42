#!/bin/sh
# if_present.sh PATH COMMAND...: runs COMMAND when PATH exists; else says what is
# missing and exits 77, which CTest reports as a skipped test (SKIP_RETURN_CODE).
# For the test groups that need a program the machine may not have (PostgreSQL,
# Chromium): tools/setup.sh --tests installs both.
if [ ! -e "$1" ]; then
    echo "skipped: $1 is not installed (tools/setup.sh --tests installs it)"
    exit 77
fi
shift
exec "$@"
