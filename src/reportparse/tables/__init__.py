"""Recovery of the standard tables 二/三/四 from any rendering (see the tables issue).

Entry point: :func:`recover_tables` takes the normalized document and returns
:class:`~reportparse.models.Tables` with the keys of CONTRACT.md.

Like markdown-it's block parser, recovery is an ordered list of small rules
over one shared :class:`~.state.State`; each rule reads what earlier rules
left and either adds to it or declines:

1. ``locate`` - the regions of tables 二, 三, 四 and the format their labels tell;
2. ``prose`` - figures the prose restates (tie-breakers only);
3. ``requests_by_pipe_rows`` - table 三 rows from pipe rows (markdown, html, Word);
4. ``requests_by_label`` - table 三 rows anchored on their labels (any other rendering);
5. ``requests_cells`` - table 三 cells, run-together cells split under the identities;
6. ``review_cells`` - table 四;
7. ``proactive_cells`` - table 二;
8. ``check_identities`` - DOMAIN.md §4 identities, reported with cells and difference.

:func:`.summary.table_counts` gives the summary's counts (requests, reviews, lawsuits) from the
tables; the row and column labels live in :mod:`.labels`, the one vocabulary of the tables.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models import Tables
from ..normalize import Normalized
from .identities import check_identities
from .locate import locate
from .proactive import proactive_cells
from .prose import prose_figures
from .requests import requests_cells
from .review import review_cells
from .rows_labeled import requests_by_label
from .rows_pipe import requests_by_pipe_rows
from .state import State

RULES: list[tuple[str, Callable[[State], None]]] = [
    ("locate", locate),
    ("prose", prose_figures),
    ("requests_by_pipe_rows", requests_by_pipe_rows),
    ("requests_by_label", requests_by_label),
    ("requests_cells", requests_cells),
    ("review_cells", review_cells),
    ("proactive_cells", proactive_cells),
    ("check_identities", check_identities),
]


def recover_tables(doc: Normalized, era_hint: str | None = None) -> Tables:
    """Find tables 二, 三 and 四 in ``doc.text``; cells not found stay null."""
    state = State(doc=doc, era_hint=era_hint)
    for _name, rule in RULES:
        rule(state)
    found = state.requests or state.review_litigation or state.proactive
    return Tables(
        format=state.era if found and state.era in ("fmt2019", "fmt2021") else None,
        proactive=state.proactive,
        requests=state.requests,
        review_litigation=state.review_litigation,
        spans={name: doc.evidence(s, e) for name, (s, e) in state.spans.items()},
        missing=state.missing,
        ambiguous=state.ambiguous,
        derived=state.derived,
        raw=state.raw,
        identities=state.identities,
    )
