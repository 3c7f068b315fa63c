"""Numbers: table identities, repeated figures, narrative against table, totals."""

from __future__ import annotations

from .. import labels as words
from .. import rx as regex
from ..extract.counts import PROACTIVE, REQ_RECEIVED, REQ_RECEIVED_ZERO
from ..extract.local_table import ROWS as LOCAL_ROWS
from ..extract.local_table import splits
from ..numbers import parse_count
from ..tables import labels
from ..vocab import CHANNEL_RES
from .codes import R08, R08_EN, R19, R19_EN
from .context import CheckContext, Stated
from .rules_parts import regime

_TABLE_ZH = {"requests": "表三", "review_litigation": "表四", "proactive": "表二"}


def _row_evidence(ctx: CheckContext, failure, span):
    """The printed row that proves a failing identity (its first cell's row), else the table's span."""
    if span is None:
        return None
    s, e = ctx.to_norm(span.start), ctx.to_norm(span.end)
    key = failure.cells[0].split(".")[1] if failure.cells and failure.cells[0].count(".") >= 2 else None
    if failure.table == "requests" and key in labels.REQUEST_PATTERNS:
        m = regex.compile(labels.REQUEST_PATTERNS[key].pattern + r"[\s\d/—-]*").search(ctx.text, s, e)
        if m:
            return ctx.evidence(m.start(), m.end())
    if failure.table == "review_litigation":
        rows = list(regex.finditer(r"\d+(?:[ \t]+\d+){4,}|\d{10,}", ctx.text[s:e]))
        if rows:
            return ctx.evidence(s + rows[-1].start(), s + rows[-1].end())
    return span


def table_identities(ctx: CheckContext) -> None:
    """Identities of DOMAIN.md §4, as table recovery found them failing."""
    tables = ctx.report.tables
    for failure in tables.identities:
        span = _row_evidence(ctx, failure, tables.spans.get(failure.table))
        name = _TABLE_ZH.get(failure.table, failure.table)
        ctx.emit("table-identity",
                 f"{name}勾稽关系不成立（{_where(failure.cells)}）：{words.rule_words(failure.rule)}，"
                 f"应为{_fmt(failure.expected)}，实为{_fmt(failure.found)}。",
                 f"Table {failure.table}: {failure.rule} does not hold: expected {_fmt(failure.expected)}, "
                 f"found {_fmt(failure.found)} ({', '.join(failure.cells)}).",
                 [span] if span else [])


def _where(cells: list[str]) -> str:
    """Where in the table an identity fails, in words: the column or row all its cells share
    (``自然人列``, ``予以公开行``), else the first cells named."""
    def last(path: str) -> str:
        return words.path_words(f"tables.{path}").split(" · ")[-1]

    parts = [c.split(".") for c in cells]
    if parts and all(len(p) == 3 for p in parts):
        if len({p[2] for p in parts}) == 1:
            return f"{last(cells[0])}列"
        if len({p[1] for p in parts}) == 1:  # table 四's groups stand side by side: 栏
            return f"{last('.'.join(parts[0][:2]))}{'栏' if parts[0][0] == 'review_litigation' else '行'}"
    named = "、".join(" · ".join(words.path_words(f"tables.{c}").split(" · ")[1:]) for c in cells[:3])
    return named + (f"等{len(cells)}格" if len(cells) > 3 else "")


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


def _unsure(ctx: CheckContext, table: str, row: str) -> bool:
    """A cell table recovery could not read for certain (ambiguous split, derived from a blank)."""
    tables = ctx.report.tables
    prefix = f"{table}.{row}."
    return any(p.startswith(prefix) for p in (*tables.ambiguous, *tables.derived))


def _received_readings(ctx: CheckContext) -> set[float]:
    """Every value table 三 allows for "requests received": row 一 (new), 一 + 二 (with carried over),
    and 三 (七) + 四 (handled plus carried forward), whose sum is the same by the table's identity."""
    new, carried = ctx.cell("requests", "new_received"), ctx.cell("requests", "carried_over")
    done, forward = ctx.cell("requests", "total_processed"), ctx.cell("requests", "carried_forward")
    out = {new} if new is not None else set()
    if new is not None and carried is not None:
        out.add(new + carried)
    if done is not None and forward is not None:
        out.add(done + forward)
    return out


def _litigation_cell(ctx: CheckContext) -> float | None:
    parts = [ctx.cell("review_litigation", g) for g in ("litigation_direct", "litigation_after_review")]
    return sum(parts) if all(x is not None for x in parts) else None


def narrative_vs_table(ctx: CheckContext) -> None:
    """The overview's figures against table 三/四 as printed.

    Received may be stated as new requests (row 一) or new plus carried over (一 + 二);
    a statement about how reviews ended (未被纠错) is no count and is never compared.
    """
    span = ctx.report.tables.spans
    checks = [
        ("requests_received", _received_readings(ctx), ("requests", "new_received"), "收到申请", "requests received",
         "requests"),
        ("requests_granted", {ctx.cell("requests", "granted")}, ("requests", "granted"), "予以公开", "granted",
         "requests"),
        ("review_total", {ctx.cell("review_litigation", "review")}, ("review_litigation", "review"), "行政复议",
         "administrative reviews", "review_litigation"),
        ("litigation_total", {_litigation_cell(ctx)}, ("review_litigation", "litigation_direct"), "行政诉讼",
         "lawsuits", "review_litigation"),
    ]
    for name, readings, (table, row), zh, en, where in checks:
        readings.discard(None)
        if not readings or _unsure(ctx, table, row):
            continue
        for stated in ctx.prose(name):
            if stated.value in readings:
                continue
            cell = min(readings)
            evidence = [stated.evidence] + ([span[where]] if where in span else [])
            ctx.emit("narrative-table-mismatch",
                     f"正文称{zh}{_fmt(stated.value)}件(“{stated.evidence.text}”), 统计表为{_fmt(cell)}件。",
                     f"The text gives {_fmt(stated.value)} {en} (“{stated.evidence.text}”), the table {_fmt(cell)}.",
                     evidence)
            break
    rl = ctx.report.tables.review_litigation
    if rl:
        open_cases = sum((ctx.cell("review_litigation", g, c) or 0)
                         for g in ("review", "litigation_direct", "litigation_after_review")
                         for c in ("pending", "corrected", "other"))
        m = _ALL_UPHELD.search(ctx.text) if open_cases else None
        if m and not ctx.in_table(ctx.evidence(m.start(), m.end())):
            evidence = [ctx.evidence(m.start(), m.end())] + ([span["review_litigation"]]
                                                              if "review_litigation" in span else [])
            ctx.emit("narrative-table-mismatch",
                     f"正文称“{m.group(0)}”, 但表四有{_fmt(open_cases)}件纠正、其他结果或尚未审结。",
                     f"The text says “{m.group(0)}” (all upheld) but table 四 shows {_fmt(open_cases)} cases "
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


# --- counts that cannot all be true ------------------------------------------------------------

_CARRIED_OVER = regex.compile(r"(?:上年度?|上一年度?|去年)结转(?:[^。;,\d]{0,12}?)(?P<n>\d+)(?:件|条)")
_OUTCOMES = ("requests_granted", "requests_partially_granted", "requests_denied")
_OUTCOME_ZH = {"requests_granted": "予以公开", "requests_partially_granted": "部分公开", "requests_denied": "不予公开"}


def _figure(ctx: CheckContext, name: str) -> Stated | None:
    """The report's figure for ``name`` outside table 三/四 (whose identities table recovery checks)."""
    for stated in ctx.statements(name):
        if stated.source != "table" and not ctx.in_table(stated.evidence) and not (
                name in ("review_total", "litigation_total") and stated.value == 0
                and ctx.about_outcome(stated.evidence)):
            return stated
    return None


def _carried_over(ctx: CheckContext) -> Stated | None:
    stated = _figure(ctx, "requests_carried_over")
    if stated is not None:
        return stated
    start, end = ctx.body_span
    m = _CARRIED_OVER.search(ctx.text, start, end)
    return Stated(int(m["n"]), ctx.evidence(m.start(), m.end()), "prose") if m else None


def count_arithmetic(ctx: CheckContext) -> None:
    """Figures outside the standard table that cannot all hold: more requests answered than received
    plus carried over; more granted, partly granted and refused than answered."""
    if ctx.cell("requests", "new_received") is not None:
        return  # table 三 is printed: its identities are checked as such
    received, completed = _figure(ctx, "requests_received"), _figure(ctx, "requests_completed")
    carried = _carried_over(ctx)
    if received is not None and completed is not None and carried is not None \
            and completed.value > received.value + carried.value:
        ctx.emit("count-arithmetic",
                 f"办结(答复){_fmt(completed.value)}件多于收到{_fmt(received.value)}件与上年结转{_fmt(carried.value)}件"
                 f"之和(“{completed.evidence.text}”)。",
                 f"{_fmt(completed.value)} requests answered, more than {_fmt(received.value)} received plus "
                 f"{_fmt(carried.value)} carried over.",
                 [received.evidence, carried.evidence, completed.evidence])
    outcomes = [(n, f) for n in _OUTCOMES if (f := _figure(ctx, n)) is not None]
    if completed is not None and len(outcomes) >= 2:
        total = sum(f.value for _, f in outcomes)
        if total > completed.value:
            parts = "、".join(f"{_OUTCOME_ZH[n]}{_fmt(f.value)}件" for n, f in outcomes)
            ctx.emit("count-arithmetic",
                     f"{parts}之和{_fmt(total)}件多于办结(答复)总数{_fmt(completed.value)}件。",
                     f"Granted, partly granted and refused add up to {_fmt(total)}, more than the "
                     f"{_fmt(completed.value)} answered.",
                     [completed.evidence] + [f.evidence for _, f in outcomes])


_ZERO_RECEIVED = [regex.compile(p) for p in REQ_RECEIVED_ZERO]
_COUNTS = ("proactive_total", "requests_received", "requests_completed", "requests_granted",
           "requests_partially_granted", "requests_denied", "review_total", "litigation_total")


def implausible_counts(ctx: CheckContext) -> None:
    """A request count orders of magnitude above every other count while the report says none came."""
    start, end = ctx.body_span
    zero = next((m for p in _ZERO_RECEIVED for m in p.finditer(ctx.text, start, end)
                 if not ctx.in_table(ctx.evidence(m.start(), m.end()))), None)
    zero_ev = ctx.evidence(zero.start(), zero.end()) if zero else None
    if zero_ev is None:
        zero_cell = ctx.cell("requests", "new_received")
        if zero_cell != 0:
            return
        zero_ev = ctx.report.tables.spans.get("requests")
    candidates = list(ctx.statements("requests_received"))
    cell = ctx.cell("requests", "new_received")
    if cell:
        span = ctx.report.tables.spans.get("requests")
        if span is not None:
            candidates.append(Stated(cell, span, "table"))
    others = [s.value for n in _COUNTS if n != "requests_received" for s in ctx.statements(n)]
    for stated in candidates:
        if stated.value >= 1000 and stated.value >= 100 * max([1, *others]):
            ctx.emit("implausible-count",
                     f"收到申请数{_fmt(stated.value)}件比报告中其他数字大几个数量级, 而报告又称"
                     f"“{zero_ev.text[:40] if zero_ev else '未收到申请'}”; 疑为录入或识读错误。",
                     f"{_fmt(stated.value)} requests received, orders of magnitude above every other count, "
                     "while the report says none were received; probably a typing or reading error.",
                     [stated.evidence] + ([zero_ev] if zero_ev else []))
            return


# --- the report's own pre-2019 statistics table ----------------------------------------------------

_CUMULATIVE = regex.compile(r"历年累计|累计")
_LOCAL_ZH = {"proactive_total": "主动公开信息", "requests_received": "受理申请", "requests_completed": "答复申请",
             "requests_granted": "同意公开", "requests_partially_granted": "同意部分公开", "requests_denied": "不予公开",
             "review_total": "行政复议", "litigation_total": "行政诉讼"}


def local_table_rows(ctx: CheckContext) -> dict[str, tuple[set[int], set[int], object]]:
    """A pre-2019 statistics table: fact name -> (possible year values, cumulative values, evidence).

    Figures printed apart (``条 21 21``) are read as printed; a run (``条2121``) gives every
    (year, cumulative) split when the table has a cumulative column, else the run itself.
    """
    start = ctx.local_table_start
    if start is None:
        return {}
    text = ctx.text
    two_columns = bool(_CUMULATIVE.search(text, start, start + 60))
    out = {}
    for name, label in LOCAL_ROWS:
        m = regex.compile(rf"(?<![、和])(?:\d[.、])?\s*(?:{label})\s*(?:条|件|个|项)?\s*(?P<a>\d{{1,16}})"
                          rf"(?:[ \t]+(?P<b>\d{{1,16}})(?![.、\d]))?").search(text, start)
        if not m:
            continue
        a = m["a"]
        if len(a) > 1 and text[m.end("a") : m.end("a") + 1] in ("、", "."):
            a = a[:-1]  # the last digit numbers the next row (…条002、同意部分…)
        if m["b"] is not None or not two_columns or len(a) == 1:
            values, cumulative = {int(a)}, {int(m["b"])} if m["b"] else set()
        else:
            values, cumulative = {y for y, _ in splits(a)}, {c for _, c in splits(a)}
        if values:
            out[name] = (values, cumulative, ctx.evidence(m.start(), m.end()))
    return out


def local_table_vs_prose(ctx: CheckContext) -> None:
    """The narrative's figures against the report's own pre-2019 statistics table."""
    for name, (values, cumulative, evidence) in local_table_rows(ctx).items():
        for stated in ctx.prose(name):
            # the prose may restate the running total (累计主动公开805条) as well as the year's figure
            if ctx.in_local_table(stated.evidence) or stated.value in values | cumulative:
                continue
            shown = "或".join(_fmt(v) for v in sorted(values))
            ctx.emit("narrative-table-mismatch",
                     f"正文称{_LOCAL_ZH.get(name, name)}{_fmt(stated.value)}件(“{stated.evidence.text}”), "
                     f"所附统计表为{shown}(“{evidence.text[:40]}”)。",
                     f"The text gives {_fmt(stated.value)} ({name}), the annexed statistics table {shown}.",
                     [stated.evidence, evidence])
            break
