"""Tables as real reports print them (issue 10, class 8): misprinted labels, （六）其他处理 as one
row in a 2021 table, labels wrapped around their cells, numbers wrapped inside a cell, a row
run into the next sentence's year, table 四 as markdown sub-tables.

Every table is laid out from known cell values (:mod:`tables_render`) and must parse back to
exactly those values; where a rendering leaves a cell undecidable, the cell must be null.
"""

from __future__ import annotations

import random

import pytest

from reportparse import parse_text, summarize
from reportparse.models import Tables
from reportparse.tables.summary import table_counts
from tables_render import (
    RENDERERS,
    misprinted,
    random_data,
    render_pdf_text,
    render_pipe,
    render_review_subtables,
    render_run_together,
    report,
    with_one_row_other,
    wrap_number,
)

ERAS = ["fmt2019", "fmt2021"]


def _data(era: str, seed: int):
    return random_data(random.Random(seed), era, scale=40, busy=0.6)


def _parse(tables: tuple[str, str, str], year: int = 2022, **kw) -> Tables:
    return parse_text(report("某县人民政府", year, tables, **kw)).tables


def _never_wrong(tables: Tables, gold: dict, name: str) -> None:
    for row, cells in gold.items():
        for col, want in cells.items():
            got = getattr(tables, name)[row][col]
            assert got is None or got == want, f"{name}.{row}.{col}: {got} != {want}"


# ---------------------------------------------------------------- misprinted labels

@pytest.mark.parametrize("rendering", ["spaces", "tabs", "lines", "pipe", "html_pipes"])
@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("seed", [1, 2])
def test_misprinted_labels(rendering, era, seed):
    data = _data(era, seed)
    tables = _parse(misprinted(RENDERERS[rendering])(data))
    assert tables.requests == data.requests_gold()
    assert tables.review_litigation == data.review_gold()
    assert tables.format == era
    assert not tables.missing and not tables.identities


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("seed", [3, 4, 5])
def test_misprinted_run_together_never_guesses(era, seed):
    data = _data(era, seed)
    tables = parse_text(report("某县人民政府", 2022, misprinted(render_run_together)(data), one_line=True)).tables
    _never_wrong(tables, data.requests_gold(), "requests")
    _never_wrong(tables, data.review_gold(), "review_litigation")
    assert tables.requests["denied_law_forbidden"]["total"] is not None or \
        "requests.denied_law_forbidden.total" in tables.ambiguous


@pytest.mark.parametrize("label, row", [
    ("2.其他法律行政止公开", "denied_law_forbidden"),
    ("7.属于行政执法案件", "denied_enforcement_file"),
    ("4.保护第三方合法权易", "denied_third_party"),
    ("无正当理由大量反复申清", "not_processed_excessive"),
    ("(三)不予公开", None),  # a group label names no row
    ("(五)不予处理", None),
    ("合计", None),
])
def test_closest_row(label, row):
    from reportparse.tables import labels

    assert labels.closest_row(label, labels.REQUEST_KEYS) == row


# ---------------------------------------------------------------- （六） as one row in 2021

@pytest.mark.parametrize("rendering", ["spaces", "tabs", "lines", "pipe", "html_pipes"])
def test_2021_other_printed_as_one_row(rendering):
    data = with_one_row_other(_data("fmt2021", 6))
    tables = _parse(RENDERERS[rendering](data))
    gold = data.requests_gold()
    assert gold["other_reasons"]["total"] is None and gold["other"]["total"] is not None
    assert tables.requests == gold
    assert tables.format == "fmt2021"
    assert tables.identities == []


# ---------------------------------------------------------------- labels wrapped around cells

@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("width", [6, 12, 15])
def test_labels_wrapped_around_their_cells(era, width):
    data = _data(era, 7)
    tables = _parse(render_pdf_text(data, width=width))
    assert tables.requests == data.requests_gold()
    assert not tables.missing


def test_pdf_text_with_misprints_and_one_row_other():
    data = with_one_row_other(_data("fmt2021", 8))
    tables = _parse(misprinted(render_pdf_text)(data))
    assert tables.requests == data.requests_gold()


# ---------------------------------------------------------------- numbers wrapped inside a cell

def _wrap_data(era: str):
    data = _data(era, 9)
    data.requests["new_received"] = [12, 0, 0, 3, 0, 0, 15]
    data.requests["carried_over"] = [0] * 7
    data.requests["carried_forward"] = [0] * 7
    outcome = list(data.requests)[2:-2]
    for k in outcome:
        data.requests[k] = [0] * 7
    data.requests["granted"] = [10, 0, 0, 3, 0, 0, 13]
    data.requests["unable_not_held"] = [2, 0, 0, 0, 0, 0, 2]
    data.requests["total_processed"] = [12, 0, 0, 3, 0, 0, 15]
    return data


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("rendering, sep", [("pipe", " "), ("lines", "\n"), ("tabs", " ")])
def test_numbers_wrapped_inside_a_cell(era, rendering, sep):
    data = _wrap_data(era)
    gold = data.requests_gold()
    for key, col in [("new_received", 0), ("new_received", 6), ("granted", 6), ("total_processed", 0)]:
        wrap_number(data, key, col, sep)
    tables = _parse(RENDERERS[rendering](data))
    _never_wrong(tables, gold, "requests")
    assert tables.requests["new_received"]["total"] == 15
    assert tables.requests["granted"]["total"] == 13
    assert tables.requests["total_processed"]["natural_person"] == 12


# ---------------------------------------------------------------- a row run into the next year

@pytest.mark.parametrize("cells, year", [
    ("000000000000000", 2025),
    ("110024001510102", 2024),
    ("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", 2023),
])
def test_table_four_run_into_a_year(cells, year):
    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计"
            f"未经复议直接起诉复议后起诉\n{cells}{year}年,我局将进一步加强培训。")
    tables = parse_text("三、收到和处理政府信息公开申请情况\n" + text).tables
    values = [int(c) for c in cells.split()] if " " in cells else None
    rl = tables.review_litigation
    got = [rl[g][c] for g in ("review", "litigation_direct", "litigation_after_review")
           for c in ("maintained", "corrected", "other", "pending", "total")]
    if values:
        assert got == values
    else:
        assert None not in got and sum(got[i] for i in (4, 9, 14)) == sum(got) / 2


def test_requests_row_run_into_a_year():
    data = _data("fmt2021", 10)
    t2, t3, t4 = render_run_together(data)
    t3 += "2025年,我局将继续做好依申请公开工作。"
    tables = parse_text(report("某县人民政府", 2024, (t2, t3, t4), one_line=True)).tables
    assert tables.requests["carried_forward"] == data.requests_gold()["carried_forward"] or \
        any(p.startswith("requests.carried_forward") for p in tables.ambiguous)
    _never_wrong(tables, data.requests_gold(), "requests")


# ---------------------------------------------------------------- table 四 as sub-tables

@pytest.mark.parametrize("style", ["headings", "two_tables"])
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_table_four_as_sub_tables(style, seed):
    data = _data("fmt2021", seed)
    t2, t3, _t4 = render_pipe(data)
    tables = _parse((t2, t3, render_review_subtables(data, style)))
    assert tables.review_litigation == data.review_gold()
    assert tables.requests == data.requests_gold()


# ---------------------------------------------------------------- the summary from the tables

def test_summary_counts_from_tables():
    data = _data("fmt2021", 14)
    summary = summarize(parse_text(report("某县人民政府", 2022, misprinted(render_pdf_text)(data))))
    req, rl = data.requests_gold(), data.review_gold()
    assert summary.requests_received == req["new_received"]["total"]
    assert summary.requests_completed == req["total_processed"]["total"]
    assert summary.requests_granted == req["granted"]["total"]
    assert summary.requests_denied == sum(req[k]["total"] for k in req if k.startswith("denied_"))
    assert summary.review_total == rl["review"]["total"]
    assert summary.litigation_total == rl["litigation_direct"]["total"] + rl["litigation_after_review"]["total"]


def test_undecided_cell_gives_null_not_a_guess():
    review = {g: {"maintained": 0, "corrected": 0, "other": 0, "pending": None, "total": None}
              for g in ("review", "litigation_direct", "litigation_after_review")}
    review["litigation_direct"] = {"maintained": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    tables = Tables(review_litigation=review,
                    ambiguous=["review_litigation.review.pending", "review_litigation.review.total",
                               "review_litigation.litigation_after_review.pending",
                               "review_litigation.litigation_after_review.total"])
    counts = table_counts(tables)
    assert counts["review_total"] is None and counts["litigation_total"] is None
    # A cell that is not printed leaves the field to the narrative.
    assert "review_total" not in table_counts(Tables(review_litigation=review))
    assert "requests_received" not in counts


# ---------------------------------------------------------------- a column left out

@pytest.mark.parametrize("col", [1, 4, 5])
@pytest.mark.parametrize("era", ERAS)
def test_table_three_with_a_column_left_out(col, era):
    from tables_render import COLUMNS, drop_column, render_tabs

    data = _data(era, 15)
    gold = data.requests_gold()
    for cells in gold.values():
        cells[COLUMNS[col]] = None
    tables = _parse(drop_column(render_tabs, col)(data))
    assert tables.requests == gold


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap_row_onto_next_line(line: str, wrap: dict[int, str]) -> list[str]:
    """A space-aligned row whose cells ``wrap`` (index -> second part) wrapped onto the next line."""
    label, *cells = line.split("    ")
    first, second, col = label, "", _width(label)
    for i, cell in enumerate(cells):
        first += "    "
        col += 4
        if i in wrap:
            head = cell[: len(cell) - len(wrap[i])]
            second += " " * (col - _width(second)) + wrap[i]
            cell = head
        first += cell
        col += len(cell)
    return [first, second]


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("row, wrap, decided", [
    ("一、本年新收", {0: "2", 6: "5"}, True),  # 12 and 15 printed 1 / 2 and 1 / 5
    ("（一）予以公开", {6: "3"}, True),
    ("（七）总计", {1: "3"}, False),  # a stray figure under a 0 cell is no wrapped number
])
def test_numbers_wrapped_onto_the_next_line(era, row, wrap, decided):
    data = _wrap_data(era)
    t2, t3, t4 = RENDERERS["spaces"](data)
    lines = []
    for line in t3.split("\n"):
        if line.startswith(row):
            if not decided:
                lines += [line, _wrap_row_onto_next_line(line.replace("    0", "    03", 1), wrap)[1]]
            else:
                lines += _wrap_row_onto_next_line(line, wrap)
            continue
        lines.append(line)
    tables = _parse((t2, "\n".join(lines), t4))
    gold = data.requests_gold()
    _never_wrong(tables, gold, "requests")
    key = {"一、本年新收": "new_received", "（一）予以公开": "granted", "（七）总计": "total_processed"}[row]
    if decided:
        assert tables.requests[key] == gold[key]
    else:
        assert tables.requests[key]["total"] is None


# ---------------------------------------------------------------- table 二 in another order

@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("rendering", ["pipe", "spaces", "lines"])
def test_table_two_blocks_in_another_order(era, rendering):
    from tables_render import PROACTIVE

    data = _data(era, 16)
    blocks = PROACTIVE[era]
    try:
        PROACTIVE[era] = list(reversed(blocks))
        tables = _parse(RENDERERS[rendering](data))
    finally:
        PROACTIVE[era] = blocks
    assert tables.proactive == data.proactive_gold()
    assert tables.format == era


def test_unreadable_row_gives_null_not_the_narrative():
    # The table states the count but its cells cannot be read as the columns: the summary
    # leaves it null rather than take the narrative's figure instead of the table's.
    data = _data("fmt2021", 17)
    data.requests["new_received"] = [str(c) for c in data.requests["new_received"]]
    data.requests["new_received"][2] = "0 0 0"  # two stray cells in a column
    t2, t3, t4 = RENDERERS["spaces"](data)
    text = report("某县人民政府", 2022, (t2, t3, t4), received_prose=data.requests_gold()["carried_over"]["total"] + 99)
    parsed = parse_text(text)
    assert parsed.tables.requests["new_received"]["total"] is None
    assert "requests.new_received.total" in parsed.tables.ambiguous
    assert summarize(parsed).requests_received is None
    assert summarize(parsed).requests_completed == data.requests_gold()["total_processed"]["total"]


@pytest.mark.parametrize("header", [
    "行政复义\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计",  # 行政诉讼 still names the table
    "行政法复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
    "行政\n复议\t行政\n诉讼\n结果\n维持\t结果\n纠正\t其他\n结果\t尚未\n审结\t总\n计",
])
def test_table_four_header_as_printed(header):
    cells = "\t".join(["1", "0", "0", "0", "1", "0", "2", "0", "0", "2", "0", "0", "0", "1", "1"])
    text = "四、政府信息公开行政复议、行政诉讼情况\n" + header + "\n" + cells + "\n五、存在的主要问题及改进情况\n"
    rl = parse_text("三、收到和处理政府信息公开申请情况\n" + text).tables.review_litigation
    assert rl["review"]["total"] == 1 and rl["litigation_direct"]["total"] == 2
    assert rl["litigation_after_review"] == {"maintained": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}


@pytest.mark.parametrize("era", ERAS)
def test_table_two_without_its_clauses(era):
    # Some reports print table 二's blocks without the 第二十条第（X）项 lines.
    data = _data(era, 18)
    t2, t3, t4 = RENDERERS["pipe"](data)
    t2 = "\n".join(line for line in t2.split("\n") if not line.startswith("第二十条"))
    tables = _parse((t2, t3, t4))
    assert tables.proactive == data.proactive_gold()


# ---------------------------------------------------------------- rows as printed, one per case

def _zero_table(era: str):
    from tables_render import TableData, data_keys

    data = TableData(era=era, requests={k: [0] * 7 for k in data_keys(era)}, review=[0] * 15,
                     proactive=_data(era, 19).proactive)
    return data


ROWS_AS_PRINTED = [
    # (era, printed row as in the standard table, as printed in a report, row, cells)
    ("fmt2019", "5.要求行政机关确认或重新出具已获取信息    0    0    0    0    0    0    0",
     "5.要求行政机关确认或重新出具    2    0    0    0    0    1    3\n已获取信息",
     "not_processed_confirm", [2, 0, 0, 0, 0, 1, 3]),
    ("fmt2019", "2.其他法律行政法规禁止公开    0    0    0    0    0    0    0",
     "2.其他法律行政止公开    1    0    0    0    0    0    1", "denied_law_forbidden", [1, 0, 0, 0, 0, 0, 1]),
    ("fmt2021", "7.属于行政执法案卷    0    0    0    0    0    0    0",
     "7.属于行政执法案件    4    0    0    0    0    0    4", "denied_enforcement_file", [4, 0, 0, 0, 0, 0, 4]),
    ("fmt2021", "1.属于国家秘密    0    0    0    0    0    0    0",
     "(1)属于国家秘密    1    0    0    0    0    0    1", "denied_state_secret", [1, 0, 0, 0, 0, 0, 1]),
    ("fmt2019", "（七）总计    0    0    0    0    0    0    0",
     "总    计    0    0    0    0    0    0    0", "total_processed", [0] * 7),
    ("fmt2021", "3.其他    0    0    0    0    0    0    0",
     "其它    2    0    0    0    0    0    2", "other_reasons", [2, 0, 0, 0, 0, 0, 2]),
    ("fmt2021", "4.保护第三方合法权益    0    0    0    0    0    0    0",
     "4.保护第叁方合法权益    3    0    0    0    0    0    3", "denied_third_party", [3, 0, 0, 0, 0, 0, 3]),
    ("fmt2019", "1.本机关不掌握相关政府信息    0    0    0    0    0    0    0",
     "1.本机关不掌握相关政府信息    5  \n  0    0    0    0    0    5", "unable_not_held", [5, 0, 0, 0, 0, 0, 5]),
    ("fmt2019", "（一）予以公开    0    0    0    0    0    0    0",
     "（一）予以公开    7件    0件    0件    0件    0件    0件    7件", "granted", [7, 0, 0, 0, 0, 0, 7]),
]


@pytest.mark.parametrize("era, standard, printed, row, cells", ROWS_AS_PRINTED,
                         ids=[f"row{i}" for i in range(len(ROWS_AS_PRINTED))])
def test_row_as_printed(era, standard, printed, row, cells):
    from tables_render import COLUMNS

    data = _zero_table(era)
    t2, t3, t4 = RENDERERS["spaces"](data)
    assert standard in t3
    tables = _parse((t2, t3.replace(standard, printed), t4))
    assert tables.requests[row] == dict(zip(COLUMNS, cells, strict=True))
    others = {k: v for k, v in tables.requests.items() if k not in (row, "other")}
    assert all(v == dict.fromkeys(COLUMNS, 0) for v in others.values()), others


@pytest.mark.parametrize("sep", ["    ", "\t"])
def test_table_four_transposed(sep):
    # A row per result, a column per group (some web copies): read by column, never row by row.
    rows = [("结果维持", [1, 2, 0]), ("结果纠正", [0, 1, 0]), ("其他结果", [0, 0, 3]), ("尚未审结", [2, 0, 0]),
            ("总计", [3, 3, 3])]
    table = sep.join(["", "行政复议", "未经复议直接起诉", "复议后起诉"]) + "\n" + "\n".join(
        sep.join([label] + [str(v) for v in values]) for label, values in rows)
    text = "四、政府信息公开行政复议、行政诉讼情况\n" + table + "\n五、存在的主要问题及改进情况\n"
    rl = parse_text("三、收到和处理政府信息公开申请情况\n" + text).tables.review_litigation
    assert rl["review"] == {"maintained": 1, "corrected": 0, "other": 0, "pending": 2, "total": 3}
    assert rl["litigation_direct"] == {"maintained": 2, "corrected": 1, "other": 0, "pending": 0, "total": 3}
    assert rl["litigation_after_review"] == {"maintained": 0, "corrected": 0, "other": 3, "pending": 0, "total": 3}
