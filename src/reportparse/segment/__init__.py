"""Headings to a section tree with canonical kinds, and the format era.

Segmentation is a small ordered set of rules over normalized text:

1. :func:`heading_candidates` finds every place a top-level part may start:
   a top-level number (一、 第一部分 # ...) at a line start, after a
   sentence end, or (for vocabulary headings only) after a table's digits;
   and unnumbered lines that consist of a known heading.
2. Candidates whose title matches the heading vocabulary
   (:data:`reportparse.vocab.SECTION_HEADINGS`) are *strong*; numbered lines
   without known words are *weak*.
3. :func:`select_headings` keeps strong candidates in document order when
   they respect numbering and the era's expected order, then fills numbering
   gaps with weak candidates, so a 四、 in a list inside part 一 does not
   open part 四, while a misnumbered or extra part is still found.
4. Sub-sections ((一), 1., (1)) are found inside each part.

Everything works in normalized offsets; :func:`to_outline` maps to the
original text for the models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import rx as regex
from ..models import IntFact, Outline, Section, Subsection, TextFact
from ..normalize import Normalized
from ..numbers import parse_cn_int
from ..vocab import ERA_ORDER, SECTION_HEADING_ANY, SUB_MARKERS, TOP_MARKER
from .titles import TitleSpot, find_signature, find_titles, gap_after

_ERA_2021 = regex.compile(r"本年制发件数|本年废止件数|现行有效件数|逾期不补正|逾期未按收费通知")
_ERA_2019 = regex.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|第二十条第\(九\)项|采购项目数量")
_FORMAT_TABLE = regex.compile(r"本年新收政府信息公开申请|收到和处理政府信息公开申请")

# A sentence end or line start before a heading.
_BOUNDARY_CHARS = "\n。;:!?>】"
# An e-mail address or web address right before a heading (…@163.com一、概述): a boundary.
_ADDRESS_END = regex.compile(r"(?:@[\w.-]+|www\.[\w.-]+|\.(?:com|cn|net|org|gov))\Z", regex.I)
_TERMINAL_TAIL = regex.compile(r"[^。;:\n(]{0,28}?(?:情况|措施|事项|问题|打算|概述|方面)")
_TERMINAL_END = ("情况", "措施", "事项", "问题", "打算", "概述", "方面", "计划")
_SUB_TITLE_STOP = regex.compile(r"[。;:]")
_MD_HEADING = regex.compile(r"(?m)^\#{1,6}[ ]*(?:表[一二三四五六七八九十]+[:、.]?)?")


@dataclass
class Candidate:
    start: int  # heading start (the number marker)
    title_start: int
    title_end: int
    number: int | None
    kind: str | None  # None: no vocabulary match (weak)
    line_start: bool


@dataclass
class Sub:
    level: int
    marker: str
    number: int | None
    start: int
    title_end: int
    end: int = 0


@dataclass
class Part:
    kind: str
    number: int | None
    start: int
    title_start: int
    title_end: int
    end: int = 0
    subs: list[Sub] = field(default_factory=list)


@dataclass
class Layout:
    """The segmentation in normalized offsets."""

    parts: list[Part]
    title: tuple[int, int, str] | None = None
    preamble: tuple[int, int] | None = None
    signature: tuple[int, int] | None = None
    declared_parts: tuple[int, int, int] | None = None  # (count, start, end)
    candidates: list[Candidate] = field(default_factory=list)  # every heading candidate considered
    titles: list[TitleSpot] = field(default_factory=list)  # every place the head names a report title

    def parts_of(self, kind: str) -> list[Part]:
        return [p for p in self.parts if p.kind == kind]


_ANNEX = regex.compile(r"[^。;:\n]{0,20}?(?:统计表|附表)")
_HEADING_FIRST = regex.first_chars(SECTION_HEADING_ANY.pattern) or regex.EVERY_CHAR


def _annex(text: str):
    return _ANNEX.match(text) if "表" in text[:23] else None  # its 表 ends within 23 characters


# A year or 年度 before the heading's words: 年度政府信息公开工作概述, 2019年主动公开政府信息情况.
_YEAR_PREFIX = regex.compile(r"(?:(?:\d{4}|[二〇○零一两三四五六七八九]{4})年度?|本?年度)(?:的)?")
# Headings as the formats print them, matched with one wrong character (a typo) when nothing
# else matches: 主动公开政俯信息情况, 其他需要报告的事顷. (The same as ``regex``'s
# ``(?:words){s<=1}`` matched at the start, counted directly: the fuzzy engine cost ~4 µs a try.)
_FUZZY_HEADINGS = [
    ("proactive", "主动公开政府信息"), ("requests", "收到和处理政府信息公开申请"),
    ("requests", "依申请公开政府信息"), ("requests", "政府信息依申请公开"),
    ("review_litigation", "政府信息公开行政复议"), ("review_litigation", "申请行政复议、提起行政诉讼"),
    ("fees", "政府信息公开的收费及减免"), ("problems", "存在的主要问题"),
    ("other", "其他需要报告的事项"), ("overview", "政府信息公开工作概述"),
]


# The standard headings by their first and by their second character: one wrong character
# leaves at least one of the two in place (lengths are at least two).
_FUZZY_BY_CHAR: dict[tuple[int, str], list[int]] = {}
for _n, (_kind, _words) in enumerate(_FUZZY_HEADINGS):
    for _at in (0, 1):
        _FUZZY_BY_CHAR.setdefault((_at, _words[_at]), []).append(_n)


def _one_substitution(text: str, words: str) -> bool:
    """``text`` starts with ``words`` with at most one character replaced."""
    n = len(words)
    if len(text) < n:
        return False
    if text[0] != words[0] and text[1] != words[1]:
        return False  # two differences already
    wrong = 0
    for a, b in zip(text, words):
        if a != b:
            wrong += 1
            if wrong > 1:
                return False
    return True


def classify_fuzzy(text: str) -> tuple[str | None, int]:
    """Like :func:`classify_title`, allowing one wrong character in a standard heading's words."""
    kind, end = classify_title(text)
    if kind:
        return kind, end
    if len(text) < 2:
        return None, 0
    tried = _FUZZY_BY_CHAR.get((0, text[0]), []) + _FUZZY_BY_CHAR.get((1, text[1]), [])
    for n in sorted(set(tried)) if tried else ():
        kind, words = _FUZZY_HEADINGS[n]
        if _one_substitution(text, words):
            tail = _TERMINAL_TAIL.match(text, len(words))
            return kind, tail.end() if tail else len(words)
    return None, 0


def classify_title(text: str) -> tuple[str | None, int]:
    """The section kind a heading title starts with, and the end of the match."""
    prefix = _YEAR_PREFIX.match(text)
    if prefix and prefix.end() < len(text):
        kind, end = classify_title(text[prefix.end() :])
        if kind and kind != "extra":
            return kind, prefix.end() + end
    m = SECTION_HEADING_ANY.match(text) if text[:1] in _HEADING_FIRST else None
    if m:
        kind = m.lastgroup
        if kind == "extra":
            annex = _annex(text)
            if annex:
                return "extra", annex.end()
        end = m.end()
        if not text[:end].endswith(_TERMINAL_END):
            tail = _TERMINAL_TAIL.match(text, end)
            if tail:
                end = tail.end()
        return kind, end
    annex = _annex(text)
    if annex:
        return "extra", annex.end()
    return None, 0


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


def _is_contents_line(text: str, ls: int, le: int) -> bool:
    """A table of contents run together on one line: several numbered parts, no sentences."""
    line = text[ls:le]
    prevs = [line[m.start() - 1] for m in TOP_MARKER.finditer(line) if m.start() > 0]
    listed = sum(p in ",;、" for p in prevs)
    return listed >= 2 and listed > sum(p == "。" for p in prevs)


# Bounded work on hostile text: a real report has a few dozen heading candidates.
MAX_CANDIDATES = 2000


def heading_candidates(text: str, doc: Normalized | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[int] = set()
    contents_line: dict[int, bool] = {}
    for scanned, m in enumerate(TOP_MARKER.finditer(text)):
        if len(out) >= MAX_CANDIDATES or scanned >= MAX_CANDIDATES * 10:
            break
        start = m.start()
        prev = text[start - 1] if start else "\n"
        line_start = prev == "\n"
        boundary = line_start or prev in _BOUNDARY_CHARS or bool(
            prev.isascii() and prev.isalnum() and _ADDRESS_END.search(text, max(0, start - 60), start))
        numeral = m.group("num") or m.group("ord")
        number = parse_cn_int(numeral) if numeral else None
        if number is None or number > 20:
            continue
        title_start = m.end()
        kind, match_end = classify_title(text[title_start : title_start + 80])
        if kind is None and boundary:
            kind, match_end = classify_fuzzy(text[title_start : title_start + 80])
        if not boundary and not (kind not in (None, "extra", "overview") and (prev.isdigit() or match_end >= 8)):
            # Mid-sentence (after a table's digits or unit): only a long, specific heading.
            continue
        ls, le = _line_bounds(text, start)
        if ls not in contents_line:  # once per line: a long line may hold thousands of markers
            contents_line[ls] = _is_contents_line(text, ls, le)
        if contents_line[ls]:
            continue
        if kind is None:
            # Only a short numbered line can be an unknown part's heading.
            if not line_start or le - title_start > 30 or "。" in text[title_start:le] or le == title_start:
                continue
            title_end = le
        elif line_start and le - title_start <= 40:
            title_end = le
        else:
            title_end = title_start + match_end
        out.append(Candidate(start, title_start, title_end, number, kind, line_start))
        seen.add(start)
    # Unnumbered heading lines: a whole short line that is a known heading.
    for m in _MD_HEADING.finditer(text):
        ls, le = _line_bounds(text, m.start())
        if ls in seen:
            continue
        kind, _ = classify_title(text[m.end() : le])
        if kind and le - m.end() <= 40:
            out.append(Candidate(ls, m.end(), le, None, kind, True))
            seen.add(ls)
    pos = 0
    for line in text.split("\n"):
        if len(out) >= MAX_CANDIDATES:
            break
        ls, le = pos, pos + len(line)
        pos = le + 1
        if ls in seen or not line or len(line) > 30 or "。" in line or line[0] in "#(":
            continue
        kind, end = classify_fuzzy(line)
        if kind and kind != "extra" and len(line) - end <= 6:
            out.append(Candidate(ls, ls, le, None, kind, True))
    if doc is not None:
        out.extend(spaced_headings(doc, {c.start for c in out} | seen))
    out.sort(key=lambda c: c.start)
    return out


# A run of spaces not followed by ASCII or its full-width form (figures, mostly: normalization
# maps them to themselves and never deletes them, so no Chinese word starts there).
_ORIGINAL_SPACE = regex.compile(r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]++(?![!-~\uff01-\uff5e])")


_HAN_START = regex.compile(r"\p{Han}")


def spaced_headings(doc: Normalized, taken: set[int]) -> list[Candidate]:
    """Unnumbered headings of a web copy saved as running text: a known heading that the
    page set apart with spaces on both sides (``…公开。 主动公开政府信息情况 第二十条…``).

    Normalization removes spaces next to CJK characters, so the original's spaces tell
    where such a heading starts and ends.
    """
    text = doc.text
    out: list[Candidate] = []
    for n, m in enumerate(_ORIGINAL_SPACE.finditer(doc.original)):
        if n >= MAX_CANDIDATES * 10 or len(out) >= MAX_CANDIDATES:
            break
        i = doc.to_normalized(m.end())
        if i >= len(text) or i in taken or text[i - 1 : i] in ("\n", "") or not _HAN_START.match(text, i):
            continue  # an unnumbered heading starts with a Chinese word (spaces between figures are most)
        kind, end = classify_title(text[i : i + 40])
        if kind in (None, "extra") or not text[i : i + end].endswith(_TERMINAL_END):
            continue
        if not gap_after(doc, i + end) or text[i + end : i + end + 1] in "、,;":
            continue
        out.append(Candidate(i, i, i + end, None, kind, False))
    return out


def select_headings(cands: list[Candidate]) -> list[Candidate]:
    order = ERA_ORDER["pre2019"]

    def rank(kind: str) -> int:
        return order.index(kind) if kind in order else -1

    chosen: list[Candidate] = []
    seen_kinds: set[str] = set()
    for c in cands:
        if c.kind is None:
            continue
        last = chosen[-1] if chosen else None
        if c.kind in seen_kinds and c.kind not in ("problems", "extra"):
            continue
        if last is not None:
            if c.number is not None and last.number is not None and c.number <= last.number:
                # A number going back: accept only a line heading that continues the expected order.
                if not (c.line_start and rank(c.kind) > rank(last.kind) >= 0 and c.number == last.number):
                    continue
            if c.kind == "problems" and last.kind == "problems" and c.number is None:
                continue
            if c.kind == "extra" and not c.line_start and c.number is not None and last.number is not None \
                    and c.number != last.number + 1:
                continue
        if c.kind == "extra" and c.number is None:
            continue
        chosen.append(c)
        seen_kinds.add(c.kind)
    # Fill gaps with weak (unknown) numbered headings that continue the numbering.
    strong_numbers = {c.number for c in chosen}
    for c in cands:
        if c.kind is not None or c.number is None or c.number in strong_numbers:
            continue
        before = [x for x in chosen if x.start < c.start]
        after = [x for x in chosen if x.start > c.start]
        prev_num = before[-1].number if before else 0
        next_num = after[0].number if after else None
        if prev_num is not None and c.number == prev_num + 1 and (next_num is None or next_num > c.number):
            c.kind = "extra"
            chosen.append(c)
            chosen.sort(key=lambda x: x.start)
            strong_numbers.add(c.number)
    return chosen


def find_subsections(text: str, start: int, end: int) -> list[Sub]:
    subs: list[Sub] = []
    for level, pattern in SUB_MARKERS:
        for m in pattern.finditer(text, start, end):
            if len(subs) >= MAX_CANDIDATES:
                break
            s = m.start()
            prev = text[s - 1] if s else "\n"
            if s != start and prev not in ("\n。;:!?," if level == 4 else "\n。;:!?"):
                continue
            if level == 2 and prev not in "\n" and s != start:
                # "1." items inline are list items, not sub-headings, unless after a sentence end.
                if prev not in "。;":
                    continue
            number = parse_cn_int(m.group("num"))
            le = text.find("\n", m.end(), end)
            le = end if le < 0 else le
            stop = _SUB_TITLE_STOP.search(text, m.end(), le)
            title_end = stop.start() if stop else le
            title_end = min(title_end, m.end() + 40)
            subs.append(Sub(level, m.group(0), number, s, title_end))
    subs.sort(key=lambda x: x.start)
    for i, sub in enumerate(subs):
        nxt = next((x.start for x in subs[i + 1 :] if x.level <= sub.level), end)
        sub.end = nxt
    return subs


_DECLARED = regex.compile(
    rf"(?:共|等)?(?P<n>[{'一二三四五六七八九十'}]|\d)个?(?:部分|方面)(?:内容)?(?:组成|构成)?"
)


def segment(doc: Normalized) -> Layout:
    text = doc.text
    candidates = heading_candidates(text, doc)
    chosen = select_headings(candidates)
    parts = [Part(c.kind or "extra", c.number, c.start, c.title_start, c.title_end) for c in chosen]
    # A trailing signature (organ + date on the last lines) is not part of the last section.
    signature = find_signature(doc)
    body_end = signature[0] if signature else len(text)
    for i, part in enumerate(parts):
        part.end = parts[i + 1].start if i + 1 < len(parts) else max(body_end, part.title_end)
        part.subs = find_subsections(text, part.title_end, part.end)
    head_end = min(len(text), max(parts[0].start if parts else 0, 3000))
    titles = find_titles(doc, head_end)
    title = None
    best = next((t for t in titles if t.standalone and t.year), None) or \
        next((t for t in titles if t.standalone), None)
    if best:
        title = (best.start, best.end, text[best.start : best.end])
    preamble_start = title[1] if title else 0
    preamble = (preamble_start, parts[0].start) if parts and parts[0].start > preamble_start else None
    declared = None
    if preamble:
        zone = text[preamble[0] : preamble[1]]
        for dm in _DECLARED.finditer(zone):
            if "部分" in dm.group(0) or "方面" in dm.group(0):
                n = parse_cn_int(dm.group("n"))
                if n:
                    declared = (n, preamble[0] + dm.start(), preamble[0] + dm.end())
                    break
    return Layout(parts, title, preamble, signature, declared, candidates, titles)


def detect_era(text: str, year: int | None) -> str | None:
    """The format era by table labels first, then by year."""
    if _ERA_2021.search(text):
        return "fmt2021"
    if _ERA_2019.search(text):
        return "fmt2019"
    if year is not None:
        if year >= 2021:
            return "fmt2021"
        if year >= 2019:
            return "fmt2019"
        return "pre2019"
    if _FORMAT_TABLE.search(text):
        return None
    return "pre2019"


def to_outline(doc: Normalized, layout: Layout) -> Outline:
    text = doc.text
    sections = []
    for p in layout.parts:
        heading = doc.evidence(p.start, p.title_end)
        subs = []
        for s in p.subs:
            start, end = doc.to_original(s.start, s.end)
            subs.append(Subsection(level=s.level, marker=s.marker, number=s.number,
                                   title=text[s.start : s.title_end][len(s.marker) :], start=start, end=end,
                                   heading=doc.evidence(s.start, s.title_end)))
        s0, e0 = doc.to_original(p.start, p.end)
        sections.append(
            Section(kind=p.kind, number=p.number, title=text[p.title_start : p.title_end].strip(),
                    heading=heading, start=s0, end=e0, subsections=subs)
        )
    title = None
    if layout.title:
        s, e, t = layout.title
        title = TextFact(value=t.replace("\n", ""), evidence=doc.evidence(s, e))
    preamble = doc.evidence(*layout.preamble) if layout.preamble else None
    signature = doc.evidence(*layout.signature) if layout.signature else None
    declared = None
    if layout.declared_parts:
        n, s, e = layout.declared_parts
        declared = IntFact(value=n, evidence=doc.evidence(s, e))
    return Outline(title=title, preamble=preamble, signature=signature, declared_parts=declared,
                   sections=sections)


__all__ = ["Candidate", "Layout", "Part", "Sub", "classify_title", "detect_era", "segment", "to_outline"]
