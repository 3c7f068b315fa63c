"""Property tests over hostile input in every container (a bounded number of examples for CI).

Beyond tests/test_robust.py (mutated corpus text as .txt): the same damage
delivered inside HTML and .docx, mojibake re-encodings, bytes cut mid
character; random Unicode through normalization (idempotent, offsets in
range); the full JSON of the same bytes identical twice over.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from reportparse import parse
from reportparse.normalize import normalize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
from targets import build_docx, check  # noqa: E402

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))]
# CI runs a bounded number of examples; REPORTPARSE_EXAMPLES=2000 for a long run by hand.
EXAMPLES = int(os.environ.get("REPORTPARSE_EXAMPLES", "40"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DAMAGE = ["cut", "cut_bytes", "duplicate", "shuffle", "control", "latin1_mojibake", "gbk_mojibake",
          "mixed_scripts", "drop_lines", "none"]


@st.composite
def damaged_text(draw) -> tuple[str, bytes]:
    """(what was done, the bytes of a .txt)."""
    text = draw(st.sampled_from(TEXTS))
    lines = text.split("\n")
    op = draw(st.sampled_from(DAMAGE))
    data = None
    if op == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif op == "cut_bytes":  # a download cut mid character
        raw = text.encode(draw(st.sampled_from(["utf-8", "gb18030", "utf-16"])))
        data = raw[: draw(st.integers(1, len(raw)))]
    elif op == "duplicate":
        text = text + draw(st.sampled_from(["", "\n", "\n\n"])) + text[: draw(st.integers(0, len(text)))]
    elif op == "shuffle":
        text = "\n".join(draw(st.permutations(lines)))
    elif op == "control":
        for _ in range(draw(st.integers(1, 10))):
            pos = draw(st.integers(0, len(text)))
            junk = draw(st.text(st.characters(max_codepoint=0x9F, exclude_characters="\n"), min_size=1, max_size=5))
            text = text[:pos] + junk + text[pos:]
    elif op == "latin1_mojibake":
        text = text.encode(draw(st.sampled_from(["gbk", "utf-8"])), "replace").decode("latin-1")
    elif op == "gbk_mojibake":
        text = text.encode("utf-8").decode(draw(st.sampled_from(["gbk", "gb18030"])), "replace")
    elif op == "mixed_scripts":
        import opencc

        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + opencc.OpenCC("s2t").convert(text[cut:])
    elif op == "drop_lines":
        keep = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
        text = "\n".join(line for line, k in zip(lines, keep) if k)
    return op, data if data is not None else text.encode("utf-8", "surrogatepass")


def as_html(text: str) -> bytes:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode("utf-8", "replace")


def as_docx(text: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{html.escape(line, quote=False)}</w:t></w:r></w:p>" for line in text.split("\n"))
    doc = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           f"{body}</w:body></w:document>")
    return build_docx([doc.encode("utf-8", "replace")])


@SETTINGS
@given(damaged_text())
def test_damaged_text_parses_or_fails_cleanly(case):
    _, data = case
    check(data, "x.txt")


@SETTINGS
@given(damaged_text(), st.sampled_from(["html", "docx"]))
def test_damaged_text_in_containers_parses_or_fails_cleanly(case, container):
    _, data = case
    text = data.decode("utf-8", "replace")
    payload = as_html(text) if container == "html" else as_docx(text)
    check(payload, f"x.{container}")


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.docx", "x.md", "x"]))
def test_random_bytes_under_any_name(data, name):
    check(data, name)


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
       | st.text(alphabet=st.sampled_from(list("一二三、。 \t\n\r\u3000（）０１2a|#\u200b\ufeff\xa0:;年月日报告\x0b\x0c\u2028\x85")),
                 max_size=300))
def test_normalization_is_idempotent_and_maps_every_character(text):
    doc = normalize(text)
    assert len(doc.index) == len(doc.text) + 1
    assert all(0 <= i < len(text) for i in doc.index[:-1]) and doc.index[-1] == len(text)
    assert list(doc.index[:-1]) == sorted(set(doc.index[:-1]))  # increasing: spans map to spans
    assert normalize(doc.text).text == doc.text


@SETTINGS
@given(damaged_text())
def test_same_bytes_give_identical_full_json(case):
    _, data = case
    try:
        first = parse(data, name="x.txt").model_dump_json()
    except Exception as err:  # noqa: BLE001 - the same failure both times
        try:
            parse(data, name="x.txt")
        except Exception as again:  # noqa: BLE001
            assert str(again) == str(err)
            return
        raise AssertionError("failed once, parsed once") from err
    assert parse(data, name="x.txt").model_dump_json() == first
