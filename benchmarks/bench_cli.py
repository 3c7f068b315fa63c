#!/usr/bin/env python3
"""Cold start of the CLI: `reportparse FILE` on a sample report, wall time over fresh processes.

    python benchmarks/bench_cli.py [FILE] [-n RUNS]

Prints the median and best wall time; also checks that jieba is not imported
on the CLI path (it costs ~0.7 s).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "dev" / "xinkai-town-2018.txt"
if not DEFAULT.exists():
    DEFAULT = ROOT / "corpus" / "sample_township_2018.txt"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("-n", type=int, default=10)
    args = ap.parse_args()
    times, cpu = [], []
    for _ in range(args.n):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportparse", "--format", "summary", args.file],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys, reportparse.cli as c; c.main(['--format','summary',sys.argv[1]]); "
         "print('jieba' in sys.modules, file=sys.stderr)", args.file],
        capture_output=True, text=True)
    print(f"file: {args.file}")
    print(f"cold CLI: median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms "
          f"over {args.n} runs")
    print(f"CPU time (user + sys) of one run: median {statistics.median(cpu) * 1000:.0f} ms "
          f"(what an idle machine's wall time comes close to)")
    print(f"jieba imported on the CLI path: {probe.stderr.strip()}")


if __name__ == "__main__":
    main()
