"""Command line: ``reportparse FILE...``, ``check``, ``batch``, ``schema``.

Thin shell over the library. Every input gets a result or a one-line error
on stderr; a failure never hides the other inputs' results. Messages are
Chinese by default (``--lang en`` for English); a mistake on the command
line is one line and exit status 2, never a traceback; an output that
cannot be written (stdout closed, disk full) is one line and exit status 1.
Exit status: 0 all parsed, 1 some input failed, 2 usage error, 130 Ctrl-C.
"""

from __future__ import annotations

import argparse
import errno
import math
import os
import sys
from pathlib import Path

FORMATS = ("json", "summary", "csv", "text")
SUBCOMMANDS = ("check", "batch", "schema")
MAX_MB = 4096  # above this the memory cap, not the size limit, would decide

EPILOG_ZH = """\
其他命令：
  reportparse check FILE...           合规检查（问题发现）
  reportparse batch DIR --out OUT     批量汇总一个文件夹（汇总表、看板、问题清单）
  reportparse schema [--out DIR]      写出 JSON Schema

退出码：0 全部解析成功；1 至少一个输入无法解析（或结果无法写出）；2 用法错误；130 被 Ctrl-C 中断。
--lang en 把所有提示换成英文。"""

EPILOG_EN = """\
other commands:
  reportparse check FILE...           compliance findings
  reportparse batch DIR --out OUT     a county's folder: spreadsheet, dashboard, findings
  reportparse schema [--out DIR]      write the JSON Schemas

exit status: 0 every input parsed; 1 at least one input failed (or the output could not be
written); 2 usage error; 130 interrupted (Ctrl-C). --lang zh|en chooses the language of messages."""


# ---------------------------------------------------------------- shared by every command


def lang_of(argv: list[str]) -> str:
    """The ``--lang`` of a command line, read before parsing (so usage errors speak it too)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "zh"
    return "zh"


class UsageError(Exception):
    """A mistake on the command line: one line on stderr, exit status 2."""


class OutputError(Exception):
    """An output that cannot be written (stdout closed, disk full, read-only): exit status 1."""


_ARGPARSE_ZH = [
    ("the following arguments are required: ", "缺少参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "取值无效："),
    ("(choose from ", "（可选："),
    ("expected one argument", "需要一个值"),
    ("invalid float value: ", "不是数字："),
    ("invalid int value: ", "不是整数："),
    ("not allowed with argument ", "不能与此参数同用："),
    ("argument ", "参数 "),
]
_ARGPARSE_ZH_TAIL = [(": 须", " 须"), (": 取值", " 取值"), (": 需要", " 需要"), (": 不是", " 不是")]


class ArgParser(argparse.ArgumentParser):
    """argparse whose errors are one line in the command's language (exit status 2)."""

    def __init__(self, *args, lang: str = "zh", **kwargs) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        self.lang = lang
        if lang == "zh":
            self._positionals.title, self._optionals.title = "参数", "选项"
            for action in self._actions:
                if isinstance(action, argparse._HelpAction):
                    action.help = "显示本帮助并退出"

    def add_argument(self, *args, **kwargs):  # noqa: D102
        if kwargs.get("action") == "version" and self.lang == "zh":
            kwargs.setdefault("help", "显示版本号并退出")
        return super().add_argument(*args, **kwargs)

    def error(self, message: str):  # noqa: D102 - argparse's hook
        if self.lang == "zh":
            for english, chinese in _ARGPARSE_ZH:
                message = message.replace(english, chinese)
            for english, chinese in _ARGPARSE_ZH_TAIL:
                message = message.replace(english, chinese)
            message = message.replace("')", "'）") if "（可选：" in message else message
        raise UsageError(message)


def usage_line(prog: str, message: str, lang: str) -> str:
    head = "用法错误" if lang == "zh" else "usage error"
    tail = f"（{prog} --help 查看用法）" if lang == "zh" else f" (see {prog} --help)"
    return f"{prog}: {head}：{message}{tail}" if lang == "zh" else f"{prog}: {head}: {message}{tail}"


def megabytes_arg(lang: str):
    """An argparse type for ``--max-mb``: a finite number above 0 and at most :data:`MAX_MB`."""

    def convert(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not (math.isfinite(number) and 0 < number <= MAX_MB):
            raise argparse.ArgumentTypeError(
                f"须是大于 0、不超过 {MAX_MB} 的数（收到 {value!r}）" if lang == "zh" else
                f"must be a number above 0 and at most {MAX_MB} (got {value!r})")
        return number

    return convert


def seconds_arg(lang: str, *, allow_zero: bool = True, maximum: float = 86400):
    """An argparse type for a time limit: a finite number of seconds, 0 meaning none (if allowed)."""

    def convert(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        low_ok = number >= 0 if allow_zero else number > 0
        if not (math.isfinite(number) and low_ok and number <= maximum):
            raise argparse.ArgumentTypeError(
                f"须是 0 到 {maximum:g} 之间的秒数（0 表示不限，收到 {value!r}）" if lang == "zh" else
                f"must be a number of seconds from 0 to {maximum:g} (0: no limit; got {value!r})")
        return number

    return convert


def display(name: str | os.PathLike[str]) -> str:
    """A file name as one printable line: undecodable bytes become U+FFFD, control
    characters (a newline in a name) their escapes."""
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if any(ch < " " or ch == "\x7f" for ch in text):
        text = "".join(repr(ch)[1:-1] if (ch < " " or ch == "\x7f") else ch for ch in text)
    return text


def os_reason(exc: OSError, lang: str = "zh") -> str:
    """One line for a failed write or folder operation."""
    zh = {
        errno.ENOSPC: "磁盘已满", errno.EROFS: "只读文件系统", errno.EACCES: "没有写入权限",
        errno.EPERM: "没有权限", errno.EPIPE: "输出管道已关闭", errno.EBADF: "标准输出已关闭",
        errno.ENOTDIR: "路径中有一部分是文件而不是文件夹", errno.EEXIST: "已有同名文件",
        errno.ENOENT: "路径不存在", errno.EDQUOT: "超出磁盘配额", errno.EISDIR: "这是一个文件夹",
        errno.ENAMETOOLONG: "文件名太长",
    }
    if lang == "zh" and exc.errno in zh:
        return zh[exc.errno]
    return exc.strerror or str(exc) or type(exc).__name__


def stdout():
    """``sys.stdout``, or :class:`OutputError` when the program was started with it closed."""
    if sys.stdout is None:
        raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))
    return sys.stdout


def write_out(text: str) -> None:
    try:
        stdout().write(text)
    except OSError as exc:
        raise OutputError(exc) from None


def _finish_stdout() -> None:
    """Flush stdout now, inside the error handling, not at interpreter exit."""
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except OSError as exc:
            raise OutputError(exc) from None


def _silence_stdout() -> None:
    # After a failed write the interpreter would flush again at exit and print its own
    # error; point fd 1 at /dev/null so nothing more is said.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    if sys.stdout is not None:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the broken stream
        except OSError:
            sys.stdout = None


def _bom_wanted(no_bom: bool) -> bool:
    """The CSV BOM only at the start of a fresh output: not with ``--no-bom``, not when
    stdout is appended to (``>>``) or already holds data."""
    if no_bom:
        return False
    try:
        import fcntl

        if fcntl.fcntl(1, fcntl.F_GETFL) & os.O_APPEND:
            return False
    except (ImportError, OSError, ValueError):
        pass
    try:
        return os.lseek(1, 0, os.SEEK_CUR) == 0
    except OSError:
        return True  # a pipe or terminal: a fresh stream


# ---------------------------------------------------------------- reportparse FILE...


def _read_stdin(limits) -> bytes:
    """Standard input up to the size limit (``reportparse - < /dev/zero`` stops there)."""
    from .load import read_stream

    if sys.stdin is None:
        return b""
    return read_stream(sys.stdin.buffer, limits)


def add_input_arguments(ap: argparse.ArgumentParser, lang: str) -> None:
    """The inputs every reading command takes: ``FILE...`` (``-`` for stdin) and ``--max-mb``."""
    zh = lang == "zh"
    ap.add_argument("files", nargs="+", metavar="FILE",
                    help=".txt .md .html .mht .docx .pdf，或用 - 表示标准输入" if zh else
                    ".txt .md .html .mht .docx .pdf, or - for stdin")
    ap.add_argument("--max-mb", type=megabytes_arg(lang), default=20, metavar="MB",
                    help="超过此大小（MB）的文件不解析（默认 20）" if zh else
                    "refuse inputs larger than this (default 20)")


def read_input(file: str, limits):
    """The report of one command-line input (``-``: standard input, read up to the size
    limit); raises :class:`~reportparse.ReportParseError` when it cannot be parsed."""
    from .parse import parse

    if file == "-":
        return parse(_read_stdin(limits), name="-", limits=limits)
    return parse(Path(file), name=file, limits=limits)


def parse_main(argv: list[str]) -> int:
    lang = lang_of(argv)
    zh = lang == "zh"
    ap = ArgParser(
        prog="reportparse", lang=lang,
        description=("解析政府信息公开工作年度报告，输出结构化、可核对的数字和内容。" if zh else
                     "Parse government information-disclosure annual reports (政府信息公开工作年度报告)."),
        epilog=EPILOG_ZH if zh else EPILOG_EN,
    )
    from . import __version__

    add_input_arguments(ap, lang)
    ap.add_argument("--format", "-f", choices=FORMATS, default="json",
                    help="json（默认，完整结果）、summary、csv 或 text（给人看）" if zh else
                    "json (default, the full report), summary, csv or text (for a person)")
    ap.add_argument("--indent", type=int, default=None, help="JSON 缩进" if zh else "indent the JSON output")
    ap.add_argument("--no-bom", action="store_true",
                    help="--format csv 不写 BOM（追加到已有文件时自动不写）" if zh else
                    "no BOM in --format csv (never written when appending to a file)")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh",
                    help="提示和文字视图的语言：zh 中文（默认）或 en 英文" if zh else
                    "language of messages and the text view: zh (default) or en")
    ap.add_argument("--version", action="version", version=f"reportparse {__version__}")
    args = ap.parse_args(argv)
    if args.indent is not None and not 0 <= args.indent <= 16:
        raise UsageError("--indent 须在 0 到 16 之间" if zh else "--indent must be from 0 to 16")
    if args.files.count("-") > 1:
        raise UsageError("标准输入（-）只能给一次" if zh else "standard input (-) can be given only once")

    from .config import Limits, megabytes
    from .errors import ReportParseError, reason
    from .output import failed_summary, summaries_csv, summarize, summary_json, text_view

    limits = Limits(max_bytes=megabytes(args.max_mb))
    status = 0
    summaries = []
    several = len(args.files) > 1
    for i, file in enumerate(args.files):
        shown = display(file)
        try:
            report = read_input(file, limits)
        except ReportParseError as err:
            status = 1
            why = reason(err, lang)
            print(f"reportparse: {shown}{'：' if zh else ': '}{why}", file=sys.stderr, flush=True)
            summaries.append(failed_summary(shown, why))
            if args.format in ("summary", "json"):
                write_out(summary_json(summaries[-1]) + "\n")
            elif args.format == "text":
                write_out(("\n" if i else "") + f"{shown}\n  {'无法解析：' if zh else 'failed: '}{why}\n")
            continue
        summary = summarize(report, shown)
        summaries.append(summary)
        if args.format == "json":
            indent = args.indent if args.indent is not None else (None if several else 1)
            write_out(report.model_dump_json(indent=indent) + "\n")
        elif args.format == "summary":
            write_out(summary_json(summary) + "\n")
        elif args.format == "text":
            write_out(("\n" if i else "") + text_view(report, shown, lang=lang) + "\n")
    if args.format == "csv":
        write_out(summaries_csv(summaries, bom=_bom_wanted(args.no_bom)))
    return status


# ---------------------------------------------------------------- reportparse schema


def schema_main(argv: list[str]) -> int:
    lang = lang_of(argv)
    zh = lang == "zh"
    ap = ArgParser(prog="reportparse schema", lang=lang,
                   description="写出 JSON Schema（report、summary）。" if zh else "Write the JSON Schemas.")
    ap.add_argument("--out", default="schemas", metavar="DIR",
                    help="输出文件夹（默认 schemas）" if zh else "directory (default: schemas)")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh", help="提示语言" if zh else "message language")
    args = ap.parse_args(argv)
    from .schema import write_schemas

    prepare_out_dir(args.out, lang, option="--out")
    try:
        paths = write_schemas(args.out)
    except OSError as exc:
        raise UsageError(f"无法写入 {display(args.out)}（{os_reason(exc, lang)}）" if zh else
                         f"cannot write to {display(args.out)} ({os_reason(exc, lang)})") from None
    for path in paths:
        write_out(f"{display(path)}\n")
    return 0


def prepare_out_dir(out: str, lang: str, *, option: str = "--out") -> None:
    """Check that ``out`` is (or can be made) a writable folder, creating it; a
    :class:`UsageError` otherwise. Nothing is left behind when it fails."""
    zh = lang == "zh"
    shown = display(out)
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"{option} {shown} 是一个文件，不是文件夹" if zh else f"{option} {shown} is a file, not a folder")
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"无法创建输出文件夹 {shown}（{os_reason(exc, lang)}）" if zh else
                         f"cannot create the output folder {shown} ({os_reason(exc, lang)})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"输出文件夹 {shown} 不可写（没有写入权限或只读）" if zh else
                         f"the output folder {shown} is not writable")
    # os.access trusts the mode bits; a read-only mount says so only when written to.
    import tempfile

    try:
        fd, probe = tempfile.mkstemp(prefix=".reportparse-probe.", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"输出文件夹 {shown} 不可写（{os_reason(exc, lang)}）" if zh else
                         f"the output folder {shown} is not writable ({os_reason(exc, lang)})") from None


# ---------------------------------------------------------------- dispatch


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = lang_of(argv)
    prog = "reportparse"
    try:
        if argv and argv[0] == "schema":
            prog = "reportparse schema"
            status = schema_main(argv[1:])
        elif argv and argv[0] == "check":
            prog = "reportparse check"
            from .check.cli import check_main

            status = check_main(argv[1:])
        elif argv and argv[0] == "batch":
            prog = "reportparse batch"
            from .batch import batch_main

            status = batch_main(argv[1:])
        else:
            status = parse_main(argv)
        _finish_stdout()
        return status
    except UsageError as exc:
        print(usage_line(prog, str(exc), lang), file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help, --version (after their output)
        code = int(exc.code) if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        try:
            _finish_stdout()
        except OutputError:
            _silence_stdout()
            return 1
        return code
    except KeyboardInterrupt:
        print(f"{prog}: " + ("已中断" if lang == "zh" else "interrupted"), file=sys.stderr)
        return 130
    except (OutputError, BrokenPipeError) as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else exc
        why = os_reason(cause, lang) if isinstance(cause, OSError) else str(cause)
        _silence_stdout()
        print(f"{prog}: " + (f"无法写出结果（{why}），输出不完整" if lang == "zh" else
                             f"cannot write the output ({why}); it is incomplete"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
