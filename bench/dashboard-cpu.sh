#!/usr/bin/env bash
# CPU cost of the live dashboard: the same 60 s run against the embedded server, once with the
# dashboard (in a detached tmux of 120x40, so stdout is a terminal) and once with --no-tui, each
# measured with /usr/bin/time (user + system seconds of the whole process). The difference
# divided by the wall time is the dashboard's share of one core. Release build.
#
#   bench/dashboard-cpu.sh                  # 60 s, 20 agents, 10 fps, 2 rounds
#   bench/dashboard-cpu.sh 30 40 10 1       # seconds, agents, fps, rounds
#
# The table is also written to bench/results/dashboard-cpu.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
agents=${2:-20}
fps=${3:-10}
rounds=${4:-2}

if ! build_log=$(swift build -c release --product sartor-load 2>&1); then
    echo "$build_log" >&2
    exit 1
fi
binary="$PWD/.build/release/sartor-load"
work="$(mktemp -d)"
session="sartor-cpu-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
printf 'set -g default-terminal tmux-256color\nset -g status off\n' >"$work/tmux.conf"

# measure LABEL EXTRA-ARGS: prints "user system wall" seconds of one run.
measure() {
    local out="$work/$1.time"
    tmux -f "$work/tmux.conf" new-session -d -s "$session" -x 120 -y 40 \
        "/usr/bin/time -f '%U %S %e' -o $out $binary run --agents $agents --think 50ms..150ms \
         --work 50ms..100ms --duration ${seconds}s --report-dir $work/reports-$1 $2 >/dev/null 2>&1"
    while tmux has-session -t "$session" 2>/dev/null; do sleep 1; done
    cat "$out"
}

mkdir -p bench/results
{
    echo "sartor-load dashboard CPU, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "run: ${seconds}s, ${agents} agents, think 50..150 ms, dashboard at ${fps} fps"
    printf '%-6s %-12s %10s %10s %8s\n' round mode user_s system_s wall_s
    total_with=0
    total_without=0
    total_wall=0
    for round in $(seq 1 "$rounds"); do
        read -r user system wall < <(measure "tui-$round" "--fps $fps")
        printf '%-6s %-12s %10s %10s %8s\n' "$round" dashboard "$user" "$system" "$wall"
        total_with=$(echo "$total_with + $user + $system" | bc)
        total_wall=$(echo "$total_wall + $wall" | bc)
        read -r user system wall < <(measure "headless-$round" "--no-tui")
        printf '%-6s %-12s %10s %10s %8s\n' "$round" headless "$user" "$system" "$wall"
        total_without=$(echo "$total_without + $user + $system" | bc)
    done
    share=$(echo "scale=2; 100 * ($total_with - $total_without) / $total_wall" | bc)
    echo "dashboard cost: ${share}% of one core (CPU with minus CPU without, over wall time)"
} | tee bench/results/dashboard-cpu.txt
