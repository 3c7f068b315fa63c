"""Renderings of a report: the docs/interface.md summary record, CSV and a text view."""

from __future__ import annotations

import csv
import io
import json

from .models import Report, Summary
from .tables.summary import cell_value

SUMMARY_FIELDS = list(Summary.model_fields)

# Table 三 rows that name a reason for not granting, with their reason codes.
_ROW_CODES = {
    "denied_state_secret": "state_secret", "denied_law_forbidden": "law_forbidden",
    "denied_safety_stability": "safety_stability", "denied_third_party": "third_party",
    "denied_internal_affairs": "internal_affairs", "denied_process_info": "process_info",
    "denied_enforcement_file": "enforcement_file", "denied_admin_query": "admin_query",
    "unable_not_held": "not_held", "unable_needs_creation": "needs_creation", "unable_unclear": "unclear",
    "not_processed_complaint": "complaint", "not_processed_repeat": "repeat",
    "not_processed_publication": "publication", "not_processed_excessive": "excessive",
    "not_processed_confirm": "confirm", "other": "other",
}


def summarize(report: Report, file: str | None = None) -> Summary:
    """The docs/interface.md summary record of ``report`` (what ``--format summary`` prints).

    ``file`` names the input in the record (default: ``report.source.file``).
    Every count is the one :attr:`Report.facts` chose (the report's standard
    tables where they state it, else its local statistics table, else the
    prose); a value the report does not state is None, never 0. The record is
    derived from the report alone: calling this twice, or on a report read
    back from its JSON, gives the same record.
    """
    facts = report.facts
    req = report.tables.requests

    def fact(f):
        return f.value if f is not None else None

    if req:
        refusal = [code for row, code in _ROW_CODES.items() if (cell_value(req, row) or 0) > 0]
        if "other" not in refusal and any((cell_value(req, r) or 0) > 0 for r in
                                          ("other_overdue_correction", "other_overdue_fee", "other_reasons")):
            refusal.append("other")
    else:
        refusal = list(dict.fromkeys(r.code for r in report.refusal_reasons))

    return Summary(
        file=file or report.source.file or "",
        ok=True,
        organ=fact(report.organ),
        year=fact(report.year),
        period_start=report.period.start if report.period else None,
        period_end=report.period.end if report.period else None,
        published=fact(report.published),
        phones=[p.number for p in report.phones],
        format=report.format,
        script=report.source.script,
        sections=[s.kind for s in report.outline.sections],
        proactive_total=fact(facts.proactive_total),
        requests_received=fact(facts.requests_received),
        requests_carried_over=fact(facts.requests_carried_over),
        requests_completed=fact(facts.requests_completed),
        requests_carried_forward=fact(facts.requests_carried_forward),
        requests_granted=fact(facts.requests_granted),
        requests_denied=fact(facts.requests_denied),
        review_total=fact(facts.review_total),
        litigation_total=fact(facts.litigation_total),
        processing_fee_yuan=fact(facts.processing_fee_yuan),
        channels=list(dict.fromkeys(c.code for c in report.channels)),
        refusal_categories=refusal,
        findings=[f.code for f in report.findings],
        ocr=report.source.ocr is not None,
    )


def failed_summary(file: str, error: str) -> Summary:
    """The record of an input that could not be parsed: ``ok`` false and a one-line ``error``."""
    return Summary(file=file, ok=False, error=error)


def summary_json(summary: Summary) -> str:
    return json.dumps(summary.model_dump(mode="json"), ensure_ascii=False)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str | int | float:
    """A CSV cell that a spreadsheet shows as text: a string starting like a formula
    (``=`` ``+`` ``-`` ``@``, as a hostile file name may) is prefixed with ``'``."""
    if isinstance(value, str) and len(value) > 1 and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def summaries_csv(summaries: list[Summary], *, bom: bool = True) -> str:
    """CSV with a UTF-8 BOM (unless ``bom=False``) so Excel opens Chinese text correctly;
    lists joined with ';'."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(SUMMARY_FIELDS)
    for s in summaries:
        row = []
        for name in SUMMARY_FIELDS:
            value = getattr(s, name)
            if isinstance(value, list):
                value = ";".join(str(v) for v in value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            elif value is None:
                value = ""
            row.append(csv_cell(value))
        writer.writerow(row)
    return ("\ufeff" if bom else "") + buf.getvalue()


def _pad(label: str, width: int) -> str:
    """Pad to a display width (CJK characters take two columns)."""
    shown = sum(2 if ord(ch) > 0x2E80 else 1 for ch in label)
    return label + " " * max(1, width - shown)


# The text view's words: each label and template of a composed value, in Chinese and English.
_TEXT: dict[str, tuple] = {
    "organ": ("机关", "organ"), "year": ("年度", "year"), "period": ("统计期限", "period"),
    "published": ("发布日期", "published"), "format": ("格式", "format"), "script": ("字形", "script"),
    "phones": ("电话", "phones"), "sections": ("结构", "sections"), "proactive": ("主动公开信息数", "items disclosed"),
    "requests": ("依申请公开", "requests"), "reviews": ("行政复议", "reviews"), "lawsuits": ("行政诉讼", "lawsuits"),
    "fees": ("收费（元）", "fees (yuan)"), "tables": ("统计表", "tables"), "channels": ("公开渠道", "channels"),
    "refusals": ("不予公开等理由", "refusal reasons"), "problems": ("存在的问题", "problems"),
    "measures": ("改进措施", "measures"), "identities": ("统计表勾稽关系不成立", "table identities that fail"),
    "findings": ("问题发现", "findings"), "warnings": ("注意", "warnings"),
    "sep": ("、", ", "), "notes_sep": ("；", "; "),
    "period_value": ("{start} 至 {end}", "{start} to {end}"),
    "subsections": ("（{n} 个小节）", " ({n} sub)"),
    "requests_value": ("新收 {received}，予以公开 {granted}，不予公开 {denied}",
                       "received {received}, granted {granted}, denied {denied}"),
    "identities_fail": ("{n} 处勾稽关系不成立", "{n} identity failures"),
    "identities_hold": ("勾稽关系成立", "identities hold"),
    "ambiguous": ("{n} 个单元格无法确定、留空", "{n} ambiguous cells left null"),
    "missing": ("{n} 个单元格缺失", "{n} missing cells"),
    "tables_value": ("{found}（{notes}）", "{found} ({notes})"),
    "identity": ("{table}：{rule}（应为 {expected}，实为 {found}）", "{table}: {rule} (expected {expected}, found {found})"),
    "finding": ("[{severity}] {message}（{code}）", "[{severity}] {code}: {message}"),
    "table_names": ({"proactive": "表二", "requests": "表三", "review_litigation": "表四"},
                    {"proactive": "table 2", "requests": "table 3", "review_litigation": "table 4"}),
}
EMPTY = "—"


def text_view(report: Report, file: str | None = None, *, lang: str = "zh") -> str:
    """A readable overview for a person at a terminal, in one language (``zh`` or ``en``);
    every empty value is ``—``; codes (format, channels, reasons, sections) are named."""
    from . import labels

    lang = "en" if lang == "en" else "zh"
    t = {key: words[0 if lang == "zh" else 1] for key, words in _TEXT.items()}
    s = summarize(report, file)
    lines = [f"{s.file}"]

    def add(key: str, value) -> None:
        if value is None or value == [] or value == "":
            value = EMPTY
        elif isinstance(value, list):
            value = t["sep"].join(str(v) for v in value)
        lines.append(f"  {_pad(t[key], 18)}{value}")

    def n(value) -> str:
        return EMPTY if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    add("organ", s.organ)
    add("year", s.year)
    add("period", t["period_value"].format(start=s.period_start or EMPTY, end=s.period_end or EMPTY)
        if s.period_start or s.period_end else None)
    add("published", s.published)
    add("format", labels.format_name(s.format, lang))
    add("script", labels.script_name(s.script, lang))
    add("phones", s.phones)
    lines.append(f"  {t['sections']}")
    for sec in report.outline.sections:
        num = f"{sec.number}. " if sec.number else ""
        subs = t["subsections"].format(n=len(sec.subsections)) if sec.subsections else ""
        lines.append(f"    {num}{sec.title[:30]}  [{labels.section_name(sec.kind, lang)}]{subs}")
    if not report.outline.sections:
        lines.append(f"    {EMPTY}")
    add("proactive", s.proactive_total)
    counts = (s.requests_received, s.requests_granted, s.requests_denied)
    add("requests", None if counts == (None, None, None) else t["requests_value"].format(
        received=n(s.requests_received), granted=n(s.requests_granted), denied=n(s.requests_denied)))
    add("reviews", s.review_total)
    add("lawsuits", s.litigation_total)
    add("fees", None if s.processing_fee_yuan is None else f"{s.processing_fee_yuan:g}")
    tables = report.tables
    found = [t["table_names"][name] for name in ("proactive", "requests", "review_litigation")
             if getattr(tables, name)]
    notes = [t["identities_fail"].format(n=len(tables.identities)) if tables.identities else t["identities_hold"]]
    notes += [t[key].format(n=len(cells)) for key, cells in (("ambiguous", tables.ambiguous),
                                                              ("missing", tables.missing)) if cells]
    add("tables", t["tables_value"].format(found=t["sep"].join(found), notes=t["notes_sep"].join(notes))
        if found else None)
    add("channels", [labels.channel_name(c, lang) for c in s.channels])
    add("refusals", [labels.reason_name(c, lang) for c in s.refusal_categories])
    for key, items in (("problems", report.problems), ("measures", report.measures)):
        if items:
            lines.append(f"  {t[key]}")
            lines += [f"    - {p.text[:60]}" for p in items]
        else:
            add(key, None)
    if report.tables.identities:
        lines.append(f"  {t['identities']}")
        lines += ["    - " + t["identity"].format(
            table=t["table_names"].get(f.table, f.table), rule=labels.rule_words(f.rule, lang),
            expected=n(f.expected), found=n(f.found)) for f in report.tables.identities]
    if report.findings:
        lines.append(f"  {t['findings']}")
        lines += ["    - " + t["finding"].format(severity=labels.severity_name(f.severity, lang), code=f.code,
                                                   message=f.message) for f in report.findings]
    for w in report.warnings:
        lines.append(f"  ! {labels.warning_words(w, lang)}")
    return "\n".join(lines)
