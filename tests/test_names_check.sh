#!/usr/bin/env bash
# CTest splits the names doctest_discover_tests registers at ';', so a test case whose name holds
# one is registered under a name that matches nothing and silently runs nothing. This check fails
# on any such name in the suites registered one case per CTest (all but the GUI suite).
#   test_names_check.sh SOURCE_DIR      check the tree
#   test_names_check.sh --self-test     prove the check can fail
set -euo pipefail

check() {
    local bad
    bad=$(grep -rnE 'TEST_CASE\("[^"]*;' "$@" || true)
    if [ -n "$bad" ]; then
        echo "Test names with ';' run nothing under CTest (it splits names at ';'); use ',' or '—':" >&2
        echo "$bad" >&2
        return 1
    fi
}

if [ "${1:-}" = "--self-test" ]; then
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    echo 'TEST_CASE("fine, this one") {}' >"$dir/ok_test.cpp"
    check "$dir" || { echo "self-test: a good name was refused" >&2; exit 1; }
    echo 'TEST_CASE("split; here") {}' >"$dir/bad_test.cpp"
    if check "$dir" 2>/dev/null; then
        echo "self-test: a name with ';' was not caught" >&2
        exit 1
    fi
    echo "self-test ok"
    exit 0
fi

src=${1:?usage: test_names_check.sh SOURCE_DIR | --self-test}
check "$src/tests/core" "$src/tests/db" "$src/tests/import" "$src/tests/app/cli"
echo "test names ok"
