"""Cells as printed: the zone of cells after a row label, its pieces, and their values.

A *piece* is what the rendering separates: a pipe cell, a tab cell, a line, or a
run of characters between spaces. A piece may hold one cell (``12``, ``/``,
``160.5964万元``, ``22(其中修订16件)``, ``+22``, ``--253``), no cell (an empty
pipe or tab cell: blank), or several cells run together (``801000081``), which
:mod:`.split` takes apart.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import rx as regex

_NOT_NEWLINE = regex.compile(r"[^\n]")
_TOKEN = regex.compile(r"[^\s|]+")

# One printed cell: a signed number with optional unit and note, or a null mark.
CELL = (
    r"(?:[+\-−]*\d+(?:,\d{3})*(?:\.\d+)?(?:万元|亿元|元|万|件|个|项|条|次|笔|宗|%)?"
    r"(?:\((?:其中|含|包括)[^()\n]{0,40}\))?"
    r"|[/—–\-]+)"
    # Not a cell: the number of the next row (``5.要求…``), or digits run into a date. A row
    # whose last cell runs into the next sentence's year (``…00002025年``) ends before the year.
    r"(?![.、．]\s*[^\d\s]|(?!(?:19|20)\d\d年)\d{0,4}[年月日])"
)
# The zone after a label: cells and separators, up to the first other text.
ZONE = regex.compile(rf"(?:[ \t\n|]|{CELL})*")
_CELL_RE = regex.compile(CELL)
_UNIT_BOUNDARY = regex.compile(r"(?<=\d(?:万元|亿元|元|万|件|个|项|条|次|笔|宗|%))(?=[+\-−]?\d)")
_WRAPPED_NUMBER = regex.compile(r"\d+(?:[ \t]+\d+)+")
_SPACES = regex.compile(r"\s+")
_PLAIN_RE = regex.compile(r"\d+(?:\.\d+)?")
NULL_MARK = regex.compile(r"^(?:/+|[—–\-]+|无)$")
NUMBER = regex.compile(r"^([+\-−]*)(\d+(?:,\d{3})*(?:\.\d+)?)(.*)$", regex.S)
# A piece several cells may be run together in: digits, with sign boundaries and
# an optional decimal tail and unit (39573802895.90元, 2648-18538, 35-15).
RUN = regex.compile(r"^[+\-−]*\d+(?:[+\-−]+\d+)*(?:\.\d+)?(?:万元|元)?$")

# Blanked before any rule runs (replaced by spaces, so offsets do not move).
_PAGE_FOOTER = regex.compile(
    r"(?m)^[ \t]*(?:[—–\-]{1,2}[ \t]*\d{1,3}[ \t]*[—–\-]{1,2}|第\d{1,3}页(?:[,，]?共\d{1,3}页)?"
    r"|\d{1,3}[ \t]*/[ \t]*\d{1,3})[ \t]*$"
    r"|[—–][ \t]\d{1,3}[ \t][—–]"
)
_PIPE_SEPARATOR = regex.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$")


def blank_noise(text: str) -> str:
    """Page footers (``— 4 —``, ``-5-``, ``第4页``) and markdown separator rows to spaces."""
    def spaces(m: regex.Match) -> str:
        return _NOT_NEWLINE.sub(" ", m.group())

    text = _PAGE_FOOTER.sub(spaces, text)
    return _PIPE_SEPARATOR.sub(spaces, text)


@dataclass(frozen=True)
class Piece:
    text: str
    start: int
    end: int

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def zone_end(text: str, start: int, limit: int) -> int:
    """End of the run of cells and separators that starts at ``start``."""
    m = ZONE.match(text, start, limit)
    end = m.end() if m else start
    # Do not swallow the separators that lead to the next label.
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return end


def pieces_of(text: str, start: int, end: int) -> list[Piece]:
    """The pieces of the zone ``text[start:end]`` (see the module docstring)."""
    zone = text[start:end]
    if "|" in zone:
        return _split_first_line(text, start, end, "|", drop_ends=True)
    if "\t" in zone:
        return _split_first_line(text, start, end, "\t", drop_ends=False)
    pieces = []
    for m in _TOKEN.finditer(zone):
        at = start + m.start()
        for part in _UNIT_BOUNDARY.split(m.group()):  # 2笔984361元: a unit ends its cell
            pieces.append(Piece(part, at, at + len(part)))
            at += len(part)
    return pieces


def display_column(text: str, pos: int) -> int:
    """The display column of ``pos`` in its line of ``text`` (wide characters count two)."""
    line_start = text.rfind("\n", 0, pos) + 1
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text[line_start:pos])


def join_wrapped_lines(text: str, pieces: list[Piece], column) -> list[Piece]:
    """Space-aligned cells whose numbers wrapped inside their cells: the wrapped digits stand on
    the next line, each under the cell it continues (``12`` printed ``1`` over ``2``).
    ``column(pos)`` is the display column of a text offset as printed (normalizing drops the
    spaces that align them). The caller checks the result against the table's identities
    (a page number may stand there too).
    """
    if len(pieces) < 3:
        return pieces
    lines: list[list[Piece]] = []
    last_end = pieces[0].start
    for p in pieces:
        if not lines or "\n" in text[last_end:p.start]:
            lines.append([])
        lines[-1].append(p)
        last_end = p.end
    if len(lines) < 2 or len(lines[0]) < 2:
        return pieces
    head = lines[0]
    spans = [(column(p.start), column(p.end)) for p in head]
    out = list(head)
    for extra in lines[1:]:
        if len(extra) >= len(head) or not all(p.text.isdigit() for p in extra):
            out += extra
            continue
        targets = []
        for p in extra:
            lo, hi = column(p.start), column(p.end)
            hits = [i for i, (a, b) in enumerate(spans) if lo < b + 1 and hi > a - 1]
            targets.append(hits[0] if len(hits) == 1 else None)
        if None in targets or len(set(targets)) != len(targets):
            out += extra
            continue
        if any(out[i].text == "0" or not out[i].text.isdigit() for i in targets):
            out += extra  # a wrapped number never starts with 0
            continue
        for p, i in zip(extra, targets, strict=True):
            cell = out[i]
            out[i] = Piece(cell.text + p.text, cell.start, p.end)
    return out


def _split_first_line(text: str, start: int, end: int, sep: str, drop_ends: bool) -> list[Piece]:
    # The first line of the zone that holds a cell: the rest of the label's row.
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if _TOKEN.search(text, pos, line_end) or text[pos:line_end].count(sep) > 1:
            break
        pos = line_end + 1
    else:
        return []
    line = text[pos:line_end]
    pieces, offset = [], pos
    for part in line.split(sep):
        pieces.append(Piece(table_cell(part), offset, offset + len(part)))
        offset += len(part) + 1
    if pieces and pieces[0].blank:  # the rest of the label's cell
        pieces = pieces[1:]
    if drop_ends and pieces and pieces[-1].blank:  # after the closing pipe
        pieces = pieces[:-1]
    return pieces


def table_cell(part: str) -> str:
    """The text of one pipe or tab cell; a number wrapped inside its cell (``1 23``) is one number."""
    cell = part.strip()
    if _WRAPPED_NUMBER.fullmatch(cell):
        cell = _SPACES.sub("", cell)
    return cell


@lru_cache(maxsize=4096)
def cell_value(raw: str) -> int | float | None:
    """The number a single printed cell holds; None for blank, ``/``, ``—``.

    >>> [cell_value(s) for s in ["12", "", "/", "—", "160.5964万元", "22(其中修订16件)", "+22", "--253", "0"]]
    [12, None, None, None, 160.5964, 22, 22, -253, 0]
    """
    raw = raw.strip()
    if not raw or NULL_MARK.match(raw):
        return None
    m = NUMBER.match(raw)
    if not m:
        return None
    sign, digits, _rest = m.groups()
    digits = digits.replace(",", "")
    value: int | float = float(digits) if "." in digits else int(digits)
    if "-" in sign or "−" in sign:
        value = -value
    return value


@lru_cache(maxsize=4096)
def is_cell(raw: str) -> bool:
    raw = raw.strip()
    return not raw or bool(NULL_MARK.match(raw)) or bool(_CELL_RE.fullmatch(raw))


def is_plain(raw: str) -> bool:
    """A cell printed as a bare number (no unit, note or mark)."""
    return bool(_PLAIN_RE.fullmatch(raw.strip()))
