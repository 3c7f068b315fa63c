"""Numbers: table identities, repeated figures, narrative against table, totals."""

from __future__ import annotations

import regex

from ..extract.counts import PROACTIVE, REQ_RECEIVED
from ..numbers import parse_count
from ..vocab import CHANNEL_RES
from .codes import R08, R08_EN, R19, R19_EN
from .context import CheckContext
from .rules_parts import regime

_TABLE_ZH = {"requests": "表三", "review_litigation": "表四", "proactive": "表二"}


def table_identities(ctx: CheckContext) -> None:
    """Identities of DOMAIN.md §4, as table recovery found them failing."""
    tables = ctx.report.tables
    for failure in tables.identities:
        span = tables.spans.get(failure.table)
        name = _TABLE_ZH.get(failure.table, failure.table)
        ctx.emit("table-identity",
                 f"{name}勾稽关系不成立: {failure.rule}, 应为{_fmt(failure.expected)}, 实为{_fmt(failure.found)}"
                 f"({', '.join(failure.cells)})。",
                 f"Table {failure.table}: {failure.rule} does not hold: expected {_fmt(failure.expected)}, "
                 f"found {_fmt(failure.found)} ({', '.join(failure.cells)}).",
                 [span] if span else [])


def _fmt(value) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


# --- the same figure stated twice --------------------------------------------------------------

_FIGURES = {
    "proactive": ([regex.compile(PROACTIVE[0])], "主动公开政府信息数", "items proactively disclosed"),
    "received": ([regex.compile(p) for p in REQ_RECEIVED], "收到申请数", "requests received"),
}
# Only a clause about the organ's whole year counts: nothing but time words, 我镇/本局/全区
# and a verb may stand before the figure (县直各单位…, 通过网站…, 其中… are breakdowns).
_WHOLE = regex.compile(
    r"(?:(?:\d{4}|本|今|全)年度?|年内|全年|今年)?(?:以来)?,?(?:我|本|全)?"
    r"(?:镇|乡|街道|局|委|办|区|县|市|州|省|单位|部门|中心|机关|院|厅|政府|管委会)?"
    r"(?:全年|共|共计|完成|累计|合计|总计|依法)?"
)
_BREAKDOWN = regex.compile(r"其中|分别|占|较|比|同比|累计|以来|历年|至今|截至|通过|去年|上年|前年")
_CLAUSE_START = regex.compile(r"[。;,:\n!?]")
_SENTENCE_START = regex.compile(r"[。;\n!?]")


def _is_year_total(text: str, m: regex.Match, year: int | None) -> bool:
    sentence_start = max((x.end() for x in _SENTENCE_START.finditer(text, max(0, m.start() - 120), m.start())),
                         default=max(0, m.start() - 120))
    sentence = text[sentence_start : m.start()]
    if _BREAKDOWN.search(sentence):
        return False
    clause_start = max((x.end() for x in _CLAUSE_START.finditer(sentence)), default=0)
    prefix = sentence[clause_start:] + text[m.start() : m.start("n")]
    # The match itself may start with 共/全年; what precedes the verb must be a whole-year subject.
    head = regex.match(r"(?P<h>.*?)(?:主动公开|收到|受理|接到|新收|接收|公开|公布|发布)", prefix)
    if not head or not _WHOLE.fullmatch(head["h"]):
        return False
    years = {int(y) for y in regex.findall(r"(?<!\d)(?:19|20)\d\d(?=年)", sentence + head["h"])}
    return year is None or not years - {year}


def repeated_figures(ctx: CheckContext) -> None:
    """A year total stated more than once must have one value."""
    text = ctx.text
    start, end = ctx.body_span
    year = ctx.report.year.value if ctx.report.year else None
    for patterns, zh, en in _FIGURES.values():
        seen: dict[int, regex.Match] = {}
        for pattern in patterns:
            for m in pattern.finditer(text, start, end):
                value = parse_count(m["n"])
                if value is None or not _is_year_total(text, m, year):
                    continue
                seen.setdefault(value, m)
        if len(seen) > 1:
            values = sorted(seen)
            matches = sorted(seen.values(), key=lambda m: m.start())
            ctx.emit("conflicting-figures",
                     f"{zh}前后不一致: " + "、".join(f"“{m.group(0)}”" for m in matches) + "。",
                     f"{en} stated with different values: " + ", ".join(str(v) for v in values) + ".",
                     [ctx.evidence(m.start(), m.end()) for m in matches])


# --- refusals without requests -----------------------------------------------------------------

_NEGATED = regex.compile(r"没有|未|无|不存在|零|(?<!\d)0(?:件|条)")
_CARRIED = regex.compile(r"结转[^。;]{0,10}?(?P<n>[1-9]\d*)(?:件|条)")


def _cell(table, row: str, col: str = "total"):
    value = ((table or {}).get(row) or {}).get(col)
    return value.get("value") if isinstance(value, dict) else value


def refusals_without_requests(ctx: CheckContext) -> None:
    report = ctx.report
    received = report.facts.requests_received
    if received is None or received.value != 0 or not report.refusal_reasons:
        return
    table = report.tables.requests
    if (_cell(table, "new_received") or 0) > 0 or (_cell(table, "carried_over") or 0) > 0:
        return
    if _CARRIED.search(ctx.text):
        return
    text = ctx.text
    for reason in report.refusal_reasons:
        if reason.count == 0:
            continue
        pos = ctx.to_norm(reason.evidence.start)
        s = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1
        e = min(x for x in (text.find("。", pos), text.find("\n", pos), len(text)) if x >= 0)
        if _NEGATED.search(text, s, e):
            continue
        ctx.emit("refusal-without-requests",
                 f"报告称收到申请0件(“{received.evidence.text}”), 却列出不予公开的理由“{reason.text}”。",
                 f"The report says no request was received (“{received.evidence.text}”) but gives a reason "
                 f"for refusing one (“{reason.text}”).",
                 [received.evidence, ctx.evidence(s, e)],
                 basis=(f"{R08}第三十二条第(二)项: 依申请公开和不予公开政府信息的情况",
                        f"{R08_EN} art. 32 item 2: disclosure on request and refusals")
                 if regime(ctx) == "2008" else
                 (f"{R19}第五十条第(二)项: 收到和处理政府信息公开申请的情况",
                  f"{R19_EN} art. 50 item 2: requests received and handled"))
        return


# --- narrative against table -------------------------------------------------------------------

_ALL_UPHELD = regex.compile(r"均(?:获|被|予|已)?维持|全部(?:获|被|予)?维持|均未被(?:撤销|纠正)")


def narrative_vs_table(ctx: CheckContext) -> None:
    report = ctx.report
    facts = report.facts  # the prose's figures: facts.stated() leaves out the table's own
    req = report.tables.requests
    rl = report.tables.review_litigation
    span = report.tables.spans
    pairs = [
        (facts.stated("requests_received"), _cell(req, "new_received"), "收到申请", "requests received", "requests"),
        (facts.stated("requests_granted"), _cell(req, "granted"), "予以公开", "granted", "requests"),
        (facts.stated("review_total"), _cell(rl, "review"), "行政复议", "administrative reviews", "review_litigation"),
    ]
    lit = [_cell(rl, "litigation_direct"), _cell(rl, "litigation_after_review")]
    pairs.append((facts.stated("litigation_total"), sum(lit) if all(x is not None for x in lit) else None,
                  "行政诉讼", "lawsuits", "review_litigation"))
    for fact, cell, zh, en, table in pairs:
        if fact is None or cell is None or fact.value == cell or ctx.in_table(fact.evidence):
            continue
        evidence = [fact.evidence] + ([span[table]] if table in span else [])
        ctx.emit("narrative-table-mismatch",
                 f"正文称{zh}{fact.value}件(“{fact.evidence.text}”), 统计表为{_fmt(cell)}件。",
                 f"The text gives {fact.value} {en} (“{fact.evidence.text}”), the table {_fmt(cell)}.",
                 evidence)
    if rl:
        open_cases = sum((_cell(rl, g, c) or 0) for g in ("review", "litigation_direct", "litigation_after_review")
                         for c in ("pending", "corrected", "other"))
        m = _ALL_UPHELD.search(ctx.text) if open_cases else None
        if m and not ctx.in_table(ctx.evidence(m.start(), m.end())):
            evidence = [ctx.evidence(m.start(), m.end())] + ([span["review_litigation"]]
                                                              if "review_litigation" in span else [])
            ctx.emit("narrative-table-mismatch",
                     f"正文称“{m.group(0)}”, 但表四有{open_cases}件纠正、其他结果或尚未审结。",
                     f"The text says “{m.group(0)}” (all upheld) but table 四 shows {open_cases} cases "
                     "corrected, otherwise decided or pending.", evidence)


# --- a total and its items -----------------------------------------------------------------------

_TOTAL = regex.compile(
    r"(?:共|共计|合计|总计|累计|总数为?)(?:[^。;,\d]{0,12}?)(?P<total>\d+)(?P<unit>条|件|次|篇|个|项|人次)[,,]?"
    r"(?P<intro>其中|分别为|分别是|包括)[:,]?(?P<items>[^。;\n]{2,300})"
)
_ITEM = regex.compile(r"(?P<label>[^,、;:\d()]{0,20}?)(?P<n>\d+)(?P<unit>条|件|次|篇|个|项|人次)(?!\d)")


def totals(ctx: CheckContext) -> None:
    """``共N件, 其中A x件、B y件``: the items may not exceed the total; a full list must reach it."""
    text = ctx.text
    start, end = ctx.body_span
    for m in _TOTAL.finditer(text, start, end):
        total = int(m["total"])
        items = [i for i in _ITEM.finditer(m["items"]) if i["unit"] == m["unit"]]
        if len(items) < 2 or "%" in m["items"] or "其中" in m["items"]:
            continue
        # The same item is often published on several channels: a split by channel may overlap.
        if sum(1 for _, p in CHANNEL_RES if p.search(m["items"])) >= 2:
            continue
        values = [int(i["n"]) for i in items]
        exhaustive = m["intro"].startswith("分别") or any(
            i["label"].lstrip("和及以与").startswith(("其他", "其它", "其余")) for i in items)
        found = sum(values)
        if found > total or (exhaustive and found != total):
            ctx.emit("total-mismatch",
                     f"“{m.group(0)[:60]}”: 分项之和{found}{m['unit']}与总数{total}{m['unit']}不符。",
                     f"The items sum to {found}, not the stated total {total} (“{m.group(0)[:60]}”).",
                     [ctx.evidence(m.start(), m.end())])
