"""Write the county outputs of a finished batch into OUTDIR, each file atomically."""

from __future__ import annotations

import json
import time
from pathlib import Path

from . import tables
from .atomic import write_bytes, write_text
from .dashboard import index_page
from .rollup import rollup, rollup_rows

OUTPUT_FILES = ("summary.csv", "summary.jsonl", "findings.csv", "errors.csv", "rollup.json", "rollup.csv",
                "summary.xlsx", "index.html")


def write_outputs(records: list[dict], outdir: str, skipped: list[str] = (), *, prune: bool = True,
                  lang: str = "zh") -> dict:
    """Write every county file from the records (in input order); return the roll-up."""
    out = Path(outdir)
    data = rollup(records)
    data["skipped_files"] = list(skipped)
    rows = rollup_rows(data)
    # The spreadsheet is the slowest file (~0.7 ms a row); on Linux a forked child
    # writes it while this process writes the rest.
    xlsx = _in_child(lambda: write_bytes(out / "summary.xlsx", tables.summary_xlsx(records, rows, lang)),
                     len(records) >= 200)
    write_text(out / "summary.csv", tables.summary_csv(records))
    write_text(out / "summary.jsonl", tables.summary_jsonl(records))
    write_text(out / "findings.csv", tables.findings_csv(records))
    write_text(out / "errors.csv", tables.errors_csv(records))
    write_text(out / "rollup.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_text(out / "rollup.csv", tables.rollup_csv(rows))
    write_text(out / "index.html", index_page(records, data, lang))
    if prune:  # not after an interruption: the unfinished files' pages from before stay usable
        prune_outputs(records, out)
    xlsx()
    return data


def prune_outputs(records: list[dict], out: Path) -> None:
    """Remove report and page files left by earlier runs for inputs that are gone or now
    fail, so the folder describes this run only (``reports/`` and ``pages/`` are ours)."""
    from .journal import PAGES_DIR, REPORTS_DIR

    keep = {r["name"] for r in records if r.get("ok")}
    for folder, suffix in ((REPORTS_DIR, ".json"), (PAGES_DIR, ".html")):
        directory = out / folder
        if directory.is_dir():
            for path in directory.iterdir():
                if path.suffix == suffix and path.stem not in keep:
                    path.unlink()


def _in_child(job, worth_it: bool):
    """Start ``job`` in a forked child; return a function that waits for it (runs it here if no fork)."""
    import multiprocessing
    import sys

    if not (worth_it and sys.platform.startswith("linux")):
        job()
        return lambda: None
    child = multiprocessing.get_context("fork").Process(target=job)
    child.start()

    def wait() -> None:
        child.join()
        if child.exitcode != 0:  # the child failed: write it here, so the error surfaces
            job()

    return wait


def write_run_stats(outdir: str, records: list[dict], *, cached: int, jobs: int, seconds: float) -> None:
    """How the last run went (time, memory), kept apart from the county files: these
    numbers change from run to run, the county files must not."""
    from .journal import CACHE_DIR
    from .work import peak_rss_kb

    worker_rss = [r["rss_kb"] for r in records if r.get("rss_kb")]
    worker_private = [r["private_kb"] for r in records if r.get("private_kb")]
    stats = {
        "inputs": len(records), "parsed_now": len(records) - cached, "cached": cached,
        "failed": sum(1 for r in records if not r.get("ok")), "jobs": jobs, "seconds": round(seconds, 3),
        "worker_peak_rss_kb": max(worker_rss) if worker_rss else None,
        "worker_private_kb": max(worker_private) if worker_private else None,
        "main_peak_rss_kb": peak_rss_kb(),
        "main_cpu_seconds": round(time.process_time(), 3),
    }
    write_text(Path(outdir) / CACHE_DIR / "last_run.json", json.dumps(stats, indent=1) + "\n")
