"""Rules that read the recovered tables (filled by table recovery; built by hand here)."""

from __future__ import annotations

import pytest

from reportparse import check, parse_text
from reportparse.models import Evidence, IdentityFailure, Tables
from test_check_rules import CLEAN_2018

REPORT_2020 = (CLEAN_2018.replace("2019年", "2021年").replace("2018年", "2020年")
               .replace("2021年2月14日", "2021年3月14日"))


def review_table(maintained=0, corrected=0, other=0, pending=0):
    group = {"maintained": maintained, "corrected": corrected, "other": other, "pending": pending,
             "total": maintained + corrected + other + pending}
    zero = dict.fromkeys(group, 0)
    return {"review": group, "litigation_direct": dict(zero), "litigation_after_review": dict(zero)}


def with_tables(text: str, **tables):
    report = parse_text(text)
    return report.model_copy(update={"tables": Tables(**tables)})


def codes(report) -> list[str]:
    return [f.code for f in check(report)]


def test_identity_failures_become_findings():
    span = Evidence(start=0, end=4, text=CLEAN_2018[:4])
    failure = IdentityFailure(table="requests", rule="一+二=三+四 (总计)", cells=["new_received.total"],
                              expected=10, found=9, difference=1)
    report = with_tables(CLEAN_2018, identities=[failure], spans={"requests": span})
    (finding,) = [f for f in check(report) if f.code == "table-identity"]
    assert "应为10" in finding.message and "实为9" in finding.message and finding.evidence == [span]


@pytest.mark.parametrize("table,expected", [
    ({"new_received": {"total": 3}}, []),          # the text says 受理申请3件
    ({"new_received": {"total": 4}}, ["narrative-table-mismatch"]),
    ({"new_received": {"total": None}}, []),       # a blank cell says nothing
])
def test_requests_received_against_table_three(table, expected):
    assert [c for c in codes(with_tables(CLEAN_2018, requests=table)) if c == "narrative-table-mismatch"] == expected


def test_reviews_against_table_four():
    assert "narrative-table-mismatch" not in codes(with_tables(CLEAN_2018, review_litigation=review_table()))
    # the text says no review was applied for, the table has two
    assert "narrative-table-mismatch" in codes(with_tables(CLEAN_2018, review_litigation=review_table(2)))


@pytest.mark.parametrize("table,fires", [
    (review_table(maintained=2), False),
    (review_table(maintained=1, pending=1), True),
    (review_table(maintained=1, corrected=1), True),
])
def test_all_upheld_while_table_shows_pending(table, fires):
    text = CLEAN_2018.replace(
        "2018年度我镇没有发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。",
        "2018年度我镇因政府信息公开被申请行政复议2件,均获维持。")
    found = [f for f in check(with_tables(text, review_litigation=table))
             if f.code == "narrative-table-mismatch" and "维持" in f.message]
    assert bool(found) == fires


def test_format_report_without_tables():
    got = codes(parse_text(REPORT_2020))
    assert got.count("missing-table") == 3


def test_format_report_with_tables_recovered():
    report = with_tables(REPORT_2020, proactive={"regulations": {"issued": 0}},
                         requests={"new_received": {"total": 3}}, review_litigation=review_table())
    assert "missing-table" not in codes(report)


def test_format_report_with_an_empty_table():
    report = with_tables(REPORT_2020, proactive={"regulations": {"issued": 0}},
                         requests={"new_received": {"total": None}}, review_litigation=review_table())
    (finding,) = [f for f in check(report) if f.code == "missing-table"]
    assert "表三" in finding.message and "为空" in finding.message


def test_printed_table_labels_with_figures_count_as_present():
    text = REPORT_2020.replace("均已按时答复。", "均已按时答复。\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3")
    assert codes(parse_text(text)).count("missing-table") == 2


def test_table_labels_read_as_prose_are_not_narrative():
    # extraction may read 未…复议 in table 四's labels as "no review"; inside the table span it is no narrative
    report = with_tables(CLEAN_2018, review_litigation=review_table(2))
    statement = report.facts.review_total.evidence
    report.tables.spans["review_litigation"] = Evidence(start=statement.start - 1, end=statement.end + 1,
                                                         text=report.text[statement.start - 1 : statement.end + 1])
    assert "narrative-table-mismatch" not in codes(report)
