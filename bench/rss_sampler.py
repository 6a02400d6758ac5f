"""Runs a command, reads its headless status blocks ("operations N (...)") and samples its
resident memory (VmRSS in /proc/<pid>/status) at each block; prints the RSS at the first block
past each checkpoint, the ratio of the last checkpoint to the first (with two or more
checkpoints) and the peak RSS of the whole run (VmHWM).

With --log FILE, also writes every sample as CSV (seconds, operations, rss_kb) to FILE, to see
how memory moves over the whole run.

Usage: rss_sampler.py [--log FILE] --checkpoints 100000 1000000 -- COMMAND..."""

import re
import subprocess
import sys
import time

split = sys.argv.index("--")
options = sys.argv[1:split]
log = None
if options[:1] == ["--log"]:
    log = open(options[1], "w")
    log.write("seconds,operations,rss_kb\n")
    options = options[2:]
checkpoints = [int(value) for value in options[1:]]
command = sys.argv[split + 1:]
started = time.monotonic()

process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
pattern = re.compile(r"^operations (\d+) ")
reached = {}
peak_kb = 0
for line in process.stdout:
    match = pattern.match(line)
    if not match:
        continue
    operations = int(match.group(1))
    try:
        status = open(f"/proc/{process.pid}/status").read()
    except FileNotFoundError:
        break
    rss_kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    peak_kb = max(peak_kb, int(re.search(r"VmHWM:\s+(\d+)", status).group(1)))
    if log:
        log.write(f"{time.monotonic() - started:.1f},{operations},{rss_kb}\n")
        log.flush()
    for checkpoint in checkpoints:
        if checkpoint not in reached and operations >= checkpoint:
            reached[checkpoint] = (operations, rss_kb)
            print(f"after {operations:,} operations: RSS {rss_kb / 1024:.1f} MB", flush=True)
process.wait()
print(f"peak RSS: {peak_kb / 1024:.1f} MB", flush=True)

if len(reached) == len(checkpoints) and len(checkpoints) >= 2:
    first = reached[checkpoints[0]][1]
    last = reached[checkpoints[-1]][1]
    change = (last - first) / first * 100
    verdict = "flat (within 10%)" if abs(change) <= 10 else "NOT flat"
    print(f"RSS change from {checkpoints[0]:,} to {checkpoints[-1]:,} operations: "
          f"{change:+.1f}% -> {verdict}")
elif len(reached) < len(checkpoints):
    print("the run ended before every checkpoint was reached", file=sys.stderr)
    sys.exit(1)
