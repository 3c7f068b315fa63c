"""reportparse: read Chinese government information-disclosure annual reports.

>>> import reportparse
>>> report = reportparse.parse("corpus/seed.txt")          # doctest: +SKIP
>>> reportparse.summarize(report).requests_received        # doctest: +SKIP

Public API: :func:`parse` (path or bytes), :func:`parse_text`,
:func:`parse_many` (many files on all cores, in input order),
:func:`summarize`, :func:`check` (compliance findings), the :class:`Report`
model and :class:`ReportParseError`.
"""

from .check import check
from .config import Limits
from .errors import ReportParseError
from .models import Report, Summary
from .output import summarize
from .parse import parse, parse_text

__version__ = "0.1.0"
__all__ = ["Limits", "Report", "ReportParseError", "Summary", "check", "parse", "parse_many", "parse_text",
           "summarize"]


def parse_many(paths, *, jobs: int | None = None, limits: Limits | None = None, errors: str = "raise"):
    """Parse many reports on ``jobs`` processes (default: all cores), yielding each
    :class:`Report` in input order.

    ``errors="raise"`` raises a file's :class:`ReportParseError` when its turn
    comes; ``errors="return"`` yields the error in the report's place, so the
    results stay aligned with ``paths``::

        for path, result in zip(paths, reportparse.parse_many(paths, errors="return")):
            if isinstance(result, reportparse.ReportParseError): ...
    """
    from .batch.runner import parse_many as run

    return run(paths, jobs=jobs, limits=limits, errors=errors)
