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

    start: int = Field(ge=0, description="code-point offset of the span's start in Report.text")
    end: int = Field(ge=0, description="code-point offset of the span's end in Report.text (exclusive)")
    text: str = Field(description='the quoted original text, Report.text[start:end]')


class IntFact(_Model):
    value: int = Field(description='the number as stated')
    evidence: Evidence = Field(description='where the report states it')


class NumberFact(_Model):
    value: float = Field(description='the amount as stated, converted to the unit named in the field')
    unit: str | None = Field(None, description='the unit printed in the text (元, 万元, %), when one is')
    evidence: Evidence = Field(description='where the report states it')


class TextFact(_Model):
    """A piece of text; ``value`` is simplified and normalized, evidence is original."""

    value: str = Field(description='the text in simplified script, normalized')
    evidence: Evidence = Field(description='where the report states it (original script)')


class DateFact(_Model):
    value: str = Field(description="ISO date YYYY-MM-DD")
    evidence: Evidence = Field(description='where the report states the date')


class Period(_Model):
    start: str | None = Field(description="ISO date YYYY-MM-DD")
    end: str | None = Field(description="ISO date YYYY-MM-DD")
    evidence: Evidence = Field(description='where the report states the period')


class Candidate(_Model):
    """One place a report states a fact (title, signature, metadata line, period, ...).

    The fact's value is the most trusted candidate; the others stay here so
    checks can see where the report disagrees with itself.
    """

    value: str | int = Field(description="the value as this place states it")
    source: str = Field(description="signature, title, publisher_line, title_mention, label, period, first_sentence, "
                                    "this_year_published")
    evidence: Evidence = Field(description="where the report states it")


class Phone(_Model):
    number: str = Field(description="AREA-LOCAL, local digits, 11-digit mobile or service digits")
    kind: Literal["landline", "mobile", "service"] = Field(description='landline, mobile or service number')
    area_code: str | None = Field(None, description='the area code of a landline, when printed (e.g. 0730)')
    valid: bool = Field(description="passes phonenumbers' validation rules for +86 (landlines with area code, mobiles)")
    evidence: Evidence = Field(description='where the number is printed')


class Subsection(_Model):
    """A numbered or titled part inside a top-level section."""

    level: int = Field(description="1: （一）; 2: 1. / 1、; 3: （1）; 4: 一是 / 二是 items")
    marker: str = Field(description="the numbering marker as normalized, e.g. （一）")
    number: int | None = Field(description="the marker's number (（三） = 3), null when it has none")
    title: str = Field(description='heading text without its marker, simplified script')
    start: int = Field(description='start of the sub-section in the original text')
    end: int = Field(description='end of the sub-section in the original text')
    heading: Evidence = Field(description='the heading line as printed')


class Section(_Model):
    kind: SectionKind = Field(description='canonical kind of the part (docs/interface.md section kinds)')
    number: int | None = Field(description="the part's printed number (一 = 1), null when unnumbered")
    title: str = Field(description="heading text in simplified script, without its number")
    heading: Evidence = Field(description='the heading as printed')
    start: int = Field(description="start of the heading in the original text")
    end: int = Field(description="end of the section body in the original text")
    subsections: list[Subsection] = Field([], description='numbered or titled parts inside the section, in order')


class Outline(_Model):
    title: TextFact | None = Field(None, description="the report's title")
    preamble: Evidence | None = Field(None, description='the text before the first part (legal basis, statistics period)')
    signature: Evidence | None = Field(None, description='the closing signature block (organ and date)')
    declared_parts: IntFact | None = Field(None, description="全文由…五部分组成: the stated part count")
    sections: list[Section] = Field([], description='top-level parts in document order')


class Channel(_Model):
    code: str = Field(description='channel code (docs/interface.md): website, wechat, weibo, app, ...')
    name: str | None = Field(None, description="named site or account, e.g. 新开党员之家")
    evidence: Evidence = Field(description='where the report names the channel')


class RefusalReason(_Model):
    code: str = Field(description='reason code (docs/interface.md): state_secret, third_party, not_held, ...')
    text: str = Field(description='the reason as the report words it')
    count: int | None = Field(None, description='requests refused for this reason, when stated')
    evidence: Evidence = Field(description='where the report states it')


class Item(_Model):
    text: str = Field(description="the item's text, from its content (no heading or numbering fragment)")
    evidence: Evidence = Field(description='where the item is in the original text')


FactSource = Literal["table", "local_table", "prose", "absence", "derived"]
# Trust order when candidates disagree: the report's own statistics tables first.
FACT_TRUST: dict[str, int] = {"table": 0, "local_table": 1, "prose": 2, "absence": 3, "derived": 4}


class CountFact(IntFact):
    """A count with the place it was read from (``source``; see :data:`FACT_TRUST`)."""

    source: FactSource = Field("prose", description="table, local_table, prose, absence or derived")


class AmountFact(NumberFact):
    """An amount with the place it was read from."""

    source: FactSource = Field("prose", description="table, local_table, prose, absence or derived")


class FactCandidate(_Model):
    """One statement of a fact; the chosen one and the losing ones alike (for checks)."""

    fact: str = Field(description="the Facts field it is a candidate for")
    value: float = Field(description='the stated value')
    source: FactSource = Field(description='table, local_table, prose, absence or derived')
    evidence: Evidence = Field(description='where it is stated in the original text')


class Facts(_Model):
    """The counts and amounts of the report: each the most trusted of its candidates.

    Candidates come from the standard tables (``table``), a pre-2019 local
    statistics table (``local_table``, the year column), the prose (``prose``),
    statements that nothing happened (``absence``) and counts that follow from
    those (``derived``: no request received and none carried over, so none
    answered). ``candidates`` keeps every one, the losing ones too.
    """

    proactive_total: CountFact | None = Field(None, description='items proactively disclosed in the year')
    digitization_rate: NumberFact | None = Field(None, description="全文电子化率, percent")
    trainings: IntFact | None = Field(None, description='training sessions held')
    policy_interpretations: IntFact | None = Field(None, description='policy interpretations published')
    requests_received: CountFact | None = Field(None, description='new requests received in the year')
    requests_carried_over: CountFact | None = Field(None, description='requests carried over from the year before')
    requests_completed: CountFact | None = Field(None, description='requests answered (table 三 （七）总计)')
    requests_carried_forward: CountFact | None = Field(None, description='requests carried forward to next year')
    requests_granted: CountFact | None = Field(None, description='requests granted in full')
    requests_partially_granted: CountFact | None = Field(None, description='requests granted in part')
    requests_denied: CountFact | None = Field(None, description='requests not granted (all of 不予公开)')
    review_total: CountFact | None = Field(None, description='administrative reviews')
    litigation_total: CountFact | None = Field(None, description='lawsuits (direct and after review)')
    processing_fee_yuan: AmountFact | None = Field(None, description='information-processing fees charged, yuan; 0 when the report says none')
    candidates: list[FactCandidate] = Field(default_factory=list, description='every statement of a count found, the chosen and the losing ones')

    def stated(self, name: str, sources: tuple[str, ...] = ("local_table", "prose", "absence")) -> CountFact | None:
        """The most trusted candidate for ``name`` among ``sources`` (default: all but table 三/四)."""
        found = [c for c in self.candidates if c.fact == name and c.source in sources]
        if not found:
            return None
        best = min(found, key=lambda c: FACT_TRUST[c.source])
        return CountFact(value=int(best.value), evidence=best.evidence, source=best.source)


CellValue = int | float | None


class IdentityFailure(_Model):
    """A table identity (docs/interface.md, standard tables) that does not hold."""

    table: str = Field(description='the table: requests, review_litigation or proactive')
    rule: str = Field(description='the identity, e.g. 一+二 = （七）+四')
    cells: list[str] = Field(description='the cell paths the identity involves')
    expected: float | None = Field(description='the value the identity requires')
    found: float | None = Field(description='the value printed')
    difference: float | None = Field(description='found minus expected')


class Tables(_Model):
    """The standard tables 二/三/四 (keys of docs/interface.md); cells null when blank, '/', '—' or absent."""

    model_config = ConfigDict(extra="allow")

    format: FormatEra | None = Field(None, description="format told by the table labels")
    proactive: dict[str, dict[str, CellValue]] | None = Field(None, description='table 二: row -> column -> cell (docs/interface.md keys)')
    requests: dict[str, dict[str, CellValue]] | None = Field(None, description='table 三: row -> column -> cell (docs/interface.md keys)')
    review_litigation: dict[str, dict[str, CellValue]] | None = Field(None, description='table 四: group -> column -> cell (docs/interface.md keys)')
    spans: dict[str, Evidence] = Field(default_factory=dict, description="where each table was found")
    missing: list[str] = Field(default_factory=list, description="cells that could not be recovered")
    ambiguous: list[str] = Field(default_factory=list, description="cells with more than one possible split")
    derived: list[str] = Field(default_factory=list,
                               description="cells printed blank that two table identities fill alike")
    raw: dict[str, str] = Field(default_factory=dict,
                                description="cell path -> printed text, for cells not printed as a bare number "
                                            "('' blank, '/', '—', '160.5964万元', '+22')")
    identities: list[IdentityFailure] = Field(default_factory=list, description='table identities that do not hold')
    cells: dict[str, Evidence] = Field(default_factory=dict,
                                       description="cell path -> where it is printed (its row, else the table)")


class Finding(_Model):
    code: str = Field(description='stable finding code (docs/checks.md), e.g. missing-part')
    severity: Severity = Field(description='error, warning or info')
    message: str = Field(description='one sentence for a reviewer, in the language asked for (zh by default)')
    basis: str = Field(description="the legal or format clause behind the rule")
    evidence: list[Evidence] = Field([], description='the spans of the text the finding rests on')


class OcrInfo(_Model):
    """How the text was read when it came from page images (a scan) by OCR."""

    engine: str = Field(description="the OCR engine and its models")
    pages: list[int] = Field(description="1-based numbers of the page images read by OCR")
    mean_confidence: float = Field(description="mean recognition confidence of the characters, 0-1")
    low_confidence: list[tuple[int, int]] = Field(
        default_factory=list,
        description="(start, end) offsets into the text of runs of characters recognised with low confidence")
    seconds: float = Field(description="time spent on OCR, seconds")


class Source(_Model):
    file: str | None = Field(None, description='the path or name the report was read from')
    container: str = Field(description="txt, md, html, docx, pdf, image")
    encoding: str | None = Field(None, description='the text encoding detected (null for containers that carry their own)')
    size_bytes: int = Field(description='size of the input in bytes')
    script: Script = Field(description='script of the original text: simplified, traditional or mixed')
    ocr: OcrInfo | None = Field(None, description="set when any text was read by OCR from page images")


class Summary(_Model):
    """One row per input: the docs/interface.md summary record."""

    file: str = Field(description='the path as given')
    ok: bool = Field(description='false when the input could not be parsed')
    error: str | None = Field(None, description='one-line reason when ok is false')
    organ: str | None = Field(None, description='issuing body, simplified script')
    year: int | None = Field(None, description='the year reported on')
    period_start: str | None = Field(None, description='statistics period start, YYYY-MM-DD, as stated')
    period_end: str | None = Field(None, description='statistics period end, YYYY-MM-DD, as stated')
    published: str | None = Field(None, description='date of the signature block, YYYY-MM-DD')
    phones: list[str] = Field([], description='contact telephone numbers')
    format: FormatEra | None = Field(None, description='pre2019, fmt2019 or fmt2021')
    script: Script | None = Field(None, description='simplified, traditional or mixed')
    sections: list[SectionKind] = Field([], description='canonical kinds of the top-level sections, in order')
    proactive_total: int | None = Field(None, description='items proactively disclosed in the year')
    requests_received: int | None = Field(None, description='new requests received (table 三 row 一 总计, else the prose)')
    requests_carried_over: int | None = Field(None, description='requests carried over from last year (table 三 row 二)')
    requests_completed: int | None = Field(None, description='requests completed (table 三 （七）总计)')
    requests_carried_forward: int | None = Field(None, description='requests carried forward (table 三 row 四)')
    requests_granted: int | None = Field(None, description='requests granted (table 三 （一）, else the prose)')
    requests_denied: int | None = Field(None, description='requests not granted (table 三 （三） summed, else the prose)')
    review_total: int | None = Field(None, description='administrative reviews (table 四, else the prose)')
    litigation_total: int | None = Field(None, description='lawsuits, direct plus after review (table 四, else the prose)')
    processing_fee_yuan: float | None = Field(None, description='information-processing fees in yuan; 0 when the report says none')
    channels: list[str] = Field([], description='channel codes of proactive disclosure')
    refusal_categories: list[str] = Field([], description='reason codes for requests not granted')
    findings: list[str] = Field([], description='codes of compliance findings')
    ocr: bool = Field(False, description='true when any of the text was read by OCR from page images (a scan)')


class Report(_Model):
    """A parsed report. ``text`` is the original decoded text evidence points into."""

    schema_version: str = Field(SCHEMA_VERSION, description='version of this JSON shape')
    source: Source = Field(description='what was read: file, container, encoding, script')
    format: FormatEra | None = Field(None, description='format era: pre2019 (2008 narrative), fmt2019 (2019 trial) or fmt2021')
    organ: TextFact | None = Field(None, description='the issuing body, simplified script, as named in the signature or title')
    year: IntFact | None = Field(None, description='the year reported on')
    period: Period | None = Field(None, description='the statistics period as stated')
    published: DateFact | None = Field(None, description='the date of the signature block (or a stated publication date)')
    candidates: dict[str, list[Candidate]] = Field(
        default_factory=dict,
        description="organ, year, published: every place the report states them, most trusted first")
    phones: list[Phone] = Field([], description='telephone numbers for contacting the organ (fax numbers excluded)')
    contact_office: TextFact | None = Field(None, description='the office to contact for questions, when named')
    legal_bases: list[TextFact] = Field([], description='the laws and regulations the report cites as its basis')
    outline: Outline = Field(description='title, preamble, signature and the sections with their kinds')
    facts: Facts = Field(Facts(), description='counts and amounts stated in prose, each with evidence')
    channels: list[Channel] = Field([], description='channels of proactive disclosure the report names')
    refusal_reasons: list[RefusalReason] = Field([], description='reasons for not granting requests, as named or counted')
    problems: list[Item] = Field([], description='the problems the report states, one item each')
    measures: list[Item] = Field([], description='the improvement measures the report states, one item each')
    tables: Tables = Field(Tables(), description='the standard tables 二/三/四 with identities checked')
    findings: list[Finding] = Field([], description='compliance findings (see docs/checks.md)')
    warnings: list[str] = Field([], description='what was damaged or unusual in the input, one line each')
    text: str = Field(description='the original decoded text that every evidence offset points into')
