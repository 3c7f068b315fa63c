"""Rule: table 二 (主动公开政府信息情况), both formats.

Rows are found by label wherever they sit in the table's region (some
extractions move blocks). Run-together cells have no identity to check them
against, so a row is split only where every reading agrees (``007`` is 0,0,7;
a sign fixes the 本年增/减 boundary); the prose (制发的规范性文件77件) may
fix a leading cell. Anything else stays null and is listed as ambiguous.
"""

from __future__ import annotations

from . import labels
from .cells import cell_value, is_plain, pieces_of, zone_end
from .split import splits
from .state import State


def proactive_cells(state: State) -> None:
    if "proactive" not in state.regions:
        return
    era = state.era or state.era_hint
    if era not in labels.PROACTIVE_ROWS:
        return
    rows = labels.PROACTIVE_ROWS[era]
    text = state.text
    start, end = state.regions["proactive"]
    hits = []
    for key, (pattern, _cols) in rows.items():
        m = pattern.search(text, start, end)  # the first occurrence is the row
        if m:
            hits.append((m.start(), m.end(), key))
    hits.sort()
    table: dict[str, dict] = {}
    lo, hi = end, start
    for i, (lstart, lend, key) in enumerate(hits):
        limit = hits[i + 1][0] if i + 1 < len(hits) else end
        zend = zone_end(text, lend, limit)
        pieces = pieces_of(text, lend, zend)
        cols = rows[key][1]
        while len(pieces) > len(cols) and pieces[-1].blank:
            pieces.pop()
        if not pieces:
            continue
        signed = frozenset(i for i, c in enumerate(cols) if c == "change")
        if len(pieces) == len(cols):
            options = [[p.text for p in pieces]]
        elif len(pieces) > len(cols):
            options = []
        else:
            options = splits(pieces, len(cols), max_digits=12, signed=signed, budget=state.budget)
        if key == "normative_documents" and "normative_issued" in state.prose and len(options) > 1:
            hinted = [o for o in options if cell_value(o[0]) == state.prose["normative_issued"]]
            options = hinted or options
        cells = {}
        for c, col in enumerate(cols):
            path = f"proactive.{key}.{col}"
            if not options:
                cells[col] = None
                state.missing.append(path)
                continue
            values = {o[c] for o in options}
            if len(values) > 1:
                cells[col] = None
                state.ambiguous.append(path)
                continue
            raw = options[0][c]
            cells[col] = cell_value(raw)
            if not is_plain(raw):
                state.raw[path] = raw
        table[key] = cells
        lo, hi = min(lo, lstart), max(hi, zend)
    for key, (_p, cols) in rows.items():
        if key not in table:
            table[key] = dict.fromkeys(cols)
            state.missing.extend(f"proactive.{key}.{c}" for c in cols)
    if hits:
        state.proactive = {k: table[k] for k in rows}
        state.spans["proactive"] = (lo, hi)
