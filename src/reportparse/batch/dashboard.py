"""The county dashboard: ``index.html`` and one audit page per report.

Everything is inline (CSS, a few lines of script, SVG charts): the pages open
from a USB stick on an offline office PC. A report page shows the original
text with every extracted fact and finding marked at its evidence span;
hovering a mark shows the field and value, so a person can audit the parse.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .. import labels as words
from ..models import Report, Summary
from ..tables.summary import cell_value

# Summary columns shown on the dashboard, with their Chinese labels.
INDEX_COLUMNS: list[tuple[str, str]] = [
    ("year", "年度"),
    ("format", "格式"),
    ("proactive_total", "主动公开"),
    ("requests_received", "新收申请"),
    ("requests_granted", "予以公开"),
    ("requests_denied", "不予公开"),
    ("requests_completed", "办结"),
    ("review_total", "行政复议"),
    ("litigation_total", "行政诉讼"),
]

# The pages' own words (index and audit pages); --lang en gives the English column.
UI = {
    "zh": {"title": "政府信息公开工作年度报告汇总", "lead": "由 reportparse 生成；点击机关名称查看逐份核对页，点击表头排序。",
           "reports": "报告", "parsed": "解析成功", "failed": "解析失败", "received_sum": "新收申请合计",
           "proactive_sum": "主动公开合计", "findings": "发现问题", "chart_received": "各机关新收政府信息公开申请数",
           "chart_proactive": "各机关主动公开政府信息数", "organ": "机关", "found": "发现", "status": "状态",
           "file": "文件", "by_organ": "各机关报告", "problems": "全县最常报告的问题（关键词）", "keyword": "关键词",
           "report_count": "报告数", "totals": "全县合计", "item": "项目", "sum": "合计", "format": "年报格式",
           "copies": "份数", "finding": "问题", "count": "条数", "none": "无", "no_data": "无数据",
           "top": "（前 {limit} 名，共 {total}）",
           "unknown_organ": "机关不详", "report_title": "{organ} {year}年度报告", "no_year": "{organ}（年度不详）",
           "back": "← 返回汇总", "page_file": "文件", "page_container": "格式", "page_encoding": "编码",
           "chars": "{n} 字", "findings_h": "问题发现", "text_h": "原文核对", "summary_h": "汇总字段",
           "evidence_h": "全部证据（{n}）", "field": "字段", "value": "值", "where": "位置", "audit": "核对",
           "legend": ('标注：<mark>抽取的事实</mark> <mark class="table">表格</mark> '
                      '<mark class="section">章节标题</mark> <mark class="finding">问题发现</mark>'
                      "　鼠标悬停查看字段和值。")},
    "en": {"title": "Information-disclosure annual reports: county summary",
           "lead": "Made by reportparse; click an organ for its audit page, a column header to sort.",
           "reports": "reports", "parsed": "parsed", "failed": "failed", "received_sum": "new requests, total",
           "proactive_sum": "items disclosed, total", "findings": "findings",
           "chart_received": "New requests by organ", "chart_proactive": "Items disclosed by organ",
           "organ": "organ", "found": "findings", "status": "status", "file": "file", "by_organ": "Reports",
           "problems": "Problems most often reported (phrases)", "keyword": "phrase", "report_count": "reports",
           "totals": "County totals", "item": "item", "sum": "total", "format": "format", "copies": "reports",
           "finding": "finding", "count": "count", "none": "none", "no_data": "no data",
           "top": " (top {limit} of {total})",
           "unknown_organ": "organ unknown", "report_title": "{organ}, report for {year}",
           "no_year": "{organ} (year unknown)", "back": "← back to the summary", "page_file": "file",
           "page_container": "format", "page_encoding": "encoding", "chars": "{n} characters",
           "findings_h": "Findings", "text_h": "The text, marked", "summary_h": "Summary fields",
           "evidence_h": "All evidence ({n})", "field": "field", "value": "value", "where": "position",
           "audit": "audit",
           "legend": ('Marks: <mark>extracted fact</mark> <mark class="table">table</mark> '
                      '<mark class="section">section heading</mark> <mark class="finding">finding</mark>'
                      " Hover for the field and its value.")},
}
INDEX_COLUMNS_EN = {"year": "year", "format": "format", "proactive_total": "disclosed",
                    "requests_received": "new requests", "requests_granted": "granted", "requests_denied": "denied",
                    "requests_completed": "completed", "review_total": "reviews", "litigation_total": "lawsuits"}
STATUS_EN = {"failed": "failed", "error": "non-compliant", "warning": "warnings", "info": "notes",
             "ok": "no findings"}

STATUS = {
    "failed": ("解析失败", "#9e9e9e"),
    "error": ("不合规", "#d32f2f"),
    "warning": ("需注意", "#f9a825"),
    "info": ("有提示", "#1e88e5"),
    "ok": ("未发现问题", "#2e7d32"),
}

_CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:24px 0 8px}
.muted{color:#666;font-size:13px}
table{border-collapse:collapse;font-size:13px}
#reports{width:100%;table-layout:auto} #reports td.org{max-width:15em}
#reports td.path{max-width:14em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#reports td.st{max-width:16em} .why{font-size:12px;color:#b71c1c;margin-top:2px;overflow-wrap:anywhere}
#reports th{white-space:normal;min-width:2.5em}
.wrap{max-width:100%;overflow-x:auto}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f8;position:sticky;top:0;white-space:nowrap}
td{overflow-wrap:anywhere}
td.n{text-align:right;font-variant-numeric:tabular-nums}
th.sortable{cursor:pointer;user-select:none} th.sortable:hover{background:#e3e8f0}
th.asc::after{content:" ▲";font-size:10px} th.desc::after{content:" ▼";font-size:10px}
.status{display:inline-block;padding:1px 8px;border-radius:9px;color:#fff;font-size:12px;white-space:nowrap}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px}
.charts{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
pre.text{white-space:pre-wrap;font-family:inherit;font-size:14px;line-height:1.8;border:1px solid #ddd;
  padding:12px;background:#fcfcfc;max-width:60em}
mark{background:#fff3b0;border-bottom:2px solid #f0c000;padding:0;position:relative;color:inherit}
mark:hover{filter:brightness(0.92)}
mark[data-tip]:hover::after{content:attr(data-tip);position:absolute;left:0;top:1.7em;z-index:10;white-space:pre;
  background:#263238;color:#fff;font-size:12px;line-height:1.5;padding:4px 8px;border-radius:4px;
  box-shadow:0 2px 6px rgba(0,0,0,.3);pointer-events:none}
mark.table{background:#dcefff;border-bottom-color:#4a90d9}
mark.section{background:#e8f5e9;border-bottom-color:#66bb6a}
mark.finding{background:#ffd6d6;border-bottom-color:#d32f2f}
mark.multi{outline:1px dotted #888}
.legend mark{padding:0 6px}
a{color:#1a5fb4}
"""

_SORT_JS = """
document.querySelectorAll('table.sortable').forEach(function(table){
  table.querySelectorAll('th.sortable').forEach(function(th, col){
    th.addEventListener('click', function(){
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = th.dataset.dir !== 'asc'; th.dataset.dir = asc ? 'asc' : 'desc';
      table.querySelectorAll('th.sortable').forEach(function(h){ h.classList.remove('asc', 'desc'); });
      th.classList.add(asc ? 'asc' : 'desc');
      rows.sort(function(a, b){
        var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
        if (x === '' || y === '') { return (x === '') - (y === ''); }  // blanks last either way
        var nx = Number(x), ny = Number(y);
        var r = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh');
        return asc ? r : -r;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
});
"""


def status_of(record: dict) -> str:
    """Compliance status of a batch record: failed, else its worst finding (error, warning, info), else ok."""
    if not record.get("ok"):
        return "failed"
    severities = {f.get("severity") for f in record.get("findings", [])}
    if "error" in severities:
        return "error"
    if "warning" in severities:
        return "warning"
    if severities:
        return "info"
    return "ok"


def _page(title: str, body: str, script: str = "", lang: str = "zh") -> str:
    js = f"<script>{script}</script>" if script else ""
    html_lang = "en" if lang == "en" else "zh-CN"
    return (f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_CSS}</style></head>"
            f"<body>{body}{js}</body></html>\n")


def _fmt(value: Any) -> str:
    if value is None or value == []:
        return ""
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _badge(status: str, lang: str = "zh") -> str:
    label, colour = STATUS[status]
    if lang == "en":
        label = STATUS_EN[status]
    return f'<span class="status" style="background:{colour}">{label}</span>'


# ---------------------------------------------------------------- charts


def bar_chart(title: str, items: list[tuple[str, float]], limit: int = 40, lang: str = "zh") -> str:
    """A horizontal bar chart as inline SVG; the ``limit`` largest values, largest first."""
    items = sorted((item for item in items if item[1] is not None), key=lambda kv: (-kv[1], kv[0]))
    shown = items[:limit]
    ui = UI["en" if lang == "en" else "zh"]
    note = ui["top"].format(limit=limit, total=len(items)) if len(items) > limit else ""
    if not shown:
        return f'<div><h2>{escape(title)}</h2><p class="muted">{ui["no_data"]}</p></div>'
    row, label_w, bar_w = 18, 250, 250
    colon = "：" if lang != "en" else ": "
    top = max(v for _, v in shown) or 1
    height = row * len(shown) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" height="{height}" '
             f'role="img" aria-label="{escape(title)}" font-size="12">']
    for i, (label, value) in enumerate(shown):
        y = i * row + 4
        width = max(1.0, bar_w * value / top) if value else 0
        short = label if len(label) <= 20 else label[:19] + "…"  # the full label is in the bar's title
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{width:.1f}" height="{row - 5}" fill="#4a90d9">'
            f"<title>{escape(label)}{colon}{_fmt(value)}</title></rect>"
            f'<text x="{label_w + width + 4:.1f}" y="{y + 12}">{_fmt(value)}</text>'
        )
    parts.append("</svg>")
    return f'<div><h2>{escape(title)}{note}</h2>{"".join(parts)}</div>'


# ---------------------------------------------------------------- index


def chart_label(record: dict) -> str:
    """A report as a person names it: organ and year (``新开镇人民政府 2022``); without an organ,
    the file's own name, whole."""
    summary = record["summary"]
    organ = summary.get("organ") or short_path(record.get("file") or record["name"], 18)
    year = summary.get("year")
    return f"{organ} {year}" if year else organ


def short_path(path: str, limit: int = 28) -> str:
    """A long path shortened to its end (``…/乡镇/新开镇.txt``); the file name is kept whole."""
    if len(path) <= limit:
        return path
    parts = path.replace("\\", "/").split("/")
    tail = parts[-1]
    for part in reversed(parts[:-1]):
        if len(tail) + len(part) + 3 > limit:
            break
        tail = f"{part}/{tail}"
    return "…/" + tail if tail != path else tail


def index_page(records: list[dict], rollup: dict, lang: str = "zh") -> str:
    """The county overview: cards, charts and one sortable row per report (Chinese, or
    English with ``lang="en"``)."""
    lang = "en" if lang == "en" else "zh"
    ui = UI[lang]
    counts = {key: 0 for key in STATUS}
    for record in records:
        counts[status_of(record)] += 1
    cards = [(ui["reports"], len(records)), (ui["parsed"], rollup["parsed"]), (ui["failed"], rollup["failed"]),
             (ui["received_sum"], _fmt(rollup["totals"]["requests_received"]["sum"])),
             (ui["proactive_sum"], _fmt(rollup["totals"]["proactive_total"]["sum"])),
             (ui["findings"], sum(rollup["findings_by_code"].values()))]
    card_html = "".join(f'<div class="card"><span class="muted">{k}</span><b>{v}</b></div>' for k, v in cards)
    status_line = " ".join(f"{_badge(s, lang)} {counts[s]}" for s in STATUS)

    def label(record: dict) -> str:
        return chart_label(record)

    ok_records = [r for r in records if r.get("ok")]
    charts = (bar_chart(ui["chart_received"], [(label(r), r["summary"].get("requests_received"))
                                              for r in ok_records], lang=lang)
              + bar_chart(ui["chart_proactive"], [(label(r), r["summary"].get("proactive_total"))
                                                 for r in ok_records], lang=lang))

    columns = [(field, INDEX_COLUMNS_EN[field] if lang == "en" else lab) for field, lab in INDEX_COLUMNS]
    head = [ui["organ"], *[lab for _, lab in columns], ui["found"], ui["status"], ui["file"]]
    head_html = "".join(f'<th class="sortable">{escape(h)}</th>' for h in head)
    rows = []
    order = list(STATUS)
    for record in records:
        summary, status = record["summary"], status_of(record)
        organ = summary.get("organ") or ""
        # A report whose organ is unknown says so (its file is in the last column), never
        # shows the output's internal name (乡镇__016_report).
        link = (f'<a href="pages/{escape(record["name"])}.html">{escape(organ or ui["unknown_organ"])}</a>'
                if record.get("ok") else escape(organ or "—"))
        cells = [f'<td class="org" data-v="{escape(organ)}">{link}</td>']
        for field, _ in columns:
            value = words.value_words(field, summary.get(field), lang)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            cells.append(f'<td class="{"n" if numeric else ""}" data-v="{escape(_fmt(value))}">'
                         f"{escape(_fmt(value))}</td>")
        findings = record.get("findings", [])
        names = "；".join(dict.fromkeys(words.finding_name(f["code"], lang) for f in findings))
        cells.append(f'<td class="n" data-v="{len(findings)}" title="{escape(names)}">{len(findings)}</td>')
        why = f'<div class="why">{escape(record["error"])}</div>' if record.get("error") else ""
        cells.append(f'<td class="st" data-v="{order.index(status)}">{_badge(status, lang)}{why}</td>')
        cells.append(f'<td data-v="{escape(record["file"])}" class="muted path" title="{escape(record["file"])}">'
                     f'{escape(short_path(record["file"]))}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")

    sep = "、" if lang == "zh" else ", "
    problems = rollup.get("problems", [])[:20]
    problem_rows = "".join(
        f"<tr><td style='white-space:nowrap'>{escape(p['keyword'])}</td><td class='n'>{p['reports']}</td>"
        f"<td>{escape(sep.join(p['organs'][:12]))}{' …' if len(p['organs']) > 12 else ''}</td></tr>"
        for p in problems)
    problems_html = (f"<h2>{ui['problems']}</h2><table><thead><tr><th>{ui['keyword']}</th>"
                     f"<th>{ui['report_count']}</th><th>{ui['organ']}</th></tr></thead>"
                     f"<tbody>{problem_rows}</tbody></table>" if problems else "")

    total_rows = "".join(
        f"<tr><td>{escape(words.field(field, lang).replace('_', ' '))}</td>"
        f"<td class='n'>{escape(_fmt(t['sum']))}</td><td class='n'>{t['reports']}</td></tr>"
        for field, t in rollup["totals"].items())
    era_rows = "".join(f"<tr><td>{escape(words.format_name(era, lang) if era != 'unknown' else ('未识别' if lang == 'zh' else 'unknown'))}</td>"
                       f"<td class='n'>{n}</td></tr>" for era, n in rollup["formats"].items())
    code_rows = "".join(f"<tr><td title='{escape(code)}'>{escape(words.finding_name(code, lang))}</td>"
                        f"<td class='n'>{n}</td></tr>"
                        for code, n in rollup["findings_by_code"].items()) or \
        f"<tr><td colspan=2>{ui['none']}</td></tr>"
    rollup_html = (
        f'<h2>{ui["totals"]}</h2><div class="charts">'
        f"<table><thead><tr><th>{ui['item']}</th><th>{ui['sum']}</th><th>{ui['report_count']}</th></tr></thead>"
        f"<tbody>{total_rows}</tbody></table>"
        f"<table><thead><tr><th>{ui['format']}</th><th>{ui['copies']}</th></tr></thead><tbody>{era_rows}</tbody></table>"
        f"<table><thead><tr><th>{ui['finding']}</th><th>{ui['count']}</th></tr></thead>"
        f"<tbody>{code_rows}</tbody></table></div>")

    body = (f"<h1>{ui['title']}</h1>"
            f'<p class="muted">{ui["lead"]}</p>'
            f'<div class="cards">{card_html}</div><p>{status_line}</p>'
            f'<div class="charts">{charts}</div>'
            f'<h2>{ui["by_organ"]}</h2><table class="sortable" id="reports"><thead><tr>{head_html}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{rollup_html}{problems_html}')
    return _page(ui["title"], body, _SORT_JS, lang)


# ---------------------------------------------------------------- report page


# Codes the report keeps (``website``, ``third_party``, ``fmt2021``) named for a person.
_CODE_NAMERS = {"channels": words.channel_name, "refusal_reasons": words.reason_name,
                "format": words.format_name, "script": words.script_name}


def _owner_value(owner: dict, root: str = "", lang: str = "zh") -> str:
    for key in ("value", "number", "code", "message", "title", "text"):
        if key in owner and owner[key] is not None:
            if key == "code" and root in _CODE_NAMERS:
                return _fmt(_CODE_NAMERS[root](owner[key], lang))
            return _fmt(owner[key])
    if "start" in owner and "end" in owner and isinstance(owner.get("start"), str):
        return f"{owner['start']} – {owner['end']}"
    return ""


def evidence_spans(report: Report, lang: str = "zh") -> list[tuple[int, int, str, str, str]]:
    """Every evidence span of the report: ``(start, end, kind, field, value)``.

    ``kind`` is ``finding``, ``section`` (outline), ``table`` or ``fact``. The candidates a
    fact was chosen from (``candidates``, ``facts.candidates``) are left out: the page shows
    each fact once, with the value the report gives.
    """
    ui = UI["en" if lang == "en" else "zh"]
    spans: list[tuple[int, int, str, str, str]] = []
    data = report.model_dump(mode="json", exclude={"text": True, "candidates": True,
                                                   "facts": {"candidates"}})

    kinds = {"findings": "finding", "outline": "section", "tables": "table"}

    def walk(node: Any, path: list[str], owner: dict | None) -> None:
        """``owner``: the object holding ``node`` (through a list, the object holding the list).
        ``path`` grows and shrinks in place; only dicts and lists are visited (leaves hold no span)."""
        if isinstance(node, dict):
            if len(node) == 3 and "start" in node and "end" in node and "text" in node \
                    and isinstance(node["start"], int):
                # An Evidence. Under an ``evidence`` key (or list) it proves its owner's value;
                # elsewhere (a heading, a table's span) it is the fact itself.
                if "evidence" in path[-2:]:
                    cut = len(path) - 1 - path[::-1].index("evidence")
                    field, value = path[:cut], _owner_value(owner or {}, path[0], lang)
                elif path[:2] == ["tables", "cells"] and path[2].count(".") == 2:
                    # Where a table cell is printed (its row): named as the cell, with its number.
                    table, row, col = path[2].split(".")
                    field = ["tables", table, row, col]
                    value = _fmt(cell_value(data["tables"].get(table), row, col)) or "—"
                else:
                    field, value = list(path), node["text"]
                if path[0] == "findings" and owner is not None:
                    colon = "：" if lang != "en" else ": "
                    value = (f"[{words.severity_name(owner.get('severity'), lang)}] "
                             f"{words.finding_name(owner.get('code'), lang)}{colon}{owner.get('message')}")
                if len(value) > 80:  # a whole table's or part's span: the tooltip needs no copy of it
                    value = value[:78] + "…"
                label = ui["findings_h"] if path[0] == "findings" else words.path_words(_path(field), lang)
                spans.append((node["start"], node["end"], kinds.get(path[0], "fact"), label, value))
                return
            for key, child in node.items():
                if isinstance(child, (dict, list)):
                    path.append(key)
                    walk(child, path, node)
                    path.pop()
        else:
            for i, child in enumerate(node):
                if isinstance(child, (dict, list)):
                    path.append(str(i))
                    walk(child, path, owner)
                    path.pop()

    walk(data, [], None)
    return spans


def _path(parts: list[str]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if part.isdigit() else (f".{part}" if out else part)
    return out


def clean_spans(text: str, spans: list[tuple[int, int, str, str, str]]) -> list[tuple[int, int, str, str, str]]:
    """Spans clamped to the text, empty ones dropped, sorted and unique: ``e{i}`` anchors index this list."""
    n = len(text)
    return sorted({(max(0, min(s, n)), max(0, min(e, n)), k, f, v) for s, e, k, f, v in spans
                   if min(e, n) > max(0, s)})


def highlight(text: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """``text`` as HTML with each span (from :func:`clean_spans`) marked; overlaps split into pieces."""
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e, *_rest) in enumerate(spans):
        starts.setdefault(s, []).append(i)
        ends.setdefault(e, []).append(i)
    bounds = sorted({0, len(text), *starts, *ends})
    active: dict[int, None] = {}
    out: list[str] = []
    order = ("finding", "table", "fact", "section")
    rank = [order.index(span[2]) for span in spans]
    # Each span's line of the tooltip (field = value), escaped once: escaping keeps newlines.
    tips = [escape(f"{span[3]} = {span[4]}") for span in spans]
    opening: dict[tuple[int, ...], str] = {}  # the <mark> tag of each set of active spans, made once
    for a, b in zip(bounds, bounds[1:]):
        for i in ends.get(a, []):
            active.pop(i, None)
        opened = starts.get(a, [])
        for i in opened:
            active[i] = None
        # An anchor per span where it opens, so the evidence table can link to it.
        out.extend(f'<span id="e{i}"></span>' for i in opened)
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        key = tuple(active)
        tag = opening.get(key)
        if tag is None:
            cls = order[min([rank[i] for i in key])] + (" multi" if len(key) > 1 else "")
            # data-tip feeds the CSS tooltip shown on hover (field = value, one per line).
            tip = "\n".join([tips[i] for i in key])
            tag = opening[key] = f'<mark class="{cls}" data-tip="{tip}">'
        out.append(f"{tag}{piece}</mark>")
    return "".join(out)


def report_page(report: Report, summary: Summary, name: str, lang: str = "zh") -> str:
    """The audit page of one report: key figures, findings, and the marked-up text (Chinese,
    or English with ``lang="en"``)."""
    lang = "en" if lang == "en" else "zh"
    ui = UI[lang]
    spans = evidence_spans(report, lang)
    organ = summary.organ or ui["unknown_organ"]
    title = (ui["report_title"].format(organ=organ, year=summary.year) if summary.year
             else ui["no_year"].format(organ=organ))
    rows = "".join(
        f"<tr><th title='{escape(field)}'>{escape(words.field(field, lang))}</th>"
        f"<td>{escape(_fmt(words.value_words(field, getattr(summary, field), lang)))}</td></tr>"
        for field in Summary.model_fields if field not in ("ok", "error"))
    findings = "".join(
        f"<li>{_badge(f.severity if f.severity in STATUS else 'info', lang)} "
        f"<b title='{escape(f.code)}'>{escape(words.finding_name(f.code, lang))}</b> {escape(f.message)} "
        f"<span class='muted'>{escape(f.basis)}</span></li>"
        for f in report.findings) or f"<li class='muted'>{ui['none']}</li>"
    ordered = clean_spans(report.text, spans)
    fact_rows = "".join(
        f"<tr><td><a href='#e{i}'>{escape(span[3])}</a></td><td>{escape(span[4][:80])}</td>"
        f"<td class='n'>{span[0]}–{span[1]}</td></tr>"
        for i, span in enumerate(ordered) if span[2] != "section")
    legend = f'<p class="legend muted">{ui["legend"]}</p>'
    body = (f'<p><a href="../index.html">{ui["back"]}</a></p><h1>{escape(title)}</h1>'
            f'<p class="muted">{ui["page_file"]} {escape(summary.file)} · {ui["page_container"]} '
            f"{escape(report.source.container)} · {ui['page_encoding']} {escape(report.source.encoding or '—')}"
            f" · {ui['chars'].format(n=len(report.text))}</p>"
            f"<h2>{ui['findings_h']}</h2><ul>{findings}</ul>"
            f"<h2>{ui['text_h']}</h2>{legend}<pre class='text'>{highlight(report.text, ordered)}</pre>"
            f"<h2>{ui['summary_h']}</h2><table>{rows}</table>"
            f"<h2>{ui['evidence_h'].format(n=len(ordered))}</h2><table><thead><tr><th>{ui['field']}</th>"
            f"<th>{ui['value']}</th><th>{ui['where']}</th></tr></thead><tbody>{fact_rows}</tbody></table>")
    return _page(f"{title} — {ui['audit']}", body, lang=lang)
