"""The one state every table rule reads and writes (markdown-it style)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..normalize import Normalized
from .cells import Piece, blank_noise
from .split import Budget

Cells = dict[str, dict[str, "int | float | None"]]


@dataclass
class Row:
    """A table row found in the text: its label span and the pieces of its cells."""

    key: str
    pieces: list[Piece]
    start: int
    end: int


@dataclass
class State:
    doc: Normalized
    era_hint: str | None
    text: str = ""  # doc.text with page footers and separator rows blanked (same offsets)
    era: str | None = None  # the format as the labels tell it
    layout: str | None = None  # the row layout table 三 was read with (era, else the hint)
    row_keys: tuple[str, ...] = ()  # the rows of table 三 that carry numbers, as read
    # regions: table name -> (start, end) in text
    regions: dict[str, tuple[int, int]] = field(default_factory=dict)
    request_rows: dict[str, Row] = field(default_factory=dict)
    request_subtotal: bool = False
    review_pieces: list[Piece] = field(default_factory=list)
    prose: dict[str, int] = field(default_factory=dict)
    # results
    proactive: Cells | None = None
    requests: Cells | None = None
    review_litigation: Cells | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)  # cell path -> printed text, when not a bare number
    missing: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    identities: list = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)  # run-together cell search, all tables together

    def __post_init__(self) -> None:
        if not self.text:
            self.text = blank_noise(self.doc.text)

    @property
    def request_ncols(self) -> int:
        return 8 if self.request_subtotal else 7
