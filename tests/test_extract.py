"""Facts from prose: a table of real-style snippets and what they must give (price-parser style)."""

from __future__ import annotations

import pytest

from reportparse import parse_text, summarize

HEAD = "2018年某镇政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n"


def facts(body: str):
    report = parse_text(HEAD + body)
    return report, summarize(report)


@pytest.mark.parametrize("body,field,want", [
    ("二、主动公开政府信息情况\n今年,我镇完成主动公开政府信息25条。\n", "proactive_total", 25),
    ("二、主动公开政府信息情况\n全年共主动公开政府信息二百零五条。\n", "proactive_total", 205),
    ("二、主动公开政府信息情况\n全年主动公开政府信息1.2万条。\n", "proactive_total", 12000),
    ("一、总体情况\n全年共公布政府信息2602条(其中其他应主动公开政府信息1053条)。\n", "proactive_total", 2602),
    ("二、主动公开政府信息情况\n通过网站发布信息。\n", "proactive_total", None),
    ("三、依申请公开政府信息情况\n2018年度受理申请的数量0条。\n", "requests_received", 0),
    ("三、依申请公开政府信息情况\n全年共收到有关政府信息公开的申请21条,其中同意公开答复数17条。\n", "requests_received", 21),
    ("三、依申请公开政府信息情况\n全年共收到有关政府信息公开的申请21条,其中同意公开答复数17条。\n", "requests_granted", 17),
    ("三、依申请公开政府信息情况\n2016年全区未收到有关政府信息公开申请。\n", "requests_received", 0),
    ("三、依申请公开政府信息情况\n共受理申请两件,不予公开答复1件。\n", "requests_denied", 1),
    ("四、因政府信息公开申请行政复议、提起行政诉讼的情况\n2018年度我镇没有发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。\n",
     "review_total", 0),
    ("四、因政府信息公开申请行政复议、提起行政诉讼的情况\n2018年度我镇没有发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。\n",
     "litigation_total", 0),
    ("一、总体情况\n因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。\n", "litigation_total", 7),
    ("一、总体情况\n因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。\n", "review_total", 2),
    ("四、行政复议和行政诉讼情况\n无。\n", "review_total", 0),
    ("四、政府信息公开的收费及减免情况\n依申请提供政府信息暂不收费。\n", "processing_fee_yuan", 0),
    ("六、其他需要报告的事项\n本年度共收取信息处理费400元。\n", "processing_fee_yuan", 400),
    ("六、其他需要报告的事项\n无。\n", "processing_fee_yuan", None),
])
def test_prose_counts(body, field, want):
    _, summary = facts(body)
    assert getattr(summary, field) == want


@pytest.mark.parametrize("body,phones", [
    ("联系电话:0730-7800425。\n", ["0730-7800425"]),
    ("电话:24336243;传真:23131679。\n", ["24336243"]),
    ("电话/传真:0591-23165370;电子邮箱:a@b.cn。\n", ["0591-23165370"]),
    ("联系电话:0818—6972129。\n", ["0818-6972129"]),
    ("联系电话:(0771)4623018,13904781234。\n", ["0771-4623018", "13904781234"]),
    ("咨询电话:12345。\n", ["12345"]),
    ("邮编:350400;传真:23131679。\n", []),
])
def test_phones(body, phones):
    _, summary = facts(body)
    assert summary.phones == phones


@pytest.mark.parametrize("body,codes", [
    ("二、主动公开政府信息情况\n通过政府门户网站、微信公众号“某镇发布”和村务公开栏公开。\n",
     ["website", "wechat", "bulletin_board"]),
    ("二、主动公开政府信息情况\n在政务微博、抖音号、政府公报和新闻发布会上发布。\n",
     ["weibo", "short_video", "gazette", "press_conference"]),
    ("二、主动公开政府信息情况\n在档案馆、图书馆设立查阅点,开通12345热线。\n", ["reading_room", "hotline"]),
])
def test_channels(body, codes):
    _, summary = facts(body)
    assert summary.channels == codes


def test_channel_names():
    report, _ = facts("二、主动公开政府信息情况\n依托“岳阳县政府网站”发布;创建镇级微信公众号“新开党员之家”。\n")
    names = {c.code: c.name for c in report.channels}
    assert names == {"website": "岳阳县政府网站", "wechat": "新开党员之家"}


@pytest.mark.parametrize("body,codes", [
    ("三、依申请公开政府信息情况\n不予公开的信息主要涉及向上级的请示汇报的内部事项。\n", ["internal_affairs"]),
    ("三、依申请公开政府信息情况\n不予公开3件,主要涉及国家秘密和过程性信息。\n", ["state_secret", "process_info"]),
    ("三、依申请公开政府信息情况\n因本机关不掌握相关政府信息无法提供2件,重复申请1件。\n", ["not_held", "repeat"]),
])
def test_refusals(body, codes):
    _, summary = facts(body)
    assert summary.refusal_categories == codes


@pytest.mark.parametrize("text,organ,year,published", [
    ("平潭县人民政府2012年政府信息公开工作年度报告 本报告由概述等组成。一、概述 正文。平潭县人民政府 2013年1月16日 附件1:统计表",
     "平潭县人民政府", 2012, "2013-01-16"),
    ("2016年朝阳乡政府信息公开工作年度报告\n来源:朝阳乡\n发布日期:2017-03-21\n一、概述\n正文。\n", "朝阳乡", 2016, "2017-03-21"),
    ("2024 年上海市科委政府信息公开工作\n年度报告\n一、总体情况\n正文。\n", "上海市科委", 2024, None),
    ("本报告汇总2018年度新开镇人民政府信息公开年度报告编制而成。\n一、概述\n正文。\n新开镇人民政府\n二〇一九年二月十四日\n",
     "新开镇人民政府", 2018, "2019-02-14"),
])
def test_organ_year_published(text, organ, year, published):
    summary = summarize(parse_text(text))
    assert (summary.organ, summary.year, summary.published) == (organ, year, published)


@pytest.mark.parametrize("text,start,end", [
    ("本报告中所列数据统计期限自2018年1月1日至2018年12月31日。", "2018-01-01", "2018-12-31"),
    ("本年度报告中所列数据的统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。", "2024-01-01", "2024-12-31"),
    ("本报告所列数据的统计期限自2012年1月1日起至2012年12月31日止。", "2012-01-01", "2012-12-31"),
])
def test_period(text, start, end):
    summary = summarize(parse_text("2018年政府信息公开工作年度报告\n" + text + "\n一、概述\n正文。\n"))
    assert (summary.period_start, summary.period_end) == (start, end)


def test_problems_and_measures():
    report, _ = facts("五、存在的主要问题及改进措施\n主要表现在:一是公开内容不够全面;二是更新不及时。"
                      "下一步,我镇将:一是加强培训;二是完善制度。\n")
    assert [p.text for p in report.problems] == ["一是公开内容不够全面", "二是更新不及时"]
    assert [m.text for m in report.measures][-2:] == ["一是加强培训", "二是完善制度"]
