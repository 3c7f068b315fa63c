"""Compare a parse against a ``*.gold.json`` file (the format of ../shared/corpus and of corpus/)."""

from __future__ import annotations

import json
from pathlib import Path

from reportparse import parse, summarize

SCALARS = [
    "organ", "year", "period_start", "period_end", "published", "format", "script",
    "proactive_total", "requests_received", "requests_carried_over", "requests_completed",
    "requests_carried_forward", "requests_granted", "requests_denied", "review_total",
    "litigation_total", "processing_fee_yuan",
]


def _flatten(tree: dict, prefix=()):
    for key, val in tree.items():
        if isinstance(val, dict):
            yield from _flatten(val, prefix + (key,))
        else:
            yield prefix + (key,), val


def _cell(tables: dict, path) -> object:
    node = tables
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return "<missing>"
        node = node[key]
    if isinstance(node, dict) and "value" in node:
        node = node["value"]
    return node


def compare(gold_path: Path) -> list[str]:
    """Every difference between the parse and the gold file, as lines; empty when all agree."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = gold_path.parent / gold["input"]
    report = parse(path)
    summary = summarize(report, str(path)).model_dump(mode="json")
    diffs = []
    for field in SCALARS + ["sections"]:
        if field in gold and summary.get(field) != gold[field]:
            diffs.append(f"{field}: want {gold[field]!r} got {summary.get(field)!r}")
    if "phones" in gold:
        digits = lambda xs: sorted("".join(c for c in x if c.isdigit()) for x in xs)  # noqa: E731
        if digits(gold["phones"]) != digits(summary["phones"]):
            diffs.append(f"phones: want {gold['phones']} got {summary['phones']}")
    for field in ("channels", "refusal_categories"):
        if field in gold:
            optional = set(gold.get(field + "_optional", []))
            got = set(summary[field])
            want_alts = [set(g.split("|")) for g in gold[field]]
            missing = [g for g, alts in zip(gold[field], want_alts) if not (alts & got)]
            allowed = set().union(*want_alts) | optional if want_alts else optional
            extra = sorted(got - allowed)
            if missing or extra:
                diffs.append(f"{field}: missing {missing} extra {extra}")
    if "findings" in gold:
        if sorted(summary["findings"]) != sorted(gold["findings"]):
            diffs.append(f"findings: want {sorted(gold['findings'])} got {sorted(summary['findings'])}")
    if "tables" in gold:
        tables = report.tables.model_dump(mode="json")
        for tname, tree in gold["tables"].items():
            for p, want in _flatten(tree):
                got = _cell(tables, (tname, *p))
                if got != want and not (isinstance(got, (int, float)) and isinstance(want, (int, float))
                                        and abs(got - want) < 1e-6):
                    diffs.append(f"tables.{tname}.{'.'.join(p)}: want {want!r} got {got!r}")
    return diffs
