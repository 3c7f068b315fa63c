"""County batch: a folder of reports in; one spreadsheet, one dashboard and every finding out.

``reportparse batch DIR|FILE... --out OUTDIR`` (see :mod:`.cli`) and, for
scripts, :func:`parse_many`. Stages, each its own module:

- :mod:`.inputs`: walk folders, name the outputs;
- :mod:`.runner`: processes, cache (content hash), crash recovery, input order;
- :mod:`.work`: one file in a worker: parse, write report JSON and audit page;
- :mod:`.rollup`, :mod:`.tables`, :mod:`.dashboard`, :mod:`.write`: the county files.
"""

from __future__ import annotations


def batch_main(argv: list[str]) -> int:
    from .cli import batch_main as main

    return main(argv)


def parse_many(paths, *, jobs=None, limits=None, errors="raise"):
    """Parse many reports on ``jobs`` processes, yielding reports in input order (see :func:`.runner.parse_many`)."""
    from .runner import parse_many as run

    return run(paths, jobs=jobs, limits=limits, errors=errors)


__all__ = ["batch_main", "parse_many"]
