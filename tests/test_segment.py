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
