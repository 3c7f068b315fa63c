"""Rule: where tables 二, 三 and 四 are, and which format their labels belong to."""

from __future__ import annotations

from . import labels
from .state import State

_REVIEW_HEADER = labels.REVIEW_HEADER


def _requests_anchor(text: str):
    """The first row of table 三 with cells (after it or inside its wrapped label), followed by
    the second row within a few hundred characters."""
    for m in labels.REQUESTS_FIRST.finditer(text):
        if not (m.captures("c") or labels.REQUESTS_CELL_AFTER.match(text, m.end())):
            continue
        if labels.REQUESTS_SECOND.search(text, m.end(), m.end() + 400):
            return m
    return None


def locate(state: State) -> None:
    text = state.text
    n = len(text)
    m3 = _requests_anchor(text)
    t3_start = t3_end = None
    if m3:
        t3_start = m3.start()
        # The header (申请人情况 ...) sits just before the first row.
        head = None
        for h in labels.REQUESTS_HEADER.finditer(text, max(0, t3_start - 600), t3_start):
            head = h
            break
        header_start = head.start() if head else max(0, t3_start - 200)
        if labels.SUBTOTAL_COLUMN.search(text, header_start, t3_start):
            state.request_subtotal = True
        cf = labels.REQUEST_PATTERNS["carried_forward"].search(text, t3_start, min(n, t3_start + 20000))
        m4 = _REVIEW_HEADER.search(text, cf.end() if cf else t3_start)
        t3_end = m4.start() if m4 else min(n, (cf.end() + 400) if cf else t3_start + 8000)
        state.regions["requests"] = (header_start, t3_end)
    else:
        m4 = _REVIEW_HEADER.search(text)
    if m4:
        state.regions["review_litigation"] = (m4.start(), min(n, m4.start() + 2500))
    before = state.regions["requests"][0] if "requests" in state.regions else (m4.start() if m4 else n)
    m2 = None
    for m in labels.PROACTIVE_START.finditer(text, max(0, before - 5000), before):
        m2 = m
        break
    if m2 is None and "requests" not in state.regions:
        m2 = labels.PROACTIVE_START.search(text)
    if m2:
        if before <= m2.start():
            stop = labels.PROACTIVE_END.search(text, m2.end(), min(n, m2.end() + 3000))
            before = stop.start() if stop else min(n, m2.end() + 3000)
        state.regions["proactive"] = (m2.start(), before)
    lo = min((s for s, _ in state.regions.values()), default=0)
    hi = max((e for _, e in state.regions.values()), default=n)
    window = text[lo:hi]
    if labels.FMT2021_MARKERS.search(window):
        state.era = "fmt2021"
    elif labels.FMT2019_MARKERS.search(window):
        state.era = "fmt2019"
