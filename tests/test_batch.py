"""reportparse batch end to end: a county folder of 45 mixed files, every output checked."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from batch_samples import NOT_A_REPORT, report_text
from conftest import CORPUS
from reportparse.cli import main
from reportparse.models import Report

MAX_MB = "0.05"  # 52 KB: the padded report below is over it, every sample is far under

# (relative path, encoding, sample number, traditional?)
GOOD: list[tuple[str, str, int, bool]] = (
    [(f"乡镇/township_{i:02d}.txt", "utf-8", i, False) for i in range(12)]
    + [(f"乡镇/gbk/乡镇{i:02d}.txt", "gb18030", i, False) for i in range(12, 18)]
    + [(f"部门/big5_{i:02d}.txt", "big5", i, True) for i in range(18, 23)]
    + [(f"部门/utf16_{i:02d}.txt", "utf-16", i, False) for i in range(23, 27)]
    + [(f"部门/md_{i:02d}.md", "utf-8-sig", i, False) for i in range(27, 30)]
    + [("crlf_30.txt", "utf-8-crlf", 30, False), ("crlf_31.txt", "utf-8-crlf", 31, False),
       ("重复.txt", "utf-8", 32, False), ("重复.md", "utf-8", 33, False)]
)
# Word, web page and PDF renderings of a corpus report (written by tools/make_containers.py).
CONTAINERS = {f"部门/containers/township.{ext}": CORPUS / "containers" / f"sample_township_2018.{ext}"
              for ext in ("docx", "html", "pdf")}
BAD: dict[str, bytes] = {
    "bad/empty.txt": b"",
    "bad/blank.txt": b" \n\r\n\t \n",
    "bad/image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "bad/过大.txt": (report_text(40) + "附：" + "政府信息公开工作说明。" * 4000).encode("utf-8"),
    "bad/通知.txt": NOT_A_REPORT.encode("utf-8"),
    "bad/scan.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj garbage, no xref\n",
    "bad/broken.docx": b"this is not a zip archive at all",
    "bad/old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
}
N_GOOD = len(GOOD) + len(CONTAINERS)
N_ALL = N_GOOD + len(BAD)
JUNK = {"~$township_00.docx": b"lock", "乡镇/.hidden.txt": b"x", "部门/photo.jpg": b"\xff\xd8\xff\xe0"}


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode(encoding)


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("county") / "报告"
    for rel, encoding, i, traditional in GOOD:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_encode(report_text(i, traditional=traditional), encoding))
    for rel, data in {**BAD, **JUNK}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for rel, source in CONTAINERS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(source.read_bytes())
    return root


def run(capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["batch", *args])
    return status, capsys.readouterr().err


@pytest.fixture(scope="module")
def outputs(county, tmp_path_factory):
    """The folder batched twice, with --jobs 2 and --jobs 1."""
    out2 = tmp_path_factory.mktemp("out") / "jobs2"
    out1 = tmp_path_factory.mktemp("out") / "jobs1"
    status2 = main(["batch", str(county), "--out", str(out2), "--jobs", "2", "--max-mb", MAX_MB, "-q"])
    status1 = main(["batch", str(county), "--out", str(out1), "--jobs", "1", "--max-mb", MAX_MB, "-q"])
    return {"out2": out2, "out1": out1, "status2": status2, "status1": status1}


def _csv_rows(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} must start with a UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def expected_files(county: Path) -> set[str]:
    return {os.path.join(str(county), rel) for rel in [g[0] for g in GOOD] + list(CONTAINERS) + list(BAD)}


def bad_files(county: Path) -> set[str]:
    return {os.path.join(str(county), rel) for rel in BAD}


def test_exit_status_is_1_when_some_failed(outputs):
    assert outputs["status2"] == 1 and outputs["status1"] == 1


def test_summary_csv_has_one_row_per_input(outputs, county):
    rows = _csv_rows(outputs["out2"] / "summary.csv")
    assert N_ALL >= 40
    assert len(rows) == N_ALL
    assert {r["file"] for r in rows} == expected_files(county)
    assert {r["file"] for r in rows if r["ok"] == "false"} == bad_files(county)
    assert all(r["error"] for r in rows if r["ok"] == "false")
    # Contract columns, in order.
    from reportparse.output import SUMMARY_FIELDS

    assert list(rows[0]) == SUMMARY_FIELDS
    # Figures come through, as the samples state them.
    by_file = {r["file"]: r for r in rows}
    first = by_file[os.path.join(str(county), "乡镇/township_00.txt")]
    assert (first["organ"], first["year"], first["requests_received"]) == ("新河镇人民政府", "2021", "3")
    big5 = by_file[os.path.join(str(county), "部门/big5_18.txt")]
    assert big5["script"] == "traditional" and big5["organ"]
    # The three renderings of one report agree on its figures.
    renderings = [by_file[os.path.join(str(county), rel)] for rel in CONTAINERS]
    assert len({(r["organ"], r["year"], r["proactive_total"]) for r in renderings}) == 1
    assert renderings[0]["organ"]


def test_inputs_in_sorted_walk_order(outputs, county):
    rows = _csv_rows(outputs["out2"] / "summary.csv")
    rels = [os.path.relpath(r["file"], str(county)) for r in rows]
    assert rels[:4] == ["crlf_30.txt", "crlf_31.txt", "重复.md", "重复.txt"]
    assert rels.index("乡镇/township_00.txt") < rels.index("乡镇/gbk/乡镇12.txt")


def test_errors_csv_lists_every_bad_file_with_a_one_line_reason(outputs, county):
    rows = _csv_rows(outputs["out2"] / "errors.csv")
    assert {r["file"] for r in rows} == bad_files(county)
    reasons = {os.path.relpath(r["file"], str(county)): r["error"] for r in rows}
    assert all(reason and "\n" not in reason for reason in reasons.values())
    # one Chinese sentence each (the library's English reason with --lang en)
    assert reasons["bad/empty.txt"] == "空文件"
    assert reasons["bad/过大.txt"].startswith("文件太大")
    assert reasons["bad/通知.txt"].startswith("不是政府信息公开工作年度报告")
    assert "二进制" in reasons["bad/image.txt"]
    assert reasons["bad/old.doc"] == "旧版 .doc 文件，请另存为 .docx"


def test_summary_jsonl_matches_csv(outputs):
    lines = (outputs["out2"] / "summary.jsonl").read_text("utf-8").splitlines()
    rows = _csv_rows(outputs["out2"] / "summary.csv")
    assert [json.loads(line)["file"] for line in lines] == [r["file"] for r in rows]


def test_full_reports_and_pages(outputs):
    reports = sorted((outputs["out2"] / "reports").glob("*.json"))
    pages = sorted((outputs["out2"] / "pages").glob("*.html"))
    assert len(reports) == N_GOOD == len(pages)
    names = {p.stem for p in reports}
    assert {"重复", "重复-txt"} <= names  # a clash gets the suffix, not an overwrite
    for path in reports[:5]:
        report = Report.model_validate_json(path.read_text("utf-8"))
        assert report.organ is not None
        ev = report.organ.evidence
        assert report.text[ev.start:ev.end] == ev.text
    page = (outputs["out2"] / "pages" / "乡镇__township_00.html").read_text("utf-8")
    assert "<mark" in page and "机关 = 新河镇人民政府" in page and "../index.html" in page


def test_findings_csv_header(outputs):
    raw = (outputs["out2"] / "findings.csv").read_bytes().decode("utf-8-sig")
    assert raw.splitlines()[0] == "file,organ,code,severity,message,evidence"


def test_rollup(outputs):
    data = json.loads((outputs["out2"] / "rollup.json").read_text("utf-8"))
    assert (data["reports"], data["parsed"], data["failed"]) == (N_ALL, N_GOOD, len(BAD))
    rows = _csv_rows(outputs["out2"] / "summary.csv")
    received = [int(r["requests_received"]) for r in rows if r["requests_received"]]
    assert data["totals"]["requests_received"] == {"sum": sum(received), "reports": len(received)}
    assert sum(data["formats"].values()) == N_GOOD
    keywords = {p["keyword"]: p for p in data["problems"]}
    assert "更新不及时" in keywords
    assert keywords["更新不及时"]["reports"] >= 8 and keywords["更新不及时"]["organs"]
    assert sorted(os.path.basename(f) for f in data["skipped_files"]) == ["photo.jpg", "~$township_00.docx"]
    rollup_rows = _csv_rows(outputs["out2"] / "rollup.csv")
    assert {"totals", "format", "problems"} <= {r["category"] for r in rollup_rows}


def test_xlsx_sheets_frozen_headers_and_numbers(outputs):
    with zipfile.ZipFile(outputs["out2"] / "summary.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
        assert [n for n in re.findall(r'<sheet name="([^"]+)"', workbook)] == ["汇总", "问题发现", "解析失败", "全县合计"]
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        assert 'state="frozen"' in sheet and "<cols>" in sheet
        # numbers are written as numbers: a cell with a <v> and no t="s" string type
        assert re.search(r'<c r="M2"(?: s="\d+")?><v>\d+</v></c>', sheet), "requests_received should be a number"
        errors = book.read("xl/worksheets/sheet3.xml").decode()
        assert errors.count("<row ") == len(BAD) + 1


def test_dashboard_is_self_contained(outputs):
    html = (outputs["out2"] / "index.html").read_text("utf-8")
    assert "<svg" in html and "新河镇人民政府" in html and "pages/乡镇__township_00.html" in html
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html), "no network resources"
    assert html.count("<tr>") >= N_ALL


def test_jobs_1_and_2_give_identical_outputs(outputs):
    for name in ("summary.csv", "summary.jsonl", "findings.csv", "errors.csv", "rollup.json", "rollup.csv",
                 "index.html"):
        assert (outputs["out1"] / name).read_bytes() == (outputs["out2"] / name).read_bytes(), name
    for path in (outputs["out2"] / "reports").glob("*.json"):
        assert path.read_bytes() == (outputs["out1"] / "reports" / path.name).read_bytes(), path.name


def test_rerun_skips_current_outputs_and_force_reparses(county, tmp_path, capsys):
    out = tmp_path / "out"
    status, err = run(capsys, str(county), "--out", str(out), "--jobs", "2", "--max-mb", MAX_MB)
    assert status == 1
    first = (out / "summary.csv").read_bytes()
    stamp = (out / "reports" / "乡镇__township_00.json").stat().st_mtime_ns

    status, err = run(capsys, str(county), "--out", str(out), "--jobs", "2", "--max-mb", MAX_MB)
    assert status == 1
    assert err.count("未变更") == N_ALL, err
    assert (out / "summary.csv").read_bytes() == first
    assert (out / "reports" / "乡镇__township_00.json").stat().st_mtime_ns == stamp

    changed = county / "乡镇" / "township_01.txt"
    original = changed.read_bytes()
    try:
        changed.write_bytes(report_text(45).encode("utf-8"))
        status, err = run(capsys, str(county), "--out", str(out), "--jobs", "2", "--max-mb", MAX_MB)
        assert err.count("未变更") == N_ALL - 1
        assert re.search(r"\] 成功 .*township_01\.txt", err)
    finally:
        changed.write_bytes(original)

    status, err = run(capsys, str(county), "--out", str(out), "--jobs", "2", "--max-mb", MAX_MB, "--force")
    assert "未变更" not in err
    assert (out / "summary.csv").read_bytes() == first
    assert not list(out.rglob("*.tmp")), "no temporary files left behind"


def test_english_messages_and_all_parsed_exit_0(county, tmp_path, capsys):
    status, err = run(capsys, str(county / "乡镇"), "--out", str(tmp_path / "o"), "--lang", "en", "-j", "2")
    assert status == 0
    assert "done: 18 reports, 18 parsed, 0 failed" in err


def test_no_inputs_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    status, err = run(capsys, str(tmp_path / "empty"), "--out", str(tmp_path / "o"))
    assert status == 2 and "没有找到报告文件" in err


def test_missing_input_is_a_usage_error_and_creates_nothing(tmp_path, capsys):
    status, err = run(capsys, str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"))
    assert status == 2 and "找不到文件夹或文件" in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_interrupted_batch_keeps_what_was_finished(county, tmp_path, capsys):
    """A batch killed midway leaves whole files and a journal of the finished inputs; a
    rerun parses only the rest (a line torn by the interruption is ignored)."""
    out = tmp_path / "out"
    status, _ = run(capsys, str(county / "乡镇"), "--out", str(out), "-j", "1")
    assert status == 0
    full = (out / "summary.csv").read_bytes()
    journal = out / ".cache" / "records.jsonl"
    lines = journal.read_text("utf-8").splitlines(keepends=True)
    assert len(lines) == 18
    # As if killed after 5 inputs, in the middle of writing the 6th line.
    journal.write_text("".join(lines[:5]) + lines[5][:40], "utf-8")
    (out / "summary.csv").unlink()
    (out / "reports" / ".乡镇__township_05.json.k2j4x1.tmp").write_text('{"half', "utf-8")
    status, err = run(capsys, str(county / "乡镇"), "--out", str(out), "-j", "2")
    assert status == 0
    assert err.count("未变更") == 5 and err.count("] 成功") == 13
    assert (out / "summary.csv").read_bytes() == full
    assert len(journal.read_text("utf-8").splitlines()) == 18
    assert not list(out.rglob("*.tmp")), "the killed run's temporary file is cleared"


def test_output_folder_inside_the_input_folder_is_not_read(county, tmp_path, capsys):
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(report_text(i), "utf-8")
    (folder / "说明.xlsx").write_bytes(b"PK")
    out = folder / "汇总结果"
    for _ in range(2):
        status, err = run(capsys, str(folder), "--out", str(out))
        assert status == 0
        assert len(_csv_rows(out / "summary.csv")) == 3
    assert "另有 1 个文件不是报告格式，未处理（.xlsx 1）" in err


def test_outputs_of_removed_inputs_are_pruned(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(report_text(i), "utf-8")
    out = tmp_path / "out"
    run(capsys, str(folder), "--out", str(out))
    assert sorted(p.name for p in (out / "pages").iterdir()) == ["0.html", "1.html", "2.html"]
    (folder / "1.txt").unlink()
    (folder / "2.txt").write_text(NOT_A_REPORT, "utf-8")
    status, _ = run(capsys, str(folder), "--out", str(out))
    assert status == 1
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["0.json"]
    assert sorted(p.name for p in (out / "pages").iterdir()) == ["0.html"]
