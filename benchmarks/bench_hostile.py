#!/usr/bin/env python3
"""Time per document on pathological text, at growing sizes: every stage must stay linear.

    python benchmarks/bench_hostile.py [--sizes 250000,1000000,4000000]

``Limits.max_seconds`` is checked between the stages of :func:`reportparse.parse`
(no signals in library code), so it bounds a document's time only if no single
stage runs away. Each row is a text shape that once was, or could be,
super-linear somewhere (a regex backtracking on long digit runs, a search per
heading candidate over a long line, cell splitting of digit runs); the table
gives the parse time at each size and the growth factor per 4x size. Linear
is ~4; quadratic would be ~16. Failures (limits) are shown as such.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"


def _fill(unit: str, size: int) -> str:
    return HEAD + unit * max(1, (size - len(HEAD)) // len(unit))


SHAPES = {
    "one long digit run": lambda n: _fill("1234567890", n),
    "one long line of prose": lambda n: _fill("本机关主动公开政府信息一百二十条,其中规范性文件十二件。", n),
    "heading words on one line": lambda n: _fill("一、主动公开政府信息情况", n),
    "heading lines": lambda n: _fill("二、主动公开政府信息情况\n", n),
    "sub-section markers": lambda n: _fill("(一)公开数量\n1.本年\n(1)其中", n),
    "table rows of digit runs": lambda n: _fill("本年新收政府信息公开申请数量\t" + "1" * 40 + "\n予以公开\t" + "9" * 40 + "\n", n),
    "pipe table rows": lambda n: _fill("| 予以公开 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n", n),
    "dates and phones": lambda n: _fill("2021年12月31日 联系电话:0730-7800425 传真:0730-7800426;", n),
    "control characters": lambda n: _fill("政府\x01信息\x02公开\x7f\x1b[0m\u200b\ufeff", n),
    "random CJK": lambda n: HEAD + "".join(chr(random.Random(n + i).randrange(0x4E00, 0x9FA5)) for i in range(n)),
    "report pasted many times": lambda n: ((ROOT / "corpus" / "sample_township_2018.txt").read_text(encoding="utf-8")
                                           * (n // 974 + 1))[:n],
}


def time_parse(text: str) -> tuple[float, str]:
    from reportparse import ReportParseError, parse

    data = text.encode("utf-8")
    started = time.perf_counter()
    try:
        parse(data, name="x.txt")
        outcome = "ok"
    except ReportParseError as err:
        outcome = str(err).split(": ", 1)[-1][:50]
    return time.perf_counter() - started, outcome


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="250000,1000000,4000000", help="characters, comma-separated")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_parse import machine

    time_parse(HEAD * 3)  # warm the imports
    print(f"machine: {machine()}")
    print("| text shape | " + " | ".join(f"{s:,} chars" for s in sizes) + " | growth per 4x |")
    print("|---|" + "---|" * len(sizes) + "---|")
    worst = 0.0
    for name, make in SHAPES.items():
        cells, times = [], []
        for size in sizes:
            seconds, outcome = time_parse(make(size))
            times.append(seconds)
            cells.append(f"{seconds:.2f} s" + ("" if outcome == "ok" else f" ({outcome})"))
        growth = ""
        if len(times) > 1 and times[0] > 0.01:
            factor = (times[-1] / times[0]) ** (1 / max(1, (len(sizes) - 1)))
            ratio = (sizes[-1] / sizes[0]) ** (1 / max(1, (len(sizes) - 1)))
            growth = f"{factor * 4 / ratio:.1f}"
            worst = max(worst, factor * 4 / ratio)
        print(f"| {name} | " + " | ".join(cells) + f" | {growth} |")
    print(f"worst growth per 4x: {worst:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
