"""The pipeline: bytes --load--> text --normalize--> --segment--> --extract--> Report."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from . import rx as regex
from .check import check
from .clock import check_time, time_limit
from .config import DEFAULT_LIMITS, Limits
from .damage import find_second_copy, find_second_report, out_of_order_headings, truncated_table_warnings
from .errors import InputError, LimitExceededError, NotAReportError, ReportParseError
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
    meta_candidates,
)
from .extract.problems import extract_problems
from .extract.refusals import extract_refusals
from .extract.table_facts import locate_cells
from .load import Loaded, load_bytes, load_path, only_a_title
from .models import Report, Source
from .normalize import Normalized, normalize
from .segment import detect_era, segment, to_outline
from .tables import recover_tables

_REPORT_WORDS = regex.compile(r"信息公开|政务公开|资讯公开|公开政府信息|政府信息")
_REPORT_KIND = regex.compile(r"年度报告|年报|工作报告|主动公开|依申请|申请公开|公开申请")
# The standard parts' words: an excerpt that holds two of them is a report's text.
_PART_WORDS = regex.compile(
    r"(?P<proactive>主动公开)|(?P<requests>依申请公开|收到和处理)|(?P<review>行政复议)|"
    r"(?P<fees>收费(?:及|和)减免)|(?P<problems>存在的主要问题)|(?P<other>其他需要报告的事项)"
)


_MARKUP_RUN = regex.compile(r"[\s!-/:-@\[-`{-~]{2,}")
_WORDS_SCAN = 2_000_000


def ensure_report(doc: Normalized) -> None:
    """Refuse text that is not a disclosure annual report (one line, no traceback).

    A report, or an excerpt of one, in any script: 信息公开 vocabulary with report
    words (年度报告, 主动公开, 依申请), or the words of two standard parts.
    """
    head = doc.text[:20000]
    parts = {m.lastgroup for m in _PART_WORDS.finditer(head)}
    if len(parts) >= 2 or (_REPORT_WORDS.search(head) and _REPORT_KIND.search(head)):
        return
    # Markup or indentation before the words (a markdown list nested 10,000 levels): the window
    # is the first 20,000 characters once runs of spaces and ASCII punctuation are dropped.
    words = _MARKUP_RUN.sub(" ", doc.text[:_WORDS_SCAN])[:20000]
    if words != head:
        parts = {m.lastgroup for m in _PART_WORDS.finditer(words)}
        if len(parts) >= 2 or (_REPORT_WORDS.search(words) and _REPORT_KIND.search(words)):
            return
    if not _REPORT_WORDS.search(head):
        missing = "no 信息公开 / 政务公开 vocabulary found"
    else:
        missing = "信息公开 is named, but no 年度报告 / 主动公开 / 依申请公开 words and no standard part headings"
    raise NotAReportError(f"not a government information-disclosure annual report ({missing})")


def check_size(text: str, limits: Limits) -> None:
    """Characters and lines against ``limits`` (every container's text passes here)."""
    if len(text) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(text):,} characters; limit {limits.max_chars:,})")
    lines = text.count("\n") + 1
    if lines > limits.max_lines:
        raise LimitExceededError(f"text has {lines:,} lines (limit {limits.max_lines:,})")


_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_CONTAINERS = ("docx", "pdf", "html", "mhtml")  # containers whose loaders can miss a body kept elsewhere


def _clean_surrogates(text: str) -> tuple[str, list[str]]:
    """Lone surrogates (a broken ToUnicode map, a bad ``str``) become U+FFFD: same length, so
    offsets hold, and the report can still be written as UTF-8 JSON."""
    count = len(_SURROGATE.findall(text))
    if not count:
        return text, []
    return _SURROGATE.sub("\ufffd", text), [f"{count} invalid character(s) (lone surrogates) replaced with U+FFFD"]


def parse_loaded(loaded: Loaded, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Report:
    with time_limit(limits.max_seconds):
        return _parse_loaded(loaded, name, limits)


def _parse_loaded(loaded: Loaded, name: str | None, limits: Limits) -> Report:
    check_size(loaded.text, limits)
    if loaded.container in _CONTAINERS and only_a_title(loaded.text):
        # A Word file, page or PDF whose body is elsewhere (an attachment, a cover page alone):
        # never a report built from its title.
        raise InputError("文档中只有标题，没有报告正文 (no report text in the document: only a title, "
                         "an organ or a date)")
    loaded.text, replaced = _clean_surrogates(loaded.text)
    warnings = list(loaded.warnings) + replaced
    # The same report pasted twice: read the first copy (its offsets are the full text's).
    copy_at = find_second_copy(loaded.text)
    if copy_at is not None:
        warnings.append(f"the report text appears twice (pasted twice?): read the first copy only, "
                        f"the second starts at character {copy_at:,}")
    if copy_at is None:
        second = find_second_report(loaded.text)
        if second is not None:
            copy_at, first_title, second_title = second
            warnings.append(f"the file holds two reports (two titles: {first_title} / {second_title}): "
                            f"read the first only, the second starts at character {copy_at:,}")
    doc = normalize(loaded.text if copy_at is None else loaded.text[:copy_at])
    ensure_report(doc)
    check_time("normalize")
    script = doc.script
    layout = segment(doc)
    sections = len(layout.parts) + sum(len(p.subs) for p in layout.parts)
    if sections > limits.max_sections:
        raise LimitExceededError(f"document has {sections:,} sections and sub-sections "
                                 f"(limit {limits.max_sections:,})")
    check_time("segment")
    period = extract_period(doc, layout)
    published = extract_published(doc, layout)
    year = extract_year(doc, layout, period, published)
    era = detect_era(doc.text, year.value if year else None)
    tables = recover_tables(doc, era)
    check_time("tables")
    if tables.format:
        era = tables.format
    tables.cells = locate_cells(doc, tables)
    facts = extract_facts(doc, layout, tables, era)
    problems, measures = extract_problems(doc, layout)
    if not layout.parts:
        warnings.append("no standard section headings found")
    warnings.extend(out_of_order_headings(doc, layout))
    warnings.extend(truncated_table_warnings(doc, tables))
    check_time("extract")
    report = Report(
        source=Source(file=_utf8_name(name), container=loaded.container, encoding=loaded.encoding,
                      size_bytes=loaded.size_bytes, script=script, ocr=_ocr_info(loaded)),
        format=era,
        organ=extract_organ(doc, layout),
        year=year,
        period=period,
        published=published,
        candidates=meta_candidates(doc, layout, period, published),
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
    check_time("check")
    return report


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _utf8_name(name: str | None) -> str | None:
    """A file name that can be written as UTF-8 JSON: the bytes of a name that is not UTF-8 (a GBK
    name from a zip made on Windows, decoded by the OS with surrogate escapes) shown as U+FFFD."""
    if name is None or not _has_surrogate(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return _SURROGATE.sub("\ufffd", name)


def _ocr_info(loaded: Loaded):
    """What OCR read (``Source.ocr``), or None for a text layer (ocr is imported only for a scan)."""
    if loaded.ocr is None:
        return None
    from .load.ocr import ocr_info

    return ocr_info(loaded.ocr)


def parse_text(text: str, *, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Parse an already decoded report text. Raises :class:`ReportParseError` only."""
    def run() -> Report:
        if not isinstance(text, str):
            raise InputError(f"parse_text needs str, not {type(text).__name__} (use parse() for bytes or paths)")
        # A lone surrogate (from a broken PDF map or a bad decode upstream) cannot be written out
        # as UTF-8: one replacement character each, so offsets into the text still hold.
        clean = _SURROGATE.sub("\ufffd", text) if not text.isascii() and _has_surrogate(text) else text
        size = len(clean.encode("utf-8"))
        return parse_loaded(Loaded(text=clean, container="txt", encoding=None, size_bytes=size), name, limits)

    return _guarded(run, name)


def _exists(path: str) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):  # too long for a path, NUL in it: not a path
        return False


def _as_input(source, name: str | None, limits: Limits) -> tuple[bytes | Path, str]:
    """What ``parse`` was given, as bytes or a path, and the label its errors carry."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "<bytes>"
    if isinstance(source, os.PathLike):
        return Path(source), name or os.fspath(source)
    if isinstance(source, str):
        if (len(source) > 1024 or (len(source) > 200 and source.count("\n") > 2)) and not _exists(source):
            raise InputError("parse() takes a path or bytes, and this is text: "
                             "call reportparse.parse_text(text) for a report already decoded",
                             source=name or "<text>")
        return Path(source), name or source
    read = getattr(source, "read", None)
    if callable(read):  # a binary file object (open(path, "rb"), io.BytesIO, a request body)
        data = read(limits.max_bytes + 1)
        label = name or (getattr(source, "name", None) if isinstance(getattr(source, "name", None), str)
                         else None) or "<file>"
        if isinstance(data, str):
            raise InputError("parse() was given a text-mode file: open it with 'rb', "
                             "or call reportparse.parse_text(f.read())", source=label)
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise InputError(f"the file object's read() gave {type(data).__name__}, not bytes", source=label)
        return bytes(data), label
    raise InputError(f"parse() takes a path (str or Path), bytes or a binary file object, "
                     f"not {type(source).__name__}", source=name)


def parse(source: str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO, *,
          name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Parse a report from a path (str or Path), bytes (also bytearray, memoryview) or a
    binary file object. Raises :class:`ReportParseError` only; a str that is report text
    rather than a path is refused with a pointer to :func:`parse_text`."""
    named = getattr(source, "name", None)
    label = name or (str(source) if isinstance(source, (str, os.PathLike)) and len(str(source)) <= 1024
                     else named if isinstance(named, str) else "<bytes>")

    def run() -> Report:
        data, shown = _as_input(source, name, limits)
        # The clock starts before loading: decompressing and parsing a container counts.
        with time_limit(limits.max_seconds):
            if isinstance(data, bytes):
                loaded = load_bytes(data, "" if shown.startswith("<") else shown, limits)
            else:
                loaded = load_path(data, limits)
            check_time("loading")
            return parse_loaded(loaded, shown, limits)

    return _guarded(run, label)


def _guarded(run, label: str | None) -> Report:
    """``run()``, with every failure turned into a one-line :class:`ReportParseError`."""
    try:
        return run()
    except ReportParseError as err:
        if err.source is None:
            err.source = label
        raise
    except RecursionError:
        raise ReportParseError("文档嵌套过深 (document too deeply nested)", source=label) from None
    except MemoryError:
        raise ReportParseError("内存不足 (out of memory while parsing)", source=label) from None
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug must cost one file one line, never the run
        detail = " ".join(str(exc).split())[:200]
        raise ReportParseError(f"内部错误 (internal error while parsing: {type(exc).__name__}"
                               f"{': ' + detail if detail else ''})", source=label) from None
