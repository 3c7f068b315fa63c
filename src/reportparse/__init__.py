"""reportparse: read Chinese government information-disclosure annual reports.

>>> import reportparse
>>> report = reportparse.parse("corpus/sample_township_2018.txt")   # doctest: +SKIP
>>> reportparse.summarize(report).requests_received                 # doctest: +SKIP
3

Public API (see docs/interface.md):

- :func:`parse` (a path, bytes or a binary file object), :func:`parse_text`
  (text already decoded), :func:`parse_many` (many files on all cores, in
  input order);
- :func:`summarize`: the CONTRACT summary record of a report;
- :func:`check`: compliance findings of a report (or of a path);
- the models :class:`Report`, :class:`Summary`, :class:`Finding` and the
  pieces of a report; :class:`Limits`;
- the errors: every failure is a :class:`ReportParseError`, one of
  :class:`InputError`, :class:`BinaryInputError`, :class:`DecodeError`,
  :class:`UnsupportedFormatError`, :class:`LimitExceededError`,
  :class:`NotAReportError`.
"""

from __future__ import annotations

import os

from .config import Limits
from .errors import (
    BinaryInputError,
    DecodeError,
    InputError,
    LimitExceededError,
    NotAReportError,
    ReportParseError,
    UnsupportedFormatError,
)
from .models import (
    AmountFact,
    Candidate,
    Channel,
    CountFact,
    DateFact,
    Evidence,
    FactCandidate,
    Facts,
    Finding,
    IdentityFailure,
    IntFact,
    Item,
    NumberFact,
    OcrInfo,
    Outline,
    Period,
    Phone,
    RefusalReason,
    Report,
    Section,
    Source,
    Subsection,
    Summary,
    Tables,
    TextFact,
)
from .output import summarize
from .parse import parse, parse_text

__version__ = "0.1.0"
__all__ = [
    "AmountFact", "BinaryInputError", "Candidate", "Channel", "CountFact", "DateFact", "DecodeError", "Evidence",
    "FactCandidate", "Facts", "Finding", "IdentityFailure", "InputError", "IntFact", "Item", "LimitExceededError",
    "Limits", "NotAReportError", "NumberFact", "OcrInfo", "Outline", "Period",
    "Phone", "RefusalReason", "Report", "ReportParseError", "Section", "Source", "Subsection", "Summary",
    "Tables", "TextFact", "UnsupportedFormatError", "__version__", "check", "parse", "parse_many", "parse_text",
    "summarize",
]


def check(report: Report | str | os.PathLike[str] | bytes, previous: Report | str | os.PathLike[str] | None = None,
          lang: str = "zh", *, threshold: float = 0.9, limits: Limits | None = None) -> list[Finding]:
    """The compliance findings of a report, in rule order (see docs/checks.md).

    ``report`` and ``previous`` (the same organ's report for the year before,
    which turns on the copied-report rule) may each be a :class:`Report` or
    anything :func:`parse` takes. ``lang``: ``"zh"`` (default) or ``"en"``
    messages and clauses. ``threshold``: the copied share that is flagged.
    Raises :class:`ReportParseError` when a path cannot be parsed.
    """
    from .check import check as run_checks

    limits = limits or Limits()
    if not isinstance(report, Report):
        report = parse(report, limits=limits)
    if previous is not None and not isinstance(previous, Report):
        previous = parse(previous, limits=limits)
    return run_checks(report, previous=previous, lang=lang, threshold=threshold)


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
