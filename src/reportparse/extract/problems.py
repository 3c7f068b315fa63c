"""Problems and improvement measures as item lists."""

from __future__ import annotations

import regex

from ..models import Item
from ..normalize import Normalized
from ..segment import Layout
from ..vocab import MEASURE_MARKERS

_ENUM = regex.compile(
    r"(?:(?<=^|[\n。;:!?])(?:[一二三四五六七八九十]+是|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d)|"
    r"首先|其次|再次|最后))|(?<=[,;])(?:[一二三四五六七八九十]+是)"
)


_SENTENCE_END = regex.compile(r"。")


def split_items(doc: Normalized, start: int, end: int) -> list[Item]:
    text = doc.text
    marks = [m.start() for m in _ENUM.finditer(text, start, end)]
    if not marks:
        # No enumeration: one item per sentence.
        marks = [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, end)][:-1]
    items = []
    for i, s in enumerate(marks):
        e = marks[i + 1] if i + 1 < len(marks) else end
        chunk = text[s:e].rstrip("\n ;,。")
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
