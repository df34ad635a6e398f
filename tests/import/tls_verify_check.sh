#!/usr/bin/env bash
# TLS verification is never turned off: every CURLOPT_SSL_VERIFYPEER in the sources sets 1L and
# every CURLOPT_SSL_VERIFYHOST sets 2L; no CURLOPT_SSL_VERIFYSTATUS/PROXY_SSL_VERIFY* to 0, and no
# "insecure" switch. Exits non-zero listing every offending line. --self-test proves it can fail.
set -u
if [ "${1:-}" = "--self-test" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp"/{core,db,import,app}
    echo 'curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);' > "$tmp/import/a.cpp"
    echo 'curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, verify ? 2L : 0L);' > "$tmp/app/b.cpp"
    echo 'curl_easy_setopt(c, CURLOPT_PROXY_SSL_VERIFYPEER, 0L);' > "$tmp/core/c.h"
    out=$(bash "$0" "$tmp")
    [ $? -ne 0 ] && [ "$(echo "$out" | grep -c '^tls: ')" = 3 ] && echo "self-test: ok" && exit 0
    echo "self-test: the check missed a line:"; echo "$out"; exit 1
fi
root=${1:-$(dirname "$0")/../..}
cd "$root" || exit 2
fail=0
while IFS= read -r hit; do
    line=${hit#*:*:}
    case "$line" in
        *SSL_VERIFYPEER*) [[ "$line" =~ VERIFYPEER,\ *1L\)\; ]] && continue ;;
        *SSL_VERIFYHOST*) [[ "$line" =~ VERIFYHOST,\ *2L\)\; ]] && continue ;;
    esac
    echo "tls: $hit"
    fail=1
done < <(grep -rnE 'SSL_VERIFY(PEER|HOST|STATUS)|--insecure|CURLOPT_SSL_OPTIONS' \
    --include='*.cpp' --include='*.h' core db import app 2>/dev/null)
[ $fail -eq 0 ] && echo "tls: verification is on everywhere"
exit $fail
