"""``reportparse check FILE...``: compliance findings per input.

Exit status: 0 no error findings; 3 at least one error finding; 1 an input
could not be read; 2 usage error. An unreadable input outranks error
findings. An unreadable ``--previous`` file is not an input: the copy check
is skipped, with one line saying so.

Copied-report detection runs when a previous report is known: ``--previous
FILE`` (used for every input), or, among the inputs, the report of the same
organ for the year before.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from ..models import Finding, Report


def threshold_arg(lang: str):
    """An argparse type for ``--threshold``: a share above 0 and at most 1 (or a percentage)."""

    def convert(value: str) -> float:
        try:
            number = float(value.rstrip("%"))
        except ValueError:
            number = math.nan
        if number > 1:
            number /= 100
        if not (math.isfinite(number) and 0 < number <= 1):
            raise argparse.ArgumentTypeError(
                f"须是大于 0、不超过 1 的比例（或百分数，如 90%）（收到 {value!r}）" if lang == "zh" else
                f"must be a share above 0 and at most 1, or a percentage such as 90% (got {value!r})")
        return number

    return convert


def finding_json(finding: Finding) -> dict:
    return finding.model_dump(mode="json")


# The notes' words: each label and template, in Chinese and English.
_NOTES: dict[str, tuple[str, str]] = {
    "head": ("{file}：{organ} {year}，落款日期 {date}", "{file}: {organ}, report year {year}, dated {date}"),
    "unknown_organ": ("机关不详", "organ unknown"),
    "year": ("{year}年度报告", "{year}"), "unknown_year": ("年度不详的报告", "unknown"),
    "none": ("  未发现问题", "  no findings"),
    "finding": ("  [{severity}] {name}：{message}（{code}）", "  [{severity}] {code}: {message}"),
    "basis": ("      依据：{basis}", "      basis: {basis}"),
    "quote": ("      原文：“{quote}”", "      text: “{quote}”"),
}


def text_notes(file: str, report: Report, findings: list[Finding], lang: str) -> str:
    """A reviewer's notes: one paragraph per finding, with the clause and the quoted evidence."""
    from ..labels import finding_name, severity_name

    words = {key: pair[0 if lang != "en" else 1] for key, pair in _NOTES.items()}
    organ = report.organ.value if report.organ else None
    year = report.year.value if report.year else None
    date = report.published.value if report.published else None
    lines = [words["head"].format(file=file, organ=organ or words["unknown_organ"],
                                  year=words["year"].format(year=year) if year else words["unknown_year"],
                                  date=date or "—")]
    if not findings:
        lines.append(words["none"])
    for f in findings:
        lines.append(words["finding"].format(severity=severity_name(f.severity, lang), name=finding_name(f.code, lang),
                                             message=f.message, code=f.code))
        lines.append(words["basis"].format(basis=f.basis))
        for e in f.evidence[:3]:
            quote = " ".join(e.text.split())
            if not quote:
                continue
            lines.append(words["quote"].format(quote=quote if len(quote) <= 60 else quote[:57] + "…"))
    return "\n".join(lines)


def _organ_key(report: Report) -> str | None:
    return report.organ.value if report.organ else None


def check_main(argv: list[str]) -> int:
    from ..cli import ArgParser, add_input_arguments, display, lang_of, read_input, write_out

    lang = lang_of(argv)
    zh = lang == "zh"
    ap = ArgParser(
        prog="reportparse check", lang=lang,
        description=("政府信息公开工作年度报告合规检查：每条发现注明依据条款和原文。" if zh else
                     "Compliance findings for government information-disclosure annual reports."),
        epilog=("退出码：0 没有错误级发现；3 至少一条错误级发现；1 有输入无法解析；2 用法错误。" if zh else
                "Exit status: 0 no errors, 3 at least one error finding, 1 unreadable input, 2 usage error."),
    )
    add_input_arguments(ap, lang)
    ap.add_argument("--previous", metavar="FILE",
                    help="同一机关上一年度的报告（用于雷同检查）" if zh else
                    "the same organ's report for the year before")
    ap.add_argument("--threshold", type=threshold_arg(lang), default=0.9,
                    help="判为雷同的比例（默认 0.9，也可写 90%%）" if zh else
                    "copied share that is flagged (default 0.9; 90%% also accepted)")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh",
                    help="提示语言：zh 中文（默认）或 en 英文" if zh else "language of messages (default zh)")
    ap.add_argument("--format", "-f", choices=("text", "json"), default=None,
                    help="text（终端上默认）或 json（其他情况默认）" if zh else
                    "text (default on a terminal) or json (default otherwise)")
    args = ap.parse_args(argv)
    out_stream = sys.stdout
    fmt = args.format or ("text" if out_stream is not None and out_stream.isatty() else "json")

    from ..config import Limits, megabytes
    from ..errors import ReportParseError, reason
    from . import check

    limits = Limits(max_bytes=megabytes(args.max_mb))
    status = 0
    errors: dict[str, str] = {}

    def load(file: str, *, role: str = "input") -> Report | None:
        nonlocal status
        try:
            return read_input(file, limits)
        except ReportParseError as err:
            why = reason(err, lang)
            shown = display(file)
            if role == "previous":
                # Not a failure of the inputs: their findings stand, without the copy check.
                print(f"reportparse check: 上一年度报告 {shown} 无法读取（{why}），已跳过雷同检查" if zh else
                      f"reportparse check: previous report {shown} could not be read ({why}); "
                      "the copied-report check was skipped", file=sys.stderr)
                return None
            status = 1
            errors[file] = why
            label = "cannot parse" if not zh else "无法解析"
            print(f"reportparse check: {label} {shown}{'：' if zh else ': '}{why}", file=sys.stderr)
            return None

    previous = load(args.previous, role="previous") if args.previous else None
    reports = [(file, load(file)) for file in args.files]
    by_organ_year = {(_organ_key(r), r.year.value): r for _, r in reports
                     if r is not None and _organ_key(r) and r.year}

    several = len(reports) > 1
    any_error = False
    for i, (file, report) in enumerate(reports):
        shown = display(file)
        if report is None:
            if fmt == "json":
                record = {"file": shown, "ok": False, "error": errors.get(file, "could not be parsed"),
                          "findings": []}
                write_out(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                write_out(("\n" if i else "") + f"{shown}{'：无法解析，' if zh else ': cannot parse: '}"
                          f"{errors.get(file, '')}\n")
            continue
        prev = previous
        if prev is None and report.year and _organ_key(report):
            prev = by_organ_year.get((_organ_key(report), report.year.value - 1))
        findings = check(report, previous=prev, lang=args.lang, threshold=args.threshold)
        any_error = any_error or any(f.severity == "error" for f in findings)
        if fmt == "json":
            record = {
                "file": shown, "ok": True,
                "organ": report.organ.value if report.organ else None,
                "year": report.year.value if report.year else None,
                "previous": (prev.source.file if prev is not None else None),
                "findings": [finding_json(f) for f in findings],
            }
            write_out(json.dumps(record, ensure_ascii=False, indent=None if several else 1) + "\n")
        else:
            write_out(("\n" if i else "") + text_notes(shown, report, findings, args.lang) + "\n")
    if status:
        return status
    return 3 if any_error else 0
