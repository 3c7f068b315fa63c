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

import regex

from .cells import RUN, Piece, cell_value

Expected = Callable[[int, list], "int | None"]
LIMIT = 512  # more readings than this: the row is not decidable anyway

_ATOM = regex.compile(r"[+\-−]*\d+(?:\.\d+)?(?:万元|元)?")
_PARTS = regex.compile(r"([+\-−]*)(\d+)((?:\.\d+)?(?:万元|元)?)$")


def _atoms(piece: Piece) -> list[str]:
    """A run piece cut at its forced boundaries (before each sign)."""
    return _ATOM.findall(piece.text) if RUN.match(piece.text) else [piece.text]


def splits(pieces: list[Piece], n: int, expected: Expected | None = None,
           max_digits: int = 7, signed: frozenset[int] | None = None) -> list[list[str]]:
    """Every reading of ``pieces`` as ``n`` cell strings (at most :data:`LIMIT`)."""
    # A decimal or unit atom may still hold leading cells (39573802895.90元):
    # its integer part may be cut, the tail stays on the last cell.
    units = [atom for p in pieces for atom in _atoms(p)]
    results: list[list[str]] = []

    def min_cells(ui: int) -> int:
        return len(units) - ui

    def rec(ui: int, pos: int, cells: list[str]) -> None:
        if len(results) >= LIMIT:
            return
        if ui == len(units):
            if len(cells) == n:
                results.append(list(cells))
            return
        left = n - len(cells)
        if left <= 0 or left < min_cells(ui):
            return
        text = units[ui]
        m = _PARTS.match(text)
        if not m or not RUN.match(text):
            # A single cell: a mark, a note, a unit.
            if pos == 0:
                rec(ui + 1, 0, cells + [text])
            return
        sign, digits, tail = m.groups()
        body = digits[pos:]
        lead = sign if pos == 0 else ""
        if lead and signed is not None and len(cells) not in signed:
            return  # only a change column (本年增/减) carries a sign
        need = expected(len(cells), cells) if expected else None
        if need is not None:
            s = str(need)
            if s.startswith("-"):
                if lead:
                    s = s[1:]
                else:
                    return
            lengths = [len(s)] if body.startswith(s) else []
        else:
            lengths = range(1, len(body) + 1)
        for length in lengths:
            part = body[:length]
            if len(part) > 1 and part[0] == "0":
                break
            rest = len(body) - length
            if rest == 0:
                rec(ui + 1, 0, cells + [lead + part + tail])
            else:
                if length > max_digits or n - len(cells) - 1 < 1:
                    continue
                rec(ui, pos + length, cells + [lead + part])
            if len(results) >= LIMIT:
                return

    rec(0, 0, [])
    return results


def row_sum_expected(ncols: int, subtotal: bool = False) -> Expected:
    """Table 三 row: total (last cell) = sum of the applicant cells (with 小计: its parts)."""

    def expected(i: int, cells: list) -> int | None:
        values = [cell_value(c) for c in cells]
        if any(v is None for v in values):
            return None
        if subtotal:
            if i == ncols - 2:
                return int(sum(values[1:i]))
            if i == ncols - 1:
                return int(values[0] + values[ncols - 2])
            return None
        if i == ncols - 1:
            return int(sum(values))
        return None

    return expected


def group_sum_expected(group: int = 5) -> Expected:
    """Table 四: every fifth cell is its group's total of the four before it."""

    def expected(i: int, cells: list) -> int | None:
        if i % group != group - 1:
            return None
        values = [cell_value(c) for c in cells[i - group + 1: i]]
        if any(v is None for v in values):
            return None
        return int(sum(values))

    return expected
