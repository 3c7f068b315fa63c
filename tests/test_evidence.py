"""Every fact of every report quotes the original text exactly at its offsets."""

from __future__ import annotations

import pytest

from conftest import CORPUS, SHARED
from reportparse import parse

# corpus/scans are read by OCR (the ocr extra): tests/test_ocr.py compares them with their texts.
INPUTS = sorted(p for p in CORPUS.glob("**/*")
                if p.is_file() and not p.name.endswith(".json") and "scans" not in p.relative_to(CORPUS).parts)
if (SHARED / "dev").exists():
    INPUTS += sorted(p for p in (SHARED / "dev").iterdir() if p.suffix in (".txt", ".md"))


def walk(node, path="report"):
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_evidence_quotes_original(path):
    report = parse(path)
    data = report.model_dump(mode="json")
    original = data.pop("text")
    spans = list(walk(data))
    assert spans, "no evidence at all"
    for where, ev in spans:
        assert 0 <= ev["start"] <= ev["end"] <= len(original), where
        assert original[ev["start"] : ev["end"]] == ev["text"], where
