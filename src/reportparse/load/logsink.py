"""Log records of a library we call (pypdf) as one document's warnings, thread by thread.

One handler per logger, installed once and never removed; it hands each record
to the sink of the document being read *in the current thread* (a context
variable), so two documents parsed side by side in threads never see each
other's warnings, and no thread toggles a shared logger's state under another.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading

_SINK: contextvars.ContextVar[tuple[list[str], str] | None] = contextvars.ContextVar(
    "reportparse_log_sink", default=None)
_INSTALLED: set[str] = set()
_LOCK = threading.Lock()


class _Router(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        current = _SINK.get()
        if current is None:  # not reading a document here: behave as if we were not installed
            if not logging.getLogger().handlers and logging.lastResort is not None:
                if record.levelno >= logging.lastResort.level:
                    logging.lastResort.handle(record)
            return
        sink, prefix = current
        message = f"{prefix}{' '.join(record.getMessage().split())}"
        if message != prefix and message not in sink and len(sink) < 50:
            sink.append(message)


def _install(name: str) -> None:
    with _LOCK:
        if name in _INSTALLED:
            return
        logging.getLogger(name).addHandler(_Router(logging.WARNING))
        _INSTALLED.add(name)


@contextlib.contextmanager
def capture_log(name: str, sink: list[str], prefix: str = ""):
    """Warnings that logger ``name`` emits in this thread, inside the block, go to ``sink``."""
    _install(name)
    token = _SINK.set((sink, prefix))
    try:
        yield
    finally:
        _SINK.reset(token)
