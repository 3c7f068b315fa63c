"""``reportparse batch DIR|FILE... --out OUTDIR``: the county's one command.

Messages are Chinese by default (``--lang en`` for English). Exit status:
0 every input parsed, 1 some input failed (see errors.csv), 2 usage error.
"""

from __future__ import annotations

import argparse
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

    def __init__(self, total: int, msg: dict[str, str], enabled: bool) -> None:
        self.msg, self.total, self.count, self.enabled = msg, total, 0, enabled
        self.bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=msg["progress"], unit="份", file=sys.stderr,
                            dynamic_ncols=True, mininterval=0.2)

    def __call__(self, record: dict, cached: bool) -> None:
        self.count += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(1)
            if not record.get("ok"):
                self.bar.write(f"{self.msg['failed']}: {record['file']}: {record['error']}", file=sys.stderr)
            return
        state = self.msg["cached"] if cached else self.msg["ok"] if record.get("ok") else self.msg["failed"]
        tail = f": {record['error']}" if not record.get("ok") else ""
        print(f"[{self.count}/{self.total}] {state} {record['file']}{tail}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def batch_main(argv: list[str]) -> int:
    lang = _lang(argv)
    msg = messages(lang)
    ap = argparse.ArgumentParser(prog="reportparse batch", description=msg["description"], add_help=False)
    ap._positionals.title, ap._optionals.title = msg["positionals"], msg["optionals"]
    ap.add_argument("-h", "--help", action="help", help=msg["help_help"])
    ap.add_argument("inputs", nargs="+", metavar="DIR|FILE", help=msg["help_inputs"])
    ap.add_argument("--out", "-o", required=True, metavar="OUTDIR", help=msg["help_out"])
    ap.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help=msg["help_jobs"])
    ap.add_argument("--force", action="store_true", help=msg["help_force"])
    ap.add_argument("--max-mb", type=float, default=20, help=msg["help_max_mb"])
    ap.add_argument("--timeout", type=float, default=120, metavar="SECONDS", help=msg["help_timeout"])
    ap.add_argument("--lang", choices=("zh", "en"), default="zh", help=msg["help_lang"])
    ap.add_argument("--quiet", "-q", action="store_true", help=msg["help_quiet"])
    args = ap.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        ap.error("--jobs must be at least 1")

    from ..config import megabytes
    from .inputs import discover
    from .runner import default_jobs, run_batch
    from .write import write_outputs, write_run_stats

    started = time.perf_counter()
    skipped: list[str] = []
    inputs = discover(args.inputs, exclude=[args.out], skipped=skipped)
    if not inputs:
        print(f"reportparse batch: {msg['no_inputs'].format(args=' '.join(args.inputs))}", file=sys.stderr)
        return 2
    jobs = args.jobs or default_jobs()
    progress = _Progress(len(inputs), msg, enabled=not args.quiet)
    try:
        records, cached = run_batch(inputs, args.out, jobs=jobs, force=args.force,
                                    max_bytes=megabytes(args.max_mb), timeout=args.timeout or None,
                                    progress=progress, crashed_reason=msg["crashed"])
    except KeyboardInterrupt:
        progress.close()
        print(msg["interrupted"].format(done=progress.count, total=len(inputs)), file=sys.stderr)
        return 130
    progress.close()
    write_outputs(records, args.out, skipped=skipped)
    failed = sum(1 for r in records if not r.get("ok"))
    write_run_stats(args.out, records, cached=cached, jobs=jobs, seconds=time.perf_counter() - started)
    if not args.quiet:
        print(msg["done"].format(total=len(records), ok=len(records) - failed, failed=failed,
                                 seconds=time.perf_counter() - started), file=sys.stderr)
        if skipped:
            kinds = Counter(Path(f).suffix.lower() or Path(f).name for f in skipped)
            listing = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
            print(msg["skipped"].format(count=len(skipped), kinds=listing), file=sys.stderr)
        print(msg["outputs"].format(out=Path(args.out)), file=sys.stderr)
    return 1 if failed else 0
