"""Write ``corpus/tables_*``: reports with tables 二/三/四 in every rendering, and their gold.

Run once (``python tests/make_tables_corpus.py``); the files are committed and
checked by ``tests/test_golden.py``. The numbers are invented, laid out with
:mod:`tables_render`, and the gold holds those numbers: the truth, not a parse.
Cells a run-together rendering cannot decide (several splits fit) are left out
of the gold, and the note says which; the parser must leave them null.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import opencc

sys.path.insert(0, str(Path(__file__).parent))
from tables_render import (  # noqa: E402
    RENDERERS,
    TableData,
    misprinted,
    random_data,
    render_review_subtables,
    report,
    with_one_row_other,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

OVERVIEWS = [
    "全年主动公开政府信息{p}条，主要通过政府门户网站、政务微信公众号发布。",
    "全年通过政府网站主动公开政府信息{p}条，并在便民服务中心公开栏同步公开。",
    "本年度主动公开政府信息{p}条，其中政策文件类信息{q}条。",
]

# name, ext, organ, year, era, rendering, seed, options
CASES = [
    ("tables_pipe_2019", "md", "青川县交通运输局", 2020, "fmt2019", "pipe", 101, {}),
    ("tables_pipe_2021", "md", "北山市生态环境局", 2022, "fmt2021", "pipe", 102, {}),
    ("tables_tabs_2019", "txt", "江岸区人民政府办公室", 2019, "fmt2019", "tabs", 103, {}),
    ("tables_tabs_2021", "txt", "河西镇人民政府", 2023, "fmt2021", "tabs", 104, {}),
    ("tables_spaces_2019", "txt", "南湖区市场监督管理局", 2020, "fmt2019", "spaces", 105, {}),
    ("tables_spaces_2021", "txt", "东城街道办事处", 2024, "fmt2021", "spaces", 106, {}),
    ("tables_lines_2019", "txt", "云溪县自然资源局", 2020, "fmt2019", "lines", 107, {}),
    ("tables_lines_2021_subtotal", "txt", "临江市人力资源和社会保障局", 2022, "fmt2021", "lines", 108,
     {"subtotal": True}),
    ("tables_runtogether_2019", "txt", "石桥县人民政府", 2020, "fmt2019", "run_together", 109, {}),
    ("tables_runtogether_2021", "txt", "海滨区卫生健康委员会", 2023, "fmt2021", "run_together", 110,
     {"review_prose": True}),
    ("tables_htmlpipes_2019", "md", "松岭县教育局", 2019, "fmt2019", "html_pipes", 111, {}),
    ("tables_htmlpipes_2021", "md", "西塘镇人民政府", 2021, "fmt2021", "html_pipes", 112, {}),
    ("tables_trad_2021", "txt", "新開鎮人民政府", 2022, "fmt2021", "tabs", 113, {"traditional": True}),
    ("tables_units_2019", "md", "北湖区财政局", 2020, "fmt2019", "pipe", 114, {"units": True}),
    ("tables_broken_2020", "txt", "桐山县水利局", 2020, "fmt2019", "lines", 115, {"broken": True}),
    ("tables_year_vs_format_2021", "txt", "长宁乡人民政府", 2021, "fmt2019", "tabs", 116, {}),
    # Tables as real reports print them (issue 10, class 8).
    ("tables_printed_pdf_2021", "txt", "柳溪县住房和城乡建设局", 2021, "fmt2021", "pdf_text", 117,
     {"misprinted": True}),
    ("tables_one_row_other_2022", "txt", "白沙镇人民政府", 2022, "fmt2021", "spaces", 118,
     {"one_row_other": True, "misprinted": True}),
    ("tables_review_headings_2023", "md", "清河区司法局", 2023, "fmt2021", "pipe", 119, {"review": "headings"}),
    ("tables_review_two_tables_2020", "md", "金山县农业农村局", 2020, "fmt2019", "pipe", 120,
     {"review": "two_tables", "misprinted": True}),
    ("tables_year_runin_2024", "txt", "东港街道办事处", 2024, "fmt2021", "run_together", 121,
     {"year_after": True}),
]


def build(case) -> tuple[str, dict]:
    name, ext, organ, year, era, rendering, seed, opts = case
    rng = random.Random(seed)
    data: TableData = random_data(rng, era, scale=rng.choice([8, 25, 90]), busy=0.3)
    data.subtotal = bool(opts.get("subtotal"))
    notes = [f"Written by the project: {era} tables rendered as {rendering}."]
    if opts.get("one_row_other"):
        data = with_one_row_other(data)
        notes.append("A 2021 table printing （六）其他处理 as one row, without its three sub-rows: `other` "
                     "holds its cells and the sub-rows are null.")
    if opts.get("units"):
        # Cells holding units, notes and signs; blank, / and — in table 二; 总计 blank on detail rows.
        data.proactive["other_services"] = ["+22", 0, 889]
        data.proactive["punishment"] = [253, "--253", 0]
        data.proactive["coercion"] = ["22(其中修订16件)", "—", 3]
        data.proactive["licensing"] = ["/", "", 41]
        data.proactive["procurement"] = [12, "160.5964万元"]
        for key in ("denied_state_secret", "denied_law_forbidden", "unable_needs_creation"):
            data.requests[key][6] = ""
        notes.append("Table 二 cells carry units, notes and signs (+22, --253, 22(其中修订16件), 160.5964万元); "
                     "/, — and blank cells are null. Three detail rows of table 三 leave 总计 blank: null "
                     "(each is fixed by one identity only, so nothing is derived).")
    if opts.get("broken"):
        # As printed in some reports: (七)总计 leaves out the 部分公开 row.
        part = data.requests["partially_granted"]
        if part[6] == 0:
            part[0] = part[6] = 3
        tp = data.requests["total_processed"]
        tp[0] -= part[0]
        tp[6] -= part[6]
        data.requests["new_received"][0] -= part[0]
        data.requests["new_received"][6] -= part[6]
        notes.append("Table 三 as printed breaks (七)总计 = the outcome rows: the 总计 row leaves out the "
                     "部分公开 row; cells are recorded as printed and the identity failure is reported.")
    proactive_count = rng.randint(60, 3000)
    overview = rng.choice(OVERVIEWS).format(p=proactive_count, q=rng.randint(5, 50))
    render = RENDERERS[rendering]
    if opts.get("misprinted"):
        render = misprinted(render)
        notes.append("Labels misprinted as real reports print them (其他法律行政止公开, 行政执法案件, "
                     "合法权易, 过程信息, 不 予 公 开, a missing number, 行政法复议, a split header).")
    tables = render(data)
    if opts.get("review"):
        t4 = render_review_subtables(data, opts["review"])
        if opts.get("misprinted"):
            t4 = t4.replace("行政复议", "行政法复议", 1)
        tables = (tables[0], tables[1], t4)
        notes.append(f"Table 四 printed as markdown sub-tables ({opts['review']}).")
    if opts.get("year_after"):
        tables = (tables[0], tables[1], tables[2] + f"{year + 1}年，我单位将继续做好政府信息公开工作。")
        notes.append("Table 四's last cell runs into the next sentence's year (…0{year}年): the row ends "
                     "before the year.".replace("{year}", str(year + 1)))
    review = data.review_gold()
    lit = review["litigation_direct"]["total"] + review["litigation_after_review"]["total"]
    month = rng.randint(1, 3)
    text = report(organ, year, tables,
                  received_prose=data.requests["new_received"][6] if rng.random() < 0.5 else None,
                  review_prose=(review["review"]["total"], lit) if opts.get("review_prose") else None,
                  published=f"{year + 1}年{month}月{rng.randint(10, 28)}日",
                  one_line=rendering == "run_together", overview=overview)
    if opts.get("traditional"):
        text = opencc.OpenCC("s2t").convert(text).replace("“三安全一穩定”", '"三安全一穩定"')
        notes.append("Traditional script with straight quotes in 危及\"三安全一稳定\".")
    gold_tables = {"requests": data.requests_gold(), "review_litigation": review,
                   "proactive": data.proactive_gold()}
    req = gold_tables["requests"]
    summary = {
        "input": f"{name}.{ext}",
        "note": "",
        "organ": opencc.OpenCC("t2s").convert(organ),
        "year": year,
        "period_start": f"{year}-01-01",
        "period_end": f"{year}-12-31",
        "format": era,
        "script": "traditional" if opts.get("traditional") else "simplified",
        "sections": ["overview", "proactive", "requests", "review_litigation", "problems", "other"],
        "requests_received": req["new_received"]["total"],
        "requests_carried_over": req["carried_over"]["total"],
        "requests_completed": req["total_processed"]["total"],
        "requests_carried_forward": req["carried_forward"]["total"],
        "requests_granted": req["granted"]["total"],
        "review_total": review["review"]["total"],
        "litigation_total": lit,
        "processing_fee_yuan": 0,
    }
    denied = [req[k]["total"] for k in req if k.startswith("denied_")]
    if None not in denied:
        summary["requests_denied"] = sum(denied)
    if era == "fmt2019" and year >= 2021:
        notes.append(f"A {year} report still printed in the 2019 trial format: the labels, not the year, "
                     "tell the format.")
    summary["tables"] = gold_tables
    summary["note"] = " ".join(notes)
    return text, summary


def leave_out_undecidable(text: str, gold: dict) -> list[str]:
    """Drop from the gold the cells a run-together rendering cannot decide."""
    from reportparse import parse_text

    tables = parse_text(text).tables
    dropped = []
    for path in tables.ambiguous:
        table, row, col = path.split(".")
        if row in gold["tables"].get(table, {}) and col in gold["tables"][table][row]:
            del gold["tables"][table][row][col]
            dropped.append(path)
    return dropped


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    for case in CASES:
        name, ext = case[0], case[1]
        text, gold = build(case)
        if case[5] == "run_together":
            dropped = leave_out_undecidable(text, gold)
            if any(p.startswith("requests.") for p in dropped):
                raise SystemExit(f"{name}: table 三 undecidable, pick another seed")
            if dropped:
                gold["note"] += (" Left out of the gold because several splits fit (the parser must leave "
                                 "them null): " + ", ".join(dropped) + ".")
        (CORPUS / f"{name}.{ext}").write_text(text, encoding="utf-8")
        (CORPUS / f"{name}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(name)


if __name__ == "__main__":
    main()
