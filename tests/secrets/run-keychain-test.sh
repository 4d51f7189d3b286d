#!/bin/sh
# Runs the keychain test against the real system keychain, in a session of its own:
#   run-keychain-test.sh available   TEST   -- a private D-Bus session with an unlocked gnome-keyring-daemon
#   run-keychain-test.sh unavailable TEST   -- no session bus, no display: no keychain at all
# HOME and XDG_RUNTIME_DIR point at a temporary directory that is removed at the end.
set -eu
mode=$1
test_exe=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/home/.local/share" MTLS_KEYCHAIN="$mode"
case "$mode" in
available)
    exec dbus-run-session -- sh -c '
        printf %s throwaway-keyring-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec "$0"' "$test_exe"
    ;;
unavailable)
    unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
    "$test_exe"
    ;;
*)
    echo "usage: $0 available|unavailable TEST" >&2
    exit 2
    ;;
esac
