"""Page layout from character positions: text lines in reading order, ruled tables as pipe rows.

The characters and their boxes come from PDFium (``pypdfium2``, Apache-2.0 /
BSD-3; a 3 MB wheel, imported only when a PDF is read). Measured against
pypdf's layout mode and pdfplumber in ``benchmarks/RESULTS.md``: the same
text, 3-9 times faster, and it decrypts AES with an empty user password.

Per page, :func:`layout_page` applies, in order:

1. ``page_chars`` - each character with its box; spaces and the line breaks
   PDFium generates are dropped (the geometry tells the gaps), lone
   surrogates are dropped. When most characters are turned (a landscape
   table printed on a portrait page, ``/Rotate``), the page is turned back
   so that lines run left to right.
2. ``page_rulings`` - the horizontal and vertical strokes (lines and thin
   filled rectangles, as Word and WPS draw cell borders).
3. ``ruled_tables`` - strokes that cross each other form a grid; a cell is a
   union of grid boxes with no stroke between them (merged header cells, a
   label spanning eight rows). Every character inside the grid goes to its
   cell, so text wrapped onto two lines in a cell stays in that cell.
4. ``text_lines`` - the other characters grouped into lines top to bottom;
   two columns side by side are read left column first. The horizontal
   position becomes leading spaces and gaps become spaces, in half-width
   units, as the text-stream reader gave them (``pdf.join_wrapped`` and
   ``pdf.drop_running_lines`` rely on that).
5. Each table becomes ``| a | b | c |`` rows (a merged cell's text in its
   first box, empty boxes after it, as the Word loader writes ``gridSpan``
   and ``vMerge``), placed among the text lines by its top edge, with a blank
   line before and after.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import time
import unicodedata
from dataclasses import dataclass, field

from ..config import Limits
from ..errors import LimitExceededError

_SNAP = 2.5  # points: strokes this close are one grid line
_MIN_STROKE = 6.0  # points: shorter strokes are not cell borders
_THIN = 3.0  # points: a filled rectangle this thin is a stroke
_MAX_PATHS = 20_000  # path objects examined per page
_MAX_SEGMENTS = 2_000  # segments examined per path
_MAX_PAGE_SEGMENTS = 60_000  # segments examined per page
_MAX_GRID = 150  # grid lines per table direction
_MAX_STROKES = 6_000  # strokes on a page (a 40-row table of 15 columns drawn cell by cell has 2,500)
_TIME_CHECK = 2_000
_ANGLE_SAMPLE = 8  # every 8th character's angle decides which way the page is turned
_SKIP = frozenset((0xA0, 0x3000, 0xFEFF, 0xFFFE, 0xFFFF))
_MAX_COLUMN = 400  # half-width columns: an A3 landscape page at 6 pt is about 300  # characters between two looks at the clock


class Char:
    """A character and its box, top-down coordinates (``y0`` the top)."""

    __slots__ = ("text", "x0", "y0", "x1", "y1", "cx", "cy", "height")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.text, self.x0, self.y0, self.x1, self.y1 = text, x0, y0, x1, y1
        self.cx = (x0 + x1) / 2
        self.cy = (y0 + y1) / 2
        self.height = y1 - y0


@dataclass
class Table:
    top: float
    rows: list[list[str]]


@dataclass
class PageText:
    """One page: its lines (``| ... |`` rows for ruled tables) and whether it has a text layer."""

    lines: list[str] = field(default_factory=list)
    has_text_layer: bool = False
    chars: int = 0
    tables: int = 0


class Deadline:
    """The document's time limit, checked inside page extraction too."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.started = time.thread_time()  # processor time, like reportparse.clock

    def check(self, page: int) -> None:
        if time.thread_time() - self.started > self.limits.max_seconds:
            raise LimitExceededError(
                f"PDF extraction took over {self.limits.max_seconds:g} s (stopped at page {page + 1})")


# --- 1. characters -----------------------------------------------------------------------------

def _turn(angle: float) -> int:
    """PDFium's character angle (radians, clockwise) as counter-clockwise quarter turns, 0-3."""
    return -round(angle / (3.141592653589793 / 2)) % 4


def page_chars(textpage, page_width: float, page_height: float, limits_chars: int, deadline: Deadline,
               page_number: int) -> tuple[list[Char], int]:
    """The page's characters, top-down coordinates; also the quarter turn applied."""
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    if count > limits_chars:
        raise LimitExceededError(f"PDF page {page_number + 1} has {count:,} characters (limit {limits_chars:,})")
    deadline.check(page_number)
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    got = raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = memoryview(buffer.raw[: 2 * max(got - 1, 0)]).cast("H") if got > 0 else []
    rect = raw.FS_RECTF()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    # Which way the page is turned: the angles of a sample of its characters.
    turns = [0, 0, 0, 0]
    for k in range(0, min(count, len(units)), _ANGLE_SAMPLE):
        if units[k] > 0x20:
            turns[_turn(raw.FPDFText_GetCharAngle(textpage, k))] += 1
    turn = max(range(4), key=lambda t: turns[t])
    get_box = raw.FPDFText_GetLooseCharBox
    boxes = []
    for k in range(min(count, len(units))):
        code = units[k]
        # Spaces and the line breaks PDFium generates are dropped: the geometry tells the gaps.
        if code <= 0x20 or code in _SKIP or 0xD800 <= code <= 0xDFFF:
            continue  # surrogates too: a broken ToUnicode map's lone halves, rare supplementary characters
        if k % _TIME_CHECK == 0:
            deadline.check(page_number)
        # The loose box spans the font's ascent to descent and the advance width: the same
        # height for every character of a line (a comma's tight box sits below the others').
        if get_box(textpage, k, rect):
            boxes.append((code, k, rect.left, rect.right, rect.bottom, rect.top))
    heights = sorted(abs(box[5] - box[4]) for box in boxes[:: max(1, len(boxes) // 200)])
    usual = max(heights[len(heights) // 2], 1.0) if heights else 1.0
    chars = []
    for code, k, x0, x1, y0, y1 in boxes:
        if y0 > y1:
            y0, y1 = y1, y0
        if (x1 - x0 > 4 * usual or y1 - y0 > 4 * usual) and raw.FPDFText_GetCharBox(
                textpage, k, left, right, bottom, top):
            # A character set with a stretched or turned matrix (a label set vertically in a
            # narrow cell): its loose box is far too large, its tight box tells where it is.
            x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
        if turn == 0:
            chars.append(Char(chr(code), x0, page_height - y1, x1, page_height - y0))
        else:
            chars.append(Char(chr(code), *_turn_box(x0, x1, y0, y1, turn, page_width, page_height)))
    return chars, turn


def _turn_box(x0: float, x1: float, y0: float, y1: float, turn: int, w: float, h: float):
    """A PDF box (y upwards) as ``(x0, top, x1, bottom)`` on the page turned ``turn`` quarters back."""
    if turn == 0:
        return x0, h - y1, x1, h - y0
    if turn == 1:  # text runs upwards: the page is turned clockwise to read it
        return y0, x0, y1, x1
    if turn == 2:
        return w - x1, y0, w - x0, y1
    return h - y1, w - x1, h - y0, w - x0


# --- 2. rulings --------------------------------------------------------------------------------

def page_rulings(page, turn: int, w: float, h: float, deadline: Deadline, page_number: int):
    """Horizontal strokes ``(y, x0, x1)`` and vertical strokes ``(x, y0, y1)`` in turned coordinates."""
    import pypdfium2.raw as raw

    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    px, py = ctypes.c_float(), ctypes.c_float()
    seen = 0
    budget = _MAX_PAGE_SEGMENTS
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=4):
        seen += 1
        if seen > _MAX_PATHS:
            break
        if seen % 500 == 0:
            deadline.check(page_number)
        if len(horizontal) + len(vertical) > _MAX_STROKES:
            break  # a drawing, not a table (ruled_tables gives up on it)
        raw.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
        segments = raw.FPDFPath_CountSegments(obj.raw)
        if segments <= 0 or segments > _MAX_SEGMENTS:
            continue
        budget -= segments
        if budget < 0:
            break
        m = obj.get_matrix()
        points: list[tuple[float, float, int, bool]] = []
        for s in range(segments):
            seg = raw.FPDFPath_GetPathSegment(obj.raw, s)
            if not raw.FPDFPathSegment_GetPoint(seg, px, py):
                continue
            x = m.a * px.value + m.c * py.value + m.e
            y = m.b * px.value + m.d * py.value + m.f
            points.append((x, y, raw.FPDFPathSegment_GetType(seg), bool(raw.FPDFPathSegment_GetClose(seg))))
        edges = _path_edges(points)
        if not stroke.value:
            # A filled shape is a border only when it is a thin bar (Word's cell borders);
            # a shaded cell or a coloured band is not.
            xs = [p[0] for p in points] or [0.0]
            ys = [p[1] for p in points] or [0.0]
            bw, bh = max(xs) - min(xs), max(ys) - min(ys)
            if bw <= _THIN and bh >= _MIN_STROKE:
                edges = [((min(xs) + max(xs)) / 2, min(ys), (min(xs) + max(xs)) / 2, max(ys))]
            elif bh <= _THIN and bw >= _MIN_STROKE:
                edges = [(min(xs), (min(ys) + max(ys)) / 2, max(xs), (min(ys) + max(ys)) / 2)]
            else:
                continue
        for x0, y0, x1, y1 in edges:
            a0, t0, a1, t1 = _turn_box(min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1), turn, w, h)
            if abs(t1 - t0) <= 1.0 and a1 - a0 >= _MIN_STROKE:
                horizontal.append(((t0 + t1) / 2, a0, a1))
            elif abs(a1 - a0) <= 1.0 and t1 - t0 >= _MIN_STROKE:
                vertical.append(((a0 + a1) / 2, t0, t1))
    return horizontal, vertical


def _path_edges(points):
    """Straight segments of a path (move/line/close); curves are not borders."""
    import pypdfium2.raw as raw

    edges = []
    start = last = None
    for x, y, kind, close in points:
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = last = (x, y)
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            edges.append((last[0], last[1], x, y))
        last = (x, y)
        if close and start is not None:
            edges.append((x, y, start[0], start[1]))
            last = start
    return edges


# --- 3. ruled tables ---------------------------------------------------------------------------

def _cluster(values: list[float], tolerance: float = _SNAP) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


def _components(horizontal, vertical):
    """Groups of strokes that touch each other: one group per table."""
    items = [("h", s) for s in horizontal] + [("v", s) for s in vertical]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, (k, _) in enumerate(items) if k == "h"]
    vs = sorted((items[j][1][0], j) for j, (k, _) in enumerate(items) if k == "v")
    v_xs = [x for x, _ in vs]
    for i in hs:
        y, x0, x1 = items[i][1]
        # Only the verticals between the stroke's ends can touch it.
        for _, j in vs[bisect.bisect_left(v_xs, x0 - _SNAP):bisect.bisect_right(v_xs, x1 + _SNAP)]:
            _, y0, y1 = items[j][1]
            if y0 - _SNAP <= y <= y1 + _SNAP:
                parent[find(i)] = find(j)
    groups: dict[int, tuple[list, list]] = {}
    for i, (kind, s) in enumerate(items):
        h, v = groups.setdefault(find(i), ([], []))
        (h if kind == "h" else v).append(s)
    return [g for g in groups.values() if g[0] and g[1]]


def _by_line(strokes, lines: list[float]) -> list[list[tuple[float, float]]]:
    """The strokes lying on each grid line (``(start, end)`` along it)."""
    out: list[list[tuple[float, float]]] = [[] for _ in lines]
    for pos, a, b in strokes:
        i = bisect.bisect_left(lines, pos)
        for k in (i - 1, i):
            if 0 <= k < len(lines) and abs(lines[k] - pos) <= _SNAP:
                out[k].append((a, b))
                break
    return out


def _covers(on_line: list[tuple[float, float]], lo: float, hi: float) -> bool:
    """Some stroke on the line covers the middle of ``lo..hi``."""
    mid = (lo + hi) / 2
    return any(a - _SNAP <= mid <= b + _SNAP for a, b in on_line)


def ruled_tables(chars: list[Char], horizontal, vertical) -> tuple[list[Table], list[Char]]:
    """Tables drawn with strokes, and the characters outside them."""
    if len(horizontal) + len(vertical) > _MAX_STROKES:
        return [], chars  # a drawing, not a table: its text is read as lines
    tables: list[Table] = []
    rest = chars
    for hs, vs in _components(horizontal, vertical):
        # A table broken by a page has no border on the open side: its verticals say where it ends.
        ys = _cluster([s[0] for s in hs] + [min(s[1] for s in vs), max(s[2] for s in vs)])
        xs = _cluster([s[0] for s in vs] + [min(s[1] for s in hs), max(s[2] for s in hs)])
        if len(ys) < 2 or len(xs) < 3 or len(ys) > _MAX_GRID or len(xs) > _MAX_GRID:
            continue  # a box around a paragraph is not a table: two columns at least
        inside = [c for c in rest if xs[0] <= c.cx <= xs[-1] and ys[0] <= c.cy <= ys[-1]]
        if not inside:
            continue
        table = _grid_table(inside, ys, xs, hs, vs)
        if table is None:
            continue
        tables.append(table)
        ids = {id(c) for c in inside}
        rest = [c for c in rest if id(c) not in ids]
    return tables, rest


def _grid_table(chars: list[Char], ys: list[float], xs: list[float], hs, vs) -> Table | None:
    nrows, ncols = len(ys) - 1, len(xs) - 1
    parent = list(range(nrows * ncols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the top-left box names the cell

    v_on = _by_line(vs, xs)
    h_on = _by_line(hs, ys)
    for r in range(nrows):
        for c in range(ncols):
            if c + 1 < ncols and not _covers(v_on[c + 1], ys[r], ys[r + 1]):
                union(r * ncols + c, r * ncols + c + 1)
            if r + 1 < nrows and not _covers(h_on[r + 1], xs[c], xs[c + 1]):
                union(r * ncols + c, (r + 1) * ncols + c)
    boxes: dict[int, list[Char]] = {}
    for ch in chars:
        r = _index(ys, ch.cy)
        c = _index(xs, ch.cx)
        boxes.setdefault(find(r * ncols + c), []).append(ch)
    rows = []
    for r in range(nrows):
        row = []
        for c in range(ncols):
            box = r * ncols + c
            row.append(cell_text(boxes.get(box, [])) if find(box) == box else "")
        rows.append(row)
    # Columns no box of which holds text are slivers between two nearly equal strokes.
    keep = [c for c in range(ncols) if any(row[c] for row in rows)]
    rows = [[row[c] for c in keep] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows or len(keep) < 2:
        return None
    return Table(top=ys[0], rows=rows)


def _index(bounds: list[float], v: float) -> int:
    for i in range(len(bounds) - 1):
        if v < bounds[i + 1]:
            return i
    return len(bounds) - 2


def _group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters on the same line, lines top to bottom, characters left to right."""
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (c.cy, c.x0)):
        if lines:
            last = lines[-1]
            ref = last[0]
            if abs(ch.cy - ref.cy) <= max(0.5 * max(ref.height, ch.height), 1.0):
                last.append(ch)
                continue
        lines.append([ch])
    return [sorted(line, key=lambda c: c.x0) for line in lines]


def cell_text(chars: list[Char]) -> str:
    """A cell's characters: its lines joined (a wrapped label is one label), a space only between words."""
    out = ""
    for line in _group_lines(chars):
        prev = None
        for ch in line:
            if prev is not None and ch.x0 - prev.x1 > 0.6 * max(ch.height, prev.height):
                if prev.text.isascii() and ch.text.isascii() and prev.text.isalnum() and ch.text.isalnum():
                    out += " "
            out += ch.text
            prev = ch
        if out and line and out[-1].isascii() and out[-1].isalpha():
            out += " "
    return " ".join(out.split()).replace("|", "｜")


# --- 4. text lines -----------------------------------------------------------------------------

def _gutter(lines: list[list[Char]]) -> float | None:
    """The x of a gap between two columns that most lines leave free (a title may cross it)."""
    chars = [c for line in lines for c in line]
    if len(lines) < 8 or len(chars) < 150:
        return None
    lo = min(c.x0 for c in chars)
    hi = max(c.x1 for c in chars)
    if hi - lo < 100:
        return None
    bins = 200
    step = (hi - lo) / bins
    crossing = [0] * bins
    for line in lines:
        seen = set()
        for c in line:
            seen.update(range(int((c.x0 - lo) / step), min(int((c.x1 - lo) / step) + 1, bins)))
        for i in seen:
            crossing[i] += 1
    free = [crossing[i] <= 0.2 * len(lines) for i in range(bins)]
    best: tuple[int, int] | None = None
    start = None
    for i in range(int(bins * 0.3), int(bins * 0.7) + 1):
        if free[i] and start is None:
            start = i
        if (not free[i] or i == int(bins * 0.7)) and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    if best is None or (best[1] - best[0]) * step < 12:
        return None
    return lo + (best[0] + best[1]) / 2 * step


def reading_order(chars: list[Char]) -> list[tuple[int, list[Char]]]:
    """Lines as ``(column, chars)`` in reading order: on a two-column page the left column's
    lines, then the right's, between the lines that cross both (titles, full-width tables)."""
    lines = _group_lines(chars)
    gutter = _gutter(lines)
    if gutter is None:
        return [(0, line) for line in lines]
    out: list[tuple[int, list[Char]]] = []
    left: list[list[Char]] = []
    right: list[list[Char]] = []
    for line in lines:
        if any(c.x0 < gutter < c.x1 for c in line):
            out += [(0, part) for part in left] + [(1, part) for part in right]
            left, right = [], []
            out.append((0, line))
            continue
        part_left = [c for c in line if c.cx < gutter]
        part_right = [c for c in line if c.cx >= gutter]
        if part_left:
            left.append(part_left)
        if part_right:
            right.append(part_right)
    out += [(0, part) for part in left] + [(1, part) for part in right]
    if not (_prose_column([p for col, p in out if col == 0]) and _prose_column([p for col, p in out if col == 1])):
        return [(0, line) for line in lines]  # a gap in a table without rules: labels | figures
    return out


def _prose_column(parts: list[list[Char]]) -> bool:
    """Lines of running text: mostly long, and not mostly figures."""
    if len(parts) < 4:
        return False
    lengths = sorted(len(p) for p in parts)
    figures = sum(1 for p in parts if sum(c.text.isdigit() for c in p) * 2 >= len(p))
    return lengths[len(lengths) // 2] >= 8 and figures <= 0.3 * len(parts)


def text_lines(chars: list[Char], unit: float, origin: float) -> list[tuple[int, float, str]]:
    """``(order, top, line)`` for each line: position and gaps in half-width units as spaces.

    A right column's lines are shifted to the left margin, so its indents and wrapped lines
    read like the left column's.
    """
    out = []
    ordered = reading_order(chars)
    starts = [min((c.x0 for col, line in ordered if col == k for c in line), default=0.0) for k in (0, 1)]
    for order, (column, line) in enumerate(ordered):
        shift = origin + (starts[1] - starts[0] if column else 0.0)
        s = ""
        col = 0
        prev_x1 = 0.0
        for ch in line:
            # Hostile coordinates (1e30) must not become a billion spaces.
            at = min(max(round((ch.x0 - shift) / unit), 0), _MAX_COLUMN)
            gap = at - col
            if not s:
                s = " " * at
            elif gap >= 1 and ch.x0 - prev_x1 > 0.35 * unit:
                s += " " * gap
            s += ch.text
            col = max(at, col) + (2 if _wide(ch.text) else 1)
            prev_x1 = ch.x1
        out.append((order, min(c.y0 for c in line), s.rstrip()))
    return out


@functools.lru_cache(maxsize=8192)
def _wide(ch: str) -> bool:
    return ch >= "\u1100" and unicodedata.east_asian_width(ch) in "WFA"


def analyse_page(page, textpage, limits_chars: int, deadline: Deadline,
                 page_number: int) -> tuple[list[Char], list[Table], int]:
    """The page's characters outside ruled tables, its tables, and its character count."""
    w, h = page.get_size()
    chars, turn = page_chars(textpage, w, h, limits_chars, deadline, page_number)
    if not chars:
        return [], [], 0
    horizontal, vertical = page_rulings(page, turn, w, h, deadline, page_number)
    tables, rest = ruled_tables(chars, horizontal, vertical)
    return rest, tables, len(chars)


def render_page(rest: list[Char], tables: list[Table], unit: float) -> list[str]:
    """Text lines and table rows in the order of their top edges."""
    lines = text_lines(rest, unit, 0.0)
    out = [line for _, _, line in lines]
    # Each table goes before the first line (in reading order) that starts below its top.
    for table in sorted(tables, key=lambda t: t.top, reverse=True):
        rows = ["", *("| " + " | ".join(row) + " |" for row in table.rows), ""]
        at = next((i for i, (_, top, _) in enumerate(lines) if top > table.top), len(lines))
        out[at:at] = rows
    return out


def half_width_unit(chars: list[Char]) -> float:
    """Half the usual character height: the width of one space in the output."""
    heights = sorted(c.height for c in chars if c.height > 0.5)
    if not heights:
        return 5.0
    return max(1.0, heights[len(heights) // 2] / 2)
