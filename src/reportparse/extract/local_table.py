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

import regex

from ..models import Facts, IntFact
from ..normalize import Normalized

# fact name -> row label pattern
ROWS = [
    ("proactive_total", r"主动公开(?:政府)?(?:信息|文件)(?:总)?数"),
    ("requests_received", r"受理依申请公开(?:信息)?(?:总数|申请数|数)"),
    ("requests_completed", r"对申请的答复(?:总)?数"),
    ("requests_granted", r"同意公开答复数"),
    ("requests_partially_granted", r"同意部分公开答复数"),
    ("requests_denied", r"(?:否决公开|不予公开|免于公开|免予公开)答复(?:总)?数"),
    ("review_total", r"行政复议(?:案件)?数"),
    ("litigation_total", r"行政诉讼(?:案件)?数"),
]
_ROW_RES = [(name, regex.compile(rf"(?<![、和])(?:\d[.、])?{pat}(?P<unit>条|件|个|项)?(?P<digits>\d{{1,16}})"))
            for name, pat in ROWS]
_TABLE_MARK = regex.compile(r"统计表|指标名称|计量单位|历年累计")


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


def extract_local_table(doc: Normalized, prose: Facts) -> dict[str, IntFact]:
    """Facts from a local statistics table; ``prose`` picks among several splits."""
    mark = _TABLE_MARK.search(doc.text)
    if not mark:
        return {}
    found: dict[str, IntFact] = {}
    for name, pattern in _ROW_RES:
        m = pattern.search(doc.text, mark.start())
        if not m:
            continue
        digits = m["digits"]
        if len(digits) > 1 and doc.text[m.end() : m.end() + 1] in ("、", "."):
            digits = digits[:-1]  # the last digit numbers the next row (…条002、同意部分…)
        options = splits(digits)
        stated = getattr(prose, name, None)
        if stated is not None and any(a == stated.value for a, _ in options):
            value = stated.value
        elif len(options) == 1:
            value = options[0][0]
        else:
            continue
        found[name] = IntFact(value=value, evidence=doc.evidence(m.start(), m.end()))
    return found
