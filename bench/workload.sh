#!/usr/bin/env bash
# The workload figures, all on loopback against `sartor-load serve` on this machine:
#   1. sartor-load run: 64 agents, no think time, no simulated work, 30 s.
#   2. Locust (bench/locustfile.py, FastHttpUser), same mix, same users, same 30 s, on a fresh
#      server of the same kind; the ratio of operations per second is printed.
#   3. Memory: RSS of sartor-load after 100,000 and after 1,000,000 operations (a mix without
#      whole-collection reads, whose cost grows with the data, so the run stays at full speed);
#      every status block's RSS goes to memory-rss.csv. The run goes 10% past the last
#      checkpoint so that it is measured while running, not while the final reports are written;
#      the peak RSS printed at the end includes them.
#   4. Agents: 10,000 agents with the default 2-8 s think time and mix for 60 s: CPU time and
#      peak RSS of sartor-load (not counted in `all`); AGENT_MIX sets another --mix, e.g. the
#      writes only: AGENT_MIX=broadcast=10,task_create=15,knowledge_add=20.
# Usage: bench/workload.sh [compare|memory|agents|all]
#   (environment: USERS, SECONDS_RUN, OPS_MEMORY, AGENTS, AGENT_SECONDS, AGENT_MIX)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-all}
users=${USERS:-64}
seconds=${SECONDS_RUN:-30}
memory_ops=${OPS_MEMORY:-1000000}
agents=${AGENTS:-10000}
agent_seconds=${AGENT_SECONDS:-60}
agent_mix=(${AGENT_MIX:+--mix "$AGENT_MIX"})
out=bench/results/workload
bin=.build/release/sartor-load
mkdir -p "$out"

swift build -c release --product sartor-load >/dev/null

server_pid=""
start_server() {
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$bin" serve --host 127.0.0.1 --port "$port" >"$out/server-$1.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do
        curl -sf "http://127.0.0.1:$port/.json?shallow=true" >/dev/null && return 0
        sleep 0.1
    done
    echo "workload.sh: the server did not start" >&2
    exit 1
}
stop_server() {
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
}
trap stop_server EXIT

compare() {
    start_server sartor-load
    python3 bench/with_cpu.py "$out/sartor-load.cpu" -- \
        "$bin" run --no-tui --target "http://127.0.0.1:$port" --agents "$users" --think 0s \
        --work 0s --broadcast-limit 0 --duration "${seconds}s" --status-interval 10s \
        --report-dir "$out/sartor-load" >"$out/sartor-load.txt"
    stop_server

    start_server locust
    SARTOR_THINK=0 SARTOR_WORK=0 python3 bench/with_cpu.py "$out/locust.cpu" -- \
        python3 -m locust -f bench/locustfile.py --headless \
        -u "$users" -r "$users" -t "${seconds}s" --host "http://127.0.0.1:$port" \
        --csv "$out/locust" --only-summary >"$out/locust.txt" 2>&1 || true
    stop_server

    python3 bench/workload_compare.py "$out/sartor-load/report.json" "$out/locust_stats.csv" \
        "$out/sartor-load.cpu" "$out/locust.cpu" \
        | tee "$out/compare.txt"
}

memory() {
    start_server memory
    python3 bench/rss_sampler.py --log "$out/memory-rss.csv" --checkpoints 100000 "$memory_ops" -- \
        "$bin" run --no-tui --target "http://127.0.0.1:$port" --agents "$users" --think 0s \
        --work 0s --broadcast-limit 0 --operations "$((memory_ops + memory_ops / 10))" \
        --duration 1h \
        --mix direct_message=30,broadcast=10,task_create=15,knowledge_add=20 \
        --status-interval 1s --sample-interval 60s --report-dir "$out/memory" \
        | tee "$out/memory.txt"
    stop_server
}

agents() {
    start_server agents
    started=$(date +%s.%N)
    python3 bench/with_cpu.py "$out/agents.cpu" -- \
        python3 bench/rss_sampler.py --log "$out/agents-rss.csv" --checkpoints 0 -- \
        "$bin" run --no-tui --target "http://127.0.0.1:$port" --agents "$agents" \
        --duration "${agent_seconds}s" --status-interval 5s --report-dir "$out/agents" \
        ${agent_mix[@]+"${agent_mix[@]}"} \
        | tee "$out/agents.txt"
    ended=$(date +%s.%N)
    stop_server
    python3 -c "import sys; cpu, start, end = map(float, sys.argv[1:]); \
print(f'CPU: {cpu:.1f} s over {end - start:.0f} s = {cpu / (end - start):.2f} of a core')" \
        "$(cat "$out/agents.cpu")" "$started" "$ended" \
        | tee -a "$out/agents.txt"
}

case "$mode" in
    compare) compare ;;
    memory) memory ;;
    agents) agents ;;
    all) compare; memory ;;
    *) echo "usage: bench/workload.sh [compare|memory|agents|all]" >&2; exit 64 ;;
esac
