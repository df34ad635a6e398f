#!/usr/bin/env bash
# Kith's one set-up script, used by the README's two commands and by CI:
#   bash .ci/setup.sh run    install what is missing, build, open Kith on its default database
#   bash .ci/setup.sh test   install what is missing, build, run every test
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
  libcurl4-openssl-dev libgmime-3.0-dev libarchive-dev libxml2-dev libical-dev libgdk-pixbuf-2.0-dev
  dovecot-imapd openssl python3
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

build() {
  # ccache hits across fresh clones: paths relative to the checkout, no directory in the hash.
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  say "Building in $build_dir"
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKITH_WERROR="$werror" >/dev/null
  cmake --build "$build_dir" -j "$jobs"
}

case "$mode" in
  run)
    install_missing
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
    say "Running every test"
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@"
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
