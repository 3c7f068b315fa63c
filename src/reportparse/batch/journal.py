"""The batch's memory between runs: one journal of results, ``OUTDIR/.cache/records.jsonl``.

The main process appends each result as it arrives, one JSON line, flushed,
so an interrupted batch keeps everything finished before the interruption (a
torn last line is ignored when read back). A result counts as current when
it was made from the same bytes (content hash) by the same parser code with
the same limits, and its report and page files are still there. At the end
of a run the journal is rewritten, atomically, with this run's results only.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from .atomic import write_text

CACHE_DIR = ".cache"
JOURNAL = "records.jsonl"
REPORTS_DIR = "reports"
PAGES_DIR = "pages"
RUN_ONLY = ("rss_kb", "private_kb")  # measurements of this run, not results


def _path(outdir: str) -> Path:
    return Path(outdir) / CACHE_DIR / JOURNAL


def read_journal(outdir: str) -> dict[str, dict]:
    """The last stored result per output name."""
    records: dict[str, dict] = {}
    try:
        with _path(outdir).open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # a line cut short by an interruption
                if isinstance(record, dict) and "name" in record:
                    records[record["name"]] = record
    except OSError:
        pass
    return records


def current(record: dict | None, outdir: str, file: str, key: str | None) -> bool:
    if record is None or key is None or record.get("key") != key or record.get("file") != file:
        return False
    if not record.get("ok"):
        return True
    out = Path(outdir)
    name = record["name"]
    return (out / REPORTS_DIR / f"{name}.json").is_file() and (out / PAGES_DIR / f"{name}.html").is_file()


def _line(record: dict) -> str:
    return json.dumps({k: v for k, v in record.items() if k not in RUN_ONLY}, ensure_ascii=False) + "\n"


class Journal:
    """Appends results as they come in; :meth:`close` compacts to this run's results."""

    def __init__(self, outdir: str) -> None:
        self.outdir = outdir
        path = _path(outdir)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = path.open("a", encoding="utf-8")

    def add(self, record: dict) -> None:
        if record.get("key") is None or self._fh is None:
            return  # unreadable input: always tried again
        try:
            self._fh.write(_line(record))
            self._fh.flush()
        except OSError:
            # Disk full: the results stay in memory for this run's files; the journal
            # only saves work for the next run, so it stops here rather than the batch.
            self._abandon_quietly()

    def _abandon_quietly(self) -> None:
        with contextlib.suppress(OSError):
            self._fh.close()
        self._fh = None

    def abandon(self) -> None:
        if self._fh is not None:
            self._abandon_quietly()

    def close(self, records: list[dict]) -> None:
        self.abandon()
        write_text(_path(self.outdir), "".join(_line(r) for r in records if r.get("key") is not None))


def remove_stale_temporaries(outdir: str) -> None:
    """Delete the temporary files of an earlier run that was killed mid-write
    (``.<name>.<random>.tmp``, see :mod:`.atomic`); whole files are never touched."""
    out = Path(outdir)
    for folder in (out, out / REPORTS_DIR, out / PAGES_DIR, out / CACHE_DIR):
        if folder.is_dir():
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)
