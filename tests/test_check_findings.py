"""False findings and contradictions of real reports (issue 11), one row per class: each defect
fires, and the correct text beside it stays silent."""

from __future__ import annotations

import pytest

from reportparse import check, parse_text
from test_check_rules import CLEAN_2018, apply
from test_check_tables import REPORT_2020, review_table, with_tables


def codes(report) -> list[str]:
    return [f.code for f in check(report)]


def errors(report) -> list[str]:
    return [f.code for f in check(report) if f.severity == "error"]


# --- narrative-table-mismatch: received may count carried-over requests too ------------------

def requests_table(new, carried, done, forward):
    return {"new_received": {"total": new}, "carried_over": {"total": carried},
            "total_processed": {"total": done}, "carried_forward": {"total": forward}}


@pytest.mark.parametrize("prose,table,fires", [
    ("受理申请3件", requests_table(3, 0, 3, 0), False),          # row 一
    ("受理申请5件", requests_table(3, 2, 4, 1), False),          # row 一 + row 二
    ("受理申请5件", requests_table(3, None, 4, 1), False),       # (七) + 四, same sum by the identity
    ("受理申请6件", requests_table(3, 2, 4, 1), True),           # neither
    ("受理申请4件", requests_table(0, 0, 0, 0), True),           # the table says none (a real defect)
])
def test_received_counts_new_or_new_plus_carried(prose, table, fires):
    text = CLEAN_2018.replace("受理申请3件", prose)
    found = [c for c in codes(with_tables(text, requests=table)) if c == "narrative-table-mismatch"]
    assert bool(found) == fires


# --- a statement about outcomes is no count ---------------------------------------------------

OUTCOME = "2018年度我镇未发生行政复议被纠错、行政诉讼败诉的情形。"
NO_REVIEW = "2018年度我镇没有发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。"


@pytest.mark.parametrize("sentence,fires", [
    (OUTCOME, False),      # says how cases ended, not that there were none
    (NO_REVIEW, True),     # says there were none: the table's 2 contradicts it
])
def test_outcome_statement_is_not_compared_with_review_total(sentence, fires):
    text = CLEAN_2018.replace(NO_REVIEW, sentence)
    found = [c for c in codes(with_tables(text, review_litigation=review_table(maintained=2)))
             if c == "narrative-table-mismatch"]
    assert bool(found) == fires


# --- missing-number never contradicts a zero the parser read ------------------------------------

@pytest.mark.parametrize("sentence,fires", [
    ("2018年度我镇未收到政府信息公开申请件。", False),        # 件 after no number: there were none
    ("2018年度我镇依法认真办理群众依申请公开件。", False),    # 依申请公开件: a request case (noun)
    ("2018年度我镇共受理申请件,均已按时答复。", True),        # a count with its number left out
])
def test_missing_number_and_zero_statements(sentence, fires):
    text = CLEAN_2018.replace("2018年度我镇受理申请3件,均已按时答复。", sentence)
    assert ("missing-number" in codes(parse_text(text))) == fires


# --- numbering --------------------------------------------------------------------------------

SHI_UNDER_SUBS = ("(一)主动公开政府信息的数量\n一是网站公开25条;二是公开栏公开5条。\n"
                  "(二)主动公开政府信息的形式\n一是政府网站;二是镇公开栏。\n")


@pytest.mark.parametrize("name,edits,fires", [
    ("一是 restarts under each sub-heading",
     [("(一)主动公开政府信息的数量\n全年主动公开政府信息25条。\n(二)主动公开政府信息的形式\n"
       "通过岳阳县政府网站和镇公开栏公开政府信息。\n", SHI_UNDER_SUBS)], False),
    ("一是 list nested in another",
     [("主要问题是公开内容不够丰富。", "主要问题:一是公开内容不够丰富,表现在:一是栏目少;二是更新慢。二是人员不足。")],
     False),
    ("一是 then 三是 is still a skip", [("主要问题是公开内容不够丰富。", "主要问题:一是内容不够丰富;三是更新不及时。")],
     True),
    ("heading with a typo is still part 四",
     [("五、因政府信息公开申请行政复议、提起行政诉讼的情况", "五、因政府信息公开行政法复议情况")], False),
    ("part 二 really missing", [("二、主动公开政府信息情况", "三、主动公开政府信息情况")], True),
    ("web copy drops a heading's number",
     [("二、主动公开政府信息情况", "主动公开政府信息情况")], False),
])
def test_numbering(name, edits, fires):
    assert ("numbering" in codes(parse_text(apply(edits)))) == fires, name


def test_table_row_labels_are_no_numbering():
    text = REPORT_2020.replace("均已按时答复。", "均已按时答复。\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"
                               "(二)部分公开 0 0 0 0 0 0 0\n1.属于国家秘密 0 0 0 0 0 0 0\n"
                               "7.属于行政执法案卷 0 0 0 0 0 0 0\n(四)无法提供 0")
    report = parse_text(text)
    assert "numbering" not in [f.code for f in report.findings if "条目" in f.message or "小标题" in f.message] or \
        not report.tables.spans


# --- missing-part: the content under other headings ----------------------------------------------

def test_problems_split_under_another_part():
    text = apply([("六、政府信息公开工作存在的主要问题及改进情况\n主要问题是公开内容不够丰富。下一步我们将进一步完善公开内容。\n",
                   ""), ("七、其他", "六、其他"), ("等七部分", "等六部分"),
                  ("无。\n新开镇", "(一)上年度问题的改进情况\n已增设栏目。\n(二)本年度存在的主要问题\n更新不够及时。\n新开镇")])
    assert "missing-part" not in codes(parse_text(text))


def test_heading_run_into_a_line_counts():
    text = CLEAN_2018.replace("一、概述\n", "如下:一、概述 ")
    report = parse_text(text)
    assert "missing-part" not in codes(report)


def test_part_missing_from_a_cut_text_is_only_a_warning():
    cut = CLEAN_2018[: CLEAN_2018.index("六、政府信息公开工作")]
    found = [f for f in check(parse_text(cut)) if f.code in ("missing-part", "part-not-found")]
    assert found and all(f.code == "part-not-found" and f.severity == "warning" for f in found)


def test_review_counted_in_the_annexed_table():
    text = apply([("五、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
                   "2018年度我镇没有发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。\n", ""),
                  ("六、政府", "五、政府"), ("七、其他", "六、其他"), ("等七部分", "等六部分")])
    text += "附表:\n指标名称 计量单位 年末统计\n主动公开信息数 条 25\n受理依申请公开信息总数 条 3\n行政复议数 件 0\n行政诉讼数 件 0\n"
    assert "missing-part" not in codes(parse_text(text))


# --- new contradictions ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,fires", [
    ("2018年度我镇受理申请3件,上年结转1件,办结5件。", True),
    ("2018年度我镇受理申请3件,上年结转1件,办结4件。", False),
    ("2018年度我镇受理申请3件,办结3件,其中同意公开2件,不予公开2件。", True),
    ("2018年度我镇受理申请3件,办结3件,其中同意公开2件,不予公开1件。", False),
])
def test_count_arithmetic(sentence, fires):
    text = CLEAN_2018.replace("2018年度我镇受理申请3件,均已按时答复。", sentence)
    found = [f for f in check(parse_text(text)) if f.code == "count-arithmetic"]
    assert bool(found) == fires and all(f.severity == "warning" for f in found)


@pytest.mark.parametrize("sentence,fires", [
    ("2018年度我镇未收到政府信息公开申请。全年受理申请350400件。", True),
    ("2018年度我镇未收到涉及土地的政府信息公开申请。全年受理申请3件。", False),
])
def test_implausible_count(sentence, fires):
    text = CLEAN_2018.replace("2018年度我镇受理申请3件,均已按时答复。", sentence)
    assert ("implausible-count" in codes(parse_text(text))) == fires


ANNEX = "附表:\n指标名称 计量单位 2018年度 历年累计\n主动公开信息数 条 {p} 80\n受理依申请公开信息总数 条 {r} 9\n"


@pytest.mark.parametrize("proactive,received,fires", [
    (25, 3, False),
    (25, 4, True),     # the table's year column says 4, the prose 3
    (30, 3, True),
])
def test_pre2019_table_against_prose(proactive, received, fires):
    text = CLEAN_2018 + ANNEX.format(p=proactive, r=received)
    found = [f for f in check(parse_text(text)) if f.code == "narrative-table-mismatch"]
    assert bool(found) == fires


def test_run_together_annex_with_prose_restating_the_cumulative_figure():
    text = CLEAN_2018.replace("全年主动公开政府信息25条。", "全年主动公开政府信息25条,累计主动公开政府信息80条。")
    text += "附表:\n指标名称计量单位2018年度历年累计主动公开信息数条2580受理依申请公开信息总数条39"
    assert "narrative-table-mismatch" not in codes(parse_text(text))


@pytest.mark.parametrize("edits,fires", [
    ([("明确专人负责。", "明确专人负责。全年主动公开政府信息30条。")], True),   # part 一 against part 二
    ([("均已按时答复。", "均已按时答复。全年主动公开政府信息25条。")], False),
])
def test_same_figure_across_parts(edits, fires):
    assert ("conflicting-figures" in codes(parse_text(apply(edits)))) == fires


# --- severity -----------------------------------------------------------------------------------

def test_empty_table_part_is_a_warning_and_a_prose_part_an_error():
    empty = REPORT_2020.replace("2020年度我镇受理申请3件,均已按时答复。\n", "")
    got = [(f.code, f.severity) for f in check(parse_text(empty)) if "table" in f.code]
    assert ("table-not-in-text", "warning") in got and ("missing-table", "error") in got


def test_seed_gives_its_four_findings():
    from pathlib import Path

    from reportparse import parse
    seed = Path("/work/shared/corpus/dev/xinkai-town-2018.txt")
    if not seed.exists():
        pytest.skip("the shared dev corpus is not on this machine")
    assert sorted(f.code for f in parse(seed).findings) == sorted(
        ["numbering", "missing-part", "missing-other-part", "refusal-without-requests"])
