"""Figures the prose restates (复议2件, 诉讼7件, 制发的规范性文件77件): tie-breakers only."""

from __future__ import annotations

from . import labels
from .state import State


def _first(pattern, text: str) -> int | None:
    m = pattern.search(text)
    return int(m.group(1)) if m else None


def prose_figures(state: State) -> None:
    # Prose lies outside the tables: read the text before the first table.
    starts = [s for s, _ in state.regions.values()]
    text = state.text[: min(starts)] if starts else state.text
    for name, pattern in (("review_total", labels.PROSE_REVIEW),
                          ("litigation_total", labels.PROSE_LITIGATION),
                          ("requests_received", labels.PROSE_RECEIVED),
                          ("normative_issued", labels.PROSE_NORMATIVE_ISSUED)):
        value = _first(pattern, text)
        if value is not None:
            state.prose[name] = value
