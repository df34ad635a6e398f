#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks the XDG layout: binaries that run, the
# desktop file (valid, pointing at the installed program and icon) and every icon size.
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
fail() { echo "install_layout: $*" >&2; exit 1; }
[ -x "$prefix/bin/kith-cli" ] || fail "bin/kith-cli missing"
# Captured first: `kith-cli --help | grep -q` races (grep quits early, kith-cli gets SIGPIPE and
# pipefail turns that into a failure).
help=$("$prefix/bin/kith-cli" --help) || fail "installed kith-cli --help failed"
grep -q "Usage" <<<"$help" || fail "installed kith-cli does not run"
if [ -f "$build/app/gui/kith" ]; then
  [ -x "$prefix/bin/kith" ] || fail "bin/kith missing"
fi
desktop="$prefix/share/applications/kith.desktop"
[ -f "$desktop" ] || fail "desktop file missing"
grep -qx "Exec=kith" "$desktop" || fail "desktop file does not start kith"
grep -qx "Icon=kith" "$desktop" || fail "desktop file names no kith icon"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
[ -f "$prefix/share/icons/hicolor/scalable/apps/kith.svg" ] || fail "scalable icon missing"
for s in 16 32 48 64 128 256; do
  f="$prefix/share/icons/hicolor/${s}x${s}/apps/kith.png"
  [ -f "$f" ] || fail "icon ${s}x${s} missing"
  # The PNG header says the size the folder promises.
  w=$(od -An -tu1 -j16 -N4 "$f" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  [ "$w" = "$s" ] || fail "icon ${s}x${s} is ${w} pixels wide"
done
echo "install_layout: ok"
