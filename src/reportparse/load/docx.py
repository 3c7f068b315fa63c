"""Word .docx files (placeholder until the containers issue lands)."""

from __future__ import annotations

from ..config import Limits
from ..errors import UnsupportedFormatError


def load_docx(data: bytes, limits: Limits):
    raise UnsupportedFormatError("docx input is not supported yet")
