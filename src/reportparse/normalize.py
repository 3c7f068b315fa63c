"""Normalization: a documented sequence of small steps, with a map back to the original.

:func:`normalize` applies, in order:

1. ``to_simplified`` - OpenCC ``t2s``. It maps character for character, so
   the length is kept; that is verified, and a text where it is not is
   converted piecewise.
2. ``to_half_width`` - full-width ASCII (``０-９``, ``Ａ-Ｚ``, ``（）：；，``) and
   the ideographic space to their half-width forms; ``。、`` and CJK quotes stay.
3. ``fix_whitespace`` - CRLF and CR to LF, zero-width characters and BOMs
   removed, non-breaking spaces to spaces, and horizontal space next to a
   CJK character removed (``2024 年`` -> ``2024年``, ``一、 概述`` -> ``一、概述``).

4. ``unwrap_lines`` - text hard-wrapped at a fixed width (PDF extractions)
   has its wrapped line ends removed, so ``行政复\n议`` reads ``行政复议``;
   short lines (headings) and lines ending a sentence keep their breaks.

Steps 1-2 keep length; steps 3-4 delete characters, so :class:`Normalized`
keeps ``index``: for every normalized character, its offset in the original.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from . import rx as regex
from .models import Evidence


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@cache
def _t2s_changes() -> frozenset[str]:
    """Every character OpenCC t2s can change, alone or in a phrase (data/t2s_changes.txt,
    tools/make_script_chars.py)."""
    chars = files("reportparse").joinpath("data", "t2s_changes.txt").read_text(encoding="utf-8")
    return frozenset(chars.replace("\n", ""))


# Texts looked at without OpenCC so far. Loading OpenCC costs ~50 ms, a look ~0.1 ms: a
# single simplified report (the CLI on one file) never loads it; a batch of simplified
# reports stops looking after a while and loads it once.
_UNCONVERTED_LOOKS = [0]
_LOOKS_BEFORE_LOADING = 100


def to_simplified(text: str) -> str:
    """Traditional to simplified script (OpenCC t2s), same length as the input.

    >>> to_simplified("聯系電話")
    '联系电话'
    """
    if _converter.cache_info().currsize == 0 and _UNCONVERTED_LOOKS[0] < _LOOKS_BEFORE_LOADING:
        _UNCONVERTED_LOOKS[0] += 1
        if _t2s_changes().isdisjoint(text):
            return text  # nothing t2s could change: the same text, without loading OpenCC
    converted = _converter("t2s").convert(text)
    if len(converted) == len(text):
        return converted
    # OpenCC changed the length somewhere (a phrase mapping): convert line by
    # line and fall back to single characters where a line still differs.
    out = []
    for line in text.splitlines(keepends=True):
        conv = _converter("t2s").convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c := _converter("t2s").convert(ch)) == 1 else ch for ch in line)
        out.append(conv)
    return "".join(out)


_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALF.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20})
_HALF.update({0x2028: ord("\n"), 0x2029: ord("\n"), 0x0B: ord("\n"), 0x0C: ord("\n")})


# Runs of the characters of _HALF: translating only the runs is three times faster
# than translating every character (``re`` is faster than ``regex`` for a plain class).
_FULL_RUN = re.compile("[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u202f\u2028\u2029\x0b\x0c]+")


def _half_run(match: re.Match[str]) -> str:
    return match.group().translate(_HALF)


def to_half_width(text: str) -> str:
    """Full-width ASCII forms to ASCII; same length.

    >>> to_half_width("（一）２０１８年：１００％")
    '(一)2018年:100%'
    """
    return _FULL_RUN.sub(_half_run, text)


_CJK = r"\p{Han}\u3000-\u303f\u2014\u2026\u201c\u201d\u2018\u2019"
# Zero-width characters and soft hyphens go first, in their own pass, so that the
# space rules below see the text as it will be (``0 \u200b`` loses its trailing space
# now, not on a second normalization).
_ZERO_WIDTH = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]+")
_DELETE = regex.compile(
    r"\r(?=\n)"  # CRLF -> LF (a lone CR becomes LF afterwards)
    rf"|(?<=[{_CJK}])[ \t]+(?=[^\s|])"  # space after a CJK character
    rf"|(?<=[^\s|])[ \t]+(?=[{_CJK}])"  # space before a CJK character
    r"|(?<=^|[\r\n])[ \t]+(?=[^\s|])"  # indentation
    r"|[ \t]+(?=[\r\n]|$)"  # trailing space
)


class OffsetMap:
    """Normalized offset -> original offset, stored as the cut points only.

    Between two deletions the normalized text is a copy of the original, so
    the map is a list of runs ``(normalized start, original start)``; a lookup
    is a bisection. It behaves as the sequence ``index[i]`` for ``i`` in
    ``0..len(text)`` (``index[len(text)]`` is the original's length), which is
    what :func:`bisect.bisect_left` needs to go the other way.
    """

    __slots__ = ("_runs_text", "_runs_orig", "_length", "_end")

    def __init__(self, runs_text: list[int], runs_orig: list[int], length: int, end: int) -> None:
        self._runs_text = runs_text  # normalized start of each run, ascending, first 0
        self._runs_orig = runs_orig  # original start of each run
        self._length = length  # len(text)
        self._end = end  # index[length]: len(original)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], length, length)

    def __len__(self) -> int:
        return self._length + 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length + 1))]
        if i < 0:
            i += self._length + 1
        if not 0 <= i <= self._length:
            raise IndexError(i)
        if i == self._length:
            return self._end
        k = bisect_right(self._runs_text, i) - 1
        return self._runs_orig[k] + i - self._runs_text[k]

    def __iter__(self):
        return (self[i] for i in range(self._length + 1))

    def first_at_least(self, original_pos: int) -> int:
        """The first ``i`` in ``0..len(text)`` with ``self[i] >= original_pos`` (``len(text)`` if none)."""
        k = bisect_right(self._runs_orig, original_pos) - 1
        if k < 0:
            return 0
        start = self._runs_text[k]
        run_end = self._runs_text[k + 1] if k + 1 < len(self._runs_text) else self._length
        return min(start + original_pos - self._runs_orig[k], run_end)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """``self`` maps into a text that ``inner`` maps into the original: the map straight through."""
        runs_text: list[int] = []
        runs_orig: list[int] = []
        bounds = self._runs_text + [self._length]
        for k in range(len(self._runs_text)):
            start, stop, mid = bounds[k], bounds[k + 1], self._runs_orig[k]
            if start == stop:
                continue
            # the inner runs that [mid, mid + stop - start) crosses
            j = bisect_right(inner._runs_text, mid) - 1
            pos = start
            while pos < stop:
                inner_pos = mid + pos - start
                runs_text.append(pos)
                runs_orig.append(inner._runs_orig[j] + inner_pos - inner._runs_text[j])
                j += 1
                if j >= len(inner._runs_text):
                    break
                pos = start + inner._runs_text[j] - mid
        if not runs_text:
            runs_text, runs_orig = [0], [inner[0] if inner._length else inner._end]
        return OffsetMap(runs_text, runs_orig, self._length, inner._end)

    def with_end(self, end: int) -> OffsetMap:
        return OffsetMap(self._runs_text, self._runs_orig, self._length, end)


@dataclass(frozen=True)
class Normalized:
    """Normalized text and the map back to the original."""

    original: str
    text: str
    index: OffsetMap  # index[i] = offset in original of text[i]; index[len(text)] = len(original)
    script: str = "simplified"  # the original's script (see detect_script)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalized span ``[start, end)``."""
        if end <= start:
            pos = self.index[start]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def to_normalized(self, original_pos: int) -> int:
        """The first normalized offset whose original offset is at least ``original_pos``.

        The same as ``bisect_left(self.index, original_pos, 0, len(self.text))``, found
        among the map's runs rather than through every lookup.
        """
        return self.index.first_at_least(original_pos)

    def evidence(self, start: int, end: int) -> Evidence:
        s, e = self.to_original(start, end)
        return Evidence(start=s, end=e, text=self.original[s:e])


def _delete(pattern, text: str) -> tuple[str, OffsetMap]:
    """Delete the matches of ``pattern``; return the text and the map to ``text``."""
    pieces: list[str] = []
    runs_text = [0]
    runs_orig = [0]
    pos = kept = 0
    for m in pattern.finditer(text):
        start, end = m.span()
        if start > pos:
            pieces.append(text[pos:start])
            kept += start - pos
        pos = end
        if runs_text[-1] == kept:
            runs_orig[-1] = end  # nothing kept since the last cut: the run starts later
        else:
            runs_text.append(kept)
            runs_orig.append(end)
    pieces.append(text[pos:])
    kept += len(text) - pos
    return "".join(pieces), OffsetMap(runs_text, runs_orig, kept, len(text))


def fix_whitespace(text: str) -> tuple[str, OffsetMap]:
    """Delete :data:`_ZERO_WIDTH`, then the spans of :data:`_DELETE`; return the text and the map to ``text``."""
    visible, first = _delete(_ZERO_WIDTH, text)
    if len(visible) == len(text):
        return _delete(_DELETE, text)
    out, second = _delete(_DELETE, visible)
    return out, second.compose(first)


_NARROW = regex.compile(r"[^\u2e80-\uffff]+")
_NARROW_BUT_NEWLINE = regex.compile(r"[^\u2e80-\uffff\n]+")


def _width(line: str) -> int:
    """Display width: CJK characters count two columns."""
    return len(line) + len(_NARROW.sub("", line))


def _line_facts(text: str, lines: list[str]) -> tuple[list[int], list[bool]]:
    """Each line's display width and whether it holds a table row, from one pass over the text
    each (the same as :func:`_width` and ``_TABLE_ROW.search`` line by line: no match of
    ``_TABLE_ROW`` spans a newline)."""
    wide = _NARROW_BUT_NEWLINE.sub("", text).split("\n")  # each line's wide characters
    widths = [len(line) + len(w) for line, w in zip(lines, wide, strict=True)]
    table = [False] * len(lines)
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for m in _TABLE_ROW.finditer(text):
        table[bisect_right(starts, m.start()) - 1] = True
    return widths, table


# Table rows (cells separated by tabs, pipes or spaces between figures) are never joined.
_TABLE_ROW = regex.compile(r"[\t|]|\d[ ]+[-+]?\d")
_SENTENCE_END = ("。", ":", ";", "!", "?")
_NO_JOIN_NEXT = regex.compile(r"^(?:[#|]|\(?[一二三四五六七八九十\d]{1,3}[)、.]|第[一二三四五六七八九十]+部分)")


def wrapped_line_ends(text: str) -> list[int]:
    """Offsets of the newlines that a fixed-width hard wrap put inside sentences."""
    lines = text.split("\n")
    width, table = _line_facts(text, lines)
    prose = [i for i, line in enumerate(lines) if line.strip() and not table[i]]
    widths = sorted(width[i] for i in prose)
    if len(widths) < 10:
        return []
    wrap = widths[int(len(widths) * 0.9) - 1]
    if not 20 <= wrap <= 130:
        return []
    # Hard-wrapped text: most full-width lines break mid-sentence. Text with a
    # paragraph per line has its long lines end with a full stop.
    full = [lines[i] for i in prose if width[i] >= wrap * 0.8]
    open_ended = sum(not line.endswith(_SENTENCE_END) for line in full)
    if len(full) < 8 or open_ended < len(full) * 0.6:
        return []
    out, pos = [], 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[i + 1]
        if (width[i] >= wrap * 0.8 and nxt.strip() and not line.endswith(_SENTENCE_END)
                and not table[i] and not table[i + 1] and not _NO_JOIN_NEXT.match(nxt)
                and not (_NO_JOIN_NEXT.match(line) and width[i] < wrap * 0.95)):
            out.append(pos)
        pos += 1
    return out


def unwrap_lines(text: str, index: OffsetMap) -> tuple[str, OffsetMap]:
    """Remove the newlines of :func:`wrapped_line_ends`, keeping the offset map in step."""
    ends = wrapped_line_ends(text)
    if not ends:
        return text, index
    pieces, pos = [], 0
    for cut in ends:
        pieces.append(text[pos:cut])
        pos = cut + 1
    pieces.append(text[pos:])
    unwrapped = "".join(pieces)
    runs_text, runs_orig = [0], [0]
    for n, cut in enumerate(ends):
        runs_text.append(cut - n)
        runs_orig.append(cut + 1)
    return unwrapped, OffsetMap(runs_text, runs_orig, len(unwrapped), len(text)).compose(index)


def normalize(original: str) -> Normalized:
    """Apply the steps of this module's docstring to ``original``."""
    simplified = to_simplified(original)
    script = detect_script(original, simplified)
    step = to_half_width(simplified)
    text, index = fix_whitespace(step)
    text = text.replace("\r", "\n")
    text, index = unwrap_lines(text, index)
    return Normalized(original=original, text=text, index=index, script=script)


def detect_script(original: str, simplified: str | None = None) -> str:
    """``simplified``, ``traditional`` or ``mixed``, by characters specific to each script.

    Naively converted text (聯系, 于, 并 left in a traditional text) counts as traditional.
    """
    simplified = simplified if simplified is not None else to_simplified(original)
    if simplified == original:
        return "simplified"
    traditional_chars = sum(map(str.__ne__, original, simplified))
    simplified_chars = len(_simplified_only().findall(original))
    total = traditional_chars + simplified_chars
    if total == 0 or traditional_chars <= max(2, total * 0.02):
        return "simplified"
    share = traditional_chars / total
    if share >= 0.8:
        return "traditional"
    if share <= 0.2:
        return "simplified"
    return "mixed"


@cache
def _simplified_only() -> re.Pattern[str]:
    """The characters OpenCC s2t would change and t2s keeps (data/simplified_only.txt, tools/make_script_chars.py)."""
    chars = files("reportparse").joinpath("data", "simplified_only.txt").read_text(encoding="utf-8")
    return re.compile("[" + re.escape(chars.replace("\n", "")) + "]")
