"""Every finding code: its severity and the clause it rests on, in Chinese and English.

This table is the single source for the rule list in docs/checks.md; a code
here never changes meaning (add a new code instead).
"""

from __future__ import annotations

from dataclasses import dataclass

R08 = "2008年《政府信息公开条例》(国务院令第492号)"
R08_EN = "2008 Regulations on Open Government Information (Decree 492)"
R19 = "2019年《政府信息公开条例》(国务院令第711号)"
R19_EN = "2019 Regulations on Open Government Information (Decree 711)"
F21 = "国办公开办函〔2021〕30号《政府信息公开工作年度报告格式》"
F21_EN = "General Office letter 〔2021〕30 (2021 annual report format)"
F19 = "国办公开办函〔2019〕60号(2019年度报告格式, 试行)"
F19_EN = "General Office letter 〔2019〕60 (2019 trial format)"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str  # error | warning | info
    title_zh: str
    title_en: str
    basis_zh: str
    basis_en: str


CODES: dict[str, Code] = {c.code: c for c in [
    # --- required parts -------------------------------------------------------------------------
    Code("missing-part", "error", "缺少法定内容部分", "a required part is missing",
         f"{R08}第三十二条(2018年度及以前); {R19}第五十条及{F19}、{F21}的六部分(2019年度起)",
         f"{R08_EN} art. 32 (report years up to 2018); {R19_EN} art. 50 and the six parts of the "
         "2019/2021 formats (from report year 2019)"),
    Code("part-not-found", "warning", "未找到法定内容部分(文本不完整或标题未识别)",
         "a required part was not found, but the text is incomplete or its headings were not all recognised",
         f"{R08}第三十二条(2018年度及以前); {R19}第五十条及{F19}、{F21}的六部分(2019年度起)",
         f"{R08_EN} art. 32 (report years up to 2018); {R19_EN} art. 50 and the six parts of the "
         "2019/2021 formats (from report year 2019)"),
    Code("missing-other-part", "info", "缺少“其他需要报告的事项”部分",
         "no part on other matters to report",
         f"{R08}第三十二条第(六)项; {R19}第五十条第(五)项",
         f"{R08_EN} art. 32 item 6; {R19_EN} art. 50 item 5"),
    Code("missing-table", "error", "格式要求的统计表缺失或为空", "a table of the format is missing or empty",
         f"{F19}、{F21}: 第二、三、四部分以统一表格报告",
         f"{F19_EN}, {F21_EN}: parts 二, 三 and 四 are reported in the standard tables"),
    Code("table-not-in-text", "warning", "统计表不在文本中(可能为图片)", "a table of the format is not in the text (an image?)",
         f"{F19}、{F21}: 第二、三、四部分以统一表格报告",
         f"{F19_EN}, {F21_EN}: parts 二, 三 and 四 are reported in the standard tables"),
    # --- timeliness ---------------------------------------------------------------------------
    Code("late-publication", "error", "发布日期晚于法定期限", "published after the statutory deadline",
         f"{R08}第三十一条(每年3月31日前); {R19}第四十九条(县级以上人民政府部门1月31日前, "
         "县级以上地方人民政府3月31日前)",
         f"{R08_EN} art. 31 (by 31 March); {R19_EN} art. 49 (departments of governments at county "
         "level and above by 31 January, local governments by 31 March)"),
    Code("no-publication-date", "warning", "报告没有落款日期", "the report has no date",
         f"{R08}第三十一条; {R19}第四十九条(按期公布须可核查)",
         f"{R08_EN} art. 31; {R19_EN} art. 49 (timely publication must be verifiable)"),
    # --- years --------------------------------------------------------------------------------
    Code("year-mismatch", "error", "标题年度、统计期限与报告年度不一致",
         "title year, statistics period and report year disagree",
         f"{R08}第三十一条、{R19}第四十九条: 报告上一年度工作; 统计期限为上一年度1月1日至12月31日",
         f"{R08_EN} art. 31, {R19_EN} art. 49: the report covers the previous calendar year"),
    Code("stale-year", "warning", "正文出现疑似往年报告遗留的年份", "a year in the body looks left over from an earlier report",
         f"{F21}(四)明确责任: 内容准确, 不得内容雷同; 统计期限为报告年度",
         f"{F21_EN} (四): accurate content, no copied content; figures are for the report year"),
    # --- numbers ------------------------------------------------------------------------------
    Code("table-identity", "error", "统计表勾稽关系不成立", "a table identity does not hold",
         f"{F19}、{F21}表三“本列数据的勾稽关系为: 第一项加第二项之和, 等于第三项加第四项之和”及各组总计",
         f"{F19_EN}, {F21_EN}: table 三's printed identity (一 + 二 = 三 + 四) and the group totals"),
    Code("conflicting-figures", "error", "同一数字前后表述不一致", "the same figure is stated with different values",
         "数据准确(《政府信息公开条例》第六条: 公开的政府信息应当准确)",
         "accurate data (Regulations art. 6: disclosed information must be accurate)"),
    Code("refusal-without-requests", "error", "未收到申请却列出不予公开理由",
         "reasons for refusal are given although no request was received",
         f"{R08}第三十二条第(二)项; {R19}第五十条第(二)项: 如实报告收到和处理申请的情况",
         f"{R08_EN} art. 32 item 2; {R19_EN} art. 50 item 2: report requests as received and handled"),
    Code("narrative-table-mismatch", "error", "正文数字与统计表不一致", "the narrative contradicts the table",
         f"{F21}: 总体情况与表格数据应一致(数据准确)",
         f"{F21_EN}: the overview and the tables must agree (accurate data)"),
    Code("count-arithmetic", "warning", "所述数字相互矛盾(办结多于收到与结转之和, 或各办理结果之和多于办结数)",
         "stated counts cannot all hold (more answered than received plus carried over, or outcomes above answered)",
         f"{F19}、{F21}表三勾稽关系(第一项加第二项之和等于第三项加第四项之和); 数据准确(条例第六条)",
         f"the identity of table 三 ({F19_EN}, {F21_EN}); accurate data (Regulations art. 6)"),
    Code("implausible-count", "warning", "数字大得不合常理且与“未收到”的表述矛盾",
         "a count orders of magnitude above the rest while the report says there were none",
         "数据准确(《政府信息公开条例》第六条)", "accurate data (Regulations art. 6)"),
    Code("total-mismatch", "warning", "所述总数与分项之和不符", "a stated total differs from the sum of its items",
         "数据准确(《政府信息公开条例》第六条)", "accurate data (Regulations art. 6)"),
    # --- structure ----------------------------------------------------------------------------
    Code("numbering", "warning", "序号跳号或重复", "numbering skips or repeats",
         "格式规范(公文序号应连续)", "orderly format (numbering of headings must be consecutive)"),
    Code("declared-parts-mismatch", "warning", "声明的部分数与实际不符", "the declared number of parts differs from the parts found",
         "格式规范(导语所列结构应与正文一致)", "orderly format (the preamble's outline must match the body)"),
    Code("empty-part", "warning", "某部分为空或仅写“无”", "a part is empty or says only 无",
         f"{R19}第五十条; {F21}“不能遗漏”", f"{R19_EN} art. 50; {F21_EN}: nothing may be left out"),
    # --- template leftovers -------------------------------------------------------------------
    Code("template-leftover", "error", "残留模板占位符或编写说明", "template placeholder or drafting note left in",
         f"{F21}: 内容准确、格式规范; 编写说明不属于报告内容",
         f"{F21_EN}: accurate, orderly content; drafting notes are not part of the report"),
    Code("missing-number", "error", "数量单位前缺少数字", "a number is missing before its unit",
         "数据准确(《政府信息公开条例》第六条)", "accurate data (Regulations art. 6)"),
    # --- contact ------------------------------------------------------------------------------
    Code("no-contact-phone", "info", "未提供联系电话", "no contact phone",
         f"惯例: 报告注明咨询联系方式; 参见{R19}第十二条(公开指南须载明联系电话)",
         f"practice: reports give a contact for questions; cf. {R19_EN} art. 12 (the guide must give a phone)"),
    Code("phone-area-mismatch", "warning", "电话区号与机关所在地不符", "the phone's area code belongs to another region",
         "联系方式准确(区号应属机关所在地)", "accurate contact details (the area code must be the organ's region)"),
    # --- copied report ------------------------------------------------------------------------
    Code("copied-report", "error", "与上一年度报告高度雷同", "the text largely repeats the previous year's report",
         f"{F21}(四)明确责任: 内容雷同、敷衍塞责的依{R19}第四十七条追责",
         f"{F21_EN} (四): copied (雷同) reports lead to accountability under {R19_EN} art. 47"),
]}
