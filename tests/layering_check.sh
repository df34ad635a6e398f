#!/usr/bin/env bash
# The layering rules as a test: dependency direction between core/, db/, import/ and app/, and
# SQL only in db/. Exits non-zero listing every violation.
set -u
if [ "${1:-}" = "--self-test" ]; then
    # The check must fail on a tree that breaks each rule, or it proves nothing.
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp"/{core,db,import,app}
    echo '#include <SQLiteCpp/Database.h>' > "$tmp/core/a.h"
    echo '#include "app/cli/x.h"' > "$tmp/db/b.cpp"
    echo '#include <wx/wx.h>' > "$tmp/import/c.cpp"
    echo 'auto q = "SELECT id FROM people";' > "$tmp/app/d.cpp"
    out=$(bash "$0" "$tmp")
    [ $? -ne 0 ] && [ "$(echo "$out" | grep -c '^layering: ')" = 4 ] && echo "self-test: ok" && exit 0
    echo "self-test: the check missed a violation:"; echo "$out"; exit 1
fi
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2
fail=0
check() {  # check DESCRIPTION DIR REGEX
    local hits
    hits=$(grep -rnE "$3" $2 --include='*.h' --include='*.hpp' --include='*.cpp' 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "layering: $1:"
        echo "$hits" | sed 's/^/  /'
        fail=1
    fi
}
inc='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]'
check "core/ must not include wxWidgets, SQLite, curl, db/, import/ or app/" core \
    "${inc}(wx/|SQLiteCpp|sqlite3|curl/|db/|import/|app/)"
check "db/ must not include wxWidgets, import/ or app/" db "${inc}(wx/|import/|app/)"
check "import/ must not include wxWidgets, db/ or app/" import "${inc}(wx/|db/|app/)"
check "core/, import/ and app/ must not contain SQL (it belongs in db/)" "core import app" \
    '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA)[[:space:]][^"]*'
[ "$fail" = 0 ] && echo "layering: ok"
exit $fail
