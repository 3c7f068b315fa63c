"""Pydantic models of a parsed report; ``schemas/`` is generated from these.

Every extracted fact carries evidence: ``start``/``end`` are code-point
offsets into :attr:`Report.text` (the original decoded text) such that
``Report.text[start:end] == text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

SectionKind = Literal[
    "overview", "proactive", "requests", "fees", "review_litigation", "problems", "other", "extra"
]
FormatEra = Literal["pre2019", "fmt2019", "fmt2021"]
Script = Literal["simplified", "traditional", "mixed"]
Severity = Literal["error", "warning", "info"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A span of the original text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class IntFact(_Model):
    value: int
    evidence: Evidence


class NumberFact(_Model):
    value: float
    unit: str | None = None
    evidence: Evidence


class TextFact(_Model):
    """A piece of text; ``value`` is simplified and normalized, evidence is original."""

    value: str
    evidence: Evidence


class DateFact(_Model):
    value: str = Field(description="ISO date YYYY-MM-DD")
    evidence: Evidence


class Period(_Model):
    start: str | None = Field(description="ISO date YYYY-MM-DD")
    end: str | None = Field(description="ISO date YYYY-MM-DD")
    evidence: Evidence


class Candidate(_Model):
    """One place a report states a fact (title, signature, metadata line, period, ...).

    The fact's value is the most trusted candidate; the others stay here so
    checks can see where the report disagrees with itself.
    """

    value: str | int
    source: str = Field(description="signature, title, publisher_line, title_mention, label, period, first_sentence, "
                                    "this_year_published")
    evidence: Evidence


class Phone(_Model):
    number: str = Field(description="AREA-LOCAL, local digits, 11-digit mobile or service digits")
    kind: Literal["landline", "mobile", "service"]
    area_code: str | None = None
    valid: bool = Field(description="passes phonenumbers validation (landlines with area code, mobiles)")
    evidence: Evidence


class Subsection(_Model):
    """A numbered or titled part inside a top-level section."""

    level: int = Field(description="1: （一）; 2: 1. / 1、; 3: （1）; 4: 一是 / 二是 items")
    marker: str = Field(description="the numbering marker as normalized, e.g. （一）")
    number: int | None
    title: str
    start: int
    end: int
    heading: Evidence


class Section(_Model):
    kind: SectionKind
    number: int | None = Field(description="the part's printed number (一 = 1), null when unnumbered")
    title: str = Field(description="heading text in simplified script, without its number")
    heading: Evidence
    start: int = Field(description="start of the heading in the original text")
    end: int = Field(description="end of the section body in the original text")
    subsections: list[Subsection] = []


class Outline(_Model):
    title: TextFact | None = None
    preamble: Evidence | None = None
    signature: Evidence | None = None
    declared_parts: IntFact | None = Field(None, description="全文由…五部分组成: the stated part count")
    sections: list[Section] = []


class Channel(_Model):
    code: str
    name: str | None = Field(None, description="named site or account, e.g. 新开党员之家")
    evidence: Evidence


class RefusalReason(_Model):
    code: str
    text: str
    count: int | None = None
    evidence: Evidence


class Item(_Model):
    text: str
    evidence: Evidence


class Facts(_Model):
    """Counts and amounts stated in prose (tables fill the summary where present)."""

    proactive_total: IntFact | None = None
    digitization_rate: NumberFact | None = Field(None, description="全文电子化率, percent")
    trainings: IntFact | None = None
    policy_interpretations: IntFact | None = None
    requests_received: IntFact | None = None
    requests_completed: IntFact | None = None
    requests_granted: IntFact | None = None
    requests_partially_granted: IntFact | None = None
    requests_denied: IntFact | None = None
    review_total: IntFact | None = None
    litigation_total: IntFact | None = None
    processing_fee_yuan: NumberFact | None = None


CellValue = int | float | None


class IdentityFailure(_Model):
    """A table identity (DOMAIN.md §4) that does not hold."""

    table: str
    rule: str
    cells: list[str]
    expected: float | None
    found: float | None
    difference: float | None


class Tables(_Model):
    """The standard tables 二/三/四 (keys of CONTRACT.md); cells null when blank, '/', '—' or absent."""

    model_config = ConfigDict(extra="allow")

    format: FormatEra | None = Field(None, description="format told by the table labels")
    proactive: dict[str, dict[str, CellValue]] | None = None
    requests: dict[str, dict[str, CellValue]] | None = None
    review_litigation: dict[str, dict[str, CellValue]] | None = None
    spans: dict[str, Evidence] = Field(default_factory=dict, description="where each table was found")
    missing: list[str] = Field(default_factory=list, description="cells that could not be recovered")
    ambiguous: list[str] = Field(default_factory=list, description="cells with more than one possible split")
    derived: list[str] = Field(default_factory=list,
                               description="cells printed blank that two table identities fill alike")
    raw: dict[str, str] = Field(default_factory=dict,
                                description="cell path -> printed text, for cells not printed as a bare number "
                                            "('' blank, '/', '—', '160.5964万元', '+22')")
    identities: list[IdentityFailure] = Field(default_factory=list)


class Finding(_Model):
    code: str
    severity: Severity
    message: str
    basis: str = Field(description="the legal or format clause behind the rule")
    evidence: list[Evidence] = []


class OcrInfo(_Model):
    """How the text was read when it came from page images (a scan) by OCR."""

    engine: str
    pages: list[int] = Field(description="1-based numbers of the page images read by OCR")
    mean_confidence: float = Field(description="mean recognition confidence of the characters, 0-1")
    low_confidence: list[tuple[int, int]] = Field(
        default_factory=list,
        description="(start, end) offsets into the text of runs of characters recognised with low confidence")
    seconds: float


class Source(_Model):
    file: str | None = None
    container: str = Field(description="txt, md, html, docx, pdf, image")
    encoding: str | None = None
    size_bytes: int
    script: Script
    ocr: OcrInfo | None = Field(None, description="set when any text was read by OCR from page images")


class Summary(_Model):
    """One row per input: the CONTRACT.md summary record."""

    file: str
    ok: bool
    error: str | None = None
    organ: str | None = None
    year: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    published: str | None = None
    phones: list[str] = []
    format: FormatEra | None = None
    script: Script | None = None
    sections: list[SectionKind] = []
    proactive_total: int | None = None
    requests_received: int | None = None
    requests_carried_over: int | None = None
    requests_completed: int | None = None
    requests_carried_forward: int | None = None
    requests_granted: int | None = None
    requests_denied: int | None = None
    review_total: int | None = None
    litigation_total: int | None = None
    processing_fee_yuan: float | None = None
    channels: list[str] = []
    refusal_categories: list[str] = []
    findings: list[str] = []
    ocr: bool = False


class Report(_Model):
    """A parsed report. ``text`` is the original decoded text evidence points into."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    format: FormatEra | None = None
    organ: TextFact | None = None
    year: IntFact | None = None
    period: Period | None = None
    published: DateFact | None = None
    candidates: dict[str, list[Candidate]] = Field(
        default_factory=dict,
        description="organ, year, published: every place the report states them, most trusted first")
    phones: list[Phone] = []
    contact_office: TextFact | None = None
    legal_bases: list[TextFact] = []
    outline: Outline
    facts: Facts = Facts()
    channels: list[Channel] = []
    refusal_reasons: list[RefusalReason] = []
    problems: list[Item] = []
    measures: list[Item] = []
    tables: Tables = Tables()
    findings: list[Finding] = []
    warnings: list[str] = []
    text: str
