"""Counts the standard tables give (table 三 and 四), as fact candidates with evidence.

Table cells are numbers (CONTRACT.md); where each was printed is found here,
after recovery, by the row labels of :mod:`reportparse.tables.labels`: a
cell's evidence is its printed row (label and cells), or the table's span
when the row label cannot be found again. ``Tables.cells`` maps every cell
path (``requests.granted.total``) to that evidence.
"""

from __future__ import annotations

from ..models import Evidence, FactCandidate, Tables
from ..normalize import Normalized
from ..tables import labels
from ..tables.summary import FIELDS, cell_value, table_counts


def _norm_span(doc: Normalized, ev: Evidence) -> tuple[int, int]:
    return doc.to_normalized(ev.start), doc.to_normalized(ev.end)


def _request_rows(doc: Normalized, span: tuple[int, int]) -> dict[str, tuple[int, int]]:
    """Normalized span of each table 三 row found in order inside ``span``."""
    text = doc.text
    s, e = span
    e = min(len(text), e + 80)  # the last row's cells may run past the recorded span
    starts: list[tuple[str, int, int]] = []
    pos = s
    for key in labels.REQUEST_KEYS:
        m = labels.REQUEST_PATTERNS[key].search(text, pos, e)
        if m is None:
            continue
        starts.append((key, m.start(), m.end()))
        pos = m.end()
    rows = {}
    for i, (key, start, _end) in enumerate(starts):
        stop = starts[i + 1][1] if i + 1 < len(starts) else e
        rows[key] = (start, stop)
    if "other" in rows and "other_reasons" in rows:  # 2021: （六） is the sum of its three sub-rows
        rows["other"] = (rows["other"][0], rows["other_reasons"][1])
    return rows


def locate_cells(doc: Normalized, tables: Tables) -> dict[str, Evidence]:
    """Evidence for every cell of tables 二, 三 and 四: its printed row, else the table."""
    out: dict[str, Evidence] = {}
    for name in ("proactive", "requests", "review_litigation"):
        table = getattr(tables, name)
        span = tables.spans.get(name)
        if not table or span is None:
            continue
        norm = _norm_span(doc, span)
        rows = _request_rows(doc, norm) if name == "requests" else {}
        if name == "proactive":
            era = tables.format if tables.format in labels.PROACTIVE_ROWS else "fmt2021"
            pos = norm[0]
            for key, (pattern, _cols) in labels.PROACTIVE_ROWS[era].items():
                m = pattern.search(doc.text, pos, min(len(doc.text), norm[1] + 80))
                if m:
                    rows[key] = (m.start(), min(len(doc.text), m.end() + 60))
        for row, cells in table.items():
            if not isinstance(cells, dict):
                continue
            where = doc.evidence(*rows[row]) if row in rows else span
            for col in cells:
                out[f"{name}.{row}.{col}"] = where
    return out


def _join(evidence: list[Evidence], doc: Normalized) -> Evidence:
    start = min(e.start for e in evidence)
    end = max(e.end for e in evidence)
    return Evidence(start=start, end=end, text=doc.original[start:end])


def table_candidates(doc: Normalized, tables: Tables) -> list[FactCandidate]:
    """The counts tables 三 and 四 state (:func:`reportparse.tables.summary.table_counts`) as candidates."""
    cells = tables.cells if getattr(tables, "cells", None) else locate_cells(doc, tables)
    out: list[FactCandidate] = []
    for fact, value in table_counts(tables).items():
        if value is None:
            continue
        table_name, paths = FIELDS[fact]
        where = [cells[f"{table_name}.{p}"] for p in paths if f"{table_name}.{p}" in cells]
        if where:
            out.append(FactCandidate(fact=fact, value=value, source="table", evidence=_join(where, doc)))
    partial = cell_value(tables.requests, "partially_granted")
    if partial is not None and "requests.partially_granted.total" in cells:
        out.append(FactCandidate(fact="requests_partially_granted", value=partial, source="table",
                                 evidence=cells["requests.partially_granted.total"]))
    return out


def undecided(tables: Tables) -> set[str]:
    """Counts the tables state but could not decide (several splits fit): null, not the narrative."""
    return {name for name, value in table_counts(tables).items() if value is None}
