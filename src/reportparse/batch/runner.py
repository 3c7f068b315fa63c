"""Run the inputs over worker processes; results come back in input order.

Output never depends on ``jobs``: each worker writes only its own files, and
the county tables are built from the results sorted back into input order.
A worker that dies (a crash in a C extension, the OOM killer) breaks the
pool; the files it left unfinished are then run again one at a time, each in
a fresh process, so only a file that kills its worker by itself is lost, and
even that one becomes a row in errors.csv.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from .inputs import Input, output_names
from .journal import Journal, current, read_journal
from .work import add_keywords, content_key, fingerprint, process_one

Progress = Callable[[dict, bool], None]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context():
    # fork shares the imported parser with the workers (no re-import per worker);
    # elsewhere (Windows, macOS) the platform default is the safe choice.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _warm() -> None:
    """Import the parser and load the OpenCC tables once, before forking."""
    from ..normalize import to_simplified
    from ..parse import parse  # noqa: F401

    to_simplified("政府資訊公開")
    # Objects made so far are shared with the workers; keep the GC from touching
    # (and so copying) their pages in every child.
    gc.freeze()


def run_batch(inputs: list[Input], outdir: str, *, jobs: int | None = None, force: bool = False,
              max_bytes: int = 20 * 1024 * 1024, progress: Progress | None = None,
              crashed_reason: str = "worker process died") -> tuple[list[dict], int]:
    """Parse every input into ``outdir``; return ``(records in input order, number taken from cache)``."""
    jobs = jobs or default_jobs()
    names = output_names(inputs)
    salt = fingerprint(max_bytes)
    records: list[dict | None] = [None] * len(inputs)
    todo: list[int] = []
    keys = [content_key(item.file, max_bytes, salt) for item in inputs]
    stored = {} if force else read_journal(outdir)
    for i, (item, name, key) in enumerate(zip(inputs, names, keys)):
        cached = stored.get(name)
        if current(cached, outdir, item.file, key):
            records[i] = cached
            if progress:
                progress(cached, True)
        else:
            todo.append(i)
    tasks = {i: (inputs[i].file, names[i], outdir, max_bytes, keys[i]) for i in todo}

    journal = Journal(outdir)

    def done(i: int, record: dict) -> None:
        records[i] = record = add_keywords(record)
        journal.add(record)
        if progress:
            progress(record, False)

    if jobs == 1 or len(todo) <= 1:
        for i in todo:
            done(i, process_one(tasks[i]))
    else:
        _warm()
        left = _run_pool(tasks, todo, min(jobs, len(todo)), done)
        for i in left:  # after a crash: each remaining file alone, in its own process
            done(i, _run_isolated(tasks[i], crashed_reason))
    finished = [r for r in records if r is not None]
    journal.close(finished)
    return finished, len(inputs) - len(todo)


def _run_pool(tasks: dict, todo: list[int], jobs: int, done: Callable[[int, dict], None]) -> list[int]:
    """Run ``todo`` on a pool; return the indices left unfinished if the pool broke."""
    finished: set[int] = set()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
            futures = {pool.submit(process_one, tasks[i]): i for i in todo}
            for future in as_completed(futures):
                i = futures[future]
                done(i, future.result())
                finished.add(i)
    except BrokenProcessPool:
        pass
    return [i for i in todo if i not in finished]


def _run_isolated(task: tuple, crashed_reason: str) -> dict:
    file, name, _outdir, _max_bytes, key = task
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as pool:
            return pool.submit(process_one, task).result()
    except BrokenProcessPool:
        from ..output import failed_summary

        return {"file": file, "name": name, "key": None, "ok": False, "error": crashed_reason,
                "summary": failed_summary(file, crashed_reason).model_dump(mode="json"),
                "findings": [], "problems": [], "rss_kb": None}


# ---------------------------------------------------------------- library


def _parse_one(args: tuple) -> object:
    path, limits = args
    from ..errors import ReportParseError
    from ..parse import parse

    try:
        return parse(path, limits=limits)
    except ReportParseError as err:
        # Exceptions with keyword-only constructor arguments do not pickle whole.
        return (type(err), Exception.__str__(err), err.source)


def parse_many(paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = None, limits=None,
               errors: str = "raise") -> Iterator:
    """Parse many reports on ``jobs`` processes, yielding each :class:`Report` in input order.

    ``errors="raise"`` (default) raises the first :class:`ReportParseError`
    when its turn comes; ``errors="return"`` yields the error object in the
    report's place, so results stay aligned with ``paths``.
    """
    from ..config import DEFAULT_LIMITS

    if errors not in ("raise", "return"):
        raise ValueError("errors must be 'raise' or 'return'")
    items = [(os.fspath(p), limits or DEFAULT_LIMITS) for p in paths]
    jobs = jobs or default_jobs()

    def deliver(result):
        if isinstance(result, tuple):
            cls, message, source = result
            err = cls(message, source=source)
            if errors == "raise":
                raise err
            return err
        return result

    if jobs == 1 or len(items) <= 1:
        for item in items:
            yield deliver(_parse_one(item))
        return
    _warm()
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=_context()) as pool:
        for result in pool.map(_parse_one, items, chunksize=chunk):
            yield deliver(result)
