"""Who and when, wherever real reports say it: one row per case (price-parser style).

Rows are written from the classes of issue 10 (organ, year, published,
sections, is-it-a-report, phones), in the shapes real reports take: web copies
with breadcrumbs and share buttons, 索引号/发布机构 metadata blocks, titles
with the year first or split over two lines, signatures that run into the
date or are followed by tables and contact lines, dates in Chinese numerals.
"""

from __future__ import annotations

import pytest

from reportparse import parse_text
from reportparse.errors import NotAReportError
from reportparse.extract.meta import organ_candidates
from reportparse.normalize import normalize
from reportparse.output import summarize
from reportparse.segment import segment

BODY = ("一、总体情况\n{year}年,我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
        "二、主动公开政府信息情况\n本年主动公开政府信息120条。\n")
PREAMBLE = "根据《中华人民共和国政府信息公开条例》要求,编制本报告。\n"


def body(year: int = 2023) -> str:
    return BODY.format(year=year)


# (text, organ, year, published)
ORGAN_YEAR_PUBLISHED = [
    # --- organ from a title, wherever it stands
    # breadcrumbs, then a metadata block, then the title
    ("当前位置:首页 > 政务公开 > 政府信息公开年报\n索引号:FJ00101-0200-2024-00003\n发布机构:永泰县交通运输局\n"
     "生成日期:2024-01-22\n永泰县交通运输局2023年政府信息公开工作年度报告\n" + PREAMBLE + body(),
     "永泰县交通运输局", 2023, "2024-01-22"),
    # a web copy saved as one line: chrome, title, share buttons, body, separated by spaces only
    ("首页 政务公开 政府信息公开 政府信息公开年报 连江县财政局2019年政府信息公开工作年度报告 来源: 时间:2020-01-15 09:00"
     " --> 微信 微博 QQ空间 打印 相关链接: 连江县财政局2019年政府信息公开工作年度报告 " + PREAMBLE.strip()
     + body(2019).replace("\n", " "),
     "连江县财政局", 2019, "2020-01-15"),
    # a 信息公开目录 column before the title, run together
    ("首页政务公开政府信息公开目录年度报告罗源县司法局2020年度政府信息公开工作年度报告" + PREAMBLE.strip() + body(2020),
     "罗源县司法局", 2020, None),
    # the same run together with no spaces at all: the chrome words still end before the organ
    ("首页政务公开政府信息公开年报罗源县卫生健康局2021年政府信息公开工作年度报告" + PREAMBLE.strip() + body(2021),
     "罗源县卫生健康局", 2021, None),
    # the breadcrumbs name the site column's organ; the title names the report's
    ("首页 > 信息公开 > 闽侯县农业农村局政府信息公开年报 闽侯县农业局2018年度政府信息公开年度报告 来源: "
     + PREAMBLE.strip() + body(2018).replace("\n", " "), "闽侯县农业局", 2018, None),
    # markdown emphasis around the title; a 关于…情况的报告 title
    ("**古田县审计局2019年政府信息公开工作年度报告**\n\n" + PREAMBLE + body(2019), "古田县审计局", 2019, None),
    ("关于古田县审计局2019年度政府信息公开工作情况的报告\n" + PREAMBLE + body(2019), "古田县审计局", 2019, None),
    # 特此报告 and a 此件主动公开 note around the signature
    (PREAMBLE + body(2019) + "特此报告。\n\n古田县文化体育和旅游局\n2020年1月10日\n(此件主动公开)\n",
     "古田县文化体育和旅游局", 2019, "2020-01-10"),
    # year first
    ("2023年福清市审计局政府信息公开工作年度报告\n" + PREAMBLE + body(), "福清市审计局", 2023, None),
    # year first, in Chinese numerals, with 年度
    ("二〇二二年度闽清县民政局政府信息公开工作年度报告\n" + PREAMBLE + body(2022), "闽清县民政局", 2022, None),
    # the title split over two lines (organ above, year and report words below)
    ("闽侯县人民政府办公室\n2022年政府信息公开工作年度报告\n" + PREAMBLE + body(2022), "闽侯县人民政府办公室", 2022, None),
    # the title split inside the report words
    ("2021年长乐区住房和城乡建设局政府信息公开\n工作年度报告\n" + PREAMBLE + body(2021), "长乐区住房和城乡建设局", 2021, None),
    # the organ alone on the line below a year-first title
    ("2020年政府信息公开工作年度报告\n古田县司法局\n" + PREAMBLE + body(2020), "古田县司法局", 2020, None),
    # a page title with the site's name after an underscore
    ("古田县司法局2020年政府信息公开工作年度报告_古田县人民政府门户网站\n" + PREAMBLE + body(2020), "古田县司法局", 2020, None),
    # 关于 between organ and year
    ("平潭县林业局关于2018年度政府信息公开工作的年度报告\n" + PREAMBLE + body(2018), "平潭县林业局", 2018, None),
    # a title-like quote of a notice in the preamble is not the report's title
    ("根据《福州市人民政府办公厅关于做好2019年政府信息公开工作年度报告编制工作的通知》要求,编制本报告。\n" + body(2019),
     None, 2019, None),
    # --- organ from the signature
    # no title; organ and date run together on the last line
    (PREAMBLE + body(2021) + "六、其他需要报告的事项\n无。\n长乐区市场监督管理局2022年1月7日\n",
     "长乐区市场监督管理局", 2021, "2022-01-07"),
    # the same, with no line break before the signature
    (PREAMBLE + body(2021) + "六、其他需要报告的事项\n本年度未收取信息处理费。长乐区市场监督管理局2022年1月7日",
     "长乐区市场监督管理局", 2021, "2022-01-07"),
    # signature glued to the last sentence's word (the report names the organ elsewhere)
    ("请与平潭综合实验区社会事业局办公室联系。平潭综合实验区社会事业局认真编制本报告。\n" + body(2019)
     + "六、其他需要报告的事项\n无平潭综合实验区社会事业局2020年1月2日附件下载",
     "平潭综合实验区社会事业局", 2019, "2020-01-02"),
    # a signature glued to the last sentence without any punctuation
    ("如有疑问请与闽清县统计局办公室联系。\n" + body(2021) + "六、其他需要报告的事项\n本年度没有产生信息处理费闽清县统计局2022年1月7日",
     "闽清县统计局", 2021, "2022-01-07"),
    # --- organ from a 发布机构 / 来源 line when nothing else names it
    ("索引号:360100-2023-0012\n发布机构:罗源县教育局\n" + PREAMBLE + body(2022), "罗源县教育局", 2022, None),
    ("来源:晋安区鼓山镇人民政府\n" + PREAMBLE + body(2022), "晋安区鼓山镇人民政府", 2022, None),
    # --- published: the signature date, whatever follows it
    ("仓山区统计局2019年政府信息公开工作年度报告\n" + PREAMBLE + body(2019) + "\n仓山区统计局\n2020年1月20日\n"
     "联系人:王某 联系电话:0591-83301234\n", "仓山区统计局", 2019, "2020-01-20"),
    ("仓山区统计局2019年政府信息公开工作年度报告\n" + PREAMBLE + body(2019) + "\n仓山区统计局\n2020年1月20日\n"
     "附件:政府信息公开情况统计表\n指标 单位 数量\n主动公开信息数 条 120\n受理申请数 件 0\n",
     "仓山区统计局", 2019, "2020-01-20"),
    # dates in Chinese numerals: 〇, ○, a digit zero among numerals, 元月, 廿
    ("鼓楼区教育局2021年政府信息公开工作年度报告\n" + PREAMBLE + body(2021) + "鼓楼区教育局\n二〇二二年元月十日\n",
     "鼓楼区教育局", 2021, "2022-01-10"),
    ("鼓楼区教育局2022年政府信息公开工作年度报告\n" + PREAMBLE + body(2022) + "鼓楼区教育局\n二○二三年一月廿六日\n",
     "鼓楼区教育局", 2022, "2023-01-26"),
    ("鼓楼区教育局2021年政府信息公开工作年度报告\n" + PREAMBLE + body(2021) + "鼓楼区教育局\n二0二二年一月三十一日\n",
     "鼓楼区教育局", 2021, "2022-01-31"),
    # the date in brackets under the organ's name
    ("鼓楼区教育局2021年政府信息公开工作年度报告\n" + PREAMBLE + body(2021) + "鼓楼区教育局\n(2022年1月20日)\n",
     "鼓楼区教育局", 2021, "2022-01-20"),
    # no signature: a page footer's 发布时间
    ("古田县司法局2020年政府信息公开工作年度报告\n" + PREAMBLE + body(2020) + "六、其他需要报告的事项\n无。\n"
     "发布时间:2021-01-20 浏览次数:35\n", "古田县司法局", 2020, "2021-01-20"),
    # a bare closing date
    (PREAMBLE + body(2019) + "六、其他需要报告的事项\n无。\n\n2020年1月15日\n", None, 2019, "2020-01-15"),
    # a date inside the last sentence is not a signature
    (PREAMBLE + body(2019) + "六、其他需要报告的事项\n本报告于2020年1月15日起在门户网站公开。\n", None, 2019, None),
    # --- year, in order of trust: title, statistics period, first sentence that dates the work
    ("闽侯县财政局2020年政府信息公开工作年度报告\n本报告统计期限自2020年1月1日至2020年12月31日。\n" + body(2019),
     "闽侯县财政局", 2020, None),
    ("本报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。\n" + body(2017), None, 2018, None),
    ("根据要求编制本报告。\n一、概述\n2016年,我乡认真贯彻落实《条例》。\n二、主动公开政府信息情况\n公开信息30条。\n",
     None, 2016, None),
    # 本年度 and a publication date: the year before the date
    ("根据要求编制本报告。\n一、概述\n本年度,我单位认真贯彻落实《条例》。\n二、主动公开政府信息情况\n公开信息30条。\n"
     "寿宁县档案馆\n2021年1月12日\n", "寿宁县档案馆", 2020, "2021-01-12"),
    # traditional script: organ in simplified
    ("2016年開平市沙塘鎮人民政府信息公開工作年度報告\n根據《條例》編製本報告。\n一、概述\n2016年,本鎮公開信息。\n",
     "开平市沙塘镇人民政府", 2016, None),
]


@pytest.mark.parametrize("text,organ,year,published", ORGAN_YEAR_PUBLISHED)
def test_organ_year_published(text, organ, year, published):
    summary = summarize(parse_text(text))
    assert (summary.organ, summary.year, summary.published) == (organ, year, published)


def test_losing_candidates_stay_available():
    text = ("发布机构:罗源县教育局\n罗源县教育局2022年政府信息公开工作年度报告\n" + PREAMBLE + body(2022)
            + "罗源县教育局\n2023年1月10日\n")
    doc = normalize(text)
    sources = [c.source for c in organ_candidates(doc, segment(doc))]
    assert sorted(sources) == ["publisher_line", "signature", "title"]


# (text, kinds)
SECTIONS = [
    # a heading after a colon that closes the preamble
    ("根据要求,特编制此报告:一、总体情况2022年,我局推进公开。二、主动公开政府信息情况 公开信息10条。",
     ["overview", "proactive"]),
    # a heading glued to an e-mail address
    ("如有疑问请联系,电子邮箱:gkb@163.com一、总体情况2022年,我局推进公开。二、主动公开政府信息情况 公开信息10条。",
     ["overview", "proactive"]),
    # a heading glued to a sentence with no line break
    ("一、概述\n正文。二、主动公开政府信息情况\n正文。三、政府信息依申请公开情况\n正文。", ["overview", "proactive", "requests"]),
    # a year or 年度 before the heading's words
    ("一、年度政府信息公开工作概述\n正文。\n二、政府信息主动公开情况\n正文。\n", ["overview", "proactive"]),
    ("一、2019年政府信息公开工作概述\n正文。\n二、主动公开政府信息情况\n正文。\n", ["overview", "proactive"]),
    # a typo in a heading's words
    ("一、总体情况\n正文。\n二、主动公开政俯信息情况\n正文。\n三、其他需要报告的事顷\n无。\n", ["overview", "proactive", "other"]),
    # 其它 for 其他; a typo in an unnumbered heading line
    ("一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n六、其它需要报告的事项\n无。\n", ["overview", "proactive", "other"]),
    ("总体情况\n正文。\n收到和处里政府信息公开申请情况\n正文。\n", ["overview", "requests"]),
    # unnumbered headings of a web copy
    ("总体情况\n正文。\n主动公开政府信息情况\n正文。\n收到和处理政府信息公开申请情况\n正文。\n", ["overview", "proactive", "requests"]),
    # problems split in two parts
    ("一、概述\n正文。\n五、存在的主要问题\n一是。\n六、改进措施\n一是。\n", ["overview", "problems", "problems"]),
    # 其它 for 其他; a typo in an unnumbered heading line
    ("一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n六、其它需要报告的事项\n无。\n", ["overview", "proactive", "other"]),
    ("总体情况\n正文。\n收到和处里政府信息公开申请情况\n正文。\n", ["overview", "requests"]),
    # unnumbered headings of a web copy saved as one line: the page's spaces set them apart
    ("根据《条例》编制本报告,全文包括总体情况、主动公开政府信息情况等部分。 总体情况 2022年,我局推进公开。 "
     "主动公开政府信息情况 本年公开信息10条。 收到和处理政府信息公开申请情况 本年未收到申请。 其他需要报告的事项 无。",
     ["overview", "proactive", "requests", "other"]),
    # an excerpt that stops mid-report keeps what it has
    ("一、总体情况\n正文。\n二、主动公开政府信息情况\n本年公开信息", ["overview", "proactive"]),
]


@pytest.mark.parametrize("text,kinds", SECTIONS)
def test_sections(text, kinds):
    layout = segment(normalize(text))
    assert [p.kind for p in layout.parts] == kinds


# Excerpts that are reports, in any script.
REPORTS = [
    "二、主动公开政府信息情况\n本年主动公开信息30条。\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n",
    "二、主動公開政府信息情況\n本年主動公開信息30條。\n三、收到和處理政府信息公開申請情況\n本年未收到申請。\n",
    "一、概述\n本年度政府資訊公開工作有序推進。\n二、主動公開政府資訊情況\n公開資訊30條。\n",
    "主动公开政府信息情况\n公开信息30条。\n依申请公开政府信息情况\n未收到申请。\n",
]


@pytest.mark.parametrize("text", REPORTS)
def test_excerpts_are_reports(text):
    parse_text(text)


@pytest.mark.parametrize("text,missing", [
    ("红烧肉的做法:五花肉切块,冷水下锅焯水。", "信息公开"),
    ("关于做好政府信息公开工作的通知\n各单位:请认真做好政府信息公开工作。", "主动公开"),
])
def test_refusal_says_what_was_missing(text, missing):
    with pytest.raises(NotAReportError) as err:
        parse_text(text)
    assert missing in str(err.value)


# (contact line, phones)
PHONES = [
    ("联系电话:0591-24301234", ["0591-24301234"]),
    ("联系电话:0591-24301234、24301235", ["0591-24301234", "24301235"]),
    ("联系电话:0591-24301234或0591-24301235", ["0591-24301234", "0591-24301235"]),
    ("咨询电话:0591-24301234及13905912345", ["0591-24301234", "13905912345"]),
    ("联系电话:0591—24301234,0591—24301235", ["0591-24301234", "0591-24301235"]),
    ("联系电话:0591-24301234/24301235", ["0591-24301234", "24301235"]),
    ("电话:(0591)24301234 传真:(0591)24301235", ["0591-24301234"]),
    ("联系电话:0591-24301234;联系电话:0591-24301236", ["0591-24301234", "0591-24301236"]),
    ("联系电话:0591——24301234、0591——24301235", ["0591-24301234", "0591-24301235"]),
    ("联系电话:0591 - 24301234", ["0591-24301234"]),
    ("联系方式:0591-24301234", ["0591-24301234"]),
    ("联系人:王某,0591-24301234,手机13905912345", ["0591-24301234", "13905912345"]),
    ("办公电话:0591-24301234(工作日),值班电话:0591-24301235", ["0591-24301234", "0591-24301235"]),
]


@pytest.mark.parametrize("line,phones", PHONES)
def test_phones(line, phones):
    text = PREAMBLE + "如对本报告有疑问,请与县政府办公室联系," + line + "。\n" + body()
    assert summarize(parse_text(text)).phones == phones


def test_candidates_on_the_report_point_into_the_original():
    text = ("当前位置:首页 > 政府信息公开年报\n发布机构:罗源县教育局\n發布日期:2023-01-12\n"
            "罗源县教育局2022年政府信息公开工作年度报告\n本报告统计期限自2022年1月1日至2022年12月31日。\n"
            + body(2022) + "罗源县教育局\n二〇二三年一月十日\n")
    report = parse_text(text)
    assert report.candidates["organ"][0].source == "signature"
    assert [c.value for c in report.candidates["published"]] == ["2023-01-10", "2023-01-12"]
    for cands in report.candidates.values():
        for c in cands:
            assert report.text[c.evidence.start:c.evidence.end] == c.evidence.text
