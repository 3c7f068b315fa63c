"""Table recovery: real-style snippets and the cells they must give (one row per case).

A new real-world failure becomes a row here. Snippets are written for these
tests in the shapes real reports take; no real report is copied.
"""

from __future__ import annotations

import random

import opencc
import pytest

from reportparse import parse_text
from reportparse.models import Tables
from reportparse.normalize import normalize
from reportparse.tables import recover_tables
from reportparse.tables.cells import cell_value
from tables_render import random_data, render_lines, render_pipe, render_run_together, render_tabs, report


def tables_of(text: str, era: str | None = None) -> Tables:
    return recover_tables(normalize(text), era)


def cell(tables: Tables, path: str):
    node = tables.model_dump()
    for key in path.split("."):
        node = node[key]
    return node


# ---------------------------------------------------------------- single cells

@pytest.mark.parametrize("raw, value", [
    ("12", 12),
    ("0", 0),
    ("", None),  # blank is null, never 0
    ("/", None),
    ("—", None),
    ("——", None),
    ("160.5964万元", 160.5964),
    ("251000元", 251000),
    ("22(其中修订16件)", 22),
    ("+22", 22),
    ("--253", -253),
    ("-18", -18),
    ("1,234", 1234),
    ("5949.088667", 5949.088667),
])
def test_cell_value(raw, value):
    assert cell_value(raw) == value


# ---------------------------------------------------------------- snippets

T3_HEAD = "三、收到和处理政府信息公开申请情况\n申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他\n"
T2_2019 = "第二十条第（一）项\n信息内容本年新制作数量本年新公开数量对外公开总数量\n"
T2_2021 = "第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n"

SNIPPETS = [
    # Cells run together, spaces in odd places (a page whose table markup was stripped).
    (T3_HEAD + "一、本年新收政府信息公开申请数量200 000121二、上年结转政府信息公开申请数量0000000",
     {"requests.new_received.natural_person": 20, "requests.new_received.other_org": 1,
      "requests.new_received.total": 21, "requests.carried_over.total": 0}),
    (T3_HEAD + "一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000",
     {"requests.new_received.natural_person": 80, "requests.new_received.commercial": 1,
      "requests.new_received.total": 81}),
    # The next row's number (2.) is not a cell of this row.
    (T3_HEAD + "一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开申请数量0000000"
     "（三）不予公开1.属于国家秘密10000012.其他法律行政法规禁止公开0000000",
     {"requests.denied_state_secret.natural_person": 1, "requests.denied_state_secret.total": 1,
      "requests.denied_law_forbidden.total": 0}),
    # Tab-separated with a blank cell: blank stays null and is told apart from 0 and /.
    (T3_HEAD + "一、本年新收政府信息公开申请数量\t5\t\t0\t/\t0\t0\t5\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
     {"requests.new_received.natural_person": 5, "requests.new_received.commercial": None,
      "requests.new_received.research": 0, "requests.new_received.social_welfare": None,
      "raw.requests.new_received.commercial": "", "raw.requests.new_received.social_welfare": "/"}),
    # Space-aligned columns.
    (T3_HEAD + "一、本年新收政府信息公开申请数量   12   1   0   0   0   2   15\n"
     "二、上年结转政府信息公开申请数量   1    0   0   0   0   0   1",
     {"requests.new_received.natural_person": 12, "requests.new_received.other_org": 2,
      "requests.new_received.total": 15, "requests.carried_over.total": 1}),
    # One cell per line, a wrapped row label, a page footer and a repeated header inside the table.
    (T3_HEAD + "一、本年新收政府信\n息公开申请数量\n7\n0\n0\n0\n1\n0\n8\n-5-\n申请人情况\n自然人\n商业企\n业\n"
     "二、上年结转政府信息公开申请数量\n1\n0\n0\n0\n0\n0\n1",
     {"requests.new_received.legal_service": 1, "requests.new_received.total": 8,
      "requests.carried_over.natural_person": 1}),
    # Traditional script, straight quotes.
    ("三、收到和處理政府信息公開申請情況\n申請人情況\n一、本年新收政府信息公開申請數量 3 0 0 0 0 0 3\n"
     "二、上年結轉政府信息公開申請數量 0 0 0 0 0 0 0\n3.危及\"三安全一穩定\" 1 0 0 0 0 0 1",
     {"requests.new_received.total": 3, "requests.denied_safety_stability.total": 1}),
    # Table 二 (2019): units, signs, notes as printed; raw keeps what was printed.
    ("第二十条第（五）项\n| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n|---|---|---|---|\n"
     "| 行政许可 | / |  | 0 |\n| 其他对外管理服务事项 | +22 | 0 | 889 |\n"
     "第二十条第（六）项\n| 行政处罚 | 253 | --253 | 0 |\n| 行政强制 | 22(其中修订16件) | — | 3 |\n"
     "第二十条第（九）项\n| 信息内容 | 采购项目数量 | 采购总金额 |\n| 政府集中采购 | 12 | 160.5964万元 |\n"
     "三、收到和处理政府信息公开申请情况\n本年新制作数量",
     {"proactive.licensing.previous": None, "proactive.licensing.change": None,
      "proactive.licensing.decisions": 0, "raw.proactive.licensing.previous": "/",
      "raw.proactive.licensing.change": "", "proactive.other_services.previous": 22,
      "proactive.punishment.change": -253, "proactive.coercion.previous": 22,
      "raw.proactive.coercion.previous": "22(其中修订16件)", "proactive.coercion.change": None,
      "proactive.procurement.amount": 160.5964, "format": "fmt2019"}),
    # Table 二 run together: only readings every split agrees on are kept.
    (T2_2019 + "规章007规范性文件7777166第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量"
     "行政处罚2648-18538第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15"
     "三、收到和处理政府信息公开申请情况",
     {"proactive.regulations.made": 0, "proactive.regulations.published": 0, "proactive.regulations.total": 7,
      "proactive.normative_documents.made": None, "proactive.punishment.previous": 2648,
      "proactive.punishment.change": None, "proactive.punishment.decisions": None,
      "proactive.fees.previous": 35, "proactive.fees.change": -15}),
    # ... and the prose may fix a leading cell (制发的规范性文件12件): 12|3|6 is then the only reading.
    ("本年度制发的规范性文件12件。\n二、主动公开政府信息情况\n" + T2_2021 + "规章000行政规范性文件1236"
     "第二十条第（五）项信息内容本年处理决定数量行政许可2629三、收到和处理政府信息公开申请情况",
     {"proactive.normative_documents.issued": 12, "proactive.normative_documents.repealed": 3,
      "proactive.normative_documents.in_force": 6, "proactive.licensing.decisions": 2629,
      "format": "fmt2021"}),
    # Table 四 on one line: each group's 总计 fixes the split.
    ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
     "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
     "110024001510102五、存在的主要问题及改进情况",
     {"review_litigation.review.maintained": 1, "review_litigation.review.total": 2,
      "review_litigation.litigation_direct.total": 5, "review_litigation.litigation_after_review.other": 1}),
    # Two splits fit the groups; the prose (行政复议11件) decides.
    ("全年被申请行政复议11件。\n四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计\n"
     "00011110020201012\n五、存在的主要问题及改进情况",
     {"review_litigation.review.corrected": 0, "review_litigation.review.pending": 11,
      "review_litigation.review.total": 11, "review_litigation.litigation_direct.total": 2,
      "review_litigation.litigation_after_review.total": 2}),
    # ... without it, the cells that differ stay null.
    ("四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计\n"
     "00011110020201012\n五、存在的主要问题及改进情况",
     {"review_litigation.review.maintained": 0, "review_litigation.review.pending": None,
      "review_litigation.review.total": None, "review_litigation.litigation_after_review.total": None}),
    # Table 四 flattened: 15 numbers under fragmented headers, one per line.
    ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果\n维持\n结果\n纠正\n总计\n"
     + "\n".join(["1", "0", "0", "0", "1", "2", "0", "0", "1", "3", "0", "0", "0", "0", "0"]) + "\n五、存在的主要问题及改进情况",
     {"review_litigation.review.total": 1, "review_litigation.litigation_direct.maintained": 2,
      "review_litigation.litigation_direct.total": 3}),
]


@pytest.mark.parametrize("text, expected", SNIPPETS, ids=[f"snippet{i}" for i in range(len(SNIPPETS))])
def test_snippet(text, expected):
    tables = tables_of(text)
    for path, want in expected.items():
        if path.startswith("raw."):
            assert tables.raw.get(path[4:]) == want, path
        elif path == "format":
            assert tables.format == want
        else:
            assert cell(tables, path) == want, path


# ---------------------------------------------------------------- whole tables

def _data(era: str, seed: int = 3):
    return random_data(random.Random(seed), era)


@pytest.mark.parametrize("era", ["fmt2019", "fmt2021"])
def test_format_from_labels_not_year(era):
    # A 2023 report still printed in the 2019 trial format is fmt2019, and the other way round.
    year = 2023 if era == "fmt2019" else 2020
    text = report("新开镇人民政府", year, render_pipe(_data(era)))
    assert parse_text(text).tables.format == era
    assert parse_text(text).format == era


def test_run_together_requests_use_column_identities():
    # Rows that split two ways under their own row total are settled by the column identities.
    data = _data("fmt2021", seed=11)
    data.requests["granted"] = [22, 0, 0, 0, 0, 0, 22]  # 220000022: also 2|20|0|0|0|0|22
    data.requests["partially_granted"] = [19, 1, 0, 0, 0, 0, 20]  # 191000020: also 1|9|10|0|0|0|20
    outcome = [k for k in data.requests if k not in ("new_received", "carried_over", "total_processed",
                                                     "carried_forward")]
    total = [sum(data.requests[k][c] for k in outcome) for c in range(7)]
    data.requests["total_processed"] = total
    data.requests["carried_forward"] = [0] * 7
    data.requests["carried_over"] = [0] * 7
    data.requests["new_received"] = list(total)
    tables = parse_text(report("某区人民政府", 2023, render_run_together(data), one_line=True)).tables
    assert tables.requests == data.requests_gold()
    assert not [p for p in tables.ambiguous if p.startswith("requests")]


def test_identity_failure_reported_not_fixed():
    # As printed in some reports: (七)总计 leaves out the 部分公开 row. Cells stay as printed.
    data = _data("fmt2019", seed=5)
    data.requests["partially_granted"][0] += 6
    data.requests["partially_granted"][6] += 6
    tables = parse_text(report("某县人民政府", 2020, render_lines(data))).tables
    assert tables.requests["partially_granted"]["total"] == data.requests["partially_granted"][6]
    failures = [f for f in tables.identities if f.rule.startswith("(七)")]
    cols = {f.cells[0] for f in failures}
    assert cols == {"requests.total_processed.natural_person", "requests.total_processed.total"}
    assert all(f.difference == -6 for f in failures)
    assert all("requests.partially_granted.total" in f.cells or "requests.partially_granted.natural_person"
               in f.cells for f in failures)


def test_table_four_identity_failure():
    text = ("四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | | | | | 行政诉讼 |\n| 结果维持 | 结果纠正 |\n"
            "| 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n五、存在的主要问题及改进情况")
    tables = tables_of(text)
    (failure,) = tables.identities
    assert failure.table == "review_litigation"
    assert failure.cells[0] == "review_litigation.review.total"
    assert (failure.found, failure.expected, failure.difference) == (2, 1, 1)


def test_missing_row_listed_and_null():
    data = _data("fmt2021", seed=8)
    t2, t3, t4 = render_pipe(data)
    t3 = "\n".join(line for line in t3.splitlines() if "重复申请" not in line)
    tables = parse_text(report("某镇人民政府", 2022, (t2, t3, t4))).tables
    assert tables.requests["not_processed_repeat"] == dict.fromkeys(tables.requests["granted"])
    assert "requests.not_processed_repeat.total" in tables.missing
    assert tables.requests["granted"]["total"] == data.requests["granted"][6]


def test_blank_total_filled_only_when_two_identities_agree():
    data = _data("fmt2021", seed=9)
    data.requests["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    data.requests["carried_over"] = [0] * 7
    data.requests["new_received"] = [a + b for a, b in zip(data.requests["total_processed"],
                                                           [1, 0, 0, 0, 0, 0, 1], strict=True)]
    gold = data.requests_gold()
    data.requests["carried_forward"] = [1, 0, 0, 0, 0, 0, ""]  # printed blank
    # Blank too, but each of these two is fixed by one identity only: they stay null.
    data.requests["granted"][0] = ""
    data.requests["granted"][6] = ""
    tables = parse_text(report("某镇人民政府", 2022, render_pipe(data))).tables
    assert tables.requests["carried_forward"]["total"] == 1
    assert "requests.carried_forward.total" in tables.derived
    assert tables.requests["granted"]["total"] is None
    assert tables.requests["granted"]["natural_person"] is None
    assert tables.raw["requests.granted.total"] == ""
    assert gold["carried_forward"]["total"] == 1


def test_traditional_script_table():
    data = _data("fmt2021", seed=4)
    text = opencc.OpenCC("s2t").convert(report("新開鎮人民政府", 2022, render_pipe(data)))
    tables = parse_text(text).tables
    assert tables.requests == data.requests_gold()
    assert tables.review_litigation == data.review_gold()


def test_spans_point_into_original():
    data = _data("fmt2019", seed=2)
    text = report("新开镇人民政府", 2021, render_pipe(data))
    tables = parse_text(text).tables
    for name in ("requests", "review_litigation", "proactive"):
        span = tables.spans[name]
        assert text[span.start:span.end] == span.text
    assert "本年新收" in tables.spans["requests"].text


def test_summary_fields_from_tables():
    from reportparse import summarize

    data = _data("fmt2021", seed=6)
    summary = summarize(parse_text(report("新开镇人民政府", 2022, render_pipe(data))))
    req = data.requests_gold()
    assert summary.requests_received == req["new_received"]["total"]
    assert summary.requests_completed == req["total_processed"]["total"]
    assert summary.review_total == data.review_gold()["review"]["total"]
    assert summary.litigation_total == (data.review_gold()["litigation_direct"]["total"]
                                        + data.review_gold()["litigation_after_review"]["total"])


def test_pipe_group_subtotal_row_is_not_a_data_row():
    # Some local variants print a subtotal on the （三）不予公开 group row; it is no standard row.
    data = _data("fmt2019", seed=12)
    t2, t3, t4 = render_pipe(data)
    t3 = t3.replace("| （三）不予公开 |" + " |" * 7, "| （三）不予公开 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |")
    assert "（三）不予公开 | 9" in t3
    t3 = t3.replace("| 1.属于国家秘密 |", "|")  # and the next row lost its label
    tables = parse_text(report("某镇人民政府", 2020, (t2, t3, t4))).tables
    assert tables.requests == data.requests_gold()


def test_unlabelled_pipe_rows_keep_table_order():
    # A pdf extraction that moved wrapped labels out of the table: unlabelled rows fill the gaps
    # between labelled rows when their counts match.
    data = _data("fmt2021", seed=13)
    t2, t3, t4 = render_pipe(data)
    lines = []
    for line in t3.splitlines():
        for label in ("（二）部分公开", "2.其他法律", "5.属于三类", "1.本机关", "2.没有现成", "3.补正后",
                      "4.无正当理由", "1.申请人无正当理由", "2.申请人逾期"):
            if line.startswith("| " + label):
                line = "| " + line.split(" | ", 1)[1]
        lines.append(line)
    tables = parse_text(report("某镇人民政府", 2022, (t2, "\n".join(lines), t4))).tables
    assert tables.requests == data.requests_gold()


def test_format_is_none_without_labels():
    # Only table 四 (identical in both formats): the year hint is no label.
    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果维持\n" + " ".join("0" * 15)
            + "\n五、存在的主要问题及改进情况")
    tables = tables_of(text, era="fmt2021")
    assert tables.review_litigation["review"]["total"] == 0
    assert tables.format is None


def test_prose_naming_a_row_is_not_the_table():
    prose = "本年新收政府信息公开申请数量为9件，上年结转政府信息公开申请数量为1件。\n"
    data = _data("fmt2021", seed=14)
    tables = parse_text(report("某镇人民政府", 2022, render_tabs(data), overview=prose)).tables
    assert tables.requests == data.requests_gold()
