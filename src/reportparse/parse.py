"""The pipeline: bytes --load--> text --normalize--> --segment--> --extract--> Report."""

from __future__ import annotations

import os
import time
from pathlib import Path

import regex

from .check import check
from .config import DEFAULT_LIMITS, Limits
from .damage import find_second_copy, out_of_order_headings, truncated_table_warnings
from .errors import LimitExceededError, NotAReportError, ReportParseError
from .extract.channels import extract_channels
from .extract.contact import extract_phones
from .extract.counts import extract_facts
from .extract.meta import (
    extract_contact_office,
    extract_legal_bases,
    extract_organ,
    extract_period,
    extract_published,
    extract_year,
)
from .extract.problems import extract_problems
from .extract.refusals import extract_refusals
from .load import Loaded, load_bytes, load_path
from .models import Report, Source
from .normalize import Normalized, normalize
from .segment import detect_era, segment, to_outline
from .tables import recover_tables

_REPORT_WORDS = regex.compile(r"信息公开|政务公开")
_REPORT_KIND = regex.compile(r"年度报告|年报|工作报告|主动公开|依申请|申请公开|公开申请")


def ensure_report(doc: Normalized) -> None:
    """Refuse text that is not a disclosure annual report (one line, no traceback)."""
    head = doc.text[:20000]
    if not (_REPORT_WORDS.search(head) and _REPORT_KIND.search(head)):
        raise NotAReportError("not a government information-disclosure annual report "
                              "(no 信息公开 / 年度报告 vocabulary found)")


def check_size(text: str, limits: Limits) -> None:
    """Characters and lines against ``limits`` (every container's text passes here)."""
    if len(text) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(text):,} characters; limit {limits.max_chars:,})")
    lines = text.count("\n") + 1
    if lines > limits.max_lines:
        raise LimitExceededError(f"text has {lines:,} lines (limit {limits.max_lines:,})")


class _Clock:
    """``Limits.max_seconds`` checked between stages: every stage is linear in the text
    (see benchmarks/bench_hostile.py), so a check between them bounds a document's time
    without signals, which library code running in threads cannot use."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.started = time.monotonic()

    def check(self, stage: str) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.limits.max_seconds:
            raise LimitExceededError(f"parsing took over {self.limits.max_seconds:g} s "
                                     f"({elapsed:.1f} s by the end of {stage})")


def parse_loaded(loaded: Loaded, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Report:
    clock = _Clock(limits)
    check_size(loaded.text, limits)
    warnings = list(loaded.warnings)
    # The same report pasted twice: read the first copy (its offsets are the full text's).
    copy_at = find_second_copy(loaded.text)
    if copy_at is not None:
        warnings.append(f"the report text appears twice (pasted twice?): read the first copy only, "
                        f"the second starts at character {copy_at:,}")
    doc = normalize(loaded.text if copy_at is None else loaded.text[:copy_at])
    ensure_report(doc)
    clock.check("normalize")
    script = doc.script
    layout = segment(doc)
    sections = len(layout.parts) + sum(len(p.subs) for p in layout.parts)
    if sections > limits.max_sections:
        raise LimitExceededError(f"document has {sections:,} sections and sub-sections "
                                 f"(limit {limits.max_sections:,})")
    clock.check("segment")
    period = extract_period(doc, layout)
    year = extract_year(doc, layout, period)
    era = detect_era(doc.text, year.value if year else None)
    tables = recover_tables(doc, era)
    clock.check("tables")
    if tables.format:
        era = tables.format
    facts = extract_facts(doc, layout)
    problems, measures = extract_problems(doc, layout)
    if not layout.parts:
        warnings.append("no standard section headings found")
    warnings.extend(out_of_order_headings(doc, layout))
    warnings.extend(truncated_table_warnings(doc, tables))
    clock.check("extract")
    report = Report(
        source=Source(file=name, container=loaded.container, encoding=loaded.encoding,
                      size_bytes=loaded.size_bytes, script=script, ocr=_ocr_info(loaded)),
        format=era,
        organ=extract_organ(doc, layout),
        year=year,
        period=period,
        published=extract_published(doc, layout),
        phones=extract_phones(doc),
        contact_office=extract_contact_office(doc, layout),
        legal_bases=extract_legal_bases(doc, layout),
        outline=to_outline(doc, layout),
        facts=facts,
        channels=extract_channels(doc, layout),
        refusal_reasons=extract_refusals(doc, layout),
        problems=problems,
        measures=measures,
        tables=tables,
        warnings=warnings,
        text=loaded.text,
    )
    if loaded.ocr is not None:
        from .load.ocr import value_warnings

        report.warnings.extend(value_warnings(report, loaded.ocr))
    report.findings = check(report, doc=doc)
    clock.check("check")
    return report


def _ocr_info(loaded: Loaded):
    """What OCR read (``Source.ocr``), or None for a text layer (ocr is imported only for a scan)."""
    if loaded.ocr is None:
        return None
    from .load.ocr import ocr_info

    return ocr_info(loaded.ocr)


def parse_text(text: str, *, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Parse an already decoded report text."""
    loaded = Loaded(text=text, container="txt", encoding=None, size_bytes=len(text.encode("utf-8")))
    return parse_loaded(loaded, name, limits)


def parse(source: str | os.PathLike[str] | bytes, *, name: str | None = None,
          limits: Limits = DEFAULT_LIMITS) -> Report:
    """Parse a report from a path or from bytes. Raises :class:`ReportParseError` only."""
    label = name or (str(source) if not isinstance(source, bytes) else "<bytes>")
    try:
        if isinstance(source, bytes):
            loaded = load_bytes(source, name or "", limits)
        else:
            loaded = load_path(Path(source), limits)
        return parse_loaded(loaded, label, limits)
    except ReportParseError as err:
        if err.source is None:
            err.source = label
        raise
    except RecursionError:
        raise ReportParseError("document too deeply nested", source=label) from None
    except MemoryError:
        raise ReportParseError("out of memory while parsing", source=label) from None
