#!/usr/bin/env bash
# Nanoseconds per record on the metrics hot path: Histogram with one writer, IntervalRecorder
# with one and two writer threads (and with a reader taking intervals every 100 ms), and one
# shared lock as the baseline the recorder avoids. Release build.
#
#   bench/record.sh                      # 20,000,000 records per writer, 5 rounds
#   bench/record.sh --records 5000000 --rounds 3
#
# The table is also written to bench/results/record.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! build_log=$(swift build -c release --product sartor-bench 2>&1); then
    echo "$build_log" >&2
    exit 1
fi
mkdir -p bench/results
{
    echo "sartor-bench record path, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(swift --version 2>&1 | head -1)"
    .build/release/sartor-bench "$@"
} | tee bench/results/record.txt
