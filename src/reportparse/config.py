"""Safety limits, all configurable (``Limits(max_bytes=...)``)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds on the work one document may cause."""

    max_bytes: int = 20 * MB  # input file size
    max_chars: int = 5_000_000  # decoded characters
    max_lines: int = 200_000
    max_sections: int = 500
    max_table_cells: int = 20_000
    max_elements: int = 100_000  # HTML elements (a long report page has a few thousand)
    max_pages: int = 500  # PDF pages
    max_archive_members: int = 2_000  # docx zip members
    max_expanded_bytes: int = 200 * MB  # total uncompressed size of a docx / pdf streams
    max_seconds: float = 30.0  # wall time per document (containers)


DEFAULT_LIMITS = Limits()
