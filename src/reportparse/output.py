"""Renderings of a report: the CONTRACT.md summary record, CSV and a text view."""

from __future__ import annotations

import csv
import io
import json

from .models import Report, Summary
from .tables.summary import table_counts

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


def _cell(table: dict | None, row: str, col: str = "total") -> int | float | None:
    if not table:
        return None
    value = (table.get(row) or {}).get(col)
    if isinstance(value, dict):
        value = value.get("value")
    return value


def summarize(report: Report, file: str | None = None) -> Summary:
    facts = report.facts
    req = report.tables.requests

    def fact(f):
        return f.value if f is not None else None

    counts = table_counts(report.tables)  # the tables' counts win; an undecided cell gives null

    def count(name: str, narrative=None):
        return counts[name] if name in counts else fact(narrative)

    if req:
        refusal = [code for row, code in _ROW_CODES.items() if (_cell(req, row) or 0) > 0]
        if "other" not in refusal and any((_cell(req, r) or 0) > 0 for r in
                                          ("other_overdue_correction", "other_overdue_fee", "other_reasons")):
            refusal.append("other")
    else:
        refusal = list(dict.fromkeys(r.code for r in report.refusal_reasons))

    fee = facts.processing_fee_yuan.value if facts.processing_fee_yuan else None
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
        requests_received=count("requests_received", facts.requests_received),
        requests_carried_over=count("requests_carried_over"),
        requests_completed=count("requests_completed", facts.requests_completed),
        requests_carried_forward=count("requests_carried_forward"),
        requests_granted=count("requests_granted", facts.requests_granted),
        requests_denied=count("requests_denied", facts.requests_denied),
        review_total=count("review_total", facts.review_total),
        litigation_total=count("litigation_total", facts.litigation_total),
        processing_fee_yuan=fee,
        channels=list(dict.fromkeys(c.code for c in report.channels)),
        refusal_categories=refusal,
        findings=[f.code for f in report.findings],
        ocr=report.source.ocr is not None,
    )


def failed_summary(file: str, error: str) -> Summary:
    return Summary(file=file, ok=False, error=error)


def summary_json(summary: Summary) -> str:
    return json.dumps(summary.model_dump(mode="json"), ensure_ascii=False)


def summaries_csv(summaries: list[Summary]) -> str:
    """CSV with a UTF-8 BOM so Excel opens Chinese text correctly; lists joined with ';'."""
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
            row.append(value)
        writer.writerow(row)
    return "\ufeff" + buf.getvalue()


def _pad(label: str, width: int) -> str:
    """Pad to a display width (CJK characters take two columns)."""
    shown = sum(2 if ord(ch) > 0x2E80 else 1 for ch in label)
    return label + " " * max(1, width - shown)


def text_view(report: Report, file: str | None = None) -> str:
    """A readable overview for a person at a terminal."""
    s = summarize(report, file)
    lines = [f"{s.file}"]

    def add(label: str, value) -> None:
        if value in (None, [], ""):
            value = "—"
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        lines.append(f"  {_pad(label, 18)}{value}")

    add("机关 organ", s.organ)
    add("年度 year", s.year)
    add("统计期 period", f"{s.period_start} – {s.period_end}" if s.period_start else None)
    add("发布 published", s.published)
    add("格式 format", s.format)
    add("字形 script", s.script)
    add("电话 phones", s.phones)
    lines.append("  结构 sections")
    for sec in report.outline.sections:
        num = f"{sec.number}. " if sec.number else ""
        lines.append(f"    {num}{sec.title[:30]}  [{sec.kind}]  ({len(sec.subsections)} sub)")
    add("主动公开 items", s.proactive_total)
    add("申请 requests", None if s.requests_received is None else
        f"received {s.requests_received}, granted {s.requests_granted}, denied {s.requests_denied}")
    add("复议 reviews", s.review_total)
    add("诉讼 lawsuits", s.litigation_total)
    add("收费 fees (元)", None if s.processing_fee_yuan is None else f"{s.processing_fee_yuan:g}")
    tables = report.tables
    found = [name for name in ("proactive", "requests", "review_litigation") if getattr(tables, name)]
    if found:
        notes = [f"{len(tables.identities)} identity failures" if tables.identities else "identities hold"]
        if tables.ambiguous:
            notes.append(f"{len(tables.ambiguous)} ambiguous cells left null")
        if tables.missing:
            notes.append(f"{len(tables.missing)} missing cells")
        add("表格 tables", f"{', '.join(found)} ({'; '.join(notes)})")
    add("渠道 channels", s.channels)
    add("理由 refusals", s.refusal_categories)
    if report.problems:
        lines.append("  问题 problems")
        lines += [f"    - {p.text[:60]}" for p in report.problems]
    if report.measures:
        lines.append("  措施 measures")
        lines += [f"    - {p.text[:60]}" for p in report.measures]
    if report.tables.identities:
        lines.append("  表格 table identities that fail")
        lines += [f"    - {f.table}: {f.rule} (expected {f.expected}, found {f.found})"
                  for f in report.tables.identities]
    if report.findings:
        lines.append("  发现 findings")
        lines += [f"    - [{f.severity}] {f.code}: {f.message}" for f in report.findings]
    for w in report.warnings:
        lines.append(f"  ! {w}")
    return "\n".join(lines)
