"""How much the compliance checks add to parsing.

    python benchmarks/bench_checks.py [FILE_OR_DIR ...] [--rounds N]

Default inputs: ../shared/corpus/dev (when present) and corpus/. For each
round every input is parsed (which runs the checks) and then checked again on
its own; the report compares the time of ``check(report, doc=...)`` with the
time of ``parse`` minus that. Warm timings: one untimed pass first, so
one-off costs (OpenCC, the phonenumbers geocoder, ~0.4 s once per process)
are reported apart. The copied-report rule (jieba) runs only with a previous
report and is timed separately.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "corpus" / "dev", ROOT / "corpus"]
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def inputs(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [d for d in DEFAULT_DIRS if d.exists()]
    files = []
    for p in paths:
        files += sorted(f for f in p.iterdir() if f.suffix in SUFFIXES) if p.is_dir() else [p]
    return files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()

    from reportparse import check, parse
    from reportparse.check import CheckContext
    from reportparse.normalize import normalize

    files = inputs(args.paths)
    if not files:
        print("no inputs", file=sys.stderr)
        return 1

    t0 = time.perf_counter()
    reports = [parse(f) for f in files]
    cold = time.perf_counter() - t0
    docs = [normalize(r.text) for r in reports]

    parse_times, check_times = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for f in files:
            parse(f)
        parse_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for r, d in zip(reports, docs):
            check(r, doc=d)
        check_times.append(time.perf_counter() - t0)
    parse_t = statistics.median(parse_times)
    check_t = statistics.median(check_times)
    parse_only = parse_t - check_t  # parse() includes one run of the checks

    # Per rule, to see which one to optimize.
    per_rule: dict[str, float] = {}
    from reportparse.check import RULES

    for _ in range(args.rounds):
        for r, d in zip(reports, docs):
            ctx = CheckContext.of(r, d)
            for name, rule in RULES:
                t0 = time.perf_counter()
                rule(ctx)
                per_rule[name] = per_rule.get(name, 0.0) + time.perf_counter() - t0

    # The copied-report rule with a previous report (each report against itself: worst case).
    t0 = time.perf_counter()
    check(reports[0], previous=reports[0])
    jieba_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for r in reports:
        check(r, previous=r)
    copied = (time.perf_counter() - t0) / len(reports)

    n = len(files)
    print(f"{n} inputs, {args.rounds} rounds (median)")
    print(f"first pass (cold, one-off loads included): {cold * 1000:.0f} ms")
    print(f"parse without checks: {parse_only / n * 1000:.2f} ms/report")
    print(f"checks:               {check_t / n * 1000:.2f} ms/report "
          f"= {check_t / parse_only * 100:.1f}% of parse time (target < 20%)")
    for name, total in sorted(per_rule.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {name:<28}{total / args.rounds / n * 1000:.3f} ms/report")
    print(f"copied-report with a previous report: {copied * 1000:.1f} ms/report "
          f"(first call, loading jieba: {jieba_cold * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
