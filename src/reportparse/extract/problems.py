"""Problems and improvement measures as item lists."""

from __future__ import annotations

from .. import rx as regex
from ..models import Item
from ..normalize import Normalized
from ..segment import Layout
from ..vocab import MEASURE_MARKERS

_ENUM = regex.compile(
    r"(?:(?<=^|[\n。;:!?])(?:[一二三四五六七八九十]+是|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d)|"
    r"首先|其次|再次|最后))|(?<=[,;])(?:[一二三四五六七八九十]+是)"
)


_SENTENCE_END = regex.compile(r"。")

# Heading words of the problems part and its sub-parts: never the start of an item.
_HEAD_WORDS = (r"(?:存在的?(?:主要)?问题(?:和不足)?|(?:下一步)?(?:改进|整改)(?:工作)?(?:措施|情况|计划|方向|举措)"
               r"|下一步(?:工作)?(?:打算|计划|安排|思路))")
_HEADING_FRAGMENT = regex.compile(
    r"(?:(?:及|和|与|以及)(?:改进|整改)(?:情况|措施)"  # the tail of the part's own heading
    r"|\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*" + _HEAD_WORDS + r"\s*[:。.]?"  # (二)改进措施:
    r"|" + _HEAD_WORDS + r"\s*[:。])\s*"  # 改进措施: (a delimiter tells it from prose)
)


def content_start(text: str, start: int, end: int) -> int:
    """Where an item's content begins: after any heading fragment (``(二)改进措施:``,
    ``及改进情况``) at ``start``."""
    while start < end:
        match = _HEADING_FRAGMENT.match(text, start, end)
        if not match or match.end() == start:
            return start
        start = match.end()
    return start


def split_items(doc: Normalized, start: int, end: int) -> list[Item]:
    text = doc.text
    marks = [m.start() for m in _ENUM.finditer(text, start, end)]
    if not marks:
        # No enumeration: one item per sentence.
        marks = [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, end)][:-1]
    items = []
    for i, s in enumerate(marks):
        e = marks[i + 1] if i + 1 < len(marks) else end
        s = content_start(text, s + len(text[s:e]) - len(text[s:e].lstrip("\n ")), e)
        chunk = text[s:e].rstrip("\n ;,。:")
        lead = len(text[s:e]) - len(text[s:e].lstrip("\n "))
        if len(chunk.strip()) < 4:
            continue
        items.append(Item(text=chunk.strip(), evidence=doc.evidence(s + lead, s + len(chunk))))
    return items


def extract_problems(doc: Normalized, layout: Layout) -> tuple[list[Item], list[Item]]:
    parts = layout.parts_of("problems")
    if not parts:
        return [], []
    if len(parts) >= 2:
        return split_items(doc, parts[0].title_end, parts[0].end), split_items(doc, parts[1].title_end, parts[1].end)
    part = parts[0]
    marker = MEASURE_MARKERS.search(doc.text, part.title_end + 10, part.end)
    if marker:
        cut = doc.text.rfind("。", part.title_end, marker.start()) + 1 or marker.start()
        cut = max(cut, part.title_end)
        return split_items(doc, part.title_end, cut), split_items(doc, cut, part.end)
    return split_items(doc, part.title_end, part.end), []
