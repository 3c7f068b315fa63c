"""reportparse: read Chinese government information-disclosure annual reports.

>>> import reportparse
>>> report = reportparse.parse("corpus/seed.txt")          # doctest: +SKIP
>>> reportparse.summarize(report).requests_received        # doctest: +SKIP

Public API: :func:`parse` (path or bytes), :func:`parse_text`,
:func:`summarize`, :func:`check` (compliance findings), the :class:`Report` model and :class:`ReportParseError`.
"""

from .check import check
from .config import Limits
from .errors import ReportParseError
from .models import Report, Summary
from .output import summarize
from .parse import parse, parse_text

__version__ = "0.1.0"
__all__ = ["Limits", "Report", "ReportParseError", "Summary", "check", "parse", "parse_text", "summarize"]
