#!/usr/bin/env python3
"""Hostile PDFs, one class per row: the outcome, CPU seconds and peak memory of each, in a fresh interpreter.

    python benchmarks/bench_hostile_pdf.py        # the cases of tests/test_hostile_pdf.py, as a markdown table
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from test_hostile_pdf import BOMBS, _run  # noqa: E402


def main() -> None:
    print("| class | outcome | CPU s | peak MB |")
    print("|---|---|---|---|")
    for what, call, _ in BOMBS:
        got = _run(call)
        outcome = got["outcome"].removeprefix("x.pdf: ")
        print(f"| {what} | {outcome[:90]} | {got['cpu']:.2f} | {got['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
