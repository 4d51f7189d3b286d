#!/bin/sh
# Benchmark of the live test handshake and of the sandbox (not a test: it asserts nothing, it prints figures).
#
#   sh tests/bench/probe-bench.sh [BUILD_DIR] [RUNS]
#
# 1. Starts `mtls-assistant-cli sandbox --keep` (nginx) as the local endpoint: real nginx, mutual TLS, webhook app.
# 2. Side by side in the same run: RUNS x one whole `mtls-assistant-cli probe` process (every connection it makes:
#    without and with the client certificate, and the TLS 1.0/1.1 check) against RUNS x one `openssl s_client`
#    connection to the same endpoint. Uses hyperfine when installed, else a loop timed with `date +%s%N`.
# 3. The sandbox from command to printed report, for nginx and for Apache.
set -eu

BUILD=${1:-build}
RUNS=${2:-30}
CLI="$BUILD/app/cli/mtls-assistant-cli"
[ -x "$CLI" ] || { echo "no $CLI: build first (cmake --preset default && cmake --build build)" >&2; exit 2; }
command -v openssl >/dev/null || { echo "openssl is needed" >&2; exit 2; }

work=$(mktemp -d)
sandbox_pid=
cleanup() {
    if [ -n "$sandbox_pid" ]; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$CLI" sandbox --server nginx --keep >"$work/sandbox.out" 2>&1 &
sandbox_pid=$!
i=0
until grep -q "to stop it and remove everything" "$work/sandbox.out"; do
    i=$((i + 1))
    [ $i -lt 200 ] || { cat "$work/sandbox.out" >&2; exit 1; }
    sleep 0.05
done
url=$(sed -n "s/^  curl .* -d '{}' '\(.*\)'$/\1/p" "$work/sandbox.out")
pki=$(sed -n 's/^The sandbox keeps running under \(.*\)\. Try it:$/\1/p' "$work/sandbox.out")/pki
port=$(echo "$url" | sed -n 's|^https://localhost:\([0-9]*\)/.*|\1|p')
probe="$CLI probe $url --server-ca $pki/server-ca.crt --client-ca $pki/chat-client-ca.crt --client-cert $pki/client.crt --client-key $pki/client.key"
sclient="openssl s_client -connect 127.0.0.1:$port -servername localhost -CAfile $pki/server-ca.crt"

$probe >/dev/null || { echo "the probe reports a problem: stopping" >&2; $probe; exit 1; }

now_ns() { date +%s%N; }
# mean_ms COMMAND...: mean wall time of RUNS runs, in ms with one decimal
mean_ms() {
    start=$(now_ns)
    n=0
    while [ $n -lt "$RUNS" ]; do
        "$@" </dev/null >/dev/null 2>&1 || true
        n=$((n + 1))
    done
    end=$(now_ns)
    echo "$start $end $RUNS" | awk '{ printf "%.1f", ($2 - $1) / 1e6 / $3 }'
}

echo "Endpoint: $url (nginx, mutual TLS), $RUNS runs each, $(nproc) cores"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$work/h.json" "$probe" "$sclient" >/dev/null
    probe_ms=$(sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | sed -n 1p | awk '{ printf "%.1f", $1 * 1000 }')
    sclient_ms=$(sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | sed -n 2p | awk '{ printf "%.1f", $1 * 1000 }')
    how="hyperfine"
else
    # Warm the caches, then interleave the two so that both see the same machine load.
    mean_ms $probe >/dev/null
    mean_ms $sclient >/dev/null
    probe_ms=$(mean_ms $probe)
    sclient_ms=$(mean_ms $sclient)
    probe_ms2=$(mean_ms $probe)
    sclient_ms2=$(mean_ms $sclient)
    probe_ms=$(echo "$probe_ms $probe_ms2" | awk '{ printf "%.1f", ($1 + $2) / 2 }')
    sclient_ms=$(echo "$sclient_ms $sclient_ms2" | awk '{ printf "%.1f", ($1 + $2) / 2 }')
    how="date +%s%N loop"
fi
ratio=$(echo "$probe_ms $sclient_ms" | awk '{ printf "%.2f", $1 / $2 }')
echo "  one whole probe process (3 connections):  $probe_ms ms"
echo "  one openssl s_client connection:           $sclient_ms ms"
echo "  ratio probe / s_client:                    $ratio   (goal: at most 2; timed with $how)"

kill "$sandbox_pid"
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=

for server in nginx apache; do
    best=
    worst=0
    total=0
    n=0
    while [ $n -lt 5 ]; do
        start=$(now_ns)
        if ! "$CLI" sandbox --server $server >"$work/run.out" 2>&1; then
            echo "  sandbox $server: failed"
            sed -n '1,5p' "$work/run.out"
            continue 2
        fi
        ms=$((($(now_ns) - start) / 1000000))
        total=$((total + ms))
        [ -z "$best" ] || [ $ms -lt $best ] && best=$ms
        [ $ms -gt $worst ] && worst=$ms
        n=$((n + 1))
    done
    echo "  sandbox --server $server, command to report: mean $((total / 5)) ms, best $best ms, worst $worst ms (goal: within 2000 ms)"
done
