"""Compliance rules on real-style snippets: each row edits a clean report and names the codes it must give.

A new real-world defect (or a false alarm) becomes a row here.
"""

from __future__ import annotations

import pytest

from reportparse import check, parse_text

CLEAN_2018 = """新开镇人民政府2018年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》和《湖南省政府信息公开办法》编制。全文由概述、主动公开政府信息情况、\
政府信息依申请公开情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议、提起行政诉讼的情况、\
政府信息公开工作存在的主要问题及改进情况、其他需要报告的事项等七部分组成。本报告中所列数据统计期限自2018年1月1日至\
2018年12月31日。如有疑问请与新开镇人民政府办公室联系(电话:0730-7800425)。
一、概述
2018年我镇高度重视政府信息公开工作,健全工作机制,明确专人负责。
二、主动公开政府信息情况
(一)主动公开政府信息的数量
全年主动公开政府信息25条。
(二)主动公开政府信息的形式
通过岳阳县政府网站和镇公开栏公开政府信息。
三、政府信息依申请公开情况
2018年度我镇受理申请3件,均已按时答复。
四、政府信息公开的收费及减免情况
我镇未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
2018年度我镇没有发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。
六、政府信息公开工作存在的主要问题及改进情况
主要问题是公开内容不够丰富。下一步我们将进一步完善公开内容。
七、其他需要报告的事项
无。
新开镇人民政府
2019年2月14日
"""

FEES_PART = "四、政府信息公开的收费及减免情况\n我镇未收取任何费用。\n"
REVIEW = "五、因政府信息公开申请行政复议、提起行政诉讼的情况"
PROBLEMS = "六、政府信息公开工作存在的主要问题及改进情况"
OTHER = "七、其他需要报告的事项\n无。\n"


def renumber_without_fees(text: str) -> str:
    return (text.replace(FEES_PART, "").replace(REVIEW, "四" + REVIEW[1:]).replace(PROBLEMS, "五" + PROBLEMS[1:])
            .replace(OTHER, "六" + OTHER[1:]).replace("等七部分", "等六部分")
            .replace("政府信息公开的收费及减免情况、", ""))


# (id, edits to CLEAN_2018 as (old, new) pairs, the exact set of codes expected)
ROWS: list[tuple[str, list[tuple[str, str]], set[str]]] = [
    ("clean", [], set()),
    # --- required parts (2008 条例 art. 32) ---
    ("no fees part", [("*", "renumber_without_fees")], {"missing-part"}),
    ("fees stated inside requests part is enough",
     [("*", "renumber_without_fees"), ("均已按时答复。", "均已按时答复,未收取任何费用。")], set()),
    ("no other-matters part", [(OTHER, ""), ("、其他需要报告的事项等七部分", "等六部分")], {"missing-other-part"}),
    ("no review part, no statement",
     [("五、因政府信息公开申请行政复议、提起行政诉讼的情况\n2018年度我镇没有发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。\n", ""),
      ("六、政府", "五、政府"), ("七、其他", "六、其他"), ("等七部分", "等六部分")],
     {"missing-part"}),
    # --- timeliness ---
    ("late: after 31 March under the 2008 条例", [("2019年2月14日\n", "2019年4月2日\n")], {"late-publication"}),
    ("on the deadline day", [("2019年2月14日\n", "2019年3月31日\n")], set()),
    ("no date", [("新开镇人民政府\n2019年2月14日\n", "")], {"no-publication-date"}),
    # --- years ---
    ("period of another year", [("自2018年1月1日至2018年12月31日", "自2017年1月1日至2017年12月31日")],
     {"year-mismatch"}),
    ("dated inside the period", [("2019年2月14日\n", "2018年12月14日\n")], {"year-mismatch"}),
    ("earlier year's figures as current", [("全年主动公开政府信息25条。", "2016年,我镇主动公开政府信息25条。")],
     {"stale-year"}),
    ("comparison with an earlier year is fine",
     [("全年主动公开政府信息25条。", "全年主动公开政府信息25条,较2016年增加5条。")], set()),
    ("今年 bound to another year", [("2018年我镇高度重视", "今年(2016年)我镇高度重视")], {"stale-year"}),
    ("去年 bound to a year two back", [("2018年我镇高度重视", "去年(2016年)我镇高度重视")], {"stale-year"}),
    ("去年 bound to the year before is fine", [("2018年我镇高度重视", "去年(2017年)我镇高度重视")], set()),
    ("今年 as the year of the date is fine", [("2018年我镇高度重视", "今年(2019年)我镇将高度重视")], set()),
    ("今年 alone is fine", [("2018年我镇高度重视", "今年我镇高度重视")], set()),
    # --- numbers ---
    ("same figure, two values",
     [("明确专人负责。", "明确专人负责。全年主动公开政府信息30条。")], {"conflicting-figures"}),
    ("breakdown by unit is not a second total",
     [("全年主动公开政府信息25条。", "全年主动公开政府信息25条。其中,镇直各单位主动公开政府信息20条。")], set()),
    ("refusal reason with no request",
     [("2018年度我镇受理申请3件,均已按时答复。",
       "2018年度受理申请的数量0条。不予公开的信息主要涉及向上级的请示汇报的内部事项。")],
     {"refusal-without-requests"}),
    ("no request and no refusal",
     [("2018年度我镇受理申请3件,均已按时答复。", "2018年度受理申请的数量0条。")], set()),
    ("negated refusal with no request",
     [("2018年度我镇受理申请3件,均已按时答复。", "2018年度受理申请的数量0条。没有因涉及国家秘密不予公开的情况。")], set()),
    ("items exceed their total",
     [("均已按时答复。", "均已按时答复。全年共办理事项3件,其中当面申请2件、网上申请2件。")], {"total-mismatch"}),
    ("full list short of its total",
     [("均已按时答复。", "均已按时答复。全年共办理事项5件,分别为当面申请2件、网上申请2件。")], {"total-mismatch"}),
    ("partial list under its total is fine",
     [("均已按时答复。", "均已按时答复。全年共办理事项5件,其中当面申请2件、网上申请2件。")], set()),
    ("channels overlap: a split by channel may exceed the total",
     [("全年主动公开政府信息25条。", "全年主动公开政府信息25条。全年共发布各类信息30条,其中网站20条,微信15条、微博12条。")],
     set()),
    ("channels with notes in brackets",
     [("全年主动公开政府信息25条。", "全年主动公开政府信息25条。共发布各类信息30条,其中网站(含转发)20条,微信(含转发)15条。")],
     set()),
    ("items that add up",
     [("均已按时答复。", "均已按时答复。全年共办理事项5件,其中当面申请2件、其他申请3件。")], set()),
    # --- structure ---
    ("sub-section skips (三)", [("(二)主动公开政府信息的形式", "(四)主动公开政府信息的形式")], {"numbering"}),
    ("sub-section repeats (二)", [("(二)主动公开政府信息的形式", "(二)主动公开政府信息的形式\n通过网站公开。\n(二)其他形式")],
     {"numbering"}),
    ("items 1. then 3.", [("通过岳阳县政府网站和镇公开栏公开政府信息。",
                           "1.政府网站:通过岳阳县政府网站公开。\n3.公开栏:通过镇公开栏公开。")], {"numbering"}),
    ("items 1. 2. under each sub-section", [("通过岳阳县政府网站和镇公开栏公开政府信息。",
                                             "1.政府网站:通过岳阳县政府网站公开。\n2.公开栏:通过镇公开栏公开。")], set()),
    ("一是 then 三是", [("主要问题是公开内容不够丰富。", "主要问题:一是公开内容不够丰富;三是更新不够及时。")],
     {"numbering"}),
    ("一是 二是, then 一是 二是 again", [("主要问题是公开内容不够丰富。",
                                      "主要问题:一是公开内容不够丰富;二是更新不够及时。措施:一是加强培训;二是完善制度。")],
     set()),
    ("统一是 is no enumeration", [("主要问题是公开内容不够丰富。", "主要问题:一是口径不统一是最大问题;二是更新不够及时。")],
     set()),
    ("declared five, seven found", [("等七部分", "等五部分")], {"declared-parts-mismatch"}),
    ("a part that says only 无", [("主要问题是公开内容不够丰富。下一步我们将进一步完善公开内容。", "无。")],
     {"empty-part"}),
    ("无 in other matters is fine", [], set()),
    # --- template leftovers ---
    ("XX placeholder", [("明确专人负责。", "明确XX同志负责。")], {"template-leftover"}),
    ("×× placeholder", [("明确专人负责。", "明确××同志负责。")], {"template-leftover"}),
    ("empty brackets", [("明确专人负责。", "明确【 】负责。")], {"template-leftover"}),
    ("drafting note left in", [("明确专人负责。", "明确专人负责。编写说明:可先适当综述。")], {"template-leftover"}),
    ("number missing before unit", [("全年主动公开政府信息25条。", "全年在政府网上共主动公开条。")],
     {"missing-number"}),
    ("number missing, object named", [("全年主动公开政府信息25条。", "全年主动公开政府信息条。")],
     {"missing-number"}),
    ("条例 is not a unit", [("明确专人负责。", "明确专人负责,学习政府信息公开条例。")], set()),
    # --- contact ---
    ("no phone", [("(电话:0730-7800425)", "")], {"no-contact-phone"}),
    ("area code of another province", [("0730-7800425", "0591-87654321")], {"phone-area-mismatch"}),
    ("county-level city inside the area code's region", [("岳阳县政府网站", "汨罗市政府网站"),
                                                          ("新开镇人民政府2018年", "汨罗市新开镇人民政府2018年")],
     set()),
    ("municipality", [("0730-7800425", "021-64321234"), ("湖南省政府信息公开办法", "上海市政府信息公开规定"),
                      ("岳阳县政府网站", "区政府网站")], set()),
    ("area code of another city, same province", [("0730-7800425", "0731-84567890"),
                                                 ("新开镇人民政府2018年", "岳阳市新开镇人民政府2018年")],
     {"phone-area-mismatch"}),
]


def apply(edits: list[tuple[str, str]]) -> str:
    text = CLEAN_2018
    for old, new in edits:
        if old == "*":
            text = globals()[new](text)
            continue
        assert old in text, f"edit target not in the report: {old!r}"
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("name,edits,expected", ROWS, ids=[r[0] for r in ROWS])
def test_rule_rows(name, edits, expected):
    report = parse_text(apply(edits))
    got = {f.code for f in report.findings}
    assert got == expected, [(f.code, f.message) for f in report.findings]


def test_findings_carry_clause_and_evidence_into_the_original():
    text = apply([("(二)主动公开政府信息的形式", "(四)主动公开政府信息的形式")])
    report = parse_text(text)
    (finding,) = report.findings
    assert finding.severity == "warning" and "序号" in finding.message and finding.basis
    for e in finding.evidence:
        assert text[e.start : e.end] == e.text


def test_english_messages():
    report = parse_text(apply([("*", "renumber_without_fees")]))
    (finding,) = check(report, lang="en")
    assert "art. 32 item 3" in finding.message and "Decree 492" in finding.basis


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        check(parse_text(CLEAN_2018), lang="fr")
