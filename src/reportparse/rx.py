"""The ``regex`` module with compiled patterns kept between runs, like Python's ``.pyc`` files.

``regex`` parses and optimises a pattern in Python: the project's ~280 patterns cost about
0.25 s at every start of the CLI, most of its cold start. The result of that work is what
``regex`` itself pickles (``Pattern._pickled_data``: the engine's code and group tables),
which its C engine loads directly; this module keeps those in a file
in the user's cache folder (``$REPORTPARSE_CACHE``, else ``$XDG_CACHE_HOME/reportparse``, else
``~/.cache/reportparse``), keyed by the versions of ``regex`` and Python, so the next start
loads each pattern instead of compiling it. Set ``REPORTPARSE_CACHE=off`` to disable.

Modules use it in place of ``regex`` (``from . import rx as regex``): ``compile`` and the
module-level ``search``/``match``/... go through the cache, anything else is ``regex``'s own.
A missing, foreign or damaged cache file is ignored (checked by a digest before use); the
file is written once at exit, atomically, only when new patterns were compiled, and never
grows past :data:`MAX_PATTERNS`.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import stat
import sys
from pathlib import Path

import regex
from regex import _main

MAX_PATTERNS = 4000
MAX_FILE_BYTES = 16 * 1024 * 1024
_MEMO: dict[tuple[str, int], regex.Pattern] = {}
_STORED: dict[tuple[str, int], tuple] | None = None  # loaded lazily
_NEW: dict[tuple[str, int], tuple] = {}
_VERSION = f"regex {regex.__version__} magic {getattr(_main._regex, 'MAGIC', '?')} python {sys.version_info[:2]}"


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, or None when caching is off."""
    where = os.environ.get("REPORTPARSE_CACHE")
    if where is not None and where.strip().lower() in ("", "0", "off", "no", "false"):
        return None
    if where:
        folder = Path(where)
    else:
        home = os.path.expanduser("~")
        base = os.environ.get("XDG_CACHE_HOME") or (os.path.join(home, ".cache") if os.path.isabs(home) else None)
        if not base or not os.path.isabs(base):
            return None  # no home folder to keep it in: never a folder relative to where we run
        folder = Path(base) / "reportparse"
    tag = hashlib.sha256(_VERSION.encode()).hexdigest()[:12]
    return folder / f"regex-{tag}.marshal"


def _load() -> dict[tuple[str, int], tuple]:
    path = cache_file()
    if path is None:
        return {}
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return {}  # a FIFO or device there would block or never end
        blob = path.read_bytes()
        digest, payload = blob[:32], blob[32:]
        if hashlib.sha256(payload).digest() != digest:
            return {}
        version, entries = marshal.loads(payload)
        if version != _VERSION or not isinstance(entries, dict):
            return {}
        return entries
    except Exception:  # noqa: BLE001 - no cache, or not ours: compile as usual
        return {}


def _save() -> None:
    if not _NEW:
        return
    path = cache_file()
    if path is None:
        return
    try:
        entries = dict(_load())
        for key, args in _NEW.items():
            if len(entries) >= MAX_PATTERNS:
                break
            entries[key] = args
        payload = marshal.dumps((_VERSION, entries))
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
        _NEW.clear()
    except Exception:  # noqa: BLE001 - a read-only or full disk only costs the next start its speed
        with contextlib.suppress(Exception):
            tmp.unlink()


def _compile_recording(pattern: str, flags: int) -> tuple[regex.Pattern, tuple | None]:
    """Compile with ``regex``, and the arguments its C engine was given (what pickling keeps)."""
    compiled = regex.compile(pattern, flags)
    try:
        data = compiled._pickled_data
        if data[0] != pattern:
            return compiled, None
        args = tuple(data[1:])
        marshal.dumps(args)
    except (AttributeError, TypeError, ValueError, IndexError):
        return compiled, None
    return compiled, args


def compile(pattern, flags: int = 0) -> regex.Pattern:  # noqa: A001 - regex's own name
    """``regex.compile``, from the cache when this pattern was compiled by an earlier run."""
    if isinstance(pattern, regex.Pattern):
        return pattern
    key = (pattern, int(flags))
    compiled = _MEMO.get(key)
    if compiled is not None:
        return compiled
    global _STORED
    if _STORED is None:
        _STORED = _load()
        atexit.register(_save)
    args = _STORED.get(key) if isinstance(pattern, str) else None
    if args is not None:
        try:
            compiled = _main._regex.compile(pattern, *args)
        except Exception:  # noqa: BLE001 - a stale entry: compile it afresh
            compiled = None
    if compiled is None:
        if not isinstance(pattern, str):
            compiled = regex.compile(pattern, flags)
        else:
            compiled, args = _compile_recording(pattern, flags)
            if args is not None:
                _NEW[key] = args
    _MEMO[key] = compiled
    return compiled


class _EveryChar:
    """Stands for :func:`first_chars` when it is not known: every character is in it."""

    def __contains__(self, char: object) -> bool:
        return True


EVERY_CHAR = _EveryChar()


def first_chars(pattern: str, flags: int = 0, limit: int = 4096) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when that is not known.

    A guard before a ``match`` at a position: ``text[i] not in first_chars(p)`` means no match
    there, for the cost of a set lookup. None when the pattern can match the empty string,
    ignores case, starts with a class wider than ``limit`` characters or with a category
    (``\\d``, ``\\p{Han}``, ``.``), or uses syntax only ``regex`` reads. Lookarounds before the
    first character are skipped (the set can only grow), so the set is never too small.
    """
    try:
        import re._constants as c  # Python 3.11+
        import re._parser as sre
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as sre  # type: ignore[no-redef]
    if flags & regex.IGNORECASE or not isinstance(pattern, str):
        return None
    try:
        parsed = sre.parse(pattern)
    except Exception:  # noqa: BLE001 - regex-only syntax: not known
        return None
    if parsed.state.flags & c.SRE_FLAG_IGNORECASE:
        return None

    def seq(items) -> tuple[set[str], bool] | None:
        out: set[str] = set()
        for op, av in items:
            got = item(op, av)
            if got is None:
                return None
            chars, nullable = got
            out |= chars
            if len(out) > limit:
                return None
            if not nullable:
                return out, False
        return out, True

    def item(op, av) -> tuple[set[str], bool] | None:
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < limit:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None  # NEGATE, CATEGORY, a wide range
            return chars, False
        if op is c.BRANCH:
            out: set[str] = set()
            nullable = False
            for alternative in av[1]:
                got = seq(alternative)
                if got is None:
                    return None
                out |= got[0]
                nullable = nullable or got[1]
            return out, nullable
        if op is c.SUBPATTERN:
            if av[1] & c.SRE_FLAG_IGNORECASE:
                return None
            return seq(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            lo, hi, sub = av
            if hi == 0:
                return set(), True
            got = seq(sub)
            return None if got is None else (got[0], lo == 0 or got[1])
        if op is getattr(c, "ATOMIC_GROUP", None):
            return seq(av)
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True  # zero width: what follows starts the match
        return None  # ANY, CATEGORY, NOT_LITERAL, group references, ...

    got = seq(parsed)
    if got is None or got[1]:
        return None
    return frozenset(got[0])


def search(pattern, string, flags=0, *args, **kwargs):
    return compile(pattern, flags).search(string, *args, **kwargs)


def match(pattern, string, flags=0, *args, **kwargs):
    return compile(pattern, flags).match(string, *args, **kwargs)


def fullmatch(pattern, string, flags=0, *args, **kwargs):
    return compile(pattern, flags).fullmatch(string, *args, **kwargs)


def finditer(pattern, string, flags=0, *args, **kwargs):
    return compile(pattern, flags).finditer(string, *args, **kwargs)


def findall(pattern, string, flags=0, *args, **kwargs):
    return compile(pattern, flags).findall(string, *args, **kwargs)


def sub(pattern, repl, string, count=0, flags=0, *args, **kwargs):
    return compile(pattern, flags).sub(repl, string, count, *args, **kwargs)


def split(pattern, string, maxsplit=0, flags=0, *args, **kwargs):
    return compile(pattern, flags).split(string, maxsplit, *args, **kwargs)


def __getattr__(name: str):
    return getattr(regex, name)
