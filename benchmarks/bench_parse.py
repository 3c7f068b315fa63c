#!/usr/bin/env python3
"""Warm single-process parse speed, against OpenCC t2s on the same texts in the same run.

    python benchmarks/bench_parse.py [-r ROUNDS] [--profile]

Texts: every .txt/.md report of corpus/ (with its encoding variants) and of
../shared/corpus/dev. Each round parses every report from its bytes (decode,
normalize, segment, extract, tables: what ``reportparse.parse`` does),
after one warm-up round. The same texts then go through
``opencc.OpenCC("t2s").convert`` the same number of times; the ratio says how
many t2s conversions one parse costs. ``--profile`` adds a cProfile of the
parse rounds (top functions by own time).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T2S_REPEAT = 50
SOURCES = [ROOT / "corpus", ROOT.parent / "shared" / "corpus" / "dev"]


def corpus_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCES:
        if folder.is_dir():
            files += sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md"})
    return files


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, load average {load:.2f} at start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-r", "--rounds", type=int, default=20)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--by-size", action="store_true",
                    help="each report's CPU time against its size: the fixed cost and the cost per 1,000 characters")
    ap.add_argument("--stages", action="store_true", help="CPU time of each stage of parse (normalize, segment, ...)")
    args = ap.parse_args()

    import opencc

    import reportparse

    files = corpus_files()
    if not files:
        sys.exit("no corpus texts found")
    blobs = [(p.name, p.read_bytes()) for p in files]
    texts = [reportparse.parse(data, name=name).text for name, data in blobs]  # warm-up round
    sizes = [len(t) for t in texts]

    t2s = opencc.OpenCC("t2s")
    for text in texts:  # warm-up
        t2s.convert(text)
    # Rounds alternate parse and t2s, so both see the same machine (it may be shared):
    # the ratio is taken per round.
    parse_times, t2s_times, parse_cpu = [], [], []
    for _ in range(args.rounds):
        c0 = time.process_time()
        t0 = time.perf_counter()
        for name, data in blobs:
            reportparse.parse(data, name=name)
        t1 = time.perf_counter()
        parse_cpu.append(time.process_time() - c0)
        for _ in range(T2S_REPEAT):  # one pass takes under a millisecond: too short to time alone
            for text in texts:
                t2s.convert(text)
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        t2s_times.append((t2 - t1) / T2S_REPEAT)

    n = len(blobs)
    best, median = min(parse_times), statistics.median(parse_times)
    t2s_median = statistics.median(t2s_times)
    print(f"machine: {machine()}")
    print(f"texts: {n} reports ({', '.join(str(s.relative_to(ROOT.parent)) for s in SOURCES if s.is_dir())}), "
          f"mean size {statistics.mean(sizes):,.0f} characters (min {min(sizes):,}, max {max(sizes):,})")
    print(f"parse, warm, 1 process: {n / median:,.0f} reports/s median over {args.rounds} rounds "
          f"({n / best:,.0f} best; {median / n * 1000:.2f} ms per report)")
    cpu = statistics.median(parse_cpu)
    print(f"  by CPU time (what a core to itself would give): {n / cpu:,.0f} reports/s "
          f"({cpu / n * 1000:.2f} ms per report)")
    print(f"OpenCC t2s on the same texts: {n / t2s_median:,.0f} texts/s ({t2s_median / n * 1000:.3f} ms per text)")
    ratios = [p / t for p, t in zip(parse_times, t2s_times)]
    print(f"ratio parse / t2s: {statistics.median(ratios):.0f} (median of per-round ratios; "
          f"range {min(ratios):.0f}-{max(ratios):.0f})")

    if args.by_size:
        by_size(blobs, sizes, args.rounds)
    if args.stages:
        stages(blobs, args.rounds)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            for name, data in blobs:
                reportparse.parse(data, name=name)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
    return 0


def by_size(blobs, sizes, rounds: int) -> None:
    """Least squares of per-report CPU time on size: where 8,000-character reports would be."""
    import reportparse

    per = []
    for (name, data), size in zip(blobs, sizes, strict=True):
        times = []
        for _ in range(max(3, rounds // 2)):
            c0 = time.process_time()
            reportparse.parse(data, name=name)
            times.append(time.process_time() - c0)
        per.append((size / 1000, statistics.median(times) * 1000))
    mx = statistics.mean(x for x, _ in per)
    my = statistics.mean(y for _, y in per)
    slope = sum((x - mx) * (y - my) for x, y in per) / sum((x - mx) ** 2 for x, _ in per)
    fixed = my - slope * mx
    print(f"by size: {fixed:.2f} ms fixed + {slope:.2f} ms per 1,000 characters "
          f"(2,000 chars: {fixed + 2 * slope:.1f} ms; 8,000 chars: {fixed + 8 * slope:.1f} ms, "
          f"{1000 / (fixed + 8 * slope):.0f} reports/s)")


def stages(blobs, rounds: int) -> None:
    """CPU time per stage: the functions ``parse`` calls, timed where it calls them."""
    import collections
    import functools

    import reportparse

    module = sys.modules["reportparse.parse"]
    names = ("normalize", "segment", "recover_tables", "locate_cells", "extract_facts", "check", "meta_candidates",
             "to_outline", "extract_channels", "extract_phones", "extract_organ", "extract_year", "extract_period",
             "extract_published", "extract_problems", "extract_refusals", "load_bytes", "find_second_copy",
             "find_second_report", "Report")
    spent: collections.Counter = collections.Counter()
    originals = {n: getattr(module, n) for n in names}

    def timed(name, fn):
        @functools.wraps(fn)
        def run(*a, **k):
            c0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - c0
        return run

    for n, fn in originals.items():
        setattr(module, n, timed(n, fn))
    try:
        c0 = time.process_time()
        count = 0
        for _ in range(max(3, rounds // 2)):
            for name, data in blobs:
                reportparse.parse(data, name=name)
                count += 1
        total = time.process_time() - c0
    finally:
        for n, fn in originals.items():
            setattr(module, n, fn)
    print(f"stages (CPU ms per report, of {total / count * 1000:.2f}):")
    for n, t in spent.most_common():
        print(f"  {t / count * 1000:6.2f}  {t / total * 100:4.1f}%  {n}")


if __name__ == "__main__":
    sys.exit(main())
