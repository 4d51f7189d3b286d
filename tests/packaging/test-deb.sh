#!/bin/sh
# Builds the .deb with CPack, installs it with apt (which pulls its dependencies), runs both programs from the
# installed paths, validates the desktop integration, and removes the package cleanly.
# Usage: test-deb.sh BUILD_DIR VERSION
# Needs root (it installs a package): exits 77 (skipped) otherwise.
set -eu
build=$1
version=$2
if [ "$(id -u)" != 0 ]; then
    echo "SKIPPED: installing a .deb needs root; run the tests as root to include this one."
    exit 77
fi
if ! command -v apt-get >/dev/null; then
    echo "SKIPPED: not a Debian-like system (no apt-get)."
    exit 77
fi
step() { echo "== $*"; }
app_id=io.github.mtls_assistant.MtlsAssistant

step "building the package"
cd "$build"
rm -f mtls-assistant_*.deb
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }
deb=$(ls mtls-assistant_"$version"_*.deb)
dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ //' >deb-depends.txt
for needed in libqt6keychain1 qt6-translations-l10n libsecret-1-0 qt6-qpa-plugins; do
    grep -q "^$needed" deb-depends.txt || { echo "the package does not depend on $needed:"; cat deb-depends.txt; exit 1; }
done

step "installing $deb"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "./$deb" >apt-install.log 2>&1 || { cat apt-install.log; exit 1; }
trap 'apt-get remove -y -qq mtls-assistant >/dev/null 2>&1 || true' EXIT

step "running the installed programs"
test "$(/usr/bin/mtls-assistant-cli --version)" = "mtls-assistant-cli $version"
QT_QPA_PLATFORM=offscreen /usr/bin/mtls-assistant --version | grep -q "$version"
if /usr/bin/mtls-assistant-cli help sandbox >/dev/null 2>&1; then
    /usr/bin/mtls-assistant-cli sandbox
fi
MTLS_LANGUAGE=zh_CN /usr/bin/mtls-assistant-cli --help >/dev/null

step "validating the desktop integration"
desktop-file-validate /usr/share/applications/$app_id.desktop
appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml
test -s /usr/share/icons/hicolor/scalable/apps/$app_id.svg
test -s /usr/share/icons/hicolor/16x16/apps/$app_id.png
test -s /usr/share/icons/hicolor/512x512/apps/$app_id.png
man -l /usr/share/man/man1/mtls-assistant-cli.1* >/dev/null
policy=/usr/share/polkit-1/actions/io.github.mtls-assistant.apply.policy
grep -q '<annotate key="org.freedesktop.policykit.exec.path">/usr/bin/mtls-assistant-cli</annotate>' "$policy" ||
    { echo "the polkit action does not name the installed /usr/bin/mtls-assistant-cli:"; cat "$policy"; exit 1; }
completion=$(bash -c '. /usr/share/bash-completion/bash_completion
    . /usr/share/bash-completion/completions/mtls-assistant-cli
    COMP_WORDS=(mtls-assistant-cli ch); COMP_CWORD=1; COMP_LINE="mtls-assistant-cli ch"; COMP_POINT=${#COMP_LINE}
    _mtls_assistant_cli; echo "${COMPREPLY[*]}"')
test "$completion" = "check" || { echo "bash completion offered: '$completion'"; exit 1; }

step "removing the package"
apt-get remove -y -qq mtls-assistant >/dev/null
trap - EXIT
if [ -e /usr/bin/mtls-assistant-cli ] || [ -e /usr/share/applications/$app_id.desktop ] || [ -e "$policy" ]; then
    echo "files are left after removal"
    exit 1
fi
echo "the .deb builds, installs, runs and uninstalls cleanly"
