"""Reasons for not granting requests, named in the requests part's prose."""

from __future__ import annotations

from .. import rx as regex
from ..models import RefusalReason
from ..normalize import Normalized
from ..segment import Layout
from ..vocab import REFUSAL_RES

# A requests part that names this many reasons is the table 三 label column, not prose.
_TABLE_LABELS = 6
# A stated reason for refusing (不予公开的原因是…) that names none of the coded reasons: ``other``.
_STATED_REASON = regex.compile(r"不予公开(?:的)?(?:主要)?(?:原因|理由)(?:是|为|:)(?P<why>[^。;\n]{2,80})")


def extract_refusals(doc: Normalized, layout: Layout) -> list[RefusalReason]:
    found: dict[str, RefusalReason] = {}
    for part in layout.parts_of("requests"):
        hits = {}
        for code, pattern in REFUSAL_RES:
            m = pattern.search(doc.text, part.title_end, part.end)
            if m:
                hits[code] = m
        if len(hits) >= _TABLE_LABELS:
            continue
        for code, m in hits.items():
            if code not in found:
                found[code] = RefusalReason(code=code, text=m.group(0), evidence=doc.evidence(m.start(), m.end()))
        for m in _STATED_REASON.finditer(doc.text, part.title_end, part.end):
            named = any(pattern.search(m["why"]) for _code, pattern in REFUSAL_RES)
            if not named and "other" not in found:
                found["other"] = RefusalReason(code="other", text=m["why"],
                                               evidence=doc.evidence(m.start("why"), m.end("why")))
    return sorted(found.values(), key=lambda r: r.evidence.start)
