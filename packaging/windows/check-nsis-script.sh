#!/bin/sh
# Checks the NSIS side of the Windows installer on any system with CMake and makensis (Debian: apt-get install nsis):
# a stand-in project that includes packaging/windows/Nsis.cmake is packaged with `cpack -G NSIS`, and the script
# CPack generated must hold the per-user settings. It does not build the programs; the Windows CI job does.
# Usage: sh packaging/windows/check-nsis-script.sh
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v makensis >/dev/null || { echo "makensis is not installed (Debian: apt-get install nsis)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'MZ stand-in\n' >mtls-assistant.exe
cp "$repo/LICENSE" LICENSE
# A valid one-image .ico (16x16, 32-bit) for the installer's icon.
python3 - <<'PY'
import struct
w = h = 16
pixels = b"\x80\x40\x10\xff" * (w * h)
mask = b"\x00" * (4 * h)
dib = struct.pack("<IiiHHIIiiII", 40, w, 2 * h, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0) + pixels + mask
ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", w, h, 0, 0, 1, 32, len(dib), 22) + dib
open("icon.ico", "wb").write(ico)
PY
cat >CMakeLists.txt <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(mtls-assistant VERSION 0.0.1 HOMEPAGE_URL "https://github.com/mtls-assistant/mtls-assistant" LANGUAGES NONE)
set(MTLS_APP_NAME "mTLS Assistant")
set(MTLS_ICON_ICO \${CMAKE_CURRENT_SOURCE_DIR}/icon.ico)
install(PROGRAMS mtls-assistant.exe DESTINATION bin)
set(CPACK_PACKAGE_NAME mtls-assistant)
set(CPACK_PACKAGE_VENDOR "The mTLS Assistant authors")
set(CPACK_PACKAGE_CONTACT "The mTLS Assistant authors")
set(CPACK_RESOURCE_FILE_LICENSE \${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR NSIS)
include($repo/packaging/windows/Nsis.cmake)
include(CPack)
CMAKE
cmake -S . -B b >cmake.log 2>&1 || { cat cmake.log; exit 1; }
(cd b && cpack -G NSIS >cpack.log 2>&1) || { cat b/cpack.log; exit 1; }
nsi=$(find b/_CPack_Packages -name project.nsi)
fail=0
expect() {
    if grep -qF -- "$1" "$nsi"; then printf "ok: %s\n" "$1"; else printf "MISSING: %s\n" "$1"; fail=1; fi
}
expect 'RequestExecutionLevel user'
expect 'StrCpy $INSTDIR "$LOCALAPPDATA\Programs\mTLS Assistant"'
expect 'ReadRegStr $0 SHCTX "Software\Microsoft\Windows\CurrentVersion\Uninstall\mTLS Assistant" "UninstallString"'
expect 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\mTLS Assistant.lnk" "$INSTDIR\bin\mtls-assistant.exe"'
expect 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\Uninstall.lnk" "$INSTDIR\Uninstall.exe"'
expect 'WriteUninstaller "$INSTDIR\Uninstall.exe"'
expect '!define MUI_FINISHPAGE_RUN "$INSTDIR\bin\mtls-assistant.exe"'
if grep -qF 'RequestExecutionLevel admin' "$nsi"; then echo "UNEXPECTED: RequestExecutionLevel admin"; fail=1; fi
ls b/mtls-assistant-0.0.1-*.exe >/dev/null || { echo "makensis produced no installer"; fail=1; }
[ $fail = 0 ] && echo "The generated NSIS script is per-user and compiles with $(makensis -VERSION)."
exit $fail
