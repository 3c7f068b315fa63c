"""Run the inputs over worker processes; results come back in input order.

Output never depends on ``jobs``: each worker writes only its own files, and
the county tables are built from the results sorted back into input order.
A worker that dies (a crash in a C extension, the OOM killer) breaks the
pool; the files it left unfinished are then run again one at a time, each in
a fresh process, so only a file that kills its worker by itself is lost, and
even that one becomes a row in errors.csv.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from .inputs import Input, output_names
from .journal import Journal, current, read_journal, remove_stale_temporaries
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


# A short report that makes the parser load everything it loads lazily (OpenCC
# tables, the area-code table, the phone rules, compiled patterns).
_WARM_TEXT = """示例镇人民政府2022年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开条例》编制。统计期限自2022年1月1日起至2022年12月31日止。联系电话：0730-7800425。
一、总体情况
全年主动公开政府信息10条。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请2件，予以公开2件。
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
一是公开内容不够全面。
六、其他需要报告的事项
示例镇人民政府
2023年1月10日
"""


def _warm() -> None:
    """Parse a small report once before forking, so the workers share what the parser
    loads lazily (OpenCC's tables, the area codes, compiled patterns) instead of each loading its own."""
    from ..normalize import _converter
    from ..parse import parse_text

    with contextlib.suppress(Exception):  # warming is an optimisation only
        parse_text(_WARM_TEXT)
        _converter("t2s")  # a simplified text does not load OpenCC by itself
    # Objects made so far are shared with the workers; keep the GC from touching
    # (and so copying) their pages in every child.
    gc.freeze()


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a batch; ``records`` holds what finished (input order), ``cached`` how
    many of them came from the journal, so the caller can still write the county files."""

    def __init__(self, records: list[dict], cached: int) -> None:
        super().__init__()
        self.records, self.cached = records, cached


def _problem_record(item: Input, name: str) -> dict:
    from ..cli import display
    from ..output import failed_summary

    shown = display(item.file)
    return {"file": shown, "name": name, "key": None, "ok": False, "error": item.problem, "error_code": "input",
            "summary": failed_summary(shown, item.problem).model_dump(mode="json"),
            "findings": [], "problems": [], "rss_kb": None}


def run_batch(inputs: list[Input], outdir: str, *, jobs: int | None = None, force: bool = False,
              max_bytes: int = 20 * 1024 * 1024, timeout: float | None = 120.0,
              progress: Progress | None = None, memory_mb: int | None = None,
              crashed_reason: str = "worker process died", lang: str = "zh") -> tuple[list[dict], int]:
    """Parse every input into ``outdir``; return ``(records in input order, number taken from cache)``.

    Each file runs under ``timeout`` seconds (wall time) and, in a worker process,
    under ``memory_mb`` MiB of memory beyond what the worker starts with; ``lang`` is
    the language of the audit pages. Ctrl-C raises :class:`BatchInterrupted` carrying
    what finished: every result a worker returned, even one whose problem keywords
    were not made yet (the next run makes them from the journal).
    """
    from ..cli import display

    jobs = jobs or default_jobs()
    names = output_names(inputs)
    salt = fingerprint(max_bytes, lang)
    records: list[dict | None] = [None] * len(inputs)
    todo: list[int] = []
    from_journal = 0
    keys = [content_key(item.file, max_bytes, salt) for item in inputs]
    stored = {} if force else read_journal(outdir)
    for i, (item, name, key) in enumerate(zip(inputs, names, keys)):
        if item.problem:  # not readable at all: a row, no task
            records[i] = _problem_record(item, name)
            if progress:
                progress(records[i], False)
            continue
        cached = stored.get(name)
        if current(cached, outdir, display(item.file), key):
            records[i] = cached  # keywords not made yet (an interrupted run): made below
            from_journal += 1
            if progress:
                progress(cached, True)
        else:
            todo.append(i)
    tasks = {i: (inputs[i].file, names[i], outdir, max_bytes, keys[i], timeout, lang) for i in todo}

    remove_stale_temporaries(outdir)
    journal = Journal(outdir)
    journaled: set[int] = set()

    def done(i: int, record: dict) -> None:
        records[i] = record  # kept even when Ctrl-C comes while its keywords are made (jieba loading)
        add_keywords(record)
        journal.add(record)
        journaled.add(i)
        if progress:
            progress(record, False)

    def returned(i: int, record: dict) -> None:
        """A result a worker returned before Ctrl-C, not yet through :func:`done`."""
        if records[i] is None:
            records[i] = record

    try:
        for record in records:
            if record is not None and "keywords" not in record:
                add_keywords(record)
        if (jobs == 1 or len(todo) <= 1) and not memory_mb:
            for i in todo:
                done(i, process_one(tasks[i]))
        elif todo:
            _warm()
            left = _run_pool(tasks, todo, min(jobs, len(todo)), done, memory_mb, returned)
            for i in left:  # after a crash: each remaining file alone, in its own process
                done(i, _run_isolated(tasks[i], crashed_reason, memory_mb))
    except KeyboardInterrupt:
        # What finished stays in the journal for the next run, keywords made or not.
        for i in todo:
            if records[i] is not None and i not in journaled:
                journal.add(records[i])
        journal.abandon()
        finished = [r for r in records if r is not None]
        raise BatchInterrupted(finished, from_journal) from None
    except BaseException:
        journal.abandon()  # what was finished stays in the journal for the next run
        raise
    finished = [r for r in records if r is not None]
    journal.close(finished)
    return finished, from_journal


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the process that made it dies (kill -9 of the
    batch included); without it, workers of a killed batch would wait for work forever."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _cap_memory(memory_mb: int | None) -> None:
    """Limit this worker's address space to what it has now plus ``memory_mb`` MiB, so one
    file cannot take the machine: past the cap allocations fail (MemoryError, a row)."""
    if not memory_mb:
        return
    try:
        import resource

        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = size + memory_mb * 1024 * 1024
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        pass  # not on Linux: no cap


def _init_worker(parent: int, memory_mb: int | None) -> None:
    # Ctrl-C reaches every process of the terminal's group; only the main process
    # acts on it (it stops the workers), so no worker dies halfway through a file.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _cap_memory(memory_mb)


@contextlib.contextmanager
def _pool(jobs: int, memory_mb: int | None = None):
    """A process pool that, on Ctrl-C or any error, drops the queued files and stops its
    workers at once (``ProcessPoolExecutor``'s own exit would first finish the whole queue)."""
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init_worker,
                               initargs=(os.getpid(), memory_mb))
    try:
        yield pool
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    else:
        pool.shutdown()


def _run_pool(tasks: dict, todo: list[int], jobs: int, done: Callable[[int, dict], None],
              memory_mb: int | None = None, returned: Callable[[int, dict], None] | None = None) -> list[int]:
    """Run ``todo`` on a pool; return the indices left unfinished if the pool broke.

    On Ctrl-C, every result the workers had already returned but :func:`done` had not
    taken yet goes to ``returned`` before the interruption goes on."""
    finished: set[int] = set()
    futures: dict = {}
    try:
        with _pool(jobs, memory_mb) as pool:
            futures = {pool.submit(process_one, tasks[i]): i for i in todo}
            for future in as_completed(futures):
                i = futures[future]
                done(i, future.result())
                finished.add(i)
    except BrokenProcessPool:
        pass
    except KeyboardInterrupt:
        if returned is not None:
            for future, i in futures.items():
                if i not in finished and future.done() and not future.cancelled() and future.exception() is None:
                    returned(i, future.result())
        raise
    return [i for i in todo if i not in finished]


def _run_isolated(task: tuple, crashed_reason: str, memory_mb: int | None = None) -> dict:
    from ..cli import display

    file, name = display(task[0]), task[1]
    try:
        with _pool(1, memory_mb) as pool:
            return pool.submit(process_one, task).result()
    except BrokenProcessPool:
        from ..output import failed_summary

        return {"file": file, "name": name, "key": None, "ok": False, "error": crashed_reason,
                "error_code": "crash",
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
    with _pool(min(jobs, len(items))) as pool:
        for result in pool.map(_parse_one, items, chunksize=chunk):
            yield deliver(result)
