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

# Column headings of the spreadsheet, for a person (the CSVs keep the CONTRACT names).
LABELS = {
    "file": "文件", "ok": "解析成功", "error": "失败原因", "organ": "机关", "year": "年度",
    "period_start": "统计起", "period_end": "统计止", "published": "发布日期", "phones": "电话",
    "format": "格式", "script": "字形", "sections": "章节", "proactive_total": "主动公开数",
    "requests_received": "新收申请", "requests_carried_over": "上年结转", "requests_completed": "办结",
    "requests_carried_forward": "结转下年", "requests_granted": "予以公开", "requests_denied": "不予公开",
    "review_total": "行政复议", "litigation_total": "行政诉讼", "processing_fee_yuan": "信息处理费(元)",
    "channels": "公开渠道", "refusal_categories": "不予公开等理由", "findings": "问题发现", "ocr": "扫描识别",
    "code": "代码", "severity": "严重程度", "message": "说明", "evidence": "原文依据",
    "category": "类别", "item": "项目", "value": "数值", "reports": "报告数", "organs": "机关",
    "codes": "代码（供程序使用）", "name": "问题",
}
LABELS.update({k: v for k, v in words.FIELDS_ZH.items() if k not in ("file", "error", "findings")})
# The roll-up sheet names its categories and items for a person; rollup.csv keeps the codes.
CATEGORY_LABELS = {
    "reports": "报告", "totals": "全县合计", "findings": "问题代码", "severity": "严重程度",
    "format": "年报格式", "channels": "公开渠道", "refusal_categories": "不予公开等理由",
    "problems": "常见问题关键词",
}
ITEM_LABELS = {
    "total": "总数", "parsed": "解析成功", "failed": "解析失败", "unknown": "未识别",
    "pre2019": "2008年条例叙述式", "fmt2019": "2019年试行格式", "fmt2021": "2021年格式",
    "error": "错误", "warning": "警告", "info": "提示",
    # channel codes (docs/interface.md)
    "website": "政府网站", "wechat": "微信公众号", "weibo": "政务微博", "app": "政务客户端、小程序",
    "short_video": "短视频", "bulletin_board": "公开栏", "gazette": "政府公报", "press_conference": "新闻发布会",
    "print_media": "报刊", "broadcast": "广播电视", "reading_room": "查阅点", "service_hall": "政务服务中心",
    "hotline": "热线", "other": "其他",
    # reason codes (docs/interface.md)
    "state_secret": "国家秘密", "law_forbidden": "法律法规禁止公开", "safety_stability": "危及三安全一稳定",
    "third_party": "保护第三方合法权益", "internal_affairs": "三类内部事务信息", "process_info": "四类过程性信息",
    "enforcement_file": "行政执法案卷", "admin_query": "行政查询事项", "not_held": "本机关不掌握",
    "needs_creation": "没有现成信息需要另行制作", "unclear": "补正后申请内容仍不明确",
    "complaint": "信访举报投诉类申请", "repeat": "重复申请", "publication": "要求提供公开出版物",
    "excessive": "无正当理由大量反复申请", "confirm": "要求确认或重新出具已获取信息",
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
    book.set_properties({"title": "政府信息公开工作年度报告汇总", "creator": "reportparse",
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
