"""Write the county outputs of a finished batch into OUTDIR, each file atomically."""

from __future__ import annotations

import json
from pathlib import Path

from . import tables
from .atomic import write_bytes, write_text
from .dashboard import index_page
from .rollup import rollup, rollup_rows

OUTPUT_FILES = ("summary.csv", "summary.jsonl", "findings.csv", "errors.csv", "rollup.json", "rollup.csv",
                "summary.xlsx", "index.html")


def write_outputs(records: list[dict], outdir: str) -> dict:
    """Write every county file from the records (in input order); return the roll-up."""
    out = Path(outdir)
    data = rollup(records)
    rows = rollup_rows(data)
    write_text(out / "summary.csv", tables.summary_csv(records))
    write_text(out / "summary.jsonl", tables.summary_jsonl(records))
    write_text(out / "findings.csv", tables.findings_csv(records))
    write_text(out / "errors.csv", tables.errors_csv(records))
    write_text(out / "rollup.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_text(out / "rollup.csv", tables.rollup_csv(rows))
    write_bytes(out / "summary.xlsx", tables.summary_xlsx(records, rows))
    write_text(out / "index.html", index_page(records, data))
    return data
