"""Signs of a damaged document, reported as ``Report.warnings`` (the parse goes on).

Called from :mod:`reportparse.parse`:

1. :func:`find_second_copy` - the same report pasted twice into one file. The
   parse reads the first copy only (evidence offsets stay valid: they point
   into the first copy of the full text) and says so.
2. :func:`out_of_order_headings` - known section headings that the segmenter
   did not open as parts because they break the standard order (a report
   whose parts were shuffled); their text is read as part of the section
   before them.
3. :func:`truncated_table_warnings` - the text ends inside a standard table
   (a download cut short): the cells after the cut are missing.

4. :func:`find_second_report` - two different reports in one file (two
   titles: another organ, another year, or a second edition). The parse reads
   the first report only, so the organ and the figures come from the same one.

Each check is linear in the text (with a fixed cap on candidates).
"""

from __future__ import annotations

import re

from .models import Tables
from .normalize import Normalized
from .segment import Layout

_MIN_LINE = 6  # non-space characters for a line to identify a copy
_MIN_COPY_LINES = 8  # long lines the first copy must have
_MATCH_SHARE = 0.6  # of the shorter copy's long lines that must match in order
_MAX_STARTS = 5  # the copy may be preceded by a few lines of junk (a page header)
_MAX_CANDIDATES = 50


def _long_lines(text: str) -> tuple[list[str], list[int]]:
    keys: list[str] = []
    offsets: list[int] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        key = "".join(line.split())
        if len(key) >= _MIN_LINE:
            keys.append(key)
            offsets.append(pos)
        pos += len(line)
    return keys, offsets


def find_second_copy(text: str) -> int | None:
    """Offset in ``text`` where a second copy of its opening lines starts, or None.

    A copy: at least :data:`_MIN_COPY_LINES` long lines, and the lines after the
    repeat match the first copy's in order for most of the shorter copy's
    length (the second copy may itself be cut short).

    >>> body = "".join(f"第{i}行的内容比较长一些。\\n" for i in range(10))
    >>> find_second_copy(body + body) == len(body)
    True
    >>> find_second_copy(body) is None
    True
    """
    keys, offsets = _long_lines(text)
    n = len(keys)
    budget = 20 * n + 10_000  # comparisons: keeps the worst case (one line repeated) linear
    for i in range(min(_MAX_STARTS, n)):
        tried = 0
        for j in range(i + _MIN_COPY_LINES, n):
            if keys[j] != keys[i]:
                continue
            tried += 1
            if tried > _MAX_CANDIDATES or budget <= 0:
                break
            need = max(_MIN_COPY_LINES, int(_MATCH_SHARE * min(j - i, n - j)))
            k = 0
            while k < need and j + k < n and keys[i + k] == keys[j + k]:
                k += 1
            budget -= k + 1
            if k >= need:
                return offsets[j]
    return None


# A report's title on a line of its own: 某某政府2019年政府信息公开工作年度报告 (either script).
_TITLE_WORD = re.compile(r"信息公开|信息公開|資訊公開|资讯公开|政务公开|政務公開")
_TITLE_LINE = re.compile(r"(?P<title>[^\n]{0,60}?(?:信息公开|信息公開|資訊公開|资讯公开|政务公开|政務公開)"
                         r"[^\n]{0,16}?(?:年度报告|年度報告|年报|年報)[^\n]{0,12})")
_TITLE_MAX = 110  # the longest line _TITLE_LINE can match
_NOT_TITLE = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|附件|附表|关于|關於|根据|根據|上一篇|下一篇|"
                        r"相关|相關|链接|鏈接|来源|來源|转发|轉發|印发|印發|现将|現將|《)")
_FIRST_PART = re.compile(r"^[ \t\u3000]*(?:#{1,6}[ \t]*)?(?:一[、.．]|[(（]一[)）]|第一部分)", re.M)
_MIN_REPORT_CHARS = 300  # each of the two reports: a title and a list of links are not one


def find_second_report(text: str) -> tuple[int, str, str] | None:
    """``(offset, first title, second title)`` when ``text`` holds a second report after the
    first: a second title line, standing alone, after at least :data:`_MIN_REPORT_CHARS` of
    the first report, followed by as much text that opens its own first part (一、 / （一）).

    >>> body = "一、概述\\n" + "本机关依法公开政府信息。" * 30 + "\\n"
    >>> a, b = "甲县人民政府2019年政府信息公开工作年度报告\\n", "乙县人民政府2020年政府信息公开工作年度报告\\n"
    >>> find_second_report(a + body + b + body)[0] == len(a + body)
    True
    >>> find_second_report(a + body + "附件：" + b.strip() + "\\n") is None
    True
    """
    titles = []
    for line_start, line in _title_lines(text):
        title = line.strip()
        if title.endswith(("。", "，", ",", "；", "：", ":")) or _NOT_TITLE.match(title):
            continue
        titles.append((line_start, title))
        if len(titles) > 50:
            break
    if len(titles) < 2:
        return None
    first_at, first = titles[0]
    for at, title in titles[1:]:
        if at - first_at < _MIN_REPORT_CHARS:
            continue
        rest = text[at:at + 20 * _MIN_REPORT_CHARS]
        if len(rest) < _MIN_REPORT_CHARS or not _FIRST_PART.search(rest, 0, 4 * _MIN_REPORT_CHARS):
            continue
        line_start = text.rfind("\n", 0, at) + 1
        return line_start, first, title
    return None


def _title_lines(text: str):
    """``(line start, line)`` for each line that is a report title (:data:`_TITLE_LINE`), found from
    its 信息公开 word: each line is looked at once, and only when short (linear on any text, also
    on thousands of lines of indentation, where a pattern anchored at every line start backtracked)."""
    done = 0
    for word in _TITLE_WORD.finditer(text):
        if word.start() < done:
            continue
        start = text.rfind("\n", 0, word.start()) + 1
        end = text.find("\n", word.end())
        end = len(text) if end == -1 else end
        done = end
        line = text[start:end]
        shown = line.lstrip(" \t\u3000")
        if len(shown) <= _TITLE_MAX and _TITLE_LINE.fullmatch(shown):
            yield start, shown


def out_of_order_headings(doc: Normalized, layout: Layout) -> list[str]:
    """Headings of known sections, on their own line, that segmentation skipped as out of order."""
    opened = {p.kind for p in layout.parts}
    starts = {p.start for p in layout.parts}
    out = []
    for cand in layout.candidates:
        if (cand.kind in (None, "extra") or not cand.line_start or cand.start in starts
                or cand.kind in opened or cand.number is None):
            continue
        opened.add(cand.kind)
        before = [p for p in layout.parts if p.start < cand.start]
        where = f" (read as part of {before[-1].kind})" if before else ""
        title = doc.text[cand.start:cand.title_end].strip()
        out.append(f"section heading out of the standard order: {title}{where}")
    return out


_TABLE_NAMES = {"proactive": "二", "requests": "三", "review_litigation": "四"}


def truncated_table_warnings(doc: Normalized, tables: Tables) -> list[str]:
    """A table whose region runs to the end of the text and has missing cells: the text was cut."""
    original = doc.original
    out = []
    for name, span in tables.spans.items():
        rest = original[span.end:].strip()
        if name not in _TABLE_NAMES or "\n" in rest or len(rest) > 80:  # more than a cut-off last row
            continue
        missing = [m for m in tables.missing if m.split(".", 1)[0] == name]
        if missing:
            out.append(f"text ends inside table {_TABLE_NAMES[name]} (truncated?): "
                       f"{len(missing)} cell(s) missing")
    return out
