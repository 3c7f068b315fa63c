"""Hostile and broken input: mojibake, pasted twice, shuffled, truncated, limits, odd containers.

Each row is a real-style snippet or damage and what it must give: a report
(with a warning where it is damaged) or one line of ReportParseError.
"""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest

from conftest import CORPUS
from reportparse import Limits, ReportParseError, parse, summarize
from reportparse.damage import find_second_copy
from reportparse.errors import DecodeError, LimitExceededError
from reportparse.load.mojibake import repair_mojibake, undo_gbk, undo_latin1

SAMPLE = (CORPUS / "sample_township_2018.txt").read_text(encoding="utf-8")
TABS_2021 = (CORPUS / "tables_tabs_2021.txt").read_text(encoding="utf-8")
TRAD = (CORPUS / "variants/street_2015_split_problems.s2hk.big5hkscs.txt").read_bytes().decode("big5hkscs")
REPORTS = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))


def _summary(data: bytes, name: str = "x.txt") -> dict:
    record = summarize(parse(data, name=name)).model_dump(mode="json")
    record.pop("file")
    return record


# --- mojibake ---------------------------------------------------------------------------------

SNIPPETS = [
    # (what happened, mojibake as it arrives in a UTF-8 file, repaired)
    ("GBK read as Latin-1", "Õþ¸®ÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ", "政府信息公开工作年度报告"),
    ("GBK read as cp1252", "Ò»¡¢×ÜÌåÇé¿ö", "一、总体情况"),
    ("UTF-8 read as cp1252", "ä¸»åŠ¨å…¬å¼€", "主动公开"),
    ("UTF-8 read as GBK", "鏀垮簻淇℃伅鍏\ue100紑", "政府信息公开"),
    ("Big5 read as Latin-1", "¬F©²¸ê°T¤½¶}", "政府資訊公開"),
]


@pytest.mark.parametrize("what,bad,good", SNIPPETS, ids=[s[0] for s in SNIPPETS])
def test_mojibake_snippets_are_undone(what, bad, good):
    if what.endswith("as GBK"):
        assert undo_gbk(bad) == (good, 0)
    else:
        assert undo_latin1(bad)[0] == good


@pytest.mark.parametrize("what,damage", [
    ("GBK read as Latin-1", lambda s: s.encode("gbk").decode("latin-1")),
    ("GBK read as cp1252", lambda s: s.encode("gbk").decode("cp1252", errors="replace")),
    ("UTF-8 read as Latin-1", lambda s: s.encode("utf-8").decode("latin-1")),
])
def test_mojibake_report_is_repaired_with_a_warning(what, damage):
    data = damage(SAMPLE).encode("utf-8")
    report = parse(data, name="x.txt")
    assert report.text == SAMPLE
    assert any(w.startswith("mojibake repaired") for w in report.warnings)
    assert _summary(data) == _summary(SAMPLE.encode())


def test_big5_report_read_as_latin1_is_repaired():
    data = TRAD.encode("big5hkscs").decode("latin-1").encode("utf-8")
    report = parse(data, name="x.txt")
    assert report.text == TRAD and report.source.script == "traditional"
    assert "mojibake repaired: big5hkscs bytes had been read as Latin-1/Windows-1252" in report.warnings


def test_lossless_utf8_read_as_gbk_is_repaired():
    # Each line has an even number of UTF-8 bytes, so a GBK reader lost nothing.
    text = "政府信息公开年度报告\n本机关依申请公开共收到申请十二件\n"
    bad = text.encode("utf-8").decode("gb18030")
    repaired, warnings = repair_mojibake(bad)
    assert repaired == text and warnings == ["mojibake repaired: UTF-8 bytes had been read as GBK"]


def test_lossy_utf8_read_as_gbk_is_refused_in_one_line():
    data = SAMPLE.encode("utf-8").decode("gbk", errors="replace").encode("utf-8")
    with pytest.raises(DecodeError, match="mojibake: UTF-8 text that was read as GBK") as err:
        parse(data, name="x.txt")
    assert "\n" not in str(err.value)


def test_mojibake_in_a_web_page_declared_latin1_is_repaired():
    page = ('<html><head><meta charset="iso-8859-1"></head><body>'
            + "".join(f"<p>{line}</p>" for line in SAMPLE.splitlines()) + "</body></html>")
    report = parse(page.encode("gbk"), name="x.html")
    assert "mojibake repaired: gb18030 bytes had been read as Latin-1/Windows-1252" in report.warnings
    assert _summary(page.encode("gbk"), "x.html")["organ"] == "青石镇人民政府"


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_good_text_is_never_taken_for_mojibake(path):
    text = path.read_text(encoding="utf-8")
    assert repair_mojibake(text) == (text, [])


@pytest.mark.parametrize("text", [
    "Déjà vu: café crème, naïve façade, Ærøskøbing, Straße, œuvre « citation » — fin.",
    "Grüße aus Köln. Ça coûte 5 € ou 4 £. " * 20,
    "政府信息公开工作年度报告 × · ° ± § ü é",
])
def test_latin_text_is_left_alone(text):
    assert repair_mojibake(text) == (text, [])


# --- pasted twice, shuffled, truncated --------------------------------------------------------


def test_report_pasted_twice_is_read_once_with_a_warning():
    report = parse((SAMPLE + "\n\n" + SAMPLE).encode(), name="x.txt")
    assert any("appears twice" in w for w in report.warnings)
    assert [s.kind for s in report.outline.sections] == [s.kind for s in parse(SAMPLE.encode()).outline.sections]
    assert _summary((SAMPLE + SAMPLE).encode()) == _summary(SAMPLE.encode())


def test_second_copy_cut_short_is_still_found():
    cut = SAMPLE[: len(SAMPLE) * 2 // 3]
    assert find_second_copy(SAMPLE + cut) == len(SAMPLE)


def test_repeated_lines_inside_a_report_are_not_a_second_copy():
    rows = "\n".join(["| 项目 | 本年新增 | 累计 |"] * 30)
    assert find_second_copy(SAMPLE + rows + "\n" + SAMPLE[:200]) is None
    assert find_second_copy("同一行的内容重复很多次。\n" * 50_000) is not None  # bounded, not slow


def test_one_line_repeated_is_bounded_in_time():
    text = "一、主动公开政府信息情况\n" * 100_000
    started = time.perf_counter()
    find_second_copy(text)
    assert time.perf_counter() - started < 2


def test_sections_out_of_order_give_a_warning_and_keep_the_facts():
    idx = [m.start() for m in re.finditer(r"(?m)^[一二三四五六七]、", SAMPLE)]
    sig = SAMPLE.find("青石镇人民政府\n2019")
    parts = [SAMPLE[a:b] for a, b in zip(idx, idx[1:] + [sig])]
    shuffled = SAMPLE[: idx[0]] + parts[0] + parts[2] + parts[1] + "".join(parts[3:]) + SAMPLE[sig:]
    report = parse(shuffled.encode(), name="x.txt")
    assert "section heading out of the standard order: 二、主动公开政府信息情况 (read as part of requests)" \
        in report.warnings
    summary = summarize(report)
    assert summary.proactive_total == 186 and summary.requests_received == 3


def test_text_cut_inside_table_three_gives_partial_table_and_warning():
    cut = TABS_2021[: TABS_2021.find("不予公开") + 40]
    report = parse(cut.encode(), name="x.txt")
    assert any(w.startswith("text ends inside table 三 (truncated?)") for w in report.warnings)
    assert summarize(report).requests_received == summarize(parse(TABS_2021.encode())).requests_received


def test_mixed_scripts_in_one_file_give_the_same_facts():
    import opencc

    half = SAMPLE[: len(SAMPLE) // 2] + opencc.OpenCC("s2t").convert(SAMPLE[len(SAMPLE) // 2:])
    report = parse(half.encode(), name="x.txt")
    assert report.source.script == "mixed"
    got, want = _summary(half.encode()), _summary(SAMPLE.encode())
    got.pop("script"), want.pop("script")
    assert got == want


def test_complete_reports_have_no_damage_warnings():
    for path in REPORTS:
        assert not [w for w in parse(path).warnings if "truncated" in w or "twice" in w or "order" in w], path


# --- limits -----------------------------------------------------------------------------------


@pytest.mark.parametrize("limits,data,words", [
    (Limits(max_bytes=1000), SAMPLE.encode(), "too large"),
    (Limits(max_chars=500), SAMPLE.encode(), "text too long"),
    (Limits(max_lines=20), SAMPLE.encode(), "lines (limit 20)"),
    (Limits(max_sections=5), SAMPLE.encode(), "sections and sub-sections (limit 5)"),
    (Limits(max_seconds=0), SAMPLE.encode(), "parsing took over 0 s"),
    (Limits(max_table_cells=10), TABS_2021.replace("\t", " | ").encode(), None),
])
def test_each_limit_is_a_one_line_limit_error(limits, data, words):
    if words is None:  # text tables are not cells of a container: parses
        parse(data, name="x.txt", limits=limits)
        return
    with pytest.raises(LimitExceededError) as err:
        parse(data, name="x.txt", limits=limits)
    assert words in str(err.value) and "\n" not in str(err.value)


def _zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_word_file_renamed_txt_is_read_as_docx_with_a_warning():
    path = CORPUS / "containers" / "containers_lianhua_town_2018.docx"
    report = parse(path.read_bytes(), name="莲花镇年报.txt")
    assert report.source.container == "docx"
    assert report.warnings[0] == "a Word .docx file named .txt: read as .docx"
    assert _summary(path.read_bytes(), "x.txt") == _summary(path.read_bytes(), "x.docx")


def _docx(document: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


HOSTILE = [
    ("zip renamed to .txt", lambda: _zip_of({"a.xml": b"<a/>"}), "x.txt", "ZIP/Office archive given as text"),
    ("damaged word renamed to .txt", lambda: _docx(b"<w:document/>")[:-30], "x.txt", "ZIP/Office archive"),
    ("zip with bad deflate data", lambda: (CORPUS / "containers/containers_lianhua_town_2018.docx")
     .read_bytes().replace(b"word/document.xml", b"word/document.xml", 1)[:1500] + b"\x00" * 2000, "x.docx",
     "damaged .docx"),
    ("control characters only", lambda: bytes(range(1, 32)) * 100, "x.txt", ""),
    ("html declaring a codec that is no charset", lambda: b'<html><head><meta charset="punycode"></head>'
     b"<body><p>\xe6\x94\xbf\xe5\xba\x9c<p>abc</body></html>", "x.html", ""),
    ("html declaring the undefined codec", lambda: b'<html><head><meta charset="undefined"></head>'
     b"<body><p>abc</p></body></html>", "x.html", ""),
    ("truncated docx", lambda: (CORPUS / "containers/containers_lianhua_town_2018.docx").read_bytes()[:2000],
     "x.docx", "damaged .docx"),
    ("utf-16 cut to an odd length", lambda: SAMPLE.encode("utf-16")[:-1], "x.txt", ""),
    ("long digit run", lambda: ("政府信息公开工作年度报告\n一、概述\n" + "9" * 200_000).encode(), "x.txt", None),
    ("long line of heading words", lambda: ("政府信息公开工作年度报告\n" + "一、主动公开政府信息情况" * 20_000).encode(),
     "x.txt", None),
    # Once 33 s and 35 s: chrome words measured their ancestors' whole text, and the
    # article body was measured again at every level of nesting.
    ("html full of chrome words", lambda: ("<html><body><div><h1>某县2021年政府信息公开工作年度报告</h1>"
                                           + "<p>本机关主动公开政府信息情况良好。</p><p>打印本页</p>" * 4000
                                           + "</div></body></html>").encode(), "x.html", None),
    ("html nested 250 deep", lambda: ("<html><body>" + "<div>" * 250 + "<h1>某县2021年政府信息公开工作年度报告</h1>"
                                      + "<p>本机关主动公开政府信息情况良好。</p>" * 10_000 + "</div>" * 250
                                      + "</body></html>").encode(), "x.html", None),
]


@pytest.mark.parametrize("what,make,name,words", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_parses_or_fails_in_one_line(what, make, name, words):
    started = time.perf_counter()
    try:
        parse(make(), name=name)
    except ReportParseError as err:
        assert "\n" not in str(err)
        assert words is not None, f"{what} should parse: {err}"
        assert words in str(err)
    else:
        assert not words, f"{what} should fail with {words!r}"
    assert time.perf_counter() - started < 15


def test_the_time_limit_counts_processor_time_not_waiting():
    """A busy machine (here: a sleep) does not use up a document's time; work does."""
    from reportparse.clock import check_time, time_limit

    with time_limit(0.3):
        time.sleep(0.5)
        check_time("waiting")  # no error: nothing was computed
        started = time.thread_time()
        with pytest.raises(LimitExceededError, match="processor time"):
            while time.thread_time() - started < 2:
                sum(range(1000))
                check_time("working")
