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
cli=./build/app/cli/mtls-assistant-cli
"$cli" --help
if "$cli" help sandbox >/dev/null 2>&1; then
    exec "$cli" sandbox
fi
# Until the sandbox exists: a check of a generated sample (a throwaway CA and a certificate for localhost).
sample=$(mktemp -d)
trap 'rm -rf "$sample"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$sample/ca.key" -out "$sample/ca.crt" \
    -subj "/CN=Sample CA" -days 3650 -addext basicConstraints=critical,CA:TRUE 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$sample/server.key" -out "$sample/server.csr" \
    -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$sample/ext.cnf"
openssl x509 -req -in "$sample/server.csr" -CA "$sample/ca.crt" -CAkey "$sample/ca.key" -days 365 \
    -extfile "$sample/ext.cnf" -out "$sample/server.crt" 2>/dev/null
chmod 600 "$sample/server.key"
echo
echo "\$ mtls-assistant-cli check --domain localhost --cert server.crt --key server.key --client-ca ca.crt --roots ca.crt"
"$cli" check --domain localhost --cert "$sample/server.crt" --key "$sample/server.key" --client-ca "$sample/ca.crt" \
    --roots "$sample/ca.crt"
