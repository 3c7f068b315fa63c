"""Whole files or nothing: every output is written to a temporary file beside
its target and renamed over it, so an interrupted batch never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

_MODE: list[int] = []


def file_mode() -> int:
    """The mode a new file gets from the user's umask (0644 under umask 022): ``mkstemp``
    makes 0600 files, which a colleague opening the county folder could not read."""
    if not _MODE:
        mask = os.umask(0o022)
        os.umask(mask)
        _MODE.append(0o666 & ~mask)
    return _MODE[0]


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, file_mode())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | os.PathLike[str], text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
