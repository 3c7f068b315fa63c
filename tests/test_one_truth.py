"""One truth: the summary gives the values ``report.facts`` chose, and every value quotes its evidence.

Runs on every project corpus report and every shared dev report (set
``REPORTPARSE_DEV`` to another folder of reports to run on that instead).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import regex

from conftest import CORPUS, SHARED
from reportparse import parse, summarize
from reportparse.normalize import normalize
from reportparse.numbers import NUMBER_RE, parse_number

_DEV = Path(os.environ.get("REPORTPARSE_DEV", SHARED / "dev"))
# corpus/scans are read by OCR (the ocr extra): tests/test_ocr.py compares them with their texts.
INPUTS = sorted(p for p in CORPUS.glob("**/*")
                if p.is_file() and not p.name.endswith(".json") and "scans" not in p.relative_to(CORPUS).parts)
if _DEV.exists():
    INPUTS += sorted(p for p in _DEV.iterdir() if p.suffix in (".txt", ".md", ".pdf", ".html", ".docx"))

COUNTS = ("proactive_total", "requests_received", "requests_carried_over", "requests_completed",
          "requests_carried_forward", "requests_granted", "requests_denied", "review_total",
          "litigation_total", "processing_fee_yuan")
# Summary counts that add several table cells.
SUMS = ("requests_denied", "litigation_total")
# An evidence for 0 that states nothing happened (or a printed 0 / 零).
_NONE = regex.compile(r"未|没|無|无|不|免|零|〇|0|暫|暂")


@pytest.fixture(scope="module", params=INPUTS, ids=[p.name for p in INPUTS])
def parsed(request):
    report = parse(request.param)
    return report, summarize(report)


def _numbers(text: str) -> set[float]:
    flat = regex.sub(r"[\s|,，]", "", text)
    out = set()
    for m in NUMBER_RE.finditer(flat):
        value = parse_number(m.group())
        if value is not None:
            out |= {value, value * 10_000}
    return out


def quotes(value: float, text: str) -> bool:
    """Whether ``text`` states ``value``: the number printed (run-together cells too), or a 0 as absence."""
    text = normalize(text).text
    if value == 0 and _NONE.search(text):
        return True
    digits = regex.sub(r"[\s|,，]", "", text)
    printed = str(value) if value != int(value) else str(int(value))
    return printed in digits or value in _numbers(text)


def test_summary_is_what_facts_chose(parsed):
    report, summary = parsed
    for name in COUNTS:
        fact = getattr(report.facts, name)
        assert getattr(summary, name) == (fact.value if fact is not None else None), name


def test_every_summary_count_quotes_its_evidence(parsed):
    report, summary = parsed
    for name in COUNTS:
        value = getattr(summary, name)
        if value is None:
            continue
        fact = getattr(report.facts, name)
        ev = fact.evidence
        assert report.text[ev.start : ev.end] == ev.text, name
        if fact.source == "table" and name in SUMS:
            continue  # a sum of cells: each cell quotes its row (test below)
        assert quotes(value, ev.text), f"{name}={value} not in {ev.text!r}"
    for candidate in report.facts.candidates:
        ev = candidate.evidence
        assert report.text[ev.start : ev.end] == ev.text, candidate.fact


def test_every_table_cell_quotes_its_row(parsed):
    report, _ = parsed
    tables = report.tables
    for name in ("proactive", "requests", "review_litigation"):
        for row, cells in (getattr(tables, name) or {}).items():
            for col, value in cells.items():
                path = f"{name}.{row}.{col}"
                if isinstance(value, dict):
                    value = value.get("value")
                if value is None or path in tables.derived:
                    continue
                assert path in tables.cells, f"{path} has no evidence"
                if row == "other" and "other_reasons" in tables.requests:
                    continue  # 2021: the sum of its three sub-rows, each quoting its own row
                assert path in tables.cells, f"{path} has no evidence"
                ev = tables.cells[path]
                assert report.text[ev.start : ev.end] == ev.text, path
                assert quotes(value, ev.text), f"{path}={value} not in {ev.text!r}"


def test_every_other_summary_value_has_evidence(parsed):
    report, summary = parsed
    for name in ("organ", "year", "published"):
        if getattr(summary, name) is not None:
            assert getattr(report, name).evidence.text, name
    if summary.period_start or summary.period_end:
        assert report.period.evidence.text
    assert [p.number for p in report.phones] == summary.phones
    assert all(p.evidence.text for p in report.phones)
    assert {c.code for c in report.channels} == set(summary.channels)
    assert all(c.evidence.text for c in report.channels)
    assert [s.kind for s in report.outline.sections] == summary.sections
    assert all(s.heading.text.strip() for s in report.outline.sections)
    if report.tables.requests is None:
        assert set(summary.refusal_categories) <= {r.code for r in report.refusal_reasons}
