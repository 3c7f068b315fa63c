#!/usr/bin/env python3
"""PDF character extractors compared: accuracy against the known text, and pages per CPU second (the machine is shared: wall time swings).

    python benchmarks/bench_pdf_extractors.py            # corpus/containers/*.pdf against corpus/NAME.txt|.md
    python benchmarks/bench_pdf_extractors.py --real ../shared/corpus/dev/150_huaian_hongzequ_2023.pdf

Accuracy: the printed characters (no spaces, no ``|``) of each PDF as a
multiset, against those of the text it was made from (the page-number
footers and running headers the PDF adds are not in the text, so precision
is a little under 1 for every extractor); recall is the share of the text's
characters the extractor gives back, order aside. Order and tables are
measured by the scorer (``eval/score.py``) on the whole parse, see RESULTS.md.

Extractors: pypdf's plain and layout modes (what the loader used before),
PDFium through pypdfium2 (what it uses now), pdfplumber / pdfminer.six when
installed (neither is a dependency).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def pypdf_plain(data: bytes) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def pypdf_layout(data: bytes) -> list[str]:
    import pypdf

    return [p.extract_text(extraction_mode="layout") or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdfium_layout(data: bytes) -> list[str]:
    """The loader's own path: characters, strokes, tables as pipe rows."""
    from reportparse.config import Limits
    from reportparse.load.pdf import read_pages

    return ["\n".join(p.lines) for p in read_pages(data, Limits(), [])]


def pdfplumber_chars(data: bytes) -> list[str]:
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.lines  # noqa: B018 - the strokes a table rebuild would need, timed too
            out.append("".join(c["text"] for c in page.chars))
    return out


EXTRACTORS = {"pypdf plain": pypdf_plain, "pypdf layout": pypdf_layout, "pdfium + layout": pdfium_layout,
              "pdfplumber": pdfplumber_chars}


def _chars(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace() and ch not in "|-")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--real", nargs="*", type=Path, default=[])
    args = ap.parse_args()
    pairs = []
    for pdf in sorted((ROOT / "corpus" / "containers").glob("*.pdf")):
        for suffix in (".txt", ".md"):
            src = ROOT / "corpus" / (pdf.stem + suffix)
            if src.exists():
                pairs.append((pdf, src.read_text(encoding="utf-8")))
    for name, extract in EXTRACTORS.items():
        try:
            extract(pairs[0][0].read_bytes())
        except ImportError:
            print(f"{name:16s} not installed")
            continue
        hit = want = got = pages = 0
        seconds = 0.0
        for pdf, text in pairs:
            data = pdf.read_bytes()
            started = time.process_time()
            out = extract(data)
            seconds += time.process_time() - started
            pages += len(out)
            truth, found = _chars(text), _chars("".join(out))
            hit += sum((truth & found).values())
            want += sum(truth.values())
            got += sum(found.values())
        real_pages = 0
        real_seconds = 0.0
        for path in args.real:
            data = path.read_bytes()
            started = time.process_time()
            real_pages += len(extract(data))
            real_seconds += time.process_time() - started
        real = f"  real: {real_pages} pages {real_pages / real_seconds:6.1f} pages/s" if real_pages else ""
        print(f"{name:16s} recall {hit / want:.4f} precision {hit / got:.4f}  "
              f"{pages} pages {pages / seconds:6.1f} pages/s{real}")


if __name__ == "__main__":
    main()
