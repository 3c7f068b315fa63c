"""The state every rule reads: the report, its normalized text, the language of messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .. import rx as regex
from ..models import Evidence, Finding, Report, Section
from ..normalize import Normalized, normalize
from .codes import CODES


@dataclass(frozen=True)
class Stated:
    """One statement of a figure: its value, where it stands, and what kind of text said it.

    ``source``: ``prose`` (a sentence), ``absence`` (a sentence saying nothing happened),
    ``local_table`` (a pre-2019 statistics table), ``table`` (table 三/四), ``derived``.
    """

    value: float
    evidence: Evidence
    source: str


# A sentence about how reviews and lawsuits ended (未发生被纠错、败诉情形) says nothing about how many there were.
_OUTCOME = regex.compile(r"纠错|纠正|败诉|撤销|确认违法|被改变|责令|赔偿")
_OUTCOME_FACTS = ("review_total", "litigation_total")
_LOCAL_TABLE = regex.compile(r"指标名称|计量单位|历年累计|(?:情况|工作)统计表")


@dataclass
class CheckContext:
    report: Report
    doc: Normalized
    lang: str = "zh"
    previous: Report | None = None
    threshold: float = 0.9
    findings: list[Finding] = field(default_factory=list)
    memo: dict = field(default_factory=dict)  # what a rule works out once per document (rules_parts)

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
        return self.doc.to_normalized(original_pos)

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

    # --- facts: every rule reads them here, so a change of the facts model is one edit ------------

    def statements(self, name: str) -> list[Stated]:
        """Every statement of the fact ``name`` the parser kept (the chosen one and, where kept, the others)."""
        facts = self.report.facts
        candidates = getattr(facts, "candidates", None)
        if candidates:
            found = [Stated(c.value, c.evidence, c.source) for c in candidates if c.fact == name]
            if found:
                return found
        fact = getattr(facts, name, None)
        if fact is None:
            return []
        source = getattr(fact, "source", None) or ("local_table" if self.in_local_table(fact.evidence) else "prose")
        return [Stated(fact.value, fact.evidence, source)]

    def prose(self, name: str) -> list[Stated]:
        """The narrative's statements of ``name``: not table cells or labels, and counts (not outcomes)."""
        out = []
        for s in self.statements(name):
            if s.source not in ("prose", "absence") or self.in_table(s.evidence):
                continue
            if name in _OUTCOME_FACTS and s.value == 0 and self.about_outcome(s.evidence):
                continue
            out.append(s)
        return out

    def value(self, name: str) -> float | None:
        """The value the report gives for ``name`` (the parser's choice), or None."""
        fact = getattr(self.report.facts, name, None)
        return None if fact is None else fact.value

    def about_outcome(self, evidence: Evidence) -> bool:
        """Whether a 'none' statement is about how cases ended (未被纠错, 无败诉), not whether there were any."""
        s, e = self.to_norm(evidence.start), self.to_norm(evidence.end)
        text = self.text
        clause_end = min([x for x in (text.find("。", e), text.find(";", e), text.find("\n", e)) if x >= 0]
                         or [len(text)])
        return bool(_OUTCOME.search(text, s, min(clause_end, e + 30)))

    def cell(self, table: str, row: str, col: str = "total") -> float | None:
        """A cell of the recovered table 二/三/四 (None when blank, absent or not recovered)."""
        value = ((getattr(self.report.tables, table, None) or {}).get(row) or {}).get(col)
        return value.get("value") if isinstance(value, dict) else value

    @cached_property
    def local_table_start(self) -> int | None:
        """Normalized offset where a pre-2019 statistics table (指标名称 | 计量单位 | ...) starts, if any."""
        if self.report.format not in (None, "pre2019"):
            return None
        start = self.body_span[0]
        for m in _LOCAL_TABLE.finditer(self.text, start):
            # a header cell, not the preamble's 附统计表: figures with units follow
            if regex.search(r"(?:条|件|个|项)\s*\d", self.text[m.end() : m.end() + 300]):
                return m.start()
        return None

    def in_local_table(self, evidence: Evidence) -> bool:
        """Whether a span lies in a pre-2019 statistics table."""
        start = self.local_table_start
        return start is not None and self.to_norm(evidence.start) >= start

    def has_part(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.report.outline.sections)
