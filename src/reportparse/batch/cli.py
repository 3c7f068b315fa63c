"""``reportparse batch DIR|FILE... --out OUTDIR``: the county's one command.

Messages are Chinese by default (``--lang en`` for English). Exit status:
0 every input parsed, 1 some input failed (see errors.csv) or the county files
could not be written, 2 usage error (nothing is created), 130 interrupted
(Ctrl-C: the county files are written for what finished; a rerun goes on).
One batch at a time writes an output folder (a lock); the folder is marked
so that no later batch reads it as input.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

from .messages import messages


def _lang(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "zh"


class _Progress:
    """A tqdm bar on a terminal; plain lines (one per file) when stderr is piped."""

    def __init__(self, total: int, msg: dict[str, str], enabled: bool, lang: str = "zh") -> None:
        self.msg, self.total, self.count, self.enabled, self.lang = msg, total, 0, enabled, lang
        self.bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=msg["progress"], unit=msg["unit"], file=sys.stderr,
                            dynamic_ncols=True, mininterval=0.2)

    def __call__(self, record: dict, cached: bool) -> None:
        self.count += 1
        if not self.enabled:
            return
        record = _localized(record, self.lang)
        if self.bar is not None:
            self.bar.update(1)
            if not record.get("ok"):
                sep = self.msg["sep"]
                self.bar.write(f"{self.msg['failed']}{sep}{record['file']}{sep}{record['error']}", file=sys.stderr)
            return
        state = self.msg["cached"] if cached else self.msg["ok"] if record.get("ok") else self.msg["failed"]
        tail = f"{self.msg['sep']}{record['error']}" if not record.get("ok") else ""
        print(f"[{self.count}/{self.total}] {state} {record['file']}{tail}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _localized(record: dict, lang: str) -> dict:
    """The record with its failure reason in the user's language (the journal keeps the library's)."""
    if record.get("ok") or not record.get("error"):
        return record
    from ..errors import reason

    why = reason(record["error"], lang, code=record.get("error_code"))
    return {**record, "error": why, "summary": {**record["summary"], "error": why}}


def _lock(out: str):
    """Hold an exclusive lock on OUTDIR/.cache/batch.lock for this process's life; None when
    another batch holds it. (No locking where fcntl is missing.)"""
    from .journal import CACHE_DIR

    folder = Path(out) / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / "batch.lock", "a+")  # noqa: SIM115 - held until the process ends
    try:
        import fcntl
    except ImportError:
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def batch_main(argv: list[str]) -> int:
    from ..cli import ArgParser, UsageError, display, megabytes_arg, os_reason, prepare_out_dir, seconds_arg

    lang = _lang(argv)
    msg = messages(lang)
    ap = ArgParser(prog="reportparse batch", description=msg["description"], epilog=msg["epilog"],
                   add_help=False, lang=lang)
    ap._positionals.title, ap._optionals.title = msg["positionals"], msg["optionals"]
    ap.add_argument("-h", "--help", action="help", help=msg["help_help"])
    ap.add_argument("inputs", nargs="+", metavar="DIR|FILE", help=msg["help_inputs"])
    ap.add_argument("--out", "-o", required=True, metavar="OUTDIR", help=msg["help_out"])
    ap.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help=msg["help_jobs"])
    ap.add_argument("--force", action="store_true", help=msg["help_force"])
    ap.add_argument("--max-mb", type=megabytes_arg(lang), default=20, metavar="MB", help=msg["help_max_mb"])
    ap.add_argument("--timeout", type=seconds_arg(lang), default=120, metavar="SECONDS", help=msg["help_timeout"])
    ap.add_argument("--memory-mb", type=int, default=1024, metavar="MB", help=msg["help_memory"])
    ap.add_argument("--lang", choices=("zh", "en"), default="zh", help=msg["help_lang"])
    ap.add_argument("--quiet", "-q", action="store_true", help=msg["help_quiet"])
    args = ap.parse_args(argv)
    if args.jobs is not None and not 1 <= args.jobs <= 256:
        raise UsageError(msg["jobs_range"])
    if args.memory_mb and not 64 <= args.memory_mb <= 1 << 20:
        raise UsageError(msg["memory_range"])
    # Everything the user named must exist before anything is created.
    for arg in args.inputs:
        if not os.path.lexists(arg):
            raise UsageError(msg["missing_input"].format(path=display(arg)))
        if os.path.isfile(arg) and os.path.exists(args.out) and os.path.samefile(arg, args.out):
            raise UsageError(msg["out_is_input"].format(out=display(args.out)))

    from ..config import megabytes
    from .inputs import MARKER, discover
    from .runner import BatchInterrupted, default_jobs, run_batch
    from .write import write_outputs, write_run_stats

    started = time.perf_counter()
    skipped: list[str] = []
    inputs = discover(args.inputs, exclude=[args.out], skipped=skipped)
    if not inputs:
        raise UsageError(msg["no_inputs"].format(args=" ".join(display(a) for a in args.inputs)))
    prepare_out_dir(args.out, lang)
    lock = _lock(args.out)
    if lock is None:
        raise UsageError(msg["locked"].format(out=display(args.out)))
    try:
        (Path(args.out) / MARKER).write_text("reportparse batch output: not read as input\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(msg["write_failed"].format(out=display(args.out), why=os_reason(exc, lang))) from None
    jobs = args.jobs or default_jobs()
    progress = _Progress(len(inputs), msg, enabled=not args.quiet, lang=lang)
    interrupted = False
    try:
        records, cached = run_batch(inputs, args.out, jobs=jobs, force=args.force,
                                    max_bytes=megabytes(args.max_mb), timeout=args.timeout or None,
                                    progress=progress, memory_mb=args.memory_mb or None,
                                    crashed_reason=msg["crashed"], lang=lang)
    except BatchInterrupted as stop:
        records, cached, interrupted = stop.records, stop.cached, True
    except OSError as exc:  # the output folder failed under us (disk full, removed, read-only)
        progress.close()
        print(f"reportparse batch: {msg['write_failed'].format(out=display(args.out), why=os_reason(exc, lang))}",
              file=sys.stderr)
        return 1
    progress.close()
    shown = [_localized(r, lang) for r in records]
    try:
        write_outputs(shown, args.out, skipped=[display(f) for f in skipped], prune=not interrupted, lang=lang)
        write_run_stats(args.out, records, cached=cached, jobs=jobs, seconds=time.perf_counter() - started)
    except KeyboardInterrupt:
        interrupted = True
    except OSError as exc:
        print(f"reportparse batch: {msg['write_failed'].format(out=display(args.out), why=os_reason(exc, lang))}",
              file=sys.stderr)
        return 130 if interrupted else 1
    if interrupted:
        print(msg["interrupted_written"].format(done=len(records), total=len(inputs)), file=sys.stderr)
        return 130
    failed = sum(1 for r in records if not r.get("ok"))
    if not args.quiet:
        print(msg["done"].format(total=len(records), ok=len(records) - failed, failed=failed,
                                 seconds=time.perf_counter() - started), file=sys.stderr)
        if skipped:
            kinds = Counter(Path(f).suffix.lower() or msg["no_suffix"] for f in skipped)
            listing = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
            print(msg["skipped"].format(count=len(skipped), kinds=listing), file=sys.stderr)
        print(msg["outputs"].format(out=display(args.out)), file=sys.stderr)
    return 1 if failed else 0
