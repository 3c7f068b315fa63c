"""Who, when: organ, year, statistics period, publication date, contact office, legal bases."""

from __future__ import annotations

import regex

from ..models import DateFact, IntFact, Period, TextFact
from ..normalize import Normalized
from ..numbers import parse_cn_int
from ..segment import Layout
from ..vocab import CN_DATE, LEGAL_BASIS

_Y = r"(?:\d{4}|[二〇○零一两三四五六七八九]{4})"
_M = r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})"
_D = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE = CN_DATE
ISO_DATE = regex.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")

_REPORT_WORDS = regex.compile(
    r"(?:关于)?(?:\d{4}|[二〇○零一两三四五六七八九]{4})年度?|(?:政府)?信息公开(?:工作)?\n?(?:年度)?(?:工作)?\n?(?:报告|年报)|\n"
)
_ORGAN_SUFFIX = regex.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|委|厅|署|院|部|办|中心|街道办事处|街道|乡|镇|"
    r"区|县|市|所|站|队|会|社|处|园区|实验区|开发区)$"
)
_YEAR_IN_TEXT = regex.compile(
    rf"(?P<y>{_Y})年度?(?:[^。\n]{{0,30}}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)|(?P<y2>{_Y})年度报告"
)
_PERIOD = regex.compile(
    rf"(?:统计(?:期限|时限|时间|周期|区间|时段|范围)|数据(?:统计)?(?:期限|时间|区间))[^。\d]{{0,12}}?"
    rf"(?P<y1>{_Y})年(?P<m1>{_M})月(?P<d1>{_D})日(?:起)?\n?(?:至|到|-|—|~)\n?"
    rf"(?:(?P<y2>{_Y})年)?(?P<m2>{_M})月(?P<d2>{_D})日"
)
_PUBLISHED_LABEL = regex.compile(
    r"(?:发布|公开|印发|成文|发文)(?:日期|时间)[::]?\n?"
    rf"(?:(?P<iso>\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}})|(?P<cn>{_Y}年{_M}月{_D}日))"
)
_CONTACT_OFFICE = regex.compile(r"(?:可|请)?与(?P<office>[^,。;(\n与]{2,40}?)(?:联系|联络)")


def _iso(y: str, m: str, d: str) -> str | None:
    year, month, day = parse_cn_int(y), parse_cn_int(m), parse_cn_int(d)
    if not (year and month and day) or not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def extract_title_organ(doc: Normalized, layout: Layout) -> TextFact | None:
    if not layout.title:
        return None
    s, e, title = layout.title
    pieces = [p for p in _REPORT_WORDS.split(title)]
    # The organ is the non-empty remainder before the year, else after it.
    for piece in pieces:
        cleaned = piece.strip(" :,、")
        if len(cleaned) >= 2:
            off = title.find(cleaned)
            return TextFact(value=cleaned, evidence=doc.evidence(s + off, s + off + len(cleaned)))
    return None


def extract_signature_organ(doc: Normalized, layout: Layout) -> TextFact | None:
    if not layout.signature:
        return None
    s, e = layout.signature
    block = doc.text[s:e]
    pos = s
    for line in block.split("\n"):
        name = line.strip()
        if name and not DATE.search(name) and _ORGAN_SUFFIX.search(name) and len(name) <= 30:
            off = doc.text.find(name, pos)
            return TextFact(value=name, evidence=doc.evidence(off, off + len(name)))
        pos += len(line) + 1
    return None


def extract_organ(doc: Normalized, layout: Layout) -> TextFact | None:
    return extract_signature_organ(doc, layout) or extract_title_organ(doc, layout)


def extract_period(doc: Normalized, layout: Layout) -> Period | None:
    m = _PERIOD.search(doc.text, 0, min(len(doc.text), (layout.parts[0].end if layout.parts else 3000) + 2000))
    if not m:
        return None
    start = _iso(m["y1"], m["m1"], m["d1"])
    end = _iso(m["y2"] or m["y1"], m["m2"], m["d2"])
    return Period(start=start, end=end, evidence=doc.evidence(m.start("y1"), m.end()))


def extract_year(doc: Normalized, layout: Layout, period: Period | None) -> IntFact | None:
    if layout.title:
        s, e, title = layout.title
        m = regex.search(rf"(?P<y>{_Y})年", title)
        if m:
            year = parse_cn_int(m["y"])
            if year and 1990 <= year <= 2100:
                return IntFact(value=year, evidence=doc.evidence(s + m.start("y"), s + m.end("y")))
    m = _YEAR_IN_TEXT.search(doc.text, 0, min(len(doc.text), 1500))
    if m:
        group = "y" if m["y"] else "y2"
        year = parse_cn_int(m[group])
        if year and 1990 <= year <= 2100:
            return IntFact(value=year, evidence=doc.evidence(m.start(group), m.end(group)))
    if period and period.start:
        ev = period.evidence
        return IntFact(value=int(period.start[:4]), evidence=ev.model_copy(update={
            "end": ev.start + 4, "text": ev.text[:4]}))
    return None


def extract_published(doc: Normalized, layout: Layout) -> DateFact | None:
    if layout.signature:
        s, e = layout.signature
        for m in DATE.finditer(doc.text, s, e):
            iso = _iso(m["y"], m["m"], m["d"])
            if iso:
                return DateFact(value=iso, evidence=doc.evidence(m.start(), m.end()))
    m = _PUBLISHED_LABEL.search(doc.text, 0, min(len(doc.text), 600))
    if m:
        if m["iso"]:
            im = ISO_DATE.fullmatch(m["iso"])
            iso = _iso(im["y"], im["m"], im["d"]) if im else None
            span = (m.start("iso"), m.end("iso"))
        else:
            dm = DATE.fullmatch(m["cn"])
            iso = _iso(dm["y"], dm["m"], dm["d"]) if dm else None
            span = (m.start("cn"), m.end("cn"))
        if iso:
            return DateFact(value=iso, evidence=doc.evidence(*span))
    return None


def extract_contact_office(doc: Normalized, layout: Layout) -> TextFact | None:
    end = layout.parts[0].start if layout.parts else min(len(doc.text), 1500)
    m = _CONTACT_OFFICE.search(doc.text, 0, max(end, 0) or min(len(doc.text), 1500))
    if not m:
        return None
    return TextFact(value=m["office"], evidence=doc.evidence(m.start("office"), m.end("office")))


def extract_legal_bases(doc: Normalized, layout: Layout) -> list[TextFact]:
    end = layout.parts[0].start if layout.parts and layout.parts[0].start > 0 else min(len(doc.text), 1500)
    seen: dict[str, TextFact] = {}
    for m in LEGAL_BASIS.finditer(doc.text, 0, end):
        name = m["name"]
        if name not in seen:
            seen[name] = TextFact(value=name, evidence=doc.evidence(m.start(), m.end()))
    return list(seen.values())
