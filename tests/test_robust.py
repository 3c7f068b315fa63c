"""Property tests: damaged and random input never raises anything but ReportParseError.

Mutations of the project's corpus (cut, duplicate, shuffle lines, control
characters, re-encode) either parse, with evidence that quotes the text
exactly, or fail with a one-line ReportParseError. Parsing is deterministic.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from reportparse import ReportParseError, parse, summarize
from reportparse.normalize import normalize

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_report(data: bytes, name: str = "x.txt") -> None:
    try:
        report = parse(data, name=name)
    except ReportParseError as err:
        assert "\n" not in str(err)
        return
    dumped = report.model_dump(mode="json")
    original = dumped.pop("text")
    stack = [dumped]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys():
                assert 0 <= node["start"] <= node["end"] <= len(original)
                assert original[node["start"] : node["end"]] == node["text"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


@st.composite
def mutated(draw) -> bytes:
    text = draw(st.sampled_from(TEXTS))
    lines = text.split("\n")
    op = draw(st.sampled_from(["cut", "duplicate", "shuffle", "control", "reencode", "splice"]))
    if op == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif op == "duplicate":
        text = text + "\n" + text
    elif op == "shuffle":
        text = "\n".join(draw(st.permutations(lines)))
    elif op == "control":
        pos = draw(st.integers(0, len(text)))
        junk = draw(st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=20))
        text = text[:pos] + junk + text[pos:]
    elif op == "splice":
        other = draw(st.sampled_from(TEXTS))
        text = text[: len(text) // 2] + other[len(other) // 2 :]
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"])) if op == "reencode" else "utf-8"
    return text.encode(encoding, errors="replace")


@SETTINGS
@given(mutated())
def test_mutated_corpus(data):
    check_report(data)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check_report(data)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("一二三四五、()（）.0123456789年月日条件信息公开政府报告主动申请复议诉讼\n 。,;:")),
               max_size=400))
def test_random_report_like_text(text):
    check_report(("政府信息公开工作年度报告\n" + text).encode())


@SETTINGS
@given(st.sampled_from(TEXTS))
def test_deterministic_and_idempotent(text):
    a = summarize(parse(text.encode(), name="a.txt")).model_dump()
    b = summarize(parse(text.encode(), name="a.txt")).model_dump()
    assert a == b
    once = normalize(text).text
    assert normalize(once).text == once
