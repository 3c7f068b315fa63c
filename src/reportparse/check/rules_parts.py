"""Required parts for the report's era, and the format's tables."""

from __future__ import annotations

from .. import rx as regex
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


# A sub-section on the problems part's content under another part, however worded:
# (一)上年度问题的改进情况, (二)本年度存在的主要问题, (三)下一步工作打算.
_PROBLEMS_SUB = regex.compile(r"问题|不足|改进|整改|工作打算|下一步")
# Numbered headings anywhere in the text: run into a line (…特编制此报告:一、总体情况…) or listed
# in a web copy's table of contents (一、概述,(一)…,二、主动公开政府信息情况,…).
_ANY_HEADING = regex.compile(r"(?<![\d一二三四五六七八九十])[一二三四五六七八九十]{1,2}[、.,](?P<title>[^,。;:\n]{2,40})")
# Rows of a pre-2019 statistics table that report an item (行政复议数 | 件 | 0).
_LOCAL_ROWS = {
    "review_litigation": regex.compile(r"行政复议(?:案件)?数|行政诉讼(?:案件)?数"),
    "requests": regex.compile(r"受理依申请公开(?:信息)?(?:总数|申请数|数)|对申请的答复(?:总)?数"),
    "proactive": regex.compile(r"主动公开(?:政府)?(?:信息|文件)(?:总)?数"),
}


def _headed_in_text(ctx: CheckContext, kind: str) -> bool:
    kinds = ctx.memo.get("headed_kinds")
    if kinds is None:  # once per document, for every kind asked about
        kinds = ctx.memo["headed_kinds"] = frozenset(classify_title(m["title"])[0]
                                                     for m in _ANY_HEADING.finditer(ctx.text))
    return kind in kinds


def _sub_headings(ctx: CheckContext) -> tuple[frozenset, bool]:
    """The kinds the (一)(二)... sub-headings name, and whether one names problems or plans."""
    got = ctx.memo.get("sub_headings")
    if got is None:
        titles = [sub.title for section in ctx.report.outline.sections for sub in section.subsections
                  if sub.level == 1]
        got = ctx.memo["sub_headings"] = (frozenset(classify_title(t)[0] for t in titles),
                                          any(_PROBLEMS_SUB.search(t) for t in titles))
    return got


def _covered(ctx: CheckContext, kind: str) -> bool:
    report = ctx.report
    if ctx.has_part(kind):
        return True
    sub_kinds, problems_sub = _sub_headings(ctx)
    if kind in sub_kinds or kind == "problems" and problems_sub:
        return True
    if _headed_in_text(ctx, kind):
        return True
    local = ctx.local_table_start
    if local is not None and kind in _LOCAL_ROWS and _LOCAL_ROWS[kind].search(ctx.text, local):
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


def _doubt(ctx: CheckContext, kind: str, order: list[str]) -> tuple[str, str] | None:
    """Why a part not found may still be in the report (the reading is the parser's, not the report's)."""
    outline = ctx.report.outline
    found = [s.kind for s in outline.sections if s.kind in order]
    last = max((order.index(k) for k in found), default=-1)
    if outline.signature is None and ctx.report.published is None and order.index(kind) > last:
        return ("文本没有落款, 似不完整(该部分可能在截断处之后)",
                "the text has no signature and seems cut off (the part may follow the cut)")
    declared = outline.declared_parts
    # the annexed statistics table is often counted as the last part (…、统计表共五个部分)
    annex = 1 if ctx.local_table_start is not None or regex.search(
        r"(?:附件|附表|统计表)[^。]{0,10}(?:共|等)[^。]{0,4}部分", declared.evidence.text if declared else "") else 0
    if declared is not None and declared.value > len(outline.sections) + annex:
        return (f"导语称全文{declared.value}部分而只识别出{len(outline.sections)}部分(标题可能未被识别)",
                f"the preamble declares {declared.value} parts and only {len(outline.sections)} were recognised")
    return None


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
    order = [k for k, _, _ in items]
    for kind, zh_item, en_item in items:
        if _covered(ctx, kind):
            continue
        doubt = _doubt(ctx, kind, order)
        if doubt:
            ctx.emit("part-not-found", f"未找到{law}{zh_item}的内容, 但{doubt[0]}, 请核对原文。",
                     f"No part found for {law_en}' {en_item}, but {doubt[1]}; check the original.", basis=basis)
            continue
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
        if section is not None and not regex.search(r"[^\s\d.,:;()|/-]", ctx.text[slice(*ctx.body(section))]):
            # a heading with nothing under it: the table is most likely an image the text layer lacks
            ctx.emit("table-not-in-text", f"{zh}在文本中缺失: 该部分标题下没有内容, 表格可能是图片, 请核对原件。",
                     f"{en} is not in the text: nothing follows the part's heading (the table may be an image).",
                     evidence)
            continue
        state = "为空" if cells else "缺失"
        ctx.emit("missing-table", f"{zh}{state}: 格式要求以统一表格报告该部分数据。",
                 f"{en} is {'empty' if cells else 'missing'}; the format requires it.", evidence)
