"""The county's files: summary.csv/.jsonl, findings.csv, errors.csv, rollup.csv and summary.xlsx."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import datetime, timezone

from .. import labels as words
from ..models import Summary
from ..output import SUMMARY_FIELDS, csv_cell, summaries_csv

FINDING_FIELDS = ["file", "organ", "code", "severity", "message", "evidence"]
ERROR_FIELDS = ["file", "error"]
ROLLUP_FIELDS = ["category", "item", "value", "reports", "organs"]

# Column headings of the spreadsheet, for a person (the CSVs keep the CONTRACT names): the
# summary fields' names (labels.FIELDS_ZH) and the columns of the other sheets.
LABELS = {
    **words.FIELDS_ZH,
    "code": "代码", "severity": "严重程度", "message": "说明", "evidence": "原文依据",
    "category": "类别", "item": "项目", "value": "数值", "reports": "报告数", "organs": "机关",
    "codes": "代码（供程序使用）", "name": "问题",
}
# The roll-up sheet names its categories and items for a person; rollup.csv keeps the codes.
CATEGORY_LABELS = {
    "reports": "报告", "totals": "全县合计", "findings": "问题代码", "severity": "严重程度",
    "format": "年报格式", "channels": "公开渠道", "refusal_categories": "不予公开等理由",
    "problems": "常见问题关键词",
}
ITEM_LABELS = {
    "total": "总数", "parsed": "解析成功", "failed": "解析失败", "unknown": "未识别",
    **words.FORMATS["zh"], **words.SEVERITIES["zh"], **words.CHANNELS["zh"], **words.REASONS["zh"],
}
WIDTHS = {"codes": 30, "name": 30, "file": 36, "organ": 26, "error": 60, "message": 50, "evidence": 50, "organs": 60, "phones": 24,
          "sections": 40, "channels": 30, "refusal_categories": 30, "findings": 24, "item": 26}


def _csv(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else csv_cell(v) for v in row] for row in rows)
    return "\ufeff" + buf.getvalue()


def summary_rows(records: list[dict]) -> list[Summary]:
    return [Summary.model_validate(r["summary"]) for r in records]


def summary_csv(records: list[dict]) -> str:
    return summaries_csv(summary_rows(records))


def summary_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r["summary"], ensure_ascii=False) + "\n" for r in records)


def finding_rows(records: list[dict]) -> list[list]:
    return [[r["file"], r["summary"].get("organ"), f["code"], f["severity"], f["message"], f["evidence"]]
            for r in records for f in r.get("findings", [])]


def findings_csv(records: list[dict]) -> str:
    return _csv(FINDING_FIELDS, finding_rows(records))


def error_rows(records: list[dict]) -> list[list]:
    return [[r["file"], r["error"]] for r in records if not r.get("ok")]


def errors_csv(records: list[dict]) -> str:
    return _csv(ERROR_FIELDS, error_rows(records))


def rollup_csv(rows: list[tuple]) -> str:
    return _csv(ROLLUP_FIELDS, [list(row) for row in rows])


def _created() -> datetime:
    # Reproducible builds: SOURCE_DATE_EPOCH pins the document date when set.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
    return datetime.now().replace(microsecond=0)


SHEETS = {"zh": ("汇总", "问题发现", "解析失败", "全县合计"), "en": ("summary", "findings", "failures", "totals")}


def summary_xlsx(records: list[dict], rollup_table: list[tuple], lang: str = "zh") -> bytes:
    """The same sheets as the CSVs, for a person: header frozen, widths set, numbers as numbers,
    codes in words (Chinese, or English with ``lang="en"``) and kept in the last column."""
    zh = lang != "en"
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    title = "政府信息公开工作年度报告汇总" if zh else "Information-disclosure annual reports: county summary"
    book.set_properties({"title": title, "creator": "reportparse",
                         "created": _created()})
    header = book.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True,
                              "valign": "top"})
    wrap = book.add_format({"text_wrap": False, "valign": "top"})

    def sheet(title: str, fields: list[str], rows: list[list]) -> None:
        ws = book.add_worksheet(title)
        for col, field in enumerate(fields):
            ws.write_string(0, col, LABELS.get(field, field) if zh else field.replace("_", " "), header)
            ws.set_column(col, col, WIDTHS.get(field, 12))
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == [] or value == "":
                    continue
                if isinstance(value, bool):
                    ws.write_boolean(r, c, value)
                elif isinstance(value, (int, float)):
                    ws.write_number(r, c, value)
                elif isinstance(value, list):
                    ws.write_string(r, c, ";".join(str(v) for v in value), wrap)
                else:
                    ws.write_string(r, c, str(value), wrap)
        ws.freeze_panes(1, 0)
        if rows:
            ws.autofilter(0, 0, len(rows), len(fields) - 1)

    # Values in words for a person; the codes stay in the last column for machines.
    coded = ("format", "script", "sections", "channels", "refusal_categories", "findings")
    summary_fields = [f for f in SUMMARY_FIELDS if f != "ok"] + ["codes"]
    summaries = []
    for r in records:
        summary = r["summary"]
        row = [words.value_words(f, summary.get(f), lang) for f in summary_fields[:-1]]
        codes = "; ".join(f"{f}={','.join(v) if isinstance(v, list) else v}" for f in coded
                          if (v := summary.get(f)) not in (None, []))
        summaries.append([*row, codes])
    names = SHEETS["zh" if zh else "en"]
    sheet(names[0], summary_fields, summaries)
    finding_fields = ["file", "organ", "name", "severity", "message", "evidence", "code"]
    sheet(names[1], finding_fields,
          [[file, organ, words.finding_name(code, lang), words.severity_name(severity, lang), message, evidence, code]
           for file, organ, code, severity, message, evidence in finding_rows(records)])
    sheet(names[2], ERROR_FIELDS, error_rows(records))

    def item_words(category: str, item: str) -> str:
        if category == "problems":
            return item
        if category == "findings":
            return words.finding_name(item, lang)
        if not zh:
            return words.value_words({"format": "format", "channels": "channels", "severity": "severity",
                                      "refusal_categories": "refusal_categories"}.get(category, ""), item, lang) \
                if category in ("format", "channels", "refusal_categories") else \
                words.severity_name(item, lang) if category == "severity" else item
        return ITEM_LABELS.get(item, LABELS.get(item, item))

    readable = [[CATEGORY_LABELS.get(category, category) if zh else category, item_words(category, item), *rest]
                for category, item, *rest in rollup_table]
    sheet(names[3], ROLLUP_FIELDS, readable)
    book.close()
    return buf.getvalue()
