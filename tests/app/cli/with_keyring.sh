#!/usr/bin/env bash
# Runs a command inside a private D-Bus session bus with a fresh GNOME Keyring (Secret Service
# only), unlocked with a throwaway password given on stdin — a real keyring, never the user's:
# its files live in a temp folder removed afterwards, and the bus dies with the session.
#   with_keyring.sh COMMAND [ARGS…]
set -euo pipefail
if [ -z "${KITH_KEYRING_SESSION:-}" ]; then
    command -v dbus-run-session >/dev/null || { echo "with_keyring: dbus-run-session missing (package dbus)" >&2; exit 1; }
    command -v gnome-keyring-daemon >/dev/null || { echo "with_keyring: gnome-keyring-daemon missing (package gnome-keyring)" >&2; exit 1; }
    export KITH_KEYRING_SESSION=1
    exec dbus-run-session -- bash "$0" "$@"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# --unlock reads the keyring password from stdin; the daemon forks, serves this bus and exits
# when dbus-run-session closes it.
printf '%s' 'kith-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
