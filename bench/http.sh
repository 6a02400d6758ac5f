#!/usr/bin/env bash
# Single-URL throughput: wrk, hey and `sartor-load http` side by side, in one run, against nginx
# serving a small static file on loopback. Prints a markdown table (requests/s and CPU time per
# request of each client) and saves it under bench/results/.
#
#   bench/http.sh                      32 connections, 10 s per client, 3 rounds
#   CONNECTIONS=64 DURATION=20 ROUNDS=1 bench/http.sh
#
# Each round runs the three clients one after the other, in a rotated order so that none always
# goes first; the first table shows the mean of the rounds, the second every round. On a shared machine the figures move with
# the other load: the load average is printed with them.
#   SARTOR_LOAD=path/to/sartor-load bench/http.sh    skip the release build
#
# Needs wrk, hey and nginx: `scripts/setup --bench` installs them. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${CONNECTIONS:-32}
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
file_bytes=${FILE_BYTES:-612}

for tool in wrk hey nginx /usr/bin/time; do
    command -v "$tool" >/dev/null || {
        echo "http.sh: $tool is missing; run scripts/setup --bench" >&2
        exit 1
    }
done

if [[ -z "${SARTOR_LOAD:-}" ]]; then
    swift build -c release --product sartor-load >/dev/null
    SARTOR_LOAD=.build/release/sartor-load
fi

work=$(mktemp -d)
nginx_pid=""
cleanup() {
    [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# A free port: a random one that nothing answers on, confirmed by nginx binding it.
start_nginx() {
    for _ in $(seq 20); do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        sed "s/@PORT@/$port/" "$work/nginx.conf.in" >"$work/nginx.conf"
        nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' 2>>"$work/nginx-start.log" &
        nginx_pid=$!
        for _ in $(seq 50); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
            kill -0 "$nginx_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill "$nginx_pid" 2>/dev/null || true
        nginx_pid=""
    done
    echo "http.sh: nginx did not start; see below" >&2
    cat "$work/nginx-start.log" >&2
    exit 1
}

mkdir -p "$work/www" "$work/logs"
head -c "$file_bytes" /dev/zero | tr '\0' 'x' >"$work/www/index.html"
cat >"$work/nginx.conf.in" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000000;
    keepalive_timeout 60s;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    server {
        listen 127.0.0.1:@PORT@;
        root $work/www;
    }
}
CONF
start_nginx
url="http://127.0.0.1:$port/index.html"

# Runs one client under /usr/bin/time; sets `rps` and `cpu_us` (CPU microseconds per request).
measure() {
    local name=$1
    shift
    /usr/bin/time -f '%U %S' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
        echo "http.sh: $name failed:" >&2
        cat "$work/err" "$work/out" >&2
        exit 1
    }
    case $name in
    wrk) rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/out") ;;
    hey) rps=$(awk '/Requests\/sec:/ { print $2 }' "$work/out") ;;
    sartor-load) rps=$(grep -o '"requestsPerSecond" *: *[0-9.e+]*' "$work/out" | awk -F: '{ print $2 }') ;;
    esac
    local cpu_seconds
    cpu_seconds=$(tail -1 "$work/time" | awk '{ print $1 + $2 }')
    cpu_us=$(awk -v c="$cpu_seconds" -v r="$rps" -v d="$duration" \
        'BEGIN { printf "%.1f", (r > 0 ? c * 1e6 / (r * d) : 0) }')
}

run_client() {
    case $1 in
    wrk) measure wrk wrk -t 2 -c "$connections" -d "${duration}s" "$url" ;;
    hey) measure hey hey -z "${duration}s" -c "$connections" "$url" ;;
    sartor-load)
        measure sartor-load "$SARTOR_LOAD" http "$url" -c "$connections" -d "${duration}s" --json
        ;;
    esac
    total_rps[$1]=$(awk -v a="${total_rps[$1]:-0}" -v b="$rps" 'BEGIN { print a + b }')
    total_cpu[$1]=$(awk -v a="${total_cpu[$1]:-0}" -v b="$cpu_us" 'BEGIN { print a + b }')
    rounds_table+=("| $round | $1 | $(printf '%.0f' "$rps") | $cpu_us |")
    echo "round $round: $1 $(printf '%.0f' "$rps") requests/s, $cpu_us CPU µs/request" >&2
}

declare -A total_rps total_cpu
rounds_table=()
load_before=$(cut -d' ' -f1 /proc/loadavg)
clients=(wrk hey sartor-load)
for round in $(seq "$rounds"); do
    for offset in 0 1 2; do
        run_client "${clients[$(((round - 1 + offset) % 3))]}"
    done
done
load_after=$(cut -d' ' -f1 /proc/loadavg)

mkdir -p bench/results
result="bench/results/http-$(date +%Y%m%d-%H%M%S).md"
{
    echo "nginx on 127.0.0.1, ${file_bytes}-byte file, $connections connections," \
        "${duration} s per client, $rounds round(s), $(nproc) cores," \
        "load average $load_before before, $load_after after"
    echo
    echo "| client | requests/s | CPU µs/request | vs wrk | vs hey |"
    echo "|---|---:|---:|---:|---:|"
    wrk_rps=$(awk -v t="${total_rps[wrk]}" -v n="$rounds" 'BEGIN { print t / n }')
    hey_rps=$(awk -v t="${total_rps[hey]}" -v n="$rounds" 'BEGIN { print t / n }')
    for name in wrk hey sartor-load; do
        awk -v name="$name" -v t="${total_rps[$name]}" -v c="${total_cpu[$name]}" -v n="$rounds" \
            -v w="$wrk_rps" -v h="$hey_rps" 'BEGIN {
                r = t / n
                printf "| %s | %.0f | %.1f | %.2f× | %.2f× |\n", name, r, c / n, r / w, r / h
            }'
    done
    echo
    echo "| round | client | requests/s | CPU µs/request |"
    echo "|---:|---|---:|---:|"
    printf '%s\n' "${rounds_table[@]}"
} | tee "$result"
echo "saved $result"
