#!/usr/bin/env bash
# Benchmark of the live test handshake and of the sandbox (not a test: it asserts nothing, it prints figures).
#
#   bash tests/bench/probe-bench.sh [BUILD_DIR] [RUNS]
#
# 1. Starts `mtls-assistant-cli sandbox --keep` (nginx) as the local endpoint: real nginx, mutual TLS, webhook app.
# 2. Side by side in the same run: RUNS x one whole `mtls-assistant-cli probe` process (every connection it makes:
#    without and with the test client certificate, and the TLS 1.0/1.1 check; and the same without a test client
#    certificate, 2 connections) against RUNS x one `openssl s_client`
#    connection to the same endpoint, interleaved (probe, s_client, probe, ...) so that both meet the same machine
#    load; medians of the wall times. Uses hyperfine when installed, else bash's $EPOCHREALTIME (no extra process).
# 3. The sandbox from command to printed report, for nginx and for Apache.
set -eu
export LC_ALL=C

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
probe2="$CLI probe $url --server-ca $pki/server-ca.crt --client-ca $pki/chat-client-ca.crt"
sclient="openssl s_client -connect 127.0.0.1:$port -servername localhost -CAfile $pki/server-ca.crt"

$probe >/dev/null || { echo "the probe reports a problem: stopping" >&2; $probe; exit 1; }

now_us() { local t=$EPOCHREALTIME; echo "${t//[.,]/}"; }
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'; }

echo "Endpoint: $url (nginx, mutual TLS), $RUNS runs each, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$work/h.json" "$probe" "$probe2" "$sclient" >/dev/null
    medians=$(sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$work/h.json")
    probe_ms=$(echo "$medians" | sed -n 1p | awk '{ printf "%.1f", $1 * 1000 }')
    probe2_ms=$(echo "$medians" | sed -n 2p | awk '{ printf "%.1f", $1 * 1000 }')
    sclient_ms=$(echo "$medians" | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }')
    how="hyperfine, medians"
else
    : >"$work/probe.us"
    : >"$work/probe2.us"
    : >"$work/sclient.us"
    n=0
    while [ $n -lt $((RUNS + 3)) ]; do
        s=$(now_us); $probe </dev/null >/dev/null 2>&1 || true; e=$(now_us)
        [ $n -lt 3 ] || echo $((e - s)) >>"$work/probe.us"
        s=$(now_us); $sclient </dev/null >/dev/null 2>&1 || true; e=$(now_us)
        [ $n -lt 3 ] || echo $((e - s)) >>"$work/sclient.us"
        s=$(now_us); $probe2 </dev/null >/dev/null 2>&1 || true; e=$(now_us)
        [ $n -lt 3 ] || echo $((e - s)) >>"$work/probe2.us"
        n=$((n + 1))
    done
    probe_ms=$(median <"$work/probe.us")
    probe2_ms=$(median <"$work/probe2.us")
    sclient_ms=$(median <"$work/sclient.us")
    how="interleaved runs, medians"
fi
ratio=$(echo "$probe_ms $sclient_ms" | awk '{ printf "%.2f", $1 / $2 }')
ratio2=$(echo "$probe2_ms $sclient_ms" | awk '{ printf "%.2f", $1 / $2 }')
echo "  one openssl s_client connection:                          $sclient_ms ms"
echo "  one probe process with a test client certificate (3 connections):  $probe_ms ms, ratio $ratio"
echo "  one probe process without one (2 connections):            $probe2_ms ms, ratio $ratio2"
echo "  (goal: ratio at most 2; $how)"

kill "$sandbox_pid"
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=

for server in nginx apache; do
    best=
    worst=0
    total=0
    n=0
    while [ $n -lt 5 ]; do
        start=$(now_us)
        if ! "$CLI" sandbox --server $server >"$work/run.out" 2>&1; then
            echo "  sandbox $server: failed"
            sed -n '1,5p' "$work/run.out"
            continue 2
        fi
        ms=$((($(now_us) - start) / 1000))
        total=$((total + ms))
        [ -z "$best" ] || [ $ms -lt $best ] && best=$ms
        [ $ms -gt $worst ] && worst=$ms
        n=$((n + 1))
    done
    echo "  sandbox --server $server, command to report: mean $((total / 5)) ms, best $best ms, worst $worst ms (goal: within 2000 ms)"
done
