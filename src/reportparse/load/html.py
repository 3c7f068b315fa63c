"""HTML pages (placeholder until the containers issue lands)."""

from __future__ import annotations

from ..config import Limits
from ..errors import UnsupportedFormatError


def load_html(data: bytes, limits: Limits, *, text: str | None = None, encoding: str | None = None):
    raise UnsupportedFormatError("html input is not supported yet")
