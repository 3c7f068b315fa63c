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

# Table 三 rows whose 总计 the summary adds up as requests refused (不予公开).
DENIED_ROWS = tuple(k for k in labels.REQUEST_KEYS if k.startswith("denied_"))


def _value(table: dict | None, row: str, col: str = "total") -> int | float | None:
    if not table:
        return None
    value = (table.get(row) or {}).get(col)
    if isinstance(value, dict):
        value = value.get("value")
    return value


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
    """The counts of table 三 (总计 column) and table 四 as candidates."""
    cells = tables.cells if getattr(tables, "cells", None) else locate_cells(doc, tables)
    out: list[FactCandidate] = []

    def add(fact: str, value, paths: list[str]) -> None:
        if value is None:
            return
        where = [cells[p] for p in paths if p in cells]
        if not where:
            return
        out.append(FactCandidate(fact=fact, value=value, source="table", evidence=_join(where, doc)))

    req = tables.requests
    if req:
        for fact, row in (("requests_received", "new_received"), ("requests_carried_over", "carried_over"),
                          ("requests_completed", "total_processed"), ("requests_carried_forward", "carried_forward"),
                          ("requests_granted", "granted"), ("requests_partially_granted", "partially_granted")):
            add(fact, _value(req, row), [f"requests.{row}.total"])
        denied = [_value(req, r) for r in DENIED_ROWS]
        if all(d is not None for d in denied):
            add("requests_denied", sum(denied), [f"requests.{r}.total" for r in DENIED_ROWS])
    rl = tables.review_litigation
    if rl:
        add("review_total", _value(rl, "review"), ["review_litigation.review.total"])
        parts = [_value(rl, "litigation_direct"), _value(rl, "litigation_after_review")]
        if all(p is not None for p in parts):
            add("litigation_total", sum(parts), ["review_litigation.litigation_direct.total",
                                                 "review_litigation.litigation_after_review.total"])
    return out
