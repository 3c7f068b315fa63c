"""Hostile input, round two (issue 15): each class ends in a report or one line, within
10 s of CPU and 1 GiB.

Every bomb is made by a small generator in ``tests/hostile_cases.py`` inside the
process that parses it (``tests/hostile_run.py``), so time and peak memory are
that process's own. The rest: special files and stdin through the CLI, warnings
of documents parsed side by side in threads, exceptions that must become one
line, and table rows for the pieces (list numbering, decoding, two reports).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import hostile_cases
from conftest import CORPUS
from reportparse import Limits, ReportParseError, parse, parse_many, parse_text
from reportparse.damage import find_second_report
from reportparse.errors import LimitExceededError
from reportparse.load.docx import format_number
from reportparse.load.text import decode_bytes

HERE = Path(__file__).resolve().parent
CPU_SECONDS = 10
PEAK_MB = 1024
SAMPLE = hostile_cases.sample()


def _one_line(message: str) -> bool:
    return bool(message) and "\n" not in message and "Traceback" not in message


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict]:
    """Every case, run once in one fresh process (its peak memory bounds each case's)."""
    proc = subprocess.run([sys.executable, str(HERE / "hostile_run.py"), *hostile_cases.CASES],
                          capture_output=True, timeout=900)
    results = [json.loads(line) for line in proc.stdout.decode().splitlines() if line.startswith("{")]
    found = {r["case"]: r for r in results}
    for name in hostile_cases.CASES:
        found.setdefault(name, {"case": name, "crashed": proc.stderr.decode()[-2000:]})
    return found


@pytest.mark.parametrize("name", list(hostile_cases.CASES))
def test_hostile_case_is_a_result_or_one_line_within_limits(name, outcomes):
    case = hostile_cases.CASES[name]
    out = outcomes[name]
    assert "crashed" not in out, out
    assert out["cpu"] <= CPU_SECONDS, out
    assert out["rss_mb"] <= PEAK_MB, out
    if case.expect == "error":
        assert out["ok"] is False, out
        assert _one_line(out["error"]) and not out["error"].startswith("ESCAPED"), out
        assert case.says in out["error"], out
    elif case.expect == "any":
        assert out["ok"] or (_one_line(out["error"]) and not out["error"].startswith("ESCAPED")), out
    else:
        assert out["ok"] is True, out
        record = dict(out["summary"], warnings=out["warnings"])
        assert case.check is None or case.check(record), out


# --- special files and stdin (CLI) ---------------------------------------------------------


def _cli(*args: str, stdin=None) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "reportparse", *args], capture_output=True, stdin=stdin,
                          timeout=60)
    return proc, time.monotonic() - started


def _special_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    urandom = tmp_path / "random.pdf"
    urandom.symlink_to("/dev/urandom")
    return [fifo, zero, urandom, Path("/dev/null")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_special_files_get_one_line_each_and_do_not_block(tmp_path):
    specials = _special_files(tmp_path)
    good = CORPUS / "sample_township_2018.txt"
    proc, seconds = _cli("--format", "summary", *map(str, specials), str(good))
    assert proc.returncode == 1 and seconds < 10
    errors = proc.stderr.decode().splitlines()
    assert len(errors) == len(specials) and all("不是普通文件" in line for line in errors), errors
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["ok"] for r in records] == [False] * len(specials) + [True]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="POSIX sockets")
def test_a_socket_is_not_a_regular_file(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(ReportParseError, match="不是普通文件"):
            parse(path)


@pytest.mark.parametrize("command", [[], ["check"]])
def test_stdin_stops_at_the_size_limit(command):
    with open("/dev/zero", "rb") as zero:
        proc, seconds = _cli(*command, "--max-mb", "5", "-", stdin=zero)
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 1 and seconds < 10, (seconds, lines)
    assert len(lines) == 1 and "too large" in lines[0]


# --- exceptions become one line --------------------------------------------------------------


@pytest.mark.parametrize("error", [KeyError("x"), IndexError("string index out of range"), MemoryError(),
                                   RecursionError("maximum recursion depth exceeded"), UnicodeError("bad")])
def test_every_exception_inside_parse_is_one_line(monkeypatch, error):
    def boom(*args, **kwargs):
        raise error

    monkeypatch.setattr(sys.modules["reportparse.parse"], "extract_phones", boom)
    for call in (lambda: parse_text(SAMPLE, name="x.txt"), lambda: parse(SAMPLE.encode(), name="x.txt")):
        with pytest.raises(ReportParseError) as info:
            call()
        assert _one_line(str(info.value)) and str(info.value).startswith("x.txt: ")


def test_parse_many_returns_errors_in_place(tmp_path):
    good = CORPUS / "sample_township_2018.txt"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    results = list(parse_many([good, fifo, tmp_path / "missing.txt", good], jobs=1, errors="return"))
    assert [isinstance(r, ReportParseError) for r in results] == [False, True, True, False]
    assert "不是普通文件" in str(results[1])


def test_parse_text_refuses_bytes_with_one_line():
    with pytest.raises(ReportParseError, match="parse_text needs str"):
        parse_text(SAMPLE.encode())  # type: ignore[arg-type]


def test_the_time_limit_covers_loading():
    data, name = hostile_cases.numbered_report("decimal", "1")
    with pytest.raises(LimitExceededError, match="parsing took over 0 s.*(reading|parsing) word/"):
        parse(data, name=name, limits=Limits(max_seconds=0))


# --- warnings belong to their own document (threads) -----------------------------------------


def _good_and_damaged() -> tuple[bytes, bytes]:
    """A clean PDF, and a text whose stray bytes give it a warning of its own."""
    good = (CORPUS / "containers" / "containers_lianhua_town_2018.pdf").read_bytes()
    text = (CORPUS / "sample_township_2018.txt").read_bytes()
    cut = len(text) // 2
    while text[cut] >= 0x80:  # between two characters, not inside one
        cut += 1
    return good, text[:cut] + b"\xff\xfe\x80" + text[cut:]


def test_warnings_do_not_leak_between_threads():
    """Warnings belong to their document: a clean PDF read beside damaged inputs in other threads gets none."""
    good, bad = _good_and_damaged()
    assert parse(bad, name="bad.txt").warnings and not parse(good, name="good.pdf").warnings
    leaks = []
    for _ in range(8):
        results: dict[str, list[str]] = {}

        def run(label: str, data: bytes, name: str, sink: dict[str, list[str]]) -> None:
            sink[label] = parse(data, name=name).warnings

        threads = [threading.Thread(target=run, args=(f"{kind}{i}", data, name, results))
                   for i in range(2) for kind, data, name in (("good", good, "good.pdf"), ("bad", bad, "bad.txt"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        leaks += [label for label, warnings in results.items() if label.startswith("good") and warnings]
        assert all(ws for label, ws in results.items() if label.startswith("bad"))
    assert leaks == []


# --- pieces, as tables -----------------------------------------------------------------------

NUMBERS = [
    # (value, Word format, label): absurd values stay digits, never expand
    (3, "upperLetter", "C"),
    (28, "lowerLetter", "bb"),
    (780, "upperLetter", "Z" * 30),
    (781, "upperLetter", "781"),
    (2_600_000_000, "lowerLetter", "2600000000"),
    (10 ** 25, "upperLetter", str(10 ** 25)),
    (14, "upperRoman", "XIV"),
    (3999, "lowerRoman", "mmmcmxcix"),
    (10 ** 15, "upperRoman", str(10 ** 15)),
    (0, "upperRoman", "0"),
    (-5, "decimalFullWidth", "-５"),
    (12, "chineseCounting", "十二"),
    (10 ** 12, "chineseCounting", str(10 ** 12)),
]


@pytest.mark.parametrize("value,fmt,label", NUMBERS)
def test_list_number_formats_are_bounded(value, fmt, label):
    started = time.monotonic()
    assert format_number(value, fmt) == label
    assert time.monotonic() - started < 0.1


DECODING = [
    # (what, bytes, encoding chosen, a warning expected)
    ("UTF-32-LE without BOM", SAMPLE.encode("utf-32-le"), "utf-32-le", False),
    ("UTF-32-BE without BOM", SAMPLE.encode("utf-32-be"), "utf-32-be", False),
    ("UTF-16-LE without BOM", SAMPLE.encode("utf-16-le"), "utf-16-le", False),
    ("UTF-8, three stray bytes", SAMPLE.encode()[:300] + b"\xff\xfe\xfd" + SAMPLE.encode()[300:], "utf-8", True),
    ("UTF-8, one truncated character at the end", SAMPLE.encode() + "报".encode()[:2], "utf-8", True),
]


@pytest.mark.parametrize("what,data,encoding,warned", DECODING, ids=[d[0] for d in DECODING])
def test_decoding_rows(what, data, encoding, warned):
    text, chosen, warnings = decode_bytes(data)
    assert chosen == encoding and bool(warnings) == warned
    assert "依申请公开" in text


TWO_REPORTS = [
    # (what, text, the second report starts with)
    ("two organs", SAMPLE + "\n" + hostile_cases.second_report(), "岳阳市生态环境局"),
    ("a markdown report after it", SAMPLE + "\n" + (CORPUS / "town_2017_markdown.md").read_text(encoding="utf-8"),
     "# 2017年白沙镇"),
]


@pytest.mark.parametrize("what,text,second", TWO_REPORTS, ids=[t[0] for t in TWO_REPORTS])
def test_two_reports_in_one_file_read_the_first(what, text, second):
    at, _, title = find_second_report(text)
    assert title.startswith(second) and text[at:].startswith(second)
    report = parse_text(text, name="x.txt")
    assert report.organ.value == "青石镇人民政府" and report.year.value == 2018
    assert any(w.startswith("the file holds two reports") for w in report.warnings)


NOT_TWO_REPORTS = [
    ("one report", SAMPLE),
    ("a link list after the report", SAMPLE + "\n相关链接：\n青石镇人民政府2017年政府信息公开工作年度报告\n"
     "青石镇人民政府2016年政府信息公开工作年度报告\n"),
    ("an attachment line", SAMPLE + "\n附件：青石镇人民政府2018年政府信息公开工作年度报告\n"),
    ("a heading naming the report", SAMPLE.replace("四、", "四、2017年政府信息公开工作年度报告发布情况\n" + "本镇按时发布。" * 120 + "\n一、", 1)),
]


@pytest.mark.parametrize("what,text", NOT_TWO_REPORTS, ids=[t[0] for t in NOT_TWO_REPORTS])
def test_one_report_is_not_two(what, text):
    assert find_second_report(text) is None


def test_cli_gives_every_hostile_file_a_record_or_one_line(tmp_path):
    names = [n for n in hostile_cases.CASES if hostile_cases.CASES[n].build is not hostile_cases.surrogates
             and "80mb" not in n]
    paths = []
    for name in names:
        data, file_name = hostile_cases.build(name)
        path = tmp_path / f"{name}{Path(file_name).suffix}"
        path.write_bytes(data)
        paths.append(path)
    proc, seconds = _cli("--format", "summary", *map(str, paths))
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    errors = proc.stderr.decode().splitlines()
    assert [r["file"] for r in records] == list(map(str, paths))
    failed = [r for r in records if not r["ok"]]
    assert len(errors) == len(failed) and all(_one_line(e) for e in errors), errors
    assert proc.returncode == (1 if failed else 0)
    expected = {name for name in names if hostile_cases.CASES[name].expect == "error"}
    assert expected <= {Path(r["file"]).stem for r in failed}
    assert seconds < 10 * len(paths)


def test_documents_in_threads_give_what_they_give_alone():
    from concurrent.futures import ThreadPoolExecutor

    files = sorted(CORPUS.glob("*.txt"))[:6] + sorted((CORPUS / "containers").glob("*.*"))[:6]

    def one(path: Path) -> str:
        try:
            report = parse(path)
        except ReportParseError as err:
            return str(err)
        return report.model_dump_json(exclude={"text"})

    alone = [one(path) for path in files]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(one, files)) == alone
