"""The summary counts tables 三 and 四 state (CONTRACT.md, summary record).

:func:`table_counts` gives, for each summary field the tables decide, its value:

- ``requests_received``: 一、本年新收, column 总计; ``requests_carried_over``: 二;
  ``requests_completed``: （七）总计; ``requests_carried_forward``: 四;
  ``requests_granted``: （一）予以公开; ``requests_denied``: all of （三）不予公开 (its eight rows);
- ``review_total``: table 四 行政复议 总计; ``litigation_total``: 未经复议直接起诉 总计 +
  复议后起诉 总计.

A field whose cells are all read has their value. A field with a cell the tables
could not decide (``ambiguous``: several splits fit) is None: never a guess, and
not the narrative either, since the table that states it is there. A field whose
cells were not printed or not found is left out, so the caller may take the
narrative's count.
"""

from __future__ import annotations

from ..models import Tables
from . import labels

# field -> (table, cells added up)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "requests_received": ("requests", ("new_received.total",)),
    "requests_carried_over": ("requests", ("carried_over.total",)),
    "requests_completed": ("requests", ("total_processed.total",)),
    "requests_carried_forward": ("requests", ("carried_forward.total",)),
    "requests_granted": ("requests", ("granted.total",)),
    "requests_denied": ("requests", tuple(f"{k}.total" for k in labels.REQUEST_KEYS if k.startswith("denied_"))),
    "review_total": ("review_litigation", ("review.total",)),
    "litigation_total": ("review_litigation", ("litigation_direct.total", "litigation_after_review.total")),
}


def cell_value(table: dict | None, row: str, col: str = "total") -> int | float | None:
    """The number in ``table[row][col]`` (a bare number or a cell object's ``value``), else None."""
    if not table:
        return None
    value = (table.get(row) or {}).get(col)
    if isinstance(value, dict):
        value = value.get("value")
    return value


def _value(table: dict, cell: str):
    return cell_value(table, *cell.split("."))


def table_counts(tables: Tables) -> dict[str, int | None]:
    """Summary field -> the count the tables state (None: a cell is undecided); see the module."""
    out: dict[str, int | None] = {}
    ambiguous = set(tables.ambiguous)
    for name, (table_name, cells) in FIELDS.items():
        table = getattr(tables, table_name)
        if not table:
            continue
        values = [_value(table, c) for c in cells]
        if None not in values:
            out[name] = int(sum(values))
        elif any(f"{table_name}.{c}" in ambiguous for c, v in zip(cells, values, strict=True) if v is None):
            out[name] = None
    return out
