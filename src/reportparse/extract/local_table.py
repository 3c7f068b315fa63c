"""Pre-2019 local statistics tables (政府信息公开情况统计表), often run together.

Before the national format each province printed its own table: rows such as
``受理依申请公开信息总数 | 条 | 21 | 21`` with a column for the year and one
for the running total (历年累计). Pages whose markup was stripped run the two
figures together (``受理依申请公开信息总数条2121``). A run is split into
``(year, cumulative)`` with year <= cumulative and no leading zeros; when the
prose restates the year's figure that split is taken, otherwise only a
unique split is used. Never a guess: an ambiguous run gives nothing.
"""

from __future__ import annotations

from .. import rx as regex
from ..models import Facts, IntFact
from ..normalize import Normalized

# fact name -> row label pattern
ROWS = [
    ("proactive_total", r"主动公开(?:政府)?(?:信息|文件)(?:总)?数(?:量)?"),
    ("requests_received", r"受理(?:依申请公开(?:信息)?|(?:政府)?信息公开申请|申请)(?:总数|申请数|数|件数)|"
                          r"收到(?:政府信息公开)?申请(?:总)?数(?:量)?"),
    ("requests_completed", r"对申请的答复(?:总)?数|答复(?:申请)?总数|申请办结数|办结(?:申请)?数"),
    ("requests_granted", r"(?<!部分|不)同意公开(?:答复)?数"),
    ("requests_partially_granted", r"(?:同意)?部分公开(?:答复)?数"),
    ("requests_denied", r"(?:否决公开|不予公开|免于公开|免予公开|不同意公开)(?:答复)?(?:总)?数"),
    ("review_total", r"(?:申请)?行政复议(?:案件)?数(?:量)?"),
    ("litigation_total", r"(?:提起)?行政诉讼(?:案件)?数(?:量)?"),
    ("processing_fee_yuan", r"(?:政府信息公开|信息公开)?(?P<waived>收费(?:及|和)?减免|收费)(?:金额|总额|数额)|"
                            r"(?:依申请公开(?:政府)?信息)?收取(?:的)?费用"),
]
# Words every printed form of a row holds (checked by the tests against ROWS): a row pattern is
# tried only in a window that holds one, since its lookbehinds and optional openings make the
# engine try every position.
ROW_WORDS = {
    "proactive_total": ("主动公开",), "requests_received": ("受理", "收到"), "requests_completed": ("答复", "办结"),
    "requests_granted": ("同意公开",), "requests_partially_granted": ("部分公开",), "requests_denied": ("公开",),
    "review_total": ("行政复议",), "litigation_total": ("行政诉讼",), "processing_fee_yuan": ("收费", "收取"),
}
_SEP = r"[\s|:]*"
_ROW_RES = [(name, regex.compile(
    rf"(?<![^一二三四五六七八九十\d\s]、)(?<!和)(?:\d[.、])?(?:{pat}){_SEP}(?P<unit>条|件|个|项|万元|元)?{_SEP}(?P<digits>\d{{1,16}})"
    rf"(?:[ \t|]+(?P<second>\d{{1,16}}))?(?![\d.]*(?:条|件|个|项|万元|元|起|次|%))"))
    for name, pat in ROWS]
_TABLE_MARK = regex.compile(r"统计表|指标名称|统计指标|计量单位|统计数据|历年累计")
# Where the column header starts (the last of these before the first row).
_HEADER_START = regex.compile(r"统计表|指标名称|统计指标|计量单位|统计数据|指标")
_CUMULATIVE_COLUMN = regex.compile(r"累计")
_PERIOD_COLUMN = regex.compile(r"\d{4}年|本年|上年|去年|同比|增减")
_YEAR_COLUMN = regex.compile(r"本年|年度|当年|\d{4}年|年末统计")


def splits(digits: str) -> list[tuple[int, int]]:
    """Every (year, cumulative) reading of a run of digits, year <= cumulative."""
    out = []
    for i in range(1, len(digits)):
        a, b = digits[:i], digits[i:]
        if (len(a) > 1 and a[0] == "0") or (len(b) > 1 and b[0] == "0"):
            continue
        if int(a) <= int(b):
            out.append((int(a), int(b)))
    return out


def _columns(header: str) -> tuple[int, bool]:
    """How many value columns the header names (1 or 2; 0: columns we cannot tell apart, such as
    2015年 / 2014年), and whether the cumulative one comes first."""
    cum = _CUMULATIVE_COLUMN.search(header)
    if not cum:
        return (0 if len(_PERIOD_COLUMN.findall(header)) >= 2 else 1), False
    year = _YEAR_COLUMN.search(header)
    return 2, bool(year and cum.start() < year.start())


def _year_value(m: regex.Match, tail: str, columns: int, cumulative_first: bool,
                stated: int | None) -> int | None:
    digits = m["digits"]
    if columns == 0:
        return None
    if columns == 1:
        return int(digits) if len(digits) == 1 or digits[0] != "0" else None
    if m["second"] is not None:
        return int(m["second"]) if cumulative_first else int(digits)
    if len(digits) > 1 and tail in ("、", "."):
        digits = digits[:-1]  # the last digit numbers the next row (…条002、同意部分…)
    options = splits(digits)
    if cumulative_first:
        options = [(b, a) for a, b in (
            (int(digits[:i]), int(digits[i:])) for i in range(1, len(digits))
            if not ((i > 1 and digits[0] == "0") or (len(digits) - i > 1 and digits[i] == "0")))
            if a >= b]
    if stated is not None and any(a == stated for a, _ in options):
        return stated
    if len(options) == 1:
        return options[0][0]
    return None


def extract_local_table(doc: Normalized, prose: Facts) -> dict[str, IntFact]:
    """Facts from a local statistics table (the year's column); ``prose`` picks among several splits."""
    text = doc.text
    found: dict[str, IntFact] = {}
    for mark in _TABLE_MARK.finditer(text):
        for name, pattern in _ROW_RES:
            if name in found:
                continue
            window_end = min(len(text), mark.end() + 3000)
            if not any(text.find(word, mark.start(), window_end) >= 0 for word in ROW_WORDS[name]):
                continue
            for m in pattern.finditer(text, mark.start(), window_end):
                first_row = min((r.search(text, mark.end(), m.start() + 1) for n, r in _ROW_RES
                                 if any(text.find(word, mark.end(), m.start() + 1) >= 0 for word in ROW_WORDS[n])),
                                default=None, key=lambda r: r.start() if r else len(text))
                row_start = first_row.start() if first_row else m.start()
                heads = list(_HEADER_START.finditer(text, mark.start(), row_start))
                header = text[heads[-1].start() if heads else mark.start(): row_start]
                columns, cumulative_first = _columns(header)
                stated = getattr(prose, name, None)
                value = _year_value(m, text[m.end(): m.end() + 1], columns, cumulative_first,
                                    stated.value if stated is not None else None)
                if value is None:
                    break
                if name == "processing_fee_yuan":
                    if regex.match(r"\.\d", text[m.end(): m.end() + 2]):
                        break  # a decimal amount (0.05万元): not read as a whole number
                    if m["unit"] not in (None, "元", "万元") or ("减免" in (m["waived"] or "") and value != 0):
                        break  # charged and waived together: only a 0 says nothing was charged
                    if m["unit"] == "万元":
                        value = value * 10_000
                found[name] = IntFact(value=value, evidence=doc.evidence(m.start(), m.end()))
                break
        if found:
            break
    return found
