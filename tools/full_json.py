#!/usr/bin/env python3
"""Digests of the full JSON of every corpus and dev report: proof that a change kept every result.

    python tools/full_json.py            # compare with tests/data/full_json.json, list what differs
    python tools/full_json.py --update   # after an intended change of results: write the digests
    python tools/full_json.py --dump DIR # write each full JSON into DIR (to diff two states)

Files: every report of ``corpus/`` (texts, variants, the .html/.docx/.pdf containers; not the
scans, whose OCR depends on the optional engine) and, when ``../shared`` is beside the repo, of
``../shared/corpus/dev`` and ``../shared/corpus/dev-containers``. Each is parsed from its bytes
under a relative name, so the digest does not depend on where the checkout lives. A file that
fails keeps its one-line error as its "JSON". ``tests/test_full_json.py`` runs the comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "tests" / "data" / "full_json.json"
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".mht", ".mhtml"}
SOURCES = [("corpus", ROOT / "corpus"),
           ("dev", ROOT.parent / "shared" / "corpus" / "dev"),
           ("dev-containers", ROOT.parent / "shared" / "corpus" / "dev-containers")]


def report_files() -> list[tuple[str, Path]]:
    """(relative name, path) of every report the digests cover that is present here."""
    out = []
    for label, folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder)
            if path.is_file() and path.suffix in SUFFIXES and "scans" not in rel.parts:
                out.append((f"{label}/{rel.as_posix()}", path))
    return out


def full_json(name: str, data: bytes) -> str:
    import reportparse

    try:
        return reportparse.parse(data, name=name).model_dump_json()
    except reportparse.ReportParseError as err:
        return f"ERROR {err}"


def digests(dump: Path | None = None) -> dict[str, str]:
    out = {}
    for name, path in report_files():
        text = full_json(name, path.read_bytes())
        out[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
        if dump is not None:
            target = dump / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="write the digests of the current results")
    ap.add_argument("--dump", type=Path, help="also write every full JSON into this folder")
    args = ap.parse_args()
    now = digests(args.dump)
    if args.update:
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS.write_text(json.dumps(now, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {len(now)} digests to {DIGESTS.relative_to(ROOT)}")
        return 0
    known = json.loads(DIGESTS.read_text(encoding="utf-8"))
    changed = sorted(n for n in now if n in known and known[n] != now[n])
    new = sorted(n for n in now if n not in known)
    for n in changed:
        print(f"changed: {n}")
    for n in new:
        print(f"not in the digests: {n}")
    print(f"{len(now)} files, {len(changed)} changed, {len(new)} new")
    return 1 if changed or new else 0


if __name__ == "__main__":
    sys.exit(main())
