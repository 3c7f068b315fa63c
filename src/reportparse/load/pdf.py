"""PDF text layer (placeholder until the containers issue lands)."""

from __future__ import annotations

from ..config import Limits
from ..errors import UnsupportedFormatError


def load_pdf(data: bytes, limits: Limits):
    raise UnsupportedFormatError("pdf input is not supported yet")
