"""Splitting cells run together (``801000081`` -> 80,1,0,0,0,0,81).

:func:`splits` lists every way to read a row's pieces as ``n`` cells, where a
piece of bare digits may hold several cells, a cell never starts with ``0``
unless it is ``0``, a sign starts a new cell and a decimal tail stays with its
cell. ``expected(i, cells)`` may pin cell ``i`` to a value computed from the
cells before it (a row total, a group total), which prunes the search to the
splits the table's own identities allow; ``signed`` names the cells that may
carry a sign (``本年增/减``), so a sign also fixes a boundary.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from .. import rx as regex
from .cells import RUN, Piece, cell_value

Expected = Callable[[int, list], "int | None"]


class Budget:
    """Search steps left for one document's rows (a hostile table of digit runs is bounded)."""

    def __init__(self, steps: int | None = None) -> None:
        self.left = DOCUMENT_STEPS if steps is None else steps

LIMIT = 512  # more readings than this: the row is not decidable anyway
MAX_CELL_DIGITS = 9  # a count in tables 三 and 四 (requests, reviews, lawsuits) never has ten digits
MAX_STEPS = 60_000  # search steps per row: the property tests' rows need up to ~26,000
DOCUMENT_STEPS = 400_000  # search steps per document, all rows together (about 2 s)  # search steps per row; a real row takes a few hundred, a 50-digit run millions

_ATOM = regex.compile(r"[+\-−]*\d+(?:\.\d+)?(?:万元|元)?")
_PARTS = regex.compile(r"([+\-−]*)(\d+)((?:\.\d+)?(?:万元|元)?)$")


def _atoms(piece: Piece) -> list[str]:
    """A run piece cut at its forced boundaries (before each sign)."""
    return _ATOM.findall(piece.text) if RUN.match(piece.text) else [piece.text]


def _unit(atom: str):
    """(sign, digits, tail) of a run atom; None for a cell that is not a run."""
    m = _PARTS.match(atom) if RUN.match(atom) else None
    return m.groups() if m else None


def _number(sign: str, digits: str, tail: str) -> int | float:
    value: int | float = int(digits)
    if tail[:1] == ".":
        value = float(digits + tail.rstrip("万元"))
    return -value if ("-" in sign or "−" in sign) else value


def splits(pieces: list[Piece], n: int, expected: Expected | None = None,
           max_digits: int = 7, signed: frozenset[int] | None = None,
           max_cell_digits: int | None = None, budget: Budget | None = None) -> list[list[str]]:
    """Every reading of ``pieces`` as ``n`` cell strings (at most :data:`LIMIT`); none when
    the search needs more than :data:`MAX_STEPS` steps, or more than ``budget`` has left
    (a hostile digit run would take millions).

    ``expected(i, values)`` gets the numbers of the cells before cell ``i``
    (None for a cell that is not a number). ``max_cell_digits`` bounds every cell,
    the last of a run included (a count never has ten digits); it lets the search
    drop at once a branch whose remaining digits no longer fit the remaining cells.
    """
    # A decimal or unit atom may still hold leading cells (39573802895.90元):
    # its integer part may be cut, the tail stays on the last cell.
    texts = [atom for p in pieces for atom in _atoms(p)]
    units = [_unit(t) for t in texts]
    # digits[i]: how many cells at most units i.. can still give (a digit each, or one cell)
    room = [0] * (len(units) + 1)
    for i in range(len(units) - 1, -1, -1):
        room[i] = room[i + 1] + (len(units[i][1]) if units[i] else 1)
    results: list[list[str]] = []
    cells: list[str] = []
    values: list = []
    steps = [0]
    cap = MAX_STEPS if budget is None else min(MAX_STEPS, budget.left)

    def push(text: str, value) -> None:
        cells.append(text)
        values.append(value)

    def pop() -> None:
        cells.pop()
        values.pop()

    def rec(ui: int, pos: int) -> None:
        steps[0] += 1
        if len(results) >= LIMIT or steps[0] > cap:
            return
        if ui == len(units):
            if len(cells) == n:
                results.append(list(cells))
            return
        left = n - len(cells)
        if left <= 0 or left < len(units) - ui or left > room[ui] - pos:
            return
        if max_cell_digits is not None and room[ui] - pos > left * max_cell_digits:
            return
        unit = units[ui]
        if unit is None:
            # A single cell: a mark, a note, a unit.
            if pos == 0:
                push(texts[ui], cell_value(texts[ui]))
                rec(ui + 1, 0)
                pop()
            return
        sign, digits, tail = unit
        body = digits[pos:]
        lead = sign if pos == 0 else ""
        if lead and signed is not None and len(cells) not in signed:
            return  # only a change column (本年增/减) carries a sign
        need = expected(len(cells), values) if expected else None
        if need is not None:
            s = str(need)
            if s.startswith("-"):
                if not lead:
                    return
                s = s[1:]
            lengths: range | list[int] = [len(s)] if body.startswith(s) else []
        else:
            lengths = range(1, len(body) + 1)
        for length in lengths:
            part = body[:length]
            if len(part) > 1 and part[0] == "0":
                break
            rest = len(body) - length
            if max_cell_digits is not None and length > max_cell_digits:
                break
            if rest == 0:
                push(lead + part + tail, _number(lead, part, tail))
                rec(ui + 1, 0)
                pop()
            else:
                if length > max_digits or n - len(cells) - 1 < 1:
                    continue
                push(lead + part, _number(lead, part, ""))
                rec(ui, pos + length)
                pop()
            if len(results) >= LIMIT:
                return

    rec(0, 0)
    if budget is not None:
        budget.left = max(0, budget.left - steps[0])
    if steps[0] > cap:
        return []  # the search was cut short: other readings may exist, so none is safe to take
    return results


MAX_MERGES = 3  # numbers wrapped in one row (one cell per line: ``1`` / ``23`` is one cell)
_DIGITS = regex.compile(r"\d+")


def merges(pieces: list[Piece], n: int, expected: Expected) -> list[list[str]]:
    """Readings of more pieces than cells where a number wrapped inside its cell (``1`` / ``23``)
    printed as two pieces: adjacent digit pieces joined back, kept only when the table's own
    identity (``expected``) holds for every cell it pins. Several readings may remain."""
    k = len(pieces) - n
    if k <= 0 or k > MAX_MERGES or len(pieces) > 40:
        return []
    texts = [p.text for p in pieces]
    joinable = [i for i in range(len(texts) - 1)
                if _DIGITS.fullmatch(texts[i]) and _DIGITS.fullmatch(texts[i + 1]) and texts[i] != "0"]
    out: list[list[str]] = []
    for joins in combinations(joinable, k):
        cells: list[str] = []
        for i, t in enumerate(texts):
            if i - 1 in joins and cells:
                cells[-1] += t
            else:
                cells.append(t)
        if len(cells) != n:
            continue
        values = [cell_value(c) for c in cells]
        pinned = [expected(i, values[:i]) for i in range(n)]
        if any(p is not None for p in pinned) and all(p is None or p == v for p, v in zip(pinned, values, strict=True)):
            out.append(cells)
    return out


def row_sum_expected(ncols: int, subtotal: bool = False) -> Expected:
    """Table 三 row: total (last cell) = sum of the applicant cells (with 小计: its parts)."""

    def expected(i: int, values: list) -> int | None:
        if i < ncols - 2 or (i == ncols - 2 and not subtotal) or None in values:
            return None
        if subtotal:
            if i == ncols - 2:
                return int(sum(values[1:i]))
            return int(values[0] + values[ncols - 2])
        return int(sum(values))

    return expected


def group_sum_expected(group: int = 5) -> Expected:
    """Table 四: every fifth cell is its group's total of the four before it."""

    def expected(i: int, values: list) -> int | None:
        if i % group != group - 1:
            return None
        values = values[i - group + 1: i]
        if None in values:
            return None
        return int(sum(values))

    return expected
