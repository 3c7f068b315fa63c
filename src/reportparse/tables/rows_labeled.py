"""Rule: table 三 rows anchored on their labels, for any rendering.

Each row label is searched in printed order; its cells are the zone of cells
(:data:`.cells.ZONE`) between the end of the label and the next label, and the
cells the label wraps around (``…重新出具0 0 0 0 0 0 0`` / ``已获取信息``). This
reads tab-separated rows, space-aligned columns, one cell per line, cells run
together, wrapped labels, headers repeated after a page break (text between
rows is not a cell) and pipe rows whose label shares the row.

A row whose label is misprinted beyond the vocabulary's variants (a typo, a
dropped character) is found between the rows around it: text followed by cells,
whose label is close to exactly one of the rows missing there
(:func:`.labels.closest_row`).
"""

from __future__ import annotations

from .. import rx as regex
from . import labels
from .cells import CELL, Piece, pieces_of, zone_end
from .state import Row, State

# A run of cells, for the rows found between labels.
_CELL_RUN = regex.compile(rf"(?:[ \t\n|]*{CELL})+")


def requests_by_label(state: State) -> None:
    if state.request_rows or "requests" not in state.regions:
        return
    text = state.text
    start, end = state.regions["requests"]
    found: list[tuple[str, int, int, list[Piece]]] = []  # key, label start, label end, cells inside
    pos = start
    for key in labels.REQUEST_KEYS:
        m = labels.REQUEST_PATTERNS[key].search(text, pos, end)
        if m is None and key in labels.UNNUMBERED_PATTERNS and key != "other_reasons":
            m = labels.UNNUMBERED_PATTERNS[key].search(text, pos, end)
        if m:
            inside = [Piece(c, s, e) for c, s, e in zip(m.captures("c"), m.starts("c"), m.ends("c"), strict=True)]
            found.append((key, m.start(), m.end(), inside))
            pos = m.end()
    rows: dict[str, Row] = {}
    for i, (key, lstart, lend, inside) in enumerate(found):
        limit = found[i + 1][1] if i + 1 < len(found) else end
        zend = zone_end(text, lend, limit)
        pieces = inside + pieces_of(text, lend, zend)
        if pieces:
            rows[key] = Row(key, pieces, lstart, max(zend, lend))
    _rows_between(state, found, rows, end)
    state.request_rows = {k: rows[k] for k in labels.REQUEST_KEYS if k in rows}
    set_era_from_rows(state)


def _rows_between(state: State, found: list, rows: dict[str, Row], end: int) -> None:
    """Rows whose label was not recognised, between the rows that were."""
    text = state.text
    bounds = [(k, s, rows[k].end if k in rows else e) for k, s, e, _ in found]
    order = labels.REQUEST_KEYS
    for i, (key, _s, after) in enumerate(bounds):
        before = bounds[i + 1][1] if i + 1 < len(bounds) else end
        nxt = bounds[i + 1][0] if i + 1 < len(bounds) else None
        lo = order.index(key) + 1
        hi = order.index(nxt) if nxt else len(order)
        missing = [k for k in order[lo:hi] if k not in rows]
        if not missing or before <= after:
            continue
        label_from = after
        for run in _CELL_RUN.finditer(text, after, before):
            label = text[label_from:run.start()]
            label_from = run.end()
            if len(labels.label_core(label)) < 2:
                continue
            key_found = labels.closest_row(label, missing)
            if key_found is None:
                continue
            pieces = pieces_of(text, run.start(), run.end())
            rows[key_found] = Row(key_found, pieces, run.start() - len(label), run.end())
            missing = missing[missing.index(key_found) + 1:]
            if not missing:
                break


def set_era_from_rows(state: State) -> None:
    if state.era:
        return
    rows = state.request_rows
    if any(k in rows for k in labels.OTHER_SUBROWS):
        state.era = "fmt2021"
    elif "other" in rows:
        state.era = "fmt2019"
