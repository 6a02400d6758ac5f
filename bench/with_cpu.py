"""Runs a command and appends the CPU seconds (user + system) it and its children used to
FILE: `with_cpu.py FILE -- COMMAND...`. The command's exit status is passed on."""

import resource
import subprocess
import sys

split = sys.argv.index("--")
status = subprocess.call(sys.argv[split + 1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as handle:
    handle.write(f"{usage.ru_utime + usage.ru_stime:.2f}\n")
sys.exit(status)
