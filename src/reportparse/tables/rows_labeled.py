"""Rule: table 三 rows anchored on their labels, for any rendering.

Each row label is searched in printed order; its cells are the zone of cells
(:data:`.cells.ZONE`) between the end of the label and the next label. This
reads tab-separated rows, space-aligned columns, one cell per line, cells run
together, wrapped labels, headers repeated after a page break (text between
rows is not a cell) and pipe rows whose label shares the row.
"""

from __future__ import annotations

from . import labels
from .cells import pieces_of, zone_end
from .state import Row, State


def requests_by_label(state: State) -> None:
    if state.request_rows or "requests" not in state.regions:
        return
    text = state.text
    start, end = state.regions["requests"]
    found: list[tuple[str, int, int]] = []  # key, label start, label end
    pos = start
    for key in labels.REQUEST_KEYS:
        m = labels.REQUEST_PATTERNS[key].search(text, pos, end)
        if m:
            found.append((key, m.start(), m.end()))
            pos = m.end()
    for i, (key, lstart, lend) in enumerate(found):
        limit = found[i + 1][1] if i + 1 < len(found) else end
        zend = zone_end(text, lend, limit)
        pieces = pieces_of(text, lend, zend)
        if pieces:
            state.request_rows[key] = Row(key, pieces, lstart, zend)
    set_era_from_rows(state)


def set_era_from_rows(state: State) -> None:
    if state.era:
        return
    rows = state.request_rows
    if any(k in rows for k in labels.OTHER_SUBROWS):
        state.era = "fmt2021"
    elif "other" in rows:
        state.era = "fmt2019"
