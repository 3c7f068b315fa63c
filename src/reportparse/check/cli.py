"""``reportparse check FILE...``: compliance findings per input.

Exit status: 0 no error findings; 3 at least one error finding; 1 an input
(or the --previous file) could not be read; 2 usage error. An unreadable
input outranks error findings.

Copied-report detection runs when a previous report is known: ``--previous
FILE`` (used for every input), or, among the inputs, the report of the same
organ for the year before.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..models import Finding, Report

SEVERITY_LABELS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def _threshold(value: str) -> float:
    try:
        number = float(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number > 1:
        number /= 100
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("threshold must be between 0 and 1 (or 0 and 100%)")
    return number


def finding_json(finding: Finding) -> dict:
    return finding.model_dump(mode="json")


def text_notes(file: str, report: Report, findings: list[Finding], lang: str) -> str:
    """A reviewer's notes: one paragraph per finding, with the clause and the quoted evidence."""
    labels = SEVERITY_LABELS[lang]
    organ = report.organ.value if report.organ else ("?" if lang == "en" else "机关不详")
    year = report.year.value if report.year else "?"
    date = report.published.value if report.published else "—"
    if lang == "en":
        head = f"{file}: {organ}, report year {year}, dated {date}"
    else:
        head = f"{file}: {organ} {year}年度报告, 落款 {date}"
    lines = [head]
    if not findings:
        lines.append("  no findings" if lang == "en" else "  未发现问题")
    for f in findings:
        lines.append(f"  [{labels[f.severity]}] {f.code}: {f.message}")
        lines.append(f"      {'basis' if lang == 'en' else '依据'}: {f.basis}")
        for e in f.evidence[:3]:
            quote = e.text.replace("\n", " ")
            quote = quote if len(quote) <= 60 else quote[:57] + "..."
            where = f"@{e.start}"
            lines.append(f"      {'text' if lang == 'en' else '原文'} {where}: “{quote}”")
    return "\n".join(lines)


def _organ_key(report: Report) -> str | None:
    return report.organ.value if report.organ else None


def check_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="reportparse check",
        description="Compliance findings for government information-disclosure annual reports.",
        epilog="Exit status: 0 no errors, 3 at least one error finding, 1 unreadable input, 2 usage error.",
    )
    ap.add_argument("files", nargs="+", metavar="FILE", help=".txt .md .html .docx .pdf, or - for stdin")
    ap.add_argument("--previous", metavar="FILE", help="the same organ's report for the year before")
    ap.add_argument("--threshold", type=_threshold, default=0.9,
                    help="copied share that is flagged (default 0.9; 90%% also accepted)")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    ap.add_argument("--format", "-f", choices=("text", "json"), default=None,
                    help="text (default on a terminal) or json (default otherwise)")
    ap.add_argument("--max-mb", type=float, default=20, help="refuse inputs larger than this (default 20)")
    args = ap.parse_args(argv)
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")

    from ..config import Limits, megabytes
    from ..errors import ReportParseError
    from ..load import read_stream
    from ..parse import parse
    from . import check

    limits = Limits(max_bytes=megabytes(args.max_mb))
    status = 0
    errors: dict[str, str] = {}

    def load(file: str) -> Report | None:
        nonlocal status
        try:
            if file == "-":
                return parse(read_stream(sys.stdin.buffer, limits), name="-", limits=limits)
            return parse(file, limits=limits)
        except ReportParseError as err:
            status = 1
            reason = str(err)
            errors[file] = reason[len(file) + 2:] if reason.startswith(f"{file}: ") else reason
            label = "cannot parse" if args.lang == "en" else "无法解析"
            print(f"reportparse check: {label} {file}: {errors[file]}", file=sys.stderr)
            return None

    previous = load(args.previous) if args.previous else None
    reports = [(file, load(file)) for file in args.files]
    by_organ_year = {(_organ_key(r), r.year.value): r for _, r in reports
                     if r is not None and _organ_key(r) and r.year}

    out = sys.stdout
    several = len(reports) > 1
    any_error = False
    for i, (file, report) in enumerate(reports):
        if report is None:
            if fmt == "json":
                record = {"file": file, "ok": False, "error": errors.get(file, "could not be parsed"),
                          "findings": []}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        prev = previous
        if prev is None and report.year and _organ_key(report):
            prev = by_organ_year.get((_organ_key(report), report.year.value - 1))
        findings = check(report, previous=prev, lang=args.lang, threshold=args.threshold)
        any_error = any_error or any(f.severity == "error" for f in findings)
        if fmt == "json":
            record = {
                "file": file, "ok": True,
                "organ": report.organ.value if report.organ else None,
                "year": report.year.value if report.year else None,
                "previous": (prev.source.file if prev is not None else None),
                "findings": [finding_json(f) for f in findings],
            }
            out.write(json.dumps(record, ensure_ascii=False, indent=None if several else 1) + "\n")
        else:
            if i:
                out.write("\n")
            out.write(text_notes(file, report, findings, args.lang) + "\n")
    if status:
        return status
    return 3 if any_error else 0
