"""Segmentation: real-style snippets and the section kinds they must give."""

from __future__ import annotations

import pytest

from reportparse.normalize import normalize
from reportparse.segment import detect_era, segment

PREAMBLE = "本报告根据《中华人民共和国政府信息公开条例》编制。\n"

CASES = [
    # plain numbered headings
    ("一、概述\n正文。\n二、主动公开政府信息情况\n正文。\n三、依申请公开政府信息情况\n正文。\n",
     ["overview", "proactive", "requests"]),
    # spaces inside headings and full-width brackets
    ("一、 概 述\n正文。\n二、主动公开 政府信息的情况\n正文。\n", ["overview", "proactive"]),
    # 第一部分 style
    ("第一部分 总体情况\n正文。\n第二部分 主动公开政府信息情况\n正文。\n", ["overview", "proactive"]),
    # markdown headings
    ("# 标题\n## 一、总体情况\n正文。\n## 二、收到和处理政府信息公开申请情况\n正文。\n", ["overview", "requests"]),
    # headings without numbers
    ("总体情况\n正文。\n主动公开政府信息情况\n正文。\n其他需要报告的事项\n无。\n", ["overview", "proactive", "other"]),
    # skipped and misnumbered numbers
    ("一、概述\n正文。\n三、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n", ["overview", "review_litigation"]),
    # problems and measures in two parts
    ("五、存在的主要问题\n一是。\n六、改进措施\n一是。\n", ["problems", "problems"]),
    # a list inside part 一 must not open parts
    ("一、概述\n做了以下工作:\n一、健全机制。\n二、规范流程。\n三、加强培训。\n四、强化监督。\n"
     "二、主动公开政府信息情况\n正文。\n", ["overview", "proactive"]),
    # everything on one line
    ("一、概述 正文。二、主动公开政府信息情况(一)数量 正文。三、政府信息依申请公开工作情况 正文。",
     ["overview", "proactive", "requests"]),
    # traditional script
    ("一、概述\n正文。\n二、主動公開政府信息情況\n正文。\n四、政府信息公開的收費及減免情況\n無。\n",
     ["overview", "proactive", "fees"]),
    # an unknown part that continues the numbering
    ("五、存在的主要问题及改进措施\n正文。\n六、建议和提案办理结果情况\n正文。\n", ["problems", "extra"]),
    # a run-together table of contents is not the outline
    ("一、概述,(一)重点,二、主动公开政府信息情况,三、依申请公开政府信息情况,\n一、概述\n正文。\n", ["overview"]),
]


@pytest.mark.parametrize("text,kinds", CASES)
def test_section_kinds(text, kinds):
    layout = segment(normalize(PREAMBLE + text))
    assert [p.kind for p in layout.parts] == kinds


def test_subsections_and_skip():
    text = "二、主动公开政府信息情况\n(一)数量\n正文。\n(二)形式\n1.网站:正文。\n2.公开栏:正文。\n(四)解读\n正文。\n"
    layout = segment(normalize(text))
    subs = [s for s in layout.parts[0].subs if s.level == 1]
    assert [s.number for s in subs] == [1, 2, 4]
    assert [s.number for s in layout.parts[0].subs if s.level == 2] == [1, 2]


def test_signature():
    text = "一、概述\n正文。\n\n新开镇人民政府\n2019年2月14日\n"
    doc = normalize(text)
    s, e = segment(doc).signature
    assert doc.text[s:e] == "新开镇人民政府\n2019年2月14日"


@pytest.mark.parametrize("text,year,era", [
    ("本年新制作数量 本年新公开数量", 2021, "fmt2019"),
    ("本年制发件数 本年废止件数", 2020, "fmt2021"),
    ("无表格", 2018, "pre2019"),
    ("无表格", 2019, "fmt2019"),
    ("无表格", 2023, "fmt2021"),
])
def test_era(text, year, era):
    assert detect_era(normalize(text).text, year) == era


# Heading variants seen in real reports (../shared/DOMAIN.md §2), one row each.
HEADINGS = """
概述 overview|主要工作概述 overview|基本工作情况 overview|政府信息公开总体工作情况 overview|组织领导方面 overview
总体情况 overview|主动公开政府信息情况 proactive|主动公开信息情况 proactive|主动公开政府信息的情况 proactive
行政机关主动公开政府信息情况 proactive|政府信息主動公開情況 proactive|依申请公开政府信息情况 requests
政府信息依申请公开办理情况 requests|依申请公开信息的情况和不予公开信息的情况 requests|申请公开政府信息办理情况 requests
收到和处理政府信息公开申请情况 requests|行政机关收到和处理政府信息公开申请情况 requests
政府信息公开的收费及减免情况 fees|政府信息公开收费与减免情况 fees|信息公开的收费及减免情况 fees
因政府信息公开申请行政复议和提起行政诉讼的情况 review_litigation|复议、诉讼情况 review_litigation
行政复议和行政诉讼情况 review_litigation|行政复议诉讼和举报投诉情况 review_litigation
政府信息公开行政复议、行政诉讼情况 review_litigation|因政府信息公开工作被申请行政复议提起行政诉讼情况 review_litigation
因政府信息公开工作被申请行政复议、提起行政诉讼情况 review_litigation|申请行政复议和提起行政诉讼情况 review_litigation
政府信息公开工作存在的主要问题及改进情况 problems|存在的主要问题和改进措施 problems|存在问题及工作打算 problems
存在问题 problems|改进措施 problems|存在问题及改进情况 problems|其他需要报告的事项 other
需要说明的事项与附表 other|回应解读情况 extra|机构设置、保障经费和培训会议情况 extra|咨询处理情况 extra
建议和提案办理结果情况 extra|平潭综合实验区政府信息公开情况统计表 extra
"""
HEADING_ROWS = [tuple(cell.split()) for line in HEADINGS.strip().splitlines() for cell in line.split("|")]


@pytest.mark.parametrize("title,kind", HEADING_ROWS)
def test_heading_vocabulary(title, kind):
    from reportparse.segment import classify_title

    assert classify_title(normalize(title).text)[0] == kind
