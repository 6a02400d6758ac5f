#!/usr/bin/env bash
# Makes the dashboard pictures in screenshots/ from real runs against the embedded server (and a
# failing one), in a detached tmux of 120x40: tmux capture-pane -e keeps the colours, then
# scripts/ansi2svg.py draws them as SVG and rsvg-convert (librsvg2-bin) turns that into PNG.
#   scripts/screenshots.sh            all four pictures (about three minutes)
#   SCRATCH_PATH=/tmp/build scripts/screenshots.sh   builds in that directory instead of .build
# Needs: tmux, python3, rsvg-convert, fonts-dejavu-core (installed when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tmux >/dev/null || need+=(tmux)
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || need+=(fonts-dejavu-core)
if [[ ${#need[@]} -gt 0 ]]; then
    echo "screenshots: installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

scratch="${SCRATCH_PATH:-.build}"
swift build --scratch-path "$scratch" --product sartor-load >/dev/null
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/sartor-load"
work="$(mktemp -d)"
session="sartor-shots-$$"
server_pid=""
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
printf 'set -g default-terminal tmux-256color\nset -g status off\n' >"$work/tmux.conf"

# wait_for TEXT SECONDS: polls the pane until TEXT shows, or fails after SECONDS.
wait_for() {
    local deadline=$((SECONDS + $2))
    until tmux capture-pane -p -t "$session" | grep -qF -- "$1"; do
        if ((SECONDS > deadline)); then
            echo "screenshots: '$1' did not appear within $2 s" >&2
            tmux capture-pane -p -t "$session" >&2
            exit 1
        fi
        sleep 0.5
    done
}

# wait_elapsed SECONDS TIMEOUT: polls until the header's elapsed time reaches SECONDS.
wait_elapsed() {
    local deadline=$((SECONDS + $2)) shown
    while true; do
        shown="$(tmux capture-pane -p -t "$session" | grep -o 'elapsed [0-9:]*' | head -1 |
            awk -F'[ :]' '{ print ($2 * 60 + $3) }')"
        [[ -n "$shown" && "$shown" -ge "$1" ]] && return 0
        if ((SECONDS > deadline)); then
            echo "screenshots: elapsed did not reach $1 s within $2 s" >&2
            exit 1
        fi
        sleep 0.5
    done
}

start_run() {
    tmux -f "$work/tmux.conf" new-session -d -s "$session" -x 120 -y 40 \
        "$binary run --agents 40 --think 50ms..300ms --work 100ms..300ms --duration 10m \
         --report-dir $work/reports-$RANDOM $*; sleep 600"
    wait_for "RUNNING" 30
}

# shoot NAME [--light]: captures the pane with colours into screenshots/NAME.png.
shoot() {
    tmux capture-pane -e -p -t "$session" >"$work/$1.ansi"
    python3 scripts/ansi2svg.py ${2:-} "$work/$1.ansi" "$work/$1.svg"
    rsvg-convert "$work/$1.svg" -o "screenshots/$1.png"
    echo "screenshots: wrote screenshots/$1.png"
}

stop_run() {
    tmux send-keys -t "$session" q
    wait_for "report.md" 30
    tmux kill-session -t "$session"
}

mkdir -p screenshots

start_run
wait_elapsed 45 120
shoot dashboard-running
# Broadcast up by 3, task_claim up by 10, status_query to zero, then pause.
tmux send-keys -t "$session" Down Right Right Right Down Down PPage Down Down 0 Up Up
tmux send-keys -t "$session" Space
wait_for "PAUSED" 10
wait_for "in flight 0" 20
shoot dashboard-paused-weights
stop_run

"$binary" serve --port 0 --fail-rate 4% --fail 500=0.5% --latency 1ms..20ms \
    >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 100); do grep -q "http://" "$work/serve.out" && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*' "$work/serve.out" | head -1)"
start_run --target "$url" --retries 0
wait_elapsed 30 90
shoot dashboard-failures
stop_run
kill "$server_pid"
server_pid=""

start_run --theme light
wait_elapsed 30 90
shoot dashboard-light --light
stop_run
