"""Safety limits, all configurable (``Limits(max_bytes=...)``); the README's
"Damaged and hostile input" says where each is checked. Exceeding one raises
:class:`reportparse.errors.LimitExceededError` with a one-line message."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds on the work one document may cause."""

    max_bytes: int = 20 * MB  # input file size
    max_chars: int = 5_000_000  # decoded characters
    max_lines: int = 200_000  # lines of the decoded text
    max_sections: int = 500  # sections and sub-sections found by segmentation
    max_table_cells: int = 20_000  # HTML / Word table cells, spans expanded
    max_elements: int = 100_000  # HTML elements (a long report page has a few thousand)
    max_pages: int = 500  # PDF pages
    max_archive_members: int = 2_000  # docx zip members
    max_expanded_bytes: int = 200 * MB  # total uncompressed size of a docx / pdf streams
    max_ocr_pages: int = 60  # page images read by OCR (a scanned PDF or multi-page TIFF)
    max_pixels: int = 60_000_000  # one page image, checked before decoding (A4 at 600 dpi is 35 M)
    max_xml_bytes: int = 64 * MB  # one XML part of a docx, decompressed (a long report's is a few MB)
    max_xml_nodes: int = 1_000_000  # tags and attributes of one docx XML part (~250 MB parsed)
    max_seconds: float = 10.0  # processor time per document, loading included (see reportparse.clock)


def megabytes(mb: float) -> int:
    """A ``--max-mb`` value in bytes."""
    return int(mb * MB)


DEFAULT_LIMITS = Limits()
