#!/bin/sh
# Benchmark (label bench): `mtls-assistant-cli check` of a typical package (leaf, one intermediate, key, client
# CA) as a whole process, against one `openssl verify` process on the same files, side by side in one run.
# Target: at most 1.5 times openssl verify, peak memory under 40 MB.
# Usage: bench-check.sh PATH_TO_mtls-assistant-cli [RUNS]
set -eu
cli=$1
runs=${2:-40}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
ext() { printf '%s\n' "$@" >ext.cnf; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.crt -subj "/CN=Bench Root" -days 3650 \
    -addext basicConstraints=critical,CA:TRUE 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout inter.key -out inter.csr -subj "/CN=Bench Intermediate" 2>/dev/null
ext "basicConstraints=critical,CA:TRUE"
openssl x509 -req -in inter.csr -CA root.crt -CAkey root.key -out inter.crt -days 1000 -extfile ext.cnf 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=www.example.com" 2>/dev/null
ext "subjectAltName=DNS:www.example.com" "extendedKeyUsage=serverAuth"
openssl x509 -req -in server.csr -CA inter.crt -CAkey inter.key -out server.crt -days 365 -extfile ext.cnf 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout chatca.key -out chatca.crt -subj "/CN=Bench Chat CA" -days 3650 \
    -addext basicConstraints=critical,CA:TRUE 2>/dev/null
cat server.crt inter.crt >bundle.crt
mkdir -p pkg/Nginx && cp bundle.crt pkg/Nginx/1_www.example.com_bundle.crt && cp server.key pkg/Nginx/2_www.example.com.key
(cd pkg && zip -qr ../package.zip .)
chmod 600 server.key

now() { date +%s%N; }
measure() { # prints the total nanoseconds of $runs runs of the command
    start=$(now)
    i=0
    while [ $i -lt "$runs" ]; do "$@" >/dev/null 2>&1 || true; i=$((i + 1)); done
    echo $(($(now) - start))
}
# Warm the page cache, then interleave the two so that machine noise hits both.
"$cli" check --domain www.example.com --bundle package.zip --client-ca chatca.crt --roots root.crt >/dev/null
openssl verify -CAfile root.crt -untrusted inter.crt server.crt >/dev/null
ours=0; theirs=0
for round in 1 2 3; do
    ours=$((ours + $(measure "$cli" check --domain www.example.com --bundle package.zip --client-ca chatca.crt --roots root.crt)))
    theirs=$((theirs + $(measure openssl verify -CAfile root.crt -untrusted inter.crt server.crt)))
done
total=$((runs * 3))
echo "check (package zip, client CA):   $((ours / total / 1000)) us per process"
echo "openssl verify (same files):      $((theirs / total / 1000)) us per process"
ratio=$(awk "BEGIN { printf \"%.2f\", $ours / $theirs }")
echo "ratio check / openssl verify:     $ratio (target: at most 1.5)"

peak_kb=$(/usr/bin/time -f %M "$cli" check --domain www.example.com --bundle package.zip --client-ca chatca.crt \
    --roots root.crt 2>&1 >/dev/null | tail -1)
echo "peak memory of check:             $((peak_kb / 1024)) MB (target: under 40 MB)"
awk "BEGIN { exit !($ratio <= 1.5 && $peak_kb < 40 * 1024) }"
