"""Write the seed corpus fuzz/seeds/<container>/ from the project's corpus/.

    python fuzz/make_seeds.py

txt: every corpus text and its encoding variants; html: the corpus HTML pages
and each text wrapped in a minimal page; docx: the corpus .docx files whole
and as their joined XML parts (see targets.py for the input convention);
md: the corpus markdown and pipe-table texts; numbering: fixed random byte
strings for the numbering generator.
"""

from __future__ import annotations

import hashlib
import html
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from targets import PART_SEPARATOR, split_docx  # noqa: E402

CORPUS = HERE.parent / "corpus"
SEEDS = HERE / "seeds"


def _write(container: str, data: bytes) -> None:
    out = SEEDS / container
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main() -> None:
    texts = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))
    for path in texts + sorted((CORPUS / "variants").glob("*.txt")):
        _write("txt", path.read_bytes())
    for path in sorted((CORPUS / "containers").glob("*.html")):
        _write("html", path.read_bytes())
    for path in texts[:6]:
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in path.read_text(encoding="utf-8").splitlines())
        _write("html", f"<html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>".encode())
    for path in sorted((CORPUS / "containers").glob("*.docx")):
        _write("docx", path.read_bytes())
        _write("docx", PART_SEPARATOR.join(split_docx(path.read_bytes())))
    for path in sorted(CORPUS.glob("*.md")):
        _write("md", path.read_bytes())
    for path in sorted(CORPUS.glob("tables_pipe_*.txt")) + sorted(CORPUS.glob("dept_2022_pipe_tables.txt")):
        _write("md", path.read_bytes())
    rng = random.Random(15)
    for _ in range(12):  # numbering: the generator's choices, from plain to absurd
        _write("numbering", bytes(rng.randrange(256) for _ in range(rng.randrange(20, 400))))
    for container in ("txt", "html", "docx", "md", "numbering"):
        print(container, len(list((SEEDS / container).iterdir())), "seeds")


if __name__ == "__main__":
    main()
