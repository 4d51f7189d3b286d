#!/bin/sh
# Benchmarks of the wizard, side by side in one run (figures depend on the machine; nothing here is a test):
#  - launch to first page painted: the assistant against a bare QWizard built with the same Qt (target: <= 1.5x);
#  - importing a typical package (zip with leaf, chain and key) until its findings are shown (target: < 100 ms);
#  - the longest stall of the event loop while a test handshake waits on an endpoint that never answers (< 50 ms).
#   tests/gui/bench-gui.sh [BUILD_DIR]     (uses QT_QPA_PLATFORM=offscreen unless DISPLAY is set)
set -eu
build=${1:-build}
bench="$build/tests/gui/bench_gui"
[ -n "${DISPLAY:-}" ] || export QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

runs=9
: >"$tmp/bare"; : >"$tmp/wizard"
i=0
while [ $i -lt $runs ]; do
    for kind in bare wizard; do
        start=$(now_ms)
        painted=$("$bench" paint-$kind 2>/dev/null)
        echo $((painted - start)) >>"$tmp/$kind"
    done
    i=$((i + 1))
done
bare=$(median <"$tmp/bare")
wizard=$(median <"$tmp/wizard")
echo "launch to first page painted: wizard ${wizard} ms, bare QWizard ${bare} ms (median of $runs)"
awk -v w="$wizard" -v b="$bare" 'BEGIN { printf "ratio: %.2f (target: at most 1.5)\n", w / b }'

# A typical package: leaf, chain and key in a zip, as downloaded.
cd "$tmp"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.crt -days 30 \
    -subj /CN=Bench-Root -addext basicConstraints=critical,CA:TRUE 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout localhost.key -out s.csr -subj /CN=localhost 2>/dev/null
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' >ext
openssl x509 -req -in s.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 20 -extfile ext -out s.crt 2>/dev/null
mkdir -p Nginx && cat s.crt >Nginx/1_localhost_bundle.crt && cp localhost.key Nginx/2_localhost.key
if command -v zip >/dev/null; then zip -q -r package.zip Nginx; else python3 -c "import shutil; shutil.make_archive('package', 'zip', '.', 'Nginx')"; fi
cd - >/dev/null
echo "import of a package until its findings are shown: $("$bench" import "$tmp/package.zip" "$tmp/ca.crt" 2>/dev/null) ms (median of 9; target: under 100 ms)"
echo "longest event-loop stall while probing a silent endpoint: $("$bench" freeze 2>/dev/null) ms (target: under 50 ms)"
