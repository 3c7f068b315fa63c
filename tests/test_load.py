"""Loading: encodings, and one clear line for every bad input (never a traceback)."""

from __future__ import annotations

import functools
import subprocess
import sys

import opencc
import pytest

from conftest import CORPUS, SHARED
from reportparse import parse, summarize
from reportparse.errors import ReportParseError

SAMPLE = CORPUS / "sample_township_2018.txt"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse", *args], capture_output=True, input=stdin,
                          timeout=60)


BAD = [
    ("missing.txt", None, "file not found"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "only whitespace"),
    ("nul.txt", b"abc\x00\x01\x02def" * 50, "binary input"),
    ("pdf_as.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    ("zip_as.txt", b"PK\x03\x04" + b"\x00" * 40, "binary input"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "binary input"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 20 + b"\xff\xfe\xfd" * 50, "undecodable"),
    ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Word"),
    ("recipe.txt", "红烧肉的做法:五花肉切块,冷水下锅焯水。".encode(), "not a government information-disclosure"),
]


@pytest.mark.parametrize("name,data,words", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_exit_1(tmp_path, name, data, words):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    proc = run_cli("--lang", "en", str(path))  # the library's English reasons (Chinese by default)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert name in err and words.lower() in err.lower()


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(SAMPLE.read_bytes() * 2000)
    proc = run_cli("--max-mb", "1", "--lang", "en", str(path))
    assert proc.returncode == 1
    assert "too large" in proc.stderr.decode() and proc.stderr.decode().count("\n") == 1


def test_failure_does_not_hide_other_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run_cli("--format", "summary", str(empty), str(SAMPLE))
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1 and len(lines) == 2
    assert '"ok": false' in lines[0] and '"ok": true' in lines[1]


def test_stdin():
    proc = run_cli("--format", "summary", "-", stdin=SAMPLE.read_bytes())
    assert proc.returncode == 0 and '"organ": "青石镇人民政府"' in proc.stdout.decode()


def test_library_raises_only_reportparseerror():
    with pytest.raises(ReportParseError):
        parse(b"\x00\x01binary")
    with pytest.raises(ReportParseError):
        parse(CORPUS / "does-not-exist.txt")


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _big5_form(ch: str) -> str:
    if _encodable(ch):
        return ch
    for config in ("s2t", "t2s"):
        if _encodable(form := _converter(config).convert(ch)):
            return form
    return "?"


def _encodable(ch: str) -> bool:
    try:
        ch.encode("big5hkscs")
    except UnicodeEncodeError:
        return False
    return True


SEED = SHARED / "dev" / "xinkai-town-2018.txt"
FACTS = ["organ", "year", "period_start", "period_end", "published", "phones", "sections",
         "proactive_total", "requests_received", "review_total", "litigation_total", "channels",
         "refusal_categories", "format"]


@pytest.mark.skipif(not SEED.exists(), reason="../shared corpus not present")
@pytest.mark.parametrize("variant", ["t2s", "s2tw", "s2hk", "gb18030", "big5hkscs", "utf-16", "utf-8-sig"])
def test_seed_facts_survive_script_and_encoding(variant):
    text = SEED.read_text(encoding="utf-8")
    base = summarize(parse(SEED)).model_dump()
    if variant in ("t2s", "s2tw", "s2hk"):
        data = opencc.OpenCC(variant).convert(text).encode("utf-8")
    elif variant == "gb18030":
        data = opencc.OpenCC("t2s").convert(text).encode("gb18030")
    elif variant == "big5hkscs":
        # A few HK forms (脱) are outside Big5-HKSCS; real files carry the Big5 form (脫).
        hk = opencc.OpenCC("s2hk").convert(text)
        data = "".join(_big5_form(ch) for ch in hk).encode("big5hkscs")
    else:
        data = text.encode(variant)
    got = summarize(parse(data, name=f"seed.{variant}.txt")).model_dump()
    for field in FACTS:
        assert got[field] == base[field], field
    expected_script = "simplified" if variant in ("t2s", "gb18030") else "traditional"
    assert got["script"] == expected_script
