"""Benchmark: a 2021-format report with all three tables, parsed in a warm process.

    python benchmarks/bench_tables.py [FILE...]

Prints the median and best wall time of a full ``parse`` and of
``recover_tables`` alone per file (target: full parse under 20 ms).
No assertions: timings are for people, not for the test suite.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from reportparse import parse
from reportparse.load import load_path
from reportparse.normalize import normalize
from reportparse.tables import recover_tables

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "corpus" / f for f in ("tables_pipe_2021.md", "tables_lines_2021_subtotal.txt",
                                          "tables_runtogether_2021.txt", "tables_htmlpipes_2021.md")]


def timed(fn, repeat: int = 50) -> tuple[float, float]:
    fn()  # warm: imports, OpenCC dictionaries, compiled patterns
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs), min(runs)


def main(paths: list[Path]) -> None:
    print(f"{'file':36} {'parse median':>13} {'best':>7} {'tables median':>14} {'best':>7}")
    for path in paths:
        doc = normalize(load_path(path).text)
        pm, pb = timed(lambda p=path: parse(p))
        tm, tb = timed(lambda d=doc: recover_tables(d, "fmt2021"))
        print(f"{path.name:36} {pm:10.2f} ms {pb:5.2f} ms {tm:11.2f} ms {tb:5.2f} ms")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or DEFAULT)
