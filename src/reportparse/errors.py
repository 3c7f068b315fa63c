"""The one exception family callers need to catch.

Every failure to read a document is a :class:`ReportParseError` whose message
is a single line naming the problem; the CLI prefixes the file name.
"""

from __future__ import annotations


class ReportParseError(Exception):
    """A document could not be parsed. ``str(err)`` is a one-line reason."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(" ".join(message.split()))
        self.source = source

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.source}: {msg}" if self.source else msg


class InputError(ReportParseError):
    """The input is missing, empty, too large or not a readable file."""

    code = "input"


class BinaryInputError(ReportParseError):
    """The bytes are binary (or another container given as text)."""

    code = "binary"


class DecodeError(ReportParseError):
    """No supported text encoding decodes the bytes."""

    code = "decode"


class UnsupportedFormatError(ReportParseError):
    """A container we recognise but cannot read (legacy .doc, scanned PDF, ...)."""

    code = "unsupported"


class LimitExceededError(ReportParseError):
    """A configured safety limit was exceeded (size, pages, expansion, time)."""

    code = "limit"


class NotAReportError(ReportParseError):
    """The text is readable but is not a disclosure annual report."""

    code = "not_report"
