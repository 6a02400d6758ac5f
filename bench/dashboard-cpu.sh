#!/usr/bin/env bash
# CPU cost of the live dashboard, measured two ways on the same open-model run (a fixed rate, so
# the engine, client and embedded server do the same work whatever the dashboard costs):
#   - the dashboard thread's own CPU time (/proc/<pid>/task/<tid>/stat of "sartor-dash",
#     which takes the snapshots, renders the cell grid and writes to the terminal);
#   - the whole process's CPU with the dashboard (in a detached tmux of 120x40) minus without
#     (--no-tui), from /usr/bin/time.
# Release build.
#
#   bench/dashboard-cpu.sh                  # 60 s at 200 ops/s, 10 fps, 2 rounds
#   bench/dashboard-cpu.sh 30 100/s 10 1    # seconds, rate, fps, rounds
#
# The table is also written to bench/results/dashboard-cpu.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
rate=${2:-200/s}
fps=${3:-10}
rounds=${4:-2}

if ! build_log=$(swift build -c release --product sartor-load 2>&1); then
    echo "$build_log" >&2
    exit 1
fi
binary="$PWD/.build/release/sartor-load"
ticks=$(getconf CLK_TCK)
work="$(mktemp -d)"
session="sartor-cpu-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
printf 'set -g default-terminal tmux-256color\nset -g status off\n' >"$work/tmux.conf"

# dashboard_ticks PID: CPU ticks (user + system) of the process's dashboard thread so far.
dashboard_ticks() {
    local task
    for task in /proc/"$1"/task/*; do
        if [[ "$(cat "$task/comm" 2>/dev/null)" == "sartor-dash" ]]; then
            awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null && return
        fi
    done
    echo 0
}

# measure LABEL EXTRA-ARGS: prints "user system wall dashboard-thread" seconds of one run.
measure() {
    local out="$work/$1.time" pid="" last=0 now
    tmux -f "$work/tmux.conf" new-session -d -s "$session" -x 120 -y 40 \
        "/usr/bin/time -f '%U %S %e' -o $out $binary run --rate $rate --duration ${seconds}s \
         --work 50ms..100ms --report-dir $work/reports-$1 $2 2>/dev/null"
    while tmux has-session -t "$session" 2>/dev/null; do
        [[ -z "$pid" ]] && pid=$(pgrep -f "^$binary run --rate" | head -1 || true)
        if [[ -n "$pid" ]]; then
            now=$(dashboard_ticks "$pid")
            ((now > last)) && last=$now
        fi
        sleep 0.5
    done
    echo "$(cat "$out") $(echo "scale=2; $last / $ticks" | bc)"
}

mkdir -p bench/results
{
    echo "sartor-load dashboard CPU, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "run: ${seconds}s, open model at $rate, dashboard 120x40 at ${fps} fps"
    printf '%-6s %-10s %8s %8s %8s %12s\n' round mode user_s sys_s wall_s dashboard_s
    with=0 without=0 wall=0 thread=0
    for round in $(seq 1 "$rounds"); do
        read -r user system seconds_wall own < <(measure "tui-$round" "--fps $fps")
        printf '%-6s %-10s %8s %8s %8s %12s\n' "$round" dashboard "$user" "$system" \
            "$seconds_wall" "$own"
        with=$(echo "$with + $user + $system" | bc)
        wall=$(echo "$wall + $seconds_wall" | bc)
        thread=$(echo "$thread + $own" | bc)
        read -r user system seconds_wall own < <(measure "headless-$round" "--no-tui")
        printf '%-6s %-10s %8s %8s %8s %12s\n' "$round" headless "$user" "$system" \
            "$seconds_wall" "-"
        without=$(echo "$without + $user + $system" | bc)
    done
    echo "dashboard thread: $(echo "scale=2; 100 * $thread / $wall" | bc)% of one core"
    echo "process with minus without: $(echo "scale=2; 100 * ($with - $without) / $wall" | bc)%" \
        "of one core (noisy on a shared machine)"
} | tee bench/results/dashboard-cpu.txt
