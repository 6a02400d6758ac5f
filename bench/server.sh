#!/usr/bin/env bash
# The embedded server against nginx, on loopback, side by side in one run:
#   1. GET of a small node vs nginx serving a static file of the same size (wrk, 32 connections);
#   2. PUT of distinct 200-byte records (wrk + bench/lua/put-records.lua, 32 connections);
#   3. the time to GET a collection of 100,000 children (curl, median of 5).
# Release build. Every process listens on 127.0.0.1 only and stops by itself.
#
#   bench/server.sh                    # 5 s per wrk round, 3 alternating rounds each
#   BENCH_SECONDS=5 BENCH_ROUNDS=1 bench/server.sh
#
# Figures are also written to bench/results/server.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-$(nproc)}
wrk_threads=${BENCH_WRK_THREADS:-2}

for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || { echo "server.sh: $tool missing; run scripts/setup --bench" >&2; exit 1; }
done
if ! build_log=$(swift build -c release --product sartor-load 2>&1); then
    echo "$build_log" >&2
    exit 1
fi

work=$(mktemp -d)
server_pid=""
nginx_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The embedded server, quiet, one thread per core.
.build/release/sartor-load serve --port 0 --threads "$threads" >"$work/url" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do [[ -s "$work/url" ]] && break; sleep 0.05; done
ours=$(head -1 "$work/url")

# A small node (an agent's status record) and a static file with exactly its bytes.
curl -sf -X PUT -d '{"name":"agent-7","status":"online","room":"lobby","seen":1767225600000}' \
    "$ours/bench/node.json" >/dev/null
curl -sf "$ours/bench/node.json" >"$work/node.json"
size=$(stat -c %s "$work/node.json")

nginx_port=$(free_port)
mkdir -p "$work/nginx/html"
cp "$work/node.json" "$work/nginx/html/node.json"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $threads;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    types { application/json json; }
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/html;
    }
}
CONF
# nginx workers drop root privileges: they must be able to read the file.
chmod 755 "$work"
chmod -R a+rX "$work/nginx"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nginx_port/node.json" >/dev/null && break; sleep 0.05; done
[[ $(curl -s "http://127.0.0.1:$nginx_port/node.json" | wc -c) -eq $size ]]

# Requests per second of one wrk round; any error response or socket error fails the bench.
requests_per_second() {
    local output
    output=$(wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" "$@")
    if grep -qE 'Non-2xx|Socket errors' <<<"$output"; then
        echo "server.sh: errors during wrk $*:" >&2
        echo "$output" >&2
        exit 1
    fi
    awk '/^Requests\/sec/ {print $2}' <<<"$output"
}

best() { printf '%s\n' "$@" | sort -g | tail -1; }

# One second each to warm up (connections, caches, thread pools), then alternating rounds, so
# that both servers see the same background load.
wrk -t"$wrk_threads" -c"$connections" -d1s "http://127.0.0.1:$nginx_port/node.json" >/dev/null
wrk -t"$wrk_threads" -c"$connections" -d1s "$ours/bench/node.json" >/dev/null
nginx_rates=()
our_rates=()
for _ in $(seq "$rounds"); do
    nginx_rates+=("$(requests_per_second "http://127.0.0.1:$nginx_port/node.json")")
    our_rates+=("$(requests_per_second "$ours/bench/node.json")")
done
nginx_best=$(best "${nginx_rates[@]}")
our_best=$(best "${our_rates[@]}")
ratio=$(python3 -c "print(f'{$our_best / $nginx_best:.2f}')")
round_ratios=$(python3 -c "
ours = '${our_rates[*]}'.split(); theirs = '${nginx_rates[*]}'.split()
print(' '.join(f'{float(a) / float(b):.2f}' for a, b in zip(ours, theirs)))")

# wrk loads scripts reliably only from some places (a confined package); use a copy in $work.
cp bench/lua/put-records.lua "$work/put-records.lua"
put_rates=()
for round in $(seq "$rounds"); do
    put_rates+=("$(requests_per_second -s "$work/put-records.lua" "$ours" -- "$round")")
done
put_best=$(best "${put_rates[@]}")
records=$(curl -sf "$ours/bench/records.json?shallow=true" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

# A collection of 100,000 children, written in PATCHes of 10,000.
python3 - "$ours" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
for chunk in range(10):
    body = {f"m{chunk * 10000 + i:06d}": {"from": f"agent-{i % 500}", "text": "hello there", "at": 1767225600000 + i}
            for i in range(10000)}
    request = urllib.request.Request(f"{base}/bench/collection.json?print=silent", method="PATCH",
                                     data=json.dumps(body).encode())
    urllib.request.urlopen(request).read()
PY
collection_times=()
for _ in 1 2 3 4 5; do
    collection_times+=("$(curl -s -o "$work/collection.json" -w '%{time_total}' "$ours/bench/collection.json")")
done
collection_median=$(printf '%s\n' "${collection_times[@]}" | sort -g | sed -n 3p)
collection_bytes=$(stat -c %s "$work/collection.json")
collection_children=$(python3 -c "import json; print(len(json.load(open('$work/collection.json'))))")

mkdir -p bench/results
{
    echo "sartor-load serve vs nginx on loopback, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg), server threads: $threads,"
    echo "nginx workers: $threads, wrk: $wrk_threads threads, $connections connections, ${seconds}s x $rounds rounds (best kept)"
    echo
    printf 'GET %d-byte node, nginx static file   %10.0f req/s   (rounds: %s)\n' "$size" "$nginx_best" "${nginx_rates[*]}"
    printf 'GET %d-byte node, sartor-load serve   %10.0f req/s   (rounds: %s)\n' "$size" "$our_best" "${our_rates[*]}"
    printf 'ratio sartor-load / nginx              %10s        (best / best; per round: %s; target >= 0.6)\n' "$ratio" "$round_ratios"
    printf 'PUT 200-byte records, distinct keys   %10.0f writes/s (rounds: %s; %s records stored; target >= 20000)\n' "$put_best" "${put_rates[*]}" "$records"
    printf 'GET collection of %d children (%d bytes): median %.1f ms of 5 (%s s)\n' \
        "$collection_children" "$collection_bytes" "$(python3 -c "print($collection_median * 1000)")" "${collection_times[*]}"
} | tee bench/results/server.txt
