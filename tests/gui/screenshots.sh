#!/bin/sh
# Screenshots of every page of the wizard, as a user sees it: the GUI tests drive the pages under Xvfb (the real
# X11 platform, fonts and style) and save a picture of the window at each step.
#   tests/gui/screenshots.sh [BUILD_DIR] [OUT_DIR]
# Needs xvfb-run (packages xvfb xauth). Look at the PNG files afterwards.
# MTLS_LANGUAGE=zh_CN takes them in Chinese (needs a CJK font, e.g. fonts-noto-cjk).
set -eu
build=${1:-build}
out=${2:-$build/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
for test in tst_gui_pages tst_gui_flow tst_gui_renewal tst_gui_findings_fit tst_gui_merge tst_gui_remind tst_gui_firstcall; do
    MTLS_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s '-screen 0 1280x800x24' "$build/tests/gui/$test" >"$out/$test.log" 2>&1 ||
        { echo "$test failed: see $out/$test.log" >&2; exit 1; }
done
ls "$out"/*.png
