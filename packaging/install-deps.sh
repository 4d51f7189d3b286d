#!/bin/sh
# Installs everything needed to build, run and test mTLS Assistant on Debian 12 / Ubuntu 22.04+.
# Used by both commands of the README. Run as root (or with sudo available); safe to run again.
set -eu

PACKAGES="ca-certificates git g++ cmake ninja-build pkg-config \
 qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-svg-dev \
 qtkeychain-qt6-dev libquazip1-qt6-dev libssl-dev openssl \
 nginx apache2 curl openssh-client openssh-server sudo \
 clang libclang-rt-14-dev \
 xvfb xauth imagemagick gnome-keyring dbus-x11 libsecret-tools \
 dbus pkexec \
 shellcheck file dpkg-dev appstream desktop-file-utils bash-completion man-db zip time"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "install-deps: these packages are missing and I am not root:$missing" >&2
        echo "install-deps: run this script as root, or install them with your package manager." >&2
        exit 1
    fi
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
