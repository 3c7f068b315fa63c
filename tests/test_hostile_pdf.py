"""Hostile and odd PDFs: each ends in a result or one line, within 10 s of CPU and 1 GiB.

Every file is made by a small generator in ``pdf_make`` (nothing committed in
megabytes); each case runs in a fresh interpreter so that its CPU time and peak
memory (``resource.getrusage``) are its own.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import pdf_make as make
from conftest import CORPUS
from reportparse import Limits, ReportParseError, parse, parse_text, summarize

HERE = Path(__file__).parent
CPU_LIMIT = 10.0
MEMORY_LIMIT_MB = 1024

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import pdf_make as make
data = eval(sys.argv[2], vars(make))
from reportparse import parse, ReportParseError
start = time.process_time()
try:
    parse(data, name="x.pdf")
    outcome = "ok"
except ReportParseError as exc:
    outcome = str(exc)
cpu = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "cpu": cpu, "peak_mb": peak}))
"""

# (class, generator call, words the one line must hold; None: a result or any one line)
BOMBS = [
    ("flate bomb", "flate_bomb(400)", "bomb"),
    ("flate inside flate", "double_flate_bomb(1500)", "bomb"),
    ("LZW bomb", "lzw_bomb(60)", "bomb"),
    ("forms drawing forms", "xobject_fanout(9, 10)", "bomb"),
    ("content stream of 10 million operators", "many_operators(10_000_000)", "bomb"),
    ("3 million operators", "many_operators(3_000_000)", None),
    ("one stream of operators drawn by 50 pages", "shared_operators(50, 2_000_000)", "drawing operators"),
    ("line of 20,000 text runs", "many_fragments(20_000)", None),
    ("20,000 runs on one spot", "many_fragments(20_000, 0.01)", None),
    ("page past the glyph cap", "many_glyphs(300_000)", "characters"),
    ("20,000 font aliases of one big map", "font_aliases(20_000)", None),
    ("unknown filter /Brotli", "unknown_filter(b'/Brotli')", None),
    ("JBIG2 filter on the content", "unknown_filter(b'/JBIG2Decode')", None),
    ("/Crypt filter", "crypt_filter()", None),
    ("abbreviated /Fl", "abbreviated_flate()", None),
    ("huge startxref", "huge_startxref()", None),
    ("ToUnicode to a lone surrogate", "lone_surrogate_map()", None),
    ("unsupported security handler", "unsupported_encryption()", "encrypted"),
    ("page tree loop", "page_tree_loop()", "damaged"),
    ("100,000 nested arrays", "deep_nesting(100_000)", None),
    ("truncated file", "truncated(0.6)", None),
    ("JBIG2 image beside text", "jbig2_image_page()", None),
    ("image only (a scan)", "image_only()", "no text layer"),
    ("legal 500-page document", "page_count(500)", None),
]


def _run(call: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(HERE), call], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr == "", proc.stderr[-2000:]  # nothing printed beside the result
    return json.loads(proc.stdout)


@pytest.mark.parametrize("what,call,words", BOMBS, ids=[b[0] for b in BOMBS])
def test_pdf_bomb_ends_in_a_result_or_one_line_within_limits(what, call, words):
    got = _run(call)
    outcome = got["outcome"]
    assert "\n" not in outcome and "Traceback" not in outcome
    if words is not None:
        assert words in outcome, outcome
    assert got["cpu"] <= CPU_LIMIT, got
    assert got["peak_mb"] <= MEMORY_LIMIT_MB, got


def _summary(data: bytes, name: str) -> dict:
    record = summarize(parse(data, name=name)).model_dump(mode="json")
    record.pop("file")
    return record


ENCRYPTED = sorted((HERE / "data" / "pdf").glob("encrypted_*.pdf"))


@pytest.mark.parametrize("path", ENCRYPTED, ids=[p.name for p in ENCRYPTED])
def test_encrypted_with_empty_user_password_reads_like_the_plain_file(path):
    plain = (HERE / "data" / "pdf" / "plain.pdf").read_bytes()
    assert _summary(path.read_bytes(), "x.pdf") == _summary(plain, "x.pdf")


def test_user_password_is_refused_in_one_line():
    with pytest.raises(ReportParseError, match="encrypted PDF") as info:
        parse((HERE / "data" / "pdf" / "password.pdf").read_bytes(), name="x.pdf")
    assert "\n" not in str(info.value)


def test_time_limit_is_checked_inside_a_page():
    data = make.many_fragments(20_000)
    with pytest.raises(ReportParseError, match="stopped at page 1"):
        parse(data, name="x.pdf", limits=Limits(max_seconds=0.0))


def test_characters_per_document_are_capped():
    data = (CORPUS / "containers" / "sample_township_2018.pdf").read_bytes()
    with pytest.raises(ReportParseError, match="PDF text too long"):
        parse(data, name="x.pdf", limits=Limits(max_chars=500))


@pytest.mark.parametrize("tail", ["\ud800", "\udfff", "\ud800x\udc00"])
def test_lone_surrogate_in_text_does_not_crash(tail):
    text = (CORPUS / "sample_township_2018.txt").read_text(encoding="utf-8")
    report = parse_text(text + tail)
    assert report.text.endswith("\ufffd" * tail.count("\ud800") + "x" * ("x" in tail)
                                + "\ufffd" * tail.count("\udc00") + "\ufffd" * tail.count("\udfff"))
    json.dumps(summarize(report).model_dump(mode="json"), ensure_ascii=False).encode("utf-8")


def test_warnings_do_not_leak_between_threads():
    clean = (CORPUS / "containers" / "sample_township_2018.pdf").read_bytes()
    damaged = make.truncated(0.9)
    results: list[list[str]] = []

    def run(data: bytes, sink: list) -> None:
        for _ in range(5):
            with contextlib.suppress(ReportParseError):
                sink.append(list(parse(data, name="x.pdf").warnings))

    mine: list = []
    threads = [threading.Thread(target=run, args=(clean, mine)), threading.Thread(target=run, args=(damaged, []))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results = mine
    assert results and all(r == results[0] for r in results)
