"""Rule: table 三 cells from the rows found, splitting run-together cells.

Per row, the readings :func:`.split.splits` allows under the row identity
(总计 = the applicant columns) are kept; when a row has several, the column
identities (（七）= the outcome rows; 一 + 二 = （七）+ 四) choose among the
combinations, then the prose. Cells still undecided stay null and are listed
in ``ambiguous`` (so are the cells of a row printed whose pieces do not read as
the columns); a row that was not found lists its cells in ``missing``. More
pieces than columns are read back only where the row's total confirms it: a
number wrapped inside its cell (one cell per line, or its second digits on the
next line under its column). A table that leaves a column out is read by its
header, and the column stays null.
Cells are recorded as printed: a printed table that breaks an identity is
reported by :mod:`.identities`, never corrected.
"""

from __future__ import annotations

from itertools import product

from ..normalize import Normalized
from . import labels
from .cells import Piece, cell_value, display_column, is_plain, join_wrapped_lines
from .split import MAX_CELL_DIGITS, Budget, merges, row_sum_expected, splits
from .state import State

MAX_COMBINATIONS = 4096


def _fit(pieces: list[Piece], ncols: int) -> list[Piece]:
    pieces = list(pieces)
    while len(pieces) > ncols and pieces[-1].blank:
        pieces.pop()
    while len(pieces) > ncols and pieces[0].blank:
        pieces.pop(0)
    return pieces


def readings(pieces: list[Piece], ncols: int, subtotal: bool, budget: Budget | None = None,
             doc: Normalized | None = None) -> list[list[str]]:
    """The possible cell strings of one row (one reading when pieces and columns match)."""
    pieces = _fit(pieces, ncols)
    if len(pieces) == ncols:
        return [[p.text for p in pieces]]
    if len(pieces) > ncols:
        expected = row_sum_expected(ncols, subtotal)
        joined = pieces
        if doc is not None:
            joined = join_wrapped_lines(doc.text, pieces,
                                        lambda pos: display_column(doc.original, doc.index[pos]))
        if len(joined) == ncols and _holds(joined, expected):
            return [[p.text for p in joined]]
        return merges(pieces, ncols, expected)
    found = splits(pieces, ncols, row_sum_expected(ncols, subtotal), max_digits=6,
                   max_cell_digits=MAX_CELL_DIGITS, budget=budget)
    if found or len(pieces) > 1:
        # Cells printed apart but too few of them: a cell was lost or wrapped, and a split that
        # breaks the row's own total would be a guess.
        return found
    return splits(pieces, ncols, max_digits=6, max_cell_digits=MAX_CELL_DIGITS, budget=budget)


def _holds(pieces: list[Piece], expected) -> bool:
    values = [cell_value(p.text) for p in pieces]
    pinned = [expected(i, values[:i]) for i in range(len(values))]
    return any(p is not None for p in pinned) and all(
        p is None or p == v for p, v in zip(pinned, values, strict=True))


def _score(values: dict[str, list], row_keys: tuple[str, ...], ncols: int) -> int:
    """How many column identities hold (only those whose cells are all known)."""
    score = 0
    all_outcome = row_keys[2:-2]
    outcome = [k for k in all_outcome if k in values]
    for c in range(ncols):
        total = values.get("total_processed", [None] * ncols)[c]
        parts = [values[k][c] for k in outcome]
        if total is not None and len(outcome) == len(all_outcome) and None not in parts:
            score += total == sum(parts)
        quad = [values.get(k, [None] * ncols)[c] for k in
                ("new_received", "carried_over", "total_processed", "carried_forward")]
        if None not in quad:
            score += quad[0] + quad[1] == quad[2] + quad[3]
    return score


def requests_cells(state: State) -> None:
    rows = state.request_rows
    if not rows:
        return
    # The rows' own labels set state.era; without them fall back on the hint (not reported as format).
    era = state.era or state.era_hint
    if era not in labels.PHYSICAL_ROWS:
        era = "fmt2021" if any(k in rows for k in labels.OTHER_SUBROWS) else "fmt2019"
    state.layout = era
    state.row_keys = row_keys = labels.physical_rows(era, rows)
    ncols, subtotal = state.request_ncols, state.request_subtotal
    printed = _printed_columns(state, ncols)
    options: dict[str, list[list]] = {}
    for key, row in rows.items():
        pieces = _fit(row.pieces, ncols)
        if printed and len(pieces) == len(printed):
            found = [_place(pieces, printed, ncols)]
        else:
            found = readings(row.pieces, ncols, subtotal, state.budget, state.doc)
        if key == "new_received" and "requests_received" in state.prose:
            hinted = [r for r in found if cell_value(r[-1]) == state.prose["requests_received"]]
            found = hinted or found
        if found:
            options[key] = found

    def values_of(reading: list) -> list:
        return [None if c is None else cell_value(c) for c in reading]

    fixed = {k: values_of(v[0]) for k, v in options.items() if len(v) == 1}
    open_rows = [k for k, v in options.items() if len(v) > 1]
    chosen: dict[str, list[str] | None] = {k: v[0] for k, v in options.items() if len(v) == 1}
    uncertain: dict[str, set[int]] = {}
    if open_rows:
        count = 1
        for k in open_rows:
            count *= len(options[k])
        if count <= MAX_COMBINATIONS:
            scored = []
            for combo in product(*(options[k] for k in open_rows)):
                values = dict(fixed)
                values.update({k: values_of(r) for k, r in zip(open_rows, combo, strict=True)})
                scored.append((_score(values, row_keys, ncols), combo))
            best = max(s for s, _ in scored)
            winners = [c for s, c in scored if s == best]
            for i, k in enumerate(open_rows):
                readings_k = [w[i] for w in winners]
                chosen[k], uncertain[k] = _agree(readings_k)
        else:
            for k in open_rows:
                chosen[k], uncertain[k] = _agree(options[k])

    table: dict[str, dict] = {}
    out_index = list(range(6)) + [ncols - 1]  # the 小计 column is read, not reported
    for key in row_keys:
        reading = chosen.get(key)
        cells: dict = {}
        for col, idx in zip(labels.REQUEST_COLUMNS, out_index, strict=True):
            path = f"requests.{key}.{col}"
            if reading is None:
                cells[col] = None
                # A row printed whose cells cannot be read as the columns is undecided, not absent.
                (state.ambiguous if key in rows else state.missing).append(path)
                continue
            raw = reading[idx]
            if raw is None:  # a column the table does not print
                cells[col] = None
                continue
            if idx in uncertain.get(key, ()):
                cells[col] = None
                state.ambiguous.append(path)
                continue
            cells[col] = cell_value(raw)
            if not is_plain(raw):
                state.raw[path] = raw
        table[key] = cells
    if era == "fmt2021":
        if "other" in row_keys:  # printed as one row: its sub-rows stay null
            for k in labels.OTHER_SUBROWS:
                table[k] = dict.fromkeys(labels.REQUEST_COLUMNS)
        else:
            table["other"] = _sum_rows([table[k] for k in labels.OTHER_SUBROWS])
        order = list(labels.REQUEST_KEYS)
        table = {k: table[k] for k in order if k in table}
    state.requests = table
    present = [rows[k] for k in rows]
    state.spans["requests"] = (min(r.start for r in present), max(r.end for r in present))


def _printed_columns(state: State, ncols: int) -> list[int] | None:
    """The columns a table printed with fewer columns than the format's prints, in order.

    Only when most rows have the same number of separate cells, fewer than the format's,
    and the header names exactly that many of the format's columns; else None (the rows
    are then read as usual, and cells that do not fit stay null).
    """
    rows = list(state.request_rows.values())
    counts = [len(_fit(r.pieces, ncols)) for r in rows]
    k = max(set(counts), key=counts.count)
    if not 2 <= k < ncols or counts.count(k) < max(3, 0.8 * len(counts)):
        return None
    if "requests" not in state.regions:
        return None
    start = state.regions["requests"][0]
    first = min(r.start for r in rows)
    header = labels.REQUEST_HEADER_NOISE.sub("", state.text[start:first])
    names = labels.REQUEST_COLUMNS[:-1] + (("subtotal",) if ncols == 8 else ()) + ("total",)
    found = []
    for i, name in enumerate(names):
        m = labels.COLUMN_PATTERNS[name].search(header)
        if m:
            found.append((m.start(), i))
    found.sort()
    printed = [i for _pos, i in found]
    if len(printed) != k or printed != sorted(printed) or printed[-1] != ncols - 1:
        return None
    return printed


def _place(pieces: list[Piece], printed: list[int], ncols: int) -> list:
    reading: list = [None] * ncols
    for p, i in zip(pieces, printed, strict=True):
        reading[i] = p.text
    return reading


def _agree(readings: list[list[str]]) -> tuple[list[str], set[int]]:
    """The first reading, and the cells on which the readings differ."""
    first = readings[0]
    differ = {i for i in range(len(first)) if any(r[i] != first[i] for r in readings[1:])}
    return first, differ


def _sum_rows(rows: list[dict]) -> dict:
    out = {}
    for col in labels.REQUEST_COLUMNS:
        parts = [r.get(col) for r in rows]
        out[col] = None if None in parts else sum(parts)
    return out
