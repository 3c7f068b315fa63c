"""Lay numbers into tables 二/三/四 and render them the ways real reports arrive.

Used by the property tests and by ``tests/make_tables_corpus.py`` (which wrote
``corpus/tables_*``). Labels are written as the formats print them: full-width
brackets, curly quotes; the parser sees them normalized.
"""

from __future__ import annotations

import html as htmllib
import random
from dataclasses import dataclass, field

COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("maintained", "corrected", "other", "pending", "total")

# (key or None for a group header, label as printed, group path for html rowspans)
_HEAD = [
    ("new_received", "一、本年新收政府信息公开申请数量", ()),
    ("carried_over", "二、上年结转政府信息公开申请数量", ()),
    ("granted", "（一）予以公开", ("三、本年度办理结果",)),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ("三、本年度办理结果",)),
]
_DENIED = [
    ("denied_state_secret", "1.属于国家秘密"), ("denied_law_forbidden", "2.其他法律行政法规禁止公开"),
    ("denied_safety_stability", "3.危及“三安全一稳定”"), ("denied_third_party", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "5.属于三类内部事务信息"), ("denied_process_info", "6.属于四类过程性信息"),
    ("denied_enforcement_file", "7.属于行政执法案卷"), ("denied_admin_query", "8.属于行政查询事项"),
]
_UNABLE = [
    ("unable_not_held", "1.本机关不掌握相关政府信息"), ("unable_needs_creation", "2.没有现成信息需要另行制作"),
    ("unable_unclear", "3.补正后申请内容仍不明确"),
]
_NOT_PROCESSED = [
    ("not_processed_complaint", "1.信访举报投诉类申请"), ("not_processed_repeat", "2.重复申请"),
    ("not_processed_publication", "3.要求提供公开出版物"), ("not_processed_excessive", "4.无正当理由大量反复申请"),
    ("not_processed_confirm", "5.要求行政机关确认或重新出具已获取信息"),
]
_OTHER_2021 = [
    ("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_reasons", "3.其他"),
]


def request_layout(era: str) -> list[tuple[str | None, str, tuple[str, ...]]]:
    """Printed rows of table 三: (key or None for a group header, label, enclosing groups)."""
    g3 = "三、本年度办理结果"
    rows: list[tuple[str | None, str, tuple[str, ...]]] = list(_HEAD)
    for group, items in (("（三）不予公开", _DENIED), ("（四）无法提供", _UNABLE), ("（五）不予处理", _NOT_PROCESSED)):
        rows += [(k, label, (g3, group)) for k, label in items]
    if era == "fmt2019":
        rows.append(("other", "（六）其他处理", (g3,)))
    else:
        rows += [(k, label, (g3, "（六）其他处理")) for k, label in _OTHER_2021]
    rows.append(("total_processed", "（七）总计", (g3,)))
    rows.append(("carried_forward", "四、结转下年度继续办理", ()))
    return rows


def data_keys(era: str) -> list[str]:
    return [k for k, _l, _g in request_layout(era) if k]


OUTCOMES = {era: data_keys(era)[2:-2] for era in ("fmt2019", "fmt2021")}

PROACTIVE = {
    "fmt2019": [
        ("第二十条第（一）项", ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
         [("regulations", "规章"), ("normative_documents", "规范性文件")], ("made", "published", "total")),
        ("第二十条第（五）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"),
         [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")], ("previous", "change", "decisions")),
        ("第二十条第（六）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"),
         [("punishment", "行政处罚"), ("coercion", "行政强制")], ("previous", "change", "decisions")),
        ("第二十条第（八）项", ("信息内容", "上一年项目数量", "本年增/减"),
         [("fees", "行政事业性收费")], ("previous", "change")),
        ("第二十条第（九）项", ("信息内容", "采购项目数量", "采购总金额"),
         [("procurement", "政府集中采购")], ("count", "amount")),
    ],
    "fmt2021": [
        ("第二十条第（一）项", ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
         [("regulations", "规章"), ("normative_documents", "行政规范性文件")], ("issued", "repealed", "in_force")),
        ("第二十条第（五）项", ("信息内容", "本年处理决定数量"), [("licensing", "行政许可")], ("decisions",)),
        ("第二十条第（六）项", ("信息内容", "本年处理决定数量"),
         [("punishment", "行政处罚"), ("coercion", "行政强制")], ("decisions",)),
        ("第二十条第（八）项", ("信息内容", "本年收费金额（单位：万元）"), [("fees", "行政事业性收费")], ("amount",)),
    ],
}


@dataclass
class TableData:
    era: str
    requests: dict[str, list] = field(default_factory=dict)  # key -> 7 cells (printed text or int)
    review: list = field(default_factory=list)  # 15 cells
    proactive: dict[str, list] = field(default_factory=dict)  # key -> cells as printed (str or int)
    subtotal: bool = False
    layout: str | None = None  # the rows of table 三 as printed, when not the era's own

    @property
    def rows_era(self) -> str:
        return self.layout or self.era

    def requests_gold(self) -> dict:
        out = {k: dict(zip(COLUMNS, (_value(c) for c in v), strict=True)) for k, v in self.requests.items()}
        if self.era == "fmt2021" and self.rows_era == "fmt2019":
            # （六）其他处理 printed as one row: it holds the value, the sub-rows stay null.
            for k, _ in _OTHER_2021:
                out[k] = dict.fromkeys(COLUMNS)
            out = {k: out[k] for k in data_keys("fmt2021")[:-5] + ["other"] + data_keys("fmt2021")[-5:]}
        elif self.era == "fmt2021":
            subs = [out[k] for k, _ in _OTHER_2021]
            out["other"] = {c: (None if any(s[c] is None for s in subs) else sum(s[c] for s in subs))
                            for c in COLUMNS}
        return out

    def review_gold(self) -> dict:
        return {g: dict(zip(REVIEW_COLUMNS, (_value(c) for c in self.review[5 * i: 5 * i + 5]), strict=True))
                for i, g in enumerate(REVIEW_GROUPS)}

    def proactive_gold(self) -> dict:
        out = {}
        for _block, _head, rows, cols in PROACTIVE[self.era]:
            for key, _label in rows:
                out[key] = dict(zip(cols, (_value(c) for c in self.proactive[key]), strict=True))
        return out


def _value(cell):
    if isinstance(cell, (int, float)):
        return cell
    from reportparse.tables.cells import cell_value

    return cell_value(str(cell))


def random_data(rng: random.Random, era: str, scale: int = 30, busy: float = 0.5) -> TableData:
    """Numbers that satisfy every identity of DOMAIN.md §4 (``busy``: share of outcome rows used)."""
    keys = data_keys(era)
    outcomes = OUTCOMES[era]
    req: dict[str, list] = {}

    def row(weights: list[int]) -> list[int]:
        return weights + [sum(weights)]

    def draw(big: int) -> list[int]:
        return [rng.randint(0, big)] + [rng.choice([0, 0, 0, rng.randint(0, max(1, big // 5))]) for _ in range(5)]

    for k in outcomes:
        req[k] = row(draw(rng.choice([2, scale])) if rng.random() < busy else [0] * 6)
    total = [sum(req[k][c] for k in outcomes) for c in range(6)]
    carried_forward = [rng.randint(0, 3) if rng.random() < 0.3 else 0 for _ in range(6)]
    carried_over = [min(rng.randint(0, 3), total[c] + carried_forward[c]) if rng.random() < 0.3 else 0
                    for c in range(6)]
    new = [total[c] + carried_forward[c] - carried_over[c] for c in range(6)]
    req["new_received"] = row(new)
    req["carried_over"] = row(carried_over)
    req["total_processed"] = row(total)
    req["carried_forward"] = row(carried_forward)
    req = {k: req[k] for k in keys}
    review = []
    for _ in REVIEW_GROUPS:
        parts = [rng.choice([0, 0, rng.randint(0, 12)]) for _ in range(4)]
        review += parts + [sum(parts)]
    pro: dict[str, list] = {}
    for _block, _head, rows, cols in PROACTIVE[era]:
        for key, _label in rows:
            cells = []
            for col in cols:
                if col == "change":
                    cells.append(rng.randint(-20, 20))
                elif col == "amount":
                    cells.append(round(rng.uniform(0, 900), 4))
                elif key == "regulations":
                    cells.append(rng.choice([0, 0, 0, rng.randint(0, 4)]))
                elif key == "normative_documents":
                    cells.append(rng.randint(0, 60))
                else:
                    cells.append(rng.randint(0, 400))
            pro[key] = cells
    return TableData(era=era, requests=req, review=review, proactive=pro)


# --- renderings --------------------------------------------------------------

def _txt(cell) -> str:
    if isinstance(cell, float):
        return f"{cell:.4f}".rstrip("0").rstrip(".") if cell != int(cell) else str(int(cell))
    if isinstance(cell, int):
        return f"+{cell}" if False else str(cell)
    return str(cell)


def _cells(data: TableData, key: str) -> list[str]:
    cells = [_txt(c) for c in data.requests[key]]
    if data.subtotal:
        nums = data.requests[key]
        orgs = nums[1:6]
        sub = sum(orgs) if all(isinstance(x, int) for x in orgs) else ""
        cells = cells[:6] + [str(sub)] + cells[6:]
    return cells


def _header_cols(data: TableData) -> list[str]:
    cols = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    if data.subtotal:
        cols.append("小计")
    return cols + ["总计"]


REVIEW_HEADER = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]
REVIEW_SUB = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REQUEST_TITLE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def render_pipe(data: TableData) -> tuple[str, str, str]:
    """Markdown pipe tables: one label column, group headers as rows of their own."""
    t2 = []
    for block, head, rows, _cols in PROACTIVE[data.era]:
        t2.append(block)
        t2.append("| " + " | ".join(head) + " |")
        t2.append("|" + "---|" * len(head))
        for key, label in rows:
            t2.append("| " + " | ".join([label] + [_txt(c) for c in data.proactive[key]]) + " |")
        t2.append("")
    cols = _header_cols(data)
    t3 = ["| 申请人情况 | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 1)]
    seen: set[str] = set()
    for key, label, groups in request_layout(data.rows_era):
        for g in groups:
            if g not in seen:
                seen.add(g)
                if g.startswith("（六）") or g.startswith("（三）") or g.startswith("（四）") or g.startswith("（五）") \
                        or g.startswith("三、"):
                    t3.append("| " + g + " |" + " |" * len(cols))
        t3.append("| " + " | ".join([label] + _cells(data, key)) + " |")
    t4 = ["| " + " | ".join(REVIEW_HEADER) + " |", "|" + "---|" * 15,
          "| " + " | ".join(REVIEW_SUB * 3) + " |", "| " + " | ".join(_txt(c) for c in data.review) + " |"]
    return "\n".join(t2), "\n".join(t3), "\n".join(t4)


def render_html_pipes(data: TableData) -> tuple[str, str, str]:
    """What the html/Word loaders give: pipe rows, row- and col-spanned cells repeated as empty cells."""
    t2, _t3, t4 = render_pipe(data)
    cols = _header_cols(data)
    t3 = ["| " + REQUEST_TITLE + " | | | 申请人情况 |" + " |" * (len(cols) - 1),
          "| | | | 自然人 | 法人或其他组织 |" + " |" * (len(cols) - 3) + " 总计 |",
          "| | | | | " + " | ".join(cols[1:-1]) + " | |"]
    last: tuple[str, ...] = ()
    for key, label, groups in request_layout(data.rows_era):
        cells = []
        for depth in range(2):
            g = groups[depth] if depth < len(groups) else ""
            cells.append("" if depth < len(last) and last[depth] == g and g else g)
        if not groups:
            cells = [label, "", ""]
        elif len(groups) == 1:
            cells = [cells[0], label, ""]
        else:
            cells = cells + [label]
        last = groups
        t3.append("| " + " | ".join(cells + _cells(data, key)) + " |")
    return t2, "\n".join(t3), t4


def render_html(data: TableData) -> tuple[str, str]:
    """Table 三 and 四 as html with rowspan and colspan (for the html loader, when it exists)."""
    e = htmllib.escape
    rows = []
    cols = _header_cols(data)
    rows.append(f'<tr><td colspan="3" rowspan="3">{e(REQUEST_TITLE)}</td>'
                f'<td colspan="{len(cols)}">申请人情况</td></tr>')
    rows.append(f'<tr><td rowspan="2">自然人</td><td colspan="{len(cols) - 2}">法人或其他组织</td>'
                f'<td rowspan="2">总计</td></tr>')
    rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cols[1:-1]) + "</tr>")
    layout = request_layout(data.rows_era)
    spans: dict[str, int] = {}
    for _k, _l, groups in layout:
        for g in groups:
            spans[g] = spans.get(g, 0) + 1
    opened: set[str] = set()
    for key, label, groups in layout:
        tds = []
        if not groups:
            tds.append(f'<td colspan="3">{e(label)}</td>')
        else:
            for g in groups:
                if g not in opened:
                    opened.add(g)
                    tds.append(f'<td rowspan="{spans[g]}">{e(g)}</td>')
            tds.append(f'<td colspan="{3 - len(groups)}">{e(label)}</td>')
        tds += [f"<td>{c}</td>" for c in _cells(data, key)]
        rows.append("<tr>" + "".join(tds) + "</tr>")
    t3 = "<table>" + "".join(rows) + "</table>"
    head = ('<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>'
            '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
    sub = "<tr>" + "".join(f"<td>{s}</td>" for s in REVIEW_SUB * 3) + "</tr>"
    vals = "<tr>" + "".join(f"<td>{_txt(c)}</td>" for c in data.review) + "</tr>"
    t4 = "<table>" + head + sub + vals + "</table>"
    return t3, t4


def _sep_rows(data: TableData, sep: str, groups_alone: bool = True) -> tuple[str, str, str]:
    t2 = []
    for block, head, rows, _cols in PROACTIVE[data.era]:
        t2.append(block)
        t2.append(sep.join(head))
        for key, label in rows:
            t2.append(sep.join([label] + [_txt(c) for c in data.proactive[key]]))
    cols = _header_cols(data)
    t3 = [REQUEST_TITLE, sep.join(["申请人情况"] + cols)]
    seen: set[str] = set()
    for key, label, groups in request_layout(data.rows_era):
        for g in groups:
            if g not in seen:
                seen.add(g)
                t3.append(g)
        t3.append(sep.join([label] + _cells(data, key)))
    t4 = [sep.join(REVIEW_HEADER), sep.join(REVIEW_SUB * 3), sep.join(_txt(c) for c in data.review)]
    return "\n".join(t2), "\n".join(t3), "\n".join(t4)


def render_tabs(data: TableData) -> tuple[str, str, str]:
    return _sep_rows(data, "\t")


def render_spaces(data: TableData) -> tuple[str, str, str]:
    """Space-aligned columns (as text copied from a pdf viewer)."""
    return _sep_rows(data, "    ")


def _wrap(label: str, width: int) -> list[str]:
    return [label[i: i + width] for i in range(0, len(label), width)]


def render_lines(data: TableData, width: int = 9, page_break_after: str | None = "denied_admin_query",
                 footer: str = "— 4 —") -> tuple[str, str, str]:
    """Flattened text: one cell per line, long labels wrapped, a page footer and repeated header inside."""
    t2 = []
    for block, head, rows, _cols in PROACTIVE[data.era]:
        t2.append(block)
        t2 += [h for h in head]
        for key, label in rows:
            t2 += _wrap(label, width)
            t2 += [_txt(c) for c in data.proactive[key]]
    cols = _header_cols(data)
    header = _wrap(REQUEST_TITLE, 14) + ["申请人情况", "自然人", "法人或其他组织"] + \
        [p for c in cols[1:] for p in _wrap(c, 3)]
    t3 = list(header)
    seen: set[str] = set()
    for key, label, groups in request_layout(data.rows_era):
        for g in groups:
            if g not in seen:
                seen.add(g)
                t3 += _wrap(g, 3)
        t3 += _wrap(label, width)
        t3 += _cells(data, key)
        if key == page_break_after:
            t3 += ["", footer, ""] + header
    t4 = REVIEW_HEADER + [p for s in REVIEW_SUB * 3 for p in _wrap(s, 2)] + [_txt(c) for c in data.review]
    return "\n".join(t2), "\n".join(t3), "\n".join(t4)


def render_run_together(data: TableData) -> tuple[str, str, str]:
    """Markup stripped: labels and cells on one line, no separator at all."""
    t2 = ""
    for block, head, rows, _cols in PROACTIVE[data.era]:
        t2 += block + "".join(head)
        for key, label in rows:
            t2 += label + "".join(_txt(c) for c in data.proactive[key])
    cols = _header_cols(data)
    t3 = REQUEST_TITLE + "申请人情况自然人法人或其他组织总计" + "".join(cols[1:-1])
    seen: set[str] = set()
    for key, label, groups in request_layout(data.rows_era):
        for g in groups:
            if g not in seen:
                seen.add(g)
                t3 += g
        t3 += label + "".join(_cells(data, key))
    t4 = "行政复议行政诉讼" + "".join(REVIEW_SUB) + "未经复议直接起诉复议后起诉" + "".join(REVIEW_SUB * 2) + \
        "".join(_txt(c) for c in data.review)
    return t2, t3, t4


# --- tables as real reports print them ---------------------------------------

# Labels as misprinted in real reports: typos, dropped characters, stray spaces, half-width
# brackets, a missing number, a split header. Those marked * are no variant the vocabulary
# lists: the parser must find their rows between the rows around them.
MISPRINTS = [
    ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
    ("7.属于行政执法案卷", "7.属于行政执法案件"),
    ("4.保护第三方合法权益", "4.保护第三方合法权易"),  # *
    ("6.属于四类过程性信息", "6.属于四类过程信息"),  # *
    ("2.没有现成信息需要另行制作", "2.没有现成信息需另行制作"),  # *
    ("（三）不予公开", "（三）不 予 公 开"),
    ("（一）予以公开", "(一)予以公开"),
    ("3.补正后申请内容仍不明确", "补正后申请内容仍不明确"),
    ("1.信访举报投诉类申请", "1、信访举报投诉类申请"),
    ("申请人情况", "申请人\n情况"),
    ("（六）其他处理", "（六）其它处理"),
]
REVIEW_MISPRINTS = [("行政复议", "行政法复议")]


def misprinted(render):
    """``render`` with the labels of :data:`MISPRINTS` as real reports misprint them."""

    def out(data: TableData) -> tuple[str, str, str]:
        t2, t3, t4 = render(data)
        for right, wrong in MISPRINTS:
            t3 = t3.replace(right, wrong)
        for right, wrong in REVIEW_MISPRINTS:
            t4 = t4.replace(right, wrong, 1)
        return t2, t3, t4

    return out


def drop_column(render, col: int):
    """``render`` (tab-separated rows) with applicant column ``col`` left out of the header and
    of every row, as some reports print table 三; the gold of that column is null."""
    name = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"][col]

    def out(data: TableData) -> tuple[str, str, str]:
        t2, t3, t4 = render(data)
        lines = []
        for line in t3.split("\n"):
            parts = line.split("\t")
            if "申请人情况" in line:
                parts.remove(name)
            elif len(parts) == 8:  # a label and its seven cells
                del parts[1 + col]
            lines.append("\t".join(parts))
        return t2, "\n".join(lines), t4

    return out


def with_one_row_other(data: TableData) -> TableData:
    """A 2021 table whose （六）其他处理 is printed as one row, without its three sub-rows."""
    req = data.requests
    other = [sum(req[k][c] for k, _ in _OTHER_2021) for c in range(7)]
    rows = {k: (other if k == "other" else req[k]) for k in data_keys("fmt2019")}
    return TableData(era=data.era, requests=rows, review=data.review, proactive=data.proactive,
                     subtotal=data.subtotal, layout="fmt2019")


def render_pdf_text(data: TableData, width: int = 12) -> tuple[str, str, str]:
    """Text copied from a pdf: space-aligned, long labels wrapped around their row's cells
    (the cells follow the label's first line, the rest of the label is on the next line)."""
    t2, _t3, t4 = render_spaces(data)
    cols = _header_cols(data)
    t3 = [REQUEST_TITLE[:16], REQUEST_TITLE[16:], "申请人情况  自然人  " + "  ".join(c[:2] for c in cols[1:]),
          "                          " + "  ".join(c[2:] for c in cols[1:-1])]
    seen: set[str] = set()
    for key, label, groups in request_layout(data.rows_era):
        for g in groups:
            if g not in seen:
                seen.add(g)
                t3.append(g)
        head, tail = label[:width], label[width:]
        t3.append(head + "    " + "   ".join(_cells(data, key)))
        if tail:
            t3.append(tail)
    return t2, "\n".join(t3), t4


def render_review_subtables(data: TableData, style: str = "headings") -> str:
    """Table 四 as markdown sub-tables: ``headings`` (### 行政复议 / ### 行政诉讼) or
    ``two_tables`` (行政复议, then 未经复议直接起诉 and 复议后起诉, each with its own header rows)."""
    v = [_txt(c) for c in data.review]

    def table(cells: list[str], groups: list[str] | None = None) -> list[str]:
        head = []
        if groups:
            head.append("| " + " | ".join(g + " |" * 4 for g in groups) + " |")
        n = len(cells)
        head += ["| " + " | ".join(REVIEW_SUB * (n // 5)) + " |", "|" + "---|" * n]
        return head + ["| " + " | ".join(cells) + " |"]

    if style == "headings":
        lines = ["### 行政复议", *table(v[:5]), "", "### 行政诉讼", *table(v[5:], ["未经复议直接起诉", "复议后起诉"])]
    else:
        lines = ["| 行政复议 |" + " |" * 4, *table(v[:5]), "", "| 行政诉讼 |" + " |" * 4,
                 "未经复议直接起诉", *table(v[5:10]), "", "复议后起诉", *table(v[10:])]
    return "\n".join(lines)


def wrap_number(data: TableData, key: str, col: int, sep: str) -> None:
    """Print cell ``col`` of row ``key`` wrapped inside its cell (``12`` as ``1`` / ``2``):
    ``sep`` is what the wrap left between the parts (a space in a pipe cell, a line break when
    cells are one per line). Take the gold first: the printed cell is no longer a number."""
    value = str(data.requests[key][col])
    assert len(value) >= 2, (key, col, value)
    data.requests[key][col] = value[0] + sep + value[1:]


RENDERERS = {
    "pipe": render_pipe, "html_pipes": render_html_pipes, "tabs": render_tabs, "spaces": render_spaces,
    "lines": render_lines, "run_together": render_run_together, "pdf_text": render_pdf_text,
}


def report(organ: str, year: int, tables: tuple[str, str, str], *, received_prose: int | None = None,
           review_prose: tuple[int, int] | None = None, published: str = "", one_line: bool = False,
           overview: str = "") -> str:
    """A whole report around the rendered tables."""
    t2, t3, t4 = tables
    parts = [
        f"{organ}{year}年政府信息公开工作年度报告",
        f"本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。",
        "一、总体情况",
        f"{year}年，{organ}坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。" + overview
        + (f"全年共收到政府信息公开申请{received_prose}件，均在法定期限内答复。" if received_prose is not None else "")
        + (f"因政府信息公开工作被申请行政复议{review_prose[0]}件，提起行政诉讼{review_prose[1]}件。"
           if review_prose else ""),
        "二、主动公开政府信息情况", t2,
        "三、收到和处理政府信息公开申请情况", t3,
        "四、政府信息公开行政复议、行政诉讼情况", t4,
        "五、存在的主要问题及改进情况",
        "一是信息公开的及时性有待提高；二是政策解读形式较为单一。下一步将加强培训，完善制度。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        organ,
        published,
    ]
    sep = "" if one_line else "\n"
    return sep.join(p for p in parts if p) + "\n"


def html_to_pipes(markup: str) -> str:
    """The loaders' contract for html/Word tables: one pipe row per physical row,
    row- and col-spanned cells repeated as empty cells."""
    from html.parser import HTMLParser

    class Grid(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tables: list[list[list[str]]] = []
            self.carry: dict[int, int] = {}
            self.cell: list[str] | None = None
            self.row: list[str] = []
            self.span = (1, 1)

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "table":
                self.tables.append([])
                self.carry = {}
            elif tag == "tr":
                self.row = []
            elif tag in ("td", "th"):
                self.cell = []
                self.span = (int(a.get("rowspan", 1)), int(a.get("colspan", 1)))

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self._skip_carried()
                rows, cols = self.span
                for i in range(cols):
                    col = len(self.row)
                    self.row.append("".join(self.cell).strip() if i == 0 else "")
                    if rows > 1:
                        self.carry[col] = rows - 1
                self.cell = None
            elif tag == "tr":
                self._skip_carried(final=True)
                self.tables[-1].append(self.row)

        def _skip_carried(self, final: bool = False):
            while self.carry.get(len(self.row), 0) > 0 or (
                    final and any(c >= len(self.row) and n > 0 for c, n in self.carry.items())):
                col = len(self.row)
                if self.carry.get(col, 0) > 0:
                    self.carry[col] -= 1
                self.row.append("")

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    grid = Grid()
    grid.feed(markup)
    out = []
    for table in grid.tables:
        out += ["| " + " | ".join(row) + " |" for row in table]
    return "\n".join(out)
