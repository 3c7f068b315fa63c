"""JSON Schemas of the public models, written to ``schemas/``."""

from __future__ import annotations

import json
from pathlib import Path

from .models import Report, Summary

SCHEMAS = {"report.schema.json": Report, "summary.schema.json": Summary}


def schema_texts() -> dict[str, str]:
    return {
        name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(out: str | Path = "schemas") -> list[Path]:
    """Write each schema whole (a temporary file renamed over the old one: never half a file)."""
    from .batch.atomic import write_text

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in schema_texts().items():
        path = out / name
        write_text(path, text)
        paths.append(path)
    return paths
