#!/usr/bin/env python3
"""Container loading speed: PDF pages per second, and loading's share of the whole parse.

    python benchmarks/bench_containers.py                  # corpus/containers + ../shared/corpus/dev-containers
    python benchmarks/bench_containers.py FILE_OR_DIR...   # any .html .docx .pdf (and .txt for comparison)
    python benchmarks/bench_containers.py --repeat 20

For PDFs it also times pdfminer.six on the same files when it is installed
(it is not a dependency): that comparison is why the loader uses pypdf.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reportparse.load import load_bytes  # noqa: E402
from reportparse.parse import parse_loaded  # noqa: E402

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}
DEFAULT = [ROOT / "corpus" / "containers", ROOT / "corpus", ROOT.parent / "shared" / "corpus" / "dev-containers"]


def files(args: list[Path]) -> list[Path]:
    out = []
    for arg in args:
        if arg.is_dir():
            out += sorted(p for p in arg.iterdir() if p.suffix.lower() in SUFFIXES)
        elif arg.exists():
            out.append(arg)
    return out


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def pdf_pages(data: bytes) -> int:
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def pdfminer_seconds(data: bytes, repeat: int) -> float | None:
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return None
    import io

    return best_of(repeat, lambda: extract_text(io.BytesIO(data)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    paths = files(args.paths or DEFAULT)
    if not paths:
        print("no input files", file=sys.stderr)
        return 2

    load_t: dict[str, list[float]] = defaultdict(list)
    total_t: dict[str, list[float]] = defaultdict(list)
    pages = pdf_time = miner_time = 0.0
    miner_ok = True
    for path in paths:
        data = path.read_bytes()
        loaded = load_bytes(data, path.name)
        kind = loaded.container
        t_load = best_of(args.repeat, lambda d=data, n=path.name: load_bytes(d, n))
        t_rest = best_of(args.repeat, lambda ld=loaded, n=path.name: parse_loaded(ld, n))
        load_t[kind].append(t_load)
        total_t[kind].append(t_load + t_rest)
        if kind == "pdf":
            pages += pdf_pages(data)
            pdf_time += t_load
            miner = pdfminer_seconds(data, max(1, args.repeat // 2))
            if miner is None:
                miner_ok = False
            else:
                miner_time += miner

    print(f"{'container':10} {'files':>5} {'load ms':>9} {'parse ms':>9} {'load share':>10}")
    for kind in sorted(load_t):
        load_ms = statistics.mean(load_t[kind]) * 1000
        total_ms = statistics.mean(total_t[kind]) * 1000
        share = sum(load_t[kind]) / sum(total_t[kind])
        print(f"{kind:10} {len(load_t[kind]):5d} {load_ms:9.1f} {total_ms:9.1f} {share:10.0%}")
    if pages:
        print(f"\nPDF extraction (pypdf, whole loader): {int(pages)} pages, {pages / pdf_time:.1f} pages/s")
        if miner_ok and miner_time:
            print(f"pdfminer.six extract_text, same files: {pages / miner_time:.1f} pages/s (for comparison)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
