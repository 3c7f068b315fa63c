"""Words a person reads in place of the codes of docs/interface.md: field names, formats,
scripts, section kinds, channels, refusal reasons, severities, finding codes.

Data only, one table per kind of code, Chinese and English; every clerk-facing
output (text view, spreadsheet, dashboard, check notes) names things from here.
A code with no entry is shown as it is.
"""

from __future__ import annotations

from functools import lru_cache

FIELDS_ZH = {
    "file": "文件", "ok": "解析成功", "error": "失败原因", "organ": "机关", "year": "年度",
    "period_start": "统计起", "period_end": "统计止", "published": "发布日期", "phones": "电话",
    "format": "格式", "script": "字形", "sections": "章节", "proactive_total": "主动公开信息数",
    "requests_received": "新收申请数", "requests_carried_over": "上年结转申请数", "requests_completed": "办结申请数",
    "requests_carried_forward": "结转下年申请数", "requests_granted": "予以公开数", "requests_denied": "不予公开数",
    "review_total": "行政复议数", "litigation_total": "行政诉讼数", "processing_fee_yuan": "信息处理费（元）",
    "channels": "公开渠道", "refusal_categories": "不予公开等理由", "findings": "问题发现", "ocr": "含扫描识别文字",
    # full-report paths (the audit page's hover text)
    "period": "统计期限", "contact_office": "咨询机构", "legal_bases": "法律依据", "outline": "结构",
    "title": "标题", "preamble": "导语", "signature": "落款", "declared_parts": "声明的部分数",
    "facts": "数字", "digitization_rate": "全文电子化率", "trainings": "培训次数",
    "policy_interpretations": "政策解读数", "requests_partially_granted": "部分公开数",
    "refusal_reasons": "不予公开等理由", "problems": "存在的问题", "measures": "改进措施", "tables": "表格",
    "proactive": "表二 主动公开", "requests": "表三 收到和处理申请", "review_litigation": "表四 复议诉讼",
    "spans": "位置",
}
FIELDS_EN = {key: key for key in FIELDS_ZH}

FORMATS = {
    "zh": {"pre2019": "2008年条例叙述式", "fmt2019": "2019年试行格式", "fmt2021": "2021年格式"},
    "en": {"pre2019": "narrative (2008 Regulations)", "fmt2019": "2019 trial format", "fmt2021": "2021 format"},
}
SCRIPTS = {
    "zh": {"simplified": "简体", "traditional": "繁体", "mixed": "繁简混杂"},
    "en": {"simplified": "simplified", "traditional": "traditional", "mixed": "mixed"},
}
SECTIONS = {
    "zh": {"overview": "总体情况", "proactive": "主动公开", "requests": "依申请公开", "fees": "收费及减免",
           "review_litigation": "复议诉讼", "problems": "问题及改进", "other": "其他事项", "extra": "其他部分"},
    "en": {"overview": "overview", "proactive": "proactive disclosure", "requests": "requests", "fees": "fees",
           "review_litigation": "reviews and lawsuits", "problems": "problems", "other": "other matters",
           "extra": "extra part"},
}
CHANNELS = {
    "zh": {"website": "政府网站", "wechat": "微信公众号", "weibo": "政务微博", "app": "政务客户端、小程序",
           "short_video": "短视频", "bulletin_board": "公开栏", "gazette": "政府公报", "press_conference": "新闻发布会",
           "print_media": "报刊", "broadcast": "广播电视", "reading_room": "查阅点", "service_hall": "政务服务中心",
           "hotline": "热线", "other": "其他"},
    "en": {"website": "website", "wechat": "WeChat", "weibo": "Weibo", "app": "app / mini program",
           "short_video": "short video", "bulletin_board": "bulletin board", "gazette": "gazette",
           "press_conference": "press conference", "print_media": "newspapers", "broadcast": "radio and TV",
           "reading_room": "reading room", "service_hall": "service hall", "hotline": "hotline", "other": "other"},
}
REASONS = {
    "zh": {"state_secret": "国家秘密", "law_forbidden": "法律法规禁止公开", "safety_stability": "危及三安全一稳定",
           "third_party": "保护第三方合法权益", "internal_affairs": "三类内部事务信息",
           "process_info": "四类过程性信息", "enforcement_file": "行政执法案卷", "admin_query": "行政查询事项",
           "not_held": "本机关不掌握", "needs_creation": "没有现成信息需要另行制作",
           "unclear": "补正后申请内容仍不明确", "complaint": "信访举报投诉类申请", "repeat": "重复申请",
           "publication": "要求提供公开出版物", "excessive": "无正当理由大量反复申请",
           "confirm": "要求确认或重新出具已获取信息", "other": "其他"},
    "en": {"state_secret": "state secret", "law_forbidden": "forbidden by law",
           "safety_stability": "security and stability", "third_party": "third-party rights",
           "internal_affairs": "internal affairs", "process_info": "process information",
           "enforcement_file": "enforcement file", "admin_query": "administrative query",
           "not_held": "not held", "needs_creation": "would need to be created", "unclear": "unclear request",
           "complaint": "complaint", "repeat": "repeated request", "publication": "publication",
           "excessive": "excessive requests", "confirm": "confirmation", "other": "other"},
}
SEVERITIES = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def field(name: str, lang: str = "zh") -> str:
    return (FIELDS_ZH if _lang(lang) == "zh" else FIELDS_EN).get(name, name)


def format_name(code: str | None, lang: str = "zh") -> str | None:
    return None if code is None else FORMATS[_lang(lang)].get(code, code)


def script_name(code: str | None, lang: str = "zh") -> str | None:
    return None if code is None else SCRIPTS[_lang(lang)].get(code, code)


def section_name(code: str, lang: str = "zh") -> str:
    return SECTIONS[_lang(lang)].get(code, code)


def channel_name(code: str, lang: str = "zh") -> str:
    return CHANNELS[_lang(lang)].get(code, code)


def reason_name(code: str, lang: str = "zh") -> str:
    return REASONS[_lang(lang)].get(code, code)


def severity_name(code: str, lang: str = "zh") -> str:
    return SEVERITIES[_lang(lang)].get(code, code)


def finding_name(code: str, lang: str = "zh") -> str:
    """The title of a finding code (``missing-part`` -> 缺少法定内容部分)."""
    from .check.codes import CODES

    entry = CODES.get(code)
    if entry is None:
        return code
    return entry.title_zh if _lang(lang) == "zh" else entry.title_en


def value_words(name: str, value, lang: str = "zh"):
    """A summary field's value in words: codes named, lists of codes named item by item."""
    if value is None:
        return None
    namer = {"format": format_name, "script": script_name, "sections": section_name,
             "channels": channel_name, "refusal_categories": reason_name, "findings": finding_name}.get(name)
    if namer is None:
        if isinstance(value, bool):
            return ("是" if value else "否") if _lang(lang) == "zh" else ("yes" if value else "no")
        return value
    if isinstance(value, list):
        return [namer(v, lang) for v in value]
    return namer(value, lang)


# The rules of the table identities (``tables.identities[].rule``, English in the library).
RULES_ZH = {
    "row total = sum of applicant columns": "每行总计 = 各类申请人之和",
    "(七)总计 = sum of outcome rows": "（七）总计 = 各项办理结果之和",
    "一 + 二 = (七) + 四": "一 + 二 = （七）+ 四",
    "group 总计 = sum of its four parts": "各组总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
}


def rule_words(rule: str, lang: str = "zh") -> str:
    """A table identity's rule in the reader's language (an unknown rule as it is)."""
    return RULES_ZH.get(rule, rule) if _lang(lang) == "zh" else rule


# ---------------------------------------------------------------- paths of the full report

REQUEST_COLUMNS_ZH = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构",
                      "social_welfare": "社会公益组织", "legal_service": "法律服务机构", "other_org": "其他",
                      "total": "总计"}
REVIEW_ZH = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉",
             "maintained": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结",
             "total": "总计"}
PROACTIVE_ZH = {"regulations": "规章", "normative_documents": "规范性文件", "licensing": "行政许可",
                "punishment": "行政处罚", "coercion": "行政强制", "fees": "行政事业性收费",
                "other_services": "其他对外管理服务事项", "procurement": "政府集中采购",
                "issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
                "decisions": "本年处理决定数量", "amount": "金额", "made": "本年新制作数量",
                "published": "本年新公开数量", "total": "对外公开总数量", "previous": "上一年项目数量",
                "change": "本年增/减", "count": "采购项目数量"}
_OTHER_PARTS_ZH = {"heading": "标题", "sections": "部分", "subsections": "小节", "number": "号码",
                   "start": "起", "end": "止", "code": "代码", "name": "名称", "text": "原文",
                   "count": "件数", "unit": "单位"}


def _request_row(key: str) -> str:
    from .tables.labels import REQUEST_ROWS

    for row in REQUEST_ROWS:
        if row.key == key:
            return row.label
    return key


@lru_cache(maxsize=8192)  # a county's reports name the same table cells and parts again and again
def path_words(path: str, lang: str = "zh") -> str:
    """A field path of the full report (``tables.requests.granted.total``, ``facts.proactive_total``,
    ``outline.sections[1].heading``) in words: ``表三 收到和处理申请 · 予以公开 · 总计``."""
    import re

    if _lang(lang) == "en":
        return path
    parts = [p for p in re.split(r"\.|\[|\]", path) if p]
    if parts and parts[0] == "facts" and len(parts) > 1:  # the fact's own name says it all
        parts = parts[1:]
    out: list[str] = []
    table = parts[1] if len(parts) > 1 and parts[0] == "tables" else None
    for i, part in enumerate(parts):
        if part in ("evidence", "value") or (i == 0 and part in ("tables", "outline") and len(parts) > 1):
            continue
        if part.isdigit():
            out.append(f"第{int(part) + 1}项")
        elif table == "requests" and i == 2:
            out.append(_request_row(part))
        elif table == "requests" and i == 3:
            out.append(REQUEST_COLUMNS_ZH.get(part, part))
        elif table == "review_litigation" and i >= 2:
            out.append(REVIEW_ZH.get(part, part))
        elif table == "proactive" and i >= 2:
            out.append(PROACTIVE_ZH.get(part, part))
        elif table is not None and i >= 2:
            out.append(FIELDS_ZH.get(part, part))
        else:
            out.append(FIELDS_ZH.get(part) or _OTHER_PARTS_ZH.get(part) or part)
    return " · ".join(out) or path


# Warnings of a report (``report.warnings``, English in the library) for a person: the
# start of each known warning and its Chinese; the English detail after a colon is kept.
_WARNINGS_ZH = [
    ("the report text appears twice", "报告全文出现了两次（只读取第一份）"),
    ("no standard section headings found", "未找到标准的章节标题"),
    ("section heading out of the standard order", "章节顺序与标准格式不一致"),
    ("text ends inside table", "文字在统计表中间结束（可能不完整）"),
    ("mojibake repaired", "已修复乱码"),
    ("a Word .docx file named", "扩展名不对的 Word 文件，已按 .docx 读取"),
    ("file holds plain text", "文件实际是纯文本，已按文本读取"),
]


def warning_words(warning: str, lang: str = "zh") -> str:
    """A report warning in the reader's language (unknown warnings as they are)."""
    if _lang(lang) == "en":
        return warning
    for start, words in _WARNINGS_ZH:
        index = warning.find(start)
        if index >= 0:
            detail = warning.split(": ", 1)[1] if ": " in warning[index:] else ""
            return f"{words}：{detail}" if detail else words
    return warning
