"""Required parts for the report's era, and the format's tables."""

from __future__ import annotations

import regex

from ..segment import classify_title
from .codes import F19, F19_EN, F21, F21_EN, R08, R08_EN, R19, R19_EN
from .context import CheckContext

# The statutory items, per regime: (kind, zh item, en item). ``other`` is reported apart (info).
ITEMS_2008 = [
    ("proactive", "第三十二条第(一)项“主动公开政府信息的情况”", "art. 32 item 1 (proactive disclosure)"),
    ("requests", "第三十二条第(二)项“依申请公开政府信息和不予公开政府信息的情况”",
     "art. 32 item 2 (disclosure on request and refusals)"),
    ("fees", "第三十二条第(三)项“政府信息公开的收费及减免情况”", "art. 32 item 3 (fees and fee waivers)"),
    ("review_litigation", "第三十二条第(四)项“因政府信息公开申请行政复议、提起行政诉讼的情况”",
     "art. 32 item 4 (administrative review and litigation)"),
    ("problems", "第三十二条第(五)项“政府信息公开工作存在的主要问题及改进情况”",
     "art. 32 item 5 (main problems and improvements)"),
]
ITEMS_2019 = [
    ("overview", "格式第一部分“总体情况”", "the format's part 一 (overview)"),
    ("proactive", "第五十条第(一)项“主动公开政府信息情况”", "art. 50 item 1 (proactive disclosure)"),
    ("requests", "第五十条第(二)项“收到和处理政府信息公开申请情况”", "art. 50 item 2 (requests received and handled)"),
    ("review_litigation", "第五十条第(三)项“政府信息公开行政复议、行政诉讼情况”",
     "art. 50 item 3 (administrative review and litigation)"),
    ("problems", "第五十条第(四)项“存在的主要问题及改进情况”", "art. 50 item 4 (main problems and improvements)"),
]
OTHER_2008 = ("第三十二条第(六)项“其他需要报告的事项”", "art. 32 item 6 (other matters)")
OTHER_2019 = ("第五十条第(五)项“其他需要报告的事项”", "art. 50 item 5 (other matters)")

# A statement on fees anywhere covers art. 32 item 3 even without a part of its own.
_FEE_STATEMENT = regex.compile(r"收费|收取(?:任何)?(?:费用|工本费)|信息处理费|减免|免费|不收取|费用")


def regime(ctx: CheckContext) -> str | None:
    """``2008`` or ``2019``: the regulations the report year falls under."""
    year = ctx.report.year.value if ctx.report.year else None
    if year is not None:
        return "2008" if year <= 2018 else "2019"
    if ctx.report.format == "pre2019":
        return "2008"
    if ctx.report.format in ("fmt2019", "fmt2021"):
        return "2019"
    return None


def _covered(ctx: CheckContext, kind: str) -> bool:
    report = ctx.report
    if ctx.has_part(kind):
        return True
    for section in report.outline.sections:
        for sub in section.subsections:
            if sub.level == 1 and classify_title(sub.title)[0] == kind:
                return True
    facts = report.facts
    if kind == "fees":
        start, end = ctx.body_span
        return facts.processing_fee_yuan is not None or bool(_FEE_STATEMENT.search(ctx.text, start, end))
    if kind == "review_litigation":
        return facts.review_total is not None or facts.litigation_total is not None \
            or report.tables.review_litigation is not None
    if kind == "requests":
        return facts.requests_received is not None or report.tables.requests is not None
    if kind == "proactive":
        return facts.proactive_total is not None or report.tables.proactive is not None
    if kind == "problems":
        return bool(report.problems)
    return False


def required_parts(ctx: CheckContext) -> None:
    """Each statutory item of the regime has a part (or, for fees, at least a statement)."""
    era = regime(ctx)
    if era is None or not ctx.report.outline.sections:
        return
    items = ITEMS_2008 if era == "2008" else ITEMS_2019
    law = "2008年条例" if era == "2008" else "2019年条例"
    law_en = "the 2008 Regulations" if era == "2008" else "the 2019 Regulations"
    if era == "2008":
        basis = (f"{R08}第三十二条", f"{R08_EN} art. 32")
        other_basis = (f"{R08}第三十二条第(六)项", f"{R08_EN} art. 32 item 6")
    else:
        basis = (f"{R19}第五十条; {F19}、{F21}的六部分", f"{R19_EN} art. 50; the six parts of {F19_EN} and {F21_EN}")
        other_basis = (f"{R19}第五十条第(五)项", f"{R19_EN} art. 50 item 5")
    for kind, zh_item, en_item in items:
        if not _covered(ctx, kind):
            ctx.emit("missing-part", f"缺少{law}{zh_item}的内容。", f"No part covers {law_en}' {en_item}.",
                     basis=basis)
    if not _covered(ctx, "other"):
        zh_item, en_item = OTHER_2008 if era == "2008" else OTHER_2019
        ctx.emit("missing-other-part", f"没有{law}{zh_item}部分。", f"No part on {law_en}' {en_item}.",
                 basis=other_basis)


# Table labels that show a table is printed even when table recovery could not read it.
_TABLE_LABELS = {
    "proactive": regex.compile(r"第二十条第\(一\)项|本年制发件数|本年新制作数量"),
    "requests": regex.compile(r"本年新收政府信息公开申请|上年结转政府信息公开申请"),
    "review_litigation": regex.compile(r"结果维持[^。]{0,40}?结果纠正|未经复议直接起诉|复议后起诉"),
}
_TABLE_NAMES = {"proactive": ("表二(主动公开)", "table 二 (proactive disclosure)"),
                "requests": ("表三(收到和处理申请)", "table 三 (requests)"),
                "review_litigation": ("表四(行政复议、行政诉讼)", "table 四 (review and litigation)")}


def _table_cells(table) -> list:
    if not table:
        return []
    cells = []
    for row in table.values():
        for value in (row or {}).values():
            cells.append(value.get("value") if isinstance(value, dict) else value)
    return cells


def _printed_with_numbers(ctx: CheckContext, kind: str) -> bool:
    m = _TABLE_LABELS[kind].search(ctx.text)
    return bool(m) and bool(regex.search(r"\d", ctx.text[m.end() : m.end() + 1500]))


def format_tables(ctx: CheckContext) -> None:
    """A format-era report prints tables 二, 三 and 四 with numbers in them."""
    report = ctx.report
    if regime(ctx) != "2019" or report.format not in ("fmt2019", "fmt2021") and report.format is not None:
        return
    for kind, (zh, en) in _TABLE_NAMES.items():
        cells = _table_cells(getattr(report.tables, kind))
        if any(c is not None for c in cells) or _printed_with_numbers(ctx, kind):
            continue
        section = next((s for s in report.outline.sections if s.kind == kind), None)
        evidence = [section.heading] if section else []
        state = "为空" if cells else "缺失"
        ctx.emit("missing-table", f"{zh}{state}: 格式要求以统一表格报告该部分数据。",
                 f"{en} is {'empty' if cells else 'missing'}; the format requires it.", evidence)
