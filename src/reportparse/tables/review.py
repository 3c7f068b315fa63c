"""Rule: table 四, one row of 15 cells under a fragmented header.

The cells start at the first figure after the header (whatever the header's
line breaks or pipes) and run as long as cells do. Cells run together are
split so that each group's 总计 is the sum of its four parts; the prose
(复议2件, 诉讼7件) breaks remaining ties.
"""

from __future__ import annotations

from .. import rx as regex
from . import labels
from .cells import cell_value, is_plain, pieces_of, zone_end
from .split import MAX_CELL_DIGITS, group_sum_expected, merges, splits
from .state import State

NCELLS = len(labels.REVIEW_GROUPS) * len(labels.REVIEW_COLUMNS)
_DIGIT = regex.compile(r"\d")


def review_cells(state: State) -> None:
    if "review_litigation" not in state.regions:
        return
    text = state.text
    start, end = state.regions["review_litigation"]
    pieces, zend = _gather(text, start, end)
    if not pieces:
        return
    if len(pieces) == NCELLS:
        options = [[p.text for p in pieces]]
    elif len(pieces) > NCELLS:
        options = merges(pieces, NCELLS, group_sum_expected())
    else:
        options = splits(pieces, NCELLS, group_sum_expected(), max_digits=6, max_cell_digits=MAX_CELL_DIGITS,
                         budget=state.budget) or splits(
            pieces, NCELLS, max_digits=6, max_cell_digits=MAX_CELL_DIGITS, budget=state.budget)
    if len(options) > 1:
        options = _prose_filter(options, state.prose)
    table: dict[str, dict] = {}
    differ = set()
    if options:
        first = options[0]
        differ = {i for i in range(NCELLS) if any(o[i] != first[i] for o in options[1:])}
    for g, group in enumerate(labels.REVIEW_GROUPS):
        cells = {}
        for c, col in enumerate(labels.REVIEW_COLUMNS):
            i = g * len(labels.REVIEW_COLUMNS) + c
            path = f"review_litigation.{group}.{col}"
            if not options or i in differ:  # unreadable as the table's fifteen, or several readings
                cells[col] = None
                state.ambiguous.append(path)
            else:
                raw = options[0][i]
                cells[col] = cell_value(raw)
                if not is_plain(raw):
                    state.raw[path] = raw
        table[group] = cells
    state.review_litigation = table
    state.spans["review_litigation"] = (start, zend)


def _zone_start(text: str, start: int, end: int) -> int | None:
    m = _DIGIT.search(text, start, end)
    if not m:
        return None
    begin = m.start()
    line_start = text.rfind("\n", start, begin) + 1
    if text[max(line_start, start):begin].lstrip().startswith("|"):
        return max(line_start, start)
    while begin > start and text[begin - 1] in " \t\n/—–-+":
        begin -= 1
    return begin


def _gather(text: str, start: int, end: int) -> tuple[list, int]:
    """The pieces of the table's cells: one zone, or several when the table is printed as
    sub-tables (行政复议, then 行政诉讼 or its two groups) with only header words between.

    Zones are joined only when each holds whole groups (5, 10 or 15 cells). A table printed
    transposed (a row per result: 结果维持 0 0 0, ...) is five zones of three, read by column;
    anything else is read from its first zone only.
    """
    zones: list[list] = []
    pos = start
    zend = start
    ends: list[int] = []
    while sum(len(z) for z in zones) < NCELLS:
        begin = _zone_start(text, pos, end)
        if begin is None or (zones and not labels.REVIEW_HEADER_ONLY.fullmatch(text, zend, begin)):
            break
        zend = zone_end(text, begin, end)
        found = pieces_of(text, begin, zend)
        while found and found[-1].blank and sum(len(z) for z in zones) + len(found) > NCELLS:
            found.pop()
        if not found:
            break
        zones.append(found)
        ends.append(zend)
        pos = max(zend, begin + 1)
    if not zones:
        return [], zend
    group = len(labels.REVIEW_COLUMNS)
    if len(zones) == 1 or not all(len(z) % group == 0 for z in zones):
        if len(zones) == group and all(len(z) == len(labels.REVIEW_GROUPS) for z in zones):
            pieces = [zones[r][g] for g in range(len(labels.REVIEW_GROUPS)) for r in range(group)]
            return pieces, ends[-1]
        zones, ends = zones[:1], ends[:1]
    pieces = [p for z in zones for p in z]
    while len(pieces) > NCELLS and pieces[-1].blank:
        pieces.pop()
    return pieces, ends[-1]


def _prose_filter(options: list[list[str]], prose: dict[str, int]) -> list[list[str]]:
    def fits(o: list[str]) -> bool:
        v = [cell_value(c) for c in o]
        if "review_total" in prose and v[4] != prose["review_total"]:
            return False
        if "litigation_total" in prose and None not in (v[9], v[14]):
            return v[9] + v[14] == prose["litigation_total"]
        return True

    kept = [o for o in options if fits(o)]
    return kept or options
