#!/usr/bin/env python3
"""OCR accuracy and cost on made scans of the project's own reports (needs the ``ocr`` extra).

    python benchmarks/bench_ocr.py                      # the default set, 200 dpi, noise, skew, stamp
    python benchmarks/bench_ocr.py --dpi 300 NAME ...   # corpus report names (corpus/NAME.txt|.md)

For each report: its PDF (corpus/containers/NAME.pdf) is scanned with
tools/make_scans.py into a temporary folder, the image-only PDF is parsed,
and its summary and table cells are compared with the parse of the text
original. Prints per report: pages, seconds per page (wall and CPU), mean
confidence, summary fields and table cells equal, and each difference with
whether OCR flagged it (a low-confidence warning). A difference OCR did not
flag is a WRONG value at high confidence. At the end: the shares, time per
page and peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

# 2019 and 2021 formats; the project PDFs whose tables fit the paper (make_scans refuses the others).
DEFAULT = [
    "tables_pipe_2019", "tables_pipe_2021", "tables_runtogether_2019", "tables_runtogether_2021",
    "tables_spaces_2019", "tables_spaces_2021", "tables_tabs_2019", "tables_tabs_2021",
    "tables_units_2019", "tables_year_vs_format_2021", "tables_trad_2021", "township_2022_skipped_numbers",
]
SKIP = {"file", "ok", "error", "ocr"}


def cells(report) -> dict[str, object]:
    out = {}
    for name in ("proactive", "requests", "review_litigation"):
        table = getattr(report.tables, name) or {}
        for row, columns in table.items():
            for column, value in (columns or {}).items():
                if isinstance(value, dict):
                    value = value.get("value")
                out[f"{name}.{row}.{column}"] = value
    return out


def flagged(report, key: str) -> bool:
    """Does a warning name this field or cell as resting on low-confidence characters?"""
    text = " ".join(w for w in report.warnings if w.startswith("OCR"))
    leaf = key.split(".")[-1]
    return leaf in text or key in text


def original(name: str) -> Path:
    for suffix in (".txt", ".md"):
        path = ROOT / "corpus" / f"{name}{suffix}"
        if path.exists():
            return path
    raise SystemExit(f"no corpus/{name}.txt or .md")


def main(argv: list[str] | None = None) -> int:
    import make_scans
    import pypdfium2 as pdfium

    import reportparse
    from reportparse.load import ocr

    if not ocr.available():
        print(f"the OCR extra is not installed: {ocr.INSTALL_HINT}")
        return 2
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", default=DEFAULT)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--quality", type=int, default=60)
    ap.add_argument("--dump", type=Path, help="write each scan's OCR text here (NAME.ocr.txt)")
    args = ap.parse_args(argv)
    fields_equal = fields_total = cells_equal = cells_total = 0
    wrong_unflagged = 0
    pages_total = 0
    wall_total = cpu_total = 0.0
    ocr._engine()  # the model load (1-2 s) is once per process, not per page
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.names:
            pdf = ROOT / "corpus" / "containers" / f"{name}.pdf"
            # Scans are made in a child process: this process's peak memory is then what reading
            # a scan costs (making one holds float copies of every page).
            subprocess.run([sys.executable, make_scans.__file__, "--dpi", str(args.dpi), "--quality",
                            str(args.quality), "--out", tmp, str(pdf)], check=True, capture_output=True)
            target = Path(tmp) / f"{name}.scan.pdf"
            with pdfium.PdfDocument(str(target)) as document:
                pages = range(len(document))
            wall, cpu = time.monotonic(), time.process_time()
            scanned = reportparse.parse(target, limits=reportparse.Limits(max_seconds=600))
            wall, cpu = time.monotonic() - wall, time.process_time() - cpu
            text = reportparse.parse(original(name))
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{name}.ocr.txt").write_text(scanned.text, encoding="utf-8")
            a, b = reportparse.summarize(text).model_dump(), reportparse.summarize(scanned).model_dump()
            diffs = []
            for key in a:
                if key in SKIP:
                    continue
                fields_total += 1
                if a[key] == b[key]:
                    fields_equal += 1
                else:
                    diffs.append((key, a[key], b[key]))
            ca, cb = cells(text), cells(scanned)
            for key in ca:
                cells_total += 1
                if ca[key] == cb.get(key):
                    cells_equal += 1
                else:
                    diffs.append((key, ca[key], cb.get(key)))
            n = len(pages)
            pages_total += n
            wall_total += wall
            cpu_total += cpu
            info = scanned.source.ocr
            print(f"{name}: {n} pages, {wall / n:.1f} s/page wall, {cpu / n:.1f} s/page CPU, "
                  f"confidence {info.mean_confidence:.3f}, {len(diffs)} differences")
            for key, want, got in diffs:
                mark = "flagged" if flagged(scanned, key) else "WRONG (not flagged)"
                if mark.startswith("WRONG") and got is not None:
                    wrong_unflagged += 1
                print(f"    {key}: text {want!r} / ocr {got!r}  [{mark}]")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"summary fields equal: {fields_equal}/{fields_total} = {fields_equal / max(1, fields_total):.3f}")
    print(f"table cells equal:    {cells_equal}/{cells_total} = {cells_equal / max(1, cells_total):.3f}")
    print(f"wrong values not flagged (a value, not a null): {wrong_unflagged}")
    print(f"{pages_total} pages: {wall_total / pages_total:.2f} s/page wall, {cpu_total / pages_total:.2f} s/page CPU; "
          f"peak memory {peak:.0f} MiB (max RSS)")
    print(f"load average (1 min) at start {load_before[0]:.1f}, at end {os.getloadavg()[0]:.1f}; "
          f"{os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
