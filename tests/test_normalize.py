from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.normalize import detect_script, normalize, to_half_width, to_simplified

CASES = [
    ("聯系電話:0730-7800425", "联系电话:0730-7800425"),
    ("（一）主动公开", "(一)主动公开"),
    ("一、 概 述", "一、概述"),
    ("2024 年 1 月 1 日", "2024年1月1日"),
    ("统计\r\n期限", "统计\n期限"),
    ("规章 0 0 0", "规章0 0 0"),
    ("| 规章 | 0 |", "| 规章 | 0 |"),
    ("\ufeff\u200b本报告", "本报告"),
    ("  二、主动公开  \n", "二、主动公开\n"),
]


@pytest.mark.parametrize("raw,want", CASES)
def test_normalize_table(raw, want):
    assert normalize(raw).text == want


def test_t2s_keeps_length():
    text = "因政府信息公開申請行政復議、提起行政訴訟的情況於並後臺"
    assert len(to_simplified(text)) == len(text)
    assert len(to_half_width("（１２３）")) == 5


@pytest.mark.parametrize("text,script", [
    ("本报告根据政府信息公开条例编制,主动公开政府信息情况。", "simplified"),
    ("本報告根據政府信息公開條例編制,主動公開政府信息情況。", "traditional"),
    ("本報告根據政府信息公開條例編制,主動公開政府信息情況,于2018年并通過網站公開。", "traditional"),
    ("本報告根據政府信息公開條例編制。本报告根据政府信息公开条例编制。", "mixed"),
])
def test_detect_script(text, script):
    assert detect_script(text) == script


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一二公開（）：１ \t\r\n　年度報告ab,。")), max_size=80))
def test_map_points_to_original(text):
    doc = normalize(text)
    assert len(doc.index) == len(doc.text) + 1
    for i, ch in enumerate(doc.text):
        orig = text[doc.index[i]]
        assert orig == ch or to_half_width(to_simplified(orig)) == ch or (orig == "\r" and ch == "\n")
    assert normalize(doc.text).text == doc.text  # idempotent


def test_half_width_runs_cover_the_table():
    from reportparse.normalize import _FULL_RUN, _HALF

    missing = [hex(cp) for cp in _HALF if not _FULL_RUN.fullmatch(chr(cp))]
    assert not missing
    every = "".join(map(chr, _HALF))
    assert to_half_width("年" + every + "月") == "年" + every.translate(_HALF) + "月"


def test_simplified_only_table_agrees_with_opencc():
    """data/simplified_only.txt is what tools/make_script_chars.py makes from the installed OpenCC."""
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).resolve().parent.parent / "tools" / "make_script_chars.py"
    spec = importlib.util.spec_from_file_location("make_script_chars", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUT.read_text(encoding="utf-8").replace("\n", "") == module.simplified_only()


def test_t2s_changes_table_agrees_with_opencc():
    """data/t2s_changes.txt is what tools/make_script_chars.py reads from the installed OpenCC."""
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).resolve().parent.parent / "tools" / "make_script_chars.py"
    spec = importlib.util.spec_from_file_location("make_script_chars", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not module.opencc_dict_available():
        pytest.skip("this OpenCC wheel ships no opencc_dict program")
    assert module.T2S_OUT.read_text(encoding="utf-8").replace("\n", "") == module.t2s_changes()


@pytest.mark.parametrize("text", [
    "政府信息公开工作年度报告", "覆盖全区", "什么", "反覆", "乾隆", "深沈", "联系电话", "聯系電話", "憑藉", "ＡＢＣ１２３",
    "\uf900", "㐷", "",
])
def test_text_without_t2s_characters_is_what_opencc_gives(text):
    """A text none of whose characters t2s can change is returned as it is, and OpenCC agrees."""
    import opencc

    from reportparse.normalize import _t2s_changes

    converted = opencc.OpenCC("t2s").convert(text)
    if converted != text:
        assert not _t2s_changes().isdisjoint(text)
    assert to_simplified(text) == converted


def test_corpus_texts_skipping_opencc_are_unchanged_by_it():
    import opencc

    from reportparse.normalize import _t2s_changes

    t2s = opencc.OpenCC("t2s")
    roots = [Path(__file__).resolve().parent.parent / "corpus", Path(__file__).resolve().parents[2] / "shared" / "corpus"]
    skipped = 0
    for root in roots:
        for path in sorted(root.rglob("*.txt")) if root.is_dir() else []:
            text = path.read_bytes().decode("utf-8", errors="ignore")
            if _t2s_changes().isdisjoint(text):
                skipped += 1
                assert t2s.convert(text) == text, path.name
    assert skipped >= 5


def test_a_simplified_report_is_read_without_loading_opencc():
    import subprocess
    import sys

    code = ("import sys, reportparse\n"
            "r = reportparse.parse_text('示例镇人民政府2022年政府信息公开工作年度报告\\n一、总体情况\\n全年主动公开政府信息10条。')\n"
            "print('opencc' in sys.modules, r.source.script)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "simplified"], out.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一公開 \t\r\n\u200b\ufeff　年ab|。1")), max_size=120))
def test_offset_map_is_the_list_of_kept_offsets(text):
    """The sparse map answers every lookup like the list of kept offsets it replaces."""
    from bisect import bisect_left

    doc = normalize(text)
    dense = list(doc.index)
    assert len(dense) == len(doc.text) + 1 and dense[-1] == len(text)
    assert dense == sorted(dense) and len(set(dense)) == len(dense)
    for pos in range(len(text) + 1):
        assert doc.to_normalized(pos) == bisect_left(dense, pos, 0, len(doc.text))
