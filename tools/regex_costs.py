"""Where a parse spends its regex time: every pattern compiled through ``reportparse.rx``,
with its calls, the characters it was given and its total time, by the line that called it.

    python tools/regex_costs.py [-n 25] [FILES...]     (default: the bench_parse texts)

A diagnostic for speed work (issue 14), not a benchmark: the proxy adds its own overhead,
so compare the rows with one another, not with bench_parse's figures.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

SPENT: collections.Counter = collections.Counter()
CALLS: collections.Counter = collections.Counter()
CHARS: collections.Counter = collections.Counter()


def _site() -> str:
    frame = sys._getframe(2)
    while frame and "/reportparse/" not in frame.f_code.co_filename.replace("\\", "/"):
        frame = frame.f_back
    if frame is None:
        return "?"
    name = frame.f_code.co_filename.replace("\\", "/").split("/reportparse/", 1)[1]
    return f"{name}:{frame.f_lineno}"


def _span(args, kwargs, string) -> int:
    pos = args[0] if args else kwargs.get("pos", 0) or 0
    end = args[1] if len(args) > 1 else kwargs.get("endpos")
    n = len(string) if isinstance(string, str) else 0
    return max(0, (n if end is None else min(end, n)) - pos)


class Proxy:
    def __init__(self, compiled):
        self._p = compiled

    def __getattr__(self, name):
        return getattr(self._p, name)

    def _timed(self, method, string, args, kwargs):
        key = (_site(), self._p.pattern[:70])
        CALLS[key] += 1
        CHARS[key] += _span(args, kwargs, string)
        t0 = time.perf_counter()
        try:
            return method(string, *args, **kwargs)
        finally:
            SPENT[key] += time.perf_counter() - t0

    def search(self, string, *a, **k):
        return self._timed(self._p.search, string, a, k)

    def match(self, string, *a, **k):
        return self._timed(self._p.match, string, a, k)

    def fullmatch(self, string, *a, **k):
        return self._timed(self._p.fullmatch, string, a, k)

    def findall(self, string, *a, **k):
        return self._timed(self._p.findall, string, a, k)

    def split(self, string, *a, **k):
        return self._timed(self._p.split, string, a, k)

    def sub(self, repl, string, *a, **k):
        key = (_site(), self._p.pattern[:70])
        CALLS[key] += 1
        CHARS[key] += len(string) if isinstance(string, str) else 0
        t0 = time.perf_counter()
        try:
            return self._p.sub(repl, string, *a, **k)
        finally:
            SPENT[key] += time.perf_counter() - t0

    def subn(self, repl, string, *a, **k):
        return self._p.subn(repl, string, *a, **k)

    def finditer(self, string, *a, **k):
        key = (_site(), self._p.pattern[:70])
        CALLS[key] += 1
        CHARS[key] += _span(a, k, string)
        it = self._p.finditer(string, *a, **k)

        def gen():
            while True:
                t0 = time.perf_counter()
                try:
                    m = next(it)
                except StopIteration:
                    SPENT[key] += time.perf_counter() - t0
                    return
                SPENT[key] += time.perf_counter() - t0
                yield m
        return gen()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=25)
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()
    import regex

    from reportparse import rx

    plain = rx.compile
    memo: dict = {}

    def compile(pattern, flags=0):  # noqa: A001
        if isinstance(pattern, Proxy):
            return pattern
        key = (pattern, flags)
        if key not in memo:
            memo[key] = Proxy(plain(pattern, flags))
        return memo[key]

    rx.compile = compile
    import bench_parse

    import reportparse
    import reportparse.parse  # noqa: F401 - every module a parse imports, so their patterns are wrapped

    wrap = lambda v: compile(v.pattern, v.flags) if isinstance(v, regex.Pattern) else v  # noqa: E731
    for mod in [m for n, m in sys.modules.items() if n.startswith("reportparse")]:
        for name, value in list(vars(mod).items()):
            if isinstance(value, regex.Pattern):
                setattr(mod, name, wrap(value))
            elif isinstance(value, list):
                value[:] = [tuple(wrap(x) for x in v) if isinstance(v, tuple) else wrap(v) for v in value]
            elif isinstance(value, dict):
                for k, v in list(value.items()):
                    value[k] = wrap(v)

    files = args.files or bench_parse.corpus_files()
    blobs = [(str(p), p.read_bytes()) for p in files]
    chars = 0
    for name, data in blobs:
        with contextlib.suppress(reportparse.ReportParseError):
            chars += len(reportparse.parse(data, name=name).text)
    total = sum(SPENT.values())
    print(f"{len(blobs)} reports, {chars:,} characters; regex time {total * 1000:.1f} ms, "
          f"characters given to patterns {sum(CHARS.values()) / max(chars, 1):.1f}x the text")
    print("   ms      %   calls  chars/text  site  pattern")
    for key, t in SPENT.most_common(args.n):
        print(f"{t * 1000:6.1f} {t / total * 100:5.1f}% {CALLS[key]:7d} {CHARS[key] / max(chars, 1):7.2f}  "
              f"{key[0]}  {key[1]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
