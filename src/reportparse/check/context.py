"""The state every rule reads: the report, its normalized text, the language of messages."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from ..models import Evidence, Finding, Report, Section
from ..normalize import Normalized, normalize
from .codes import CODES


@dataclass
class CheckContext:
    report: Report
    doc: Normalized
    lang: str = "zh"
    previous: Report | None = None
    threshold: float = 0.9
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def of(cls, report: Report, doc: Normalized | None = None, **kw) -> CheckContext:
        if doc is None or doc.original != report.text:
            doc = normalize(report.text)
        return cls(report=report, doc=doc, **kw)

    # --- offsets ------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The normalized text (simplified, half-width) rules match against."""
        return self.doc.text

    def to_norm(self, original_pos: int) -> int:
        """The normalized offset of an original offset (the first normalized char at or after it)."""
        return bisect_left(self.doc.index, original_pos, 0, len(self.doc.text))

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence in original offsets for the normalized span ``[start, end)``."""
        return self.doc.evidence(start, end)

    def body(self, section: Section) -> tuple[int, int]:
        """Normalized span of a section's body (after its heading)."""
        return self.to_norm(section.heading.end), self.to_norm(section.end)

    @cached_property
    def body_span(self) -> tuple[int, int]:
        """Normalized span from the title's end to the signature (or the end)."""
        outline = self.report.outline
        start = self.to_norm(outline.title.evidence.end) if outline.title else 0
        end = self.to_norm(outline.signature.start) if outline.signature else len(self.text)
        return start, end

    # --- findings -----------------------------------------------------------------------------

    def emit(self, code: str, zh: str, en: str, evidence: list[Evidence] | None = None,
             basis: tuple[str, str] | None = None) -> Finding:
        """Record a finding; ``basis`` (zh, en) narrows the code's clause to the one that applies."""
        spec = CODES[code]
        basis_zh, basis_en = basis or (spec.basis_zh, spec.basis_en)
        finding = Finding(
            code=code,
            severity=spec.severity,
            message=en if self.lang == "en" else zh,
            basis=basis_en if self.lang == "en" else basis_zh,
            evidence=[e for e in (evidence or []) if e is not None],
        )
        self.findings.append(finding)
        return finding

    def in_table(self, evidence: Evidence) -> bool:
        """Whether a span lies inside a recovered table (its labels are not narrative)."""
        return any(span.start <= evidence.start < span.end for span in self.report.tables.spans.values())

    def has_part(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.report.outline.sections)
