#!/usr/bin/env python3
"""``reportparse batch`` on a generated county of N text reports: wall time and memory.

    python benchmarks/bench_batch.py [-n 2000] [--jobs 2] [--compare-jobs1] [--keep DIR]

The county is made by repeating and varying the corpus: half the files are
the real-world-shaped texts of corpus/ and ../shared/corpus/dev, repeated,
each copy re-encoded (UTF-8, UTF-8 with BOM, GB18030, UTF-16), with LF or
CRLF line ends and a unique amount of trailing blank space (so every file
has its own content hash); the other half are the short sample reports of
tests/batch_samples.py, whose organ, year and figures vary with the number.
Files go into folders of 100, like townships' submissions.

The batch runs as a fresh process (``python -m reportparse batch ... --quiet``),
so the time includes start-up, discovery, hashing, parsing, every output file
and the dashboard. Peak memory per worker is each worker's own ru_maxrss, as
the batch records it in OUTDIR/.cache/last_run.json. A second run shows the
cost of a rerun where every output is current.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")


def make_county(folder: Path, count: int) -> tuple[int, int]:
    """Write ``count`` reports under ``folder``; return (files, total bytes)."""
    from bench_parse import corpus_files

    import reportparse
    from batch_samples import report_text

    corpus = [reportparse.parse(p).text for p in corpus_files()]
    total = 0
    for i in range(count):
        if i % 2 == 0 and corpus:
            text = corpus[(i // 2) % len(corpus)]
            text = text.rstrip("\n") + "\n" * (1 + i % 3) + " " * (i // 2)
            if i % 4 == 0:
                text = text.replace("\r\n", "\n").replace("\n", "\r\n")
            encoding = ENCODINGS[(i // 2) % len(ENCODINGS)]
            data = text.encode(encoding, errors="replace")
        else:
            data = report_text(i).encode(ENCODINGS[i % len(ENCODINGS)])
        path = folder / f"unit_{i // 100:02d}" / f"report_{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return count, total


def run_batch(county: Path, out: Path, jobs: int) -> tuple[float, int, dict]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reportparse", "batch", str(county), "--out", str(out),
                           "--jobs", str(jobs), "--quiet"], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats = json.loads((out / ".cache" / "last_run.json").read_text())
    # CPU seconds of the batch and its workers: on a shared machine the wall time
    # depends on the neighbours, this does not.
    stats["cpu_user"] = after.ru_utime - before.ru_utime
    stats["cpu_sys"] = after.ru_stime - before.ru_stime
    return wall, proc.returncode, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--count", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--compare-jobs1", action="store_true", help="also run --jobs 1 and compare summary.csv")
    ap.add_argument("--keep", help="write the county and outputs here instead of a temporary folder")
    args = ap.parse_args()
    from bench_parse import machine

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        county, out = base / "county", base / "out"
        files, size = make_county(county, args.count)
        print(f"machine: {machine()}")
        print(f"county: {files} text reports, {size / 1e6:.1f} MB")
        wall, status, stats = run_batch(county, out, args.jobs)
        print(f"batch --jobs {args.jobs}: {wall:.2f} s wall ({files / wall:,.0f} reports/s), exit {status}, "
              f"{stats['failed']} failed; peak RSS per worker {stats['worker_peak_rss_kb'] / 1024:.0f} MB "
              f"(of it private to the worker: {(stats.get('worker_private_kb') or 0) / 1024:.0f} MB, "
              f"the rest shared with the main process), main process {stats['main_peak_rss_kb'] / 1024:.0f} MB")
        cpu = stats["cpu_user"] + stats["cpu_sys"]
        print(f"  CPU {cpu:.1f} s (user {stats['cpu_user']:.1f}, sys {stats['cpu_sys']:.1f}): "
              f"{cpu / args.jobs:.1f} s of wall on {args.jobs} otherwise idle cores; "
              f"load average after {os.getloadavg()[0]:.2f}")
        wall2, _, stats2 = run_batch(county, out, args.jobs)
        print(f"rerun, all current: {wall2:.2f} s wall ({stats2['cached']} of {stats2['inputs']} skipped)")
        if args.compare_jobs1:
            out1 = base / "out1"
            wall1, _, stats1 = run_batch(county, out1, 1)
            same = (out / "summary.csv").read_bytes() == (out1 / "summary.csv").read_bytes()
            print(f"batch --jobs 1: {wall1:.2f} s wall; summary.csv identical to --jobs {args.jobs}: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
