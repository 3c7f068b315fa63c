"""Counts on reports never seen: one table of real-style snippets per class (price-parser style).

Each row: a report body (after a common title and preamble), the summary field,
and what it must give (None: the report does not state it).
"""

from __future__ import annotations

import pytest

from reportparse import parse_text, summarize

HEAD = "2016年某镇人民政府政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n"
HEAD_2021 = "某区某局2022年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n"

REQ = "三、依申请公开政府信息情况\n"
OVERVIEW = "一、概述\n"
PROACTIVE = "二、主动公开政府信息情况\n"
FEES = "四、政府信息公开的收费及减免情况\n"
RL = "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
OTHER = "六、其他需要报告的事项\n"


def summary(body: str, head: str = HEAD):
    return summarize(parse_text(head + body))


# 4. Silence vs zero: a statement that nothing happened is 0; silence is null.
SILENCE_VS_ZERO = [
    (REQ + "本年度未收到政府信息公开申请。\n", "requests_received", 0),
    (REQ + "本年度未收到政府信息公开申请。\n", "requests_completed", 0),
    (REQ + "本年度未收到政府信息公开申请。\n", "requests_granted", 0),
    (REQ + "本年度未收到政府信息公开申请。\n", "requests_denied", 0),
    (REQ + "2016年,我镇没有收到公民、法人或其他组织提出的信息公开申请。\n", "requests_completed", 0),
    (REQ + "本年度无依申请公开事项。\n", "requests_received", None),
    (REQ + "本年度未收到政府信息公开申请,但对以往申请中不予公开的事项作了说明。\n", "requests_denied", None),
    (REQ + "全年共受理申请3件,均已办结。\n", "requests_denied", None),
    (REQ + "本年度未收到政府信息公开申请。\n" + RL + "本年度未发生行政复议和行政诉讼。\n",
     "review_total", 0),
    (RL + "本年度没有发生因政府信息公开申请行政复议、提起行政诉讼的情况。\n", "litigation_total", 0),
    (RL + "本年度未发生行政复议被纠错和行政诉讼败诉情形。\n", "review_total", None),
    (RL + "本年度未发生行政复议被纠错和行政诉讼败诉情形。\n", "litigation_total", None),
    (RL + "我局无因信息公开被复议决定撤销或诉讼败诉的情况。\n", "review_total", None),
    (RL + "本年度无行政复议、行政诉讼案件。\n", "review_total", 0),
    (FEES + "本年度没有收取任何费用。\n", "processing_fee_yuan", 0),
    (FEES + "无收取信息处理费。\n", "processing_fee_yuan", 0),
    (FEES + "依申请提供政府信息,未收取任何费用。\n", "processing_fee_yuan", 0),
    (FEES + "本年度没有收费。\n", "processing_fee_yuan", 0),
    (FEES + "本年度未发生收费情况。\n", "processing_fee_yuan", 0),
    (OTHER + "按照规定的按件、按量收费标准,本年度没有产生信息公开处理费。\n", "processing_fee_yuan", 0),
    (OTHER + "本年度未产生信息处理费。\n", "processing_fee_yuan", 0),
    (OTHER + "2022年,无收取信息处理费情况。\n", "processing_fee_yuan", 0),
    (OTHER + "本年度共收取信息处理费400元。\n", "processing_fee_yuan", 400),
    (OTHER + "本机关认真做好政府信息公开工作。\n", "processing_fee_yuan", None),
    (RL + "本机关依法做好复议应诉准备工作。\n", "review_total", None),
    (FEES + "无。\n", "processing_fee_yuan", 0),
    (OVERVIEW + "便民服务中心为群众免费提供复印服务。\n", "processing_fee_yuan", None),
    (OVERVIEW + "依申请公开政府信息未收取任何费用。\n", "processing_fee_yuan", 0),
    (FEES + "本年度未对申请人收取检索、复制、邮寄等费用。\n", "processing_fee_yuan", 0),
    (RL + "本年度无因政府信息公开申请行政复议或行政诉讼的情况。\n", "review_total", 0),
    (RL + "本年度无因政府信息公开申请行政复议或行政诉讼的情况。\n", "litigation_total", 0),
    (FEES + "本年度没有发生收费及减免情况。\n", "processing_fee_yuan", 0),
    (FEES + "依申请提供的政府信息均免费。\n", "processing_fee_yuan", 0),
    (FEES + "共收取检索、复制、邮寄等费用150元。\n", "processing_fee_yuan", 150),
    (RL + "因政府信息公开被申请行政复议的有1件,维持原答复。\n", "review_total", 1),
    (RL + "本年度因政府信息公开被提起行政诉讼2起。\n", "litigation_total", 2),
    (OVERVIEW + "全年共办理行政复议案件120件,行政应诉案件35件。\n", "review_total", None),
    (OVERVIEW + "全年因政府信息公开被申请行政复议3件。\n", "review_total", 3),
]

# 5. Only information-disclosure requests count: not approvals, permits, petitions, window services, tax.
ONLY_DISCLOSURE = [
    (OVERVIEW + "镇便民服务中心窗口受理审批事项123456件,办结率100%。\n" + REQ + "本年度未收到政府信息公开申请。\n",
     "requests_received", 0),
    (OVERVIEW + "窗口受理审批事项123456件。\n", "requests_received", None),
    (OVERVIEW + "全年受理行政许可申请8520件,办结行政许可8520件。\n", "requests_received", None),
    (OVERVIEW + "全年受理行政许可申请8520件,办结行政许可8520件。\n", "requests_completed", None),
    (OVERVIEW + "共受理群众信访申请35件。\n", "requests_received", None),
    (OVERVIEW + "受理纳税人涉税咨询申请620件。\n", "requests_received", None),
    (OVERVIEW + "全年共收到政府信息公开申请12件。\n", "requests_received", 12),
    (OVERVIEW + "受理依申请公开事项2件,均已按时答复。\n", "requests_received", 2),
    (REQ + "本年度共登记受理政府信息公开申请12件。\n", "requests_received", 12),
    (OVERVIEW + "全年受理市场主体登记申请4521件。\n", "requests_received", None),
    (OVERVIEW + "全年共办理人大代表建议和政协提案56件,接到群众来电咨询300余次。\n", "requests_received", None),
    (REQ + "全年共受理申请5件,办结5件,其中同意公开3件。\n", "requests_received", 5),
    (REQ + "2017年度,我局受理依申请公开的数量为5条,历年累计受理依申请公开数5条。\n", "requests_received", 5),
    (REQ + "全年共受理申请5件,办结5件,其中同意公开3件。\n", "requests_granted", 3),
    (REQ + "政务服务窗口办结申请事项2300件。\n", "requests_completed", None),
    (REQ + "已答复件数5件,已答复中“同意公开”的件数为2件,“部分公开”的件数为1件,“不予公开”的件数为1件。\n",
     "requests_completed", 5),
    (REQ + "已答复件数5件,已答复中“同意公开”的件数为2件,“部分公开”的件数为1件,“不予公开”的件数为1件。\n",
     "requests_granted", 2),
    (REQ + "已答复件数5件,已答复中“同意公开”的件数为2件,“部分公开”的件数为1件,“不予公开”的件数为1件。\n",
     "requests_denied", 1),
    (REQ + "共受理申请4件,其中3件予以公开,1件不予公开。\n", "requests_denied", 1),
    (REQ + "共受理申请4件,其中部分公开2件。\n", "requests_granted", None),
    (REQ + "共受理申请4件,均予以公开,本年度无不予公开的政府信息。\n", "requests_denied", 0),
    (REQ + "共受理申请4件,全年没有应公开而不予公开的情况。\n", "requests_denied", None),
]

# 6. Proactive total: the year's count, not the running total.
PROACTIVE_TOTAL = [
    (PROACTIVE + "全年主动公开信息1200条,历年累计8000条。\n", "proactive_total", 1200),
    (PROACTIVE + "截至目前,累计主动公开政府信息8000条。其中本年度主动公开政府信息360条。\n", "proactive_total", 360),
    (PROACTIVE + "截止2016年12月20日,我局在门户网站累计主动公开政府信息805条。\n", "proactive_total", None),
    (PROACTIVE + "我镇历年累计主动公开政府信息3000条。\n", "proactive_total", None),
    (PROACTIVE + "全年累计主动公开政府信息179条,全文电子化率达100%。\n", "proactive_total", 179),
    (PROACTIVE + "2016年全年我局主动公开信息数为140条,其中规范性文件3条。\n", "proactive_total", 140),
    (PROACTIVE + "全年公开公文类政府信息共118条,其中规范性文件1条。\n", "proactive_total", 118),
    (PROACTIVE + "本年度主动公开各类信息356条。\n", "proactive_total", 356),
    (PROACTIVE + "全年主动公开政府信息86件。\n", "proactive_total", 86),
    (PROACTIVE + "全年累计主动公开公安政府信息179条。\n", "proactive_total", 179),
    (PROACTIVE + "全年公开信息215条。\n", "proactive_total", 215),
    (OVERVIEW + "本年度依申请公开信息5条。\n", "proactive_total", None),
    (OVERVIEW + "本年度依申请公开政府信息5件。\n", "proactive_total", None),
    (PROACTIVE + "本年共发布信息432条。\n", "proactive_total", 432),
    (PROACTIVE + "我局通过门户网站发布信息607条,其中主动公开380份。\n", "proactive_total", 380),
    (PROACTIVE + "在镇政府网站专栏公开各类信息312条,通过微信公众号发布信息86条。\n", "proactive_total", None),
    (PROACTIVE + "通过政务微博发布信息3348条。\n", "proactive_total", None),
    (PROACTIVE + "今年以来,我局共主动公开政府信息420条。\n", "proactive_total", 420),
    (PROACTIVE + "2016年,我局累计主动公开政府信息420条。\n", "proactive_total", 420),
    (PROACTIVE + "我局累计主动公开政府信息8000条。\n", "proactive_total", None),
    (PROACTIVE + "截至2016年底,我局累计公开政府信息8000条。\n", "proactive_total", None),
    (PROACTIVE + "截至2016年12月31日,我局共主动公开政府信息360条。\n", "proactive_total", 360),
    (REQ + "2016年,我局累计受理政府信息公开申请12件。\n", "requests_received", 12),
    (REQ + "历年累计受理政府信息公开申请30件。\n", "requests_received", None),
    (PROACTIVE + "通过“某某发布”微信公众号主动公开信息86条。\n", "proactive_total", None),
    (PROACTIVE + "全年主动公开信息520条,其中人事类信息12条。\n", "proactive_total", 520),
    (PROACTIVE + "其中主动公开人事类信息12条。\n", "proactive_total", None),
    (PROACTIVE + "2016年,其中本局主动公开政府信息360条。\n", "proactive_total", 360),
    (PROACTIVE + "截至12月底,我局共主动公开政府信息360条。\n", "proactive_total", 360),
    (PROACTIVE + "截至目前,我局共主动公开政府信息8000条。\n", "proactive_total", None),
    (PROACTIVE + "历年累计主动公开信息8000条,其中2016年主动公开360条。\n", "proactive_total", 360),
    (PROACTIVE + "自2008年以来,共主动公开政府信息5000条。\n", "proactive_total", None),
]

# 7. Pre-2019 local statistics tables: the year's column, never the cumulative one.
_LOCAL = ("七、附表\n指标名称 计量单位 2016年度 历年累计\n主动公开信息数 条 360 805\n"
          "其中:1.政府网站公开数 条 360 805\n受理政府信息公开申请总数 条 4 9\n"
          "对申请的答复总数 条 4 9\n其中:1.同意公开答复数 条 3 6\n2.同意部分公开答复数 条 0 1\n"
          "3.不予公开答复数 条 1 2\n行政复议数 件 0 1\n行政诉讼数 件 0 2\n政府信息公开收费金额 元 0 0\n")
_LOCAL_ONE_COLUMN = ("附表:\n指标名称 计量单位 年末统计\n主动公开信息数 条 23\n受理依申请公开信息总数 条 2\n"
                     "对申请的答复总数 条 2\n其中:1.同意公开答复数 条 1\n2.同意部分公开答复数 条 1\n"
                     "3.否决公开答复总数 条 0\n行政复议数 件 0\n行政诉讼数 件 0\n")
_LOCAL_RUN = ("附表:政府信息公开情况统计表指标名称计量单位本年历年累计主动公开信息数条4578375受理依申请公开信息总数条55"
              "对申请的答复总数条55同意公开答复数条22行政复议数件11行政诉讼数件00\n")
_LOCAL_PIPES = ("附表\n| 指标名称 | 单位 | 历年累计 | 本年 |\n| 主动公开信息数 | 条 | 900 | 120 |\n"
                "| 受理依申请公开信息总数 | 条 | 7 | 2 |\n| 行政诉讼数 | 件 | 3 | 1 |\n")
LOCAL_TABLE = [
    (_LOCAL, "proactive_total", 360),
    (_LOCAL, "requests_received", 4),
    (_LOCAL, "requests_completed", 4),
    (_LOCAL, "requests_granted", 3),
    (_LOCAL, "requests_denied", 1),
    (_LOCAL, "review_total", 0),
    (_LOCAL, "litigation_total", 0),
    (_LOCAL, "processing_fee_yuan", 0),
    (_LOCAL_ONE_COLUMN, "proactive_total", 23),
    (_LOCAL_ONE_COLUMN, "requests_received", 2),
    (_LOCAL_ONE_COLUMN, "requests_granted", 1),
    (_LOCAL_ONE_COLUMN, "requests_denied", 0),
    (_LOCAL_RUN, "requests_received", 5),
    (_LOCAL_RUN, "review_total", 1),
    (_LOCAL_RUN, "litigation_total", 0),
    (_LOCAL_RUN, "proactive_total", None),  # 4578375: several splits, no prose to choose
    (_LOCAL_PIPES, "proactive_total", 120),
    (_LOCAL_PIPES, "requests_received", 2),
    (_LOCAL_PIPES, "litigation_total", 1),
    (PROACTIVE + "全年主动公开政府信息300条。\n" + _LOCAL, "proactive_total", 360),  # the table wins
]


@pytest.mark.parametrize("body,field,want", SILENCE_VS_ZERO + ONLY_DISCLOSURE + PROACTIVE_TOTAL + LOCAL_TABLE)
def test_count_classes(body, field, want):
    assert getattr(summary(body), field) == want


def test_table_wins_and_the_prose_stays_a_candidate():
    report = parse_text(HEAD + PROACTIVE + "全年主动公开政府信息300条。\n" + _LOCAL)
    assert report.facts.proactive_total.value == 360
    assert report.facts.proactive_total.source == "local_table"
    assert report.facts.stated("proactive_total", ("prose",)).value == 300
    assert {(c.source, c.value) for c in report.facts.candidates if c.fact == "proactive_total"} == {
        ("local_table", 360), ("prose", 300)}


def test_zero_from_absence_carries_its_statement():
    report = parse_text(HEAD + REQ + "本年度未收到政府信息公开申请。\n")
    fact = report.facts.requests_completed
    assert (fact.value, fact.source) == (0, "derived")
    assert "未收到" in fact.evidence.text
    assert report.text[fact.evidence.start:fact.evidence.end] == fact.evidence.text


# 10. Channels: what the words really name.
CHANNELS = [
    (PROACTIVE + "各科室每周更新信息公开栏目。\n", "bulletin_board", False),
    (PROACTIVE + "在门户网站开设政府信息公开专栏。\n", "bulletin_board", False),
    (PROACTIVE + "在村务公开栏张贴公开信息。\n", "bulletin_board", True),
    (PROACTIVE + "在各村设置政务公开栏12块。\n", "bulletin_board", True),
    (PROACTIVE + "为各村配备防汛倒计时报警器,及时报送信息。\n", "print_media", False),
    (PROACTIVE + "在平潭时报等媒体刊登公告。\n", "print_media", True),
    (PROACTIVE + "通过福建省网上办事大厅发布办事指南。\n", "service_hall", False),
    (PROACTIVE + "依托浙江政务服务网公开办事指南。\n", "website", True),
    (PROACTIVE + "依托浙江政务服务网公开办事指南。\n", "app", False),
    (PROACTIVE + "通过官方微博、微信、移动客户端发布信息。\n", "weibo", True),
    (PROACTIVE + "通过官方微博、微信、移动客户端发布信息。\n", "wechat", True),
    (PROACTIVE + "通过官方微博、微信、移动客户端发布信息。\n", "app", True),
    (PROACTIVE + "打造“平潭交管大队长热线”等微博品牌。\n", "hotline", False),
    (PROACTIVE + "打造“平潭交管大队长热线”等微博品牌。\n", "weibo", True),
    (PROACTIVE + "开通12345政务服务便民热线。\n", "hotline", True),
    (PROACTIVE + "召开新闻发布会3场。\n", "press_conference", True),
    (PROACTIVE + "本年度未召开新闻发布会。\n", "press_conference", False),
    (PROACTIVE + "我镇尚未开通政务微博,主要通过政府网站公开。\n", "weibo", False),
    (PROACTIVE + "我镇尚未开通政务微博,主要通过政府网站公开。\n", "website", True),
    (PROACTIVE + "召开全县政务公开工作电视电话会议。\n", "broadcast", False),
    (PROACTIVE + "会同县文化广播电视局做好公开工作。\n", "broadcast", False),
    (PROACTIVE + "通过县电视台、广播播报政策信息。\n", "broadcast", True),
    (PROACTIVE + "及时发布国民经济和社会发展统计公报。\n", "gazette", False),
    (PROACTIVE + "在《某市人民政府公报》刊登规范性文件。\n", "gazette", True),
    (PROACTIVE + "访问 http://app.example.gov.cn 查询。\n", "app", False),
    (PROACTIVE + "通过“某某通”APP发布信息。\n", "app", True),
]


@pytest.mark.parametrize("body,code,present", CHANNELS)
def test_channel_classes(body, code, present):
    assert (code in summary(body).channels) is present


# Refusal reasons the prose states.
REFUSALS = [
    (REQ + "共受理申请3件,不予公开1件,不予公开的原因是该申请信息不属于公开范畴。\n", ["other"]),
    (REQ + "共受理申请3件,不予公开1件,不予公开的原因是申请公开的信息属于国家秘密。\n", ["state_secret"]),
    (REQ + "共受理申请3件,其中1件属于本机关不掌握相关政府信息。\n", ["not_held"]),
    (REQ + "本年度未收到政府信息公开申请。\n", []),
]


@pytest.mark.parametrize("body,codes", REFUSALS)
def test_refusal_classes(body, codes):
    assert summary(body).refusal_categories == codes


def test_local_table_with_two_year_columns_is_not_guessed():
    table = ("附表\n指标名称 计量单位 2016年 2015年\n主动公开信息数 条 360 290\n"
             "受理依申请公开信息总数 条 4 9\n")
    s = summary(table)
    assert (s.proactive_total, s.requests_received) == (None, None)


# The other common pre-2019 template: one 统计数 column, 收到申请数 / 申请办结数 / 不同意公开答复数.
_TEMPLATE = ("附件:政府信息公开情况统计表(2016年度)\n统计指标 单位 统计数\n一、主动公开情况\n"
             "(一)主动公开政府信息数 条 1234\n二、依申请公开情况\n(一)收到申请数 件 12\n1.当面申请数 件 2\n"
             "(二)申请办结数 件 11\n(三)申请答复数 件\n1.属于已主动公开范围数 件 1\n2.同意公开答复数 件 6\n"
             "3.同意部分公开答复数 件 2\n4.不同意公开答复数 件 2\n三、行政复议数量 件 1\n四、行政诉讼数量 件 0\n"
             "五、依申请公开信息收取的费用 万元 0\n")


@pytest.mark.parametrize("field,want", [
    ("proactive_total", 1234), ("requests_received", 12), ("requests_completed", 11), ("requests_granted", 6),
    ("requests_denied", 2), ("review_total", 1), ("litigation_total", 0), ("processing_fee_yuan", 0),
])
def test_local_template_one_column(field, want):
    assert getattr(summary(_TEMPLATE), field) == want


def test_local_fee_in_decimal_wan_is_not_read_whole():
    body = _TEMPLATE.replace("收取的费用 万元 0", "收取的费用 万元 0.05")
    assert summary(body).processing_fee_yuan is None
