#!/usr/bin/env bash
# Runs a sanitizer build's tests (KITH_SANITIZE=ON, e.g. build-asan) with the runtime options CI
# uses, so a run by hand behaves as CI's:  bash tests/run_sanitized.sh BUILD_DIR [CTEST ARGS…]
#   bash tests/run_sanitized.sh build-asan -R kith_cli_tests -j2
# The options reach every process a test starts (kith-cli, kith, servers' children) through the
# environment. Tests that need something else append to them in CMake (ENVIRONMENT_MODIFICATION,
# each with its reason), never turn a check off for Kith's code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: run_sanitized.sh BUILD_DIR [CTEST ARGS…]}
shift

# ASan: the first report ends the process with an error (halt_on_error, also the default), so the
# test that started it fails; leaks are checked at every exit; globals' constructors must not read
# other translation units' uninitialised globals (check_initialization_order).
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:check_initialization_order=1
# UBSan: the code is built with -fno-sanitize-recover=all, so every finding aborts; halt_on_error
# says the same at run time (for any library built with recovery) and the stack shows where.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# LSan: third-party libraries' allocations they keep for the whole process (see the file, every
# entry says why); a leak allocated by Kith's own code is never suppressed.
export LSAN_OPTIONS=suppressions=$here/lsan_suppressions.supp:print_suppressions=0
exec ctest --test-dir "$dir" --output-on-failure "$@"
