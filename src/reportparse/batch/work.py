"""One input, start to finish, inside a worker process.

The worker parses, writes the full report JSON and the audit page itself
(each atomically), and sends back only what the county outputs need: the
summary row, the findings, the texts of the problems. The main process
turns those into keywords (:func:`add_keywords`): jieba then loads once, in
the main process, instead of once per worker (~1.5 s and ~75 MB each). A file that fails to parse becomes a result with a one-line
reason; nothing a single file does can stop the batch.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import stat
import threading
from pathlib import Path

from .journal import PAGES_DIR, REPORTS_DIR


def fingerprint(max_bytes: int, lang: str = "zh") -> str:
    """What besides the input decides the output: the parser's code, the limits and the
    language of the audit pages."""
    from .. import __version__

    digest = hashlib.sha256((f"{__version__}|{max_bytes}" + ("" if lang == "zh" else f"|{lang}")).encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".txt", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_key(file: str, max_bytes: int, salt: str) -> str | None:
    """The cache key of an input, or None when it cannot be read (always re-run)."""
    try:
        info = os.stat(file)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device: never opened here
            return None
        size = info.st_size
        if size > max_bytes:  # refused on size alone: no need to read it
            return f"size:{size}|{salt}"
        with open(file, "rb") as fh:
            return f"{hashlib.sha256(fh.read()).hexdigest()[:32]}|{salt}"
    except OSError:
        return None


def _one_line(text: str) -> str:
    return " ".join(str(text).split()) or "error"


def record_of(report, summary) -> dict:
    """What the county tables need of a parsed report: summary row, findings, problems."""
    findings = [
        {"code": f.code, "severity": f.severity, "message": f.message,
         "evidence": " … ".join(e.text for e in f.evidence)}
        for f in report.findings
    ]
    return {"ok": True, "error": None, "summary": summary.model_dump(mode="json"), "findings": findings,
            "problems": [item.text for item in report.problems]}


def add_keywords(record: dict) -> dict:
    """Replace the record's problem texts by their keywords (in the main process).

    Interrupted (Ctrl-C while jieba loads), the record keeps its problem texts, so a
    later run can still make its keywords."""
    from .keywords import problem_keywords

    if "keywords" not in record:
        record["keywords"] = problem_keywords(record.get("problems") or [])
    record.pop("problems", None)
    return record


class ParseTimeout(BaseException):  # not an Exception: no parser "except Exception" can swallow it
    pass


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`ParseTimeout` in this thread after ``seconds`` (Unix main thread; else no limit)."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise ParseTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Limits whose outcome depends on the machine (time, memory), not only on the file and the
# options (which the cache key holds): such failures are tried again next run.
_TRANSIENT = re.compile(r"(?i)\btime|took|seconds|\d s\b|memory|超时|秒|内存")


def _failure(record: dict, file: str, reason: str, *, code: str, cache: bool) -> dict:
    from ..output import failed_summary

    record.update(ok=False, error=reason, error_code=code, findings=[], problems=[],
                  summary=failed_summary(record["file"], reason).model_dump(mode="json"))
    if not cache:
        # Not about the file (a limit, an option, the machine's resources): the next
        # run tries it again instead of repeating this failure from the journal.
        record["key"] = None
    return record


def process_one(task: tuple) -> dict:
    """Parse ``file`` and write its outputs; return the record the county tables need.

    ``task`` is ``(file, name, outdir, max_bytes, key, timeout[, lang])``; ``lang`` (default
    ``"zh"``) is the language of the audit page. Never raises for anything one file can do:
    every failure is a record with a one-line (English, library) reason and its error class
    code; the batch's outputs put it into the user's language.
    """
    file, name, outdir, max_bytes, key, timeout = task[:6]
    lang = task[6] if len(task) > 6 else "zh"
    from ..cli import display
    from ..config import Limits
    from ..errors import LimitExceededError, ReportParseError
    from ..parse import parse
    from .atomic import write_text
    from .dashboard import report_page
    from .inputs import NOT_REGULAR, _regular_problem

    record: dict = {"file": display(file), "name": name, "key": key}
    try:
        if _regular_problem(file) == NOT_REGULAR:  # a FIFO would block, a device never end
            return _failure(record, file, NOT_REGULAR, code="input", cache=False)
        with time_limit(timeout):
            report = parse(Path(file), name=file, limits=Limits(max_bytes=max_bytes))
            summary = summarize_record(report, record["file"])
            page = report_page(report, summary, name, lang)
            data = report.model_dump_json(indent=1)
    except ParseTimeout:
        _failure(record, file, f"timed out: parsing took longer than {timeout:g} s", code="limit", cache=False)
    except MemoryError:
        _failure(record, file, "out of memory while parsing (the worker's memory cap)", code="limit",
                 cache=False)
    except LimitExceededError as err:
        message = _one_line(Exception.__str__(err))
        _failure(record, file, message, code=err.code, cache=not _TRANSIENT.search(message))
    except ReportParseError as err:
        message = _one_line(Exception.__str__(err))
        _failure(record, file, message, code=err.code, cache=not _TRANSIENT.search(message))
    except OSError as exc:  # the file vanished or became unreadable between listing and reading
        _failure(record, file, _one_line(f"cannot read file ({exc.strerror or exc})"), code="input", cache=False)
    except Exception as exc:  # a parser bug must not cost the batch; it becomes a row too
        _failure(record, file, _one_line(f"internal error: {type(exc).__name__}: {exc}")[:300],
                 code="error", cache=True)
    else:
        record.update(record_of(report, summary))
        out = Path(outdir)
        try:
            write_text(out / REPORTS_DIR / f"{name}.json", data)
            write_text(out / PAGES_DIR / f"{name}.html", page)
        except OSError as exc:
            _failure(record, file, _one_line(f"cannot write the outputs ({exc.strerror or exc})"),
                     code="output", cache=False)
    record["rss_kb"] = peak_rss_kb()
    global _calls
    _calls += 1
    if _calls % 20 == 1:  # reading smaps costs ~0.3 ms: a sample is enough
        record["private_kb"] = private_kb()
    return record


def summarize_record(report, file: str):
    from ..output import summarize

    return summarize(report, file)


_calls = 0


def private_kb() -> int | None:
    """Memory only this process holds (Private_Clean + Private_Dirty), KiB; None off Linux.

    Workers forked from a warmed main process share the parser's tables with it, and
    ru_maxrss counts those shared pages in every worker: this is what one worker adds.
    """
    try:
        text = Path("/proc/self/smaps_rollup").read_text()
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in text.splitlines()[1:] if ":" in line)
    return sum(int(fields.get(k, "0 kB").split()[0]) for k in ("Private_Clean", "Private_Dirty"))


def peak_rss_kb() -> int | None:
    """This process's peak resident memory (KiB on Linux), None where unknown (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
