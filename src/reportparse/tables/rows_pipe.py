"""Rule: table 三 as pipe rows (markdown, and html/Word tables rendered as pipes).

Each pipe row with numbers is a data row; its leading text cells (row-spanned
group labels repeated as empty cells, or filled) name it. A labelled row of no
standard kind (a group subtotal, a local extra row) is skipped. Rows whose label was
lost (a PDF extraction that moved wrapped labels out of the table) keep table
order: the unlabeled rows between two labeled rows fill the rows between them,
when their count matches exactly.
"""

from __future__ import annotations

from functools import lru_cache

from .. import rx as regex
from . import labels
from .cells import Piece, is_cell, table_cell
from .state import Row, State

_DIGIT = regex.compile(r"\d")

_PIPE_LINE = regex.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$")


@lru_cache(maxsize=4096)
def _row_key(label: str, era: str | None) -> str | None:
    best = None
    for key, pattern in labels.REQUEST_PATTERNS.items():
        for m in pattern.finditer(label):
            if best is None or (m.end(), m.end() - m.start()) > best[1]:
                best = (key, (m.end(), m.end() - m.start()))
    if best:
        return best[0]
    if labels.OTHER_REASONS_CELL.match(label) and era != "fmt2019":
        return "other_reasons"
    return None


def requests_by_pipe_rows(state: State) -> None:
    if state.request_rows or "requests" not in state.regions:
        return
    text = state.text
    start, end = state.regions["requests"]
    data: list[tuple[str | None, list[Piece], int, int]] = []
    for m in _PIPE_LINE.finditer(text, start, end):
        cells, offset = [], m.start()
        line = m.group()
        for part in line.split("|"):
            cells.append(Piece(table_cell(part), offset, offset + len(part)))
            offset += len(part) + 1
        cells = cells[1:-1]  # outside the outer pipes
        # The label is every cell up to the last one that is not a cell value.
        last_label = max((i for i, c in enumerate(cells) if not is_cell(c.text)), default=-1)
        values = cells[last_label + 1:]
        if not any(_DIGIT.search(c.text) for c in values):
            continue
        label = "".join(c.text for c in cells[: last_label + 1])
        key = _row_key(label, state.era) if label else None
        if label and key is None and labels.closest_row(label, labels.REQUEST_KEYS) is None:
            continue  # a labelled row of no standard kind (a group subtotal, a local row)
        data.append((key, values, m.start(), m.end(), label))
    if len(data) < 5:
        return
    era = state.era or ("fmt2021" if any(k in labels.OTHER_SUBROWS for k, *_ in data) else None)
    if era is None:
        era = "fmt2019" if len(data) <= len(labels.PHYSICAL_ROWS["fmt2019"]) else "fmt2021"
    order = labels.physical_rows(era, {k for k, *_ in data})
    placed: dict[str, Row] = {}
    pending: list[tuple[list[Piece], int, int, str]] = []
    last_index = -1
    for key, values, s, e, label in [*data, ("<end>", [], end, end, "")]:
        index = len(order) if key == "<end>" else (order.index(key) if key in order else None)
        if key is not None and index is None:
            continue  # a label of the other format: not a data row here
        if key is None:
            pending.append((values, s, e, label))
            continue
        _fill_gap(list(order[last_index + 1: index]), pending, placed)
        if key != "<end>":
            placed[key] = Row(key, values, s, e)
            last_index = index
        pending = []
    state.request_rows = placed
    if not state.era and (any(k in labels.OTHER_SUBROWS for k in placed) or "other" in placed):
        state.era = "fmt2021" if any(k in labels.OTHER_SUBROWS for k, *_ in data) else "fmt2019"


def _fill_gap(gap: list[str], pending: list, placed: dict[str, Row]) -> None:
    """Rows between two recognised rows: unlabelled ones by count, misprinted ones by likeness."""
    if not gap or not pending:
        return
    if len(gap) == len(pending) and all(not lab or labels.similarity(lab, k) >= labels.SIMILAR
                                        for k, (_v, _s, _e, lab) in zip(gap, pending, strict=True)):
        for k, (vals, ps, pe, _lab) in zip(gap, pending, strict=True):
            placed[k] = Row(k, vals, ps, pe)
        return
    left = list(gap)
    for vals, ps, pe, lab in pending:
        k = labels.closest_row(lab, left) if lab else None
        if k is not None:
            placed[k] = Row(k, vals, ps, pe)
            left = left[left.index(k) + 1:]
