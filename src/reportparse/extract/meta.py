"""Who, when: organ, year, statistics period, publication date, contact office, legal bases."""

from __future__ import annotations

from dataclasses import dataclass

from .. import rx as regex
from ..models import Candidate, DateFact, IntFact, Period, TextFact
from ..normalize import Normalized
from ..numbers import parse_cn_int
from ..segment import Layout
from ..segment.titles import ORGAN_SUFFIX, gap_before, organ_name_before, year_value
from ..vocab import CN_DATE, DATE_PARTS, LEGAL_BASIS

_Y, _M, _D = DATE_PARTS
DATE = CN_DATE
ISO_DATE = regex.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")

_PERIOD = regex.compile(
    rf"(?:统计(?:期限|时限|时间|周期|区间|时段|范围)|数据(?:统计)?(?:期限|时间|区间))[^。\d]{{0,12}}?"
    rf"(?P<y1>{_Y})年(?P<m1>{_M})月(?P<d1>{_D})日(?:起)?\n?(?:至|到|-|—|~)\n?"
    rf"(?:(?P<y2>{_Y})年)?(?P<m2>{_M})月(?P<d2>{_D})日"
)
_CONTACT_OFFICE = regex.compile(r"(?:可|请)?与(?P<office>[^,。;(\n与]{2,40}?)(?:联系|联络)")


def _cn_part(raw: str) -> int | None:
    """A date part as printed: 2019, 二〇一九, 二0一九, 元 (月), 廿三, 卅一."""
    raw = raw.replace("元", "一").replace("廿", "二十").replace("卅", "三十")
    if any(ch in "〇○零OΟ" for ch in raw) or (len(raw) == 4 and not raw.isdigit()):
        return year_value(raw)
    return parse_cn_int(raw)


def _iso(y: str, m: str, d: str) -> str | None:
    year, month, day = _cn_part(y), _cn_part(m), _cn_part(d)
    if not (year and month and day) or not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass
class MetaCandidate:
    """One place the report states a fact; ``trust`` orders the places (lower wins)."""

    value: str | int
    source: str  # signature, title, publisher_line, title_mention, period, first_sentence, ...
    trust: int
    start: int  # normalized offsets of the evidence
    end: int


def _pick(cands: list[MetaCandidate]) -> MetaCandidate | None:
    return min(cands, key=lambda c: (c.trust, c.start)) if cands else None


_PUBLISHER = regex.compile(
    r"(?<!信息)(?:发布机构|发文机关|发文单位|发布单位|发布部门|公开主体|来源单位|来源)[::]"
)


def organ_candidates(doc: Normalized, layout: Layout) -> list[MetaCandidate]:
    """Every place the report names its organ, with a source and a trust rank.

    1 signature (the closing block), 2 a title standing on its own (first
    line, after breadcrumbs or a metadata block, year first or organ first,
    split over two lines), 3 a 发布机构/来源 metadata line, 4 a title without
    a year, 5 a title mentioned in a sentence (现公布2017年XX局政府信息公开工作
    年度报告). Titles quoted in 《》 are never taken.
    """
    text = doc.text
    out: list[MetaCandidate] = []
    if layout.signature:
        s, e = layout.signature
        for m in DATE.finditer(text, s, e):
            span = organ_name_before(doc, m.start())
            if span and span[0] >= s:
                out.append(MetaCandidate(text[span[0]:span[1]], "signature", 1, *span))
            break
        else:
            for line_m in regex.finditer(r"[^\n]+", text[s:e]):
                name = line_m.group(0).strip()
                if 2 <= len(name) <= 30 and ORGAN_SUFFIX.search(name) and not DATE.search(name):
                    off = s + line_m.start() + line_m.group(0).index(name)
                    out.append(MetaCandidate(name, "signature", 1, off, off + len(name)))
                    break
    for spot in layout.titles:
        if spot.quoted or not spot.organ:
            continue
        s, e = spot.organ
        name = text[s:e].replace("\n", "")
        if not 2 <= len(name) <= 30:
            continue
        if spot.standalone:
            # A title without a year may be a page's column name (XX局政府信息公开年报 in the
            # breadcrumbs), which can belong to another organ than the report's.
            out.append(MetaCandidate(name, "title", 2 if spot.year else 4, s, e))
        elif ORGAN_SUFFIX.search(name) and _PUBLISHING_VERB.search(text, max(0, spot.start - 6), spot.start):
            out.append(MetaCandidate(name, "title_mention", 5, s, e))
    head_end = min(len(text), max(layout.parts[0].start if layout.parts else 0, 3000))
    for m in _PUBLISHER.finditer(text, 0, head_end):
        i = m.end()
        while i < len(text) and text[i] == " ":
            i += 1
        j = i
        while j < len(text) and j - i < 30 and regex.match(r"[\p{Han}()]", text[j]) and not (
                j > i and (gap_before(doc, j) or _NEXT_LABEL.match(text, j))):
            j += 1
        name = text[i:j]
        if 2 <= len(name) <= 30 and ORGAN_SUFFIX.search(name):
            out.append(MetaCandidate(name, "publisher_line", 3, i, j))
    return out


# A sentence that names the report it introduces: 现公布2017年XX局政府信息公开工作年度报告.
_PUBLISHING_VERB = regex.compile(r"(?:公布|发布|现将|编制了?|形成了?|本报告为|是)\Z")
_NEXT_LABEL = regex.compile(r"时间|日期|发布|索引号|文号|分类|浏览|点击|字号|作者|编辑|【")


def extract_organ(doc: Normalized, layout: Layout) -> TextFact | None:
    best = _pick(organ_candidates(doc, layout))
    if best is None:
        return None
    return TextFact(value=str(best.value), evidence=doc.evidence(best.start, best.end))


def extract_title_organ(doc: Normalized, layout: Layout) -> TextFact | None:
    best = _pick([c for c in organ_candidates(doc, layout) if c.source == "title"])
    return TextFact(value=str(best.value), evidence=doc.evidence(best.start, best.end)) if best else None


def extract_signature_organ(doc: Normalized, layout: Layout) -> TextFact | None:
    best = _pick([c for c in organ_candidates(doc, layout) if c.source == "signature"])
    return TextFact(value=str(best.value), evidence=doc.evidence(best.start, best.end)) if best else None


def extract_period(doc: Normalized, layout: Layout) -> Period | None:
    m = _PERIOD.search(doc.text, 0, min(len(doc.text), (layout.parts[0].end if layout.parts else 3000) + 2000))
    if not m:
        return None
    start = _iso(m["y1"], m["m1"], m["d1"])
    end = _iso(m["y2"] or m["y1"], m["m2"], m["d2"])
    return Period(start=start, end=end, evidence=doc.evidence(m.start("y1"), m.end()))


# A sentence that dates the work: 2019年,我局… / 2019年以来 / 2019年度,… / 2019年全年…
_DATING_SENTENCE = regex.compile(rf"(?P<y>{_Y})年度?(?:以来|全年|[,，]|我|本|全区|全县|全市|全镇|全乡|在)")
_THIS_YEAR = regex.compile(r"本年度|本年|今年|全年")


def year_candidates(doc: Normalized, layout: Layout, period: Period | None,
                    published: DateFact | None = None) -> list[MetaCandidate]:
    """The year reported on, from (in order of trust) the title, the statistics period,
    a title mentioned in the head, the first sentence that dates the work, and
    本年度 with the publication date."""
    text = doc.text
    out: list[MetaCandidate] = []
    for spot in layout.titles:
        if spot.quoted or not spot.year:
            continue
        year = year_value(text[spot.year[0]:spot.year[1]])
        if year:
            trust = 1 if spot.standalone else 3
            out.append(MetaCandidate(year, "title" if spot.standalone else "title_mention", trust, *spot.year))
    if period and period.start:
        out.append(MetaCandidate(int(period.start[:4]), "period", 2, -1, -1))
    zones = []
    if layout.preamble:
        zones.append(layout.preamble)
    if layout.parts:
        first = layout.parts[0]
        zones.append((first.title_end, min(first.end, first.title_end + 600)))
    elif not layout.preamble:
        zones.append((0, min(len(text), 1500)))
    for zs, ze in zones:
        for m in _DATING_SENTENCE.finditer(text, zs, ze):
            pos = m.start()
            if pos != zs and text[pos - 1] not in "。\n;:!?)":
                continue
            year = year_value(m["y"])
            if year:
                out.append(MetaCandidate(year, "first_sentence", 4, m.start("y"), m.end("y")))
                break
    signed = any(c.source == "signature" for c in published_candidates(doc, layout)) if published else False
    if published and signed and not out:
        month = int(published.value[5:7])
        m = _THIS_YEAR.search(text, 0, min(len(text), 3000))
        if m and month <= 6:
            out.append(MetaCandidate(int(published.value[:4]) - 1, "this_year_published", 5, m.start(), m.end()))
    return out


def extract_year(doc: Normalized, layout: Layout, period: Period | None,
                 published: DateFact | None = None) -> IntFact | None:
    best = _pick(year_candidates(doc, layout, period, published))
    if best is None:
        return None
    if best.source == "period" and period is not None:
        ev = period.evidence
        return IntFact(value=int(best.value), evidence=ev.model_copy(update={"end": ev.start + 4, "text": ev.text[:4]}))
    if best.source == "this_year_published" and published is not None:
        return IntFact(value=int(best.value), evidence=published.evidence)
    return IntFact(value=int(best.value), evidence=doc.evidence(best.start, best.end))


_TIME_LABEL = regex.compile(
    r"(?:(?:发布|公开|印发|成文|发文|生成)(?:日期|时间)|(?<![\p{Han}])(?:时间|日期))[::]?\n?"
    rf"(?:(?P<iso>\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}})|(?P<cn>{_Y}年{_M}月{_D}日))"
)


def published_candidates(doc: Normalized, layout: Layout) -> list[MetaCandidate]:
    """The signature's date (trust 1), then a labelled date above the body or in a page's footer
    (发布日期, 成文日期, a page's 时间)."""
    text = doc.text
    out: list[MetaCandidate] = []
    if layout.signature:
        s, e = layout.signature
        for m in DATE.finditer(text, s, e):
            iso = _iso(m["y"], m["m"], m["d"])
            if iso:
                out.append(MetaCandidate(iso, "signature", 1, m.start(), m.end()))
                break
    head_end = min(len(text), max(layout.parts[0].start if layout.parts else 0, 1500))
    # A web page prints 发布时间 above the title or in its footer, below the last part.
    foot_start = max(head_end, layout.parts[-1].title_end if layout.parts else len(text))
    labels = list(_TIME_LABEL.finditer(text, 0, head_end))
    labels += [m for m in _TIME_LABEL.finditer(text, foot_start) if ":" in m.group(0)]
    for m in labels:
        if m["iso"]:
            im = ISO_DATE.fullmatch(m["iso"])
            iso = _iso(im["y"], im["m"], im["d"]) if im else None
            span = (m.start("iso"), m.end("iso"))
        else:
            dm = DATE.fullmatch(m["cn"])
            iso = _iso(dm["y"], dm["m"], dm["d"]) if dm else None
            span = (m.start("cn"), m.end("cn"))
        if iso:
            out.append(MetaCandidate(iso, "label", 2, *span))
    return out


def extract_published(doc: Normalized, layout: Layout) -> DateFact | None:
    best = _pick(published_candidates(doc, layout))
    if best is None:
        return None
    return DateFact(value=str(best.value), evidence=doc.evidence(best.start, best.end))


def _as_model(doc: Normalized, c: MetaCandidate, fallback=None) -> Candidate | None:
    if c.start >= 0:
        return Candidate(value=c.value, source=c.source, evidence=doc.evidence(c.start, c.end))
    return Candidate(value=c.value, source=c.source, evidence=fallback) if fallback is not None else None


def meta_candidates(doc: Normalized, layout: Layout, period: Period | None,
                    published: DateFact | None) -> dict[str, list[Candidate]]:
    """organ, year, published: every candidate, most trusted first (the first is the chosen value)."""
    out: dict[str, list[Candidate]] = {}
    for name, cands in (
        ("organ", organ_candidates(doc, layout)),
        ("year", year_candidates(doc, layout, period, published)),
        ("published", published_candidates(doc, layout)),
    ):
        models = []
        for c in sorted(cands, key=lambda c: (c.trust, c.start)):
            m = _as_model(doc, c, period.evidence if c.source == "period" and period else None)
            if m is not None:
                models.append(m)
        if models:
            out[name] = models
    return out


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
