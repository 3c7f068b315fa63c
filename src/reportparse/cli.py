"""Command line: ``reportparse FILE...``, ``check``, ``batch``, ``schema``.

Thin shell over the library. Every input gets a result or a one-line error
on stderr; a failure never hides the other inputs' results.
Exit status: 0 all parsed, 1 some input failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys

FORMATS = ("json", "summary", "csv", "text")
SUBCOMMANDS = ("check", "batch", "schema")


def _limits(args):
    from .config import Limits, megabytes

    return Limits(max_bytes=megabytes(args.max_mb))


def _read_stdin(limits) -> bytes:
    from .load import read_stream  # stops at the size limit (`reportparse - < /dev/zero`)

    return read_stream(sys.stdin.buffer, limits)


def parse_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="reportparse",
        description="Parse government information-disclosure annual reports (政府信息公开工作年度报告).",
        epilog="Other commands: reportparse check FILE..., reportparse batch DIR --out OUT, reportparse schema",
    )
    ap.add_argument("files", nargs="+", metavar="FILE", help=".txt .md .html .docx .pdf, or - for stdin")
    ap.add_argument("--format", "-f", choices=FORMATS, default="json")
    ap.add_argument("--max-mb", type=float, default=20, help="refuse inputs larger than this (default 20)")
    ap.add_argument("--indent", type=int, default=None, help="indent the JSON output")
    args = ap.parse_args(argv)

    from .errors import ReportParseError
    from .output import failed_summary, summaries_csv, summarize, summary_json, text_view
    from .parse import parse

    limits = _limits(args)
    status = 0
    summaries = []
    several = len(args.files) > 1
    out = sys.stdout
    for i, file in enumerate(args.files):
        try:
            if file == "-":
                report = parse(_read_stdin(limits), name="-", limits=limits)
            else:
                report = parse(file, limits=limits)
        except ReportParseError as err:
            status = 1
            msg = str(err)
            print(f"reportparse: {msg}", file=sys.stderr)
            detail = msg[len(file) + 2:] if msg.startswith(f"{file}: ") else msg
            summaries.append(failed_summary(file, detail))
            if args.format == "summary":
                out.write(summary_json(summaries[-1]) + "\n")
            continue
        summary = summarize(report, file)
        summaries.append(summary)
        if args.format == "json":
            indent = args.indent if args.indent is not None else (None if several else 1)
            out.write(report.model_dump_json(indent=indent) + "\n")
        elif args.format == "summary":
            out.write(summary_json(summary) + "\n")
        elif args.format == "text":
            if i:
                out.write("\n")
            out.write(text_view(report, file) + "\n")
    if args.format == "csv":
        out.write(summaries_csv(summaries))
    return status


def schema_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="reportparse schema", description="Write the JSON Schemas.")
    ap.add_argument("--out", default="schemas", help="directory (default: schemas)")
    args = ap.parse_args(argv)
    from .schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "schema":
            return schema_main(argv[1:])
        if argv and argv[0] == "check":
            from .check.cli import check_main

            return check_main(argv[1:])
        if argv and argv[0] == "batch":
            from .batch import batch_main

            return batch_main(argv[1:])
        return parse_main(argv)
    except SystemExit as exc:  # argparse usage errors
        return int(exc.code) if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
