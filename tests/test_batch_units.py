"""The batch's parts one at a time: naming, walking, findings, dashboard marks, parse_many, atomic writes."""

from __future__ import annotations

import csv
import io
import os
import re

import pytest

import reportparse
from batch_samples import NOT_A_REPORT, report_text
from reportparse.batch import atomic
from reportparse.batch.dashboard import clean_spans, evidence_spans, highlight, report_page, status_of
from reportparse.batch.inputs import Input, discover, output_names
from reportparse.batch.rollup import rollup
from reportparse.batch.tables import findings_csv, summary_xlsx
from reportparse.batch.work import add_keywords, record_of
from reportparse.models import Evidence, Finding


@pytest.mark.parametrize(("rels", "names"), [
    (["a.txt"], ["a"]),
    (["乡镇/新开镇.txt"], ["乡镇__新开镇"]),
    (["a.md", "a.txt"], ["a", "a-txt"]),
    (["A.txt", "a.txt"], ["A", "a-txt"]),
    (["a.txt", "a.txt", "a.txt"], ["a", "a-txt", "a-2"]),
    (["x/报告 (1).txt"], ["x__报告_(1)"]),
])
def test_output_names(rels, names):
    assert output_names([Input(file=r, rel=r) for r in rels]) == names


def test_discover_walks_sorted_and_skips_only_junk(tmp_path):
    for rel in ["b/2.txt", "b/1.docx", "a.pdf", "c.doc", "~$c.docx", ".x.txt", "d.jpg", "e.xlsx"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    found = [i.rel for i in discover([str(tmp_path)])]
    assert found == ["a.pdf", "c.doc", os.path.join("b", "1.docx"), os.path.join("b", "2.txt")]
    # Named explicitly, any file is an input, once, even a missing one.
    files = [str(tmp_path / "d.jpg"), str(tmp_path / "missing.txt"), str(tmp_path / "d.jpg")]
    assert [i.file for i in discover(files)] == files[:2]


def _report_with_findings():
    report = reportparse.parse_text(report_text(3), name="t.txt")
    organ = report.organ.evidence
    findings = [
        Finding(code="MISSING_TABLE_3", severity="error", message="缺少第三部分统计表", basis="2021 格式",
                evidence=[organ]),
        Finding(code="LATE_PUBLICATION", severity="warning", message="发布晚于1月31日", basis="条例第五十条",
                evidence=[Evidence(start=0, end=5, text=report.text[:5])]),
    ]
    return report.model_copy(update={"findings": findings})


def test_findings_become_rows_status_and_rollup():
    report = _report_with_findings()
    summary = reportparse.summarize(report, "t.txt")
    record = add_keywords({"file": "t.txt", "name": "t", **record_of(report, summary)})
    assert "信息发布" in record["keywords"] and "problems" not in record
    rows = list(csv.DictReader(io.StringIO(findings_csv([record]).lstrip("\ufeff"))))
    assert [(r["code"], r["severity"], r["organ"]) for r in rows] == [
        ("MISSING_TABLE_3", "error", "青山乡人民政府"), ("LATE_PUBLICATION", "warning", "青山乡人民政府")]
    assert rows[0]["evidence"] == report.organ.evidence.text
    assert status_of(record) == "error"
    assert status_of({**record, "findings": record["findings"][1:]}) == "warning"
    assert status_of({**record, "findings": [{**record["findings"][0], "severity": "info"}]}) == "info"
    assert status_of({**record, "findings": []}) == "ok"
    assert status_of({"ok": False}) == "failed"
    data = rollup([record, record])
    assert data["findings_by_code"] == {"LATE_PUBLICATION": 2, "MISSING_TABLE_3": 2}
    assert data["problems"][0]["organs"] == ["青山乡人民政府"]  # one organ, named once
    assert summary_xlsx([record], []).startswith(b"PK")


def test_report_page_marks_facts_and_findings_at_their_evidence():
    report = _report_with_findings()
    spans = evidence_spans(report)
    kinds = {kind for _, _, kind, _, _ in spans}
    assert {"fact", "section", "finding"} <= kinds
    for start, end, _kind, field, _value in spans:
        assert 0 <= start <= end <= len(report.text), field
    page = report_page(report, reportparse.summarize(report, "t.txt"), "t")
    assert 'class="finding' in page and "MISSING_TABLE_3" in page
    assert "机关 = 青山乡人民政府" in page and "<h1>青山乡人民政府 " in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")


def test_highlight_splits_overlapping_spans_and_keeps_all_text():
    text = "甲乙丙丁戊<己>"
    spans = clean_spans(text, [(0, 3, "fact", "a", "1"), (2, 5, "finding", "b", "2"), (6, 6, "fact", "c", "")])
    html = highlight(text, spans)
    assert html.count("<mark") == 3  # 甲乙 | 丙 (both) | 丁戊
    assert 'class="finding multi" data-tip="a = 1\nb = 2"' in html
    assert "&lt;己&gt;" in html
    import re

    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text


def test_parse_many_keeps_input_order(tmp_path):
    paths = []
    for i in range(6):
        path = tmp_path / f"r{i}.txt"
        path.write_text(report_text(i) if i != 3 else NOT_A_REPORT, "utf-8")
        paths.append(path)
    results = list(reportparse.parse_many(paths, jobs=2, errors="return"))
    assert isinstance(results[3], reportparse.ReportParseError)
    assert str(results[3]).startswith(str(paths[3]))
    organs = [r.organ.value for i, r in enumerate(results) if i != 3]
    assert organs == [reportparse.parse(p).organ.value for i, p in enumerate(paths) if i != 3]
    with pytest.raises(reportparse.ReportParseError):
        list(reportparse.parse_many(paths, jobs=1))


def test_atomic_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "out" / "summary.csv"
    atomic.write_text(target, "old")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["summary.csv"]


def _crashing_process_one(task):
    """Like process_one, but a file named crash.txt kills its worker (as a segfault would)."""
    from reportparse.batch.work import process_one

    if task[0].endswith("crash.txt"):
        os._exit(3)
    return process_one(task)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to patch the worker function")
def test_a_worker_that_dies_costs_only_its_own_file(tmp_path, monkeypatch):
    from reportparse.batch import runner

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(report_text(i), "utf-8")
    (folder / "crash.txt").write_text(report_text(9), "utf-8")
    monkeypatch.setattr(runner, "process_one", _crashing_process_one)
    records, cached = runner.run_batch(discover([str(folder)]), str(tmp_path / "out"), jobs=2,
                                       crashed_reason="worker died")
    assert [os.path.basename(r["file"]) for r in records] == [f"{i}.txt" for i in range(6)] + ["crash.txt"]
    assert [r["ok"] for r in records] == [True] * 6 + [False]
    assert records[-1]["error"] == "worker died"


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs setitimer")
def test_a_file_that_takes_too_long_becomes_an_error_row_and_is_retried_next_time(tmp_path, monkeypatch):
    import importlib
    import time

    from reportparse.batch import runner

    parse_module = importlib.import_module("reportparse.parse")  # the module, not the function

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "slow.txt"):
        (folder / name).write_text(report_text(1), "utf-8")
    real_parse = parse_module.parse

    def slow_parse(source, **kwargs):
        if str(source).endswith("slow.txt"):
            time.sleep(5)
        return real_parse(source, **kwargs)

    monkeypatch.setattr(parse_module, "parse", slow_parse)
    started = time.perf_counter()
    records, _ = runner.run_batch(discover([str(folder)]), str(tmp_path / "out"), jobs=1, timeout=0.3)
    assert time.perf_counter() - started < 4
    assert [r["ok"] for r in records] == [True, False]
    assert records[1]["error"] == "timed out: parsing took longer than 0.3 s"
    monkeypatch.setattr(parse_module, "parse", real_parse)
    records, cached = runner.run_batch(discover([str(folder)]), str(tmp_path / "out"), jobs=1, timeout=0.3)
    assert cached == 1 and [r["ok"] for r in records] == [True, True]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers share the patched module by fork")
def test_ctrl_c_while_keywords_load_keeps_what_workers_returned(tmp_path, monkeypatch):
    """Ctrl-C while jieba loads (the first result's keywords): the results the workers had
    already returned are kept, journaled, and reused by the next run, keywords made then."""
    import time

    from reportparse.batch import keywords, runner

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(report_text(i), "utf-8")
    real = keywords.problem_keywords

    def interrupted_load(problems):
        time.sleep(3)  # the other workers return meanwhile
        raise KeyboardInterrupt

    monkeypatch.setattr(keywords, "problem_keywords", interrupted_load)
    out = str(tmp_path / "out")
    def interrupted_run() -> runner.BatchInterrupted:
        try:
            runner.run_batch(discover([str(folder)]), out, jobs=2)
        except runner.BatchInterrupted as stop:
            return stop
        except KeyboardInterrupt:  # not BatchInterrupted: what finished would be lost
            pytest.fail("Ctrl-C escaped run_batch without the finished records")
        pytest.fail("run_batch was not interrupted")

    stop = interrupted_run()
    assert len(stop.records) == 4
    assert all(r["ok"] and r["problems"] for r in stop.records)
    # Interrupted again while making the journaled results' keywords: still all four.
    stop = interrupted_run()
    assert len(stop.records) == 4 and stop.cached == 4
    monkeypatch.setattr(keywords, "problem_keywords", real)
    records, cached = runner.run_batch(discover([str(folder)]), out, jobs=2)
    assert cached == 4
    assert all("problems" not in r and r["keywords"] for r in records)


def test_table_cells_on_the_audit_page_are_named_with_their_numbers():
    """A table cell's mark reads as the cell (表三 … · 予以公开 · 总计 = 10), never as its path."""
    from conftest import CORPUS

    report = reportparse.parse(CORPUS / "dept_2022_pipe_tables.txt")
    tips = {(field, value) for _, _, kind, field, value in evidence_spans(report) if kind == "table"}
    granted = report.tables.requests["granted"]["total"]
    assert ("表三 收到和处理申请 · 予以公开 · 总计", str(granted)) in tips
    assert not [f for f, _ in tips if "cells" in f or re.search(r"[a-z_]{4,}", f)]
    english = {field for _, _, kind, field, _ in evidence_spans(report, "en") if kind == "table"}
    assert "tables.requests.granted.total" in english


def test_rollup_names_a_report_without_organ_by_its_file_not_its_output_name():
    report = reportparse.parse_text(report_text(2), name="t.txt")
    summary = reportparse.summarize(report, "收到的报告/乡镇/016_report.txt")
    record = add_keywords({"file": "收到的报告/乡镇/016_report.txt", "name": "乡镇__016_report",
                           **record_of(report, summary)})
    record["summary"]["organ"] = None
    data = rollup([record])
    assert data["problems"] and all(p["organs"] == ["016_report.txt"] for p in data["problems"])


def test_batch_messages_exist_in_both_languages():
    from reportparse.batch.messages import MESSAGES

    assert set(MESSAGES["zh"]) == set(MESSAGES["en"])
    chinese = [key for key, text in MESSAGES["en"].items() if re.search(r"[\u4e00-\u9fff]", text)]
    assert chinese == [], chinese
