"""A county clerk's tool: mistakes are usage errors, outputs that fail say so in one line,
a batch survives whatever a folder holds, and everything a person reads is Chinese.

CLI behaviour is tested through a subprocess, as the clerk runs it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import reportparse
from batch_samples import NOT_A_REPORT, report_text
from conftest import CORPUS

SAMPLE = CORPUS / "sample_township_2018.txt"


def cli(*args: str, stdin=None, stdout=subprocess.PIPE, cwd=None, timeout=120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse", *args], stdout=stdout, stderr=subprocess.PIPE,
                          stdin=stdin, timeout=timeout, cwd=cwd, **kw)


def one_line(proc: subprocess.CompletedProcess) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert err.count("\n") == 1, err
    return err


def county(folder: Path, n: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(report_text(i), "utf-8")
    return folder


# ---------------------------------------------------------------- usage errors: exit 2, one Chinese line

USAGE = [
    (["--max-mb", "nan", "x.txt"], "--max-mb"),
    (["--max-mb", "inf", "x.txt"], "--max-mb"),
    (["--max-mb", "1e300", "x.txt"], "--max-mb"),
    (["--max-mb", "0", "x.txt"], "--max-mb"),
    (["--max-mb", "-1", "x.txt"], "--max-mb"),
    (["--format", "xml", "x.txt"], "--format"),
    (["--fromat", "csv", "x.txt"], "--fromat"),
    ([], "FILE"),
    (["check", "--max-mb", "nan", "x.txt"], "--max-mb"),
    (["check", "--threshold", "nan", "x.txt"], "--threshold"),
    (["check", "--threshold", "0", "x.txt"], "--threshold"),
    (["check", "--threshold", "200%", "x.txt"], "--threshold"),
    (["--indent", "99", "x.txt"], "--indent"),
    (["batch", "IN", "--out", "OUT", "--memory-mb", "10"], "--memory-mb"),
    (["batch", "IN", "--out", "OUT", "--timeout", "-5"], "--timeout"),
    (["batch", "IN", "--out", "OUT", "--timeout", "nan"], "--timeout"),
    (["batch", "IN", "--out", "OUT", "--max-mb", "inf"], "--max-mb"),
    (["batch", "IN", "--out", "OUT", "--jobs", "0"], "--jobs"),
    (["batch", "IN"], "--out"),
]


@pytest.mark.parametrize("args,names", USAGE, ids=[" ".join(a) or "nothing" for a, _ in USAGE])
def test_usage_errors_are_one_chinese_line_and_exit_2(tmp_path, args, names):
    args = [str(tmp_path / "in") if a == "IN" else str(tmp_path / "out") if a == "OUT" else a for a in args]
    county(tmp_path / "in", 1)
    proc = cli(*args)
    err = one_line(proc)
    assert proc.returncode == 2 and "用法错误" in err and names in err, err
    assert not (tmp_path / "out").exists(), "a usage error creates nothing"
    words = re.sub(r"reportparse(?: (?:check|batch|schema))?|--[\w-]+|'[^']*'|[\w.-]*/[\w.-]*|\b[A-Z|]+\b", "",
                   err)
    assert not re.search(r"[A-Za-z]{3,}", words), f"English in a Chinese usage error: {err}"


def test_usage_errors_in_english_with_lang_en():
    proc = cli("--lang", "en", "--max-mb", "nan", "x.txt")
    assert proc.returncode == 2 and "usage error" in one_line(proc)


def test_batch_missing_input_folder_creates_no_output_folder(tmp_path):
    proc = cli("batch", str(tmp_path / "收到的报告"), "--out", str(tmp_path / "汇总结果"))
    assert proc.returncode == 2 and "找不到文件夹" in one_line(proc)
    assert not (tmp_path / "汇总结果").exists()


def test_batch_out_that_is_a_file_or_cannot_be_made(tmp_path):
    folder = county(tmp_path / "in", 1)
    a_file = tmp_path / "note.txt"
    a_file.write_text("x")
    proc = cli("batch", str(folder), "--out", str(a_file))
    assert proc.returncode == 2 and "是一个文件" in one_line(proc)
    proc = cli("batch", str(folder), "--out", str(a_file / "sub"))
    assert proc.returncode == 2 and "无法创建输出文件夹" in one_line(proc)


@contextlib.contextmanager
def _read_only(folder: Path):
    """``folder`` made read-only: by its mode, or, for root (who writes through modes), by a
    read-only bind mount over it (skipped where mounting is not allowed)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("running as root and cannot mount a read-only folder")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


@pytest.mark.skipif(not hasattr(os, "geteuid") or sys.platform != "linux", reason="POSIX permissions, mount")
def test_batch_and_schema_out_read_only(tmp_path):
    folder = county(tmp_path / "in", 1)
    locked = tmp_path / "locked"
    locked.mkdir()
    with _read_only(locked):
        for args in (["batch", str(folder), "--out", str(locked / "out")],
                     ["batch", str(folder), "--out", str(locked)],
                     ["schema", "--out", str(locked)],
                     ["schema", "--out", str(locked / "schemas")]):
            proc = cli(*args)
            err = one_line(proc)
            assert proc.returncode == 2 and "用法错误" in err, err
            assert os.listdir(locked) == [], "nothing is created"


def test_schema_out_onto_a_file_is_a_usage_error(tmp_path):
    a_file = tmp_path / "schemas"
    a_file.write_text("x")
    proc = cli("schema", "--out", str(a_file))
    assert proc.returncode == 2 and "是一个文件" in one_line(proc)
    assert a_file.read_text() == "x"


def test_version_and_help():
    proc = cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().strip() == f"reportparse {reportparse.__version__}"
    text = cli("--help").stdout.decode()
    assert "退出码" in text and "--lang" in text and "130" in text
    assert "exit status" in cli("--help", "--lang", "en").stdout.decode()


# ---------------------------------------------------------------- outputs that cannot be written


def test_stdout_closed_is_one_line_exit_1():
    proc = subprocess.run([sys.executable, "-c",
                           "import os, sys; os.close(1); from reportparse.cli import main; sys.exit(main(sys.argv[1:]))",
                           str(SAMPLE)], stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 1 and "无法写出结果" in one_line(proc)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
def test_disk_full_is_one_line_exit_1(fmt):
    with open("/dev/full", "wb") as full:
        proc = cli("--format", fmt, str(SAMPLE), stdout=full)
    assert proc.returncode == 1 and "磁盘已满" in one_line(proc)


def test_file_name_with_a_newline_gives_one_line(tmp_path):
    proc = cli(str(tmp_path / "第一行\n第二行.txt"))
    err = one_line(proc)
    assert proc.returncode == 1 and "\\n" in err and "文件不存在" in err


def test_default_json_keeps_a_record_per_input_failures_included(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = cli(str(empty), str(SAMPLE))
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1 and len(lines) == 2
    first, second = json.loads(lines[0]), json.loads(lines[1])
    assert first["ok"] is False and first["error"] == "空文件" and first["file"] == str(empty)
    assert second["organ"]["value"] == "青石镇人民政府"
    single = json.loads(cli(str(empty)).stdout)
    assert single["ok"] is False and single["error"]
    assert json.loads(cli("--lang", "en", str(empty)).stdout)["error"] == "empty file"


def test_csv_bom_only_at_the_start_of_a_fresh_output(tmp_path):
    target = tmp_path / "all.csv"
    with open(target, "wb") as fh:
        cli("--format", "csv", str(SAMPLE), stdout=fh)
    with open(target, "ab") as fh:
        cli("--format", "csv", str(SAMPLE), stdout=fh)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    assert not cli("--format", "csv", "--no-bom", str(SAMPLE)).stdout.startswith(b"\xef\xbb\xbf")
    assert cli("--format", "csv", str(SAMPLE)).stdout.startswith(b"\xef\xbb\xbf")


# ---------------------------------------------------------------- text views


def test_text_view_is_one_language_with_dashes_for_empty_values(tmp_path):
    text = cli("--format", "text", str(SAMPLE)).stdout.decode()
    assert "None" not in text and "—" in text
    assert "2008年条例叙述式" in text and "政府网站" in text and "保护第三方合法权益" in text
    for english in ("organ", "year", "received", "channels", "website", "third_party", "pre2019"):
        assert english not in text, english
    english = cli("--format", "text", "--lang", "en", str(SAMPLE)).stdout.decode()
    assert "organ" in english and "机关" not in english and "website" in english


def test_check_text_quotes_the_evidence_not_offsets(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(report_text(3).replace("2023年1月", "2023年5月"), "utf-8")
    proc = cli("check", "--format", "text", str(path))
    out = proc.stdout.decode()
    assert "原文：“" in out and "依据：" in out and "依据:" not in out
    assert not re.search(r"@\d+", out), out
    assert "机关不详" not in out and "?年度" not in out


def test_check_unreadable_previous_says_the_copy_check_was_skipped(tmp_path):
    proc = cli("check", "--format", "json", "--previous", str(tmp_path / "去年.txt"), str(SAMPLE))
    err = one_line(proc)
    assert "已跳过雷同检查" in err and proc.returncode in (0, 3)
    assert json.loads(proc.stdout)["ok"] is True


# ---------------------------------------------------------------- batch: whatever the folder holds


def _batch(*args: str, timeout=180) -> subprocess.CompletedProcess:
    return cli("batch", *args, "--quiet", timeout=timeout)


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_batch_special_files_are_rows_not_hangs(tmp_path):
    folder = county(tmp_path / "in", 2)
    os.mkfifo(folder / "管道.txt")
    os.symlink("/dev/zero", folder / "零.txt")
    os.symlink(folder / "gone.txt", folder / "断链.txt")
    started = time.monotonic()
    proc = _batch(str(folder), "--out", str(tmp_path / "out"), "-j", "2", timeout=60)
    assert time.monotonic() - started < 60 and proc.returncode == 1
    reasons = {os.path.basename(r["file"]): r["error"] for r in _rows(tmp_path / "out" / "errors.csv")}
    assert reasons["管道.txt"].startswith("不是普通文件") and reasons["零.txt"].startswith("不是普通文件")
    assert reasons["断链.txt"] == "文件不存在"
    assert len(_rows(tmp_path / "out" / "summary.csv")) == 5


def test_batch_earlier_outputs_inside_the_input_are_never_parsed(tmp_path):
    folder = county(tmp_path / "in", 3)
    _batch(str(folder), "--out", str(tmp_path / "old"))
    os.rename(tmp_path / "old", folder / "去年的汇总")  # an earlier run's output moved into the folder
    for _ in range(3):  # --out equal to the input folder: rows never triple
        proc = _batch(str(folder), "--out", str(folder))
        assert proc.returncode == 0, proc.stderr.decode()
        assert len(_rows(folder / "summary.csv")) == 3


def test_batch_output_folder_is_locked_against_a_second_batch(tmp_path):
    import fcntl

    folder = county(tmp_path / "in", 1)
    out = tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    with open(out / ".cache" / "batch.lock", "a+") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = _batch(str(folder), "--out", str(out))
    assert proc.returncode == 2 and "另一个批量任务" in one_line(proc)
    assert not (out / "summary.csv").exists()
    assert _batch(str(folder), "--out", str(out)).returncode == 0


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names are a POSIX matter")
def test_batch_any_file_name_bytes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    gbk = os.fsencode(folder) + b"/" + "报告".encode("gbk") + b".txt"  # a zip made on Windows
    with open(gbk, "wb") as fh:
        fh.write(report_text(1).encode("utf-8"))
    deep = folder / ("很长的文件夹名称" * 6) / ("更长的子文件夹名称" * 6)
    deep.mkdir(parents=True)
    (deep / ("某某镇人民政府二〇二二年政府信息公开工作年度报告" * 2 + ".txt")).write_text(report_text(2), "utf-8")
    (folder / "=HYPERLINK(1).txt").write_text(NOT_A_REPORT, "utf-8")
    (folder / "网页.mht").write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
        b"Content-Type: text/html; charset=\"utf-8\"\r\n\r\n<html><body><pre>"
        + report_text(4).encode("utf-8") + b"</pre></body></html>\r\n--b--\r\n")
    out = tmp_path / "out"
    proc = _batch(str(folder), "--out", str(out))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr.decode()
    rows = _rows(out / "summary.csv")
    files = [r["file"] for r in rows]
    assert len(rows) == 4
    assert any("\ufffd" in f for f in files), files
    assert any(f.endswith("网页.mht") and r["ok"] == "true" for f, r in zip(files, rows))
    assert all(len(p.name.encode()) < 200 for p in (out / "reports").iterdir())
    bad = next(r for r in _rows(out / "errors.csv") if "HYPERLINK" in r["file"])
    assert bad["error"].startswith("不是政府信息公开工作年度报告")


@pytest.mark.parametrize("failing", ["summary.csv", "pages"])
def test_batch_disk_full_is_one_line_and_no_partial_file(tmp_path, monkeypatch, capsys, failing):
    import errno

    from reportparse.batch import atomic
    from reportparse.cli import main

    folder = county(tmp_path / "in", 2)
    real = atomic.write_bytes

    def full(path, data):
        if failing in str(path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(atomic, "write_bytes", full)
    status = main(["batch", str(folder), "--out", str(tmp_path / "out"), "-j", "1", "-q"])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    if failing == "summary.csv":  # the county file: one line, and no half file left
        assert "磁盘已满" in err and err.count("\n") == 1
        assert not (tmp_path / "out" / "summary.csv").exists()
    else:  # a report's page: that file becomes a row, the rest goes on
        errors = _rows(tmp_path / "out" / "errors.csv")
        assert len(errors) == 2 and all(r["error"] == "无法写出该报告的结果（磁盘已满）" for r in errors)
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_csv_cells_that_look_like_formulas_are_escaped(tmp_path):
    (tmp_path / "=HYPERLINK(1).txt").write_text(NOT_A_REPORT, "utf-8")
    proc = cli("batch", "=HYPERLINK(1).txt", "--out", "out", "-q", cwd=tmp_path)
    assert proc.returncode == 1
    assert [r["file"] for r in _rows(tmp_path / "out" / "errors.csv")] == ["'=HYPERLINK(1).txt"]
    from reportparse.output import csv_cell

    assert [csv_cell(v) for v in ("=1+2", "+86", "-", "@SUM", "-5", 5, "新开镇")] == \
        ["'=1+2", "'+86", "-", "'@SUM", "'-5", 5, "新开镇"]


def test_batch_output_files_follow_the_umask(tmp_path):
    folder = county(tmp_path / "in", 1)
    proc = subprocess.run([sys.executable, "-c", "import os, sys; os.umask(0o022); "
                           "from reportparse.cli import main; sys.exit(main(sys.argv[1:]))",
                           "batch", str(folder), "--out", str(tmp_path / "out"), "-q"], timeout=120)
    assert proc.returncode == 0
    for name in ("summary.csv", "summary.xlsx", "index.html", "errors.csv"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o644, name
    page = next((tmp_path / "out" / "pages").iterdir())
    assert stat.S_IMODE(page.stat().st_mode) == 0o644
    report = next((tmp_path / "out" / "reports").iterdir())
    assert stat.S_IMODE(report.stat().st_mode) == 0o644
    proc = subprocess.run([sys.executable, "-c", "import os, sys; os.umask(0o022); "
                           "from reportparse.cli import main; sys.exit(main(sys.argv[1:]))",
                           "schema", "--out", str(tmp_path / "schemas")], capture_output=True, timeout=120)
    assert proc.returncode == 0
    for path in (tmp_path / "schemas").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name
    assert stat.S_IMODE((tmp_path / "schemas").stat().st_mode) == 0o755


def test_time_limit_failures_are_not_cached(tmp_path):
    from reportparse.batch.work import _failure

    record = _failure({"file": "a.txt", "name": "a", "key": "k"}, "a.txt", "parsing took over 10 s (x)",
                      code="limit", cache=False)
    assert record["key"] is None  # the journal skips records without a key
    from reportparse.batch.work import _TRANSIENT

    assert _TRANSIENT.search("parsing took over 10 s (12.0 s by the end of tables)")
    assert _TRANSIENT.search("out of memory while parsing")
    assert not _TRANSIENT.search("PDF has 900 pages (limit 500)")


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS")
def test_worker_memory_cap_turns_a_blow_up_into_memory_error():
    code = ("from reportparse.batch.runner import _cap_memory\n_cap_memory(64)\n"
            "try:\n    x = bytearray(512 * 1024 * 1024)\nexcept MemoryError:\n    print('capped')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.stdout.decode().strip() == "capped"


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reportparse", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_progress(proc: subprocess.Popen, lines: int = 2, timeout: float = 120) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len([s for s in seen if s.startswith("[")]) < lines:
        line = proc.stderr.readline().decode("utf-8", "replace")
        if not line:
            break
        seen.append(line)
    return seen


@pytest.mark.skipif(sys.platform != "linux", reason="process groups")
def test_ctrl_c_in_a_multi_worker_batch(tmp_path):
    folder = county(tmp_path / "in", 60)
    out = tmp_path / "out"
    proc = _start(["batch", str(folder), "--out", str(out), "-j", "2"])
    _wait_for_progress(proc)
    os.killpg(proc.pid, signal.SIGINT)
    err = proc.communicate(timeout=120)[1].decode("utf-8", "replace")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "已中断" in err
    assert (out / "index.html").is_file() and (out / "summary.csv").is_file()
    done = len(_rows(out / "summary.csv"))
    assert 0 < done <= 60
    rerun = cli("batch", str(folder), "--out", str(out), "-j", "2", timeout=300)
    assert rerun.returncode == 0
    assert rerun.stderr.decode().count("未变更") >= done - 2  # the last ones may have been in flight


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG")
def test_workers_die_with_their_parent(tmp_path):
    folder = county(tmp_path / "in", 80)
    proc = _start(["batch", str(folder), "--out", str(tmp_path / "out"), "-j", "2"])
    _wait_for_progress(proc)
    children = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    assert children
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() for c in children):
        time.sleep(0.2)
    alive = []
    for child in children:
        try:
            state = Path(f"/proc/{child}/stat").read_text().split(")")[-1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(child)
    assert not alive, f"workers outlived the batch: {alive}"


# ---------------------------------------------------------------- what the clerk reads


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("clerk")
    folder = county(tmp / "收到的报告" / ("某市某县某某乡镇人民政府各部门报送材料汇总文件夹" * 2), 4)
    (folder / "通知.txt").write_text(NOT_A_REPORT, "utf-8")
    (folder / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    (folder / "空.txt").write_bytes(b"")
    for path in sorted(CORPUS.glob("checks_*.txt"))[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp / "out"
    proc = _batch(str(tmp / "收到的报告"), "--out", str(out))
    assert proc.returncode == 1
    return out


def test_errors_csv_reasons_are_chinese_sentences(batch_out):
    reasons = {os.path.basename(r["file"]): r["error"] for r in _rows(batch_out / "errors.csv")}
    assert reasons == {"通知.txt": reasons["通知.txt"], "旧版.doc": "旧版 .doc 文件，请另存为 .docx", "空.txt": "空文件"}
    assert reasons["通知.txt"].startswith("不是政府信息公开工作年度报告")


def test_xlsx_values_in_words(batch_out):
    with zipfile.ZipFile(batch_out / "summary.xlsx") as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    for words in ("2021年格式", "简体", "总体情况", "政府网站", "错误", "空文件", "格式要求的统计表缺失或为空"):
        assert words in strings, words
    for code in (">fmt2021<", ">simplified<", ">overview<", ">website<", ">error<"):
        assert code not in strings, code


def test_index_html_labels_reasons_and_widths(batch_out):
    html = (batch_out / "index.html").read_text("utf-8")
    assert "2021年格式" in html and ">fmt2021<" not in html
    assert '<div class="why">空文件</div>' in html  # the reason is in the table, not only a tooltip
    assert "格式要求的统计表缺失或为空" in html  # finding codes named
    assert re.search(r"<title>[^<]*人民政府 20\d\d：", html), "chart labels name organ and year"
    paths = re.findall(r'class="muted path" title="([^"]+)">([^<]+)</td>', html)
    assert paths and all(full.endswith(shown.lstrip("…/")) for full, shown in paths)
    assert all(len(shown) <= 30 or shown == "…/" + os.path.basename(full) for full, shown in paths)
    assert "#reports{width:100%" in html
    organs = re.findall(r'<td class="org" data-v="([^"]*)">(?:<a [^>]*>)?([^<]*)', html)
    assert organs and all(shown == (value or ("—" if shown == "—" else "机关不详")) for value, shown in organs)
    assert ("", "—") in organs  # a failed file: its reason and path are in their own columns


def test_report_pages_chinese_fields_hover_text_and_heading(batch_out):
    html = next(h for p in sorted((batch_out / "pages").glob("*.html"))
                if "新收申请数 = " in (h := p.read_text("utf-8")))
    assert re.search(r"<h1>[^<]*人民政府 20\d\d年度报告</h1>", html)
    assert "<th title='proactive_total'>主动公开信息数</th>" in html
    assert re.search(r'data-tip="主动公开信息数 = \d+"', html)
    assert "facts.proactive_total" not in html
    tips = [t for p in (batch_out / "pages").glob("*.html")
            for t in re.findall(r'data-tip="([^"]*)"', p.read_text("utf-8"))]
    assert any(t.startswith("公开渠道 · 第1项 = ") for t in tips)
    codes = [t for t in tips if re.search(r" = [a-z][a-z0-9_]+$", t)]  # website, third_party, fmt2021
    assert not codes, codes[:5]


def test_dashboard_in_headless_chromium(batch_out, tmp_path):
    import shutil

    if not (shutil.which("chromium") or shutil.which("chromium-browser")) or not shutil.which("chromedriver"):
        pytest.skip("no Chromium/ChromeDriver: the static tests above check the HTML")
    tool = Path(__file__).resolve().parent.parent / "tools" / "screenshot_dashboard.py"
    proc = subprocess.run([sys.executable, str(tool), "--batch", str(batch_out), "--out", str(tmp_path)],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert (tmp_path / "dashboard-report.png").stat().st_size > 10_000


# ---------------------------------------------------------------- reasons for a person

REASONS = [
    ("file not found", "文件不存在"),
    ("empty file", "空文件"),
    ("binary input (an image or program, not text)", "不是文本而是二进制文件（图片或程序等）"),
    ("legacy Word 97-2003 .doc (or other OLE) file is not supported; save it as .docx or .txt",
     "旧版 .doc 文件，请另存为 .docx"),
    ("not a government information-disclosure annual report (no 信息公开 / 年度报告 vocabulary found)",
     "不是政府信息公开工作年度报告（未找到“信息公开”“年度报告”等字样）"),
    ("file too large (30,000,000 bytes; the limit is 20,971,520 bytes)",
     "文件太大（30,000,000 字节，上限 20,971,520 字节），未解析"),
    ("encrypted PDF (password-protected); cannot read its text", "PDF 设有密码，无法读取文字"),
    ("timed out: parsing took longer than 120 s", "解析超过 120 秒，已放弃（文件过于复杂或电脑过忙）"),
    ("something new the table does not know", "无法解析（something new the table does not know）"),
    ("不是普通文件", "不是普通文件（管道、设备或套接字），不读取"),
]


@pytest.mark.parametrize("english,chinese", REASONS)
def test_reason_in_chinese(english, chinese):
    from reportparse.errors import reason

    assert reason(english) == chinese
    assert reason(english, "en") == english


# ---------------------------------------------------------------- the library


def test_parse_takes_paths_bytes_likes_and_binary_files():
    data = SAMPLE.read_bytes()
    organs = {reportparse.parse(source).organ.value for source in
              (str(SAMPLE), SAMPLE, data, bytearray(data), memoryview(data), io.BytesIO(data))}
    assert organs == {"青石镇人民政府"}
    with open(SAMPLE, "rb") as fh:
        assert reportparse.parse(fh).source.file == str(SAMPLE)


def test_parse_given_report_text_points_to_parse_text():
    with pytest.raises(reportparse.InputError, match="parse_text") as info:
        reportparse.parse(SAMPLE.read_text("utf-8"))
    assert "\n" not in str(info.value)
    with open(SAMPLE, encoding="utf-8") as fh, pytest.raises(reportparse.ReportParseError, match="'rb'"):
        reportparse.parse(fh)
    with pytest.raises(reportparse.ReportParseError):
        reportparse.parse(42)


def test_check_takes_a_report_or_a_path():
    report = reportparse.parse(SAMPLE)
    assert [f.code for f in reportparse.check(SAMPLE)] == [f.code for f in reportparse.check(report)]


def test_public_names_are_exported():
    for name in ("ReportParseError", "InputError", "BinaryInputError", "DecodeError", "UnsupportedFormatError",
                 "LimitExceededError", "NotAReportError", "Finding", "Report", "Summary", "Evidence", "Limits",
                 "parse", "parse_text", "parse_many", "check", "summarize"):
        assert name in reportparse.__all__ and hasattr(reportparse, name), name
    assert all(issubclass(getattr(reportparse, n), reportparse.ReportParseError)
               for n in reportparse.__all__ if n.endswith("Error"))
    assert reportparse.summarize.__doc__ and reportparse.check.__doc__
    import inspect

    import pydantic

    from reportparse import models

    public_models = [n for n, c in vars(models).items() if inspect.isclass(c) and issubclass(c, pydantic.BaseModel)
                     and c.__module__ == models.__name__ and not n.startswith("_")]
    assert "Report" in public_models
    assert [n for n in public_models if n not in reportparse.__all__] == [], "every model is exported"


def test_every_public_field_has_a_description_in_the_schemas():
    root = Path(__file__).resolve().parent.parent / "schemas"
    for name in ("report.schema.json", "summary.schema.json"):
        schema = json.loads((root / name).read_text("utf-8"))
        models = [schema, *schema.get("$defs", {}).values()]
        for model in models:
            for field, spec in model.get("properties", {}).items():
                assert spec.get("description"), f"{name}: {model.get('title')}.{field}"


def test_no_docstring_points_to_a_missing_file():
    root = Path(__file__).resolve().parent.parent
    for path in (root / "src" / "reportparse").rglob("*.py"):
        for ref in re.findall(r"\b((?:docs|schemas|tools|benchmarks|fuzz)/[\w./-]+\.\w+)", path.read_text("utf-8")):
            assert (root / ref).exists(), f"{path.name} points to {ref}"


# ---------------------------------------------------------------- problems and keywords

FRAGMENTS = [
    # (text of the problems part after its heading, first problem, first measure)
    ("(一)存在的主要问题:基层公开标准化水平有待提升。\n(二)改进措施:\n一是加强培训。二是完善制度。",
     "基层公开标准化水平有待提升", "一是加强培训"),
    ("及改进情况\n(一)存在的主要问题:一是更新不及时。\n(二)改进措施。一是加强督查。",
     "一是更新不及时", "一是加强督查"),
    ("存在问题:公开内容不够全面。\n改进措施:下一步将加强培训。", "公开内容不够全面", "下一步将加强培训"),
    ("(一)完善工作机制。建立健全公开责任制。\n(二)提高业务水平。组织人员学习。",
     "(一)完善工作机制。建立健全公开责任制", None),
]


@pytest.mark.parametrize("body,problem,measure", FRAGMENTS)
def test_problem_and_measure_items_start_at_their_content(body, problem, measure):
    text = ("示例镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息10条。\n"
            "二、存在的主要问题及改进情况\n" + body + "\n三、其他需要报告的事项\n无。\n")
    report = reportparse.parse_text(text)
    items = report.problems + report.measures
    assert items[0].text.startswith(problem)
    if measure:
        assert report.measures and report.measures[0].text.startswith(measure)
    for item in items:
        assert not re.match(r"\(?[一二三]?\)?(?:存在的?主要问题|改进措施|及改进)", item.text), item.text
        assert report.text[item.evidence.start:item.evidence.end] == item.evidence.text


def test_rollup_keywords_are_domain_phrases():
    from reportparse.batch.keywords import problem_keywords

    words = problem_keywords(["一是公开形式不够丰富，制度建设有待加强，部分栏目更新不及时",
                              "二是工作人员业务能力不足，政策解读形式单一", "三是信息发布的及时性有待提高"])
    assert {"更新不及时", "业务能力", "政策解读", "信息发布"} <= set(words)
    assert not {"建设", "制度", "形式", "工作人员", "政府信息公开", "有待加强", "有待提高"} & set(words)


def test_unreadable_sub_folder_becomes_a_row(tmp_path, monkeypatch):
    """As another user a chmod-000 folder cannot be listed (root can: the error is injected)."""
    from reportparse.batch import inputs

    folder = county(tmp_path / "in", 2)
    (folder / "锁住的").mkdir()
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        for root, dirs, files in real_walk(top, onerror=onerror, **kw):
            if root.endswith("锁住的"):
                onerror(PermissionError(13, "Permission denied", root))
                continue
            yield root, dirs, files

    monkeypatch.setattr(inputs.os, "walk", walk)
    found = inputs.discover([str(folder)])
    problems = [(os.path.basename(i.file), i.problem) for i in found if i.problem]
    assert problems == [("锁住的", "cannot read folder (Permission denied)")]
    from reportparse.errors import reason

    assert reason(problems[0][1]) == "没有读取权限，无法读取文件夹"


def test_lang_en_switches_the_county_files(tmp_path):
    folder = county(tmp_path / "in", 2)
    (folder / "空.txt").write_bytes(b"")
    proc = cli("batch", str(folder), "--out", str(tmp_path / "out"), "--lang", "en", "-q")
    assert proc.returncode == 1
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "New requests by organ" in html and "2021 format" in html and '<div class="why">empty file</div>' in html
    assert "各机关" not in html and "解析失败" not in html and "：" not in html
    with zipfile.ZipFile(tmp_path / "out" / "summary.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
        properties = book.read("docProps/core.xml").decode()
    assert not re.search(r"[\u4e00-\u9fff]", properties), properties
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == ["summary", "findings", "failures", "totals"]
    assert "2021 format" in strings and "2021年格式" not in strings
    assert _rows(tmp_path / "out" / "errors.csv")[0]["error"] == "empty file"
    page = next((tmp_path / "out" / "pages").glob("*.html")).read_text("utf-8")
    assert '<html lang="en">' in page and "<h2>Summary fields</h2>" in page and "← back to the summary" in page
    assert "<th title='proactive_total'>proactive_total</th>" in page and "2021 format" in page
    assert re.search(r'data-tip="facts.proactive_total = \d+"', page)
    for chinese in ("汇总字段", "问题发现", "原文核对", "返回汇总", "全部证据", "年度报告</h1>", "2021年格式",
                    "主动公开信息数", "鼠标悬停"):
        assert chinese not in page, chinese
    # The same folder again in Chinese: the pages follow the language (not taken from the cache).
    assert cli("batch", str(folder), "--out", str(tmp_path / "out"), "-q").returncode == 1
    page = next((tmp_path / "out" / "pages").glob("*.html")).read_text("utf-8")
    assert "<h2>汇总字段</h2>" in page and "Summary fields" not in page


IDENTITY_RULES = [  # the rules tables/identities.py reports, as the text view names them
    ("requests", "row total = sum of applicant columns", "表三：每行总计 = 各类申请人之和（应为 7，实为 6）"),
    ("requests", "(七)总计 = sum of outcome rows", "表三：（七）总计 = 各项办理结果之和（应为 7，实为 6）"),
    ("requests", "一 + 二 = (七) + 四", "表三：一 + 二 = （七）+ 四（应为 7，实为 6）"),
    ("review_litigation", "group 总计 = sum of its four parts",
     "表四：各组总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（应为 7，实为 6）"),
]


@pytest.mark.parametrize("table,rule,line", IDENTITY_RULES)
def test_text_view_names_failing_identities_in_chinese(table, rule, line):
    from reportparse.models import IdentityFailure
    from reportparse.output import text_view

    report = reportparse.parse(SAMPLE)
    failure = IdentityFailure(table=table, rule=rule, cells=[], expected=7, found=6, difference=-1)
    tables = report.tables.model_copy(update={"identities": [failure]})
    text = text_view(report.model_copy(update={"tables": tables}))
    assert f"    - {line}" in text.splitlines()
    english = text_view(report.model_copy(update={"tables": tables}), lang="en")
    assert f"{rule} (expected 7, found 6)" in english


def test_every_identity_rule_has_chinese_words():
    import inspect

    from reportparse import labels
    from reportparse.tables import identities

    written = set(re.findall(r'eqs\.append\(\("([^"]+)"', inspect.getsource(identities)))
    assert written and written <= set(labels.RULES_ZH)


# ---------------------------------------------------------------- the README a newcomer follows


def _quick_starts() -> dict[str, list[str]]:
    """The indented command lines of the README's two quick starts (Chinese, English)."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    chinese = text.split("<!-- batch-quickstart -->")[1]
    english = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return {name: [line.strip() for line in part.splitlines() if line.startswith("    ") and line.strip()]
            for name, part in (("zh", chinese), ("en", english))}


def test_readme_quick_starts_make_a_venv_first_and_their_commands_work(tmp_path):
    for name, lines in _quick_starts().items():
        commands = [c.strip() for line in lines for c in line.split("&&")]
        install = next(i for i, c in enumerate(commands) if "pip install" in c)
        assert commands[0] == "python3 -m venv .venv", (name, commands)
        assert ". .venv/bin/activate" in commands[:install], (name, commands)
        assert all(c.startswith("python3 -m pip") for c in commands if "pip install" in c), (name, commands)
        runs = [c.split() for c in commands if c.startswith("reportparse ")]
        assert runs, name
        for argv in runs:
            if "batch" in argv:
                county(tmp_path / argv[2], 2)
            proc = cli(*argv[1:], cwd=tmp_path if "batch" in argv else Path(__file__).resolve().parent.parent)
            assert proc.returncode == 0, (name, argv, proc.stderr.decode()[-500:])


def test_finding_messages_under_chinese_have_no_english_words():
    report = reportparse.parse(CORPUS / "tables_broken_2020.txt")
    messages = [f.message for f in reportparse.check(report)]
    assert any("勾稽关系" in m for m in messages)
    for message in messages:
        assert not re.search(r"[A-Za-z]{3,}", message), message


@pytest.mark.parametrize("cells,where", [
    (["requests.granted.natural_person", "requests.granted.commercial", "requests.granted.total"], "予以公开行"),
    (["requests.total_processed.total", "requests.granted.total", "requests.other.total"], "总计列"),
    (["review_litigation.review.total", "review_litigation.review.maintained"], "行政复议栏"),
    (["requests.new_received.total", "requests.carried_over.natural_person", "requests.total_processed.total",
      "requests.carried_forward.total"], "等4格"),
])
def test_identity_finding_names_where_it_fails_in_words(cells, where):
    from reportparse.check.rules_numbers import _where

    assert _where(cells).endswith(where)
