#!/bin/sh
# The README's two commands: installs what is missing, builds, then runs the assistant or the tests.
#   sh packaging/dev.sh run    build and run (the GUI with a display, the sandbox on the command line without)
#   sh packaging/dev.sh test   build and run the whole test suite through ctest
set -eu
cd "$(dirname "$0")/.."
what=${1:-run}
case $what in run|test) ;; *) echo "usage: sh packaging/dev.sh run|test" >&2; exit 2 ;; esac

sh packaging/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default

if [ "$what" = test ]; then
    exec ctest --preset default
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec ./build/app/mtls-assistant
fi
echo "No display found: running the command-line assistant."
./build/app/cli/mtls-assistant-cli --help
exec ./build/app/cli/mtls-assistant-cli sandbox
