"""The per-document time limit (``Limits.max_seconds``), visible to every stage.

The clock counts the processor time of the parsing thread (``time.thread_time``),
not the wall clock: a report that takes 3 s of work takes 3 s whether the machine
is idle or shared with a dozen other jobs, and a limit on wall time failed good
files on a busy machine. Waiting is never what a hostile file costs (only regular
files are read; the batch adds a wall-time cap per file).

:func:`time_limit` starts a document's clock in a context variable (one per
thread, so documents parsed side by side in threads keep their own clocks);
:func:`check_time` raises :class:`LimitExceededError` once the time is up.
Long loading steps (decompressing, XML and HTML parsing, rendering) call it
between pieces of work, not only between pipeline stages: library code running
in threads cannot use signals to interrupt itself.
"""

from __future__ import annotations

import contextlib
import contextvars
import time

from .errors import LimitExceededError

_DEADLINE: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar(
    "reportparse_deadline", default=None)


@contextlib.contextmanager
def time_limit(seconds: float):
    """Run the block under a clock of ``seconds``; an enclosing clock, if any, stays in force."""
    if _DEADLINE.get() is not None:
        yield
        return
    token = _DEADLINE.set((time.thread_time(), seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_time(stage: str) -> None:
    """Raise when the current document has used up its time (a no-op outside :func:`time_limit`)."""
    clock = _DEADLINE.get()
    if clock is None:
        return
    started, seconds = clock
    elapsed = time.thread_time() - started
    if elapsed > seconds:
        raise LimitExceededError(f"解析超时 (parsing took over {seconds:g} s of processor time; "
                                 f"{elapsed:.1f} s by the end of {stage})")


def extend_time(seconds: float) -> None:
    """Give the current document ``seconds`` more (OCR of page images, which has its own budget)."""
    clock = _DEADLINE.get()
    if clock is not None:
        _DEADLINE.set((clock[0] + seconds, clock[1]))
