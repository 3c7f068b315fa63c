"""Compliance checks: what a county office would flag in a report, with the rule behind it.

:func:`check` runs the rules of :data:`RULES` in order over one parsed
report. Each rule is a small function that reads a shared
:class:`~reportparse.check.context.CheckContext` and emits findings; every
finding code, its severity and its legal or format clause are listed in
:data:`reportparse.check.codes.CODES` (and docs/checks.md).

>>> import reportparse
>>> report = reportparse.parse("report.txt")              # doctest: +SKIP
>>> [f.code for f in reportparse.check(report)]           # doctest: +SKIP
['numbering', 'missing-part', 'missing-other-part', 'refusal-without-requests']
"""

from __future__ import annotations

from collections.abc import Callable

from ..models import Finding, Report
from ..normalize import Normalized
from .codes import CODES
from .context import CheckContext
from .rules_contact import phones
from .rules_copied import copied_report
from .rules_dates import stale_years, timeliness, year_consistency
from .rules_numbers import (
    count_arithmetic,
    implausible_counts,
    local_table_vs_prose,
    narrative_vs_table,
    refusals_without_requests,
    repeated_figures,
    table_identities,
    totals,
)
from .rules_parts import format_tables, required_parts
from .rules_text import declared_parts, empty_parts, numbering, template_leftovers

Rule = Callable[[CheckContext], None]

# Ordered: findings come out in this order. (name, rule)
RULES: list[tuple[str, Rule]] = [
    ("required_parts", required_parts),
    ("format_tables", format_tables),
    ("timeliness", timeliness),
    ("year_consistency", year_consistency),
    ("stale_years", stale_years),
    ("table_identities", table_identities),
    ("repeated_figures", repeated_figures),
    ("refusals_without_requests", refusals_without_requests),
    ("narrative_vs_table", narrative_vs_table),
    ("local_table_vs_prose", local_table_vs_prose),
    ("count_arithmetic", count_arithmetic),
    ("implausible_counts", implausible_counts),
    ("totals", totals),
    ("numbering", numbering),
    ("declared_parts", declared_parts),
    ("empty_parts", empty_parts),
    ("template_leftovers", template_leftovers),
    ("phones", phones),
    ("copied_report", copied_report),  # only with a previous report; loads jieba
]


def check(report: Report, previous: Report | None = None, lang: str = "zh", *,
          threshold: float = 0.9, doc: Normalized | None = None) -> list[Finding]:
    """The compliance findings for ``report``, in rule order.

    ``previous``: the same organ's report for the year before; only then does
    the copied-report rule run. ``lang``: ``zh`` (default) or ``en`` messages
    and clauses. ``threshold``: the copied share that triggers ``copied-report``.
    ``doc``: the report's normalized text when the caller has it (saves work).
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    ctx = CheckContext.of(report, doc, lang=lang, previous=previous, threshold=threshold)
    for _name, rule in RULES:
        rule(ctx)
    return ctx.findings


__all__ = ["CODES", "RULES", "CheckContext", "check"]
