"""Prints sartor-load's and Locust's operations per second and per-operation latency, and
their ratio, from sartor-load's report.json and Locust's --csv stats file (rows of type OP);
with the two CPU files of with_cpu.py, also operations per CPU-second of each client."""

import csv
import json
import sys

report = json.load(open(sys.argv[1]))
summary = report["summary"]
ours = summary["operations"] / summary["durationSeconds"]

locust_ops = 0.0
locust_rows = {}
with open(sys.argv[2]) as handle:
    for row in csv.DictReader(handle):
        if row["Type"] == "OP":
            locust_ops += float(row["Requests/s"])
            locust_rows[row["Name"]] = row

our_cpu = float(open(sys.argv[3]).read()) if len(sys.argv) > 3 else 0
locust_cpu = float(open(sys.argv[4]).read()) if len(sys.argv) > 4 else 0
seconds = summary["durationSeconds"]
print(f"sartor-load: {ours:,.0f} operations/s over {seconds:.1f} s, {summary['errors']} errors, "
      f"client CPU {our_cpu:.1f} s")
print(f"Locust:      {locust_ops:,.0f} operations/s, client CPU {locust_cpu:.1f} s")
if locust_ops > 0:
    print(f"ratio:       {ours / locust_ops:.1f}x operations/s")
if our_cpu > 0 and locust_cpu > 0 and locust_ops > 0:
    ours_per_cpu = ours * seconds / our_cpu
    theirs_per_cpu = locust_ops * seconds / locust_cpu
    print(f"per client CPU-second: sartor-load {ours_per_cpu:,.0f} operations, "
          f"Locust {theirs_per_cpu:,.0f} ({ours_per_cpu / theirs_per_cpu:.1f}x)")
print()
print(f"{'operation':<16}{'sartor p50':>12}{'p95':>10}{'p99':>10}{'Locust p50':>13}{'p95':>10}")
for name, fields in report["operations"].items():
    latency = fields.get("latencyMs") or {}
    row = locust_rows.get(name, {})
    print(f"{name:<16}{latency.get('p50', 0):>10.2f}ms{latency.get('p95', 0):>8.2f}ms"
          f"{latency.get('p99', 0):>8.2f}ms{row.get('50%', '-'):>11}ms{row.get('95%', '-'):>8}ms")
