#!/usr/bin/env bash
# Kith's one set-up script, used by the README's two commands and by CI:
#   bash .ci/setup.sh run    install what is missing, build, open Kith on its default database
#   bash .ci/setup.sh test   install what is missing, build, run every test — also under
#                            ASan + UBSan (build-asan) — and each fuzzer briefly (build-fuzz)
#   bash .ci/setup.sh bench [small|medium|large]  install, build, run the benchmarks and
#                            rewrite the README's results table (see README)
# Works on a fresh Debian 12; uses sudo for apt-get when not root.
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:-run}
shift || true
build_dir=${KITH_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libwxgtk3.2-dev libsqlitecpp-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev doctest-dev
  libcurl4-openssl-dev libgmime-3.0-dev libarchive-dev libxml2-dev libical-dev libgdk-pixbuf-2.0-dev zlib1g-dev
  dovecot-imapd openssl python3
  clang libclang-rt-14-dev
  xvfb xauth
  libsecret-1-dev gnome-keyring dbus
  maildir-utils notmuch
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build [DIR [CMAKE OPTION...]]: configures and builds DIR (default $build_dir); only the targets
# in build_targets when that is set (`run` needs the two programs, not the test suites).
build_targets=()
build() {
  local dir=${1:-$build_dir}
  shift || true
  # ccache hits across fresh clones: paths relative to the checkout, no directory in the hash.
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  say "Building in $dir"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKITH_WERROR="$werror" "$@" >/dev/null &&
    cmake --build "$dir" -j "$jobs" ${build_targets[@]+--target "${build_targets[@]}"}
}

# The whole suite again, built with AddressSanitizer + UBSan; any report fails its test (options
# and suppressions: tests/run_sanitized.sh): core, db, import, the CLI (every kith-cli it starts is
# sanitized too), the keyring, the desktop app under Xvfb and bench_small.
asan_dir=${KITH_ASAN_BUILD_DIR:-build-asan}
sanitized_tests() {
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
  # Never -Werror here: with the sanitizers at -O1, GCC 12 warns falsely inside libstdc++
  # (std::regex: "may be used uninitialized"); the normal build keeps warnings as errors.
  say "Building in $asan_dir (ASan + UBSan)"
  cmake -S . -B "$asan_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKITH_WERROR=OFF \
    -DKITH_SANITIZE=ON >/dev/null &&
    cmake --build "$asan_dir" -j "$jobs" || return 1
  say "Running tests under ASan + UBSan ($asan_dir)"
  bash tests/run_sanitized.sh "$asan_dir" -j "$jobs" "$@"
}

# Every libFuzzer target for a few seconds (tests/fuzz; longer runs: see README).
fuzz_dir=${KITH_FUZZ_BUILD_DIR:-build-fuzz}
fuzz_smoke() {
  build "$fuzz_dir" -DKITH_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ || return 1
  say "Fuzzing each parser briefly ($fuzz_dir)"
  bash tests/fuzz/run_fuzzers.sh "$fuzz_dir" "${KITH_FUZZ_SECONDS:-6}"
}

case "$mode" in
  run)
    install_missing
    build_targets=(kith kith-cli)
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      cat >&2 <<MSG
Kith is built, but this machine has no display to open its window on.
  - Run the desktop app on a virtual display:  xvfb-run -a $build_dir/app/gui/kith
  - Or use Kith from the terminal:             $build_dir/app/cli/kith-cli --help
      $build_dir/app/cli/kith-cli demo && $build_dir/app/cli/kith-cli --db ~/.local/share/kith/demo.db today
MSG
      exit 0
    fi
    say "Opening Kith"
    exec "$build_dir/app/gui/kith" "$@"
    ;;
  test)
    install_missing
    build
    # The sanitized build and its tests run beside the normal tests (which wait on servers and
    # child processes much of the time); its output is shown once both are done.
    sanitized_tests "$@" >"$build_dir/asan-tests.log" 2>&1 &
    asan_pid=$!
    say "Running every test"
    status=0
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@" || status=1
    fuzz_smoke || status=1
    asan_status=0
    wait "$asan_pid" || asan_status=1
    cat "$build_dir/asan-tests.log"
    [ $asan_status -eq 0 ] || { say "Tests under ASan + UBSan failed (above)"; status=1; }
    exit $status
    ;;
  bench)
    install_missing
    build
    size=${1:-medium}
    shift || true
    exec "$build_dir/bench/kith-bench" --size "$size" --readme README.md "$@"
    ;;
  *)
    echo "usage: bash .ci/setup.sh run|test|bench" >&2
    exit 2
    ;;
esac
