#!/bin/sh
# Builds the fuzz target with clang and sanitizers in BUILD_DIR, makes a seed corpus with the openssl command
# (keys are generated here, never committed) plus the complexity corpus written by MAKE_HOSTILE (one small input
# per class of hostile material: nested archives, key-derivation work at any depth, PEM floods, many keys), and
# fuzzes the loader for SECONDS. An input that takes over 1 s or 256 MB fails the run as a crash does.
# Usage: run-fuzz.sh SOURCE_DIR BUILD_DIR SECONDS [MAKE_HOSTILE]
set -eu
src=$1
build=$2
seconds=$3
make_hostile=${4:-}
command -v clang++ >/dev/null || { echo "run-fuzz: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DMTLS_FUZZ=ON \
    -DMTLS_BUILD_GUI=OFF >"$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" --target fuzz_loader >"$build.build.log" 2>&1 || { tail -50 "$build.build.log"; exit 1; }

seeds=$build/seeds
corpus=$build/corpus
rm -rf "$seeds" && mkdir -p "$seeds" "$corpus"
cd "$seeds"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem -out cert.pem \
    -subj /CN=www.example.com -addext subjectAltName=DNS:www.example.com -days 30 2>/dev/null
openssl x509 -in cert.pem -outform DER -out cert.der
openssl pkey -in key.pem -outform DER -out key.der
openssl pkey -in key.pem -traditional -out key-traditional.pem
openssl pkcs8 -topk8 -in key.pem -passout pass:fuzz -out key-encrypted.pem
openssl pkcs8 -topk8 -in key.pem -passout pass:fuzz -outform DER -out key-encrypted.der
openssl pkcs12 -export -in cert.pem -inkey key.pem -passout pass:fuzz -out both.p12
openssl crl2pkcs7 -nocrl -certfile cert.pem -out chain.p7b
cat cert.pem key.pem >combined.pem
zip -q package.zip cert.pem key.pem
mkdir -p Nginx && cp cert.pem Nginx/1_www.example.com_bundle.crt && zip -qr nested-dirs.zip Nginx
if [ -n "$make_hostile" ]; then
    "$make_hostile" "$seeds/complexity" --small
    cp "$seeds"/complexity/* "$seeds"/ && rm -rf "$seeds/complexity"
fi
cp "$seeds"/* "$corpus"/ 2>/dev/null || true

echo "fuzzing the loader for $seconds s"
# A small quarantine, so that freed memory kept by AddressSanitizer does not count against the 256 MB limit.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=16
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
"$build/tests/fuzz/fuzz_loader" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=256 -timeout=1 \
    -print_final_stats=1 "$corpus" 2>fuzz.log || { tail -60 fuzz.log; echo "run-fuzz: the fuzzer found a problem (see $build/fuzz.log)" >&2; exit 1; }
tail -15 fuzz.log
echo "run-fuzz: no crash, leak or sanitizer report"
