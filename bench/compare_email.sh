#!/usr/bin/env bash
# Kith beside the tools users would pick instead, on the same generated mail in one run: Kith's
# Maildir and mbox imports, `mu index` (maildir-utils), `notmuch new` and a Python `mailbox`
# header scan (bench/mbox_scan.py); prints each time and the ratios.
#   bash bench/compare_email.sh [small|medium|large] [BUILD_DIR]
set -euo pipefail
size=${1:-medium}
build=${2:-build}
exec "$build/bench/kith-bench" --size "$size" --kinds mbox,maildir --no-queries
